# Shared by the shell test drivers: a private temp dir, PASS/FAIL lines,
# and the closing "N passed, N failed" line.
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
