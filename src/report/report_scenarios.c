/*
 * report_scenarios: scenarios side by side as text, JSON, Markdown and
 * HTML (see report_scenarios.h). People formats name questions by their
 * labels and answers in words (words.h); JSON keeps the ids.
 */
#include "report_scenarios.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "handout.h"
#include "report_json.h"
#include "report_workshop.h"
#include "textfmt.h"
#include "words.h"
#include "xmalloc.h"

/* A scenario's name: its answers' name:, else its file. */
static const char *
name_of(const struct scenarios_ctx *c, size_t i)
{
	if (c->a[i]->name != NULL && c->a[i]->name[0] != '\0')
		return (c->a[i]->name);
	return (c->files[i]);
}

static bool
differs(const struct scenarios_ctx *c, size_t q)
{
	size_t	i;

	for (i = 1; i < c->s->n; i++)
		if (!value_equal(&c->a[0]->v[q], &c->a[i]->v[q]))
			return (true);
	return (false);
}

/* How one format writes: text escapes, bold, a list item. */
struct sc_markup {
	void		(*text)(FILE *fp, const char *s);
	const char	*strong, *end_strong, *item, *end_item;
};

static void
plain(FILE *fp, const char *s)
{
	fputs(s, fp);
}

static const struct sc_markup sc_text = { plain, "", "", "", "" };
static const struct sc_markup sc_text_list = { plain, "", "", "  ",
    "\n" };
static const struct sc_markup sc_md = { escape_md, "**", "**", "- ", "\n" };
static const struct sc_markup sc_html = { escape_html, "<strong>",
    "</strong>", "<li>", "</li>\n" };

/*
 * One scenario's line of "what moved it", each difference said as a
 * what-if on the first scenario: "In two years: Micro-Batch Processing,
 * organised centrally. Alone, this would move it: if results were needed
 * in 15 minutes instead of a day, Micro-Batch Processing, organised
 * centrally." Written whole, so escaping keeps its spaces.
 */
static void
moved_item(FILE *fp, const struct scenarios_ctx *c, size_t i,
    const struct sc_markup *m)
{
	const struct scen_cmp	*sc = &c->s->s[i];
	const struct question	*q;
	char			 change[768], *o, *line, *t;
	size_t			 k, qi, n = 0;

	fputs(m->item, fp);
	fputs(m->strong, fp);
	m->text(fp, name_of(c, i));
	fputs(m->end_strong, fp);
	o = workshop_outcome_words(c->kb, &sc->out);
	if (!sc->changed)
		line = xasprintf(": unchanged (%s)%s", o, sc->nmoves == 0 ?
		    "." : sc->nmoves == 1 ? ", although this alone would "
		    "change it: " : ", although each of these alone would "
		    "change it: ");
	else if (sc->nmoves == 0)
		line = xasprintf(": %s; no difference does it alone, they do "
		    "it together.", o);
	else
		line = xasprintf(": %s. %s", o, sc->nmoves == 1 ? "Alone, "
		    "this would move it: " : "Alone, each of these would move "
		    "it: ");
	free(o);
	for (k = 0; k < sc->nch; k++) {
		if (!sc->ch[k].moves)
			continue;
		qi = sc->ch[k].question;
		q = &c->kb->questions[qi];
		words_change(q, &c->a[0]->v[qi], &c->a[i]->v[qi], change,
		    sizeof change);
		o = workshop_outcome_words(c->kb, &sc->ch[k].out);
		t = xasprintf("%s%sif %s, %s", line, n++ == 0 ? "" : "; ",
		    change, o);
		free(line);
		free(o);
		line = t;
	}
	if (sc->nmoves > 0) {
		t = xasprintf("%s.", line);
		free(line);
		line = t;
	}
	m->text(fp, line);
	free(line);
	fputs(m->end_item, fp);
}

void
report_scenarios_moved(FILE *fp, const struct scenarios_ctx *c,
    bool markdown)
{
	const struct sc_markup	*m = markdown ? &sc_md : &sc_text;
	char			*buf = NULL;
	size_t			 i, len = 0;
	FILE			*mem;

	fputs(markdown ? "\n## What moved the recommendation\n\n" :
	    "\nWhat moved the recommendation (each difference alone, on the "
	    "first):\n", fp);
	for (i = 1; i < c->s->n; i++) {
		if (markdown) {
			moved_item(fp, c, i, m);
			continue;
		}
		/* Text is wrapped: the item is written apart first. */
		if ((mem = open_memstream(&buf, &len)) == NULL)
			continue;
		moved_item(mem, c, i, m);
		if (fclose(mem) == 0) {
			fputs("  ", fp);
			text_wrap(fp, buf, 2, 4, c->width);
			fputc('\n', fp);
		}
		free(buf);
		buf = NULL;
	}
}

