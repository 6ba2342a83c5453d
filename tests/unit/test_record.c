/*
 * test_record: the answers block of a record read back: found by content
 * at a line start, lines kept for errors, escapes undone, the comment
 * lines read, an unterminated block refused; dates written back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"
#include "record_load.h"

static void
test_extract(void **state)
{
	char			buf[] = "# Title\n\ntext <!-- archadvisor:answers\n"
	    "<!-- archadvisor:answers\n# date: 2026-01-02\n"
	    "# recommendation: kappa centralized\nname: a -%2D> b %2525\n"
	    "latency: 10m\n-->\ntail\n";
	struct record_meta	m;
	size_t			len = sizeof buf - 1;
	char			err[128];
	int			line = 0;

	(void)state;
	assert_int_equal(record_extract(buf, &len, &m, &line, err, sizeof err),
	    1);
	assert_int_equal(m.line, 4);
	assert_string_equal(m.date, "2026-01-02");
	assert_int_equal(m.date_line, 5);
	assert_string_equal(m.processing, "kappa");
	assert_string_equal(m.organization, "centralized");
	/* Four empty lines, then the block's lines, unescaped. */
	assert_string_equal(buf, "\n\n\n\n# date: 2026-01-02\n"
	    "# recommendation: kappa centralized\nname: a --> b %25\n"
	    "latency: 10m\n");
	assert_int_equal(len, strlen(buf));
}

static void
test_none_and_broken(void **state)
{
	char			plain[] = "latency: 10m\n";
	char			open_[] = "x\n<!-- archadvisor:answers\nlatency: 1m\n";
	struct record_meta	m;
	size_t			len = sizeof plain - 1;
	char			err[128];
	int			line = 0;

	(void)state;
	assert_int_equal(record_extract(plain, &len, &m, &line, err,
	    sizeof err), 0);
	assert_string_equal(plain, "latency: 10m\n");
	len = sizeof open_ - 1;
	assert_int_equal(record_extract(open_, &len, &m, &line, err,
	    sizeof err), -1);
	assert_int_equal(line, 2);
	assert_true(record_looks_like_markup(" \n<html>", 8));
	assert_false(record_looks_like_markup("a: <b>", 6));
}

static void
test_date_format(void **state)
{
	char	buf[16];
	long	d;

	(void)state;
	assert_int_equal(date_parse("2024-02-29", &d), 0);
	assert_string_equal(date_format(d, buf, sizeof buf), "2024-02-29");
	assert_string_equal(date_format(d + 366, buf, sizeof buf),
	    "2025-03-01");
	assert_string_equal(date_format(0, buf, sizeof buf), "1970-01-01");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extract),
		cmocka_unit_test(test_none_and_broken),
		cmocka_unit_test(test_date_format),
	};

	return (cmocka_run_group_tests_name("record", tests, NULL, NULL));
}
