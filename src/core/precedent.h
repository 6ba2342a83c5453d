/*
 * precedent: how close a scenario is to each public case study of the
 * knowledge base, and whether the engine agrees with what each case chose.
 * Precedents are evidence shown beside a ranking; nothing here changes a
 * score.
 *
 * Similarity. Only questions answered both in the scenario and in the
 * precedent are compared (an unknown on either side is ignored). Each
 * compared question q gives a distance d(q) from 0 (same) to 1 (as far
 * apart as the scale allows):
 *   duration, size   |log10 a - log10 b| / 3, at most 1: three orders of
 *                    magnitude apart (30s vs 1d, 2TB vs 2PB) is as far as
 *                    it gets
 *   integer          |a - b| / (max - min) when the question has both
 *                    bounds (maturity 1..5); otherwise on a log scale,
 *                    |log10 a - log10 b| / 2, at most 1 (domains: 1 vs 100)
 *   level            |i - j| / (levels - 1), by declared order
 *   bool             0 if equal, else 1
 *   set              1 - |A and B| / |A or B| (Jaccard); two empty sets: 0
 * similarity = 1 - mean d(q) over the n compared questions, and the share
 * compared is n over the questions the scenario answered. Precedents are
 * ranked by sum(1 - d(q)) / (n + 2): the similarity shrunk towards zero by
 * two imaginary unlike questions, so that a case matching 8 answers fairly
 * well outranks one matching a single answer exactly. Ties keep knowledge
 * base order. A precedent with nothing to compare is never listed.
 *
 * Agreement. The engine ranks a precedent's situation like any scenario.
 * For a processing pattern, its place is its position among the processing
 * patterns (1 = the recommendation); for an organisation pattern, 1 when
 * the engine recommends it, else its position in the whole ranking.
 * "Top two" is a place of 1 or 2 (never when vetoed). A precedent whose
 * source says the choice went badly (regretted: true) is evidence against
 * it: the engine agrees, first and top two alike, when it does not
 * recommend that pattern.
 */
#ifndef ARCHADVISOR_PRECEDENT_H
#define ARCHADVISOR_PRECEDENT_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"
#include "kb.h"
#include "value.h"

/* Orders of magnitude that make two durations or sizes wholly unlike. */
#define PRECEDENT_LOG_SPAN	VALUE_LOG_SPAN
/* The same for unbounded integers. */
#define PRECEDENT_INT_LOG_SPAN	VALUE_INT_LOG_SPAN
/* Imaginary unlike questions added when ranking (see above). */
#define PRECEDENT_PRIOR		2.0

struct precedent_match {
	size_t	precedent;	/* index in kb->precedents */
	double	similarity;	/* 0..1 over the compared questions */
	size_t	compared;	/* questions answered on both sides */
	size_t	answered;	/* questions the scenario answered */
	double	key;		/* ranking key */
};

/* Distance of two known answers of q: 0 (same) to 1 (unlike); see
 * value_distance. */
double	precedent_distance(const struct question *q, const struct value *a,
	    const struct value *b);

/* Compares answers (indexed like kb->questions) with precedent p. */
void	precedent_compare(const struct kb *kb, const struct value *answers,
	    size_t p, struct precedent_match *m);

/*
 * The precedents nearest to answers, best first: at most max of them, only
 * those with something to compare and, when pattern >= 0, only those that
 * chose that pattern. Fills out (max entries); returns how many.
 */
size_t	precedent_nearest(const struct kb *kb, const struct value *answers,
	    int pattern, struct precedent_match *out, size_t max);

struct precedent_agreement {
	size_t	place;		/* see above; 0 if never ranked */
	bool	first;
	bool	top2;
	bool	clearly_wrong;	/* the engine recommends an option the
				   source makes plainly wrong */
	int	processing;	/* the engine's recommendation */
	int	organization;
};

/* Ranks precedent p's situation into r and says where its choice came. */
void	precedent_agreement(const struct kb *kb, size_t p, struct ranking *r,
	    struct precedent_agreement *out);

/* How often the engine agrees with one set of precedents. */
struct agreement_figures {
	size_t	n, first, top2, clearly_wrong;
};

/* The tuning set, the check set and both together. */
struct agreement_summary {
	struct agreement_figures	tuning, check, all;
};

/* Counts one precedent's agreement into s. */
void	agreement_count(struct agreement_summary *s, const struct precedent *pr,
	    const struct precedent_agreement *ag);

#endif
