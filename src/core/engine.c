/*
 * engine: rules -> evidence -> scores -> ranking. No allocation per call:
 * ranking_new sizes every list for the worst case of its kb.
 */
#include "engine.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct ranking *
ranking_new(const struct kb *kb)
{
	struct ranking	*r;
	size_t		*nweights, *nvetoes, i, j, p;

	r = xcalloc(1, sizeof *r);
	r->npatterns = kb->npatterns;
	r->scores = xcalloc(kb->npatterns, sizeof *r->scores);
	r->order = xcalloc(kb->npatterns, sizeof *r->order);
	r->conditions = xcalloc(kb->nrules, sizeof *r->conditions);
	nweights = xcalloc(kb->npatterns, sizeof *nweights);
	nvetoes = xcalloc(kb->npatterns, sizeof *nvetoes);
	for (i = 0; i < kb->nrules; i++)
		for (j = 0; j < kb->rules[i].neffects; j++) {
			p = kb->rules[i].effects[j].pattern;
			if (kb->rules[i].effects[j].veto)
				nvetoes[p]++;
			else
				nweights[p]++;
		}
	for (p = 0; p < kb->npatterns; p++) {
		r->scores[p].pattern = p;
		r->scores[p].reasons = xcalloc(nweights[p],
		    sizeof *r->scores[p].reasons);
		r->scores[p].vetoes = xcalloc(nvetoes[p],
		    sizeof *r->scores[p].vetoes);
	}
	free(nweights);
	free(nvetoes);
	return (r);
}

void
ranking_free(struct ranking *r)
{
	size_t	p;

	if (r == NULL)
		return;
	for (p = 0; p < r->npatterns; p++) {
		free(r->scores[p].reasons);
		free(r->scores[p].vetoes);
	}
	free(r->scores);
	free(r->order);
	free(r->conditions);
	free(r);
}

double
engine_score(double evidence, double scale)
{
	return (100.0 / (1.0 + exp(-evidence / scale)));
}

enum fit
engine_fit(double score, bool vetoed)
{
	if (vetoed)
		return (FIT_RULED_OUT);
	if (score >= FIT_STRONG_FROM)
		return (FIT_STRONG);
	if (score >= FIT_GOOD_FROM)
		return (FIT_GOOD);
	if (score >= FIT_FAIR_FROM)
		return (FIT_FAIR);
	return (FIT_WEAK);
}

const char *
fit_name(enum fit f)
{
	switch (f) {
	case FIT_STRONG:
		return ("strong");
	case FIT_GOOD:
		return ("good");
	case FIT_FAIR:
		return ("fair");
	case FIT_WEAK:
		return ("weak");
	case FIT_RULED_OUT:
		return ("ruled out");
	}
	return ("?");
}

/* True if pattern a ranks before pattern b. */
static bool
ranks_before(const struct ranking *r, size_t a, size_t b)
{
	const struct pattern_score	*sa = &r->scores[a], *sb = &r->scores[b];

	if (sa->vetoed != sb->vetoed)
		return (!sa->vetoed);
	if (sa->evidence != sb->evidence)
		return (sa->evidence > sb->evidence);
	return (a < b);
}

/* Insertion sort: a handful of patterns, and it is stable and alloc-free. */
static void
sort_order(struct ranking *r)
{
	size_t	i, j, p;

	for (i = 0; i < r->npatterns; i++)
		r->order[i] = i;
	for (i = 1; i < r->npatterns; i++) {
		p = r->order[i];
		for (j = i; j > 0 && ranks_before(r, p, r->order[j - 1]); j--)
			r->order[j] = r->order[j - 1];
		r->order[j] = p;
	}
}

static void
recommend(const struct kb *kb, struct ranking *r)
{
	const struct pattern_score	*s;
	size_t				 i, p;
	bool				 found_next = false;

	r->processing = r->organization = -1;
	r->margin = 0;
	for (i = 0; i < r->npatterns; i++) {
		p = r->order[i];
		s = &r->scores[p];
		if (kb->patterns[p].kind == PATTERN_PROCESSING) {
			if (r->processing < 0) {
				if (s->vetoed)
					continue;
				r->processing = (int)p;
				r->margin = s->score;
			} else if (!found_next) {
				r->margin -= s->score;
				found_next = true;
			}
		} else if (r->organization < 0 && !s->vetoed &&
		    s->score >= kb->org_threshold)
			r->organization = (int)p;
	}
}

/* Scores and ranks from the rule conditions already in r->conditions. */
static void
tally(const struct kb *kb, struct ranking *r)
{
	const struct rule	*rule;
	const struct effect	*e;
	struct pattern_score	*s;
	size_t			 i, j;

	for (i = 0; i < r->npatterns; i++) {
		s = &r->scores[i];
		s->evidence = 0;
		s->vetoed = false;
		s->nreasons = s->nvetoes = 0;
	}
	for (i = 0; i < kb->nrules; i++) {
		rule = &kb->rules[i];
		if (r->conditions[i] != TV_TRUE)
			continue;
		for (j = 0; j < rule->neffects; j++) {
			e = &rule->effects[j];
			s = &r->scores[e->pattern];
			if (e->veto) {
				s->vetoed = true;
				s->vetoes[s->nvetoes++] = i;
			} else {
				s->evidence += e->weight;
				s->reasons[s->nreasons].rule = i;
				s->reasons[s->nreasons].effect = e->weight;
				s->nreasons++;
			}
		}
	}
	for (i = 0; i < r->npatterns; i++) {
		s = &r->scores[i];
		s->score = s->vetoed ? 0.0 : engine_score(s->evidence,
		    kb->scale);
		s->fit = engine_fit(s->score, s->vetoed);
	}
	sort_order(r);
	recommend(kb, r);
}

void
engine_rank(const struct kb *kb, const struct value *answers,
    struct ranking *r)
{
	size_t	i;

	for (i = 0; i < kb->nrules; i++)
		r->conditions[i] = expr_eval(kb->rules[i].when, answers);
	tally(kb, r);
}

void
engine_rerank(const struct kb *kb, const struct value *answers,
    struct ranking *r, const size_t *rules, size_t nrules)
{
	size_t	i;

	for (i = 0; i < nrules; i++)
		r->conditions[rules[i]] = expr_eval(kb->rules[rules[i]].when,
		    answers);
	tally(kb, r);
}

size_t
ranking_rank(const struct ranking *r, size_t pattern)
{
	size_t	i;

	for (i = 0; i < r->npatterns; i++)
		if (r->order[i] == pattern)
			return (i + 1);
	return (0);
}
