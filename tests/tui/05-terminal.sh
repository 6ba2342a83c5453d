# Terminal manners: resizing at any screen (down to 60x20, below the
# minimum and back), the terminal restored after q, Ctrl-C, SIGTERM and a
# fatal signal (SIGABRT, as from an allocation failure), colours only
# without NO_COLOR, and no full screen without a terminal.

# Resize: the main screen, an editor and the details all follow.
start 120 40 tui --answers tests/tui/stock.yaml
screen >"$T/before-resize"
resize 60 20
see resize-60x20-progress "answered 6 of 20"
see resize-60x20-keys "r ranking"
not_see resize-60x20-narrow "Ranking ─"
resize 50 12
see resize-too-small "This terminal is 50x12; archadvisor needs at"
see resize-too-small-size "least 60x16."
resize 120 40
golden resize-back "$T/before-resize"
keys Enter
see resize-editor "Answer: 2m"
resize 60 20
see resize-editor-60x20 "Answer: 2m"
resize 120 40
keys Escape r Enter
see resize-detail "Why it ranks here"
resize 60 20
see resize-detail-60x20 "Why it ranks here"
resize 120 40
keys Escape r

# Too small with unsaved changes: q does not quit, Q does.
keys u
resize 50 12
see small-unsaved "press Q to quit without saving"
keys q
see small-q-ignored "press Q to quit without saving"
resize 120 40
see small-back "answered 5 of 20"
resize 50 12
wait_for "press Q"
keys Q
if wait_exit && [ "$status" = 0 ]; then pass small-Q-quits
else fail small-Q-quits "status '$status'"; fi

# run_in_shell KEYS...: archadvisor in a shell, then KEYS; afterwards the
# shell prints its status and the terminal settings are compared.
run_in_shell() {
	shell 100 30
	keys "stty -g >$T/stty.before; sh -c 'echo \$\$ >$T/pid; exec \"$A\" tui'; echo \"rc=\$?\"; stty -g >$T/stty.after" Enter
	wait_for "answered 0 of 20"
	[ "$(pane '#{alternate_on}')" = 1 ] && in_alt=1 || in_alt=0
}

# sane NAME STATUS: the shell is back, the program ended with STATUS, the
# terminal modes are as before, the alternate screen is left and the
# cursor shows.
sane() {
	see "$1-status" "rc=$2"
	n=0
	while [ ! -s "$T/stty.after" ] && [ $n -lt 100 ]; do
		sleep 0.05
		n=$((n + 1))
	done
	same_file "$1-stty" "$T/stty.before" "$T/stty.after"
	if [ "$in_alt" = 1 ] && [ "$(pane '#{alternate_on}')" = 0 ]; then
		pass "$1-alternate-screen-left"
	else fail "$1-alternate-screen-left" "in: $in_alt, after:" \
	    "$(pane '#{alternate_on}')"; fi
	if [ "$(pane '#{cursor_flag}')" = 1 ]; then pass "$1-cursor-shown"
	else fail "$1-cursor-shown" "cursor_flag $(pane '#{cursor_flag}')"; fi
	rm -f "$T/stty.before" "$T/stty.after"
}

run_in_shell
keys q
sane quit 0

run_in_shell
keys Enter
wait_for "Answer:"
keys C-c
sane ctrl-c 130
see ctrl-c-message "archadvisor: interrupted; nothing was left unsaved"

run_in_shell
kill -TERM "$(cat "$T/pid")"
sane sigterm 143
see sigterm-message "archadvisor: terminated"

run_in_shell
kill -ABRT "$(cat "$T/pid")"
sane sigabrt 134
see sigabrt-message "archadvisor: stopped by a fatal error; the terminal was restored"

# Colour: none with NO_COLOR (attributes only), some without it.
colours() { $TM capture-pane -e -p -t adv | grep -c "$(printf '\033')\[\(3[0-7]\|4[0-7]\|38;\|48;\)"; }
start 80 24 tui
if [ "$(colours)" -eq 0 ]; then pass no-color-respected
else fail no-color-respected "$(colours) coloured lines with NO_COLOR set"; fi
TUI_ENV=NO_COLOR= start 80 24 tui
if [ "$(colours)" -gt 0 ]; then pass colour-without-no-color
else fail colour-without-no-color "no colour codes on screen"; fi
TUI_ENV=NO_COLOR= start 80 24 tui --color never
if [ "$(colours)" -eq 0 ]; then pass color-never
else fail color-never "$(colours) coloured lines with --color never"; fi

# archadvisor alone on a terminal is the questionnaire.
start 80 24
see no-command-is-tui "Enter answer"

# Without a terminal: usage, status 2, nothing on standard output.
"$A" tui </dev/null >"$T/out" 2>"$T/err"
if [ $? -eq 2 ] && [ ! -s "$T/out" ] &&
    grep -q "^archadvisor: the TUI needs a terminal" "$T/err"; then
	pass tui-needs-terminal
else fail tui-needs-terminal "$(cat "$T/err")"; fi
"$A" tui --answers - </dev/null >"$T/out" 2>"$T/err"
if [ $? -eq 2 ]; then pass tui-answers-stdin-refused
else fail tui-answers-stdin-refused "$(cat "$T/err")"; fi
"$A" tui --help >"$T/out" 2>&1
if grep -q "^usage: archadvisor tui" "$T/out"; then pass tui-help
else fail tui-help "$(head -3 "$T/out")"; fi

# A broken answers file: the problem on stderr, before any screen.
printf 'latency: banana\n' >"$T/bad.yaml"
launch 80 24 tui --answers "$T/bad.yaml"
if wait_exit && [ "$status" = 65 ] &&
    grep -q "bad.yaml:1:10: error: latency: invalid duration" "$ERR"; then
	pass bad-answers-file
else fail bad-answers-file "status '$status'" "$(cat "$ERR")"; fi

# A knowledge base without questions: nothing to ask, said plainly.
printf 'knowledge_base: {name: empty, version: "1"}\npatterns:\n  - {id: a, name: A, kind: processing, summary: s}\n' >"$T/noq.yaml"
launch 80 24 --rules "$T/noq.yaml" tui
if wait_exit && [ "$status" = 65 ] &&
    grep -q "^archadvisor: the knowledge base empty has no questions" "$ERR"
then pass no-questions
else fail no-questions "status '$status'" "$(cat "$ERR")"; fi
