#!/bin/sh
# 'archadvisor batch' end to end: formats, inputs, bad documents, exit
# statuses, atomic -o; and the equivalence that makes batch trustworthy:
# over a sample of scenarios (tests/batch/sample.yaml, generated once by
# tests/bench/gen.c, and data/examples/), every batch row says what one
# 'report --format json' per scenario says: first place, recommendation,
# organisation, margin and every score.
# usage: tests/batch.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
S=tests/batch/sample.yaml
J=tests/batch/sample.jsonl


expect help 0 "$A" batch --help
check help-usage has "$T/out" '^usage: archadvisor batch \[FILE|-\]'
expect listed 0 "$A" --help
check listed-in-help has "$T/out" '^  batch '

# CSV: a header, then one row per scenario, in order.
expect csv 0 "$A" batch "$S"
check csv-rows lines "$T/out" 151
check csv-header has "$T/out" \
    '^file,scenario,name,top,score,processing,organization,margin,batch,'
check csv-first has "$T/out" "^$S,1,scenario 1,"
check csv-last has "$T/out" "^$S,150,scenario 150,"
check csv-quiet empty "$T/err"
cp "$T/out" "$T/yaml.csv"

# The same scenarios as JSON lines (by extension, or --input), and from
# standard input: the same rows.
expect jsonl-input 0 "$A" batch "$J"
sed "s|^$J,|$S,|" "$T/out" > "$T/jsonl.csv"
check jsonl-same-rows cmp -s "$T/jsonl.csv" "$T/yaml.csv"
"$A" batch - < "$S" > "$T/stdin.csv" 2>"$T/err"
sed "s|^-,|$S,|" "$T/stdin.csv" > "$T/stdin2.csv"
check stdin-yaml cmp -s "$T/stdin2.csv" "$T/yaml.csv"
"$A" batch --input jsonl < "$J" > "$T/stdin.csv" 2>"$T/err"
sed "s|^-,|$S,|" "$T/stdin.csv" > "$T/stdin2.csv"
check stdin-jsonl cmp -s "$T/stdin2.csv" "$T/yaml.csv"

# JSON lines out: one valid object per scenario.
expect jsonl-out 0 "$A" batch --format jsonl "$S"
check jsonl-out-lines lines "$T/out" 150
check jsonl-out-valid sh -c "jq -e -s 'length == 150 and
    all(.[]; .scores | length == 6)' '$T/out' >/dev/null"

# Several inputs, each numbered from 1.
expect several 0 "$A" batch data/examples/card-fraud.yaml \
    data/examples/nightly-finance.yaml
check several-rows lines "$T/out" 3
check several-numbered has "$T/out" '^data/examples/nightly-finance.yaml,1,'

# Bad documents: reported with their number and place, the rest scored,
# status 65 at the end.
printf 'latency: 1m\n---\nlatency: soon\nfrob: 1\n---\nlatency: [x\n---\nname: ok\n' \
    > "$T/bad.yaml"
expect bad-docs 65 "$A" batch "$T/bad.yaml"
check bad-docs-rows lines "$T/out" 3
check bad-docs-good-rows has "$T/out" ',4,ok,'
check bad-docs-messages lines "$T/err" 3
check bad-docs-place has "$T/err" "^$T/bad.yaml:3:10: error: document 2: latency:"
check bad-docs-unknown has "$T/err" \
    "^$T/bad.yaml:4:1: error: document 2: unknown question 'frob'"
check bad-docs-syntax has "$T/err" "^$T/bad.yaml:[0-9]*:[0-9]*: error: document 3: "
expect fail-fast 65 "$A" batch --fail-fast "$T/bad.yaml"
check fail-fast-rows lines "$T/out" 2
check fail-fast-one-doc lines "$T/err" 2
printf '{"latency": "1m"}\n\n{"latency": 5}\n{"name": "ok"}\n' > "$T/bad.jsonl"
expect bad-jsonl 65 "$A" batch "$T/bad.jsonl"
check bad-jsonl-place has "$T/err" "^$T/bad.jsonl:3:13: error: document 2: latency: "
check bad-jsonl-rows lines "$T/out" 3

