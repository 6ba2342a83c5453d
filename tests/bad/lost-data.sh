#!/bin/sh
# No lost data: archadvisor writes over an old report and is stopped
# mid-way (killed by SIGXFSZ at a file size limit), fails mid-way (the same
# limit with the signal ignored: EFBIG), or cannot rename its temporary file
# into place (a sticky directory, as an unprivileged user: EPERM). Each time
# the old report must be intact and no temporary file left beside it.
# (The same paths, and SIGTERM/SIGINT/SIGHUP, in tests/unit/test_outfile.c.)
# usage: tests/bad/lost-data.sh ./archadvisor
set -u
A=$1
. tests/lib.sh

# intact NAME DIR: DIR holds only keep.txt, still saying "old".
intact() {
	if [ "$(cat "$2/keep.txt")" != old ]; then
		fail "$1-old-intact" "keep.txt now: $(head -c 80 "$2/keep.txt")"
	elif [ "$(ls -A "$2")" != keep.txt ]; then
		fail "$1-no-temp-file" "left: $(ls -A "$2" | tr '\n' ' ')"
	else
		pass "$1-old-intact"
	fi
}

# status NAME WANT GOT [ERR-WANT]: the exit status and first stderr line.
status() {
	if [ "$3" -ne "$2" ]; then
		fail "$1-status" "exit $3, wanted $2" "$(head -2 "$T/err")"
	elif [ $# -gt 3 ] && [ "$(head -n 1 "$T/err")" != "$4" ]; then
		fail "$1-message" "want: $4" "got:  $(head -n 1 "$T/err")"
	else
		pass "$1-status"
	fi
}

# A report bigger than the 512-byte limit below, so the limit bites.
"$A" report --format json >"$T/full.json" 2>/dev/null
if [ "$(wc -c < "$T/full.json")" -lt 2048 ]; then
	fail "report-size" "the JSON report is too small to be cut"
fi

# Killed mid-way: the default action of SIGXFSZ ends the process when a
# write passes the file size limit.
mkdir "$T/k" && echo old > "$T/k/keep.txt"
# (The braces keep the shell's own "File size limit exceeded" quiet.)
{ (ulimit -f 1; exec "$A" report --format json -o "$T/k/keep.txt") \
    >"$T/out" 2>"$T/err"; st=$?; } 2>/dev/null
status killed 153 $st
intact killed "$T/k"

# Fails mid-way: SIGXFSZ ignored, so the write returns EFBIG.
mkdir "$T/f" && echo old > "$T/f/keep.txt"
(trap '' XFSZ; ulimit -f 1; exec "$A" report --format json \
    -o "$T/f/keep.txt") >"$T/out" 2>"$T/err"
status efbig 73 $? "archadvisor: $T/f/keep.txt: cannot write: File too large"
intact efbig "$T/f"

# The rename fails: in a sticky directory (like /tmp) another user may
# write root's report (it is world-writable) and create the temporary
# file, but not replace the report. Needs root to hand the file to
# someone else (CI runs as root).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	chmod 711 "$T"
	mkdir "$T/s" && chmod 1777 "$T/s" && echo old > "$T/s/keep.txt"
	chmod 666 "$T/s/keep.txt"
	setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$A" report -o "$T/s/keep.txt" >"$T/out" 2>"$T/err"
	status rename 73 $? \
	    "archadvisor: $T/s/keep.txt: cannot replace: Operation not permitted"
	intact rename "$T/s"
else
	echo "SKIP rename-fails (needs root; test_outfile covers it)"
fi

# And the same run with nothing in the way writes the report.
mkdir "$T/ok" && echo old > "$T/ok/keep.txt"
"$A" report --format json -o "$T/ok/keep.txt" >"$T/out" 2>"$T/err"
status written 0 $?
if cmp -s "$T/ok/keep.txt" "$T/full.json" &&
    [ "$(ls -A "$T/ok")" = keep.txt ]; then
	pass written-complete
else
	fail written-complete "the report differs from standard output's"
fi

finish lost-data