json_t *
report_scenarios_moved_json(const struct scenarios_ctx *c, size_t i)
{
	const struct scen_cmp	*sc = &c->s->s[i];
	json_t			*arr = json_array();
	size_t			 k, q;

	for (k = 0; k < sc->nch; k++) {
		if (!sc->ch[k].moves)
			continue;
		q = sc->ch[k].question;
		json_array_append_new(arr, json_pack("{s:s, s:o, s:{s:s?, s:s}}",
		    "question", c->kb->questions[q].id,
		    "value", c->a[i]->v[q].known ?
		    json_answer(&c->kb->questions[q], &c->a[i]->v[q]) :
		    json_null(),
		    "recommendation",
		    "processing", sc->ch[k].out.processing >= 0 ?
		    c->kb->patterns[sc->ch[k].out.processing].id : NULL,
		    "organization", sc->ch[k].out.organization >= 0 ?
		    c->kb->patterns[sc->ch[k].out.organization].id :
		    "centralized"));
	}
	return (arr);
}

/* The outcomes, the answers that differ, the rankings: shared parts. */
static void
doc_outcomes(FILE *fp, const struct scenarios_ctx *c,
    const struct sc_markup *m)
{
	char	*o;
	size_t	 i;

	for (i = 0; i < c->s->n; i++) {
		fputs(m->item, fp);
		fputs(m->strong, fp);
		m->text(fp, name_of(c, i));
		fputs(m->end_strong, fp);
		o = workshop_outcome_words(c->kb, &c->s->s[i].out);
		fputs(": ", fp);
		m->text(fp, o);
		if (i > 0)
			fputs(c->s->s[i].changed ? " (changed)" : " (the same)",
			    fp);
		fputs(m->end_item, fp);
		free(o);
	}
}

/*
 * Each scenario's patterns as people are shown them (ranking_by_kind), one
 * row of npatterns per scenario; *nproc: how many are processing.
 */
static size_t *
listed_by_kind(const struct scenarios_ctx *c, size_t *nproc)
{
	size_t	np = c->r[0]->npatterns, *l, i;

	l = xcalloc(c->s->n * np + 1, sizeof *l);
	*nproc = 0;
	for (i = 0; i < c->s->n; i++)
		*nproc = ranking_by_kind(c->kb, c->r[i], l + i * np);
	return (l);
}

int
report_scenarios_text(FILE *fp, const struct scenarios_ctx *c)
{
	const struct kb	*kb = c->kb;
	char		 lbl[WORDS_LABEL_MAX * 2], v[256];
	size_t		 i, q, k, p, n = c->s->n, np = c->r[0]->npatterns;
	size_t		 nproc, *listed;
	int		 col = (c->width - 5) / (int)n;

	if (col < 12)
		col = 12;
	text_style(fp, c->color, "1");
	fprintf(fp, "archadvisor diff: %zu scenarios\n", n);
	text_reset(fp, c->color);
	doc_outcomes(fp, c, &sc_text_list);
	fputs("\nAnswers that differ:\n", fp);
	for (q = 0; q < kb->nquestions; q++) {
		if (!differs(c, q))
			continue;
		fprintf(fp, "  %s\n", words_label(&kb->questions[q], lbl,
		    sizeof lbl));
		for (i = 0; i < n; i++)
			fprintf(fp, "    %s: %s\n", name_of(c, i),
			    words_cell(&kb->questions[q], &c->a[i]->v[q], v,
			    sizeof v));
	}
	fputs("\nRankings side by side:\n     ", fp);
	for (i = 0; i < n; i++) {
		text_cell(fp, name_of(c, i), col - 1, c->utf8);
		fputc(' ', fp);
	}
	fputc('\n', fp);
	listed = listed_by_kind(c, &nproc);
	for (k = 0; k < np; k++) {
		if (k == nproc)
			fputs("  The organisation, decided apart:\n", fp);
		if (k < nproc)
			fprintf(fp, "  %zu  ", k + 1);
		else
			fputs("     ", fp);
		for (i = 0; i < n; i++) {
			p = listed[i * np + k];
			text_cell(fp, kb->patterns[p].name, col - 7, c->utf8);
			fprintf(fp, " %5.0f ", c->r[i]->scores[p].score);
		}
		fputc('\n', fp);
	}
	free(listed);
	report_scenarios_moved(fp, c, false);
	return (ferror(fp) ? -1 : 0);
}

