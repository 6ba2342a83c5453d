#!/bin/sh
# End-to-end checks of the command line: exit statuses, one-line errors,
# nothing on stdout on failure, atomic -o, colour rules, and the acceptance
# scenarios of the stock knowledge base.
# usage: tests/cli.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
MINI=tests/kb/mini.yaml

first_pattern() { jq -r '.ranking[0].pattern' "$T/out"; }

expect version 0 "$A" --version
check version-text has "$T/out" '^archadvisor [0-9]'
expect help 0 "$A" --help
check help-lists-report has "$T/out" 'report'
expect no-args-not-a-terminal 2 "$A"
check no-args-usage has "$T/err" '^usage: archadvisor'
expect unknown-command 2 "$A" frobnicate
check unknown-command-one-line lines "$T/err" 1
for c in report explain patterns questions check; do
	expect "help-$c" 0 "$A" "$c" --help
	check "help-$c-usage" has "$T/out" "^usage: archadvisor $c"
done
expect unknown-option 2 "$A" report --frobnicate
expect unknown-format 2 "$A" report --format pdf
check unknown-format-one-line lines "$T/err" 1

# Bad values: 65, one line naming the question and the accepted forms.
expect bad-duration 65 "$A" report --set latency=banana
check bad-duration-one-line lines "$T/err" 1
check bad-duration-names-question has "$T/err" 'latency'
check bad-duration-forms has "$T/err" '30s, 10m, 4h, 1d'
check bad-duration-no-stdout empty "$T/out"
expect bad-set-form 65 "$A" report --set latency
expect unknown-question 65 "$A" report --set latncy=1h
check unknown-question-one-line lines "$T/err" 1
expect bad-level 65 "$A" report --set sql_skills=expert
check bad-level-lists-levels has "$T/err" 'none, some, strong'
expect out-of-range 65 "$A" report --set maturity=9
expect answers-missing 66 "$A" report --answers "$T/no-such.yaml"
expect answers-bad 65 "$A" report --rules $MINI \
    --answers tests/bad/answers/bad-duration.yaml
check answers-bad-place has "$T/err" \
    '^tests/bad/answers/bad-duration.yaml:1:10: '
expect answers-stdin 0 sh -c "echo 'latency: 2h' | $A report --rules $MINI \
    --answers - --format json"
check answers-stdin-read has "$T/out" '"latency": "2h"'
expect set-overrides-file 0 sh -c "echo 'latency: 2h' | $A report \
    --rules $MINI --answers - --set latency=30s --format json"
check set-overrides-file-value has "$T/out" '"latency": "30s"'

# Knowledge bases.
expect check-stock 0 "$A" check
check check-stock-ok has "$T/out" ': ok$'
expect check-rules-dir 0 "$A" check --rules rules
expect check-type-error 65 "$A" check --rules tests/bad/kb/type-mismatch.yaml
check check-type-error-place has "$T/err" \
    '^tests/bad/kb/type-mismatch.yaml:11:21: error: cannot compare latency'
# Labels: optional, checked, and two alike are a warning.
cat > "$T/labels.yaml" <<'EOF'
knowledge_base: {name: t, version: "1"}
questions:
  - {id: a_b, prompt: P, type: integer}
  - {id: x, label: A b, prompt: P, type: level,
     values: [{id: lo, label: Low}, low]}
patterns:
  - {id: batch, name: Batch, kind: processing, summary: s}
rules:
  - {id: r, when: "a_b > 1 and x == lo", effects: {batch: 1}, why: w,
     source: s}
EOF
expect check-labels 0 "$A" check --rules "$T/labels.yaml"
check check-labels-same-question has "$T/err" \
    ":4:5: warning: questions 'a_b' and 'x' have the same label 'A b'"
check check-labels-same-value has "$T/err" \
    ":4:5: warning: values 'lo' and 'low' have the same label 'Low'"
expect check-labels-strict 65 "$A" check --strict --rules "$T/labels.yaml"
expect check-missing 66 "$A" check --rules "$T/nothing"
expect env-rules 0 env ARCHADVISOR_RULES=$MINI "$A" patterns
check env-rules-used has "$T/out" '^mesh'
expect rules-flag-beats-env 0 env ARCHADVISOR_RULES=/nonexistent "$A" \
    --rules $MINI patterns

# The manual's example knowledge base is accepted as it stands.
sed -n '/^\.Sh EXAMPLES/,/^\.Ed/p' man/archadvisor-rules.5 |
    sed -e '1,/^\.Bd/d' -e '/^\.Ed/d' > "$T/man-example.yaml"
expect man-example-checks 0 "$A" check --rules "$T/man-example.yaml"
check man-example-nonempty [ "$(grep -c '^  - id:' "$T/man-example.yaml")" -eq 7 ]
expect man-pages-render 0 sh -c 'for m in man/*.[1-9]; do
	groff -mandoc -ww -z "$m" 2>&1; done | { ! grep .; }'

# Browsing.
expect patterns 0 "$A" patterns
check patterns-six [ "$(grep -c '^[a-z_][a-z_]*  ' "$T/out")" -eq 6 ]
expect pattern-kappa 0 "$A" patterns kappa
check pattern-kappa-cons has "$T/out" 'Complex state management'
expect pattern-unknown 2 "$A" patterns kapa
expect questions 0 "$A" questions
check questions-latency has "$T/out" '^  latency'

