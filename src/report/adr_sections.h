/*
 * adr_sections: the parts of a decision record that every template of
 * report_adr.c writes, each under the heading its template gives it: the
 * decision drivers, the decision and why, the consequences (what the
 * team must run, watch and learn; the risks the rules named), next steps,
 * how to confirm it, and the options' pros and cons (the sources are
 * md_sections.c's precedents). The
 * report context is borrowed; strings from outside go through escape_md.
 */
#ifndef ARCHADVISOR_ADR_SECTIONS_H
#define ARCHADVISOR_ADR_SECTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "handout.h"
#include "report.h"

/* Which consequences: all, or MADR 2's positive and negative apart. */
enum adr_consequences {
	ADR_CONSEQUENCES_ALL, ADR_CONSEQUENCES_GOOD, ADR_CONSEQUENCES_BAD
};

/* The answers that moved the ranking, most decisive first. */
void	adr_write_drivers(FILE *fp, const struct report_ctx *ctx,
	    const struct handout *h);
/*
 * The choice and its reasons, the organisation, and what would change it;
 * madr: MADR's "Chosen option: ..." sentence, else a plain one.
 */
void	adr_write_decision(FILE *fp, const struct report_ctx *ctx,
	    const struct handout *h, bool madr);
void	adr_write_consequences(FILE *fp, const struct report_ctx *ctx,
	    enum adr_consequences which);
/* The next two write heading (a Markdown heading line) first. */
void	adr_write_next_steps(FILE *fp, const struct report_ctx *ctx,
	    const char *heading);
void	adr_write_confirmation(FILE *fp, const struct report_ctx *ctx,
	    const char *heading);
/* Each option under a heading that starts with level ("### "). */
void	adr_write_pros_cons(FILE *fp, const struct report_ctx *ctx,
	    const char *level);

#endif
