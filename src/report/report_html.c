/*
 * report_html: the one-page printable handout. One self-contained file:
 * the style sheet is inline, the chart is bars of plain HTML, and nothing
 * is fetched (no scripts, fonts or images), so it opens offline and
 * prints on one A4 or Letter page for the stock examples, its text at
 * 10pt or more and in colours of WCAG AA contrast (tests/html-check.sh
 * renders each in Chromium, counts the pages and measures the type and
 * the colours). Every string from the knowledge base or the answers goes
 * through escape_html.
 */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "handout.h"
#include "record_embed.h"
#include "report.h"
#include "words.h"
#include "xmalloc.h"

/* Longest name in the chart, in code points; longer ones are cut. */
#define CHART_NAME_MAX		24
/* Open questions shown with their prompts, then a few by name. */
#define HTML_ASK_PROMPTS	2
#define HTML_ASK_NAMES		3
/* Reasons shown for an option, the strongest; the page has no room for
   more (the other formats show them all). */
#define HTML_WHY		3

static const struct handout_markup html_markup = {
	escape_html, "<strong>", "</strong>", "<em class=\"note\">", "</em>"
};

/*
 * Type: 10pt at the least. Colours: text at least 4.5:1 against its
 * background, the bars at least 3:1 against the page (WCAG AA).
 */
static const char style[] =
    "@page { margin: 5mm 10mm; }\n"
    "* { box-sizing: border-box; }\n"
    "html { font: 10pt/1.2 \"Liberation Sans\", Arial, Helvetica, "
    "\"DejaVu Sans\", sans-serif; color: #1b1b1b; background: #fff;\n"
    "  -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "body { margin: 0 auto; max-width: 190mm; overflow-wrap: anywhere; }\n"
    "@media screen { body { padding: 8mm 4mm; } }\n"
    "h1, h2, h3, p, ul, dl { margin: 0; }\n"
    "header { border-bottom: 1.5pt solid #1b1b1b; padding-bottom: 1mm; }\n"
    "h1 { font-size: 14pt; line-height: 1.15; margin: 0; }\n"
    ".meta { color: #4a4a4a; }\n"
    ".desc { margin-top: 1.5mm; }\n"
    ".rec { margin: 1.5mm 0; padding: 1.2mm 3mm; border: 1pt solid #1b1b1b; "
    "border-left: 4pt solid #1f5c99; background: #f2f6fb; }\n"
    ".rec p + p { margin-top: .8mm; }\n"
    ".rec .sentence { font-size: 11.5pt; line-height: 1.2; }\n"
    "h2 { font-size: 10.5pt; margin: 0 0 .8mm; text-transform: uppercase; "
    "letter-spacing: .04em; }\n"
    "h3 { font-size: 10pt; margin: 1mm 0 .2mm; }\n"
    ".row { columns: 2; column-gap: 5mm; }\n"
    ".row h2, .row table, .row li, .given dl div { break-inside: avoid; }\n"
    ".row h2, .row .open { break-after: avoid; }\n"
    "table.bars { width: 100%; border-collapse: collapse; table-layout: "
    "fixed; }\n"
    ".bars th { font-weight: normal; text-align: right; white-space: "
    "nowrap; overflow: hidden; padding: 0 1.5mm 0 0; width: 46%; }\n"
    ".bars td { padding: .25mm 0; }\n"
    ".bars .track { width: 26%; }\n"
    ".bars .bar { display: block; height: 3.2mm; background: #5f87b3; }\n"
    ".bars .top th, .bars .top .val { font-weight: bold; }\n"
    ".bars .top .bar { background: #1f5c99; }\n"
    ".bars .val { padding-left: 1.5mm; white-space: nowrap; }\n"
    ".bars .out td { font-style: italic; padding-left: 1.5mm; }\n"
    ".bars .group th { text-align: left; padding-top: 1.2mm; font-style: "
    "italic; }\n"
    ".given { margin-top: 1.5mm; }\n"
    ".given dl { columns: 2; column-gap: 3mm; }\n"
    ".given dl div { break-inside: avoid; }\n"
    ".given dt, .given dd { display: inline; margin: 0; }\n"
    ".given dt { color: #4a4a4a; }\n"
    ".given dd { font-weight: bold; }\n"
    ".open { margin-top: 1.5mm; }\n"
    "ul.ask { padding-left: 4mm; }\n"
    ".list { margin-top: .5mm; }\n"
    ".options { columns: 2; column-gap: 5mm; margin-top: 1.5mm; "
    "border-top: .75pt solid #767676; padding-top: 1.5mm; }\n"
    ".option + .option { margin-top: 2mm; }\n"
    ".option h2 { text-transform: none; letter-spacing: 0; font-size: "
    "11pt; margin: 0; }\n"
    ".option h2, .option h3 { break-after: avoid; }\n"
    ".option .tail { break-inside: avoid; }\n"
    ".option .summary { font-style: italic; }\n"
    ".option li { margin: 0 0 .2mm; break-inside: avoid; }\n"
    "ul.why { list-style: none; padding-left: 0; }\n"
    "ul.why li { display: grid; grid-template-columns: 16mm 1fr; "
    "align-items: baseline; }\n"
    ".w { font-family: \"Liberation Mono\", \"DejaVu Sans Mono\", "
    "monospace; font-size: 10pt; font-weight: bold; }\n"
    ".prec { margin-bottom: .5mm; }\n"
    ".prec a { color: inherit; }\n"
    "footer { margin-top: 1.5mm; border-top: .75pt solid #767676; "
    "padding-top: 1mm; line-height: 1.2; }\n"
    ;

