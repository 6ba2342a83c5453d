#!/bin/sh
# make install / uninstall into a temporary DESTDIR: the installed program
# runs from elsewhere with an empty environment and no source tree (its
# knowledge base is compiled in), the installed copy of the rules and the
# example extension load, each man page renders with man -l, the installed
# bash and fish completion work, zsh's is where zsh looks, and uninstall
# leaves no file behind.
# usage: MAKE=make tests/install.sh ./archadvisor BUILDDIR
set -u
A=$1
B=${2:-build}
. tests/lib.sh
MAKE=${MAKE:-make}
TOP=$(pwd)

# inst NAME COMMAND...: run from an empty directory, nearly no environment.
mkdir "$T/elsewhere" "$T/home"
inst() {
	name=$1
	shift
	if (cd "$T/elsewhere" && env -i PATH=/usr/bin:/bin HOME="$T/home" \
	    LC_ALL=C.UTF-8 "$@") >"$T/out" 2>"$T/err" </dev/null; then
		pass "$name"
	else
		fail "$name" "exit $?" "$(head -3 "$T/err")"
	fi
}

D=$T/dest
if $MAKE -s --no-print-directory install DESTDIR="$D" PREFIX=/usr \
    B="$B" BIN="$A" >"$T/make" 2>&1; then pass install; else
	fail install "$(tail -5 "$T/make")"; fi
P=$D/usr/bin/archadvisor
for f in bin/archadvisor share/archadvisor/rules/questions.yaml \
    share/doc/archadvisor/examples/nightly-finance.yaml \
    share/doc/archadvisor/examples/extensions/lakehouse.yaml \
    share/man/man1/archadvisor.1 share/man/man5/archadvisor-answers.5 \
    share/man/man5/archadvisor-rules.5 \
    share/bash-completion/completions/archadvisor \
    share/zsh/vendor-completions/_archadvisor \
    share/fish/vendor_completions.d/archadvisor.fish; do
	check "installed $f" [ -f "$D/usr/$f" ]
done
check "binary executable" [ -x "$P" ]
check "rules not executable" [ ! -x "$D/usr/share/archadvisor/rules/questions.yaml" ]

EX=$D/usr/share/doc/archadvisor/examples
inst run-report "$P" report --answers "$EX/nightly-finance.yaml"
check run-report-ranks has "$T/out" '^Recommendation: '
inst run-version "$P" --version
check run-version-built-in has "$T/out" '(built in)$'
inst run-check-installed-rules "$P" check --rules \
    "$D/usr/share/archadvisor/rules"
inst run-extension "$P" report --rules "$EX/extensions/lakehouse.yaml" \
    --format json
check run-extension-seven [ "$(jq '.ranking | length' "$T/out")" -eq 7 ]
inst run-questions "$P" questions
check run-not-in-tree [ "$(cd "$T/elsewhere" && ls -A | wc -l)" -eq 0 ]
# A copy of the lone binary, nothing else beside it, works too.
cp "$P" "$T/home/archadvisor"
inst lone-binary "$T/home/archadvisor" patterns kappa

# The manual: each page through man -l, and the installed paths in FILES.
for m in "$D"/usr/share/man/man*/*; do
	n=$(basename "$m")
	if MANWIDTH=80 MANPAGER=cat man -l "$m" >"$T/man" 2>"$T/err" &&
	    [ ! -s "$T/err" ] && grep -q '^NAME' "$T/man" &&
	    grep -q 'SEE ALSO' "$T/man"; then pass "man -l $n"
	else fail "man -l $n" "$(head -3 "$T/err")"; fi
done
MANWIDTH=80 MANPAGER=cat man -l "$D/usr/share/man/man1/archadvisor.1" \
    > "$T/man" 2>/dev/null
check man-files-prefix has "$T/man" '/usr/share/archadvisor/rules/'
check man-files-no-default-prefix sh -c "! grep -q /usr/local/ $T/man"

# The installed bash completion, with the installed program.
bash -c ". $D/usr/share/bash-completion/completions/archadvisor
COMP_WORDS=($P explain ka); COMP_CWORD=2; _archadvisor
echo \"\${COMPREPLY[*]}\"" >"$T/out" 2>"$T/err"
check installed-completion [ "$(cat "$T/out")" = kappa ]
# Where Debian's zsh looks (its $fpath), and fish's vendor directory.
check zsh-looks-there zsh -fc "[[ \${fpath[(Ie)/usr/share/zsh/vendor-completions]} -gt 0 ]]"
PATH="$D/usr/bin:$PATH" fish --no-config -c "source \
    $D/usr/share/fish/vendor_completions.d/archadvisor.fish
complete -C 'archadvisor explain ka'" >"$T/out" 2>"$T/err"
check installed-fish-completion has "$T/out" "$(printf '^kappa\tKappa')"

if $MAKE -s --no-print-directory uninstall DESTDIR="$D" PREFIX=/usr \
    B="$B" BIN="$A" >"$T/make" 2>&1; then pass uninstall; else
	fail uninstall "$(tail -5 "$T/make")"; fi
find "$D" ! -type d > "$T/left"
check uninstall-leaves-no-file [ ! -s "$T/left" ]
check uninstall-removes-data-dir [ ! -d "$D/usr/share/archadvisor" ]
check uninstall-removes-doc-dir [ ! -d "$D/usr/share/doc/archadvisor" ]

# The default PREFIX is /usr/local.
D2=$T/dest2
$MAKE -s --no-print-directory install DESTDIR="$D2" B="$B" BIN="$A" \
    >"$T/make" 2>&1
check default-prefix [ -x "$D2/usr/local/bin/archadvisor" ]
check default-prefix-zsh [ -f "$D2/usr/local/share/zsh/site-functions/_archadvisor" ]
$MAKE -s --no-print-directory uninstall DESTDIR="$D2" B="$B" BIN="$A" \
    >"$T/make" 2>&1
check default-prefix-uninstalled [ -z "$(find "$D2" ! -type d)" ]
cd "$TOP" || exit 1

finish install
