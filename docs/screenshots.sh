#!/bin/sh
# Makes the handout screenshots of README.md: the HTML handout of two
# stock examples, as headless Chromium shows it (dated 2025-01-01).
#   sh docs/screenshots.sh ./archadvisor
set -eu
A=${1:-./archadvisor}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
SOURCE_DATE_EPOCH=1735689600
export SOURCE_DATE_EPOCH
for n in card-fraud enterprise-forty-domains; do
	"$A" report --answers "data/examples/$n.yaml" -o "$T/$n.html"
	rm -rf "$T/profile"
	timeout 60 chromium --headless --no-sandbox --disable-gpu \
	    --hide-scrollbars --no-first-run --disable-background-networking \
	    --user-data-dir="$T/profile" --window-size=820,1160 \
	    --screenshot="$T/$n.png" "file://$T/$n.html" >/dev/null 2>&1
	cp "$T/$n.png" "docs/handout-$n.png"
	echo "docs/handout-$n.png"
done
