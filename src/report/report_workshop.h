/*
 * report_workshop: several stakeholders' answers read together
 * (`archadvisor workshop A.yaml B.yaml ...`, core/workshop.h): as text,
 * JSON, Markdown and a one-page HTML handout for the meeting. Writers only
 * read the context and write to the FILE they are given; the people
 * formats name questions by their prompts and patterns by their names.
 */
#ifndef ARCHADVISOR_REPORT_WORKSHOP_H
#define ARCHADVISOR_REPORT_WORKSHOP_H

#include <stdbool.h>
#include <stdio.h>

#include "answers.h"
#include "kb.h"
#include "workshop.h"

struct workshop_ctx {
	const struct kb		 *kb;
	const struct workshop	 *w;
	const struct answers	**people;	/* w->npeople */
	const char *const	 *names;	/* who, as people read it */
	const char *const	 *files;	/* as given */
	const char		 *version;	/* archadvisor's */
	bool			  color;
	int			  width;
};

/* Each returns 0, or -1 if writing failed. */
int	report_workshop_text(FILE *fp, const struct workshop_ctx *c);
int	report_workshop_json(FILE *fp, const struct workshop_ctx *c);
int	report_workshop_markdown(FILE *fp, const struct workshop_ctx *c);
int	report_workshop_html(FILE *fp, const struct workshop_ctx *c);

/*
 * Shared by the writers (report_workshop.c): an outcome as words,
 * "Kappa Architecture, organised centrally" (the caller frees it), and
 * the names of the people in a mask, "CFO and Platform lead".
 */
char	*workshop_outcome_words(const struct kb *kb,
	    const struct ws_outcome *o);
char	*workshop_people_words(const struct workshop_ctx *c, uint64_t mask);
/*
 * Why an answer changes the common ground's choice, into buf: "rules out
 * Batch Processing", "8.2 points ahead", "the organisation changes".
 */
const char *workshop_lead_words(const struct workshop_ctx *c,
	    const struct ws_outcome *o, double lead, char *buf, size_t bufsz);
/*
 * The common ground's lead over its runner-up, "6 points ahead of Batch
 * Processing", "a close call with ..." or "tied with ..." (caller frees).
 */
char	*workshop_margin_words(const struct kb *kb,
	    const struct ws_outcome *o);
/* "It holds in 4 of the 9 ways ..." for the common ground. */
char	*workshop_robustness_words(const struct workshop_ctx *c);

#endif
