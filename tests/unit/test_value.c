/*
 * test_value: the value module. Integers, bools, levels and sets are read in
 * their good and bad forms, with ranges, the unknown answer and the exact
 * text of the messages users see; every canonical form reads back to the
 * value it came from; and the table of types is complete. Durations and
 * sizes themselves are in test_value_units.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fixtures.h"
#include "utf8.h"
#include "value.h"

/* Writable arrays: a domain's names are char *, string literals are not. */
static char	l_none[] = "none", l_some[] = "some", l_strong[] = "strong";
static char	s_rep[] = "reporting", s_iot[] = "iot", s_fraud[] =
		    "fraud_detection";
static char	*level_names[] = { l_none, l_some, l_strong };
static char	*set_names[] = { s_rep, s_iot, s_fraud };

static const struct value_domain dur_dom = { .type = VAL_DURATION };
static const struct value_domain size_dom = { .type = VAL_SIZE };
static const struct value_domain int_dom = { .type = VAL_INT };
static const struct value_domain bool_dom = { .type = VAL_BOOL };
static const struct value_domain level_dom = {
	.type = VAL_LEVEL, .names = level_names, .nnames = 3,
};
static const struct value_domain set_dom = {
	.type = VAL_SET, .names = set_names, .nnames = 3,
};
static const struct value_domain maturity_dom = {
	.type = VAL_INT, .has_min = true, .min = 1, .has_max = true, .max = 5,
};

static struct value
parse_ok(const struct value_domain *dom, const char *text)
{
	struct value	v;
	char		err[256];

	err[0] = '\0';
	if (value_parse(dom, text, &v, err, sizeof err) != 0)
		fail_msg("'%s': %s", text, err);
	return (v);
}

static void
int_parses(void **state)
{
	struct value	v;

	(void)state;
	v = parse_ok(&int_dom, "3");
	assert_true(v.known);
	assert_int_equal(v.num, 3);
	assert_int_equal(parse_ok(&int_dom, " -12 ").num, -12);
	assert_int_equal(parse_ok(&int_dom, "+7").num, 7);
	assert_int_equal(parse_ok(&int_dom, "9223372036854775807").num,
	    INT64_MAX);
	assert_int_equal(parse_ok(&int_dom, "-9223372036854775808").num,
	    INT64_MIN);
}

static void
int_rejects_junk(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&int_dom, "three"),
	    "invalid integer 'three': expected an integer such as 3");
	fx_parse_err(&int_dom, "1.5");
	fx_parse_err(&int_dom, "5m");
	fx_parse_err(&int_dom, "--1");
	fx_parse_err(&int_dom, "+");
	fx_parse_err(&int_dom, "1 2");
}

static void
int_rejects_overflow(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&int_dom, "9223372036854775808"),
	    "invalid integer '9223372036854775808': out of range");
	fx_parse_err(&int_dom, "-9223372036854775809");
}

static void
bool_parses(void **state)
{
	static const char *yes[] = { "true", "TRUE", "yes", "Yes", "on" };
	static const char *no[] = { "false", "False", "no", "NO", "off" };
	size_t	i;

	(void)state;
	for (i = 0; i < 5; i++) {
		assert_int_equal(parse_ok(&bool_dom, yes[i]).num, 1);
		assert_int_equal(parse_ok(&bool_dom, no[i]).num, 0);
	}
}

static void
bool_rejects_junk(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&bool_dom, "maybe"),
	    "invalid bool 'maybe': expected true or false (or yes/no, on/off)");
	fx_parse_err(&bool_dom, "1");
	fx_parse_err(&bool_dom, "truely");
}

static void
level_parses_to_index(void **state)
{
	(void)state;
	assert_int_equal(parse_ok(&level_dom, "none").num, 0);
	assert_int_equal(parse_ok(&level_dom, "some").num, 1);
	assert_int_equal(parse_ok(&level_dom, " strong ").num, 2);
}

static void
level_rejects_unknown_name(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&level_dom, "hgh"),
	    "invalid level 'hgh': expected one of none, some, strong");
	fx_parse_err(&level_dom, "Strong");
}

static void
set_parses_forms(void **state)
{
	(void)state;
	assert_int_equal(parse_ok(&set_dom, "reporting").bits, 1);
	assert_int_equal(parse_ok(&set_dom, "reporting, iot").bits, 3);
	assert_int_equal(parse_ok(&set_dom, "[iot, fraud_detection]").bits, 6);
	assert_int_equal(parse_ok(&set_dom, "[ fraud_detection ,reporting ]")
	    .bits, 5);
	assert_int_equal(parse_ok(&set_dom, "[iot, iot]").bits, 2);
}

static void
set_parses_empty(void **state)
{
	struct value	v;

	(void)state;
	v = parse_ok(&set_dom, "[]");
	assert_true(v.known);
	assert_int_equal(v.bits, 0);
	assert_int_equal(parse_ok(&set_dom, "[ ]").bits, 0);
}

