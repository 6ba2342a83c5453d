/*
 * test_precedent: similarity and agreement computed by hand on
 * tests/kb/evidence.yaml (formulas in src/core/precedent.h), and the
 * precedent loader's checks.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "engine.h"
#include "fixtures.h"
#include "kb_load.h"
#include "precedent.h"

static struct value
parse(const struct kb *kb, const char *q, const char *text)
{
	struct value	v;
	char		err[256];
	int		qi = kb_question_index(kb, q);

	assert_true(qi >= 0);
	assert_int_equal(value_parse(&kb->questions[qi].dom, text, &v, err,
	    sizeof err), 0);
	return (v);
}

static double
dist(const struct kb *kb, const char *q, const char *a, const char *b)
{
	struct value	va = parse(kb, q, a), vb = parse(kb, q, b);

	return (precedent_distance(&kb->questions[kb_question_index(kb, q)],
	    &va, &vb));
}

static void
test_distances(void **state)
{
	struct kb	*kb = fx_kb_file("tests/kb/evidence.yaml");

	(void)state;
	/* Durations and sizes: |log10 a - log10 b| / 3, at most 1. */
	assert_float_equal(dist(kb, "latency", "10m", "1h"), log10(6.0) / 3,
	    1e-9);
	assert_float_equal(dist(kb, "latency", "1h", "10m"), log10(6.0) / 3,
	    1e-9);
	assert_float_equal(dist(kb, "volume", "2TB", "20TB"), 1.0 / 3, 1e-9);
	assert_float_equal(dist(kb, "volume", "1GB", "5PB"), 1.0, 1e-9);
	assert_float_equal(dist(kb, "latency", "30s", "30s"), 0.0, 1e-9);
	/* Bounded integers linearly, unbounded ones on a log scale of 2. */
	assert_float_equal(dist(kb, "maturity", "2", "4"), 0.5, 1e-9);
	assert_float_equal(dist(kb, "maturity", "1", "5"), 1.0, 1e-9);
	assert_float_equal(dist(kb, "teams", "1", "10"), 0.5, 1e-9);
	assert_float_equal(dist(kb, "teams", "1", "1000"), 1.0, 1e-9);
	/* Levels by order, bools, sets by Jaccard overlap. */
	assert_float_equal(dist(kb, "skills", "none", "strong"), 1.0, 1e-9);
	assert_float_equal(dist(kb, "skills", "some", "strong"), 0.5, 1e-9);
	assert_float_equal(dist(kb, "rt", "true", "false"), 1.0, 1e-9);
	assert_float_equal(dist(kb, "rt", "true", "true"), 0.0, 1e-9);
	assert_float_equal(dist(kb, "uses", "a, b", "b, c"), 2.0 / 3, 1e-9);
	assert_float_equal(dist(kb, "uses", "[]", "[]"), 0.0, 1e-9);
	assert_float_equal(dist(kb, "uses", "a", "b"), 1.0, 1e-9);
	kb_free(kb);
}

/* A range wider than INT64_MAX: no overflow, never more than 1. */
static void
test_distance_wide_range(void **state)
{
	struct question	q;
	struct value	a = { .known = true }, b = { .known = true };

	(void)state;
	memset(&q, 0, sizeof q);
	q.dom.type = VAL_INT;
	q.dom.has_min = q.dom.has_max = true;
	q.dom.min = INT64_MIN;
	q.dom.max = INT64_MAX;
	a.num = INT64_MIN;
	b.num = INT64_MAX;
	assert_float_equal(precedent_distance(&q, &a, &b), 1.0, 1e-9);
	a.num = -1;
	b.num = 1;
	assert_true(precedent_distance(&q, &a, &b) < 1e-12);
	assert_float_equal(precedent_distance(&q, &b, &b), 0.0, 1e-12);
}

static void
test_compare(void **state)
{
	struct kb		*kb = fx_kb_file("tests/kb/evidence.yaml");
	struct answers		 a;
	struct precedent_match	 m;
	double			 dl = log10(6.0) / 3;

	(void)state;
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=10m");
	fx_set(&a, kb, "skills=some");
	fx_set(&a, kb, "rt=true");
	/* p-slow answers latency 1h and skills strong (and uses, unasked). */
	precedent_compare(kb, a.v, 0, &m);
	assert_int_equal(m.compared, 2);
	assert_int_equal(m.answered, 3);
	assert_float_equal(m.similarity, 1 - (dl + 0.5) / 2, 1e-9);
	assert_float_equal(m.key, ((1 - dl) + 0.5) / 4, 1e-9);
	/* p-fast: latency 30s, skills some, rt true: three compared. */
	precedent_compare(kb, a.v, 1, &m);
	assert_int_equal(m.compared, 3);
	assert_float_equal(m.similarity, 1 - log10(20.0) / 3 / 3, 1e-9);
	/* p-mesh answers nothing that was asked. */
	precedent_compare(kb, a.v, 2, &m);
	assert_int_equal(m.compared, 0);
	assert_float_equal(m.similarity, 0, 1e-9);
	answers_free(&a);
	kb_free(kb);
}

