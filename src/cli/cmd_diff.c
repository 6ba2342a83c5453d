/*
 * diff: two scenarios compared, the answers that differ, both rankings and
 * the rules that started or stopped firing; exits like diff(1): 0 the same
 * recommendation, 1 a different one, 2 or more on trouble.
 */
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "engine.h"
#include "report_diff.h"
#include "version.h"

struct diff_state {
	const char	*format, *output;
};

struct diff_call {
	const struct diff_ctx	*dc;
	const char		*format;
};

static int
call_diff(FILE *fp, const void *arg)
{
	const struct diff_call	*call = arg;

	if (strcmp(call->format, "json") == 0)
		return (report_diff_json(fp, call->dc));
	if (strcmp(call->format, "markdown") == 0)
		return (report_diff_markdown(fp, call->dc));
	return (report_diff_text(fp, call->dc));
}

static int
diff_option(const struct command *cmd, void *state, int id,
    const char *value)
{
	struct diff_state	*st = state;

	(void)cmd;
	if (id == 'f')
		st->format = value;
	else if (id == 'o')
		st->output = value;
	return (0);
}

static int
run_diff(const struct command *cmd, int argc, char **argv, struct globals *g)
{
	struct diff_state	 st = { NULL, NULL };
	struct scenario_opts	 sa = { NULL, NULL, 0 }, sb = { NULL, NULL, 0 };
	struct answers		 a = { NULL, 0, NULL, NULL, NULL };
	struct answers		 b = { NULL, 0, NULL, NULL, NULL };
	struct ranking		*ra = NULL, *rb = NULL;
	struct diff_ctx		 dc;
	struct diff_call	 call;
	struct kb		*kb = NULL;
	int			 rc;

	if ((rc = cli_parse(cmd, argc, argv, g, diff_option, &st)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if (argc - optind != 2)
		return (usage_error(cmd, argc - optind < 2 ? "diff compares "
		    "two answers files, e.g. 'archadvisor diff old.yaml "
		    "new.yaml'" : "unexpected argument '%s'",
		    argv[optind + 2 < argc ? optind + 2 : 0]));
	if ((rc = cli_format_from_path(cmd, st.output, &st.format)) != 0)
		return (rc);
	if (st.format == NULL)
		st.format = "text";
	if (!cli_format_ok(cmd, st.format))
		return (cli_format_error(cmd, st.format));
	if (strcmp(argv[optind], "-") == 0 && strcmp(argv[optind + 1],
	    "-") == 0)
		return (usage_error(cmd, "only one of the two files can be "
		    "standard input"));
	sa.answers = argv[optind];
	sb.answers = argv[optind + 1];
	if ((rc = load_kb(g, &kb)) != 0 || (rc = load_answers(kb, &sa,
	    &a)) != 0 || (rc = load_answers(kb, &sb, &b)) != 0)
		goto out;
	ra = ranking_new(kb);
	rb = ranking_new(kb);
	engine_rank(kb, a.v, ra);
	engine_rank(kb, b.v, rb);
	memset(&dc, 0, sizeof dc);
	dc.kb = kb;
	dc.file_a = sa.answers;
	dc.file_b = sb.answers;
	dc.a = &a;
	dc.b = &b;
	dc.ra = ra;
	dc.rb = rb;
	dc.version = ARCHADVISOR_VERSION;
	dc.color = use_color(g, to_stdout(st.output));
	dc.width = 80;
	call.dc = &dc;
	call.format = st.format;
	if ((rc = write_output(st.output, call_diff, &call,
	    strcmp(st.format, "json") != 0)) == EXIT_OK &&
	    !report_diff_same(&dc))
		rc = EXIT_DIFFERS;
out:
	ranking_free(ra);
	ranking_free(rb);
	answers_free(&a);
	answers_free(&b);
	kb_free(kb);
	return (rc);
}

static const struct cli_option diff_options[] = {
	{ 'f', "format", "FMT", "text (default), json or markdown",
	    CLI_VALUE_FORMAT, NULL },
	CLI_OPT_OUTPUT,
	CLI_OPT_END
};

static const char *const diff_formats[] = { "text", "json", "markdown",
    NULL };

const struct command cmd_diff = {
	"diff", "A.yaml B.yaml [--format text|json|markdown]",
	"Compare two scenarios and say whether the advice changes.\nThe "
	    "answers that differ, both rankings, the rules that started or "
	    "stopped\nfiring. Exits 0 when the recommendation is the same, 1 "
	    "when it differs, 2 or\nmore on errors (as diff(1) does).",
	diff_options, diff_formats, NULL, run_diff
};
