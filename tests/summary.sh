#!/bin/sh
# The one closing line of make check: every suite's "NAME: N passed, M
# failed" line and every cmocka group's totals, added up.
# usage: tests/summary.sh LOG STATUS   (exits with STATUS)
set -u
log=$1
status=$2
awk -v status="$status" '
	/^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed$/ {
		suites++; passed += $2; failed += $4; next }
	/^\[  PASSED  \] [0-9]+ test\(s\)\.$/ { suites++; passed += $4; next }
	/^\[  FAILED  \] [0-9]+ test\(s\), listed below:$/ {
		failed += $4; next }
	/^PASS .*: [0-9]+ inputs, no crash$/ { passed++; next }
	/^FAIL fuzz_/ { failed++; next }
	END {
		note = ""
		if (status != 0 && failed == 0)
			note = " (stopped by an error: see above)"
		printf "check: %d suites, %d passed, %d failed%s\n", suites,
		    passed, failed, note
	}' "$log"
exit "$status"
