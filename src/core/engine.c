/*
 * engine: rules -> evidence -> scores -> ranking. No allocation per call:
 * ranking_new sizes every list for the worst case of its kb, compiles the
 * rules' conditions into one program (expr_prog.c) and lays every effect of
 * every rule out in one array, grouped by pattern. Scoring a scenario is
 * then two passes of the same arithmetic whatever the answers: the program
 * fills the conditions, and each effect adds its weight or 0 (by "fired")
 * to its pattern and appends itself to the pattern's reasons, moving the
 * end of the list only if it fired. Random scenarios make "did this rule
 * fire" a coin toss that a branch predictor cannot learn, so no step
 * branches on it.
 */
#include "engine.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expr_prog.h"
#include "xmalloc.h"

/*
 * The effects grouped by pattern, each group in rule order: a pattern's
 * sum and list lengths then stay in registers while its group is added up.
 * An effect is its weight's bits (0 for a veto: and-ed with a mask of
 * "fired" they give the weight or +0.0, no branch) and its rule, with the
 * top bit set for a veto; two arrays, 12 bytes an effect, so that a large
 * knowledge base stays in cache.
 */
#define EFFECT_VETO	0x80000000u
#define EFFECT_STRETCH	0x40000000u
#define EFFECT_GROUPED	0x20000000u
#define EFFECT_RULE	0x1fffffffu
#define GROUP_NONE	SIZE_MAX

struct engine_code {
	struct expr_prog	*prog;
	uint8_t			*scratch;
	uint64_t		*weights;
	uint32_t		*rules;
	size_t			*first;		/* npatterns + 1: pattern p's
						   effects start at first[p] */
	/* For engine_rerank: the patterns each rule affects, and room for
	   the conditions it replaces. */
	uint64_t		*touches;	/* by rule: bit p for each pattern
						   of its effects (up to 64) */
	bool			*dirty;		/* npatterns: to tally again,
						   past 64 patterns */
	size_t			*dirty_list;	/* npatterns: which ones */
	enum tv			*before;	/* nrules */
	bool			 tallied;	/* scores match conditions */
	/* Rule groups: per pattern, whether any of its effects is grouped;
	   best[g] the strongest fired effect of group g while a pattern is
	   tallied (GROUP_NONE otherwise); seen lists the groups touched. */
	bool			*grouped;	/* npatterns */
	size_t			*best;		/* ngroups + 1 */
	size_t			*seen;		/* ngroups + 1 */
};

static struct engine_code *
code_new(const struct kb *kb)
{
	struct engine_code	*c;
	const struct effect	*e;
	size_t			*next, i, j, k, p, n = 0;
	double			 w;

	c = xcalloc(1, sizeof *c);
	c->prog = expr_prog_new(kb);
	c->scratch = xcalloc(expr_prog_scratch(c->prog), 1);
	c->first = xcalloc(kb->npatterns + 1, sizeof *c->first);
	next = xcalloc(kb->npatterns + 1, sizeof *next);
	for (i = 0; i < kb->nrules; i++) {
		n += kb->rules[i].neffects;
		for (j = 0; j < kb->rules[i].neffects; j++)
			c->first[kb->rules[i].effects[j].pattern + 1]++;
	}
	for (p = 0; p < kb->npatterns; p++) {
		c->first[p + 1] += c->first[p];
		next[p] = c->first[p];
	}
	c->weights = xcalloc(n + 1, sizeof *c->weights);
	c->rules = xcalloc(n + 1, sizeof *c->rules);
	c->touches = xcalloc(kb->nrules + 1, sizeof *c->touches);
	c->dirty = xcalloc(kb->npatterns + 1, sizeof *c->dirty);
	c->dirty_list = xcalloc(kb->npatterns + 1, sizeof *c->dirty_list);
	c->before = xcalloc(kb->nrules + 1, sizeof *c->before);
	c->grouped = xcalloc(kb->npatterns + 1, sizeof *c->grouped);
	c->best = xcalloc(kb->groups.n + 1, sizeof *c->best);
	c->seen = xcalloc(kb->groups.n + 1, sizeof *c->seen);
	for (i = 0; i <= kb->groups.n; i++)
		c->best[i] = GROUP_NONE;
	for (i = 0; i < kb->nrules; i++)
		for (j = 0; j < kb->rules[i].neffects; j++) {
			e = &kb->rules[i].effects[j];
			c->touches[i] |= kb->npatterns > 64 ? ~(uint64_t)0 :
			    (uint64_t)1 << e->pattern;
			k = next[e->pattern]++;
			c->rules[k] = (uint32_t)i | (e->veto ? EFFECT_VETO :
			    0) | (e->stretch ? EFFECT_STRETCH : 0);
			if (kb->rules[i].group != 0 && !e->veto &&
			    !e->stretch) {
				c->rules[k] |= EFFECT_GROUPED;
				c->grouped[e->pattern] = true;
			}
			w = e->veto || e->stretch ? 0.0 : e->weight;
			memcpy(&c->weights[k], &w, sizeof c->weights[k]);
		}
	free(next);
	return (c);
}

