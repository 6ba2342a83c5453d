/*
 * test_scenario_stream: the batch reader (scenario_stream.h).
 *
 * YAML: streams of random documents built from lines a person or a tool
 * might write, plain and awkward (quotes, comments, flow and block lists,
 * indentation, tabs, CR, non-ASCII, anchors, duplicates, unknown keys,
 * markers), are read by the reader and, as the reference, by libyaml over
 * the whole stream and answers_from_doc. Document by document, up to the
 * reference's first syntax error, both must agree: the same answers and
 * name, or the same problems at the same file:line:col. This is what makes
 * the reader's fast path safe: wherever it accepts a document, it must
 * read what libyaml reads.
 *
 * Also: a long stream through a pipe, documents after a syntax error, and
 * the size limit. JSON lines are in test_scenario_jsonl.
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

#include "answers_load.h"
#include "fixtures.h"
#include "kb_load.h"
#include "scenario_stream.h"
#include "xmalloc.h"
#include "yaml_tree.h"

static uint64_t		 rng = 0x853c49e6748fea9bULL;

/* Lines for random documents: mostly plain, some awkward. */
static const char *const lines[] = {
	"latency: 10m", "latency: 2m", "latency: 1d", "latency: 4h30m",
	"latency: '10m'", "latency: \"10m\"", "latency:", "latency: ~",
	"latency: null", "latency: 10m # strict", "latency:  10m  ",
	"latency: 10m#x", "latency:10m", "latency : 10m", "  latency: 10m",
	"latency: [10m]", "latency: banana", "latency: 0s", "latency: unknown",
	"volume: 2TB", "volume: 500GB", "volume: 2 TB", "volume: -",
	"history: 50TB", "domains: 5", "domains: 5.0", "domains: -1",
	"domains: 12", "domains: '7'", "maturity: 3", "maturity: 9",
	"central_bottleneck: true", "central_bottleneck: yes",
	"central_bottleneck: True", "central_bottleneck: maybe",
	"realtime_outputs: false", "event_driven: true",
	"sql_skills: strong", "sql_skills: none", "sql_skills: Strong",
	"streaming_skills: some", "cost_priority: high",
	"ops_capacity: low", "aggregations: complex", "reprocessing: rare",
	"use_cases: [iot, etl]", "use_cases: [iot,etl]", "use_cases: []",
	"use_cases: [ iot ]", "use_cases: [iot, ]", "use_cases: iot, etl",
	"use_cases: [iot, unknown]", "use_cases: [iot, [etl]]",
	"use_cases:\n  - iot\n  - reporting", "use_cases: [reporting]",
	"use_cases: [fraud_detection, ml_features, iot]",
	"name: Bob's team", "name: 'Bob''s'", "name: a: b", "name: -5",
	"name: - x", "name: x\n  y", "name: \"tab\\there\"", "name: plain name",
	"name: (draft) v2", "name: [x]", "name:", "name: 'quoted, with comma'",
	"description: |\n  two\n  lines", "description: short",
	"unknown_key: 1", "UnknownKey: x", "# a comment", "", "   ",
	"  # indented comment", "%YAML 1.2", "...", "--- # marker",
	"latency: 10m\r", "name: caf\xc3\xa9", "name: \xff\xfe",
	"latency: &a 10m", "volume: *a", "? latency\n: 10m", "{latency: 10m}",
	"latency: {a: 1}", "latency: 10m\nlatency: 5m", "name: ---x",
	"name: x # y # z", "latency:\t10m", "\tlatency: 10m", "latency: \"a",
	"latency: 'unterminated", "[1, 2]", "just a scalar", "- 1\n- 2",
	"name: \"esc \\u00e9\"", "volume: 1.5TB", "volume: 0.1B",
};
#define NLINES	(sizeof lines / sizeof lines[0])

