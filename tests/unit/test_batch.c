/*
 * test_batch: the batch rows (batch_row.c) and the read-score-write loop
 * (src/cli/batch_run.c): CSV quoting, JSON escaping, one-decimal scores
 * rounded as the JSON report rounds them, rows for a ranking with no
 * processing pattern, bad documents counted and reported with their
 * number, --fail-fast, and an output that cannot be written.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "batch_run.h"
#include "fixtures.h"
#include "kb_load.h"


/* A ranking of mini's three patterns, filled by hand. */
static struct ranking *
ranking_of(double b, double s, double m, int processing, int org)
{
	struct ranking	*r = ranking_new(fx_kb);

	r->scores[0].score = b;
	r->scores[1].score = s;
	r->scores[2].score = m;
	r->order[0] = 1;
	r->order[1] = 0;
	r->order[2] = 2;
	r->processing = processing;
	r->organization = org;
	r->margin = s - b;
	return (r);
}

static void
test_header(void **state)
{
	struct fx_capture	c;
	char		*out;

	(void)state;
	fx_capture_open(&c);
	assert_int_equal(batch_write_header(c.fp, fx_kb, BATCH_CSV), 0);
	out = fx_capture_close(&c);
	assert_string_equal(out, "file,scenario,name,top,score,processing,"
	    "organization,margin,batch,stream,mesh\n");
	free(out);
	fx_capture_open(&c);
	assert_int_equal(batch_write_header(c.fp, fx_kb, BATCH_JSONL), 0);
	out = fx_capture_close(&c);
	assert_string_equal(out, "");
	free(out);
}

/* For Excel: a byte-order mark before the header, CRLF after each line
   (inside a quoted field a line break stays as it is). */
static void
test_csv_excel(void **state)
{
	struct ranking	*r;
	struct fx_capture	 c;
	char		*out;

	(void)state;
	r = ranking_of(12.04, 87.45, 99.96, 1, 2);
	fx_capture_open(&c);
	assert_int_equal(batch_write_header(c.fp, fx_kb, BATCH_CSV_EXCEL), 0);
	assert_int_equal(batch_write_row(c.fp, fx_kb, BATCH_CSV_EXCEL,
	    "in.yaml", 7, "two\nlines", r), 0);
	assert_int_equal(batch_write_row(c.fp, fx_kb, BATCH_CSV_EXCEL,
	    "in.yaml", 8, "=1+1", r), 0);
	out = fx_capture_close(&c);
	assert_string_equal(out, "\xef\xbb\xbf" "file,scenario,name,top,score,"
	    "processing,organization,margin,batch,stream,mesh\r\n"
	    "in.yaml,7,\"two\nlines\",stream,87.5,stream,mesh,75.4,12.0,87.5,"
	    "100.0\r\n"
	    "in.yaml,8,'=1+1,stream,87.5,stream,mesh,75.4,12.0,87.5,100.0\r\n");
	free(out);
	ranking_free(r);
}

static void
test_csv_rows(void **state)
{
	struct ranking	*r;
	struct fx_capture	 c;
	char		*out;

	(void)state;
	r = ranking_of(12.04, 87.45, 99.96, 1, 2);
	fx_capture_open(&c);
	assert_int_equal(batch_write_row(c.fp, fx_kb, BATCH_CSV, "in.yaml", 7,
	    "plain", r), 0);
	assert_int_equal(batch_write_row(c.fp, fx_kb, BATCH_CSV, "a,b.yaml", 8,
	    "say \"hi\", twice\nplease", r), 0);
	assert_int_equal(batch_write_row(c.fp, fx_kb, BATCH_CSV, "-", 9, NULL,
	    r), 0);
	out = fx_capture_close(&c);
	assert_string_equal(out,
	    "in.yaml,7,plain,stream,87.5,stream,mesh,75.4,12.0,87.5,100.0\n"
	    "\"a,b.yaml\",8,\"say \"\"hi\"\", twice\nplease\",stream,87.5,"
	    "stream,mesh,75.4,12.0,87.5,100.0\n"
	    "-,9,,stream,87.5,stream,mesh,75.4,12.0,87.5,100.0\n");
	free(out);
	ranking_free(r);

	/* Every processing pattern vetoed; no organisation. */
	r = ranking_of(0, 0, 40, -1, -1);
	r->margin = 0;
	fx_capture_open(&c);
	assert_int_equal(batch_write_row(c.fp, fx_kb, BATCH_CSV, "x", 1, "n",
	    r), 0);
	out = fx_capture_close(&c);
	assert_string_equal(out, "x,1,n,stream,0.0,,centralized,0.0,0.0,0.0,"
	    "40.0\n");
	free(out);
	ranking_free(r);
}

