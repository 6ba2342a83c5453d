/*
 * expr_lex: what the lexer (expr_lex.c), the parser (expr_parse.c) and the
 * resolution of operands (expr_resolve.c) of rule conditions share: the
 * tokens, the parser's state, which the lexer advances, and their
 * functions. Nothing outside src/core/expr*.c
 * includes this header.
 */
#ifndef ARCHADVISOR_EXPR_LEX_H
#define ARCHADVISOR_EXPR_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "expr.h"
#include "expr_impl.h"

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

/* Records the first error only (later ones are consequences of it) at
   byte off; returns -1. */
int	expr_perr(struct parser *p, size_t off, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Reads the token at p->pos into p->tok; 0, or -1 after expr_perr. */
int	expr_lex(struct parser *p);
/* Moves to the next token, remembering the current one in p->prev. */
int	expr_next(struct parser *p);
/* Token t's text, quoted for a one-line message, into buf. */
char	*expr_tok_quote(const struct parser *p, const struct token *t,
	    char *buf, size_t bufsz);
/* "'and'" or "the end of the condition", for messages, into buf. */
char	*expr_tok_desc(const struct parser *p, const struct token *t,
	    char *buf, size_t bufsz);
bool	expr_is_operand(enum tok k);
bool	expr_is_relop(enum tok k);

/* expr_resolve.c. The question token t names, or -1. */
int	expr_question_of(const struct parser *p, const struct token *t);
/* The same, or -1 after an error saying that what was wanted there. */
int	expr_need_question(struct parser *p, const struct token *t,
	    const char *what);
/* Literal t as a value of question qi, into *out; 0 or -1 after an error. */
int	expr_literal(struct parser *p, int qi, const struct token *t,
	    int64_t *out);

#endif
