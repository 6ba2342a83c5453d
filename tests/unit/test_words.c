/*
 * test_words: questions and answers in words for people. Labels fall back
 * to the id, numbers next to a threshold are said by the threshold, and a
 * what-if joins several members with "and".
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "words.h"

static char	n_rep[] = "reporting", n_iot[] = "iot", n_fraud[] =
		    "fraud_detection", n_pers[] = "personalization";
static char	*set_names[] = { n_rep, n_iot, n_fraud, n_pers };
static char	l_iot[] = "IoT", l_pers[] = "Personalisation";
static char	*set_labels[] = { NULL, l_iot, NULL, l_pers };
static char	q_uses[] = "use_cases", q_lat[] = "latency", q_vol[] = "volume",
		    q_rt[] = "all_realtime", q_ev[] = "event_sourcing",
		    q_dom[] = "domains";
static char	lab_delay[] = "Acceptable delay", lab_vol[] = "New data per day";
static char	yes_rt[] = "everything had to be real-time";

static const struct question uses = {
	.id = q_uses, .value_labels = set_labels,
	.dom = { .type = VAL_SET, .names = set_names, .nnames = 4 },
};
static const struct question lat = {
	.id = q_lat, .label = lab_delay, .dom = { .type = VAL_DURATION },
};
static const struct question vol = {
	.id = q_vol, .label = lab_vol, .dom = { .type = VAL_SIZE },
};
static const struct question rt = {
	.id = q_rt, .if_yes = yes_rt, .dom = { .type = VAL_BOOL },
};
static const struct question ev = {
	.id = q_ev, .dom = { .type = VAL_BOOL },
};
static const struct question dom = {
	.id = q_dom, .dom = { .type = VAL_INT },
};

/* The same questions with the knowledge base's own clauses. */
static char	c_sooner[] = "results were needed in {value} instead of {was}",
		    c_later[] = "results could wait {value} instead of {was}",
		    c_fewer[] = "there were only {value} domains instead of {was}",
		    c_more[] = "there were {value} domains instead of {was}",
		    c_added[] = "the data were also used for {value}",
		    c_dropped[] = "the data were no longer used for {value}",
		    c_strong[] = "the team had strong streaming skills";
static char	q_skills[] = "streaming_skills", n_none[] = "none", n_some[] = "some", n_strong[] = "strong";
static char	*level_names[] = { n_none, n_some, n_strong };
static char	*level_ifs[] = { NULL, NULL, c_strong };
static const struct question lat_said = {
	.id = q_lat, .label = lab_delay, .dom = { .type = VAL_DURATION },
	.if_less = c_sooner, .if_more = c_later,
};
static const struct question dom_said = {
	.id = q_dom, .dom = { .type = VAL_INT },
	.if_less = c_fewer, .if_more = c_more,
};
static const struct question uses_said = {
	.id = q_uses, .value_labels = set_labels,
	.dom = { .type = VAL_SET, .names = set_names, .nnames = 4 },
	.if_added = c_added, .if_dropped = c_dropped,
};
static const struct question skills_said = {
	.id = q_skills, .value_ifs = level_ifs,
	.dom = { .type = VAL_LEVEL, .names = level_names, .nnames = 3 },
};

static struct value
num(int64_t n)
{
	struct value	v = { .known = true };

	v.num = n;
	return (v);
}

static struct value
bits(uint64_t b)
{
	struct value	v = { .known = true };

	v.bits = b;
	return (v);
}

static void
labels_fall_back_to_the_id(void **state)
{
	char	buf[128];

	(void)state;
	assert_string_equal(words_label(&uses, buf, sizeof buf), "Use cases");
	assert_string_equal(words_label(&lat, buf, sizeof buf),
	    "Acceptable delay");
	assert_string_equal(words_value_label(&uses, 2, buf, sizeof buf),
	    "Fraud detection");
	assert_string_equal(words_value_label(&uses, 1, buf, sizeof buf),
	    "IoT");
	assert_string_equal(words_lower("Fraud detection", buf, sizeof buf),
	    "fraud detection");
	assert_string_equal(words_lower("IoT", buf, sizeof buf), "IoT");
	assert_string_equal(words_lower("SQL skills", buf, sizeof buf),
	    "SQL skills");
	assert_string_equal(words_lower("Real-time alerts", buf, sizeof buf),
	    "real-time alerts");
}

