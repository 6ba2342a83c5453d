/*
 * md_sections: what the Markdown handout (report_md.c) and the decision
 * records (report_adr.c, adr_sections.c) write alike: the markup for
 * handout.c's sentences, the reasons that counted for an option, what
 * would change the ranking, and the nearest public cases. Each takes the
 * bullet its document uses ("- " or "* "). The report context is
 * borrowed; strings from outside go through escape_md.
 */
#ifndef ARCHADVISOR_MD_SECTIONS_H
#define ARCHADVISOR_MD_SECTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "handout.h"
#include "report.h"

extern const struct handout_markup md_markup;

/*
 * The reasons of the rules that applied to pattern p, one a line: every
 * reason, each led by its direction ("For:", "Against:"), when directions
 * is true, else only those that count for it. Returns how many it wrote.
 */
size_t	md_write_reasons(FILE *fp, const struct report_ctx *ctx, int p,
	    const char *bullet, bool directions);
/*
 * How firm the ranking is, then what would change it, as a list; a blank
 * line after. Nothing without a what-if.
 */
void	md_write_whatif(FILE *fp, const struct report_ctx *ctx,
	    const char *bullet);
/*
 * The nearest public cases under heading, then intro, each with a link to
 * its source; nothing when there are none.
 */
void	md_write_precedents(FILE *fp, const struct report_ctx *ctx,
	    const char *heading, const char *intro, const char *bullet);

#endif
