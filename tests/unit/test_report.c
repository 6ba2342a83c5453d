/*
 * test_report: the JSON report written, parsed back with jansson, and its
 * SPEC.md fields checked; the text report's main lines; the output table.
 */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "advice.h"
#include "answers.h"
#include "engine.h"
#include "fixtures.h"
#include "kb_load.h"
#include "report.h"
#include "textfmt.h"
#include "whatif.h"

struct fixture {
	struct kb		*kb;
	struct answers		 a;
	struct advice		 adv;	/* the ranking only */
	struct report_ctx	 ctx;
};

static int
setup(void **state)
{
	static const char *const sets[] = { "latency=30s", "skills=strong",
	    "uses=iot,etl", "teams=3", NULL };
	static struct fixture	 f;

	f.kb = fx_kb_file("tests/kb/mini.yaml");
	answers_init(&f.a, f.kb);
	f.a.name = strdup("Sensor <alerts> & \"more\"");
	fx_set_all(&f.a, f.kb, sets);
	advice_init(&f.adv, f.kb, 0, 0);
	advice_update(&f.adv, f.a.v);
	memset(&f.ctx, 0, sizeof f.ctx);
	f.ctx.kb = f.kb;
	f.ctx.answers = &f.a;
	report_use_advice(&f.ctx, &f.adv);
	f.ctx.whatif = NULL;
	f.ctx.version = "test";
	f.ctx.width = 80;
	*state = &f;
	return (0);
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;

	advice_free(&f->adv);
	answers_free(&f->a);
	kb_free(f->kb);
	return (0);
}

static void
test_json_parses_back(void **state)
{
	struct fixture	*f = *state;
	json_error_t	 jerr;
	json_t		*root, *ranking, *first, *last, *rec, *answers, *reason;
	char		*text;
	size_t		 i;

	text = fx_render(report_write_json, &f->ctx);
	root = json_loads(text, 0, &jerr);
	if (root == NULL)
		fail_msg("invalid JSON at %d:%d: %s", jerr.line, jerr.column,
		    jerr.text);
	free(text);
	assert_string_equal(json_string_value(json_object_get(root, "tool")),
	    "archadvisor");
	assert_string_equal(json_string_value(json_object_get(root,
	    "version")), "test");
	assert_string_equal(json_string_value(json_object_get(
	    json_object_get(root, "knowledge_base"), "name")), "mini");
	assert_string_equal(json_string_value(json_object_get(
	    json_object_get(root, "scenario"), "name")),
	    "Sensor <alerts> & \"more\"");

	answers = json_object_get(root, "answers");
	assert_string_equal(json_string_value(json_object_get(answers,
	    "latency")), "30s");
	assert_int_equal(json_integer_value(json_object_get(answers, "teams")),
	    3);
	assert_int_equal(json_array_size(json_object_get(answers, "uses")), 2);
	assert_null(json_object_get(answers, "cost"));
	assert_int_equal(json_array_size(json_object_get(root, "unanswered")),
	    2);

	ranking = json_object_get(root, "ranking");
	assert_int_equal(json_array_size(ranking), 3);
	for (i = 0; i < 3; i++)
		assert_int_equal(json_integer_value(json_object_get(
		    json_array_get(ranking, i), "rank")), (json_int_t)i + 1);
	first = json_array_get(ranking, 0);
	assert_string_equal(json_string_value(json_object_get(first,
	    "pattern")), "stream");
	assert_string_equal(json_string_value(json_object_get(first, "kind")),
	    "processing");
	assert_string_equal(json_string_value(json_object_get(first, "fit")),
	    "strong");
	assert_float_equal(json_real_value(json_object_get(first, "score")),
	    95.3, 1e-9);
	assert_true(json_is_false(json_object_get(first, "vetoed")));
	assert_int_equal(json_array_size(json_object_get(first, "reasons")),
	    3);
	reason = json_array_get(json_object_get(first, "reasons"), 0);
	assert_string_equal(json_string_value(json_object_get(reason, "rule")),
	    "fast");
	assert_float_equal(json_real_value(json_object_get(reason, "effect")),
	    3.0, 1e-9);
	assert_non_null(json_string_value(json_object_get(reason, "why")));

	last = json_array_get(ranking, 2);
	assert_string_equal(json_string_value(json_object_get(last,
	    "pattern")), "batch");
	assert_true(json_is_true(json_object_get(last, "vetoed")));
	assert_float_equal(json_real_value(json_object_get(last, "score")),
	    0.0, 1e-9);
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(last, "veto_reasons"), 0)),
	    "Only streaming is fast enough.");

	rec = json_object_get(root, "recommendation");
	assert_string_equal(json_string_value(json_object_get(rec,
	    "processing")), "stream");
	assert_string_equal(json_string_value(json_object_get(rec,
	    "organization")), "centralized");
	assert_float_equal(json_real_value(json_object_get(rec, "margin")),
	    95.3, 1e-9);
	json_decref(root);
}

