#!/bin/sh
# The bad-input table: every case in tests/bad/cases runs archadvisor
# on hostile input and checks its exit status and the first line of its
# standard error, that nothing reached standard output when it failed, and
# that it finished within $LIMIT seconds (no hang, no crash).
#   tests/bad/run.sh ./archadvisor            check
#   tests/bad/run.sh --update ./archadvisor   rewrite the exit and
#                                  err lines from what the program does now
#                                  (review the git diff before committing)
#
# A case is a block of lines (see the top of the cases file):
#   case NAME
#   run  COMMAND...      sh words; $A is the program, $D this directory,
#                        $T a scratch directory holding generated inputs
#   stdin FILE           optional (default /dev/null)
#   exit STATUS
#   err  FIRST LINE OF STDERR, with the scratch path written as $T;
#        "-" when standard error must be empty
set -u
. tests/lib.sh
take_program "$@"
D=tests/bad
CASES=$D/cases
LIMIT=20

# Run as an unprivileged user where root would read anything: chmod 000
# stops everyone but root, and CI runs as root.
ASUSER=""
skip_asuser=0
if [ "$(id -u)" -eq 0 ]; then
	ASUSER="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 711 "$T"
	# A container may forbid changing user: then say so, don't pretend.
	$ASUSER true 2>/dev/null || skip_asuser=1
fi

# Inputs too big, too binary or too system-specific to keep in git.
gen() {
	# Binary junk: every byte value, NULs and all.
	awk 'BEGIN { for (i = 0; i < 4; i++) for (c = 0; c < 256; c++)
		printf "%c", (c * 37 + i) % 256 }' > "$T/junk.bin"
	# 10 MB on one line, and a file over the 16 MiB cap.
	awk 'BEGIN { printf "name: "; for (i = 0; i < 100000; i++)
		printf "%0100d", i; print "" }' > "$T/long-line.yaml"
	awk 'BEGIN { s = sprintf("%0999d", 0)
		for (i = 0; i < 17000; i++) print "# " s }' > "$T/huge.yaml"
	# 1000 levels of nesting, in flow and in block style.
	awk 'BEGIN { for (i = 0; i < 1000; i++) printf "["
		for (i = 0; i < 1000; i++) printf "]"; print "" }' \
	    > "$T/deep-flow.yaml"
	awk 'BEGIN { for (i = 0; i < 1000; i++) {
		for (j = 0; j < i; j++) printf " "; print "k:" } }' \
	    > "$T/deep-block.yaml"
	# 300000 items in one document: over the node cap.
	awk 'BEGIN { printf "use_cases: ["
		for (i = 0; i < 300000; i++) printf "iot, "; print "iot]" }' \
	    > "$T/many-items.yaml"
	# Over the knowledge-base caps: rules, files, bytes and items in all.
	{ sed '/^rules:/,$d' tests/bad/kb/dangling-pattern.yaml
	  echo "rules:"
	  awk 'BEGIN { for (i = 0; i <= 10000; i++) printf "  - {id: r%d, " \
		"when: latency > 1h, effects: {batch: 1}, why: w, " \
		"source: s}\n", i }'; } > "$T/many-rules.yaml"
	mkdir -p "$T/many-files" "$T/big-dir" "$T/many-nodes"
	for i in $(seq 0 256); do
		echo "rules: []" > "$T/many-files/f$i.yaml"
	done
	# Two layers of 150 files: within the cap each, over it together.
	mkdir -p "$T/half-a" "$T/half-b"
	for i in $(seq 1 150); do
		echo "rules: []" > "$T/half-a/a$i.yaml"
		echo "rules: []" > "$T/half-b/b$i.yaml"
	done
	for i in 1 2 3 4 5 6 7 8 9; do
		head -c 2000000 "$T/long-line.yaml" > "$T/big-dir/f$i.yaml"
	done
	for i in 1 2; do
		awk 'BEGIN { printf "rules: ["
			for (i = 0; i < 120000; i++) printf "1, "
			print "1]" }' > "$T/many-nodes/f$i.yaml"
	done
	# A directory whose name looks like a knowledge-base file.
	mkdir -p "$T/dir-kb/sub.yaml"
	# A FIFO named like a rules file: opening it would wait for ever.
	mkdir -p "$T/fifo-kb"
	mkfifo "$T/fifo-kb/rules.yaml"
	cp tests/kb/mini.yaml "$T/dir-kb/a.yaml"
	mkdir -p "$T/empty-dir"
	# Unreadable: mode 000, read as an unprivileged user.
	printf 'latency: 10m\n' > "$T/unreadable.yaml"
	chmod 000 "$T/unreadable.yaml"
	# A read-only report in a folder its user may write in: '>' would
	# refuse to replace it, and so must -o.
	mkdir -p "$T/ro"
	printf 'old\n' > "$T/ro/report.txt"
	chmod 444 "$T/ro/report.txt"
	[ "$(id -u)" -eq 0 ] && chown -R 65534:65534 "$T/ro"
	# An old report that a failed run must leave alone.
	mkdir -p "$T/out"
	echo old > "$T/out/keep.txt"
}