static void
test_nearest(void **state)
{
	struct kb		*kb = fx_kb_file("tests/kb/evidence.yaml");
	struct answers		 a;
	struct precedent_match	 m[4];
	size_t			 n;

	(void)state;
	answers_init(&a, kb);
	/* Nothing answered: nothing to compare, nothing listed. */
	assert_int_equal(precedent_nearest(kb, a.v, -1, m, 4), 0);
	fx_set(&a, kb, "latency=10m");
	fx_set(&a, kb, "skills=some");
	fx_set(&a, kb, "rt=true");
	n = precedent_nearest(kb, a.v, -1, m, 4);
	/* p-fast (key 2.72/5) before p-slow (1.24/4); p-mesh, p-regret out. */
	assert_int_equal(n, 2);
	assert_int_equal(m[0].precedent, 1);
	assert_int_equal(m[1].precedent, 0);
	/* At most max, the best kept. */
	assert_int_equal(precedent_nearest(kb, a.v, -1, m, 1), 1);
	assert_int_equal(m[0].precedent, 1);
	/* Only those that chose a pattern. */
	n = precedent_nearest(kb, a.v, kb_pattern_index(kb, "batch"), m, 4);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].precedent, 0);
	/* A closer single answer does not beat three fair ones. */
	fx_set(&a, kb, "teams=10");
	n = precedent_nearest(kb, a.v, -1, m, 4);
	assert_int_equal(n, 4);
	assert_int_equal(m[0].precedent, 1);
	answers_free(&a);
	kb_free(kb);
}

static void
test_agreement(void **state)
{
	struct kb			*kb = fx_kb_file("tests/kb/evidence.yaml");
	struct ranking			*r = ranking_new(kb);
	struct precedent_agreement	 ag;

	(void)state;
	/* p-slow: latency 1h is not > 1h; uses a gives batch +1: first. */
	precedent_agreement(kb, 0, r, &ag);
	assert_true(ag.first);
	assert_true(ag.top2);
	assert_int_equal(ag.place, 1);
	/* p-fast: stream 3+1+1, batch vetoed. */
	precedent_agreement(kb, 1, r, &ag);
	assert_true(ag.first);
	assert_int_equal(ag.processing, kb_pattern_index(kb, "stream"));
	/* p-mesh: mesh +3, score 81.8 >= 60: recommended. */
	precedent_agreement(kb, 2, r, &ag);
	assert_true(ag.first);
	assert_int_equal(ag.organization, kb_pattern_index(kb, "mesh"));
	/* p-regret: the engine does not recommend what was regretted. */
	precedent_agreement(kb, 3, r, &ag);
	assert_true(ag.first);
	assert_true(ag.top2);
	assert_int_equal(ag.organization, -1);
	/* Precedents never change a score: ranking p-mesh's answers. */
	engine_rank(kb, kb->precedents[2].answers, r);
	assert_float_equal(r->scores[2].evidence, 3.0, 1e-9);
	ranking_free(r);
	kb_free(kb);
}

static void
test_loaded_fields(void **state)
{
	struct kb		*kb = fx_kb_file("tests/kb/evidence.yaml");
	const struct pattern	*p = &kb->patterns[0];

	(void)state;
	assert_string_equal(kb->reviewed, "2026-11-01");
	assert_string_equal(p->reviewed, "2026-10-01");
	assert_int_equal(p->tools.n, 2);
	assert_string_equal(p->tools.items[1], "oldsched");
	assert_string_equal(p->tool_deprecated.items[0], "");
	assert_string_equal(p->tool_deprecated.items[1],
	    "no longer maintained");
	assert_int_equal(kb->nprecedents, 4);
	assert_true(kb->precedents[0].inferred[kb_question_index(kb,
	    "skills")]);
	assert_false(kb->precedents[0].inferred[kb_question_index(kb,
	    "latency")]);
	assert_int_equal(kb->precedents[1].moved_from,
	    kb_pattern_index(kb, "batch"));
	assert_true(kb->precedents[3].regretted);
	kb_free(kb);
}

