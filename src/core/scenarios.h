/*
 * scenarios: several scenarios side by side (`archadvisor diff A B C`),
 * each compared with the first: the recommendation under each, whether
 * it changed, and which answers that differ moved it: each such answer
 * applied alone to the first scenario, ranked again. An answer that
 * changes the first's recommendation alone "moved" it; when the
 * recommendation changed but no answer does so alone, the answers did it
 * together.
 *
 * scenarios_compare fills a struct scenarios that owns its arrays;
 * scenarios_free releases them. The answers are borrowed.
 */
#ifndef ARCHADVISOR_SCENARIOS_H
#define ARCHADVISOR_SCENARIOS_H

#include <stdbool.h>
#include <stddef.h>

#include "kb.h"
#include "value.h"
#include "workshop.h"

/* One answer of a later scenario that differs from the first's. */
struct scen_change {
	size_t			question;
	bool			moves;	/* alone, it changes the first's
					   recommendation */
	struct ws_outcome	out;	/* the first's, with this answer */
};

struct scen_cmp {
	struct ws_outcome	 out;		/* this scenario's own */
	bool			 changed;	/* differs from the first's */
	struct scen_change	*ch;		/* kb order */
	size_t			 nch;
	size_t			 nmoves;
};

struct scenarios {
	size_t		 n;
	struct scen_cmp	*s;		/* s[0] is the first */
};

/* n >= 1 scenarios of kb->nquestions answers each. */
void	scenarios_compare(const struct kb *kb,
	    const struct value *const *answers, size_t n, struct scenarios *s);
void	scenarios_free(struct scenarios *s);
/* Whether every scenario gets the first one's recommendation. */
bool	scenarios_same(const struct scenarios *s);

#endif
