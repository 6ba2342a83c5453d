/*
 * test_handout_save: handouts as files. The date a handout carries, from
 * SOURCE_DATE_EPOCH or today; the saving and numbering of ADR files (over
 * the hostile knowledge base of fixtures.h); a new file never replacing
 * one; and the writers each format name finds.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "answers.h"
#include "answers_load.h"
#include "engine.h"
#include "escape.h"
#include "fixtures.h"
#include "handout.h"
#include "kb_load.h"
#include "outfile.h"
#include "report.h"
#include "whatif.h"

static void
test_date(void **state)
{
	char		 buf[16], today[16];
	time_t		 t;
	struct tm	 tm;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "0", 1);
	handout_date(buf, sizeof buf);
	assert_string_equal(buf, "1970-01-01");
	setenv("SOURCE_DATE_EPOCH", "951782400", 1);
	handout_date(buf, sizeof buf);
	assert_string_equal(buf, "2000-02-29");
	/* Not a number of seconds: today. */
	setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
	t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	handout_date(buf, sizeof buf);
	assert_string_equal(buf, today);
	unsetenv("SOURCE_DATE_EPOCH");
	handout_date(buf, sizeof buf);
	assert_string_equal(buf, today);
	setenv("SOURCE_DATE_EPOCH", "1735689600", 1);
}

static void
touch(const char *dir, const char *name)
{
	char	path[512];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("# existing\n", fp);
	fclose(fp);
}

static void
test_adr_save(void **state)
{
	struct fx_handout	*f = *state;
	char		 dir[] = "/tmp/test_handout.XXXXXX", err[512];
	char		 sub[600], *path, *p2, *text;
	/* Non-ASCII letters become dashes (as in adr-tools); cut at a word. */
	const char	*slug = "use-str-mung-n-code-tick-bold-organised-as-a";
	size_t		 len;
	FILE		*fp;

	assert_non_null(mkdtemp(dir));
	touch(dir, "0001-record-architecture-decisions.md");
	touch(dir, "0007-use-kafka.md");
	touch(dir, "README.md");
	touch(dir, "0099notes.md");		/* no dash: not a record */
	assert_int_equal(report_adr_save(&f->ctx, dir, &path, err,
	    sizeof err), 0);
	snprintf(sub, sizeof sub, "%s/0008-%s.md", dir, slug);
	assert_string_equal(path, sub);
	/* The file is the ADR, complete. */
	fp = fopen(path, "r");
	assert_non_null(fp);
	{
		struct report_ctx	c = f->ctx;
		struct adr_opts		o = { ADR_TEMPLATE_DEFAULT, 8 };

		c.adr = &o;
		text = fx_render(report_write_adr, &c);
	}
	assert_true(strncmp(text, "# 8. Use ", 9) == 0);
	len = strlen(text);
	{
		char	*got = calloc(1, len + 2);

		assert_int_equal(fread(got, 1, len + 1, fp), len);
		assert_memory_equal(got, text, len);
		free(got);
	}
	fclose(fp);
	free(text);
	/* The next one continues the numbering. */
	assert_int_equal(report_adr_save(&f->ctx, dir, &p2, err,
	    sizeof err), 0);
	snprintf(sub, sizeof sub, "%s/0009-%s.md", dir, slug);
	assert_string_equal(p2, sub);
	unlink(path);
	unlink(p2);
	free(path);
	free(p2);
	/* A directory that does not exist yet is created. */
	snprintf(sub, sizeof sub, "%s/doc/adr/", dir);
	assert_int_equal(report_adr_save(&f->ctx, sub, &path, err,
	    sizeof err), 0);
	assert_non_null(strstr(path, "/doc/adr/0001-use-"));
	unlink(path);
	free(path);
	snprintf(sub, sizeof sub, "%s/doc/adr", dir);
	rmdir(sub);
	snprintf(sub, sizeof sub, "%s/doc", dir);
	rmdir(sub);
	/* A file where the directory should be: an error, nothing written. */
	snprintf(sub, sizeof sub, "%s/README.md", dir);
	assert_int_equal(report_adr_save(&f->ctx, sub, &path, err,
	    sizeof err), -1);
	assert_null(path);
	assert_non_null(strstr(err, "README.md: cannot create directory"));
	snprintf(sub, sizeof sub, "%s/0001-record-architecture-decisions.md",
	    dir);
	unlink(sub);
	snprintf(sub, sizeof sub, "%s/0007-use-kafka.md", dir);
	unlink(sub);
	snprintf(sub, sizeof sub, "%s/README.md", dir);
	unlink(sub);
	snprintf(sub, sizeof sub, "%s/0099notes.md", dir);
	unlink(sub);
	assert_int_equal(rmdir(dir), 0);	/* no temporary file left */
}

/* outfile_commit_new never replaces a file, and leaves no temporary. */
static void
test_commit_new(void **state)
{
	struct outfile	 o;
	char		 dir[] = "/tmp/test_handout.XXXXXX", path[512];
	char		 err[512], buf[64];
	FILE		*fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/0001-x.md", dir);
	touch(dir, "0001-x.md");
	assert_int_equal(outfile_open(&o, path, err, sizeof err), 0);
	fputs("new\n", o.fp);
	errno = 0;
	assert_int_equal(outfile_commit_new(&o, err, sizeof err), -1);
	assert_int_equal(errno, EEXIST);
	fp = fopen(path, "r");
	assert_non_null(fp);
	assert_non_null(fgets(buf, sizeof buf, fp));
	assert_string_equal(buf, "# existing\n");
	fclose(fp);
	unlink(path);
	assert_int_equal(outfile_open(&o, path, err, sizeof err), 0);
	fputs("new\n", o.fp);
	assert_int_equal(outfile_commit_new(&o, err, sizeof err), 0);
	unlink(path);
	assert_int_equal(rmdir(dir), 0);
}

static void
test_writer_table(void **state)
{
	(void)state;
	assert_ptr_equal(report_writer_find("html")->write, report_write_html);
	assert_ptr_equal(report_writer_find("markdown")->write,
	    report_write_markdown);
	assert_ptr_equal(report_writer_find("adr")->write, report_write_adr);
	assert_string_equal(report_writer_find("html")->ext, "html");
	assert_string_equal(report_writer_find("markdown")->ext, "md");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_adr_save),
		cmocka_unit_test(test_commit_new),
		cmocka_unit_test(test_writer_table),
	};

	return (cmocka_run_group_tests_name("handout_save", tests,
	    fx_handout_setup, fx_handout_teardown));
}
