/*
 * expr_parse: the parser of rule conditions.
 *
 * A condition is read by a small recursive-descent parser over an on-the-fly
 * lexer (expr_lex.c), and every question and literal is resolved while
 * parsing (expr_resolve.c): question
 * ids become indexes, literals become the same normalised integers answers
 * are stored as (seconds, bytes, level index, member bit). A literal on the
 * left is moved to the right by flipping the operator. What is left is a
 * flat array of 16-byte nodes in one allocation, with "and"/"or" chains kept
 * n-ary rather than as deep binary trees; evaluation is then a short walk
 * over integers that neither allocates nor touches a string, and its
 * recursion is bounded by EXPR_MAX_DEPTH.
 *
 * Every error names the byte offset of the token at fault and says, in one
 * line, what was expected there.
 */
#include "expr_lex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static uint32_t	add_node(struct parser *, uint8_t, uint32_t, int64_t);
static int	add_list(struct parser *, uint8_t, const uint32_t *, size_t,
		    uint32_t *);
static int	expect_operand(struct parser *);
static int	parse_or(struct parser *, uint32_t *);
static int	parse_and(struct parser *, uint32_t *);
static int	parse_chain(struct parser *, enum tok, uint8_t, uint32_t *);
static int	parse_not(struct parser *, uint32_t *);
static int	parse_cmp(struct parser *, uint32_t *);
static int	parse_relop(struct parser *, const struct token *, uint32_t *);
static int	parse_in(struct parser *, const struct token *, uint32_t *);
static int	parse_contains(struct parser *, const struct token *,
		    uint32_t *);
static int	parse_bare(struct parser *, const struct token *, uint32_t *);
static struct expr *finish(struct parser *, uint32_t);
static void	parser_free(struct parser *);

static uint32_t
add_node(struct parser *p, uint8_t op, uint32_t q, int64_t num)
{
	struct enode	*n;

	if (p->nnodes == p->capnodes) {
		p->capnodes = p->capnodes == 0 ? 16 : p->capnodes * 2;
		p->nodes = xreallocarray(p->nodes, p->capnodes,
		    sizeof *p->nodes);
	}
	n = &p->nodes[p->nnodes];
	memset(n, 0, sizeof *n);
	n->op = op;
	n->q = q;
	n->u.num = num;
	return ((uint32_t)p->nnodes++);
}

/* Adds an and/or node over the n nodes in kids; one kid stands alone. */
static int
add_list(struct parser *p, uint8_t op, const uint32_t *kids, size_t n,
    uint32_t *out)
{
	uint32_t	i;

	if (n == 1) {
		*out = kids[0];
		return (0);
	}
	if (p->nkids + n > p->capkids) {
		while (p->nkids + n > p->capkids)
			p->capkids = p->capkids == 0 ? 16 : p->capkids * 2;
		p->kids = xreallocarray(p->kids, p->capkids, sizeof *p->kids);
	}
	memcpy(p->kids + p->nkids, kids, n * sizeof *kids);
	i = add_node(p, op, 0, 0);
	p->nodes[i].u.list.first = (uint32_t)p->nkids;
	p->nodes[i].u.list.count = (uint32_t)n;
	p->nkids += n;
	*out = i;
	return (0);
}

/* Checks that the current token can start an operand. */
static int
expect_operand(struct parser *p)
{
	char	got[VALUE_QUOTE_MAX + 32], prev[VALUE_QUOTE_MAX + 8];

	if (expr_is_operand(p->tok.kind) || p->tok.kind == T_LPAREN)
		return (0);
	if (p->prev.len == 0) {
		if (p->tok.kind == T_END)
			return (expr_perr(p, p->tok.off, "empty condition"));
		return (expr_perr(p, p->tok.off, "expected a condition, got %s",
		    expr_tok_desc(p, &p->tok, got, sizeof got)));
	}
	expr_tok_quote(p, &p->prev, prev, sizeof prev);
	if (p->tok.kind == T_END)
		return (expr_perr(p, p->tok.off, "expected an operand after '%s'",
		    prev));
	return (expr_perr(p, p->tok.off, "expected an operand after '%s', got %s",
	    prev, expr_tok_desc(p, &p->tok, got, sizeof got)));
}

