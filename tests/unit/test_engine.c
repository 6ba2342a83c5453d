/*
 * test_engine: rankings computed by hand on tests/kb/mini.yaml (scale 2, so
 * score = 100 / (1 + exp(-evidence / 2))), vetoes, ties, recommendations.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "engine.h"
#include "fixtures.h"
#include "kb_load.h"

struct fixture {
	struct kb	*kb;
	struct answers	 a;
	struct ranking	*r;
};

static int
setup(void **state)
{
	static struct fixture	f;

	f.kb = fx_kb_file("tests/kb/mini.yaml");
	answers_init(&f.a, f.kb);
	f.r = ranking_new(f.kb);
	*state = &f;
	return (0);
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;

	ranking_free(f->r);
	answers_free(&f->a);
	kb_free(f->kb);
	return (0);
}

static void
rank(struct fixture *f, const char *const *sets)
{
	answers_free(&f->a);
	answers_init(&f->a, f->kb);
	fx_set_all(&f->a, f->kb, sets);
	engine_rank(f->kb, f->a.v, f->r);
}

static const char *
nth(struct fixture *f, size_t i)
{
	return (f->kb->patterns[f->r->order[i]].id);
}

static const struct pattern_score *
score_of(struct fixture *f, const char *id)
{
	return (&f->r->scores[kb_pattern_index(f->kb, id)]);
}

/* 2h and high cost: batch +2 +1 = 3, stream -2, mesh 0. */
static void
test_slow_and_cheap(void **state)
{
	static const char *const sets[] = { "latency=2h", "cost=high", NULL };
	struct fixture	*f = *state;

	rank(f, sets);
	assert_string_equal(nth(f, 0), "batch");
	assert_string_equal(nth(f, 1), "mesh");
	assert_string_equal(nth(f, 2), "stream");
	assert_float_equal(score_of(f, "batch")->score, 81.757, 0.001);
	assert_float_equal(score_of(f, "stream")->score, 26.894, 0.001);
	assert_float_equal(score_of(f, "mesh")->score, 50.0, 1e-9);
	assert_int_equal(score_of(f, "batch")->fit, FIT_STRONG);
	assert_int_equal(score_of(f, "stream")->fit, FIT_WEAK);
	assert_int_equal(score_of(f, "batch")->nreasons, 2);
	assert_string_equal(f->kb->rules[score_of(f, "batch")->reasons[0].rule]
	    .id, "slow");
	assert_int_equal(f->r->processing, kb_pattern_index(f->kb, "batch"));
	assert_int_equal(f->r->organization, -1);
	assert_float_equal(f->r->margin, 81.757 - 26.894, 0.002);
}

/* 30s, strong skills, iot: stream 3+1+2 = 6, batch vetoed, mesh unknown. */
static void
test_fast_vetoes_batch(void **state)
{
	static const char *const sets[] = { "latency=30s", "skills=strong",
	    "uses=iot", NULL };
	struct fixture			*f = *state;
	const struct pattern_score	*b;

	rank(f, sets);
	assert_string_equal(nth(f, 0), "stream");
	assert_string_equal(nth(f, 1), "mesh");
	assert_string_equal(nth(f, 2), "batch");
	assert_float_equal(score_of(f, "stream")->score, 95.257, 0.001);
	b = score_of(f, "batch");
	assert_true(b->vetoed);
	assert_float_equal(b->score, 0.0, 1e-9);
	assert_int_equal(b->fit, FIT_RULED_OUT);
	assert_int_equal(b->nvetoes, 1);
	assert_float_equal(f->r->margin, 95.257, 0.001);
	/* "big and ..." reads unanswered questions: unknown, not fired. */
	assert_int_equal(f->r->conditions[kb_rule_index(f->kb, "many")],
	    TV_UNKNOWN);
}

/* Nothing answered: every score 50, ties broken by knowledge-base order. */
static void
test_nothing_answered(void **state)
{
	static const char *const sets[] = { NULL };
	struct fixture	*f = *state;
	size_t		 i;

	rank(f, sets);
	for (i = 0; i < f->r->npatterns; i++) {
		assert_int_equal(f->r->order[i], i);
		assert_float_equal(f->r->scores[i].score, 50.0, 1e-9);
		assert_int_equal(f->r->scores[i].fit, FIT_FAIR);
	}
	assert_int_equal(f->r->processing, 0);
	assert_float_equal(f->r->margin, 0.0, 1e-9);
}

/* big, no skills, 12 teams: F or T fires mesh (+2 -> 73.1 >= 60). */
static void
test_mesh_recommended(void **state)
{
	static const char *const sets[] = { "big=true", "skills=none",
	    "teams=12", NULL };
	struct fixture	*f = *state;

	rank(f, sets);
	assert_string_equal(nth(f, 0), "mesh");
	assert_float_equal(score_of(f, "mesh")->score, 73.106, 0.001);
	assert_int_equal(f->r->organization, kb_pattern_index(f->kb, "mesh"));
	assert_int_equal(f->r->processing, kb_pattern_index(f->kb, "batch"));
}

/* Exactly 1h is not "> 1h"; some skill and high cost: batch 1, stream -1. */
static void
test_boundary_and_mixed(void **state)
{
	static const char *const sets[] = { "latency=1h", "cost=high",
	    "skills=some", NULL };
	struct fixture	*f = *state;

	rank(f, sets);
	assert_int_equal(f->r->conditions[kb_rule_index(f->kb, "slow")],
	    TV_FALSE);
	assert_float_equal(score_of(f, "batch")->score, 62.246, 0.001);
	assert_float_equal(score_of(f, "stream")->score, 37.754, 0.001);
	assert_string_equal(nth(f, 0), "batch");
	assert_string_equal(nth(f, 1), "mesh");
	assert_int_equal(score_of(f, "batch")->fit, FIT_GOOD);
	assert_int_equal(score_of(f, "stream")->fit, FIT_WEAK);
}

/* big with unknown skills and few teams: U or F = U, mesh not moved. */
static void
test_unknown_does_not_fire(void **state)
{
	static const char *const sets[] = { "big=true", "teams=5", NULL };
	struct fixture	*f = *state;

	rank(f, sets);
	assert_int_equal(f->r->conditions[kb_rule_index(f->kb, "many")],
	    TV_UNKNOWN);
	assert_float_equal(score_of(f, "mesh")->score, 50.0, 1e-9);
	assert_int_equal(f->r->organization, -1);
}

static void
test_score_curve(void **state)
{
	(void)state;
	assert_float_equal(engine_score(0, 4), 50.0, 1e-9);
	assert_float_equal(engine_score(4, 4), 73.106, 0.001);
	assert_float_equal(engine_score(-4, 4), 26.894, 0.001);
	assert_int_equal(engine_fit(75.0, false), FIT_STRONG);
	assert_int_equal(engine_fit(74.9, false), FIT_GOOD);
	assert_int_equal(engine_fit(40.0, false), FIT_FAIR);
	assert_int_equal(engine_fit(39.9, false), FIT_WEAK);
	assert_int_equal(engine_fit(99.0, true), FIT_RULED_OUT);
	assert_string_equal(fit_name(FIT_RULED_OUT), "ruled out");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slow_and_cheap),
		cmocka_unit_test(test_fast_vetoes_batch),
		cmocka_unit_test(test_nothing_answered),
		cmocka_unit_test(test_mesh_recommended),
		cmocka_unit_test(test_boundary_and_mixed),
		cmocka_unit_test(test_unknown_does_not_fire),
		cmocka_unit_test(test_score_curve),
	};

	return (cmocka_run_group_tests_name("engine", tests, setup,
	    teardown));
}
