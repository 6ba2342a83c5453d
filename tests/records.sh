#!/bin/sh
# Records that re-check themselves: every ADR, Markdown and HTML handout
# carries its answers (an archadvisor:answers comment block); `report
# --answers RECORD` reads them back to the same recommendation, after
# cmark-gfm and adr-tools too; `review DIR` exits 0 on records written
# today, 1 naming the record an extension rules out, and 65 naming a
# hand-broken record by file:line, without crashing.
# usage: tests/records.sh ./archadvisor
set -u
A=$1
. tests/lib.sh
D="$T/repo"
mkdir -p "$D/handouts"

rec() {
	"$A" report --answers "$1" --format json 2>"$T/rec.err" |
	    jq -r '.recommendation | "\(.processing) \(.organization)"'
}
for f in data/examples/*.yaml; do
	n=$(basename "$f" .yaml)
	"$A" report --answers "$f" --adr-dir "$D/adr" >/dev/null &&
	"$A" report --answers "$f" -o "$D/handouts/$n.md" &&
	"$A" report --answers "$f" -o "$D/handouts/$n.html" ||
	    fail "$n: records written"
done
bad=
n=0
for f in "$D"/adr/*.md "$D"/handouts/*; do
	want=$(grep '^# recommendation: ' "$f" | cut -d' ' -f3-)
	got=$(rec "$f")
	n=$((n + 1))
	[ -n "$want" ] && [ "$got" = "$want" ] || bad="$bad $(basename "$f")"
done
if [ -z "$bad" ] && [ "$n" -eq 21 ]; then pass "records-read-back ($n)"
else fail records-read-back "$n records;$bad" "$(head -2 "$T/rec.err")"; fi
# The ADR's own words agree: its title names the pattern read back.
adr=$(ls "$D"/adr/*card-fraud*.md)
check records-adr-says has "$adr" '^# [0-9]*\. Use Stream Processing'
check records-adr-reproduces [ "$(rec "$adr")" = "streaming centralized" ]

# Nothing inside the block can end the comment, and it reads back exactly.
printf 'name: "evil --> <b>x</b> 100%%2D ---"\ndescription: "a -- b"\nlatency: 10m\n' \
    >"$T/evil.yaml"
"$A" report --answers "$T/evil.yaml" -o "$T/evil.md"
block=$(sed -n '/^<!-- archadvisor:answers$/,/^-->$/p' "$T/evil.md")
inner=$(printf '%s\n' "$block" | sed '1d;$d')
check records-escaped sh -c "! printf '%s' \"\$1\" | grep -q -- '--'" x "$inner"
"$A" report --answers "$T/evil.md" --format json >"$T/out" 2>"$T/err"
check records-evil-back json "$T/out" \
    '.scenario.name == "evil --> <b>x</b> 100%2D ---" and .answers.latency == "10m"'

# cmark-gfm keeps the block as an HTML comment: the rendered page reads
# back to the same recommendation; adr-tools' own commands leave it too.
cmark-gfm --unsafe "$adr" >"$T/rendered.html"
check records-cmark-gfm [ "$(rec "$T/rendered.html")" = "streaming centralized" ]
( cd "$D" && adr init adr >/dev/null 2>&1 && EDITOR=true VISUAL=true \
    adr new -s 2 "Use Kappa after all" >/dev/null 2>&1 &&
    adr generate toc >/dev/null 2>&1 )
check records-adr-tools [ "$(rec "$(ls "$D"/adr/0002-*.md | head -1)")" = \
    "$(grep '^# recommendation: ' "$D"/adr/0002-*.md | cut -d' ' -f3-)" ]
rm -f "$D"/adr/0008-* "$D"/adr/0009-*

# review: today's records, nothing changed.
expect review-today 0 "$A" review "$D"
check review-today-count has "$T/out" '^Reviewed 21 records with'
check review-today-unchanged has "$T/out" '^Unchanged: 20 of 21.$'
# adr-tools marked record 2 superseded: listed, not re-checked.
check review-superseded has "$T/out" "^  $(ls "$D"/adr/0002-*.md):[0-9][0-9]*\$"
expect review-json 0 "$A" review "$D" --format json
check review-json-counts json "$T/out" \
    '.counts.changed == 0 and .counts.superseded == 1 and (.records | length) == 21'

# An extension that rules out Kappa: the Kappa record would change.
cat >"$T/no-kappa.yaml" <<'YAML'
rules:
  - id: no-kappa-here
    when: latency > 0s
    veto: [kappa]
    why: "The platform team will not run a log-replay architecture."
    source: "A platform decision"
YAML
kappa=$(grep -l '^# recommendation: kappa ' "$D"/adr/*.md "$D"/handouts/*)
expect review-extension 1 "$A" review --rules "$T/no-kappa.yaml" "$D"
for k in $kappa; do
	check "review-names-$(basename "$k")" has "$T/out" "^  $k\$"
done
check review-was-now has "$T/out" '^    was: Kappa Architecture'
check review-why has "$T/out" 'Kappa Architecture is now ruled out: The platform'
check review-only-kappa [ "$(grep -c '^    was: ' "$T/out")" = \
    "$(echo "$kappa" | wc -w)" ]

# Later: past the review date (a year), and another knowledge base.
expect review-overdue 0 env SOURCE_DATE_EPOCH=1893456000 "$A" review "$D"
check review-overdue-listed has "$T/out" '^Past their review date (20):'
sed -i 's/^# knowledge_base_version: .*/# knowledge_base_version: 0.9.0/' \
    "$D/handouts/iot-fleet.md"
expect review-older-kb 0 "$A" review "$D"
check review-older-kb-listed has "$T/out" "^  $D/handouts/iot-fleet.md: archadvisor stock knowledge base 0.9.0\$"

# Records edited by hand: reported with file:line, the others reviewed.
f=$(ls "$D"/adr/0001-*.md)
line=$(grep -n '^latency: ' "$f" | cut -d: -f1)
sed -i 's/^latency: .*/latency: soon/' "$f"
g="$D/handouts/nightly-finance.md"
sed -i '/^-->$/d' "$g"
h="$D/handouts/card-fraud.html"
sed -i 's/^# recommendation: .*//' "$h"
expect review-hand-edited 65 "$A" review "$D"
check review-edited-line has "$T/out" "^  $f:$line:10: error: latency: invalid duration 'soon'"
check review-unterminated has "$T/out" "^  $g:[0-9][0-9]*:1: error: the archadvisor:answers block that starts here never ends"
check review-no-recommendation has "$T/out" "^  $h:[0-9][0-9]*:1: error: the answers block names no recommendation"
check review-others-reviewed has "$T/out" '^Unchanged: 17 of 21.$'
expect report-hand-edited 65 "$A" report --answers "$f"
check report-hand-edited-line has "$T/err" "^$f:$line:10: error: latency"

# Bad use, and documents that are not records.
expect review-none 2 "$A" review
expect review-missing 66 "$A" review "$T/nothing"
printf '<html><body>hello</body></html>\n' >"$T/page.html"
expect report-not-a-record 65 "$A" report --answers "$T/page.html"
check report-not-a-record-says has "$T/err" "page.html:1:1: error: this document carries no answers"
expect review-plain-file 65 "$A" review "$T/page.html"
finish records
