/*
 * expr_resolve: the operands of a condition resolved against the knowledge
 * base while it is parsed: a question id becomes the question's index,
 * and a literal the normalised integer answers to that question are stored
 * as (seconds, bytes, an integer, 0 or 1, a level or member index). A
 * literal that does not fit its question says what would.
 */
#include "expr_lex.h"

#include <stdio.h>
#include <string.h>

#include "kb.h"

static const char *expect_phrase(const struct question *, char *, size_t);
static int	mismatch(struct parser *, const struct question *,
		    const struct token *);

/* The question t names, or -1. */
int
expr_question_of(const struct parser *p, const struct token *t)
{
	char	id[128];

	if (t->kind != T_IDENT || t->len >= sizeof id)
		return (-1);
	memcpy(id, p->text + t->off, t->len);
	id[t->len] = '\0';
	return (kb_question_index(p->kb, id));
}

/* The question t names; otherwise an error saying what was wanted. */
int
expr_need_question(struct parser *p, const struct token *t, const char *what)
{
	char	q[VALUE_QUOTE_MAX + 8];
	int	qi;

	if ((qi = expr_question_of(p, t)) >= 0)
		return (qi);
	if (t->kind == T_IDENT)
		return (expr_perr(p, t->off, "unknown question '%s'",
		    expr_tok_quote(p, t, q, sizeof q)));
	return (expr_perr(p, t->off, "the left side of '%s' must be a question",
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

	return (expr_perr(p, t->off, "cannot compare %s (%s) with '%s': expected %s",
	    q->id, value_type_name(q->dom.type), expr_tok_quote(p, t, lit,
	    sizeof lit), expect_phrase(q, want, sizeof want)));
}

/*
 * Reads literal t as a value of question qi: seconds, bytes, an integer,
 * 0 or 1, a level index or a member index.
 */
int
expr_literal(struct parser *p, int qi, const struct token *t, int64_t *out)
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
			return (expr_perr(p, t->off, "number '%s' is too long",
			    expr_tok_quote(p, t, lit, sizeof lit)));
		memcpy(text, p->text + t->off, t->len);
		text[t->len] = '\0';
		if (q->dom.type == VAL_DURATION)
			r = value_parse_duration(text, out, msg, sizeof msg);
		else if (q->dom.type == VAL_SIZE)
			r = value_parse_size(text, out, msg, sizeof msg);
		else
			r = value_parse_int(text, out, msg, sizeof msg);
		if (r != 0)
			return (expr_perr(p, t->off, "%s", msg));
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
			return (expr_perr(p, t->off, "'%s' is not a %s of %s (%s)",
			    expr_tok_quote(p, t, lit, sizeof lit),
			    q->dom.type == VAL_LEVEL ? "level" : "member",
			    q->id, value_names(&q->dom, names, sizeof names)));
		if (q->dom.type == VAL_SET && idx >= VALUE_SET_MAX)
			return (expr_perr(p, t->off, "%s has more than %d members",
			    q->id, VALUE_SET_MAX));
		*out = idx;
		return (0);
	}
	return (expr_perr(p, t->off, "internal error: bad question type"));
}

