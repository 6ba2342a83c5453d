/*
 * expr: parsing, checking and evaluation of rule conditions.
 *
 * A condition is read by a small recursive-descent parser over an on-the-fly
 * lexer, and every question and literal is resolved while parsing: question
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
#include "expr.h"
#include "expr_impl.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

enum tok {
	T_END,
	T_IDENT,
	T_NUM,
	T_TRUE,
	T_FALSE,
	T_AND,
	T_OR,
	T_NOT,
	T_IN,
	T_CONTAINS,
	T_LPAREN,
	T_RPAREN,
	T_LBRACK,
	T_RBRACK,
	T_COMMA,
	T_LT,
	T_LE,
	T_GT,
	T_GE,
	T_EQ,
	T_NE,
};

struct token {
	enum tok	kind;
	size_t		off, len;
};

/* The tree while it is being built; arrays grow as needed. */
struct parser {
	const char		*text;
	size_t			 len;
	size_t			 pos;		/* lexer position */
	const struct kb		*kb;
	struct expr_error	*err;
	struct token		 tok;		/* current token */
	struct token		 prev;		/* the one before it */
	int			 depth;

	struct enode		*nodes;
	size_t			 nnodes, capnodes;
	int64_t			*lits;
	size_t			 nlits, caplits;
	uint32_t		*kids;
	size_t			 nkids, capkids;
};

static const struct {
	const char	*word;
	enum tok	 kind;
} keywords[] = {
	{ "and", T_AND },
	{ "or", T_OR },
	{ "not", T_NOT },
	{ "in", T_IN },
	{ "contains", T_CONTAINS },
	{ "true", T_TRUE },
	{ "false", T_FALSE },
};

static int	perr(struct parser *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static bool	is_ident_start(int);
static bool	is_ident(int);
static bool	is_digit(int);
static bool	is_alnum(int);
static bool	ieq(const char *, size_t, const char *);
static int	lex(struct parser *);
static int	next(struct parser *);
static char	*tok_quote(const struct parser *, const struct token *,
		    char *, size_t);
static char	*tok_desc(const struct parser *, const struct token *,
		    char *, size_t);
static bool	is_operand(enum tok);
static bool	is_relop(enum tok);
static uint32_t	add_node(struct parser *, uint8_t, uint32_t, int64_t);
static int	add_list(struct parser *, uint8_t, const uint32_t *, size_t,
		    uint32_t *);
static int	tok_question(const struct parser *, const struct token *);
static int	need_question(struct parser *, const struct token *,
		    const char *);
static const char *expect_phrase(const struct question *, char *, size_t);
static int	mismatch(struct parser *, const struct question *,
		    const struct token *);
static int	literal(struct parser *, int, const struct token *,
		    int64_t *);
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
static enum tv	eval(const struct expr *, uint32_t, const struct value *);

/* Records the first error only: later ones are consequences of it. */
static int
perr(struct parser *p, size_t off, const char *fmt, ...)
{
	va_list	ap;

	if (p->err->msg[0] == '\0') {
		p->err->offset = off;
		va_start(ap, fmt);
		vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
		va_end(ap);
	}
	return (-1);
}

static bool
is_digit(int c)
{
	return (c >= '0' && c <= '9');
}

static bool
is_ident_start(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_');
}

static bool
is_ident(int c)
{
	return (is_ident_start(c) || is_digit(c) || c == '-');
}

static bool
is_alnum(int c)
{
	return (is_digit(c) || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'));
}

/* Whether the n bytes at s equal word ignoring ASCII case. */
static bool
ieq(const char *s, size_t n, const char *word)
{
	size_t	i;
	int	c;

	if (strlen(word) != n)
		return (false);
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != word[i])
			return (false);
	}
	return (true);
}

