#!/bin/sh
# Runs each cmocka test binary given; fails if any fails. Under
# VALGRIND=1 each runs in valgrind memcheck with leaks as errors.
set -u
status=0
for t in "$@"; do
	if [ "${VALGRIND:-0}" = 1 ]; then
		valgrind -q --error-exitcode=99 --leak-check=full \
		    --errors-for-leak-kinds=definite,indirect "$t" || status=1
	else
		"$t" || status=1
	fi
done
exit $status
