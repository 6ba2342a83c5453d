/*
 * adr_sections: the sections every decision record shares, whatever its
 * template (see adr_sections.h).
 */
#include "adr_sections.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "md_sections.h"
#include "words.h"
#include "xmalloc.h"

/*
 * Writes a knowledge-base phrase after a label: "Best of both worlds"
 * reads "best of both worlds", but "SQL ..." and "ClickHouse ..." keep
 * their capitals (only a first word of one capital and lower-case letters
 * is lowered).
 */
static void
write_phrase(FILE *fp, const char *phrase)
{
	char	*s = xstrdup(phrase);
	size_t	 i;

	if (isupper((unsigned char)s[0])) {
		for (i = 1; islower((unsigned char)s[i]); i++)
			;
		if (i > 1 && !isalnum((unsigned char)s[i]))
			s[0] = (char)tolower((unsigned char)s[0]);
	}
	escape_md(fp, s);
	free(s);
}

void
adr_write_drivers(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h)
{
	const struct question	*q;
	char			 buf[1024], name[WORDS_LABEL_MAX * 2];
	size_t			 i;

	if (h->ndrivers == 0)
		fputs("* None: no rule of the knowledge base applies to these "
		    "answers.\n", fp);
	else
		fputs("The answers that moved the ranking, most decisive "
		    "first:\n\n", fp);
	for (i = 0; i < h->ndrivers; i++) {
		q = &ctx->kb->questions[h->drivers[i].question];
		fputs("* **", fp);
		escape_md(fp, words_label(q, name, sizeof name));
		fputs(":** ", fp);
		escape_md(fp, words_cell(q,
		    &ctx->answers->v[h->drivers[i].question], buf,
		    sizeof buf));
		fputs(" (", fp);
		escape_md(fp, q->prompt);
		fputs("): ", fp);
		handout_driver_effects(fp, ctx, &h->drivers[i], &md_markup);
		fputc('\n', fp);
	}
	fputc('\n', fp);
}

/* The choice in MADR's words: Chosen option: "X", organised ..., because */
static void
write_chosen(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h)
{
	const struct kb			*kb = ctx->kb;
	const struct ranking		*r = ctx->ranking;
	const struct pattern_score	*s = &r->scores[r->processing];
	char				 lead[32];

	fputs("Chosen option: \"", fp);
	escape_md(fp, kb->patterns[r->processing].name);
	fputc('"', fp);
	/* An organisation only leaned towards has a sentence of its own. */
	if (r->org_settled && r->organization >= 0) {
		fputs(", organised as a \"", fp);
		escape_md(fp, kb->patterns[r->organization].name);
		fputc('"', fp);
	} else if (r->org_settled)
		fputs(", organised centrally", fp);
	fprintf(fp, ", because it comes out best for these answers (%.0f, "
	    "%s", s->score, handout_fit(s));
	if (h->runner_up >= 0 && !r->scores[h->runner_up].vetoed) {
		if (words_tied(r->margin))
			fputs(", tied with ", fp);
		else
			fprintf(fp, ", %s ahead of ", words_lead(r->margin,
			    lead, sizeof lead));
		escape_md(fp, kb->patterns[h->runner_up].name);
	}
	fputs(").", fp);
}

void
adr_write_decision(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h, bool madr)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	char			 line[1024];

	if (r->processing < 0) {
		fputs("No option chosen: every processing pattern is ruled "
		    "out by these answers (see the reasons below).\n\n", fp);
		return;
	}
	if (madr)
		write_chosen(fp, ctx, h);
	else
		handout_recommendation(fp, ctx, h, &md_markup);
	fputc(' ', fp);
	/* A close call is said as one, whatever the form. */
	if (madr && r->close_call && report_deciding_phrase(ctx, line,
	    sizeof line)) {
		fputs("It is a close call that turns on ", fp);
		escape_md(fp, line);
		fputs(". ", fp);
	}
	/* Named, since the sentence before may be the organisation's. */
	if (madr)
		fputs("What speaks for it:\n\n", fp);
	else {
		escape_md(fp, kb->patterns[r->processing].name);
		fputs(" is chosen because:\n\n", fp);
	}
	if (md_write_reasons(fp, ctx, r->processing, "* ", false) > 0)
		fputc('\n', fp);
	/* The plain sentence says a leaning already; MADR's says it here. */
	if (madr && !r->org_settled) {
		escape_md(fp, report_organization_phrase(ctx, line,
		    sizeof line) + 1);
		fputs(r->organization >= 0 ? " " : "\n\n", fp);
	}
	if (r->organization >= 0 && r->org_settled) {
		fputs("The data is organised as a ", fp);
		escape_md(fp, kb->patterns[r->organization].name);
		/* Its reasons say why; its score and threshold are explain's. */
		fputs(" because:\n\n", fp);
		if (md_write_reasons(fp, ctx, r->organization, "* ", false) > 0)
			fputc('\n', fp);
	} else if (r->organization >= 0) {
		/* Leaning, not decided: what leans that way, nothing more. */
		fputs("What leans towards a ", fp);
		escape_md(fp, kb->patterns[r->organization].name);
		fputs(":\n\n", fp);
		if (md_write_reasons(fp, ctx, r->organization, "* ", false) > 0)
			fputc('\n', fp);
	}
	md_write_whatif(fp, ctx, "* ");
}

