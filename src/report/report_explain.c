/*
 * report_explain: every rule that can affect one pattern, with whether its
 * condition held for these answers (true, false, or unknown because a
 * question it reads is unanswered) and what it contributed.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "report.h"
#include "report_json.h"
#include "textfmt.h"
#include "words.h"
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

/* Collects the comparisons of a condition that were not true. */
struct leaves {
	const struct report_ctx	*ctx;
	FILE			*fp;		/* text: write here */
	json_t			*arr;		/* json: append here */
	bool			 all;		/* every comparison, true too */
};

static void
leaf(void *arg, const struct expr_cmp *c)
{
	struct leaves		*l = arg;
	const struct question	*q = &l->ctx->kb->questions[c->question];
	const struct value	*v = &l->ctx->answers->v[c->question];
	enum tv			 t = expr_cmp_eval(c, v);
	char			 text[512], val[512], name[WORDS_LABEL_MAX * 2];

	if (t == TV_TRUE && !l->all)
		return;
	expr_cmp_format(c, l->ctx->kb, text, sizeof text);
	value_format(&q->dom, v, val, sizeof val);
	if (l->arr != NULL) {
		json_array_append_new(l->arr, json_pack("{s:s, s:s, s:s}",
		    "test", text, "value", tv_name(t), "answer", val));
		return;
	}
	words_label_lower(q, name, sizeof name);
	if (t == TV_UNKNOWN)
		fprintf(l->fp, "%16s%s: unknown (%s unanswered)\n", "", text,
		    name);
	else
		fprintf(l->fp, "%16s%s: %s (%s: %s)\n", "", text, tv_name(t),
		    name, words_value(q, v, val, sizeof val));
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
	char				 effect[32];

	text_style(fp, ctx->color, "1");
	fprintf(fp, "%s (%s)", kb->patterns[pattern].name,
	    kb->patterns[pattern].id);
	text_reset(fp, ctx->color);
	if (kb->patterns[pattern].kind == PATTERN_PROCESSING)
		fprintf(fp, ": rank %zu of %zu processing patterns",
		    advice_place(ctx->advice, pattern) + 1,
		    ctx->advice->nprocessing);
	else
		fprintf(fp, ": the organisation, decided apart from "
		    "processing");
	fprintf(fp, ", score %.1f, %s\n", s->score, fit_name(s->fit));
	if (s->vetoed)
		fprintf(fp, "Ruled out by %zu rule%s.\n", s->nvetoes,
		    s->nvetoes == 1 ? "" : "s");
	else
		/* exp(4.0 / 4) for evidence -4.0, not exp(--4.0 / 4). */
		fprintf(fp, "Evidence %+.1f; score = 100 / (1 + exp(%s%.1f / "
		    "%g)) = %.1f.\n", s->evidence, s->evidence < 0 ? "" : "-",
		    s->evidence < 0 ? -s->evidence : s->evidence, kb->scale,
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
		fprintf(fp, "%16swhen: %s\n", "", rule->when_text);
		if (v != TV_TRUE) {
			/* Which parts of the condition failed, and why. */
			struct leaves	l = { ctx, fp, NULL, false };

			expr_foreach_cmp(rule->when, leaf, &l);
		}
		fprintf(fp, "%16s", "");
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
	json_t			*rules, *o, *open, *tests;
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
		{
			struct leaves	l = { ctx, NULL, json_array(), true };

			expr_foreach_cmp(rule->when, leaf, &l);
			tests = l.arr;
		}
		o = json_pack("{s:s, s:s, s:s, s:b, s:o, s:s, s:s, s:o, s:o}",
		    "rule", rule->id,
		    "when", rule->when_text,
		    "status", status_name(ctx->ranking->conditions[i]),
		    "veto", e->veto,
		    "effect", json_real(e->veto ? 0.0 : e->weight),
		    "why", rule->why,
		    "source", rule->source,
		    "unanswered", open,
		    "tests", tests);
		json_array_append_new(rules, o);
	}
	free(used);
	o = json_ranking_entry_for(kb, ctx->ranking, ctx->answers->v, pattern);
	json_object_set_new(o, "rules", rules);
	/* The same envelope as the report's, the pattern's fields beside it
	   as before. */
	json_object_set_new(o, "tool", json_string("archadvisor"));
	json_object_set_new(o, "version", json_string(ctx->version));
	json_object_set_new(o, "format_version", json_string("2"));
	return (json_write(fp, o));
}
