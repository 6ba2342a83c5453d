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
 * JSON lines: the same answers written as YAML documents and as JSON lines
 * read the same; and the problems of bad lines at their columns.
 * Also: a long stream through a pipe, documents after a syntax error, and
 * the size limit.
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

static struct kb	*kb;
static uint64_t		 rng = 0x853c49e6748fea9bULL;

static int
setup(void **state)
{
	(void)state;
	kb = fx_kb_stock();
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	kb_free(kb);
	return (0);
}

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

struct text {
	char	*s;
	size_t	 n, cap;
};

static void
add(struct text *t, const char *s)
{
	size_t	n = strlen(s);

	if (t->n + n + 1 > t->cap) {
		t->cap = (t->n + n + 1) * 2;
		t->s = xreallocarray(t->s, t->cap, 1);
	}
	memcpy(t->s + t->n, s, n + 1);
	t->n += n;
}

/* A stream of ndocs random documents. */
static void
random_stream(struct text *t, int ndocs)
{
	int	i, k, nl;

	t->n = 0;
	add(t, "");
	for (i = 0; i < ndocs; i++) {
		if (i > 0 || fx_random(&rng) % 2)
			add(t, fx_random(&rng) % 8 ? "---\n" : "--- \n");
		nl = (int)(fx_random(&rng) % 7);
		for (k = 0; k < nl; k++) {
			/* Mostly plain lines, as tools write them. */
			add(t, lines[fx_random(&rng) % (fx_random(&rng) % 3 ?
			    45 : NLINES)]);
			add(t, "\n");
		}
	}
}

