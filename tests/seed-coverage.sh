#!/bin/sh
# The stock knowledge base encodes the whole seed: every bullet of the
# seed's "Best for", "Trade-offs", "Core Principles" and "Choose X when"
# lists, and every "What it is", must appear verbatim in rules/ — the
# decision-framework and trade-off bullets in a rule's `source`.
# tests/seed/ holds a copy of the seed (shared/seed/000_d15e506db9e7a8f9.txt).
set -u
. tests/lib.sh
SEED=tests/seed/data-architecture-patterns.md

# Bullets of the lists that must be quoted, with their list heading.
awk '
	/^\*\*What it is:\*\*/ { sub(/^\*\*What it is:\*\* */, ""); print "what\t" $0; next }
	/^\*\*(Best for|Trade-offs|Typical Tools|Core Principles):\*\*/ { list = $0; next }
	/^\*\*Choose .* when:\*\*/ { list = "choose"; next }
	/^## How I/ { list = "" }
	/^(##|---)/ { list = "" }
	list != "" && /^(- |[0-9]\. )/ {
		sub(/^(- |[0-9]\. )/, ""); sub(/^(✅|❌) /, "")
		gsub(/\*\*/, "")
		print (list ~ /Tools|Principles/ ? "field" : (list == "choose" ? "rule" : "any")) "\t" $0
	}
' "$SEED" > "$T/bullets"

# The "Choose X when" bullets must be rules of the stock knowledge base;
# the other lists may also be encoded in the measured layers of
# rules/layers/, which the check set keeps out of the stock one.
sources() { grep -h 'source:' rules/*.yaml; }
all_sources() { grep -h 'source:' rules/*.yaml rules/layers/*.yaml; }
while IFS="$(printf '\t')" read -r kind text; do
	case $kind in
	rule)	where=$(sources) ;;
	any)	where=$(all_sources) ;;
	*)	where=$(cat rules/*.yaml) ;;
	esac
	# Principles are split into name and text in the YAML.
	probe=${text#*: }
	if printf '%s\n' "$where" | grep -qF -- "$probe"; then
		pass "$kind: $text"
	else
		fail "$kind: $text" "not found verbatim in rules/"
	fi
done < "$T/bullets"
[ "$(wc -l < "$T/bullets")" -ge 70 ] && pass "bullets extracted" ||
    fail "bullets extracted" "only $(wc -l < "$T/bullets") bullets read from the seed"
finish seed-coverage
