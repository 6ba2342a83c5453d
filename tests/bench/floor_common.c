/*
 * floor_common: the part of the floor that is the same for every
 * knowledge base: first place, the best two processing patterns and the
 * organisation, by the engine's order (tier: meets every requirement, at
 * a stretch, vetoed; then evidence, then knowledge-base order) but without
 * sorting everything; a stretched pattern's score held at the last of its
 * kind that meets every requirement.
 */
#include "floor.h"

#include <math.h>

static int
tier(const struct floor_result *r, int p)
{
	return (r->vetoed[p] ? 2 : r->stretched[p] ? 1 : 0);
}

/* Whether pattern a ranks before pattern b. */
static int
before(const struct floor_result *r, int a, int b)
{
	if (tier(r, a) != tier(r, b))
		return (tier(r, a) < tier(r, b));
	if (r->evidence[a] != r->evidence[b])
		return (r->evidence[a] > r->evidence[b]);
	return (a < b);
}

void
floor_group(double *best, int *set, double w)
{
	if (!*set || fabs(w) > fabs(*best)) {
		*best = w;
		*set = 1;
	}
}

/* The lowest score among the patterns of p's kind that meet every
   requirement and rank before p, or 100. */
static double
stretch_floor(const struct floor_result *r, int p)
{
	double	f = 100.0;
	int	q, n = (int)floor_npatterns;

	for (q = 0; q < n; q++)
		if (floor_kind[q] == floor_kind[p] && tier(r, q) == 0 &&
		    r->score[q] < f)
			f = r->score[q];
	return (f);
}

void
floor_finish(struct floor_result *r)
{
	int	p, n = (int)floor_npatterns, first = -1, second = -1, org = -1;

	for (p = 0; p < n; p++)
		if (r->stretched[p] && !r->vetoed[p] &&
		    r->score[p] > stretch_floor(r, p))
			r->score[p] = stretch_floor(r, p);
	r->top = 0;
	r->organization = -1;
	for (p = 0; p < n; p++) {
		if (before(r, p, r->top))
			r->top = p;
		if (floor_kind[p] == 0) {
			if (first < 0 || before(r, p, first)) {
				second = first;
				first = p;
			} else if (second < 0 || before(r, p, second))
				second = p;
		} else if (org < 0 || before(r, p, org))
			org = p;
	}
	if (org >= 0 && tier(r, org) == 0 &&
	    (r->score[org] >= floor_org_threshold ||
	    (r->org_open && r->evidence[org] > 0)))
		r->organization = org;
	r->processing = -1;
	r->margin = 0;
	if (first >= 0 && !r->vetoed[first]) {
		r->processing = first;
		r->margin = r->score[first] - (second >= 0 ?
		    r->score[second] : 0);
	}
}