/* Reads the token at p->pos into p->tok. */
static int
lex(struct parser *p)
{
	const char	*s;
	char		 q[VALUE_QUOTE_MAX + 8];
	size_t		 start, i, n;
	int		 c;

	s = p->text;
	while (p->pos < p->len && (s[p->pos] == ' ' || s[p->pos] == '\t' ||
	    s[p->pos] == '\n' || s[p->pos] == '\r'))
		p->pos++;
	start = p->pos;
	p->tok.off = start;
	p->tok.len = 0;
	if (start == p->len) {
		p->tok.kind = T_END;
		return (0);
	}
	c = (unsigned char)s[start];

	if (is_ident_start(c)) {
		while (p->pos < p->len && is_ident((unsigned char)s[p->pos]))
			p->pos++;
		p->tok.kind = T_IDENT;
		p->tok.len = p->pos - start;
		for (i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
			if (!ieq(s + start, p->tok.len, keywords[i].word))
				continue;
			if (strncmp(s + start, keywords[i].word,
			    p->tok.len) != 0)
				return (perr(p, start, "keywords are lower "
				    "case: write '%s'", keywords[i].word));
			p->tok.kind = keywords[i].kind;
		}
		return (0);
	}

	/* "5m", "1h30m", "2TB", "1.5h": the value parsers judge the rest. */
	if (is_digit(c) || (c == '-' && start + 1 < p->len &&
	    is_digit((unsigned char)s[start + 1]))) {
		p->pos++;
		while (p->pos < p->len && (is_alnum((unsigned char)s[p->pos]) ||
		    s[p->pos] == '.'))
			p->pos++;
		p->tok.kind = T_NUM;
		p->tok.len = p->pos - start;
		return (0);
	}

	p->pos++;
	p->tok.len = 1;
	switch (c) {
	case '(':
		p->tok.kind = T_LPAREN;
		return (0);
	case ')':
		p->tok.kind = T_RPAREN;
		return (0);
	case '[':
		p->tok.kind = T_LBRACK;
		return (0);
	case ']':
		p->tok.kind = T_RBRACK;
		return (0);
	case ',':
		p->tok.kind = T_COMMA;
		return (0);
	case '<':
	case '>':
		p->tok.kind = c == '<' ? T_LT : T_GT;
		if (p->pos < p->len && s[p->pos] == '=') {
			p->pos++;
			p->tok.len = 2;
			p->tok.kind = c == '<' ? T_LE : T_GE;
		}
		return (0);
	case '=':
	case '!':
		if (p->pos < p->len && s[p->pos] == '=') {
			p->pos++;
			p->tok.len = 2;
			p->tok.kind = c == '=' ? T_EQ : T_NE;
			return (0);
		}
		if (c == '=')
			return (perr(p, start, "use == to compare"));
		return (perr(p, start, "use 'not' to negate, or != to "
		    "compare"));
	case '\'':
	case '"':
		return (perr(p, start, "unexpected quote: names and values "
		    "are written without quotes"));
	}

	/* Show the whole character, not one byte of it. */
	for (n = 1; n < 4 && start + n < p->len &&
	    ((unsigned char)s[start + n] & 0xc0) == 0x80; n++)
		/* nothing */;
	if (c < 0x80)
		n = 1;
	return (perr(p, start, "unexpected character '%s'",
	    value_quote(s + start, n, q, sizeof q)));
}

/* Moves to the next token, remembering the current one for messages. */
static int
next(struct parser *p)
{
	p->prev = p->tok;
	return (lex(p));
}

static char *
tok_quote(const struct parser *p, const struct token *t, char *buf,
    size_t bufsz)
{
	return (value_quote(p->text + t->off, t->len, buf, bufsz));
}

/* "'and'" or "the end of the condition", for messages. */
static char *
tok_desc(const struct parser *p, const struct token *t, char *buf,
    size_t bufsz)
{
	char	q[VALUE_QUOTE_MAX + 8];

	if (t->kind == T_END)
		snprintf(buf, bufsz, "the end of the condition");
	else
		snprintf(buf, bufsz, "'%s'", tok_quote(p, t, q, sizeof q));
	return (buf);
}

static bool
is_operand(enum tok k)
{
	return (k == T_IDENT || k == T_NUM || k == T_TRUE || k == T_FALSE);
}

