/*
 * expr_prog: the compiled conditions of a whole knowledge base.
 *
 * A program is three flat arrays. Tests read one answer each:
 *   range   lo <= answer <= hi, as one unsigned comparison
 *           ((uint64)(x - lo) <= hi - lo); <, <=, >, >=, ==, !=, bools,
 *           "in" lists (one test per run of consecutive values) and "is
 *           answered" are all ranges, some inverted
 *   bits    answer & mask != 0 ("contains" on a set)
 * and give 2 (true) when the answer is known and the test holds, 0 (false)
 * when it is known and fails, 1 (unknown) otherwise, computed without a
 * branch. A third kind, rare, asks only whether the answer is known
 * ("q == unknown") and is never unknown itself. Nodes are the "and"s
 * (minimum of their kids) and "or"s (maximum) in post-order, so each kid
 * is ready before its parent; "not" was pushed down to the tests by De
 * Morgan, which Kleene logic allows. Every value lives in one slot of the
 * scratch buffer: the tests first, then the nodes.
 *
 * A comparison that several rules make ("cost_priority >= high") is one
 * test, evaluated once. Each rule keeps the list of its tests, and its
 * nodes are contiguous, so a few rules can be re-evaluated alone
 * (expr_prog_eval_some, for what-if analysis).
 */
#include "expr_prog.h"
#include "expr_impl.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct ptest {
	uint64_t	a;	/* range: lo; bits: unused */
	uint64_t	b;	/* range: hi - lo; bits: the mask */
	uint32_t	q;
	uint8_t		bits;	/* TEST_RANGE, TEST_BITS or TEST_KNOWN */
	uint8_t		inv;	/* negated */
};

struct pnode {
	uint32_t	first;	/* kids[first .. first+count) are slots */
	uint32_t	count;	/* count << 1, | 1 for an "or" (the maximum;
				   an "and" is the minimum): 8 bytes a node */
};

/*
 * Per rule: its tests (uses[use0 .. use0+nuses), tests being shared by
 * the rules that make the same comparison), its nodes, and the slot of its
 * value.
 */
struct prule {
	uint32_t	use0, nuses;
	uint32_t	node0, nnodes;
	uint32_t	root;
};

struct expr_prog {
	struct ptest	*tests;
	size_t		 ntests, captests;
	struct pnode	*nodes;
	size_t		 nnodes, capnodes;
	uint32_t	*kids;
	size_t		 nkids, capkids;
	uint32_t	*uses;		/* test indexes, by rule */
	size_t		 nuses, capuses;
	struct prule	*rules;
	uint32_t	*roots;		/* by rule, its value's slot (apart
					   from rules: compact for the scan) */
	size_t		 nrules;
	uint32_t	*seen;		/* while compiling: tests by hash,
					   index + 1 (0: empty) */
	size_t		 seenmask;
	size_t		 use0;		/* while compiling: the first use of
					   the rule at hand */
};

enum { TEST_RANGE, TEST_BITS, TEST_KNOWN };

/* While compiling, a kid is a test index, or a node index with this bit. */
#define NODE_REF	0x80000000u

static const enum tv	tv_of[3] = { TV_FALSE, TV_UNKNOWN, TV_TRUE };

static bool
same_test(const struct ptest *t, uint32_t q, unsigned bits, uint64_t a,
    uint64_t b, bool inv)
{
	return (t->q == q && t->bits == bits && t->a == a && t->b == b &&
	    t->inv == inv);
}

/* Notes that the rule being compiled uses test i (once is enough). */
static uint32_t
use_test(struct expr_prog *p, uint32_t i)
{
	size_t	k;

	for (k = p->use0; k < p->nuses; k++)
		if (p->uses[k] == i)
			return (i);
	if (p->nuses == p->capuses) {
		p->capuses = p->capuses ? p->capuses * 2 : 64;
		p->uses = xreallocarray(p->uses, p->capuses, sizeof *p->uses);
	}
	p->uses[p->nuses++] = i;
	return (i);
}

