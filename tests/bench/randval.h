/*
 * randval: the benchmark's fixed-seed random numbers and random answers,
 * shared by the generator and the benchmark so that both draw scenarios
 * the same way.
 */
#ifndef ARCHADVISOR_RANDVAL_H
#define ARCHADVISOR_RANDVAL_H

#include <stdint.h>

#include "kb.h"
#include "value.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

void		rng_seed(uint64_t seed);
uint64_t	rng(void);
uint64_t	below(uint64_t n);	/* uniform in [0, n) */
double		uniform(void);		/* uniform in [0, 1) */

/*
 * A value of q's type inside its range: seven times in ten one of the
 * round numbers people write (10m, 2TB), else anywhere.
 */
struct value	random_value(const struct question *q);
/* Fills v (kb->nquestions) answering each question with probability p. */
void		random_answers(const struct kb *kb, double p, struct value *v);

#endif