static bool
is_relop(enum tok k)
{
	return (k >= T_LT && k <= T_NE);
}

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

/* The question t names, or -1. */
static int
tok_question(const struct parser *p, const struct token *t)
{
	char	id[128];

	if (t->kind != T_IDENT || t->len >= sizeof id)
		return (-1);
	memcpy(id, p->text + t->off, t->len);
	id[t->len] = '\0';
	return (kb_question_index(p->kb, id));
}

/* The question t names; otherwise an error saying what was wanted. */
static int
need_question(struct parser *p, const struct token *t, const char *what)
{
	char	q[VALUE_QUOTE_MAX + 8];
	int	qi;

	if ((qi = tok_question(p, t)) >= 0)
		return (qi);
	if (t->kind == T_IDENT)
		return (perr(p, t->off, "unknown question '%s'",
		    tok_quote(p, t, q, sizeof q)));
	return (perr(p, t->off, "the left side of '%s' must be a question",
	    what));
}

/* What a literal for q must look like: "a duration such as 30s, ...". */
static const char *
expect_phrase(const struct question *q, char *buf, size_t bufsz)
{
	char	names[200];

	switch (q->dom.type) {
	case VAL_DURATION:
	case VAL_SIZE:
		snprintf(buf, bufsz, "%s such as %s",
		    value_type_a(q->dom.type), value_type_forms(q->dom.type));
		break;
	case VAL_INT:
	case VAL_BOOL:
		snprintf(buf, bufsz, "%s", value_type_forms(q->dom.type));
		break;
	case VAL_LEVEL:
	case VAL_SET:
		snprintf(buf, bufsz, "one of %s",
		    value_names(&q->dom, names, sizeof names));
		break;
	}
	return (buf);
}

static int
mismatch(struct parser *p, const struct question *q, const struct token *t)
{
	char	lit[VALUE_QUOTE_MAX + 8], want[256];

	return (perr(p, t->off, "cannot compare %s (%s) with '%s': expected %s",
	    q->id, value_type_name(q->dom.type), tok_quote(p, t, lit,
	    sizeof lit), expect_phrase(q, want, sizeof want)));
}

/*
 * Reads literal t as a value of question qi: seconds, bytes, an integer,
 * 0 or 1, a level index or a member index.
 */
static int
literal(struct parser *p, int qi, const struct token *t, int64_t *out)
{
	const struct question	*q;
	char			 text[64], msg[256], lit[VALUE_QUOTE_MAX + 8];
	char			 names[200];
	int			 r, idx;

	q = &p->kb->questions[qi];
	switch (q->dom.type) {
	case VAL_DURATION:
	case VAL_SIZE:
	case VAL_INT:
		if (t->kind != T_NUM)
			return (mismatch(p, q, t));
		if (t->len >= sizeof text)
			return (perr(p, t->off, "number '%s' is too long",
			    tok_quote(p, t, lit, sizeof lit)));
		memcpy(text, p->text + t->off, t->len);
		text[t->len] = '\0';
		if (q->dom.type == VAL_DURATION)
			r = value_parse_duration(text, out, msg, sizeof msg);
		else if (q->dom.type == VAL_SIZE)
			r = value_parse_size(text, out, msg, sizeof msg);
		else
			r = value_parse_int(text, out, msg, sizeof msg);
		if (r != 0)
			return (perr(p, t->off, "%s", msg));
		return (0);
	case VAL_BOOL:
		if (t->kind != T_TRUE && t->kind != T_FALSE)
			return (mismatch(p, q, t));
		*out = t->kind == T_TRUE;
		return (0);
	case VAL_LEVEL:
	case VAL_SET:
		if (t->kind != T_IDENT)
			return (mismatch(p, q, t));
		idx = value_name_index_len(&q->dom, p->text + t->off, t->len);
		if (idx < 0)
			return (perr(p, t->off, "'%s' is not a %s of %s (%s)",
			    tok_quote(p, t, lit, sizeof lit),
			    q->dom.type == VAL_LEVEL ? "level" : "member",
			    q->id, value_names(&q->dom, names, sizeof names)));
		if (q->dom.type == VAL_SET && idx >= VALUE_SET_MAX)
			return (perr(p, t->off, "%s has more than %d members",
			    q->id, VALUE_SET_MAX));
		*out = idx;
		return (0);
	}
	return (perr(p, t->off, "internal error: bad question type"));
}

