/*
 * test_answers_edit: answers files edited in place. Each case starts from
 * a file as a person writes it (comments, blank lines, their own key
 * order, block lists, a multi-line description, notes), changes some
 * answers, and pins the edited text byte for byte; the forms that cannot
 * be edited are refused with a reason.
 * Run from the top of the tree (make check does).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "answers_edit.h"
#include "answers_load.h"
#include "fixtures.h"
#include "kb_load.h"
#include "xmalloc.h"

/* Reads text as the answers a (answers_init'ed here). */
static void
load(const struct kb *kb, const char *text, struct answers *a)
{
	struct yaml_stream	*ys;
	struct yaml_doc		 doc;
	struct diag		 d;

	answers_init(a, kb);
	diag_init(&d);
	ys = yaml_stream_new("test", text, strlen(text));
	assert_non_null(ys);
	if (yaml_stream_next(ys, &doc, &d) == 1) {
		assert_int_equal(answers_from_doc(a, kb, "test", &doc, &d), 0);
		yaml_doc_free(&doc);
	}
	assert_int_equal(d.nerrors, 0);
	yaml_stream_free(ys);
	diag_free(&d);
}

/* Edits text with the answers it holds changed by the --set args. */
static char *
edit(const struct kb *kb, const char *text, struct answers *a)
{
	char	*out, why[256];
	size_t	 len;

	if (answers_edit(text, strlen(text), kb, a, &out, &len, why,
	    sizeof why) != 0)
		fail_msg("refused: %s", why);
	assert_int_equal(strlen(out), len);
	return (out);
}

static void
test_comments_order_new_keys(void **state)
{
	static const char in[] =
	    "# agreed in the workshop of 2 May\n"
	    "skills: some   # after the training\n"
	    "latency: 10m\n"
	    "\n"
	    "uses: [iot, etl]\n"
	    "cost: high\n"
	    "# the end\n";
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	char		*out;

	(void)state;
	load(kb, in, &a);
	fx_set(&a, kb, "latency=1h");
	fx_set(&a, kb, "uses=iot,reporting");
	fx_set(&a, kb, "teams=7");
	fx_set(&a, kb, "skills=unknown");
	fx_set(&a, kb, "cost=unknown");
	a.name = xstrdup("Team A: pilot");
	answers_set_note(&a, 0, "finance close at 7am");
	out = edit(kb, in, &a);
	assert_string_equal(out,
	    "# agreed in the workshop of 2 May\n"
	    "skills: ~   # after the training\n"
	    "latency: 1h\n"
	    "\n"
	    "uses: [iot, reporting]\n"
	    "name: \"Team A: pilot\"\n"
	    "teams: 7\n"
	    "notes:\n"
	    "  latency: finance close at 7am\n"
	    "# the end\n");
	free(out);
	answers_free(&a);
	kb_free(kb);
}

static void
test_unchanged_is_identical(void **state)
{
	static const char in[] =
	    "---\n# c\nname:   'Quoted'  # k\nlatency: 600s\nuses:\n"
	    "- iot\n- etl\nnotes:\n  latency: x\n...\n";
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	char		*out;

	(void)state;
	load(kb, in, &a);
	out = edit(kb, in, &a);
	assert_string_equal(out, in);
	free(out);
	answers_free(&a);
	kb_free(kb);
}

static void
test_multiline_description(void **state)
{
	static const char in[] =
	    "name: Pilot\n"
	    "description: |\n"
	    "  The ledger must be ready\n"
	    "  by seven.\n"
	    "\n"
	    "latency: 1d\n";
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	char		*out, *out2;

	(void)state;
	load(kb, in, &a);
	fx_set(&a, kb, "latency=2h");
	out = edit(kb, in, &a);
	assert_string_equal(out,
	    "name: Pilot\n"
	    "description: |\n"
	    "  The ledger must be ready\n"
	    "  by seven.\n"
	    "\n"
	    "latency: 2h\n");
	free(a.description);
	a.description = xstrdup("One line\nand another\n");
	out2 = edit(kb, out, &a);
	assert_string_equal(out2,
	    "name: Pilot\n"
	    "description: |\n"
	    "  One line\n"
	    "  and another\n"
	    "\n"
	    "latency: 2h\n");
	free(out);
	free(a.description);
	a.description = xstrdup("short: now");
	out = edit(kb, out2, &a);
	assert_string_equal(out,
	    "name: Pilot\n"
	    "description: \"short: now\"\n"
	    "\n"
	    "latency: 2h\n");
	free(out);
	free(out2);
	answers_free(&a);
	kb_free(kb);
}

