#!/bin/sh
# The stakeholder handouts from the command line: the hostile
# knowledge base and answers of tests/handout/ through html, markdown and
# adr; -o writing atomically (the old file untouched on any error, no
# temporary left); --adr-dir numbering in an adr-tools folder, checked
# with adr-tools itself; and the usage errors around the new options.
#   tests/handout.sh ./archadvisor
set -u
A=$1
. tests/lib.sh

SOURCE_DATE_EPOCH=1735689600
export SOURCE_DATE_EPOCH
H="--rules tests/handout/hostile.yaml"
HA="--answers tests/handout/hostile-answers.yaml"
BANK=data/examples/bank-exact-and-fast.yaml

# Hostile strings come out escaped from every format.
# shellcheck disable=SC2086
# The answers block a record carries for 'archadvisor review' is one HTML
# comment (tests/records.sh reads it back): what the checks below read is
# the document without it, and nothing inside it may end it early.
strip_record() {
	sed '/^<!-- archadvisor:answers$/,/^-->$/d' "$1" >"$1.doc"
	sed -n '/^<!-- archadvisor:answers$/,/^-->$/p' "$1" | sed '1d;$d' |
	    grep -n -- '--' | head -3
}
for fmt in html markdown adr; do
	# shellcheck disable=SC2086
	$A $H report $HA --format $fmt >"$T/rec" 2>/dev/null
	if [ "$(grep -c '^<!-- archadvisor:answers$' "$T/rec")" = 1 ] &&
	    [ -z "$(strip_record "$T/rec")" ]; then
		pass "hostile: $fmt answers block is one comment"
	else
		fail "hostile: $fmt answers block is one comment" \
		    "$(strip_record "$T/rec")"
	fi
done
if expect "hostile: html" 0 $A $H report $HA --format html; then
	strip_record "$T/out" >/dev/null
	if grep -q -i -E '<(script|iframe|img|b>|em>)|"quotes"' "$T/out.doc"
	then
		fail "hostile: html escaped" "$(grep -n -i -E \
		    '<(script|iframe|img|b>|em>)|"quotes"' "$T/out.doc" |
		    head -3)"
	else
		pass "hostile: html escaped"
	fi
fi
for fmt in markdown adr; do
	# shellcheck disable=SC2086
	expect "hostile: $fmt" 0 $A $H report $HA --format $fmt || continue
	# An unescaped < & or ` (the chart's code spans aside), or a |
	# outside a table row, would be markup.
	strip_record "$T/out" >/dev/null
	bad=$(sed -e 's/\\\\//g' -e 's/\\.//g' -e 's/`[█░]*`//g' "$T/out.doc" |
	    grep -n -E '[<&`]|^[^|].*[|]' | head -3)
	if [ -z "$bad" ]; then
		pass "hostile: $fmt escaped"
	else
		fail "hostile: $fmt escaped" "$bad"
	fi
done

# GitHub's own renderer reads no markup in them: no raw HTML, links,
# strikethrough, headings, list items or code spans beyond our own.
if command -v cmark-gfm >/dev/null 2>&1; then
	for fmt in markdown adr; do
		# shellcheck disable=SC2086
		$A $H report $HA --format $fmt >"$T/md.rec" 2>/dev/null
		strip_record "$T/md.rec" >/dev/null
		mv "$T/md.rec.doc" "$T/md"
		cmark-gfm --extension table --extension strikethrough \
		    --extension autolink --extension tagfilter "$T/md" >"$T/md.html"
		heads=$(grep -c -E '^#{1,6} ' "$T/md")
		items=$(grep -c -E '^[-*] ' "$T/md")
		bars=$(grep -o -E '`[█░]+`' "$T/md" | wc -l)
		got="$(grep -c -E '<h[1-6]>' "$T/md.html") $(grep -o '<li>' \
		    "$T/md.html" | wc -l) $(grep -o '<code>' "$T/md.html" | wc -l)"
		if grep -q -E 'raw HTML omitted|<a |<del>|<script|<img' \
		    "$T/md.html"; then
			fail "hostile: $fmt rendered by cmark-gfm" "$(grep -o -E \
			    '.{0,40}(raw HTML omitted|<a |<del>|<script|<img).{0,40}' \
			    "$T/md.html" | head -3)"
		elif [ "$got" != "$heads $items $bars" ]; then
			fail "hostile: $fmt rendered by cmark-gfm" \
			    "headings, items, code: $got, want $heads $items $bars"
		else
			pass "hostile: $fmt rendered by cmark-gfm"
		fi
	done
