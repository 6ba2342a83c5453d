/*
 * report_md: the handout in GitHub-flavoured Markdown for a wiki: the same
 * content as the HTML handout, with tables instead of the chart and no
 * HTML at all. Every string from the knowledge base or the answers goes
 * through escape_md, which also keeps table cells on one line.
 */
#include <string.h>

#include "escape.h"
#include "handout.h"
#include "md_sections.h"
#include "record_embed.h"
#include "report.h"
#include "words.h"

#define MD_BAR_WIDTH	20

static void
write_header(FILE *fp, const struct report_ctx *ctx, const struct handout *h)
{
	const struct answers	*a = ctx->answers;

	fputs("# Data architecture recommendation", fp);
	if (a->name != NULL && a->name[0] != '\0') {
		fputs(": ", fp);
		escape_md(fp, a->name);
	}
	fprintf(fp, "\n\n%s · Knowledge base: ", h->date);
	escape_md(fp, ctx->kb->name);
	fputc(' ', fp);
	escape_md(fp, ctx->kb->version);
	fprintf(fp, " · %zu of %zu questions answered · archadvisor ",
	    answers_count(a), a->n);
	escape_md(fp, ctx->version);
	fputs("\n\n", fp);
	if (a->description != NULL && a->description[0] != '\0') {
		escape_md(fp, a->description);
		fputs("\n\n", fp);
	}
	fputs("**Recommendation:** ", fp);
	handout_recommendation(fp, ctx, h, &md_markup);
	fputs("\n\n", fp);
	md_write_whatif(fp, ctx, "- ");
}

/* A text bar in a code span; a ruled-out option gets none. */
static void
write_bar(FILE *fp, const struct pattern_score *s)
{
	int	i, n;

	if (s->vetoed) {
		fputs("×", fp);
		return;
	}
	n = (int)(s->score * MD_BAR_WIDTH / 100.0 + 0.5);
	fputc('`', fp);
	for (i = 0; i < MD_BAR_WIDTH; i++)
		fputs(i < n ? "█" : "░", fp);
	fputc('`', fp);
}

static void
write_scores(FILE *fp, const struct report_ctx *ctx)
{
	const struct pattern_score	*s;
	size_t				 i;
	bool				 rec;

	fputs("## Scores\n\n| Rank | Option | Score | Chart | Fit |\n"
	    "|---:|---|---:|---|---|\n", fp);
	for (i = 0; i < ctx->ranking->npatterns; i++) {
		s = &ctx->ranking->scores[ctx->advice->listed[i]];
		rec = handout_recommended(ctx, s->pattern);
		/* The organisation is decided apart: its own table. */
		if (i == ctx->advice->nprocessing)
			fputs("\nThe organisation, decided apart from processing:"
			    "\n\n| Organisation | Score | Chart | Fit |\n"
			    "|---|---:|---|---|\n", fp);
		if (i < ctx->advice->nprocessing)
			fprintf(fp, "| %zu | %s", i + 1, rec ? "**" : "");
		else
			fprintf(fp, "| %s", rec ? "**" : "");
		escape_md(fp, ctx->kb->patterns[s->pattern].name);
		fprintf(fp, "%s | %.0f | ", rec ? "** (recommended)" : "",
		    s->score);
		write_bar(fp, s);
		/* As the text report says it: why it ranks below a lower score. */
		fprintf(fp, " | %s |\n", s->vetoed ? "**ruled out**" :
		    s->stretched ? "at a stretch" : fit_name(s->fit));
	}
	fputc('\n', fp);
}