/* A stream of ndocs random documents. */
static void
random_stream(struct fx_text *t, int ndocs)
{
	int	i, k, nl;

	t->n = 0;
	fx_text_add(t, "");
	for (i = 0; i < ndocs; i++) {
		if (i > 0 || fx_random(&rng) % 2)
			fx_text_add(t,
			    fx_random(&rng) % 8 ? "---\n" : "--- \n");
		nl = (int)(fx_random(&rng) % 7);
		for (k = 0; k < nl; k++) {
			/* Mostly plain lines, as tools write them. */
			fx_text_add(t, lines[fx_random(&rng) %
			    (fx_random(&rng) % 3 ? 45 : NLINES)]);
			fx_text_add(t, "\n");
		}
	}
}

static void
same_diag(const struct diag *a, const struct diag *b)
{
	size_t	i;

	assert_int_equal(a->n, b->n);
	for (i = 0; i < a->n; i++) {
		assert_int_equal(a->items[i].line, b->items[i].line);
		assert_int_equal(a->items[i].col, b->items[i].col);
		assert_string_equal(a->items[i].msg, b->items[i].msg);
	}
}

/* Whether libyaml's next document is a syntax error. */
static int
trailing_error(struct yaml_stream *ys)
{
	struct yaml_doc	doc;
	struct diag	d;
	int		rc;

	diag_init(&d);
	if ((rc = yaml_stream_next(ys, &doc, &d)) == 1)
		yaml_doc_free(&doc);
	diag_free(&d);
	return (rc < 0);
}

/* Reads t both ways and compares, document by document. */
static void
compare_stream(const struct fx_text *t)
{
	struct scenario_reader	*sr;
	struct yaml_stream	*ys;
	struct scenario		 sc;
	struct yaml_doc		 doc;
	struct answers		 a;
	struct diag		 dr, dy;
	enum scenario_status	 st;
	int			 fd, rc, ok, prev_bad = 0;
	size_t			 k = 0;

	fd = fx_fd_of(t->s, t->n);
	sr = scenario_reader_new(fx_kb, "s.yaml", fd, SCENARIO_YAML);
	ys = yaml_stream_new("s.yaml", t->s, t->n);
	for (;;) {
		diag_init(&dr);
		diag_init(&dy);
		rc = yaml_stream_next(ys, &doc, &dy);
		st = scenario_reader_next(sr, &sc, &dr);
		if (rc == 0) {
			/* Nothing left: the reader agrees. */
			assert_int_equal(st, SCENARIO_END);
			diag_free(&dr);
			diag_free(&dy);
			break;
		}
		k++;
		if (rc < 0) {
			/*
			 * A syntax error: the reader refuses it too. (Not
			 * so invalid UTF-8: libyaml checks text ahead of what
			 * it parses, and may refuse a document for bytes
			 * after it; test_yaml_reader_error_place has that.)
			 */
			if (strncmp(dy.items[0].msg, "not valid text", 14) ==
			    0) {
				diag_free(&dr);
				diag_free(&dy);
				break;
			}
			/*
			 * (Or the one before: text before the next "---"
			 * that libyaml finds after a complete document is,
			 * to the reader, part of that document.)
			 */
			if (st == SCENARIO_OK && !prev_bad)
				fail_msg("document %zu: reader %d, libyaml "
				    "error %s:%d:%d %s\n%s", k, st,
				    dy.items[0].file, dy.items[0].line,
				    dy.items[0].col, dy.items[0].msg, t->s);
			diag_free(&dr);
			diag_free(&dy);
			break;
		}
		assert_int_equal(sc.index, k);
		answers_init(&a, fx_kb);
		ok = answers_from_doc(&a, fx_kb, "s.yaml", &doc, &dy) == 0;
		/*
		 * Text after a complete document and before the next
		 * "---" is, to libyaml, an error in the next document; the
		 * reader, which cuts at "---", blames this one. Either way
		 * both stop there.
		 */
		if (ok && st == SCENARIO_BAD && trailing_error(ys)) {
			answers_free(&a);
			yaml_doc_free(&doc);
			diag_free(&dr);
			diag_free(&dy);
			break;
		}
		if (ok != (st == SCENARIO_OK))
			fail_msg("document %zu: reader %d, reference %s\n%s", k,
			    st, ok ? "ok" : dy.items[0].msg, t->s);
		prev_bad = st != SCENARIO_OK;
		if (ok) {
			fx_same_values(fx_kb, sc.v, a.v);
			if (a.name == NULL)
				assert_null(sc.name);
			else
				assert_string_equal(sc.name, a.name);
		} else
			same_diag(&dr, &dy);
		answers_free(&a);
		yaml_doc_free(&doc);
		diag_free(&dr);
		diag_free(&dy);
	}
	yaml_stream_free(ys);
	scenario_reader_free(sr);
	close(fd);
}

