/*
 * report_adr: the decision as an Architecture Decision Record, in one of
 * three forms (enum adr_template): adr-tools' (title "# N. Title", Date,
 * Status, Context, Decision, Consequences, which adr new -s and adr link
 * can edit), MADR 4 (YAML front matter, then MADR's sections) and MADR 2
 * (status and date as header bullets, the form log4brains reads). All
 * three say the same: the problem and the answers that drove it, the
 * choice and why, what the team must run, watch and learn, the risks the
 * rules named, next steps, how to confirm it, every option's pros and
 * cons, and the nearest public cases with links to their sources (the
 * sections of adr_sections.c). Every string from the knowledge base or the
 * answers goes through escape_md.
 */
#include <string.h>

#include "adr_sections.h"
#include "escape.h"
#include "handout.h"
#include "record_embed.h"
#include "report.h"

static const struct {
	const char		*name;
	enum adr_template	 t;
} templates[] = {
	{ "nygard", ADR_NYGARD }, { "madr4", ADR_MADR4 },
	{ "madr2", ADR_MADR2 },
};

int
report_adr_template(const char *name, enum adr_template *t)
{
	size_t	i;

	for (i = 0; i < sizeof templates / sizeof templates[0]; i++)
		if (strcmp(templates[i].name, name) == 0) {
			*t = templates[i].t;
			return (0);
		}
	return (-1);
}

/* The notes the team kept on their answers ("finance close at 7am"). */
static void
write_notes(FILE *fp, const struct report_ctx *ctx)
{
	const struct answers	*a = ctx->answers;
	const struct question	*q;
	char			 buf[1024];
	size_t			 i;

	if (!answers_have_notes(a))
		return;
	fputs("Notes on the answers:\n\n", fp);
	for (i = 0; i < a->n; i++) {
		if (answers_note(a, i) == NULL)
			continue;
		q = &ctx->kb->questions[i];
		fputs("* ", fp);
		escape_md(fp, q->prompt);
		fputs(" **", fp);
		escape_md(fp, a->v[i].known ? handout_answer(q, &a->v[i], buf,
		    sizeof buf) : "don't know");
		fputs("**: ", fp);
		escape_md(fp, answers_note(a, i));
		fputc('\n', fp);
	}
	fputc('\n', fp);
}

static void
write_problem(FILE *fp, const struct report_ctx *ctx)
{
	const struct answers	*a = ctx->answers;
	size_t			 n = answers_count(a);

	if (a->description != NULL && a->description[0] != '\0') {
		escape_md(fp, a->description);
		fputs("\n\n", fp);
	}
	fputs("Which data architecture should ", fp);
	if (a->name != NULL && a->name[0] != '\0') {
		fputs("*", fp);
		escape_md(fp, a->name);
		fputs("* use", fp);
	} else
		fputs("we use", fp);
	fputs(": how should the data be processed, and should its "
	    "ownership be central or spread over the domains? The options "
	    "were scored by archadvisor ", fp);
	escape_md(fp, ctx->version);
	fputs(" with the knowledge base ", fp);
	escape_md(fp, ctx->kb->name);
	fputc(' ', fp);
	escape_md(fp, ctx->kb->version);
	fprintf(fp, ", from %zu answer%s; %zu question%s left open.\n\n", n,
	    n == 1 ? "" : "s", a->n - n, a->n - n == 1 ? " was" : "s were");
	write_notes(fp, ctx);
}

static void
write_options(FILE *fp, const struct report_ctx *ctx)
{
	const struct pattern_score	*s;
	size_t				 i;

	for (i = 0; i < ctx->ranking->npatterns; i++) {
		s = &ctx->ranking->scores[ctx->ranking->order[i]];
		fputs("* ", fp);
		escape_md(fp, ctx->kb->patterns[s->pattern].name);
		fprintf(fp, " (%.1f, %s)\n", s->score, handout_fit(s->fit));
	}
	fputc('\n', fp);
}

