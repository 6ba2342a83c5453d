/*
 * report_evidence: precedents and review dates for people (text) and
 * programs (JSON). See report_evidence.h; the similarity and agreement
 * they show are computed in src/core/precedent.c.
 */
#include "report_evidence.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_json.h"
#include "report_json_model.h"
#include "textfmt.h"
#include "words.h"
#include "xmalloc.h"

/* "Uber (2020) chose Kappa Architecture, moving from Lambda ..." */
static void
headline(FILE *fp, const struct report_ctx *ctx, size_t p, int indent)
{
	const struct kb		*kb = ctx->kb;
	const struct precedent	*pr = &kb->precedents[p];
	char			*s;

	if (pr->moved_from >= 0)
		s = xasprintf("%s (%d) chose %s, moving from %s%s",
		    pr->organisation, pr->year, kb->patterns[pr->chose].name,
		    kb->patterns[pr->moved_from].name, pr->regretted ?
		    ", and regretted it" : "");
	else
		s = xasprintf("%s (%d) chose %s%s", pr->organisation, pr->year,
		    kb->patterns[pr->chose].name, pr->regretted ?
		    ", and regretted it" : "");
	text_style(fp, ctx->color, "1");
	text_wrap(fp, s, indent, indent, ctx->width);
	text_reset(fp, ctx->color);
	fputc('\n', fp);
	free(s);
}

/* The inferred answers of precedent p, "a, b", or NULL if none. */
static char *
inferred_list(const struct kb *kb, size_t p)
{
	const struct precedent	*pr = &kb->precedents[p];
	char			*s = NULL, *t, label[WORDS_LABEL_MAX * 2];
	size_t			 q;

	for (q = 0; q < kb->nquestions; q++) {
		if (!pr->inferred[q])
			continue;
		t = xasprintf("%s%s%s", s ? s : "", s ? ", " : "",
		    words_label_lower(&kb->questions[q], label,
		    sizeof label));
		free(s);
		s = t;
	}
	return (s);
}

/* One case in full: headline, similarity, outcome, source. */
static void
write_case(FILE *fp, const struct report_ctx *ctx, size_t n,
    const struct precedent_match *m, size_t p, bool with_note)
{
	const struct precedent	*pr = &ctx->kb->precedents[p];
	char			*s, *inf;

	fprintf(fp, "%2zu. ", n);
	headline(fp, ctx, p, 4);
	if (m != NULL) {
		s = xasprintf("%.0f%% similar over %zu of the %zu answers "
		    "given", m->similarity * 100.0, m->compared, m->answered);
		fputs("    ", fp);
		text_wrap(fp, s, 4, 4, ctx->width);
		fputc('\n', fp);
		free(s);
	}
	fputs("    ", fp);
	text_wrap(fp, pr->outcome, 4, 4, ctx->width);
	fputc('\n', fp);
	if ((inf = inferred_list(ctx->kb, p)) != NULL) {
		s = xasprintf("Inferred, not stated by the source: %s", inf);
		fputs("    ", fp);
		text_wrap(fp, s, 4, 4, ctx->width);
		fputc('\n', fp);
		free(s);
		free(inf);
	}
	if (with_note && pr->note != NULL) {
		s = xasprintf("Note: %s", pr->note);
		fputs("    ", fp);
		text_wrap(fp, s, 4, 4, ctx->width);
		fputc('\n', fp);
		free(s);
	}
	s = xasprintf("Source: %s, %s", pr->title, pr->url);
	fputs("    ", fp);
	text_wrap(fp, s, 4, 4, ctx->width);
	fputc('\n', fp);
	free(s);
}

