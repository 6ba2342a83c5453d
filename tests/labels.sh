#!/bin/sh
# Words for people: no handout, text report, Markdown, ADR or TUI screen in
# the goldens (nor any example in those formats, made afresh) shows a
# question id, a value id, a rule id, a machine threshold such as 1h1s, or
# a weight, scale or "the seed" in a reason. JSON, CSV, explain and the knowledge-base
# listings keep ids and are not read here. The ids come from `questions
# --format json` of the knowledge base each output was made with.
#   An id with '_' (sql_skills, fraud_detection) is refused anywhere as a
#   word, also as Markdown writes it (sql\_skills); an id that is an
#   ordinary word (latency, batch, some) only where an id would stand: a
#   row or term of the answers, a what-if, a requirement verdict, a list
#   of open, deciding or inferred questions, a TUI row or box title.
# The archadvisor:answers comment that ends a record, for programs that
# re-check it, keeps ids and is skipped.
# usage: tests/labels.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
PY=/usr/bin/python3

# scan KIND FILE IDS.json [RULES]: prints what a person should not see;
# RULES lists the knowledge base's rule ids, one a line.
scan() {
	"$PY" - "$1" "$2" "$3" "${4:-/dev/null}" <<'PYEOF'
import json, re, sys
kind, path, idfile, rulefile = sys.argv[1:5]
text = open(path, encoding="utf-8").read()
# The answers block a record carries for programs to re-check it is a
# comment no reader sees.
text = re.sub(r"<!-- archadvisor:answers.*?-->", "", text, flags=re.S)
qs = json.load(open(idfile))["questions"]

def lower(label):
    # As words.c lowers a label inside a sentence.
    first = re.match(r"[^ -]*", label).group(0)
    if first[:1].isupper() and not re.search(r"[A-Z0-9]", first[1:]):
        return label[0].lower() + label[1:]
    return label

# Where a label is shown as written (tables, TUI rows), any id is wrong;
# inside a sentence, only an id that its lowered label does not spell.
qids = {q["id"] for q in qs}
qids_sent = {q["id"] for q in qs if lower(q["label"]) != q["id"]}
vids = {v for q in qs for v, l in q["value_labels"].items() if l != v}
bad = []

def word(i):
    # As written, and as Markdown escapes it.
    return r"(?<![\w\\])(?:%s|%s)(?!\w)" % (re.escape(i),
        re.escape(i).replace("_", r"\\_"))

for i in sorted(qids | {v for q in qs for v in q["values"]}):
    if "_" in i and re.search(word(i), text):
        bad.append("id %s" % i)

def ids_in(items, ids, what):
    for it in items:
        it = re.sub(r"<[^>]*>", "", it).strip().strip("*`")
        it = it.replace("\\_", "_")
        words = it.split()
        if it in ids or (len(words) > 1 and all(w in ids for w in words)):
            bad.append("%s %s" % (what, it))

def split_list(s):
    return re.split(r",\s*|\s+and\s+", s)

# Answers: Markdown rows, HTML terms, ADR drivers.
for m in re.finditer(r"^\| ([^|]+) \| ([^|]+) \|", text, re.M):
    ids_in([m.group(1)], qids, "question")
    ids_in(split_list(m.group(2)), vids, "value")
for m in re.finditer(r"<dt[^>]*>([^<]*)</dt>\s*<dd>([^<]*)</dd>", text):
    ids_in([m.group(1)], qids, "question")
    ids_in(split_list(m.group(2)), vids, "value")
for m in re.finditer(r"^\* \*\*([^*]+?):?\*\*(?: =|:)? ([^(]*)\(", text,
    re.M):
    ids_in([m.group(1)], qids, "question")
    ids_in(split_list(m.group(2)), vids, "value")
for m in re.finditer(r"^ {4}(\w+): ", text, re.M):
    ids_in([m.group(1)], qids, "ask next")
# What-if sentences, requirement verdicts, lists of questions.
for m in re.finditer(r"\bIf (?:the )?(\w+) (?:were|also|did)", text):
    ids_in([m.group(1)], qids_sent, "what-if on")
for m in re.finditer(r"\b(?:[Mm]eets|cannot meet|met:|stretch:) ([\w ,]+)",
    text):
    ids_in(split_list(m.group(1).replace(" only at a stretch", "")),
        qids_sent, "requirement")
for m in re.finditer(r"(?:Unanswered \(\d+\):|answers? to|deciding:|"
    r"by the source:|recommendation:(?:\*\*|</strong>)|would not change "
    r"it:(?:\*\*|</strong>))([^.;\n]*(?:\n  [^.;\n]*)*)", text):
    ids_in(split_list(m.group(1).replace("\n", " ")), qids_sent, "listed")
if kind == "tui":
    for m in re.finditer(r"^. (\w+) ", text, re.M):
        ids_in([m.group(1)], qids, "TUI row")
    for m in re.finditer(r"─ (\w+) ─", text):
        ids_in([m.group(1)], qids, "TUI title")
# Machine thresholds and unit forms where people read them (not in a
# source's address, where "9d928005ddf7" is a page's id).
prose = re.sub(r"https?://[^\s\"<>)]+", "", text)
for m in re.finditer(r"\b\d+[wdhms]\d+[wdhms]\w*|\b\d{7,}B\b", prose):
    bad.append("threshold %s" % m.group(0))
for m in re.finditer(r"\b(?:were|instead of|than) "
    r"(\d+(?:[smhdw]|[KMGTPE]?i?B))\b", text):
    bad.append("unit form %s" % m.group(1))
# Rule ids belong to explain and JSON: refused in brackets, and as a word
# when hyphenated (no prose word is spelt batch-latency-over-1h).
for r in open(rulefile, encoding="utf-8").read().split():
    if re.search(r"\[%s\]" % re.escape(r), text) or ("-" in r and
        re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(r), text)):
        bad.append("rule id %s" % r)