/* The same answers (struct value has padding: compare the fields). */
static void
same_values(const struct value *a, const struct value *b)
{
	size_t	i;

	for (i = 0; i < kb->nquestions; i++) {
		if (a[i].known != b[i].known || (a[i].known &&
		    a[i].num != b[i].num))
			fail_msg("question %s: %d/%lld and %d/%lld",
			    kb->questions[i].id, a[i].known,
			    (long long)a[i].num, b[i].known,
			    (long long)b[i].num);
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
compare_stream(const struct text *t)
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
	sr = scenario_reader_new(kb, "s.yaml", fd, SCENARIO_YAML);
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
		answers_init(&a, kb);
		ok = answers_from_doc(&a, kb, "s.yaml", &doc, &dy) == 0;
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
			same_values(sc.v, a.v);
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
	struct text	t = { NULL, 0, 0 };
	int		i;

	(void)state;
	for (i = 0; i < 3000; i++) {
		random_stream(&t, 1 + (int)(fx_random(&rng) % 6));
		compare_stream(&t);
	}
	free(t.s);
}

/* Reads text in format fmt; returns the statuses as a string "OOB.". */
static void
read_all(const char *text, enum scenario_format fmt, char *got, size_t max,
    struct diag *d)
{
	struct scenario_reader	*sr;
	struct scenario		 sc;
	enum scenario_status	 st;
	size_t			 n = 0;
	int			 fd;

	fd = fx_fd_of(text, strlen(text));
	sr = scenario_reader_new(kb, "in", fd, fmt);
	while ((st = scenario_reader_next(sr, &sc, d)) != SCENARIO_END &&
	    n + 1 < max) {
		got[n++] = st == SCENARIO_OK ? 'O' : st == SCENARIO_BAD ? 'B' :
		    'E';
		if (st == SCENARIO_IOERR)
			break;
	}
	got[n] = '\0';
	scenario_reader_free(sr);
	close(fd);
}

/* A syntax error spoils its document only; numbering goes on. */
static void
test_yaml_goes_on_after_errors(void **state)
{
	struct diag	d;
	char		got[16];

	(void)state;
	diag_init(&d);
	read_all("latency: 10m\n---\nlatency: [oops\n---\nvolume: 2TB\n"
	    "---\nfoo: 1\n---\nname: last\n", SCENARIO_YAML, got,
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
	read_all("# head\n---\nlatency: 1m\n---\n# tail\n", SCENARIO_YAML,
	    got, sizeof got, &d);
	assert_string_equal(got, "OO");
	read_all("latency: 1m\n...\n# between\n%YAML 1.1\n---\nvolume: "
	    "1TB\n", SCENARIO_YAML, got, sizeof got, &d);
	assert_string_equal(got, "OO");
	assert_int_equal(d.n, 0);
	/* As libyaml has it, "..." must be followed by "---", not text. */
	read_all("latency: 1m\n...\n  volume: 1TB\n---\nname: x\n",
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
	read_all("latency: 1m\n...\n...\n---\nname: x\n...\n",
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
	read_all("latency: 1m\n---\nname: ok\nname2: \xff\n---\nvolume: 1TB\n",
	    SCENARIO_YAML, got, sizeof got, &d);
	assert_string_equal(got, "OBO");
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 4);
	assert_int_equal(d.items[0].col, 8);
	assert_non_null(strstr(d.items[0].msg, "(byte 32)"));
	diag_free(&d);
}

/* The same answers as YAML and as JSON lines read the same. */
static void
test_jsonl_agrees_with_yaml(void **state)
{
	struct scenario_reader	*ry, *rj;
	struct scenario		 sy, sj;
	struct diag		 d;
	struct text		 y = { NULL, 0, 0 }, j = { NULL, 0, 0 };
	const struct question	*q;
	struct value		 v;
	char			 buf[256], item[64];
	size_t			 i, m, n;
	int			 k, fy, fj;
	uint64_t		 bits;

	(void)state;
	add(&y, "");
	add(&j, "");
	for (k = 0; k < 2000; k++) {
		snprintf(buf, sizeof buf, "---\nname: s%d\n", k);
		add(&y, buf);
		snprintf(buf, sizeof buf, "{\"name\": \"s%d\"", k);
		add(&j, buf);
		for (i = 0; i < kb->nquestions; i++) {
			if (fx_random(&rng) % 3 == 0)
				continue;
			q = &kb->questions[i];
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
			add(&y, q->id);
			add(&y, ": ");
			add(&y, buf);
			add(&y, "\n");
			add(&j, ", \"");
			add(&j, q->id);
			add(&j, "\": ");
			if (q->dom.type == VAL_SET) {
				add(&j, "[");
				bits = v.bits;
				for (m = n = 0; m < q->dom.nnames; m++) {
					if (!(bits & (1u << m)))
						continue;
					snprintf(item, sizeof item, "%s\"%s\"",
					    n++ ? ", " : "", q->dom.names[m]);
					add(&j, item);
				}
				add(&j, "]");
			} else if (q->dom.type == VAL_INT ||
			    q->dom.type == VAL_BOOL)
				add(&j, buf);
			else {
				add(&j, "\"");
				add(&j, buf);
				add(&j, "\"");
			}
		}
		add(&j, "}\n");
	}
	fy = fx_fd_of(y.s, y.n);
	fj = fx_fd_of(j.s, j.n);
	ry = scenario_reader_new(kb, "y", fy, SCENARIO_YAML);
	rj = scenario_reader_new(kb, "j", fj, SCENARIO_JSONL);
	diag_init(&d);
	for (k = 0; k < 2000; k++) {
		assert_int_equal(scenario_reader_next(ry, &sy, &d),
		    SCENARIO_OK);
		assert_int_equal(scenario_reader_next(rj, &sj, &d),
		    SCENARIO_OK);
		same_values(sy.v, sj.v);
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
	struct text	t = { NULL, 0, 0 };
	struct diag	d;
	char		got[64];
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		t.n = 0;
		add(&t, "");
		add(&t, "\n{\"latency\": \"1m\"}\n");
		add(&t, bad[i].line);
		add(&t, "\n\n{\"name\": \"after\", \"use_cases\": []}\n");
		diag_init(&d);
		read_all(t.s, SCENARIO_JSONL, got, sizeof got, &d);
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
	sr = scenario_reader_new(kb, "in", fd, SCENARIO_JSONL);
	diag_init(&d);
	assert_int_equal(scenario_reader_next(sr, &sc, &d), SCENARIO_OK);
	assert_string_equal(sc.name, "caf\xc3\xa9 \"x\"");
	qi = kb_question_index(kb, "latency");
	assert_true(sc.v[qi].known && sc.v[qi].num == 60);
	qi = kb_question_index(kb, "domains");
	assert_true(sc.v[qi].known && sc.v[qi].num == 12);
	qi = kb_question_index(kb, "central_bottleneck");
	assert_true(sc.v[qi].known && sc.v[qi].num == 1);
	qi = kb_question_index(kb, "volume");
	assert_false(sc.v[qi].known);
	qi = kb_question_index(kb, "use_cases");
	assert_true(sc.v[qi].known && sc.v[qi].bits != 0);
	assert_int_equal(scenario_reader_next(sr, &sc, &d), SCENARIO_END);
	assert_int_equal(d.n, 0);
	diag_free(&d);
	scenario_reader_free(sr);
	close(fd);
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
	sr = scenario_reader_new(kb, "-", p[0], SCENARIO_YAML);
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
	struct text	t = { NULL, 0, 0 };
	struct diag	d;
	char		got[16], *big;
	size_t		n = (size_t)YAML_TREE_MAX_FILE + 1000;

	(void)state;
	big = xmalloc(n + 1);
	memset(big, 'x', n);
	big[n] = '\0';
	add(&t, "latency: 1m\n---\nname: ");
	add(&t, big);
	add(&t, "\n---\nvolume: 1TB\n");
	diag_init(&d);
	read_all(t.s, SCENARIO_YAML, got, sizeof got, &d);
	assert_string_equal(got, "OBO");
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 2);
	assert_string_equal(d.items[0].msg, "document longer than 16777216 "
	    "bytes");
	diag_free(&d);
	t.n = 0;
	add(&t, "{}\n{\"name\": \"");
	add(&t, big);
	add(&t, "\"}\n{}\n");
	diag_init(&d);
	read_all(t.s, SCENARIO_JSONL, got, sizeof got, &d);
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
		cmocka_unit_test(test_jsonl_agrees_with_yaml),
		cmocka_unit_test(test_jsonl_problems),
		cmocka_unit_test(test_jsonl_forms),
		cmocka_unit_test(test_pipe_long_stream),
		cmocka_unit_test(test_huge_document),
		cmocka_unit_test(test_format_of),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
