/*
 * report: the table of output formats.
 */
#include "report.h"

#include <string.h>

const struct report_writer report_writers[] = {
	{ "text", "txt", "plain text for people", report_write_text },
	{ "json", "json", "the stable machine-readable report",
	    report_write_json },
	{ "html", "html", "a one-page printable handout with a chart",
	    report_write_html },
	{ "markdown", "md", "the handout in Markdown, for a wiki",
	    report_write_markdown },
	{ "adr", "md", "an Architecture Decision Record (MADR)",
	    report_write_adr },
};
const size_t report_nwriters = sizeof report_writers /
    sizeof report_writers[0];

const struct report_writer *
report_writer_find(const char *name)
{
	size_t	i;

	for (i = 0; i < report_nwriters; i++)
		if (strcmp(report_writers[i].name, name) == 0)
			return (&report_writers[i]);
	return (NULL);
}

size_t
report_nearest(const struct report_ctx *ctx, const struct precedent_match **m)
{
	const struct advice	*a = ctx->advice;

	if (a == NULL || !(a->parts & ADVICE_PRECEDENTS)) {
		*m = NULL;
		return (0);
	}
	*m = a->precedents;
	return (a->nprecedents);
}

void
report_use_advice(struct report_ctx *ctx, const struct advice *a)
{
	ctx->advice = a;
	ctx->ranking = a->ranking;
	ctx->whatif = a->has_whatif ? &a->whatif : NULL;
}
