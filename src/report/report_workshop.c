/*
 * report_workshop: the workshop as text and JSON, and the sentences the
 * Markdown and HTML handouts share (see report_workshop.h).
 */
#include "report_workshop.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "handout.h"
#include "words.h"
#include "report_json.h"
#include "textfmt.h"
#include "xmalloc.h"

char *
workshop_outcome_words(const struct kb *kb, const struct ws_outcome *o)
{
	const char	*org;

	if (o->processing < 0)
		return (xstrdup("no processing pattern (every one is ruled "
		    "out)"));
	if (o->organization < 0)
		return (xasprintf("%s, organised centrally",
		    kb->patterns[o->processing].name));
	org = kb->patterns[o->organization].name;
	if (!o->org_settled)
		return (xasprintf("%s, leaning towards a %s",
		    kb->patterns[o->processing].name, org));
	return (xasprintf("%s, organised as a %s",
	    kb->patterns[o->processing].name, org));
}

char *
workshop_people_words(const struct workshop_ctx *c, uint64_t mask)
{
	char	*s = xstrdup(""), *t;
	size_t	 i, n = 0, total = 0, seen = 0;

	for (i = 0; i < c->w->npeople; i++)
		total += (mask >> i) & 1;
	if (total == c->w->npeople && total > 1) {
		free(s);
		return (xstrdup("everyone"));
	}
	for (i = 0; i < c->w->npeople; i++) {
		if (((mask >> i) & 1) == 0)
			continue;
		seen++;
		t = xasprintf("%s%s%s", s, n == 0 ? "" : seen == total ?
		    " and " : ", ", c->names[i]);
		free(s);
		s = t;
		n++;
	}
	return (s);
}

char *
workshop_robustness_words(const struct workshop_ctx *c)
{
	const struct workshop	*w = c->w;

	if (w->ndisputed == 0)
		return (xstrdup("Nobody disagrees: the common ground is "
		    "everyone's answer."));
	return (xasprintf("It holds in %zu of the %zu %sways (%.0f%%) the "
	    "%zu disputed question%s could be settled with the answers "
	    "people gave.", w->holds, w->ways, w->exhaustive ? "" :
	    "sampled ", w->holds_pct, w->ndisputed, w->ndisputed == 1 ? "" :
	    "s"));
}

const char *
workshop_lead_words(const struct workshop_ctx *c, const struct ws_outcome *o,
    double lead, char *buf, size_t bufsz)
{
	const struct ws_outcome	*was = &c->w->common_out;
	char			 points[32];

	if (o->processing != was->processing && was->processing >= 0 &&
	    o->ruled_out_was)
		snprintf(buf, bufsz, "rules out %s",
		    c->kb->patterns[was->processing].name);
	else if (o->processing != was->processing)
		snprintf(buf, bufsz, "%s ahead", words_lead(lead, points,
		    sizeof points));
	else
		snprintf(buf, bufsz, "the organisation changes");
	return (buf);
}

char *
workshop_margin_words(const struct kb *kb, const struct ws_outcome *o)
{
	char	lead[32];

	if (o->processing < 0 || o->runner_up < 0)
		return (xstrdup("no other option is left"));
	if (o->close_call)
		return (words_tied(o->margin) ? xasprintf("tied with %s",
		    kb->patterns[o->runner_up].name) : xasprintf("a close call "
		    "with %s", kb->patterns[o->runner_up].name));
	return (xasprintf("%s ahead of %s", words_lead(o->margin, lead,
	    sizeof lead), kb->patterns[o->runner_up].name));
}

static size_t
count_status(const struct workshop_ctx *c, enum ws_status st)
{
	size_t	q, n = 0;

	for (q = 0; q < c->kb->nquestions; q++)
		n += c->w->qs[q].status == st;
	return (n);
}

static void
text_option(FILE *fp, const struct workshop_ctx *c, size_t q,
    const struct ws_option *o)
{
	char	 buf[256], lead[256], *who, *what, *line;

	who = workshop_people_words(c, o->people);
	what = workshop_outcome_words(c->kb, &o->out);
	words_cell(&c->kb->questions[q], &o->v, buf, sizeof buf);
	if (o->changes)
		line = xasprintf("%s: %s -> %s (%s)", who, buf, what,
		    workshop_lead_words(c, &o->out, o->lead, lead,
		    sizeof lead));
	else
		line = xasprintf("%s: %s -> no change", who, buf);
	fputs("     ", fp);
	text_wrap(fp, line, 5, 7, c->width);
	fputc('\n', fp);
	free(line);
	free(what);
	free(who);
}

