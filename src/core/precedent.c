/*
 * precedent: similarity of a scenario to the knowledge base's case studies,
 * and the engine's agreement with them (formulas in precedent.h).
 */
#include "precedent.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double
precedent_distance(const struct question *q, const struct value *a,
    const struct value *b)
{
	return (value_distance(&q->dom, a, b));
}

void
precedent_compare(const struct kb *kb, const struct value *answers,
    size_t p, struct precedent_match *m)
{
	const struct precedent	*pr = &kb->precedents[p];
	double			 sum = 0;
	size_t			 q;

	memset(m, 0, sizeof *m);
	m->precedent = p;
	for (q = 0; q < kb->nquestions; q++) {
		if (!answers[q].known)
			continue;
		m->answered++;
		if (!pr->answers[q].known)
			continue;
		m->compared++;
		sum += 1.0 - precedent_distance(&kb->questions[q], &answers[q],
		    &pr->answers[q]);
	}
	if (m->compared > 0)
		m->similarity = sum / (double)m->compared;
	m->key = sum / ((double)m->compared + PRECEDENT_PRIOR);
}

size_t
precedent_nearest(const struct kb *kb, const struct value *answers,
    int pattern, struct precedent_match *out, size_t max)
{
	struct precedent_match	 m;
	size_t			 p, n = 0, j;

	for (p = 0; p < kb->nprecedents && max > 0; p++) {
		if (pattern >= 0 && kb->precedents[p].chose != (size_t)pattern)
			continue;
		precedent_compare(kb, answers, p, &m);
		if (m.compared == 0)
			continue;
		/* Insertion into the best-first list; equal keys keep order. */
		if (n == max && out[n - 1].key >= m.key)
			continue;
		for (j = n < max ? n : max - 1; j > 0 && out[j - 1].key < m.key;
		    j--)
			out[j] = out[j - 1];
		out[j] = m;
		if (n < max)
			n++;
	}
	return (n);
}

void
precedent_agreement(const struct kb *kb, size_t p, struct ranking *r,
    struct precedent_agreement *out)
{
	const struct precedent	*pr = &kb->precedents[p];
	size_t			 i, place = 0, pat;

	engine_rank(kb, pr->answers, r);
	memset(out, 0, sizeof *out);
	out->processing = r->processing;
	out->organization = r->organization;
	if (kb->patterns[pr->chose].kind == PATTERN_ORGANIZATION) {
		out->first = r->organization == (int)pr->chose;
		out->place = out->first ? 1 : ranking_rank(r, pr->chose);
		out->top2 = out->place <= 2 && !r->scores[pr->chose].vetoed;
		goto regret;
	}
	for (i = 0; i < r->npatterns; i++) {
		pat = r->order[i];
		if (kb->patterns[pat].kind != PATTERN_PROCESSING)
			continue;
		place++;
		if (pat == pr->chose)
			break;
	}
	out->place = place;
	out->first = r->processing == (int)pr->chose;
	out->top2 = place <= 2 && !r->scores[pr->chose].vetoed;
regret:
	/* A choice its organisation regretted: the engine should not make it. */
	if (pr->regretted)
		out->first = out->top2 = !out->first;
	out->clearly_wrong = pr->clearly_wrong != NULL &&
	    ((r->processing >= 0 && pr->clearly_wrong[r->processing]) ||
	    (r->organization >= 0 && pr->clearly_wrong[r->organization]));
}

static void
figures_add(struct agreement_figures *f, const struct precedent_agreement *ag)
{
	f->n++;
	f->first += ag->first;
	f->top2 += ag->top2;
	f->clearly_wrong += ag->clearly_wrong;
}

void
agreement_count(struct agreement_summary *s, const struct precedent *pr,
    const struct precedent_agreement *ag)
{
	figures_add(pr->check ? &s->check : &s->tuning, ag);
	figures_add(&s->all, ag);
}
