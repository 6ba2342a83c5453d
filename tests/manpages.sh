#!/bin/sh
# The manual pages: they render without warnings, archadvisor(1) documents
# exactly the commands and options that --help lists (for every command,
# read from the program itself, so a new option without its manual entry
# fails here), and the examples of the format pages load.
# usage: tests/manpages.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
MAN1=man/archadvisor.1

for m in man/*.[1-9]; do
	if groff -mandoc -ww -z "$m" > "$T/warn" 2>&1 && [ ! -s "$T/warn" ]
	then pass "renders $(basename "$m")"
	else fail "renders $(basename "$m")" "$(head -3 "$T/warn")"; fi
done

# Options as "-a --answers FILE", one a line, sorted: from --help text on
# stdin (lines from "$1:" to the next blank line), or from the man page's
# .It lines between two patterns.
help_opts() {
	awk -v head="$1:" '
	$0 == head { on = 1; next }
	on && /^$/ { on = 0 }
	on && /^ +-/ {
		sub(/^ +/, ""); sub(/  .*/, ""); gsub(/,/, "")
		print
	}' | sort
}
man_opts() {
	awk -v from="$1" -v to="$2" '
	$0 ~ from { on = 1; next }
	on && $0 ~ to { on = 0 }
	on && /^\.It Fl / {
		gsub(/\\/, ""); out = ""
		n = split($0, w, " ")
		for (i = 2; i <= n; i++) {
			if (w[i] == "Fl") { out = out " -" w[++i] }
			else if (w[i] == "Ar") { out = out " " w[++i] }
		}
		sub(/^ /, "", out)
		print out
	}' "$MAN1" | sort
}
# compare NAME FILE-A FILE-B: the same lines, or a diff.
compare() {
	if diff "$2" "$3" > "$T/diff"; then pass "$1"; else
		fail "$1" "< --help, > $MAN1:" "$(cat "$T/diff")"; fi
}

"$A" --help | help_opts 'global options' | grep -v -- '--plain' \
    > "$T/help-global"
man_opts '^\.Sh OPTIONS$' '^\.S[hs] ' > "$T/man-global"
compare "global options" "$T/help-global" "$T/man-global"
# --plain comes only before no command: documented beside the list.
grep -q 'Fl \\-plain' "$MAN1" && pass "plain documented" ||
    fail "plain documented"
[ -s "$T/help-global" ] && pass "global options found" ||
    fail "global options found"

"$A" --help | awk '/^commands:$/ { on = 1; next } on && /^$/ { on = 0 }
    on { print $1 }' | sort > "$T/help-cmds"
awk '/^\.Sh COMMANDS$/ { on = 1; next } on && /^\.Sh / { on = 0 }
    on && /^\.Ss / { print $2 }' "$MAN1" | sort > "$T/man-cmds"
compare "commands" "$T/help-cmds" "$T/man-cmds"
[ "$(wc -l < "$T/help-cmds")" -ge 6 ] && pass "commands found" ||
    fail "commands found"

for c in $(cat "$T/help-cmds"); do
	"$A" "$c" --help | help_opts options > "$T/help-$c"
	{ man_opts "^\\.Ss $c\$" '^\.S[hs] '; cat "$T/man-global"; } |
	    sort > "$T/man-$c"
	compare "options of $c" "$T/help-$c" "$T/man-$c"
done

# The comparison itself notices a difference.
printf '%s\n' '-a --answers FILE' > "$T/x1"
printf '%s\n' '-a --answers FMT' > "$T/x2"
if diff "$T/x1" "$T/x2" > /dev/null; then fail "compare can fail"; else
	pass "compare can fail"; fi

# The environment, files and exit status sections name what the code uses.
for v in ARCHADVISOR_RULES XDG_CONFIG_HOME NO_COLOR SOURCE_DATE_EPOCH; do
	if grep -q "^\.It Ev $v" "$MAN1"; then pass "env $v"; else
		fail "env $v"; fi
done
for s in 0 2 65 66 70 73; do
	if sed -n '/^\.Sh EXIT STATUS/,/^\.Sh /p' "$MAN1" | grep -q "^\.It $s\$"
	then pass "exit $s"; else fail "exit $s"; fi
done

# nth_example PAGE N: the Nth literal block of the page's EXAMPLES.
nth_example() {
	awk -v n="$2" '/^\.Sh EXAMPLES/ { on = 1; next }
	on && /^\.Sh / { on = 0 }
	on && /^\.Bd / { k++; inside = (k == n); next }
	on && /^\.Ed/ { inside = 0; next }
	inside { gsub(/\\-/, "-"); gsub(/\\e/, "\\"); print }' "$1"
}

R5=man/archadvisor-rules.5
nth_example $R5 1 > "$T/kb.yaml"
nth_example $R5 2 > "$T/ext.yaml"
if "$A" check --rules "$T/kb.yaml" --rules "$T/ext.yaml" > "$T/out" 2>&1
then pass "rules(5) extension example"
else fail "rules(5) extension example" "$(head -3 "$T/out")"; fi
if "$A" patterns --rules "$T/kb.yaml" --rules "$T/ext.yaml" 2>&1 |
    grep -q '^micro_batch '; then pass "rules(5) extension adds"
else fail "rules(5) extension adds"; fi

A5=man/archadvisor-answers.5
nth_example $A5 1 > "$T/one.yaml"
if "$A" report --answers "$T/one.yaml" --format json > "$T/out" 2>&1 &&
    jq -e '.scenario.name == "Nightly finance reporting"' "$T/out" >/dev/null
then pass "answers(5) example"
else fail "answers(5) example" "$(head -3 "$T/out")"; fi
nth_example $A5 2 > "$T/batch.yaml"
awk '/^---$/ { n++; next } { print > (T "/doc" n ".yaml") }' T="$T" n=0 \
    "$T/batch.yaml"
for d in 0 1; do
	if "$A" report --answers "$T/doc$d.yaml" > "$T/out" 2>&1; then
		pass "answers(5) batch document $d"
	else fail "answers(5) batch document $d" "$(head -3 "$T/out")"; fi
done
if "$A" report --answers "$T/batch.yaml" > "$T/out" 2>&1; then
	fail "answers(5) batch is not one scenario"
else pass "answers(5) batch is not one scenario"; fi

# Each page's footer names the program and its version (.Os), not "BSD".
ver=$("$A" --version | sed -n '1s/^archadvisor //p')
for m in man/*.[1-9]; do
	if grep -q "^\.Os archadvisor $ver\$" "$m"; then pass "os $m"; else
		fail "os $m" "$(sed -n 3p "$m"), wanted .Os archadvisor $ver"; fi
done
finish manpages
