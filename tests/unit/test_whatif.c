/*
 * test_whatif: sensitivity thresholds found exactly, robustness at and
 * below 100%, and the next-question ranking, on small constructed
 * knowledge bases.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "engine.h"
#include "fixtures.h"
#include "kb_load.h"
#include "whatif.h"

static const char base[] =
    "knowledge_base: {name: t, version: '1'}\n"
    "questions:\n"
    "  - {id: latency, prompt: L, type: duration}\n"
    "  - {id: volume, prompt: V, type: size}\n"
    "  - {id: skills, prompt: S, type: level, values: [none, some, strong]}\n"
    "  - {id: rt, prompt: R, type: bool}\n"
    "  - {id: uses, prompt: U, type: set, values: [iot, etl, bi]}\n"
    "  - {id: teams, prompt: T, type: integer, range: [1, 100]}\n"
    "patterns:\n"
    "  - {id: a, name: A, kind: processing, summary: a}\n"
    "  - {id: b, name: B, kind: processing, summary: b}\n"
    "  - {id: m, name: M, kind: organization, summary: m}\n"
    "rules:\n";

/* One rule line of the test knowledge base; why and source do not matter. */
#define RULE(id, when, effects) \
	"  - {id: " id ", when: " when ", effects: {" effects "}, why: w, " \
	"source: s}\n"
/* The three rules most tests turn on: a fast a against rt and iot for b. */
#define FAST_RT_IOT(a_weight) \
	RULE("fast", "latency < 5m", "a: " a_weight) \
	RULE("rt", "rt", "b: 2") \
	RULE("iot", "uses contains iot", "b: 2")

static struct kb *
load(const char *rules)
{
	char	text[4096];

	snprintf(text, sizeof text, "%s%s", base, rules);
	return (fx_kb_text("test.yaml", text));
}

/* A test's knowledge base, its answers and their what-if analysis. */
struct wcase {
	struct kb	*kb;
	struct answers	 a;
	struct whatif	 w;
	bool		 analysed;
};

/* The knowledge base with these rules, and answers set as --set sets them. */
static void
open_case(struct wcase *c, const char *rules, const char *const *answers)
{
	c->kb = load(rules);
	answers_init(&c->a, c->kb);
	c->analysed = false;
	for (; answers != NULL && *answers != NULL; answers++)
		fx_set(&c->a, c->kb, *answers);
}

/* Sets one more answer; analyse again to see its effect. */
static void
set(struct wcase *c, const char *answer)
{
	fx_set(&c->a, c->kb, answer);
}

static struct whatif *
analyse(struct wcase *c)
{
	if (c->analysed)
		whatif_free(&c->w);
	whatif_analyse(c->kb, c->a.v, &c->w);
	c->analysed = true;
	return (&c->w);
}

static void
close_case(struct wcase *c)
{
	if (c->analysed)
		whatif_free(&c->w);
	answers_free(&c->a);
	kb_free(c->kb);
}

static const struct sensitivity *
sens_of(const struct wcase *c, const char *q)
{
	size_t	i;

	for (i = 0; i < c->w.nsens; i++)
		if (c->w.sens[i].question ==
		    (size_t)kb_question_index(c->kb, q))
			return (&c->w.sens[i]);
	return (NULL);
}

/* The id of the question the ith next question names. */
static const char *
next_id(const struct wcase *c, size_t i)
{
	return (c->kb->questions[c->w.next[i].question].id);
}

#define ANSWERS(...)	((const char *const[]){ __VA_ARGS__, NULL })

/* "latency > 1h" switches at 1h plus one second, not at a grid point. */
static void
test_threshold_exact(void **state)
{
	struct wcase			 c;
	const struct whatif		*w;
	const struct sensitivity	*s;

	(void)state;
	open_case(&c, RULE("slow", "latency > 1h", "b: 2"),
	    ANSWERS("latency=10m"));
	w = analyse(&c);
	assert_int_equal(w->processing, 0);
	s = sens_of(&c, "latency");
	assert_non_null(s);
	assert_int_equal(s->to.num, 3601);
	assert_int_equal(s->processing, 1);

	/* From above, the nearest change is exactly at 1h. */
	set(&c, "latency=1d");
	analyse(&c);
	s = sens_of(&c, "latency");
	assert_non_null(s);
	assert_int_equal(s->to.num, 3600);
	assert_int_equal(s->processing, 0);
	close_case(&c);
}