/* "* **Run:** text" for one of the pattern's consequences. */
static void
labelled(FILE *fp, const char *label, const char *text)
{
	fprintf(fp, "* **%s:** ", label);
	escape_md(fp, text);
	fputc('\n', fp);
}

/*
 * The risks the rules named that held pattern p back: each rule that found
 * it stretched or counted against it, once. Returns how many; fp NULL only
 * counts them.
 */
static size_t
write_risks(FILE *fp, const struct report_ctx *ctx, int p)
{
	const struct pattern_score	*s = &ctx->ranking->scores[p];
	size_t				 i, j, n = 0;
	bool				 seen;

	for (i = 0; i < s->nstretches; i++, n++)
		if (fp != NULL)
			labelled(fp, "Risk",
			    ctx->kb->rules[s->stretches[i]].why);
	for (i = 0; i < s->nreasons; i++) {
		if (s->reasons[i].effect >= 0)
			continue;
		for (seen = false, j = 0; j < s->nstretches; j++)
			seen |= s->stretches[j] == s->reasons[i].rule;
		if (seen)
			continue;
		if (fp != NULL)
			labelled(fp, "Risk",
			    ctx->kb->rules[s->reasons[i].rule].why);
		n++;
	}
	return (n);
}

/* "Best of both worlds; fault tolerance through batch recomputation." */
static void
write_joined(FILE *fp, const struct strlist *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		if (i == 0)
			escape_md(fp, l->items[i]);
		else {
			fputs("; ", fp);
			write_phrase(fp, l->items[i]);
		}
	}
	fputs(".", fp);
}

static void
pattern_consequences(FILE *fp, const struct report_ctx *ctx, int p,
    bool org, enum adr_consequences which)
{
	const struct pattern	*pat = &ctx->kb->patterns[p];
	bool			 good = which != ADR_CONSEQUENCES_BAD;
	bool			 bad = which != ADR_CONSEQUENCES_GOOD;
	bool			 said;

	if (!bad && pat->pros.n == 0)
		return;
	if (org && !ctx->ranking->org_settled) {
		char	open[512];
		size_t	n = report_org_open_list(ctx, open, sizeof open);

		/* Only leaning: what it would mean, once it is settled. */
		fprintf(fp, "If the answer%s to ", n == 1 ? "" : "s");
		escape_md(fp, open);
		fputs(" confirm", fp);
		fputs(n == 1 ? "s" : "", fp);
		fputs(" it, organising the data as a ", fp);
		escape_md(fp, pat->name);
		fputs(" would mean:\n\n", fp);
	} else {
		fputs(org ? "Organising the data as a " : "Choosing ", fp);
		escape_md(fp, pat->name);
		fputs(" means:\n\n", fp);
	}
	if (good && pat->pros.n > 0) {
		fputs("* **Good:** ", fp);
		write_joined(fp, &pat->pros);
		fputc('\n', fp);
	}
	if (!bad) {
		fputc('\n', fp);
		return;
	}
	if (pat->run != NULL)
		labelled(fp, "Run", pat->run);
	if (pat->watch != NULL)
		labelled(fp, "Watch", pat->watch);
	if (pat->learn != NULL)
		labelled(fp, "Learn", pat->learn);
	said = pat->run != NULL || pat->watch != NULL || pat->learn != NULL;
	/* Without those, what the knowledge base lists against it. */
	if (!said && pat->cons.n > 0) {
		fputs("* **Bad:** ", fp);
		write_joined(fp, &pat->cons);
		fputc('\n', fp);
		said = true;
	}
	if (write_risks(fp, ctx, p) == 0 && !said &&
	    (!good || pat->pros.n == 0))
		fputs("* The knowledge base says nothing of what it takes.\n",
		    fp);
	fputc('\n', fp);
}

