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
 * sections of adr_sections.c and md_sections.c). Every string from the knowledge base or the
 * answers goes through escape_md.
 */
#include <string.h>

#include "adr_sections.h"
#include "escape.h"
#include "handout.h"
#include "md_sections.h"
#include "record_embed.h"
#include "words.h"
#include "report.h"

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
		escape_md(fp, a->v[i].known ? words_cell(q, &a->v[i], buf,
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
	/* Quoted: the name may itself say "knowledge base". */
	fputs(" with the knowledge base \"", fp);
	escape_md(fp, ctx->kb->name);
	fputs("\", version ", fp);
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
		s = &ctx->ranking->scores[ctx->advice->listed[i]];
		fputs("* ", fp);
		escape_md(fp, ctx->kb->patterns[s->pattern].name);
		fprintf(fp, " (%.0f, %s)%s\n", s->score, handout_fit(s),
		    i < ctx->advice->nprocessing ? "" : ", for the "
		    "organisation, decided apart from processing");
	}
	fputc('\n', fp);
}

/* adr-tools' title: "# N. Title", with a number once adr new gave one. */
static void
header_nygard(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h, long number)
{
	fputs("# ", fp);
	if (number > 0)
		fprintf(fp, "%ld. ", number);
	handout_title(fp, ctx, &md_markup);
	fprintf(fp, "\n\nDate: %s\n\n## Status\n\nProposed\n\n", h->date);
}

/* MADR 4's front matter; the people are for the team to fill in. */
static void
header_madr4(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h, long number)
{
	(void)number;
	fprintf(fp, "---\nstatus: proposed\ndate: %s\ndecision-makers:\n"
	    "consulted:\ninformed:\n---\n\n# ", h->date);
	handout_title(fp, ctx, &md_markup);
	fputs("\n\n", fp);
}

/* MADR 2: status and date as bullets under the title. */
static void
header_madr2(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h, long number)
{
	(void)number;
	fputs("# ", fp);
	handout_title(fp, ctx, &md_markup);
	fprintf(fp, "\n\n* Status: proposed\n* Date: %s\n\n", h->date);
}

/* The sections a template puts in its order, each under its heading. */
enum adr_part {
	PART_END, PART_PROBLEM, PART_DRIVERS, PART_OPTIONS, PART_DECISION,
	PART_CONSEQUENCES, PART_GOOD, PART_BAD, PART_NEXT_STEPS,
	PART_CONFIRMATION, PART_PROS_CONS, PART_SOURCES
};

#define ADR_PARTS_MAX	12

/*
 * The three templates differ only in their header, their headings and the
 * order of the same sections: each is a row here, indexed by its enum
 * adr_template. A heading of NULL writes none.
 */
static const struct adr_form {
	const char		*name;
	enum adr_template	 t;
	void			(*header)(FILE *, const struct report_ctx *,
				    const struct handout *, long);
	bool			 madr;	/* MADR's "Chosen option" */
	struct {
		enum adr_part	 part;
		const char	*heading;
	}			 parts[ADR_PARTS_MAX];
} forms[] = {
	/* adr-tools: Context, Decision, Consequences first, then the rest. */
	{ "nygard", ADR_NYGARD, header_nygard, false, {
		{ PART_PROBLEM, "## Context" },
		{ PART_DRIVERS, NULL },
		{ PART_DECISION, "## Decision" },
		{ PART_CONSEQUENCES, "## Consequences" },
		{ PART_NEXT_STEPS, "### Next Steps" },
		{ PART_CONFIRMATION, "### Confirmation" },
		{ PART_OPTIONS, "## Considered Options" },
		{ PART_PROS_CONS, NULL },
		{ PART_SOURCES, "## More Information" },
	} },
	{ "madr4", ADR_MADR4, header_madr4, true, {
		{ PART_PROBLEM, "## Context and Problem Statement" },
		{ PART_DRIVERS, "## Decision Drivers" },
		{ PART_OPTIONS, "## Considered Options" },
		{ PART_DECISION, "## Decision Outcome" },
		{ PART_CONSEQUENCES, "### Consequences" },
		{ PART_CONFIRMATION, "### Confirmation" },
		{ PART_NEXT_STEPS, "### Next Steps" },
		{ PART_PROS_CONS, "## Pros and Cons of the Options" },
		{ PART_SOURCES, "## More Information" },
	} },
	/* Consequences split into good and bad. */
	{ "madr2", ADR_MADR2, header_madr2, true, {
		{ PART_PROBLEM, "## Context and Problem Statement" },
		{ PART_DRIVERS, "## Decision Drivers" },
		{ PART_OPTIONS, "## Considered Options" },
		{ PART_DECISION, "## Decision Outcome" },
		{ PART_GOOD, "### Positive Consequences" },
		{ PART_BAD, "### Negative Consequences" },
		{ PART_NEXT_STEPS, "### Next Steps" },
		{ PART_CONFIRMATION, "### Confirmation" },
		{ PART_PROS_CONS, "## Pros and Cons of the Options" },
		{ PART_SOURCES, "## Links" },
	} },
};

