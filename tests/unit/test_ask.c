/*
 * test_ask: what a line typed at an ask prompt means (ask_input.c), on the
 * stock knowledge base: words, y/n, numbers, names, labels and their first
 * letters, ambiguous prefixes, "id: value" lines; and the words ask uses
 * for what a question accepts and why it skips one, pinned exactly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "ask.h"
#include "fixtures.h"
#include "kb_load.h"


static const struct question *
q(const char *id)
{
	int	i = kb_question_index(fx_kb, id);

	assert_true(i >= 0);
	return (&fx_kb->questions[i]);
}

/* The value text reads as for question id; fails if it does not. */
static struct value
ok(const char *id, const char *text)
{
	struct value	v;
	char		err[512];

	if (ask_parse(q(id), text, &v, err, sizeof err) != 0)
		fail_msg("%s '%s': %s", id, text, err);
	return (v);
}

/* The message for text as an answer to id; fails if it is accepted. */
static const char *
refused(const char *id, const char *text)
{
	static char	err[512];
	struct value	v;

	assert_int_equal(ask_parse(q(id), text, &v, err, sizeof err), -1);
	return (err);
}

static void
test_words(void **state)
{
	(void)state;
	assert_int_equal(ask_word("?"), WORD_HELP);
	assert_int_equal(ask_word("Help"), WORD_HELP);
	assert_int_equal(ask_word("QUIT"), WORD_QUIT);
	assert_int_equal(ask_word("save"), WORD_SAVE);
	assert_int_equal(ask_word("skip"), WORD_SKIP);
	assert_int_equal(ask_word("back"), WORD_BACK);
	assert_int_equal(ask_word("quitx"), WORD_NONE);
	/* q is quit, as in most line-oriented tools; a value starting with q
	   is typed with more letters or its number. */
	assert_int_equal(ask_word("q"), WORD_QUIT);
	assert_int_equal(ask_word(""), WORD_NONE);
}

static void
test_bool(void **state)
{
	struct value	v;

	(void)state;
	v = ok("all_realtime", "y");
	assert_true(v.known && v.num == 1);
	v = ok("all_realtime", "N");
	assert_true(v.known && v.num == 0);
	v = ok("all_realtime", "YES");
	assert_true(v.known && v.num == 1);
	v = ok("all_realtime", "false");
	assert_true(v.known && v.num == 0);
	v = ok("all_realtime", "-");
	assert_false(v.known);
	refused("all_realtime", "yy");
}

static void
test_level(void **state)
{
	(void)state;
	assert_int_equal(ok("sql_skills", "so").num, 1);
	assert_int_equal(ok("sql_skills", "STRONG").num, 2);
	assert_int_equal(ok("sql_skills", "3").num, 2);
	assert_int_equal(ok("sql_skills", "n").num, 0);
	assert_int_equal(ok("cost_priority", "c").num, 3);
	assert_string_equal(refused("sql_skills", "s"), "'s' could be Some or "
	    "Strong: type more letters or its number");
	assert_string_equal(refused("sql_skills", "9"), "there is no choice 9: "
	    "choose 1 to 3");
	assert_string_equal(refused("sql_skills", "0"), "there is no choice 0: "
	    "choose 1 to 3");
	/* A level is one name: a list is not taken for its first member. */
	refused("sql_skills", "some, strong");
	refused("sql_skills", "x");
}

static void
test_set(void **state)
{
	const struct question	*uc = q("use_cases");
	struct value		 v;
	int			 rep, iot, hist, ml;

	(void)state;
	rep = value_name_index(&uc->dom, "reporting");
	iot = value_name_index(&uc->dom, "iot");
	hist = value_name_index(&uc->dom, "historical_analytics");
	ml = value_name_index(&uc->dom, "ml_features");
	v = ok("use_cases", "1, 6");
	assert_true(v.known);
	assert_true(v.bits == ((1ull << rep) | (1ull << iot)));
	v = ok("use_cases", "[Historical analytics, ML]");
	assert_true(v.bits == ((1ull << hist) | (1ull << ml)));
	v = ok("use_cases", "reporting, IoT");
	assert_true(v.bits == ((1ull << rep) | (1ull << iot)));
	v = ok("use_cases", "[]");
	assert_true(v.known && v.bits == 0);
	assert_string_equal(refused("use_cases", "1, 9"), "there is no choice "
	    "9: choose 1 to 8");
	refused("use_cases", "1,,2");
}

