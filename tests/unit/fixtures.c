/*
 * fixtures: the helpers the unit tests share (see fixtures.h).
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
#include "xmalloc.h"

/* Fails the test when the load failed, its problems printed first. */
static struct kb *
loaded(struct kb *kb, enum load_status st, struct diag *d)
{
	if (st != LOAD_OK)
		diag_print(stderr, d);
	diag_free(d);
	assert_int_equal(st, LOAD_OK);
	assert_non_null(kb);
	return (kb);
}

struct kb *
fx_kb_file(const char *path)
{
	struct kb		*kb = NULL;
	struct diag		 d;
	enum load_status	 st;

	diag_init(&d);
	st = kb_load_path(path, &kb, &d);
	return (loaded(kb, st, &d));
}

struct kb *
fx_kb_stock(void)
{
	struct kb		*kb = NULL;
	struct diag		 d;
	enum load_status	 st;

	diag_init(&d);
	st = kb_load_stock(&kb, &d);
	return (loaded(kb, st, &d));
}

struct kb *
fx_kb_text(const char *name, const char *text)
{
	struct kb_source	 src;
	struct kb		*kb = NULL;
	struct diag		 d;
	enum load_status	 st;

	src.name = name;
	src.data = text;
	src.len = strlen(text);
	diag_init(&d);
	st = kb_load_sources(&src, 1, &kb, &d);
	return (loaded(kb, st, &d));
}

void
fx_set(struct answers *a, const struct kb *kb, const char *arg)
{
	char	err[512];

	if (answers_set_arg(a, kb, arg, err, sizeof err) != 0)
		fail_msg("%s: %s", arg, err);
}

void
fx_set_all(struct answers *a, const struct kb *kb, const char *const *args)
{
	size_t	i;

	for (i = 0; args[i] != NULL; i++)
		fx_set(a, kb, args[i]);
}

uint64_t
fx_random(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return (*state * 2685821657736338717ULL);
}

char *
fx_slurp(const char *path)
{
	char	*buf;
	long	 n;
	FILE	*fp;

	fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n >= 0);
	rewind(fp);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	return (buf);
}

int
fx_fd_of(const char *text, size_t len)
{
	char	path[] = "/tmp/test_fixture_XXXXXX";
	int	fd;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	return (fd);
}

void
fx_capture_open(struct fx_capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->fp = open_memstream(&c->buf, &c->len);
	assert_non_null(c->fp);
}

char *
fx_capture_close(struct fx_capture *c)
{
	assert_int_equal(fclose(c->fp), 0);
	c->fp = NULL;
	return (c->buf);
}

char *
fx_render(int (*fn)(FILE *, const struct report_ctx *),
    const struct report_ctx *ctx)
{
	struct fx_capture	c;

	fx_capture_open(&c);
	assert_int_equal(fn(c.fp, ctx), 0);
	return (fx_capture_close(&c));
}

/* Appends a question of type to kb, with the names its domain declares. */
static void
add_question(struct kb *kb, enum value_type type, const char *id,
    const char *names)
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

struct kb *
fx_kb_expr(void)
{
	struct kb	*kb;

	kb = kb_new();
	kb->questions = xcalloc(FXQ_N, sizeof *kb->questions);
	add_question(kb, VAL_DURATION, "latency", NULL);
	add_question(kb, VAL_SIZE, "volume", NULL);
	add_question(kb, VAL_INT, "maturity", NULL);
	kb->questions[FXQ_MATURITY].dom.has_min = true;
	kb->questions[FXQ_MATURITY].dom.min = 1;
	kb->questions[FXQ_MATURITY].dom.has_max = true;
	kb->questions[FXQ_MATURITY].dom.max = 5;
	add_question(kb, VAL_BOOL, "central_bottleneck", NULL);
	add_question(kb, VAL_BOOL, "event_driven", NULL);
	add_question(kb, VAL_BOOL, "all_realtime", NULL);
	add_question(kb, VAL_LEVEL, "streaming_skills", "none some strong");
	add_question(kb, VAL_SET, "use_cases",
	    "reporting iot fraud_detection");
	return (kb);
}

