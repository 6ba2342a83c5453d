#!/bin/sh
# archadvisor ask driven through a pipe, one answer a line or "id: value"
# lines in any order: the saved answers file compared with the expected
# YAML; conditional questions skipped and announced; bad input asked
# again; "back", "skip", "save" and "quit"; y/n, first letters and
# numbers; input that ends early keeps what was given. Then on a terminal
# (tmux): line editing, completion, Ctrl-C and Ctrl-D, a file name asked.
# usage: tests/ask.sh ./archadvisor
set -u
A=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. tests/lib.sh

# run NAME EXPECTED-STATUS [ARGS]: answers on stdin, saved to $T/NAME.yaml
# (ARGS replace -o $T/NAME.yaml when given). Never the end of a pipeline:
# that is a subshell, whose counts of passes and failures would be lost.
run() {
	name=$1 want=$2
	shift 2
	[ $# -eq 0 ] && set -- -o "$T/$name.yaml"
	"$A" ask "$@" >"$T/$name.out" 2>"$T/$name.err"
	got=$?
	if [ "$got" -eq "$want" ]; then pass "$name exit $want"; else
		fail "$name exit $want" "exit $got" "$(tail -3 "$T/$name.err")"
	fi
}

same() {
	if diff -u "$2" "$T/$1.yaml" >"$T/diff" 2>&1; then pass "$1 file"
	else fail "$1 file" "$(head -20 "$T/diff")"; fi
}


# Every question asked (latency under an hour, three domains).
cat > "$T/full.in" <<'IN'
10m
2TB
20TB
no
strong
some
3
3
yes
reporting, iot
yes
no
no
no
moderate
high
medium
occasional
replay
yes
IN
run full 0 < "$T/full.in"
same full tests/ask/full.yaml
check "full prints the report" grep -q '^Recommendation' "$T/full.out"
check "full says saved" grep -q '^Answers saved to' "$T/full.out"
check "opening line names save, quit and skip" sh -c \
    'head -4 "$1" | tr "\n" " " | grep -q "skip.*save.*quit"' sh "$T/full.out"

# The saved file gives the same report as the session printed.
"$A" report --answers "$T/full.yaml" > "$T/again.txt"
sed -n '/^archadvisor report/,/^Answers saved/p' "$T/full.out" |
    sed '$d' | sed '$d' > "$T/printed.txt"
check "saved answers reload to the same report" \
    diff -q "$T/again.txt" "$T/printed.txt"

# The same answers as "id: value" lines, shuffled, give the same bytes.
paste -d: - - <<'IN' | sed 's/:/: /' > "$T/keyed.sorted"
latency
10m
volume
2TB
history
20TB
all_realtime
no
sql_skills
strong
streaming_skills
some
maturity
3
domains
3
central_bottleneck
yes
use_cases
reporting, iot
realtime_outputs
yes
event_driven
no
event_sourcing
no
accuracy_and_speed
no
aggregations
moderate
cost_priority
high
ops_capacity
medium
reprocessing
occasional
recompute_by
replay
transitioning
yes
IN
# A fixed shuffle (awk's rand with a seed), the questions asked later first.
awk 'BEGIN { srand(7) } { print rand() "\t" $0 }' "$T/keyed.sorted" |
    sort | cut -f2- > "$T/keyed.in"
check "keyed input is shuffled" sh -c '! cmp -s "$1" "$2" &&
    [ "$(head -1 "$1" | cut -d: -f1)" != latency ]' sh "$T/keyed.in" \
    "$T/keyed.sorted"
run keyed 0 < "$T/keyed.in"
check "shuffled id: value lines give the same file" \
    cmp "$T/full.yaml" "$T/keyed.yaml"
check "keyed lines are acknowledged" grep -q '^  Noted, ' "$T/keyed.out"
# Mixed: in order, with one question answered ahead by its id.
sed -e '3d' -e '1a\
history: 20TB' "$T/full.in" > "$T/in"
run mixed 0 < "$T/in"
check "mixed plain and id: value lines" cmp "$T/full.yaml" "$T/mixed.yaml"
printf 'latncy: 10m\nquit\n' > "$T/in"
run keyed-bad 0 < "$T/in"
check "unknown id refused with a suggestion" grep -q \
    "Not accepted: there is no question 'latncy' (did you mean 'latency'?)" \
    "$T/keyed-bad.out"

# Daily latency, one domain, no need for fast and exact results: the
# bottleneck, aggregation and transition questions are skipped (16 lines),
# and each is announced with its reason, so answers cannot shift.
cat > "$T/skipped.in" <<'IN'
1d
500GB
-
no
strong
none
2
1
reporting
no
no
no
no
critical
low
rare
IN
run skipped 0 < "$T/skipped.in"
same skipped tests/ask/skipped.yaml
check "bottleneck not asked" sh -c '! grep -q "bottleneck>" "$1"' sh \
    "$T/skipped.out"
check "skipped question announced with its reason" grep -A1 -q \
    '^Question 9 of 20 skipped: Is a central data team a bottleneck' \
    "$T/skipped.out"
check "the reason names the condition and the answer, in words" sh -c \
    'grep -A3 "^Question 9 of 20 skipped" "$1" | tr -s " \n" "  " |
    grep -q "It is asked only when number of domains is at least 2; your answer: 1\."' \
    sh "$T/skipped.out"
check "a reason with several answers names each" sh -c \
    'grep -A3 "^Question 15 of 20 skipped" "$1" | tr -s " \n" "  " |
    grep -q "fast yet exact results is yes or acceptable delay is under 1 hour; your answers: acceptable delay 1 day, fast yet exact results no\."' \
    sh "$T/skipped.out"
check "aggregations skipped and announced" grep -q \
    '^Question 15 of 20 skipped' "$T/skipped.out"
check "transitioning skipped and announced" grep -q \
    '^Question 20 of 20 skipped' "$T/skipped.out"
[ "$(grep -c 'skipped:' "$T/skipped.out")" -eq 4 ] &&
    pass "every skipped question announced (4)" ||
    fail "every skipped question announced (4)" \
    "$(grep -c 'skipped:' "$T/skipped.out")"

# A bad duration is explained and asked again; "back" returns; "?" helps.
printf '%s\n' banana 10m back 1d 500GB - no '?' strong none 2 1 reporting \
    no no no no critical low rare > "$T/in"
run retry 0 < "$T/in"
same retry tests/ask/skipped.yaml
check "bad value explained" grep -q "Not accepted: invalid duration 'banana'" \
    "$T/retry.out"
[ "$(grep -c '^Acceptable delay> ' "$T/retry.out")" -eq 3 ] &&
    pass "latency asked again after bad value and back" ||
    fail "latency asked again after bad value and back"
check "? shows help" grep -q '^  none    the team rarely' "$T/retry.out"

# Answers as people type them: y and N, first letters, numbers; an
# ambiguous prefix is refused with the names it could be.
printf '%s\n' 1d 500GB - N s str 1 2 1 '1, 6' y n NO false c l r b > "$T/in"
run forgiving 0 < "$T/in"
cat > "$T/forgiving.want" <<'YAML'
# archadvisor answers for the knowledge base archadvisor stock knowledge base 1.0.0.
# Questions left out are unanswered ("don't know").
latency: 1d
volume: 500GB
all_realtime: false
sql_skills: strong
streaming_skills: none
maturity: 2
domains: 1
use_cases: [reporting, iot]
realtime_outputs: true
event_driven: false
event_sourcing: false
accuracy_and_speed: false
cost_priority: critical
ops_capacity: low
reprocessing: rare
recompute_by: batch
YAML
same forgiving "$T/forgiving.want"
check "ambiguous prefix refused clearly" grep -q \
    "Not accepted: 's' could be Some or Strong: type more letters or its number" \
    "$T/forgiving.out"
check "choices are numbered" grep -q \
    'Answer with one of 1 None, 2 Some or 3 Strong' "$T/forgiving.out"
check "maturity says 1 to 5" grep -q \
    '^  Answer with a whole number from 1 to 5\.$' "$T/forgiving.out"
check "domains says 1 or more" grep -q \
    '^  Answer with a whole number, 1 or more\.$' "$T/forgiving.out"
check "yes or no says y or n" grep -q '^  Answer with yes or no (y or n)\.$' \
    "$T/forgiving.out"
check "no machine wording in prompts" sh -c \
    '! grep -q "such as an integer\|a integer" "$1"' sh "$T/forgiving.out"
printf '%s\n' 1d 500GB - no some some 2 1 'historical analytics, ML' quit > "$T/in"
run by-label 0 < "$T/in"
check "a value by its label or the first letters of it" grep -q \
    '^use_cases: \[historical_analytics, ml_features\]$' "$T/by-label.yaml"
printf '%s\n' 1d 500GB - no 9 quit > "$T/in"
run no-choice 0 < "$T/in"
check "a number past the list is refused" grep -q \
    "Not accepted: there is no choice 9: choose 1 to 3" "$T/no-choice.out"

# "skip" leaves a question as it is, like Enter.
printf '%s\n' 1d skip - no quit > "$T/in"
run skip 0 < "$T/in"
check "skip leaves it unanswered" sh -c '! grep -q "^volume:" "$1" &&
    grep -q "^latency: 1d" "$1" && grep -q "^all_realtime: false" "$1"' sh \
    "$T/skip.yaml"

# Stopping early keeps what was given. The end of the input (Ctrl-D) with
# -o: status 130, the answers given saved, nothing else.
echo "old" > "$T/early.yaml"
printf '10m\n2TB\n' > "$T/in"
run early 130 < "$T/in"
printf '%s\n' '# archadvisor answers for the knowledge base archadvisor stock knowledge base 1.0.0.' \
    '# Questions left out are unanswered ("don'"'"'t know").' \
    'latency: 10m' 'volume: 2TB' > "$T/early.want"
same early "$T/early.want"
check "early end says how to carry on" grep -q \
    "^To carry on: archadvisor ask --answers $T/early.yaml" "$T/early.out"
check "no temp file left" sh -c '[ "$(ls -A "$1" | grep -c "^\.early")" -eq 0 ]' \
    sh "$T"
# "quit" with -o: saved, status 0.
printf '10m\n2TB\nquit\n' > "$T/in"
run quit 0 < "$T/in"
same quit "$T/early.want"
# "q" is quit too, as in most line-oriented tools.
printf '10m\n2TB\nq\n' > "$T/in"
run q 0 < "$T/in"
same q "$T/early.want"
# "quit" before any answer: nothing to save, no file made.
printf 'quit\n' > "$T/in"
run quit-nothing 0 < "$T/in"
check "quit before any answer makes no file" test ! -e "$T/quit-nothing.yaml"
# Without -o on a pipe: status 130, and standard error is a ready answers
# file that reloads to the answers given.
printf '10m\n2TB\n' > "$T/in"
run early-nofile 130 --color never < "$T/in"
check "stderr is a ready answers file" sh -c '"$1" report --answers "$2" \
    --format json | jq -e ".answers.latency == \"10m\" and
    .answers.volume == \"2TB\"" >/dev/null' sh "$A" "$T/early-nofile.err"
printf '10m\nquit\n' > "$T/in"
run quit-nofile 130 --color never < "$T/in"
check "quit without a file prints the answers" grep -q '^latency: 10m$' \
    "$T/quit-nofile.err"
# "save" writes the answers given so far at once, and the questions go on.
printf '10m\nsave\n2TB\nquit\n' > "$T/in"
run save 0 < "$T/in"
check "save saves at once" grep -A1 -q '^New data per day> save$' "$T/save.out"
check "save says where" grep -q "^  Answers saved to $T/save.yaml\.$" \
    "$T/save.out"
same save "$T/early.want"
printf '10m\nsave\nquit\n' > "$T/in"
run save-nofile 130 --color never < "$T/in"
check "save without a file says so" grep -q '^  Not saved: there is no file' \
    "$T/save-nofile.out"
# A file that cannot be written: status 73, and the answers on stderr.
printf '10m\nquit\n' > "$T/in"
run cannot 73 -o "$T/no/such/dir/a.yaml" < "$T/in"
check "unwritable file keeps the answers on stderr" grep -q '^latency: 10m$' \
    "$T/cannot.err"

# --plain without a command is the same questionnaire.
"$A" --plain < "$T/skipped.in" > "$T/plain.out" 2>&1
[ $? -eq 0 ] && grep -q '^Recommendation: Batch' "$T/plain.out" &&
    grep -q 'Answers not saved' "$T/plain.out" &&
    pass "--plain runs ask" || fail "--plain runs ask" "$(tail -3 "$T/plain.out")"

. tests/ask/terminal.sh

finish ask