/* Doubles the table of tests seen, placing them again. */
static void
seen_grow(struct expr_prog *p)
{
	const struct ptest	*t;
	size_t			 n = (p->seenmask + 1) * 2, i, h;

	free(p->seen);
	p->seen = xcalloc(n, sizeof *p->seen);
	p->seenmask = n - 1;
	for (i = 0; i < p->ntests; i++) {
		t = &p->tests[i];
		h = (t->a * 0x9e3779b97f4a7c15u ^ t->b * 0xc2b2ae3d27d4eb4fu ^
		    t->q * 0x165667b1u ^ (uint64_t)(t->bits | t->inv << 1)) &
		    p->seenmask;
		while (p->seen[h] != 0)
			h = (h + 1) & p->seenmask;
		p->seen[h] = (uint32_t)i + 1;
	}
}

/*
 * A test of the rule being compiled: the same comparison made by an
 * earlier rule (or earlier in this one) is evaluated once, for both.
 */
static uint32_t
add_test(struct expr_prog *p, uint32_t q, unsigned bits, uint64_t a,
    uint64_t b, bool inv)
{
	struct ptest	*t;
	size_t		 h;

	if (p->seen == NULL || 2 * (p->ntests + 1) > p->seenmask)
		seen_grow(p);
	h = (a * 0x9e3779b97f4a7c15u ^ b * 0xc2b2ae3d27d4eb4fu ^
	    q * 0x165667b1u ^ (uint64_t)(bits | inv << 1)) & p->seenmask;
	for (; p->seen[h] != 0; h = (h + 1) & p->seenmask)
		if (same_test(&p->tests[p->seen[h] - 1], q, bits, a, b, inv))
			return (use_test(p, p->seen[h] - 1));
	p->seen[h] = (uint32_t)p->ntests + 1;
	if (p->ntests == p->captests) {
		p->captests = p->captests ? p->captests * 2 : 64;
		p->tests = xreallocarray(p->tests, p->captests,
		    sizeof *p->tests);
	}
	t = &p->tests[p->ntests];
	t->a = a;
	t->b = b;
	t->q = q;
	t->bits = (uint8_t)bits;
	t->inv = inv;
	return (use_test(p, (uint32_t)p->ntests++));
}

/* lo <= answer <= hi (signed, lo <= hi), or its negation. */
static uint32_t
add_range(struct expr_prog *p, uint32_t q, int64_t lo, int64_t hi, bool inv)
{
	return (add_test(p, q, TEST_RANGE, (uint64_t)lo, (uint64_t)hi -
	    (uint64_t)lo, inv));
}

/* A test that fails whenever the answer is known. */
static uint32_t
add_never(struct expr_prog *p, uint32_t q, bool inv)
{
	return (add_test(p, q, TEST_BITS, 0, 0, inv));
}

/* An and (any false) or an or (any true) over refs; returns its ref. */
static uint32_t
add_node(struct expr_prog *p, bool any, const uint32_t *refs, size_t n)
{
	struct pnode	*nd;

	if (p->nkids + n > p->capkids) {
		while (p->nkids + n > p->capkids)
			p->capkids = p->capkids ? p->capkids * 2 : 64;
		p->kids = xreallocarray(p->kids, p->capkids, sizeof *p->kids);
	}
	if (n > 0)
		memcpy(p->kids + p->nkids, refs, n * sizeof *refs);
	if (p->nnodes == p->capnodes) {
		p->capnodes = p->capnodes ? p->capnodes * 2 : 64;
		p->nodes = xreallocarray(p->nodes, p->capnodes,
		    sizeof *p->nodes);
	}
	nd = &p->nodes[p->nnodes];
	nd->first = (uint32_t)p->nkids;
	nd->count = (uint32_t)n << 1 | any;
	p->nkids += n;
	return ((uint32_t)p->nnodes++ | NODE_REF);
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x < y ? -1 : x > y);
}

