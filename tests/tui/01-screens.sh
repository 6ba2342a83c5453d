# The main screen as a newcomer first sees it, at 120x40 (ranking beside
# the questions) and 80x24 (ranking behind 'r'), against golden dumps;
# the ranking panel of a scored scenario on the small test knowledge base
# at 100x30, the narrowest side-by-side layout; and the help screen.

start 120 40 tui
golden main-120x40 tests/tui/main-120x40.screen
see status-line-keys "Enter answer  u don't know  ? help  r ranking  n note  t title  s save  e export  q quit"

# The cursor follows the focus (hidden, for screen readers and braille
# displays): the question, the ranking, a list item, a menu item.
focus_on focus-question "▶ How fresh must"
keys Down Down
focus_on focus-question-moved "▶ How much historical"
keys r Down
focus_on focus-ranking "▶2 Stream Processing"
keys r Down Enter
see focus-list-open "Pick one and press Enter."
focus_on focus-list-item "▶ (*) don't know"
keys Down
focus_on focus-list-moved "▶ ( ) yes"
keys Escape e
see focus-title-first "Title of this scenario"
keys Enter
focus_on focus-menu "1   text: "

# At 100 columns the prompts stay readable: they take the labels' place.
start 100 30 tui
golden main-100x30 tests/tui/main-100x30.screen
see prompt-at-100 "How fresh must the results be: th"
not_see no-labels-at-100 "▶ Acceptable delay"
start 132 40 tui
see label-and-prompt-at-132 "▶ Acceptable delay         How fresh must the results be: the l"

start 80 24 tui
golden main-80x24 tests/tui/main-80x24.screen
keys r
see narrow-ranking-toggle "1 Batch Processing"
not_see narrow-ranking-hides-questions "Latency and volume"
see narrow-ranking-keys "r questions"
keys r
see narrow-questions-back "Latency and volume"

start 100 30 --rules tests/kb/mini.yaml tui --answers tests/tui/mini.yaml
golden mini-100x30 tests/tui/mini-100x30.screen

# ? shows the question's help text from the knowledge base.
start 120 40 tui
keys '?'
see help-title "Help: Acceptable delay"
see help-text "Give the strictest delay that really matters"
see help-accepts "a duration such as 30s, 10m, 4h or 1d (at least 1 second)"
see help-keys "Esc back"
keys Escape
see help-closes "Enter answer"

# A key that does nothing says so, and points at the status line.
keys z
see unknown-key "That key does nothing here; the keys that work are on the bottom line."
