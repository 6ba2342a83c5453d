/*
 * expr_cgen: a compiled condition written back as a C expression, for the
 * benchmark's floor: the plain C a programmer would write for one rule when
 * the rules are known in advance. Part of the benchmark, not the program;
 * it reads the compiled form of src/core/expr_impl.h.
 */
#ifndef ARCHADVISOR_EXPR_CGEN_H
#define ARCHADVISOR_EXPR_CGEN_H

#include <stdio.h>

#include "expr.h"

/*
 * Writes to fp a C expression, over an array of struct value named var
 * (indexed like kb->questions), that is nonzero exactly when e evaluates to
 * TV_TRUE: three-valued logic reduced to "certainly true" and "certainly
 * false" tests, with no unknown state left at run time.
 */
void	expr_cgen_true(const struct expr *e, FILE *fp, const char *var);
/* The same, nonzero exactly when e evaluates to TV_FALSE. */
void	expr_cgen_false(const struct expr *e, FILE *fp, const char *var);

#endif
