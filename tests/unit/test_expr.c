/*
 * test_expr: the condition language. A small knowledge base is built by hand
 * (one question of each type, three bools for the truth tables); each test
 * parses a condition, evaluates it against answers given as text, and checks
 * the three-valued result, or checks the exact message and byte offset of a
 * rejected condition.
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
#include "kb.h"
#include "xmalloc.h"

enum {
	Q_LATENCY,
	Q_VOLUME,
	Q_MATURITY,
	Q_CENTRAL,
	Q_EVENT,
	Q_REALTIME,
	Q_STREAMING,
	Q_USE_CASES,
	NQ
};

static struct kb	*kb;
static struct value	 answers[NQ];

static void
add_question(enum value_type type, const char *id, const char *names)
{
	struct question	*q;
	char		*copy, *name, *save;

	q = &kb->questions[kb->nquestions++];
	q->id = xstrdup(id);
	q->dom.type = type;
	q->def = value_unknown();
	if (names == NULL)
		return;
	copy = xstrdup(names);
	for (name = strtok_r(copy, " ", &save); name != NULL;
	    name = strtok_r(NULL, " ", &save)) {
		q->dom.names = xreallocarray(q->dom.names, q->dom.nnames + 1,
		    sizeof *q->dom.names);
		q->dom.names[q->dom.nnames++] = xstrdup(name);
	}
	free(copy);
}

static int
setup_kb(void **state)
{
	(void)state;
	kb = kb_new();
	kb->questions = xcalloc(NQ, sizeof *kb->questions);
	add_question(VAL_DURATION, "latency", NULL);
	add_question(VAL_SIZE, "volume", NULL);
	add_question(VAL_INT, "maturity", NULL);
	kb->questions[Q_MATURITY].dom.has_min = true;
	kb->questions[Q_MATURITY].dom.min = 1;
	kb->questions[Q_MATURITY].dom.has_max = true;
	kb->questions[Q_MATURITY].dom.max = 5;
	add_question(VAL_BOOL, "central_bottleneck", NULL);
	add_question(VAL_BOOL, "event_driven", NULL);
	add_question(VAL_BOOL, "all_realtime", NULL);
	add_question(VAL_LEVEL, "streaming_skills", "none some strong");
	add_question(VAL_SET, "use_cases", "reporting iot fraud_detection");
	return (0);
}

static int
teardown_kb(void **state)
{
	(void)state;
	kb_free(kb);
	return (0);
}

/* Every test starts with nothing answered. */
static int
clear_answers(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < NQ; i++)
		answers[i] = value_unknown();
	return (0);
}

static void
answer(int q, const char *text)
{
	char	err[256];

	if (value_parse(&kb->questions[q].dom, text, &answers[q], err,
	    sizeof err) != 0)
		fail_msg("answer '%s': %s", text, err);
}

