/*
 * report_html: the one-page printable handout. One self-contained file:
 * the style sheet is inline, the chart is inline SVG, and nothing is
 * fetched (no scripts, fonts or images), so it opens offline and prints on
 * one A4 or Letter page for the stock examples (tests/html-check.sh renders
 * each in Chromium and counts the pages). Every string from the knowledge
 * base or the answers goes through escape_html.
 */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "handout.h"
#include "report.h"
#include "xmalloc.h"

/* The chart, in SVG user units (scaled to the column's width). */
#define CHART_W		360
#define CHART_LABEL	134	/* room for the names */
#define CHART_BAR	150	/* a score of 100 */
#define CHART_ROW	20
#define CHART_TOP	4
#define CHART_AXIS	14
#define CHART_NAME_MAX	24	/* code points; longer names are cut */

static const struct handout_markup html_markup = {
	escape_html, "<strong>", "</strong>"
};

static const char style[] =
    "@page { margin: 7mm 12mm; }\n"
    "* { box-sizing: border-box; }\n"
    "html { font: 8.2pt/1.3 \"Liberation Sans\", Arial, Helvetica, "
    "\"DejaVu Sans\", sans-serif; color: #1b1b1b; background: #fff;\n"
    "  -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "body { margin: 0 auto; max-width: 186mm; overflow-wrap: anywhere; }\n"
    "@media screen { body { padding: 10mm 4mm; } }\n"
    "h1, h2, h3, p, ul, dl { margin: 0; }\n"
    "header { border-bottom: 1.5pt solid #1b1b1b; padding-bottom: 1.5mm; "
    "}\n"
    ".kicker { text-transform: uppercase; letter-spacing: .08em; "
    "font-size: 7.5pt; color: #555; }\n"
    "h1 { font-size: 14pt; line-height: 1.15; margin: .5mm 0 .8mm; }\n"
    ".meta { color: #444; }\n"
    ".desc { margin-top: 2mm; color: #333; }\n"
    ".rec { margin: 2.5mm 0; padding: 2mm 3mm; border: 1pt solid #1b1b1b; "
    "border-left: 4pt solid #1f5c99; background: #f2f6fb; }\n"
    ".rec .sentence { font-size: 10.5pt; line-height: 1.25; }\n"
    ".rec .firm { margin-top: 1mm; color: #333; }\n"
    "h2 { font-size: 9.5pt; margin: 0 0 1mm; text-transform: uppercase; "
    "letter-spacing: .04em; color: #333; }\n"
    "h3 { font-size: 8.6pt; margin: 1.2mm 0 .3mm; }\n"
    ".row { display: flex; gap: 5mm; align-items: flex-start; }\n"
    ".chart { flex: 0 0 47%; }\n"
    ".chart svg { display: block; width: 100%; height: auto; }\n"
    ".given { flex: 1 1 auto; }\n"
    ".given dl { columns: 2; column-gap: 3mm; }\n"
    ".given dl div { break-inside: avoid; }\n"
    ".given dt, .given dd { display: inline; margin: 0; }\n"
    ".given dt { color: #444; }\n"
    ".given dd { font-weight: bold; }\n"
    ".open { margin-top: 1.2mm; }\n"
    ".list { margin-top: .6mm; }\n"
    ".options { columns: 2; column-gap: 5mm; margin-top: 2.5mm; "
    "border-top: .75pt solid #999; padding-top: 2mm; }\n"
    ".option + .option { margin-top: 2.5mm; }\n"
    ".option h2 { text-transform: none; letter-spacing: 0; font-size: "
    "10pt; color: #1b1b1b; margin: 0; }\n"
    ".option h2, .option h3 { break-after: avoid; }\n"
    ".option .tail { break-inside: avoid; }\n"
    ".option .score { color: #333; }\n"
    ".option .summary { font-style: italic; }\n"
    ".option li { margin: 0 0 .3mm; break-inside: avoid; }\n"
    "ul.why { list-style: none; padding-left: 0; }\n"
    "ul.why li { display: grid; grid-template-columns: 7mm 1fr; "
    "align-items: baseline; }\n"
    ".w { font-family: \"Liberation Mono\", \"DejaVu Sans Mono\", "
    "monospace; font-size: 7.8pt; font-weight: bold; }\n"
    ".prec { margin-bottom: .6mm; }\n"
    ".prec a { color: inherit; }\n"
    "footer { margin-top: 2.5mm; border-top: .75pt solid #999; "
    "padding-top: 1mm; font-size: 7.4pt; line-height: 1.2; "
    "color: #333; }\n"
    "@media print { .row { break-inside: avoid; } }\n";

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
	    "<header>\n<p class=\"kicker\">Data architecture "
	    "recommendation</p>\n<h1>", style);
	escape_html(fp, a->name != NULL && a->name[0] != '\0' ? a->name :
	    "Data architecture recommendation");
	fprintf(fp, "</h1>\n<p class=\"meta\">%s &middot; Knowledge base: ",
	    h->date);
	escape_html(fp, ctx->kb->name);
	fputc(' ', fp);
	escape_html(fp, ctx->kb->version);
	fprintf(fp, " &middot; %zu of %zu questions answered &middot; "
	    "archadvisor ", answers_count(a), a->n);
	escape_html(fp, ctx->version);
	fputs("</p>\n</header>\n", fp);
	if (a->description != NULL && a->description[0] != '\0') {
		fputs("<p class=\"desc\">", fp);
		escape_html(fp, a->description);
		fputs("</p>\n", fp);
	}
}

