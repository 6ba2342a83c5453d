/*
 * test_expr_errors: the conditions the language rejects. Over a small
 * knowledge base built by hand (fixtures.h), each test checks the exact
 * message and byte offset of a rejected condition.
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


static void
assert_error(const char *text, size_t offset, const char *msg)
{
	fx_expr_rejects(fx_kb, text, offset, msg);
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
	/* An answer is given or not: it is not more or less unknown. */
	assert_error("latency < unknown", 8,
	    "'<' does not apply to unknown; use == or !=");
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
	assert_null(expr_parse("latncy < 5m", fx_kb, NULL));
}



int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(error_unknown_question),
		cmocka_unit_test(error_type_mismatch),
		cmocka_unit_test(error_bad_unit_literal),
		cmocka_unit_test(error_level_not_declared),
		cmocka_unit_test(error_set_member_not_declared),
		cmocka_unit_test(error_literal_vs_literal),
		cmocka_unit_test(error_question_vs_question),
		cmocka_unit_test(error_missing_operand),
		cmocka_unit_test(error_unterminated),
		cmocka_unit_test(error_trailing_junk),
		cmocka_unit_test(error_lexical),
		cmocka_unit_test(error_operator_on_wrong_type),
		cmocka_unit_test(error_not_a_condition),
		cmocka_unit_test(error_bad_lists),
		cmocka_unit_test(error_too_long),
		cmocka_unit_test(error_struct_may_be_null),
	};

	return (cmocka_run_group_tests_name("expr_errors", tests, fx_setup_expr,
	    fx_teardown_kb));
}