static json_t *
json_scenario(const struct scenarios_ctx *c, size_t i)
{
	const struct kb	*kb = c->kb;
	json_t		*ranking = json_array(), *o;
	size_t		 k, p;

	for (k = 0; k < c->r[i]->npatterns; k++) {
		p = c->r[i]->order[k];
		json_array_append_new(ranking, json_pack("{s:I, s:s, s:f}",
		    "rank", (json_int_t)(k + 1), "pattern", kb->patterns[p].id,
		    "score", round(c->r[i]->scores[p].score * 10.0) / 10.0));
	}
	o = json_pack("{s:s, s:s?, s:o, s:o, s:o, s:b}",
	    "file", c->files[i],
	    "name", c->a[i]->name,
	    "answers", json_answers(kb, c->a[i]),
	    "ranking", ranking,
	    "recommendation", json_recommendation(kb, c->r[i]),
	    "changed", c->s->s[i].changed);
	if (i > 0)
		json_object_set_new(o, "moved_by",
		    report_scenarios_moved_json(c, i));
	return (o);
}

int
report_scenarios_json(FILE *fp, const struct scenarios_ctx *c)
{
	const struct kb	*kb = c->kb;
	json_t		*sc = json_array(), *dif = json_array(), *vals;
	size_t		 i, q;

	for (i = 0; i < c->s->n; i++)
		json_array_append_new(sc, json_scenario(c, i));
	for (q = 0; q < kb->nquestions; q++) {
		if (!differs(c, q))
			continue;
		vals = json_array();
		for (i = 0; i < c->s->n; i++)
			json_array_append_new(vals, c->a[i]->v[q].known ?
			    json_answer(&kb->questions[q], &c->a[i]->v[q]) :
			    json_null());
		json_array_append_new(dif, json_pack("{s:s, s:o}",
		    "question", kb->questions[q].id, "values", vals));
	}
	return (json_write(fp, json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:s}, "
	    "s:o, s:o, s:b}",
	    "tool", "archadvisor",
	    "version", c->version,
	    "format_version", "1",
	    "kind", "diff",
	    "knowledge_base", "name", kb->name, "version", kb->version,
	    "scenarios", sc,
	    "answers_differ", dif,
	    "recommendation_changed", !scenarios_same(c->s))));
}

/* The answers that differ and the rankings, as Markdown or HTML tables. */
static void
doc_tables(FILE *fp, const struct scenarios_ctx *c, bool md)
{
	const struct kb	*kb = c->kb;
	void		(*esc)(FILE *, const char *) = md ? escape_md :
			    escape_html;
	char		 lbl[WORDS_LABEL_MAX * 2], v[256];
	size_t		 i, q, k, p, n = c->s->n, np = c->r[0]->npatterns;
	size_t		 nproc, *listed;

	fputs(md ? "\n## Answers that differ\n\n| Question |" :
	    "<h2>Answers that differ</h2>\n<table>\n<tr><th>Question</th>", fp);
	for (i = 0; i < n; i++) {
		fputs(md ? " " : "<th>", fp);
		esc(fp, name_of(c, i));
		fputs(md ? " |" : "</th>", fp);
	}
	if (md) {
		fputs("\n|---|", fp);
		for (i = 0; i < n; i++)
			fputs("---|", fp);
	}
	fputs(md ? "\n" : "</tr>\n", fp);
	for (q = 0; q < kb->nquestions; q++) {
		if (!differs(c, q))
			continue;
		fputs(md ? "| " : "<tr><td>", fp);
		esc(fp, words_label(&kb->questions[q], lbl, sizeof lbl));
		for (i = 0; i < n; i++) {
			fputs(md ? " | " : "</td><td>", fp);
			esc(fp, words_cell(&kb->questions[q], &c->a[i]->v[q], v,
			    sizeof v));
		}
		fputs(md ? " |\n" : "</td></tr>\n", fp);
	}
	fputs(md ? "\n## Rankings side by side\n\n| Rank |" :
	    "</table>\n<h2>Rankings side by side</h2>\n<table>\n<tr><th>Rank"
	    "</th>", fp);
	for (i = 0; i < n; i++) {
		fputs(md ? " " : "<th>", fp);
		esc(fp, name_of(c, i));
		fputs(md ? " |" : "</th>", fp);
	}
	if (md) {
		fputs("\n|---:|", fp);
		for (i = 0; i < n; i++)
			fputs("---|", fp);
	}
	fputs(md ? "\n" : "</tr>\n", fp);
	listed = listed_by_kind(c, &nproc);
	for (k = 0; k < np; k++) {
		/* The organisation is decided apart: named, not ranked. */
		if (k < nproc)
			fprintf(fp, md ? "| %zu" : "<tr><td>%zu</td>", k + 1);
		else
			fputs(md ? "| Organisation" : "<tr><td>Organisation</td>",
			    fp);
		for (i = 0; i < n; i++) {
			p = listed[i * np + k];
			fputs(md ? " | " : "<td>", fp);
			esc(fp, kb->patterns[p].name);
			fprintf(fp, " %.0f%s", c->r[i]->scores[p].score,
			    md ? "" : "</td>");
		}
		fputs(md ? " |\n" : "</tr>\n", fp);
	}
	free(listed);
	fputs(md ? "" : "</table>\n", fp);
}

