/*
 * test_answers_yaml: the answers file writer. What it writes for a plain
 * scenario is pinned byte for byte, and hostile names and descriptions,
 * every answer type, defaults, empty sets and notes are written and read back
 * through answers_load_file to the same answers.
 * Run from the top of the tree (make check does).
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
#include "answers_yaml.h"
#include "fixtures.h"
#include "kb_load.h"
#include "xmalloc.h"

/* Writes a to a fresh temporary file; returns its path (caller frees). */
static char *
write_tmp(const struct kb *kb, const struct answers *a)
{
	char	*path = xstrdup("/tmp/test_answers_yaml.XXXXXX");
	FILE	*fp;
	int	 fd;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	assert_int_equal(answers_yaml_write(fp, kb, a), 0);
	assert_int_equal(fclose(fp), 0);
	return (path);
}

static bool
streq_null(const char *a, const char *b)
{
	return (a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0);
}

/* Writes a, loads it back, and checks that nothing changed. */
static void
round_trip(const struct kb *kb, const struct answers *a)
{
	struct answers	 b;
	struct diag	 d;
	char		*path, *text;
	size_t		 i;

	path = write_tmp(kb, a);
	diag_init(&d);
	if (answers_load_file(&b, kb, path, &d) != LOAD_OK) {
		text = fx_slurp(path);
		diag_print(stderr, &d);
		fail_msg("did not load back:\n%s", text);
	}
	diag_free(&d);
	assert_true(streq_null(a->name, b.name));
	assert_true(streq_null(a->description, b.description));
	for (i = 0; i < kb->nquestions; i++) {
		if (!value_equal(&a->v[i], &b.v[i]))
			fail_msg("%s changed", kb->questions[i].id);
		if (!streq_null(answers_note(a, i), answers_note(&b, i)))
			fail_msg("the note on %s changed", kb->questions[i].id);
	}
	answers_free(&b);
	unlink(path);
	free(path);
}

static void
test_exact_text(void **state)
{
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	char		*path, *text;

	(void)state;
	answers_init(&a, kb);
	a.name = xstrdup("Team A");
	fx_set(&a, kb, "latency=600s");
	fx_set(&a, kb, "skills=some");
	fx_set(&a, kb, "uses=iot,reporting");
	fx_set(&a, kb, "big=yes");
	fx_set(&a, kb, "teams=12");
	path = write_tmp(kb, &a);
	text = fx_slurp(path);
	assert_string_equal(text,
	    "# archadvisor answers for the knowledge base mini 1.\n"
	    "# Questions left out are unanswered (\"don't know\").\n"
	    "name: Team A\n"
	    "latency: 10m\n"
	    "skills: some\n"
	    "uses: [iot, reporting]\n"
	    "big: true\n"
	    "teams: 12\n");
	unlink(path);
	free(path);
	free(text);
	answers_free(&a);
	kb_free(kb);
}

static void
test_nothing_answered(void **state)
{
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	char		*path, *text;

	(void)state;
	answers_init(&a, kb);
	path = write_tmp(kb, &a);
	text = fx_slurp(path);
	/* An empty mapping, which the loader takes as "nothing answered". */
	assert_non_null(strstr(text, "{}"));
	round_trip(kb, &a);
	unlink(path);
	free(path);
	free(text);
	answers_free(&a);
	kb_free(kb);
}

static void
test_hostile_strings(void **state)
{
	static const char *names[] = {
		"~", "null", "true", "- item", "[a, b]", "a: b", "# not a "
		"comment", "'single' and \"double\"", "tab\there", "  lead",
		"trail  ", "ünïcødé — ✓", "x\\y", "&anchor", "*alias", "!tag",
		"%directive", "@at", "`tick", "---", "...", "", "12", "1e3",
		"line one\nline two\n", "trailing spaces  \nnext",
		"\nstarts with newline", "bell\a", "{x}", "? key",
	};
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		answers_init(&a, kb);
		a.name = xstrdup(names[i]);
		a.description = xstrdup(names[(i + 7) %
		    (sizeof names / sizeof names[0])]);
		fx_set(&a, kb, "skills=strong");
		/* Notes, on an answer and on a question left open. */
		answers_set_note(&a, 1, names[(i + 3) %
		    (sizeof names / sizeof names[0])]);
		answers_set_note(&a, 5, names[i]);
		round_trip(kb, &a);
		answers_free(&a);
	}
	kb_free(kb);
}

static void
test_every_type(void **state)
{
	static const char *sets[][6] = {
		{ "latency=1s", "skills=none", "cost=high", "uses=[]",
		    "big=false", "teams=1" },
		{ "latency=1w", "skills=strong", "cost=low",
		    "uses=iot,etl,reporting", "big=true", "teams=100" },
		{ "latency=90m", "skills=some", "cost=medium", "uses=etl",
		    "big=no", "teams=7" },
	};
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	size_t		 i, j;

	(void)state;
	for (i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		answers_init(&a, kb);
		for (j = 0; j < 6; j++)
			fx_set(&a, kb, sets[i][j]);
		round_trip(kb, &a);
		answers_free(&a);
	}
	kb_free(kb);
}

/* A question with a default that the user made unknown stays unknown. */
static void
test_default_cleared(void **state)
{
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	char		*path, *text;
	int		 qi;

	(void)state;
	qi = kb_question_index(kb, "teams");
	kb->questions[qi].def.known = true;
	kb->questions[qi].def.num = 3;
	answers_init(&a, kb);
	assert_true(a.v[qi].known);
	a.v[qi] = value_unknown();
	path = write_tmp(kb, &a);
	text = fx_slurp(path);
	assert_non_null(strstr(text, "\nteams: ~\n"));
	round_trip(kb, &a);
	unlink(path);
	free(path);
	free(text);
	answers_free(&a);
	kb_free(kb);
}

static void
test_write_error(void **state)
{
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	FILE		*fp;

	(void)state;
	fp = fopen("/dev/full", "w");
	if (fp == NULL)
		skip();
	answers_init(&a, kb);
	fx_set(&a, kb, "skills=strong");
	setvbuf(fp, NULL, _IONBF, 0);
	assert_int_equal(answers_yaml_write(fp, kb, &a), -1);
	fclose(fp);
	answers_free(&a);
	kb_free(kb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_text),
		cmocka_unit_test(test_nothing_answered),
		cmocka_unit_test(test_hostile_strings),
		cmocka_unit_test(test_every_type),
		cmocka_unit_test(test_default_cleared),
		cmocka_unit_test(test_write_error),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
