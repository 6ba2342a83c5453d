/*
 * test_whatif: sensitivity thresholds found exactly, robustness at and
 * below 100%, and the next-question ranking, on small constructed
 * knowledge bases.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "engine.h"
#include "fixtures.h"
#include "kb_load.h"
#include "whatif.h"

static const char base[] =
    "knowledge_base: {name: t, version: '1'}\n"
    "questions:\n"
    "  - {id: latency, prompt: L, type: duration}\n"
    "  - {id: volume, prompt: V, type: size}\n"
    "  - {id: skills, prompt: S, type: level, values: [none, some, strong]}\n"
    "  - {id: rt, prompt: R, type: bool}\n"
    "  - {id: uses, prompt: U, type: set, values: [iot, etl, bi]}\n"
    "  - {id: teams, prompt: T, type: integer, range: [1, 100]}\n"
    "patterns:\n"
    "  - {id: a, name: A, kind: processing, summary: a}\n"
    "  - {id: b, name: B, kind: processing, summary: b}\n"
    "  - {id: m, name: M, kind: organization, summary: m}\n"
    "rules:\n";

static struct kb *
load(const char *rules)
{
	char	text[4096];

	snprintf(text, sizeof text, "%s%s", base, rules);
	return (fx_kb_text("test.yaml", text));
}

static const struct sensitivity *
sens_of(const struct whatif *w, const struct kb *kb, const char *q)
{
	size_t	i;

	for (i = 0; i < w->nsens; i++)
		if (w->sens[i].question == (size_t)kb_question_index(kb, q))
			return (&w->sens[i]);
	return (NULL);
}

/* "latency > 1h" switches at 1h plus one second, not at a grid point. */
static void
test_threshold_exact(void **state)
{
	struct kb			*kb;
	struct answers			 a;
	struct whatif			 w;
	const struct sensitivity	*s;

	(void)state;
	kb = load("  - {id: slow, when: latency > 1h, effects: {b: 2}, "
	    "why: w, source: s}\n");
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=10m");
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(w.processing, 0);
	s = sens_of(&w, kb, "latency");
	assert_non_null(s);
	assert_int_equal(s->to.num, 3601);
	assert_int_equal(s->processing, 1);
	whatif_free(&w);

	/* From above, the nearest change is exactly at 1h. */
	fx_set(&a, kb, "latency=1d");
	whatif_analyse(kb, a.v, &w);
	s = sens_of(&w, kb, "latency");
	assert_non_null(s);
	assert_int_equal(s->to.num, 3600);
	assert_int_equal(s->processing, 0);
	whatif_free(&w);
	answers_free(&a);
	kb_free(kb);
}

/* Sizes, integers and levels; an answer no rule can flip has no entry. */
static void
test_other_types(void **state)
{
	struct kb			*kb;
	struct answers			 a;
	struct whatif			 w;
	const struct sensitivity	*s;

	(void)state;
	kb = load(
	    "  - {id: big, when: volume >= 2TB, effects: {b: 2}, why: w, "
	    "source: s}\n"
	    "  - {id: many, when: teams >= 10, effects: {m: 3}, why: w, "
	    "source: s}\n"
	    "  - {id: sk, when: skills <= some, effects: {a: 1}, why: w, "
	    "source: s}\n");
	answers_init(&a, kb);
	fx_set(&a, kb, "volume=500GB");
	fx_set(&a, kb, "teams=3");
	fx_set(&a, kb, "skills=some");
	whatif_analyse(kb, a.v, &w);
	/* a has +1 from skills; b needs volume >= 2TB to overtake it. */
	assert_int_equal(w.processing, 0);
	s = sens_of(&w, kb, "volume");
	assert_non_null(s);
	assert_int_equal(s->to.num, 2000000000000LL);
	/* At teams = 10 the organisation becomes m. */
	s = sens_of(&w, kb, "teams");
	assert_non_null(s);
	assert_int_equal(s->to.num, 10);
	assert_int_equal(s->organization, 2);
	/* skills=strong drops a's +1: a and b tie, a stays first. */
	assert_null(sens_of(&w, kb, "skills"));
	whatif_free(&w);
	answers_free(&a);
	kb_free(kb);
}

/* A winner no open answer can overtake holds in 100% of the ways. */
static void
test_robust_100(void **state)
{
	struct kb	*kb;
	struct answers	 a;
	struct whatif	 w;

	(void)state;
	kb = load(
	    "  - {id: fast, when: latency < 5m, effects: {a: 5}, why: w, "
	    "source: s}\n"
	    "  - {id: rt, when: rt, effects: {b: 2}, why: w, source: s}\n"
	    "  - {id: iot, when: uses contains iot, effects: {b: 2}, why: w, "
	    "source: s}\n");
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=1m");
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(w.open, 5);
	assert_true(w.exhaustive);
	assert_int_equal(w.ways, 4);	/* rt: 2 outcomes x uses: 2 */
	assert_float_equal(w.holds_pct, 100.0, 1e-9);
	whatif_free(&w);
	answers_free(&a);
	kb_free(kb);
}