/* Sizes, integers and levels; an answer no rule can flip has no entry. */
static void
test_other_types(void **state)
{
	struct wcase			 c;
	const struct sensitivity	*s;

	(void)state;
	open_case(&c,
	    RULE("big", "volume >= 2TB", "b: 2")
	    RULE("many", "teams >= 10", "m: 3")
	    RULE("sk", "skills <= some", "a: 1"),
	    ANSWERS("volume=500GB", "teams=3", "skills=some"));
	/* a has +1 from skills; b needs volume >= 2TB to overtake it. */
	assert_int_equal(analyse(&c)->processing, 0);
	s = sens_of(&c, "volume");
	assert_non_null(s);
	assert_int_equal(s->to.num, 2000000000000LL);
	/* At teams = 10 the organisation becomes m. */
	s = sens_of(&c, "teams");
	assert_non_null(s);
	assert_int_equal(s->to.num, 10);
	assert_int_equal(s->organization, 2);
	/* skills=strong drops a's +1: a and b tie, a stays first. */
	assert_null(sens_of(&c, "skills"));
	close_case(&c);
}

/* A winner no open answer can overtake holds in 100% of the ways. */
static void
test_robust_100(void **state)
{
	struct wcase		 c;
	const struct whatif	*w;

	(void)state;
	open_case(&c, FAST_RT_IOT("5"), ANSWERS("latency=1m"));
	w = analyse(&c);
	assert_int_equal(w->open, 5);
	assert_true(w->exhaustive);
	assert_int_equal(w->ways, 4);	/* rt: 2 outcomes x uses: 2 */
	assert_float_equal(w->holds_pct, 100.0, 1e-9);
	close_case(&c);
}

/* b overtakes only when rt and iot are both true: 1 of 4 ways. */
static void
test_robust_below_100(void **state)
{
	struct wcase		 c;
	const struct whatif	*w;

	(void)state;
	open_case(&c, FAST_RT_IOT("3"), ANSWERS("latency=1m"));
	w = analyse(&c);
	assert_int_equal(w->ways, 4);
	assert_float_equal(w->holds_pct, 75.0, 1e-9);
	close_case(&c);
}

/*
 * Only the organisation turns with the open answers: many teams make m
 * the organisation in half the ways, while a stays first in all of them.
 * The whole recommendation holds in 50%, the processing one in 100%.
 */
static void
test_processing_holds_apart(void **state)
{
	struct wcase		 c;
	const struct whatif	*w;

	(void)state;
	open_case(&c,
	    RULE("fast", "latency < 5m", "a: 3")
	    RULE("many", "teams >= 10", "m: 6"),
	    ANSWERS("latency=1m"));
	w = analyse(&c);
	assert_int_equal(w->ways, 2);
	assert_float_equal(w->holds_pct, 50.0, 1e-9);
	assert_float_equal(w->processing_holds_pct, 100.0, 1e-9);
	close_case(&c);
	/* With no organisation rule, the two figures are one. */
	open_case(&c,
	    RULE("rt", "rt", "b: 2")
	    RULE("fast", "latency < 5m", "a: 1"),
	    ANSWERS("latency=1m"));
	w = analyse(&c);
	assert_float_equal(w->holds_pct, 50.0, 1e-9);
	assert_float_equal(w->processing_holds_pct, 50.0, 1e-9);
	close_case(&c);
}

/*
 * The one way in which b overtakes (rt and iot together) is declared
 * implausible: it is left out, and the result holds in every other way.
 */
static void
test_implausible_left_out(void **state)
{
	struct wcase		 c;
	const struct whatif	*w;

	(void)state;
	open_case(&c, FAST_RT_IOT("3")
	    "implausible:\n"
	    "  - {when: rt and uses contains iot, why: never both}\n",
	    ANSWERS("latency=1m"));
	w = analyse(&c);
	assert_int_equal(w->ways, 3);
	assert_int_equal(w->implausible, 1);
	assert_float_equal(w->holds_pct, 100.0, 1e-9);
	/* A combination the answers themselves make is not left out. */
	set(&c, "rt=true");
	set(&c, "uses=iot");
	assert_int_equal(analyse(&c)->implausible, 0);
	close_case(&c);
}

/*
 * Neither rt nor iot changes the result alone, together they do: neither
 * may be called one that would not change it; a question no rule reads is.
 */
static void
test_changes_with_others(void **state)
{
	struct wcase		 c;
	const struct whatif	*w;
	size_t			 i, seen = 0;

	(void)state;
	open_case(&c, FAST_RT_IOT("3") RULE("many", "teams > 50", "m: 1"),
	    ANSWERS("latency=1m", "teams=10"));
	w = analyse(&c);
	for (i = 0; i < w->nnext; i++) {
		if (strcmp(next_id(&c, i), "rt") == 0 ||
		    strcmp(next_id(&c, i), "uses") == 0) {
			assert_float_equal(w->next[i].change_share, 0, 1e-9);
			assert_true(w->next[i].jointly);
			seen++;
		} else
			assert_false(w->next[i].jointly);
	}
	assert_int_equal(seen, 2);
	close_case(&c);
}

/*
 * a and b within the close-call margin: the recommendation is a close
 * call, and the questions that would decide it are named.
 */
