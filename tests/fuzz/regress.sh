#!/bin/sh
# Replays every fuzz target's seeds and past findings (tests/fuzz/regress/
# TARGET/) through the target built without libFuzzer (tests/fuzz/replay.c).
# Under VALGRIND=1 each runs in valgrind memcheck with leaks as errors.
# usage: tests/fuzz/regress.sh DIR TARGET...
set -u
dir=$1
shift
status=0
vg=""
if [ "${VALGRIND:-0}" = 1 ]; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full"
	vg="$vg --errors-for-leak-kinds=definite,indirect"
fi
for name in "$@"; do
	# shellcheck disable=SC2046,SC2086
	if out=$($vg "$dir/$name" $(sh tests/fuzz/seeds.sh "$dir" "$name") \
	    2>&1); then
		echo "PASS $out"
	else
		echo "FAIL $name"
		echo "$out" | tail -20 | sed 's/^/     /'
		status=1
	fi
done
exit $status
