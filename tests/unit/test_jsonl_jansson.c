/*
 * test_jsonl_jansson: the batch reader's own JSON-lines parser
 * (scenario_jsonl.c) against jansson, a JSON parser that owes it nothing.
 *
 * Thousands of lines are generated: scenario objects as a tool would write
 * them (every stock question, values as strings, numbers, booleans, null
 * and lists, names with escapes, surrogate pairs and non-ASCII, random
 * spacing), and the same lines with one to three random edits (a byte
 * deleted, inserted, replaced or the line cut short), which make most of
 * them invalid JSON. Line by line:
 *   - a line jansson refuses, the reader refuses too: it never takes bad
 *     JSON for a scenario;
 *   - a line the reader takes, jansson reads to the same answers and the
 *     same name (its strings, numbers and lists parsed as the reader would
 *     parse their text);
 *   - every line as generated is taken.
 * And enough edited lines go each way that the test can fail.
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
#include <jansson.h>

#include "fixtures.h"
#include "kb_load.h"
#include "scenario_stream.h"
#include "xmalloc.h"

#define NLINES	6000
#define LINEMAX	2048

static uint64_t		 rng = 0x9e3779b97f4a7c15ULL;

static size_t
pick(size_t n)
{
	return ((size_t)(fx_random(&rng) % n));
}

struct buf {
	char	s[LINEMAX];
	size_t	n;
};

static void
add(struct buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	k;

	va_start(ap, fmt);
	k = vsnprintf(b->s + b->n, sizeof b->s - b->n, fmt, ap);
	va_end(ap);
	if (k > 0 && b->n + (size_t)k < sizeof b->s)
		b->n += (size_t)k;
}

/* Spacing a tool or a person might put between tokens. */
static void
space(struct buf *b)
{
	static const char *const sp[] = { "", "", "", " ", "  ", "\t", " \t" };

	add(b, "%s", sp[pick(sizeof sp / sizeof sp[0])]);
}

/* A value for question q, as JSON. */
static void
value_json(struct buf *b, const struct question *q)
{
	static const char *const durs[] = { "30s", "10m", "4h", "1d", "1w",
	    "90s", "2h" };
	static const char *const sizes[] = { "500MB", "2TB", "5PB", "1GiB",
	    "10GB" };
	size_t	i, n;

	if (pick(12) == 0) {
		add(b, "null");
		return;
	}
	switch (q->dom.type) {
	case VAL_DURATION:
		add(b, "\"%s\"", durs[pick(sizeof durs / sizeof durs[0])]);
		break;
	case VAL_SIZE:
		add(b, "\"%s\"", sizes[pick(sizeof sizes / sizeof sizes[0])]);
		break;
	case VAL_INT:
		/* A number, or its text as a string. */
		add(b, pick(3) ? "%d" : "\"%d\"", 1 + (int)pick(5));
		break;
	case VAL_BOOL:
		add(b, pick(2) ? "true" : "false");
		break;
	case VAL_LEVEL:
		/* Sometimes with its first letter escaped. */
		i = pick(q->dom.nnames);
		if (pick(6) == 0)
			add(b, "\"\\u%04x%s\"", q->dom.names[i][0],
			    q->dom.names[i] + 1);
		else
			add(b, "\"%s\"", q->dom.names[i]);
		break;
	case VAL_SET:
		add(b, "[");
		n = pick(4);
		for (i = 0; i < n; i++) {
			space(b);
			add(b, "%s\"%s\"", i ? "," : "",
			    q->dom.names[pick(q->dom.nnames)]);
		}
		space(b);
		add(b, "]");
		break;
	}
}

/* A scenario object on one line. */
static void
random_line(struct buf *b)
{
	static const char *const names[] = { "plain", "caf\u00e9 \u00e0 7am",
	    "quote \\\" and \\\\ backslash", "tab\\tand\\nnewline",
	    "\\u00e9t\\u00e9", "smile \\ud83d\\ude00", "\\/slash", "" };
	bool	used[64] = { false };
	size_t	i, n, q;
	bool	first = true;

	b->n = 0;
	space(b);
	add(b, "{");
	if (pick(2)) {
		space(b);
		add(b, "\"name\"");
		space(b);
		add(b, ":");
		space(b);
		add(b, "\"%s\"", names[pick(sizeof names / sizeof names[0])]);
		first = false;
	}
	n = pick(8);
	for (i = 0; i < n; i++) {
		q = pick(fx_kb->nquestions < 64 ? fx_kb->nquestions : 64);
		if (used[q])
			continue;
		used[q] = true;
		space(b);
		add(b, "%s\"%s\"", first ? "" : ",", fx_kb->questions[q].id);
		space(b);
		add(b, ":");
		space(b);
		value_json(b, &fx_kb->questions[q]);
		first = false;
	}
	space(b);
	add(b, "}");
	space(b);
}

/* One to three random edits; never a newline, never a blank line. */
static void
mutate(struct buf *b)
{
	static const char bytes[] = "\"\\,:{}[]0123456789eE.-+ xtnu/\x01\x7f"
	    "\xc3\xa9\xed\xff";
	size_t	k, i, at;
	char	c;

	k = 1 + pick(3);
	for (i = 0; i < k && b->n > 0; i++) {
		at = pick(b->n);
		c = bytes[pick(sizeof bytes - 1)];
		switch (pick(4)) {
		case 0:
			memmove(b->s + at, b->s + at + 1, b->n - at - 1);
			b->n--;
			break;
		case 1:
			if (b->n + 1 >= sizeof b->s)
				break;
			memmove(b->s + at + 1, b->s + at, b->n - at);
			b->s[at] = c;
			b->n++;
			break;
		case 2:
			b->s[at] = c;
			break;
		case 3:
			b->n = at;
			break;
		}
	}
	b->s[b->n] = '\0';
	if (strspn(b->s, " \t\r") == b->n) {
		b->s[0] = 'x';
		b->s[1] = '\0';
		b->n = 1;
	}
}

