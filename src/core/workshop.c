/*
 * workshop: agreement, common ground and the disagreements that matter
 * (see workshop.h), all by ranking changed answers with the engine.
 */
#include "workshop.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "xmalloc.h"

bool
ws_outcome_same(const struct ws_outcome *a, const struct ws_outcome *b)
{
	return (a->processing == b->processing &&
	    a->organization == b->organization);
}

static void
outcome_of(const struct ranking *r, struct ws_outcome *o)
{
	o->processing = r->processing;
	o->organization = r->organization;
	o->org_settled = r->org_settled;
	o->close_call = r->close_call;
	o->runner_up = r->runner_up;
	o->margin = r->margin;
	o->ruled_out_was = false;
}

/* One code per outcome, to compare combinations cheaply. */
static long
outcome_code(const struct ranking *r)
{
	return ((long)(r->processing + 1) * 100000L + r->organization + 1);
}

/*
 * How far the new choice in r leads the common ground's (was): for a
 * processing change, the new pattern's score over the old one's; for an
 * organisation change alone, how far the organisation pattern's score is
 * from the threshold that decides it.
 */
static double
lead_of(const struct kb *kb, const struct ranking *r,
    const struct ws_outcome *was)
{
	double	d;
	int	p;

	if (r->processing != was->processing) {
		if (r->processing < 0)
			return (0.0);
		d = r->scores[r->processing].score;
		if (was->processing >= 0)
			d -= r->scores[was->processing].score;
		return (d > 0.0 ? d : 0.0);
	}
	p = r->organization >= 0 ? r->organization : was->organization;
	if (p < 0)
		return (0.0);
	return (fabs(r->scores[p].score - kb->org_threshold));
}

/* Sorts the status of question q and, when disputed, its options. */
static void
classify(const struct value *const *answers, size_t n, size_t q,
    struct ws_question *wq, struct value *common)
{
	size_t	i, o, nknown = 0;

	for (i = 0; i < n; i++) {
		if (!answers[i][q].known)
			continue;
		nknown++;
		for (o = 0; o < wq->nopts; o++)
			if (value_equal(&wq->opts[o].v, &answers[i][q]))
				break;
		if (o == wq->nopts) {
			wq->opts = xreallocarray(wq->opts, wq->nopts + 1,
			    sizeof *wq->opts);
			memset(&wq->opts[o], 0, sizeof wq->opts[o]);
			wq->opts[o].v = answers[i][q];
			wq->nopts++;
		}
		wq->opts[o].people |= UINT64_C(1) << i;
	}
	*common = value_unknown();
	if (nknown == 0)
		wq->status = WS_OPEN;
	else if (wq->nopts > 1)
		wq->status = WS_DISPUTED;
	else {
		wq->status = nknown == n ? WS_SHARED : WS_UNCONTESTED;
		*common = wq->opts[0].v;
	}
	if (wq->status != WS_DISPUTED) {
		/* Only disputed questions keep their options. */
		free(wq->opts);
		wq->opts = NULL;
		wq->nopts = 0;
	}
}

/* Each disputed question alone at each answer given to it. */
static void
settle_each(const struct kb *kb, struct workshop *w, struct ranking *r,
    struct value *scratch)
{
	struct ws_question	*wq;
	size_t			 q, o;

	for (q = 0; q < kb->nquestions; q++) {
		wq = &w->qs[q];
		for (o = 0; o < wq->nopts; o++) {
			scratch[q] = wq->opts[o].v;
			engine_rank(kb, scratch, r);
			outcome_of(r, &wq->opts[o].out);
			wq->opts[o].out.ruled_out_was =
			    w->common_out.processing >= 0 &&
			    r->scores[w->common_out.processing].vetoed;
			wq->opts[o].changes = !ws_outcome_same(&wq->opts[o].out,
			    &w->common_out);
			if (wq->opts[o].changes) {
				wq->opts[o].lead = lead_of(kb, r,
				    &w->common_out);
				wq->matters = true;
				if (wq->opts[o].lead > wq->impact)
					wq->impact = wq->opts[o].lead;
			}
		}
		scratch[q] = w->common[q];
	}
}

/* The number of combinations, or SIZE_MAX past max. */
static size_t
count_ways(const struct workshop *w, const size_t *dq, size_t nd, size_t max)
{
	size_t	i, total = 1;

	for (i = 0; i < nd; i++) {
		if (total > max / w->qs[dq[i]].nopts)
			return (SIZE_MAX);
		total *= w->qs[dq[i]].nopts;
	}
	return (total);
}

/* The k-th combination (mixed radix, first question fastest) in scratch. */
static void
set_way(const struct workshop *w, const size_t *dq, size_t nd, size_t k,
    size_t *digit, struct value *scratch)
{
	size_t	i, b;

	for (i = 0; i < nd; i++) {
		b = w->qs[dq[i]].nopts;
		digit[i] = k % b;
		k /= b;
		scratch[dq[i]] = w->qs[dq[i]].opts[digit[i]].v;
	}
}

/*
 * Robustness over the answers given to the disputed questions; when every
 * combination is tried, also which questions change the result with
 * others (two combinations that differ in that question alone).
 */