static void
write_recommendation(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h)
{
	char	line[1024];

	fputs("<section class=\"rec\" aria-label=\"Recommendation\">\n"
	    "<p class=\"sentence\">", fp);
	handout_recommendation(fp, ctx, h, &html_markup);
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

/* One bar of the chart; a ruled-out option is hatched and says so. */
static void
write_bar(FILE *fp, const struct report_ctx *ctx, size_t rank, double y)
{
	const struct pattern_score	*s;
	const struct pattern		*p;
	char				*name;
	bool				 rec;

	s = &ctx->ranking->scores[ctx->ranking->order[rank]];
	p = &ctx->kb->patterns[s->pattern];
	rec = handout_recommended(ctx, s->pattern);
	name = cut(p->name, CHART_NAME_MAX);
	fputs("<g><title>", fp);
	escape_html(fp, p->name);
	fprintf(fp, ": %.1f, %s%s</title>\n", s->score, handout_fit(s->fit),
	    rec ? ", recommended" : "");
	fprintf(fp, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\"%s>",
	    CHART_LABEL - 4, y + 9.5, rec ? " font-weight=\"bold\"" : "");
	escape_html(fp, name);
	fputs("</text>\n", fp);
	if (s->vetoed) {
		fprintf(fp, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" "
		    "height=\"12\" fill=\"url(#hatch)\" stroke=\"#555\" "
		    "stroke-dasharray=\"3 2\"/>\n", CHART_LABEL, y,
		    CHART_BAR);
		fprintf(fp, "<text x=\"%d\" y=\"%.1f\" font-weight=\"bold\">"
		    "0 &#215; ruled out</text>\n", CHART_LABEL + CHART_BAR + 5,
		    y + 9.5);
	} else {
		fprintf(fp, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"12\" fill=\"%s\"/>\n", CHART_LABEL, y,
		    s->score * CHART_BAR / 100.0, rec ? "#1f5c99" : "#8fb0d3");
		fprintf(fp, "<text x=\"%d\" y=\"%.1f\"%s>%.1f %s</text>\n",
		    CHART_LABEL + CHART_BAR + 5, y + 9.5,
		    rec ? " font-weight=\"bold\"" : "", s->score,
		    fit_name(s->fit));
	}
	fputs("</g>\n", fp);
	free(name);
}

static void
write_chart(FILE *fp, const struct report_ctx *ctx)
{
	size_t	i, n = ctx->ranking->npatterns;
	int	h = CHART_TOP + (int)n * CHART_ROW + CHART_AXIS, x;

	fputs("<section class=\"chart\">\n<h2>Scores</h2>\n", fp);
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"chart-t\" "
	    "font-size=\"10\" font-family=\"Liberation Sans, Arial, "
	    "Helvetica, sans-serif\">\n<title id=\"chart-t\">Score of each "
	    "option, 0 to 100; ruled-out options are hatched</title>\n"
	    "<defs><pattern id=\"hatch\" width=\"5\" height=\"5\" "
	    "patternUnits=\"userSpaceOnUse\" "
	    "patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" "
	    "fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" "
	    "stroke=\"#777\" stroke-width=\"1.6\"/></pattern></defs>\n",
	    CHART_W, h);
	/* The track: 0, 50 (no evidence either way) and 100. */
	for (x = 0; x <= 100; x += 50) {
		fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"#bbb\" stroke-width=\"0.6\"%s/>\n",
		    CHART_LABEL + x * CHART_BAR / 100, CHART_TOP - 2,
		    CHART_LABEL + x * CHART_BAR / 100, h - CHART_AXIS + 2,
		    x == 50 ? " stroke-dasharray=\"2 2\"" : "");
		fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
		    "font-size=\"8\" fill=\"#555\">%d</text>\n",
		    CHART_LABEL + x * CHART_BAR / 100, h - 3, x);
	}
	for (i = 0; i < n; i++)
		write_bar(fp, ctx, i, CHART_TOP + (double)i * CHART_ROW);
	fputs("</svg>\n</section>\n", fp);
}

