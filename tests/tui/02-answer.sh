# Answering: every widget (text entry for durations, sizes and integers,
# choice lists for levels and yes/no, a checklist for sets), bad entries
# rejected with the parser's message, "don't know", the ranking moving
# after each change, progress, and questions that are not asked. At 132
# columns, where each row shows its question's label.

start 132 40 tui
screen | cut -c78- >"$T/ranking-before"

# Durations: a bad one is explained in the box and not accepted.
keys Enter
see duration-editor "Answer:"
type_text banana
keys Enter
see bad-duration-message "invalid duration 'banana': expected a number and a unit"
see bad-duration-stays-open "Answer: banana"
row_has bad-duration-not-accepted "Acceptable delay" "don't know"
keys C-u
type_text 2m
keys Enter
not_see duration-editor-closes "Answer:"
row_has duration-in-list "Acceptable delay" " 2 minutes "
see progress-1 "answered 1 of 20"
see recommendation-appears "Recommendation: a close call between Stream Processing, Lambda Architecture and Kappa Architecture"
see close-call-deciding "The close call turns on "
screen | cut -c78- >"$T/ranking-after"
if cmp -s "$T/ranking-before" "$T/ranking-after"; then
	fail ranking-moves "the ranking panel did not change"
else pass ranking-moves; fi

# Sizes (the editor opens on the next question: volume, then history).
keys Enter
type_text lots
keys Enter
see bad-size-message "invalid size 'lots'"
keys C-u
type_text 2TB
keys Enter
wait_gone "Answer:"
keys Enter
type_text 50TB
keys Enter
wait_gone "Answer:"
row_has size-volume "New data per day" " 2 TB "
row_has size-history "History to reprocess" " 50 TB "

# all_realtime (yes/no): the list opens on the marked item, "don't
# know", so Enter keeps it; the list goes round, Up picks "no".
keys Enter
see bool-choices "( ) yes"
see bool-opens-on-marked "▶ (*) don't know"
keys Enter
not_see bool-enter-keeps-closes "( ) yes"
row_has bool-enter-keeps "Everything real-time" "don't know"
keys Up Enter
wait_for "( ) yes"
keys Up Enter
not_see bool-closes "( ) yes"
row_has bool-no "Everything real-time" " no "
# A letter moves to the item it starts: y to yes, n back to no.
keys Up Enter
wait_for "( ) yes"
keys y Enter
not_see bool-letter-closes "( ) yes"
row_has bool-letter-yes "Everything real-time" " yes "
keys Up Enter
wait_for "( ) no"
keys n Enter
wait_gone "( ) no"
row_has bool-letter-no "Everything real-time" " no "

# Levels: sql_skills strong, streaming_skills some (Down goes round to
# the first choice).
keys Enter
see level-choices "( ) Strong"
keys Up Enter
wait_gone "( ) Strong"
keys Enter Down Down Enter
wait_gone "( ) none"
row_has level-strong "SQL skills" " Strong "
row_has level-some "Streaming skills" " Some "

# Integers: out of range and not a number are refused.
keys Enter
type_text 9
keys Enter
see int-range-message "must be between 1 and 5, got 9"
keys C-u
type_text 4
keys Enter
wait_gone "Answer:"
keys Enter
type_text many
keys Enter
see int-bad-message "invalid integer 'many'"
keys C-u
type_text 12
keys Enter
wait_gone "Answer:"
row_has integer-maturity "Data maturity" " 4 "
row_has integer-domains "Number of domains" " 12 "

# central_bottleneck: yes (Down from "don't know" to the first choice).
keys Enter Down Enter
wait_gone "( ) yes"
row_has bool-yes "Central team bottleneck" " yes "

# use_cases (a set): Enter with nothing ticked is "don't know", not an
# empty set; "none of these" says the set is empty; then tick reporting
# and iot, Enter.
keys Enter
see set-checklist "[ ] Historical analytics"
see set-dont-know-marked "(*) don't know"
see set-none-item "( ) none of these"
keys Enter
wait_gone "[ ] Historical analytics"
row_has set-nothing-ticked "Use cases" "don't know"
see set-nothing-ticked-progress "answered 9 of 20"
keys Up Enter End Up
see set-none-choice "▶ ( ) none of these"
keys Enter
wait_gone "[ ] Historical analytics"
row_has set-none "Use cases" "none of these"
see set-none-progress "answered 10 of 20"
keys Up Enter
see set-none-marked "(*) none of these"
see set-none-not-dont-know "( ) don't know"
keys Space
see set-tick-unmarks-none "( ) none of these"
keys Space
keys Space Down Down Down Down Down Space
see set-ticked "[x] IoT"
keys Enter
wait_gone "[x] IoT"
row_has set-answer "Use cases" " Reporting, IoT "
see progress-10 "answered 10 of 20"

# realtime_outputs yes, then back up to it and make it "don't know".
keys Enter Down Enter
wait_gone "( ) yes"
row_has bool-yes-2 "Real-time outputs" " yes "
keys Up u
see dont-know-progress "answered 10 of 20"
row_has dont-know "Real-time outputs" "don't know"
# In a list, "don't know" is also the last item.
keys Up Enter End Enter
wait_gone "( ) don't know"
row_has dont-know-item "Use cases" "don't know"

# A day is fast enough: the transition question is no longer asked.
keys Home Enter C-u
type_text 1d
keys Enter
wait_gone "Answer:"
row_has not-asked "Moving to real-time" "not asked"
keys End
see not-asked-why "Not asked with these answers: it matters only for some answers to acceptable delay."

# A text field opens with its answer selected: typing replaces it (not
# "1d3h"); an arrow key first ends the selection, then typing inserts.
keys Home Enter
see text-selected "Answer: 1d"
type_text 3h
see text-typing-replaces "Answer: 3h"
keys Enter
row_has text-replaced "Acceptable delay" " 3 hours "
keys Home Enter Left
type_text 1
see text-arrow-deselects "Answer: 13h"
keys End BSpace
see text-backspace-edits "Answer: 13 "
keys Escape
row_has text-cancel-keeps "Acceptable delay" " 3 hours "

# The last open question answered: the next steps are named.
start 100 30 --rules tests/kb/mini.yaml tui --answers tests/tui/mini.yaml
keys End Up Enter Down Enter
wait_gone "( ) yes"
keys Enter
type_text 3
keys Enter
see all-answered "Every question is answered: e exports the report, s saves the answers."
see all-answered-progress "answered 6 of 6"
