#!/bin/sh
# Shell completion: completion/archadvisor.bash is sourced into bash and
# called as bash would call it (COMP_WORDS split at '=' as readline does,
# COMP_CWORD), and completion/_archadvisor into zsh with compadd, compset
# and _files stubbed; the candidates are checked. Both must offer what the
# program and its knowledge base (extensions included) define.
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
	compadd() {
		local suffix= w
		while (( $# )); do
			case $1 in
			-S) suffix=$2; shift 2 ;;
			--) shift; break ;;
			*) shift ;;
			esac
		done
		for w in "$@"; do
			[[ $w == ${PREFIX}* ]] && GOT+=("$IPREFIX$w$suffix")
		done
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
	print -l -- $GOT | sort' zcomp "$A" "$@" > "$T/got"
}

# same NAME EXPECTED...: the candidates are exactly these.
same() {
	name=$1
	shift
	printf '%s\n' "$@" | sort > "$T/want"
	if cmp -s "$T/want" "$T/got"; then pass "$name"; else
		fail "$name" "wanted: $(tr '\n' ' ' < "$T/want")" \
		    "got:    $(tr '\n' ' ' < "$T/got")"; fi
}

# has NAME WORD...: each word is among the candidates.
has() {
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

for sh in b z; do
	c=${sh}comp
	$c ''
	# shellcheck disable=SC2086
	same "$sh-commands" $commands
	has "$sh-commands-known" report explain patterns questions check
	$c re
	same "$sh-command-prefix" report
	$c -
	same "$sh-global-options" --plain --rules --color --version --help
	$c report --f
	same "$sh-option-prefix" --format
	$c report --format ''
	has "$sh-report-formats" text json
	$c explain --format ''
	same "$sh-explain-formats" text json
	$c explain -f j
	same "$sh-short-option-value" json
	$c explain ''
	# shellcheck disable=SC2086
	same "$sh-patterns" $patterns
	$c explain ka
	same "$sh-pattern-prefix" kappa
	$c patterns kappa ''
	same "$sh-one-pattern-only"
	$c --color ''
	same "$sh-color" auto always never
	$c report --set lat
	same "$sh-set-question" latency=
	$c --rules $LH patterns ''
	has "$sh-extension-global" lakehouse kappa
	$c report --set use_cases=iot ''
	same "$sh-no-operands"
	$c explain -r $LH lak
	same "$sh-extension-command" lakehouse
	$c complete ''
	same "$sh-complete-what" commands options formats operands patterns \
	    questions values
	$c check ''
	same "$sh-check-path" "$(if [ $sh = b ]; then ls -A; else
	    echo '<files >'; fi)"
	$c check x ''
	same "$sh-check-one-path"
	$c questions ''
	same "$sh-questions-no-operands"
	$c complete values cost
	same "$sh-complete-values" cost_priority
done

# bash splits words at '=' (COMP_WORDBREAKS); the value is what is replaced.
bcomp report --set sql_skills = s
same b-split-level some strong
bcomp report --set sql_skills =
same b-split-level-empty none some strong
bcomp report --color = al
same b-split-color always
bcomp report --format = j
same b-split-format json
bcomp report --answers data/examples/card-f
same b-answers-file data/examples/card-fraud.yaml
bcomp check tests/kb/mi
same b-check-path tests/kb/mini.yaml
bcomp report -s realtime_outputs =
same b-split-bool true false
# zsh keeps "id=" in the word; compset moves it out of the way.
zcomp report -s sql_skills=s
same z-set-level sql_skills=some sql_skills=strong
zcomp report --set realtime_outputs=
same z-set-bool realtime_outputs=true realtime_outputs=false
zcomp report --color=al
same z-color-equals --color=always
zcomp report --answers data/
same z-answers-file '<files >'
zcomp check --rules ''
same z-rules-path '<files >'

# The user's rules.d completes too.
mkdir -p "$T/config/archadvisor/rules.d"
cp $LH "$T/config/archadvisor/rules.d/"
bcomp explain la
same b-rules-d lakehouse lambda
zcomp explain la
same z-rules-d lakehouse lambda

# Both files parse in their shell.
if bash -n completion/archadvisor.bash; then pass bash-syntax; else
	fail bash-syntax; fi
if zsh -n completion/_archadvisor; then pass zsh-syntax; else
	fail zsh-syntax; fi

finish completion
