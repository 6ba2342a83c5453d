/*
 * whatif: sensitivity, robustness and next questions (see whatif.h). The
 * candidate answers for a question come from the rules themselves: every
 * value a comparison could tell apart, and no others.
 */
#include "whatif.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "candidates.h"
#include "engine.h"
#include "expr.h"
#include "xmalloc.h"

/* The comparisons of every rule that read one question. */
struct qtests {
	struct expr_cmp	*cmp;
	size_t		 n, cap;
};

/* Rule indexes. */
struct rlist {
	size_t	*idx;
	size_t	 n;
};

struct ctx {
	const struct kb	*kb;
	struct qtests	*tests;		/* by question */
	struct rlist	*deps;		/* by question: the rules that read it */
	struct ranking	*r;
	struct value	*scratch;	/* answers being varied */
	double		 score;		/* the recommended pattern's score */
	bool		*jointly;	/* by question: changes the result in
					   some plausible way */
	bool		*given_implausible; /* by implausible combination:
					   already true of the answers given */
};

/* Does the completion in x->scratch make a new implausible combination? */
static bool
implausible(const struct ctx *x)
{
	size_t	i;

	for (i = 0; i < x->kb->nimplausible; i++)
		if (!x->given_implausible[i] &&
		    expr_eval(x->kb->implausible[i].when, x->scratch) ==
		    TV_TRUE)
			return (true);
	return (false);
}

/*
 * In the way in x->scratch (whose result is proc, org), tries every other
 * answer of each open question not yet known to matter.
 */
static void
try_each_other(struct ctx *x, const size_t *open, const size_t *digit,
    const struct candidates *c, size_t n, int proc, int org)
{
	size_t	i, a, q;

	for (i = 0; i < n; i++) {
		q = open[i];
		if (x->jointly[q])
			continue;
		for (a = 0; a < c[i].n && !x->jointly[q]; a++) {
			if (a == digit[i])
				continue;
			x->scratch[q] = c[i].v[a];
			if (implausible(x))
				continue;
			engine_rerank(x->kb, x->scratch, x->r, x->deps[q].idx,
			    x->deps[q].n);
			x->jointly[q] = x->r->processing != proc ||
			    x->r->organization != org;
		}
		x->scratch[q] = c[i].v[digit[i]];
		engine_rerank(x->kb, x->scratch, x->r, x->deps[q].idx,
		    x->deps[q].n);
	}
}

static void
collect(void *arg, const struct expr_cmp *c)
{
	struct ctx	*x = arg;
	struct qtests	*t = &x->tests[c->question];

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->cmp = xreallocarray(t->cmp, t->cap, sizeof *t->cmp);
	}
	t->cmp[t->n++] = *c;
}

/* Every answer of question q that some comparison tells apart. */
static void
candidates(const struct ctx *x, size_t q, struct candidates *out)
{
	candidates_for(&x->kb->questions[q], x->tests[q].cmp, x->tests[q].n,
	    out);
}

/* What the rules see of an answer: the truth of each comparison of q. */
static uint64_t
signature(const struct ctx *x, size_t q, const struct value *v)
{
	const struct qtests	*t = &x->tests[q];
	uint64_t		 sig = 0;
	size_t			 i;

	/* Past 64 comparisons of one question, outcomes may be merged. */
	for (i = 0; i < t->n; i++)
		if (expr_cmp_eval(&t->cmp[i], v) == TV_TRUE)
			sig |= (uint64_t)1 << (i % 64);
	return (sig);
}

/* Keeps one candidate per outcome the rules can tell apart. */
static void
distinct_outcomes(const struct ctx *x, size_t q, struct candidates *c)
{
	uint64_t	*sigs;
	size_t		 i, j, w = 0;

	sigs = xcalloc(c->n, sizeof *sigs);
	for (i = 0; i < c->n; i++) {
		uint64_t s = signature(x, q, &c->v[i]);

		for (j = 0; j < w; j++)
			if (sigs[j] == s)
				break;
		if (j == w) {
			sigs[w] = s;
			c->v[w++] = c->v[i];
		}
	}
	c->n = w;
	free(sigs);
}

/*
 * Ranks the scratch answers, re-evaluating only the rules in dep (those
 * that read the answers that changed); returns true if the recommendation
 * differs from the current one.
 */
static bool
changed(struct ctx *x, const struct rlist *dep, const struct whatif *w)
{
	engine_rerank(x->kb, x->scratch, x->r, dep->idx, dep->n);
	return (x->r->processing != w->processing ||
	    x->r->organization != w->organization);
}

