#!/bin/sh
# End-to-end tests of the TUI: the real program driven in tmux (fixed
# size, TERM and locale), its screen read with capture-pane and compared
# with expectations and with the golden screens tests/tui/*.screen.
# Each tests/tui/NN-*.sh is one group; a missing tmux is a failure.
#   TUI_UPDATE=1 sh tests/tui.sh ./archadvisor   rewrites the golden screens
# usage: tests/tui.sh ./archadvisor
set -u
A=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. tests/lib.sh
. tests/tui/lib.sh
tui_need_tmux
for t in tests/tui/[0-9]*.sh; do
	echo "-- $t"
	. "$t"
done
$TM kill-server >/dev/null 2>&1
finish "tui"
