/*
 * report_explain: every rule that can affect one pattern, with whether its
 * condition held for these answers (true, false, or unknown because a
 * question it reads is unanswered) and what it contributed.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_json.h"
#include "textfmt.h"
#include "xmalloc.h"

/* The effect of rule on pattern, or NULL if the rule does not touch it. */
static const struct effect *
rule_effect(const struct rule *rule, size_t pattern)
{
	size_t	i;

	for (i = 0; i < rule->neffects; i++)
		if (rule->effects[i].pattern == pattern)
			return (&rule->effects[i]);
	return (NULL);
}

static const char *
status_name(enum tv v)
{
	switch (v) {
	case TV_TRUE:
		return ("fired");
	case TV_FALSE:
		return ("not met");
	default:
		return ("unknown");
	}
}

/* The unanswered questions a rule reads, as "a, b" (empty if none). */
static void
open_questions(const struct report_ctx *ctx, const struct rule *rule,
    char *buf, size_t bufsz)
{
	bool	*used;
	size_t	 i, len = 0;

	buf[0] = '\0';
	used = xcalloc(ctx->kb->nquestions, sizeof *used);
	expr_questions(rule->when, used);
	for (i = 0; i < ctx->kb->nquestions; i++)
		if (used[i] && !ctx->answers->v[i].known && len < bufsz)
			len += (size_t)snprintf(buf + len, bufsz - len,
			    "%s%s", len ? ", " : "", ctx->kb->questions[i].id);
	free(used);
}

int
report_explain_text(FILE *fp, const struct report_ctx *ctx, size_t pattern)
{
	const struct kb			*kb = ctx->kb;
	const struct pattern_score	*s = &ctx->ranking->scores[pattern];
	const struct effect		*e;
	const struct rule		*rule;
	enum tv				 v;
	size_t				 i, n = 0;
	char				 effect[32], open[512];

	text_style(fp, ctx->color, "1");
	fprintf(fp, "%s (%s)", kb->patterns[pattern].name,
	    kb->patterns[pattern].id);
	text_reset(fp, ctx->color);
	fprintf(fp, ": rank %zu of %zu, score %.1f, %s\n",
	    ranking_rank(ctx->ranking, pattern), ctx->ranking->npatterns,
	    s->score, fit_name(s->fit));
	if (s->vetoed)
		fprintf(fp, "Ruled out by %zu rule%s.\n", s->nvetoes,
		    s->nvetoes == 1 ? "" : "s");
	else
		fprintf(fp, "Evidence %+.1f; score = 100 / (1 + exp(-%.1f / "
		    "%g)) = %.1f.\n", s->evidence, s->evidence, kb->scale,
		    s->score);
	fputc('\n', fp);
	for (i = 0; i < kb->nrules; i++) {
		rule = &kb->rules[i];
		if ((e = rule_effect(rule, pattern)) == NULL)
			continue;
		n++;
		v = ctx->ranking->conditions[i];
		if (e->veto)
			snprintf(effect, sizeof effect, "veto");
		else
			snprintf(effect, sizeof effect, "%+.1f", e->weight);
		text_style(fp, ctx->color, v == TV_TRUE ? "1" : "2");
		fprintf(fp, "%-8s %5s  %s\n", status_name(v), effect,
		    rule->id);
		text_reset(fp, ctx->color);
		fprintf(fp, "%16swhen: %s", "", rule->when_text);
		open_questions(ctx, rule, open, sizeof open);
		if (v == TV_UNKNOWN && open[0] != '\0')
			fprintf(fp, "  (unanswered: %s)", open);
		fprintf(fp, "\n%16s", "");
		text_wrap(fp, rule->why, 16, 16, ctx->width);
		fputs("\n\n", fp);
	}
	if (n == 0)
		fputs("No rule in the knowledge base affects this option.\n",
		    fp);
	return (ferror(fp) ? -1 : 0);
}

int
report_explain_json(FILE *fp, const struct report_ctx *ctx, size_t pattern)
{
	const struct kb		*kb = ctx->kb;
	const struct effect	*e;
	const struct rule	*rule;
	json_t			*rules, *o, *open;
	bool			*used;
	size_t			 i, q;

	rules = json_array();
	used = xcalloc(kb->nquestions, sizeof *used);
	for (i = 0; i < kb->nrules; i++) {
		rule = &kb->rules[i];
		if ((e = rule_effect(rule, pattern)) == NULL)
			continue;
		memset(used, 0, kb->nquestions * sizeof *used);
		expr_questions(rule->when, used);
		open = json_array();
		for (q = 0; q < kb->nquestions; q++)
			if (used[q] && !ctx->answers->v[q].known)
				json_array_append_new(open,
				    json_string(kb->questions[q].id));
		o = json_pack("{s:s, s:s, s:s, s:b, s:o, s:s, s:s, s:o}",
		    "rule", rule->id,
		    "when", rule->when_text,
		    "status", status_name(ctx->ranking->conditions[i]),
		    "veto", e->veto,
		    "effect", json_real(e->veto ? 0.0 : e->weight),
		    "why", rule->why,
		    "source", rule->source,
		    "unanswered", open);
		json_array_append_new(rules, o);
	}
	free(used);
	o = json_ranking_entry(kb, ctx->ranking, pattern);
	json_object_set_new(o, "rules", rules);
	return (json_write(fp, o));
}
