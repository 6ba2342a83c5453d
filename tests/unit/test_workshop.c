/*
 * test_workshop: statuses (shared, uncontested, disputed, open), the
 * common ground, which disagreements change the recommendation, the
 * robustness over the answers given, and changes that need two settled
 * questions at once, on a small constructed knowledge base.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "fixtures.h"
#include "kb_load.h"
#include "scenarios.h"
#include "workshop.h"

static const char text[] =
    "knowledge_base: {name: t, version: '1'}\n"
    "questions:\n"
    "  - {id: latency, prompt: L, type: duration}\n"
    "  - {id: skills, prompt: S, type: level, values: [none, some, strong]}\n"
    "  - {id: rt, prompt: R, type: bool}\n"
    "  - {id: x, prompt: X, type: bool}\n"
    "  - {id: y, prompt: Y, type: bool}\n"
    "  - {id: teams, prompt: T, type: integer, range: [1, 100]}\n"
    "patterns:\n"
    "  - {id: a, name: A, kind: processing, summary: a}\n"
    "  - {id: b, name: B, kind: processing, summary: b}\n"
    "rules:\n"
    "  - {id: fast, when: latency < 1h, effects: {b: 3}, why: w, "
    "source: s}\n"
    "  - {id: sk, when: skills == strong, effects: {a: 1}, why: w, "
    "source: s}\n"
    "  - {id: xy, when: x and y, effects: {b: 5}, why: w, source: s}\n";

static size_t
q(const struct kb *kb, const char *id)
{
	return ((size_t)kb_question_index(kb, id));
}

static void
test_three_people(void **state)
{
	struct kb		*kb = fx_kb_text("t.yaml", text);
	struct answers		 p[3];
	const struct value	*v[3];
	struct workshop		 w;
	size_t			 i;

	(void)state;
	for (i = 0; i < 3; i++) {
		answers_init(&p[i], kb);
		fx_set(&p[i], kb, "teams=4");	/* shared */
		v[i] = p[i].v;
	}
	fx_set(&p[0], kb, "latency=1d");
	fx_set(&p[1], kb, "latency=10m");
	fx_set(&p[2], kb, "skills=strong");	/* uncontested */
	fx_set(&p[0], kb, "rt=true");
	fx_set(&p[1], kb, "rt=false");		/* disputed, read by no rule */
	assert_int_equal(workshop_analyse(kb, v, 3, &w), 0);
	assert_int_equal(w.qs[q(kb, "teams")].status, WS_SHARED);
	assert_int_equal(w.qs[q(kb, "skills")].status, WS_UNCONTESTED);
	assert_int_equal(w.qs[q(kb, "latency")].status, WS_DISPUTED);
	assert_int_equal(w.qs[q(kb, "x")].status, WS_OPEN);
	assert_true(w.common[q(kb, "skills")].known);
	assert_false(w.common[q(kb, "latency")].known);
	/* Common ground: skills strong gives a the lead. */
	assert_int_equal(w.common_out.processing, 0);
	assert_int_equal(w.people[1].processing, 1);
	assert_int_equal(w.ndisputed, 2);
	assert_int_equal(w.nagenda, 1);
	assert_int_equal(w.agenda[0], q(kb, "latency"));
	assert_int_equal(w.nquiet, 1);
	assert_int_equal(w.quiet[0], q(kb, "rt"));
	assert_false(w.qs[q(kb, "rt")].jointly);
	/* 1d keeps a, 10m brings b: holds in 2 of the 4 ways. */
	assert_true(w.exhaustive);
	assert_int_equal(w.ways, 4);
	assert_int_equal(w.holds, 2);
	assert_true(w.qs[q(kb, "latency")].opts[1].changes);
	assert_int_equal(w.qs[q(kb, "latency")].opts[1].out.processing, 1);
	assert_true(w.qs[q(kb, "latency")].opts[1].people == 2);
	workshop_free(&w);
	for (i = 0; i < 3; i++)
		answers_free(&p[i]);
	kb_free(kb);
}

/* x and y each change nothing alone; together they do. */
static void
test_jointly(void **state)
{
	struct kb		*kb = fx_kb_text("t.yaml", text);
	struct answers		 p[2];
	const struct value	*v[2];
	struct workshop		 w;

	(void)state;
	answers_init(&p[0], kb);
	answers_init(&p[1], kb);
	fx_set(&p[0], kb, "x=true");
	fx_set(&p[0], kb, "y=true");
	fx_set(&p[1], kb, "x=false");
	fx_set(&p[1], kb, "y=false");
	v[0] = p[0].v;
	v[1] = p[1].v;
	assert_int_equal(workshop_analyse(kb, v, 2, &w), 0);
	assert_int_equal(w.nagenda, 0);
	assert_int_equal(w.nquiet, 2);
	assert_true(w.qs[q(kb, "x")].jointly);
	assert_true(w.qs[q(kb, "y")].jointly);
	assert_int_equal(w.holds, 3);
	assert_int_equal(w.people[0].processing, 1);
	workshop_free(&w);
	answers_free(&p[0]);
	answers_free(&p[1]);
	assert_int_equal(workshop_analyse(kb, v, 0, &w), -1);
	workshop_free(&w);
	kb_free(kb);
}

/* Scenarios against the first: one answer moves it alone, two together. */
static void
test_scenarios(void **state)
{
	struct kb		*kb = fx_kb_text("t.yaml", text);
	struct answers		 p[3];
	const struct value	*v[3];
	struct scenarios	 s;
	size_t			 i;

	(void)state;
	for (i = 0; i < 3; i++) {
		answers_init(&p[i], kb);
		fx_set(&p[i], kb, "latency=1d");
		v[i] = p[i].v;
	}
	fx_set(&p[1], kb, "latency=10m");
	fx_set(&p[1], kb, "teams=3");
	fx_set(&p[2], kb, "x=true");
	fx_set(&p[2], kb, "y=true");
	scenarios_compare(kb, v, 3, &s);
	assert_false(s.s[0].changed);
	assert_true(s.s[1].changed);
	assert_int_equal(s.s[1].nch, 2);
	assert_int_equal(s.s[1].nmoves, 1);
	assert_true(s.s[1].ch[0].moves);
	assert_int_equal(s.s[1].ch[0].question, q(kb, "latency"));
	assert_int_equal(s.s[1].ch[0].out.processing, 1);
	assert_false(s.s[1].ch[1].moves);
	assert_true(s.s[2].changed);
	assert_int_equal(s.s[2].nmoves, 0);
	assert_false(scenarios_same(&s));
	scenarios_free(&s);
	scenarios_compare(kb, v, 1, &s);
	assert_true(scenarios_same(&s));
	scenarios_free(&s);
	for (i = 0; i < 3; i++)
		answers_free(&p[i]);
	kb_free(kb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_three_people),
		cmocka_unit_test(test_jointly),
		cmocka_unit_test(test_scenarios),
	};

	return (cmocka_run_group_tests_name("workshop", tests, NULL, NULL));
}
