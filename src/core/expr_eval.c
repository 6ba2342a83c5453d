/*
 * expr_eval: evaluation of parsed rule conditions (expr_parse.c), in
 * Kleene's three-valued logic: a walk over the flat nodes of
 * expr_impl.h that neither allocates nor touches a string, its recursion
 * bounded by EXPR_MAX_DEPTH; and what a condition reads.
 */
#include "expr.h"
#include "expr_impl.h"

#include <stdbool.h>
#include <stdint.h>

static enum tv	eval(const struct expr *, uint32_t, const struct value *);

/* Evaluation: Kleene logic over the nodes; no allocation, no strings. */
static enum tv
eval(const struct expr *e, uint32_t i, const struct value *answers)
{
	const struct enode	*n;
	const struct value	*a;
	const uint32_t		*kid;
	const int64_t		*lit;
	enum tv			 r, t;
	uint32_t		 k;

	n = &e->nodes[i];
	switch (n->op) {
	case OP_AND:
	case OP_OR:
		/* false decides an "and", true decides an "or". */
		kid = e->kids + n->u.list.first;
		r = n->op == OP_AND ? TV_TRUE : TV_FALSE;
		for (k = 0; k < n->u.list.count; k++) {
			t = eval(e, kid[k], answers);
			if (t == TV_UNKNOWN)
				r = TV_UNKNOWN;
			else if (t != (n->op == OP_AND ? TV_TRUE : TV_FALSE))
				return (t);
		}
		return (r);
	case OP_NOT:
		t = eval(e, n->u.list.first, answers);
		if (t == TV_UNKNOWN)
			return (TV_UNKNOWN);
		return (t == TV_TRUE ? TV_FALSE : TV_TRUE);
	}

	a = &answers[n->q];
	if (n->op == OP_UNANSWERED)
		return (a->known != (n->u.num != 0) ? TV_TRUE : TV_FALSE);
	if (!a->known)
		return (TV_UNKNOWN);
	switch (n->op) {
	case OP_BOOL:
		return ((a->num != 0) == (n->u.num != 0) ? TV_TRUE : TV_FALSE);
	case OP_LT:
		return (a->num < n->u.num ? TV_TRUE : TV_FALSE);
	case OP_LE:
		return (a->num <= n->u.num ? TV_TRUE : TV_FALSE);
	case OP_GT:
		return (a->num > n->u.num ? TV_TRUE : TV_FALSE);
	case OP_GE:
		return (a->num >= n->u.num ? TV_TRUE : TV_FALSE);
	case OP_EQ:
		return (a->num == n->u.num ? TV_TRUE : TV_FALSE);
	case OP_NE:
		return (a->num != n->u.num ? TV_TRUE : TV_FALSE);
	case OP_IN:
		lit = e->lits + n->u.list.first;
		for (k = 0; k < n->u.list.count; k++) {
			if (a->num == lit[k])
				return (TV_TRUE);
		}
		return (TV_FALSE);
	case OP_KNOWN:
		return (TV_TRUE);
	case OP_CONTAINS:
		return ((a->bits & n->u.bits) != 0 ? TV_TRUE : TV_FALSE);
	}
	return (TV_UNKNOWN);
}

enum tv
expr_eval(const struct expr *e, const struct value *answers)
{
	return (eval(e, e->root, answers));
}

void
expr_questions(const struct expr *e, bool *used)
{
	size_t	i;

	for (i = 0; i < e->nnodes; i++) {
		if (e->nodes[i].op >= OP_BOOL)
			used[e->nodes[i].q] = true;
	}
}

const char *
tv_name(enum tv v)
{
	switch (v) {
	case TV_FALSE:
		return ("false");
	case TV_TRUE:
		return ("true");
	case TV_UNKNOWN:
		return ("unknown");
	}
	return ("?");
}
