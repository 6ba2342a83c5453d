/*
 * expr_lex: the lexer of rule conditions. Reads one token at a time, on
 * the parser's demand (expr_parse.c): identifiers, numbers with their unit
 * ("5m", "2TB"), keywords in any case, brackets and comparison operators.
 * Every error names the byte offset of the token at fault.
 */
#include "expr_lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

/* Records the first error only: later ones are consequences of it. */
int
expr_perr(struct parser *p, size_t off, const char *fmt, ...)
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
int
expr_lex(struct parser *p)
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
				return (expr_perr(p, start, "keywords are lower "
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
			return (expr_perr(p, start, "use == to compare"));
		return (expr_perr(p, start, "use 'not' to negate, or != to "
		    "compare"));
	case '\'':
	case '"':
		return (expr_perr(p, start, "unexpected quote: names and values "
		    "are written without quotes"));
	}

	/* Show the whole character, not one byte of it. */
	for (n = 1; n < 4 && start + n < p->len &&
	    ((unsigned char)s[start + n] & 0xc0) == 0x80; n++)
		/* nothing */;
	if (c < 0x80)
		n = 1;
	return (expr_perr(p, start, "unexpected character '%s'",
	    value_quote(s + start, n, q, sizeof q)));
}

/* Moves to the next token, remembering the current one for messages. */
int
expr_next(struct parser *p)
{
	p->prev = p->tok;
	return (expr_lex(p));
}

char *
expr_tok_quote(const struct parser *p, const struct token *t, char *buf,
    size_t bufsz)
{
	return (value_quote(p->text + t->off, t->len, buf, bufsz));
}

/* "'and'" or "the end of the condition", for messages. */
char *
expr_tok_desc(const struct parser *p, const struct token *t, char *buf,
    size_t bufsz)
{
	char	q[VALUE_QUOTE_MAX + 8];

	if (t->kind == T_END)
		snprintf(buf, bufsz, "the end of the condition");
	else
		snprintf(buf, bufsz, "'%s'", expr_tok_quote(p, t, q, sizeof q));
	return (buf);
}

bool
expr_is_operand(enum tok k)
{
	return (k == T_IDENT || k == T_NUM || k == T_TRUE || k == T_FALSE);
}

bool
expr_is_relop(enum tok k)
{
	return (k >= T_LT && k <= T_NE);
}
