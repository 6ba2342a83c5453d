#!/bin/sh
# End-to-end checks of the evidence features: `precedents`, `diff` and its
# diff(1)-like exit statuses, `check` warnings and --strict, and the
# engine's agreement with the case library, held at its floors.
# usage: tests/evidence.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
EV=tests/kb/evidence.yaml
EX=data/examples

# --- precedents -------------------------------------------------------
expect precedents-all 0 "$A" precedents --rules "$EV"
check precedents-all-lists-every-case has "$T/out" '^ 4\. Regret Co (2022)'
check precedents-all-has-source has "$T/out" 'https://example.org/slow'
expect precedents-near 0 "$A" precedents --rules "$EV" --set latency=10m \
    --set skills=some --set rt=true
check precedents-near-order-first has "$T/out" '^ 1\. Fast Co (2020) chose Stream, moving from Batch'
check precedents-near-order-second has "$T/out" '^ 2\. Slow Co (2015) chose Batch'
check precedents-near-no-mesh hasnt "$T/out" 'Mesh Co'
check precedents-near-share has "$T/out" 'over 3 of the 3 answers given'
check precedents-near-inferred has "$T/out" 'Inferred, not stated by the source: skills'
expect precedents-json 0 "$A" precedents --rules "$EV" --set latency=10m \
    --set skills=some --format json
check precedents-json-first json "$T/out" '.precedents[0].id == "p-fast"'
check precedents-json-fields json "$T/out" \
    '.precedents[1] | .similarity and .compared == 2 and .answered == 2 and .source.url and (.inferred == ["skills"])'