void
adr_write_consequences(FILE *fp, const struct report_ctx *ctx,
    enum adr_consequences which)
{
	const struct ranking	*r = ctx->ranking;

	if (r->processing < 0) {
		fputs("Nothing follows from it yet: no option was chosen.\n\n",
		    fp);
		return;
	}
	pattern_consequences(fp, ctx, r->processing, false, which);
	if (r->organization >= 0)
		pattern_consequences(fp, ctx, r->organization, true, which);
}

/*
 * The close call's next step: answer its open deciding questions, and have
 * the answered ones checked by the people who know, since a different
 * answer there would decide it.
 */
static void
settle_close_call(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	char			 open[1024], answered[1024], rivals[512];
	size_t			 nopen, nanswered;

	nopen = report_deciding_open(ctx, open, sizeof open);
	nanswered = report_deciding_answered(ctx, answered, sizeof answered);
	if (nopen + nanswered == 0)
		return;
	fputs("* Settle the close call with ", fp);
	if (report_close_rivals(ctx, rivals, sizeof rivals) > 0)
		escape_md(fp, rivals);
	else
		escape_md(fp, kb->patterns[r->runner_up].name);
	fputs(": ", fp);
	if (nopen > 0) {
		fprintf(fp, "answer the question%s on ", nopen == 1 ? "" :
		    "s");
		escape_md(fp, open);
		fputs(nanswered > 0 ? ", and " : "", fp);
	}
	if (nanswered > 0) {
		fprintf(fp, "check the answer%s to ", nanswered == 1 ? "" :
		    "s");
		escape_md(fp, answered);
		fputs(" with the people who know", fp);
	}
	fprintf(fp, ", since %s.\n", nopen + nanswered == 1 ?
	    "that decides it" : "they decide it");
}

/* A close call between processing patterns gets a step of its own. */
static bool
has_close_call_step(const struct ranking *r)
{
	return (r->processing >= 0 && r->close_call && r->runner_up >= 0);
}

/* An open question that could still change the recommendation. */
static bool
open_and_telling(const struct report_ctx *ctx, size_t q)
{
	return (!ctx->answers->v[q].known && handout_could_change(ctx, q));
}

/* Whether a step above already names open question q: the close call's
   deciding questions, or the organisation's while it is unsettled. */
static bool
named_by_settle_steps(const struct report_ctx *ctx, size_t q)
{
	return ((has_close_call_step(ctx->ranking) && whatif_deciding(ctx->whatif, q)) ||
	    report_org_names(ctx, q));
}

void
adr_write_next_steps(FILE *fp, const struct report_ctx *ctx,
    const char *heading)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	char			 list[256], open[1024] = "", label[WORDS_LABEL_MAX * 2];
	size_t			 i, n = 0, k = 0, named = 0;

	fprintf(fp, "%s\n\n", heading);
	if (has_close_call_step(r))
		settle_close_call(fp, ctx);
	if (!r->org_settled && (k = report_org_open_list(ctx, list,
	    sizeof list)) > 0) {
		fprintf(fp, "* Settle the organisation with the answer%s to ",
		    k == 1 ? "" : "s");
		escape_md(fp, list);
		fputs(" before acting on it.\n", fp);
	}
	/* The rest of what could change it, each question named once. */
	for (i = 0; i < kb->nquestions; i++) {
		if (!open_and_telling(ctx, i))
			continue;
		if (named_by_settle_steps(ctx, i))
			named++;
		else
			n++;
	}
	for (i = 0, k = 0; i < kb->nquestions; i++)
		if (open_and_telling(ctx, i) && !named_by_settle_steps(ctx, i))
			words_list_add(open, sizeof open, words_label_lower(
			    &kb->questions[i], label, sizeof label), k++, n);
	if (n > 0) {
		fprintf(fp, "* Answer the %sopen question%s that could still "
		    "change it: ", named > 0 ? "other " : "", n == 1 ? "" :
		    "s");
		escape_md(fp, open);
		fputs(".\n", fp);
	}
	if (r->processing >= 0) {
		fputs("* Build a first ", fp);
		escape_md(fp, kb->patterns[r->processing].name);
		fputs(" pipeline for one real use case, and check it against "
		    "the confirmation below before moving more work onto it."
		    "\n", fp);
	} else
		fputs("* Revisit the requirements: as answered, no "
		    "processing pattern can meet them all.\n", fp);
	fputs("* Review this record with the people who decide, name them "
	    "in it, and change its status from proposed to accepted or "
	    "rejected.\n\n", fp);
}

