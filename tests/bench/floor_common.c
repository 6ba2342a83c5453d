/*
 * floor_common: the part of the floor that is the same for every
 * knowledge base: first place, the best two processing patterns and the
 * organisation, by the engine's order (not vetoed, then evidence, then
 * knowledge-base order) but without sorting everything.
 */
#include "floor.h"

/* Whether pattern a ranks before pattern b. */
static int
before(const struct floor_result *r, int a, int b)
{
	if (r->vetoed[a] != r->vetoed[b])
		return (!r->vetoed[a]);
	if (r->evidence[a] != r->evidence[b])
		return (r->evidence[a] > r->evidence[b]);
	return (a < b);
}

void
floor_finish(struct floor_result *r)
{
	int	p, n = (int)floor_npatterns, first = -1, second = -1;

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
		} else if (!r->vetoed[p] &&
		    r->score[p] >= floor_org_threshold &&
		    (r->organization < 0 || before(r, p, r->organization)))
			r->organization = p;
	}
	r->processing = -1;
	r->margin = 0;
	if (first >= 0 && !r->vetoed[first]) {
		r->processing = first;
		r->margin = r->score[first] - (second >= 0 ?
		    r->score[second] : 0);
	}
}