/* "q in [lits]": one range per run of consecutive values, or-ed. */
static uint32_t
compile_in(struct expr_prog *p, uint32_t q, const int64_t *lits, size_t n,
    bool neg)
{
	int64_t		*v;
	uint32_t	*refs, r;
	size_t		 i, j, nr = 0;

	v = xreallocarray(NULL, n, sizeof *v);
	memcpy(v, lits, n * sizeof *v);
	qsort(v, n, sizeof *v, cmp_i64);
	refs = xreallocarray(NULL, n, sizeof *refs);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && (v[j] == v[j - 1] ||
		    (v[j - 1] < INT64_MAX && v[j] == v[j - 1] + 1)); j++)
			/* nothing */;
		refs[nr++] = add_range(p, q, v[i], v[j - 1], neg);
	}
	/* not (a or b) = not a and not b */
	r = nr == 1 ? refs[0] : add_node(p, !neg, refs, nr);
	free(refs);
	free(v);
	return (r);
}

/* Compiles node i of e, negated if neg; returns its ref. */
static uint32_t
compile(struct expr_prog *p, const struct expr *e, uint32_t i, bool neg)
{
	const struct enode	*n = &e->nodes[i];
	uint32_t		*refs, r, k;
	int64_t			 x = n->u.num;

	switch (n->op) {
	case OP_NOT:
		return (compile(p, e, n->u.list.first, !neg));
	case OP_AND:
	case OP_OR:
		refs = xreallocarray(NULL, n->u.list.count + 1, sizeof *refs);
		for (k = 0; k < n->u.list.count; k++)
			refs[k] = compile(p, e, e->kids[n->u.list.first + k],
			    neg);
		r = add_node(p, (n->op == OP_OR) != neg, refs,
		    n->u.list.count);
		free(refs);
		return (r);
	case OP_BOOL:
		/* answer is true: answer != 0, i.e. not in [0, 0] */
		return (add_range(p, n->q, 0, 0, (x != 0) != neg));
	case OP_LT:
		if (x == INT64_MIN)
			return (add_never(p, n->q, neg));
		return (add_range(p, n->q, INT64_MIN, x - 1, neg));
	case OP_LE:
		return (add_range(p, n->q, INT64_MIN, x, neg));
	case OP_GT:
		if (x == INT64_MAX)
			return (add_never(p, n->q, neg));
		return (add_range(p, n->q, x + 1, INT64_MAX, neg));
	case OP_GE:
		return (add_range(p, n->q, x, INT64_MAX, neg));
	case OP_EQ:
		return (add_range(p, n->q, x, x, neg));
	case OP_NE:
		return (add_range(p, n->q, x, x, !neg));
	case OP_IN:
		return (compile_in(p, n->q, e->lits + n->u.list.first,
		    n->u.list.count, neg));
	case OP_KNOWN:
		return (add_range(p, n->q, INT64_MIN, INT64_MAX, neg));
	case OP_CONTAINS:
		return (add_test(p, n->q, TEST_BITS, 0, n->u.bits, neg));
	case OP_UNANSWERED:
		/* true once answered, unless "== unknown" (num 1) */
		return (add_test(p, n->q, TEST_KNOWN, 0, 0, (x != 0) != neg));
	}
	return (add_never(p, n->q, false));
}

struct expr_prog *
expr_prog_new(const struct kb *kb)
{
	struct expr_prog	*p;
	struct prule		*pr;
	size_t			 i, k;
	uint32_t		 ref;

	p = xcalloc(1, sizeof *p);
	p->nrules = kb->nrules;
	p->rules = xcalloc(kb->nrules + 1, sizeof *p->rules);
	for (i = 0; i < kb->nrules; i++) {
		pr = &p->rules[i];
		pr->use0 = (uint32_t)(p->use0 = p->nuses);
		pr->node0 = (uint32_t)p->nnodes;
		/* No condition: an "and" of nothing, always true. */
		if (kb->rules[i].when == NULL)
			ref = add_node(p, false, NULL, 0);
		else
			ref = compile(p, kb->rules[i].when,
			    kb->rules[i].when->root, false);
		pr->nuses = (uint32_t)(p->nuses - pr->use0);
		pr->nnodes = (uint32_t)p->nnodes - pr->node0;
		pr->root = ref;
	}
	/* Refs become slots: tests first, then nodes. */
	for (k = 0; k < p->nkids; k++)
		if (p->kids[k] & NODE_REF)
			p->kids[k] = (uint32_t)p->ntests +
			    (p->kids[k] & ~NODE_REF);
	for (i = 0; i < p->nrules; i++)
		if (p->rules[i].root & NODE_REF)
			p->rules[i].root = (uint32_t)p->ntests +
			    (p->rules[i].root & ~NODE_REF);
	free(p->seen);
	p->seen = NULL;
	p->roots = xcalloc(p->nrules + 1, sizeof *p->roots);
	for (i = 0; i < p->nrules; i++)
		p->roots[i] = p->rules[i].root;
	return (p);
}

