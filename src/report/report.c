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