/* Puts question q's answer back and its rules' conditions with it. */
static void
restore(struct ctx *x, const struct value *answers, size_t q)
{
	x->scratch[q] = answers[q];
	engine_rerank(x->kb, x->scratch, x->r, x->deps[q].idx,
	    x->deps[q].n);
}

static double
distance(const struct question *q, const struct value *a,
    const struct value *b)
{
	switch (q->dom.type) {
	case VAL_DURATION:
	case VAL_SIZE:
		/* Orders of magnitude: 10m -> 20m is as far as 1h -> 2h. */
		return (fabs(log((double)b->num + 1) - log((double)a->num +
		    1)));
	case VAL_SET:
		return (__builtin_popcountll(a->bits ^ b->bits));
	default:
		return (fabs((double)b->num - (double)a->num));
	}
}

static void
sensitivity(struct ctx *x, const struct value *answers, struct whatif *w)
{
	const struct kb		*kb = x->kb;
	struct candidates		 c = { NULL, 0, 0 };
	struct sensitivity	 best;
	double			 d, bestd;
	size_t			 q, i;

	w->sens = xcalloc(kb->nquestions, sizeof *w->sens);
	for (q = 0; q < kb->nquestions; q++) {
		if (!answers[q].known)
			continue;
		candidates(x, q, &c);
		bestd = INFINITY;
		for (i = 0; i < c.n; i++) {
			if (value_equal(&c.v[i], &answers[q]))
				continue;
			d = distance(&kb->questions[q], &answers[q], &c.v[i]);
			if (d >= bestd)
				continue;
			x->scratch[q] = c.v[i];
			if (implausible(x) || !changed(x, &x->deps[q], w))
				continue;
			bestd = d;
			best.question = q;
			best.from = answers[q];
			best.to = c.v[i];
			best.processing = x->r->processing;
			best.organization = x->r->organization;
			best.swing = w->processing >= 0 ?
			    x->r->scores[w->processing].score - x->score : 0;
		}
		restore(x, answers, q);
		if (isfinite(bestd))
			w->sens[w->nsens++] = best;
	}
	free(c.v);
}

static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return (*s * 2685821657736338717ULL);
}

/*
 * How many ways to examine: WHATIF_MAX_WAYS for a knowledge base of a few
 * hundred rules, fewer for larger ones (each way re-ranks), so that a
 * report stays within about a second at the largest size the limits admit;
 * never fewer than WHATIF_MIN_WAYS. The report says when it sampled.
 */
static size_t
max_ways(const struct kb *kb)
{
	size_t	n = WHATIF_MAX_WAYS * 200 / (kb->nrules > 200 ? kb->nrules :
		    200);

	return (n < WHATIF_MIN_WAYS ? WHATIF_MIN_WAYS : n);
}

