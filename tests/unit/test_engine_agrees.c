/*
 * test_engine_agrees: the engine built on the compiled program says
 * exactly what a plain re-implementation of the scoring says, on the
 * awkward knowledge base of fixtures.h over answers near every threshold
 * and on the stock one over random answers; engine_rerank, which
 * re-tallies only what changed, ends where a full engine_rank does, also
 * past 64 patterns; and the fit bands. A fixed-seed generator, so a
 * failure reproduces.
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

#include "engine.h"
#include "expr_prog.h"
#include "fixtures.h"
#include "kb_load.h"
#include "xmalloc.h"

static uint64_t	rng = 0x2545F4914F6CDD1DULL;

/*
 * The engine against scoring written the obvious way: every rule through
 * expr_eval; weights summed, except that of the fired rules of one group
 * only the strongest counts for each pattern (the first in rule order among
 * equals); vetoes and stretches listed in rule order, reasons strongest
 * first (rule order among equals); patterns ordered by (vetoed, stretched,
 * evidence, kb order); a stretched pattern's score held at the score of the
 * last pattern of its kind before it that meets every requirement.
 */
struct plain_reason {
	size_t	rule;
	double	w;
};

static int
plain_reason_cmp(const void *a, const void *b)
{
	const struct plain_reason *x = a, *y = b;

	if (fabs(x->w) != fabs(y->w))
		return (fabs(x->w) > fabs(y->w) ? -1 : 1);
	return (x->rule < y->rule ? -1 : x->rule > y->rule);
}

static unsigned
plain_tier(bool vetoed, bool stretched)
{
	return (vetoed ? 2 : stretched ? 1 : 0);
}

static void
engine_agrees(const struct kb *kb, int n)
{
	const struct effect	*e;
	struct ranking		*r;
	struct value		*v;
	struct plain_reason	*rs, *best;
	double			*ev, floor[2], want;
	bool			*vetoed, *stretched;
	size_t			*nvetoes, *nstretches, i, j, p, q, g, place;
	size_t			 nrs, kind;
	enum tv			 t;
	int			 k;

	r = ranking_new(kb);
	v = xcalloc(kb->nquestions, sizeof *v);
	ev = xcalloc(kb->npatterns, sizeof *ev);
	vetoed = xcalloc(kb->npatterns, sizeof *vetoed);
	stretched = xcalloc(kb->npatterns, sizeof *stretched);
	nvetoes = xcalloc(kb->npatterns, sizeof *nvetoes);
	nstretches = xcalloc(kb->npatterns, sizeof *nstretches);
	rs = xcalloc(kb->nrules + 1, sizeof *rs);
	best = xcalloc(kb->groups.n + 1, sizeof *best);
	for (k = 0; k < n; k++) {
		for (i = 0; i < kb->nquestions; i++)
			v[i] = fx_random_value(&rng, &kb->questions[i]);
		engine_rank(kb, v, r);
		memset(vetoed, 0, kb->npatterns * sizeof *vetoed);
		memset(stretched, 0, kb->npatterns * sizeof *stretched);
		memset(nvetoes, 0, kb->npatterns * sizeof *nvetoes);
		memset(nstretches, 0, kb->npatterns * sizeof *nstretches);
		for (i = 0; i < kb->nrules; i++)
			assert_int_equal(r->conditions[i],
			    expr_eval(kb->rules[i].when, v));
		for (p = 0; p < kb->npatterns; p++) {
			nrs = 0;
			ev[p] = 0;
			for (g = 0; g <= kb->groups.n; g++)
				best[g].w = 0, best[g].rule = SIZE_MAX;
			for (i = 0; i < kb->nrules; i++) {
				t = r->conditions[i];
				for (j = 0; t == TV_TRUE &&
				    j < kb->rules[i].neffects; j++) {
					e = &kb->rules[i].effects[j];
					if (e->pattern != p)
						continue;
					if (e->veto) {
						vetoed[p] = true;
						assert_int_equal(r->scores[p].
						    vetoes[nvetoes[p]++], i);
					} else if (e->stretch) {
						stretched[p] = true;
						assert_int_equal(r->scores[p].
						    stretches[nstretches[p]++],
						    i);
					} else if ((g = kb->rules[i].group) ==
					    0) {
						rs[nrs].rule = i;
						rs[nrs++].w = e->weight;
					} else if (best[g].rule == SIZE_MAX ||
					    fabs(e->weight) > fabs(best[g].w)) {
						best[g].rule = i;
						best[g].w = e->weight;
					}
				}
			}
			for (g = 1; g <= kb->groups.n; g++)
				if (best[g].rule != SIZE_MAX)
					rs[nrs++] = best[g];
			qsort(rs, nrs, sizeof *rs, plain_reason_cmp);
			for (i = 0; i < nrs; i++)
				ev[p] += rs[i].w;
			assert_true(fabs(r->scores[p].evidence - ev[p]) <
			    1e-9);
			assert_int_equal(r->scores[p].nreasons, nrs);
			for (i = 0; i < nrs; i++) {
				assert_int_equal(r->scores[p].reasons[i].rule,
				    rs[i].rule);
				assert_true(r->scores[p].reasons[i].effect ==
				    rs[i].w);
			}
			if (vetoed[p])
				stretched[p] = false;
			assert_int_equal(r->scores[p].vetoed, vetoed[p]);
			assert_int_equal(r->scores[p].stretched,
			    stretched[p]);
			assert_int_equal(r->scores[p].nvetoes, nvetoes[p]);
			assert_int_equal(r->scores[p].nstretches,
			    nstretches[p]);
		}
		for (p = 0; p < kb->npatterns; p++) {
			place = 0;
			for (q = 0; q < kb->npatterns; q++)
				if (plain_tier(vetoed[q], stretched[q]) <
				    plain_tier(vetoed[p], stretched[p]) ||
				    (plain_tier(vetoed[q], stretched[q]) ==
				    plain_tier(vetoed[p], stretched[p]) &&
				    (r->scores[q].evidence >
				    r->scores[p].evidence ||
				    (r->scores[q].evidence ==
				    r->scores[p].evidence && q < p))))
					place++;
			assert_int_equal(r->order[place], p);
		}
		floor[0] = floor[1] = 100.0;
		for (i = 0; i < kb->npatterns; i++) {
			p = r->order[i];
			kind = kb->patterns[p].kind == PATTERN_PROCESSING ?
			    0 : 1;
			want = vetoed[p] ? 0.0 :
			    engine_score(r->scores[p].evidence, kb->scale);
			if (stretched[p] && want > floor[kind])
				want = floor[kind];
			else if (!vetoed[p] && !stretched[p])
				floor[kind] = want;
			assert_true(r->scores[p].score == want);
			assert_int_equal(r->scores[p].fit,
			    engine_fit(want, vetoed[p]));
		}
	}
	free(best);
	free(rs);
	free(nstretches);
	free(nvetoes);
	free(stretched);
	free(vetoed);
	free(ev);
	free(v);
	ranking_free(r);
}

