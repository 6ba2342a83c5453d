# Shared by the shell test drivers: a private temp dir, PASS/FAIL lines,
# the closing "N passed, N failed" line, and checks of a command's output.
export LC_ALL=C.UTF-8 NO_COLOR=1
unset ARCHADVISOR_RULES
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# The user's own extensions (~/.config/archadvisor/rules.d) stay out.
export XDG_CONFIG_HOME="$T/config"
npass=0
nfail=0

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
