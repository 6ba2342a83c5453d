/*
 * test_lint: each knowledge-base warning of `archadvisor check` triggered
 * by a small constructed knowledge base, at the right place, and none on
 * the stock knowledge base (which must pass `check --strict`).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"
#include "kb_load.h"
#include "lint.h"

#define TODAY	"2026-11-24"

/* A base every case extends; it is itself free of warnings. */
#define HEAD	"knowledge_base: {name: t, version: '1'}\n"
#define BODY \
	"scoring: {scale: 2, organization_threshold: 60}\n" \
	"questions:\n" \
	"  - {id: latency, prompt: L, type: duration, range: [1s, ~]}\n" \
	"  - {id: skills, prompt: S, type: level, values: [none, some, strong]}\n" \
	"  - {id: big, prompt: B, type: bool}\n" \
	"patterns:\n" \
	"  - {id: batch, name: Batch, kind: processing, summary: s}\n" \
	"  - {id: stream, name: Stream, kind: processing, summary: s}\n" \
	"  - {id: mesh, name: Mesh, kind: organization, summary: s}\n" \
	"rules:\n" \
	"  - {id: slow, when: latency > 1h, effects: {batch: 2}, why: w, source: s}\n" \
	"  - {id: fast, when: latency < 5m, effects: {stream: 2}, why: w, source: s}\n" \
	"  - {id: skilled, when: skills == strong, effects: {stream: 1, batch: -1}, why: w, source: s}\n" \
	"  - {id: cheap, when: skills == none, effects: {batch: 1, stream: -1}, why: w, source: s}\n" \
	"  - {id: org, when: big, effects: {mesh: 2}, why: w, source: s}\n"
#define BASE	HEAD BODY

/* Lints text (one file, t.yaml); returns the warnings as lines. */
static const char *
lint(const char *text, size_t *n)
{
	static char		 out[4096];
	struct kb_source	 src = { "t.yaml", text, 0 };
	struct kb		*kb;
	struct diag		 d;
	long			 today;
	size_t			 i, len = 0;

	src.len = strlen(text);
	diag_init(&d);
	if (kb_load_sources(&src, 1, &kb, &d) != LOAD_OK) {
		for (i = 0; i < d.n; i++)
			print_message("%s\n", d.items[i].msg);
		fail_msg("the test knowledge base does not load");
	}
	assert_int_equal(date_parse(TODAY, &today), 0);
	lint_kb(kb, today, &d);
	out[0] = '\0';
	for (i = 0; i < d.n; i++) {
		assert_int_equal(d.items[i].severity, DIAG_WARNING);
		len += (size_t)snprintf(out + len, len < sizeof out ?
		    sizeof out - len : 0, "%s:%d:%d: %s\n", d.items[i].file,
		    d.items[i].line, d.items[i].col, d.items[i].msg);
	}
	*n = d.n;
	diag_free(&d);
	kb_free(kb);
	return (out);
}

/* Lints the base with one rule added: id fires on when, giving effect. */
static const char *
lint_rule(const char *id, const char *when, const char *effect, size_t *n)
{
	static char	text[sizeof BASE + 256];

	snprintf(text, sizeof text, "%s  - {id: %s, when: %s, effects: {%s}, "
	    "why: w, source: s}\n", BASE, id, when, effect);
	return (lint(text, n));
}

static void
test_base_is_clean(void **state)
{
	size_t	n;

	(void)state;
	lint(BASE, &n);
	assert_int_equal(n, 0);
}

static void
test_never_fires(void **state)
{
	const char	*w;
	size_t		 n;

	(void)state;
	w = lint_rule("never", "latency < 1m and latency > 1h", "batch: 1", &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(w, "t.yaml:17:5: rule 'never' can never fire: "
	    "no answers make 'latency < 1m and latency > 1h' true"));
	/* Satisfiable through a gap of one second is not "never". */
	lint_rule("edge", "latency >= 1h and latency <= 1h", "batch: 1", &n);
	assert_int_equal(n, 0);
	w = lint_rule("lv", "skills > strong", "batch: 1", &n);
	assert_non_null(strstr(w, "rule 'lv' can never fire"));
	/* A rule for the answer not given fires while it is not given. */
	lint_rule("open", "latency > 1h and skills == unknown", "stream: 1", &n);
	assert_int_equal(n, 0);
	w = lint_rule("shut", "skills == unknown and skills == strong",
	    "stream: 1", &n);
	assert_non_null(strstr(w, "rule 'shut' can never fire"));
}

static void
test_duplicate(void **state)
{
	const char	*w;
	size_t		 n;

	(void)state;
	/* Same effects, same answers: "not (latency <= 1h)" is "> 1h". */
	w = lint_rule("again", "not (latency <= 1h)", "batch: 2", &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(w, "t.yaml:17:5: rule 'again' duplicates rule "
	    "'slow' (t.yaml:12:5)"));
	/* Same condition, other effects: not a duplicate. */
	lint_rule("other", "latency > 1h", "stream: -1", &n);
	assert_int_equal(n, 0);
}