else
	fail "cmark-gfm is installed" "run: sh .ci/deps.sh check"
fi

# Every source is a link, named by its title, in what cmark-gfm makes of
# the Markdown handout and of each form of ADR.
$A report --answers $BANK --format json 2>/dev/null |
    jq -r '.precedents[] |
    "<a href=\"\(.source.url)\">\(.source.title | gsub("&"; "&amp;"))</a>"' \
    >"$T/links"
for form in markdown nygard madr4 madr2; do
	if [ $form = markdown ]; then
		$A report --answers $BANK --format markdown >"$T/md" 2>/dev/null
	else
		$A report --answers $BANK --adr-template $form >"$T/md" \
		    2>/dev/null
	fi
	cmark-gfm --extension table --extension autolink "$T/md" \
	    >"$T/md.html" 2>/dev/null
	missing=
	while IFS= read -r link; do
		grep -q -F "$link" "$T/md.html" || missing="$missing $link"
	done <"$T/links"
	n=$(grep -o '<a href=' "$T/md.html" | wc -l)
	if [ "$(wc -l <"$T/links")" -eq 3 ] && [ -z "$missing" ] &&
	    [ "$n" -eq 3 ]; then
		pass "$form: three sources, each a link named by its title"
	else
		fail "$form: three sources, each a link named by its title" \
		    "$n links; missing:$missing"
	fi
done

# The three forms of ADR, each as its tools read it.
expect "--adr-template madr2" 0 $A report --answers $BANK \
    --adr-template madr2
cmark-gfm "$T/out" >"$T/madr2.html" 2>/dev/null
# log4brains: the title is the first h1; the metadata, the items of the
# first list before the first h2, each "Key: value".
meta=$(sed -n '1,/<h2>/p' "$T/madr2.html" | sed -n '/<ul>/,/<\/ul>/p' |
    sed -n 's,^<li>\(.*\)</li>$,\1,p' | tr '\n' '|')
if head -1 "$T/madr2.html" | grep -q '^<h1>Use Lambda Architecture for Bank' &&
    [ "$meta" = "Status: proposed|Date: 2025-01-01|" ]; then
	pass "madr2: log4brains' title, status and date"
else
	fail "madr2: log4brains' title, status and date" "$meta" \
	    "$(head -1 "$T/madr2.html")"
fi
grep -q '^## Links$' "$T/out" && pass "madr2: sources under Links" ||
    fail "madr2: sources under Links"
expect "--adr-template madr4" 0 $A report --answers $BANK --format adr \
    --adr-template madr4
if python3 -c '
import sys, yaml
text = open(sys.argv[1], encoding="utf-8").read()
assert text.startswith("---\n")
meta = yaml.safe_load(text.split("---\n")[1])
assert meta["status"] == "proposed", meta
assert str(meta["date"]) == "2025-01-01", meta
assert set(meta) == {"status", "date", "decision-makers", "consulted",
    "informed"}, meta
body = text.split("---\n", 2)[2]
heads = [l for l in body.splitlines() if l.startswith("#")]
want = ["## Context and Problem Statement", "## Decision Drivers",
    "## Considered Options", "## Decision Outcome", "### Consequences",
    "### Confirmation", "## Pros and Cons of the Options",
    "## More Information"]
got = [h for h in heads if h in want]
assert got == want, got
assert heads[0].startswith("# Use Lambda"), heads[0]
' "$T/out" 2>"$T/py"; then
	pass "madr4: front matter and MADR 4's sections in order"
else
	fail "madr4: front matter and MADR 4's sections in order" \
	    "$(tail -1 "$T/py")"
fi
expect "nygard is the default" 0 $A report --answers $BANK --format adr
heads=$(grep -E '^#{1,2} ' "$T/out" | sed -n '1,4p' | tr '\n' '|')
if [ "$heads" = "# Use Lambda Architecture for Bank needing exact and fast figures|## Status|## Context|## Decision|" ] &&
    sed -n 3p "$T/out" | grep -q '^Date: 2025-01-01$' &&
    grep -q '^## Consequences$' "$T/out"; then
	pass "nygard: adr-tools' title, date and sections"