/* Loads the evidence KB with one precedent appended; returns the errors. */
static char *
load_bad(const char *extra)
{
	static char		 out[2048];
	struct kb_source	 src[2];
	struct kb		*kb;
	struct diag		 d;
	char			*base;
	size_t			 i, n = 0;

	base = fx_slurp("tests/kb/evidence.yaml");
	src[0].name = "evidence.yaml";
	src[0].data = base;
	src[0].len = strlen(base);
	src[1].name = "extra.yaml";
	src[1].data = extra;
	src[1].len = strlen(extra);
	diag_init(&d);
	assert_int_equal(kb_load_sources(src, 2, &kb, &d), LOAD_BAD_DATA);
	out[0] = '\0';
	for (i = 0; i < d.n; i++)
		n += (size_t)snprintf(out + n, n < sizeof out ? sizeof out - n :
		    0, "%s:%d:%d: %s\n", d.items[i].file ? d.items[i].file :
		    "", d.items[i].line, d.items[i].col, d.items[i].msg);
	diag_free(&d);
	free(base);
	return (out);
}

#define CASE(fields) \
	"precedents:\n  - id: x\n    organisation: X\n    year: 2020\n" \
	"    source: {title: T, url: 'https://example.org/x'}\n" fields

static void
test_load_errors(void **state)
{
	(void)state;
	assert_non_null(strstr(load_bad(CASE("    chose: kappa\n"
	    "    outcome: o\n    situation: {latency: 1h}\n")),
	    "extra.yaml:6:12: unknown pattern 'kappa'"));
	assert_non_null(strstr(load_bad(CASE("    chose: batch\n"
	    "    outcome: o\n    situation: {latency: fast}\n")),
	    "extra.yaml:8:26: latency:"));
	assert_non_null(strstr(load_bad(CASE("    chose: batch\n"
	    "    outcome: o\n    situation: {latency: 1h}\n"
	    "    inferred: [skills]\n")), "'skills' is inferred but the "
	    "situation does not answer it"));
	assert_non_null(strstr(load_bad(CASE("    chose: batch\n"
	    "    outcome: o\n    situation: {}\n")), "at least one"));
	assert_non_null(strstr(load_bad(CASE("    chose: batch\n"
	    "    moved_from: batch\n    outcome: o\n"
	    "    situation: {rt: true}\n")), "is the pattern it chose"));
	assert_non_null(strstr(load_bad(CASE("    chose: batch\n"
	    "    outcome: o\n    situation: {rt: true}\n"
	    "    reviewed: 2026-02-30\n")), "'reviewed' must be a date"));
	assert_non_null(strstr(load_bad("precedents:\n  - id: x\n"
	    "    organisation: X\n    year: 2020\n    source: {title: T, "
	    "url: example.org}\n    chose: batch\n    outcome: o\n"
	    "    situation: {rt: true}\n"), "must be a web address"));
	assert_non_null(strstr(load_bad(CASE("    chose: batch\n"
	    "    outcome: o\n    situation: {rt: true}\n    when: x\n")),
	    "unknown key 'when' in precedent"));
	assert_non_null(strstr(load_bad("patterns:\n  - id: z\n    name: Z\n"
	    "    kind: processing\n    summary: s\n"
	    "    tools: [{name: a, since: 2}]\n"), "unknown key 'since' in "
	    "tool"));
}

/* One precedent with that id, as a list item. */
static void
add_case(char *buf, size_t bufsz, const char *id)
{
	size_t	n = strlen(buf);

	snprintf(buf + n, bufsz - n, "  - id: %s\n    organisation: X\n"
	    "    year: 2020\n    source: {title: T, url: 'https://e.org/x'}\n"
	    "    chose: batch\n    outcome: o\n    situation: {rt: true}\n",
	    id);
}

/*
 * An id used twice is an error at its second place that names the first,
 * whether the first is in another file or many cases earlier in the same.
 */
static void
test_duplicate_ids(void **state)
{
	static char	buf[32768];
	char		id[32];
	int		i;

	(void)state;
	snprintf(buf, sizeof buf, "precedents:\n");
	add_case(buf, sizeof buf, "p-fast");
	assert_non_null(strstr(load_bad(buf), "extra.yaml:2:9: duplicate "
	    "precedent id 'p-fast' (first defined at evidence.yaml:40:5)"));
	snprintf(buf, sizeof buf, "precedents:\n");
	for (i = 0; i < 100; i++) {
		snprintf(id, sizeof id, "case-%d", i);
		add_case(buf, sizeof buf, id);
	}
	add_case(buf, sizeof buf, "case-37");
	assert_non_null(strstr(load_bad(buf), "extra.yaml:702:9: duplicate "
	    "precedent id 'case-37' (first defined at extra.yaml:261:5)"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distances),
		cmocka_unit_test(test_distance_wide_range),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_nearest),
		cmocka_unit_test(test_agreement),
		cmocka_unit_test(test_loaded_fields),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_duplicate_ids),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