static int
parse_or(struct parser *p, uint32_t *out)
{
	return (parse_chain(p, T_OR, OP_OR, out));
}

static int
parse_and(struct parser *p, uint32_t *out)
{
	return (parse_chain(p, T_AND, OP_AND, out));
}

/*
 * Reads sub { sep sub } into one n-ary node, so that a long chain of "or"s
 * costs neither stack depth when evaluated nor a node per operator.
 */
static int
parse_chain(struct parser *p, enum tok sep, uint8_t op, uint32_t *out)
{
	uint32_t	 buf[8], *kids, k;
	size_t		 n, cap;
	int		 r;

	kids = buf;
	cap = sizeof buf / sizeof buf[0];
	n = 0;
	for (;;) {
		r = sep == T_OR ? parse_and(p, &k) : parse_not(p, &k);
		if (r != 0)
			break;
		if (n == cap) {
			cap *= 2;
			if (kids == buf) {
				kids = xreallocarray(NULL, cap, sizeof *kids);
				memcpy(kids, buf, sizeof buf);
			} else
				kids = xreallocarray(kids, cap, sizeof *kids);
		}
		kids[n++] = k;
		if (p->tok.kind != sep) {
			r = add_list(p, op, kids, n, out);
			break;
		}
		if ((r = expr_next(p)) != 0)
			break;
	}
	if (kids != buf)
		free(kids);
	return (r);
}

static int
parse_not(struct parser *p, uint32_t *out)
{
	uint32_t	kid;

	if (p->tok.kind != T_NOT)
		return (parse_cmp(p, out));
	if (++p->depth > EXPR_MAX_DEPTH)
		return (expr_perr(p, p->tok.off, "expression nested too deeply"));
	if (expr_next(p) != 0 || parse_not(p, &kid) != 0)
		return (-1);
	p->depth--;
	*out = add_node(p, OP_NOT, 0, 0);
	p->nodes[*out].u.list.first = kid;
	p->nodes[*out].u.list.count = 1;
	return (0);
}

static int
parse_cmp(struct parser *p, uint32_t *out)
{
	struct token	open, lhs;
	char		got[VALUE_QUOTE_MAX + 32];

	if (expect_operand(p) != 0)
		return (-1);
	if (p->tok.kind == T_LPAREN) {
		open = p->tok;
		if (++p->depth > EXPR_MAX_DEPTH)
			return (expr_perr(p, open.off,
			    "expression nested too deeply"));
		if (expr_next(p) != 0 || parse_or(p, out) != 0)
			return (-1);
		if (p->tok.kind == T_END)
			return (expr_perr(p, open.off, "unterminated '('"));
		if (p->tok.kind != T_RPAREN)
			return (expr_perr(p, p->tok.off, "expected 'and', 'or' or "
			    "')', got %s", expr_tok_desc(p, &p->tok, got,
			    sizeof got)));
		p->depth--;
		return (expr_next(p));
	}

	lhs = p->tok;
	if (expr_next(p) != 0)
		return (-1);
	if (expr_is_relop(p->tok.kind))
		return (parse_relop(p, &lhs, out));
	if (p->tok.kind == T_IN)
		return (parse_in(p, &lhs, out));
	if (p->tok.kind == T_CONTAINS)
		return (parse_contains(p, &lhs, out));
	return (parse_bare(p, &lhs, out));
}