static void
test_text_report(void **state)
{
	struct fixture	*f = *state;
	char		*text;

	text = fx_render(report_write_text, &f->ctx);
	assert_non_null(strstr(text, "Recommendation: Stream"));
	assert_non_null(strstr(text, "Organisation: central."));
	assert_non_null(strstr(text, "   1  Stream      95  "));
	/* The organisation is listed apart, not ranked among processing
	   (by score the mesh's 50 would sit above ruled-out Batch). */
	assert_non_null(strstr(text, "   2  Batch        0  "));
	assert_non_null(strstr(text, "\nOrganisation, decided apart from "
	    "processing\n      Mesh        50  "));
	assert_non_null(strstr(text, "ruled out"));
	/* A veto's reason in words, with neither its rule id nor a weight. */
	assert_non_null(strstr(text, "\nruled out  Only streaming is fast "
	    "enough.\n"));
	assert_null(strstr(text, "[fast]"));
	assert_non_null(strstr(text, "Unanswered (2): Cost, Big"));
	assert_null(strchr(text, '\033'));	/* no colour unless asked */
	free(text);
}

static char *
cell(const char *s, int width, bool utf8)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	text_cell(fp, s, width, utf8);
	fclose(fp);
	return (buf);
}

/* A cell is exactly its width, cut between code points, and says so. */
static void
test_text_cell(void **state)
{
	char	*s;

	(void)state;
	assert_string_equal(s = cell("abc", 5, true), "abc  ");
	free(s);
	assert_string_equal(s = cell("Micro-Batch", 5, true), "Micr\u2026");
	free(s);
	assert_string_equal(s = cell("Micro-Batch", 5, false), "Micr~");
	free(s);
	/* Never half a character: three code points of two bytes each. */
	assert_string_equal(s = cell("\u00c9v\u00e9nement", 4, true),
	    "\u00c9v\u00e9\u2026");
	free(s);
	assert_string_equal(s = cell("\u00c9t\u00e9", 3, false),
	    "\u00c9t\u00e9");
	free(s);
	assert_string_equal(s = cell("anything", 0, true), "");
	free(s);
}

/*
 * What a close call turns on names five deciding questions; of more, four
 * and how many others. A next step names every one it asks for.
 */
static void
test_deciding_list(void **state)
{
	struct fixture		*f = *state;
	struct report_ctx	 ctx = f->ctx;
	struct answers		 none;
	struct whatif		 w;
	size_t			 order[] = { 0, 1, 2, 3, 4, 5 };
	char			 buf[512];

	memset(&w, 0, sizeof w);
	w.deciding = order;
	ctx.whatif = &w;
	assert_false(report_deciding_phrase(&ctx, buf, sizeof buf));
	assert_string_equal(buf, "");
	w.ndeciding = 5;
	assert_true(report_deciding_phrase(&ctx, buf, sizeof buf));
	assert_string_equal(buf, "latency (as answered), skills (as answered), "
	    "cost, uses (as answered) and big");
	w.ndeciding = 6;
	assert_true(report_deciding_phrase(&ctx, buf, sizeof buf));
	assert_string_equal(buf, "latency (as answered), skills (as answered), "
	    "cost, uses (as answered) and 2 more");
	answers_init(&none, f->kb);
	ctx.answers = &none;
	assert_int_equal(report_deciding_open(&ctx, buf, sizeof buf), 6);
	assert_string_equal(buf, "latency, skills, cost, uses, big and teams");
	answers_free(&none);
}

