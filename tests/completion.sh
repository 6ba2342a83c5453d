#!/bin/sh
# Shell completion: completion/archadvisor.bash is sourced into bash and
# called as bash would call it (COMP_WORDS split at '=' as readline does,
# COMP_CWORD), completion/_archadvisor into zsh with compadd, compset and
# _files stubbed, and completion/archadvisor.fish into fish, asked with
# 'complete -C' as fish itself asks; the candidates are checked. All three
# must offer what the program and its knowledge base (extensions
# included) define, and the value every option takes.
# usage: tests/completion.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
case $A in /*) ;; *) A=$(pwd)/$A ;; esac
LH=data/extensions/lakehouse.yaml

# bcomp WORD...: the candidates bash offers for the last word.
bcomp() {
	bash -c '. completion/archadvisor.bash
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	_archadvisor
	printf "%s\n" "${COMPREPLY[@]}" | sort' bcomp "$A" "$@" > "$T/got"
}

# zcomp WORD...: the candidates zsh offers for the last word.
zcomp() {
	zsh -f -c 'typeset -ga GOT
	typeset -ga DESCS
	compadd() {
		local suffix= w d=
		while (( $# )); do
			case $1 in
			-S) suffix=$2; shift 2 ;;
			-d) d=$2; shift 2 ;;
			--) shift; break ;;
			*) shift ;;
			esac
		done
		for w in "$@"; do
			[[ $w == ${PREFIX}* ]] && GOT+=("$IPREFIX$w$suffix")
		done
		[[ -n $d ]] && DESCS+=("${(@P)d}")
	}
	compset() {
		[[ $1 == -P && $PREFIX == *=* ]] || return 1
		IPREFIX+=${PREFIX%=*}=
		PREFIX=${PREFIX##*=}
	}
	_files() { GOT+=("<files $*>"); }
	words=("$@")
	CURRENT=$#
	PREFIX=${words[CURRENT]}
	IPREFIX=
	SUFFIX=
	. completion/_archadvisor
	print -l -- $DESCS > "$ZDESCS"
	print -l -- $GOT | sort' zcomp "$A" "$@" > "$T/got"
}
ZDESCS=$T/zdescs
export ZDESCS

# fcomp WORD...: the candidates fish offers for the last word (the
# program found on PATH as "archadvisor", as fish finds it).
mkdir "$T/bin"
ln -s "$A" "$T/bin/archadvisor"
fcomp() {
	line="archadvisor"
	for w in "$@"; do line="$line $w"; done
	PATH="$T/bin:$PATH" fish --no-config -c 'source completion/archadvisor.fish
	complete -C $argv[1]' "$line" > "$T/fdescs"
	cut -f1 "$T/fdescs" | sort > "$T/got"
	# As the other shells' harnesses print it: one empty line for none.
	[ -s "$T/got" ] || echo > "$T/got"
}

# offers NAME EXPECTED...: the candidates are exactly these.
offers() {
	name=$1
	shift
	printf '%s\n' "$@" | sort > "$T/want"
	if cmp -s "$T/want" "$T/got"; then pass "$name"; else
		fail "$name" "wanted: $(tr '\n' ' ' < "$T/want")" \
		    "got:    $(tr '\n' ' ' < "$T/got")"; fi
}

# offers_all NAME WORD...: each word is among the candidates.
offers_all() {
	name=$1
	shift
	for w in "$@"; do
		if ! grep -qx -- "$w" "$T/got"; then
			fail "$name" "no '$w' in: $(tr '\n' ' ' < "$T/got")"
			return
		fi
	done
	pass "$name"
}

commands=$("$A" complete commands)
patterns=$("$A" complete patterns)

for sh in b z f; do
	c=${sh}comp
	$c ''
	# shellcheck disable=SC2086
	offers "$sh-commands" $commands
	offers_all "$sh-commands-known" report explain patterns questions check
	$c rep
	offers "$sh-command-prefix" report
	$c -
	offers "$sh-global-options" --plain --rules --color --version --help
	$c report --f
	offers "$sh-option-prefix" --format
	$c report --format ''
	offers_all "$sh-report-formats" text json
	$c explain --format ''
	offers "$sh-explain-formats" text json
	$c explain -f j
	offers "$sh-short-option-value" json
	$c explain ''
	# shellcheck disable=SC2086
	offers "$sh-patterns" $patterns
	$c explain ka
	offers "$sh-pattern-prefix" kappa
	$c patterns kappa ''
	offers "$sh-one-pattern-only"
	$c --color ''
	offers "$sh-color" auto always never
	$c report --set lat
	offers "$sh-set-question" latency=
	$c --rules $LH patterns ''
	offers_all "$sh-extension-global" lakehouse kappa
	$c report --set use_cases=iot ''
	offers "$sh-no-operands"
	$c explain -r $LH lak
	offers "$sh-extension-command" lakehouse
	$c complete ''
	offers "$sh-complete-what" commands options formats operands patterns \
	    questions values line
	$c check tests/kb/mi
	if [ $sh = z ]; then offers z-check-path '<files >'; else
		offers "$sh-check-path" tests/kb/mini.yaml; fi
	$c check x ''
	offers "$sh-check-one-path"
	$c questions ''
	offers "$sh-questions-no-operands"
	$c complete values cost
	offers "$sh-complete-values" cost_priority
	# Each option's value is what the option takes, not a guess.
	$c batch --input ''
	offers "$sh-batch-input" yaml jsonl
	$c batch --format ''
	offers "$sh-batch-format" csv jsonl
	$c diff -f ''
	offers "$sh-diff-format" text json markdown html
	$c help ''
	# shellcheck disable=SC2086
	offers "$sh-help-commands" $commands
	$c help ex
	offers "$sh-help-command-prefix" explain
	$c precedents --count ''
	offers "$sh-count-free"
	$c report --set use_cases=iot,e
	# bash replaces what follows the '=' (COMP_WORDBREAKS).
	if [ $sh = b ]; then offers b-set-member iot,etl; else
		offers "$sh-set-member" use_cases=iot,etl; fi
	$c explain -- ka
	offers "$sh-operand-after-dashdash" kappa
	$c explain -- --f
	offers "$sh-no-option-after-dashdash"
done

# bash splits words at '=' (COMP_WORDBREAKS); the value is what is replaced.
bcomp report --set sql_skills = s
offers b-split-level some strong
bcomp report --set sql_skills =
offers b-split-level-empty none some strong
bcomp report --color = al
offers b-split-color always
bcomp report --format = j
offers b-split-format json
bcomp report --answers data/examples/card-f
offers b-answers-file data/examples/card-fraud.yaml
bcomp check tests/kb/mi
offers b-check-path tests/kb/mini.yaml
bcomp report -s realtime_outputs =
offers b-split-bool true false
# zsh keeps "id=" in the word; compset moves it out of the way.
zcomp report -s sql_skills=s
offers z-set-level sql_skills=some sql_skills=strong
zcomp report --set realtime_outputs=
offers z-set-bool realtime_outputs=true realtime_outputs=false
zcomp report --color=al
offers z-color-equals --color=always
zcomp report --answers data/
offers z-answers-file '<files >'
zcomp check --rules ''
offers z-rules-path '<files >'

zcomp report --adr-dir ''
offers z-adr-dir '<files -/>'
# zsh shows a description beside each word.
zcomp ''
if grep -qx 'report -- Rank the patterns for one scenario and explain why.' \
    "$ZDESCS"; then pass z-describes-commands; else
	fail z-describes-commands "$(head -3 "$ZDESCS")"; fi
zcomp explain ka
if grep -qx 'kappa -- Kappa Architecture' "$ZDESCS"; then
	pass z-describes-patterns; else
	fail z-describes-patterns "$(cat "$ZDESCS")"; fi
# --adr-dir offers directories, not files.
mkdir -p "$T/pick/dir1"
: > "$T/pick/dfile"
bcomp report --adr-dir "$T/pick/d"
offers b-adr-dir-dirs-only "$T/pick/dir1"
# fish, as a user sees it: descriptions, files after '=', directories.
fcomp report --answers=data/examples/card-f
offers f-answers-equals --answers=data/examples/card-fraud.yaml
fcomp report --adr-dir "$T/pick/d"
offers f-adr-dir-dirs-only "$T/pick/dir1/"
fcomp explain ka
if grep -qx "$(printf 'kappa\tKappa Architecture')" "$T/fdescs"; then
	pass f-describes-patterns; else
	fail f-describes-patterns "$(cat "$T/fdescs")"; fi
fcomp report --f
if grep -q "$(printf '^--format\t.')" "$T/fdescs"; then
	pass f-describes-options; else
	fail f-describes-options "$(cat "$T/fdescs")"; fi

# Every option that takes a value offers something for it, on every
# command, apart from the free text of --count.
for c in '' $commands; do
	"$A" complete options $c | while IFS="$(printf '\t')" read -r o arg; do
		[ -z "$arg" ] && continue
		case $o in --count|-n) continue ;; esac
		"$A" complete line -- $c "$o" '' > "$T/o"
		if [ -s "$T/o" ]; then pass "value-of ${c:-main} $o"; else
			fail "value-of ${c:-main} $o" "nothing offered"; fi
	done
done

# The user's rules.d completes too.
mkdir -p "$T/config/archadvisor/rules.d"
cp $LH "$T/config/archadvisor/rules.d/"
bcomp explain la
offers b-rules-d lakehouse lambda
zcomp explain la
offers z-rules-d lakehouse lambda
fcomp explain la
offers f-rules-d lakehouse lambda

# The operands each usage line names, and the kind of word offered at
# each place: options in the usage line are no operands, and the last
# operand, repeating, stands for every place after it.
"$A" complete operands diff >"$T/out"
check operands-diff [ "$(tr '\n' ' ' <"$T/out")" = "A.yaml B.yaml C.yaml... " ]
"$A" complete operands batch >"$T/out"
check operands-batch [ "$(cat "$T/out")" = "FILE|-..." ]
"$A" complete operands report >"$T/out"
check operands-options-are-none empty "$T/out"
"$A" complete line -- diff a b c d '' >"$T/out"
check operand-repeats has "$T/out" '^:files$'
"$A" complete line -- help x '' >"$T/out"
check operand-past-the-last empty "$T/out"

# Both files parse in their shell.
if bash -n completion/archadvisor.bash; then pass bash-syntax; else
	fail bash-syntax; fi
if zsh -n completion/_archadvisor; then pass zsh-syntax; else
	fail zsh-syntax; fi
if fish --no-execute completion/archadvisor.fish; then pass fish-syntax; else
	fail fish-syntax; fi

finish completion