static struct expr *
parse(const char *text)
{
	struct expr_error	 err;
	struct expr		*e;

	e = expr_parse(text, kb, &err);
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

/* text must be rejected at offset with exactly msg. */
static void
assert_error(const char *text, size_t offset, const char *msg)
{
	struct expr_error	 err;
	struct expr		*e;

	e = expr_parse(text, kb, &err);
	if (e != NULL) {
		expr_free(e);
		fail_msg("'%s' was accepted", text);
	}
	assert_string_equal(err.msg, msg);
	if (err.offset != offset)
		fail_msg("'%s': offset %zu, expected %zu", text, err.offset,
		    offset);
}

static void
relops_on_duration(void **state)
{
	(void)state;
	answer(Q_LATENCY, "10m");
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
	answer(Q_LATENCY, "90m");
	assert_tv("latency == 1h30m", TV_TRUE);
	assert_tv("latency == 1.5h", TV_TRUE);
}

static void
relops_on_size(void **state)
{
	(void)state;
	answer(Q_VOLUME, "2TB");
	assert_tv("volume >= 1TB", TV_TRUE);
	assert_tv("volume < 500GB", TV_FALSE);
	assert_tv("volume == 2000GB", TV_TRUE);
	assert_tv("volume > 1.5TiB", TV_TRUE);
}

static void
relops_on_integer(void **state)
{
	(void)state;
	answer(Q_MATURITY, "3");
	assert_tv("maturity >= 3", TV_TRUE);
	assert_tv("maturity > 3", TV_FALSE);
	assert_tv("maturity != 4", TV_TRUE);
}

static void
bool_question_is_a_condition(void **state)
{
	(void)state;
	answer(Q_CENTRAL, "true");
	assert_tv("central_bottleneck", TV_TRUE);
	answer(Q_CENTRAL, "false");
	assert_tv("central_bottleneck", TV_FALSE);
}

static void
bool_equality(void **state)
{
	(void)state;
	answer(Q_CENTRAL, "false");
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
	answer(Q_STREAMING, "some");
	assert_tv("streaming_skills >= some", TV_TRUE);
	assert_tv("streaming_skills > none", TV_TRUE);
	assert_tv("streaming_skills < strong", TV_TRUE);
	assert_tv("streaming_skills >= strong", TV_FALSE);
	assert_tv("streaming_skills == some", TV_TRUE);
	assert_tv("streaming_skills != some", TV_FALSE);
	answer(Q_STREAMING, "strong");
	assert_tv("streaming_skills > some", TV_TRUE);
}

static void
in_list(void **state)
{
	(void)state;
	answer(Q_LATENCY, "10m");
	answer(Q_STREAMING, "some");
	answer(Q_MATURITY, "2");
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
	answer(Q_CENTRAL, "true");
	assert_tv("central_bottleneck in [true]", TV_TRUE);
	assert_tv("central_bottleneck in [false]", TV_FALSE);
	assert_tv("central_bottleneck in [false, true]", TV_TRUE);
	answers[Q_CENTRAL] = value_unknown();
	assert_tv("central_bottleneck in [false, true]", TV_UNKNOWN);
}

static void
contains_member(void **state)
{
	(void)state;
	answer(Q_USE_CASES, "[reporting, fraud_detection]");
	assert_tv("use_cases contains fraud_detection", TV_TRUE);
	assert_tv("use_cases contains reporting", TV_TRUE);
	assert_tv("use_cases contains iot", TV_FALSE);
	answer(Q_USE_CASES, "[]");
	assert_tv("use_cases contains iot", TV_FALSE);
}

static void
literal_on_left_is_flipped(void **state)
{
	(void)state;
	answer(Q_LATENCY, "10m");
	assert_tv("5m < latency", TV_TRUE);
	assert_tv("5m > latency", TV_FALSE);
	assert_tv("10m <= latency", TV_TRUE);
	assert_tv("10m >= latency", TV_TRUE);
	assert_tv("11m >= latency", TV_TRUE);
	assert_tv("11m <= latency", TV_FALSE);
	assert_tv("10m == latency", TV_TRUE);
	assert_tv("10m != latency", TV_FALSE);
	answer(Q_STREAMING, "none");
	assert_tv("some > streaming_skills", TV_TRUE);
}

static void
not_binds_tighter_than_and(void **state)
{
	(void)state;
	/* (not F) and F = F, whereas not (F and F) would be T. */
	answer(Q_CENTRAL, "false");
	answer(Q_EVENT, "false");
	assert_tv("not central_bottleneck and event_driven", TV_FALSE);
	assert_tv("not (central_bottleneck and event_driven)", TV_TRUE);
}

static void
and_binds_tighter_than_or(void **state)
{
	(void)state;
	/* T or (F and F) = T, whereas (T or F) and F would be F. */
	answer(Q_CENTRAL, "true");
	answer(Q_EVENT, "false");
	answer(Q_REALTIME, "false");
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
	answer(Q_LATENCY, "10m");
	assert_tv("not latency < 5m", TV_TRUE);
	assert_tv("not not latency < 5m", TV_FALSE);
}

static void
parentheses_nest(void **state)
{
	(void)state;
	answer(Q_CENTRAL, "true");
	answer(Q_EVENT, "false");
	answer(Q_REALTIME, "true");
	assert_tv("((central_bottleneck))", TV_TRUE);
	assert_tv("(central_bottleneck and (event_driven or all_realtime))",
	    TV_TRUE);
	assert_tv("not (event_driven or (not all_realtime))", TV_TRUE);
}

static void
mixed_condition(void **state)
{
	(void)state;
	answer(Q_LATENCY, "30s");
	answer(Q_VOLUME, "5PB");
	answer(Q_STREAMING, "strong");
	answer(Q_USE_CASES, "iot");
	assert_tv("latency < 5m and volume >= 1PB and "
	    "(streaming_skills >= some or use_cases contains fraud_detection)",
	    TV_TRUE);
}

static void
whitespace_and_newlines(void **state)
{
	(void)state;
	answer(Q_LATENCY, "10m");
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
			set_tv(Q_CENTRAL, (enum tv)a);
			set_tv(Q_EVENT, (enum tv)b);
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
			set_tv(Q_CENTRAL, (enum tv)a);
			set_tv(Q_EVENT, (enum tv)b);
			assert_int_equal(expr_eval(e, answers), want[a][b]);
		}
	}
	expr_free(e);
}

