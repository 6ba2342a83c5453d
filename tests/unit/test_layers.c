/*
 * test_layers: which files make up a knowledge base (kb_layers) and how a
 * later file adds to or replaces items of an earlier one (kb_load). Uses
 * tests/kb/mini.yaml and the stock base; extensions are written to a
 * temporary directory. Run from the top of the tree (make check does).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "kb_layers.h"
#include "kb_load.h"
#include "stock_kb.h"
#include "xmalloc.h"

static char	tmpdir[] = "/tmp/test_layers.XXXXXX";

/* Writes text to tmpdir/name; returns the path (caller frees). */
static char *
put(const char *name, const char *text)
{
	char	*path;
	FILE	*fp;

	path = xasprintf("%s/%s", tmpdir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	return (path);
}

/* The first diagnostic's message, or "" if there is none. */
static const char *
first_msg(const struct diag *d)
{
	return (d->n > 0 ? d->items[0].msg : "");
}

static enum load_status
load(const char *const *paths, size_t n, const char *user, struct kb **kb,
    size_t *nstock, struct diag *d)
{
	struct kb_layers	l;
	enum load_status	st;

	l.paths = paths;
	l.npaths = n;
	l.user_dir = user;
	st = kb_load_layers(&l, kb, d);
	if (nstock != NULL)
		*nstock = st == LOAD_OK ? (*kb)->nbuiltin : 0;
	return (st);
}

static const char ext_pattern[] =
    "patterns:\n"
    "  - {id: hybrid, name: Hybrid, kind: processing, summary: Both}\n"
    "rules:\n"
    "  - {id: h1, when: latency < 1h, effects: {hybrid: 2}, why: w, "
    "source: s}\n";

static void
test_stock_alone(void **state)
{
	struct diag	 d;
	struct kb	*kb;
	size_t		 nstock;

	(void)state;
	diag_init(&d);
	assert_int_equal(load(NULL, 0, NULL, &kb, &nstock, &d), LOAD_OK);
	assert_int_equal(nstock, stock_kb_nfiles);
	assert_int_equal(kb->files.n, stock_kb_nfiles);
	assert_int_equal(kb->npatterns, 6);
	kb_free(kb);
	diag_free(&d);
}

static void
test_extension_on_stock(void **state)
{
	struct diag	 d;
	struct kb	*kb;
	char		*ext;
	const char	*paths[1];
	size_t		 nstock;
	int		 p;

	(void)state;
	ext = put("ext.yaml", ext_pattern);
	paths[0] = ext;
	diag_init(&d);
	assert_int_equal(load(paths, 1, NULL, &kb, &nstock, &d), LOAD_OK);
	assert_int_equal(nstock, stock_kb_nfiles);
	assert_int_equal(kb->npatterns, 7);
	assert_string_equal(kb->patterns[6].id, "hybrid");
	assert_string_equal(kb->files.items[kb->files.n - 1], ext);
	assert_string_equal(kb->name, "archadvisor stock knowledge base");
	p = kb_rule_index(kb, "h1");
	assert_true(p >= 0);
	assert_string_equal(kb->rules[p].loc.file, ext);
	kb_free(kb);
	diag_free(&d);
	free(ext);
}

/* A complete knowledge base comes first wherever it is given. */
static void
test_complete_replaces_stock(void **state)
{
	struct diag	 d;
	struct kb	*kb;
	char		*ext;
	const char	*paths[2];
	size_t		 nstock = 99;

	(void)state;
	ext = put("ext.yaml", ext_pattern);
	paths[0] = ext;
	paths[1] = "tests/kb/mini.yaml";
	diag_init(&d);
	assert_int_equal(load(paths, 2, NULL, &kb, &nstock, &d), LOAD_OK);
	assert_int_equal(nstock, 0);
	assert_string_equal(kb->name, "mini");
	assert_int_equal(kb->files.n, 2);
	assert_string_equal(kb->files.items[0], "tests/kb/mini.yaml");
	assert_int_equal(kb->npatterns, 4);
	kb_free(kb);
	diag_free(&d);
	free(ext);
}

/* The user's directory: read after the base, before the paths; optional. */
static void
test_user_dir(void **state)
{
	struct diag	 d;
	struct kb	*kb;
	char		*dir, *a, *b, *ext;
	const char	*paths[2];

	(void)state;
	dir = xasprintf("%s/rules.d", tmpdir);
	assert_int_equal(mkdir(dir, 0755), 0);
	a = put("rules.d/b.yaml", "rules:\n  - {id: h2, when: latency < 1m, "
	    "effects: {hybrid: 1}, why: w, source: s}\n");
	b = put("rules.d/a.yaml", ext_pattern);
	ext = put("late.yaml", "rules:\n  - {id: h3, when: latency < 1s, "
	    "effects: {hybrid: 1}, why: w, source: s}\n");
	paths[0] = "tests/kb/mini.yaml";
	paths[1] = ext;
	diag_init(&d);
	assert_int_equal(load(paths, 2, dir, &kb, NULL, &d), LOAD_OK);
	assert_int_equal(kb->files.n, 4);
	assert_string_equal(kb->files.items[0], "tests/kb/mini.yaml");
	assert_string_equal(kb->files.items[1], b);	/* sorted by name */
	assert_string_equal(kb->files.items[2], a);
	assert_string_equal(kb->files.items[3], ext);
	kb_free(kb);
	/* A user directory that does not exist is no error. */
	assert_int_equal(load(paths, 1, "/nonexistent/rules.d", &kb, NULL, &d),
	    LOAD_OK);
	assert_int_equal(d.n, 0);
	kb_free(kb);
	diag_free(&d);
	unlink(a);
	unlink(b);
	unlink(ext);
	rmdir(dir);
	free(a);
	free(b);
	free(ext);
	free(dir);
}

static void
test_replace(void **state)
{
	struct diag	 d;
	struct kb	*kb;
	char		*ext;
	const char	*paths[2];
	int		 q;

	(void)state;
	ext = put("replace.yaml",
	    "questions:\n"
	    "  - {id: teams, replace: true, section: People, prompt: Squads, "
	    "type: integer, range: [1, 9]}\n"
	    "patterns:\n"
	    "  - {id: stream, replace: true, name: Streams, kind: processing, "
	    "summary: S}\n"
	    "rules:\n"
	    "  - {id: slow, replace: true, when: latency > 2h, "
	    "effects: {batch: 5}, why: Slower, source: t}\n");
	paths[0] = "tests/kb/mini.yaml";
	paths[1] = ext;
	diag_init(&d);
	assert_int_equal(load(paths, 2, NULL, &kb, NULL, &d), LOAD_OK);
	assert_int_equal(kb->nquestions, 6);
	assert_int_equal(kb->npatterns, 3);
	assert_int_equal(kb->nrules, 6);
	/* In place: the order (and so tie-breaking) is kept. */
	assert_string_equal(kb->patterns[1].id, "stream");
	assert_string_equal(kb->patterns[1].name, "Streams");
	assert_string_equal(kb->patterns[1].loc.file, ext);
	assert_string_equal(kb->rules[0].id, "slow");
	assert_string_equal(kb->rules[0].why, "Slower");
	assert_float_equal(kb->rules[0].effects[0].weight, 5.0, 1e-9);
	q = kb_question_index(kb, "teams");
	assert_string_equal(kb->questions[q].prompt, "Squads");
	assert_true(kb->questions[q].dom.has_max);
	assert_int_equal(kb->questions[q].dom.max, 9);
	/* "Org" still holds "big"; "People" is new. */
	assert_int_equal(kb->sections.n, 5);
	kb_free(kb);
	diag_free(&d);
	free(ext);
}

/* A replaced question that leaves its section empty takes it along. */
static void
test_replace_prunes_section(void **state)
{
	struct diag	 d;
	struct kb	*kb;
	char		*ext;
	const char	*paths[2];
	size_t		 i;

	(void)state;
	ext = put("latency.yaml",
	    "questions:\n"
	    "  - {id: latency, replace: true, section: Team, prompt: Delay, "
	    "type: duration}\n");
	paths[0] = "tests/kb/mini.yaml";
	paths[1] = ext;
	diag_init(&d);
	assert_int_equal(load(paths, 2, NULL, &kb, NULL, &d), LOAD_OK);
	for (i = 0; i < kb->sections.n; i++)
		assert_string_not_equal(kb->sections.items[i], "Speed");
	assert_int_equal(kb->sections.n, 3);
	kb_free(kb);
	diag_free(&d);
	free(ext);
}

static void
test_clashes(void **state)
{
	struct diag	 d;
	struct kb	*kb;
	char		*ext, *want;
	const char	*paths[2];

	(void)state;
	paths[0] = "tests/kb/mini.yaml";
	ext = put("clash.yaml", "patterns:\n"
	    "  - {id: batch, name: B, kind: processing, summary: S}\n");
	paths[1] = ext;
	diag_init(&d);
	assert_int_equal(load(paths, 2, NULL, &kb, NULL, &d), LOAD_BAD_DATA);
	assert_null(kb);
	assert_string_equal(d.items[0].file, ext);
	assert_int_equal(d.items[0].line, 2);
	want = xasprintf("duplicate pattern id 'batch' (first defined at "
	    "tests/kb/mini.yaml:13:5; to replace it, add 'replace: true')");
	assert_string_equal(first_msg(&d), want);
	free(want);
	diag_free(&d);
	free(ext);

	ext = put("nothing.yaml", "rules:\n  - {id: nope, replace: true, "
	    "when: latency < 1h, effects: {batch: 1}, why: w, source: s}\n");
	paths[1] = ext;
	diag_init(&d);
	assert_int_equal(load(paths, 2, NULL, &kb, NULL, &d), LOAD_BAD_DATA);
	assert_string_equal(first_msg(&d), "'replace: true' but no earlier "
	    "file defines a rule 'nope' to replace");
	diag_free(&d);
	free(ext);

	/* Within one file, replace does not excuse a duplicate. */
	ext = put("twice.yaml", "patterns:\n"
	    "  - {id: x, name: X, kind: processing, summary: S}\n"
	    "  - {id: x, replace: true, name: X, kind: processing, "
	    "summary: S}\n");
	paths[1] = ext;
	diag_init(&d);
	assert_int_equal(load(paths, 2, NULL, &kb, NULL, &d), LOAD_BAD_DATA);
	assert_non_null(strstr(first_msg(&d), "duplicate pattern id 'x'"));
	diag_free(&d);
	free(ext);

	/* Two complete knowledge bases. */
	paths[1] = "tests/kb/mini.yaml";
	diag_init(&d);
	assert_int_equal(load(paths, 2, NULL, &kb, NULL, &d), LOAD_BAD_DATA);
	assert_non_null(strstr(first_msg(&d), "'knowledge_base' given twice"));
	diag_free(&d);
}

static void
test_missing_path(void **state)
{
	struct diag	 d;
	struct kb	*kb;
	const char	*paths[1] = { "tests/kb/no-such.yaml" };

	(void)state;
	diag_init(&d);
	assert_int_equal(load(paths, 1, NULL, &kb, NULL, &d), LOAD_NOT_FOUND);
	assert_null(kb);
	diag_free(&d);
}

static int
setup(void **state)
{
	(void)state;
	return (mkdtemp(tmpdir) == NULL ? -1 : 0);
}

static int
teardown(void **state)
{
	char	*p;

	(void)state;
	p = xasprintf("%s/ext.yaml", tmpdir);
	unlink(p);
	free(p);
	p = xasprintf("%s/replace.yaml", tmpdir);
	unlink(p);
	free(p);
	p = xasprintf("%s/latency.yaml", tmpdir);
	unlink(p);
	free(p);
	p = xasprintf("%s/clash.yaml", tmpdir);
	unlink(p);
	free(p);
	p = xasprintf("%s/nothing.yaml", tmpdir);
	unlink(p);
	free(p);
	p = xasprintf("%s/twice.yaml", tmpdir);
	unlink(p);
	free(p);
	return (rmdir(tmpdir));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stock_alone),
		cmocka_unit_test(test_extension_on_stock),
		cmocka_unit_test(test_complete_replaces_stock),
		cmocka_unit_test(test_user_dir),
		cmocka_unit_test(test_replace),
		cmocka_unit_test(test_replace_prunes_section),
		cmocka_unit_test(test_clashes),
		cmocka_unit_test(test_missing_path),
	};

	return (cmocka_run_group_tests_name("layers", tests, setup,
	    teardown));
}