static void
test_jsonl_rows(void **state)
{
	struct ranking	*r;
	struct fx_capture	 c;
	char		*out;

	(void)state;
	r = ranking_of(-1.25, 50, 60.05, 1, -1);
	r->margin = 51.25;
	fx_capture_open(&c);
	assert_int_equal(batch_write_row(c.fp, fx_kb, BATCH_JSONL, "d\"ir\\f",
	    3, "caf\xc3\xa9 \x01\n\xff", r), 0);
	r->processing = -1;
	assert_int_equal(batch_write_row(c.fp, fx_kb, BATCH_JSONL, "f", 4, NULL,
	    r), 0);
	out = fx_capture_close(&c);
	assert_string_equal(out,
	    "{\"file\":\"d\\\"ir\\\\f\",\"scenario\":3,\"name\":\"caf\xc3\xa9 "
	    "\\u0001\\u000a\\ufffd\",\"top\":\"stream\",\"score\":50.0,"
	    "\"processing\":\"stream\",\"organization\":\"centralized\","
	    "\"margin\":51.3,\"scores\":{\"batch\":-1.3,\"stream\":50.0,"
	    "\"mesh\":60.1}}\n"
	    "{\"file\":\"f\",\"scenario\":4,\"name\":null,\"top\":\"stream\","
	    "\"score\":50.0,\"processing\":null,\"organization\":"
	    "\"centralized\",\"margin\":51.3,\"scores\":{\"batch\":-1.3,"
	    "\"stream\":50.0,\"mesh\":60.1}}\n");
	free(out);
	ranking_free(r);
}

static int
count_lines(const char *s)
{
	int	n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return (n);
}

static const char stream[] =
    "name: fast\nlatency: 1m\n---\nname: bad\nlatency: soon\n"
    "---\nname: slow\nlatency: 1d\n";

static void
test_run(void **state)
{
	struct batch_input	in;
	struct batch_options	o = { BATCH_CSV, false };
	struct batch_counts	n;
	struct fx_capture		c, e;
	char			*out, *err;

	(void)state;
	in.name = "s.yaml";
	in.fmt = SCENARIO_YAML;
	in.fd = fx_fd_of(stream, strlen(stream));
	fx_capture_open(&c);
	fx_capture_open(&e);
	assert_int_equal(batch_run(fx_kb, &in, 1, &o, c.fp, e.fp, &n),
	    BATCH_BAD_DATA);
	out = fx_capture_close(&c);
	err = fx_capture_close(&e);
	assert_int_equal(n.scored, 2);
	assert_int_equal(n.bad, 1);
	assert_false(n.stopped);
	/* latency 1m vetoes batch in mini; 1d gives batch +2. */
	assert_non_null(strstr(out, "\ns.yaml,1,fast,stream,"));
	assert_non_null(strstr(out, "\ns.yaml,3,slow,batch,"));
	assert_null(strstr(out, ",2,"));
	/* One line, placed, numbered (the words are value.c's). */
	assert_true(strncmp(err, "s.yaml:5:10: error: document 2: latency: "
	    "invalid duration 'soon'", 64) == 0);
	assert_int_equal(count_lines(err), 1);
	free(out);
	free(err);
	close(in.fd);

	/* --fail-fast: nothing after the bad document. */
	o.fail_fast = true;
	in.fd = fx_fd_of(stream, strlen(stream));
	fx_capture_open(&c);
	fx_capture_open(&e);
	assert_int_equal(batch_run(fx_kb, &in, 1, &o, c.fp, e.fp, &n),
	    BATCH_BAD_DATA);
	out = fx_capture_close(&c);
	err = fx_capture_close(&e);
	assert_int_equal(n.scored, 1);
	assert_true(n.stopped);
	assert_null(strstr(out, "slow"));
	free(out);
	free(err);
	close(in.fd);
}

static void
test_write_error(void **state)
{
	struct batch_input	in;
	struct batch_options	o = { BATCH_JSONL, false };
	struct batch_counts	n;
	struct fx_capture		e;
	FILE			*full;

	(void)state;
	if ((full = fopen("/dev/full", "w")) == NULL)
		skip();
	in.name = "s.yaml";
	in.fmt = SCENARIO_YAML;
	in.fd = fx_fd_of(stream, strlen(stream));
	fx_capture_open(&e);
	assert_int_equal(batch_run(fx_kb, &in, 1, &o, full, e.fp, &n),
	    BATCH_WRITE_ERROR);
	assert_true(n.stopped);
	free(fx_capture_close(&e));
	fclose(full);
	close(in.fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_csv_rows),
		cmocka_unit_test(test_csv_excel),
		cmocka_unit_test(test_jsonl_rows),
		cmocka_unit_test(test_run),
		cmocka_unit_test(test_write_error),
	};

	return (cmocka_run_group_tests(tests, fx_setup_mini, fx_teardown_kb));
}
