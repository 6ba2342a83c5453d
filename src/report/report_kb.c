/*
 * report_kb: browsing the knowledge base as text: the patterns (one line
 * each, or one in full with every field from the source) and the questions
 * grouped by section with the values they accept.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "textfmt.h"
#include "xmalloc.h"

static void
heading(FILE *fp, const struct report_ctx *ctx, const char *s)
{
	text_style(fp, ctx->color, "1");
	fputs(s, fp);
	text_reset(fp, ctx->color);
	fputc('\n', fp);
}

static void
bullets(FILE *fp, const struct report_ctx *ctx, const char *title,
    const char *mark, const struct strlist *l)
{
	size_t	i;

	if (l->n == 0)
		return;
	heading(fp, ctx, title);
	for (i = 0; i < l->n; i++) {
		fprintf(fp, "  %s ", mark);
		text_wrap(fp, l->items[i], 4, 4, ctx->width);
		fputc('\n', fp);
	}
	fputc('\n', fp);
}

/* Typical tools, each deprecated one with its reason. */
static void
tools(FILE *fp, const struct report_ctx *ctx, const struct pattern *p)
{
	struct strlist	 l = { NULL, 0 };
	char		*s;
	size_t		 i;

	for (i = 0; i < p->tools.n; i++) {
		if (i < p->tool_deprecated.n &&
		    p->tool_deprecated.items[i][0] != '\0') {
			s = xasprintf("%s (deprecated: %s)", p->tools.items[i],
			    p->tool_deprecated.items[i]);
			strlist_push(&l, s);
			free(s);
		} else
			strlist_push(&l, p->tools.items[i]);
	}
	bullets(fp, ctx, "Typical tools", "-", &l);
	strlist_free(&l);
}

/* The precedents that chose pattern p: "Uber (2020), Twitter (2021)". */
static void
chosen_by(FILE *fp, const struct report_ctx *ctx, const struct pattern *p)
{
	const struct kb	*kb = ctx->kb;
	char		*s = NULL, *t;
	size_t		 i;

	for (i = 0; i < kb->nprecedents; i++) {
		if (&kb->patterns[kb->precedents[i].chose] != p)
			continue;
		t = xasprintf("%s%s%s (%d)%s", s ? s : "", s ? ", " : "",
		    kb->precedents[i].organisation, kb->precedents[i].year,
		    kb->precedents[i].regretted ? ", regretted" : "");
		free(s);
		s = t;
	}
	if (s == NULL)
		return;
	t = xasprintf("Chosen by: %s ('archadvisor precedents' has the "
	    "sources).", s);
	text_wrap(fp, t, 0, 2, ctx->width);
	fputc('\n', fp);
	free(s);
	free(t);
}

static void
pattern_full(FILE *fp, const struct report_ctx *ctx, const struct pattern *p)
{
	size_t	i;

	text_style(fp, ctx->color, "1");
	fprintf(fp, "%s", p->name);
	text_reset(fp, ctx->color);
	fprintf(fp, " (%s, %s)\n\n", p->id, pattern_kind_name(p->kind));
	text_wrap(fp, p->summary, 0, 0, ctx->width);
	fputs("\n\n", fp);
	if (p->sketch != NULL) {
		heading(fp, ctx, "Architecture");
		for (const char *s = p->sketch; *s != '\0'; ) {
			size_t n = strcspn(s, "\n");

			fprintf(fp, "  %.*s\n", (int)n, s);
			s += n + (s[n] == '\n');
		}
		fputc('\n', fp);
	}
	if (p->nprinciples > 0) {
		heading(fp, ctx, "Core principles");
		for (i = 0; i < p->nprinciples; i++) {
			fprintf(fp, "  %zu. %s: ", i + 1, p->principles[i].name);
			text_wrap(fp, p->principles[i].text,
			    6 + text_width(p->principles[i].name) + 2, 5,
			    ctx->width);
			fputc('\n', fp);
		}
		fputc('\n', fp);
	}
	bullets(fp, ctx, "Best for", "-", &p->best_for);
	tools(fp, ctx, p);
	bullets(fp, ctx, "Pros", "+", &p->pros);
	bullets(fp, ctx, "Cons", "-", &p->cons);
	if (p->source != NULL) {
		fputs("Source: ", fp);
		text_wrap(fp, p->source, 8, 2, ctx->width);
		fputc('\n', fp);
	}
	if (p->reviewed[0] != '\0')
		fprintf(fp, "Last reviewed on %s.\n", p->reviewed);
	chosen_by(fp, ctx, p);
}

int
report_patterns_text(FILE *fp, const struct report_ctx *ctx, int pattern)
{
	const struct kb	*kb = ctx->kb;
	size_t		 i;
	int		 w = 2;

	if (pattern >= 0) {
		pattern_full(fp, ctx, &kb->patterns[pattern]);
		return (ferror(fp) ? -1 : 0);
	}
	for (i = 0; i < kb->npatterns; i++)
		if (text_width(kb->patterns[i].id) > w)
			w = text_width(kb->patterns[i].id);
	for (i = 0; i < kb->npatterns; i++) {
		text_style(fp, ctx->color, "1");
		fprintf(fp, "%-*s", w, kb->patterns[i].id);
		text_reset(fp, ctx->color);
		fprintf(fp, "  %s (%s)\n%*s", kb->patterns[i].name,
		    pattern_kind_name(kb->patterns[i].kind), w + 2, "");
		text_wrap(fp, kb->patterns[i].summary, w + 2, w + 2,
		    ctx->width);
		fputc('\n', fp);
	}
	fputs("\n'archadvisor patterns ID' shows one in full.\n", fp);
	return (ferror(fp) ? -1 : 0);
}

/* What a question accepts, as everywhere else (value_describe). */
static void
accepted(const struct question *q, char *buf, size_t bufsz)
{
	value_describe(&q->dom, buf, bufsz);
}

int
report_questions_text(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb		*kb = ctx->kb;
	const struct question	*q;
	char			 line[2048];
	size_t			 s, i;

	for (s = 0; s < kb->sections.n; s++) {
		heading(fp, ctx, kb->sections.items[s]);
		for (i = 0; i < kb->nquestions; i++) {
			q = &kb->questions[i];
			if (strcmp(q->section, kb->sections.items[s]) != 0)
				continue;
			text_style(fp, ctx->color, "1");
			fprintf(fp, "  %s", q->id);
			text_reset(fp, ctx->color);
			fputs("  ", fp);
			text_wrap(fp, q->prompt, 4 + text_width(q->id), 4,
			    ctx->width);
			fputs("\n    ", fp);
			accepted(q, line, sizeof line);
			text_wrap(fp, line, 4, 6, ctx->width);
			fputc('\n', fp);
		}
		fputc('\n', fp);
	}
	fputs("Answer with --set ID=VALUE or an answers file (ID: VALUE per "
	    "line); leave a\nquestion out if you don't know.\n", fp);
	return (ferror(fp) ? -1 : 0);
}
