/*
 * report_workshop_doc: the workshop's handouts for the meeting, Markdown
 * for a wiki and one self-contained HTML page that prints on one sheet:
 * each person's recommendation, the common ground, the agenda (the
 * disagreements that change it, most first) and a table of every answered
 * question by person. Every string from the knowledge base or the answers
 * goes through escape_md or escape_html.
 */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "handout.h"
#include "words.h"
#include "report_workshop.h"
#include "xmalloc.h"

/* How one format writes: escape, and the markup around the parts. */
struct doc_markup {
	void		(*text)(FILE *fp, const char *s);
	const char	*strong, *end_strong;
	const char	*item, *end_item;	/* a list item */
	const char	*list, *end_list;	/* around the items */
};

static const struct doc_markup md = {
	escape_md, "**", "**", "- ", "\n", "", "\n"
};

static const struct doc_markup html = {
	escape_html, "<strong>", "</strong>", "<li>", "</li>\n", "<ul>\n",
	"</ul>\n"
};

/* What each person's answers recommend. */
static void
doc_people(FILE *fp, const struct workshop_ctx *c, const struct doc_markup *m)
{
	char	*s;
	size_t	 i;

	fputs(m->list, fp);
	for (i = 0; i < c->w->npeople; i++) {
		s = workshop_outcome_words(c->kb, &c->w->people[i]);
		fputs(m->item, fp);
		fputs(m->strong, fp);
		m->text(fp, c->names[i]);
		fputs(m->end_strong, fp);
		fputs(": ", fp);
		m->text(fp, s);
		fputs(m->end_item, fp);
		free(s);
	}
	fputs(m->end_list, fp);
}

static void
doc_common(FILE *fp, const struct workshop_ctx *c, const struct doc_markup *m)
{
	const struct ws_outcome	*o = &c->w->common_out;
	char			*s;

	fputs(m->strong, fp);
	fputs("Common ground: ", fp);
	s = workshop_outcome_words(c->kb, o);
	m->text(fp, s);
	free(s);
	fputs(m->end_strong, fp);
	if (o->processing >= 0 && o->runner_up >= 0) {
		s = workshop_margin_words(c->kb, o);
		fputs("; ", fp);
		m->text(fp, s);
		free(s);
	}
	fputs(". From the answers nobody contradicts. ", fp);
	s = workshop_robustness_words(c);
	m->text(fp, s);
	free(s);
}

static void
doc_option(FILE *fp, const struct workshop_ctx *c, size_t q,
    const struct ws_option *o, const struct doc_markup *m)
{
	char	buf[256], lead[256], *who, *what;

	who = workshop_people_words(c, o->people);
	what = workshop_outcome_words(c->kb, &o->out);
	words_cell(&c->kb->questions[q], &o->v, buf, sizeof buf);
	fputs(m == &md ? "   - " : "<li>", fp);
	m->text(fp, who);
	fputs(": ", fp);
	fputs(m->strong, fp);
	m->text(fp, buf);
	fputs(m->end_strong, fp);
	fputs(" → ", fp);
	if (o->changes) {
		m->text(fp, what);
		fputs(" (", fp);
		m->text(fp, workshop_lead_words(c, &o->out, o->lead, lead,
		    sizeof lead));
		fputc(')', fp);
	} else
		fputs("no change", fp);
	fputs(m->end_item, fp);
	free(what);
	free(who);
}