else
	fail "nygard: adr-tools' title, date and sections" "$heads"
fi
# Consequences for these answers: what to run, watch and learn, and a
# risk for each rule that held the choice back (Kappa, which frequent
# recomputation over much history holds back).
expect "consequences" 0 $A report --answers \
    data/examples/ecommerce-personalisation.yaml --format adr
sed -n '/^## Consequences$/,/^## Considered Options$/p' "$T/out" >"$T/cons"
if grep -q '^\* \*\*Run:\*\* [A-Z]' "$T/cons" &&
    grep -q '^\* \*\*Watch:\*\* [A-Z]' "$T/cons" &&
    grep -q '^\* \*\*Learn:\*\* [A-Z]' "$T/cons" &&
    grep -q '^\* \*\*Risk:\*\* [A-Z].*\.$' "$T/cons" &&
    grep -q '^### Next Steps$' "$T/cons" &&
    grep -q '^### Confirmation$' "$T/cons" &&
    ! grep -q 'because [a-z]* [a-z]* [a-z]* systems$' "$T/cons"; then
	pass "consequences: run, watch, learn, risks, next steps, confirmation"
else
	fail "consequences: run, watch, learn, risks, next steps, confirmation" \
	    "$(head -20 "$T/cons")"
fi
expect "unknown --adr-template" 2 $A report --answers $BANK \
    --adr-template madr3
grep -q "unknown ADR template 'madr3' (expected nygard, madr4 or madr2)" \
    "$T/err" && pass "unknown --adr-template names the forms" ||
    fail "unknown --adr-template names the forms" "$(cat "$T/err")"
expect "--adr-template with --format html" 2 $A report --answers $BANK \
    --format html --adr-template madr4
expect "--adr-template with --adr-dir" 0 $A report --answers $BANK \
    --adr-template madr2 --adr-dir "$T/m2"
grep -q '^\* Status: proposed$' "$T/m2"/0001-*.md &&
    pass "--adr-dir files the form asked for" ||
    fail "--adr-dir files the form asked for"

# The HTML handout a CTO reads in two minutes: the decisions as
# sentences at the top (a close call said as one; the organisation in a
# sentence of its own), a ruled-out option as a labelled line without a
# bar, and the prompts of the questions worth asking next in the text,
# not only in a tooltip.
CARD=data/examples/card-fraud.yaml
$A report --answers $CARD --format html >"$T/card.html" 2>/dev/null
rec=$(sed -n '/<section class="rec"/,/<\/section>/p' "$T/card.html")
if printf '%s' "$rec" | grep -q '<p class="sentence">Use <strong>Stream Processing</strong>: a close call with Kappa Architecture, which turns on use cases (as answered), ' &&
    printf '%s' "$rec" | grep -q '<p class="org">Organisation: leaning towards a central data team;'; then
	pass "html: the close call and the organisation as sentences at the top"
else
	fail "html: the close call and the organisation as sentences at the top" \
	    "$rec"
fi
$A report --answers $BANK --format html >"$T/bank.html" 2>/dev/null
grep -q '<p class="org">Organisation: leaning' "$T/bank.html" &&
    pass "html: the organisation decision, leaning" ||
    fail "html: the organisation decision, leaning"
$A report --answers data/examples/enterprise-forty-domains.yaml \
    --format html 2>/dev/null | grep -q '<p class="org">Organise the data as a <strong>Data Mesh</strong>: the answers on data maturity, number of domains and central team bottleneck speak for it.' &&
    pass "html: the organisation decision, settled" ||
    fail "html: the organisation decision, settled"
out=$(grep -c '<tr class="out"><th scope="row">[^<]*</th><td colspan="2">Ruled out: acceptable delay</td></tr>' \
    "$T/card.html")
bars=$(grep -c 'class="bar"' "$T/card.html")
[ "$out" = 2 ] && [ "$bars" = 4 ] &&
    pass "html: ruled-out options as labelled lines, no bars" ||
    fail "html: ruled-out options as labelled lines, no bars" \
    "$out lines, $bars bars"
# The two first questions worth asking, with their prompts in the page.
$A report --answers $CARD --format json 2>/dev/null | jq -r '
    [.next_questions[] | select(.changes_with_others) | .question][:2][]' \
    >"$T/next"
