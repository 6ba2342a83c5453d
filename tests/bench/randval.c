/*
 * randval: xorshift64* and answers drawn from the questions' domains.
 */
#include "randval.h"

static uint64_t	rng_state = 1;

/* xorshift64*: small, fast and the same everywhere. */
uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (rng_state * UINT64_C(2685821657736338717));
}

void
rng_seed(uint64_t seed)
{
	rng_state = seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
	if (rng_state == 0)
		rng_state = 1;
}

/* Uniform in [0, n). */
uint64_t
below(uint64_t n)
{
	return (n == 0 ? 0 : rng() % n);
}

double
uniform(void)
{
	return ((double)(rng() >> 11) / 9007199254740992.0);
}

static const int64_t nice_durations[] = { 1, 5, 30, 60, 120, 300, 600, 900,
    1800, 3600, 4 * 3600, 86400, 7 * 86400 };
static const int64_t nice_sizes[] = { INT64_C(500000000),
    INT64_C(50000000000), INT64_C(1000000000000), INT64_C(2000000000000),
    INT64_C(10000000000000), INT64_C(20000000000000),
    INT64_C(100000000000000), INT64_C(5000000000000000) };

/* A value of q's type inside its range, normalised. */
struct value
random_value(const struct question *q)
{
	const struct value_domain	*dom = &q->dom;
	struct value			 v;
	int64_t				 lo, hi, e;

	v.known = true;
	v.num = 0;
	switch (dom->type) {
	case VAL_DURATION:
		if (below(10) < 7)
			v.num = nice_durations[below(NELEM(nice_durations))];
		else
			v.num = 1 + (int64_t)below(30 * 86400);
		break;
	case VAL_SIZE:
		if (below(10) < 7)
			v.num = nice_sizes[below(NELEM(nice_sizes))];
		else {
			v.num = 1 + (int64_t)below(999);
			for (e = 6 + (int64_t)below(10); e > 0; e--)
				v.num *= 10;
		}
		break;
	case VAL_INT:
		lo = dom->has_min ? dom->min : 0;
		hi = dom->has_max ? dom->max : lo + 40;
		v.num = lo + (int64_t)below((uint64_t)(hi - lo + 1));
		return (v);
	case VAL_BOOL:
		v.num = (int64_t)below(2);
		return (v);
	case VAL_LEVEL:
		v.num = (int64_t)below(dom->nnames);
		return (v);
	case VAL_SET:
		v.bits = 0;
		for (e = 0; e < (int64_t)dom->nnames && e < VALUE_SET_MAX; e++)
			if (below(10) < 3)
				v.bits |= UINT64_C(1) << e;
		return (v);
	}
	if (dom->has_min && v.num < dom->min)
		v.num = dom->min;
	if (dom->has_max && v.num > dom->max)
		v.num = dom->max;
	return (v);
}


void
random_answers(const struct kb *kb, double p, struct value *v)
{
	size_t	i;

	for (i = 0; i < kb->nquestions; i++) {
		if (uniform() < p)
			v[i] = random_value(&kb->questions[i]);
		else
			v[i] = value_unknown();
	}
}