/* s cut to at most max code points, "…" marking a cut; caller frees. */
static char *
cut(const char *s, size_t max)
{
	size_t	i, n = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == max - 1)
			break;
	if (s[i] == '\0')
		return (xstrdup(s));
	return (xasprintf("%.*s\xe2\x80\xa6", (int)i, s));
}

static void
write_head(FILE *fp, const struct report_ctx *ctx, const struct handout *h)
{
	const struct answers	*a = ctx->answers;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<meta name=\"generator\" content=\"", fp);
	fputs("archadvisor ", fp);
	escape_html(fp, ctx->version);
	fputs("\">\n<title>", fp);
	handout_title(fp, ctx, &html_markup);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<header>\n<h1>", style);
	escape_html(fp, a->name != NULL && a->name[0] != '\0' ? a->name :
	    "Data architecture recommendation");
	fputs("</h1>\n<p class=\"meta\">", fp);
	if (a->name != NULL && a->name[0] != '\0')
		fputs("Data architecture recommendation &middot; ", fp);
	/* The tool and knowledge base are named in the footer. */
	fprintf(fp, "%s &middot; %zu of %zu questions answered</p>\n"
	    "</header>\n", h->date, answers_count(a), a->n);
	if (a->description != NULL && a->description[0] != '\0') {
		fputs("<p class=\"desc\">", fp);
		escape_html(fp, a->description);
		fputs("</p>\n", fp);
	}
}

/*
 * The decisions as sentences: the processing pattern (its lead, or the
 * close call and what would decide it), the organisation (settled or
 * leaning), how firm it is and the nearest change that would overturn it.
 */
static void
write_recommendation(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h)
{
	char	line[1024];

	fputs("<section class=\"rec\" aria-label=\"Recommendation\">\n"
	    "<p class=\"sentence\">", fp);
	handout_processing_sentence(fp, ctx, h, &html_markup);
	fputs("</p>\n<p class=\"org\">", fp);
	if (!handout_organization_sentence(fp, ctx, &html_markup))
		fputs("The knowledge base does not weigh the organisation.",
		    fp);
	fputs("</p>\n", fp);
	if (ctx->whatif != NULL) {
		fputs("<p class=\"firm\">", fp);
		escape_html(fp, report_robustness_sentence(ctx, line,
		    sizeof line));
		if (ctx->whatif->nsens > 0) {
			fputc(' ', fp);
			escape_html(fp, report_sensitivity_sentence(ctx,
			    &ctx->whatif->sens[0], line, sizeof line));
		}
		fputs("</p>\n", fp);
	}
	fputs("</section>\n", fp);
}

static void	write_ask(FILE *, const struct report_ctx *);

/*
 * A ruled-out option's short reason: the requirements it cannot meet,
 * else that a rule rules it out.
 */
static void
write_ruled_out(FILE *fp, const struct report_ctx *ctx, size_t p)
{
	const struct kb	*kb = ctx->kb;
	char		 list[512] = "", label[128], lower[128];
	size_t		 q, n = 0, k = 0;

	for (q = 0; q < kb->nquestions; q++)
		n += engine_verdict(kb, ctx->ranking, ctx->answers->v, p, q) ==
		    VERDICT_MISSES;
	for (q = 0; q < kb->nquestions; q++) {
		if (engine_verdict(kb, ctx->ranking, ctx->answers->v, p, q) !=
		    VERDICT_MISSES)
			continue;
		words_list_add(list, sizeof list, words_lower(words_label(
		    &kb->questions[q], label, sizeof label), lower,
		    sizeof lower), k++, n);
	}
	/* Short, to keep to one line: "Ruled out: acceptable delay". */
	fputs(n > 0 ? "Ruled out: " : "Ruled out", fp);
	escape_html(fp, list);
}