/* The agenda, most first, then the disagreements that change nothing. */
static void
doc_agenda(FILE *fp, const struct workshop_ctx *c, const struct doc_markup *m)
{
	const struct workshop	*w = c->w;
	char			 lbl[WORDS_LABEL_MAX * 2];
	size_t			 i, o, q;

	if (w->nagenda == 0 && w->ndisputed > 0)
		fputs(m == &md ? "No disagreement changes the recommendation "
		    "on its own.\n\n" : "<p>No disagreement changes the "
		    "recommendation on its own.</p>\n", fp);
	fputs(m == &md ? "" : "<ol class=\"agenda\">\n", fp);
	for (i = 0; i < w->nagenda; i++) {
		q = w->agenda[i];
		fputs(m == &md ? "1. " : "<li>", fp);
		fputs(m->strong, fp);
		m->text(fp, words_label(&c->kb->questions[q], lbl, sizeof lbl));
		fputs(m->end_strong, fp);
		fputs(m == &md ? "\n" : "\n<ul>\n", fp);
		for (o = 0; o < w->qs[q].nopts; o++)
			doc_option(fp, c, q, &w->qs[q].opts[o], m);
		fputs(m == &md ? "" : "</ul></li>\n", fp);
	}
	fputs(m == &md ? (w->nagenda ? "\n" : "") : "</ol>\n", fp);
	if (w->nquiet == 0)
		return;
	fprintf(fp, m == &md ? "**These disagreements do not change it%s:**"
	    " " : "<p class=\"quiet\"><strong>These disagreements do not "
	    "change it%s:</strong> ", w->exhaustive ? "" : " alone");
	for (i = 0; i < w->nquiet; i++) {
		q = w->quiet[i];
		if (i > 0)
			fputs(" · ", fp);
		m->text(fp, words_label(&c->kb->questions[q], lbl, sizeof lbl));
		if (w->qs[q].jointly)
			fputs(" (not alone; with other settled answers it can)",
			    fp);
	}
	fputs(m == &md ? "\n\n" : "</p>\n", fp);
}

static const char *
status_words(enum ws_status st)
{
	switch (st) {
	case WS_SHARED:
		return ("agree");
	case WS_UNCONTESTED:
		return ("nobody disagrees");
	case WS_DISPUTED:
		return ("disagree");
	default:
		return ("open");
	}
}

/* Every answered question: who said what, and whether they agree. */
static void
doc_table(FILE *fp, const struct workshop_ctx *c, const struct doc_markup *m)
{
	const struct kb	*kb = c->kb;
	char		 buf[256], lbl[WORDS_LABEL_MAX * 2];
	size_t		 q, i;

	if (m == &md) {
		fputs("## Question by question\n\n| Question | Agreement |",
		    fp);
		for (i = 0; i < c->w->npeople; i++) {
			fputc(' ', fp);
			escape_md(fp, c->names[i]);
			fputs(" |", fp);
		}
		fputs("\n|---|---|", fp);
		for (i = 0; i < c->w->npeople; i++)
			fputs("---|", fp);
		fputc('\n', fp);
	} else {
		fputs("<h2>Question by question</h2>\n<table>\n<thead><tr>"
		    "<th>Question</th><th>Agreement</th>", fp);
		for (i = 0; i < c->w->npeople; i++) {
			fputs("<th>", fp);
			escape_html(fp, c->names[i]);
			fputs("</th>", fp);
		}
		fputs("</tr></thead>\n<tbody>\n", fp);
	}
	for (q = 0; q < kb->nquestions; q++) {
		if (c->w->qs[q].status == WS_OPEN)
			continue;
		fputs(m == &md ? "| " : c->w->qs[q].status == WS_DISPUTED ?
		    "<tr class=\"dis\"><td>" : "<tr><td>", fp);
		m->text(fp, words_label(&kb->questions[q], lbl, sizeof lbl));
		fputs(m == &md ? " | " : "</td><td>", fp);
		fputs(status_words(c->w->qs[q].status), fp);
		for (i = 0; i < c->w->npeople; i++) {
			fputs(m == &md ? " | " : "</td><td>", fp);
			if (c->people[i]->v[q].known)
				m->text(fp, words_cell(&kb->questions[q],
				    &c->people[i]->v[q], buf, sizeof buf));
			else
				fputs("–", fp);
		}
		fputs(m == &md ? " |\n" : "</td></tr>\n", fp);
	}
	fputs(m == &md ? "\n" : "</tbody>\n</table>\n", fp);
}