# explain.
expect explain 0 "$A" explain stream --rules $MINI --set latency=30s
check explain-fired has "$T/out" '^fired .*fast'
check explain-unknown has "$T/out" '^unknown .*skilled'
expect explain-against 0 "$A" explain lambda --answers \
    data/examples/nightly-finance.yaml
check explain-against-formula has "$T/out" \
    '^Evidence -[0-9.]*; score = 100 / (1 + exp([0-9.]* / [0-9.]*)) = '
check explain-against-no-double-minus hasnt "$T/out" 'exp(--'
expect explain-json 0 "$A" explain stream --rules $MINI --format json
check explain-json-valid jq -e '.rules | length == 4' "$T/out" >/dev/null
expect explain-no-pattern 2 "$A" explain
expect explain-bad-pattern 2 "$A" explain strem

# Output files: atomic, never half-written, right status.
echo old > "$T/keep.txt"
expect out-bad-input 65 "$A" report --set latency=banana -o "$T/keep.txt"
check out-untouched [ "$(cat "$T/keep.txt")" = old ]
expect out-written 0 "$A" report --set latency=1h -o "$T/keep.txt"
check out-content has "$T/keep.txt" '^Recommendation'
check out-no-temp [ "$(ls -A "$T" | grep -c '^\.keep')" -eq 0 ]
expect out-no-dir 73 "$A" report -o "$T/no/such/dir/r.txt"
expect out-dev-full 73 "$A" report -o /dev/full
expect stdout-full 73 sh -c "$A report > /dev/full"

# Colour: never into a file or with NO_COLOR; on request with --color.
expect color-never 0 "$A" report
check color-none-in-pipe sh -c "! grep -q \"$(printf '\033')\" $T/out"
expect color-always 0 "$A" report --color=always
check color-forced grep -q "$(printf '\033')" "$T/out"
expect color-bad 2 "$A" report --color=sometimes

# Acceptance scenarios on the stock knowledge base.
expect fast-json 0 "$A" report --set latency=30s --set realtime_outputs=true \
    --set streaming_skills=strong --format json
check fast-json-six jq -e '.ranking | length == 6' "$T/out" >/dev/null
check fast-json-streaming-first sh -c "first=\$(jq -r '.ranking[0].pattern' \
    $T/out); [ \"\$first\" = streaming ] || [ \"\$first\" = kappa ]"
expect slow-cheap 0 "$A" report --set latency=2d --set sql_skills=strong \
    --set cost_priority=critical --format json
check slow-cheap-batch-first [ "$(first_pattern)" = batch ]
for f in data/examples/*.yaml; do
	expect "example-$(basename "$f" .yaml)" 0 "$A" report --answers "$f" \
	    --format json
done

# help [COMMAND], as git has it: the same text as --help.
"$A" --help > "$T/h1"
"$A" help > "$T/h2"
cmp -s "$T/h1" "$T/h2" && pass "help-is-help" || fail "help-is-help"
"$A" report --help > "$T/h1"
"$A" help report > "$T/h2"
cmp -s "$T/h1" "$T/h2" && pass "help-command" || fail "help-command"
expect help-unknown 2 "$A" help nope
grep -q "unknown command 'nope'" "$T/err" && pass "help-unknown-says" ||
    fail "help-unknown-says" "$(cat "$T/err")"

# "Did you mean" for a slip of the fingers, and nothing for another word.
expect dym-command 2 "$A" reprot
check dym-command-says has "$T/err" "did you mean 'report'"
expect dym-option 2 "$A" report --formt json
check dym-option-says has "$T/err" "did you mean '--format'"
expect dym-question 65 "$A" report --set latncy=1m
check dym-question-says has "$T/err" "did you mean 'latency'"
expect dym-pattern 2 "$A" explain lamda
check dym-pattern-says has "$T/err" "did you mean 'lambda'"
expect dym-not-another-word 2 "$A" explain kafka
check dym-not-another-word-says hasnt "$T/err" "did you mean"

# Every command that lists or explains has JSON in the report's envelope.
for c in "explain lambda" "patterns" "patterns kappa" "questions"; do
	# shellcheck disable=SC2086
	"$A" $c --format json > "$T/env.json" 2>"$T/err"
	if jq -e '.tool == "archadvisor" and (.version | type == "string") and
	    .format_version == "2"' "$T/env.json" >/dev/null; then
		pass "envelope $c"; else fail "envelope $c" "$(head -3 "$T/env.json")"; fi
done
"$A" questions --format json | jq -e '[.questions[].id] | index("latency")
    != null' >/dev/null && pass "questions-json-ids" || fail "questions-json-ids"

# A lead is said in whole points as the scores are: never "1 points" or
# "0 points ahead", whatever margin the knowledge base calls close.
sed -e 's/organization_threshold: 60}/organization_threshold: 60, close_call: 0}/' \
    $MINI > "$T/lead.yaml"
printf '%s\n' '  - {id: nudge, when: cost == low, effects: {stream: 0.1}, why: A nudge., source: test}' \
    '  - {id: hint, when: cost == medium, effects: {stream: 0.01}, why: A hint., source: test}' \
    >> "$T/lead.yaml"
expect lead-one-point 0 "$A" report --rules "$T/lead.yaml" --set cost=low
check lead-one-point-says has "$T/out" '(1 point ahead of Batch)'
expect lead-under-a-point 0 "$A" report --rules "$T/lead.yaml" \
    --set cost=medium --format markdown
check lead-under-a-point-says has "$T/out" 'less than a point ahead of the runner-up'

finish cli