/*
 * The scores as bars in a table, best first: the recommended options in
 * bold and dark, a ruled-out option as a labelled line with no bar.
 */
static void
write_chart(FILE *fp, const struct report_ctx *ctx)
{
	const struct pattern_score	*s;
	char				*name;
	size_t				 i;
	bool				 rec;

	fputs("<section class=\"chart\">\n<h2>Scores</h2>\n"
	    "<table class=\"bars\">\n<caption hidden>Score of each option, 0 "
	    "to 100 (50: no evidence either way); the recommended in bold"
	    "</caption>\n", fp);
	for (i = 0; i < ctx->ranking->npatterns; i++) {
		s = &ctx->ranking->scores[ctx->advice->listed[i]];
		rec = handout_recommended(ctx, s->pattern);
		/* The organisation is decided apart, under its own head. */
		if (i == ctx->advice->nprocessing)
			fputs("<tr class=\"group\"><th colspan=\"3\" "
			    "scope=\"rowgroup\">The organisation, decided apart "
			    "from processing</th></tr>\n", fp);
		fprintf(fp, "<tr%s><th scope=\"row\"", s->vetoed ?
		    " class=\"out\"" : rec ? " class=\"top\"" : "");
		/* A long name is cut here, whole on hover and elsewhere. */
		name = cut(ctx->kb->patterns[s->pattern].name, CHART_NAME_MAX);
		if (strcmp(name, ctx->kb->patterns[s->pattern].name) != 0) {
			fputs(" title=\"", fp);
			escape_html(fp, ctx->kb->patterns[s->pattern].name);
			fputc('"', fp);
		}
		fputc('>', fp);
		escape_html(fp, name);
		free(name);
		fputs("</th>", fp);
		if (s->vetoed) {
			fputs("<td colspan=\"2\">", fp);
			write_ruled_out(fp, ctx, s->pattern);
			fputs("</td></tr>\n", fp);
			continue;
		}
		fprintf(fp, "<td class=\"track\"><span class=\"bar\" "
		    "style=\"width: %.1f%%\"></span></td><td class=\"val\">"
		    "%.0f %s</td></tr>\n", s->score, s->score,
		    s->stretched ? "at a stretch" : fit_name(s->fit));
	}
	fputs("</table>\n", fp);
	if (ctx->whatif != NULL)
		write_ask(fp, ctx);
	fputs("</section>\n", fp);
}

/*
 * The open questions that could change the recommendation, the most
 * telling first: the first few with their prompts, which the team must
 * answer next, the others by name.
 */
static void
write_ask(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb		*kb = ctx->kb;
	const struct whatif	*w = ctx->whatif;
	const struct question	*q;
	char			 label[128];
	size_t			 i, n = 0, more = 0;

	for (i = 0; i < w->nnext; i++) {
		if (!handout_could_change(ctx, w->next[i].question))
			continue;
		q = &kb->questions[w->next[i].question];
		if (n == HTML_ASK_PROMPTS) {
			/* A few more by name, the rest counted; none the
			   sentences at the top have named. */
			if (report_named_up_front(ctx, w->next[i].question))
				continue;
			if (more++ < HTML_ASK_NAMES) {
				fputs(more == 1 ? "<p>Also open, could change "
				    "it: " : ", ", fp);
				escape_html(fp, words_label_lower(q, label,
				    sizeof label));
			}
			continue;
		}
		if (n++ == 0)
			fputs("<p class=\"open\"><strong>Open, could change "
			    "the recommendation:</strong></p>\n"
			    "<ul class=\"ask\">\n", fp);
		fputs("<li><strong>", fp);
		escape_html(fp, words_label(q, label, sizeof label));
		fputs("</strong>: ", fp);
		escape_html(fp, q->prompt);
		if (answers_note(ctx->answers, w->next[i].question) != NULL) {
			fputs(" (<em class=\"note\">", fp);
			escape_html(fp, answers_note(ctx->answers,
			    w->next[i].question));
			fputs("</em>)", fp);
		}
		fputs("</li>\n", fp);
		if (n == HTML_ASK_PROMPTS)
			fputs("</ul>\n", fp);
	}
	if (n > 0 && n < HTML_ASK_PROMPTS)
		fputs("</ul>\n", fp);
	if (more > HTML_ASK_NAMES)
		fprintf(fp, " and %zu more.</p>\n", more - HTML_ASK_NAMES);
	else if (more > 0)
		fputs(".</p>\n", fp);
}

