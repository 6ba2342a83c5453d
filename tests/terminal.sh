#!/bin/sh
# One control-character policy for every output meant for people: a
# scenario's name or an extension's strings carrying ESC (OSC title and
# clipboard sequences), BEL, C1 controls or bidirectional overrides reach
# no terminal through report, explain, precedents, patterns, questions,
# diff, check or --version. JSON keeps its own escapes.
# usage: tests/terminal.sh ./archadvisor
set -u
A=$1
. tests/lib.sh

# ESC ] 2 ; ... BEL retitles a terminal; ESC ] 52 writes its clipboard;
# U+009B is a one-byte CSI; U+202E reverses what follows (YAML escapes).
cat > "$T/evil.yaml" <<'YAML'
name: "x\e]2;PWNED\a \e]52;c;SGVsbG8=\a \x9b \u202e y"
latency: 1d
YAML
printf 'latency: 1m\n' > "$T/other.yaml"
cat > "$T/evil-ext.yaml" <<YAML
patterns:
  - id: evil
    name: "Evil\e]2;PWNED\a Pattern"
    kind: processing
    summary: "sum\u202e mary"
questions:
  - {id: evil_q, section: "S\e[2J", prompt: "Prompt\e]52;c;eA==\a?", type: bool}
rules:
  - {id: evil-rule, when: evil_q, effects: {evil: 1}, why: "why\x9b31m", source: s}
YAML

# clean FILE: no ESC but colour sequences, no BEL, no C1, no bidi override.
clean() {
	! LC_ALL=C grep -q "$(printf '\007')" "$1" &&
	! LC_ALL=C grep -q "$(printf '\033')[^[]" "$1" &&
	! LC_ALL=C grep -q "$(printf '\302')[$(printf '\200-\237')]" "$1" &&
	! grep -q "$(printf '\342\200\256')" "$1"
}
# run NAME STATUS CMD...: CMD ends with STATUS and writes nothing unclean.
run() {
	name=$1 want=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "$name" "exit $got, wanted $want" "$(head -2 "$T/err")"
	elif clean "$T/out" && clean "$T/err"; then pass "$name"; else
		fail "$name" "$(od -c "$T/out" | head -3)"; fi
}

# The fixtures must get in, or the checks prove nothing.
"$A" report --answers "$T/evil.yaml" --format json > "$T/json"
if grep -q 'PWNED' "$T/json" && grep -qi 'u001b' "$T/json" &&
    grep -q "$(printf '\342\200\256')" "$T/json"; then pass "fixture-read"; else
	fail "fixture-read" "$(head -3 "$T/json")"; fi
"$A" --rules "$T/evil-ext.yaml" patterns evil > "$T/out" 2>&1 &&
    grep -q 'PWNED' "$T/out" && pass "extension-read" ||
    fail "extension-read" "$(head -3 "$T/out")"
run report-text 0 "$A" report --answers "$T/evil.yaml"
run report-text-color 0 "$A" report --answers "$T/evil.yaml" --color always
run report-markdown 0 "$A" report --answers "$T/evil.yaml" --format markdown
run report-html 0 "$A" report --answers "$T/evil.yaml" --format html
run report-adr 0 "$A" report --answers "$T/evil.yaml" --format adr
run explain 0 "$A" --rules "$T/evil-ext.yaml" explain evil --set evil_q=true
run patterns 0 "$A" --rules "$T/evil-ext.yaml" patterns
run pattern 0 "$A" --rules "$T/evil-ext.yaml" patterns evil
run questions 0 "$A" --rules "$T/evil-ext.yaml" questions
run precedents 0 "$A" precedents --answers "$T/evil.yaml"
run diff 1 "$A" diff "$T/evil.yaml" "$T/other.yaml"
run diff-markdown 1 "$A" diff --format markdown "$T/evil.yaml" "$T/other.yaml"
run version 0 "$A" --rules "$T/evil-ext.yaml" --version
run check 0 "$A" --rules "$T/evil-ext.yaml" check
# ask shows prompts, sections, help and the answers it reads: all of them
# from the knowledge base or the input.
cat > "$T/evil-kb.yaml" <<'YAML'
knowledge_base: {name: "evil\e]2;KB\a", version: "1"}
patterns:
  - {id: p, name: "P\e]2;PWNED\a", kind: processing, summary: s}
questions:
  - id: q
    section: "S\e]2;SECTION\a"
    prompt: "Prompt\e]52;c;eA==\a?"
    help: "Help\x9b31m text \u202e"
    type: bool
rules:
  - {id: r, when: q, effects: {p: 1}, why: "why\e]2;W\a", source: s}
YAML
printf '?\nyes\n' > "$T/ask-in"
run ask 0 sh -c 'exec "$0" --rules "$1" ask < "$2"' "$A" "$T/evil-kb.yaml" \
    "$T/ask-in"
grep -q 'SECTION' "$T/out" && grep -q 'Prompt' "$T/out" &&
    grep -q 'Help' "$T/out" && pass "ask-showed-them" ||
    fail "ask-showed-them" "$(head -5 "$T/out")"
# Colour itself still gets through when asked for.
"$A" report --answers "$T/other.yaml" --color always > "$T/out"
if grep -q "$(printf '\033')\[" "$T/out"; then pass "colour-kept"; else
	fail "colour-kept"; fi
# JSON carries the data, escaped by the JSON writer.
if ! grep -q "$(printf '\033')" "$T/json"; then pass "json-escaped"; else
	fail "json-escaped"; fi

# Long text: 600 two-byte characters in a name, a 3,000-letter word in the
# description. Every format stays valid UTF-8, and nothing is lost silently:
# the word arrives whole (text wraps around it), a cut sentence ends in "…".
awk 'BEGIN { printf "name: \""; for (i = 0; i < 600; i++) printf "\303\251"
	printf "\"\ndescription: \""; for (i = 0; i < 3000; i++) printf "x"
	print " end\"\nlatency: 1d" }' > "$T/long.yaml"
for f in text markdown html adr json; do
	"$A" report --answers "$T/long.yaml" --format $f > "$T/long.$f" 2>"$T/err"
	if iconv -f UTF-8 -t UTF-8 "$T/long.$f" >/dev/null 2>&1; then
		pass "long-$f-utf8"; else fail "long-$f-utf8"; fi
	n=$(grep -o 'x*' "$T/long.$f" | awk '{ if (length > m) m = length }
	    END { print m + 0 }')
	if [ "$n" -eq 3000 ]; then pass "long-$f-word-whole"; else
		fail "long-$f-word-whole" "longest run of x: $n"; fi
done

finish terminal
