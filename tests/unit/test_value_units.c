/*
 * test_value_units: the answer types with units. Durations and sizes are
 * read in their good and bad forms, the exact messages users see are
 * pinned, and every duration up to two days formats to a form that reads
 * back. test_value covers the other types and what they share.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fixtures.h"
#include "value.h"

static const struct value_domain dur_dom = { .type = VAL_DURATION };
static const struct value_domain size_dom = { .type = VAL_SIZE };

static int64_t
dur(const char *s)
{
	int64_t	v;
	char	err[256];

	v = -1;
	assert_int_equal(value_parse_duration(s, &v, err, sizeof err), 0);
	return (v);
}

static int64_t
size(const char *s)
{
	int64_t	v;
	char	err[256];

	v = -1;
	assert_int_equal(value_parse_size(s, &v, err, sizeof err), 0);
	return (v);
}

static void
duration_units(void **state)
{
	(void)state;
	assert_int_equal(dur("30s"), 30);
	assert_int_equal(dur("10m"), 600);
	assert_int_equal(dur("4h"), 14400);
	assert_int_equal(dur("1d"), 86400);
	assert_int_equal(dur("2w"), 1209600);
	assert_int_equal(dur("0s"), 0);
}

static void
duration_decimal(void **state)
{
	(void)state;
	assert_int_equal(dur("1.5h"), 5400);
	assert_int_equal(dur("0.5m"), 30);
	assert_int_equal(dur("1.50h"), 5400);
	assert_int_equal(dur("0.25d"), 21600);
}

static void
duration_compound(void **state)
{
	(void)state;
	assert_int_equal(dur("1h30m"), 5400);
	assert_int_equal(dur("1d2h3m4s"), 93784);
	assert_int_equal(dur("1h 30m"), 5400);
}

static void
duration_whitespace(void **state)
{
	(void)state;
	assert_int_equal(dur("  10m\t"), 600);
	assert_int_equal(dur("10 m"), 600);
}

static void
duration_rejects_junk(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&dur_dom, "banana"),
	    "invalid duration 'banana': expected a number and a unit "
	    "(s, m, h, d, w), e.g. 30s, 10m, 4h, 1d");
	fx_parse_err(&dur_dom, "10");
	fx_parse_err(&dur_dom, "10x");
	fx_parse_err(&dur_dom, "10mm");
	fx_parse_err(&dur_dom, "1.h");
	fx_parse_err(&dur_dom, ".5h");
	fx_parse_err(&dur_dom, "10M");
	fx_parse_err(&dur_dom, "1h30");
	fx_parse_err(&dur_dom, "+5m");
}

static void
duration_rejects_negative(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&dur_dom, "-5m"),
	    "invalid duration '-5m': a duration cannot be negative");
}

static void
duration_rejects_fraction_of_second(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&dur_dom, "0.5s"),
	    "invalid duration '0.5s': not a whole number of seconds (for a "
	    "need under a second, write 1s)");
	fx_parse_err(&dur_dom, "0.001m");
	/* Milliseconds are what a fraud team thinks in: say how to write it. */
	assert_string_equal(fx_parse_err(&dur_dom, "100ms"),
	    "invalid duration '100ms': durations count whole seconds (for a "
	    "need under a second, write 1s)");
	fx_parse_err(&dur_dom, "1s500ms");
}

static void
duration_rejects_too_large(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&dur_dom, "99999w"),
	    "invalid duration '99999w': too large (at most 100 years)");
	fx_parse_err(&dur_dom, "99999999999999999999999s");
	assert_int_equal(dur("36525d"), (int64_t)36525 * 86400);
	fx_parse_err(&dur_dom, "36525d1s");
}

static void
duration_rejects_unit_order(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&dur_dom, "30m1h"),
	    "invalid duration '30m1h': give each unit once, largest first, "
	    "e.g. 1h30m");
	fx_parse_err(&dur_dom, "1h1h");
}

static void
size_units(void **state)
{
	(void)state;
	assert_int_equal(size("0B"), 0);
	assert_int_equal(size("500B"), 500);
	assert_int_equal(size("1KB"), 1000);
	assert_int_equal(size("500MB"), 500000000);
	assert_int_equal(size("2GB"), INT64_C(2000000000));
	assert_int_equal(size("2TB"), INT64_C(2000000000000));
	assert_int_equal(size("5PB"), INT64_C(5000000000000000));
	assert_int_equal(size("9EB"), INT64_C(9000000000000000000));
}

static void
size_binary_units(void **state)
{
	(void)state;
	assert_int_equal(size("1KiB"), 1024);
	assert_int_equal(size("1MiB"), 1048576);
	assert_int_equal(size("1GiB"), INT64_C(1073741824));
	assert_int_equal(size("1TiB"), INT64_C(1) << 40);
	assert_int_equal(size("1PiB"), INT64_C(1) << 50);
	assert_int_equal(size("7EiB"), INT64_C(7) << 60);
	assert_int_equal(size("1.5KiB"), 1536);
}