static void
write_answers(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb	*kb = ctx->kb;
	char		 buf[1024], name[WORDS_LABEL_MAX * 2];
	size_t		 i;

	fputs("<section class=\"given\">\n<h2>Answers given</h2>\n", fp);
	if (answers_count(ctx->answers) == 0)
		fputs("<p>None: every question is open.</p>\n", fp);
	else
		fputs("<dl>\n", fp);
	for (i = 0; i < kb->nquestions; i++) {
		if (!ctx->answers->v[i].known)
			continue;
		fputs("<div><dt title=\"", fp);
		escape_html(fp, kb->questions[i].prompt);
		fputs("\">", fp);
		escape_html(fp, words_label(&kb->questions[i], name,
		    sizeof name));
		fputs("</dt> <dd>", fp);
		escape_html(fp, words_cell(&kb->questions[i],
		    &ctx->answers->v[i], buf, sizeof buf));
		/* The user's note on the answer ("finance close at 7am"). */
		if (answers_note(ctx->answers, i) != NULL) {
			fputs(" &#8212; <em class=\"note\">", fp);
			escape_html(fp, answers_note(ctx->answers, i));
			fputs("</em>", fp);
		}
		fputs("</dd></div>\n", fp);
	}
	if (answers_count(ctx->answers) > 0)
		fputs("</dl>\n", fp);
	handout_open_questions(fp, ctx, false, ctx->whatif != NULL ? "Open, "
	    "would not change it" : "Not answered", &html_markup,
	    "<p class=\"open\">", ".</p>\n");
	fputs("</section>\n", fp);
}

/* "Pros: a; b; c." on one line: the items are short phrases. */
static void
write_list(FILE *fp, const char *title, const struct strlist *l)
{
	size_t	i;

	if (l->n == 0)
		return;
	fprintf(fp, "<p class=\"list\"><strong>%s:</strong> ", title);
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			fputs("; ", fp);
		escape_html(fp, l->items[i]);
	}
	fputs(".</p>\n", fp);
}

/*
 * Option p in full, one of ntop: its strongest reasons (fewer for the
 * runner-up, and when three share the page), pros and cons (the
 * runner-up's only when two share it), and its tools if recommended.
 */
static void
write_option(FILE *fp, const struct report_ctx *ctx, size_t p, size_t ntop)
{
	bool	rec = handout_recommended(ctx, p);
	size_t	why = ntop > 2 || !rec ? HTML_WHY - 1 : HTML_WHY;

	const struct kb			*kb = ctx->kb;
	const struct pattern		*pat = &kb->patterns[p];
	const struct pattern_score	*s = &ctx->ranking->scores[p];
	const struct rule		*rule;
	char				 place[64];
	size_t				 i;

	fputs("<section class=\"option\">\n<h2>", fp);
	escape_html(fp, pat->name);
	fprintf(fp, "</h2>\n<p class=\"score\">%.0f, %s, %s%s",
	    s->score, handout_fit(s), handout_place(ctx, p, place,
	    sizeof place),
	    handout_recommended(ctx, p) ? ", <strong>recommended</strong>" :
	    "");
	if (pat->summary != NULL && pat->summary[0] != '\0') {
		fputs(". <span class=\"summary\">", fp);
		escape_html(fp, pat->summary);
		fputs("</span>", fp);
	}
	fputs("</p>\n", fp);
	if (handout_requirements(NULL, ctx, p, &html_markup)) {
		fputs("<p class=\"req\">", fp);
		handout_requirements(fp, ctx, p, &html_markup);
		fputs("</p>\n", fp);
	}
	if (s->nreasons > why)
		fprintf(fp, "<h3>Why: the %zu strongest of %zu reasons</h3>\n",
		    why, s->nreasons);
	else
		fputs("<h3>Why</h3>\n", fp);
	if (s->nreasons == 0)
		fputs("<p>No rule applied to it with these answers.</p>\n",
		    fp);
	else
		fputs("<ul class=\"why\">\n", fp);
	for (i = 0; i < s->nreasons && i < why; i++) {
		rule = &kb->rules[s->reasons[i].rule];
		/* For people: the direction of a reason, never its weight. */
		fprintf(fp, "<li><span class=\"w\">%s</span><span>",
		    s->reasons[i].effect < 0 ? "against" : "for");
		escape_html(fp, rule->why);
		fputs("</span></li>\n", fp);
	}
	if (s->nreasons > 0)
		fputs("</ul>\n", fp);
	/* Pros, cons and tools stay together in one column. */
	fputs("<div class=\"tail\">\n", fp);
	/* With three options in full, the runner-up gives up its lists. */
	if (rec || ntop <= 2) {
		write_list(fp, "Pros", &pat->pros);
		write_list(fp, "Cons", &pat->cons);
	}
	if (rec)
		write_list(fp, "Typical tools", &pat->tools);
	fputs("</div>\n", fp);
	fputs("</section>\n", fp);
}