int
report_adr_template(const char *name, enum adr_template *t)
{
	size_t	i;

	for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (strcmp(forms[i].name, name) == 0) {
			*t = forms[i].t;
			return (0);
		}
	return (-1);
}

static const struct adr_form *
form_of(enum adr_template t)
{
	size_t	i;

	for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (forms[i].t == t)
			return (&forms[i]);
	return (&forms[0]);
}

/* One section; those that may be empty write their heading themselves. */
static void
write_part(FILE *fp, const struct report_ctx *ctx, const struct handout *h,
    const struct adr_form *f, enum adr_part part, const char *heading)
{
	switch (part) {
	case PART_NEXT_STEPS:
		adr_write_next_steps(fp, ctx, heading);
		return;
	case PART_CONFIRMATION:
		adr_write_confirmation(fp, ctx, heading);
		return;
	case PART_SOURCES:
		md_write_precedents(fp, ctx, heading, "Public case studies "
		    "nearest to these answers (evidence beside the ranking; "
		    "they change no score):", "* ");
		return;
	default:
		break;
	}
	if (heading != NULL)
		fprintf(fp, "%s\n\n", heading);
	switch (part) {
	case PART_PROBLEM:
		write_problem(fp, ctx);
		break;
	case PART_DRIVERS:
		adr_write_drivers(fp, ctx, h);
		break;
	case PART_OPTIONS:
		write_options(fp, ctx);
		break;
	case PART_DECISION:
		adr_write_decision(fp, ctx, h, f->madr);
		break;
	case PART_CONSEQUENCES:
		adr_write_consequences(fp, ctx, ADR_CONSEQUENCES_ALL);
		break;
	case PART_GOOD:
		adr_write_consequences(fp, ctx, ADR_CONSEQUENCES_GOOD);
		break;
	case PART_BAD:
		adr_write_consequences(fp, ctx, ADR_CONSEQUENCES_BAD);
		break;
	case PART_PROS_CONS:
		adr_write_pros_cons(fp, ctx, "### ");
		break;
	default:
		break;
	}
}

int
report_write_adr(FILE *fp, const struct report_ctx *ctx)
{
	const struct adr_form	*f;
	struct handout		 h;
	enum adr_template	 t = ADR_TEMPLATE_DEFAULT;
	long			 number = 0;
	size_t			 i;

	if (ctx->adr != NULL) {
		t = ctx->adr->template;
		number = ctx->adr->number;
	}
	f = form_of(t);
	handout_init(&h, ctx);
	f->header(fp, ctx, &h, number);
	for (i = 0; i < ADR_PARTS_MAX && f->parts[i].part != PART_END; i++)
		write_part(fp, ctx, &h, f, f->parts[i].part,
		    f->parts[i].heading);
	fputs("---\n\n*How scores are computed.* ", fp);
	handout_scoring_note(fp, ctx, &md_markup);
	fputc('\n', fp);
	handout_free(&h);
	return (record_embed_write(fp, ctx) != 0 || ferror(fp) ? -1 : 0);
}