/*
 * A list further down leaves out what a sentence has named: the close
 * call's deciding questions, but not those it cut to "2 more", and an
 * open question that would settle an unsettled organisation decision.
 */
static void
test_named_up_front(void **state)
{
	struct fixture		*f = *state;
	struct report_ctx	 ctx = f->ctx;
	struct ranking		 r = *f->ctx.ranking;
	struct kb		 kb;
	struct answers		 none;
	struct whatif		 w;
	size_t			 order[] = { 0, 1, 2, 3, 4, 5 }, q;

	memset(&w, 0, sizeof w);
	w.deciding = order;
	w.ndeciding = 6;
	ctx.whatif = &w;
	ctx.ranking = &r;
	r.close_call = true;
	assert_true(report_deciding_named(&ctx, 0));
	assert_true(report_deciding_named(&ctx, 3));
	assert_false(report_deciding_named(&ctx, 4));
	assert_false(report_deciding_named(&ctx, 5));
	r.close_call = false;
	assert_false(report_deciding_named(&ctx, 0));

	/* The mini base has no organisation question: declare one. */
	kb = *f->kb;
	q = kb.nquestions - 1;
	kb.org_questions = &q;
	kb.norg_questions = 1;
	ctx.kb = &kb;
	answers_init(&none, f->kb);
	ctx.answers = &none;
	r.org_settled = false;
	assert_true(report_org_names(&ctx, q));
	assert_true(report_named_up_front(&ctx, q));
	r.org_settled = true;
	assert_false(report_org_names(&ctx, q));
	ctx.answers = &f->a;
	r.org_settled = false;
	assert_int_equal(report_org_names(&ctx, q), !f->a.v[q].known);
	answers_free(&none);
}

/*
 * Split by whether they are answered: the answered ones are to be checked,
 * the open ones to be answered; each list counts and names its own.
 */
static void
test_deciding_split(void **state)
{
	struct fixture		*f = *state;
	struct report_ctx	 ctx = f->ctx;
	struct whatif		 w;
	size_t			 order[] = { 4, 0, 2, 1, 3 };
	char			 buf[512];

	memset(&w, 0, sizeof w);
	w.deciding = order;
	ctx.whatif = &w;
	assert_int_equal(report_deciding_open(&ctx, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	w.ndeciding = 5;
	assert_int_equal(report_deciding_answered(&ctx, buf, sizeof buf), 3);
	assert_string_equal(buf, "latency, skills and uses");
	assert_int_equal(report_deciding_open(&ctx, buf, sizeof buf), 2);
	assert_string_equal(buf, "big and cost");
	assert_true(report_deciding_phrase(&ctx, buf, sizeof buf));
	assert_string_equal(buf, "big, latency (as answered), cost, skills "
	    "(as answered) and uses (as answered)");
}

static void
test_writer_table(void **state)
{
	(void)state;
	assert_non_null(report_writer_find("text"));
	assert_non_null(report_writer_find("json"));
	assert_null(report_writer_find("pdf"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_parses_back),
		cmocka_unit_test(test_text_report),
		cmocka_unit_test(test_text_cell),
		cmocka_unit_test(test_deciding_list),
		cmocka_unit_test(test_deciding_split),
		cmocka_unit_test(test_named_up_front),
		cmocka_unit_test(test_writer_table),
	};

	return (cmocka_run_group_tests_name("report", tests, setup, teardown));
}