void
report_evidence_text(FILE *fp, const struct report_ctx *ctx)
{
	const struct precedent_match	*m;
	size_t				 i, n;

	n = report_nearest(ctx, &m);
	if (n > 0) {
		text_style(fp, ctx->color, "1");
		fputs("Who chose what in a similar situation\n", fp);
		text_reset(fp, ctx->color);
		text_wrap(fp, "Public case studies nearest to these answers. "
		    "They are evidence beside the ranking and do not change "
		    "any score ('archadvisor precedents' lists more).", 0, 0,
		    ctx->width);
		fputs("\n", fp);
		for (i = 0; i < n; i++)
			write_case(fp, ctx, i + 1, &m[i], m[i].precedent,
			    false);
		fputc('\n', fp);
	}
	if (ctx->kb->reviewed[0] != '\0')
		fprintf(fp, "Knowledge base last reviewed on %s.\n",
		    ctx->kb->reviewed);
}

int
report_precedents_text(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb			*kb = ctx->kb;
	const struct precedent_match	*m;
	size_t				 i, n;

	if (kb->nprecedents == 0) {
		fputs("This knowledge base has no precedents.\n", fp);
		return (ferror(fp) ? -1 : 0);
	}
	if (answers_count(ctx->answers) == 0) {
		fprintf(fp, "%zu public case studies (give --answers or --set "
		    "to see the nearest first):\n\n", kb->nprecedents);
		for (i = 0; i < kb->nprecedents; i++) {
			write_case(fp, ctx, i + 1, NULL, i, true);
			fputc('\n', fp);
		}
		return (ferror(fp) ? -1 : 0);
	}
	n = report_nearest(ctx, &m);
	text_style(fp, ctx->color, "1");
	fprintf(fp, "Precedents nearest to %s\n", ctx->answers->name ?
	    ctx->answers->name : "these answers");
	text_reset(fp, ctx->color);
	text_wrap(fp, "Similarity compares only the questions answered both "
	    "here and in the case: sizes and durations on a log scale, levels "
	    "by their order, sets by overlap. Precedents never change a "
	    "score.", 0, 0, ctx->width);
	fputs("\n\n", fp);
	if (n == 0)
		fputs("No case study answers any of the questions answered "
		    "here.\n", fp);
	for (i = 0; i < n; i++) {
		write_case(fp, ctx, i + 1, &m[i], m[i].precedent, true);
		fputc('\n', fp);
	}
	return (ferror(fp) ? -1 : 0);
}

int
report_precedents_json(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb			*kb = ctx->kb;
	const struct precedent_match	*m;
	json_t				*arr, *root;
	size_t				 i, n;

	arr = json_array();
	if (answers_count(ctx->answers) == 0) {
		for (i = 0; i < kb->nprecedents; i++)
			json_array_append_new(arr, json_precedent(kb, i, NULL));
	} else {
		n = report_nearest(ctx, &m);
		for (i = 0; i < n; i++)
			json_array_append_new(arr, json_precedent(kb,
			    m[i].precedent, &m[i]));
	}
	root = json_pack("{s:s, s:s, s:{s:s, s:s}, s:o, s:o}",
	    "tool", "archadvisor",
	    "version", ctx->version,
	    "knowledge_base", "name", kb->name, "version", kb->version,
	    "answers", json_answers(kb, ctx->answers),
	    "precedents", arr);
	if (kb->reviewed[0] != '\0')
		json_object_set_new(json_object_get(root, "knowledge_base"),
		    "reviewed", json_string(kb->reviewed));
	return (json_write(fp, root));
}

/* The engine's recommendation as a pattern id ("none" if all vetoed). */
static const char *
rec_id(const struct kb *kb, const struct precedent_agreement *ag)
{
	return (ag->processing >= 0 ? kb->patterns[ag->processing].id :
	    "none");
}

static void
figures_text(FILE *fp, const char *what, const struct agreement_figures *f)
{
	if (f->n == 0)
		return;
	fprintf(fp, "%-12s %zu of %zu have their choice first (%.0f%%), %zu in "
	    "the top two (%.0f%%), %zu clearly wrong.\n", what, f->first, f->n,
	    100.0 * (double)f->first / (double)f->n, f->top2,
	    100.0 * (double)f->top2 / (double)f->n, f->clearly_wrong);
}