static void
test_close_call_deciding(void **state)
{
	struct wcase		 c;
	const struct whatif	*w;
	struct ranking		*r;

	(void)state;
	open_case(&c,
	    RULE("fast", "latency < 5m", "a: 1")
	    RULE("rt", "rt", "b: 1")
	    RULE("iot", "uses contains iot", "b: 2")
	    "scoring: {close_call: 10}\n",
	    ANSWERS("latency=1m", "rt=true"));
	r = ranking_new(c.kb);
	engine_rank(c.kb, c.a.v, r);
	assert_true(r->close_call);
	w = analyse(&c);
	assert_true(w->ndeciding >= 2);
	assert_string_equal(c.kb->questions[w->deciding[0]].id, "latency");
	set(&c, "uses=iot");
	engine_rank(c.kb, c.a.v, r);
	assert_false(r->close_call);
	ranking_free(r);
	close_case(&c);
}

/*
 * A tie: of the open questions that would decide it, one whose answers can
 * put either contender ahead comes before one that can only help one of
 * them, though the latter changes the top more often.
 */
static void
test_deciding_either_way_first(void **state)
{
	struct wcase		 c;
	const struct whatif	*w;

	(void)state;
	open_case(&c,
	    RULE("rt", "rt", "b: 2")
	    RULE("none", "skills == none", "a: 2")
	    RULE("strong", "skills == strong", "b: 2")
	    "scoring: {close_call: 10}\n",
	    NULL);
	w = analyse(&c);
	assert_int_equal(w->ndeciding, 2);
	assert_string_equal(c.kb->questions[w->deciding[0]].id, "skills");
	assert_string_equal(c.kb->questions[w->deciding[1]].id, "rt");
	close_case(&c);
}

/* The question that can flip the result alone is asked first. */
static void
test_next_question_order(void **state)
{
	struct wcase		 c;
	const struct whatif	*w;

	(void)state;
	open_case(&c,
	    RULE("fast", "latency < 5m", "a: 1")
	    RULE("rt", "rt", "b: 3")
	    RULE("iot", "uses contains iot", "a: 1"),
	    ANSWERS("latency=1m"));
	w = analyse(&c);
	assert_int_equal(w->nnext, 5);
	assert_string_equal(next_id(&c, 0), "rt");
	assert_float_equal(w->next[0].change_share, 0.5, 1e-9);
	assert_string_equal(next_id(&c, 1), "uses");
	assert_float_equal(w->next[1].change_share, 0.0, 1e-9);
	assert_true(w->next[1].margin_change > 0);
	close_case(&c);
}

/* A question whose ask_if is false is not suggested nor counted open. */
static void
test_ask_if_respected(void **state)
{
	static const char text[] =
	    "knowledge_base: {name: t, version: '1'}\n"
	    "questions:\n"
	    "  - {id: latency, prompt: L, type: duration}\n"
	    "  - {id: rt, prompt: R, type: bool, ask_if: latency < 1h}\n"
	    "patterns:\n"
	    "  - {id: a, name: A, kind: processing, summary: a}\n"
	    "  - {id: b, name: B, kind: processing, summary: b}\n"
	    "rules:\n"
	    RULE("rt", "rt", "b: 2");
	struct kb_source	 src = { "t.yaml", text, sizeof text - 1 };
	struct diag		 d;
	struct kb		*kb = NULL;
	struct answers		 a;
	struct whatif		 w;

	(void)state;
	diag_init(&d);
	assert_int_equal(kb_load_sources(&src, 1, &kb, &d), LOAD_OK);
	diag_free(&d);
	answers_init(&a, kb);
	/* Unknown latency: the condition is unknown, so rt is still asked. */
	assert_true(kb_question_asked(kb, 1, a.v));
	fx_set(&a, kb, "latency=1d");
	assert_false(kb_question_asked(kb, 1, a.v));
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(w.open, 0);
	assert_int_equal(w.nnext, 0);
	assert_float_equal(w.holds_pct, 100.0, 1e-9);
	whatif_free(&w);
	fx_set(&a, kb, "latency=10m");
	whatif_analyse(kb, a.v, &w);
	assert_int_equal(w.open, 1);
	assert_int_equal(w.nnext, 1);
	assert_float_equal(w.holds_pct, 50.0, 1e-9);
	whatif_free(&w);
	answers_free(&a);
	kb_free(kb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threshold_exact),
		cmocka_unit_test(test_other_types),
		cmocka_unit_test(test_robust_100),
		cmocka_unit_test(test_robust_below_100),
		cmocka_unit_test(test_next_question_order),
		cmocka_unit_test(test_ask_if_respected),
		cmocka_unit_test(test_implausible_left_out),
		cmocka_unit_test(test_processing_holds_apart),
		cmocka_unit_test(test_changes_with_others),
		cmocka_unit_test(test_close_call_deciding),
		cmocka_unit_test(test_deciding_either_way_first),
	};

	return (cmocka_run_group_tests_name("whatif", tests, NULL, NULL));
}