static void
set_rejects_bad_members(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&set_dom, "[iot, fraud]"),
	    "unknown member 'fraud': expected any of reporting, iot, "
	    "fraud_detection");
	assert_string_equal(fx_parse_err(&set_dom, "[iot, reporting"),
	    "invalid set '[iot, reporting': missing ']'");
	fx_parse_err(&set_dom, "[iot,]");
	fx_parse_err(&set_dom, "iot,,reporting");
	fx_parse_err(&set_dom, "[");
}

static void
unknown_forms(void **state)
{
	static const struct value_domain *doms[] = { &dur_dom, &size_dom,
	    &int_dom, &bool_dom, &level_dom, &set_dom };
	struct value	v;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof doms / sizeof doms[0]; i++) {
		v = parse_ok(doms[i], "unknown");
		assert_false(v.known);
		assert_false(parse_ok(doms[i], "?").known);
		assert_false(parse_ok(doms[i], " - ").known);
	}
	assert_false(value_unknown().known);
}

static void
empty_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&dur_dom, ""), "empty value");
	assert_string_equal(fx_parse_err(&set_dom, "  "), "empty value");
}

static void
range_between(void **state)
{
	(void)state;
	assert_int_equal(parse_ok(&maturity_dom, "1").num, 1);
	assert_int_equal(parse_ok(&maturity_dom, "5").num, 5);
	assert_string_equal(fx_parse_err(&maturity_dom, "7"),
	    "must be between 1 and 5, got 7");
	assert_string_equal(fx_parse_err(&maturity_dom, "0"),
	    "must be between 1 and 5, got 0");
}

static void
range_min_only(void **state)
{
	struct value_domain	dom = { .type = VAL_INT, .has_min = true,
				    .min = 1 };

	(void)state;
	assert_string_equal(fx_parse_err(&dom, "0"),
	    "must be at least 1, got 0");
	assert_int_equal(parse_ok(&dom, "1000").num, 1000);
}

static void
range_max_only(void **state)
{
	struct value_domain	dom = { .type = VAL_SIZE, .has_max = true,
				    .max = INT64_C(2000000000000) };

	(void)state;
	assert_string_equal(fx_parse_err(&dom, "3TB"),
	    "must be at most 2TB, got 3TB");
}

static void
range_duration_formatted(void **state)
{
	struct value_domain	dom = { .type = VAL_DURATION, .has_min = true,
				    .min = 60, .has_max = true, .max = 86400 };

	(void)state;
	assert_string_equal(fx_parse_err(&dom, "2d"),
	    "must be between 1m and 1d, got 2d");
	assert_string_equal(fx_parse_err(&dom, "30s"),
	    "must be between 1m and 1d, got 30s");
}

static void
range_ignores_unknown(void **state)
{
	struct value	v;
	char		err[64];

	(void)state;
	v = value_unknown();
	assert_int_equal(value_check_range(&maturity_dom, &v, err, sizeof err),
	    0);
}

static void
format_other_types(void **state)
{
	char		buf[64];
	struct value	v;

	(void)state;
	v = parse_ok(&int_dom, "-3");
	assert_string_equal(value_format(&int_dom, &v, buf, sizeof buf), "-3");
	v = parse_ok(&bool_dom, "yes");
	assert_string_equal(value_format(&bool_dom, &v, buf, sizeof buf),
	    "true");
	v = parse_ok(&level_dom, "some");
	assert_string_equal(value_format(&level_dom, &v, buf, sizeof buf),
	    "some");
	v = parse_ok(&set_dom, "fraud_detection, reporting");
	assert_string_equal(value_format(&set_dom, &v, buf, sizeof buf),
	    "[reporting, fraud_detection]");
	v = parse_ok(&set_dom, "[]");
	assert_string_equal(value_format(&set_dom, &v, buf, sizeof buf), "[]");
	v = value_unknown();
	assert_string_equal(value_format(&set_dom, &v, buf, sizeof buf),
	    "unknown");
}

static void
format_truncates_safely(void **state)
{
	char		buf[8];
	struct value	v;

	(void)state;
	v = parse_ok(&set_dom, "[reporting, iot, fraud_detection]");
	assert_string_equal(value_format(&set_dom, &v, buf, sizeof buf),
	    "[report");
}

/* Parses text, formats it, parses the result: the same value each time. */
static void
round_trip_one(const struct value_domain *dom, const char *text)
{
	struct value	a, b;
	char		buf[128];

	a = parse_ok(dom, text);
	value_format(dom, &a, buf, sizeof buf);
	b = parse_ok(dom, buf);
	if (!value_equal(&a, &b))
		fail_msg("'%s' formatted as '%s' reads back differently", text,
		    buf);
}

