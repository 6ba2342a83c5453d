/*
 * test_expr_prog: the compiled program (expr_prog.c) says exactly what the
 * plain evaluator (expr_eval) says: on the knowledge base of awkward
 * conditions of fixtures.h over answers near every threshold, and on the
 * stock knowledge base over random answers; and eval_some sets only the
 * rules it lists. A fixed-seed generator, so a failure reproduces. The
 * engine built on the program is in test_engine_agrees.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine.h"
#include "expr_prog.h"
#include "fixtures.h"
#include "kb_load.h"
#include "xmalloc.h"

static uint64_t	rng = 0x2545F4914F6CDD1DULL;

/* Every rule's compiled value is expr_eval's, for n random answer sets. */
static void
agrees_with_expr_eval(const struct kb *kb, int n)
{
	struct expr_prog	*p;
	struct value		*v;
	uint8_t			*scratch;
	enum tv			*out;
	size_t			 i, r, seen[3] = { 0, 0, 0 };
	int			 k;

	p = expr_prog_new(kb);
	scratch = xcalloc(expr_prog_scratch(p), 1);
	out = xcalloc(kb->nrules, sizeof *out);
	v = xcalloc(kb->nquestions, sizeof *v);
	for (k = 0; k < n; k++) {
		for (i = 0; i < kb->nquestions; i++)
			v[i] = fx_random_value(&rng, &kb->questions[i]);
		expr_prog_eval(p, v, scratch, out);
		for (r = 0; r < kb->nrules; r++) {
			if (out[r] != expr_eval(kb->rules[r].when, v))
				fail_msg("rule %s (%s): compiled %s, expr_eval "
				    "%s", kb->rules[r].id,
				    kb->rules[r].when_text, tv_name(out[r]),
				    tv_name(expr_eval(kb->rules[r].when, v)));
			seen[out[r]]++;
		}
	}
	/* The answers did exercise all three outcomes. */
	assert_true(seen[TV_TRUE] > 0 && seen[TV_FALSE] > 0 &&
	    seen[TV_UNKNOWN] > 0);
	free(v);
	free(out);
	free(scratch);
	expr_prog_free(p);
}

static void
test_awkward_conditions(void **state)
{
	struct kb	*kb = fx_kb_awkward();

	(void)state;
	assert_int_equal(kb->nrules, fx_awkward_nconds);
	agrees_with_expr_eval(kb, 20000);
	kb_free(kb);
}

static void
test_stock_conditions(void **state)
{
	struct kb	*kb = fx_kb_stock();

	(void)state;
	agrees_with_expr_eval(kb, 20000);
	kb_free(kb);
}

/* eval_some sets the listed rules and leaves the others alone. */
static void
test_eval_some(void **state)
{
	struct kb		*kb = fx_kb_awkward();
	struct expr_prog	*p;
	struct value		*v;
	uint8_t			*scratch;
	enum tv			*out;
	size_t			 i, which[2] = { 3, fx_awkward_nconds - 1 };

	(void)state;
	p = expr_prog_new(kb);
	scratch = xcalloc(expr_prog_scratch(p), 1);
	out = xcalloc(kb->nrules, sizeof *out);
	v = xcalloc(kb->nquestions, sizeof *v);
	for (i = 0; i < kb->nquestions; i++)
		v[i] = fx_random_value(&rng, &kb->questions[i]);
	for (i = 0; i < kb->nrules; i++)
		out[i] = (enum tv)7;
	expr_prog_eval_some(p, v, scratch, out, which, 2);
	for (i = 0; i < kb->nrules; i++) {
		if (i == which[0] || i == which[1])
			assert_int_equal(out[i], expr_eval(kb->rules[i].when,
			    v));
		else
			assert_int_equal(out[i], 7);
	}
	free(v);
	free(out);
	free(scratch);
	expr_prog_free(p);
	kb_free(kb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_awkward_conditions),
		cmocka_unit_test(test_stock_conditions),
		cmocka_unit_test(test_eval_some),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
