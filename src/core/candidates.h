/*
 * candidates: the answers worth trying for one question, taken from the
 * comparisons that read it: for numbers every threshold and the values one
 * unit either side (sorted, each once, within the question's range); every
 * level and bool; every combination of the set members tested (single
 * members when there are more than ten). A number not compared with any
 * value (only tested for being answered, or not read) gets one value. Used by the what-if analysis and the linter.
 *
 * A candidates list owns its array; candidates_free releases it.
 */
#ifndef ARCHADVISOR_CANDIDATES_H
#define ARCHADVISOR_CANDIDATES_H

#include <stddef.h>

#include "expr.h"
#include "kb.h"
#include "value.h"

struct candidates {
	struct value	*v;
	size_t		 n, cap;
};

/* Replaces the contents of out with q's candidates for cmp[0 .. ncmp). */
void	candidates_for(const struct question *q, const struct expr_cmp *cmp,
	    size_t ncmp, struct candidates *out);
/* Appends v (the linter adds "no answer" this way). */
void	candidates_push(struct candidates *c, struct value v);
void	candidates_free(struct candidates *c);

#endif