static void
write_answers(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb	*kb = ctx->kb;
	char		 buf[1024], name[WORDS_LABEL_MAX * 2];
	size_t		 i;

	fputs("## Answers given\n\n", fp);
	if (answers_count(ctx->answers) == 0)
		fputs("None: every question is open.\n\n", fp);
	else
		fputs("| Question | Answer | Asked as |\n|---|---|---|\n", fp);
	for (i = 0; i < kb->nquestions; i++) {
		if (!ctx->answers->v[i].known)
			continue;
		fputs("| ", fp);
		escape_md(fp, words_label(&kb->questions[i], name,
		    sizeof name));
		fputs(" | ", fp);
		escape_md(fp, words_cell(&kb->questions[i],
		    &ctx->answers->v[i], buf, sizeof buf));
		/* The user's note on the answer ("finance close at 7am"). */
		if (answers_note(ctx->answers, i) != NULL) {
			fputs(" \u2014 *", fp);
			escape_md(fp, answers_note(ctx->answers, i));
			fputs("*", fp);
		}
		fputs(" | ", fp);
		escape_md(fp, kb->questions[i].prompt);
		fputs(" |\n", fp);
	}
	if (answers_count(ctx->answers) > 0)
		fputc('\n', fp);
	handout_open_questions(fp, ctx, true, "Open, could change the "
	    "recommendation", &md_markup, "", ".\n\n");
	handout_open_questions(fp, ctx, false, ctx->whatif != NULL ? "Open, "
	    "would not change it" : "Not answered", &md_markup, "", ".\n\n");
}

static void
write_list(FILE *fp, const char *title, const struct strlist *l)
{
	size_t	i;

	if (l->n == 0)
		return;
	fprintf(fp, "**%s**\n\n", title);
	for (i = 0; i < l->n; i++) {
		fputs("- ", fp);
		escape_md(fp, l->items[i]);
		fputc('\n', fp);
	}
	fputc('\n', fp);
}

static void
write_option(FILE *fp, const struct report_ctx *ctx, size_t p)
{
	const struct kb			*kb = ctx->kb;
	const struct pattern		*pat = &kb->patterns[p];
	const struct pattern_score	*s = &ctx->ranking->scores[p];
	char				 place[64];
	size_t				 i;

	fputs("## ", fp);
	escape_md(fp, pat->name);
	fprintf(fp, "\n\n%.0f, %s, %s%s\n\n", s->score,
	    handout_fit(s), handout_place(ctx, p, place, sizeof place),
	    handout_recommended(ctx, p) ? ": **recommended**" : "");
	if (pat->summary != NULL && pat->summary[0] != '\0') {
		fputc('*', fp);
		escape_md(fp, pat->summary);
		fputs("*\n\n", fp);
	}
	if (handout_requirements(fp, ctx, p, &md_markup))
		fputs("\n\n", fp);
	fputs("**Why**\n\n", fp);
	if (md_write_reasons(fp, ctx, (int)p, "- ", true) == 0)
		fputs("No rule applied to it with these answers.\n", fp);
	fputc('\n', fp);
	write_list(fp, "Pros", &pat->pros);
	write_list(fp, "Cons", &pat->cons);
	if (pat->tools.n > 0) {
		fputs("**Typical tools:** ", fp);
		for (i = 0; i < pat->tools.n; i++) {
			if (i > 0)
				fputs("; ", fp);
			escape_md(fp, pat->tools.items[i]);
		}
		fputs("\n\n", fp);
	}
}

int
report_write_markdown(FILE *fp, const struct report_ctx *ctx)
{
	struct handout	h;
	size_t		i;

	handout_init(&h, ctx);
	write_header(fp, ctx, &h);
	write_scores(fp, ctx);
	write_answers(fp, ctx);
	for (i = 0; i < h.ntop; i++)
		write_option(fp, ctx, h.top[i]);
	/* The same three as the text report. */
	md_write_precedents(fp, ctx, "## Who chose what in a similar "
	    "situation", "Public case studies nearest to these answers: "
	    "evidence beside the ranking, they change no score.", "- ");
	fputs("---\n\n**How scores are computed.** ", fp);
	handout_scoring_note(fp, ctx, &md_markup);
	fputc('\n', fp);
	handout_free(&h);
	return (record_embed_write(fp, ctx) != 0 || ferror(fp) ? -1 : 0);
}
