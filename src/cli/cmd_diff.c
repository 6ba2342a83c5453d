/*
 * diff: scenarios compared with the first (today, in two years, after the
 * acquisition ...): the answers that differ, the rankings side by side,
 * and which difference moved the recommendation; two keep the rules that
 * started or stopped firing too. Exits like diff(1): 0 the same
 * recommendation everywhere, 1 a different one, 2 or more on trouble.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "engine.h"
#include "report_diff.h"
#include "report_json.h"
#include "report_scenarios.h"
#include "scenarios.h"
#include "version.h"
#include "xmalloc.h"

struct diff_call {
	const struct diff_ctx		*dc;	/* two scenarios */
	const struct scenarios_ctx	*sc;
	const char			*format;
};

/* Two scenarios and this JSON: diff's own, with what moved the second. */
static int
diff_json_two(FILE *fp, const struct diff_call *call)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*mem;
	json_t	*root;
	int	 rc;

	if ((mem = open_memstream(&buf, &len)) == NULL)
		return (-1);
	rc = report_diff_json(mem, call->dc);
	if (fclose(mem) != 0 || rc != 0 ||
	    (root = json_loadb(buf, len, 0, NULL)) == NULL) {
		free(buf);
		return (-1);
	}
	free(buf);
	json_object_set_new(root, "moved_by",
	    report_scenarios_moved_json(call->sc, 1));
	return (json_write(fp, root));
}

static int
call_diff(FILE *fp, const void *arg)
{
	const struct diff_call	*call = arg;
	int			 rc;

	if (strcmp(call->format, "html") == 0)
		return (report_scenarios_html(fp, call->sc));
	if (call->dc == NULL) {
		if (strcmp(call->format, "json") == 0)
			return (report_scenarios_json(fp, call->sc));
		if (strcmp(call->format, "markdown") == 0)
			return (report_scenarios_markdown(fp, call->sc));
		return (report_scenarios_text(fp, call->sc));
	}
	if (strcmp(call->format, "json") == 0)
		return (diff_json_two(fp, call));
	rc = strcmp(call->format, "markdown") == 0 ?
	    report_diff_markdown(fp, call->dc) :
	    report_diff_text(fp, call->dc);
	report_scenarios_moved(fp, call->sc, strcmp(call->format,
	    "markdown") == 0);
	return (rc != 0 || ferror(fp) ? -1 : 0);
}

static int
check_operands(const struct command *cmd, int n, char **files)
{
	if (n < 2)
		return (usage_error(cmd, "diff compares two answers files or "
		    "more, e.g. 'archadvisor diff old.yaml new.yaml'"));
	return (cli_stdin_once(cmd, n, files));
}

static int
run_diff(const struct command *cmd, int argc, char **argv, struct globals *g)
{
	struct cli_output	 st = { NULL, NULL };
	struct answer_files	 af = { NULL, NULL, NULL, 0 };
	struct ranking		**r = NULL;
	struct scenarios	 s = { 0, NULL };
	struct scenarios_ctx	 sc;
	struct diff_ctx		 dc;
	struct diff_call	 call;
	struct kb		*kb = NULL;
	size_t			 n, i;
	int			 rc;

	if ((rc = cli_parse(cmd, argc, argv, g, cli_output_option, &st)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if ((rc = check_operands(cmd, argc - optind, argv + optind)) != 0)
		return (rc);
	if ((rc = cli_format_choose(cmd, st.output, &st.format, "text")) !=
	    0)
		return (rc);
	n = (size_t)(argc - optind);
	r = xcalloc(n, sizeof *r);
	if ((rc = load_kb(g, &kb)) != 0 || (rc = load_answer_files(kb,
	    argv + optind, n, &af)) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		r[i] = ranking_new(kb);
		engine_rank(kb, af.vals[i], r[i]);
	}
	scenarios_compare(kb, af.vals, n, &s);
	memset(&sc, 0, sizeof sc);
	sc.kb = kb;
	sc.s = &s;
	sc.a = af.ap;
	sc.r = (const struct ranking *const *)r;
	sc.files = (const char *const *)(argv + optind);
	sc.version = ARCHADVISOR_VERSION;
	sc.color = use_color(g, to_stdout(st.output));
	sc.utf8 = use_utf8();
	sc.width = 80;
	memset(&dc, 0, sizeof dc);
	dc.kb = kb;
	dc.file_a = argv[optind];
	dc.file_b = argv[optind + 1];
	dc.a = &af.a[0];
	dc.b = &af.a[1];
	dc.ra = r[0];
	dc.rb = r[1];
	dc.version = ARCHADVISOR_VERSION;
	dc.color = sc.color;
	dc.width = 80;
	call.dc = n == 2 ? &dc : NULL;
	call.sc = &sc;
	call.format = st.format;
	if ((rc = write_output(st.output, call_diff, &call,
	    strcmp(st.format, "json") != 0)) == EXIT_OK && !scenarios_same(&s))
		rc = EXIT_DIFFERS;
out:
	scenarios_free(&s);
	for (i = 0; i < n; i++)
		ranking_free(r[i]);
	free(r);
	answer_files_free(&af);
	kb_free(kb);
	return (rc);
}

static const struct cli_option diff_options[] = {
	CLI_OPT_DOCUMENT,
	CLI_OPT_OUTPUT,
	CLI_OPT_END
};

const struct command cmd_diff = {
	"diff", "A.yaml B.yaml [C.yaml]... [--format text|json|markdown|html]",
	"Compare scenarios and say whether the advice changes.\nEach with "
	    "the first: the answers that differ, the rankings side by side, "
	    "which\ndifference moved the recommendation (and for two, the "
	    "rules that started or\nstopped firing). Exits 0 when the "
	    "recommendation is the same, 1 when it differs,\n2 or more on "
	    "errors (as diff(1) does).",
	diff_options, cli_document_formats, NULL, run_diff
};
