/*
 * test_scenario_jsonl: the batch reader (scenario_stream.h) on JSON lines.
 * The same answers written as YAML documents and as JSON lines read the
 * same; the problems of bad lines are placed at their columns, and the
 * next lines are still read; JSON's own ways of writing a value are taken.
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

#include "fixtures.h"
#include "scenario_stream.h"
#include "xmalloc.h"

static uint64_t		 rng = 0x853c49e6748fea9bULL;

/* The same answers as YAML and as JSON lines read the same. */
static void
test_jsonl_agrees_with_yaml(void **state)
{
	struct scenario_reader	*ry, *rj;
	struct scenario		 sy, sj;
	struct diag		 d;
	struct fx_text		 y = { NULL, 0, 0 }, j = { NULL, 0, 0 };
	const struct question	*q;
	struct value		 v;
	char			 buf[256], item[64];
	size_t			 i, m, n;
	int			 k, fy, fj;
	uint64_t		 bits;

	(void)state;
	fx_text_add(&y, "");
	fx_text_add(&j, "");
	for (k = 0; k < 2000; k++) {
		snprintf(buf, sizeof buf, "---\nname: s%d\n", k);
		fx_text_add(&y, buf);
		snprintf(buf, sizeof buf, "{\"name\": \"s%d\"", k);
		fx_text_add(&j, buf);
		for (i = 0; i < fx_kb->nquestions; i++) {
			if (fx_random(&rng) % 3 == 0)
				continue;
			q = &fx_kb->questions[i];
			v.known = true;
			v.num = 0;
			switch (q->dom.type) {
			case VAL_LEVEL:
				v.num = (int64_t)(fx_random(&rng) %
				    q->dom.nnames);
				break;
			case VAL_BOOL:
				v.num = (int64_t)(fx_random(&rng) % 2);
				break;
			case VAL_SET:
				v.bits = fx_random(&rng) & ((1u <<
				    q->dom.nnames) - 1);
				break;
			case VAL_INT:
				v.num = q->dom.has_min ? q->dom.min : 1;
				v.num += (int64_t)(fx_random(&rng) % 4);
				break;
			default:
				v.num = 1 + (int64_t)(fx_random(&rng) % 100000);
				break;
			}
			value_format(&q->dom, &v, buf, sizeof buf);
			fx_text_add(&y, q->id);
			fx_text_add(&y, ": ");
			fx_text_add(&y, buf);
			fx_text_add(&y, "\n");
			fx_text_add(&j, ", \"");
			fx_text_add(&j, q->id);
			fx_text_add(&j, "\": ");
			if (q->dom.type == VAL_SET) {
				fx_text_add(&j, "[");
				bits = v.bits;
				for (m = n = 0; m < q->dom.nnames; m++) {
					if (!(bits & (1u << m)))
						continue;
					snprintf(item, sizeof item, "%s\"%s\"",
					    n++ ? ", " : "", q->dom.names[m]);
					fx_text_add(&j, item);
				}
				fx_text_add(&j, "]");
			} else if (q->dom.type == VAL_INT ||
			    q->dom.type == VAL_BOOL)
				fx_text_add(&j, buf);
			else {
				fx_text_add(&j, "\"");
				fx_text_add(&j, buf);
				fx_text_add(&j, "\"");
			}
		}
		fx_text_add(&j, "}\n");
	}
	fy = fx_fd_of(y.s, y.n);
	fj = fx_fd_of(j.s, j.n);
	ry = scenario_reader_new(fx_kb, "y", fy, SCENARIO_YAML);
	rj = scenario_reader_new(fx_kb, "j", fj, SCENARIO_JSONL);
	diag_init(&d);
	for (k = 0; k < 2000; k++) {
		assert_int_equal(scenario_reader_next(ry, &sy, &d),
		    SCENARIO_OK);
		assert_int_equal(scenario_reader_next(rj, &sj, &d),
		    SCENARIO_OK);
		fx_same_values(fx_kb, sy.v, sj.v);
		assert_string_equal(sy.name, sj.name);
		assert_int_equal(sy.index, sj.index);
	}
	assert_int_equal(scenario_reader_next(ry, &sy, &d), SCENARIO_END);
	assert_int_equal(scenario_reader_next(rj, &sj, &d), SCENARIO_END);
	assert_int_equal(d.n, 0);
	diag_free(&d);
	scenario_reader_free(ry);
	scenario_reader_free(rj);
	close(fy);
	close(fj);
	free(y.s);
	free(j.s);
}