missing=
while IFS= read -r q; do
	prompt=$($A questions --format json 2>/dev/null | jq -r --arg q "$q" \
	    '.questions[] | select(.id == $q) | .prompt' | sed 's/&/\&amp;/g')
	grep -q "^<li><strong>[A-Z][^<]*</strong>: $prompt</li>\$" \
	    "$T/card.html" || missing="$missing $q"
done <"$T/next"
[ "$(wc -l <"$T/next")" -eq 2 ] && [ -z "$missing" ] &&
    pass "html: the prompts of the questions worth asking next" ||
    fail "html: the prompts of the questions worth asking next" \
    "missing:$missing" "$(cat "$T/next")"
# "Also open" names only questions the sentences at the top have not
# already named (the close call's and the organisation's).
$A report --set latency=3m --format html >"$T/close.html" 2>/dev/null
top=$(grep -E '<p class="(sentence|org)">' "$T/close.html")
also=$(grep -o '<p>Also open, could change it: [^<]*' "$T/close.html" |
    sed 's/^<p>Also open, could change it: //; s/ and [0-9]* more\.$//;
    s/\.$//; s/ and /, /')
repeated=
IFS=,
for name in $also; do
	name=${name# }
	case $top in *"$name"*) repeated="$repeated [$name]" ;; esac
done
unset IFS
[ -n "$also" ] && [ -n "$top" ] && [ -z "$repeated" ] &&
    pass "html: 'also open' repeats no question named at the top" ||
    fail "html: 'also open' repeats no question named at the top" \
    "repeated:$repeated" "also: $also"
grep -q 'title="rule ' "$T/card.html" &&
    fail "html: no rule ids, not even in tooltips" ||
    pass "html: no rule ids, not even in tooltips"
# Links named by their source: three sites, not three "Source".
names=$(grep -o '<a href="http[^"]*" title="[^"]*">[^<]*</a>' "$T/bank.html" |
    sed 's/.*">\([^<]*\)<\/a>$/\1/' | tr '\n' ' ')
sites=$($A report --answers $BANK --format json 2>/dev/null |
    jq -r '.precedents[].source.url' |
    sed 's|^[a-z]*://||; s|/.*||; s|^www\.||' | tr '\n' ' ')
[ "$(echo "$sites" | wc -w)" -eq 3 ] && [ "$names" = "$sites" ] &&
    pass "html: source links named by their sites" ||
    fail "html: source links named by their sites" "$names" "$sites"

# README shows two handouts: each a PNG under docs/, under 300 KB.
for png in $(grep -o 'docs/handout-[a-z-]*\.png' README.md | sort -u); do
	size=$(wc -c <"$png" 2>/dev/null || echo 0)
	if [ "$(head -c 4 "$png" 2>/dev/null | od -An -c | tr -d ' ')" = \
	    '211PNG' ] && [ "$size" -gt 0 ] && [ "$size" -lt 307200 ]; then
		pass "README screenshot $png ($size bytes)"
	else
		fail "README screenshot $png" "$size bytes"
	fi
done
[ "$(grep -o 'docs/handout-[a-z-]*\.png' README.md | sort -u | wc -l)" -eq 2 ] &&
    pass "README shows two handouts" || fail "README shows two handouts"

# -o: written whole, or not at all.
printf 'old report\n' >"$T/report.html"
expect "-o writes the handout" 0 $A report --answers $BANK --format html \
    -o "$T/report.html" &&
    if grep -q '^</html>$' "$T/report.html" &&
	tail -1 "$T/report.html" | grep -q '^-->$'; then
		pass "-o: the file is complete"
	else
		fail "-o: the file is complete"
	fi
printf 'old report\n' >"$T/report.md"
printf 'latency: soon\n' >"$T/bad.yaml"
expect "-o with bad answers fails" 65 $A report --answers "$T/bad.yaml" \
    --format markdown -o "$T/report.md"
if [ "$(cat "$T/report.md")" = "old report" ]; then
	pass "-o: old file untouched after an error"
else
	fail "-o: old file untouched after an error"
fi
expect "-o into a missing directory fails" 73 $A report --answers $BANK \
    --format adr -o "$T/missing/x.md"
expect "-o on a full device fails" 73 $A report --answers $BANK \
    --format html -o /dev/full
leftover=$(find "$T" -name '.*.??????' | head -3)
if [ -z "$leftover" ]; then
	pass "-o: no temporary file left"
else
	fail "-o: no temporary file left" "$leftover"
fi

# With no --format, the format follows -o's file name (as pandoc does); an
# ending the command cannot write, or does not know, is a usage error.
expect "-o x.html writes HTML" 0 $A report --answers $BANK -o "$T/x.html"
head -1 "$T/x.html" | grep -q '^<!DOCTYPE html>' && pass "-o x.html is HTML" ||
    fail "-o x.html is HTML" "$(head -1 "$T/x.html")"
expect "-o x.md writes Markdown" 0 $A report --answers $BANK -o "$T/x.md"
head -1 "$T/x.md" | grep -q '^# ' && pass "-o x.md is Markdown" ||
    fail "-o x.md is Markdown" "$(head -1 "$T/x.md")"
expect "-o x.json writes JSON" 0 $A report --answers $BANK -o "$T/x.json"
jq -e .recommendation "$T/x.json" >/dev/null && pass "-o x.json is JSON" ||
    fail "-o x.json is JSON"
expect "--format wins over the name" 0 $A report --answers $BANK \
    --format text -o "$T/y.html"
head -1 "$T/y.html" | grep -q '^archadvisor report' &&
    pass "--format text into y.html" || fail "--format text into y.html"
expect "-o x.pdf is refused" 2 $A report --answers $BANK -o "$T/x.pdf"
[ ! -e "$T/x.pdf" ] && pass "-o x.pdf writes nothing" ||
    fail "-o x.pdf writes nothing"
expect "diff -o x.pdf is refused" 2 $A diff $BANK $BANK -o "$T/d.pdf"
expect "diff -o x.html writes the handout" 0 $A diff $BANK $BANK -o "$T/d.html"
expect "-o x.txt writes text" 0 $A report --answers $BANK -o "$T/x.txt"
head -1 "$T/x.txt" | grep -q '^archadvisor report' && pass "-o x.txt is text" ||
    fail "-o x.txt is text" "$(head -1 "$T/x.txt")"
expect "report -o x.csv is refused" 2 $A report --answers $BANK -o "$T/x.csv"
grep -q "'x.csv' names a format report does not write (csv): give --format" \
    "$T/err" && pass "report -o x.csv says why" ||
    fail "report -o x.csv says why" "$(cat "$T/err")"
# An ADR is a .md file: -o x.adr is not a format, --adr-template says ADR.
expect "-o x.adr is refused" 2 $A report --answers $BANK -o "$T/x.adr"
grep -q "cannot tell the format from 'x.adr': give --format" "$T/err" &&
    pass "-o x.adr says why" || fail "-o x.adr says why" "$(cat "$T/err")"
expect "batch -o x.csv writes CSV" 0 $A batch $BANK -o "$T/b.csv"
head -1 "$T/b.csv" | grep -q '^file,scenario,name,' &&
    pass "batch -o x.csv is CSV" || fail "batch -o x.csv is CSV"
expect "batch -o x.jsonl writes JSON lines" 0 $A batch $BANK -o "$T/b.jsonl"
jq -e .processing "$T/b.jsonl" >/dev/null 2>&1 &&
    pass "batch -o x.jsonl is JSON lines" ||
    fail "batch -o x.jsonl is JSON lines" "$(head -c 80 "$T/b.jsonl")"
expect "batch -o x.xlsx is refused" 2 $A batch $BANK -o "$T/b.xlsx"
expect "batch -o x.html is refused" 2 $A batch $BANK -o "$T/b.html"
[ ! -e "$T/b.xlsx" ] && [ ! -e "$T/b.html" ] && [ ! -e "$T/x.adr" ] &&
    pass "refused names write nothing" || fail "refused names write nothing"

# --adr-dir from many writers at once, with different titles: each record
# its own number, and no reservation left behind (three rounds of 20).
for round in 1 2 3; do
	d="$T/parallel-$round"
	for i in 1 2 3 4 5 6 7 8 9 10; do
		$A report --set latency=1d --adr-dir "$d" >/dev/null 2>&1 &
		$A report --set latency=1m --adr-dir "$d" >/dev/null 2>&1 &
	done
	wait
	nums=$(ls "$d" | cut -c1-4 | sort -u | wc -l)
	all=$(ls -A "$d" | wc -l)
	if [ "$nums" -eq 20 ] && [ "$all" -eq 20 ]; then
		pass "--adr-dir in parallel: 20 numbers (round $round)"
	else
		fail "--adr-dir in parallel: 20 numbers (round $round)" \
		    "$nums numbers, $all entries" "$(ls -A "$d" | head -5)"
	fi
done

# --adr-dir in an adr-tools folder: numbering continues both ways.
if command -v adr >/dev/null 2>&1; then
	mkdir "$T/proj"
	(
		cd "$T/proj" || exit 1
		export EDITOR=true VISUAL=true ADR_DATE=2024-12-31
		adr init doc/adr >/dev/null &&
		adr new Use PostgreSQL for the warehouse >/dev/null
	) 2>"$T/err"
	expect "--adr-dir files the ADR" 0 $A report --answers $BANK \
	    --adr-dir "$T/proj/doc/adr"
	f="$T/proj/doc/adr/0003-use-lambda-architecture-for-bank-needing-exact-and-fast-figures.md"
	if [ "$(cat "$T/out")" = "$f" ] && [ -f "$f" ]; then
		pass "--adr-dir: numbered 0003 after adr-tools' two"
	else
		fail "--adr-dir: numbered 0003 after adr-tools' two" \
		    "$(cat "$T/out")" "$(ls "$T/proj/doc/adr")"
	fi
	# The same record as -o names it: numbered from the file name.
	$A report --answers $BANK --format adr -o "$T/0003-x.md" 2>/dev/null
	if cmp -s "$T/0003-x.md" "$f"; then
		pass "--adr-dir: the file is the ADR"
	else
		fail "--adr-dir: the file is the ADR"
	fi
	head -1 "$f" | grep -q '^# 3\. Use Lambda Architecture' &&
	    pass "--adr-dir: adr-tools' title, numbered" ||
	    fail "--adr-dir: adr-tools' title, numbered" "$(head -1 "$f")"
	(
		cd "$T/proj" || exit 1
		export EDITOR=true VISUAL=true
		adr list && adr generate toc &&
		adr new Use dbt for transformations
	) >"$T/adr.out" 2>&1
	if grep -q '^doc/adr/0003-use-lambda' "$T/adr.out" &&
	    grep -q -F '* [3. Use Lambda Architecture for Bank needing exact and fast figures](0003-use-lambda-architecture-for-bank-needing-exact-and-fast-figures.md)' \
	    "$T/adr.out" &&
	    [ -f "$T/proj/doc/adr/0004-use-dbt-for-transformations.md" ]; then
		pass "adr-tools lists it, puts it in the toc, numbers on"
	else
		fail "adr-tools lists it, puts it in the toc, numbers on" \
		    "$(head -12 "$T/adr.out")"
	fi
	expect "--adr-dir again" 0 $A report --answers $BANK --adr-dir \
	    "$T/proj/doc/adr/"
	case $(cat "$T/out") in
	*/doc/adr/0005-use-lambda-*.md) pass "--adr-dir: next is 0005" ;;
	*) fail "--adr-dir: next is 0005" "$(cat "$T/out")" ;;
	esac
	# adr-tools edits a generated record: a new record supersedes it,
	# and a link joins two records, both in its Status section.
	(
		cd "$T/proj" || exit 1
		export EDITOR=true VISUAL=true ADR_DATE=2025-01-02
		adr new -s 3 Use Kappa Architecture after all &&
		adr link 5 Amends 4 "Amended by"
	) >"$T/adr.out" 2>&1
	f3="$f" f5=$(cat "$T/out")
	st3=$(sed -n '/^## Status$/,/^## Context$/p' "$f3")
	st5=$(sed -n '/^## Status$/,/^## Context$/p' "$f5")
	if printf '%s\n' "$st3" | grep -q -x 'Proposed' &&
	    printf '%s\n' "$st3" | grep -q -x 'Superseded by \[6\. Use Kappa Architecture after all\](0006-use-kappa-architecture-after-all.md)'; then
		pass "adr new -s 3 marks the generated record superseded"
	else
		fail "adr new -s 3 marks the generated record superseded" \
		    "$st3" "$(head -3 "$T/adr.out")"
	fi
	if printf '%s\n' "$st5" | grep -q -x 'Amends \[4\. Use dbt for transformations\](0004-use-dbt-for-transformations.md)' &&
	    grep -q -x 'Amended by \[5\. Use Lambda Architecture for Bank needing exact and fast figures\](0005-.*\.md)' \
	    "$T/proj/doc/adr/0004-use-dbt-for-transformations.md"; then
		pass "adr link links a generated record both ways"
	else
		fail "adr link links a generated record both ways" "$st5"
	fi
	# adr-tools reads the links back, as its graph does.
	(cd "$T/proj" && adr generate graph) >"$T/graph" 2>&1
	grep -q '_5 -> _4 \[label="Amends"' "$T/graph" &&
	    pass "adr generate graph reads the generated records" ||
	    fail "adr generate graph reads the generated records" \
	    "$(head -20 "$T/graph")"
