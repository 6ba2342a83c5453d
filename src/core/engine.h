/*
 * engine: scores every pattern of a knowledge base for one set of answers
 * and ranks them.
 *
 * Each rule whose condition is true adds its weights to the patterns it
 * names ("evidence"), vetoes them (they cannot meet a requirement) or
 * marks them as meeting a requirement only at a stretch. Rules of one
 * group restate one fact: for each pattern only the strongest fired
 * member of a group counts. A pattern's score is
 *     score = 100 / (1 + exp(-evidence / scale))
 * so no evidence is 50, and each `scale` points of evidence move the odds by
 * a factor of e. A vetoed pattern scores 0 and ranks after all others.
 * Ranking: requirements before preferences. Patterns that meet every
 * stated requirement come first, then those that meet one only at a
 * stretch (whose score is held at or below the last pattern of its kind
 * that meets them all), then the vetoed ones; within a tier by evidence,
 * then by knowledge-base order. Ties and leads within the knowledge
 * base's close_call are flagged, never presented as wins.
 *
 * A ranking is allocated once for a kb (ranking_new) and refilled by each
 * engine_rank call without further allocation; ranking_free releases it.
 * ranking_new also compiles the kb's rules (expr_prog.h) and flattens their
 * effects, so that scoring a scenario takes no branch that depends on the
 * answers; the kb must not change while the ranking is in use.
 */
#ifndef ARCHADVISOR_ENGINE_H
#define ARCHADVISOR_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

#include "expr.h"
#include "kb.h"
#include "value.h"

struct engine_code;

enum fit { FIT_STRONG, FIT_GOOD, FIT_FAIR, FIT_WEAK, FIT_RULED_OUT };

#define FIT_STRONG_FROM	75.0
#define FIT_GOOD_FROM	60.0
#define FIT_FAIR_FROM	40.0

/* A fired rule's contribution to one pattern. */
struct reason {
	size_t	rule;
	double	effect;
};

struct pattern_score {
	size_t		 pattern;
	double		 evidence;	/* sum of fired weights */
	double		 score;		/* 0..100 */
	bool		 vetoed;
	bool		 stretched;	/* meets a requirement only at a
					   stretch */
	enum fit	 fit;
	struct reason	*reasons;	/* counted weighted effects, strongest
					   first (rule order among equals);
					   see sort_reasons */
	size_t		 nreasons;
	size_t		*vetoes;	/* rules that vetoed it */
	size_t		 nvetoes;
	size_t		*stretches;	/* rules that found it stretched */
	size_t		 nstretches;
};

struct ranking {
	size_t			 npatterns;
	struct pattern_score	*scores;	/* by pattern index */
	size_t			*order;		/* pattern indexes, best first */
	enum tv			*conditions;	/* by rule index */
	int			 processing;	/* best processing pattern,
						   or -1 if all are vetoed */
	int			 organization;	/* recommended organisation
						   pattern, or -1: centralised;
						   when not settled, the one the
						   known evidence leans to */
	bool			 org_settled;	/* no question of
						   kb->org_questions is open */
	double			 margin;	/* processing lead over the next */
	int			 runner_up;	/* the next processing pattern,
						   or -1 */
	bool			 close_call;	/* the runner-up is in the same
						   tier and within kb->close_call
						   points */
	bool			 sort_reasons;	/* true (ranking_new's default):
						   reasons strongest first; false
						   leaves them in rule order, for
						   callers that never show them */
	struct engine_code	*code;		/* private (engine.c): the kb's
						   rules compiled for this
						   ranking's scoring */
};

struct ranking	*ranking_new(const struct kb *kb);
void		 ranking_free(struct ranking *r);

/* Scores and ranks kb's patterns for answers (indexed like kb->questions). */
void		 engine_rank(const struct kb *kb, const struct value *answers,
		    struct ranking *r);

/*
 * Like engine_rank, but re-evaluates only the listed rules: the others keep
 * the conditions of the previous call on r. For what-if analysis, where one
 * answer changes and only the rules that read it can change.
 */
void		 engine_rerank(const struct kb *kb, const struct value *answers,
		    struct ranking *r, const size_t *rules, size_t nrules);

double		 engine_score(double evidence, double scale);
enum fit	 engine_fit(double score, bool vetoed);
const char	*fit_name(enum fit f);	/* "strong", ..., "ruled out" */

/*
 * decision.c, for engine.c: fills r's recommendation (processing pattern,
 * margin, runner-up, close call, organisation) from its sorted scores,
 * holding the score of stretched patterns; and the organisation alone,
 * which hangs on which answers are known.
 */
void		 engine_recommend(const struct kb *kb,
		    const struct value *answers, struct ranking *r);
void		 engine_decide_organization(const struct kb *kb,
		    const struct value *answers, struct ranking *r);

/* What a pattern delivers of one requirement question, as ranked in r. */
enum verdict { VERDICT_UNKNOWN, VERDICT_MEETS, VERDICT_STRETCHES,
    VERDICT_MISSES };

/*
 * Pattern p's verdict on requirement question q: unknown when q is
 * unanswered, not a requirement, a yes-or-no one answered no (no need
 * stated), or p is an organisation, else misses (a veto of that requirement
 * fired), stretches (a stretch fired) or meets.
 */
enum verdict	 engine_verdict(const struct kb *kb, const struct ranking *r,
		    const struct value *answers, size_t p, size_t q);
const char	*verdict_name(enum verdict v);	/* "meets", ... */

/*
 * r's patterns as people are shown them, in out (r->npatterns entries):
 * the processing ranking, then apart from it the organisation patterns
 * (decided apart, they combine with any processing pattern), each best
 * first. Returns how many processing patterns come first.
 */
size_t		 ranking_by_kind(const struct kb *kb, const struct ranking *r,
		    size_t *out);

/* The rank (1-based) of a pattern in r. */
size_t		 ranking_rank(const struct ranking *r, size_t pattern);

#endif
