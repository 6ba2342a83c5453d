# A scenario carries its context: a title and a description ('t', or
# asked once before the first save of a scenario without one) and a note
# on any answer ('n'). Saving edits the file the answers came from in
# place, so its comments and key order stay, and says so; a file it cannot
# edit is written afresh, and the status line says why. An exported
# handout shows the title, the description and the note.

MINI="--rules tests/kb/mini.yaml"
cat >"$T/team.yaml" <<'YAML'
# Answers agreed in the workshop of 2 May
latency: 2m   # the fraud team's limit
skills: strong

# cost is still open
uses: [iot]
YAML

start 100 30 $MINI tui --answers "$T/team.yaml"
see context-keys "n note  t title"
keys t
see title-prompt "Title of this scenario"
type_text "Card fraud pilot"
keys Enter
see description-prompt "Describe the scenario"
type_text "Flag fraud while the card is still at the till."
keys Enter
see title-in-header "archadvisor · Card fraud pilot · team.yaml, modified"
keys n
see note-prompt "Note on latency"
type_text "finance close at 7am"
keys Enter
see note-shown "Note: finance close at 7am"
row_has note-marked Latency " 2 minutes " "•│"
see note-kept-message "Note kept; s saves it with the answers."
# cost: high (the list opens on "don't know"; Up is the last level).
keys Down Down Enter Up Enter
row_has cost-high Cost " High "
keys s
see save-prompt-no-title "Save the answers as a YAML answers file"
keys Enter
see saved-in-place "its comments and order kept."
cat >"$T/want.yaml" <<'YAML'
# Answers agreed in the workshop of 2 May
latency: 2m   # the fraud team's limit
skills: strong

# cost is still open
uses: [iot]
name: Card fraud pilot
description: Flag fraud while the card is still at the till.
cost: high
notes:
  latency: finance close at 7am
YAML
same_file comments-and-order-kept "$T/want.yaml" "$T/team.yaml"

# The handout shows the title, the description and the note.
formats=$("$A" report --help | sed -n '/^formats:/,/^$/p' |
    awk 'NR > 1 && NF { print $1 }')
i=0
for f in $formats; do
	i=$((i + 1))
	case $f in html|markdown|adr) ;; *) continue ;; esac
	keys e
	wait_for "Which format?"
	keys "$i"
	see "export-$f-prompt" "Write the report to this file:"
	type_text "$T/handout.$f"
	keys Enter
	see "export-$f-done" "Exported the $f report to $T/handout.$f."
	for want in "Card fraud pilot" "Flag fraud while the card is still" \
	    "finance close at 7am"; do
		if grep -qF "$want" "$T/handout.$f"; then
			pass "handout-$f-shows-$want"
		else fail "handout-$f-shows-$want" "not in $T/handout.$f"; fi
	done
done
[ -s "$T/handout.html" ] && [ -s "$T/handout.markdown" ] &&
    [ -s "$T/handout.adr" ] && pass handouts-exported ||
    fail handouts-exported "$(ls "$T")"
keys q
if wait_exit && [ "$status" = 0 ]; then pass quit-after-save
else fail quit-after-save "status '$status'"; fi

# Loaded again: the title and the note are there; removing the note and
# an answer edits the file again.
start 100 30 $MINI tui --answers "$T/team.yaml"
see reload-title "archadvisor · Card fraud pilot · team.yaml"
see reload-note "Note: finance close at 7am"
keys n C-u Enter
see note-removed "Note removed"
keys Down u s Enter
see saved-again "its comments and order kept."
sed -e '/^skills:/d' -e '/^notes:/,$d' "$T/want.yaml" >"$T/want2.yaml"
echo "notes:" >>"$T/want2.yaml"
same_file removed-in-place "$T/want2.yaml" "$T/team.yaml"

# A file in a form that cannot be edited is written afresh, and the
# status line says so and why.
printf '{latency: 2m, skills: strong}\n' >"$T/flow.yaml"
start 132 30 $MINI tui --answers "$T/flow.yaml"
keys u s
see title-asked-once "Title of this scenario"
keys Enter
wait_for "Save the answers as a YAML answers file"
keys Enter
see written-afresh "written afresh (comments and order lost) because its answers are written as one"
see written-afresh-why "{...} mapping."
if "$A" $MINI report --answers "$T/flow.yaml" --format json |
    grep -q '"skills": "strong"' &&
    ! grep -q '^latency' "$T/flow.yaml"; then pass afresh-file-reads
else fail afresh-file-reads "$(cat "$T/flow.yaml")"; fi
# Asked once: the next save goes straight to the file name.
keys Up Enter
type_text 5m
keys Enter s
see not-asked-twice "Save the answers as a YAML answers file"
keys Escape q q

# A note of several lines (a YAML block) is edited on one line; Enter
# without a change leaves it as it was.
printf 'latency: 10m\nnotes:\n  latency: |\n    two\n    lines\n' >"$T/multi.yaml"
cp "$T/multi.yaml" "$T/multi.orig"
start 100 30 $MINI tui --answers "$T/multi.yaml"
see multi-note-shown "Note: two lines"
keys n
see multi-note-one-line "A short note kept with this answer"
keys Enter
not_see multi-note-prompt-closes "A short note kept with this answer"
keys t Enter Enter
not_see multi-note-unchanged "modified"
keys q
if wait_exit && [ "$status" = 0 ]; then pass multi-note-quits-clean
else fail multi-note-quits-clean "status '$status'"; fi
same_file multi-note-file-kept "$T/multi.orig" "$T/multi.yaml"
