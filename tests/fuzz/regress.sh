#!/bin/sh
# Replays every fuzz target's seeds and past findings (tests/fuzz/regress/
# TARGET/) through the target built without libFuzzer (tests/fuzz/replay.c).
# usage: tests/fuzz/regress.sh DIR TARGET...
set -u
dir=$1
shift
status=0
for name in "$@"; do
	# shellcheck disable=SC2046
	if out=$("$dir/$name" $(sh tests/fuzz/seeds.sh "$dir" "$name") 2>&1)
	then
		echo "PASS $out"
	else
		echo "FAIL $name"
		echo "$out" | tail -20 | sed 's/^/     /'
		status=1
	fi
done
exit $status