static void
test_engine_awkward(void **state)
{
	struct kb	*kb = fx_kb_awkward();

	(void)state;
	engine_agrees(kb, 20000);
	kb_free(kb);
}

static void
test_engine_stock(void **state)
{
	struct kb	*kb = fx_kb_stock();

	(void)state;
	engine_agrees(kb, 20000);
	kb_free(kb);
}

/* Two rankings say exactly the same. */
static void
same_ranking(const struct kb *kb, const struct ranking *a,
    const struct ranking *b)
{
	const struct pattern_score	*x, *y;
	size_t				 i, p;

	for (i = 0; i < kb->nrules; i++)
		assert_int_equal(a->conditions[i], b->conditions[i]);
	for (p = 0; p < kb->npatterns; p++) {
		x = &a->scores[p];
		y = &b->scores[p];
		assert_true(x->evidence == y->evidence);
		assert_true(x->score == y->score);
		assert_int_equal(x->vetoed, y->vetoed);
		assert_int_equal(x->fit, y->fit);
		assert_int_equal(x->nreasons, y->nreasons);
		assert_int_equal(x->nvetoes, y->nvetoes);
		for (i = 0; i < x->nreasons; i++) {
			assert_int_equal(x->reasons[i].rule,
			    y->reasons[i].rule);
			assert_true(x->reasons[i].effect ==
			    y->reasons[i].effect);
		}
		for (i = 0; i < x->nvetoes; i++)
			assert_int_equal(x->vetoes[i], y->vetoes[i]);
		assert_int_equal(x->stretched, y->stretched);
		assert_int_equal(x->nstretches, y->nstretches);
		for (i = 0; i < x->nstretches; i++)
			assert_int_equal(x->stretches[i], y->stretches[i]);
		assert_int_equal(a->order[p], b->order[p]);
	}
	assert_int_equal(a->processing, b->processing);
	assert_int_equal(a->organization, b->organization);
	assert_true(a->margin == b->margin);
	assert_int_equal(a->runner_up, b->runner_up);
	assert_int_equal(a->close_call, b->close_call);
	assert_int_equal(a->org_settled, b->org_settled);
}

/*
 * engine_rerank after changing one answer, re-evaluating only the rules
 * that read it (as what-if analysis does), ends where a full engine_rank
 * of the same answers does; also as the first call on a new ranking.
 */