# Reasons for people carry no scoring machinery.
for m in re.finditer(r"\(weight [-+]?\d|\bweight [-+]?\d+[,:)]|"
    r"evidence [-+]\d|\bscale \d|\bthe seed\b", text, re.I):
    bad.append("scoring %r" % m.group(0))
# Nor the organisation threshold: the answers that speak for or
# against a mesh say why, not "scores 32.1, below the 70".
for m in re.finditer(r"(?:at least|below) the \d+ from which", text):
    bad.append("threshold %r" % m.group(0))
# Nor a reason's weight beside it in a handout.
for m in re.finditer(r'class="w">[-+]?\d|\*\*[-+]\d+\.\d\*\*', text):
    bad.append("weight %r" % m.group(0))
# Nor in the text report's margin, where a reason's direction stands.
if kind == "text":
    for m in re.finditer(r"^ *[-+]\d+\.\d  ", text, re.M):
        bad.append("weight %r" % m.group(0).strip())
    # The knowledge base goes by its name; --version lists its files.
    for m in re.finditer(r"^Files: .*", text, re.M):
        bad.append("file list %r" % m.group(0)[:30])
for b in sorted(set(bad))[:20]:
    print(b)
sys.exit(1 if bad else 0)
PYEOF
}

# ids of the knowledge base given by RULES (empty: the stock one).
ids() {
	if [ -n "$1" ]; then "$A" --rules "$1" questions --format json
	else "$A" questions --format json; fi > "$2"
}

# rule_ids RULES FILE: every rule id of that knowledge base, one a line,
# as explain names them for each pattern.
rule_ids() {
	if [ -n "$1" ]; then set -- "$2" --rules "$1"; else set -- "$2"; fi
	out=$1
	shift
	for p in $("$A" "$@" patterns --format json | jq -r '.patterns[].id')
	do
		"$A" "$@" explain "$p" --format json | jq -r '.rules[].rule'
	done | sort -u > "$out"
}

kind_of() {
	case $1 in
	*questions*|*patterns*|*explain*|*json*) echo skip ;;
	*html*) echo html ;;
	*markdown*|*adr*) echo md ;;
	*) echo text ;;
	esac
}

n=0
for d in tests/golden/*/; do
	g=$(basename "$d")
	k=$(kind_of "$g")
	[ "$k" = skip ] && continue
	rules=$(sed -n 's/.*--rules \([^ ]*\).*/\1/p' "$d/args")
	ids "$rules" "$T/ids.json"
	rule_ids "$rules" "$T/rules.txt"
	if out=$(scan "$k" "$d/expected" "$T/ids.json" "$T/rules.txt")
	then pass "golden $g"
	else fail "golden $g" "$out"; fi
	n=$((n + 1))
done
ids "" "$T/stock.json"
rule_ids "" "$T/stock-rules.txt"
[ "$(wc -l < "$T/stock-rules.txt")" -ge 30 ] && pass "rule-ids-listed" ||
    fail "rule-ids-listed" "explain named too few rules"
