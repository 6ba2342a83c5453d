/*
 * kb: construction, lookup and release of the in-memory knowledge base.
 */
#include "kb.h"

#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "xmalloc.h"

struct kb *
kb_new(void)
{
	struct kb	*kb;

	kb = xcalloc(1, sizeof *kb);
	kb->scale = KB_DEFAULT_SCALE;
	kb->org_threshold = KB_DEFAULT_ORG_THRESHOLD;
	kb->close_call = KB_DEFAULT_CLOSE_CALL;
	return (kb);
}

void
kb_question_clear(struct question *q)
{
	size_t	i;

	free(q->id);
	free(q->section);
	free(q->prompt);
	free(q->help);
	free(q->ask_if_text);
	expr_free(q->ask_if);
	free(q->label);
	free(q->if_yes);
	free(q->if_no);
	free(q->if_less);
	free(q->if_more);
	free(q->if_added);
	free(q->if_dropped);
	for (i = 0; i < q->dom.nnames; i++) {
		free(q->dom.names[i]);
		if (q->value_labels != NULL)
			free(q->value_labels[i]);
		if (q->value_ifs != NULL)
			free(q->value_ifs[i]);
	}
	free(q->dom.names);
	free(q->value_labels);
	free(q->value_ifs);
}

void
kb_pattern_clear(struct pattern *p)
{
	size_t	i;

	free(p->id);
	free(p->name);
	free(p->summary);
	free(p->sketch);
	free(p->source);
	free(p->run);
	free(p->watch);
	free(p->learn);
	strlist_free(&p->best_for);
	strlist_free(&p->tools);
	strlist_free(&p->pros);
	strlist_free(&p->cons);
	for (i = 0; i < p->nprinciples; i++) {
		free(p->principles[i].name);
		free(p->principles[i].text);
	}
	free(p->principles);
	strlist_free(&p->tool_deprecated);
}

void
kb_rule_clear(struct rule *r)
{
	free(r->id);
	free(r->when_text);
	expr_free(r->when);
	free(r->effects);
	free(r->why);
	free(r->source);
}

void
kb_free(struct kb *kb)
{
	size_t	i;

	if (kb == NULL)
		return;
	for (i = 0; i < kb->nquestions; i++)
		kb_question_clear(&kb->questions[i]);
	for (i = 0; i < kb->npatterns; i++)
		kb_pattern_clear(&kb->patterns[i]);
	for (i = 0; i < kb->nrules; i++)
		kb_rule_clear(&kb->rules[i]);
	free(kb->questions);
	free(kb->patterns);
	free(kb->rules);
	free(kb->name);
	free(kb->version);
	for (i = 0; i < kb->nprecedents; i++)
		kb_precedent_clear(&kb->precedents[i]);
	free(kb->precedents);
	strlist_free(&kb->sections);
	strlist_free(&kb->groups);
	free(kb->org_questions);
	for (i = 0; i < kb->nimplausible; i++) {
		free(kb->implausible[i].when_text);
		expr_free(kb->implausible[i].when);
		free(kb->implausible[i].why);
	}
	free(kb->implausible);
	strlist_free(&kb->files);
	free(kb);
}

int
kb_question_index(const struct kb *kb, const char *id)
{
	size_t	i;

	for (i = 0; i < kb->nquestions; i++)
		if (strcmp(kb->questions[i].id, id) == 0)
			return ((int)i);
	return (-1);
}

int
kb_pattern_index(const struct kb *kb, const char *id)
{
	size_t	i;

	for (i = 0; i < kb->npatterns; i++)
		if (strcmp(kb->patterns[i].id, id) == 0)
			return ((int)i);
	return (-1);
}

int
kb_rule_index(const struct kb *kb, const char *id)
{
	size_t	i;

	for (i = 0; i < kb->nrules; i++)
		if (strcmp(kb->rules[i].id, id) == 0)
			return ((int)i);
	return (-1);
}

bool
kb_question_asked(const struct kb *kb, size_t q, const struct value *answers)
{
	const struct expr	*e = kb->questions[q].ask_if;

	return (e == NULL || expr_eval(e, answers) != TV_FALSE);
}

void
kb_precedent_clear(struct precedent *p)
{
	free(p->id);
	free(p->organisation);
	free(p->title);
	free(p->url);
	free(p->outcome);
	free(p->note);
	free(p->clearly_wrong);
	free(p->answers);
	free(p->inferred);
}

const char *
pattern_kind_name(enum pattern_kind k)
{
	return (k == PATTERN_ORGANIZATION ? "organization" : "processing");
}

void
strlist_push(struct strlist *l, const char *s)
{
	/* Doubles at each power of two: lists from YAML may be long. */
	if ((l->n & (l->n - 1)) == 0)
		l->items = xreallocarray(l->items, l->n ? 2 * l->n : 1,
		    sizeof *l->items);
	l->items[l->n++] = xstrdup(s);
}

void
strlist_free(struct strlist *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}
