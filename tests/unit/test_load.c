/*
 * test_load: the YAML loaders. tests/bad/kb/ holds broken knowledge bases
 * and tests/bad/answers/ broken answers for tests/kb/mini.yaml; each
 * NAME.yaml that has a NAME.err beside it (the exact first message) is
 * checked here, the others by the table of tests/bad/cases. Run from the
 * top of the tree (make check does).
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "answers_load.h"
#include "fixtures.h"
#include "kb_load.h"
#include "xmalloc.h"

/* The first line of path, without its newline; caller frees. */
static char *
first_line(const char *path)
{
	char	buf[2048];
	FILE	*fp;

	fp = fopen(path, "r");
	assert_non_null(fp);
	assert_non_null(fgets(buf, sizeof buf, fp));
	fclose(fp);
	buf[strcspn(buf, "\n")] = '\0';
	return (xstrdup(buf));
}

/* The first diagnostic as it is printed; caller frees. */
static char *
first_diag(const struct diag *d)
{
	struct fx_capture	 c;
	char			*buf;

	assert_true(d->n > 0);
	fx_capture_open(&c);
	diag_print_item(c.fp, &d->items[0]);
	buf = fx_capture_close(&c);
	buf[strcspn(buf, "\n")] = '\0';
	return (buf);
}

static void
check_one(const char *yaml, const char *err, struct kb *mini)
{
	struct diag		 d;
	struct kb		*kb = NULL;
	struct answers		 a;
	enum load_status	 st;
	char			*want, *got;

	diag_init(&d);
	if (mini == NULL)
		st = kb_load_path(yaml, &kb, &d);
	else {
		st = answers_load_file(&a, mini, yaml, &d);
		answers_free(&a);
	}
	assert_int_equal(st, LOAD_BAD_DATA);
	assert_null(kb);
	want = first_line(err);
	got = first_diag(&d);
	if (strcmp(want, got) != 0)
		fail_msg("%s:\n  want: %s\n  got:  %s", yaml, want, got);
	free(want);
	free(got);
	diag_free(&d);
}

/* Runs check_one on every NAME.yaml of dir with a NAME.err; how many. */
static size_t
check_dir(const char *dir, struct kb *mini)
{
	DIR		*dp;
	struct dirent	*de;
	char		 yaml[1024], err[1024];
	size_t		 len, n = 0;

	dp = opendir(dir);
	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".err") != 0)
			continue;
		snprintf(err, sizeof err, "%s/%s", dir, de->d_name);
		snprintf(yaml, sizeof yaml, "%s/%.*s.yaml", dir, (int)(len - 4),
		    de->d_name);
		check_one(yaml, err, mini);
		n++;
	}
	closedir(dp);
	return (n);
}

static void
test_bad_knowledge_bases(void **state)
{
	(void)state;
	assert_true(check_dir("tests/bad/kb", NULL) >= 32);
}

static void
test_bad_answers(void **state)
{
	struct diag	 d;
	struct kb	*mini = NULL;

	(void)state;
	diag_init(&d);
	assert_int_equal(kb_load_path("tests/kb/mini.yaml", &mini, &d),
	    LOAD_OK);
	assert_true(check_dir("tests/bad/answers", mini) >= 14);
	kb_free(mini);
	diag_free(&d);
}

static void
test_mini_loads(void **state)
{
	struct diag	 d;
	struct kb	*kb = NULL;

	(void)state;
	diag_init(&d);
	assert_int_equal(kb_load_path("tests/kb/mini.yaml", &kb, &d), LOAD_OK);
	assert_int_equal(d.n, 0);
	assert_string_equal(kb->name, "mini");
	assert_int_equal(kb->nquestions, 6);
	assert_int_equal(kb->npatterns, 3);
	assert_int_equal(kb->nrules, 6);
	assert_float_equal(kb->scale, 2.0, 1e-9);
	assert_int_equal(kb->sections.n, 4);
	assert_int_equal(kb->patterns[2].kind, PATTERN_ORGANIZATION);
	assert_true(kb->rules[1].effects[1].veto);
	kb_free(kb);
	diag_free(&d);
}

static void
test_missing_file(void **state)
{
	struct diag	 d;
	struct kb	*kb = NULL;

	(void)state;
	diag_init(&d);
	assert_int_equal(kb_load_path("tests/kb/no-such-file.yaml", &kb, &d),
	    LOAD_NOT_FOUND);
	assert_null(kb);
	diag_free(&d);
}

static void
test_stock_loads(void **state)
{
	struct diag	 d;
	struct kb	*kb = NULL;

	(void)state;
	diag_init(&d);
	if (kb_load_stock(&kb, &d) != LOAD_OK)
		diag_print(stderr, &d);
	assert_non_null(kb);
	assert_int_equal(kb->npatterns, 6);
	assert_true(kb_question_index(kb, "latency") >= 0);
	kb_free(kb);
	diag_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mini_loads),
		cmocka_unit_test(test_stock_loads),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_bad_knowledge_bases),
		cmocka_unit_test(test_bad_answers),
	};

	return (cmocka_run_group_tests_name("load", tests, NULL, NULL));
}
