/*
 * test_expr: the condition language, accepted and evaluated. Over a small
 * knowledge base built by hand (fixtures.h), each test parses a condition,
 * evaluates it against answers given as text, and checks the three-valued
 * result. test_expr_errors checks the conditions rejected.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "expr.h"
#include "fixtures.h"
#include "kb.h"
#include "xmalloc.h"

static struct value	 answers[FXQ_N];

/* Every test starts with nothing answered. */
static int
clear_answers(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < FXQ_N; i++)
		answers[i] = value_unknown();
	return (0);
}

static void
answer(int q, const char *text)
{
	char	err[256];

	if (value_parse(&fx_kb->questions[q].dom, text, &answers[q], err,
	    sizeof err) != 0)
		fail_msg("answer '%s': %s", text, err);
}

static struct expr *
parse(const char *text)
{
	struct expr_error	 err;
	struct expr		*e;

	e = expr_parse(text, fx_kb, &err);
	if (e == NULL)
		fail_msg("'%s': offset %zu: %s", text, err.offset, err.msg);
	return (e);
}

/* Parses and evaluates text against the current answers. */
static enum tv
ev(const char *text)
{
	struct expr	*e;
	enum tv		 r;

	e = parse(text);
	r = expr_eval(e, answers);
	expr_free(e);
	return (r);
}

#define assert_tv(text, want) do {					\
	enum tv	got_ = ev(text);					\
	if (got_ != (want))						\
		fail_msg("'%s' is %s, expected %s", (text),		\
		    tv_name(got_), tv_name(want));			\
} while (0)

static void
relops_on_duration(void **state)
{
	(void)state;
	answer(FXQ_LATENCY, "10m");
	assert_tv("latency < 15m", TV_TRUE);
	assert_tv("latency < 10m", TV_FALSE);
	assert_tv("latency <= 10m", TV_TRUE);
	assert_tv("latency <= 9m", TV_FALSE);
	assert_tv("latency > 5m", TV_TRUE);
	assert_tv("latency > 10m", TV_FALSE);
	assert_tv("latency >= 600s", TV_TRUE);
	assert_tv("latency >= 1h", TV_FALSE);
	assert_tv("latency == 600s", TV_TRUE);
	assert_tv("latency == 1h", TV_FALSE);
	assert_tv("latency != 1h", TV_TRUE);
	assert_tv("latency != 10m", TV_FALSE);
}

static void
compound_and_decimal_literals(void **state)
{
	(void)state;
	answer(FXQ_LATENCY, "90m");
	assert_tv("latency == 1h30m", TV_TRUE);
	assert_tv("latency == 1.5h", TV_TRUE);
}

static void
relops_on_size(void **state)
{
	(void)state;
	answer(FXQ_VOLUME, "2TB");
	assert_tv("volume >= 1TB", TV_TRUE);
	assert_tv("volume < 500GB", TV_FALSE);
	assert_tv("volume == 2000GB", TV_TRUE);
	assert_tv("volume > 1.5TiB", TV_TRUE);
}

static void
relops_on_integer(void **state)
{
	(void)state;
	answer(FXQ_MATURITY, "3");
	assert_tv("maturity >= 3", TV_TRUE);
	assert_tv("maturity > 3", TV_FALSE);
	assert_tv("maturity != 4", TV_TRUE);
}

static void
bool_question_is_a_condition(void **state)
{
	(void)state;
	answer(FXQ_CENTRAL, "true");
	assert_tv("central_bottleneck", TV_TRUE);
	answer(FXQ_CENTRAL, "false");
	assert_tv("central_bottleneck", TV_FALSE);
}

static void
bool_equality(void **state)
{
	(void)state;
	answer(FXQ_CENTRAL, "false");
	assert_tv("central_bottleneck == false", TV_TRUE);
	assert_tv("central_bottleneck == true", TV_FALSE);
	assert_tv("central_bottleneck != true", TV_TRUE);
	assert_tv("central_bottleneck != false", TV_FALSE);
	assert_tv("true != central_bottleneck", TV_TRUE);
}

static void
level_compared_by_declared_order(void **state)
{
	(void)state;
	answer(FXQ_STREAMING, "some");
	assert_tv("streaming_skills >= some", TV_TRUE);
	assert_tv("streaming_skills > none", TV_TRUE);
	assert_tv("streaming_skills < strong", TV_TRUE);
	assert_tv("streaming_skills >= strong", TV_FALSE);
	assert_tv("streaming_skills == some", TV_TRUE);
	assert_tv("streaming_skills != some", TV_FALSE);
	answer(FXQ_STREAMING, "strong");
	assert_tv("streaming_skills > some", TV_TRUE);
}

