/*
 * lint: the knowledge-base warnings of `archadvisor check` (see lint.h).
 * Conditions are examined through their comparisons (expr_foreach_cmp):
 * the answers worth trying for a question are the thresholds its
 * comparisons use and the values one unit either side, every level and
 * bool, and every combination of the set members tested (candidates.h).
 */
#include "lint.h"
#include "lint_impl.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "candidates.h"
#include "engine.h"
#include "expr.h"
#include "words.h"
#include "xmalloc.h"

/* The comparisons that read one question. */
struct cmplist {
	struct expr_cmp	*c;
	size_t		 n, cap;
};

static void
collect(void *arg, const struct expr_cmp *c)
{
	struct cmplist	*t = &((struct cmplist *)arg)[c->question];

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->c = xreallocarray(t->c, t->cap, sizeof *t->c);
	}
	t->c[t->n++] = *c;
}

/*
 * q's candidates, and no answer at all when a condition asks whether it is
 * unknown: a rule that fires only then can still fire.
 */
static void
lint_candidates(const struct question *q, const struct cmplist *t,
    struct candidates *out)
{
	size_t	i;

	candidates_for(q, t->c, t->n, out);
	for (i = 0; i < t->n; i++) {
		if (t->c[i].test == EXPR_UNANSWERED) {
			candidates_push(out, value_unknown());
			return;
		}
	}
}

static void
cmplists_free(struct cmplist *t, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(t[i].c);
	free(t);
}

/*
 * Calls visit on every combination of the answers worth trying for the
 * questions the conditions in ex read (the others unknown). Returns 1 as
 * soon as visit does, 0 when none did, -1 if there are too many.
 */
static int
enumerate(const struct kb *kb, const struct expr *const *ex, size_t nex,
    int (*visit)(void *, const struct value *), void *arg)
{
	struct cmplist	*t;
	struct candidates	*vs;
	struct value	*ans;
	size_t		*qs, *idx, nq = 0, i, k;
	double		 combos = 1;
	int		 rc = 0;

	t = xcalloc(kb->nquestions + 1, sizeof *t);
	for (i = 0; i < nex; i++)
		expr_foreach_cmp(ex[i], collect, t);
	vs = xcalloc(kb->nquestions + 1, sizeof *vs);
	qs = xcalloc(kb->nquestions + 1, sizeof *qs);
	idx = xcalloc(kb->nquestions + 1, sizeof *idx);
	ans = xcalloc(kb->nquestions + 1, sizeof *ans);
	for (i = 0; i < kb->nquestions; i++) {
		ans[i] = value_unknown();
		if (t[i].n == 0)
			continue;
		lint_candidates(&kb->questions[i], &t[i], &vs[nq]);
		combos *= (double)(vs[nq].n ? vs[nq].n : 1);
		qs[nq++] = i;
	}
	if (combos > LINT_MAX_COMBOS) {
		rc = -1;
		goto out;
	}
	for (;;) {
		for (k = 0; k < nq; k++)
			ans[qs[k]] = vs[k].v[idx[k]];
		if (visit(arg, ans)) {
			rc = 1;
			break;
		}
		for (k = 0; k < nq; k++) {
			if (++idx[k] < vs[k].n)
				break;
			idx[k] = 0;
		}
		if (k == nq)
			break;
	}
out:
	for (i = 0; i < nq; i++)
		free(vs[i].v);
	free(vs);
	free(qs);
	free(idx);
	free(ans);
	cmplists_free(t, kb->nquestions + 1);
	return (rc);
}

static int
visit_true(void *arg, const struct value *ans)
{
	return (expr_eval(arg, ans) == TV_TRUE);
}

struct pair {
	const struct expr	*a, *b;
};

static int
visit_differs(void *arg, const struct value *ans)
{
	const struct pair	*p = arg;

	return (expr_eval(p->a, ans) != expr_eval(p->b, ans));
}

void
lint_warn(struct diag *d, const struct srcloc *l, const char *fmt, ...)
{
	va_list	ap;
	char	buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	diag_add(d, DIAG_WARNING, l->file, l->line, l->col, "%s", buf);
}

