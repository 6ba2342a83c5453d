/*
 * workshop: several stakeholders' answers to one knowledge base, read
 * together. For each question: whether they agree. The recommendation
 * under each person's answers. The common ground: the answers nobody
 * contradicts (given by everyone alike, or by some with the others
 * leaving the question open), ranked on their own. Its robustness ranges
 * only over the answers the stakeholders actually gave to the disputed
 * questions, in every combination (a fixed-seed sample past
 * WORKSHOP_MAX_WAYS). And the disagreements that matter: each disputed
 * question settled alone at each answer given to it, on top of the common
 * ground; one that changes the recommendation is on the agenda, ranked by
 * how far the new choice would lead the common ground's.
 *
 * workshop_analyse fills a struct workshop that owns its arrays;
 * workshop_free releases them. The answers are borrowed.
 */
#ifndef ARCHADVISOR_WORKSHOP_H
#define ARCHADVISOR_WORKSHOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kb.h"
#include "value.h"

#define WORKSHOP_MAX_PEOPLE	64	/* bits of a ws_option's mask */
#define WORKSHOP_MAX_WAYS	4096

enum ws_status {
	WS_OPEN,		/* nobody answered */
	WS_SHARED,		/* everyone gave the same answer */
	WS_UNCONTESTED,		/* some answered alike, the others left it
				   open */
	WS_DISPUTED,		/* two answers or more */
};

/* The recommendation under some answers. */
struct ws_outcome {
	int	processing;	/* pattern, or -1: everything ruled out */
	int	organization;	/* pattern, or -1: central */
	bool	org_settled;
	bool	close_call;
	int	runner_up;	/* or -1 */
	double	margin;
	bool	ruled_out_was;	/* for a settled disagreement: the common
				   ground's processing pattern is ruled
				   out under it */
};

/* One distinct answer given to a disputed question, and who gave it. */
struct ws_option {
	struct value		v;
	uint64_t		people;		/* bit i: person i */
	struct ws_outcome	out;		/* common ground + this answer */
	bool			changes;	/* out differs from the common
						   ground's */
	double			lead;		/* points the new choice leads
						   the common ground's by; 0
						   when it does not change */
};

struct ws_question {
	enum ws_status	  status;
	struct ws_option *opts;		/* disputed: each answer given, in
					   the order people gave them */
	size_t		  nopts;
	bool		  matters;	/* some answer alone changes it */
	bool		  jointly;	/* changes it with other disputed
					   answers, in some combination */
	double		  impact;	/* the largest lead of its options */
};

struct workshop {
	size_t			 npeople;
	size_t			 nquestions;
	struct ws_outcome	*people;	/* each person's own */
	struct ws_question	*qs;		/* by question index */
	struct value		*common;	/* the common ground's answers */
	struct ws_outcome	 common_out;
	size_t			 ndisputed;
	size_t			*agenda;	/* disputed questions that
						   matter, most first */
	size_t			 nagenda;
	size_t			*quiet;		/* disputed ones that change
						   nothing alone, kb order */
	size_t			 nquiet;
	size_t			 ways, holds;	/* combinations tried, and
						   those keeping it */
	bool			 exhaustive;
	double			 holds_pct;
};

/*
 * Analyses n stakeholders (answers[i] has kb->nquestions values; 1 <= n <=
 * WORKSHOP_MAX_PEOPLE). Returns 0, or -1 when n is out of range.
 */
int	workshop_analyse(const struct kb *kb, const struct value *const *answers,
	    size_t n, struct workshop *w);
void	workshop_free(struct workshop *w);

/* Whether two outcomes recommend the same processing and organisation. */
bool	ws_outcome_same(const struct ws_outcome *a, const struct ws_outcome *b);

#endif