static void
code_free(struct engine_code *c)
{
	if (c == NULL)
		return;
	expr_prog_free(c->prog);
	free(c->scratch);
	free(c->weights);
	free(c->rules);
	free(c->first);
	free(c->touches);
	free(c->dirty);
	free(c->dirty_list);
	free(c->before);
	free(c->grouped);
	free(c->best);
	free(c->seen);
	free(c);
}

struct ranking *
ranking_new(const struct kb *kb)
{
	struct ranking	*r;
	size_t		*nweights, *nvetoes, *nstretches, i, j, p;

	r = xcalloc(1, sizeof *r);
	r->npatterns = kb->npatterns;
	r->scores = xcalloc(kb->npatterns, sizeof *r->scores);
	r->order = xcalloc(kb->npatterns, sizeof *r->order);
	r->conditions = xcalloc(kb->nrules, sizeof *r->conditions);
	nweights = xcalloc(kb->npatterns, sizeof *nweights);
	nvetoes = xcalloc(kb->npatterns, sizeof *nvetoes);
	nstretches = xcalloc(kb->npatterns, sizeof *nstretches);
	for (i = 0; i < kb->nrules; i++)
		for (j = 0; j < kb->rules[i].neffects; j++) {
			p = kb->rules[i].effects[j].pattern;
			if (kb->rules[i].effects[j].veto)
				nvetoes[p]++;
			else if (kb->rules[i].effects[j].stretch)
				nstretches[p]++;
			else
				nweights[p]++;
		}
	/* One spare entry each: tally writes before it knows if it keeps. */
	for (p = 0; p < kb->npatterns; p++) {
		r->scores[p].pattern = p;
		r->scores[p].reasons = xcalloc(nweights[p] + 1,
		    sizeof *r->scores[p].reasons);
		r->scores[p].vetoes = xcalloc(nvetoes[p] + 1,
		    sizeof *r->scores[p].vetoes);
		r->scores[p].stretches = xcalloc(nstretches[p] + 1,
		    sizeof *r->scores[p].stretches);
	}
	free(nweights);
	free(nvetoes);
	free(nstretches);
	r->code = code_new(kb);
	r->sort_reasons = true;
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
		free(r->scores[p].stretches);
	}
	free(r->scores);
	free(r->order);
	free(r->conditions);
	code_free(r->code);
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
	unsigned	f;

	/* Counted, not branched on: strong 0, good 1, fair 2, weak 3. */
	f = (unsigned)(score < FIT_STRONG_FROM) +
	    (unsigned)(score < FIT_GOOD_FROM) +
	    (unsigned)(score < FIT_FAIR_FROM);
	return (vetoed ? FIT_RULED_OUT : (enum fit)f);
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
	if (sa->stretched != sb->stretched)
		return (!sa->stretched);
	if (sa->evidence != sb->evidence)
		return (sa->evidence > sb->evidence);
	return (a < b);
}

/*
 * Up to this many patterns are placed by counting, for each, the patterns
 * that rank before it: every comparison is computed, none branched on.
 * More are insertion-sorted (stable and alloc-free too).
 */
#define COUNT_SORT_MAX	16

static void
sort_order(struct ranking *r)
{
	const struct pattern_score	*sa, *sb;
	size_t				 i, j, p, n = r->npatterns;
	unsigned			 before, place, ta, tb;

	if (n <= COUNT_SORT_MAX) {
		for (i = 0; i < n; i++) {
			sa = &r->scores[i];
			place = 0;
			for (j = 0; j < n; j++) {
				sb = &r->scores[j];
				/* Does j rank before i? By tier (vetoed 2,
				   stretched 1), evidence, then order. */
				tb = 2 * (unsigned)sb->vetoed |
				    (unsigned)sb->stretched;
				ta = 2 * (unsigned)sa->vetoed |
				    (unsigned)sa->stretched;
				before = (tb < ta) | ((tb == ta) &
				    ((unsigned)(sb->evidence > sa->evidence) |
				    ((unsigned)(sb->evidence == sa->evidence) &
				    (unsigned)(j < i))));
				place += before;
			}
			r->order[place] = i;
		}
		return;
	}
	for (i = 0; i < n; i++)
		r->order[i] = i;
	for (i = 1; i < n; i++) {
		p = r->order[i];
		for (j = i; j > 0 && ranks_before(r, p, r->order[j - 1]); j--)
			r->order[j] = r->order[j - 1];
		r->order[j] = p;
	}
}