static void
never_fires(const struct kb *kb, struct diag *d)
{
	const struct rule	*r;
	size_t			 i;

	for (i = 0; i < kb->nrules; i++) {
		r = &kb->rules[i];
		if (enumerate(kb, (const struct expr *const *)&r->when, 1,
		    visit_true, (void *)(uintptr_t)r->when) == 0)
			lint_warn(d, &r->loc, "rule '%s' can never fire: no answers "
			    "make '%s' true", r->id, r->when_text);
	}
}

/* The same effects, in any order. */
static bool
same_effects(const struct rule *a, const struct rule *b)
{
	size_t	i, j;

	if (a->neffects != b->neffects)
		return (false);
	for (i = 0; i < a->neffects; i++) {
		for (j = 0; j < b->neffects; j++)
			if (a->effects[i].pattern == b->effects[j].pattern &&
			    a->effects[i].veto == b->effects[j].veto &&
			    a->effects[i].weight == b->effects[j].weight)
				break;
		if (j == b->neffects)
			return (false);
	}
	return (true);
}

/*
 * A signature of a rule's effects, in any order, and of the questions its
 * condition reads: rules that can duplicate each other share it.
 */
static uint64_t
rule_signature(const struct kb *kb, const struct rule *r, bool *used)
{
	uint64_t	sig = 0, e, w;
	size_t		i;

	for (i = 0; i < r->neffects; i++) {
		memcpy(&w, &r->effects[i].weight, sizeof w);
		e = ((uint64_t)r->effects[i].pattern * 0x9e3779b97f4a7c15ULL) ^
		    (w * 0xbf58476d1ce4e5b9ULL) ^ (r->effects[i].veto ? 1 :
		    0) ^ (r->effects[i].stretch ? 2 : 0);
		sig += e ^ (e >> 29);	/* a sum: the order does not count */
	}
	memset(used, 0, kb->nquestions * sizeof *used);
	expr_questions(r->when, used);
	for (i = 0; i < kb->nquestions; i++)
		if (used[i])
			sig ^= ((uint64_t)i + 1) * 0x94d049bb133111ebULL;
	return (sig);
}

struct sig_rule {
	uint64_t	sig;
	size_t		rule;
};

static int
sig_cmp(const void *va, const void *vb)
{
	const struct sig_rule	*a = va, *b = vb;

	if (a->sig != b->sig)
		return (a->sig < b->sig ? -1 : 1);
	return (a->rule < b->rule ? -1 : a->rule > b->rule);
}

/* Earlier rules of the same signature each rule is compared with: enough
   for any knowledge base written by hand, and linear for any other. */
#define DUP_COMPARE_MAX	16

static void
duplicates(const struct kb *kb, struct diag *d)
{
	const struct rule	*a, *b;
	const struct expr	*ex[2];
	struct sig_rule		*sr;
	struct pair		 p;
	bool			*used;
	size_t			*twin, i, j, k, first;

	sr = xcalloc(kb->nrules + 1, sizeof *sr);
	used = xcalloc(kb->nquestions + 1, sizeof *used);
	twin = xcalloc(kb->nrules + 1, sizeof *twin);
	for (i = 0; i < kb->nrules; i++) {
		sr[i].sig = rule_signature(kb, &kb->rules[i], used);
		sr[i].rule = i;
		twin[i] = SIZE_MAX;
	}
	/* Buckets of one signature, each in rule order. */
	qsort(sr, kb->nrules, sizeof *sr, sig_cmp);
	for (k = 0, first = 0; k < kb->nrules; k++) {
		if (k > 0 && sr[k].sig != sr[k - 1].sig)
			first = k;
		b = &kb->rules[sr[k].rule];
		for (j = k; j > first && k - j < DUP_COMPARE_MAX; j--) {
			a = &kb->rules[sr[j - 1].rule];
			if (!same_effects(a, b))
				continue;
			ex[0] = p.a = a->when;
			ex[1] = p.b = b->when;
			if (enumerate(kb, ex, 2, visit_differs, &p) != 0)
				continue;
			twin[sr[k].rule] = sr[j - 1].rule;
			break;
		}
	}
	for (i = 0; i < kb->nrules; i++) {
		if (twin[i] == SIZE_MAX)
			continue;
		a = &kb->rules[twin[i]];
		b = &kb->rules[i];
		lint_warn(d, &b->loc, "rule '%s' duplicates rule '%s' (%s:%d:%d): "
		    "the same effects, and its condition holds for exactly the "
		    "same answers", b->id, a->id, a->loc.file, a->loc.line,
		    a->loc.col);
	}
	free(twin);
	free(used);
	free(sr);
}

