/*
 * scenarios: each scenario against the first (see scenarios.h).
 */
#include "scenarios.h"

#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "xmalloc.h"

static void
outcome_of(const struct ranking *r, struct ws_outcome *o)
{
	memset(o, 0, sizeof *o);
	o->processing = r->processing;
	o->organization = r->organization;
	o->org_settled = r->org_settled;
	o->close_call = r->close_call;
	o->runner_up = r->runner_up;
	o->margin = r->margin;
}

void
scenarios_compare(const struct kb *kb, const struct value *const *answers,
    size_t n, struct scenarios *s)
{
	struct ranking	*r = ranking_new(kb);
	struct value	*scratch;
	struct scen_cmp	*c;
	size_t		 i, q;

	s->n = n;
	s->s = xcalloc(n + 1, sizeof *s->s);
	scratch = xcalloc(kb->nquestions + 1, sizeof *scratch);
	for (i = 0; i < n; i++) {
		engine_rank(kb, answers[i], r);
		outcome_of(r, &s->s[i].out);
		s->s[i].changed = i > 0 && !ws_outcome_same(&s->s[i].out,
		    &s->s[0].out);
	}
	memcpy(scratch, answers[0], kb->nquestions * sizeof *scratch);
	for (i = 1; i < n; i++) {
		c = &s->s[i];
		for (q = 0; q < kb->nquestions; q++) {
			if (value_equal(&answers[0][q], &answers[i][q]))
				continue;
			c->ch = xreallocarray(c->ch, c->nch + 1,
			    sizeof *c->ch);
			c->ch[c->nch].question = q;
			scratch[q] = answers[i][q];
			engine_rank(kb, scratch, r);
			scratch[q] = answers[0][q];
			outcome_of(r, &c->ch[c->nch].out);
			c->ch[c->nch].moves = !ws_outcome_same(
			    &c->ch[c->nch].out, &s->s[0].out);
			c->nmoves += c->ch[c->nch].moves;
			c->nch++;
		}
	}
	free(scratch);
	ranking_free(r);
}

void
scenarios_free(struct scenarios *s)
{
	size_t	i;

	for (i = 0; s->s != NULL && i < s->n; i++)
		free(s->s[i].ch);
	free(s->s);
	s->s = NULL;
	s->n = 0;
}

bool
scenarios_same(const struct scenarios *s)
{
	size_t	i;

	for (i = 1; i < s->n; i++)
		if (s->s[i].changed)
			return (false);
	return (true);
}