static void
in_list(void **state)
{
	(void)state;
	answer(FXQ_LATENCY, "10m");
	answer(FXQ_STREAMING, "some");
	answer(FXQ_MATURITY, "2");
	assert_tv("latency in [5m, 10m]", TV_TRUE);
	assert_tv("latency in [5m, 1h, 1d]", TV_FALSE);
	assert_tv("latency in [600s]", TV_TRUE);
	assert_tv("streaming_skills in [some, strong]", TV_TRUE);
	assert_tv("streaming_skills in [none]", TV_FALSE);
	assert_tv("maturity in [1, 2]", TV_TRUE);
	assert_tv("maturity in [3,4,5]", TV_FALSE);
}

static void
in_list_of_bools(void **state)
{
	(void)state;
	answer(FXQ_CENTRAL, "true");
	assert_tv("central_bottleneck in [true]", TV_TRUE);
	assert_tv("central_bottleneck in [false]", TV_FALSE);
	assert_tv("central_bottleneck in [false, true]", TV_TRUE);
	answers[FXQ_CENTRAL] = value_unknown();
	assert_tv("central_bottleneck in [false, true]", TV_UNKNOWN);
}

/*
 * "unknown" is the answer not given: testing for it is never unknown, so
 * a rule can stand in for a question nobody answered and stand down once
 * anybody has, whatever the answer.
 */
static void
unknown_is_the_answer_not_given(void **state)
{
	(void)state;
	assert_tv("central_bottleneck == unknown", TV_TRUE);
	assert_tv("central_bottleneck != unknown", TV_FALSE);
	assert_tv("unknown == latency", TV_TRUE);
	assert_tv("use_cases == unknown", TV_TRUE);
	assert_tv("all_realtime and central_bottleneck == unknown",
	    TV_UNKNOWN);
	answer(FXQ_REALTIME, "true");
	assert_tv("all_realtime and central_bottleneck == unknown",
	    TV_TRUE);
	answer(FXQ_CENTRAL, "false");
	assert_tv("central_bottleneck == unknown", TV_FALSE);
	assert_tv("central_bottleneck != unknown", TV_TRUE);
	assert_tv("not central_bottleneck == unknown", TV_TRUE);
	assert_tv("all_realtime and central_bottleneck == unknown",
	    TV_FALSE);
	answer(FXQ_USE_CASES, "[]");
	assert_tv("use_cases != unknown", TV_TRUE);
}

static void
contains_member(void **state)
{
	(void)state;
	answer(FXQ_USE_CASES, "[reporting, fraud_detection]");
	assert_tv("use_cases contains fraud_detection", TV_TRUE);
	assert_tv("use_cases contains reporting", TV_TRUE);
	assert_tv("use_cases contains iot", TV_FALSE);
	answer(FXQ_USE_CASES, "[]");
	assert_tv("use_cases contains iot", TV_FALSE);
}

static void
literal_on_left_is_flipped(void **state)
{
	(void)state;
	answer(FXQ_LATENCY, "10m");
	assert_tv("5m < latency", TV_TRUE);
	assert_tv("5m > latency", TV_FALSE);
	assert_tv("10m <= latency", TV_TRUE);
	assert_tv("10m >= latency", TV_TRUE);
	assert_tv("11m >= latency", TV_TRUE);
	assert_tv("11m <= latency", TV_FALSE);
	assert_tv("10m == latency", TV_TRUE);
	assert_tv("10m != latency", TV_FALSE);
	answer(FXQ_STREAMING, "none");
	assert_tv("some > streaming_skills", TV_TRUE);
}

static void
not_binds_tighter_than_and(void **state)
{
	(void)state;
	/* (not F) and F = F, whereas not (F and F) would be T. */
	answer(FXQ_CENTRAL, "false");
	answer(FXQ_EVENT, "false");
	assert_tv("not central_bottleneck and event_driven", TV_FALSE);
	assert_tv("not (central_bottleneck and event_driven)", TV_TRUE);
}

static void
and_binds_tighter_than_or(void **state)
{
	(void)state;
	/* T or (F and F) = T, whereas (T or F) and F would be F. */
	answer(FXQ_CENTRAL, "true");
	answer(FXQ_EVENT, "false");
	answer(FXQ_REALTIME, "false");
	assert_tv("central_bottleneck or event_driven and all_realtime",
	    TV_TRUE);
	assert_tv("(central_bottleneck or event_driven) and all_realtime",
	    TV_FALSE);
	/* (F and F) or T: the "and" on the left binds first too. */
	assert_tv("event_driven and all_realtime or central_bottleneck",
	    TV_TRUE);
}