static void
robustness(struct ctx *x, const struct value *answers, struct whatif *w)
{
	const struct kb	*kb = x->kb;
	struct candidates	*c;
	struct rlist	 all = { NULL, 0 };
	bool		*in;
	size_t		*open, *digit, i, j, k, n = 0, holds = 0, tried;
	size_t		 holds_processing = 0;
	size_t		 per_way = 0, tries = 0;
	bool		 cut = false;
	double		 ways = 1;
	uint64_t	 seed = 0x5DEECE66DULL;

	c = xcalloc(kb->nquestions, sizeof *c);
	open = xcalloc(kb->nquestions, sizeof *open);
	digit = xcalloc(kb->nquestions, sizeof *digit);
	for (i = 0; i < kb->nquestions; i++) {
		/* Questions the front ends would skip stay unanswered. */
		if (answers[i].known || !kb_question_asked(kb, i, answers))
			continue;
		candidates(x, i, &c[n]);
		distinct_outcomes(x, i, &c[n]);
		if (c[n].n == 0) {
			free(c[n].v);
			c[n].v = NULL;
			continue;	/* no rule reads it */
		}
		ways *= (double)c[n].n;
		open[n++] = i;
	}
	w->open = 0;
	for (i = 0; i < kb->nquestions; i++)
		w->open += !answers[i].known &&
		    kb_question_asked(kb, i, answers);
	/* The rules that read any open question. */
	in = xcalloc(kb->nrules, sizeof *in);
	all.idx = xcalloc(kb->nrules, sizeof *all.idx);
	for (i = 0; i < n; i++)
		for (j = 0; j < x->deps[open[i]].n; j++)
			if (!in[x->deps[open[i]].idx[j]]) {
				in[x->deps[open[i]].idx[j]] = true;
				all.idx[all.n++] = x->deps[open[i]].idx[j];
			}
	for (i = 0; i < n; i++)
		per_way += c[i].n;
	w->exhaustive = ways <= (double)max_ways(kb);
	tried = w->exhaustive ? (size_t)ways : max_ways(kb);
	w->ways = w->implausible = 0;
	for (k = 0; k < tried; k++) {
		for (i = 0; i < n; i++) {
			if (!w->exhaustive)
				digit[i] = next_random(&seed) % c[i].n;
			x->scratch[open[i]] = c[i].v[digit[i]];
		}
		if (implausible(x))
			w->implausible++;
		else {
			w->ways++;
			holds += !changed(x, &all, w);
			holds_processing += x->r->processing == w->processing;
			/* Each way tries every other answer: within a budget
			   of re-rankings, past which no open question is said
			   to change nothing. */
			if (tries + per_way <= WHATIF_JOINT_BUDGET) {
				tries += per_way;
				try_each_other(x, open, digit, c, n,
				    x->r->processing, x->r->organization);
			} else
				cut = true;
		}
		/* The next combination, as a mixed-radix counter. */
		for (i = 0; w->exhaustive && i < n; i++) {
			if (++digit[i] < c[i].n)
				break;
			digit[i] = 0;
		}
	}
	w->holds_pct = w->ways ? 100.0 * (double)holds / (double)w->ways :
	    100.0;
	w->processing_holds_pct = w->ways ? 100.0 *
	    (double)holds_processing / (double)w->ways : 100.0;
	if (cut)
		for (i = 0; i < n; i++)
			x->jointly[open[i]] = true;	/* not known not to */
	for (i = 0; i < n; i++) {
		x->scratch[open[i]] = answers[open[i]];
		free(c[i].v);
	}
	engine_rerank(kb, x->scratch, x->r, all.idx, all.n);
	free(all.idx);
	free(in);
	free(c);
	free(open);
	free(digit);
}

static int
next_cmp(const void *a, const void *b)
{
	const struct next_question	*x = a, *y = b;

	if (x->change_share != y->change_share)
		return (x->change_share < y->change_share ? 1 : -1);
	if (x->margin_change != y->margin_change)
		return (x->margin_change < y->margin_change ? 1 : -1);
	return (x->question < y->question ? -1 : 1);
}

static void
next_questions(struct ctx *x, const struct value *answers, double margin,
    struct whatif *w)
{
	const struct kb		*kb = x->kb;
	struct candidates		 c = { NULL, 0, 0 };
	struct next_question	*nq;
	size_t			 q, i, k, changes;
	double			 dm;

	w->next = xcalloc(kb->nquestions, sizeof *w->next);
	for (q = 0; q < kb->nquestions; q++) {
		if (answers[q].known || !kb_question_asked(kb, q, answers))
			continue;
		candidates(x, q, &c);
		distinct_outcomes(x, q, &c);
		changes = 0;
		dm = 0;
		for (i = k = 0; i < c.n; i++) {
			x->scratch[q] = c.v[i];
			if (implausible(x))
				continue;
			k++;
			changes += changed(x, &x->deps[q], w);
			dm += fabs(x->r->margin - margin);
		}
		restore(x, answers, q);
		nq = &w->next[w->nnext++];
		nq->question = q;
		nq->change_share = k ? (double)changes / (double)k : 0;
		nq->margin_change = k ? dm / (double)k : 0;
		nq->jointly = x->jointly[q] || changes > 0;
	}
	qsort(w->next, w->nnext, sizeof *w->next, next_cmp);
	free(c.v);
}

/* What the rules that read question q can do to patterns a and b. */
enum {
	TOUCHES_EITHER	= 1,	/* some rule moves a or b */
	PUTS_A_AHEAD	= 2,	/* some rule helps a more than b */
	PUTS_B_AHEAD	= 4	/* and the other way round */
};

/* How much a rule helps pattern p; ruling p out, or holding it back, hurts. */
static double
help(const struct rule *rule, int p)
{
	double	h = 0;
	size_t	j;

	for (j = 0; j < rule->neffects; j++) {
		if ((int)rule->effects[j].pattern != p)
			continue;
		if (rule->effects[j].veto || rule->effects[j].stretch)
			h -= 1000;
		else
			h += rule->effects[j].weight;
	}
	return (h);
}