/* lhs relop rhs, with exactly one side a question. */
static int
parse_relop(struct parser *p, const struct token *lhs, uint32_t *out)
{
	static const uint8_t	 ops[] = { OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ,
				    OP_NE };
	static const uint8_t	 flipped[] = { OP_GT, OP_GE, OP_LT, OP_LE,
				    OP_EQ, OP_NE };
	const struct question	*q;
	const struct token	*lit;
	struct token		 optok, rhs;
	char			 a[VALUE_QUOTE_MAX + 8], b[VALUE_QUOTE_MAX + 8];
	int64_t			 v;
	int			 ql, qr, qi;
	uint8_t			 op;

	optok = p->tok;
	if (expr_next(p) != 0 || expect_operand(p) != 0)
		return (-1);
	if (p->tok.kind == T_LPAREN)
		return (expr_perr(p, p->tok.off, "expected a value after '%s', got "
		    "'('", expr_tok_quote(p, &optok, a, sizeof a)));
	rhs = p->tok;
	if (expr_next(p) != 0)
		return (-1);

	ql = expr_question_of(p, lhs);
	qr = expr_question_of(p, &rhs);
	/* A level name that is also a question id is the level here. */
	if (ql >= 0 && qr >= 0 && p->kb->questions[ql].dom.type == VAL_LEVEL &&
	    value_name_index_len(&p->kb->questions[ql].dom,
	    p->text + rhs.off, rhs.len) >= 0)
		qr = -1;
	else if (ql >= 0 && qr >= 0 &&
	    p->kb->questions[qr].dom.type == VAL_LEVEL &&
	    value_name_index_len(&p->kb->questions[qr].dom,
	    p->text + lhs->off, lhs->len) >= 0)
		ql = -1;

	if (ql >= 0 && qr >= 0)
		return (expr_perr(p, rhs.off, "cannot compare two questions (%s, "
		    "%s): one side must be a value", expr_tok_quote(p, lhs, a,
		    sizeof a), expr_tok_quote(p, &rhs, b, sizeof b)));
	if (ql < 0 && qr < 0) {
		if (lhs->kind == T_IDENT)
			return (expr_perr(p, lhs->off, "unknown question '%s'",
			    expr_tok_quote(p, lhs, a, sizeof a)));
		if (rhs.kind == T_IDENT)
			return (expr_perr(p, rhs.off, "unknown question '%s'",
			    expr_tok_quote(p, &rhs, a, sizeof a)));
		return (expr_perr(p, lhs->off,
		    "a comparison needs a question on one side"));
	}

	/* Keep the question on the left: "5m > latency" is "latency < 5m". */
	if (ql >= 0) {
		qi = ql;
		lit = &rhs;
		op = ops[optok.kind - T_LT];
	} else {
		qi = qr;
		lit = lhs;
		op = flipped[optok.kind - T_LT];
	}
	q = &p->kb->questions[qi];

	/* "unknown" is the answer not given, as in an answers file. */
	if (lit->kind == T_IDENT && lit->len == 7 &&
	    memcmp(p->text + lit->off, "unknown", 7) == 0) {
		if (op != OP_EQ && op != OP_NE)
			return (expr_perr(p, optok.off, "'%s' does not apply to "
			    "unknown; use == or !=", expr_tok_quote(p, &optok,
			    a, sizeof a)));
		*out = add_node(p, OP_UNANSWERED, (uint32_t)qi, op == OP_EQ);
		return (0);
	}
	if (q->dom.type == VAL_SET)
		return (expr_perr(p, optok.off, "'%s' does not apply to a set; use "
		    "'%s contains <member>'", expr_tok_quote(p, &optok, a,
		    sizeof a), q->id));
	if (q->dom.type == VAL_BOOL && op != OP_EQ && op != OP_NE)
		return (expr_perr(p, optok.off, "'%s' does not apply to a bool; "
		    "use == or !=", expr_tok_quote(p, &optok, a, sizeof a)));
	if (expr_literal(p, qi, lit, &v) != 0)
		return (-1);

	if (q->dom.type == VAL_BOOL)
		*out = add_node(p, OP_BOOL, (uint32_t)qi,
		    op == OP_EQ ? v : !v);
	else
		*out = add_node(p, op, (uint32_t)qi, v);
	return (0);
}

