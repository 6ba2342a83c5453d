#!/bin/sh
# make deb: the Debian package, built as a packager would from a clean
# clone of the last commit (what is not committed is not in it), with
# dpkg-buildpackage -us -uc -b; then lintian must report no errors, and the
# packaged program must run from an empty directory with nothing but its
# own files (the stock knowledge base compiled in), with its manual pages
# and its bash, zsh and fish completion where those look. The .deb is left
# in BUILDDIR/deb/. Not part of make check: the build takes minutes.
# usage: tests/deb.sh BUILDDIR
set -u
B=${1:-build}
. tests/lib.sh
TOP=$(pwd)

git clone -q "$TOP" "$T/src/archadvisor" || exit 1
if (cd "$T/src/archadvisor" && dpkg-buildpackage -us -uc -b) \
    >"$T/build.log" 2>&1; then
	pass dpkg-buildpackage
else
	fail dpkg-buildpackage "$(tail -15 "$T/build.log")"
	finish deb
	exit 1
fi
deb=$(ls "$T"/src/archadvisor_*.deb)
changes=$(ls "$T"/src/archadvisor_*.changes)
# Errors fail; warnings are printed for the record.
if lintian --fail-on error "$changes" >"$T/lintian" 2>&1; then
	pass lintian-no-errors
else
	fail lintian-no-errors "$(grep '^E:' "$T/lintian" | head -5)"
fi
sed 's/^/     /' "$T/lintian"

R=$T/root
dpkg-deb -x "$deb" "$R"
for f in usr/bin/archadvisor usr/share/man/man1/archadvisor.1.gz \
    usr/share/man/man5/archadvisor-answers.5.gz \
    usr/share/man/man5/archadvisor-rules.5.gz \
    usr/share/bash-completion/completions/archadvisor \
    usr/share/zsh/vendor-completions/_archadvisor \
    usr/share/fish/vendor_completions.d/archadvisor.fish \
    usr/share/doc/archadvisor/copyright \
    usr/share/doc/archadvisor/examples/card-fraud.yaml \
    usr/share/archadvisor/rules/questions.yaml; do
	if [ -f "$R/$f" ]; then pass "packaged $f"; else
		fail "packaged $f"; fi
done
mkdir "$T/empty"
if (cd "$T/empty" && env -i PATH=/usr/bin:/bin HOME="$T/empty" \
    "$R/usr/bin/archadvisor" report --format json --set latency=2m \
    --set realtime_outputs=true) >"$T/out" 2>"$T/err" &&
    json "$T/out" '.recommendation.processing' &&
    [ -z "$(ls -A "$T/empty")" ]; then
	pass runs-from-empty-directory
else
	fail runs-from-empty-directory "$(head -3 "$T/err")"
fi
(cd "$T/empty" && "$R/usr/bin/archadvisor" --version) > "$T/out" 2>&1
check stock-kb-built-in has "$T/out" '(built in)$'
mkdir -p "$B/deb"
cp "$deb" "$B/deb/" && pass "left in $B/deb/$(basename "$deb")"

finish deb
