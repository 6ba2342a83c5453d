#!/bin/sh
# Runs each libFuzzer target for SECONDS on its seeds, JOBS at a time; any
# crash, leak, timeout or sanitizer report fails the run and leaves the
# input in DIR/artifacts/ (make it a regression input under tests/).
# usage: tests/fuzz/smoke.sh DIR SECONDS JOBS TARGET...
set -u
dir=$1 secs=$2 jobs=$3
shift 3
mkdir -p "$dir/artifacts" "$dir/logs"

run() {
	name=$1
	dict=""
	case $name in
	fuzz_kb|fuzz_answers|fuzz_batch) dict=-dict=tests/fuzz/yaml.dict ;;
	fuzz_expr) dict=-dict=tests/fuzz/expr.dict ;;
	esac
	mkdir -p "$dir/corpus/$name"
	# shellcheck disable=SC2046
	"$dir/fuzz/$name" -max_total_time="$secs" -timeout=10 \
	    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 $dict \
	    -artifact_prefix="$dir/artifacts/$name-" \
	    "$dir/corpus/$name" $(sh tests/fuzz/seeds.sh "$dir" "$name") \
	    > "$dir/logs/$name.log" 2>&1
	st=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
	    "$dir/logs/$name.log")
	if [ $st -eq 0 ]; then
		echo "PASS $name: ${execs:-?} runs in ${secs}s, no finding"
	else
		echo "FAIL $name (exit $st): see $dir/logs/$name.log"
		grep -m3 -E 'ERROR|SUMMARY|Test unit written' \
		    "$dir/logs/$name.log" | sed 's/^/     /'
	fi
	return $st
}

status=0
while [ $# -gt 0 ]; do
	pids=""
	n=0
	while [ $# -gt 0 ] && [ $n -lt "$jobs" ]; do
		run "$1" &
		pids="$pids $!"
		n=$((n + 1))
		shift
	done
	for p in $pids; do
		wait "$p" || status=1
	done
done
exit $status