/* question "in" "[" literal { "," literal } "]" */
static int
parse_in(struct parser *p, const struct token *lhs, uint32_t *out)
{
	const struct question	*q;
	struct token		 intok, open;
	char			 got[VALUE_QUOTE_MAX + 32];
	int64_t			 v;
	size_t			 first, n;
	unsigned		 seen;
	int			 qi;

	intok = p->tok;
	if ((qi = expr_need_question(p, lhs, "in")) < 0)
		return (-1);
	q = &p->kb->questions[qi];
	if (q->dom.type == VAL_SET)
		return (expr_perr(p, intok.off, "'in' does not apply to a set; use "
		    "'%s contains <member>'", q->id));
	if (expr_next(p) != 0)
		return (-1);
	if (p->tok.kind != T_LBRACK)
		return (expr_perr(p, p->tok.off, "expected '[' after 'in', got %s",
		    expr_tok_desc(p, &p->tok, got, sizeof got)));
	open = p->tok;
	if (expr_next(p) != 0)
		return (-1);

	first = p->nlits;
	seen = 0;
	for (;;) {
		if (p->tok.kind == T_END)
			return (expr_perr(p, open.off, "unterminated '['"));
		if (!expr_is_operand(p->tok.kind))
			return (expr_perr(p, p->tok.off, "expected a value after "
			    "'%s', got %s", p->prev.kind == T_LBRACK ? "[" :
			    ",", expr_tok_desc(p, &p->tok, got, sizeof got)));
		if (expr_literal(p, qi, &p->tok, &v) != 0)
			return (-1);
		if (p->nlits == p->caplits) {
			p->caplits = p->caplits == 0 ? 8 : p->caplits * 2;
			p->lits = xreallocarray(p->lits, p->caplits,
			    sizeof *p->lits);
		}
		p->lits[p->nlits++] = v;
		seen |= 1U << (v != 0);
		if (expr_next(p) != 0)
			return (-1);
		if (p->tok.kind == T_RBRACK)
			break;
		if (p->tok.kind == T_END)
			return (expr_perr(p, open.off, "unterminated '['"));
		if (p->tok.kind != T_COMMA)
			return (expr_perr(p, p->tok.off, "expected ',' or ']', got "
			    "%s", expr_tok_desc(p, &p->tok, got, sizeof got)));
		if (expr_next(p) != 0)
			return (-1);
	}
	n = p->nlits - first;

	/* Bools need no list: one value is a test, both only need an answer. */
	if (q->dom.type == VAL_BOOL) {
		p->nlits = first;
		if (seen == 3)
			*out = add_node(p, OP_KNOWN, (uint32_t)qi, 0);
		else
			*out = add_node(p, OP_BOOL, (uint32_t)qi, seen == 2);
	} else if (n == 1) {
		v = p->lits[first];
		p->nlits = first;
		*out = add_node(p, OP_EQ, (uint32_t)qi, v);
	} else {
		*out = add_node(p, OP_IN, (uint32_t)qi, 0);
		p->nodes[*out].u.list.first = (uint32_t)first;
		p->nodes[*out].u.list.count = (uint32_t)n;
	}
	return (expr_next(p));
}

/* question "contains" member */
static int
parse_contains(struct parser *p, const struct token *lhs, uint32_t *out)
{
	const struct question	*q;
	struct token		 ctok;
	char			 got[VALUE_QUOTE_MAX + 32];
	int64_t			 idx;
	int			 qi;

	ctok = p->tok;
	if ((qi = expr_need_question(p, lhs, "contains")) < 0)
		return (-1);
	q = &p->kb->questions[qi];
	if (q->dom.type != VAL_SET)
		return (expr_perr(p, ctok.off, "'contains' needs a set question; "
		    "%s is %s", q->id, value_type_a(q->dom.type)));
	if (expr_next(p) != 0)
		return (-1);
	if (!expr_is_operand(p->tok.kind)) {
		if (p->tok.kind == T_END)
			return (expr_perr(p, p->tok.off,
			    "expected a member after 'contains'"));
		return (expr_perr(p, p->tok.off, "expected a member after "
		    "'contains', got %s", expr_tok_desc(p, &p->tok, got,
		    sizeof got)));
	}
	if (expr_literal(p, qi, &p->tok, &idx) != 0)
		return (-1);
	*out = add_node(p, OP_CONTAINS, (uint32_t)qi, 0);
	p->nodes[*out].u.bits = UINT64_C(1) << idx;
	return (expr_next(p));
}

