# Files: saving the answers (compared with the expected YAML) and loading
# them back; a file that does not exist yet; quitting with unsaved
# changes asks first; exporting the report in each format of the table,
# byte for byte what 'archadvisor report' writes; replacing a file asks;
# a file that cannot be written is explained and nothing is left behind.

MINI="--rules tests/kb/mini.yaml"

launch 100 30 $MINI tui --answers "$T/new.yaml"
see new-file-message "new.yaml does not exist yet; s saves your answers there."
see new-file-title "archadvisor · new.yaml"
# latency 90m, skills some, uses [etl, reporting], big yes, teams 7
keys Enter
type_text 90m
keys Enter
wait_gone "Answer:"
keys Enter Down Down Enter
wait_gone "( ) Strong"
keys Down Enter
see checklist "[ ] Etl"
keys Down Space Down Space Enter
wait_gone "[x] Etl"
keys Enter Down Enter
wait_gone "( ) yes"
keys Enter
type_text 7
keys Enter
wait_gone "Answer:"
see modified-title "new.yaml, modified"
keys s
see title-asked-first "Title of this scenario"
see title-can-be-skipped "to go on without one."
keys Enter
see save-prompt "Save the answers as a YAML answers file"
see save-default-path "$T/new.yaml"
keys Enter
see saved-message "Saved 5 answers to $T/new.yaml."
not_see saved-title "modified"
same_file saved-yaml tests/tui/saved.yaml "$T/new.yaml"
keys q
if wait_exit && [ "$status" = 0 ]; then pass quit-when-saved
else fail quit-when-saved "status '$status'"; fi

# Loading it back shows the same answers.
start 100 30 $MINI tui --answers "$T/new.yaml"
see reload-title "archadvisor · new.yaml"
see reload-progress "answered 5 of 6"
row_has reload-latency Latency " 90 minutes "
row_has reload-uses Uses " Etl, Reporting "
row_has reload-big Big " yes "
row_has reload-teams Teams " 7 "

# Unsaved changes: q asks; c keeps working; q then q quits without saving.
keys u
see reload-modified "new.yaml, modified"
keys q
see quit-asks "The answers have changed since they were last saved."
see quit-choices "Quit without saving"
keys c
not_see quit-cancel "Quit without saving"
keys q
see quit-asks-again "Quit without saving"
keys q
if wait_exit && [ "$status" = 0 ]; then pass quit-without-saving
else fail quit-without-saving "status '$status'"; fi
same_file quit-left-file-alone tests/tui/saved.yaml "$T/new.yaml"

# Ctrl-C with unsaved changes asks as q does, and c keeps working; a
# second Ctrl-C while it asks quits without saving (status 130).
start 100 30 $MINI tui --answers "$T/new.yaml"
keys u
see ctrl-c-modified "new.yaml, modified"
keys C-c
see ctrl-c-asks "saved. Ctrl-C again"
see ctrl-c-choices "Save the answers, then quit"
keys c
not_see ctrl-c-cancel "Quit without saving"
see ctrl-c-keeps-working "new.yaml, modified"
keys C-c
wait_for "Ctrl-C again"
keys C-c
if wait_exit && [ "$status" = 130 ] &&
    grep -q "interrupted; unsaved answers were not saved" "$ERR"; then
	pass ctrl-c-twice-quits
else fail ctrl-c-twice-quits "status '$status'" "$(cat "$ERR")"; fi
same_file ctrl-c-left-file-alone tests/tui/saved.yaml "$T/new.yaml"
# Ctrl-C, then save and quit from the question: the file gets the change.
start 100 30 $MINI tui --answers "$T/new.yaml"
keys u
wait_for "new.yaml, modified"
keys C-c
see ctrl-c-save-menu "Ctrl-C again"
keys s
see ctrl-c-save-prompt "Save the answers as a YAML answers file"
keys Enter
if wait_exit && [ "$status" = 0 ]; then pass ctrl-c-save-then-quit
else fail ctrl-c-save-then-quit "status '$status'"; fi
grep -v '^latency:' tests/tui/saved.yaml >"$T/expected.yaml"
same_file ctrl-c-saved-file "$T/expected.yaml" "$T/new.yaml"
cp tests/tui/saved.yaml "$T/new.yaml"

# Save and quit: the file gets the change.
start 100 30 $MINI tui --answers "$T/new.yaml"
keys End u q
see quit-save-menu "Save the answers, then quit"
keys s
see quit-save-prompt "Save the answers as a YAML answers file"
keys Enter
if wait_exit && [ "$status" = 0 ]; then pass save-then-quit
else fail save-then-quit "status '$status'"; fi
grep -v '^teams:' tests/tui/saved.yaml >"$T/expected.yaml"
same_file save-then-quit-file "$T/expected.yaml" "$T/new.yaml"

# Export: every format of the writer table (as 'report --help' lists
# them, in the same order), exactly the report the command line writes.
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
formats=$("$A" report --help | sed -n '/^formats:/,/^$/p' |
    awk 'NR > 1 && NF { print $1 }')
start 100 30 $MINI tui --answers tests/tui/mini.yaml
keys e
see export-menu "Which format?"
i=0
for f in $formats; do
	i=$((i + 1))
	see "export-menu-$f" "$i   $f: "
done
keys Escape
i=0
for f in $formats; do
	i=$((i + 1))
	keys e
	wait_for "Which format?"
	keys "$i"
	see "export-$f-prompt" "Write the report to this file:"
	see "export-$f-default" "tests/tui/mini."
	keys C-u
	type_text "$T/out.$f"
	keys Enter
	see "export-$f-done" "Exported the $f report to $T/out.$f."
	"$A" $MINI report --answers tests/tui/mini.yaml --format "$f" \
	    >"$T/want.$f" 2>/dev/null
	same_file "export-$f-same-as-report" "$T/want.$f" "$T/out.$f"
done
if [ "$i" -ge 2 ]; then pass "export-formats-$i"
else fail export-formats "only $i formats found in 'report --help'"; fi

# Replacing an existing file takes a second Enter.
keys e
wait_for "Which format?"
keys 1 C-u
type_text "$T/out.text"
keys Enter
see export-exists "out.text already exists: press Enter again to replace it"
keys Enter
see export-replaced "Exported the text report to $T/out.text."

# A file that cannot be written: the reason, the prompt stays, no litter.
keys s C-u
type_text "$T/no-such-dir/a.yaml"
keys Enter
see save-error "cannot create: No such file or directory"
see save-error-prompt-stays "Save the answers as a YAML answers file"
keys Escape
not_see save-error-cancel "Save the answers as a YAML answers file"
if ls -A "$T" | grep -q '^\.'; then fail no-temp-files "$(ls -A "$T")"
else pass no-temp-files; fi
