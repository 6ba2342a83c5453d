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
		cmocka_unit_test(thresholds_as_people_say_them),
		cmocka_unit_test(bools_and_sets_in_sentences),
		cmocka_unit_test(lists_join_with_and),
	};

	return (cmocka_run_group_tests_name("words", tests, NULL, NULL));
}
