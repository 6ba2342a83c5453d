/*
 * advice: everything the engine concludes about one scenario, built once
 * and only printed by the writers: the ranking (with the recommendation,
 * close call and organisation decision), the what-if analysis, the nearest
 * precedents and the decision drivers (the answers that moved the
 * ranking). Front ends choose the parts they need; the TUI refreshes the
 * same object after every answer.
 *
 * advice_init allocates; advice_update computes the chosen parts for a
 * set of answers (borrowed until the next update); advice_free releases.
 * Nothing here prints.
 */
#ifndef ARCHADVISOR_ADVICE_H
#define ARCHADVISOR_ADVICE_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"
#include "kb.h"
#include "precedent.h"
#include "value.h"
#include "whatif.h"

/* The parts advice_update computes besides the ranking. */
#define ADVICE_WHATIF		0x1u	/* sensitivity, robustness, next */
#define ADVICE_PRECEDENTS	0x2u	/* the nearest public cases */
#define ADVICE_DRIVERS		0x4u	/* the answers that moved it */
#define ADVICE_ALL		0x7u

/* How many nearest precedents a report shows by default. */
#define ADVICE_NPRECEDENTS	3

/*
 * An answered question read by at least one rule that fired with an
 * effect. effect and veto are indexed by pattern: the net weight those
 * rules gave each pattern, and whether one vetoed it.
 */
struct advice_driver {
	size_t	 question;
	double	 weight;	/* sum of |weight| of those rules' effects */
	size_t	 nvetoes;
	double	*effect;
	bool	*veto;
};

struct advice {
	const struct kb		*kb;
	unsigned		 parts;
	const struct value	*answers;	/* of the last update */
	struct ranking		*ranking;
	size_t			*listed;	/* pattern indexes as people are
						   shown them: the processing
						   ranking, then apart from it
						   the organisation patterns,
						   each best first */
	size_t			 nprocessing;	/* how many of listed are
						   processing patterns */
	struct whatif		 whatif;	/* if ADVICE_WHATIF */
	bool			 has_whatif;
	struct precedent_match	*precedents;	/* nearest first */
	size_t			 nprecedents;
	size_t			 maxprecedents;
	struct advice_driver	*drivers;	/* most decisive first */
	size_t			 ndrivers;
};

/*
 * Where pattern p stands in a->listed (0-based): below a->nprocessing its
 * rank among the processing patterns, else among the organisation ones.
 */
size_t	advice_place(const struct advice *a, size_t p);

/* maxprecedents: how many nearest cases to keep (ADVICE_PRECEDENTS). */
void	advice_init(struct advice *a, const struct kb *kb, unsigned parts,
	    size_t maxprecedents);
void	advice_update(struct advice *a, const struct value *answers);
void	advice_free(struct advice *a);

/*
 * Every precedent of kb run through the engine (precedents --agreement):
 * cases[i] for kb->precedents[i], and the figures of the tuning and check
 * sets.
 */
struct agreement_run {
	struct precedent_agreement	*cases;
	size_t				 ncases;
	struct agreement_summary	 sum;
};

void	agreement_run(const struct kb *kb, struct agreement_run *run);
void	agreement_run_free(struct agreement_run *run);

#endif