/* What the reader should read from a scalar's text, for question q. */
static bool
parse_text(const struct question *q, const char *text, struct value *v)
{
	char	why[256];

	return (value_parse(&q->dom, text, v, why, sizeof why) == 0);
}

/* A JSON scalar as the text the reader parses ("12", "true"). */
static bool
scalar_text(json_t *j, char *buf, size_t bufsz)
{
	if (json_is_string(j))
		snprintf(buf, bufsz, "%s", json_string_value(j));
	else if (json_is_true(j) || json_is_false(j))
		snprintf(buf, bufsz, "%s", json_is_true(j) ? "true" : "false");
	else if (json_is_number(j))
		snprintf(buf, bufsz, "%.17g", json_number_value(j));
	else
		return (false);
	return (true);
}

/* Question i's answer according to jansson's reading of the object; false
   if it does not fit (then the reader must have refused the line). */
static bool
expected_answer(json_t *obj, size_t qi, struct value *out)
{
	const struct question	*q = &fx_kb->questions[qi];
	json_t			*j, *item;
	struct value		 one;
	char			 text[1024];
	size_t			 i;

	if ((j = json_object_get(obj, q->id)) == NULL) {
		*out = q->def;
		return (true);
	}
	if (json_is_null(j)) {
		*out = value_unknown();
		return (true);
	}
	if (json_is_array(j) && q->dom.type == VAL_SET) {
		out->known = true;
		out->bits = 0;
		json_array_foreach(j, i, item) {
			if (!scalar_text(item, text, sizeof text) ||
			    !parse_text(q, text, &one) || !one.known)
				return (false);
			out->bits |= one.bits;
		}
		return (true);
	}
	return (scalar_text(j, text, sizeof text) && parse_text(q, text, out));
}

static void
test_against_jansson(void **state)
{
	static struct buf	 lines[NLINES];
	struct scenario_reader	*sr;
	struct scenario		 sc;
	enum scenario_status	 st;
	struct diag		 d;
	struct value		 want;
	json_error_t		 jerr;
	json_t			*root, *name;
	FILE			*fp;
	size_t			 i, qi, both_ok = 0, both_bad = 0, edited = 0;
	bool			 ok, clean[NLINES];
	char			 path[] = "/tmp/test_jsonl_XXXXXX";
	int			 fd;

	(void)state;
	for (i = 0; i < NLINES; i++) {
		random_line(&lines[i]);
		clean[i] = pick(3) == 0;
		if (!clean[i])
			mutate(&lines[i]);
		lines[i].s[lines[i].n] = '\0';
	}
	assert_true((fd = mkstemp(path)) >= 0);
	unlink(path);
	assert_non_null(fp = fdopen(dup(fd), "w"));
	for (i = 0; i < NLINES; i++)
		fprintf(fp, "%s\n", lines[i].s);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);

	sr = scenario_reader_new(fx_kb, "t.jsonl", fd, SCENARIO_JSONL);
	diag_init(&d);
	for (i = 0; i < NLINES; i++) {
		st = scenario_reader_next(sr, &sc, &d);
		assert_true(st == SCENARIO_OK || st == SCENARIO_BAD);
		assert_int_equal(sc.index, i + 1);
		root = json_loadb(lines[i].s, lines[i].n,
		    JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL, &jerr);
		if (clean[i]) {
			if (root == NULL || st != SCENARIO_OK)
				fail_msg("line %zu as generated: jansson %s, "
				    "reader %s: %s", i + 1, root ? "takes it" :
				    jerr.text, st == SCENARIO_OK ? "takes it" :
				    "refuses it", lines[i].s);
		} else
			edited++;
		if (st == SCENARIO_OK) {
			if (root == NULL || !json_is_object(root))
				fail_msg("line %zu: the reader takes what "
				    "jansson refuses (%s): %s", i + 1,
				    root ? "not an object" : jerr.text,
				    lines[i].s);
			for (qi = 0; qi < fx_kb->nquestions; qi++) {
				ok = expected_answer(root, qi, &want);
				if (!ok || !value_equal(&want, &sc.v[qi]))
					fail_msg("line %zu: %s differs from "
					    "jansson's reading: %s", i + 1,
					    fx_kb->questions[qi].id,
					    lines[i].s);
			}
			name = json_object_get(root, "name");
			if (json_is_string(name) && (sc.name == NULL ||
			    strcmp(sc.name, json_string_value(name)) != 0))
				fail_msg("line %zu: name '%s', jansson '%s'",
				    i + 1, sc.name ? sc.name : "(none)",
				    json_string_value(name));
			if (!clean[i])
				both_ok++;
		} else if (root == NULL && !clean[i])
			both_bad++;
		json_decref(root);
		diag_free(&d);
		diag_init(&d);
	}
	assert_int_equal(scenario_reader_next(sr, &sc, &d), SCENARIO_END);
	diag_free(&d);
	scenario_reader_free(sr);
	close(fd);
	print_message("%zu edited lines: %zu taken by both, %zu refused by "
	    "both\n", edited, both_ok, both_bad);
	/* Edits that leave good JSON, and edits that do not, both abound. */
	assert_true(edited > NLINES / 2);
	assert_true(both_ok > edited / 50);
	assert_true(both_bad > edited / 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_against_jansson),
	};

	return (cmocka_run_group_tests(tests, fx_setup_stock, fx_teardown_kb));
}
