# archadvisor — GNU make build.
#
#   make            build ./archadvisor
#   make run        install missing Debian packages, build, start the TUI
#   make check      the same set-up, then every test
#   make SANITIZE=address,undefined check    the suite under ASan+UBSan
#
# Everything except src/cli/ and src/tui/ goes into build/libarchadvisor.a,
# which the program and the tests link alike (the core links without curses).

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
DATADIR	?= $(PREFIX)/share/archadvisor
MANDIR	?= $(PREFIX)/share/man
DOCDIR	?= $(PREFIX)/share/doc/archadvisor
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
# Where zsh and fish look: a distribution's packages (PREFIX=/usr) use the
# vendor directories (Debian's zsh reads /usr/share/zsh/vendor-completions,
# not /usr/share/zsh/site-functions); a local install uses site-functions.
ZSHCOMPDIR ?= $(if $(filter /usr,$(PREFIX)),$(PREFIX)/share/zsh/vendor-completions,$(PREFIX)/share/zsh/site-functions)
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
INSTALL	?= install

CC	?= cc
PKG_CONFIG ?= pkg-config
CFLAGS	?= -O2 -g
# The build tool (src/yaml_record.c) runs on the machine that builds, which
# a cross build tells apart from the one that runs archadvisor: it is made
# with the build machine's compiler, flags and libyaml (dpkg's names).
CC_FOR_BUILD ?= $(CC)
CFLAGS_FOR_BUILD ?= -O2
CPPFLAGS_FOR_BUILD ?=
LDFLAGS_FOR_BUILD ?=
PKG_CONFIG_FOR_BUILD ?= $(PKG_CONFIG)
# Warnings are errors here and in CI; a distribution's build, whose
# compiler may be newer than the code, can say WERROR= (debian/rules does).
WERROR	?= -Werror
WARNINGS = -std=c11 -Wall -Wextra $(WERROR) -Wformat=2 -Wshadow \
	-Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings -Wundef
# What the build itself needs; CPPFLAGS, CFLAGS and LDFLAGS given on the
# command line (as packagers do) are added to these, never replace them.
BUILD_CPPFLAGS = -D_XOPEN_SOURCE=700 -Isrc/core -Isrc/load -Isrc/report \
	-Isrc/ask -Isrc/tui -Isrc/cli -Ibuild

ifneq ($(SANITIZE),)
SAN_CFLAGS = -fsanitize=$(SANITIZE) -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
SAN_LDFLAGS = -fsanitize=$(SANITIZE)
endif

# pkg-config is asked only when something is compiled, so `make clean`
# works on a machine that has nothing installed yet.
CORE_PKGS = yaml-0.1 jansson
TUI_PKGS  = ncursesw
# ask's line editor (src/ask/ask_edit.c): libedit, BSD-licensed like our MIT.
EDIT_PKGS = libedit
pkgcflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
pkglibs   = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null)

