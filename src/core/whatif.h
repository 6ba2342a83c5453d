/*
 * whatif: how fragile is a recommendation? Three analyses over the rules,
 * all by re-running the engine on changed answers (never by sampling a
 * coarse grid where the rules give exact thresholds):
 *
 *   sensitivity   for each answered question, the nearest other answer
 *                 that changes the recommendation (processing pattern or
 *                 organisation); for numbers, found among the values just
 *                 below, at and just above every threshold a rule compares
 *                 that question with, so it is exact to the unit
 *   robustness    the share of the plausible ways the open questions
 *                 could be answered (one answer per outcome the rules can
 *                 tell apart; a way that makes one of the knowledge base's
 *                 implausible combinations true, when the given answers
 *                 alone do not, is left out) in which the recommendation
 *                 stays the same, and apart from it the share in which
 *                 the processing pattern alone stays first (the
 *                 organisation often turns on questions no processing
 *                 answer touches): exhaustive up to WHATIF_MAX_WAYS
 *                 combinations (fewer on a base of more than 200 rules,
 *                 down to WHATIF_MIN_WAYS), beyond that a fixed-seed
 *                 sample of that many. On the way, each open question is tried at its
 *                 other answers in every way examined: one that changes
 *                 the recommendation in any of them is not "irrelevant",
 *                 even if it changes nothing alone.
 *   next          the open questions ranked by how much answering them
 *                 alone could change the recommendation: the share of
 *                 their possible answers that change it, then the mean
 *                 change of the margin
 *
 * "Open questions" are the unanswered ones that would be asked: a question
 * whose ask_if condition is false is skipped by every front end.
 *
 * whatif_analyse fills a struct whatif that owns its arrays;
 * whatif_free releases them.
 */
#ifndef ARCHADVISOR_WHATIF_H
#define ARCHADVISOR_WHATIF_H

#include <stdbool.h>
#include <stddef.h>

#include "kb.h"
#include "value.h"

#define WHATIF_MAX_WAYS	1024
#define WHATIF_MIN_WAYS	32	/* the sample on the largest bases */
/* Re-rankings spent trying each open answer against the others; past it,
   no open question is said to change nothing. */
#define WHATIF_JOINT_BUDGET	60000

struct sensitivity {
	size_t		question;
	struct value	from, to;
	int		processing;	/* the new recommendation */
	int		organization;	/* -1: centralized */
	double		swing;		/* change of the current processing
					   pattern's score at that answer */
};

struct next_question {
	size_t	question;
	double	change_share;	/* 0..1 of its answers change the result */
	double	margin_change;	/* mean |change| of the margin, points */
	bool	jointly;	/* changes it together with other open
				   answers, in some plausible way */
};

struct whatif {
	int			 processing;	/* the current recommendation */
	int			 organization;
	struct sensitivity	*sens;		/* answered questions that can
						   change it, kb order */
	size_t			 nsens;
	size_t			 open;		/* unanswered questions */
	size_t			 ways;		/* plausible combinations
						   examined */
	size_t			 implausible;	/* combinations left out */
	bool			 exhaustive;	/* every combination, not a
						   sample */
	double			 holds_pct;	/* processing and organisation */
	double			 processing_holds_pct;	/* the same
						   processing pattern first */
	struct next_question	*next;		/* every open question, most
						   telling first */
	size_t			 nnext;
	size_t			*deciding;	/* for a close call: answered
						   questions whose nearest
						   change brings the runner-up
						   first, then open ones that
						   could change the result */
	size_t			 ndeciding;
};

void	whatif_analyse(const struct kb *kb, const struct value *answers,
	    struct whatif *w);
void	whatif_free(struct whatif *w);
/* Where q stands among the questions a close call turns on (1 = first),
   or 0 if it is not one of them. */
size_t	whatif_deciding(const struct whatif *w, size_t q);

#endif
