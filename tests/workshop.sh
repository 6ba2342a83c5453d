#!/bin/sh
# Decisions as teams make them, end to end: every claim the workshop makes
# about a disagreement is re-run with `report --set` on the common ground,
# shared answers are never listed as disagreements, and the JSON meets
# docs/workshop.schema.json; `diff` over three scenarios, each claim of
# what moved the recommendation re-run the same way.
# usage: tests/workshop.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
W=data/examples/workshop
PEOPLE="$W/cfo.yaml $W/product.yaml $W/platform.yaml"

# shellcheck disable=SC2086
expect workshop-text 0 "$A" workshop $PEOPLE
check workshop-text-people has "$T/out" '^  Product lead: Stream Processing'
check workshop-text-agenda has "$T/out" '^Settle these: each changes the recommendation'
check workshop-text-no-ids hasnt "$T/out" 'latency\|cost_priority\|realtime_outputs\|micro_batch'
# shellcheck disable=SC2086
expect workshop-json 0 "$A" workshop $PEOPLE --format json
cp "$T/out" "$T/w.json"
check workshop-json-three json "$T/w.json" '.stakeholders | length == 3'
check workshop-json-agenda json "$T/w.json" \
    '[.disagreements[] | select(.changes_recommendation)] | length >= 1'
check workshop-json-quiet json "$T/w.json" \
    '[.disagreements[] | select(.changes_recommendation | not)] | length >= 1'

# A shared answer (everyone gave it alike) is never a disagreement, and
# every disagreement has two different answers from the people.
check workshop-shared-not-disputed json "$T/w.json" '
    [.stakeholders[].answers] as $a
    | [.questions[] | select(.status == "shared") | .question] as $shared
    | [.disagreements[].question] as $dis
    | ($shared | length) > 0 and ($shared - $dis) == $shared
      and ([$a[] | keys[]] | unique | map(. as $q
        | select([$a[] | .[$q]] | (length == ($a | length)) and
            (unique | length == 1))) - $dis) ==
        ([$a[] | keys[]] | unique | map(. as $q
        | select([$a[] | .[$q]] | (length == ($a | length)) and
            (unique | length == 1))))'
check workshop-disputed-really json "$T/w.json" '
    all(.disagreements[]; [.options[].value] | unique | length >= 2)'