static void
truth_table_not(void **state)
{
	(void)state;
	set_tv(Q_CENTRAL, TV_TRUE);
	assert_tv("not central_bottleneck", TV_FALSE);
	set_tv(Q_CENTRAL, TV_FALSE);
	assert_tv("not central_bottleneck", TV_TRUE);
	set_tv(Q_CENTRAL, TV_UNKNOWN);
	assert_tv("not central_bottleneck", TV_UNKNOWN);
}

static void
unknown_and_false_is_false(void **state)
{
	(void)state;
	answer(Q_MATURITY, "1");
	assert_tv("latency < 5m and maturity > 3", TV_FALSE);
	assert_tv("maturity > 3 and latency < 5m", TV_FALSE);
}

static void
unknown_or_true_is_true(void **state)
{
	(void)state;
	answer(Q_MATURITY, "4");
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
	answer(Q_MATURITY, "2");
	assert_int_equal(expr_eval(e, answers), TV_TRUE);
	answer(Q_MATURITY, "3");
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
	answer(Q_CENTRAL, "true");
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
	assert_error(s, EXPR_MAX_DEPTH, "expression nested too deeply");
	free(s);
	s = xcalloc(1, 4 * (EXPR_MAX_DEPTH + 1) + 32);
	for (i = 0; i < EXPR_MAX_DEPTH + 1; i++)
		strcat(s, "not ");
	strcat(s, "central_bottleneck");
	assert_error(s, 4 * EXPR_MAX_DEPTH, "expression nested too deeply");
	free(s);
}