static void
combine(const struct kb *kb, struct workshop *w, struct ranking *r,
    struct value *scratch, const size_t *dq, size_t nd)
{
	long		*code = NULL;
	size_t		*digit, total, k, i, o, step, other;
	uint64_t	 seed = 0x9e3779b97f4a7c15ULL;

	digit = xcalloc(nd + 1, sizeof *digit);
	total = count_ways(w, dq, nd, WORKSHOP_MAX_WAYS);
	w->exhaustive = total != SIZE_MAX;
	w->ways = w->exhaustive ? total : WORKSHOP_MAX_WAYS;
	if (w->exhaustive)
		code = xcalloc(total, sizeof *code);
	for (k = 0; k < w->ways; k++) {
		if (w->exhaustive)
			set_way(w, dq, nd, k, digit, scratch);
		else
			for (i = 0; i < nd; i++) {
				/* A fixed-seed xorshift: the same sample
				   every run. */
				seed ^= seed << 13;
				seed ^= seed >> 7;
				seed ^= seed << 17;
				o = (size_t)(seed % w->qs[dq[i]].nopts);
				scratch[dq[i]] = w->qs[dq[i]].opts[o].v;
			}
		engine_rank(kb, scratch, r);
		if (r->processing == w->common_out.processing &&
		    r->organization == w->common_out.organization)
			w->holds++;
		if (code != NULL)
			code[k] = outcome_code(r);
	}
	for (i = 0, step = 1; code != NULL && i < nd; i++) {
		for (k = 0; k < total && !w->qs[dq[i]].jointly; k++) {
			/* Compare with the next answer of this digit. */
			set_way(w, dq, nd, k, digit, scratch);
			other = digit[i] + 1 < w->qs[dq[i]].nopts ? k + step :
			    k - digit[i] * step;
			if (other != k && code[other] != code[k])
				w->qs[dq[i]].jointly = true;
		}
		step *= w->qs[dq[i]].nopts;
	}
	for (i = 0; i < kb->nquestions; i++)
		scratch[i] = w->common[i];
	w->holds_pct = w->ways ? 100.0 * (double)w->holds /
	    (double)w->ways : 100.0;
	free(code);
	free(digit);
}

/* The agenda, most impact first, then knowledge-base order (stable). */
static void
sort_agenda(struct workshop *w)
{
	size_t	i, j, q;

	for (i = 1; i < w->nagenda; i++) {
		q = w->agenda[i];
		for (j = i; j > 0 && w->qs[w->agenda[j - 1]].impact <
		    w->qs[q].impact; j--)
			w->agenda[j] = w->agenda[j - 1];
		w->agenda[j] = q;
	}
}

int
workshop_analyse(const struct kb *kb, const struct value *const *answers,
    size_t n, struct workshop *w)
{
	struct ranking	*r;
	struct value	*scratch;
	size_t		*dq, nd = 0, i, q;

	memset(w, 0, sizeof *w);
	if (n == 0 || n > WORKSHOP_MAX_PEOPLE)
		return (-1);
	w->npeople = n;
	w->nquestions = kb->nquestions;
	w->people = xcalloc(n, sizeof *w->people);
	w->qs = xcalloc(kb->nquestions + 1, sizeof *w->qs);
	w->common = xcalloc(kb->nquestions + 1, sizeof *w->common);
	r = ranking_new(kb);
	for (i = 0; i < n; i++) {
		engine_rank(kb, answers[i], r);
		outcome_of(r, &w->people[i]);
	}
	dq = xcalloc(kb->nquestions + 1, sizeof *dq);
	for (q = 0; q < kb->nquestions; q++) {
		classify(answers, n, q, &w->qs[q], &w->common[q]);
		if (w->qs[q].status == WS_DISPUTED)
			dq[nd++] = q;
	}
	w->ndisputed = nd;
	engine_rank(kb, w->common, r);
	outcome_of(r, &w->common_out);
	scratch = xcalloc(kb->nquestions + 1, sizeof *scratch);
	memcpy(scratch, w->common, kb->nquestions * sizeof *scratch);
	settle_each(kb, w, r, scratch);
	combine(kb, w, r, scratch, dq, nd);
	w->agenda = xcalloc(nd + 1, sizeof *w->agenda);
	w->quiet = xcalloc(nd + 1, sizeof *w->quiet);
	for (i = 0; i < nd; i++) {
		if (w->qs[dq[i]].matters)
			w->agenda[w->nagenda++] = dq[i];
		else
			w->quiet[w->nquiet++] = dq[i];
	}
	sort_agenda(w);
	free(scratch);
	free(dq);
	ranking_free(r);
	return (0);
}

void
workshop_free(struct workshop *w)
{
	size_t	q;

	if (w == NULL)
		return;
	for (q = 0; w->qs != NULL && q < w->nquestions; q++)
		free(w->qs[q].opts);
	free(w->qs);
	free(w->people);
	free(w->common);
	free(w->agenda);
	free(w->quiet);
	memset(w, 0, sizeof *w);
}
