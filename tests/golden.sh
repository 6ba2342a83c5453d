#!/bin/sh
# Golden-file tests: each tests/golden/CASE/ holds `args` (the arguments to
# archadvisor, one line, split by the shell), optionally `env` (VAR=value
# words, e.g. SOURCE_DATE_EPOCH for the handouts' date) and `expected` (its
# exact standard output). The output is compared with diff -u.
#   tests/golden.sh ./archadvisor            check
#   tests/golden.sh --update ./archadvisor   rewrite `expected` (review the
#                                            git diff before committing)
set -u
. tests/lib.sh
take_program "$@"

for dir in tests/golden/*/; do
	name=$(basename "$dir")
	[ -f "$dir/args" ] || continue
	# An optional `env` file: VAR=value words for the environment.
	# shellcheck disable=SC2046
	env $(cat "$dir/env" 2>/dev/null) \
	    $A $(cat "$dir/args") >"$T/out" 2>"$T/err" </dev/null
	status=$?
	if [ $status -ne 0 ]; then
		fail "$name" "exit $status" "$(head -3 "$T/err")"
		continue
	fi
	if [ $update -eq 1 ]; then
		cp "$T/out" "$dir/expected"
		pass "$name (updated)"
	elif diff -u "$dir/expected" "$T/out" >"$T/diff"; then
		pass "$name"
	else
		fail "$name" "$(head -40 "$T/diff")"
	fi
done
finish golden