B	?= build
BIN	?= archadvisor
# The program as the test and bench scripts run it: BIN may be relative
# (./ makes the shell run it rather than look it up in PATH) or absolute.
RUNBIN	= $(if $(filter /%,$(BIN)),$(BIN),./$(BIN))
LIB	= $(B)/libarchadvisor.a
LIB_SRC	= $(wildcard src/core/*.c src/load/*.c src/report/*.c src/ask/*.c)
LIB_OBJ	= $(patsubst src/%.c,$(B)/%.o,$(LIB_SRC)) $(B)/stock_kb.o \
	$(B)/stock_events.o
TUI_SRC	= $(wildcard src/tui/*.c)
TUI_OBJ	= $(patsubst src/%.c,$(B)/%.o,$(TUI_SRC))
CLI_SRC	= $(wildcard src/cli/*.c)
CLI_OBJ	= $(patsubst src/%.c,$(B)/%.o,$(CLI_SRC))
RULES	= $(sort $(wildcard rules/*.yaml))

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRC))

ALL_CPPFLAGS = $(BUILD_CPPFLAGS) $(CPPFLAGS)
ALL_CFLAGS = $(WARNINGS) $(CFLAGS) $(SAN_CFLAGS) $(call pkgcflags,$(CORE_PKGS))
ALL_LDFLAGS = $(LDFLAGS) $(SAN_LDFLAGS)

.PHONY: lint all run check check-suites unit-check cli-check golden-check kb-check ask-check tui-check golden-update deps \
	deps-run clean check-asan check-valgrind
.DELETE_ON_ERROR:

all: $(BIN)

$(BIN): $(CLI_OBJ) $(TUI_OBJ) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ \
		$(call pkglibs,$(CORE_PKGS) $(TUI_PKGS) $(EDIT_PKGS)) -lm

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(B)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/ask/ask_edit.o: src/ask/ask_edit.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(call pkgcflags,$(EDIT_PKGS)) \
		-MMD -MP -c -o $@ $<

# ncursesw's pkg-config says -D_XOPEN_SOURCE=600, which would redefine our
# 700 (an error under -Werror): keep its include paths, drop its feature macros.
TUI_CFLAGS = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,\
	$(call pkgcflags,$(TUI_PKGS)))

$(B)/tui/%.o: src/tui/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -D_XOPEN_SOURCE_EXTENDED \
		$(ALL_CFLAGS) $(TUI_CFLAGS) -MMD -MP -c -o $@ $<

# The stock knowledge base, compiled in so that a lone binary works anywhere.
$(B)/stock_kb.c: $(RULES) src/embed.sh
	@mkdir -p $(@D)
	sh src/embed.sh $(RULES) > $@

$(B)/stock_kb.o: $(B)/stock_kb.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# Its YAML events, recorded at build time: start-up replays them instead of
# scanning the YAML (yaml_tree.h), and the loader checks them as ever.
# Replaying takes start-up with the knowledge base (--version) from 5.3 ms
# to 3.1 (fastest of 51 runs, the same build without the recording), so
# the tool stays; what it writes is bytes and variable-length numbers, the
# same for every target.
$(B)/yaml_record: src/yaml_record.c
	@mkdir -p $(@D)
	$(CC_FOR_BUILD) $(CPPFLAGS_FOR_BUILD) $(WARNINGS) $(CFLAGS_FOR_BUILD) \
		$(shell $(PKG_CONFIG_FOR_BUILD) --cflags yaml-0.1 2>/dev/null) \
		-o $@ $< $(LDFLAGS_FOR_BUILD) \
		$(shell $(PKG_CONFIG_FOR_BUILD) --libs yaml-0.1 2>/dev/null)

$(B)/stock_events.c: $(RULES) $(B)/yaml_record
	$(B)/yaml_record $(RULES) > $@

$(B)/stock_events.o: $(B)/stock_events.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# Every unit test links the fixtures they share (tests/unit/fixtures.c).
# Both track the headers they include (-MMD), so a changed struct rebuilds
# them instead of leaving a test built against the old layout; and this
# Makefile, so objects built before that tracking (no .d) are rebuilt too.
$(B)/tests/fixtures.o: tests/unit/fixtures.c tests/unit/fixtures.h Makefile
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(call pkgcflags,cmocka) -Itests/unit \
		-MMD -MP -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(B)/tests/fixtures.o $(LIB) Makefile
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(call pkgcflags,cmocka) -Itests/unit \
		-MMD -MP -o $@ $< $(filter %.o,$^) $(LIB) $(ALL_LDFLAGS) \
		$(call pkglibs,$(CORE_PKGS) cmocka) -lm

# The batch loop lives with its command, outside the library.
$(B)/tests/test_batch: $(B)/cli/batch_run.o

deps:
	@sh .ci/deps.sh check

deps-run:
	@sh .ci/deps.sh run

run: deps-run
	@$(MAKE) --no-print-directory all
	./archadvisor

# Every suite, then one line that adds them up (tests/summary.sh).
check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN)
	@{ $(MAKE) --no-print-directory check-suites; echo $$? \
	    > $(B)/check.status; } 2>&1 | tee $(B)/check.log
	@sh tests/summary.sh $(B)/check.log "$$(cat $(B)/check.status)"

check-suites: unit-check cli-check golden-check kb-check ask-check \
    tui-check handout-check html-check unix-check bad-input-check \
    fuzz-regress batch-check

unit-check: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

cli-check: $(BIN)
	@sh tests/cli.sh $(RUNBIN)
	@sh tests/terminal.sh $(RUNBIN)

golden-check: $(BIN)
	@sh tests/golden.sh $(RUNBIN)
	@sh tests/labels.sh $(RUNBIN)

# The line-mode questionnaire, driven through a pipe.
ask-check: $(BIN)
	@sh tests/ask.sh $(RUNBIN)

# The stakeholder handouts (html, markdown, adr): hostile strings, -o,
# --adr-dir with adr-tools; then each example's HTML printed by headless
# Chromium, which must fit one Letter and one A4 page.
.PHONY: handout-check html-check
handout-check: $(BIN)
	@sh tests/handout.sh $(RUNBIN)

html-check: $(BIN)
	@sh tests/html-check.sh $(RUNBIN)

# The TUI, driven in tmux: screens against golden dumps, every widget,
# files, resizing, and the terminal restored on every way out.
tui-check: $(BIN)
	@sh tests/tui.sh $(RUNBIN)

# The stock knowledge base: the whole seed quoted, and the calibration
# scenarios an architect would defend.
kb-check: $(BIN)
	@sh tests/schema.sh $(RUNBIN)
	@sh tests/seed-coverage.sh
	@sh tests/scenarios.sh $(RUNBIN)
	@sh tests/evidence.sh $(RUNBIN)
	@sh tests/decision.sh $(RUNBIN)

# archadvisor batch: formats, bad documents, and the same answers as one
# report per scenario over a sample.
.PHONY: batch-check
batch-check: $(BIN)
	@sh tests/batch.sh $(RUNBIN)

# Manual pages through mandoc's linter (warnings and worse), and the whole
# program built with -Wpedantic -Wcast-qual as errors, in a build of its own.
lint: deps
	@for m in $(MANPAGES); do mandoc -Tlint -W warning $$m || exit 1; done
	@$(MAKE) --no-print-directory B=$(B)/lint BIN=$(B)/lint/archadvisor \
	    WARNINGS="$(WARNINGS) -Wpedantic -Wcast-qual" all
	@echo "lint: man pages and -Wpedantic -Wcast-qual clean"

golden-update: $(BIN)
	@sh tests/golden.sh --update $(RUNBIN)

# The whole suite under AddressSanitizer and UBSan, in a build of its own.
check-asan: deps
	@$(MAKE) --no-print-directory B=build/asan BIN=build/asan/archadvisor \
	    SANITIZE=address,undefined unit-check cli-check golden-check kb-check \
	    ask-check tui-check handout-check unix-check bad-input-check \
	    fuzz-regress batch-check

# The unit tests, and the fuzz targets on their seeds and past findings,
# under valgrind memcheck; leaks are errors.
check-valgrind: deps
	@$(MAKE) --no-print-directory $(UNIT_BIN) \
	    $(addprefix $(B)/fuzz-replay/,$(FUZZ_NAMES))
	@VALGRIND=1 sh tests/run-unit.sh $(UNIT_BIN)
	@VALGRIND=1 sh tests/fuzz/regress.sh $(B)/fuzz-replay $(FUZZ_NAMES)

# Hardening. tests/fuzz/fuzz_*.c are libFuzzer targets; `make
# fuzz` builds them with clang, ASan and UBSan in build/fuzz, and `make
# fuzz-smoke` runs each for FUZZ_TIME seconds, FUZZ_JOBS at a time, from the
# seeds in rules/, data/examples/ and tests/. fuzz-regress replays the
# seeds and tests/fuzz/regress/ (past findings) through the same targets
# built with $(CC), without libFuzzer. bad-input-check runs the table of
# hostile inputs in tests/bad/.
FUZZ_NAMES = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_B	?= build/fuzz
FUZZ_CC	?= clang
FUZZ_TIME ?= 60
FUZZ_JOBS ?= 2
FUZZ_LIBS = $(B)/libarchadvisor.a $(ALL_LDFLAGS) $(call pkglibs,$(CORE_PKGS)) -lm

.PHONY: fuzz fuzz-bin fuzz-smoke fuzz-regress bad-input-check

fuzz:
	@sh .ci/deps.sh fuzz
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(FUZZ_CC) \
	    SANITIZE=fuzzer-no-link,address,undefined fuzz-bin

fuzz-bin: $(addprefix $(B)/fuzz/,$(FUZZ_NAMES))

$(B)/fuzz/%: tests/fuzz/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIBS)

fuzz-smoke: fuzz
	@sh tests/fuzz/smoke.sh $(FUZZ_B) $(FUZZ_TIME) $(FUZZ_JOBS) $(FUZZ_NAMES)

$(B)/fuzz-replay/%: tests/fuzz/%.c tests/fuzz/replay.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(FUZZ_LIBS)

fuzz-regress: $(addprefix $(B)/fuzz-replay/,$(FUZZ_NAMES))
	@sh tests/fuzz/regress.sh $(B)/fuzz-replay $(FUZZ_NAMES)

bad-input-check: $(BIN)
	@sh tests/bad/run.sh $(RUNBIN)
	@sh tests/bad/lost-data.sh $(RUNBIN)

# Installation. The program reads none of these files (its
# knowledge base is compiled in); rules/ is installed as the starting point
# for a knowledge base of one's own. Man pages name the installed paths.
MANPAGES = $(wildcard man/*.[1-9])
EXAMPLES = $(wildcard data/examples/*.yaml)
EXTENSIONS = $(wildcard data/extensions/*.yaml)
MANSECTIONS = $(sort $(foreach m,$(MANPAGES),$(DESTDIR)$(MANDIR)/man$(subst \
	.,,$(suffix $(m)))))
MANSED	= -e 's|/usr/local/share/archadvisor|$(DATADIR)|g' \
	-e 's|/usr/local/share/doc/archadvisor|$(DOCDIR)|g' \
	-e 's|/usr/local/share/bash-completion/completions|$(BASHCOMPDIR)|g' \
	-e 's|/usr/local/share/zsh/site-functions|$(ZSHCOMPDIR)|g' \
	-e 's|/usr/local/share/fish/vendor_completions.d|$(FISHCOMPDIR)|g'

.PHONY: install uninstall unix-check

install: $(BIN)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules \
	    $(DESTDIR)$(DOCDIR)/examples/extensions $(MANSECTIONS) \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
	    $(DESTDIR)$(FISHCOMPDIR)
	$(INSTALL) -m 755 $(BIN) $(DESTDIR)$(BINDIR)/archadvisor
	$(INSTALL) -m 644 $(RULES) $(DESTDIR)$(DATADIR)/rules
	$(INSTALL) -m 644 $(EXAMPLES) $(DESTDIR)$(DOCDIR)/examples
	$(INSTALL) -m 644 $(EXTENSIONS) $(DESTDIR)$(DOCDIR)/examples/extensions
	for m in $(MANPAGES); do \
		d=$(DESTDIR)$(MANDIR)/man$${m##*.}; \
		sed $(MANSED) $$m > $$d/$${m##*/} && \
		chmod 644 $$d/$${m##*/} || exit 1; \
	done
	$(INSTALL) -m 644 completion/archadvisor.bash \
	    $(DESTDIR)$(BASHCOMPDIR)/archadvisor
	$(INSTALL) -m 644 completion/_archadvisor $(DESTDIR)$(ZSHCOMPDIR)
	$(INSTALL) -m 644 completion/archadvisor.fish $(DESTDIR)$(FISHCOMPDIR)

# Removes exactly what install put there, then the directories that are
# archadvisor's own if they are empty.
INSTALLED = $(DESTDIR)$(BINDIR)/archadvisor \
	$(addprefix $(DESTDIR)$(DATADIR)/rules/,$(notdir $(RULES))) \
	$(addprefix $(DESTDIR)$(DOCDIR)/examples/,$(notdir $(EXAMPLES))) \
	$(addprefix $(DESTDIR)$(DOCDIR)/examples/extensions/,$(notdir \
	$(EXTENSIONS))) $(foreach m,$(MANPAGES),$(DESTDIR)$(MANDIR)/man$(subst \
	.,,$(suffix $(m)))/$(notdir $(m))) $(DESTDIR)$(BASHCOMPDIR)/archadvisor \
	$(DESTDIR)$(ZSHCOMPDIR)/_archadvisor \
	$(DESTDIR)$(FISHCOMPDIR)/archadvisor.fish

uninstall:
	rm -f $(INSTALLED)
	-rmdir $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(DATADIR) \
	    $(DESTDIR)$(DOCDIR)/examples/extensions $(DESTDIR)$(DOCDIR)/examples \
	    $(DESTDIR)$(DOCDIR) 2>/dev/null

# How archadvisor fits in: knowledge-base extensions, shell
# completion, the manual against --help, the conventions every command
# keeps, install/uninstall in a temporary DESTDIR, running the installed
# program away from the tree, and the build tool under a cross compiler.
unix-check: $(BIN)
	@sh tests/extensions.sh $(RUNBIN)
	@sh tests/workshop.sh $(RUNBIN)
	@sh tests/records.sh $(RUNBIN)
	@sh tests/completion.sh $(RUNBIN)
	@sh tests/manpages.sh $(RUNBIN)
	@sh tests/conventions.sh $(RUNBIN)
	@MAKE="$(MAKE)" sh tests/install.sh $(RUNBIN) $(B)
	@MAKE="$(MAKE)" sh tests/cross.sh $(B)

clean:
	rm -rf build archadvisor

# The Debian package from a clean clone of the last commit, lintian, and
# the packaged program run from an empty directory (tests/deb.sh); the .deb
# is left in $(B)/deb/. A few minutes, so not part of check.
.PHONY: deb
deb:
	@sh .ci/deps.sh deb
	@sh tests/deb.sh $(B)

# The benchmark suite, not part of check: `make bench` prints
# the table README.md quotes (tests/bench/run.sh says what each line is).
# The floors, the rules of each knowledge base as plain C, are generated
# and compiled without -g: with it a 10,000-rule floor takes minutes.
BENCH	= $(B)/bench
BENCH_CFLAGS = $(ALL_CPPFLAGS) -Itests/bench $(ALL_CFLAGS)
BENCH_LIBS = $(LIB) $(ALL_LDFLAGS) $(call pkglibs,$(CORE_PKGS)) -lm
BENCH_KBS = stock 1000 10000

.PHONY: bench
bench: $(BIN) $(BENCH)/gen $(BENCH)/proc $(BENCH)/yamlrate \
    $(addprefix $(BENCH)/eval-,$(BENCH_KBS))
	@sh tests/bench/run.sh $(RUNBIN) $(BENCH)

$(BENCH)/gen: tests/bench/gen.c tests/bench/randval.c tests/bench/expr_cgen.c \
    $(LIB)
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ tests/bench/gen.c tests/bench/randval.c \
		tests/bench/expr_cgen.c $(BENCH_LIBS)

$(BENCH)/proc: tests/bench/proc.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -D_DEFAULT_SOURCE $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS)