/* b overtakes only when rt and iot are both true: 1 of 4 ways. */
static void
test_robust_below_100(void **state)
{
	struct kb	*kb;
	struct answers	 a;
	struct whatif	 w;

	(void)state;
	kb = load(
	    "  - {id: fast, when: latency < 5m, effects: {a: 3}, why: w, "
	    "source: s}\n"
	    "  - {id: rt, when: rt, effects: {b: 2}, why: w, source: s}\n"
	    "  - {id: iot, when: uses contains iot, effects: {b: 2}, why: w, "
	    "source: s}\n");
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=1m");
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(w.ways, 4);
	assert_float_equal(w.holds_pct, 75.0, 1e-9);
	whatif_free(&w);
	answers_free(&a);
	kb_free(kb);
}

/*
 * Only the organisation turns with the open answers: many teams make m
 * the organisation in half the ways, while a stays first in all of them.
 * The whole recommendation holds in 50%, the processing one in 100%.
 */
static void
test_processing_holds_apart(void **state)
{
	struct kb	*kb;
	struct answers	 a;
	struct whatif	 w;

	(void)state;
	kb = load(
	    "  - {id: fast, when: latency < 5m, effects: {a: 3}, why: w, "
	    "source: s}\n"
	    "  - {id: many, when: teams >= 10, effects: {m: 6}, why: w, "
	    "source: s}\n");
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=1m");
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(w.ways, 2);
	assert_float_equal(w.holds_pct, 50.0, 1e-9);
	assert_float_equal(w.processing_holds_pct, 100.0, 1e-9);
	whatif_free(&w);
	/* With no organisation rule, the two figures are one. */
	answers_free(&a);
	kb_free(kb);
	kb = load(
	    "  - {id: rt, when: rt, effects: {b: 2}, why: w, source: s}\n"
	    "  - {id: fast, when: latency < 5m, effects: {a: 1}, why: w, "
	    "source: s}\n");
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=1m");
	whatif_analyse(kb, a.v, &w);
	assert_float_equal(w.holds_pct, 50.0, 1e-9);
	assert_float_equal(w.processing_holds_pct, 50.0, 1e-9);
	whatif_free(&w);
	answers_free(&a);
	kb_free(kb);
}

/*
 * The one way in which b overtakes (rt and iot together) is declared
 * implausible: it is left out, and the result holds in every other way.
 */
static void
test_implausible_left_out(void **state)
{
	struct kb	*kb;
	struct answers	 a;
	struct whatif	 w;

	(void)state;
	kb = load(
	    "  - {id: fast, when: latency < 5m, effects: {a: 3}, why: w, "
	    "source: s}\n"
	    "  - {id: rt, when: rt, effects: {b: 2}, why: w, source: s}\n"
	    "  - {id: iot, when: uses contains iot, effects: {b: 2}, why: w, "
	    "source: s}\n"
	    "implausible:\n"
	    "  - {when: rt and uses contains iot, why: never both}\n");
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=1m");
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(w.ways, 3);
	assert_int_equal(w.implausible, 1);
	assert_float_equal(w.holds_pct, 100.0, 1e-9);
	whatif_free(&w);
	/* A combination the answers themselves make is not left out. */
	fx_set(&a, kb, "rt=true");
	fx_set(&a, kb, "uses=iot");
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(w.implausible, 0);
	whatif_free(&w);
	answers_free(&a);
	kb_free(kb);
}

/*
 * Neither rt nor iot changes the result alone, together they do: neither
 * may be called one that would not change it; a question no rule reads is.
 */
static void
test_changes_with_others(void **state)
{
	struct kb	*kb;
	struct answers	 a;
	struct whatif	 w;
	size_t		 i, seen = 0;

	(void)state;
	kb = load(
	    "  - {id: fast, when: latency < 5m, effects: {a: 3}, why: w, "
	    "source: s}\n"
	    "  - {id: rt, when: rt, effects: {b: 2}, why: w, source: s}\n"
	    "  - {id: iot, when: uses contains iot, effects: {b: 2}, why: w, "
	    "source: s}\n"
	    "  - {id: many, when: teams > 50, effects: {m: 1}, why: w, "
	    "source: s}\n");
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=1m");
	fx_set(&a, kb, "teams=10");
	whatif_analyse(kb, a.v, &w);
	for (i = 0; i < w.nnext; i++) {
		const char *id = kb->questions[w.next[i].question].id;

		if (strcmp(id, "rt") == 0 || strcmp(id, "uses") == 0) {
			assert_float_equal(w.next[i].change_share, 0, 1e-9);
			assert_true(w.next[i].jointly);
			seen++;
		} else
			assert_false(w.next[i].jointly);
	}
	assert_int_equal(seen, 2);
	whatif_free(&w);
	answers_free(&a);
	kb_free(kb);
}

