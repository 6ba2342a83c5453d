/*
 * review: every record archadvisor wrote under the directories given (an
 * ADR, a Markdown or HTML handout: any file with an answers block, found
 * by content), re-scored with today's knowledge base, extensions
 * included. A record a later decision supersedes is listed, not
 * re-checked. Exits 0 when no recommendation would change, 1 when one
 * would, 65 when a record's answers cannot be read (after reviewing the
 * others).
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers_load.h"
#include "cli.h"
#include "date.h"
#include "handout.h"
#include "record_embed.h"
#include "report_review.h"
#include "version.h"
#include "xmalloc.h"
#include "yaml_tree.h"

/* Directories deeper than this are not walked (a loop of links). */
#define REVIEW_MAX_DEPTH	32

struct rv_list {
	struct review_entry	*e;
	size_t			 n;
};

static int
call_review(FILE *fp, const void *arg)
{
	return (report_review_text(fp, arg));
}

static int
call_review_json(FILE *fp, const void *arg)
{
	return (report_review_json(fp, arg));
}

/* Whether the file at path carries an answers block (read whole). */
static bool
is_record(const char *path)
{
	struct stat	 sb;
	FILE		*fp;
	char		 line[64];
	bool		 found = false;
	int		 c;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_size > YAML_TREE_MAX_FILE || (fp = fopen(path, "rb")) == NULL)
		return (false);
	/* Compare the start of each line with the marker. */
	while (!found && fgets(line, sizeof line, fp) != NULL) {
		found = strncmp(line, RECORD_MARKER,
		    sizeof RECORD_MARKER - 1) == 0;
		if (strchr(line, '\n') == NULL)
			while ((c = fgetc(fp)) != EOF && c != '\n')
				;
	}
	fclose(fp);
	return (found);
}

/*
 * The line where the document says a later decision supersedes it, or 0:
 * adr-tools' "Superseded by [3. ...]" under its Status, MADR's "* Status:
 * superseded by ..." or "status: superseded by ..." in its front matter.
 */
static int
superseded_line(const char *path)
{
	FILE		*fp;
	char		 line[256], *p;
	int		 n = 0, found = 0, c;

	if ((fp = fopen(path, "rb")) == NULL)
		return (0);
	while (!found && fgets(line, sizeof line, fp) != NULL) {
		n++;
		if (strncmp(line, RECORD_MARKER, sizeof RECORD_MARKER - 1) == 0)
			break;
		p = line + strspn(line, " \t");
		if ((*p == '*' || *p == '-') && p[1] == ' ')
			p += 2;
		if (strncasecmp(p, "status:", 7) == 0)
			p += 7 + strspn(p + 7, " \t");
		if (strncasecmp(p, "superseded by", 13) == 0)
			found = n;
		if (strchr(line, '\n') == NULL)
			while ((c = fgetc(fp)) != EOF && c != '\n')
				;
	}
	fclose(fp);
	return (found);
}

static void
add_entry(struct rv_list *l, const char *path)
{
	l->e = xreallocarray(l->e, l->n + 1, sizeof *l->e);
	memset(&l->e[l->n], 0, sizeof l->e[l->n]);
	l->e[l->n++].file = xstrdup(path);
}