void
expr_prog_free(struct expr_prog *p)
{
	if (p == NULL)
		return;
	free(p->tests);
	free(p->nodes);
	free(p->kids);
	free(p->uses);
	free(p->rules);
	free(p->roots);
	free(p->seen);
	free(p);
}

size_t
expr_prog_scratch(const struct expr_prog *p)
{
	return (p->ntests + p->nnodes + 1);
}

/* The value of one test (slot value: 0 false, 1 unknown, 2 true). */
static inline uint8_t
run_test(const struct ptest *t, const struct value *answers)
{
	const struct value	*v = &answers[t->q];
	uint64_t		 x = (uint64_t)v->num;
	unsigned		 c, k;

	k = v->known;
	/* Rare, so this branch predicts well; ranges and bits are not. */
	if (t->bits == TEST_KNOWN)
		return ((uint8_t)((k ^ t->inv) << 1));
	/* Both tests, then a select: a branch on the kind mispredicts. */
	c = ((unsigned)(x - t->a <= t->b) & (t->bits ^ 1u)) |
	    ((unsigned)((x & t->b) != 0) & t->bits);
	c ^= t->inv;
	return ((uint8_t)(1 - k + ((k & c) << 1)));
}

/* Every test into its slot. */
static void
run_tests(const struct expr_prog *p, const struct value *answers,
    uint8_t *val)
{
	const struct ptest	*tests = p->tests;
	size_t			 i, n = p->ntests;

	for (i = 0; i < n; i++)
		val[i] = run_test(&tests[i], answers);
}

/* Nodes [from, to) into their slots, after the tests. */
static void
run_nodes(const struct expr_prog *p, size_t from, size_t to, uint8_t *val)
{
	const struct pnode	*nodes = p->nodes, *n;
	const uint32_t		*kids = p->kids, *kid;
	uint8_t			*nval = val + p->ntests;
	unsigned		 lo, hi, x;
	uint32_t		 k;
	size_t			 i;

	for (i = from; i < to; i++) {
		n = &nodes[i];
		kid = kids + n->first;
		lo = 2;
		hi = 0;
		for (k = 0; k < n->count >> 1; k++) {
			x = val[kid[k]];
			lo = x < lo ? x : lo;
			hi = x > hi ? x : hi;
		}
		nval[i] = (uint8_t)(n->count & 1 ? hi : lo);
	}
}

void
expr_prog_eval(const struct expr_prog *p, const struct value *answers,
    uint8_t *scratch, enum tv *out)
{
	size_t	i;

	run_tests(p, answers, scratch);
	run_nodes(p, 0, p->nnodes, scratch);
	for (i = 0; i < p->nrules; i++)
		out[i] = tv_of[scratch[p->roots[i]]];
}

void
expr_prog_eval_some(const struct expr_prog *p, const struct value *answers,
    uint8_t *scratch, enum tv *out, const size_t *which, size_t n)
{
	const struct prule	*r;
	const uint32_t		*u;
	size_t			 i, k;

	for (i = 0; i < n; i++) {
		r = &p->rules[which[i]];
		u = p->uses + r->use0;
		for (k = 0; k < r->nuses; k++)
			scratch[u[k]] = run_test(&p->tests[u[k]], answers);
		run_nodes(p, r->node0, r->node0 + r->nnodes, scratch);
		out[which[i]] = tv_of[scratch[r->root]];
	}
}
