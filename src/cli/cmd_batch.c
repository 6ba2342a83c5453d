/*
 * batch: every scenario of the inputs (YAML streams or JSON lines), one
 * row each, streamed (batch_run.c). Inputs are all opened before
 * anything is written; bad documents are reported and skipped, and make
 * the status 65 at the end. With -o the file is replaced only by a run that
 * went to the end of its input.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_run.h"
#include "cli.h"
#include "outfile.h"
#include "xmalloc.h"

static const char *const batch_inputs[] = { "yaml", "jsonl", NULL };

struct batch_state {
	struct batch_options	 bo;
	const char		*output, *input, *format;
	bool			 excel;
};

static int
batch_option(const struct command *cmd, void *state, int id,
    const char *value)
{
	struct batch_state	*st = state;

	switch (id) {
	case 'f':
		if (!cli_format_ok(cmd, value))
			return (cli_format_error(cmd, value));
		st->format = value;
		break;
	case 'i':
		if (!cli_is_one_of(batch_inputs, value))
			return (usage_error(cmd, "unknown input '%s' "
			    "(expected yaml or jsonl)", value));
		st->input = value;
		break;
	case OPT_FAIL_FAST:
		st->bo.fail_fast = true;
		break;
	case OPT_EXCEL:
		st->excel = true;
		break;
	case 'o':
		st->output = value;
		break;
	}
	return (0);
}

/*
 * With $ARCHADVISOR_BATCH_STATS set, how many documents each way of
 * reading took, on standard error: the fast paths give the same rows as
 * their fallbacks, so only this tells a test that they ran.
 */
static void
print_paths(const struct batch_counts *c)
{
	const char	*s = getenv("ARCHADVISOR_BATCH_STATS");

	if (s == NULL || s[0] == '\0')
		return;
	fprintf(stderr, "archadvisor: batch: %zu plain YAML, %zu YAML events, "
	    "%zu YAML tree, %zu JSON lines\n", c->paths.yaml_fast,
	    c->paths.yaml_events, c->paths.yaml_tree, c->paths.jsonl);
}

/* Opens every input (all before anything is written); 0 or a status. */
static int
open_inputs(struct batch_input *in, int argc, char **argv,
    const char *input, int *n)
{
	struct stat	st;
	int		i;

	for (i = 0; i < (argc > 0 ? argc : 1); i++, (*n)++) {
		in[i].name = argc > 0 ? argv[i] : "-";
		if (input != NULL)
			in[i].fmt = input[0] == 'j' ? SCENARIO_JSONL :
			    SCENARIO_YAML;
		else
			in[i].fmt = scenario_format_of(in[i].name);
		if (strcmp(in[i].name, "-") == 0)
			in[i].fd = STDIN_FILENO;
		else if ((in[i].fd = open(in[i].name, O_RDONLY)) < 0 ||
		    fstat(in[i].fd, &st) != 0 || S_ISDIR(st.st_mode)) {
			if (in[i].fd >= 0)
				errno = EISDIR;
			errx_line("%s: %s", in[i].name, strerror(errno));
			*n += in[i].fd >= 0;
			return (EXIT_NOINPUT);
		}
	}
	return (0);
}

static int
run_batch(const struct command *cmd, int argc, char **argv,
    struct globals *g)
{
	struct batch_state	 st = { { BATCH_CSV, false }, NULL, NULL, NULL,
				     false };
	struct batch_counts	 counts;
	struct batch_input	*in = NULL;
	struct outfile		 o;
	struct kb		*kb = NULL;
	enum batch_status	 bs;
	char			 err[1024];
	int			 rc, i, n = 0;

	if ((rc = cli_parse(cmd, argc, argv, g, batch_option, &st)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if ((rc = cli_format_from_path(cmd, st.output, &st.format)) != 0)
		return (rc);
	st.bo.format = st.format != NULL && strcmp(st.format, "jsonl") == 0 ?
	    BATCH_JSONL : st.excel ? BATCH_CSV_EXCEL : BATCH_CSV;
	if (st.excel && st.bo.format == BATCH_JSONL)
		return (usage_error(cmd, "--excel is for CSV, not jsonl"));
	argc -= optind;
	argv += optind;
	in = xcalloc((size_t)argc + 1, sizeof *in);
	if ((rc = open_inputs(in, argc, argv, st.input, &n)) != 0)
		goto out;
	if ((rc = load_kb(g, &kb)) != 0)
		goto out;
	if (outfile_open(&o, st.output, err, sizeof err) != 0) {
		errx_line("%s", err);
		rc = EXIT_CANTCREAT;
		goto out;
	}
	bs = batch_run(kb, in, (size_t)n, &st.bo, o.fp, stderr, &counts);
	print_paths(&counts);
	if (bs == BATCH_WRITE_ERROR) {
		snprintf(err, sizeof err, "%s: %s", to_stdout(st.output) ?
		    "standard output" : st.output,
		    strerror(errno ? errno : EIO));
		outfile_abort(&o);
		errx_line("%s", err);
		rc = EXIT_CANTCREAT;
		goto out;
	}
	if (counts.stopped)
		outfile_abort(&o);
	else if (outfile_commit(&o, err, sizeof err) != 0) {
		errx_line("%s", err);
		rc = EXIT_CANTCREAT;
		goto out;
	}
	rc = bs == BATCH_READ_ERROR ? EXIT_NOINPUT : bs == BATCH_BAD_DATA ?
	    EXIT_DATAERR : EXIT_OK;
out:
	for (i = 0; i < n; i++)
		if (in[i].fd > STDIN_FILENO)
			close(in[i].fd);
	free(in);
	kb_free(kb);
	return (rc);
}

static const struct cli_option batch_options[] = {
	{ 'f', "format", "FMT", "csv (default, with a header line) or jsonl",
	    CLI_VALUE_FORMAT, NULL },
	{ 'i', "input", "KIND", "yaml or jsonl (default: jsonl for *.jsonl and "
	    "*.ndjson, else yaml; - reads standard input)", CLI_VALUE_CHOICE,
	    batch_inputs },
	{ OPT_EXCEL, "excel", NULL, "CSV as Excel opens it: a UTF-8 byte-order "
	    "mark first and CRLF line ends", CLI_VALUE_NONE, NULL },
	{ OPT_FAIL_FAST, "fail-fast", NULL, "stop at the first bad document",
	    CLI_VALUE_NONE, NULL },
	{ 'o', "output", "FILE", "write there (atomically) instead of "
	    "standard output", CLI_VALUE_FILE, NULL },
	CLI_OPT_END
};

static const char *const batch_formats[] = { "csv", "jsonl", NULL };

const struct command cmd_batch = {
	"batch", "[FILE|-]... [--format csv|jsonl] [--excel] "
	    "[--input yaml|jsonl] [--fail-fast] [-o FILE]",
	"Rank the patterns for every scenario of a stream, one row each.\n"
	    "The stream is YAML documents separated by '---', or JSON lines "
	    "(one object per\nline; *.jsonl files). A row is written as soon as "
	    "its scenario is scored: first\nplace, recommendation, margin, "
	    "every score. Bad documents are reported with\ntheir number and "
	    "skipped (status 65).",
	batch_options, batch_formats, NULL, run_batch
};