static void
test_never_first(void **state)
{
	const char	*w;
	size_t		 n;

	(void)state;
	/* A third pattern that every rule pushes down. */
	w = lint("knowledge_base: {name: t, version: '1'}\n"
	    "questions:\n"
	    "  - {id: big, prompt: B, type: bool}\n"
	    "patterns:\n"
	    "  - {id: batch, name: Batch, kind: processing, summary: s}\n"
	    "  - {id: lame, name: Lame, kind: processing, summary: s}\n"
	    "  - {id: mesh, name: Mesh, kind: organization, summary: s}\n"
	    "rules:\n"
	    "  - {id: a, when: big, effects: {batch: 1, lame: -1}, why: w, "
	    "source: s}\n"
	    "  - {id: b, when: not big, effects: {batch: 2, lame: -2, mesh: "
	    "-1}, why: w, source: s}\n", &n);
	assert_non_null(strstr(w, "t.yaml:6:5: pattern 'lame' never comes "
	    "first: no answers found make it the recommendation"));
	assert_non_null(strstr(w, "t.yaml:7:5: pattern 'mesh' never comes "
	    "first: no answers found make it reach the organisation "
	    "threshold"));
}

static void
test_unread_question(void **state)
{
	const char	*w;
	size_t		 n;

	(void)state;
	w = lint("knowledge_base: {name: t, version: '1'}\n"
	    "questions:\n"
	    "  - {id: big, prompt: B, type: bool}\n"
	    "  - {id: idle, prompt: I, type: bool}\n"
	    "patterns:\n"
	    "  - {id: batch, name: Batch, kind: processing, summary: s}\n"
	    "  - {id: stream, name: Stream, kind: processing, summary: s}\n"
	    "rules:\n"
	    "  - {id: a, when: big, effects: {batch: 1}, why: w, source: s}\n"
	    "  - {id: b, when: not big, effects: {stream: 1}, why: w, "
	    "source: s}\n", &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(w, "t.yaml:4:5: no rule reads question 'idle'"));
}

static void
test_outweighs(void **state)
{
	const char	*w;
	size_t		 n;

	(void)state;
	w = lint_rule("huge", "big", "stream: 9", &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(w, "t.yaml:17:5: rule 'huge' outweighs every "
	    "other rule on 'stream' together (9 against 4)"));
}

static void
test_stale(void **state)
{
	const char	*w;
	size_t		 n;

	(void)state;
	w = lint("knowledge_base: {name: t, version: '1', reviewed: "
	    "2024-11-22}\n" BODY, &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(w, "t.yaml:1:51: the knowledge base was last "
	    "reviewed on 2024-11-22, more than two years ago"));
	/* Exactly two years (731 days) is still fresh. */
	lint("knowledge_base: {name: t, version: '1', reviewed: "
	    "2024-11-23}\n" BODY, &n);
	assert_int_equal(n, 0);
	w = lint("knowledge_base: {name: t, version: '1', reviewed: "
	    "2027-01-01}\n" BODY, &n);
	assert_non_null(strstr(w, "a date in the future"));
	w = lint(BASE "  - {id: other, when: big, effects: {batch: 1}, why: w, "
	    "source: s}\n"
	    "precedents:\n"
	    "  - {id: old, organisation: O, year: 2010, chose: batch, "
	    "outcome: o, situation: {latency: 1d}, reviewed: 2010-01-01,\n"
	    "     source: {title: t, url: 'https://example.org'}}\n", &n);
	assert_non_null(strstr(w, "precedent old was last reviewed on "
	    "2010-01-01"));
}

static void
test_unexplained(void **state)
{
	const char	*w;
	size_t		 n;

	(void)state;
	w = lint(BASE "precedents:\n"
	    "  - {id: odd, organisation: O, year: 2010, chose: stream, "
	    "outcome: o, situation: {latency: 2h},\n"
	    "     source: {title: t, url: 'https://example.org'}}\n"
	    "  - {id: told, organisation: O, year: 2010, chose: stream, "
	    "outcome: o, situation: {latency: 2h}, note: 'why',\n"
	    "     source: {title: t, url: 'https://example.org'}}\n", &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(w, "t.yaml:18:5: precedent 'odd' chose 'stream' "
	    "but the rules put it in place 2"));
}

static void
test_long_name(void **state)
{
	const char	*w;
	size_t		 n;

	(void)state;
	/* 48 characters pass, 49 do not; "é" is one character, two bytes. */
	w = lint(BASE "precedents:\n"
	    "  - {id: fits, organisation: 'Éxactly forty-eight characters long, "
	    "no more....', year: 2010, chose: stream, outcome: o, "
	    "situation: {latency: 30s},\n"
	    "     source: {title: t, url: 'https://example.org'}}\n"
	    "  - {id: wordy, organisation: 'Éxactly forty-eight characters long, "
	    "no more.....', year: 2010, chose: stream, outcome: o, "
	    "situation: {latency: 30s},\n"
	    "     source: {title: t, url: 'https://example.org'}}\n", &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(w, "t.yaml:20:5: precedent 'wordy': its "
	    "organisation's name has 49 characters, more than the 48"));
}

static void
test_stock_is_clean(void **state)
{
	struct kb	*kb;
	struct diag	 d;
	size_t		 i;

	(void)state;
	diag_init(&d);
	assert_int_equal(kb_load_stock(&kb, &d), LOAD_OK);
	lint_kb(kb, date_today(), &d);
	for (i = 0; i < d.n; i++)
		print_message("%s:%d:%d: %s\n", d.items[i].file,
		    d.items[i].line, d.items[i].col, d.items[i].msg);
	assert_int_equal(d.n, 0);
	diag_free(&d);
	kb_free(kb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base_is_clean),
		cmocka_unit_test(test_never_fires),
		cmocka_unit_test(test_duplicate),
		cmocka_unit_test(test_never_first),
		cmocka_unit_test(test_unread_question),
		cmocka_unit_test(test_outweighs),
		cmocka_unit_test(test_stale),
		cmocka_unit_test(test_unexplained),
		cmocka_unit_test(test_long_name),
		cmocka_unit_test(test_stock_is_clean),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
