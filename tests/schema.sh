#!/bin/sh
# Every JSON report in the goldens, and reports of every example, meet the
# published contract, docs/report.schema.json (JSON Schema 2020-12, checked
# with Debian's python3-jsonschema).
# usage: tests/schema.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
PY=/usr/bin/python3
# A workshop's, review's and diff's JSON meet their own schemas,
# docs/KIND.schema.json.
validate() {
	schema=docs/report.schema.json
	case $(jq -r '.kind // ""' "$1" 2>/dev/null) in
	workshop|review|diff) schema=docs/$(jq -r .kind "$1").schema.json ;;
	esac
	json_schema "$1" "$schema"
}
for g in tests/golden/*/expected; do
	head -c 1 "$g" | grep -q '{' || continue
	if out=$(validate "$g"); then pass "golden $(basename "$(dirname "$g")")"
	else fail "golden $(basename "$(dirname "$g")")" "$out"; fi
done
for f in data/examples/*.yaml tests/scenarios/*.yaml; do
	"$A" report --answers "$f" --format json > "$T/r.json" 2>"$T/err" || {
		fail "report $f" "$(head -2 "$T/err")"; continue; }
	if out=$(validate "$T/r.json"); then pass "report $(basename "$f")"
	else fail "report $(basename "$f")" "$out"; fi
done
# A scenario with a title, a description and notes on its answers.
printf 'name: Card fraud\ndescription: At the till.\nlatency: 1s\nnotes:\n  latency: before the card leaves\n  volume: nobody knows yet\n' >"$T/notes.yaml"
"$A" report --answers "$T/notes.yaml" --format json >"$T/notes.json"
if out=$(validate "$T/notes.json") &&
    [ "$(jq -r '.scenario.notes.volume' "$T/notes.json")" = "nobody knows yet" ]
then pass "report notes"
else fail "report notes" "$out" "$(jq -c .scenario "$T/notes.json")"; fi
# diff over three scenarios and review of today's records, with theirs.
"$A" diff data/examples/diff/today.yaml data/examples/diff/in-two-years.yaml \
    data/examples/diff/after-acquisition.yaml --format json >"$T/d.json"
if out=$(validate "$T/d.json"); then pass "diff of three"
else fail "diff of three" "$out"; fi
mkdir -p "$T/records"
"$A" report --answers data/examples/iot-fleet.yaml --adr-dir "$T/records" \
    >/dev/null
printf 'broken\n<!-- archadvisor:answers\n' >"$T/records/broken.md"
"$A" review "$T/records" --format json >"$T/rv.json"
if out=$(validate "$T/rv.json"); then pass "review"
else fail "review" "$out"; fi
# The check itself notices a report that breaks the contract.
jq 'del(.recommendation.close_call)' "$T/r.json" > "$T/bad.json"
if validate "$T/bad.json" >/dev/null; then fail "schema-can-fail"; else
	pass "schema-can-fail"; fi
finish schema
