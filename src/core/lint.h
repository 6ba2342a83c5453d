/*
 * lint: warnings about a knowledge base that loads but may not say what
 * its authors meant. Each warning goes to the diag list at the place of the
 * item concerned (file:line:col), sorted by place:
 *
 *   never fires      a rule no answers can make true (latency < 1m and
 *                    latency > 1h): every answer a comparison of the rule
 *                    can tell apart is tried, which is exact
 *   duplicate        a rule with the same effects as an earlier one and a
 *                    condition true for exactly the same answers
 *   never first      a pattern that no answers found bring to first place
 *                    (the recommendation; for an organisation pattern,
 *                    reaching the threshold): a local search over the
 *                    answers the rules can tell apart, from the empty
 *                    scenario and LINT_STARTS fixed-seed random ones, so a
 *                    warning means "none found", not a proof
 *   unread question  a question no rule's condition reads
 *   outweighs        one effect on a pattern larger than all its other
 *                    effects together, so they can never turn it round
 *   stale review     a `reviewed:` date more than two years before today
 *                    (or after it)
 *   unexplained      a precedent whose choice the engine does not
 *                    recommend and whose note is empty
 *   long name        a precedent whose organisation's name would not fit
 *                    on one handout line
 *   same label       two questions, or two values of one question, that
 *                    people would see under the same label (words.h)
 *
 * Nothing here changes the kb; d receives copies of every message.
 */
#ifndef ARCHADVISOR_LINT_H
#define ARCHADVISOR_LINT_H

#include "diag.h"
#include "kb.h"

#define LINT_STARTS		24	/* random starts of the first-place search */
#define LINT_CANDIDATES_MAX	32	/* answers tried per question there */
/* Rule evaluations the whole first-place search may spend (under a second),
   shared by the patterns, but never fewer than LINT_MIN_RANKS rankings
   each; a pattern whose search was cut short by its share is not reported
   (the linter says only what it found). */
#define LINT_RULE_BUDGET	100000000UL
#define LINT_MIN_RANKS		20
#define LINT_MAX_COMBOS		65536	/* answers tried for one condition */

/* Adds kb's warnings to d; today is in days since 1970-01-01. */
void	lint_kb(const struct kb *kb, long today, struct diag *d);

#endif