static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (*s);
}

/* How far pattern p is from first place: higher is closer. */
static double
closeness(const struct kb *kb, const struct ranking *r, size_t p)
{
	double	best = -HUGE_VAL;
	size_t	i;

	if (r->scores[p].vetoed)
		return (-1e9);
	if (kb->patterns[p].kind == PATTERN_ORGANIZATION)
		return (r->scores[p].evidence);
	for (i = 0; i < r->npatterns; i++)
		if (i != p && kb->patterns[i].kind == PATTERN_PROCESSING &&
		    !r->scores[i].vetoed && r->scores[i].evidence > best)
			best = r->scores[i].evidence;
	return (best == -HUGE_VAL ? 1e9 : r->scores[p].evidence - best);
}

static bool
is_first(const struct kb *kb, const struct ranking *r, size_t p)
{
	if (kb->patterns[p].kind == PATTERN_ORGANIZATION)
		return (r->organization == (int)p);
	return (r->processing == (int)p);
}

/*
 * Coordinate ascent from ans: each question in turn takes the answer (or
 * "unknown") that brings p closest to first place, until nothing improves.
 */
static bool
climb(const struct kb *kb, size_t p, const struct candidates *cands,
    struct ranking *r, struct value *ans, size_t *budget)
{
	struct value	keep;
	double		best, c;
	size_t		q, k, pass;
	bool		improved = true;

	if (*budget == 0)
		return (false);
	(*budget)--;
	engine_rank(kb, ans, r);
	if (is_first(kb, r, p))
		return (true);
	best = closeness(kb, r, p);
	for (pass = 0; pass < 8 && improved; pass++) {
		improved = false;
		for (q = 0; q < kb->nquestions; q++) {
			keep = ans[q];
			for (k = 0; k <= cands[q].n; k++) {
				if (*budget == 0)
					return (false);
				(*budget)--;
				ans[q] = k < cands[q].n ? cands[q].v[k] :
				    value_unknown();
				engine_rank(kb, ans, r);
				if (is_first(kb, r, p))
					return (true);
				if ((c = closeness(kb, r, p)) > best + 1e-9) {
					best = c;
					keep = ans[q];
					improved = true;
				}
			}
			ans[q] = keep;
		}
	}
	return (false);
}

/*
 * At most LINT_CANDIDATES_MAX answers of a question for the search, spread
 * evenly over its sorted candidates (the extremes kept): a question that a
 * thousand rules compare with a thousand thresholds must not make the
 * search quadratic in the rules.
 */
static void
thin(struct candidates *c)
{
	size_t	i, n = c->n;

	if (n <= LINT_CANDIDATES_MAX)
		return;
	for (i = 0; i < LINT_CANDIDATES_MAX; i++)
		c->v[i] = c->v[i * (n - 1) / (LINT_CANDIDATES_MAX - 1)];
	c->n = LINT_CANDIDATES_MAX;
}

static void
never_first(const struct kb *kb, struct diag *d)
{
	struct cmplist	*t;
	struct candidates	*cands;
	struct value	*ans;
	struct ranking	*r;
	uint64_t	 seed = 0x9e3779b97f4a7c15ULL;
	size_t		 i, p, q, s, budget;
	bool		 found;

	t = xcalloc(kb->nquestions + 1, sizeof *t);
	for (i = 0; i < kb->nrules; i++)
		expr_foreach_cmp(kb->rules[i].when, collect, t);
	cands = xcalloc(kb->nquestions + 1, sizeof *cands);
	for (q = 0; q < kb->nquestions; q++)
		if (t[q].n > 0) {
			lint_candidates(&kb->questions[q], &t[q], &cands[q]);
			thin(&cands[q]);
		}
	ans = xcalloc(kb->nquestions + 1, sizeof *ans);
	r = ranking_new(kb);
	for (p = 0; p < kb->npatterns; p++) {
		found = false;
		/* Rankings this pattern may spend: a share of a budget in
		   rule evaluations, so that check stays near-linear however
		   many patterns and questions a base has. */
		budget = LINT_RULE_BUDGET / (kb->nrules + 1) / kb->npatterns;
		if (budget < LINT_MIN_RANKS)
			budget = LINT_MIN_RANKS;
		for (s = 0; s <= LINT_STARTS && !found && budget > 0; s++) {
			for (q = 0; q < kb->nquestions; q++) {
				ans[q] = value_unknown();
				if (s > 0 && cands[q].n > 0 &&
				    next_random(&seed) % 3 != 0)
					ans[q] = cands[q].v[next_random(&seed) %
					    cands[q].n];
			}
			found = climb(kb, p, cands, r, ans, &budget);
		}
		/* Searched in full, not cut short by the budget. */
		if (!found && budget > 0)
			lint_warn(d, &kb->patterns[p].loc, "pattern '%s' never "
			    "comes first: no answers found make it %s",
			    kb->patterns[p].id, kb->patterns[p].kind ==
			    PATTERN_ORGANIZATION ? "reach the organisation "
			    "threshold" : "the recommendation");
	}
	ranking_free(r);
	free(ans);
	for (q = 0; q < kb->nquestions; q++)
		free(cands[q].v);
	free(cands);
	cmplists_free(t, kb->nquestions + 1);
}

