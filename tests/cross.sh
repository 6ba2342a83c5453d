#!/bin/sh
# Cross building: the one program the build runs (src/yaml_record.c, which
# records the stock knowledge base's YAML events) is made with
# $(CC_FOR_BUILD), not $(CC). The target compiler here links programs that
# cannot start on this machine (their dynamic loader does not exist), as a
# foreign architecture's would; the build tool must still run, and without
# CC_FOR_BUILD it must not (so the check can fail).
# usage: MAKE=make tests/cross.sh BUILDDIR
set -u
B=${1:-build}
. tests/lib.sh
MAKE=${MAKE:-make}
FOREIGN="${CC:-cc} -Wl,--dynamic-linker=/nonexistent/ld.so"

if $MAKE -s --no-print-directory B="$T/cross" CC="$FOREIGN" \
    CC_FOR_BUILD="${CC:-cc}" "$T/cross/stock_events.o" >"$T/make" 2>&1; then
	pass cross-build-tool
else
	fail cross-build-tool "$(tail -3 "$T/make")"
fi
if $MAKE -s --no-print-directory B="$T/native" CC="$FOREIGN" \
    "$T/native/stock_events.o" >"$T/make" 2>&1; then
	fail cross-build-tool-needs-cc-for-build "the foreign tool ran"
else
	pass cross-build-tool-needs-cc-for-build
fi
# What the build machine's tool records is what a native build records:
# bytes and variable-length numbers, no host layout.
if cmp -s "$T/cross/stock_events.c" "$B/stock_events.c"; then
	pass cross-same-recording
else
	fail cross-same-recording
fi

finish cross
