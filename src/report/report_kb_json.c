/*
 * report_kb_json: the knowledge base for programs: `patterns --format
 * json` and `questions --format json`, in the report's envelope (tool,
 * version, format_version).
 */
#include <jansson.h>

#include "report.h"
#include "report_json.h"
#include "words.h"

static json_t *
strings(const struct strlist *l)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->items[i]));
	return (a);
}

static json_t *
envelope(const struct report_ctx *ctx, const char *key, json_t *list)
{
	return (json_pack("{s:s, s:s, s:s, s:{s:s, s:s}, s:o}",
	    "tool", "archadvisor", "version", ctx->version,
	    "format_version", "2",
	    "knowledge_base", "name", ctx->kb->name, "version",
	    ctx->kb->version, key, list));
}

int
report_patterns_json(FILE *fp, const struct report_ctx *ctx, int pattern)
{
	const struct pattern	*p;
	json_t			*list = json_array(), *o;
	size_t			 i;

	for (i = 0; i < ctx->kb->npatterns; i++) {
		if (pattern >= 0 && (size_t)pattern != i)
			continue;
		p = &ctx->kb->patterns[i];
		o = json_pack("{s:s, s:s, s:s, s:s?, s:o, s:o, s:o, s:o}",
		    "id", p->id, "name", p->name,
		    "kind", pattern_kind_name(p->kind),
		    "summary", p->summary,
		    "best_for", strings(&p->best_for),
		    "tools", strings(&p->tools),
		    "pros", strings(&p->pros),
		    "cons", strings(&p->cons));
		json_array_append_new(list, o);
	}
	return (json_write(fp, envelope(ctx, "patterns", list)));
}

int
report_questions_json(FILE *fp, const struct report_ctx *ctx)
{
	const struct question	*q;
	json_t			*list = json_array(), *o, *values, *labels;
	char			 label[WORDS_LABEL_MAX * 2];
	size_t			 i, j;

	for (i = 0; i < ctx->kb->nquestions; i++) {
		q = &ctx->kb->questions[i];
		values = json_array();
		labels = json_object();
		for (j = 0; j < q->dom.nnames; j++) {
			json_array_append_new(values,
			    json_string(q->dom.names[j]));
			json_object_set_new(labels, q->dom.names[j],
			    json_string(words_value_label(q, j, label,
			    sizeof label)));
		}
		o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:b, s:s?}",
		    "id", q->id, "label", words_label(q, label, sizeof label),
		    "section", q->section, "prompt", q->prompt,
		    "type", value_type_name(q->dom.type), "values", values,
		    "value_labels", labels, "requirement", q->requirement,
		    "ask_if", q->ask_if_text);
		json_array_append_new(list, o);
	}
	return (json_write(fp, envelope(ctx, "questions", list)));
}
