/*
 * test_properties: properties of the stock knowledge base that must hold
 * for every scenario, checked over many generated answer sets (a fixed-seed
 * generator, so a failure reproduces). Each property changes one answer in
 * one direction and checks that a score moves only the way an architect
 * expects:
 *   - a stricter latency never raises batch's score;
 *   - more streaming skill never lowers streaming or kappa;
 *   - more domains, or a central bottleneck, never lowers data mesh;
 *   - higher cost pressure never raises lambda;
 *   - unknown answers never veto anything (forgetting an answer never adds
 *     a veto, and nothing answered vetoes nothing).
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

#define NSETS 4000

static struct kb	*kb;
static struct ranking	*rk;
static uint64_t		 rng = 0x9E3779B97F4A7C15ULL;

static int64_t
pick(const int64_t *v, size_t n)
{
	return (v[fx_random(&rng) % n]);
}

/* Durations and sizes near every threshold the rules use. */
static const int64_t durations[] = { 1, 10, 30, 59, 60, 120, 299, 300, 600,
    900, 901, 1799, 1800, 3599, 3600, 3601, 7200, 14400, 86399, 86400,
    172800, 604800 };
static const int64_t sizes[] = { 100000000LL, 999999999999LL,
    1000000000000LL, 5000000000000LL, 9999999999999LL, 10000000000000LL,
    50000000000000LL, 99999999999999LL, 100000000000000LL,
    1000000000000000LL, 5000000000000000LL };

/* A value for question q: known with probability 3/4. */
static struct value
random_value(const struct question *q)
{
	struct value	v = value_unknown();
	int64_t		lo, hi;

	if (fx_random(&rng) % 4 == 0)
		return (v);
	v.known = true;
	switch (q->dom.type) {
	case VAL_DURATION:
		v.num = pick(durations, sizeof durations / sizeof durations[0]);
		break;
	case VAL_SIZE:
		v.num = pick(sizes, sizeof sizes / sizeof sizes[0]);
		break;
	case VAL_INT:
		lo = q->dom.has_min ? q->dom.min : 0;
		hi = q->dom.has_max ? q->dom.max : lo + 60;
		v.num = lo + (int64_t)(fx_random(&rng) % (uint64_t)(hi - lo + 1));
		break;
	case VAL_BOOL:
		v.num = (int64_t)(fx_random(&rng) % 2);
		break;
	case VAL_LEVEL:
		v.num = (int64_t)(fx_random(&rng) % q->dom.nnames);
		break;
	case VAL_SET:
		v.bits = fx_random(&rng) & (((uint64_t)1 << q->dom.nnames) - 1);
		break;
	}
	return (v);
}

static void
random_answers(struct answers *a)
{
	size_t	i;

	for (i = 0; i < a->n; i++)
		a->v[i] = random_value(&kb->questions[i]);
}

static double
score(const struct answers *a, const char *pattern)
{
	const struct pattern_score	*s;

	/* Standing, not the displayed score: a stretched pattern's score is
	   held at other patterns' scores, which move for their own reasons. */
	engine_rank(kb, a->v, rk);
	s = &rk->scores[kb_pattern_index(kb, pattern)];
	return ((s->vetoed ? -1e9 : 0) + (s->stretched ? -1e6 : 0) +
	    s->evidence);
}

static int
setup(void **state)
{
	(void)state;
	kb = fx_kb_stock();
	rk = ranking_new(kb);
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	ranking_free(rk);
	kb_free(kb);
	return (0);
}

/*
 * For NSETS random scenarios with question qid answered, compares the score
 * of pattern before and after moving the answer one step "up" (to a value
 * drawn above it); rising says whether the score may only rise (1) or only
 * fall (-1) when the answer goes up.
 */
static void
check_monotone(const char *qid, const char *pattern, int rising)
{
	struct answers	 a;
	const struct question *q;
	struct value	 lo, hi;
	double		 s_lo, s_hi;
	int		 qi, n;

	qi = kb_question_index(kb, qid);
	assert_true(qi >= 0);
	q = &kb->questions[qi];
	answers_init(&a, kb);
	for (n = 0; n < NSETS; n++) {
		random_answers(&a);
		do {
			lo = random_value(q);
			hi = random_value(q);
		} while (!lo.known || !hi.known || lo.num >= hi.num);
		a.v[qi] = lo;
		s_lo = score(&a, pattern);
		a.v[qi] = hi;
		s_hi = score(&a, pattern);
		if ((rising > 0 && s_hi < s_lo) || (rising < 0 && s_hi > s_lo))
			fail_msg("%s: %s %lld -> %lld moved %s from %.2f to "
			    "%.2f", pattern, qid, (long long)lo.num,
			    (long long)hi.num, pattern, s_lo, s_hi);
	}
	answers_free(&a);
}

static void
test_stricter_latency_never_raises_batch(void **state)
{
	(void)state;
	/* A longer acceptable latency never lowers batch. */
	check_monotone("latency", "batch", 1);
}

static void
test_more_streaming_skill(void **state)
{
	(void)state;
	check_monotone("streaming_skills", "streaming", 1);
	check_monotone("streaming_skills", "kappa", 1);
}

static void
test_more_domains_or_bottleneck(void **state)
{
	(void)state;
	check_monotone("domains", "data_mesh", 1);
	check_monotone("central_bottleneck", "data_mesh", 1);
}

static void
test_cost_pressure_never_raises_lambda(void **state)
{
	(void)state;
	check_monotone("cost_priority", "lambda", -1);
}

static void
test_unknown_never_vetoes(void **state)
{
	struct answers	a;
	bool		vetoed[64];
	size_t		p, qi;
	int		n;

	(void)state;
	assert_true(kb->npatterns <= 64);
	answers_init(&a, kb);
	engine_rank(kb, a.v, rk);
	for (p = 0; p < kb->npatterns; p++)
		assert_false(rk->scores[p].vetoed);
	for (n = 0; n < NSETS; n++) {
		random_answers(&a);
		engine_rank(kb, a.v, rk);
		for (p = 0; p < kb->npatterns; p++)
			vetoed[p] = rk->scores[p].vetoed;
		qi = fx_random(&rng) % kb->nquestions;
		a.v[qi] = value_unknown();
		engine_rank(kb, a.v, rk);
		for (p = 0; p < kb->npatterns; p++)
			if (rk->scores[p].vetoed && !vetoed[p])
				fail_msg("forgetting %s vetoed %s",
				    kb->questions[qi].id, kb->patterns[p].id);
	}
	answers_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stricter_latency_never_raises_batch),
		cmocka_unit_test(test_more_streaming_skill),
		cmocka_unit_test(test_more_domains_or_bottleneck),
		cmocka_unit_test(test_cost_pressure_never_raises_lambda),
		cmocka_unit_test(test_unknown_never_vetoes),
	};

	return (cmocka_run_group_tests_name("properties of the stock "
	    "knowledge base", tests, setup, teardown));
}