static unsigned
moves(const struct ctx *x, size_t q, int a, int b)
{
	const struct rule	*rule;
	unsigned		 m = 0;
	double			 ha, hb;
	size_t			 i;

	for (i = 0; i < x->deps[q].n; i++) {
		rule = &x->kb->rules[x->deps[q].idx[i]];
		ha = help(rule, a);
		hb = help(rule, b);
		if (ha != 0 || hb != 0)
			m |= TOUCHES_EITHER;
		if (ha > hb)
			m |= PUTS_A_AHEAD;
		if (hb > ha)
			m |= PUTS_B_AHEAD;
	}
	return (m);
}

/*
 * For a close call: the answered questions whose nearest change brings the
 * runner-up first, then the open ones that could change the result and
 * that some rule of either contender reads (not those that only move the
 * organisation). Of the open ones, those whose answers can put either
 * contender ahead come first: they settle the call whichever way it goes.
 */
static void
deciding_questions(const struct ctx *x, const struct ranking *r,
    struct whatif *w)
{
	const unsigned	 either_way = PUTS_A_AHEAD | PUTS_B_AHEAD;
	unsigned	 m;
	size_t		 i, q;
	int		 pass;

	w->deciding = xcalloc(w->nsens + w->nnext + 1, sizeof *w->deciding);
	if (!r->close_call)
		return;
	for (i = 0; i < w->nsens; i++)
		if (w->sens[i].processing == r->runner_up)
			w->deciding[w->ndeciding++] = w->sens[i].question;
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < w->nnext; i++) {
			q = w->next[i].question;
			m = moves(x, q, r->processing, r->runner_up);
			if (w->next[i].change_share == 0 ||
			    !(m & TOUCHES_EITHER) ||
			    ((m & either_way) == either_way) != (pass == 0))
				continue;
			w->deciding[w->ndeciding++] = q;
		}
}

void
whatif_analyse(const struct kb *kb, const struct value *answers,
    struct whatif *w)
{
	struct ctx	 x;
	double		 margin;
	bool		*used;
	size_t		 i, q;

	memset(w, 0, sizeof *w);
	x.kb = kb;
	x.tests = xcalloc(kb->nquestions, sizeof *x.tests);
	x.deps = xcalloc(kb->nquestions, sizeof *x.deps);
	used = xcalloc(kb->nquestions, sizeof *used);
	for (i = 0; i < kb->nrules; i++) {
		expr_foreach_cmp(kb->rules[i].when, collect, &x);
		memset(used, 0, kb->nquestions * sizeof *used);
		expr_questions(kb->rules[i].when, used);
		for (q = 0; q < kb->nquestions; q++) {
			if (!used[q])
				continue;
			x.deps[q].idx = xreallocarray(x.deps[q].idx,
			    x.deps[q].n + 1, sizeof *x.deps[q].idx);
			x.deps[q].idx[x.deps[q].n++] = i;
		}
	}
	free(used);
	x.r = ranking_new(kb);
	x.r->sort_reasons = false;	/* only outcomes matter here */
	x.scratch = xcalloc(kb->nquestions, sizeof *x.scratch);
	memcpy(x.scratch, answers, kb->nquestions * sizeof *x.scratch);
	x.jointly = xcalloc(kb->nquestions, sizeof *x.jointly);
	x.given_implausible = xcalloc(kb->nimplausible + 1,
	    sizeof *x.given_implausible);
	for (i = 0; i < kb->nimplausible; i++)
		x.given_implausible[i] = expr_eval(kb->implausible[i].when,
		    answers) == TV_TRUE;
	engine_rank(kb, answers, x.r);
	w->processing = x.r->processing;
	w->organization = x.r->organization;
	margin = x.r->margin;
	x.score = w->processing >= 0 ? x.r->scores[w->processing].score : 0;
	sensitivity(&x, answers, w);
	robustness(&x, answers, w);
	next_questions(&x, answers, margin, w);
	engine_rank(kb, answers, x.r);
	deciding_questions(&x, x.r, w);
	for (i = 0; i < kb->nquestions; i++) {
		free(x.tests[i].cmp);
		free(x.deps[i].idx);
	}
	free(x.tests);
	free(x.deps);
	free(x.scratch);
	free(x.jointly);
	free(x.given_implausible);
	ranking_free(x.r);
}

size_t
whatif_deciding(const struct whatif *w, size_t q)
{
	size_t	i;

	for (i = 0; w != NULL && i < w->ndeciding; i++)
		if (w->deciding[i] == q)
			return (i + 1);
	return (0);
}

void
whatif_free(struct whatif *w)
{
	if (w == NULL)
		return;
	free(w->sens);
	free(w->next);
	free(w->deciding);
	memset(w, 0, sizeof *w);
}
