/*
 * report_json_model: the stable machine-readable models of SPEC.md, built
 * with jansson so that escaping and number formatting are never
 * hand-written: the report of an analysis and the knowledge base's
 * patterns and questions. Fields may be added; the documented ones are
 * never renamed. Writing them is report_json.c's.
 */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "report.h"
#include "report_json_model.h"
#include "words.h"

/* Scores are shown to one decimal, as in every other format. */
static json_t *
json_score(double x)
{
	return (json_real(round(x * 10.0) / 10.0));
}

json_t *
json_answer(const struct question *q, const struct value *v)
{
	json_t	*arr;
	char	 buf[256];
	size_t	 i;

	switch (q->dom.type) {
	case VAL_INT:
		return (json_integer(v->num));
	case VAL_BOOL:
		return (json_boolean(v->num != 0));
	case VAL_SET:
		arr = json_array();
		for (i = 0; i < q->dom.nnames; i++)
			if (v->bits & ((uint64_t)1 << i))
				json_array_append_new(arr,
				    json_string(q->dom.names[i]));
		return (arr);
	default:
		return (json_string(value_format(&q->dom, v, buf,
		    sizeof buf)));
	}
}

json_t *
json_answers(const struct kb *kb, const struct answers *a)
{
	json_t	*obj;
	size_t	 i;

	obj = json_object();
	for (i = 0; i < kb->nquestions; i++)
		if (a->v[i].known)
			json_object_set_new(obj, kb->questions[i].id,
			    json_answer(&kb->questions[i], &a->v[i]));
	return (obj);
}

static json_t *
json_unanswered(const struct kb *kb, const struct answers *a)
{
	json_t	*arr;
	size_t	 i;

	arr = json_array();
	for (i = 0; i < kb->nquestions; i++)
		if (!a->v[i].known)
			json_array_append_new(arr,
			    json_string(kb->questions[i].id));
	return (arr);
}

/* Pattern p's verdict on every answered requirement. */
static json_t *
json_requirements(const struct kb *kb, const struct ranking *r,
    const struct value *answers, size_t p)
{
	json_t		*arr = json_array();
	enum verdict	 v;
	size_t		 q;

	for (q = 0; answers != NULL && q < kb->nquestions; q++)
		if ((v = engine_verdict(kb, r, answers, p, q)) !=
		    VERDICT_UNKNOWN)
			json_array_append_new(arr, json_pack("{s:s, s:s}",
			    "question", kb->questions[q].id,
			    "verdict", verdict_name(v)));
	return (arr);
}

json_t *
json_ranking_entry_for(const struct kb *kb, const struct ranking *r,
    const struct value *answers, size_t p)
{
	const struct pattern_score	*s = &r->scores[p];
	const struct rule		*rule;
	json_t				*o, *reasons, *vetoes, *vr;
	size_t				 j;

	reasons = json_array();
	for (j = 0; j < s->nreasons; j++) {
		rule = &kb->rules[s->reasons[j].rule];
		json_array_append_new(reasons, json_pack("{s:s, s:o, s:s}",
		    "rule", rule->id, "effect", json_real(s->reasons[j].effect),
		    "why", rule->why));
	}
	vr = json_array();
	vetoes = json_array();
	for (j = 0; j < s->nvetoes; j++) {
		rule = &kb->rules[s->vetoes[j]];
		json_array_append_new(vr, json_string(rule->why));
		json_array_append_new(vetoes, json_pack("{s:s, s:s}",
		    "rule", rule->id, "why", rule->why));
	}
	o = json_pack("{s:I, s:s, s:s, s:s, s:o, s:s, s:b, s:o, s:o, s:o, "
	    "s:o}",
	    "rank", (json_int_t)ranking_rank(r, p),
	    "pattern", kb->patterns[p].id,
	    "name", kb->patterns[p].name,
	    "kind", pattern_kind_name(kb->patterns[p].kind),
	    "score", json_score(s->score),
	    "fit", fit_name(s->fit),
	    "vetoed", s->vetoed,
	    "veto_reasons", vr,
	    "reasons", reasons,
	    "evidence", json_real(s->evidence),
	    "vetoes", vetoes);
	json_object_set_new(o, "stretched", json_boolean(s->stretched));
	if (answers != NULL)
		json_object_set_new(o, "requirements",
		    json_requirements(kb, r, answers, p));
	return (o);
}

json_t *
json_recommendation(const struct kb *kb, const struct ranking *r)
{
	return (json_pack("{s:s?, s:s, s:b, s:o, s:b, s:s?}",
	    "processing", r->processing >= 0 ?
	    kb->patterns[r->processing].id : NULL,
	    "organization", r->organization >= 0 ?
	    kb->patterns[r->organization].id : "centralized",
	    "organization_settled", r->org_settled,
	    "margin", json_score(r->margin),
	    "close_call", r->close_call,
	    "runner_up", r->runner_up >= 0 ?
	    kb->patterns[r->runner_up].id : NULL));
}

/* The questions that would decide a close call, and the open organisation
   questions. */
static void
json_deciding(json_t *rec, const struct report_ctx *ctx)
{
	const struct kb		*kb = ctx->kb;
	const struct whatif	*w = ctx->whatif;
	json_t			*dq = json_array(), *oq = json_array();
	size_t			 i, q;

	for (i = 0; w != NULL && i < w->ndeciding; i++)
		json_array_append_new(dq, json_string(
		    kb->questions[w->deciding[i]].id));
	for (i = 0; i < kb->norg_questions; i++) {
		q = kb->org_questions[i];
		if (!ctx->answers->v[q].known)
			json_array_append_new(oq,
			    json_string(kb->questions[q].id));
	}
	json_object_set_new(rec, "deciding_questions", dq);
	json_object_set_new(rec, "organization_open_questions", oq);
}