# Each claim re-run: the common ground as an answers file (JSON is YAML),
# then each disputed question settled at each answer given to it.
jq '.common_ground.answers' "$T/w.json" >"$T/common.yaml"
rec() { jq -r '.recommendation | "\(.processing) \(.organization)"' "$1"; }
"$A" report --answers "$T/common.yaml" --format json >"$T/c.json"
base=$(rec "$T/c.json")
claimed=$(jq -r '.common_ground.recommendation |
    "\(.processing) \(.organization)"' "$T/w.json")
check workshop-common-ground [ "$base" = "$claimed" ]
jq -r '.disagreements[] | .question as $q | .options[] |
    [$q, (.value | if type == "array" then join(",") else tostring end),
     "\(.recommendation.processing) \(.recommendation.organization)",
     (.changes_recommendation | tostring)] | @tsv' "$T/w.json" >"$T/claims"
n=0
bad=
while IFS="$(printf '\t')" read -r q v want changes; do
	n=$((n + 1))
	"$A" report --answers "$T/common.yaml" --set "$q=$v" --format json \
	    >"$T/r.json" 2>"$T/err" || { bad="$bad $q=$v(exit)"; continue; }
	got=$(rec "$T/r.json")
	[ "$got" = "$want" ] || bad="$bad $q=$v($got/$want)"
	if [ "$changes" = true ]; then [ "$got" != "$base" ] ||
	    bad="$bad $q=$v(no change)"
	else [ "$got" = "$base" ] || bad="$bad $q=$v(changes)"; fi
done <"$T/claims"
if [ -z "$bad" ] && [ "$n" -ge 4 ]; then pass "workshop-claims-rerun ($n)"
else fail workshop-claims-rerun "$n claims;$bad"; fi

# The schema holds, and can fail.
validate() { json_schema "$1" docs/workshop.schema.json; }
if out=$(validate "$T/w.json"); then pass workshop-schema
else fail workshop-schema "$out"; fi
jq 'del(.common_ground.robustness)' "$T/w.json" >"$T/bad.json"
if validate "$T/bad.json" >/dev/null; then fail workshop-schema-can-fail
else pass workshop-schema-can-fail; fi

# Bad use.
expect workshop-one-file 2 "$A" workshop "$W/cfo.yaml"
expect workshop-missing 66 "$A" workshop "$W/cfo.yaml" "$T/nothing.yaml"
printf 'latency: soon\n' >"$T/bad.yaml"
expect workshop-bad-answers 65 "$A" workshop "$W/cfo.yaml" "$T/bad.yaml"
check workshop-bad-place has "$T/err" 'bad.yaml:1:10: '
expect workshop-bad-format 2 "$A" workshop "$W/cfo.yaml" "$W/cfo.yaml" \
    --format adr
expect workshop-same-name 0 "$A" workshop "$W/cfo.yaml" "$W/cfo.yaml" \
    --format json
check workshop-same-name-apart json "$T/out" \
    '[.stakeholders[].name] | unique | length == 2'
check workshop-same-agree json "$T/out" '.disagreements == []'
# --- diff over N scenarios -------------------------------------------
S="data/examples/diff/today.yaml data/examples/diff/in-two-years.yaml \
    data/examples/diff/after-acquisition.yaml"
# shellcheck disable=SC2086
expect diff3-changed 1 "$A" diff $S
check diff3-side-by-side has "$T/out" '^Rankings side by side:'
check diff3-moved has "$T/out" '^  In two years: Micro-Batch Processing, organised centrally. Alone, this'
check diff3-no-ids hasnt "$T/out" 'latency\|micro_batch\|data_mesh'
# shellcheck disable=SC2086
expect diff3-json 1 "$A" diff $S --format json
cp "$T/out" "$T/d.json"
check diff3-json-three json "$T/d.json" \
    '(.scenarios | length) == 3 and .recommendation_changed'
# Each difference alone on the first scenario: the moved ones give what is
# claimed, the others leave the first's recommendation.
first=$(echo $S | cut -d' ' -f1)
base=$(jq -r '.scenarios[0].recommendation |
    "\(.processing) \(.organization)"' "$T/d.json")
jq -r '.answers_differ[] as $d | range(1; .scenarios | length) as $i
    | .scenarios[$i] as $s
    | ($d.values[$i] | if . == null then "unknown" elif type == "array"
        then join(",") else tostring end) as $v
    | select($d.values[$i] != $d.values[0])
    | ([$s.moved_by[] | select(.question == $d.question)] | first) as $m
    | [$d.question, $v, (if $m then "\($m.recommendation.processing) \($m.recommendation.organization)" else "-" end)]
    | @tsv' "$T/d.json" >"$T/dclaims"
n=0
bad=
while IFS="$(printf '\t')" read -r q v want; do
	n=$((n + 1))
	got=$("$A" report --answers "$first" --set "$q=$v" --format json |
	    jq -r '.recommendation | "\(.processing) \(.organization)"')
	if [ "$want" = - ]; then [ "$got" = "$base" ] || bad="$bad $q=$v"
	else [ "$got" = "$want" ] || bad="$bad $q=$v($got/$want)"; fi
done <"$T/dclaims"
if [ -z "$bad" ] && [ "$n" -ge 5 ]; then pass "diff3-claims-rerun ($n)"
else fail diff3-claims-rerun "$n claims;$bad"; fi
# shellcheck disable=SC2086
expect diff3-markdown 1 "$A" diff $S --format markdown
check diff3-md-tables has "$T/out" '^## Rankings side by side'
# shellcheck disable=SC2086
expect diff3-html 1 "$A" diff $S -o "$T/d.html"
check diff3-html-written has "$T/d.html" '<h2>What moved the recommendation</h2>'
expect diff3-same 0 "$A" diff "$first" "$first" "$first"
expect diff2-moved 1 "$A" diff "$first" data/examples/diff/in-two-years.yaml
check diff2-keeps-rules has "$T/out" '^Reasons that now apply'
check diff2-rules-in-words has "$T/out" \
    '^  + rules out Batch Processing: Batch jobs run'
check diff2-no-rule-ids hasnt "$T/out" 'batch-cannot-deliver-minutes\|micro_batch +'
check diff2-moved-says has "$T/out" '^  In two years: Micro-Batch Processing'
expect diff-stdin-twice 2 "$A" diff - "$first" -
check diff-stdin-twice-says has "$T/err" 'only one of the files can be standard input'
expect workshop-stdin-twice 2 "$A" workshop - "$first" -
check workshop-stdin-twice-says has "$T/err" 'only one of the files can be standard input'
# A bad file among several stops at it, naming it, whatever its place.
printf 'latency: [\n' >"$T/broken.yaml"
expect diff-bad-third 65 "$A" diff "$first" "$first" "$T/broken.yaml"
check diff-bad-third-says has "$T/err" "broken.yaml:"
expect workshop-bad-first 65 "$A" workshop "$T/broken.yaml" "$first"
check workshop-bad-first-says has "$T/err" "broken.yaml:"
finish workshop