else
	fail "adr-tools is installed" "run: sh .ci/deps.sh check"
fi
expect "--adr-dir creates a missing directory" 0 $A report --answers $BANK \
    --adr-dir "$T/new/doc/adr"
[ -f "$T/new/doc/adr/0001-use-lambda-architecture-for-bank-needing-exact-and-fast-figures.md" ] &&
    pass "--adr-dir: first record is 0001" ||
    fail "--adr-dir: first record is 0001" "$(ls -R "$T/new")"
printf x >"$T/afile"
expect "--adr-dir on a file fails" 73 $A report --answers $BANK \
    --adr-dir "$T/afile"

# Usage errors, and the formats listed from the writer table.
expect "--adr-dir with --format html" 2 $A report --answers $BANK \
    --format html --adr-dir "$T/x"
expect "--adr-dir with -o" 2 $A report --answers $BANK -o "$T/x.md" \
    --adr-dir "$T/x"
expect "explain --adr-dir" 2 $A explain lambda --adr-dir "$T/x"
[ ! -e "$T/x" ] && pass "usage errors write nothing" ||
    fail "usage errors write nothing"
expect "unknown format" 2 $A report --format pdf
grep -q "unknown format 'pdf' (expected text, json, html, markdown or adr)" \
    "$T/err" && pass "unknown format lists the formats" ||
    fail "unknown format lists the formats" "$(cat "$T/err")"