static void
text_agenda(FILE *fp, const struct workshop_ctx *c)
{
	const struct workshop	*w = c->w;
	char			 num[32], lbl[WORDS_LABEL_MAX * 2], *line;
	size_t			 i, o, q;

	if (w->nagenda == 0) {
		fputs(w->ndisputed ? "No disagreement changes the "
		    "recommendation on its own.\n" : "", fp);
	} else {
		text_style(fp, c->color, "1");
		fputs("Settle these: each changes the recommendation\n", fp);
		text_reset(fp, c->color);
	}
	for (i = 0; i < w->nagenda; i++) {
		q = w->agenda[i];
		snprintf(num, sizeof num, "  %zu. ", i + 1);
		fputs(num, fp);
		text_wrap(fp, words_label(&c->kb->questions[q], lbl, sizeof lbl), (int)strlen(num), 5,
		    c->width);
		fputc('\n', fp);
		for (o = 0; o < w->qs[q].nopts; o++)
			text_option(fp, c, q, &w->qs[q].opts[o]);
	}
	if (w->nquiet > 0)
		fprintf(fp, "%sThese disagreements do not change it%s:\n",
		    w->nagenda ? "\n" : "", w->exhaustive ? "" : " alone");
	for (i = 0; i < w->nquiet; i++) {
		q = w->quiet[i];
		line = xasprintf("%s%s", words_label(&c->kb->questions[q], lbl, sizeof lbl),
		    w->qs[q].jointly ? " (not alone; with other settled "
		    "answers it can)" : "");
		fputs("  - ", fp);
		text_wrap(fp, line, 4, 4, c->width);
		fputc('\n', fp);
		free(line);
	}
	fputc('\n', fp);
}

static void
text_questions(FILE *fp, const struct workshop_ctx *c)
{
	const struct kb		*kb = c->kb;
	const struct ws_question *wq;
	char			 buf[256], lbl[WORDS_LABEL_MAX * 2], *who, *line;
	size_t			 q, i, nopen = 0;

	text_style(fp, c->color, "1");
	fputs("Question by question\n", fp);
	text_reset(fp, c->color);
	for (q = 0; q < kb->nquestions; q++) {
		wq = &c->w->qs[q];
		if (wq->status == WS_OPEN) {
			nopen++;
			continue;
		}
		fputs(wq->status == WS_DISPUTED ? "  disagree  " :
		    wq->status == WS_SHARED ? "  agree     " : "  unopposed ",
		    fp);
		text_wrap(fp, words_label(&kb->questions[q], lbl, sizeof lbl), 12, 12, c->width);
		fputc('\n', fp);
		line = xstrdup("");
		for (i = 0; i < c->w->npeople; i++) {
			if (!c->people[i]->v[q].known &&
			    wq->status == WS_SHARED)
				continue;
			if (c->people[i]->v[q].known)
				words_cell(&kb->questions[q],
				    &c->people[i]->v[q], buf, sizeof buf);
			else
				snprintf(buf, sizeof buf, "no answer");
			who = xasprintf("%s%s%s: %s", line, i ? "; " : "",
			    c->names[i], buf);
			free(line);
			line = who;
		}
		if (wq->status == WS_SHARED) {
			free(line);
			words_cell(&kb->questions[q], &c->people[0]->v[q],
			    buf, sizeof buf);
			line = xasprintf("everyone: %s", buf);
		}
		fputs("            ", fp);
		text_wrap(fp, line, 12, 12, c->width);
		fputc('\n', fp);
		free(line);
	}
	if (nopen > 0)
		fprintf(fp, "  Nobody answered %zu question%s.\n", nopen,
		    nopen == 1 ? "" : "s");
}

int
report_workshop_text(FILE *fp, const struct workshop_ctx *c)
{
	const struct workshop	*w = c->w;
	char			*s, *m, *line, *who;
	size_t			 i, agreed;

	who = workshop_people_words(c, w->npeople >= 64 ? UINT64_MAX :
	    (UINT64_C(1) << w->npeople) - 1);
	text_style(fp, c->color, "1");
	fprintf(fp, "Workshop: %zu stakeholder%s\n", w->npeople,
	    w->npeople == 1 ? "" : "s");
	text_reset(fp, c->color);
	fputs("\nEach person's answers recommend\n", fp);
	for (i = 0; i < w->npeople; i++) {
		s = workshop_outcome_words(c->kb, &w->people[i]);
		line = xasprintf("%s: %s", c->names[i], s);
		fputs("  ", fp);
		text_wrap(fp, line, 2, 4, c->width);
		fputc('\n', fp);
		free(line);
		free(s);
	}
	free(who);
	agreed = count_status(c, WS_SHARED) + count_status(c, WS_UNCONTESTED);
	s = workshop_outcome_words(c->kb, &w->common_out);
	m = workshop_margin_words(c->kb, &w->common_out);
	line = xasprintf("Common ground: %s; %s. From the %zu answer%s nobody "
	    "contradicts (%zu given by everyone alike). ", s, m, agreed,
	    agreed == 1 ? "" : "s", count_status(c, WS_SHARED));
	free(s);
	free(m);
	s = workshop_robustness_words(c);
	m = xasprintf("%s%s", line, s);
	fputc('\n', fp);
	text_wrap(fp, m, 0, 2, c->width);
	fputs("\n\n", fp);
	free(m);
	free(s);
	free(line);
	text_agenda(fp, c);
	text_questions(fp, c);
	return (ferror(fp) ? -1 : 0);
}

