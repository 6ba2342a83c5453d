/*
 * expr_cgen: C source from a compiled condition. Kleene logic needs no
 * third state when the question asked is only "does the rule fire": a
 * condition is certainly true (T) or certainly false (F) or neither, and
 *   T(a and b) = T(a) && T(b)     F(a and b) = F(a) || F(b)
 *   T(a or b)  = T(a) || T(b)     F(a or b)  = F(a) && F(b)
 *   T(not a)   = F(a)             F(not a)   = T(a)
 *   T(cmp)     = known && cmp     F(cmp)     = known && !cmp
 *   T(q == unknown) = !known      F(q == unknown) = known
 * which is how one writes such rules by hand.
 */
#include "expr_cgen.h"
#include "expr_impl.h"

#include <inttypes.h>
#include <stdbool.h>

static void
cmp(const struct expr *e, const struct enode *n, FILE *fp, const char *var)
{
	static const char *const ops[] = { "<", "<=", ">", ">=", "==", "!=" };
	const int64_t	*lit;
	uint32_t	 k;

	switch (n->op) {
	case OP_BOOL:
		fprintf(fp, "%s%s[%" PRIu32 "].num", n->u.num ? "" : "!", var,
		    n->q);
		return;
	case OP_LT:
	case OP_LE:
	case OP_GT:
	case OP_GE:
	case OP_EQ:
	case OP_NE:
		fprintf(fp, "%s[%" PRIu32 "].num %s INT64_C(%" PRId64 ")", var,
		    n->q, ops[n->op - OP_LT], n->u.num);
		return;
	case OP_IN:
		lit = e->lits + n->u.list.first;
		fputc('(', fp);
		for (k = 0; k < n->u.list.count; k++)
			fprintf(fp, "%s%s[%" PRIu32 "].num == INT64_C(%" PRId64
			    ")", k ? " || " : "", var, n->q, lit[k]);
		fputc(')', fp);
		return;
	case OP_KNOWN:
		fputc('1', fp);
		return;
	case OP_CONTAINS:
		fprintf(fp, "(%s[%" PRIu32 "].bits & UINT64_C(%" PRIu64 "))",
		    var, n->q, n->u.bits);
		return;
	}
}

/* Writes T(node i) when want is true, else F(node i). */
static void
gen(const struct expr *e, uint32_t i, bool want, FILE *fp, const char *var)
{
	const struct enode	*n = &e->nodes[i];
	const uint32_t		*kid;
	uint32_t		 k;
	bool			 conj;

	switch (n->op) {
	case OP_AND:
	case OP_OR:
		/* T(and) and F(or) need every kid; the others any. */
		conj = (n->op == OP_AND) == want;
		kid = e->kids + n->u.list.first;
		fputc('(', fp);
		for (k = 0; k < n->u.list.count; k++) {
			if (k > 0)
				fputs(conj ? " && " : " || ", fp);
			gen(e, kid[k], want, fp, var);
		}
		fputc(')', fp);
		return;
	case OP_NOT:
		gen(e, n->u.list.first, !want, fp, var);
		return;
	case OP_UNANSWERED:
		/* Never unknown: num 1 holds while unanswered. */
		fprintf(fp, "(%s%s[%" PRIu32 "].known)", (n->u.num != 0) ==
		    want ? "!" : "", var, n->q);
		return;
	}
	fprintf(fp, "(%s[%" PRIu32 "].known && %s", var, n->q, want ? "" :
	    "!(");
	cmp(e, n, fp, var);
	fputs(want ? ")" : "))", fp);
}

void
expr_cgen_true(const struct expr *e, FILE *fp, const char *var)
{
	gen(e, e->root, true, fp, var);
}

void
expr_cgen_false(const struct expr *e, FILE *fp, const char *var)
{
	gen(e, e->root, false, fp, var);
}