static void
values_in_words(void **state)
{
	struct value	v;
	char		buf[128];

	(void)state;
	v = num(3600);
	assert_string_equal(words_value(&lat, &v, buf, sizeof buf), "1 hour");
	v = num(5400);
	assert_string_equal(words_value(&lat, &v, buf, sizeof buf),
	    "90 minutes");
	v = num(3599);
	assert_string_equal(words_value(&lat, &v, buf, sizeof buf),
	    "59 minutes 59 seconds");
	v = num(INT64_C(10000000000000));
	assert_string_equal(words_value(&vol, &v, buf, sizeof buf), "10 TB");
	v = num(1);
	assert_string_equal(words_value(&rt, &v, buf, sizeof buf), "yes");
	v = bits(0x6);
	assert_string_equal(words_value(&uses, &v, buf, sizeof buf),
	    "IoT, Fraud detection");
	v = bits(0);
	assert_string_equal(words_value(&uses, &v, buf, sizeof buf), "none");
	v = value_unknown();
	assert_string_equal(words_value(&lat, &v, buf, sizeof buf),
	    "not answered");
}

/* Standing alone, an answer starts with a capital, as a label does. */
static void
values_in_cells(void **state)
{
	struct value	v;
	char		buf[256];

	(void)state;
	v = num(1);
	assert_string_equal(words_cell(&rt, &v, buf, sizeof buf), "Yes");
	v = num(0);
	assert_string_equal(words_cell(&rt, &v, buf, sizeof buf), "No");
	v = bits(0);
	assert_string_equal(words_cell(&uses, &v, buf, sizeof buf), "None");
	v = bits(0x6);
	assert_string_equal(words_cell(&uses, &v, buf, sizeof buf),
	    "IoT, Fraud detection");
	v = num(3600);
	assert_string_equal(words_cell(&lat, &v, buf, sizeof buf), "1 hour");
	v = value_unknown();
	assert_string_equal(words_cell(&rt, &v, buf, sizeof buf),
	    "not answered");
}

/* A lead is said in whole points, never as "0 points" or "1 points". */
static void
leads_in_whole_points(void **state)
{
	char	buf[64];

	(void)state;
	assert_string_equal(words_lead(14.7, buf, sizeof buf), "15 points");
	assert_string_equal(words_lead(2.4, buf, sizeof buf), "2 points");
	assert_string_equal(words_lead(1.2, buf, sizeof buf), "1 point");
	assert_string_equal(words_lead(0.4, buf, sizeof buf),
	    "less than a point");
	assert_string_equal(words_lead(0.0, buf, sizeof buf),
	    "less than a point");
}

/* A tie is a lead that prints as 0.0: anything larger shows a difference. */
static void
ties_are_leads_that_print_as_zero(void **state)
{
	(void)state;
	assert_true(words_tied(0.0));
	assert_true(words_tied(0.049));
	assert_false(words_tied(0.05));
	assert_false(words_tied(0.4));
}

static void
thresholds_as_people_say_them(void **state)
{
	struct value	from, to;
	char		buf[256];

	(void)state;
	from = num(86400);
	to = num(3599);
	assert_string_equal(words_change(&lat, &from, &to, buf, sizeof buf),
	    "the acceptable delay were less than 1 hour instead of 1 day");
	from = num(10);
	to = num(3601);
	assert_string_equal(words_change(&lat, &from, &to, buf, sizeof buf),
	    "the acceptable delay were more than 1 hour instead of 10 "
	    "seconds");
	to = num(1799);
	assert_string_equal(words_change(&lat, &from, &to, buf, sizeof buf),
	    "the acceptable delay were less than 30 minutes instead of 10 "
	    "seconds");
	from = num(INT64_C(2000000000000));
	to = num(INT64_C(10000000000000));
	assert_string_equal(words_change(&vol, &from, &to, buf, sizeof buf),
	    "the new data per day were 10 TB instead of 2 TB");
	to = num(INT64_C(9999999999999));
	assert_string_equal(words_change(&vol, &from, &to, buf, sizeof buf),
	    "the new data per day were less than 10 TB instead of 2 TB");
	from = num(40);
	to = num(9);
	assert_string_equal(words_change(&dom, &from, &to, buf, sizeof buf),
	    "the domains were 9 instead of 40");
	assert_null(strstr(buf, "than"));
}

static void
bools_and_sets_in_sentences(void **state)
{
	struct value	from, to;
	char		buf[256];

	(void)state;
	from = num(0);
	to = num(1);
	assert_string_equal(words_change(&rt, &from, &to, buf, sizeof buf),
	    "everything had to be real-time");
	assert_string_equal(words_change(&ev, &from, &to, buf, sizeof buf),
	    "the answer on event sourcing were yes instead of no");
	from = bits(0x1);
	to = bits(0x1 | 0x2 | 0x8);
	assert_string_equal(words_change(&uses, &from, &to, buf, sizeof buf),
	    "IoT and personalisation were added to the use cases");
	to = bits(0x4);
	assert_string_equal(words_change(&uses, &from, &to, buf, sizeof buf),
	    "fraud detection were added to the use cases and reporting "
	    "dropped from them");
	to = bits(0);
	assert_string_equal(words_change(&uses, &from, &to, buf, sizeof buf),
	    "reporting were no longer among the use cases");
}

