# ask on a terminal (sourced by tests/ask.sh): a tmux pane of fixed size
# and TERM, keys sent with send-keys, the screen read with capture-pane;
# waits poll the screen instead of sleeping a fixed time. A missing tmux
# is a failure, never a silent skip.
ASK_TIMEOUT=${ASK_TIMEOUT:-15}
export TMUX_TMPDIR="$T"
# A server of its own for each session, so that one being torn down never
# answers for the next.
ask_n=0
AT="tmux -L ask$$.0 -f /dev/null"
trap '$AT kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT

# tstart NAME ARGS...: archadvisor ask ARGS in a new 80x30 pane, in $T;
# its exit status goes to $T/NAME.status, its stderr to $T/NAME.err.
tstart() {
	tname=$1
	shift
	$AT kill-server >/dev/null 2>&1
	ask_n=$((ask_n + 1))
	AT="tmux -L ask$$.$ask_n -f /dev/null"
	# The shell waits out the Ctrl-C sent to the pane (a trap, not an
	# ignored signal, which the program would inherit).
	cat > "$T/$tname.sh" <<SH
trap : INT
cd "$T" && env TERM=screen "$A" ask "\$@" 2>"$T/$tname.err"
echo \$? > "$T/$tname.status"
stty -a > "$T/$tname.stty"
SH
	$AT start-server \; set-option -g remain-on-exit on \; \
	    new-session -d -s ask -x 80 -y 30 "sh $T/$tname.sh $*"
	tprompt || fail "$tname starts" "$(tscreen)"
}
tkeys() { $AT send-keys -t ask "$@"; }
tscreen() { $AT capture-pane -p -t ask 2>/dev/null; }
# twait TEXT: until the screen shows TEXT; 1 on timeout.
twait() {
	n=$((ASK_TIMEOUT * 20))
	while [ $n -gt 0 ]; do
		tscreen | grep -qF -- "$1" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}
# tprompt: until the last line shown is a prompt ("...>").
tprompt() {
	n=$((ASK_TIMEOUT * 20))
	while [ $n -gt 0 ]; do
		tscreen | grep . | tail -1 | grep -q '>$' && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}
# tstatus NAME WANT: a check that the program ended with status WANT.
tstatus() {
	n=$((ASK_TIMEOUT * 20))
	while [ $n -gt 0 ] && [ ! -s "$T/$1.status" ]; do
		sleep 0.05
		n=$((n - 1))
	done
	got=$(cat "$T/$1.status" 2>/dev/null)
	if [ "$got" = "$2" ]; then pass "$1 exit $2"; else
		fail "$1 exit $2" "exit ${got:-none}" "$(tscreen | tail -5)"; fi
}

if ! command -v tmux >/dev/null 2>&1; then
	fail "tmux-installed" "tmux is not installed;" \
	    "'sh .ci/deps.sh check' names what the tests need"
else
	# Left moves the cursor (no ^[[D typed in); Ctrl-C after two answers
	# keeps them in -o, exits 130 and gives the terminal back as it was.
	tstart ctrl-c -o ctrl-c.yaml
	tkeys 1m Left 0 Enter
	twait 'New data per day>' && tkeys 2TB Enter
	twait 'History to reprocess>' && tkeys 5T C-c
	tstatus ctrl-c 130
	same ctrl-c "$T/early.want"
	check "Left arrow edits the line" sh -c \
	    '! grep -q "\^\[\[D" "$1" && grep -q "^latency: 10m" "$1"' sh \
	    "$T/ctrl-c.yaml"
	check "terminal restored after Ctrl-C" grep -q ' icanon .* echo ' \
	    "$T/ctrl-c.stty"

	# Ctrl-D on an empty line: the same, status 130, the answers kept.
	tstart ctrl-d -o ctrl-d.yaml
	tkeys 10m Enter
	twait 'New data per day>' && tkeys 2TB Enter
	twait 'History to reprocess>' && tkeys C-d
	tstatus ctrl-d 130
	same ctrl-d "$T/early.want"

	# Tab completes a level; Up recalls an earlier line (history).
	tstart complete -o complete.yaml
	tkeys 10m Enter
	twait 'New data per day>' && tkeys 2TB Enter
	twait 'History to reprocess>' && tkeys Up BSpace BSpace BSpace BSpace 20TB Enter
	twait 'Everything real-time>' && tkeys y Enter
	twait 'SQL skills>' && tkeys st Tab
	twait 'SQL skills> strong' && tkeys Enter
	twait 'Streaming skills>' && tkeys quit Enter
	tstatus complete 0
	check "Tab completes, Up recalls" sh -c 'grep -q "^sql_skills: strong" "$1" &&
	    grep -q "^history: 20TB" "$1" && grep -q "^all_realtime: true" "$1"' \
	    sh "$T/complete.yaml"

	# Without -o: quit asks for a file name, offering one that is free.
	: > "$T/answers.yaml"
	tstart ask-name
	tkeys 10m Enter
	twait 'New data per day>' && tkeys quit Enter
	if twait 'Save the answers to which file? (Enter: answers-2.yaml'; then
		pass "a file name is offered"; else
		fail "a file name is offered" "$(tscreen | tail -5)"; fi
	tkeys Enter
	tstatus ask-name 0
	check "saved under the offered name" grep -q '^latency: 10m$' \
	    "$T/answers-2.yaml"
	# "-" at the name asked by save declines that save only: quit asks
	# again.
	rm -f "$T/answers.yaml"
	tstart save-declined
	tkeys 10m Enter
	twait 'New data per day>' && tkeys save Enter
	twait 'Save the answers to which file?' && tkeys - Enter
	tprompt && tkeys quit Enter
	if twait 'Save the answers to which file? (Enter: answers.yaml'; then
		tkeys Enter; pass "quit asks again after a declined save"; else
		fail "quit asks again after a declined save" \
		    "$(tscreen | tail -5)"; fi
	tstatus save-declined 0
	# Ctrl-C at that prompt: status 130, the answers on stderr.
	tstart name-ctrl-c
	tkeys 10m Enter
	twait 'New data per day>' && tkeys C-c
	twait 'Save the answers to which file?' && tkeys C-c
	tstatus name-ctrl-c 130
	check "Ctrl-C twice still prints the answers" grep -q '^latency: 10m$' \
	    "$T/name-ctrl-c.err"

	# Finished on a terminal without -o (a one-question knowledge base):
	# the file name is asked after the report; Ctrl-C there keeps the
	# answers on stderr, status 130.
	cat > "$T/one.yaml" <<'YAML'
knowledge_base: {name: one, version: "1"}
patterns:
  - {id: p, name: P, kind: processing, summary: s}
questions:
  - {id: q, label: The question, prompt: Yes?, type: bool}
rules:
  - {id: r, when: q, effects: {p: 1}, why: w, source: s}
YAML
	rm -f "$T/answers.yaml" "$T/answers-2.yaml"
	tstart finish-name --rules "$T/one.yaml"
	tkeys y Enter
	twait 'Save the answers to which file? (Enter: answers.yaml' &&
	    tkeys Enter
	tstatus finish-name 0
	yes_ "finished: saved under the offered name" grep -q '^q: true$' \
	    "$T/answers.yaml"
	tstart finish-ctrl-c --rules "$T/one.yaml"
	tkeys n Enter
	twait 'Save the answers to which file?' && tkeys C-c
	tstatus finish-ctrl-c 130
	yes_ "finished: Ctrl-C at the name prints the answers" grep -q \
	    '^q: false$' "$T/finish-ctrl-c.err"
	$AT kill-server >/dev/null 2>&1
fi
