/*
 * report_text: the human-readable report: the recommendation in a sentence,
 * the ranking as a table with score bars, then why each option scored as it
 * did, and which questions are still open.
 */
#include <stdlib.h>
#include <string.h>

#include "handout.h"
#include "report.h"
#include "report_evidence.h"
#include "textfmt.h"
#include "utf8.h"
#include "words.h"
#include "xmalloc.h"

#define BAR_WIDTH 20

static int
name_width(const struct kb *kb)
{
	size_t	i;
	int	w = 7, n;

	for (i = 0; i < kb->npatterns; i++)
		if ((n = text_width(kb->patterns[i].name)) > w)
			w = n;
	return (w);
}

static void
pad(FILE *fp, const char *s, int width)
{
	int	n;

	fputs(s, fp);
	for (n = text_width(s); n < width; n++)
		fputc(' ', fp);
}

/*
 * The scenario's name and description, the knowledge base by its name and
 * version (its files are for --version), and how much was answered.
 */
static void
write_header(FILE *fp, const struct report_ctx *ctx)
{
	const struct answers	*a = ctx->answers;
	const struct kb		*kb = ctx->kb;
	char			*line, *t;
	size_t			 i;

	text_style(fp, ctx->color, "1");
	fprintf(fp, "archadvisor report%s%s\n", a->name ? ": " : "",
	    a->name ? a->name : "");
	text_reset(fp, ctx->color);
	if (a->description != NULL) {
		text_wrap(fp, a->description, 0, 0, ctx->width);
		fputc('\n', fp);
	}
	line = xasprintf("Knowledge base: %s, version %s", kb->name,
	    kb->version);
	/*
	 * An extension has no name of its own but changes the advice: the
	 * stock base's extensions go by the files given.
	 */
	for (i = kb->nbuiltin; kb->nbuiltin > 0 && i < kb->files.n; i++) {
		t = xasprintf("%s%s%s", line, i == kb->nbuiltin ?
		    ", extended by " : i + 1 == kb->files.n ? " and " : ", ",
		    kb->files.items[i]);
		free(line);
		line = t;
	}
	text_wrap(fp, line, 0, 2, ctx->width);
	fputc('\n', fp);
	free(line);
	fprintf(fp, "Answered %zu of %zu questions.\n\n", answers_count(a),
	    a->n);
}

/* The recommendation in one sentence. */
static void
write_recommendation(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	char			 line[1024];
	size_t			 i;
	int			 next = -1;

	text_style(fp, ctx->color, "1");
	fputs("Recommendation: ", fp);
	text_reset(fp, ctx->color);
	if (r->processing < 0) {
		text_wrap(fp, "every processing pattern is ruled out by these "
		    "answers; see the reasons below.", 16, 2, ctx->width);
		fputs("\n\n", fp);
		return;
	}
	for (i = 0; i < r->npatterns; i++) {
		size_t p = r->order[i];

		if ((int)p != r->processing &&
		    kb->patterns[p].kind == PATTERN_PROCESSING) {
			next = (int)p;
			break;
		}
	}
	report_processing_phrase(ctx, next, line, sizeof line);
	report_organization_phrase(ctx, line + strlen(line),
	    sizeof line - strlen(line));
	text_wrap(fp, line, 16, 2, ctx->width);
	fputs("\n\n", fp);
}

static void
write_table(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb			*kb = ctx->kb;
	const struct pattern_score	*s;
	size_t				 i;
	int				 nw = name_width(kb);

	fputs("Rank  ", fp);
	pad(fp, "Option", nw);
	fputs("  Score  ", fp);
	pad(fp, "", BAR_WIDTH);
	fputs("  Fit\n", fp);
	for (i = 0; i < ctx->ranking->npatterns; i++) {
		s = &ctx->ranking->scores[ctx->advice->listed[i]];
		if (i == ctx->advice->nprocessing)
			fputs("\nOrganisation, decided apart from processing\n",
			    fp);
		if (i < ctx->advice->nprocessing)
			fprintf(fp, "%4zu  ", i + 1);
		else
			fputs("      ", fp);
		pad(fp, kb->patterns[s->pattern].name, nw);
		fprintf(fp, "  %5.0f  ", s->score);
		text_style(fp, ctx->color, text_fit_sgr(s->fit));
		text_bar(fp, s->score, BAR_WIDTH, ctx->utf8);
		fprintf(fp, "  %s", s->stretched ? "at a stretch" :
		    fit_name(s->fit));
		text_reset(fp, ctx->color);
		fputc('\n', fp);
	}
	fputc('\n', fp);
}