# Notes on answers: taken in both forms; a note on a question that does
# not exist, or one that is not text, is an error at its place.
printf '{"latency": "1m", "notes": {"latency": "close at 7"}}\n{"notes": {"latncy": "x", "volume": 3}}\n' > "$T/notes.jsonl"
expect notes-jsonl 65 "$A" batch "$T/notes.jsonl"
check notes-jsonl-rows lines "$T/out" 2
check notes-jsonl-unknown has "$T/err" "^$T/notes.jsonl:2:12: error: document 2: notes: unknown question 'latncy'"
check notes-jsonl-not-text has "$T/err" "^$T/notes.jsonl:2:37: error: document 2: notes: volume: a note must be text in quotes, not a number"
printf 'latency: 1m\nnotes:\n  latency: close at 7\n---\nnotes:\n  latncy: x\n' > "$T/notes.yaml"
expect notes-yaml 65 "$A" batch "$T/notes.yaml"
check notes-yaml-rows lines "$T/out" 2
check notes-yaml-unknown has "$T/err" "^$T/notes.yaml:6:3: error: document 2: notes: unknown question 'latncy'"

# Usage errors and files that are not there: nothing written.
expect bad-format 2 "$A" batch --format xml "$S"
check bad-format-one-line lines "$T/err" 1
expect bad-input 2 "$A" batch --input toml "$S"
expect missing 66 "$A" batch "$S" "$T/nope.yaml"
check missing-no-output empty "$T/out"
check missing-one-line lines "$T/err" 1
expect directory 66 "$A" batch tests

# -o is atomic: a run that stops early leaves the old file alone.
expect output 0 "$A" batch -o "$T/rows.csv" "$S"
check output-file cmp -s "$T/rows.csv" "$T/yaml.csv"
check output-no-stdout empty "$T/out"
echo old > "$T/keep.csv"
expect output-fail-fast 65 "$A" batch --fail-fast -o "$T/keep.csv" "$T/bad.yaml"
check output-kept sh -c "[ \"\$(cat '$T/keep.csv')\" = old ]"
if [ -w /dev/full ]; then
	expect write-error 73 "$A" batch -o /dev/full "$S"
	check write-error-one-line lines "$T/err" 1
fi

# Streaming: a row comes out as soon as its scenario is complete (a YAML
# document ended by "...", a JSON line), before the next one is sent.
# waitrows FILE N: up to 5 s for FILE to have N lines; says how it went.
waitrows() {
	i=0
	while [ "$(wc -l < "$1")" -lt "$2" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ $i -lt 50 ] && echo in-time > "$T/waited" || echo late > "$T/waited"
}
for form in yaml jsonl; do
	rm -f "$T/fifo" "$T/stream.out"
	mkfifo "$T/fifo"
	: > "$T/stream.out"
	"$A" batch --input $form - < "$T/fifo" > "$T/stream.out" 2>&1 &
	pid=$!
	{
		if [ $form = yaml ]; then
			printf 'name: first\nlatency: 1m\n...\n'
		else
			printf '{"name": "first", "latency": "1m"}\n'
		fi
		waitrows "$T/stream.out" 2
		if [ $form = yaml ]; then
			printf -- '---\nname: second\n'
		else
			printf '{"name": "second"}\n'
		fi
	} > "$T/fifo"
	wait $pid
	check "streaming-$form" has "$T/waited" in-time
	check "streaming-$form-rows" lines "$T/stream.out" 3
done