/* A fraction as a percentage with one decimal. */
static json_t *
json_pct(double x)
{
	return (json_real(round(x * 1000.0) / 10.0));
}

json_t *
json_precedent(const struct kb *kb, size_t p, const struct precedent_match *m)
{
	const struct precedent	*pr = &kb->precedents[p];
	json_t			*o, *inf, *ans;
	size_t			 q;

	inf = json_array();
	ans = json_object();
	for (q = 0; q < kb->nquestions; q++) {
		if (!pr->answers[q].known)
			continue;
		json_object_set_new(ans, kb->questions[q].id,
		    json_answer(&kb->questions[q], &pr->answers[q]));
		if (pr->inferred[q])
			json_array_append_new(inf,
			    json_string(kb->questions[q].id));
	}
	o = json_pack("{s:s, s:s, s:i, s:s, s:s?, s:b, s:s, s:s?, "
	    "s:{s:s, s:s}, s:o, s:o, s:s?}",
	    "id", pr->id,
	    "organisation", pr->organisation,
	    "year", pr->year,
	    "chose", kb->patterns[pr->chose].id,
	    "moved_from", pr->moved_from >= 0 ?
	    kb->patterns[pr->moved_from].id : NULL,
	    "regretted", pr->regretted,
	    "outcome", pr->outcome,
	    "note", pr->note,
	    "source", "title", pr->title, "url", pr->url,
	    "situation", ans,
	    "inferred", inf,
	    "reviewed", pr->reviewed[0] ? pr->reviewed : NULL);
	if (m != NULL) {
		json_object_set_new(o, "similarity", json_pct(m->similarity));
		json_object_set_new(o, "compared", json_integer(
		    (json_int_t)m->compared));
		json_object_set_new(o, "answered", json_integer(
		    (json_int_t)m->answered));
	}
	return (o);
}

void
report_evidence_json(json_t *root, const struct report_ctx *ctx)
{
	const struct precedent_match	*m;
	json_t				*arr, *kbo;
	size_t				 i, n;

	arr = json_array();
	n = report_nearest(ctx, &m);
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_precedent(ctx->kb,
		    m[i].precedent, &m[i]));
	json_object_set_new(root, "precedents", arr);
	if ((kbo = json_object_get(root, "knowledge_base")) != NULL &&
	    ctx->kb->reviewed[0] != '\0')
		json_object_set_new(kbo, "reviewed",
		    json_string(ctx->kb->reviewed));
}

json_t *
json_report(const struct report_ctx *ctx)
{
	const struct kb	*kb = ctx->kb;
	json_t		*root, *ranking, *scenario, *files, *notes;
	size_t		 i;

	ranking = json_array();
	for (i = 0; i < ctx->ranking->npatterns; i++)
		json_array_append_new(ranking, json_ranking_entry_for(kb,
		    ctx->ranking, ctx->answers->v, ctx->ranking->order[i]));
	scenario = json_object();
	if (ctx->answers->name != NULL)
		json_object_set_new(scenario, "name",
		    json_string(ctx->answers->name));
	if (ctx->answers->description != NULL)
		json_object_set_new(scenario, "description",
		    json_string(ctx->answers->description));
	if (answers_have_notes(ctx->answers)) {
		notes = json_object();
		for (i = 0; i < kb->nquestions; i++)
			if (answers_note(ctx->answers, i) != NULL)
				json_object_set_new(notes,
				    kb->questions[i].id, json_string(
				    answers_note(ctx->answers, i)));
		json_object_set_new(scenario, "notes", notes);
	}
	files = json_array();
	for (i = 0; i < kb->files.n; i++)
		json_array_append_new(files, json_string(kb->files.items[i]));
	root = json_pack("{s:s, s:s, s:{s:s, s:s, s:o}, s:o, s:o, s:o, s:o, "
	    "s:o}",
	    "tool", "archadvisor",
	    "version", ctx->version,
	    "knowledge_base", "name", kb->name, "version", kb->version,
	    "files", files,
	    "scenario", scenario,
	    "answers", json_answers(kb, ctx->answers),
	    "unanswered", json_unanswered(kb, ctx->answers),
	    "ranking", ranking,
	    "recommendation", json_recommendation(kb, ctx->ranking));
	json_deciding(json_object_get(root, "recommendation"), ctx);
	json_object_set_new(root, "format_version", json_string("2"));
	report_whatif_json(root, ctx);
	report_evidence_json(root, ctx);
	return (root);
}

/* The knowledge base for programs: `patterns` and `questions`. */

static json_t *
strings(const struct strlist *l)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->items[i]));
	return (a);
}

/* The report's envelope (tool, version, format_version) around list. */
static json_t *
envelope(const struct report_ctx *ctx, const char *key, json_t *list)
{
	return (json_pack("{s:s, s:s, s:s, s:{s:s, s:s}, s:o}",
	    "tool", "archadvisor", "version", ctx->version,
	    "format_version", "2",
	    "knowledge_base", "name", ctx->kb->name, "version",
	    ctx->kb->version, key, list));
}

json_t *
json_patterns_model(const struct report_ctx *ctx, int pattern)
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
	return (envelope(ctx, "patterns", list));
}

json_t *
json_questions_model(const struct report_ctx *ctx)
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
	return (envelope(ctx, "questions", list));
}