static void
rerank_agrees(const struct kb *kb, int n)
{
	struct ranking	*inc, *full;
	struct value	*v;
	size_t		*rules, nr, i, q;
	bool		*used;
	int		 k;

	inc = ranking_new(kb);
	full = ranking_new(kb);
	v = xcalloc(kb->nquestions, sizeof *v);
	rules = xcalloc(kb->nrules + 1, sizeof *rules);
	used = xcalloc(kb->nquestions, sizeof *used);
	for (i = 0; i < kb->nquestions; i++)
		v[i] = fx_random_value(&rng, &kb->questions[i]);
	for (i = 0; i < kb->nrules; i++)
		rules[i] = i;
	engine_rerank(kb, v, inc, rules, kb->nrules);
	engine_rank(kb, v, full);
	same_ranking(kb, inc, full);
	for (k = 0; k < n; k++) {
		q = fx_random(&rng) % kb->nquestions;
		v[q] = fx_random_value(&rng, &kb->questions[q]);
		for (i = nr = 0; i < kb->nrules; i++) {
			memset(used, 0, kb->nquestions * sizeof *used);
			expr_questions(kb->rules[i].when, used);
			if (used[q])
				rules[nr++] = i;
		}
		engine_rerank(kb, v, inc, rules, nr);
		engine_rank(kb, v, full);
		same_ranking(kb, inc, full);
	}
	free(used);
	free(rules);
	free(v);
	ranking_free(full);
	ranking_free(inc);
}

/*
 * More than 64 patterns: engine_rerank tracks the patterns to tally again
 * in a list instead of a 64-bit mask; it must still end where a full
 * engine_rank does.
 */
static struct kb *
load_many_patterns(void)
{
	struct kb_source	 src;
	struct kb		*kb = NULL;
	struct diag		 d;
	char			*text, *more;
	size_t			 i;

	text = xstrdup(fx_awkward_head);
	/* The awkward questions, 70 patterns instead of 4. */
	more = strstr(text, "patterns:\n");
	assert_non_null(more);
	*more = '\0';
	more = xasprintf("%spatterns:\n", text);
	free(text);
	text = more;
	for (i = 0; i < 70; i++) {
		more = xasprintf("%s  - {id: p%zu, name: P%zu, kind: %s, "
		    "summary: x}\n", text, i, i, i == 69 ? "organization" :
		    "processing");
		free(text);
		text = more;
	}
	more = xasprintf("%srules:\n", text);
	free(text);
	text = more;
	for (i = 0; i < 3 * fx_awkward_nconds; i++) {
		more = xasprintf("%s  - {id: r%zu, when: \"%s\", effects: "
		    "{p%zu: %d, p%zu: %d}%s%s, why: w, source: s}\n", text, i,
		    fx_awkward_conds[i % fx_awkward_nconds], (i * 7) % 70,
		    (int)(i % 7) - 3, (i * 13 + 5) % 70, (int)(i % 5) - 2,
		    i % 11 == 4 ? ", veto: [p3]" : "",
		    i % 9 == 2 ? ", stretch: [p8]" : "");
		free(text);
		text = more;
	}
	src.name = "many.yaml";
	src.data = text;
	src.len = strlen(text);
	diag_init(&d);
	if (kb_load_sources(&src, 1, &kb, &d) != LOAD_OK)
		diag_print(stderr, &d);
	diag_free(&d);
	free(text);
	assert_non_null(kb);
	assert_true(kb->npatterns > 64);
	return (kb);
}

static void
test_rerank_many_patterns(void **state)
{
	struct kb	*kb = load_many_patterns();

	(void)state;
	rerank_agrees(kb, 5000);
	engine_agrees(kb, 2000);
	kb_free(kb);
}

static void
test_rerank_awkward(void **state)
{
	struct kb	*kb = fx_kb_awkward();

	(void)state;
	rerank_agrees(kb, 20000);
	kb_free(kb);
}

static void
test_rerank_stock(void **state)
{
	struct kb	*kb = fx_kb_stock();

	(void)state;
	rerank_agrees(kb, 20000);
	kb_free(kb);
}

/* The fit bands, at and beside each boundary. */
static void
test_fit(void **state)
{
	(void)state;
	assert_int_equal(engine_fit(100, false), FIT_STRONG);
	assert_int_equal(engine_fit(75, false), FIT_STRONG);
	assert_int_equal(engine_fit(74.99, false), FIT_GOOD);
	assert_int_equal(engine_fit(60, false), FIT_GOOD);
	assert_int_equal(engine_fit(59.99, false), FIT_FAIR);
	assert_int_equal(engine_fit(40, false), FIT_FAIR);
	assert_int_equal(engine_fit(39.99, false), FIT_WEAK);
	assert_int_equal(engine_fit(0, false), FIT_WEAK);
	assert_int_equal(engine_fit(90, true), FIT_RULED_OUT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_engine_awkward),
		cmocka_unit_test(test_engine_stock),
		cmocka_unit_test(test_rerank_awkward),
		cmocka_unit_test(test_rerank_stock),
		cmocka_unit_test(test_rerank_many_patterns),
		cmocka_unit_test(test_fit),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
