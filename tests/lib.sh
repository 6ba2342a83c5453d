# Shared by the shell test drivers: a private temp dir, PASS/FAIL lines,
# the closing "N passed, N failed" line, and checks of a command's output.
# Helpers that more than one driver uses live here and nowhere else.
export LC_ALL=C.UTF-8 NO_COLOR=1
unset ARCHADVISOR_RULES
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# The user's own extensions (~/.config/archadvisor/rules.d) stay out.
export XDG_CONFIG_HOME="$T/config"
npass=0
nfail=0

# The arguments of a driver that can rewrite its expectations:
# "[--update] PROGRAM" sets update (1: rewrite) and A (the program).
take_program() {
	update=0
	if [ "${1-}" = --update ]; then
		update=1
		shift
	fi
	A=$1
}

pass() { npass=$((npass + 1)); echo "PASS $1"; }
fail() { nfail=$((nfail + 1)); echo "FAIL $1"; shift; for l in "$@"; do echo "     $l"; done; }

finish() {
	echo "$1: $npass passed, $nfail failed"
	[ "$nfail" -eq 0 ]
}

# expect NAME STATUS CMD...: runs CMD (output in $T/out and $T/err) and
# passes if it exits with STATUS.
expect() {
	name=$1 want=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err" </dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then
		pass "$name"
		return 0
	fi
	fail "$name" "exit $got, wanted $want" "$(head -3 "$T/err")"
	return 1
}
check() {
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name" "$(head -5 "$T/out")" \
	    "$(head -3 "$T/err")"; fi
}
has() { grep -q -- "$2" "$1"; }
hasnt() { ! grep -q -- "$2" "$1"; }
empty() { [ ! -s "$1" ]; }
json() { jq -e "$2" "$1" >/dev/null 2>&1; }
# lines FILE N: FILE has N lines.
lines() { [ "$(wc -l < "$1")" -eq "$2" ]; }

# json_schema FILE SCHEMA: FILE meets the JSON Schema (2020-12) SCHEMA,
# checked by Debian's python3-jsonschema; else the first problems are
# printed and the status is 1.
json_schema() {
	/usr/bin/python3 - "$1" "$2" <<'PYEOF'
import json, sys
from jsonschema import Draft202012Validator
doc = json.load(open(sys.argv[1]))
schema = json.load(open(sys.argv[2]))
Draft202012Validator.check_schema(schema)
errors = sorted(Draft202012Validator(schema).iter_errors(doc), key=str)
for e in errors[:3]:
    print("/".join(str(p) for p in e.absolute_path), e.message)
sys.exit(1 if errors else 0)
PYEOF
}