expect "report --help" 0 $A report --help
for fmt in html markdown adr; do
	grep -q "^  $fmt  " "$T/out" && pass "--help lists $fmt" ||
	    fail "--help lists $fmt"
done

# The date: SOURCE_DATE_EPOCH, else today.
$A report --answers $BANK --format markdown >"$T/md" 2>/dev/null
grep -q '^2025-01-01 · ' "$T/md" && pass "SOURCE_DATE_EPOCH dates it" ||
    fail "SOURCE_DATE_EPOCH dates it" "$(sed -n 3p "$T/md")"
env -u SOURCE_DATE_EPOCH $A report --answers $BANK --format adr >"$T/adr" \
    2>/dev/null
grep -q "^Date: $(date -u +%Y-%m-%d)\$" "$T/adr" &&
    pass "without it, today" || fail "without it, today" \
    "$(grep Date: "$T/adr")"
# The three nearest precedents of the text and JSON reports, in each
# handout (HTML footer, Markdown section, the ADR's More Information),
# markup stripped: "Twitter (2013) chose Lambda Architecture".
$A report --answers $BANK --format json 2>/dev/null | jq -r '
    (.ranking | map({(.pattern): .name}) | add) as $n |
    .precedents[] | "\(.organisation) (\(.year)) chose \($n[.chose])"' \
    >"$T/prec" 2>/dev/null
if [ "$(wc -l <"$T/prec")" -ne 3 ]; then
	fail "handouts: three nearest precedents" "$(cat "$T/prec")"
else
	for fmt in html markdown adr; do
		$A report --answers $BANK --format $fmt 2>/dev/null |
		    case $fmt in
		    html) sed -n '/<p class="prec">/,/<\/p>/p' ;;
		    markdown) sed -n '/^## Who chose what/,/^---/p' ;;
		    adr) sed -n '/^## More Information/,/^---/p' ;;
		    esac | sed -e 's/<[^>]*>//g' -e 's/\*\*//g' \
		    -e 's/\\//g' >"$T/sec"
		missing=
		while IFS= read -r line; do
			grep -q -F "$line" "$T/sec" || missing="$missing $line;"
		done <"$T/prec"
		if [ -z "$missing" ]; then
			pass "$fmt: the three nearest precedents"
		else
			fail "$fmt: the three nearest precedents" "$missing"
		fi
	done
fi

finish handout