static void
test_yaml_agrees_with_libyaml(void **state)
{
	struct fx_text	t = { NULL, 0, 0 };
	int		i;

	(void)state;
	for (i = 0; i < 3000; i++) {
		random_stream(&t, 1 + (int)(fx_random(&rng) % 6));
		compare_stream(&t);
	}
	free(t.s);
}

/* A syntax error spoils its document only; numbering goes on. */
static void
test_yaml_goes_on_after_errors(void **state)
{
	struct diag	d;
	char		got[16];

	(void)state;
	diag_init(&d);
	fx_read_all(fx_kb, "latency: 10m\n---\nlatency: [oops\n---\n"
	    "volume: 2TB\n---\nfoo: 1\n---\nname: last\n", SCENARIO_YAML, got,
	    sizeof got, &d);
	assert_string_equal(got, "OBOBO");
	assert_int_equal(d.n, 2);
	/* Places are in the whole stream. */
	assert_int_equal(d.items[0].line, 4);
	assert_int_equal(d.items[1].line, 7);
	assert_int_equal(d.items[1].col, 1);
	assert_string_equal(d.items[1].msg, "unknown question 'foo' (see "
	    "'archadvisor questions')");
	diag_free(&d);

	/* Comments alone at the end are no document; "---" alone is one. */
	diag_init(&d);
	fx_read_all(fx_kb, "# head\n---\nlatency: 1m\n---\n# tail\n",
	    SCENARIO_YAML, got, sizeof got, &d);
	assert_string_equal(got, "OO");
	fx_read_all(fx_kb, "latency: 1m\n...\n# between\n%YAML 1.1\n---\n"
	    "volume: 1TB\n", SCENARIO_YAML, got, sizeof got, &d);
	assert_string_equal(got, "OO");
	assert_int_equal(d.n, 0);
	/* As libyaml has it, "..." must be followed by "---", not text. */
	fx_read_all(fx_kb, "latency: 1m\n...\n  volume: 1TB\n---\nname: x\n",
	    SCENARIO_YAML, got, sizeof got, &d);
	assert_string_equal(got, "OBO");
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 3);
	assert_int_equal(d.items[0].col, 3);
	assert_string_equal(d.items[0].msg, "did not find expected "
	    "<document start>");
	diag_free(&d);
	/* ... and repeated, it is nothing. */
	diag_init(&d);
	fx_read_all(fx_kb, "latency: 1m\n...\n...\n---\nname: x\n...\n",
	    SCENARIO_YAML, got, sizeof got, &d);
	assert_string_equal(got, "OO");
	assert_int_equal(d.n, 0);
	diag_free(&d);
}

/* Invalid UTF-8 is placed at line:col, even deep in a long stream. */
static void
test_yaml_reader_error_place(void **state)
{
	struct diag	d;
	char		got[16];

	(void)state;
	diag_init(&d);
	fx_read_all(fx_kb,
	    "latency: 1m\n---\nname: ok\nname2: \xff\n---\nvolume: 1TB\n",
	    SCENARIO_YAML, got, sizeof got, &d);
	assert_string_equal(got, "OBO");
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 4);
	assert_int_equal(d.items[0].col, 8);
	assert_non_null(strstr(d.items[0].msg, "(byte 32)"));
	diag_free(&d);
}

