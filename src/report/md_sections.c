/*
 * md_sections: the sections the Markdown handout and the decision records
 * write alike (see md_sections.h).
 */
#include "md_sections.h"

#include "escape.h"

const struct handout_markup md_markup = {
	escape_md, "**", "**", "*", "*"
};

size_t
md_write_reasons(FILE *fp, const struct report_ctx *ctx, int p,
    const char *bullet, bool directions)
{
	const struct pattern_score	*s = &ctx->ranking->scores[p];
	size_t				 i, n = 0;

	for (i = 0; i < s->nreasons; i++) {
		if (!directions && s->reasons[i].effect <= 0)
			continue;
		fputs(bullet, fp);
		/* For people: the direction of a reason, never its weight. */
		if (directions)
			fputs(s->reasons[i].effect < 0 ? "**Against:** " :
			    "**For:** ", fp);
		escape_md(fp, ctx->kb->rules[s->reasons[i].rule].why);
		fputc('\n', fp);
		n++;
	}
	return (n);
}

void
md_write_whatif(FILE *fp, const struct report_ctx *ctx, const char *bullet)
{
	char	line[1024];
	size_t	i;

	if (ctx->whatif == NULL)
		return;
	escape_md(fp, report_robustness_sentence(ctx, line, sizeof line));
	fputs("\n\n", fp);
	for (i = 0; i < ctx->whatif->nsens; i++) {
		if (i == 0)
			fputs("What would change it:\n\n", fp);
		fputs(bullet, fp);
		escape_md(fp, report_sensitivity_sentence(ctx,
		    &ctx->whatif->sens[i], line, sizeof line));
		fputc('\n', fp);
	}
	if (ctx->whatif->nsens > 0)
		fputc('\n', fp);
}

void
md_write_precedents(FILE *fp, const struct report_ctx *ctx,
    const char *heading, const char *intro, const char *bullet)
{
	struct precedent_match	 m[HANDOUT_PRECEDENTS];
	const struct precedent	*pr;
	size_t			 i, n;

	if ((n = handout_precedents(ctx, m)) == 0)
		return;
	fprintf(fp, "%s\n\n%s\n\n", heading, intro);
	for (i = 0; i < n; i++) {
		pr = &ctx->kb->precedents[m[i].precedent];
		fputs(bullet, fp);
		handout_precedent_line(fp, ctx, &m[i], &md_markup);
		fputs(" Source: ", fp);
		if (escape_is_web_url(pr->url))
			escape_md_link(fp, pr->title, pr->url);
		else
			escape_md(fp, pr->title);
		fputc('\n', fp);
	}
	fputc('\n', fp);
}