static void
not_applies_to_comparison(void **state)
{
	(void)state;
	answer(FXQ_LATENCY, "10m");
	assert_tv("not latency < 5m", TV_TRUE);
	assert_tv("not not latency < 5m", TV_FALSE);
}

static void
parentheses_nest(void **state)
{
	(void)state;
	answer(FXQ_CENTRAL, "true");
	answer(FXQ_EVENT, "false");
	answer(FXQ_REALTIME, "true");
	assert_tv("((central_bottleneck))", TV_TRUE);
	assert_tv("(central_bottleneck and (event_driven or all_realtime))",
	    TV_TRUE);
	assert_tv("not (event_driven or (not all_realtime))", TV_TRUE);
}

static void
mixed_condition(void **state)
{
	(void)state;
	answer(FXQ_LATENCY, "30s");
	answer(FXQ_VOLUME, "5PB");
	answer(FXQ_STREAMING, "strong");
	answer(FXQ_USE_CASES, "iot");
	assert_tv("latency < 5m and volume >= 1PB and "
	    "(streaming_skills >= some or use_cases contains fraud_detection)",
	    TV_TRUE);
}

static void
whitespace_and_newlines(void **state)
{
	(void)state;
	answer(FXQ_LATENCY, "10m");
	assert_tv("\tlatency<15m\n and\r\nlatency>1m ", TV_TRUE);
}

/* Sets bool question q to T, F or U. */
static void
set_tv(int q, enum tv v)
{
	if (v == TV_UNKNOWN)
		answers[q] = value_unknown();
	else
		answer(q, v == TV_TRUE ? "true" : "false");
}

static void
truth_table_and(void **state)
{
	static const enum tv want[3][3] = {
		/* F */		{ TV_FALSE, TV_FALSE, TV_FALSE },
		/* T */		{ TV_FALSE, TV_TRUE, TV_UNKNOWN },
		/* U */		{ TV_FALSE, TV_UNKNOWN, TV_UNKNOWN },
	};
	struct expr	*e;
	int		 a, b;

	(void)state;
	e = parse("central_bottleneck and event_driven");
	for (a = 0; a < 3; a++) {
		for (b = 0; b < 3; b++) {
			set_tv(FXQ_CENTRAL, (enum tv)a);
			set_tv(FXQ_EVENT, (enum tv)b);
			assert_int_equal(expr_eval(e, answers), want[a][b]);
		}
	}
	expr_free(e);
}

static void
truth_table_or(void **state)
{
	static const enum tv want[3][3] = {
		/* F */		{ TV_FALSE, TV_TRUE, TV_UNKNOWN },
		/* T */		{ TV_TRUE, TV_TRUE, TV_TRUE },
		/* U */		{ TV_UNKNOWN, TV_TRUE, TV_UNKNOWN },
	};
	struct expr	*e;
	int		 a, b;

	(void)state;
	e = parse("central_bottleneck or event_driven");
	for (a = 0; a < 3; a++) {
		for (b = 0; b < 3; b++) {
			set_tv(FXQ_CENTRAL, (enum tv)a);
			set_tv(FXQ_EVENT, (enum tv)b);
			assert_int_equal(expr_eval(e, answers), want[a][b]);
		}
	}
	expr_free(e);
}

static void
truth_table_not(void **state)
{
	(void)state;
	set_tv(FXQ_CENTRAL, TV_TRUE);
	assert_tv("not central_bottleneck", TV_FALSE);
	set_tv(FXQ_CENTRAL, TV_FALSE);
	assert_tv("not central_bottleneck", TV_TRUE);
	set_tv(FXQ_CENTRAL, TV_UNKNOWN);
	assert_tv("not central_bottleneck", TV_UNKNOWN);
}

static void
unknown_and_false_is_false(void **state)
{
	(void)state;
	answer(FXQ_MATURITY, "1");
	assert_tv("latency < 5m and maturity > 3", TV_FALSE);
	assert_tv("maturity > 3 and latency < 5m", TV_FALSE);
}

static void
unknown_or_true_is_true(void **state)
{
	(void)state;
	answer(FXQ_MATURITY, "4");
	assert_tv("latency < 5m or maturity > 3", TV_TRUE);
	assert_tv("maturity > 3 or latency < 5m", TV_TRUE);
}

static void
unknown_answer_makes_comparison_unknown(void **state)
{
	(void)state;
	assert_tv("latency < 5m", TV_UNKNOWN);
	assert_tv("5m > latency", TV_UNKNOWN);
	assert_tv("volume != 1TB", TV_UNKNOWN);
	assert_tv("maturity in [1, 2]", TV_UNKNOWN);
	assert_tv("central_bottleneck", TV_UNKNOWN);
	assert_tv("central_bottleneck == false", TV_UNKNOWN);
	assert_tv("streaming_skills >= some", TV_UNKNOWN);
	assert_tv("use_cases contains iot", TV_UNKNOWN);
	assert_tv("not use_cases contains iot", TV_UNKNOWN);
}

