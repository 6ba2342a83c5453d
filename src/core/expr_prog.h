/*
 * expr_prog: every rule condition of a knowledge base compiled together
 * into one flat program that evaluates without a data-dependent branch.
 *
 * Evaluating a condition one node at a time (expr_eval) stops early and
 * switches on each node's operator, so its branches follow the answers and
 * a processor cannot predict them: on random scenarios that, not the
 * comparisons, is most of the cost. Here "not" is pushed down to the
 * comparisons, and a comparison becomes one of two tests on the answer's
 * integer (a range, or a bit mask), so that all comparisons of all rules
 * are one loop of the same arithmetic; "and"/"or" become min/max over
 * three-valued results (false 0, unknown 1, true 2). The work per scenario
 * is the same whatever the answers, and no step allocates, hashes or
 * touches a string.
 *
 * expr_prog_new's result belongs to the caller (expr_prog_free); the kb is
 * borrowed while compiling only. Evaluation needs a scratch buffer of
 * expr_prog_scratch() bytes, which the caller owns (one per thread).
 */
#ifndef ARCHADVISOR_EXPR_PROG_H
#define ARCHADVISOR_EXPR_PROG_H

#include <stddef.h>
#include <stdint.h>

#include "expr.h"
#include "kb.h"
#include "value.h"

struct expr_prog;

/* Compiles the condition of each of kb's rules, in rule order. */
struct expr_prog	*expr_prog_new(const struct kb *kb);
void			 expr_prog_free(struct expr_prog *p);
/* Bytes of scratch that evaluation needs. */
size_t			 expr_prog_scratch(const struct expr_prog *p);

/*
 * Sets out[i] to the value of rule i's condition for answers (indexed
 * like kb->questions), for every rule; the same values as expr_eval.
 */
void	expr_prog_eval(const struct expr_prog *p, const struct value *answers,
	    uint8_t *scratch, enum tv *out);
/* The same for the n rules listed in which; other out[] are left alone. */
void	expr_prog_eval_some(const struct expr_prog *p,
	    const struct value *answers, uint8_t *scratch, enum tv *out,
	    const size_t *which, size_t n);

#endif
