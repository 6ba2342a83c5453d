#!/bin/sh
# Installs the Debian packages archadvisor needs, if any are missing.
#   sh .ci/deps.sh run     what building and running need
#   sh .ci/deps.sh check   that, plus what the test suite needs
#   sh .ci/deps.sh fuzz    that, plus clang and its libFuzzer runtime
#   sh .ci/deps.sh deb     what building, then checking, the Debian package
#                          needs (make deb, which make check does not run)
# As root, missing packages are installed with apt-get; otherwise the exact
# command to run is printed and the script fails.
set -eu

build="gcc make pkg-config libyaml-dev libjansson-dev libncurses-dev libedit-dev"
tests="libcmocka-dev tmux valgrind groff-base jq man-db zsh mandoc python3-jsonschema"
# The completion tests run each script in its own shell.
tests="$tests fish"
# The MADR 4 front matter of an ADR is read as YAML by the tests.
tests="$tests python3-yaml"
# The HTML handout is printed by a real browser (tests/html-check.sh) in the
# fonts its style sheet names; ADRs are filed beside adr-tools' own; the
# Markdown is rendered by GitHub's cmark-gfm to find markup in hostile text.
tests="$tests chromium poppler-utils fonts-liberation adr-tools cmark-gfm"
# libFuzzer (libclang_rt.fuzzer) ships in libclang-rt-N-dev, which clang
# only recommends; libclang-rt-dev follows Debian's default clang.
fuzz="clang libclang-rt-dev"
deb="dpkg-dev debhelper lintian git"

case "${1:-check}" in
run)	want="$build" ;;
check)	want="$build $tests" ;;
fuzz)	want="$build $tests $fuzz" ;;
deb)	want="$build $deb jq" ;;
*)	echo "usage: $0 run|check|fuzz|deb" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "archadvisor needs these Debian packages:$missing" >&2
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "archadvisor needs packages that are not installed. Run:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