/*
 * The margin a reason hangs from: its direction in a word, right-aligned,
 * then the reason wrapped beside it. Weights and rule ids are explain's.
 */
#define WHY_INDENT 11

static void
write_why(FILE *fp, const struct report_ctx *ctx, const char *direction,
    const struct rule *rule)
{
	fprintf(fp, "%*s  ", WHY_INDENT - 2, direction);
	text_wrap(fp, rule->why, WHY_INDENT, WHY_INDENT, ctx->width);
	fputc('\n', fp);
}

/*
 * "Requirements met: acceptable delay; met only at a stretch: moving from
 * batch to real-time.", wrapped.
 */
static void
write_requirements(FILE *fp, const struct report_ctx *ctx, size_t p)
{
	char	*buf;

	if ((buf = handout_requirements_plain(ctx, p)) == NULL)
		return;
	fprintf(fp, "%*s", WHY_INDENT, "");
	text_wrap(fp, buf, WHY_INDENT, WHY_INDENT, ctx->width);
	fputc('\n', fp);
	free(buf);
}

static void
write_reasons(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb			*kb = ctx->kb;
	const struct pattern_score	*s;
	const struct rule		*rule;
	size_t				 i, j;

	text_style(fp, ctx->color, "1");
	fputs("Why\n", fp);
	text_reset(fp, ctx->color);
	for (i = 0; i < ctx->ranking->npatterns; i++) {
		s = &ctx->ranking->scores[ctx->advice->listed[i]];
		text_style(fp, ctx->color, "1");
		fprintf(fp, "%s", kb->patterns[s->pattern].name);
		text_reset(fp, ctx->color);
		/* As the table says it: a stretch before its fit. */
		fprintf(fp, " (%s, %.0f)\n", s->stretched ? "at a stretch" :
		    fit_name(s->fit), s->score);
		write_requirements(fp, ctx, s->pattern);
		for (j = 0; j < s->nvetoes; j++)
			write_why(fp, ctx, "ruled out", &kb->rules[s->vetoes[j]]);
		for (j = 0; j < s->nstretches; j++)
			write_why(fp, ctx, "stretch",
			    &kb->rules[s->stretches[j]]);
		for (j = 0; j < s->nreasons; j++) {
			rule = &kb->rules[s->reasons[j].rule];
			write_why(fp, ctx, s->reasons[j].effect < 0 ?
			    "against" : "for", rule);
		}
		if (s->nvetoes + s->nstretches + s->nreasons == 0)
			fprintf(fp, "%*sNo rule applied to this option with "
			    "these answers.\n", WHY_INDENT, "");
	}
	fputc('\n', fp);
}

/* "Unanswered (2): Event sourcing, Way to correct results", wrapped. */
static void
write_unanswered(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb	*kb = ctx->kb;
	size_t		 i, k, n = ctx->answers->n - answers_count(ctx->answers);
	char		 label[WORDS_LABEL_MAX * 2], *list;
	int		 col;

	if (n == 0)
		return;
	list = xcalloc(n, sizeof label + 2);
	for (i = k = 0; i < kb->nquestions; i++)
		if (!ctx->answers->v[i].known)
			text_printf(list + strlen(list), n * (sizeof label + 2) -
			    strlen(list), "%s%s", k++ ? ", " : "",
			    words_label(&kb->questions[i], label,
			    sizeof label));
	text_style(fp, ctx->color, "1");
	col = fprintf(fp, "Unanswered (%zu): ", n);
	text_reset(fp, ctx->color);
	text_wrap(fp, list, col, 2, ctx->width);
	fputs("\n\n", fp);
	free(list);
}

int
report_write_text(FILE *fp, const struct report_ctx *ctx)
{
	write_header(fp, ctx);
	write_recommendation(fp, ctx);
	write_table(fp, ctx);
	write_reasons(fp, ctx);
	report_whatif_text(fp, ctx);
	write_unanswered(fp, ctx);
	report_evidence_text(fp, ctx);
	return (ferror(fp) ? -1 : 0);
}
