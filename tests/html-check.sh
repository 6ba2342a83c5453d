#!/bin/sh
# Real-browser test of the HTML handout: for every stock example
# in data/examples/, Debian's headless Chromium prints the handout to PDF
# on Letter (its default paper) and on A4, and pdfinfo must count exactly
# one page for each; it measures the laid-out page (tests/handout/
# measure.js: no text under 10pt, text contrast 4.5:1 and bars 3:1, as
# WCAG AA asks); a PNG screenshot must be produced. Chromium runs with
# networking off and the page may name no URL but the SVG namespace, so
# the handout is known to open offline. Each render is bounded by
# RENDER_TIMEOUT seconds (default 60).
#   tests/html-check.sh ./archadvisor
#   HTML_CHECK_KEEP=DIR tests/html-check.sh ./archadvisor   keep the PDFs
#                                                          and PNGs in DIR
set -u
A=$1
. tests/lib.sh

timeout_s=${RENDER_TIMEOUT:-60}
keep=${HTML_CHECK_KEEP:-}
[ -n "$keep" ] && mkdir -p "$keep"

# Prints file:// URL $1 as PDF $2, or with --screenshot as PNG $2.
render() {
	mode=$1 url=$2 out=$3
	rm -rf "$T/profile"
	mkdir -p "$T/profile"
	if [ "$mode" = pdf ]; then
		what="--print-to-pdf=$out --no-pdf-header-footer"
	else
		what="--screenshot=$out --window-size=900,1300"
	fi
	# shellcheck disable=SC2086
	timeout -k 5 "$timeout_s" chromium --headless --no-sandbox \
	    --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --disable-extensions --hide-scrollbars \
	    --host-resolver-rules='MAP * ~NOTFOUND' \
	    --user-data-dir="$T/profile" $what "$url" \
	    >"$T/chromium.log" 2>&1
}

# Measures handout $1 ($T/$1.html) as Chromium lays it out: every
# visible text at 10pt or more and 4.5:1 against what is behind it, every
# bar of the chart 3:1 against its track (tests/handout/measure.js).
measure() {
	n=$1 chart=${2:-chart}
	awk -v js=tests/handout/measure.js '/^<\/body>$/ {
		print "<script>"
		while ((getline l < js) > 0) print l
		print "</script>"
	} { print }' "$T/$n.html" >"$T/$n-measure.html"
	rm -rf "$T/profile"
	mkdir -p "$T/profile"
	m=$(timeout -k 5 "$timeout_s" chromium --headless --no-sandbox \
	    --disable-gpu --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync --disable-extensions \
	    --host-resolver-rules='MAP * ~NOTFOUND' \
	    --user-data-dir="$T/profile" --dump-dom \
	    "file://$T/$n-measure.html" 2>"$T/chromium.log" |
	    sed -n 's/.*<pre id="measure">\([^<]*\)<.*/\1/p')
	# A page without a chart (workshop, diff) has no bars to measure.
	case $chart:$m in
	chart:texts=[1-9]*" minpt="*" bars="[1-9]*" bad=" | \
	nochart:texts=[1-9]*" minpt="*" bars=0 "*" bad=")
		pass "$n: type 10pt or more, AA contrast (${m% bad=})" ;;
	*)	fail "$n: type 10pt or more, AA contrast" "${m:-no measure}" ;;
	esac
}

for tool in chromium pdfinfo timeout; do
	if ! command -v $tool >/dev/null 2>&1; then
		fail "$tool is installed" "run: sh .ci/deps.sh check"
		finish html
		exit 1
	fi
done

SOURCE_DATE_EPOCH=1735689600
export SOURCE_DATE_EPOCH
# The workshop's handout for the meeting and diff's scenarios side by
# side too (diff exits 1 when the advice changes): one page each.
for f in data/examples/*.yaml data/examples/workshop data/examples/diff; do
	n=$(basename "$f" .yaml)
	if [ "$n" = workshop ]; then
		set -- workshop "$f/cfo.yaml" "$f/product.yaml" \
		    "$f/platform.yaml"
	elif [ "$n" = diff ]; then
		set -- diff "$f/today.yaml" "$f/in-two-years.yaml" \
		    "$f/after-acquisition.yaml"
	else
		set -- report --answers "$f"
	fi
	$A "$@" --format html -o "$T/$n.html" 2>"$T/err"
	st=$?
	if [ "$st" -ne 0 ] && { [ "$n" != diff ] || [ "$st" -ne 1 ]; }; then
		fail "$n: html written" "$(head -3 "$T/err")"
		continue
	fi
	# Nothing to fetch: the only URL is the SVG namespace, never loaded.
	# A precedent's source is a link to follow, nothing to fetch.
	urls=$(sed -E 's,<a href="https?://[^"<>]*",<a,g' "$T/$n.html" |
	    grep -o -i -E '(https?|ftp|file)://[^" )]*|src=|href=|@import' |
	    grep -v -x 'http://www.w3.org/2000/svg')
	if [ -z "$urls" ]; then
		pass "$n: self-contained"
	else
		fail "$n: self-contained" "$urls"
	fi
	# Letter is Chromium's default; A4 is asked for in the page style.
	sed 's/@page {/@page { size: A4;/' "$T/$n.html" >"$T/$n-a4.html"
	cp "$T/$n.html" "$T/$n-letter.html"
	for paper in letter a4; do
		pdf="$T/$n-$paper.pdf"
		if ! render pdf "file://$T/$n-$paper.html" "$pdf" ||
		    [ ! -s "$pdf" ]; then
			fail "$n: printed on $paper" "$(tail -3 "$T/chromium.log")"
			continue
		fi
		pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
		if [ "$pages" = 1 ]; then
			pass "$n: one $paper page"
		else
			fail "$n: one $paper page" "pdfinfo counts ${pages:-no} pages"
		fi
		[ -n "$keep" ] && cp "$pdf" "$keep/"
	done
	# Type and colours as Chromium computes them: every visible text at
	# 10pt or more and 4.5:1 against what is behind it, every bar 3:1
	# (the workshop's and diff's pages have no chart).
	case $n in
	workshop|diff) measure "$n" nochart ;;
	*) measure "$n" ;;
	esac
	png="$T/$n.png"
	if render png "file://$T/$n.html" "$png" && [ -s "$png" ] &&
	    [ "$(head -c 4 "$png" | od -An -c | tr -d ' ')" = '211PNG' ]; then
		pass "$n: PNG screenshot"
		[ -n "$keep" ] && cp "$png" "$keep/"
	else
		fail "$n: PNG screenshot" "$(tail -3 "$T/chromium.log")"
	fi
done
finish html