check precedents-json-reviewed json "$T/out" '.knowledge_base.reviewed == "2026-11-01"'
expect precedents-count 0 "$A" precedents --rules "$EV" --set latency=1h -n 1
check precedents-count-one [ "$(grep -c '^ [0-9]\. ' "$T/out")" -eq 1 ]
expect precedents-bad-format 2 "$A" precedents --format html
expect precedents-bad-count 2 "$A" precedents -n 0
expect precedents-bad-answer 65 "$A" precedents --set latency=soon
for f in "$EX"/*.yaml; do
	b=$(basename "$f" .yaml)
	expect "precedents-stock-$b" 0 "$A" precedents --answers "$f"
	check "precedents-stock-$b-nonempty" has "$T/out" '^ 1\. '
done

# The report shows the three nearest, and precedents change no score.
expect report-text-precedents 0 "$A" report --answers "$EX/card-fraud.yaml"
check report-text-section has "$T/out" '^Who chose what in a similar situation'
check report-text-three [ "$(grep -c '^ [0-9]\. ' "$T/out")" -eq 3 ]
check report-text-reviewed has "$T/out" '^Knowledge base last reviewed on '
expect report-json-precedents 0 "$A" report --answers "$EX/card-fraud.yaml" \
    --format json
check report-json-three json "$T/out" '(.precedents | length) == 3'
cp "$T/out" "$T/with.json"
mkdir "$T/noprec"
for f in rules/*.yaml; do
	[ "$(basename "$f")" = precedents.yaml ] || cp "$f" "$T/noprec/"
done
expect report-json-without 0 "$A" report --rules "$T/noprec" \
    --answers "$EX/card-fraud.yaml" --format json
check precedents-change-no-score [ "$(jq -c '[.ranking[] | [.pattern, .score]]' "$T/out")" = \
    "$(jq -c '[.ranking[] | [.pattern, .score]]' "$T/with.json")" ]

# --- agreement ----------------------------------------------------------
expect agreement 0 "$A" precedents --agreement
tail -n 3 "$T/out"
expect agreement-json 0 "$A" precedents --agreement --format json
n=$(jq '.agreement.precedents' "$T/out")
t2=$(jq '.agreement.top2' "$T/out")
check agreement-at-least-75 [ "$n" -ge 75 ]
check agreement-top2-80pct [ $((t2 * 100)) -ge $((n * 80)) ]
# The case library's shape: a third or more in the check set, ten or more
# cases per pattern, a dozen with conflicting signals.
check library-check-third json "$T/out" \
    '(.agreement.check.precedents * 3) >= .agreement.precedents'
check library-ten-per-pattern json "$T/out" \
    '[.precedents[].chose] | group_by(.) | map(length) | min >= 10'
check library-conflicts [ "$(grep -c '^    conflict: true' rules/precedents*.yaml |
    awk -F: '{ s += $2 } END { print s }')" -ge 12 ]
# Floors: what the stock knowledge base reaches today (README, "How good
# is the advice"); a change that falls below them fails. Each set has one
# case given an option its source makes plainly wrong (README names both);
# no rule may be changed to fix the check case, and the tuning case's
# answers leave out the need that makes the option wrong.
check floor-check-first json "$T/out" \
    '.agreement.check.first * 100 >= .agreement.check.precedents * 80'
check floor-check-top2 json "$T/out" \
    '.agreement.check.top2 * 100 >= .agreement.check.precedents * 90'
check floor-tuning-first json "$T/out" \
    '.agreement.tuning.first * 100 >= .agreement.tuning.precedents * 76'
check floor-tuning-top2 json "$T/out" \
    '.agreement.tuning.top2 * 100 >= .agreement.tuning.precedents * 88'
check floor-none-clearly-wrong json "$T/out" \
    '.agreement.tuning.clearly_wrong <= 1 and .agreement.check.clearly_wrong <= 1'
check agreement-every-pattern json "$T/out" \
    '[.precedents[].chose] | unique | length == 6'

# --- diff -----------------------------------------------------------------
printf 'latency: 1d\nvolume: 2TB\n' >"$T/a.yaml"
printf 'latency: 2d\nvolume: 2TB\n' >"$T/same.yaml"
printf 'latency: 2m\nvolume: 2TB\nrealtime_outputs: true\n' >"$T/b.yaml"
expect diff-same 0 "$A" diff "$T/a.yaml" "$T/same.yaml"
check diff-same-says has "$T/out" '^Recommendation unchanged: Batch Processing'
check diff-same-answer has "$T/out" '^  Acceptable delay: 1 day -> 2 days$'
expect diff-differs 1 "$A" diff "$T/a.yaml" "$T/b.yaml"
check diff-differs-says has "$T/out" '^Recommendation changed: Batch Processing, organised centrally ->'
check diff-unknown-answer has "$T/out" '^  Real-time outputs: not answered -> Yes$'
# Reasons in words, as the report says them: no rule id, no weight.
check diff-started has "$T/out" \
    '^  + for Stream Processing, Kappa Architecture and Lambda Architecture: Results$'
check diff-stopped has "$T/out" \
    '^  - for Batch Processing: Results are needed only after an hour or more, so$'
check diff-no-weights hasnt "$T/out" 'batch-latency-over-1h\|streaming +2\|batch +2'
check diff-side-by-side has "$T/out" '^   1  Batch Processing'
expect diff-json 1 "$A" diff "$T/a.yaml" "$T/b.yaml" --format json
check diff-json-changed json "$T/out" '.recommendation_changed == true'
check diff-json-answers json "$T/out" \
    '[.answers_changed[].question] == ["latency", "realtime_outputs"]'
check diff-json-null json "$T/out" \
    '.answers_changed[1].a == null and .answers_changed[1].b == true'
check diff-json-rules json "$T/out" \
    '(.rules_started | index("streaming-latency-under-5m")) and (.rules_stopped | index("batch-latency-over-1h"))'
check diff-json-sides json "$T/out" '.a.ranking[0].pattern == "batch" and .b.recommendation.processing != "batch"'
expect diff-markdown 1 "$A" diff "$T/a.yaml" "$T/b.yaml" --format markdown
check diff-md-table has "$T/out" '^| Acceptable delay | 1 day | 2 minutes |$'
check diff-md-heading has "$T/out" '^## Reasons that changed'
check diff-md-no-rule-ids hasnt "$T/out" '`batch-latency-over-1h`'
expect diff-stdin 0 sh -c "\"$A\" diff - \"$T/same.yaml\" < \"$T/a.yaml\""
expect diff-one-file 2 "$A" diff "$T/a.yaml"
expect diff-three-files 0 "$A" diff "$T/a.yaml" "$T/a.yaml" "$T/a.yaml"
expect diff-bad-format 2 "$A" diff "$T/a.yaml" "$T/b.yaml" --format adr
expect diff-missing 66 "$A" diff "$T/a.yaml" "$T/nothing.yaml"
check diff-missing-nothing-out empty "$T/out"
printf 'latency: soon\n' >"$T/bad.yaml"
expect diff-bad-answers 65 "$A" diff "$T/a.yaml" "$T/bad.yaml"
check diff-bad-place has "$T/err" 'bad.yaml:1:10: '
expect diff-output 1 "$A" diff "$T/a.yaml" "$T/b.yaml" -o "$T/d.txt"
check diff-output-written has "$T/d.txt" 'Recommendation changed'

# --- check: warnings, --strict, freshness ---------------------------------
expect check-stock-strict 0 "$A" check --strict
check check-stock-no-warning empty "$T/err"
check check-stock-counts-precedents has "$T/out" ' [0-9][0-9]* precedents'
cat >"$T/lint.yaml" <<'YAML'
knowledge_base: {name: t, version: "1", reviewed: 2001-01-01}
questions:
  - {id: latency, prompt: L, type: duration}
  - {id: idle, prompt: I, type: bool}
patterns:
  - {id: batch, name: Batch, kind: processing, summary: s, tools: [a, {name: b, deprecated: gone}]}
  - {id: stream, name: Stream, kind: processing, summary: s}
rules:
  - {id: slow, when: latency > 1h, effects: {batch: 1}, why: w, source: s}
  - {id: fast, when: latency < 5m, effects: {stream: 1}, why: w, source: s}
  - {id: never, when: latency < 1m and latency > 1h, effects: {stream: 1}, why: w, source: s}
YAML
expect check-warnings 0 "$A" check "$T/lint.yaml"
check check-warnings-ok has "$T/out" ': ok (3 warnings)$'
check check-warning-form has "$T/err" "lint.yaml:1:51: warning: the knowledge base was last reviewed on 2001-01-01"
check check-warning-unread has "$T/err" "lint.yaml:4:5: warning: no rule reads question 'idle'"
check check-warning-never has "$T/err" "lint.yaml:11:5: warning: rule 'never' can never fire"
expect check-strict 65 "$A" check --strict "$T/lint.yaml"
check check-strict-errors has "$T/err" "lint.yaml:11:5: error: rule 'never' can never fire"
check check-strict-no-ok empty "$T/out"
expect patterns-deprecated-tool 0 "$A" patterns batch --rules "$T/lint.yaml"
check patterns-deprecated-reason has "$T/out" '^  - b (deprecated: gone)$'
check patterns-plain-tool has "$T/out" '^  - a$'
expect patterns-chosen-by 0 "$A" patterns kappa
check patterns-chosen-by-lists has "$T/out" '^Chosen by: LinkedIn (2014), Uber (2020)'
expect patterns-reviewed 0 "$A" patterns batch --rules "$EV"
check patterns-reviewed-date has "$T/out" '^Last reviewed on 2026-10-01\.$'

# Markdown from diff escapes what it did not write, as report does.
cat > "$T/hostile-ext.yaml" <<'YAML'
patterns:
  - {id: evil, name: "<img src=x onerror=alert(1)> [x](javascript:alert(1))", kind: processing, summary: s}
rules:
  - {id: evil-rule, when: latency < 5m, effects: {evil: 1}, why: "<script>alert(1)</script>", source: s}
YAML
expect diff-md-hostile 1 "$A" --rules "$T/hostile-ext.yaml" diff \
    --format markdown "$T/a.yaml" "$T/b.yaml"
check diff-md-img-escaped has "$T/out" '\\<img src=x'
check diff-md-no-raw-img hasnt "$T/out" '[^\\]<img'
check diff-md-no-raw-script hasnt "$T/out" '[^\\]<script>'
check diff-md-link-escaped hasnt "$T/out" '[^\\]\[x\](javascript'

finish evidence