static void
test_sets(void **state)
{
	static const char in[] =
	    "uses:\n"
	    "  - iot\n"
	    "  - etl\n"
	    "big: true\n";
	static const char flow[] = "uses: [iot]   # for now\nbig: true\n";
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	char		*out;

	(void)state;
	load(kb, in, &a);
	fx_set(&a, kb, "uses=iot,etl,reporting");
	out = edit(kb, in, &a);
	assert_string_equal(out,
	    "uses:\n"
	    "  - iot\n"
	    "  - etl\n"
	    "  - reporting\n"
	    "big: true\n");
	free(out);
	fx_set(&a, kb, "uses=[]");
	out = edit(kb, in, &a);
	assert_string_equal(out, "uses:\n  []\nbig: true\n");
	free(out);
	answers_free(&a);

	load(kb, flow, &a);
	fx_set(&a, kb, "uses=etl,reporting");
	fx_set(&a, kb, "big=unknown");
	out = edit(kb, flow, &a);
	assert_string_equal(out, "uses: [etl, reporting]   # for now\n");
	free(out);
	answers_free(&a);
	kb_free(kb);
}

static void
test_notes(void **state)
{
	static const char in[] =
	    "latency: 10m\n"
	    "notes:\n"
	    "  # why we said so\n"
	    "  latency: close at 7am\n"
	    "  skills: learning\n"
	    "teams: 3\n";
	static const char empty[] = "latency: 10m\nnotes:\n";
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	char		*out;

	(void)state;
	load(kb, in, &a);
	answers_set_note(&a, 0, "close at 6am");
	answers_set_note(&a, 1, NULL);
	answers_set_note(&a, 4, "yes");
	out = edit(kb, in, &a);
	assert_string_equal(out,
	    "latency: 10m\n"
	    "notes:\n"
	    "  # why we said so\n"
	    "  latency: close at 6am\n"
	    "  big: \"yes\"\n"
	    "teams: 3\n");
	free(out);
	answers_free(&a);

	load(kb, empty, &a);
	answers_set_note(&a, 5, "two squads");
	out = edit(kb, empty, &a);
	assert_string_equal(out,
	    "latency: 10m\nnotes:\n  teams: two squads\n");
	free(out);
	answers_free(&a);
	kb_free(kb);
}

static void
test_empty_files(void **state)
{
	static const char *const ins[] = { "{}\n", "# only a comment\n", "" };
	static const char *const outs[] = {
		"latency: 10m\n",
		"# only a comment\nlatency: 10m\n",
		"latency: 10m\n",
	};
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	char		*out;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof ins / sizeof ins[0]; i++) {
		answers_init(&a, kb);
		fx_set(&a, kb, "latency=10m");
		out = edit(kb, ins[i], &a);
		assert_string_equal(out, outs[i]);
		free(out);
		answers_free(&a);
	}
	kb_free(kb);
}

static void
test_refused(void **state)
{
	static const char *const ins[] = {
		"{latency: 10m, skills: some}\n",
		"latency: &a 10m\n",
		"latency: 10m\n---\nlatency: 1h\n",
		"uses:\n  - iot\n  # more later\n  - etl\n",
		"latency: 10m\r\n",
		"notes: {latency: x}\n",
	};
	static const char *const whys[] = {
		"its answers are written as one {...} mapping",
		"it uses anchors, aliases or tags",
		"it holds more than one document",
		"a comment sits among the items of 'uses'",
		"its lines end in carriage returns",
		"'notes' is written as a {...} mapping",
	};
	struct kb	*kb = fx_kb_file("tests/kb/mini.yaml");
	struct answers	 a;
	char		*out, why[256];
	size_t		 i, len;

	(void)state;
	for (i = 0; i < sizeof ins / sizeof ins[0]; i++) {
		answers_init(&a, kb);
		fx_set(&a, kb, "uses=reporting");
		assert_int_equal(answers_edit(ins[i], strlen(ins[i]), kb, &a,
		    &out, &len, why, sizeof why), -1);
		assert_null(out);
		assert_string_equal(why, whys[i]);
		answers_free(&a);
	}
	kb_free(kb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comments_order_new_keys),
		cmocka_unit_test(test_unchanged_is_identical),
		cmocka_unit_test(test_multiline_description),
		cmocka_unit_test(test_sets),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_empty_files),
		cmocka_unit_test(test_refused),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