/*
 * Insertion sort from the order already in r: after a re-rank that moved a
 * pattern or two it is nearly sorted, and this costs a pass. The order of
 * ranks_before is total, so the result is the one sort_order gives.
 */
static void
resort(struct ranking *r)
{
	size_t	i, j, p;

	for (i = 1; i < r->npatterns; i++) {
		p = r->order[i];
		for (j = i; j > 0 && ranks_before(r, p, r->order[j - 1]); j--)
			r->order[j] = r->order[j - 1];
		r->order[j] = p;
	}
}

/*
 * The grouped effects of pattern p that fired: only the strongest member of
 * each group counts (the first in rule order among equals). Returns the
 * evidence they add; appends their reasons after the nreasons already in s.
 */
static double
tally_groups(const struct kb *kb, struct ranking *r, size_t p,
    size_t *nreasons)
{
	struct engine_code	*c = r->code;
	struct pattern_score	*s = &r->scores[p];
	size_t			 k, g, b, nseen = 0, end = c->first[p + 1];
	uint32_t		 rule;
	double			 w, wb, evidence = 0;

	for (k = c->first[p]; k < end; k++) {
		if ((c->rules[k] & EFFECT_GROUPED) == 0)
			continue;
		rule = c->rules[k] & EFFECT_RULE;
		if (r->conditions[rule] != TV_TRUE)
			continue;
		g = kb->rules[rule].group;
		if ((b = c->best[g]) == GROUP_NONE) {
			c->best[g] = k;
			c->seen[nseen++] = g;
			continue;
		}
		memcpy(&w, &c->weights[k], sizeof w);
		memcpy(&wb, &c->weights[b], sizeof wb);
		if (fabs(w) > fabs(wb))
			c->best[g] = k;
	}
	while (nseen > 0) {
		g = c->seen[--nseen];
		k = c->best[g];
		c->best[g] = GROUP_NONE;
		memcpy(&w, &c->weights[k], sizeof w);
		evidence += w;
		s->reasons[*nreasons].rule = c->rules[k] & EFFECT_RULE;
		s->reasons[*nreasons].effect = w;
		(*nreasons)++;
	}
	return (evidence);
}

