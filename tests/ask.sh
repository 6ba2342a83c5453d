#!/bin/sh
# archadvisor ask driven through a pipe, one answer a line: the saved
# answers file compared with the expected YAML; conditional questions
# skipped; bad input asked again; "back"; input that ends early saves
# nothing.
# usage: tests/ask.sh ./archadvisor
set -u
A=$1
. tests/lib.sh

# run NAME EXPECTED-STATUS: answers on stdin, saved to $T/NAME.yaml.
run() {
	"$A" ask -o "$T/$1.yaml" >"$T/$1.out" 2>"$T/$1.err"
	got=$?
	if [ "$got" -eq "$2" ]; then pass "$1 exit $2"; else
		fail "$1 exit $2" "exit $got" "$(tail -3 "$T/$1.err")"; fi
}

same() {
	if diff -u "$2" "$T/$1.yaml" >"$T/diff" 2>&1; then pass "$1 file"
	else fail "$1 file" "$(head -20 "$T/diff")"; fi
}

# Every question asked (latency under an hour, three domains).
run full 0 <<'IN'
10m
2TB
20TB
no
strong
some
3
3
yes
reporting, iot
yes
no
no
no
moderate
high
medium
occasional
replay
yes
IN
same full tests/ask/full.yaml
grep -q '^Recommendation' "$T/full.out" && pass "full prints the report" ||
    fail "full prints the report"
grep -q 'Answers saved to' "$T/full.out" && pass "full says saved" ||
    fail "full says saved"

# The saved file gives the same report as the session printed.
"$A" report --answers "$T/full.yaml" > "$T/again.txt"
sed -n '/^archadvisor report/,/^Answers saved/p' "$T/full.out" |
    sed '$d' | sed '$d' > "$T/printed.txt"
diff -q "$T/again.txt" "$T/printed.txt" >/dev/null &&
    pass "saved answers reload to the same report" ||
    fail "saved answers reload to the same report"

# Daily latency, one domain, no need for fast and exact results: the
# bottleneck, aggregation and transition questions are skipped (16 lines).
run skipped 0 <<'IN'
1d
500GB
-
no
strong
none
2
1
reporting
no
no
no
no
critical
low
rare
IN
same skipped tests/ask/skipped.yaml
grep -q 'central_bottleneck>' "$T/skipped.out" &&
    fail "bottleneck skipped for one domain" || pass "bottleneck skipped for one domain"
grep -q 'aggregations>' "$T/skipped.out" &&
    fail "aggregations skipped" || pass "aggregations skipped"
grep -q 'transitioning>' "$T/skipped.out" &&
    fail "transitioning skipped" || pass "transitioning skipped"

# A bad duration is explained and asked again; "back" returns; "?" helps.
printf '%s\n' banana 10m back 1d 500GB - no '?' strong none 2 1 reporting \
    no no no no critical low rare | run retry 0
same retry tests/ask/skipped.yaml
grep -q "Not accepted: invalid duration 'banana'" "$T/retry.out" &&
    pass "bad value explained" || fail "bad value explained"
[ "$(grep -c '^latency> ' "$T/retry.out")" -eq 3 ] &&
    pass "latency asked again after bad value and back" ||
    fail "latency asked again after bad value and back"
grep -q '^  none    the team rarely' "$T/retry.out" && pass "? shows help" ||
    fail "? shows help"

# Input that ends early: status 65, one line, no file, old file intact.
echo "old" > "$T/early.yaml"
printf '10m\n2TB\n' | run early 65
[ "$(cat "$T/early.yaml")" = old ] && pass "early end keeps old file" ||
    fail "early end keeps old file"
[ "$(wc -l < "$T/early.err")" -eq 1 ] && pass "early end one line" ||
    fail "early end one line"
[ "$(ls -A "$T" | grep -c '^\.early')" -eq 0 ] && pass "no temp file left" ||
    fail "no temp file left"

# --plain without a command is the same questionnaire.
printf '%s\n' 1d 500GB - no strong none 2 1 reporting no no no no critical \
    low rare | "$A" --plain > "$T/plain.out" 2>&1
[ $? -eq 0 ] && grep -q '^Recommendation: Batch' "$T/plain.out" &&
    grep -q 'Answers not saved' "$T/plain.out" &&
    pass "--plain runs ask" || fail "--plain runs ask" "$(tail -3 "$T/plain.out")"

finish ask