/*
 * A long stream through a pipe, which hands it over in pieces that cut
 * documents anywhere: every document is found, none twice.
 */
static void
test_pipe_long_stream(void **state)
{
	struct scenario_reader	*sr;
	struct scenario		 sc;
	struct diag		 d;
	const char		*doc = "---\nname: n\nlatency: 10m\nvolume: "
	    "2TB\nuse_cases: [iot, etl]\n";
	size_t			 len = strlen(doc), n = 0;
	pid_t			 pid;
	int			 p[2], i;

	(void)state;
	assert_int_equal(pipe(p), 0);
	if ((pid = fork()) == 0) {
		close(p[0]);
		for (i = 0; i < 200000; i++)
			if (write(p[1], doc, len) != (ssize_t)len)
				_exit(1);
		_exit(0);
	}
	close(p[1]);
	sr = scenario_reader_new(fx_kb, "-", p[0], SCENARIO_YAML);
	diag_init(&d);
	while (scenario_reader_next(sr, &sc, &d) == SCENARIO_OK)
		n++;
	assert_int_equal(n, 200000);
	assert_int_equal(d.n, 0);
	diag_free(&d);
	scenario_reader_free(sr);
	close(p[0]);
}

/* A document past the size limit is refused and skipped, alone. */
static void
test_huge_document(void **state)
{
	struct fx_text	t = { NULL, 0, 0 };
	struct diag	d;
	char		got[16], *big;
	size_t		n = (size_t)YAML_TREE_MAX_FILE + 1000;

	(void)state;
	big = xmalloc(n + 1);
	memset(big, 'x', n);
	big[n] = '\0';
	fx_text_add(&t, "latency: 1m\n---\nname: ");
	fx_text_add(&t, big);
	fx_text_add(&t, "\n---\nvolume: 1TB\n");
	diag_init(&d);
	fx_read_all(fx_kb, t.s, SCENARIO_YAML, got, sizeof got, &d);
	assert_string_equal(got, "OBO");
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 2);
	assert_string_equal(d.items[0].msg, "document longer than 16777216 "
	    "bytes");
	diag_free(&d);
	t.n = 0;
	fx_text_add(&t, "{}\n{\"name\": \"");
	fx_text_add(&t, big);
	fx_text_add(&t, "\"}\n{}\n");
	diag_init(&d);
	fx_read_all(fx_kb, t.s, SCENARIO_JSONL, got, sizeof got, &d);
	assert_string_equal(got, "OBO");
	assert_int_equal(d.items[0].line, 2);
	assert_string_equal(d.items[0].msg, "line longer than 16777216 "
	    "bytes");
	diag_free(&d);
	free(big);
	free(t.s);
}

static void
test_format_of(void **state)
{
	(void)state;
	assert_int_equal(scenario_format_of("a.jsonl"), SCENARIO_JSONL);
	assert_int_equal(scenario_format_of("dir/a.ndjson"), SCENARIO_JSONL);
	assert_int_equal(scenario_format_of("a.yaml"), SCENARIO_YAML);
	assert_int_equal(scenario_format_of("-"), SCENARIO_YAML);
	assert_int_equal(scenario_format_of(".jsonl"), SCENARIO_YAML);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml_agrees_with_libyaml),
		cmocka_unit_test(test_yaml_goes_on_after_errors),
		cmocka_unit_test(test_yaml_reader_error_place),
		cmocka_unit_test(test_pipe_long_stream),
		cmocka_unit_test(test_huge_document),
		cmocka_unit_test(test_format_of),
	};

	return (cmocka_run_group_tests(tests, fx_setup_stock, fx_teardown_kb));
}
