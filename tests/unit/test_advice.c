/*
 * test_advice: the analysis object computes the parts a front end asks
 * for and nothing else, refreshes them on every update (as the TUI does
 * after each answer), and matches what the engine, the what-if analysis
 * and the precedents compute on their own; the agreement run counts every
 * case once. On tests/kb/evidence.yaml.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "advice.h"
#include "answers.h"
#include "fixtures.h"
#include "kb_load.h"

static int
driver_of(const struct advice *adv, const struct kb *kb, const char *q)
{
	size_t	i;

	for (i = 0; i < adv->ndrivers; i++)
		if ((int)adv->drivers[i].question == kb_question_index(kb, q))
			return ((int)i);
	return (-1);
}

static void
test_parts_asked_only(void **state)
{
	struct kb	*kb = fx_kb_file("tests/kb/evidence.yaml");
	struct answers	 a;
	struct advice	 adv;

	(void)state;
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=30s");
	advice_init(&adv, kb, 0, ADVICE_NPRECEDENTS);
	advice_update(&adv, a.v);
	assert_int_equal(adv.ranking->processing, kb_pattern_index(kb,
	    "stream"));
	assert_false(adv.has_whatif);
	assert_int_equal(adv.nprecedents, 0);
	assert_int_equal(adv.ndrivers, 0);
	advice_free(&adv);
	answers_free(&a);
	kb_free(kb);
}

/*
 * People are shown the processing patterns ranked, then the organisation
 * apart, even where the mesh's score would place it between them (mini:
 * Mesh at 50 above ruled-out Batch), and the list follows every update.
 */
static void
test_listed_by_kind(void **state)
{
	static const char *const sets[] = { "latency=30s", "skills=strong",
	    NULL };
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	struct advice	 adv;
	size_t		 stream = (size_t)kb_pattern_index(kb, "stream");
	size_t		 batch = (size_t)kb_pattern_index(kb, "batch");
	size_t		 mesh = (size_t)kb_pattern_index(kb, "mesh");

	(void)state;
	answers_init(&a, kb);
	fx_set_all(&a, kb, sets);
	advice_init(&adv, kb, 0, 0);
	advice_update(&adv, a.v);
	/* By score alone the mesh is second. */
	assert_int_equal(adv.ranking->order[1], mesh);
	assert_int_equal(adv.nprocessing, 2);
	assert_int_equal(adv.listed[0], stream);
	assert_int_equal(adv.listed[1], batch);
	assert_int_equal(adv.listed[2], mesh);
	/* Ruled out no more, Batch still comes before the mesh. */
	fx_set(&a, kb, "latency=1d");
	advice_update(&adv, a.v);
	assert_int_equal(adv.listed[0], batch);
	assert_int_equal(adv.listed[1], stream);
	assert_int_equal(adv.listed[2], mesh);
	advice_free(&adv);
	answers_free(&a);
	kb_free(kb);
}

static void
test_everything_and_refresh(void **state)
{
	struct kb		*kb = fx_kb_file("tests/kb/evidence.yaml");
	struct answers		 a;
	struct advice		 adv;
	struct precedent_match	 m[ADVICE_NPRECEDENTS + 1];
	struct whatif		 w;
	size_t			 n;
	int			 d;

	(void)state;
	answers_init(&a, kb);
	fx_set(&a, kb, "latency=30s");
	fx_set(&a, kb, "skills=some");
	advice_init(&adv, kb, ADVICE_ALL, ADVICE_NPRECEDENTS);
	advice_update(&adv, a.v);
	assert_true(adv.has_whatif);
	/* The same as each part computed on its own. */
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(adv.whatif.processing, w.processing);
	assert_int_equal(adv.whatif.nsens, w.nsens);
	assert_int_equal(adv.whatif.nnext, w.nnext);
	whatif_free(&w);
	n = precedent_nearest(kb, a.v, -1, m, ADVICE_NPRECEDENTS);
	assert_int_equal(adv.nprecedents, n);
	assert_true(n > 0);
	assert_string_equal(kb->precedents[adv.precedents[0].precedent].id,
	    "p-fast");
	/* latency vetoed batch: the most decisive driver. */
	assert_true(adv.ndrivers >= 2);
	assert_int_equal(driver_of(&adv, kb, "latency"), 0);
	assert_true(adv.drivers[0].nvetoes == 1);
	assert_true(driver_of(&adv, kb, "skills") > 0);
	assert_int_equal(driver_of(&adv, kb, "volume"), -1);

	/* After a change, every part follows (what the TUI relies on). */
	fx_set(&a, kb, "latency=1d");
	advice_update(&adv, a.v);
	assert_int_equal(adv.ranking->processing, kb_pattern_index(kb,
	    "batch"));
	assert_int_equal(adv.whatif.processing, kb_pattern_index(kb,
	    "batch"));
	assert_string_equal(kb->precedents[adv.precedents[0].precedent].id,
	    "p-slow");
	d = driver_of(&adv, kb, "latency");
	assert_true(d >= 0);
	assert_int_equal(adv.drivers[d].nvetoes, 0);
	assert_true(adv.drivers[d].effect[kb_pattern_index(kb, "batch")] >
	    0);
	advice_free(&adv);
	answers_free(&a);
	kb_free(kb);
}

static void
test_precedent_count(void **state)
{
	struct kb	*kb = fx_kb_file("tests/kb/evidence.yaml");
	struct answers	 a;
	struct advice	 adv;

	(void)state;
	answers_init(&a, kb);
	fx_set(&a, kb, "teams=10");
	fx_set(&a, kb, "latency=30s");
	fx_set(&a, kb, "skills=some");
	advice_init(&adv, kb, ADVICE_PRECEDENTS, 1);
	advice_update(&adv, a.v);
	assert_int_equal(adv.nprecedents, 1);
	advice_free(&adv);
	answers_free(&a);
	kb_free(kb);
}

static void
test_agreement_run(void **state)
{
	struct kb		*kb = fx_kb_file("tests/kb/evidence.yaml");
	struct agreement_run	 run;
	struct ranking		*r = ranking_new(kb);
	struct precedent_agreement ag;
	size_t			 i;

	(void)state;
	agreement_run(kb, &run);
	assert_int_equal(run.ncases, kb->nprecedents);
	assert_int_equal(run.sum.all.n, kb->nprecedents);
	for (i = 0; i < kb->nprecedents; i++) {
		precedent_agreement(kb, i, r, &ag);
		assert_int_equal(run.cases[i].place, ag.place);
		assert_int_equal(run.cases[i].first, ag.first);
	}
	assert_int_equal(run.sum.tuning.n + run.sum.check.n, run.sum.all.n);
	ranking_free(r);
	agreement_run_free(&run);
	kb_free(kb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parts_asked_only),
		cmocka_unit_test(test_listed_by_kind),
		cmocka_unit_test(test_everything_and_refresh),
		cmocka_unit_test(test_precedent_count),
		cmocka_unit_test(test_agreement_run),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