/* Checks that the current token can start an operand. */
static int
expect_operand(struct parser *p)
{
	char	got[VALUE_QUOTE_MAX + 32], prev[VALUE_QUOTE_MAX + 8];

	if (is_operand(p->tok.kind) || p->tok.kind == T_LPAREN)
		return (0);
	if (p->prev.len == 0) {
		if (p->tok.kind == T_END)
			return (perr(p, p->tok.off, "empty condition"));
		return (perr(p, p->tok.off, "expected a condition, got %s",
		    tok_desc(p, &p->tok, got, sizeof got)));
	}
	tok_quote(p, &p->prev, prev, sizeof prev);
	if (p->tok.kind == T_END)
		return (perr(p, p->tok.off, "expected an operand after '%s'",
		    prev));
	return (perr(p, p->tok.off, "expected an operand after '%s', got %s",
	    prev, tok_desc(p, &p->tok, got, sizeof got)));
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
		if ((r = next(p)) != 0)
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
		return (perr(p, p->tok.off, "expression nested too deeply"));
	if (next(p) != 0 || parse_not(p, &kid) != 0)
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
			return (perr(p, open.off,
			    "expression nested too deeply"));
		if (next(p) != 0 || parse_or(p, out) != 0)
			return (-1);
		if (p->tok.kind == T_END)
			return (perr(p, open.off, "unterminated '('"));
		if (p->tok.kind != T_RPAREN)
			return (perr(p, p->tok.off, "expected 'and', 'or' or "
			    "')', got %s", tok_desc(p, &p->tok, got,
			    sizeof got)));
		p->depth--;
		return (next(p));
	}

	lhs = p->tok;
	if (next(p) != 0)
		return (-1);
	if (is_relop(p->tok.kind))
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
	if (next(p) != 0 || expect_operand(p) != 0)
		return (-1);
	if (p->tok.kind == T_LPAREN)
		return (perr(p, p->tok.off, "expected a value after '%s', got "
		    "'('", tok_quote(p, &optok, a, sizeof a)));
	rhs = p->tok;
	if (next(p) != 0)
		return (-1);

	ql = tok_question(p, lhs);
	qr = tok_question(p, &rhs);
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
		return (perr(p, rhs.off, "cannot compare two questions (%s, "
		    "%s): one side must be a value", tok_quote(p, lhs, a,
		    sizeof a), tok_quote(p, &rhs, b, sizeof b)));
	if (ql < 0 && qr < 0) {
		if (lhs->kind == T_IDENT)
			return (perr(p, lhs->off, "unknown question '%s'",
			    tok_quote(p, lhs, a, sizeof a)));
		if (rhs.kind == T_IDENT)
			return (perr(p, rhs.off, "unknown question '%s'",
			    tok_quote(p, &rhs, a, sizeof a)));
		return (perr(p, lhs->off,
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

	if (q->dom.type == VAL_SET)
		return (perr(p, optok.off, "'%s' does not apply to a set; use "
		    "'%s contains <member>'", tok_quote(p, &optok, a,
		    sizeof a), q->id));
	if (q->dom.type == VAL_BOOL && op != OP_EQ && op != OP_NE)
		return (perr(p, optok.off, "'%s' does not apply to a bool; "
		    "use == or !=", tok_quote(p, &optok, a, sizeof a)));
	if (literal(p, qi, lit, &v) != 0)
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
	if ((qi = need_question(p, lhs, "in")) < 0)
		return (-1);
	q = &p->kb->questions[qi];
	if (q->dom.type == VAL_SET)
		return (perr(p, intok.off, "'in' does not apply to a set; use "
		    "'%s contains <member>'", q->id));
	if (next(p) != 0)
		return (-1);
	if (p->tok.kind != T_LBRACK)
		return (perr(p, p->tok.off, "expected '[' after 'in', got %s",
		    tok_desc(p, &p->tok, got, sizeof got)));
	open = p->tok;
	if (next(p) != 0)
		return (-1);

	first = p->nlits;
	seen = 0;
	for (;;) {
		if (p->tok.kind == T_END)
			return (perr(p, open.off, "unterminated '['"));
		if (!is_operand(p->tok.kind))
			return (perr(p, p->tok.off, "expected a value after "
			    "'%s', got %s", p->prev.kind == T_LBRACK ? "[" :
			    ",", tok_desc(p, &p->tok, got, sizeof got)));
		if (literal(p, qi, &p->tok, &v) != 0)
			return (-1);
		if (p->nlits == p->caplits) {
			p->caplits = p->caplits == 0 ? 8 : p->caplits * 2;
			p->lits = xreallocarray(p->lits, p->caplits,
			    sizeof *p->lits);
		}
		p->lits[p->nlits++] = v;
		seen |= 1U << (v != 0);
		if (next(p) != 0)
			return (-1);
		if (p->tok.kind == T_RBRACK)
			break;
		if (p->tok.kind == T_END)
			return (perr(p, open.off, "unterminated '['"));
		if (p->tok.kind != T_COMMA)
			return (perr(p, p->tok.off, "expected ',' or ']', got "
			    "%s", tok_desc(p, &p->tok, got, sizeof got)));
		if (next(p) != 0)
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
	return (next(p));
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
	if ((qi = need_question(p, lhs, "contains")) < 0)
		return (-1);
	q = &p->kb->questions[qi];
	if (q->dom.type != VAL_SET)
		return (perr(p, ctok.off, "'contains' needs a set question; "
		    "%s is %s", q->id, value_type_a(q->dom.type)));
	if (next(p) != 0)
		return (-1);
	if (!is_operand(p->tok.kind)) {
		if (p->tok.kind == T_END)
			return (perr(p, p->tok.off,
			    "expected a member after 'contains'"));
		return (perr(p, p->tok.off, "expected a member after "
		    "'contains', got %s", tok_desc(p, &p->tok, got,
		    sizeof got)));
	}
	if (literal(p, qi, &p->tok, &idx) != 0)
		return (-1);
	*out = add_node(p, OP_CONTAINS, (uint32_t)qi, 0);
	p->nodes[*out].u.bits = UINT64_C(1) << idx;
	return (next(p));
}

/* An operand standing alone: only a bool question is a condition. */
static int
parse_bare(struct parser *p, const struct token *lhs, uint32_t *out)
{
	const struct question	*q;
	char			 a[VALUE_QUOTE_MAX + 8];
	int			 qi;

	if (lhs->kind != T_IDENT)
		return (perr(p, lhs->off, "'%s' is not a condition: a condition "
		    "needs a question", tok_quote(p, lhs, a, sizeof a)));
	if ((qi = tok_question(p, lhs)) < 0)
		return (perr(p, lhs->off, "unknown question '%s'",
		    tok_quote(p, lhs, a, sizeof a)));
	q = &p->kb->questions[qi];
	if (q->dom.type == VAL_SET)
		return (perr(p, lhs->off, "%s is a set, not a condition: use "
		    "'%s contains <member>'", q->id, q->id));
	if (q->dom.type != VAL_BOOL)
		return (perr(p, lhs->off, "%s is %s, not a condition: compare "
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
		perr(&p, 0, "condition too long (more than %d bytes)",
		    EXPR_MAX_LEN);
		return (NULL);
	}

	e = NULL;
	if (lex(&p) != 0 || parse_or(&p, &root) != 0)
		goto out;
	if (p.tok.kind == T_RPAREN) {
		perr(&p, p.tok.off, "unmatched ')'");
		goto out;
	}
	if (p.tok.kind != T_END) {
		perr(&p, p.tok.off, "expected 'and', 'or' or the end of the "
		    "condition, got %s", tok_desc(&p, &p.tok, got, sizeof got));
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
