/*
 * expr_impl: the compiled form of a condition, shared by the modules that
 * build it (expr_parse.c), evaluate it (expr_eval.c) and inspect it
 * (expr_inspect.c, expr_prog.c). Nothing outside src/core/expr*.c includes
 * this header.
 *
 * A condition is one allocation: the struct expr header, then a flat array
 * of nodes, literal lists and child lists. Questions are indexes and
 * literals are normalised integers (seconds, bytes, level index, member
 * bits), so evaluation never touches a string.
 */
#ifndef ARCHADVISOR_EXPR_IMPL_H
#define ARCHADVISOR_EXPR_IMPL_H

#include <stddef.h>
#include <stdint.h>

enum op {
	OP_AND,		/* all of kids[first .. first+count) */
	OP_OR,		/* any of kids[first .. first+count) */
	OP_NOT,		/* of node first */
	/* The rest read answer q and are unknown when it is. */
	OP_BOOL,	/* answer is num (0 or 1) */
	OP_LT,		/* answer < num, and so on */
	OP_LE,
	OP_GT,
	OP_GE,
	OP_EQ,
	OP_NE,
	OP_IN,		/* answer is one of lits[first .. first+count) */
	OP_KNOWN,	/* always true once answered ("b in [true, false]") */
	OP_CONTAINS,	/* answer has a member in bits */
	/* Never unknown: "q == unknown" (num 1) holds while q is unanswered,
	   "q != unknown" (num 0) once it is answered. */
	OP_UNANSWERED,
};

struct enode {
	uint8_t		op;
	uint32_t	q;
	union {
		int64_t		num;
		uint64_t	bits;
		struct {
			uint32_t	first;
			uint32_t	count;
		} list;
	} u;
};

/* One allocation: this header, then nodes, lits and kids. */
struct expr {
	const struct enode	*nodes;
	const int64_t		*lits;
	const uint32_t		*kids;
	size_t			 nnodes, nlits, nkids;
	uint32_t		 root;
};

#endif