static int
by_name(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* Adds the records under dir, in name order; hidden entries are skipped. */
static void
walk(struct rv_list *l, const char *dir, int depth)
{
	DIR		 *d;
	struct dirent	 *de;
	struct stat	  sb;
	char		**names = NULL, *path;
	size_t		  n = 0, i;

	if (depth > REVIEW_MAX_DEPTH || (d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xasprintf("%s%s%s", dir,
		    dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		path = names[i];
		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
			walk(l, path, depth + 1);
		else if (is_record(path))
			add_entry(l, path);
		free(path);
	}
	free(names);
}

/* The first problem as one line, "file:line:col: error: ...". */
static char *
first_problem(const struct diag *d, const char *file)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*mem;

	if (d->n == 0)
		return (xasprintf("%s: error: cannot be read", file));
	if (d->items[0].line <= 0)
		return (xasprintf("%s: error: %s", file, d->items[0].msg));
	if ((mem = open_memstream(&buf, &len)) == NULL)
		return (xasprintf("%s: error: %s", file, d->items[0].msg));
	diag_print_item(mem, &d->items[0]);
	fclose(mem);
	if (len > 0 && buf[len - 1] == '\n')
		buf[len - 1] = '\0';
	return (buf);
}

/* Reads and re-scores one record; a problem is kept as its error. */
static void
review_one(const struct kb *kb, struct review_entry *e, long today)
{
	struct answers		a;
	struct review_in	in;
	struct diag		d;

	diag_init(&d);
	if (answers_load_record(&a, kb, e->file, &e->meta, &d) != LOAD_OK) {
		e->error = first_problem(&d, e->file);
		diag_free(&d);
		answers_free(&a);
		return;
	}
	diag_free(&d);
	if (e->meta.line > 0 && (e->superseded = superseded_line(e->file)) > 0) {
		answers_free(&a);
		return;
	}
	memset(&in, 0, sizeof in);
	in.processing = e->meta.processing;
	in.organization = e->meta.organization;
	in.kb_name = e->meta.kb_name;
	in.kb_version = e->meta.kb_version;
	in.date = e->meta.date;
	in.review_by = e->meta.review_by;
	in.today = today;
	in.review_days = RECORD_REVIEW_DAYS;
	if (e->meta.line == 0)
		e->error = xasprintf("%s: error: not a record archadvisor "
		    "wrote (no '" RECORD_MARKER "' block)", e->file);
	else if (review_record(kb, a.v, &in, &e->res) != 0)
		e->error = xasprintf("%s:%d:1: error: the answers block names "
		    "no recommendation (a '# recommendation:' line)", e->file,
		    e->meta.line);
	else if (e->res.bad_dates)
		e->error = xasprintf("%s:%d:1: error: not a date (YYYY-MM-DD)",
		    e->file, e->meta.review_by[0] ? e->meta.review_line :
		    e->meta.date_line);
	answers_free(&a);
}

/* The records named: directories walked, files taken as given. */
static int
collect(struct rv_list *l, int argc, char **argv)
{
	struct stat	sb;
	int		i;

	for (i = 0; i < argc; i++) {
		if (stat(argv[i], &sb) != 0) {
			errx_line("%s: %s", argv[i], strerror(errno));
			return (EXIT_NOINPUT);
		}
		if (S_ISDIR(sb.st_mode))
			walk(l, argv[i], 0);
		else
			add_entry(l, argv[i]);
	}
	return (0);
}

static int
run_review(const struct command *cmd, int argc, char **argv,
    struct globals *g)
{
	struct cli_output	 st = { NULL, NULL };
	struct rv_list		 l = { NULL, 0 };
	struct review_ctx	 c;
	struct kb		*kb = NULL;
	char			 today[16];
	long			 days;
	size_t			 i;
	int			 rc;

	if ((rc = cli_parse(cmd, argc, argv, g, cli_output_option, &st)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if (argc - optind < 1)
		return (usage_error(cmd, "which records? e.g. 'archadvisor "
		    "review doc/adr'"));
	if ((rc = cli_format_choose(cmd, st.output, &st.format, "text")) !=
	    0)
		return (rc);
	if ((rc = collect(&l, argc - optind, argv + optind)) != 0 ||
	    (rc = load_kb(g, &kb)) != 0)
		goto out;
	handout_date(today, sizeof today);
	if (date_parse(today, &days) != 0)
		days = date_today();
	for (i = 0; i < l.n; i++)
		review_one(kb, &l.e[i], days);
	memset(&c, 0, sizeof c);
	c.kb = kb;
	c.entries = l.e;
	c.n = l.n;
	c.today = today;
	c.version = ARCHADVISOR_VERSION;
	c.color = use_color(g, to_stdout(st.output));
	c.width = 80;
	if (strcmp(st.format, "json") == 0)
		rc = write_output(st.output, call_review_json, &c, false);
	else
		rc = write_output(st.output, call_review, &c, true);
	for (i = 0; rc == EXIT_OK && i < l.n; i++)
		if (l.e[i].error != NULL)
			rc = EXIT_DATAERR;
	for (i = 0; rc == EXIT_OK && i < l.n; i++)
		if (l.e[i].superseded == 0 && l.e[i].res.changed)
			rc = EXIT_DIFFERS;
out:
	for (i = 0; i < l.n; i++) {
		free(l.e[i].file);
		free(l.e[i].error);
	}
	free(l.e);
	kb_free(kb);
	return (rc);
}

static const struct cli_option review_options[] = {
	CLI_OPT_TEXT_OR_JSON,
	CLI_OPT_OUTPUT,
	CLI_OPT_END
};

const struct command cmd_review = {
	"review", "DIR|FILE... [--format text|json] [-o FILE]",
	"Re-score the records archadvisor wrote with today's knowledge base.\n"
	    "Every ADR, Markdown or HTML handout with an answers block under "
	    "the DIRs,\nextensions included: the records whose "
	    "recommendation would change now (was,\nnow, why), those scored "
	    "by another knowledge-base version, and those past\ntheir review "
	    "date. Exits 0 when nothing would change, 1 when something "
	    "would,\n65 when a record cannot be read (the others are still "
	    "reviewed).",
	review_options, cli_text_or_json, NULL, run_review
};
