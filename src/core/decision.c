/*
 * decision: what the engine decides once the patterns are scored and
 * sorted: the recommended processing pattern, its runner-up and whether it
 * is a close call; the scores of patterns that meet a requirement only at
 * a stretch, held below those that meet them all; the organisation,
 * settled or leaning; and each pattern's verdict on each requirement.
 * Called by engine.c; the verdicts by the writers.
 */
#include <stdbool.h>
#include <stddef.h>

#include "engine.h"
#include "expr.h"

/*
 * A pattern that meets a requirement only at a stretch ranks below every
 * pattern of its kind that meets them all, and its score says so: it is
 * held at the score of the last of those.
 */
static void
cap_stretched(const struct kb *kb, struct ranking *r)
{
	struct pattern_score	*s;
	double			 floor[2] = { 100.0, 100.0 };
	size_t			 i, kind;

	for (i = 0; i < r->npatterns; i++) {
		s = &r->scores[r->order[i]];
		kind = kb->patterns[r->order[i]].kind == PATTERN_PROCESSING ?
		    0 : 1;
		if (s->vetoed)
			continue;
		if (!s->stretched) {
			floor[kind] = s->score;
			continue;
		}
		s->score = engine_score(s->evidence, kb->scale);
		if (s->score > floor[kind])
			s->score = floor[kind];
		s->fit = engine_fit(s->score, false);
	}
}

/* Is an organisation question unanswered and asked? */
static bool
org_open(const struct kb *kb, const struct value *answers)
{
	const struct question	*q;
	size_t			 i;

	for (i = 0; i < kb->norg_questions; i++) {
		q = &kb->questions[kb->org_questions[i]];
		if (!answers[kb->org_questions[i]].known &&
		    (q->ask_if == NULL || expr_eval(q->ask_if, answers) !=
		    TV_FALSE))
			return (true);
	}
	return (false);
}

/*
 * The organisation is a decision of its own. Settled (every organisation
 * question answered): the best organisation pattern that is not ruled out
 * and reaches kb->org_threshold, else central. Not settled: the same, or,
 * when the known evidence already speaks for it, that pattern as a lean.
 */
void
engine_decide_organization(const struct kb *kb, const struct value *answers,
    struct ranking *r)
{
	const struct pattern_score	*s;
	size_t				 i, p;

	r->organization = -1;
	r->org_settled = !org_open(kb, answers);
	for (i = 0; i < r->npatterns; i++) {
		p = r->order[i];
		s = &r->scores[p];
		if (kb->patterns[p].kind != PATTERN_ORGANIZATION)
			continue;
		if (s->vetoed || s->stretched)
			return;
		if (s->score >= kb->org_threshold ||
		    (!r->org_settled && s->evidence > 0))
			r->organization = (int)p;
		return;
	}
}

void
engine_recommend(const struct kb *kb, const struct value *answers,
    struct ranking *r)
{
	const struct pattern_score	*s, *top = NULL;
	size_t				 i, p;

	cap_stretched(kb, r);
	r->processing = r->runner_up = -1;
	r->margin = 0;
	r->close_call = false;
	for (i = 0; i < r->npatterns; i++) {
		p = r->order[i];
		s = &r->scores[p];
		if (kb->patterns[p].kind == PATTERN_PROCESSING) {
			if (top == NULL) {
				if (s->vetoed)
					continue;
				r->processing = (int)p;
				r->margin = s->score;
				top = s;
			} else if (r->runner_up < 0) {
				r->margin -= s->score;
				r->runner_up = (int)p;
				r->close_call = !s->vetoed &&
				    s->stretched == top->stretched &&
				    r->margin <= kb->close_call;
			}
		}
	}
	engine_decide_organization(kb, answers, r);
}

enum verdict
engine_verdict(const struct kb *kb, const struct ranking *r,
    const struct value *answers, size_t p, size_t q)
{
	const struct pattern_score	*s = &r->scores[p];
	enum verdict			 v = VERDICT_MEETS;
	size_t				 i;

	/* Requirements are needs of the processing; an organisation meets
	   or misses none of them. */
	if (!kb->questions[q].requirement || !answers[q].known ||
	    kb->patterns[p].kind != PATTERN_PROCESSING)
		return (VERDICT_UNKNOWN);
	/* A yes-or-no requirement answered no states no need. */
	if (kb->questions[q].dom.type == VAL_BOOL && answers[q].num == 0)
		return (VERDICT_UNKNOWN);
	for (i = 0; i < s->nvetoes; i++)
		if (kb->rules[s->vetoes[i]].requirement == (int)q)
			return (VERDICT_MISSES);
	for (i = 0; i < s->nstretches; i++)
		if (kb->rules[s->stretches[i]].requirement == (int)q)
			v = VERDICT_STRETCHES;
	return (v);
}

const char *
verdict_name(enum verdict v)
{
	switch (v) {
	case VERDICT_MEETS:
		return ("meets");
	case VERDICT_STRETCHES:
		return ("stretches");
	case VERDICT_MISSES:
		return ("misses");
	case VERDICT_UNKNOWN:
		break;
	}
	return ("unknown");
}