static void
clauses_of_the_knowledge_base(void **state)
{
	struct value	from, to;
	char		buf[256];

	(void)state;
	/* Under a round number, over one, and at one in either way. */
	from = num(86400);
	to = num(3599);
	assert_string_equal(words_change(&lat_said, &from, &to, buf,
	    sizeof buf), "results were needed in less than an hour instead "
	    "of a day");
	from = num(10);
	to = num(3601);
	assert_string_equal(words_change(&lat_said, &from, &to, buf,
	    sizeof buf), "results could wait more than an hour instead of 10 "
	    "seconds");
	from = num(3600);
	to = num(86400);
	assert_string_equal(words_change(&lat_said, &from, &to, buf,
	    sizeof buf), "results could wait a day instead of an hour");
	to = num(900);
	assert_string_equal(words_change(&lat_said, &from, &to, buf,
	    sizeof buf), "results were needed in 15 minutes instead of an "
	    "hour");
	/* Just across the answer given: no "less than 5 minutes instead of
	   5 minutes". */
	from = num(300);
	to = num(299);
	assert_string_equal(words_change(&lat_said, &from, &to, buf,
	    sizeof buf), "results were needed in less than 5 minutes");
	from = num(3600);
	to = num(3601);
	assert_string_equal(words_change(&lat_said, &from, &to, buf,
	    sizeof buf), "results could wait more than an hour");
	assert_string_equal(words_change(&lat, &from, &to, buf, sizeof buf),
	    "the acceptable delay were more than 1 hour");
	from = num(40);
	to = num(3);
	assert_string_equal(words_change(&dom_said, &from, &to, buf,
	    sizeof buf), "there were only 3 domains instead of 40");
	from = num(3);
	to = num(10);
	assert_string_equal(words_change(&dom_said, &from, &to, buf,
	    sizeof buf), "there were 10 domains instead of 3");
	/* Sets: added, dropped, and both joined with "and". */
	from = bits(0x1);
	to = bits(0x1 | 0x2 | 0x8);
	assert_string_equal(words_change(&uses_said, &from, &to, buf,
	    sizeof buf), "the data were also used for IoT and "
	    "personalisation");
	to = bits(0x4);
	assert_string_equal(words_change(&uses_said, &from, &to, buf,
	    sizeof buf), "the data were also used for fraud detection and "
	    "the data were no longer used for reporting");
	to = bits(0);
	assert_string_equal(words_change(&uses_said, &from, &to, buf,
	    sizeof buf), "the data were no longer used for reporting");
	/* A level value with its clause, and one without. */
	from = num(1);
	to = num(2);
	assert_string_equal(words_change(&skills_said, &from, &to, buf,
	    sizeof buf), "the team had strong streaming skills");
	to = num(0);
	assert_string_equal(words_change(&skills_said, &from, &to, buf,
	    sizeof buf), "the streaming skills were none instead of some");
}

static void
clauses_are_checked(void **state)
{
	char	why[128];
	unsigned both = WORDS_HOLD_VALUE | WORDS_HOLD_WAS;

	(void)state;
	assert_int_equal(words_clause_check("in {value} not {was}", both, why,
	    sizeof why), 0);
	assert_int_equal(words_clause_check("also {value}", WORDS_HOLD_VALUE,
	    why, sizeof why), 0);
	assert_int_equal(words_clause_check("the team had skills", 0, why,
	    sizeof why), 0);
	assert_int_equal(words_clause_check("in {vaule}", both, why,
	    sizeof why), -1);
	assert_non_null(strstr(why, "'{vaule}'"));
	assert_int_equal(words_clause_check("no value here", both, why,
	    sizeof why), -1);
	assert_non_null(strstr(why, "{value}"));
	assert_int_equal(words_clause_check("{value} not {was}",
	    WORDS_HOLD_VALUE, why, sizeof why), -1);
	assert_int_equal(words_clause_check("had {value}", 0, why,
	    sizeof why), -1);
	assert_int_equal(words_clause_check("open {value", both, why,
	    sizeof why), -1);
}

static void
lists_join_with_and(void **state)
{
	char	buf[64] = "";

	(void)state;
	words_list_add(buf, sizeof buf, "a", 0, 3);
	words_list_add(buf, sizeof buf, "b", 1, 3);
	words_list_add(buf, sizeof buf, "c", 2, 3);
	assert_string_equal(buf, "a, b and c");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(labels_fall_back_to_the_id),
		cmocka_unit_test(values_in_words),
		cmocka_unit_test(values_in_cells),
		cmocka_unit_test(leads_in_whole_points),
		cmocka_unit_test(ties_are_leads_that_print_as_zero),
		cmocka_unit_test(thresholds_as_people_say_them),
		cmocka_unit_test(bools_and_sets_in_sentences),
		cmocka_unit_test(clauses_of_the_knowledge_base),
		cmocka_unit_test(clauses_are_checked),
		cmocka_unit_test(lists_join_with_and),
	};

	return (cmocka_run_group_tests_name("words", tests, NULL, NULL));
}