/* Each bad JSON line: its problems at line:col, the next lines read. */
static void
test_jsonl_problems(void **state)
{
	static const struct {
		const char	*line;
		int		 col;
		const char	*msg;
	} bad[] = {
		{ "{\"latency\": \"banana\"}", 13, "latency: " },
		{ "{\"frob\": 1}", 2, "unknown question 'frob' (see "
		    "'archadvisor questions')" },
		{ "{\"latency\": \"1m\", \"latency\": \"2m\"}", 19,
		    "duplicate key 'latency' (first at column 2)" },
		{ "[1, 2]", 1, "answers must be a mapping of question id to "
		    "value, not a list" },
		{ "\"x\"", 1, "answers must be a mapping of question id to "
		    "value, not a scalar" },
		{ "{\"latency\": [\"1m\"]}", 13, "latency: expected a single "
		    "duration, not a list" },
		{ "{\"latency\": {\"a\": 1}}", 13, "latency: expected a "
		    "single duration, not a mapping" },
		{ "{\"use_cases\": [\"iot\", {}]}", 23, "use_cases: items must "
		    "be names, not a mapping" },
		{ "{\"use_cases\": [\"iot\", \"nope\"]}", 23, "use_cases: " },
		{ "{\"name\": [1]}", 10, "'name' must be text" },
		{ "{\"latency\": \"1m\",}", 18, "expected a string key, got "
		    "'}'" },
		{ "{\"latency\" \"1m\"}", 12, "expected ':', got '\"'" },
		{ "{\"latency\": \"1m\"", 17, "expected ',' or '}', got the "
		    "end of the line" },
		{ "{\"latency\": \"1m\"} x", 19, "unexpected text after the "
		    "object: one scenario per line" },
		{ "{\"name\": \"a\\u0000b\"}", 12, "text contains a NUL "
		    "character" },
		{ "{\"name\": \"\xff\"}", 11, "not valid text: invalid "
		    "UTF-8" },
		{ "{\"name\": \"\\ud800\"}", 11, "bad \\u escape: a lone "
		    "surrogate" },
		{ "{\"domains\": 1e}", 15, "expected a digit" },
		{ "{\"domains\": tru}", 13, "expected a value, got 't'" },
	};
	struct fx_text	t = { NULL, 0, 0 };
	struct diag	d;
	char		got[64];
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		t.n = 0;
		fx_text_add(&t, "");
		fx_text_add(&t, "\n{\"latency\": \"1m\"}\n");
		fx_text_add(&t, bad[i].line);
		fx_text_add(&t,
		    "\n\n{\"name\": \"after\", \"use_cases\": []}\n");
		diag_init(&d);
		fx_read_all(fx_kb, t.s, SCENARIO_JSONL, got, sizeof got, &d);
		if (strcmp(got, "OBO") != 0 || d.n != 1 ||
		    d.items[0].line != 3 || d.items[0].col != bad[i].col ||
		    strncmp(d.items[0].msg, bad[i].msg,
		    strlen(bad[i].msg)) != 0)
			fail_msg("%s: got %s, %zu problems, first %d:%d %s",
			    bad[i].line, got, d.n, d.n ? d.items[0].line : 0,
			    d.n ? d.items[0].col : 0, d.n ? d.items[0].msg :
			    "");
		diag_free(&d);
	}
	free(t.s);
}

/* JSON's own ways of writing the same value. */
static void
test_jsonl_forms(void **state)
{
	struct scenario_reader	*sr;
	struct scenario		 sc;
	struct diag		 d;
	const char		*text = "{ \"name\" : \"caf\\u00e9 \\\"x\\\"\" ,"
	    "\"latency\":\"1\\u006d\", \"domains\": 12, \"central_bottleneck\":"
	    " true, \"volume\": null, \"use_cases\": [\"iot\",\"etl\"]}\r\n";
	int			 fd, qi;

	(void)state;
	fd = fx_fd_of(text, strlen(text));
	sr = scenario_reader_new(fx_kb, "in", fd, SCENARIO_JSONL);
	diag_init(&d);
	assert_int_equal(scenario_reader_next(sr, &sc, &d), SCENARIO_OK);
	assert_string_equal(sc.name, "caf\xc3\xa9 \"x\"");
	qi = kb_question_index(fx_kb, "latency");
	assert_true(sc.v[qi].known && sc.v[qi].num == 60);
	qi = kb_question_index(fx_kb, "domains");
	assert_true(sc.v[qi].known && sc.v[qi].num == 12);
	qi = kb_question_index(fx_kb, "central_bottleneck");
	assert_true(sc.v[qi].known && sc.v[qi].num == 1);
	qi = kb_question_index(fx_kb, "volume");
	assert_false(sc.v[qi].known);
	qi = kb_question_index(fx_kb, "use_cases");
	assert_true(sc.v[qi].known && sc.v[qi].bits != 0);
	assert_int_equal(scenario_reader_next(sr, &sc, &d), SCENARIO_END);
	assert_int_equal(d.n, 0);
	diag_free(&d);
	scenario_reader_free(sr);
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonl_agrees_with_yaml),
		cmocka_unit_test(test_jsonl_problems),
		cmocka_unit_test(test_jsonl_forms),
	};

	return (cmocka_run_group_tests(tests, fx_setup_stock, fx_teardown_kb));
}
