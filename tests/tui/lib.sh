# Helpers for the TUI tests (sourced by tests/tui.sh after tests/lib.sh):
# a private tmux server (-L adv$$, no config), the program started in a
# pane of a fixed size with a fixed TERM and locale, keys sent with
# send-keys, and the screen read with capture-pane -p. Waits poll the
# screen (every 50 ms, up to $TUI_TIMEOUT seconds) instead of sleeping a
# fixed time, so a loaded machine is slower but not flaky.

TUI_TIMEOUT=${TUI_TIMEOUT:-15}
export TERM=screen-256color
# tmux leaves its socket behind after kill-server: keep them in $T.
export TMUX_TMPDIR="$T"
# Each session gets a server of its own (adv$$.1, adv$$.2 ...), so that
# one being torn down never answers for the next.
tui_n=0
TM="tmux -L adv$$.0 -f /dev/null"

# new_server: ends the last server and makes TM name a fresh one.
new_server() {
	$TM kill-server >/dev/null 2>&1
	tui_n=$((tui_n + 1))
	TM="tmux -L adv$$.$tui_n -f /dev/null"
	ERR=$T/stderr.$tui_n
}

# Every tmux server we start goes when the tests end, however they end.
trap '$TM kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT

tui_need_tmux() {
	if ! command -v tmux >/dev/null 2>&1; then
		fail "tmux-installed" "tmux is not installed;" \
		    "'sh .ci/deps.sh check' names what the tests need"
		finish "tui"
		exit 1
	fi
}

# launch W H ARGS...: archadvisor ARGS in a new W x H session, its
# stderr to $ERR. The pane stays after the program exits so that its last
# screen can be read; the exit status goes to $T/status.N (wait_exit).
# start is launch, then a wait for the questionnaire to show. TUI_ENV
# (e.g. NO_COLOR=) adds to the program's environment. The shell outlives
# a Ctrl-C sent to the program (its trap runs after the program ends).
launch() {
	w=$1 h=$2
	shift 2
	new_server
	cat >"$T/run.sh" <<EOF
trap : INT
env ${TUI_ENV:-} "$A" "\$@" 2>"$ERR"
echo \$? >"$T/status.$tui_n"
EOF
	$TM start-server \; set-option -g remain-on-exit on \; \
	    new-session -d -s adv -x "$w" -y "$h" "sh $T/run.sh $*"
}

start() {
	launch "$@"
	# The status line is drawn last: then the whole screen is there.
	if ! wait_for "answered" || ! wait_for "q quit"; then
		fail "start $*" "the questionnaire did not show" \
		    "$(cat "$ERR" 2>/dev/null)"
		screen | sed 's/^/     | /'
	fi
}

# shell W H: an interactive sh in a new session, for terminal checks.
shell() {
	new_server
	$TM start-server \; set-option -g remain-on-exit on \; \
	    new-session -d -s adv -x "$1" -y "$2" "env PS1='$ ' sh"
	wait_for '$'
}

keys() { $TM send-keys -t adv "$@"; }
type_text() { $TM send-keys -t adv -l "$1"; }
screen() { $TM capture-pane -p -t adv; }
pane() { $TM display-message -p -t adv "$1"; }
resize() { $TM resize-window -t adv -x "$1" -y "$2"; }

# wait_for TEXT: until the screen shows TEXT (fixed string); 1 on timeout.
wait_for() {
	n=$((TUI_TIMEOUT * 20))
	while [ $n -gt 0 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}

# wait_gone TEXT: until the screen no longer shows TEXT.
wait_gone() {
	n=$((TUI_TIMEOUT * 20))
	while [ $n -gt 0 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}

# wait_exit: until the program has exited; its exit status in $status
# (128 + N if signal N ended it). The status comes from the shell that
# started it: tmux can be slow to reap a process (seen with ASan builds).
wait_exit() {
	n=$((TUI_TIMEOUT * 20))
	while [ $n -gt 0 ]; do
		if [ -s "$T/status.$tui_n" ]; then
			status=$(cat "$T/status.$tui_n")
			return 0
		fi
		sleep 0.05
		n=$((n - 1))
	done
	status=
	return 1
}

# see NAME TEXT: a check that the screen shows TEXT.
see() {
	if wait_for "$2"; then pass "$1"; else
		fail "$1" "the screen does not show: $2"
		screen | sed 's/^/     | /'
	fi
}

# not_see NAME TEXT: a check that TEXT is not (or no longer) on screen.
not_see() {
	if wait_gone "$2"; then pass "$1"; else
		fail "$1" "the screen still shows: $2"
		screen | sed 's/^/     | /'
	fi
}

# golden NAME FILE: the screen is exactly FILE (rewritten under
# TUI_UPDATE=1). Polls until it matches, so a redraw in progress is not a
# failure; shows the difference when it never does.
golden() {
	if [ "${TUI_UPDATE:-0}" = 1 ]; then
		screen >"$2"
		pass "$1 (updated $2)"
		return
	fi
	n=$((TUI_TIMEOUT * 20))
	while [ $n -gt 0 ]; do
		screen >"$T/screen"
		if cmp -s "$T/screen" "$2"; then pass "$1"; return; fi
		sleep 0.05
		n=$((n - 1))
	done
	fail "$1" "the screen differs from $2 (TUI_UPDATE=1 rewrites it):"
	diff -u "$2" "$T/screen" | sed 's/^/     /'
}

# focus_on NAME TEXT: a check that the terminal's cursor (shown or not)
# is on the row that shows TEXT, where screen readers look for the focus.
focus_on() {
	n=$((TUI_TIMEOUT * 20))
	while [ $n -gt 0 ]; do
		y=$(screen | grep -nF -- "$2" | head -1 | cut -d: -f1)
		cy=$(pane '#{cursor_y}')
		if [ -n "$y" ] && [ "$((y - 1))" = "$cy" ]; then
			pass "$1"
			return
		fi
		sleep 0.05
		n=$((n - 1))
	done
	fail "$1" "the cursor is on row $cy, '$2' on row $((${y:-0} - 1))"
}

# same_file NAME EXPECTED GOT
same_file() {
	if diff -u "$2" "$3" >"$T/diff" 2>&1; then pass "$1"; else
		fail "$1" "$(head -30 "$T/diff")"; fi
}

# The line of the screen that starts with a question's LABEL (after the
# cursor).
row() { screen | grep -E "^. $1 "; }

# row_has NAME LABEL TEXT...: a check that question LABEL's line shows each
# TEXT (fixed strings), polling until it does.
row_has() {
	name=$1 id=$2
	shift 2
	n=$((TUI_TIMEOUT * 20))
	while [ $n -gt 0 ]; do
		line=$(row "$id")
		ok=1
		for want in "$@"; do
			case $line in
			*"$want"*) ;;
			*) ok=0 ;;
			esac
		done
		if [ $ok = 1 ]; then pass "$name"; return; fi
		sleep 0.05
		n=$((n - 1))
	done
	fail "$name" "line of $id: $line" "wanted: $*"
}