void
fx_expr_rejects(const struct kb *kb, const char *text, size_t offset,
    const char *msg)
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

/* The message value_parse gives for text in dom; fails if it succeeds. */
const char *
fx_parse_err(const struct value_domain *dom, const char *text)
{
	static char	err[256];
	struct value	v;

	err[0] = '\0';
	assert_int_equal(value_parse(dom, text, &v, err, sizeof err), -1);
	assert_false(v.known);
	return (err);
}

void
fx_text_add(struct fx_text *t, const char *s)
{
	size_t	n = strlen(s);

	if (t->n + n + 1 > t->cap) {
		t->cap = (t->n + n + 1) * 2;
		t->s = xreallocarray(t->s, t->cap, 1);
	}
	memcpy(t->s + t->n, s, n + 1);
	t->n += n;
}

void
fx_same_values(const struct kb *kb, const struct value *a,
    const struct value *b)
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

void
fx_read_all(const struct kb *kb, const char *text, enum scenario_format fmt,
    char *got, size_t max, struct diag *d)
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

int
fx_handout_setup(void **state)
{
	static struct fx_handout	 f;
	struct diag		 d;

	setenv("SOURCE_DATE_EPOCH", "1735689600", 1);
	diag_init(&d);
	assert_int_equal(kb_load_path("tests/handout/hostile.yaml", &f.kb,
	    &d), LOAD_OK);
	assert_int_equal(answers_load_file(&f.a, f.kb,
	    "tests/handout/hostile-answers.yaml", &d), LOAD_OK);
	diag_free(&d);
	advice_init(&f.adv, f.kb, ADVICE_ALL, ADVICE_NPRECEDENTS);
	advice_update(&f.adv, f.a.v);
	memset(&f.ctx, 0, sizeof f.ctx);
	f.ctx.kb = f.kb;
	f.ctx.answers = &f.a;
	report_use_advice(&f.ctx, &f.adv);
	f.ctx.version = "test <v>";
	f.ctx.width = 80;
	*state = &f;
	return (0);
}

int
fx_handout_teardown(void **state)
{
	struct fx_handout	*f = *state;

	advice_free(&f->adv);
	answers_free(&f->a);
	kb_free(f->kb);
	return (0);
}

/* The awkward knowledge base: its head, then one rule per condition. */
const char fx_awkward_head[] =
    "knowledge_base: {name: awkward, version: \"1\"}\n"
    "scoring: {scale: 3, organization_threshold: 55}\n"
    "questions:\n"
    "  - {id: d, section: S, prompt: P, type: duration}\n"
    "  - {id: z, section: S, prompt: P, type: size}\n"
    "  - {id: n, section: S, prompt: P, type: integer, range: [-5, 20]}\n"
    "  - {id: b, section: S, prompt: P, type: bool}\n"
    "  - {id: c, section: S, prompt: P, type: bool}\n"
    "  - {id: l, section: S, prompt: P, type: level, "
    "values: [v0, v1, v2, v3, v4, v5]}\n"
    "  - {id: s, section: S, prompt: P, type: set, values: [m0, m1, m2]}\n"
    "patterns:\n"
    "  - {id: p0, name: P0, kind: processing, summary: x}\n"
    "  - {id: p1, name: P1, kind: processing, summary: x}\n"
    "  - {id: p2, name: P2, kind: processing, summary: x}\n"
    "  - {id: o, name: O, kind: organization, summary: x}\n"
    "rules:\n";