$(BENCH)/yamlrate: tests/bench/yamlrate.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(call pkglibs,yaml-0.1)

.PRECIOUS: $(BENCH)/kb%/generated.yaml $(BENCH)/floor-%.c $(BENCH)/floor-%.o

$(BENCH)/kb%/generated.yaml: $(BENCH)/gen
	$(BENCH)/gen kb $* 9 $(BENCH)/kb$*

$(BENCH)/floor-stock.c: $(BENCH)/gen
	$(BENCH)/gen floor > $@

$(BENCH)/floor-%.c: $(BENCH)/kb%/generated.yaml
	$(BENCH)/gen floor $(BENCH)/kb$* > $@

$(BENCH)/floor-%.o: $(BENCH)/floor-%.c
	$(CC) $(ALL_CPPFLAGS) -Itests/bench $(WARNINGS) -O2 -c -o $@ $<

$(BENCH)/eval-%: tests/bench/bench_eval.c tests/bench/randval.c \
    tests/bench/floor_common.c $(BENCH)/floor-%.o $(LIB)
	$(CC) $(BENCH_CFLAGS) -o $@ tests/bench/bench_eval.c \
		tests/bench/randval.c tests/bench/floor_common.c \
		$(BENCH)/floor-$*.o $(BENCH_LIBS)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