static void
round_trip(void **state)
{
	static const char *durs[] = { "0s", "1s", "59s", "61s", "90m", "1.5h",
	    "1h30m", "1d1s", "3w", "8d", "1w2d3h4m5s", "36525d" };
	static const char *sizes[] = { "0B", "1B", "1KB", "1.5GB", "1GiB",
	    "1.5KiB", "123456789B", "7EiB", "9EB", "9223372036854775807B" };
	static const char *ints[] = { "0", "-1", "42", "9223372036854775807",
	    "-9223372036854775808" };
	static const char *other[] = { "true", "off", "unknown" };
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof durs / sizeof durs[0]; i++)
		round_trip_one(&dur_dom, durs[i]);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		round_trip_one(&size_dom, sizes[i]);
	for (i = 0; i < sizeof ints / sizeof ints[0]; i++)
		round_trip_one(&int_dom, ints[i]);
	for (i = 0; i < sizeof other / sizeof other[0]; i++)
		round_trip_one(&bool_dom, other[i]);
	round_trip_one(&level_dom, "strong");
	round_trip_one(&set_dom, "[]");
	round_trip_one(&set_dom, "iot, reporting");
}

static void
type_names(void **state)
{
	static const char *names[] = { "duration", "size", "integer", "bool",
	    "level", "set" };
	enum value_type	t;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		assert_int_equal(value_type_parse(names[i], &t), 0);
		assert_string_equal(value_type_name(t), names[i]);
	}
	assert_int_equal(value_type_parse("int", &t), 0);
	assert_int_equal(t, VAL_INT);
	assert_int_equal(value_type_parse("float", &t), -1);
	assert_string_equal(value_type_forms(VAL_DURATION), "30s, 10m, 4h, 1d");
	assert_string_equal(value_type_forms(VAL_SIZE), "500MB, 2TB, 5PB");
	assert_string_equal(value_type_forms(VAL_INT), "an integer such as 3");
	assert_string_equal(value_type_forms(VAL_BOOL), "true or false");
}

/* Every type has its row in the table, with every operation filled in. */
static void
type_table_complete(void **state)
{
	static const enum value_type all[] = { VAL_DURATION, VAL_SIZE, VAL_INT,
	    VAL_BOOL, VAL_LEVEL, VAL_SET };
	enum value_type	t;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof all / sizeof all[0]; i++) {
		assert_true(value_type_known(all[i]));
		assert_int_equal(value_type_parse(value_type_name(all[i]), &t),
		    0);
		assert_int_equal(t, all[i]);
	}
	assert_false(value_type_known((enum value_type)99));
	assert_true(value_type_flags(VAL_INT) & VALUE_TYPE_RANGE);
	assert_true(value_type_flags(VAL_LEVEL) & VALUE_TYPE_ORDERED);
	assert_false(value_type_flags(VAL_LEVEL) & VALUE_TYPE_RANGE);
	assert_true(value_type_flags(VAL_SET) & VALUE_TYPE_MEMBERS);
	assert_false(value_type_flags(VAL_BOOL) & VALUE_TYPE_ORDERED);
}

/* What a question accepts, said once for every front end. */
static void
describe_for_people(void **state)
{
	struct value_domain	d;
	char			buf[200];

	(void)state;
	memset(&d, 0, sizeof d);
	d.type = VAL_BOOL;
	assert_string_equal(value_describe(&d, buf, sizeof buf), "yes or no");
	d.type = VAL_INT;
	d.has_min = d.has_max = true;
	d.min = 1;
	d.max = 5;
	assert_string_equal(value_describe(&d, buf, sizeof buf),
	    "a whole number from 1 to 5");
	d.type = VAL_DURATION;
	d.has_max = false;
	assert_string_equal(value_describe(&d, buf, sizeof buf),
	    "a duration such as 30s, 10m, 4h or 1d (at least 1 second)");
	assert_string_equal(value_describe(&level_dom, buf, sizeof buf),
	    "one of none, some or strong");
	assert_non_null(strstr(value_describe(&set_dom, buf, sizeof buf),
	    "any of "));
	/* Cut to fit, never overflowing. */
	assert_string_equal(value_describe(&level_dom, buf, 7), "one of");
}

static void
name_index(void **state)
{
	(void)state;
	assert_int_equal(value_name_index(&level_dom, "strong"), 2);
	assert_int_equal(value_name_index(&level_dom, "stron"), -1);
	assert_int_equal(value_name_index(&level_dom, "strongest"), -1);
	assert_int_equal(value_name_index_len(&level_dom, "some more", 4), 1);
}