# first_line FILE: its first line with the scratch path written as $T.
first_line() {
	awk -v t="$T" 'NR == 1 { while ((i = index($0, t)) > 0)
		$0 = substr($0, 1, i - 1) "$T" substr($0, i + length(t))
		print; exit }' "$1"
}

run_case() {
	case $run in
	*'$ASUSER'*)
		if [ $skip_asuser -eq 1 ]; then
			echo "SKIP $name (root, and setpriv cannot drop it)"
			[ $update -eq 1 ] && printf 'case %s\nrun  %s\nexit %s\nerr  %s\n' \
			    "$name" "$run" "$want" "$err" >> "$T/cases.new"
			return
		fi ;;
	esac
	# shellcheck disable=SC2086
	eval "set -- $run"
	timeout "$LIMIT" "$@" >"$T/stdout" 2>"$T/stderr" <"$stdin"
	got=$?
	gotline=$(first_line "$T/stderr")
	[ -s "$T/stderr" ] || gotline=-
	if [ $update -eq 1 ]; then
		printf 'case %s\nrun  %s\n' "$name" "$run" >> "$T/cases.new"
		[ "$stdin" = /dev/null ] ||
		    printf 'stdin %s\n' "$stdin_raw" >> "$T/cases.new"
		printf 'exit %s\nerr  %s\n' "$got" "$gotline" >> "$T/cases.new"
		pass "$name (updated)"
		return
	fi
	if [ "$got" -eq 124 ] || [ "$got" -gt 128 ]; then
		fail "$name" "killed or timed out (status $got)" \
		    "$(head -3 "$T/stderr")"
	elif [ "$got" -ne "$want" ]; then
		fail "$name" "exit $got, wanted $want" "$(head -3 "$T/stderr")"
	elif [ "$gotline" != "$err" ]; then
		fail "$name" "want: $err" "got:  $gotline"
	elif [ "$got" -ne 0 ] && [ -s "$T/stdout" ]; then
		fail "$name" "failed but wrote to standard output" \
		    "$(head -3 "$T/stdout")"
	else
		pass "$name"
	fi
}

gen
ncases=0
name="" run="" stdin=/dev/null stdin_raw="" want="" err=""
while IFS= read -r line; do
	case $line in
	'case '*)
		name=${line#case }
		run="" stdin=/dev/null stdin_raw="" want="" err=""
		;;
	'run '*)
		run=${line#run }
		run=${run# }
		;;
	'stdin '*)
		stdin_raw=${line#stdin }
		eval "stdin=$stdin_raw"
		;;
	'exit '*)
		want=${line#exit }
		;;
	'err '*)
		err=${line#err }
		err=${err# }
		run_case
		ncases=$((ncases + 1))
		;;
	*)
		[ $update -eq 1 ] && printf '%s\n' "$line" >> "$T/cases.new"
		;;
	esac
done < "$CASES"
if [ $update -eq 1 ]; then
	cp "$T/cases.new" "$CASES"
elif [ "$ncases" -lt 40 ]; then
	fail "table-size" "only $ncases cases; the table keeps at least 40"
fi
# What a failed run must leave behind: the old report, and no temp file.
if [ "$(cat "$T/out/keep.txt")" != old ]; then
	fail "old-report-intact" "$T/out/keep.txt was changed"
elif [ "$(ls -A "$T/out" | wc -l)" -ne 1 ]; then
	fail "no-temp-files" "$(ls -A "$T/out")"
else
	pass "failed-runs-left-no-trace"
fi
finish bad-input