int
report_workshop_markdown(FILE *fp, const struct workshop_ctx *c)
{
	char	date[16];

	handout_date(date, sizeof date);
	fprintf(fp, "# Architecture workshop: %zu stakeholders\n\n%s · "
	    "Knowledge base: ", c->w->npeople, date);
	escape_md(fp, c->kb->name);
	fputc(' ', fp);
	escape_md(fp, c->kb->version);
	fputs(" · archadvisor ", fp);
	escape_md(fp, c->version);
	fputs("\n\n## Each person's answers recommend\n\n", fp);
	doc_people(fp, c, &md);
	doc_common(fp, c, &md);
	fputs("\n\n## Agenda: the disagreements that change the "
	    "recommendation\n\n", fp);
	doc_agenda(fp, c, &md);
	doc_table(fp, c, &md);
	return (ferror(fp) ? -1 : 0);
}

static const char style[] =
    "@page { margin: 8mm 12mm; }\n"
    "* { box-sizing: border-box; }\n"
    "html { font: 10pt/1.25 \"Liberation Sans\", Arial, Helvetica, "
    "\"DejaVu Sans\", sans-serif; color: #1b1b1b; background: #fff;\n"
    "  -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "body { margin: 0 auto; max-width: 186mm; overflow-wrap: anywhere; }\n"
    "@media screen { body { padding: 10mm 4mm; } }\n"
    "h1, h2, p, ul, ol { margin: 0; }\n"
    "header { border-bottom: 1.5pt solid #1b1b1b; padding-bottom: 1.5mm; "
    "}\n"
    ".kicker { text-transform: uppercase; letter-spacing: .08em; "
    "font-size: 10pt; color: #444; }\n"
    "h1 { font-size: 14pt; line-height: 1.15; margin: .5mm 0 .8mm; }\n"
    ".meta { color: #444; }\n"
    "h2 { font-size: 10.5pt; margin: 2.5mm 0 1mm; text-transform: "
    "uppercase; letter-spacing: .04em; color: #333; }\n"
    "ul, ol { padding-left: 5mm; }\n"
    ".rec { margin: 2.5mm 0; padding: 2mm 3mm; border: 1pt solid #1b1b1b; "
    "border-left: 4pt solid #1f5c99; background: #f2f6fb; }\n"
    ".agenda > li { margin-bottom: 1.2mm; break-inside: avoid; }\n"
    ".quiet { margin-top: 1mm; color: #333; }\n"
    "table { border-collapse: collapse; width: 100%; font-size: 10pt; }\n"
    "th, td { text-align: left; vertical-align: top; padding: .4mm 1.2mm; "
    "border-bottom: .5pt solid #bbb; }\n"
    "tr.dis td { background: #fbf1e6; }\n"
    "td:nth-child(2) { white-space: nowrap; }\n"
    /* Room for a question's label on one line: a row per question. */
    "th:first-child { width: 24%; }\n"
    "footer { margin-top: 2.5mm; border-top: .75pt solid #999; "
    "padding-top: 1mm; font-size: 10pt; color: #333; }\n";

int
report_workshop_html(FILE *fp, const struct workshop_ctx *c)
{
	char	date[16];

	handout_date(date, sizeof date);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"generator\" "
	    "content=\"archadvisor ", fp);
	escape_html(fp, c->version);
	fprintf(fp, "\">\n<title>Architecture workshop</title>\n<style>\n%s"
	    "</style>\n</head>\n<body>\n<header>\n<p class=\"kicker\">"
	    "Architecture workshop</p>\n<h1>%zu stakeholders, one "
	    "decision</h1>\n<p class=\"meta\">%s &middot; Knowledge base: ",
	    style, c->w->npeople, date);
	escape_html(fp, c->kb->name);
	fputc(' ', fp);
	escape_html(fp, c->kb->version);
	fputs("</p>\n</header>\n<div class=\"rec\">", fp);
	doc_common(fp, c, &html);
	fputs("</div>\n<h2>Each person's answers recommend</h2>\n", fp);
	doc_people(fp, c, &html);
	fputs("<h2>Agenda: the disagreements that change the "
	    "recommendation</h2>\n", fp);
	doc_agenda(fp, c, &html);
	doc_table(fp, c, &html);
	fputs("<footer>The common ground is ranked on the answers nobody "
	    "contradicts; each disagreement is settled alone at each answer "
	    "given to it, on top of that ground. Written by archadvisor ", fp);
	escape_html(fp, c->version);
	fputs(".</footer>\n</body>\n</html>\n", fp);
	return (ferror(fp) ? -1 : 0);
}