static void
equal_compares_known_and_payload(void **state)
{
	struct value	a, b, u;

	(void)state;
	a = parse_ok(&int_dom, "3");
	b = parse_ok(&int_dom, "3");
	u = value_unknown();
	assert_true(value_equal(&a, &b));
	b = parse_ok(&int_dom, "4");
	assert_false(value_equal(&a, &b));
	assert_false(value_equal(&a, &u));
	assert_true(value_equal(&u, &u));
}

static void
quote_sanitises(void **state)
{
	char	buf[64];
	char	longs[100];

	(void)state;
	assert_string_equal(value_quote("a\nb\x01", 4, buf, sizeof buf),
	    "a?b?");
	assert_string_equal(value_quote("caf\xc3\xa9", 5, buf, sizeof buf),
	    "caf\xc3\xa9");
	assert_string_equal(value_quote("bad\xff\xc3", 5, buf, sizeof buf),
	    "bad??");
	memset(longs, 'x', sizeof longs);
	value_quote(longs, sizeof longs, buf, sizeof buf);
	assert_int_equal(strlen(buf), VALUE_QUOTE_MAX + 3);
	assert_string_equal(buf + VALUE_QUOTE_MAX, "...");
}

static void
hostile_input_in_message(void **state)
{
	const char	*err;

	(void)state;
	err = fx_parse_err(&level_dom, "x\x1b[31mred");
	assert_string_equal(err,
	    "invalid level 'x?[31mred': expected one of none, some, strong");
}

static void
error_buffer_may_be_small(void **state)
{
	struct value	v;
	char		err[10];

	(void)state;
	assert_int_equal(value_parse(&dur_dom, "banana", &v, err, sizeof err),
	    -1);
	assert_string_equal(err, "invalid d");
	assert_int_equal(value_parse(&dur_dom, "banana", &v, NULL, 0), -1);
}

/* A cut never splits a character and always shows. */
static void
text_printf_cuts_whole_characters(void **state)
{
	char	buf[10];
	int	n;

	(void)state;
	/* "aé" x 4 is 12 bytes: cut, ends in "…" on a character boundary. */
	n = text_printf(buf, sizeof buf, "%s", "a\xc3\xa9" "a\xc3\xa9"
	    "a\xc3\xa9" "a\xc3\xa9");
	assert_int_equal(n, 12);
	/* 9 bytes fit; "…" takes 3 of them, and no half "é" is left. */
	assert_string_equal(buf, "a\xc3\xa9" "a\xc3\xa9" "\xe2\x80\xa6");
	n = text_printf(buf, sizeof buf, "%s", "ab\xc3\xa9" "\xc3\xa9"
	    "\xc3\xa9" "cd");
	assert_string_equal(buf, "ab\xc3\xa9" "\xc3\xa9" "\xe2\x80\xa6");
	/* Where the cut would fall inside "é", the whole "é" goes. */
	text_printf(buf, sizeof buf, "%s", "abcde\xc3\xa9" "xyz");
	assert_string_equal(buf, "abcde\xe2\x80\xa6");
	/* What fits is left alone. */
	n = text_printf(buf, sizeof buf, "%s", "a\xc3\xa9");
	assert_int_equal(n, 3);
	assert_string_equal(buf, "a\xc3\xa9");
	assert_int_equal(utf8_seq_len((const unsigned char *)"\xe2\x80\xa6",
	    3), 3);
	assert_int_equal(utf8_seq_len((const unsigned char *)"\xc3", 1), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(int_parses),
		cmocka_unit_test(int_rejects_junk),
		cmocka_unit_test(int_rejects_overflow),
		cmocka_unit_test(bool_parses),
		cmocka_unit_test(bool_rejects_junk),
		cmocka_unit_test(level_parses_to_index),
		cmocka_unit_test(level_rejects_unknown_name),
		cmocka_unit_test(set_parses_forms),
		cmocka_unit_test(set_parses_empty),
		cmocka_unit_test(set_rejects_bad_members),
		cmocka_unit_test(unknown_forms),
		cmocka_unit_test(empty_is_an_error),
		cmocka_unit_test(range_between),
		cmocka_unit_test(range_min_only),
		cmocka_unit_test(range_max_only),
		cmocka_unit_test(range_duration_formatted),
		cmocka_unit_test(range_ignores_unknown),
		cmocka_unit_test(format_other_types),
		cmocka_unit_test(format_truncates_safely),
		cmocka_unit_test(round_trip),
		cmocka_unit_test(type_names),
		cmocka_unit_test(type_table_complete),
		cmocka_unit_test(describe_for_people),
		cmocka_unit_test(name_index),
		cmocka_unit_test(equal_compares_known_and_payload),
		cmocka_unit_test(quote_sanitises),
		cmocka_unit_test(hostile_input_in_message),
		cmocka_unit_test(error_buffer_may_be_small),
		cmocka_unit_test(text_printf_cuts_whole_characters),
	};

	return (cmocka_run_group_tests_name("value", tests, NULL, NULL));
}