int
report_scenarios_markdown(FILE *fp, const struct scenarios_ctx *c)
{
	char	date[16];

	handout_date(date, sizeof date);
	fprintf(fp, "# Scenarios side by side\n\n%s · Knowledge base: ", date);
	escape_md(fp, c->kb->name);
	fputc(' ', fp);
	escape_md(fp, c->kb->version);
	fputs(" · archadvisor ", fp);
	escape_md(fp, c->version);
	fputs("\n\n", fp);
	doc_outcomes(fp, c, &sc_md);
	doc_tables(fp, c, true);
	report_scenarios_moved(fp, c, true);
	return (ferror(fp) ? -1 : 0);
}

static const char style[] =
    "@page { margin: 8mm 12mm; }\n"
    "html { font: 10pt/1.25 \"Liberation Sans\", Arial, Helvetica, "
    "\"DejaVu Sans\", sans-serif; color: #1b1b1b; background: #fff; }\n"
    "body { margin: 0 auto; max-width: 186mm; overflow-wrap: anywhere; }\n"
    "@media screen { body { padding: 10mm 4mm; } }\n"
    "h1 { font-size: 14pt; margin: 0 0 1mm; }\n"
    "h2 { font-size: 10.5pt; margin: 3mm 0 1mm; text-transform: uppercase; "
    "letter-spacing: .04em; color: #333; }\n"
    ".meta { color: #444; margin: 0 0 2mm; }\n"
    "ul { margin: 0; padding-left: 5mm; }\n"
    "table { border-collapse: collapse; width: 100%; font-size: 10pt; }\n"
    "th, td { text-align: left; vertical-align: top; padding: .4mm 1.2mm; "
    "border-bottom: .5pt solid #bbb; }\n";

int
report_scenarios_html(FILE *fp, const struct scenarios_ctx *c)
{
	char	date[16];
	size_t	i;

	handout_date(date, sizeof date);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
	    "charset=\"utf-8\">\n<meta name=\"generator\" content=\"archadvisor ",
	    fp);
	escape_html(fp, c->version);
	fprintf(fp, "\">\n<title>Scenarios side by side</title>\n<style>\n%s"
	    "</style>\n</head>\n<body>\n<h1>Scenarios side by side</h1>\n"
	    "<p class=\"meta\">%s &middot; Knowledge base: ", style, date);
	escape_html(fp, c->kb->name);
	fputc(' ', fp);
	escape_html(fp, c->kb->version);
	fputs("</p>\n<ul>\n", fp);
	doc_outcomes(fp, c, &sc_html);
	fputs("</ul>\n", fp);
	doc_tables(fp, c, false);
	fputs("<h2>What moved the recommendation</h2>\n<ul>\n", fp);
	for (i = 1; i < c->s->n; i++)
		moved_item(fp, c, i, &sc_html);
	fputs("</ul>\n</body>\n</html>\n", fp);
	return (ferror(fp) ? -1 : 0);
}