/* Conditions, each becoming one rule with effects that vary by index. */
const char *const fx_awkward_conds[] = {
	"d > 1h", "d >= 1h", "d < 1h", "d <= 1h", "d == 1h", "d != 1h",
	"5m > d", "5m <= d", "z >= 10TB", "z < 1TB", "1TB == z",
	"n < 0", "n >= -5", "n <= 20", "n > 19", "n != 3", "n in [1, 2, 3]",
	"n in [-5, 20, 7, 7, 8]", "not n in [0, 2, 4, 6]", "b", "not b",
	"b == false", "b != true", "b in [true, false]", "b in [false]",
	"not b in [true, false]", "l == v2", "l >= v3", "l < v1",
	"l in [v0, v1, v4]", "l in [v5]", "not l in [v1, v2, v3]",
	"s contains m0", "not s contains m2",
	"b and c", "b or c", "not (b and c)", "not (b or c)",
	"not (b and not c) or l >= v4",
	"(d < 5m or z >= 10TB) and not (n in [1, 3, 5] or s contains m1)",
	"not not not (b and (c or l == v0) and not (d > 1d or d < 1s))",
	"b and c and l >= v1 and n > 2 and s contains m1 and d < 1h",
	"b or c or l >= v5 or n > 18 or s contains m2 or d > 1w",
	"not (b or (c and (l in [v0, v2, v4] or not (n in [-5, -4, -3]))))",
	"b == unknown", "l != unknown", "not s == unknown",
	"(c or d < 5m) and z == unknown", "not (n != unknown and b)",
};

const size_t fx_awkward_nconds = sizeof fx_awkward_conds /
    sizeof fx_awkward_conds[0];


/* Values at and beside every threshold above, and the extremes. */
static const int64_t durations[] = { 1, 299, 300, 301, 3599, 3600, 3601,
    86400, 86401, 604801, INT64_MAX };
static const int64_t sizes[] = { 0, 999999999999LL, 1000000000000LL,
    1000000000001LL, 10000000000000LL, INT64_MAX };
static const int64_t ints[] = { -5, -4, -3, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8,
    18, 19, 20, INT64_MIN, INT64_MAX };

static int64_t
pick(uint64_t *rng, const int64_t *v, size_t n)
{
	return (v[fx_random(rng) % n]);
}

struct value
fx_random_value(uint64_t *rng, const struct question *q)
{
	struct value	v;

	v.known = fx_random(rng) % 4 != 0;
	v.num = (int64_t)fx_random(rng);
	if (!v.known)
		return (v);
	switch (q->dom.type) {
	case VAL_DURATION:
		v.num = pick(rng, durations,
		    sizeof durations / sizeof *durations);
		break;
	case VAL_SIZE:
		v.num = pick(rng, sizes, sizeof sizes / sizeof *sizes);
		break;
	case VAL_INT:
		v.num = pick(rng, ints, sizeof ints / sizeof *ints);
		break;
	case VAL_BOOL:
		v.num = (int64_t)(fx_random(rng) % 2);
		break;
	case VAL_LEVEL:
		v.num = (int64_t)(fx_random(rng) % (q->dom.nnames + 1));
		break;
	case VAL_SET:
		v.bits = fx_random(rng) % 8;
		break;
	}
	return (v);
}

struct kb *
fx_kb_awkward(void)
{
	struct kb	*kb;
	char		*text, *rule;
	size_t		 i;

	text = xstrdup(fx_awkward_head);
	for (i = 0; i < fx_awkward_nconds; i++) {
		/* Vetoes, stretches and three rule groups mixed in. */
		rule = xasprintf("%s  - {id: r%zu, when: \"%s\", effects: "
		    "{p%zu: %d, o: %d}%s%s%s, why: w, source: s}\n", text, i,
		    fx_awkward_conds[i], i % 3, (int)(i % 7) - 3,
		    (int)(i % 5) - 1,
		    i % 9 == 4 ? ", veto: [p1]" : "",
		    i % 7 == 2 ? ", stretch: [p0, o]" : "",
		    i % 4 == 1 ? ", group: g1" : i % 4 == 3 ? (i % 8 == 3 ?
		    ", group: g2" : ", group: g3") : "");
		free(text);
		text = rule;
	}
	kb = fx_kb_text("awkward.yaml", text);
	free(text);
	return (kb);
}

struct kb	*fx_kb;

int
fx_setup_stock(void **state)
{
	(void)state;
	fx_kb = fx_kb_stock();
	return (0);
}

int
fx_setup_mini(void **state)
{
	(void)state;
	fx_kb = fx_kb_file("tests/kb/mini.yaml");
	return (0);
}

int
fx_setup_expr(void **state)
{
	(void)state;
	fx_kb = fx_kb_expr();
	return (0);
}

int
fx_teardown_kb(void **state)
{
	(void)state;
	kb_free(fx_kb);
	fx_kb = NULL;
	return (0);
}