static void
write_open(FILE *fp, const struct report_ctx *ctx, bool changing,
    const char *label)
{
	const struct kb	*kb = ctx->kb;
	size_t		 i, n = 0;

	for (i = 0; i < kb->nquestions; i++) {
		if (ctx->answers->v[i].known ||
		    handout_could_change(ctx, i) != changing)
			continue;
		if (n++ == 0)
			fprintf(fp, "<p class=\"open\"><strong>%s:</strong> ",
			    label);
		else
			fputs(", ", fp);
		fputs("<span title=\"", fp);
		escape_html(fp, kb->questions[i].prompt);
		fputs("\">", fp);
		escape_html(fp, kb->questions[i].id);
		fputs("</span>", fp);
		if (answers_note(ctx->answers, i) != NULL) {
			fputs(" (<em class=\"note\">", fp);
			escape_html(fp, answers_note(ctx->answers, i));
			fputs("</em>)", fp);
		}
	}
	if (n > 0)
		fputs(".</p>\n", fp);
}

static void
write_answers(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb	*kb = ctx->kb;
	char		 buf[1024];
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
		escape_html(fp, kb->questions[i].id);
		fputs("</dt> <dd>", fp);
		escape_html(fp, handout_answer(&kb->questions[i],
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
	write_open(fp, ctx, true, "Open, could change the recommendation");
	write_open(fp, ctx, false, ctx->whatif != NULL ? "Open, would not "
	    "change it" : "Not answered");
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

static void
write_option(FILE *fp, const struct report_ctx *ctx, size_t p)
{
	const struct kb			*kb = ctx->kb;
	const struct pattern		*pat = &kb->patterns[p];
	const struct pattern_score	*s = &ctx->ranking->scores[p];
	const struct rule		*rule;
	size_t				 i;

	fputs("<section class=\"option\">\n<h2>", fp);
	escape_html(fp, pat->name);
	fprintf(fp, "</h2>\n<p class=\"score\">%.1f, %s, ranked %zu%s",
	    s->score, handout_fit(s->fit), ranking_rank(ctx->ranking, p),
	    handout_recommended(ctx, p) ? ", <strong>recommended</strong>" :
	    "");
	if (pat->summary != NULL && pat->summary[0] != '\0') {
		fputs(". <span class=\"summary\">", fp);
		escape_html(fp, pat->summary);
		fputs("</span>", fp);
	}
	fputs("</p>\n<p class=\"req\">", fp);
	if (!handout_requirements(fp, ctx, p, &html_markup))
		fputs("No requirement answered.", fp);
	fputs("</p>\n", fp);
	fputs("<h3>Why</h3>\n", fp);
	if (s->nreasons == 0)
		fputs("<p>No rule applied to it with these answers.</p>\n",
		    fp);
	else
		fputs("<ul class=\"why\">\n", fp);
	for (i = 0; i < s->nreasons; i++) {
		rule = &kb->rules[s->reasons[i].rule];
		fprintf(fp, "<li title=\"rule ");
		escape_html(fp, rule->id);
		fprintf(fp, "\"><span class=\"w\">%+.1f</span><span>",
		    s->reasons[i].effect);
		escape_html(fp, rule->why);
		fputs("</span></li>\n", fp);
	}
	if (s->nreasons > 0)
		fputs("</ul>\n", fp);
	/* Pros, cons and tools stay together in one column. */
	fputs("<div class=\"tail\">\n", fp);
	write_list(fp, "Pros", &pat->pros);
	write_list(fp, "Cons", &pat->cons);
	write_list(fp, "Typical tools", &pat->tools);
	fputs("</div>\n", fp);
	fputs("</section>\n", fp);
}

/*
 * The nearest public case studies, the same as the text report, as a
 * run-in paragraph of the footer (the page has no room for more): a
 * link to each source, named by its title (a link fetches nothing).
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
		fputs("\">", fp);
		escape_html(fp, pr->title);
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
			write_option(fp, ctx, h.top[i]);
		fputs("</div>\n", fp);
	}
	fputs("<footer>\n", fp);
	write_precedents(fp, ctx);
	fputs("<p><strong>How scores are computed.</strong> ", fp);
	handout_scoring_note(fp, ctx, &html_markup);
	fputs("</p>\n</footer>\n</body>\n</html>\n", fp);
	handout_free(&h);
	return (ferror(fp) ? -1 : 0);
}