void
adr_write_confirmation(FILE *fp, const struct report_ctx *ctx,
    const char *heading)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	enum verdict		 v;
	char			 buf[1024];
	size_t			 q, n = 0;
	bool			 risks;

	fprintf(fp, "%s\n\n", heading);
	for (q = 0; r->processing >= 0 && q < kb->nquestions; q++) {
		v = engine_verdict(kb, r, ctx->answers->v,
		    (size_t)r->processing, q);
		if (v != VERDICT_MEETS && v != VERDICT_STRETCHES)
			continue;
		if (n++ == 0)
			fputs("Once the first pipeline runs, measure that it "
			    "delivers what this decision rests on:\n\n", fp);
		fputs("* **", fp);
		escape_md(fp, words_label(&kb->questions[q], buf, sizeof buf));
		fputs(":** ", fp);
		escape_md(fp, words_cell(&kb->questions[q],
		    &ctx->answers->v[q], buf, sizeof buf));
		fputs(v == VERDICT_STRETCHES ? " (met only at a stretch: "
		    "watch it first)\n" : "\n", fp);
	}
	risks = r->processing >= 0 && write_risks(NULL, ctx, r->processing) > 0;
	if (n == 0)
		fprintf(fp, "Once the first pipeline runs, confirm with the "
		    "people who use its results that they are fresh, complete "
		    "and affordable enough%s.", risks ? ", and that none of "
		    "the risks named above has come true" : "");
	else if (risks)
		fputs("\nThen check that none of the risks named above has "
		    "come true.", fp);
	else
		fputc('\n', fp);
	fputs(n > 0 && !risks ? "" : " ", fp);
	fputs("Score the answers again whenever one changes: archadvisor "
	    "diff old.yaml new.yaml exits 1 when the recommendation changes, "
	    "so a scheduled job can say when this record needs another "
	    "look.\n\n", fp);
}

void
adr_write_pros_cons(FILE *fp, const struct report_ctx *ctx,
    const char *level)
{
	const struct kb			*kb = ctx->kb;
	const struct pattern_score	*s;
	const struct pattern		*p;
	size_t				 i, j;

	for (i = 0; i < ctx->ranking->npatterns; i++) {
		s = &ctx->ranking->scores[ctx->advice->listed[i]];
		p = &kb->patterns[s->pattern];
		fputs(level, fp);
		escape_md(fp, p->name);
		fputs("\n\n", fp);
		if (p->summary != NULL && p->summary[0] != '\0') {
			escape_md(fp, p->summary);
			fputs(". ", fp);
		}
		if (i < ctx->advice->nprocessing)
			fprintf(fp, "Score %.0f, %s, ranked %zu.", s->score,
			    handout_fit(s), i + 1);
		else
			fprintf(fp, "Score %.0f, %s; the organisation is "
			    "decided apart from processing.", s->score,
			    handout_fit(s));
		if (handout_requirements(NULL, ctx, s->pattern, &md_markup)) {
			fputc(' ', fp);
			handout_requirements(fp, ctx, s->pattern, &md_markup);
		}
		fputs("\n\n", fp);
		for (j = 0; j < s->nvetoes; j++) {
			fputs("* Bad, because it is ruled out here: ", fp);
			escape_md(fp, kb->rules[s->vetoes[j]].why);
			fputc('\n', fp);
		}
		for (j = 0; j < s->nstretches; j++) {
			fputs("* Bad, because it meets a requirement only at a "
			    "stretch: ", fp);
			escape_md(fp, kb->rules[s->stretches[j]].why);
			fputc('\n', fp);
		}
		for (j = 0; j < p->pros.n; j++) {
			fputs("* Good: ", fp);
			write_phrase(fp, p->pros.items[j]);
			fputc('\n', fp);
		}
		for (j = 0; j < p->cons.n; j++) {
			fputs("* Bad: ", fp);
			write_phrase(fp, p->cons.items[j]);
			fputc('\n', fp);
		}
		if (s->nvetoes + s->nstretches + p->pros.n + p->cons.n == 0)
			fputs("* The knowledge base lists no pros or cons for "
			    "it.\n", fp);
		fputc('\n', fp);
	}
}