# The equivalence: each scenario alone through 'report --format json'.
for f in data/examples/*.yaml; do
	cat "$f"
	echo '---'
done > "$T/all.yaml"
sed '1d' "$S" >> "$T/all.yaml"	# its first line is '---'
"$A" batch --format jsonl "$T/all.yaml" > "$T/rows.jsonl"
jq -cS '{top, processing, organization, margin, scores}' "$T/rows.jsonl" \
    > "$T/batch.txt"
awk -v dir="$T" 'BEGIN { n = 1; f = dir "/doc1.yaml" }
    /^---$/ { close(f); n++; f = dir "/doc" n ".yaml"; next }
    { print > f }' "$T/all.yaml"
n=$(ls "$T"/doc*.yaml | wc -l)
i=1
: > "$T/report.txt"
while [ "$i" -le "$n" ]; do
	"$A" report --answers "$T/doc$i.yaml" --format json |
	    jq -cS '{top: .ranking[0].pattern,
	    processing: .recommendation.processing,
	    organization: .recommendation.organization,
	    margin: .recommendation.margin,
	    scores: (.ranking | map({(.pattern): .score}) | add)}' \
	    >> "$T/report.txt"
	i=$((i + 1))
done
check equivalence-count lines "$T/batch.txt" "$n"
if cmp -s "$T/batch.txt" "$T/report.txt"; then
	pass "equivalence-$n-scenarios"
else
	fail "equivalence-$n-scenarios" "$(diff "$T/batch.txt" "$T/report.txt" |
	    head -5)"
fi

# CSV cells a spreadsheet would run as formulas start with ', and control
# characters never reach a cell (OWASP CSV injection).
printf 'name: "=HYPERLINK(1)"\n---\nname: "+cmd"\n---\nname: "@x"\n---\nname: "a\\x1bb"\n' > "$T/formula.yaml"
expect csv-formula 0 "$A" batch "$T/formula.yaml"
check csv-formula-equals has "$T/out" ",'=HYPERLINK(1),"
check csv-formula-plus has "$T/out" ",'+cmd,"
check csv-formula-at has "$T/out" ",'@x,"
check csv-no-escape hasnt "$T/out" "$(printf '\033')"
printf 'latency: 1d\n' > "$T/one.yaml"
"$A" batch - < "$T/one.yaml" > "$T/out" 2>"$T/err"
check csv-stdin-dash-plain has "$T/out" '^-,1,'

# Each way of reading really runs: the fast paths give the same rows as
# their fallbacks, so only their counts ($ARCHADVISOR_BATCH_STATS) show
# that plain YAML is read directly, block style through libyaml's events,
# a bad document through the tree, and JSON lines by their own reader.
paths() { grep "^archadvisor: batch: $1\$" "$T/err" >/dev/null; }
i=0
: > "$T/plain.yaml"
while [ $i -lt 40 ]; do
	printf -- '---\nname: "s%d"\nlatency: %dm\nsql_skills: strong\nuse_cases: [iot, etl]\n' \
	    $i $((i + 1)) >> "$T/plain.yaml"
	i=$((i + 1))
done
printf 'latency: 1d\nuse_cases:\n  - iot\n---\nname: >\n  folded\n---\nlatency: soon\n' \
    > "$T/other.yaml"
ARCHADVISOR_BATCH_STATS=1 "$A" batch "$T/plain.yaml" "$T/other.yaml" \
    >"$T/out" 2>"$T/err"
check paths-yaml paths "40 plain YAML, 2 YAML events, 1 YAML tree, 0 JSON lines"
printf '{"latency": "10m"}\n\n{"latency": "soon"}\n{"name": "x"}\n' \
    > "$T/p.jsonl"
ARCHADVISOR_BATCH_STATS=1 "$A" batch "$T/p.jsonl" >"$T/out" 2>"$T/err"
check paths-jsonl paths "0 plain YAML, 0 YAML events, 0 YAML tree, 3 JSON lines"
"$A" batch "$T/plain.yaml" >"$T/out" 2>"$T/err"
check paths-quiet-by-default hasnt "$T/err" "plain YAML"

# --excel: the same rows, after a UTF-8 byte-order mark and with CRLF line
# ends; Python's csv module (its "excel" dialect) reads it back as they are.
"$A" batch data/examples/*.yaml > "$T/plain.csv"
expect excel 0 "$A" batch --excel -o "$T/excel.csv" data/examples/*.yaml
check excel-bom [ "$(head -c 3 "$T/excel.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check excel-every-line-crlf [ "$(grep -c "$(printf '\r')\$" "$T/excel.csv")" -eq \
    "$(wc -l < "$T/excel.csv")" ]
check excel-same-rows sh -c "tail -c +4 '$T/excel.csv' | tr -d '\r' |
    cmp -s - '$T/plain.csv'"
check excel-reads-back python3 -c "
import csv, sys
a = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
b = list(csv.reader(open(sys.argv[2], encoding='utf-8', newline='')))
sys.exit(a != b or len(a) < 2)" "$T/excel.csv" "$T/plain.csv"
expect excel-not-jsonl 2 "$A" batch --excel --format jsonl data/examples/card-fraud.yaml
check excel-not-jsonl-says has "$T/err" "excel is for CSV"

finish batch
