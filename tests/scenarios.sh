#!/bin/sh
# Calibration: each tests/scenarios/NAME.yaml is an answers file whose
# comment lines say what an architect expects: "# expect: PATTERN" (the
# recommended processing pattern) and optionally "# organization: ID" (a
# pattern id or "centralized") and "# close-call: true|false" (whether the
# top two are said to be a close call). Mixed-signal cases justify their
# expectation in their comments.
# usage: tests/scenarios.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
for f in tests/scenarios/*.yaml; do
	name=$(basename "$f" .yaml)
	want=$(sed -n 's/^# expect: *//p' "$f")
	worg=$(sed -n 's/^# organization: *//p' "$f")
	wclose=$(sed -n 's/^# close-call: *//p' "$f")
	if ! "$A" report --answers "$f" --format json >"$T/out" 2>"$T/err"; then
		fail "$name" "$(head -2 "$T/err")"
		continue
	fi
	got=$(jq -r '.recommendation.processing' "$T/out")
	gorg=$(jq -r '.recommendation.organization' "$T/out")
	gclose=$(jq -r '.recommendation.close_call' "$T/out")
	if [ "$got" != "$want" ]; then
		fail "$name" "recommended $got, expected $want" \
		    "$(jq -r '.ranking[] | "\(.pattern) \(.score)"' "$T/out" |
		    tr '\n' ' ')"
	elif [ -n "$worg" ] && [ "$gorg" != "$worg" ]; then
		fail "$name" "organisation $gorg, expected $worg"
	elif [ -n "$wclose" ] && [ "$gclose" != "$wclose" ]; then
		fail "$name" "close call $gclose, expected $wclose"
	else
		pass "$name"
	fi
done
finish scenarios
