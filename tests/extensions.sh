#!/bin/sh
# Knowledge-base extensions: repeated --rules, $XDG_CONFIG_HOME's rules.d,
# complete knowledge bases against extensions, 'replace: true', clashes
# named in both files, and the files named by --version, check and reports.
# usage: tests/extensions.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
LH=data/extensions/lakehouse.yaml
MINI=tests/kb/mini.yaml

# where ID is defined in FILE, as FILE:LINE:5 (items are "  - id: ID")
place() { echo "$1:$(grep -n "^  - id: $2\$" "$1" | cut -d: -f1):5"; }

# How many files and patterns the stock base has (rules/ may grow).
"$A" check > "$T/stock" 2>&1
nfiles=$(sed -n 's/.* from \([0-9]*\) files*: ok.*/\1/p' "$T/stock")
npat=$(sed -n 's/.* \([0-9]*\) patterns, .*/\1/p' "$T/stock")
if [ -n "$nfiles" ] && [ "$npat" = 6 ]; then pass stock-counts; else
	fail stock-counts "$(cat "$T/stock")"; nfiles=0; fi

# The worked example: a seventh option on top of the stock base.
expect lakehouse-report 0 "$A" report --rules $LH \
    --set use_cases=reporting,ml_features --set latency=1h --format json
check lakehouse-seven-options json "$T/out" '.ranking | length == 7'
check lakehouse-ranked json "$T/out" '[.ranking[].pattern] | index("lakehouse") != null'
check lakehouse-rule-fired json "$T/out" '.ranking[] | select(.pattern == "lakehouse")
    | .reasons | map(.rule) | index("lakehouse-bi-and-ml-on-one-copy") != null'
check lakehouse-file-named json "$T/out" ".knowledge_base.files[-1] == \"$LH\""
check lakehouse-stock-files-first json "$T/out" \
    '.knowledge_base.files[:-1] | all(startswith("rules/"))'
check lakehouse-base-kept json "$T/out" \
    '.knowledge_base.name == "archadvisor stock knowledge base"'
expect lakehouse-vetoed-fast 0 "$A" report --rules $LH --set latency=30s \
    --format json
check lakehouse-not-for-seconds json "$T/out" '.ranking[] | select(.pattern ==
    "lakehouse") | .score < 50'
expect lakehouse-text 0 "$A" report --rules $LH
check lakehouse-text-names-file has "$T/out" "$LH"
check lakehouse-text-row has "$T/out" '^   [1-7]  Lakehouse '
expect lakehouse-check 0 "$A" check --rules $LH
check lakehouse-check-patterns has "$T/out" ' 7 patterns, '
check lakehouse-check-files has "$T/out" " from $((nfiles + 1)) files: ok"
expect lakehouse-check-operand 0 "$A" check $LH
check lakehouse-check-operand-seven has "$T/out" ' 7 patterns'
expect lakehouse-patterns 0 "$A" patterns --rules $LH
check lakehouse-patterns-seven [ "$(grep -c '^[a-z_][a-z_]*  ' "$T/out")" -eq 7 ]
expect lakehouse-explain 0 "$A" explain lakehouse --rules $LH
check lakehouse-explain-rules has "$T/out" 'lakehouse-not-for-seconds'
expect lakehouse-global-flag 0 "$A" --rules $LH patterns lakehouse
expect lakehouse-version 0 "$A" --rules $LH --version
check version-built-in has "$T/out" '^  rules/patterns.yaml (built in)$'
check version-extension has "$T/out" "^  $LH\$"
expect subcommand-version 0 "$A" report --rules $LH --version
check subcommand-version-files has "$T/out" "^  $LH\$"
expect version-plain 0 "$A" --version
check version-plain-no-extension sh -c "! grep -q lakehouse $T/out"

# The handouts name files beyond the built-in ones, escaped.
cp $LH "$T/<i>&x.yaml"
expect handout-html 0 "$A" report --rules "$T/<i>&x.yaml" --format html
check handout-html-names-file has "$T/out" \
    'is the built-in one with [^<]*/&lt;i&gt;&amp;x.yaml\.'
check handout-html-escapes sh -c "! grep -q '<i>&x' $T/out"
expect handout-md 0 "$A" report --rules $LH --format markdown
check handout-md-names-file has "$T/out" "built-in one with $LH\\.\$"
expect handout-stock 0 "$A" report --format adr
check handout-stock-quiet sh -c "! grep -q 'built-in one with' $T/out"