static void
size_case_insensitive(void **state)
{
	(void)state;
	assert_int_equal(size("500mb"), 500000000);
	assert_int_equal(size("2Tb"), INT64_C(2000000000000));
	assert_int_equal(size("1kib"), 1024);
	assert_int_equal(size(" 3 GB "), INT64_C(3000000000));
}

static void
size_decimal(void **state)
{
	(void)state;
	assert_int_equal(size("1.5GB"), INT64_C(1500000000));
	assert_int_equal(size("0.1KB"), 100);
	assert_int_equal(size("2.000TB"), INT64_C(2000000000000));
}

static void
size_rejects_junk(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&size_dom, "2XB"),
	    "invalid size '2XB': expected a number and a unit "
	    "(B, KB, MB, GB, TB, PB), e.g. 500MB, 2TB, 5PB");
	fx_parse_err(&size_dom, "500");
	fx_parse_err(&size_dom, "MB");
	fx_parse_err(&size_dom, "5 M B");
	fx_parse_err(&size_dom, "5MB!");
}

static void
size_rejects_negative(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&size_dom, "-1GB"),
	    "invalid size '-1GB': a size cannot be negative");
}

static void
size_rejects_fraction_of_byte(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&size_dom, "0.5B"),
	    "invalid size '0.5B': not a whole number of bytes");
	fx_parse_err(&size_dom, "0.0001KB");
	fx_parse_err(&size_dom, "0.3KiB");
}

static void
size_rejects_overflow(void **state)
{
	(void)state;
	assert_string_equal(fx_parse_err(&size_dom, "10EB"),
	    "invalid size '10EB': too large (at most about 9.2EB)");
	fx_parse_err(&size_dom, "8EiB");
	fx_parse_err(&size_dom, "9.3EB");
	assert_int_equal(size("9223372036854775807B"), INT64_MAX);
	fx_parse_err(&size_dom, "9223372036854775808B");
}

static void
format_duration(void **state)
{
	char	buf[32];

	(void)state;
	assert_string_equal(value_format_duration(0, buf, sizeof buf), "0s");
	assert_string_equal(value_format_duration(45, buf, sizeof buf), "45s");
	assert_string_equal(value_format_duration(600, buf, sizeof buf), "10m");
	assert_string_equal(value_format_duration(5400, buf, sizeof buf),
	    "90m");
	assert_string_equal(value_format_duration(14400, buf, sizeof buf),
	    "4h");
	assert_string_equal(value_format_duration(864000, buf, sizeof buf),
	    "10d");
	assert_string_equal(value_format_duration(1209600, buf, sizeof buf),
	    "2w");
	assert_string_equal(value_format_duration(90, buf, sizeof buf),
	    "1m30s");
	assert_string_equal(value_format_duration(3601, buf, sizeof buf),
	    "1h1s");
}

static void
format_size(void **state)
{
	char	buf[32];

	(void)state;
	assert_string_equal(value_format_size(0, buf, sizeof buf), "0B");
	assert_string_equal(value_format_size(999, buf, sizeof buf), "999B");
	assert_string_equal(value_format_size(500000000, buf, sizeof buf),
	    "500MB");
	assert_string_equal(value_format_size(INT64_C(1500000000), buf,
	    sizeof buf), "1500MB");
	assert_string_equal(value_format_size(INT64_C(2000000000000), buf,
	    sizeof buf), "2TB");
	assert_string_equal(value_format_size(INT64_C(1073741824), buf,
	    sizeof buf), "1GiB");
	assert_string_equal(value_format_size(1536, buf, sizeof buf), "1536B");
}

/* Every second from 0 to two days formats to a form that reads back. */
static void
round_trip_durations_exhaustive(void **state)
{
	char	buf[32];
	int64_t	s;

	(void)state;
	for (s = 0; s <= 2 * 86400; s++) {
		value_format_duration(s, buf, sizeof buf);
		assert_int_equal(dur(buf), s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(duration_units),
		cmocka_unit_test(duration_decimal),
		cmocka_unit_test(duration_compound),
		cmocka_unit_test(duration_whitespace),
		cmocka_unit_test(duration_rejects_junk),
		cmocka_unit_test(duration_rejects_negative),
		cmocka_unit_test(duration_rejects_fraction_of_second),
		cmocka_unit_test(duration_rejects_too_large),
		cmocka_unit_test(duration_rejects_unit_order),
		cmocka_unit_test(size_units),
		cmocka_unit_test(size_binary_units),
		cmocka_unit_test(size_case_insensitive),
		cmocka_unit_test(size_decimal),
		cmocka_unit_test(size_rejects_junk),
		cmocka_unit_test(size_rejects_negative),
		cmocka_unit_test(size_rejects_fraction_of_byte),
		cmocka_unit_test(size_rejects_overflow),
		cmocka_unit_test(format_duration),
		cmocka_unit_test(format_size),
		cmocka_unit_test(round_trip_durations_exhaustive),
	};

	return (cmocka_run_group_tests_name("value_units", tests, NULL, NULL));
}