static void
questions_used(void **state)
{
	struct expr	*e;
	bool		 used[NQ];

	(void)state;
	memset(used, 0, sizeof used);
	e = parse("latency < 5m or (not central_bottleneck and "
	    "use_cases contains iot) or maturity in [1, 2]");
	expr_questions(e, used);
	assert_true(used[Q_LATENCY]);
	assert_true(used[Q_CENTRAL]);
	assert_true(used[Q_USE_CASES]);
	assert_true(used[Q_MATURITY]);
	assert_false(used[Q_VOLUME]);
	assert_false(used[Q_EVENT]);
	assert_false(used[Q_STREAMING]);
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

static void
error_unknown_question(void **state)
{
	(void)state;
	assert_error("latncy < 5m", 0, "unknown question 'latncy'");
	assert_error("5m > latncy", 5, "unknown question 'latncy'");
	assert_error("maturity > 1 and bogus", 17, "unknown question 'bogus'");
	assert_error("bogus in [1]", 0, "unknown question 'bogus'");
}

static void
error_type_mismatch(void **state)
{
	(void)state;
	assert_error("latency < strong", 10,
	    "cannot compare latency (duration) with 'strong': expected a "
	    "duration such as 30s, 10m, 4h, 1d");
	assert_error("volume > true", 9,
	    "cannot compare volume (size) with 'true': expected a size such "
	    "as 500MB, 2TB, 5PB");
	assert_error("maturity == some", 12,
	    "cannot compare maturity (integer) with 'some': expected an "
	    "integer such as 3");
	assert_error("central_bottleneck == yes", 22,
	    "cannot compare central_bottleneck (bool) with 'yes': expected "
	    "true or false");
	assert_error("streaming_skills > 3", 19,
	    "cannot compare streaming_skills (level) with '3': expected one "
	    "of none, some, strong");
}

static void
error_bad_unit_literal(void **state)
{
	(void)state;
	assert_error("latency < 5", 10,
	    "invalid duration '5': expected a number and a unit "
	    "(s, m, h, d, w), e.g. 30s, 10m, 4h, 1d");
	assert_error("volume > 2XB", 9,
	    "invalid size '2XB': expected a number and a unit "
	    "(B, KB, MB, GB, TB, PB), e.g. 500MB, 2TB, 5PB");
	assert_error("maturity > 2.5", 11,
	    "invalid integer '2.5': expected an integer such as 3");
	assert_error("latency < -5m", 10,
	    "invalid duration '-5m': a duration cannot be negative");
}

static void
error_level_not_declared(void **state)
{
	(void)state;
	assert_error("streaming_skills == expert", 20,
	    "'expert' is not a level of streaming_skills (none, some, strong)");
	assert_error("streaming_skills in [some, expert]", 27,
	    "'expert' is not a level of streaming_skills (none, some, strong)");
}

static void
error_set_member_not_declared(void **state)
{
	(void)state;
	assert_error("use_cases contains blockchain", 19,
	    "'blockchain' is not a member of use_cases (reporting, iot, "
	    "fraud_detection)");
}

static void
error_literal_vs_literal(void **state)
{
	(void)state;
	assert_error("5m < 10m", 0, "a comparison needs a question on one side");
	assert_error("true == false", 0,
	    "a comparison needs a question on one side");
}

static void
error_question_vs_question(void **state)
{
	(void)state;
	assert_error("latency < maturity", 10,
	    "cannot compare two questions (latency, maturity): one side must "
	    "be a value");
}

static void
error_missing_operand(void **state)
{
	(void)state;
	assert_error("central_bottleneck and", 22,
	    "expected an operand after 'and'");
	assert_error("central_bottleneck or )", 22,
	    "expected an operand after 'or', got ')'");
	assert_error("not", 3, "expected an operand after 'not'");
	assert_error("latency <", 9, "expected an operand after '<'");
	assert_error("latency < and", 10,
	    "expected an operand after '<', got 'and'");
	assert_error("and latency < 5m", 0, "expected a condition, got 'and'");
	assert_error("", 0, "empty condition");
	assert_error("   ", 3, "empty condition");
}

static void
error_unterminated(void **state)
{
	(void)state;
	assert_error("(central_bottleneck", 0, "unterminated '('");
	assert_error("not (central_bottleneck and (event_driven)", 4,
	    "unterminated '('");
	assert_error("latency in [5m, 10m", 11, "unterminated '['");
	assert_error("latency in [5m,", 11, "unterminated '['");
}

static void
error_trailing_junk(void **state)
{
	(void)state;
	assert_error("latency < 5m maturity", 13,
	    "expected 'and', 'or' or the end of the condition, got 'maturity'");
	assert_error("central_bottleneck)", 18, "unmatched ')'");
	assert_error("(central_bottleneck event_driven)", 20,
	    "expected 'and', 'or' or ')', got 'event_driven'");
}

static void
error_lexical(void **state)
{
	(void)state;
	assert_error("latency = 5m", 8, "use == to compare");
	assert_error("latency ! 5m", 8, "use 'not' to negate, or != to compare");
	assert_error("latency < 5m @", 13, "unexpected character '@'");
	assert_error("latency < 5m \xc3\xa9", 13,
	    "unexpected character '\xc3\xa9'");
	assert_error("streaming_skills == 'some'", 20,
	    "unexpected quote: names and values are written without quotes");
	assert_error("latency < 5m AND maturity > 2", 13,
	    "keywords are lower case: write 'and'");
}

static void
error_operator_on_wrong_type(void **state)
{
	(void)state;
	assert_error("use_cases == iot", 10,
	    "'==' does not apply to a set; use 'use_cases contains <member>'");
	assert_error("use_cases in [iot]", 10,
	    "'in' does not apply to a set; use 'use_cases contains <member>'");
	assert_error("latency contains iot", 8,
	    "'contains' needs a set question; latency is a duration");
	assert_error("central_bottleneck < true", 19,
	    "'<' does not apply to a bool; use == or !=");
}

static void
error_not_a_condition(void **state)
{
	(void)state;
	assert_error("latency", 0,
	    "latency is a duration, not a condition: compare it with a value");
	assert_error("use_cases", 0, "use_cases is a set, not a condition: use "
	    "'use_cases contains <member>'");
	assert_error("true", 0,
	    "'true' is not a condition: a condition needs a question");
	assert_error("5m in [1m]", 0, "the left side of 'in' must be a question");
}

static void
error_bad_lists(void **state)
{
	(void)state;
	assert_error("latency in []", 12, "expected a value after '[', got ']'");
	assert_error("latency in [5m,]", 15,
	    "expected a value after ',', got ']'");
	assert_error("latency in [5m 10m]", 15,
	    "expected ',' or ']', got '10m'");
	assert_error("latency in 5m", 11, "expected '[' after 'in', got '5m'");
	assert_error("use_cases contains", 18,
	    "expected a member after 'contains'");
}

static void
error_too_long(void **state)
{
	char	*s;

	(void)state;
	s = xmalloc(EXPR_MAX_LEN + 2);
	memset(s, ' ', EXPR_MAX_LEN + 1);
	s[EXPR_MAX_LEN + 1] = '\0';
	assert_error(s, 0, "condition too long (more than 65536 bytes)");
	free(s);
}

static void
error_struct_may_be_null(void **state)
{
	(void)state;
	assert_null(expr_parse("latncy < 5m", kb, NULL));
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
		T(error_unknown_question),
		T(error_type_mismatch),
		T(error_bad_unit_literal),
		T(error_level_not_declared),
		T(error_set_member_not_declared),
		T(error_literal_vs_literal),
		T(error_question_vs_question),
		T(error_missing_operand),
		T(error_unterminated),
		T(error_trailing_junk),
		T(error_lexical),
		T(error_operator_on_wrong_type),
		T(error_not_a_condition),
		T(error_bad_lists),
		T(error_too_long),
		T(error_struct_may_be_null),
	};

	return (cmocka_run_group_tests_name("expr", tests, setup_kb,
	    teardown_kb));
}