# --rules repeats, globally and per command, in order.
cat > "$T/more.yaml" <<'EOF'
rules:
  - id: lakehouse-likes-sql
    when: sql_skills == strong
    effects: {lakehouse: 1}
    why: SQL teams do well on a lakehouse.
    source: test
EOF
expect repeated-rules 0 "$A" --rules $LH report --rules "$T/more.yaml" \
    --set sql_skills=strong --format json
check repeated-rules-both json "$T/out" ".knowledge_base.files | length == $((nfiles + 2))"
check repeated-rules-order json "$T/out" ".knowledge_base.files[-1] == \"$T/more.yaml\""
check repeated-rules-fired json "$T/out" '.ranking[] | select(.pattern == "lakehouse")
    | .reasons | map(.rule) | index("lakehouse-likes-sql") != null'
expect extension-needs-its-pattern 65 "$A" report --rules "$T/more.yaml"
check extension-needs-its-pattern-place has "$T/err" \
    "^$T/more.yaml:4:15: error: .*lakehouse"

# $XDG_CONFIG_HOME/archadvisor/rules.d/*.yaml come after the base.
mkdir -p "$T/config/archadvisor/rules.d"
cp $LH "$T/config/archadvisor/rules.d/10-lakehouse.yaml"
expect rules-d 0 "$A" report --format json
check rules-d-read json "$T/out" '.ranking | length == 7'
check rules-d-named json "$T/out" '.knowledge_base.files[-1] |
    endswith("rules.d/10-lakehouse.yaml")'