static json_t *
json_outcome(const struct kb *kb, const struct ws_outcome *o)
{
	return (json_pack("{s:s?, s:s, s:b, s:f, s:b, s:s?}",
	    "processing", o->processing >= 0 ?
	    kb->patterns[o->processing].id : NULL,
	    "organization", o->organization >= 0 ?
	    kb->patterns[o->organization].id : "centralized",
	    "organization_settled", o->org_settled,
	    "margin", round(o->margin * 10.0) / 10.0,
	    "close_call", o->close_call,
	    "runner_up", o->runner_up >= 0 ?
	    kb->patterns[o->runner_up].id : NULL));
}

static json_t *
json_names(const struct workshop_ctx *c, uint64_t mask)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < c->w->npeople; i++)
		if ((mask >> i) & 1)
			json_array_append_new(a, json_string(c->names[i]));
	return (a);
}

static const char *const status_names[] = { "open", "shared",
    "uncontested", "disputed" };

static json_t *
json_disagreement(const struct workshop_ctx *c, size_t q)
{
	const struct ws_question	*wq = &c->w->qs[q];
	const struct ws_option		*o;
	json_t				*opts = json_array();
	size_t				 i;

	for (i = 0; i < wq->nopts; i++) {
		o = &wq->opts[i];
		json_array_append_new(opts, json_pack("{s:o, s:o, s:o, s:b, "
		    "s:f}",
		    "value", json_answer(&c->kb->questions[q], &o->v),
		    "stakeholders", json_names(c, o->people),
		    "recommendation", json_outcome(c->kb, &o->out),
		    "changes_recommendation", o->changes,
		    "lead", round(o->lead * 10.0) / 10.0));
	}
	return (json_pack("{s:s, s:b, s:b, s:f, s:o}",
	    "question", c->kb->questions[q].id,
	    "changes_recommendation", wq->matters,
	    "changes_with_others", wq->jointly,
	    "impact", round(wq->impact * 10.0) / 10.0,
	    "options", opts));
}

int
report_workshop_json(FILE *fp, const struct workshop_ctx *c)
{
	const struct kb		*kb = c->kb;
	const struct workshop	*w = c->w;
	json_t			*people = json_array(), *qs = json_array();
	json_t			*given, *common, *dis = json_array();
	struct answers		 ca;
	size_t			 i, q;

	for (i = 0; i < w->npeople; i++)
		json_array_append_new(people, json_pack("{s:s, s:s, s:o, s:o}",
		    "name", c->names[i], "file", c->files[i],
		    "answers", json_answers(kb, c->people[i]),
		    "recommendation", json_outcome(kb, &w->people[i])));
	for (q = 0; q < kb->nquestions; q++) {
		if (w->qs[q].status == WS_OPEN)
			continue;
		given = json_object();
		for (i = 0; i < w->npeople; i++)
			json_object_set_new(given, c->names[i],
			    c->people[i]->v[q].known ?
			    json_answer(&kb->questions[q], &c->people[i]->v[q]) :
			    json_null());
		json_array_append_new(qs, json_pack("{s:s, s:s, s:b, s:o}",
		    "question", kb->questions[q].id,
		    "status", status_names[w->qs[q].status],
		    "agree", w->qs[q].status != WS_DISPUTED,
		    "answers", given));
	}
	ca.v = w->common;
	ca.n = kb->nquestions;
	ca.name = NULL;
	ca.description = NULL;
	ca.notes = NULL;
	common = json_pack("{s:o, s:o, s:{s:f, s:I, s:I, s:b, s:I}}",
	    "answers", json_answers(kb, &ca),
	    "recommendation", json_outcome(kb, &w->common_out),
	    "robustness",
	    "holds_pct", round(w->holds_pct * 10.0) / 10.0,
	    "ways", (json_int_t)w->ways,
	    "holds", (json_int_t)w->holds,
	    "exhaustive", w->exhaustive,
	    "disputed_questions", (json_int_t)w->ndisputed);
	for (i = 0; i < w->nagenda; i++)
		json_array_append_new(dis, json_disagreement(c, w->agenda[i]));
	for (i = 0; i < w->nquiet; i++)
		json_array_append_new(dis, json_disagreement(c, w->quiet[i]));
	return (json_write(fp, json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:s}, "
	    "s:o, s:o, s:o, s:o}",
	    "tool", "archadvisor",
	    "version", c->version,
	    "format_version", "1",
	    "kind", "workshop",
	    "knowledge_base", "name", kb->name, "version", kb->version,
	    "stakeholders", people,
	    "questions", qs,
	    "common_ground", common,
	    "disagreements", dis)));
}
