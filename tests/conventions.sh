#!/bin/sh
# Unix conventions, for every command the program lists (so new commands
# are held to them too): --help and --version, one-line "archadvisor: ..."
# errors with status 2 for bad options, file errors as "archadvisor: FILE:
# ...", "-" for standard input and output, and --color/NO_COLOR.
# usage: tests/conventions.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
LH=data/extensions/lakehouse.yaml

run() { "$@" >"$T/out" 2>"$T/err" </dev/null; echo $? > "$T/rc"; }
ok() {
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name" "exit $(cat "$T/rc")" \
	    "$(head -2 "$T/out")" "$(head -2 "$T/err")"; fi
}
status() { [ "$(cat "$T/rc")" -eq "$1" ]; }
one_line() { [ "$(wc -l < "$T/err")" -eq 1 ] && grep -q -- "$1" "$T/err"; }
nothing_out() { [ ! -s "$T/out" ]; }

cmds=$("$A" complete commands)
[ -n "$cmds" ] && pass "commands listed" || fail "commands listed"
for c in $cmds; do
	run "$A" "$c" --help
	ok "$c --help" status 0
	ok "$c --help usage" grep -q "^usage: archadvisor $c" "$T/out"
	ok "$c --help quiet" [ ! -s "$T/err" ]
	run "$A" "$c" --version
	ok "$c --version" status 0
	ok "$c --version text" grep -q '^archadvisor [0-9]' "$T/out"
	run "$A" "$c" --frobnicate
	ok "$c bad option" status 2
	ok "$c bad option one line" one_line \
	    "^archadvisor: unknown option '--frobnicate' (see 'archadvisor $c --help')\$"
	ok "$c bad option no stdout" nothing_out
	run "$A" "$c" --rules
	ok "$c missing value" status 2
	ok "$c missing value one line" one_line \
	    "^archadvisor: option '--rules' needs a value"
	run "$A" "$c" -r
	ok "$c missing short value" one_line \
	    "^archadvisor: option '-r' needs a value (PATH)"
	run "$A" "$c" --help=yes
	ok "$c no value wanted" one_line \
	    "^archadvisor: option '--help' takes no value"
done
# --help lists every command's summary on one line of 80 columns at most.
run "$A" --help
ok "help within 80 columns" awk 'length($0) > 80 { exit 1 }' "$T/out"
for c in $cmds; do
	ok "$c summary on one line" grep -q "^  $c  *[A-Z].*\.\$" "$T/out"
done
run "$A" --frobnicate
ok "global bad option" one_line "^archadvisor: unknown option '--frobnicate'"
run "$A" frobnicate
ok "unknown command" one_line "^archadvisor: unknown command 'frobnicate'"

# --version names the knowledge base, with every --rules before it.
run "$A" --version --rules $LH
ok "version after global rules" grep -q "^  $LH\$" "$T/out"
run "$A" --rules $LH --version
ok "version before global rules" grep -q "^  $LH\$" "$T/out"
run "$A" --version --rules /nonexistent
ok "version with a missing file" status 66
ok "version missing file one line" one_line \
    "^archadvisor: /nonexistent: No such file or directory\$"

# Files: one line naming the file; "-" is standard input and output.
run "$A" report --answers "$T/none.yaml"
ok "missing answers" status 66
ok "missing answers one line" one_line \
    "^archadvisor: $T/none.yaml: No such file or directory\$"
run "$A" check --rules "$T/none"
ok "missing rules one line" one_line "^archadvisor: $T/none: No such file"
run sh -c "echo 'latency: 1h' | $A report --answers - -o - --format json"
ok "stdin to stdout" grep -q '"latency": "1h"' "$T/out"
run sh -c "$A check - < $LH"
ok "check reads stdin" grep -q ' 7 patterns' "$T/out"

# Colour: --color works before the command too; NO_COLOR; always wins.
esc=$(printf '\033')
run "$A" --color=always report
ok "global color always" grep -q "$esc" "$T/out"
run "$A" --color=never report --color=always
ok "command color overrides global" grep -q "$esc" "$T/out"
run "$A" --color=sometimes report
ok "global color bad" status 2
run env NO_COLOR=1 "$A" report --color=auto
ok "NO_COLOR" sh -c "! grep -q '$esc' $T/out"
run env NO_COLOR=1 "$A" report --color=always
ok "always beats NO_COLOR" grep -q "$esc" "$T/out"

finish conventions
