/*
 * expr: the rule condition language. A condition is parsed once, checked
 * against the questions' types, and then evaluated many times with
 * three-valued (Kleene) logic: a comparison that reads an unknown answer is
 * unknown, "unknown and false" is false, "unknown or true" is true, and a rule
 * fires only when its condition is true.
 *
 * Grammar (keywords are lower case):
 *   expr    = or
 *   or      = and { "or" and }
 *   and     = not { "and" not }
 *   not     = "not" not | cmp
 *   cmp     = operand [ relop operand
 *                     | "in" "[" literal { "," literal } "]"
 *                     | "contains" literal ]
 *           | "(" expr ")"
 *   relop   = "<" | "<=" | ">" | ">=" | "==" | "!="
 *   operand = question-id | literal
 *   literal = number [unit] | "true" | "false" | name
 * A bare question id of type bool is a condition by itself. Exactly one side
 * of a comparison is a question; the other is a literal of that question's
 * type (a duration "5m", a size "2TB", an integer, a bool, a level name of
 * that question, compared by declared order, or a set member for contains).
 *
 * expr_parse results belong to the caller (expr_free). The kb is borrowed
 * during parsing only: the tree refers to questions by index.
 */
#ifndef ARCHADVISOR_EXPR_H
#define ARCHADVISOR_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kb.h"
#include "value.h"

enum tv { TV_FALSE = 0, TV_TRUE = 1, TV_UNKNOWN = 2 };

/* Parentheses and "not"s nested deeper than this are an error. */
#define EXPR_MAX_DEPTH	100
/* Longer condition texts are an error. */
#define EXPR_MAX_LEN	65536

struct expr_error {
	size_t	offset;		/* byte offset in the text of the bad token */
	char	msg[256];
};

/*
 * Parses and type-checks text against kb's questions. Returns the tree, or
 * NULL with err filled in (offset of the offending token and a one-line
 * message such as "cannot compare latency (duration) with 'strong'").
 */
struct expr	*expr_parse(const char *text, const struct kb *kb,
		    struct expr_error *err);
void		 expr_free(struct expr *e);

/* Evaluates e; answers is indexed by question index (kb->questions). */
enum tv		 expr_eval(const struct expr *e, const struct value *answers);

/* Sets used[q] = true for every question e reads (used has nquestions). */
void		 expr_questions(const struct expr *e, bool *used);

const char	*tv_name(enum tv v);	/* "true", "false", "unknown" */

/*
 * Inspection (expr_inspect.c), for explanations and what-if analysis.
 * A comparison is one leaf of a condition: a question read and tested.
 */
enum expr_test {
	EXPR_IS,	/* bool answer is num */
	EXPR_LT, EXPR_LE, EXPR_GT, EXPR_GE, EXPR_EQ, EXPR_NE,
	EXPR_IN,	/* answer is one of list[0 .. nlist) */
	EXPR_ANSWERED,	/* any known answer */
	EXPR_CONTAINS,	/* set answer shares a member with bits */
	EXPR_UNANSWERED,	/* num 1: no answer yet; 0: any answer */
};

struct expr_cmp {
	size_t		 question;
	enum expr_test	 test;
	int64_t		 num;
	uint64_t	 bits;
	const int64_t	*list;		/* borrowed from the expression */
	size_t		 nlist;
};

/* Calls fn once for every comparison of e, in the order written. */
void	expr_foreach_cmp(const struct expr *e,
	    void (*fn)(void *arg, const struct expr_cmp *c), void *arg);
/*
 * The truth of one comparison for an answer (unknown if unanswered, but for
 * EXPR_UNANSWERED, which is about just that).
 */
enum tv	expr_cmp_eval(const struct expr_cmp *c, const struct value *v);
/*
 * Writes a comparison as a person reads it ("latency < 5m",
 * "use_cases contains iot") into buf; returns buf.
 */
char	*expr_cmp_format(const struct expr_cmp *c, const struct kb *kb,
	    char *buf, size_t bufsz);

#endif