/*
 * a and b within the close-call margin: the recommendation is a close
 * call, and the questions that would decide it are named.
 */
static void
test_close_call_deciding(void **state)
{
	struct kb	*kb;
	struct answers	 a;
	struct whatif	 w;
	struct ranking	*r;

	(void)state;
	kb = load(
	    "  - {id: fast, when: latency < 5m, effects: {a: 1}, why: w, "
	    "source: s}\n"
	    "  - {id: rt, when: rt, effects: {b: 1}, why: w, source: s}\n"
	    "  - {id: iot, when: uses contains iot, effects: {b: 2}, why: w, "
	    "source: s}\n"
	    "scoring: {close_call: 10}\n");
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=1m");
	fx_set(&a, kb, "rt=true");
	r = ranking_new(kb);
	engine_rank(kb, a.v, r);
	assert_true(r->close_call);
	whatif_analyse(kb, a.v, &w);
	assert_true(w.ndeciding >= 2);
	assert_string_equal(kb->questions[w.deciding[0]].id, "latency");
	whatif_free(&w);
	fx_set(&a, kb, "uses=iot");
	engine_rank(kb, a.v, r);
	assert_false(r->close_call);
	ranking_free(r);
	answers_free(&a);
	kb_free(kb);
}

/* The question that can flip the result alone is asked first. */
static void
test_next_question_order(void **state)
{
	struct kb	*kb;
	struct answers	 a;
	struct whatif	 w;

	(void)state;
	kb = load(
	    "  - {id: fast, when: latency < 5m, effects: {a: 1}, why: w, "
	    "source: s}\n"
	    "  - {id: rt, when: rt, effects: {b: 3}, why: w, source: s}\n"
	    "  - {id: iot, when: uses contains iot, effects: {a: 1}, why: w, "
	    "source: s}\n");
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=1m");
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(w.nnext, 5);
	assert_string_equal(kb->questions[w.next[0].question].id, "rt");
	assert_float_equal(w.next[0].change_share, 0.5, 1e-9);
	assert_string_equal(kb->questions[w.next[1].question].id, "uses");
	assert_float_equal(w.next[1].change_share, 0.0, 1e-9);
	assert_true(w.next[1].margin_change > 0);
	whatif_free(&w);
	answers_free(&a);
	kb_free(kb);
}

/* A question whose ask_if is false is not suggested nor counted open. */
static void
test_ask_if_respected(void **state)
{
	static const char text[] =
	    "knowledge_base: {name: t, version: '1'}\n"
	    "questions:\n"
	    "  - {id: latency, prompt: L, type: duration}\n"
	    "  - {id: rt, prompt: R, type: bool, ask_if: latency < 1h}\n"
	    "patterns:\n"
	    "  - {id: a, name: A, kind: processing, summary: a}\n"
	    "  - {id: b, name: B, kind: processing, summary: b}\n"
	    "rules:\n"
	    "  - {id: rt, when: rt, effects: {b: 2}, why: w, source: s}\n";
	struct kb_source	 src = { "t.yaml", text, sizeof text - 1 };
	struct diag		 d;
	struct kb		*kb = NULL;
	struct answers		 a;
	struct whatif		 w;

	(void)state;
	diag_init(&d);
	assert_int_equal(kb_load_sources(&src, 1, &kb, &d), LOAD_OK);
	diag_free(&d);
	answers_init(&a, kb);
	/* Unknown latency: the condition is unknown, so rt is still asked. */
	assert_true(kb_question_asked(kb, 1, a.v));
	fx_set(&a, kb, "latency=1d");
	assert_false(kb_question_asked(kb, 1, a.v));
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(w.open, 0);
	assert_int_equal(w.nnext, 0);
	assert_float_equal(w.holds_pct, 100.0, 1e-9);
	whatif_free(&w);
	fx_set(&a, kb, "latency=10m");
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(w.open, 1);
	assert_int_equal(w.nnext, 1);
	assert_float_equal(w.holds_pct, 50.0, 1e-9);
	whatif_free(&w);
	answers_free(&a);
	kb_free(kb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threshold_exact),
		cmocka_unit_test(test_other_types),
		cmocka_unit_test(test_robust_100),
		cmocka_unit_test(test_robust_below_100),
		cmocka_unit_test(test_next_question_order),
		cmocka_unit_test(test_ask_if_respected),
		cmocka_unit_test(test_implausible_left_out),
		cmocka_unit_test(test_processing_holds_apart),
		cmocka_unit_test(test_changes_with_others),
		cmocka_unit_test(test_close_call_deciding),
	};

	return (cmocka_run_group_tests_name("whatif", tests, NULL, NULL));
}