static void
long_or_chain(void **state)
{
	struct expr	*e;
	char		*text;
	size_t		 i, len;
	const char	*term = "maturity == 9 or ";

	(void)state;
	/* 3000 terms: n-ary nodes keep evaluation off a deep stack. */
	len = 3000 * strlen(term) + 32;
	text = xcalloc(1, len);
	for (i = 0; i < 3000; i++)
		strcat(text, term);
	strcat(text, "maturity == 2");
	e = parse(text);
	answer(FXQ_MATURITY, "2");
	assert_int_equal(expr_eval(e, answers), TV_TRUE);
	answer(FXQ_MATURITY, "3");
	assert_int_equal(expr_eval(e, answers), TV_FALSE);
	expr_free(e);
	free(text);
}

/* depth "(" around a bool question, then as many ")". */
static char *
nested(int depth)
{
	char	*s;
	int	 i;

	s = xcalloc(1, (size_t)depth * 2 + 32);
	for (i = 0; i < depth; i++)
		strcat(s, "(");
	strcat(s, "central_bottleneck");
	for (i = 0; i < depth; i++)
		strcat(s, ")");
	return (s);
}

static void
nesting_up_to_the_limit(void **state)
{
	char	*s;

	(void)state;
	answer(FXQ_CENTRAL, "true");
	s = nested(EXPR_MAX_DEPTH);
	assert_tv(s, TV_TRUE);
	free(s);
}

static void
nesting_too_deep(void **state)
{
	char	*s;
	size_t	 i;

	(void)state;
	s = nested(EXPR_MAX_DEPTH + 1);
	fx_expr_rejects(fx_kb, s, EXPR_MAX_DEPTH,
	    "expression nested too deeply");
	free(s);
	s = xcalloc(1, 4 * (EXPR_MAX_DEPTH + 1) + 32);
	for (i = 0; i < EXPR_MAX_DEPTH + 1; i++)
		strcat(s, "not ");
	strcat(s, "central_bottleneck");
	fx_expr_rejects(fx_kb, s, 4 * EXPR_MAX_DEPTH,
	    "expression nested too deeply");
	free(s);
}

static void
questions_used(void **state)
{
	struct expr	*e;
	bool		 used[FXQ_N];

	(void)state;
	memset(used, 0, sizeof used);
	e = parse("latency < 5m or (not central_bottleneck and "
	    "use_cases contains iot) or maturity in [1, 2]");
	expr_questions(e, used);
	assert_true(used[FXQ_LATENCY]);
	assert_true(used[FXQ_CENTRAL]);
	assert_true(used[FXQ_USE_CASES]);
	assert_true(used[FXQ_MATURITY]);
	assert_false(used[FXQ_VOLUME]);
	assert_false(used[FXQ_EVENT]);
	assert_false(used[FXQ_STREAMING]);
	expr_free(e);
}

static void
tv_names(void **state)
{
	(void)state;
	assert_string_equal(tv_name(TV_TRUE), "true");
	assert_string_equal(tv_name(TV_FALSE), "false");
	assert_string_equal(tv_name(TV_UNKNOWN), "unknown");
}

static void
free_null(void **state)
{
	(void)state;
	expr_free(NULL);
}

#define T(f) cmocka_unit_test_setup(f, clear_answers)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(relops_on_duration),
		T(compound_and_decimal_literals),
		T(relops_on_size),
		T(relops_on_integer),
		T(bool_question_is_a_condition),
		T(bool_equality),
		T(level_compared_by_declared_order),
		T(in_list),
		T(in_list_of_bools),
		T(unknown_is_the_answer_not_given),
		T(contains_member),
		T(literal_on_left_is_flipped),
		T(not_binds_tighter_than_and),
		T(and_binds_tighter_than_or),
		T(not_applies_to_comparison),
		T(parentheses_nest),
		T(mixed_condition),
		T(whitespace_and_newlines),
		T(truth_table_and),
		T(truth_table_or),
		T(truth_table_not),
		T(unknown_and_false_is_false),
		T(unknown_or_true_is_true),
		T(unknown_answer_makes_comparison_unknown),
		T(long_or_chain),
		T(nesting_up_to_the_limit),
		T(nesting_too_deep),
		T(questions_used),
		T(tv_names),
		T(free_null),
	};

	return (cmocka_run_group_tests_name("expr", tests, fx_setup_expr,
	    fx_teardown_kb));
}
