/*
 * advice: the analysis of one scenario, in one place. See advice.h.
 */
#include "advice.h"

#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "xmalloc.h"

void
advice_init(struct advice *a, const struct kb *kb, unsigned parts,
    size_t maxprecedents)
{
	memset(a, 0, sizeof *a);
	a->kb = kb;
	a->parts = parts;
	a->ranking = ranking_new(kb);
	a->listed = xcalloc(kb->npatterns ? kb->npatterns : 1,
	    sizeof *a->listed);
	a->maxprecedents = maxprecedents;
	if (parts & ADVICE_PRECEDENTS)
		a->precedents = xcalloc(maxprecedents + 1,
		    sizeof *a->precedents);
}

static void
drivers_free(struct advice *a)
{
	size_t	i;

	for (i = 0; i < a->ndrivers; i++) {
		free(a->drivers[i].effect);
		free(a->drivers[i].veto);
	}
	free(a->drivers);
	a->drivers = NULL;
	a->ndrivers = 0;
}

static int
driver_cmp(const void *x, const void *y)
{
	const struct advice_driver	*a = x, *b = y;

	if (a->nvetoes != b->nvetoes)
		return (a->nvetoes > b->nvetoes ? -1 : 1);
	if (a->weight != b->weight)
		return (a->weight > b->weight ? -1 : 1);
	return (a->question < b->question ? -1 : a->question > b->question);
}

/* Adds a fired rule's effects to the driver of answered question q. */
static void
driver_add(struct advice_driver *d, const struct kb *kb, size_t q,
    const struct rule *rule)
{
	const struct effect	*e;
	size_t			 j;

	if (d->effect == NULL) {
		d->question = q;
		d->effect = xcalloc(kb->npatterns ? kb->npatterns : 1,
		    sizeof *d->effect);
		d->veto = xcalloc(kb->npatterns ? kb->npatterns : 1,
		    sizeof *d->veto);
	}
	for (j = 0; j < rule->neffects; j++) {
		e = &rule->effects[j];
		if (e->veto) {
			if (!d->veto[e->pattern])
				d->nvetoes++;
			d->veto[e->pattern] = true;
		} else {
			d->effect[e->pattern] += e->weight;
			d->weight += e->weight < 0 ? -e->weight : e->weight;
		}
	}
}

/* The answered questions read by the rules that fired with an effect. */
static void
find_drivers(struct advice *a)
{
	const struct kb		*kb = a->kb;
	const struct rule	*rule;
	struct advice_driver	*all;
	bool			*used;
	size_t			 i, q, nq;

	nq = kb->nquestions ? kb->nquestions : 1;
	all = xcalloc(nq, sizeof *all);
	used = xcalloc(nq, sizeof *used);
	for (i = 0; i < kb->nrules; i++) {
		rule = &kb->rules[i];
		if (a->ranking->conditions[i] != TV_TRUE ||
		    rule->when == NULL || rule->neffects == 0)
			continue;
		memset(used, 0, nq * sizeof *used);
		expr_questions(rule->when, used);
		for (q = 0; q < kb->nquestions; q++)
			if (used[q] && a->answers[q].known)
				driver_add(&all[q], kb, q, rule);
	}
	free(used);
	a->drivers = xcalloc(nq, sizeof *a->drivers);
	for (q = 0; q < kb->nquestions; q++) {
		if (all[q].effect == NULL)
			continue;
		if (all[q].weight == 0 && all[q].nvetoes == 0) {
			free(all[q].effect);
			free(all[q].veto);
			continue;
		}
		a->drivers[a->ndrivers++] = all[q];
	}
	free(all);
	qsort(a->drivers, a->ndrivers, sizeof *a->drivers, driver_cmp);
}

void
advice_update(struct advice *a, const struct value *answers)
{
	a->answers = answers;
	engine_rank(a->kb, answers, a->ranking);
	a->nprocessing = ranking_by_kind(a->kb, a->ranking, a->listed);
	if (a->parts & ADVICE_WHATIF) {
		if (a->has_whatif)
			whatif_free(&a->whatif);
		whatif_analyse(a->kb, answers, &a->whatif);
		a->has_whatif = true;
	}
	if (a->parts & ADVICE_PRECEDENTS)
		a->nprecedents = precedent_nearest(a->kb, answers, -1,
		    a->precedents, a->maxprecedents);
	if (a->parts & ADVICE_DRIVERS) {
		drivers_free(a);
		find_drivers(a);
	}
}

size_t
advice_place(const struct advice *a, size_t p)
{
	size_t	i;

	for (i = 0; i + 1 < a->ranking->npatterns; i++)
		if (a->listed[i] == p)
			break;
	return (i);
}

void
advice_free(struct advice *a)
{
	if (a->has_whatif)
		whatif_free(&a->whatif);
	drivers_free(a);
	free(a->precedents);
	free(a->listed);
	ranking_free(a->ranking);
	memset(a, 0, sizeof *a);
}

void
agreement_run(const struct kb *kb, struct agreement_run *run)
{
	struct ranking	*r;
	size_t		 i;

	memset(run, 0, sizeof *run);
	run->ncases = kb->nprecedents;
	run->cases = xcalloc(kb->nprecedents ? kb->nprecedents : 1,
	    sizeof *run->cases);
	r = ranking_new(kb);
	for (i = 0; i < kb->nprecedents; i++) {
		precedent_agreement(kb, i, r, &run->cases[i]);
		agreement_count(&run->sum, &kb->precedents[i],
		    &run->cases[i]);
	}
	ranking_free(r);
}

void
agreement_run_free(struct agreement_run *run)
{
	free(run->cases);
	memset(run, 0, sizeof *run);
}