static void
test_keyed(void **state)
{
	char	line[128], err[256], *value = NULL;

	(void)state;
	snprintf(line, sizeof line, "latency:  10m");
	assert_int_equal(ask_keyed(fx_kb, line, &value, err, sizeof err),
	    kb_question_index(fx_kb, "latency"));
	assert_string_equal(value, "10m");
	snprintf(line, sizeof line, "use_cases : reporting, iot");
	assert_int_equal(ask_keyed(fx_kb, line, &value, err, sizeof err),
	    kb_question_index(fx_kb, "use_cases"));
	assert_string_equal(value, "reporting, iot");
	snprintf(line, sizeof line, "latncy: 10m");
	assert_int_equal(ask_keyed(fx_kb, line, &value, err, sizeof err), -2);
	assert_string_equal(err, "there is no question 'latncy' (did you mean "
	    "'latency'?)");
	snprintf(line, sizeof line, "10m");
	assert_int_equal(ask_keyed(fx_kb, line, &value, err, sizeof err), -1);
	snprintf(line, sizeof line, "reporting, iot");
	assert_int_equal(ask_keyed(fx_kb, line, &value, err, sizeof err), -1);
}

/* What fn writes for question id, as a string (the caller frees it). */
static char *
written(const char *id, const struct value *v)
{
	struct fx_capture	c;

	fx_capture_open(&c);
	if (v == NULL)
		ask_write_accepts(c.fp, q(id));
	else
		ask_write_skip_reason(c.fp, fx_kb, q(id), v);
	return (fx_capture_close(&c));
}

static void
test_accepts(void **state)
{
	static const struct { const char *id, *want; } cases[] = {
		{ "maturity", "a whole number from 1 to 5" },
		{ "domains", "a whole number, 1 or more" },
		{ "all_realtime", "yes or no (y or n)" },
		{ "latency", "a duration such as 30s, 10m, 4h or 1d (at least "
		    "1 second)" },
		{ "volume", "a size such as 500MB, 2TB or 5PB" },
		{ "sql_skills", "one of 1 None, 2 Some or 3 Strong (the number "
		    "or the first letters will do)" },
	};
	size_t	i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = written(cases[i].id, NULL);
		assert_string_equal(s, cases[i].want);
		free(s);
	}
}

static void
test_skip_reason(void **state)
{
	struct answers	a;
	char		err[256], *s;

	(void)state;
	answers_init(&a, fx_kb);
	assert_int_equal(answers_set_arg(&a, fx_kb, "domains=1", err,
	    sizeof err), 0);
	s = written("central_bottleneck", a.v);
	assert_string_equal(s, "It is asked only when number of domains is "
	    "at least 2; your answer: 1");
	free(s);
	assert_int_equal(answers_set_arg(&a, fx_kb, "latency=1d", err,
	    sizeof err), 0);
	assert_int_equal(answers_set_arg(&a, fx_kb, "accuracy_and_speed=no",
	    err, sizeof err), 0);
	s = written("aggregations", a.v);
	assert_string_equal(s, "It is asked only when fast yet exact "
	    "results is yes or acceptable delay is under 1 hour; your "
	    "answers: acceptable delay 1 day, fast yet exact results no");
	free(s);
	answers_free(&a);
}

static void
test_completions(void **state)
{
	char	**c;
	size_t	  i;

	(void)state;
	c = ask_completions(q("sql_skills"), "s");
	assert_string_equal(c[0], "some");
	assert_string_equal(c[1], "strong");
	assert_string_equal(c[2], "skip");
	assert_string_equal(c[3], "save");
	assert_null(c[4]);
	for (i = 0; c[i] != NULL; i++)
		free(c[i]);
	free(c);
	c = ask_completions(q("all_realtime"), "");
	assert_string_equal(c[0], "yes");
	assert_string_equal(c[1], "no");
	assert_null(c[2]);
	for (i = 0; c[i] != NULL; i++)
		free(c[i]);
	free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_bool),
		cmocka_unit_test(test_level),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_keyed),
		cmocka_unit_test(test_accepts),
		cmocka_unit_test(test_skip_reason),
		cmocka_unit_test(test_completions),
	};

	return (cmocka_run_group_tests(tests, fx_setup_stock, fx_teardown_kb));
}