expect rules-d-then-flags 0 "$A" report --rules "$T/more.yaml" --format json
check rules-d-before-flags json "$T/out" ".knowledge_base.files[-2:] | .[0] |
    endswith(\"10-lakehouse.yaml\")"
expect rules-d-version 0 "$A" --version
check rules-d-version-names has "$T/out" 'rules.d/10-lakehouse.yaml$'
expect rules-d-check 0 "$A" check
check rules-d-check-seven has "$T/out" ' 7 patterns'
expect rules-d-completes 0 "$A" complete patterns
check rules-d-completes-lakehouse has "$T/out" '^lakehouse$'
expect rules-d-home 0 env -u XDG_CONFIG_HOME HOME="$T/home" "$A" check
check rules-d-home-absent has "$T/out" ' 6 patterns'
mkdir -p "$T/home/.config"
mv "$T/config/archadvisor" "$T/home/.config/"
expect rules-d-home-used 0 env -u XDG_CONFIG_HOME HOME="$T/home" "$A" check
check rules-d-home-seven has "$T/out" ' 7 patterns'
expect rules-d-relative-ignored 0 env XDG_CONFIG_HOME=relative \
    HOME="$T/home" "$A" check
check rules-d-relative-falls-back has "$T/out" ' 7 patterns'
rm -rf "$T/home"
mkdir -p "$T/config/archadvisor/rules.d"
echo 'patterns: [' > "$T/config/archadvisor/rules.d/broken.yaml"
expect rules-d-broken 65 "$A" report
check rules-d-broken-place has "$T/err" 'rules.d/broken.yaml:[0-9]*:[0-9]*: '
rm -rf "$T/config/archadvisor"

# A clash names both files and lines; 'replace: true' is the way out.
cat > "$T/clash.yaml" <<'EOF'
patterns:
  - id: batch
    name: Nightly batch
    kind: processing
    summary: Our own batch
EOF
expect clash 65 "$A" check --rules "$T/clash.yaml"
check clash-one-line lines "$T/err" 1
check clash-both-places has "$T/err" "^$T/clash.yaml:2:9: error: duplicate \
pattern id 'batch' (first defined at $(place rules/patterns.yaml batch); to \
replace it, add 'replace: true')\$"
sed 's/^    name: Nightly batch/    replace: true\n&/' "$T/clash.yaml" \
    > "$T/replace.yaml"
expect replace 0 "$A" report --rules "$T/replace.yaml" --format json
check replace-same-count json "$T/out" '.ranking | length == 6'
check replace-new-name json "$T/out" '.ranking[] | select(.pattern == "batch") |
    .name == "Nightly batch"'
expect replace-keeps-order 0 "$A" patterns --rules "$T/replace.yaml"
check replace-keeps-order-first sh -c "sed -n 1p $T/out | grep -q '^batch '"
cat > "$T/replace-rule.yaml" <<'EOF'
rules:
  - id: batch-reporting-and-history
    replace: true
    when: use_cases contains reporting
    effects: {batch: 1}
    why: Our reporting is light.
    source: our own experience
EOF
expect replace-rule 0 "$A" explain batch --rules "$T/replace-rule.yaml" \
    --set use_cases=reporting
check replace-rule-why has "$T/out" 'Our reporting is light'
check replace-rule-weight has "$T/out" '^fired *+1.0 *batch-reporting-and-history'
cat > "$T/replace-question.yaml" <<'EOF'
questions:
  - id: domains
    replace: true
    section: Our organisation
    prompt: How many business units own data?
    type: integer
    range: [1, 500]
EOF
expect replace-question 0 "$A" questions --rules "$T/replace-question.yaml"
check replace-question-prompt has "$T/out" 'How many business units'
check replace-question-section has "$T/out" '^Our organisation'
expect replace-question-range 0 "$A" report \
    --rules "$T/replace-question.yaml" --set domains=400
sed 's/^  - id: domains/  - id: no_such_question/' "$T/replace-question.yaml" \
    > "$T/replace-nothing.yaml"
expect replace-nothing 65 "$A" check --rules "$T/replace-nothing.yaml"
check replace-nothing-says has "$T/err" "^$T/replace-nothing.yaml:3:14: \
error: 'replace: true' but no earlier file defines a question \
'no_such_question' to replace\$"
sed 's/replace: true/replace: maybe/' "$T/replace-question.yaml" \
    > "$T/replace-bad.yaml"
expect replace-bad-value 65 "$A" check --rules "$T/replace-bad.yaml"
check replace-bad-value-says has "$T/err" "'replace' must be true or false"
cat > "$T/scoring.yaml" <<'EOF'
scoring:
  scale: 2
EOF
expect scoring-clash 65 "$A" check --rules "$T/scoring.yaml"
check scoring-clash-both has "$T/err" \
    "^$T/scoring.yaml:2:3: error: 'scoring' given twice (first at rules/"

# A complete knowledge base replaces the stock one; extensions go on top.
expect complete-kb 0 "$A" check --rules $MINI
check complete-kb-alone has "$T/out" '^mini 1: .* from 1 file: ok'
cat > "$T/mini-ext.yaml" <<'EOF'
patterns:
  - {id: hybrid, name: Hybrid, kind: processing, summary: Both}
rules:
  - {id: h1, when: latency < 1h, effects: {hybrid: 4}, why: w, source: s}
EOF
expect complete-then-extension 0 "$A" report --rules "$T/mini-ext.yaml" \
    --rules $MINI --set latency=30s --format json
check complete-kb-first json "$T/out" ".knowledge_base.files == [\"$MINI\", \
\"$T/mini-ext.yaml\"]"
check complete-kb-extended json "$T/out" '.ranking[0].pattern == "hybrid"'
expect two-complete 65 "$A" check --rules $MINI --rules rules
check two-complete-says has "$T/err" "'knowledge_base' given twice (first at \
tests/kb/mini.yaml:"
expect env-extension 0 env ARCHADVISOR_RULES=$LH "$A" check
check env-extension-seven has "$T/out" ' 7 patterns'
expect env-complete 0 env ARCHADVISOR_RULES=$MINI "$A" check
check env-complete-mini has "$T/out" '^mini 1'
expect flag-beats-env 0 env ARCHADVISOR_RULES=/nonexistent "$A" check \
    --rules $LH
expect missing-extension 66 "$A" report --rules "$T/no-such.yaml"
check missing-extension-one-line lines "$T/err" 1
check missing-extension-says has "$T/err" \
    "^archadvisor: $T/no-such.yaml: No such file or directory\$"
mkdir "$T/emptydir"
expect empty-dir 66 "$A" check --rules "$T/emptydir"
check empty-dir-says has "$T/err" 'no \*.yaml files'

# "-" reads a knowledge base or extension from standard input.
expect rules-stdin 0 sh -c "$A check --rules - < $LH"
check rules-stdin-named has "$T/out" " 7 patterns.* from $((nfiles + 1)) files"
expect rules-stdin-report 0 sh -c "$A report --rules - --format json < $LH"
check rules-stdin-file-name json "$T/out" '.knowledge_base.files[-1] == "<stdin>"'

finish extensions
