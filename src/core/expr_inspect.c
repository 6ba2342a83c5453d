/*
 * expr_inspect: looking inside a compiled condition without evaluating it
 * as a whole: its comparisons one by one, their truth for an answer, and
 * their text. Explanations say which part of a condition failed; the
 * what-if analysis finds the thresholds where a rule can change.
 */
#include <stdio.h>
#include <string.h>

#include "expr.h"
#include "expr_impl.h"

static void
to_cmp(const struct expr *e, const struct enode *n, struct expr_cmp *c)
{
	memset(c, 0, sizeof *c);
	c->question = n->q;
	c->num = n->u.num;
	switch (n->op) {
	case OP_BOOL:
		c->test = EXPR_IS;
		break;
	case OP_LT:
		c->test = EXPR_LT;
		break;
	case OP_LE:
		c->test = EXPR_LE;
		break;
	case OP_GT:
		c->test = EXPR_GT;
		break;
	case OP_GE:
		c->test = EXPR_GE;
		break;
	case OP_EQ:
		c->test = EXPR_EQ;
		break;
	case OP_NE:
		c->test = EXPR_NE;
		break;
	case OP_IN:
		c->test = EXPR_IN;
		c->list = e->lits + n->u.list.first;
		c->nlist = n->u.list.count;
		c->num = 0;
		break;
	case OP_KNOWN:
		c->test = EXPR_ANSWERED;
		break;
	case OP_CONTAINS:
		c->test = EXPR_CONTAINS;
		c->bits = n->u.bits;
		c->num = 0;
		break;
	case OP_UNANSWERED:
		c->test = EXPR_UNANSWERED;
		break;
	}
}

/* Walks the tree from node i in written order. */
static void
walk(const struct expr *e, uint32_t i,
    void (*fn)(void *, const struct expr_cmp *), void *arg)
{
	const struct enode	*n = &e->nodes[i];
	struct expr_cmp		 c;
	uint32_t		 k;

	switch (n->op) {
	case OP_AND:
	case OP_OR:
		for (k = 0; k < n->u.list.count; k++)
			walk(e, e->kids[n->u.list.first + k], fn, arg);
		return;
	case OP_NOT:
		walk(e, n->u.list.first, fn, arg);
		return;
	}
	to_cmp(e, n, &c);
	fn(arg, &c);
}

void
expr_foreach_cmp(const struct expr *e,
    void (*fn)(void *arg, const struct expr_cmp *c), void *arg)
{
	walk(e, e->root, fn, arg);
}

enum tv
expr_cmp_eval(const struct expr_cmp *c, const struct value *v)
{
	size_t	k;
	bool	r = false;

	if (c->test == EXPR_UNANSWERED)
		return (v->known != (c->num != 0) ? TV_TRUE : TV_FALSE);
	if (!v->known)
		return (TV_UNKNOWN);
	switch (c->test) {
	case EXPR_IS:
		r = (v->num != 0) == (c->num != 0);
		break;
	case EXPR_LT:
		r = v->num < c->num;
		break;
	case EXPR_LE:
		r = v->num <= c->num;
		break;
	case EXPR_GT:
		r = v->num > c->num;
		break;
	case EXPR_GE:
		r = v->num >= c->num;
		break;
	case EXPR_EQ:
		r = v->num == c->num;
		break;
	case EXPR_NE:
		r = v->num != c->num;
		break;
	case EXPR_IN:
		for (k = 0; k < c->nlist && !r; k++)
			r = v->num == c->list[k];
		break;
	case EXPR_ANSWERED:
		r = true;
		break;
	case EXPR_CONTAINS:
		r = (v->bits & c->bits) != 0;
		break;
	case EXPR_UNANSWERED:
		break;
	}
	return (r ? TV_TRUE : TV_FALSE);
}

char *
expr_cmp_format(const struct expr_cmp *c, const struct kb *kb, char *buf,
    size_t bufsz)
{
	static const char *const ops[] = { "", "<", "<=", ">", ">=", "==",
	    "!=" };
	const struct question	*q = &kb->questions[c->question];
	struct value		 v = { .known = true };
	char			 lit[128];
	size_t			 k, len;

	switch (c->test) {
	case EXPR_IS:
		snprintf(buf, bufsz, "%s%s", c->num ? "" : "not ", q->id);
		break;
	case EXPR_ANSWERED:
		snprintf(buf, bufsz, "%s is answered", q->id);
		break;
	case EXPR_UNANSWERED:
		snprintf(buf, bufsz, "%s %s unknown", q->id, c->num ? "==" :
		    "!=");
		break;
	case EXPR_CONTAINS:
		v.bits = c->bits;
		value_format(&q->dom, &v, lit, sizeof lit);
		/* "[iot]" -> "iot": one member reads better bare. */
		len = strlen(lit);
		if (len >= 2 && strchr(lit, ',') == NULL) {
			memmove(lit, lit + 1, len - 2);
			lit[len - 2] = '\0';
		}
		snprintf(buf, bufsz, "%s contains %s", q->id, lit);
		break;
	case EXPR_IN:
		len = (size_t)snprintf(buf, bufsz, "%s in [", q->id);
		for (k = 0; k < c->nlist && len < bufsz; k++) {
			v.num = c->list[k];
			value_format(&q->dom, &v, lit, sizeof lit);
			len += (size_t)snprintf(buf + len, bufsz - len, "%s%s",
			    k ? ", " : "", lit);
		}
		if (len < bufsz)
			snprintf(buf + len, bufsz - len, "]");
		break;
	default:
		v.num = c->num;
		value_format(&q->dom, &v, lit, sizeof lit);
		snprintf(buf, bufsz, "%s %s %s", q->id, ops[c->test], lit);
		break;
	}
	return (buf);
}