/*
 * A web address's site, the name its link goes by on a page with no room
 * for titles: "https://www.uber.com/blog/x" is "uber.com".
 */
static void
write_host(FILE *fp, const char *url)
{
	const char	*p = strstr(url, "://");
	char		*host;
	size_t		 n;

	p = p != NULL ? p + 3 : url;
	if (strncmp(p, "www.", 4) == 0)
		p += 4;
	n = strcspn(p, "/:?#");
	if (n > 0 && p[n - 1] == '.')
		n--;	/* the root's dot of "monzo.com./blog" */
	host = xasprintf("%.*s", (int)n, p);
	escape_html(fp, host[0] != '\0' ? host : url);
	free(host);
}

/*
 * The nearest public case studies, the same as the text report, as a
 * run-in paragraph of the footer (the page has no room for more): a
 * link to each source, named by its site, the title on hover (a link
 * fetches nothing).
 */
static void
write_precedents(FILE *fp, const struct report_ctx *ctx)
{
	struct precedent_match	 m[HANDOUT_PRECEDENTS];
	const struct precedent	*pr;
	size_t			 i, n;

	if ((n = handout_precedents(ctx, m)) == 0)
		return;
	fputs("<p class=\"prec\"><strong>Who chose what in a similar "
	    "situation</strong> (evidence, never scored):", fp);
	for (i = 0; i < n; i++) {
		pr = &ctx->kb->precedents[m[i].precedent];
		fputs(i == 0 ? " " : " · ", fp);
		handout_precedent_line(fp, ctx, &m[i], &html_markup);
		if (!escape_is_web_url(pr->url))
			continue;
		fputs(" Source: <a href=\"", fp);
		escape_html(fp, pr->url);
		fputs("\" title=\"", fp);
		escape_html(fp, pr->title);
		fputs("\">", fp);
		write_host(fp, pr->url);
		fputs("</a>.", fp);
	}
	fputs("</p>\n", fp);
}

int
report_write_html(FILE *fp, const struct report_ctx *ctx)
{
	struct handout	h;
	size_t		i;

	handout_init(&h, ctx);
	write_head(fp, ctx, &h);
	write_recommendation(fp, ctx, &h);
	fputs("<div class=\"row\">\n", fp);
	write_chart(fp, ctx);
	write_answers(fp, ctx);
	fputs("</div>\n", fp);
	if (h.ntop > 0) {
		fputs("<div class=\"options\">\n", fp);
		for (i = 0; i < h.ntop; i++)
			write_option(fp, ctx, h.top[i], h.ntop);
		fputs("</div>\n", fp);
	}
	fputs("<footer>\n", fp);
	write_precedents(fp, ctx);
	/* The formula is in the other formats; the page says it in short. */
	fprintf(fp, "<p><strong>How scores are computed.</strong> Each rule of "
	    "the knowledge base that holds for these answers counts for or "
	    "against the options it names: 50 means no evidence either way, "
	    "0 that the option is ruled out. Fit: strong from %g, good from "
	    "%g, fair from %g. The command archadvisor explain shows every "
	    "rule.",
	    FIT_STRONG_FROM, FIT_GOOD_FROM, FIT_FAIR_FROM);
	fputs(" Scored by archadvisor ", fp);
	escape_html(fp, ctx->version);
	/* Quoted: the name may itself say "knowledge base". */
	fputs(" with the knowledge base &ldquo;", fp);
	escape_html(fp, ctx->kb->name);
	fputs("&rdquo;, version ", fp);
	escape_html(fp, ctx->kb->version);
	fputc('.', fp);
	handout_kb_files(fp, ctx, &html_markup);
	fputs("</p>\n</footer>\n</body>\n</html>\n", fp);
	handout_free(&h);
	return (record_embed_write(fp, ctx) != 0 || ferror(fp) ? -1 : 0);
}
