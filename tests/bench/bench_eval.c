/*
 * bench_eval: evaluation only, on answers already in memory. Loads a
 * knowledge base (the stock one, or RULES), checks that the engine and the
 * generated floor (floor.h) agree on every one of CHECK random answer sets,
 * then times engine_rank and floor_rank over the same NSETS answer sets.
 * Prints "rules N engine NS floor NS checked N", nanoseconds per scenario,
 * each the median of RUNS runs of about 0.1 s, the two interleaved so that
 * a busy machine slows both alike.
 *
 * usage: bench_eval [RULES]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "engine.h"
#include "floor.h"
#include "kb_load.h"
#include "randval.h"
#include "xmalloc.h"

#define NSETS	4096
#define CHECK	20000000	/* answer sets checked, times 1/rules */
#define RUNS	7
#define RUN_NS	100000000.0	/* about 0.1 s a run */

static double
now_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1e9 + (double)ts.tv_nsec);
}

static int
dcmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

static double
median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, dcmp);
	return (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

/* Keeps results alive so the compiler cannot drop the work. */
static volatile double	sink;

static double
time_engine(const struct kb *kb, const struct value *sets, struct ranking *r,
    long reps)
{
	double	t0, acc = 0;
	long	k;
	size_t	i;

	t0 = now_ns();
	for (k = 0; k < reps; k++)
		for (i = 0; i < NSETS; i++) {
			engine_rank(kb, sets + i * kb->nquestions, r);
			acc += r->margin + (double)r->order[0];
		}
	sink = acc;
	return ((now_ns() - t0) / ((double)reps * NSETS));
}

static double
time_floor(const struct kb *kb, const struct value *sets, long reps)
{
	struct floor_result	res;
	double			t0, acc = 0;
	long			k;
	size_t			i;

	t0 = now_ns();
	for (k = 0; k < reps; k++)
		for (i = 0; i < NSETS; i++) {
			floor_rank(sets + i * kb->nquestions, &res);
			acc += res.margin + (double)res.top;
		}
	sink = acc;
	return ((now_ns() - t0) / ((double)reps * NSETS));
}

/* The engine and the floor must say the same; returns the mismatches. */
static long
agree(const struct kb *kb, struct ranking *r, long n)
{
	struct floor_result	 res;
	struct value		*v;
	long			 bad = 0, i;
	size_t			 p;

	v = xcalloc(kb->nquestions, sizeof *v);
	for (i = 0; i < n; i++) {
		random_answers(kb, uniform(), v);
		engine_rank(kb, v, r);
		floor_rank(v, &res);
		if ((int)r->order[0] != res.top ||
		    r->processing != res.processing ||
		    r->organization != res.organization ||
		    fabs(r->margin - res.margin) > 1e-9) {
			bad++;
			continue;
		}
		for (p = 0; p < kb->npatterns; p++)
			if (fabs(r->scores[p].score - res.score[p]) > 1e-9 ||
			    r->scores[p].vetoed != (res.vetoed[p] != 0)) {
				bad++;
				break;
			}
	}
	free(v);
	return (bad);
}

int
main(int argc, char **argv)
{
	struct kb		*kb = NULL;
	struct ranking		*r;
	struct value		*sets;
	struct diag		 d;
	enum load_status	 st;
	double			 te[RUNS], tf[RUNS], per;
	long			 reps, bad, ncheck;
	size_t			 i;

	diag_init(&d);
	st = argc > 1 ? kb_load_path(argv[1], &kb, &d) : kb_load_stock(&kb,
	    &d);
	if (st != LOAD_OK) {
		diag_print(stderr, &d);
		return (1);
	}
	diag_free(&d);
	if (kb->npatterns != floor_npatterns) {
		fprintf(stderr, "bench_eval: the floor was generated for "
		    "another knowledge base\n");
		return (1);
	}
	r = ranking_new(kb);
	r->sort_reasons = false;	/* as batch ranks */
	rng_seed(42);
	ncheck = CHECK / ((long)kb->nrules + 1);
	if (ncheck > 200000)
		ncheck = 200000;
	if (ncheck < 1000)
		ncheck = 1000;
	if ((bad = agree(kb, r, ncheck)) != 0) {
		fprintf(stderr, "bench_eval: engine and floor disagree on %ld "
		    "of %ld answer sets\n", bad, ncheck);
		return (1);
	}
	sets = xcalloc((size_t)NSETS * kb->nquestions, sizeof *sets);
	for (i = 0; i < NSETS; i++)
		random_answers(kb, 0.7, sets + i * kb->nquestions);

	/* Size the runs from a short trial, then warm up once. */
	per = time_engine(kb, sets, r, 1);
	reps = (long)(RUN_NS / (per * NSETS)) + 1;
	time_engine(kb, sets, r, reps);
	for (i = 0; i < RUNS; i++) {
		te[i] = time_engine(kb, sets, r, reps);
		tf[i] = time_floor(kb, sets, reps);
	}
	printf("rules %zu engine %.1f floor %.1f checked %ld\n", kb->nrules,
	    median(te, RUNS), median(tf, RUNS), ncheck);
	free(sets);
	ranking_free(r);
	kb_free(kb);
	return (0);
}