static void
unread_questions(const struct kb *kb, struct diag *d)
{
	bool	*used;
	size_t	 i;

	used = xcalloc(kb->nquestions + 1, sizeof *used);
	for (i = 0; i < kb->nrules; i++)
		expr_questions(kb->rules[i].when, used);
	for (i = 0; i < kb->nquestions; i++)
		if (!used[i])
			lint_warn(d, &kb->questions[i].loc, "no rule reads question "
			    "'%s': its answer never changes a score",
			    kb->questions[i].id);
	free(used);
}

static void
outweighs(const struct kb *kb, struct diag *d)
{
	const struct effect	*e;
	double			*total;
	size_t			*count, i, j;

	total = xcalloc(kb->npatterns + 1, sizeof *total);
	count = xcalloc(kb->npatterns + 1, sizeof *count);
	for (i = 0; i < kb->nrules; i++)
		for (j = 0; j < kb->rules[i].neffects; j++) {
			e = &kb->rules[i].effects[j];
			if (!e->veto) {
				total[e->pattern] += fabs(e->weight);
				count[e->pattern]++;
			}
		}
	for (i = 0; i < kb->nrules; i++)
		for (j = 0; j < kb->rules[i].neffects; j++) {
			e = &kb->rules[i].effects[j];
			if (e->veto || count[e->pattern] < 2 ||
			    fabs(e->weight) <= total[e->pattern] -
			    fabs(e->weight))
				continue;
			lint_warn(d, &kb->rules[i].loc, "rule '%s' outweighs every "
			    "other rule on '%s' together (%g against %g): the "
			    "others can never turn that pattern round",
			    kb->rules[i].id, kb->patterns[e->pattern].id,
			    fabs(e->weight), total[e->pattern] -
			    fabs(e->weight));
		}
	free(total);
	free(count);
}

static const struct kb	*sort_kb;

static size_t
file_order(const char *f)
{
	size_t	i;

	for (i = 0; f != NULL && i < sort_kb->files.n; i++)
		if (strcmp(sort_kb->files.items[i], f) == 0)
			return (i);
	return ((size_t)-1);
}

static int
place_cmp(const void *va, const void *vb)
{
	const struct diag_item	*a = va, *b = vb;
	size_t			 fa = file_order(a->file);
	size_t			 fb = file_order(b->file);

	if (fa != fb)
		return (fa < fb ? -1 : 1);
	if (a->line != b->line)
		return (a->line < b->line ? -1 : 1);
	if (a->col != b->col)
		return (a->col < b->col ? -1 : 1);
	return (strcmp(a->msg, b->msg));
}

void
lint_kb(const struct kb *kb, long today, struct diag *d)
{
	size_t	start = d->n;

	never_fires(kb, d);
	duplicates(kb, d);
	never_first(kb, d);
	unread_questions(kb, d);
	outweighs(kb, d);
	lint_records(kb, today, d);
	words_lint(kb, d);
	/* qsort is not stable: equal places keep no order, so break ties. */
	sort_kb = kb;
	if (d->n - start > 1)
		qsort(d->items + start, d->n - start, sizeof *d->items,
		    place_cmp);
	sort_kb = NULL;
}
