/*
 * candidates: answers a question's comparisons can tell apart (see
 * candidates.h).
 */
#include "candidates.h"

#include <stdint.h>
#include <stdlib.h>

#include "xmalloc.h"

void
candidates_push(struct candidates *c, struct value v)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	c->v[c->n++] = v;
}

static void
push_num(struct candidates *c, const struct value_domain *dom, int64_t n)
{
	struct value	v = { .known = true };
	int64_t		lo = dom->has_min ? dom->min :
			    (dom->type == VAL_INT ? INT64_MIN : 0);

	if (n < lo || (dom->has_max && n > dom->max))
		return;
	v.num = n;
	candidates_push(c, v);
}

/* n + d for d in -1..1, or nothing where that would pass int64's edge. */
static void
push_near(struct candidates *c, const struct value_domain *dom, int64_t n)
{
	if (n > INT64_MIN)
		push_num(c, dom, n - 1);
	push_num(c, dom, n);
	if (n < INT64_MAX)
		push_num(c, dom, n + 1);
}

static int
num_cmp(const void *a, const void *b)
{
	const struct value	*x = a, *y = b;

	return (x->num < y->num ? -1 : x->num > y->num);
}

void
candidates_for(const struct question *q, const struct expr_cmp *cmp,
    size_t ncmp, struct candidates *out)
{
	struct value	v = { .known = true };
	uint64_t	tested = 0, sub;
	size_t		i, k, w;

	out->n = 0;
	switch (q->dom.type) {
	case VAL_BOOL:
	case VAL_LEVEL:
		for (i = 0; i < (q->dom.type == VAL_BOOL ? 2 :
		    q->dom.nnames); i++) {
			v.num = (int64_t)i;
			candidates_push(out, v);
		}
		return;
	case VAL_SET:
		for (i = 0; i < ncmp; i++)
			tested |= cmp[i].bits;
		if (__builtin_popcountll(tested) <= 10) {
			/* Every subset of the tested members. */
			sub = 0;
			do {
				v.bits = sub;
				candidates_push(out, v);
				sub = (sub - tested) & tested;
			} while (sub != 0);
		} else {
			v.bits = 0;
			candidates_push(out, v);
			for (i = 0; i < 64; i++)
				if (tested & ((uint64_t)1 << i)) {
					v.bits = (uint64_t)1 << i;
					candidates_push(out, v);
				}
		}
		return;
	default:
		break;
	}
	for (i = 0; i < ncmp; i++) {
		if (cmp[i].test == EXPR_IN) {
			for (k = 0; k < cmp[i].nlist; k++)
				push_near(out, &q->dom, cmp[i].list[k]);
		} else if (cmp[i].test != EXPR_ANSWERED &&
		    cmp[i].test != EXPR_UNANSWERED)
			push_near(out, &q->dom, cmp[i].num);
	}
	if (out->n == 0) {
		/* Only tests of whether it is answered: any value will do. */
		push_num(out, &q->dom, q->dom.has_min ? q->dom.min : 1);
		return;
	}
	qsort(out->v, out->n, sizeof *out->v, num_cmp);
	for (i = 1, w = 1; i < out->n; i++)
		if (out->v[i].num != out->v[w - 1].num)
			out->v[w++] = out->v[i];
	out->n = w;
}

void
candidates_free(struct candidates *c)
{
	if (c == NULL)
		return;
	free(c->v);
	c->v = NULL;
	c->n = c->cap = 0;
}