int
report_agreement_text(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb			*kb = ctx->kb;
	const struct precedent		*pr;
	const struct precedent_agreement *ag;
	const struct agreement_summary	*sum = &ctx->agreement->sum;
	size_t				 i;

	fprintf(fp, "%-34s %-6s %-12s %5s  %-5s %-5s  %s\n", "precedent",
	    "set", "chose", "place", "first", "top2", "engine recommends");
	for (i = 0; i < kb->nprecedents; i++) {
		pr = &kb->precedents[i];
		ag = &ctx->agreement->cases[i];
		fprintf(fp, "%-34s %-6s %-12s %5zu  %-5s %-5s  %s%s%s%s\n",
		    pr->id, pr->check ? "check" : "tuning",
		    kb->patterns[pr->chose].id, ag->place, ag->first ? "yes" :
		    "no", ag->top2 ? "yes" : "no", rec_id(kb, ag),
		    ag->organization >= 0 ? " + " : "", ag->organization >= 0 ?
		    kb->patterns[ag->organization].id : "",
		    ag->clearly_wrong ? "  (clearly wrong)" : "");
	}
	if (kb->nprecedents == 0) {
		fputs("\nNo precedents.\n", fp);
		return (ferror(fp) ? -1 : 0);
	}
	fputc('\n', fp);
	figures_text(fp, "Tuning set:", &sum->tuning);
	figures_text(fp, "Check set:", &sum->check);
	fprintf(fp, "Agreement: %zu of %zu precedents have their choice first "
	    "(%.0f%%), %zu in the top two (%.0f%%).\n", sum->all.first,
	    sum->all.n, 100.0 * (double)sum->all.first / (double)sum->all.n,
	    sum->all.top2, 100.0 * (double)sum->all.top2 / (double)sum->all.n);
	return (ferror(fp) ? -1 : 0);
}

static json_t *
figures_json(const struct agreement_figures *f)
{
	return (json_pack("{s:I, s:I, s:I, s:I}",
	    "precedents", (json_int_t)f->n,
	    "first", (json_int_t)f->first,
	    "top2", (json_int_t)f->top2,
	    "clearly_wrong", (json_int_t)f->clearly_wrong));
}

int
report_agreement_json(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb			*kb = ctx->kb;
	const struct precedent		*pr;
	const struct precedent_agreement *ag;
	const struct agreement_summary	*sum = &ctx->agreement->sum;
	json_t				*arr;
	size_t				 i;

	arr = json_array();
	for (i = 0; i < kb->nprecedents; i++) {
		pr = &kb->precedents[i];
		ag = &ctx->agreement->cases[i];
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:b, s:I, "
		    "s:b, s:b, s:b, s:{s:s?, s:s}}",
		    "id", pr->id,
		    "set", pr->check ? "check" : "tuning",
		    "chose", kb->patterns[pr->chose].id,
		    "regretted", pr->regretted,
		    "place", (json_int_t)ag->place,
		    "first", ag->first,
		    "top2", ag->top2,
		    "clearly_wrong", ag->clearly_wrong,
		    "recommendation", "processing", ag->processing >= 0 ?
		    kb->patterns[ag->processing].id : NULL,
		    "organization", ag->organization >= 0 ?
		    kb->patterns[ag->organization].id : "centralized"));
	}
	return (json_write(fp, json_pack("{s:s, s:s, s:{s:I, s:I, s:I, s:o, "
	    "s:o}, s:o}",
	    "tool", "archadvisor",
	    "version", ctx->version,
	    "agreement", "precedents", (json_int_t)sum->all.n,
	    "first", (json_int_t)sum->all.first,
	    "top2", (json_int_t)sum->all.top2,
	    "tuning", figures_json(&sum->tuning),
	    "check", figures_json(&sum->check),
	    "precedents", arr)));
}