/* An operand standing alone: only a bool question is a condition. */
static int
parse_bare(struct parser *p, const struct token *lhs, uint32_t *out)
{
	const struct question	*q;
	char			 a[VALUE_QUOTE_MAX + 8];
	int			 qi;

	if (lhs->kind != T_IDENT)
		return (expr_perr(p, lhs->off, "'%s' is not a condition: a condition "
		    "needs a question", expr_tok_quote(p, lhs, a, sizeof a)));
	if ((qi = expr_question_of(p, lhs)) < 0)
		return (expr_perr(p, lhs->off, "unknown question '%s'",
		    expr_tok_quote(p, lhs, a, sizeof a)));
	q = &p->kb->questions[qi];
	if (q->dom.type == VAL_SET)
		return (expr_perr(p, lhs->off, "%s is a set, not a condition: use "
		    "'%s contains <member>'", q->id, q->id));
	if (q->dom.type != VAL_BOOL)
		return (expr_perr(p, lhs->off, "%s is %s, not a condition: compare "
		    "it with a value", q->id, value_type_a(q->dom.type)));
	*out = add_node(p, OP_BOOL, (uint32_t)qi, 1);
	return (0);
}

/* Moves the built arrays into one compact allocation. */
static struct expr *
finish(struct parser *p, uint32_t root)
{
	struct expr	*e;
	char		*base;
	size_t		 hdr, nsz, lsz, ksz;

	/* enode and int64_t both need 8-byte alignment; uint32_t less. */
	hdr = (sizeof *e + 7) & ~(size_t)7;
	nsz = p->nnodes * sizeof *p->nodes;
	lsz = p->nlits * sizeof *p->lits;
	ksz = p->nkids * sizeof *p->kids;
	base = xmalloc(hdr + nsz + lsz + ksz);
	e = (struct expr *)(void *)base;
	memcpy(base + hdr, p->nodes, nsz);
	if (lsz > 0)
		memcpy(base + hdr + nsz, p->lits, lsz);
	if (ksz > 0)
		memcpy(base + hdr + nsz + lsz, p->kids, ksz);
	e->nodes = (const struct enode *)(void *)(base + hdr);
	e->lits = (const int64_t *)(void *)(base + hdr + nsz);
	e->kids = (const uint32_t *)(void *)(base + hdr + nsz + lsz);
	e->nnodes = p->nnodes;
	e->nlits = p->nlits;
	e->nkids = p->nkids;
	e->root = root;
	return (e);
}

static void
parser_free(struct parser *p)
{
	free(p->nodes);
	free(p->lits);
	free(p->kids);
}

struct expr *
expr_parse(const char *text, const struct kb *kb, struct expr_error *err)
{
	struct parser		 p;
	struct expr_error	 dummy;
	struct expr		*e;
	char			 got[VALUE_QUOTE_MAX + 32];
	uint32_t		 root;

	if (err == NULL)
		err = &dummy;
	err->offset = 0;
	err->msg[0] = '\0';

	memset(&p, 0, sizeof p);
	p.text = text;
	p.len = strlen(text);
	p.kb = kb;
	p.err = err;
	p.prev.kind = T_END;
	if (p.len > EXPR_MAX_LEN) {
		expr_perr(&p, 0, "condition too long (more than %d bytes)",
		    EXPR_MAX_LEN);
		return (NULL);
	}

	e = NULL;
	if (expr_lex(&p) != 0 || parse_or(&p, &root) != 0)
		goto out;
	if (p.tok.kind == T_RPAREN) {
		expr_perr(&p, p.tok.off, "unmatched ')'");
		goto out;
	}
	if (p.tok.kind != T_END) {
		expr_perr(&p, p.tok.off, "expected 'and', 'or' or the end of the "
		    "condition, got %s", expr_tok_desc(&p, &p.tok, got, sizeof got));
		goto out;
	}
	e = finish(&p, root);
out:
	parser_free(&p);
	return (e);
}

void
expr_free(struct expr *e)
{
	free(e);
}
