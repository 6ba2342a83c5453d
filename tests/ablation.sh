#!/bin/sh
# The ablation table in README: the case library's agreement with the
# stock knowledge base built up layer by layer, on the tuning and the check
# set, with the seed's framework read plainly (tests/kb/seed-plain.yaml)
# beside them. A layer stays in the stock knowledge base only where the
# check set says it helps (or, neutral there, where it makes an asked
# question count).
# usage: sh tests/ablation.sh ./archadvisor
set -u
A=${1:-./archadvisor}
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
base="knowledge-base.yaml questions.yaml patterns.yaml precedents.yaml
    precedents_cases.yaml"
printf '| layers | tuning first | tuning top two | check first | check top two |\n'
printf '|---|---|---|---|---|\n'
row() {
	name=$1; shift
	d="$T/$(printf '%s' "$name" | tr -c 'a-z' '_')"
	mkdir -p "$d"
	for f in $base; do cp "rules/$f" "$d/" || exit 1; done
	for f in "$@"; do
		case $f in tests/*) cp "$f" "$d/" ;; *) cp "rules/$f" "$d/" ;; esac || exit 1
	done
	"$A" --rules "$d" precedents --agreement --format json | jq -r \
	    --arg n "$name" '.agreement | def pc(a; b): "\(a)/\(b) (\(a * 100 / b | round)%)";
	    "| \($n) | \(pc(.tuning.first; .tuning.precedents)) | \(pc(.tuning.top2; .tuning.precedents)) | \(pc(.check.first; .check.precedents)) | \(pc(.check.top2; .check.precedents)) |"'
}
row "framework rules alone" framework.yaml
row "+ best-for" framework.yaml bestfor.yaml
row "+ trade-offs" framework.yaml bestfor.yaml layers/tradeoffs.yaml
row "+ expert rules" framework.yaml bestfor.yaml layers/tradeoffs.yaml layers/expert.yaml
row "+ requirement model" framework.yaml bestfor.yaml layers/tradeoffs.yaml layers/expert.yaml requirements.yaml
row "stock: framework, best-for, requirement model" framework.yaml bestfor.yaml requirements.yaml costs.yaml
row "for comparison: the seed read plainly" tests/kb/seed-plain.yaml