/* Strongest first, rule order among equals (insertion sort: lists are short). */
static void
sort_reasons(struct reason *v, size_t n)
{
	struct reason	 x;
	size_t		 i, j;

	for (i = 1; i < n; i++) {
		x = v[i];
		for (j = i; j > 0 && (fabs(v[j - 1].effect) < fabs(x.effect) ||
		    (fabs(v[j - 1].effect) == fabs(x.effect) &&
		    v[j - 1].rule > x.rule)); j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Pattern p's evidence, vetoes, reasons and score from r->conditions. */
static void
tally_pattern(const struct kb *kb, struct ranking *r, size_t p)
{
	const struct engine_code *c = r->code;
	const enum tv		*cond = r->conditions;
	struct pattern_score	*s = &r->scores[p];
	struct reason		*reasons = s->reasons;
	size_t			*vetoes = s->vetoes, *stretches = s->stretches;
	size_t			 nreasons = 0, nvetoes = 0, nstretches = 0;
	size_t			 k, end = c->first[p + 1];
	uint64_t		 bits;
	uint32_t		 rule, fired, keep, veto, stretch, plain;
	uint32_t		 vetoed = 0, stretched = 0;
	double			 evidence = 0, w, score;

	/* In rule order, so the pattern's lists and sum are too. */
	for (k = c->first[p]; k < end; k++) {
		rule = c->rules[k] & EFFECT_RULE;
		veto = c->rules[k] >> 31;
		stretch = (c->rules[k] >> 30) & 1;
		plain = ((c->rules[k] >> 29) & 1) ^ 1;
		fired = cond[rule] == TV_TRUE;
		keep = fired & (veto ^ 1) & (stretch ^ 1) & plain;
		veto &= fired;
		stretch &= fired;
		bits = c->weights[k] & (0 - (uint64_t)keep);
		memcpy(&w, &bits, sizeof w);
		evidence += w;
		vetoed |= veto;
		stretched |= stretch;
		memcpy(&w, &c->weights[k], sizeof w);
		reasons[nreasons].rule = rule;
		reasons[nreasons].effect = w;
		nreasons += keep;
		vetoes[nvetoes] = rule;
		nvetoes += veto;
		stretches[nstretches] = rule;
		nstretches += stretch;
	}
	if (c->grouped[p])
		evidence += tally_groups(kb, r, p, &nreasons);
	if (r->sort_reasons)
		sort_reasons(reasons, nreasons);
	s->evidence = evidence;
	s->vetoed = vetoed != 0;
	s->stretched = stretched != 0 && !s->vetoed;
	s->nreasons = nreasons;
	s->nvetoes = nvetoes;
	s->nstretches = nstretches;
	/* Computed even when vetoed: a select, not a branch. */
	score = engine_score(evidence, kb->scale);
	s->score = vetoed ? 0.0 : score;
	s->fit = engine_fit(s->score, s->vetoed);
}

void
engine_rank(const struct kb *kb, const struct value *answers,
    struct ranking *r)
{
	size_t	p;

	expr_prog_eval(r->code->prog, answers, r->code->scratch,
	    r->conditions);
	for (p = 0; p < r->npatterns; p++)
		tally_pattern(kb, r, p);
	sort_order(r);
	engine_recommend(kb, answers, r);
	r->code->tallied = true;
}

/*
 * What-if analysis changes one answer and re-ranks, thousands of times;
 * most changes flip no condition, or touch one pattern or two. Only the
 * patterns of rules whose condition changed are tallied again, and nothing
 * at all is redone when none changed.
 */
void
engine_rerank(const struct kb *kb, const struct value *answers,
    struct ranking *r, const size_t *rules, size_t nrules)
{
	struct engine_code	*c = r->code;
	uint64_t		 dirty = 0;
	size_t			 i, j, p, ndirty = 0;
	bool			 all;

	/* (A list longer than the rules repeats some: redo everything.) */
	for (i = 0; i < nrules && i < kb->nrules; i++)
		c->before[i] = r->conditions[rules[i]];
	expr_prog_eval_some(c->prog, answers, c->scratch, r->conditions,
	    rules, nrules);
	all = !c->tallied || nrules > kb->nrules;
	for (i = 0; i < nrules && i < kb->nrules && !all; i++) {
		if (r->conditions[rules[i]] == c->before[i])
			continue;
		if (kb->npatterns <= 64) {
			dirty |= c->touches[rules[i]];
			continue;
		}
		/* Past 64 patterns, the patterns of the rule's effects. */
		for (j = 0; j < kb->rules[rules[i]].neffects; j++) {
			p = kb->rules[rules[i]].effects[j].pattern;
			if (!c->dirty[p]) {
				c->dirty[p] = true;
				c->dirty_list[ndirty++] = p;
			}
		}
	}
	if (!all && dirty == 0 && ndirty == 0) {
		/* Whether the organisation is settled hangs on which answers
		   are known, which can change without a condition changing. */
		engine_decide_organization(kb, answers, r);
		return;
	}
	if (all || kb->npatterns <= 64) {
		for (p = 0; p < r->npatterns; p++)
			if (all || (dirty & ((uint64_t)1 << p)) != 0)
				tally_pattern(kb, r, p);
	}
	for (i = 0; i < ndirty; i++) {
		p = c->dirty_list[i];
		c->dirty[p] = false;
		if (!all)
			tally_pattern(kb, r, p);
	}
	if (c->tallied)
		resort(r);
	else
		sort_order(r);
	engine_recommend(kb, answers, r);
	c->tallied = true;
}

size_t
ranking_by_kind(const struct kb *kb, const struct ranking *r, size_t *out)
{
	size_t	i, n = 0, nproc;

	for (i = 0; i < r->npatterns; i++)
		if (kb->patterns[r->order[i]].kind == PATTERN_PROCESSING)
			out[n++] = r->order[i];
	nproc = n;
	for (i = 0; i < r->npatterns; i++)
		if (kb->patterns[r->order[i]].kind != PATTERN_PROCESSING)
			out[n++] = r->order[i];
	return (nproc);
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