/* adr-tools' form: Context, Decision, Consequences first, then the rest. */
static void
write_nygard(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h, long number)
{
	fputs("# ", fp);
	if (number > 0)
		fprintf(fp, "%ld. ", number);
	handout_title(fp, ctx, &adr_md_markup);
	fprintf(fp, "\n\nDate: %s\n\n## Status\n\nProposed\n\n## Context\n\n",
	    h->date);
	write_problem(fp, ctx);
	adr_write_drivers(fp, ctx, h);
	fputs("## Decision\n\n", fp);
	adr_write_decision(fp, ctx, h, false);
	fputs("## Consequences\n\n", fp);
	adr_write_consequences(fp, ctx, ADR_CONSEQUENCES_ALL);
	adr_write_next_steps(fp, ctx, "### Next Steps");
	adr_write_confirmation(fp, ctx, "### Confirmation");
	fputs("## Considered Options\n\n", fp);
	write_options(fp, ctx);
	adr_write_pros_cons(fp, ctx, "### ");
	adr_write_sources(fp, ctx, "## More Information");
}

/* MADR 4: front matter, and its sections in its order. */
static void
write_madr4(FILE *fp, const struct report_ctx *ctx, const struct handout *h)
{
	/* The people are for the team to fill in. */
	fprintf(fp, "---\nstatus: proposed\ndate: %s\ndecision-makers:\n"
	    "consulted:\ninformed:\n---\n\n# ", h->date);
	handout_title(fp, ctx, &adr_md_markup);
	fputs("\n\n## Context and Problem Statement\n\n", fp);
	write_problem(fp, ctx);
	fputs("## Decision Drivers\n\n", fp);
	adr_write_drivers(fp, ctx, h);
	fputs("## Considered Options\n\n", fp);
	write_options(fp, ctx);
	fputs("## Decision Outcome\n\n", fp);
	adr_write_decision(fp, ctx, h, true);
	fputs("### Consequences\n\n", fp);
	adr_write_consequences(fp, ctx, ADR_CONSEQUENCES_ALL);
	adr_write_confirmation(fp, ctx, "### Confirmation");
	adr_write_next_steps(fp, ctx, "### Next Steps");
	fputs("## Pros and Cons of the Options\n\n", fp);
	adr_write_pros_cons(fp, ctx, "### ");
	adr_write_sources(fp, ctx, "## More Information");
}

/* MADR 2: header bullets, consequences split into good and bad. */
static void
write_madr2(FILE *fp, const struct report_ctx *ctx, const struct handout *h)
{
	fputs("# ", fp);
	handout_title(fp, ctx, &adr_md_markup);
	fprintf(fp, "\n\n* Status: proposed\n* Date: %s\n\n"
	    "## Context and Problem Statement\n\n", h->date);
	write_problem(fp, ctx);
	fputs("## Decision Drivers\n\n", fp);
	adr_write_drivers(fp, ctx, h);
	fputs("## Considered Options\n\n", fp);
	write_options(fp, ctx);
	fputs("## Decision Outcome\n\n", fp);
	adr_write_decision(fp, ctx, h, true);
	fputs("### Positive Consequences\n\n", fp);
	adr_write_consequences(fp, ctx, ADR_CONSEQUENCES_GOOD);
	fputs("### Negative Consequences\n\n", fp);
	adr_write_consequences(fp, ctx, ADR_CONSEQUENCES_BAD);
	adr_write_next_steps(fp, ctx, "### Next Steps");
	adr_write_confirmation(fp, ctx, "### Confirmation");
	fputs("## Pros and Cons of the Options\n\n", fp);
	adr_write_pros_cons(fp, ctx, "### ");
	adr_write_sources(fp, ctx, "## Links");
}

int
report_write_adr(FILE *fp, const struct report_ctx *ctx)
{
	struct handout		 h;
	enum adr_template	 t = ADR_TEMPLATE_DEFAULT;
	long			 number = 0;

	if (ctx->adr != NULL) {
		t = ctx->adr->template;
		number = ctx->adr->number;
	}
	handout_init(&h, ctx);
	switch (t) {
	case ADR_MADR4:
		write_madr4(fp, ctx, &h);
		break;
	case ADR_MADR2:
		write_madr2(fp, ctx, &h);
		break;
	case ADR_NYGARD:
	default:
		write_nygard(fp, ctx, &h, number);
		break;
	}
	fputs("---\n\n*How scores are computed.* ", fp);
	handout_scoring_note(fp, ctx, &adr_md_markup);
	fputc('\n', fp);
	handout_free(&h);
	return (record_embed_write(fp, ctx) != 0 || ferror(fp) ? -1 : 0);
}