for s in tests/tui/*.screen; do
	case $s in
	*mini*) ids tests/kb/mini.yaml "$T/ids.json" ;;
	*) cp "$T/stock.json" "$T/ids.json" ;;
	esac
	if out=$(scan tui "$s" "$T/ids.json" "$T/stock-rules.txt")
	then pass "screen $s"
	else fail "screen $s" "$out"; fi
	n=$((n + 1))
done
for f in data/examples/*.yaml; do
	for fmt in text markdown html adr; do
		"$A" report --answers "$f" --format "$fmt" > "$T/out" \
		    2>"$T/err" || { fail "$f $fmt" "$(head -2 "$T/err")";
		    continue; }
		if out=$(scan "$(kind_of "$fmt")" "$T/out" "$T/stock.json" \
		    "$T/stock-rules.txt"); then pass "$f $fmt"; else fail "$f $fmt" "$out"; fi
	done
done

# diff, for two scenarios (with the reasons that changed) and for three.
D=data/examples/diff
for files in "$D/today.yaml $D/in-two-years.yaml" \
    "$D/today.yaml $D/in-two-years.yaml $D/after-acquisition.yaml"; do
	for fmt in text markdown html; do
		# shellcheck disable=SC2086
		"$A" diff $files --format "$fmt" > "$T/out" 2>"$T/err"
		[ $? -le 1 ] || { fail "diff $fmt" "$(head -2 "$T/err")";
		    continue; }
		if out=$(scan "$(kind_of "$fmt")" "$T/out" "$T/stock.json" \
		    "$T/stock-rules.txt"); then pass "diff $(echo $files |
		    wc -w) $fmt"; else fail "diff $fmt" "$out"; fi
	done
done

# The scan finds what it is meant to: a handout in ids fails it.
printf '| use\\_cases | fraud\\_detection | P |\n| latency | 1h1s | P |\n' \
    > "$T/ids.md"
printf 'If latency were 59m59s instead of 1d, X.\nMeets latency.\n' \
    >> "$T/ids.md"
printf -- '- +1.0 Fine (weight 1: a few minutes behind)\n' >> "$T/ids.md"
if out=$(scan md "$T/ids.md" "$T/stock.json"); then
	fail "scan-finds-ids" "nothing found in a handout written in ids"
else
	for want in "id use_cases" "id fraud_detection" "question latency" \
	    "threshold 59m59s" "threshold 1h1s"; do
		case $out in
		*"$want"*) ;;
		*) fail "scan-finds-ids" "missed: $want" "$out"; break ;;
		esac
	done
	case $out in *"$want"*) pass "scan-finds-ids" ;; esac
fi
printf 'If latency were 59m59s instead of 1d, X.\nMeets latency.\n' \
    > "$T/whatif.txt"
printf 'Unanswered (2): event_driven domains\n' >> "$T/whatif.txt"
printf 'Why it scores 50.0 (evidence +12.0, scale 4)\n' >> "$T/whatif.txt"
if out=$(scan text "$T/whatif.txt" "$T/stock.json"); then
	fail "scan-finds-whatif" "nothing found"
else
	ok=1
	for want in "what-if on latency" "requirement latency" "listed event_driven domains" \
	    "unit form 1d" "scoring"; do
		case $out in *"$want"*) ;; *) ok=0 ;; esac
	done
	if [ $ok = 1 ]; then pass "scan-finds-whatif"
	else fail "scan-finds-whatif" "missed some of: $out"; fi
fi
# A text report's margin with weights and rule ids fails it.
printf 'Batch (strong, 81.8)\n   +2.0  Slow is fine. [batch-large-volume-etl]\n' \
    > "$T/weights.txt"
printf '   -1.0  Results may be hours old, kappa-replay.\n' >> "$T/weights.txt"
printf 'Files: rules/bestfor.yaml\n' >> "$T/weights.txt"
if out=$(scan text "$T/weights.txt" "$T/stock.json" "$T/stock-rules.txt")
then
	fail "scan-finds-rule-ids" "nothing found"
else
	ok=1
	for want in "rule id batch-large-volume-etl" "rule id kappa-replay" \
	    "weight '+2.0'" "weight '-1.0'" "file list"; do
		case $out in *"$want"*) ;; *) ok=0 ;; esac
	done
	if [ $ok = 1 ]; then pass "scan-finds-rule-ids"
	else fail "scan-finds-rule-ids" "missed some of: $out"; fi
fi
[ "$n" -ge 15 ] && pass "goldens-scanned" || fail "goldens-scanned" \
    "only $n goldens and screens scanned"

# The why texts of the stock knowledge base and its layers, as written.
if grep -h '^ *why:' rules/*.yaml rules/layers/*.yaml |
    grep -i -E 'weight|the seed|scale [0-9]|evidence [-+]?[0-9]|penalt|counted on' \
    > "$T/why"
then fail "why-texts-for-people" "$(head -3 "$T/why")"
else pass "why-texts-for-people"; fi
finish "labels"
