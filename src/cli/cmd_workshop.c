/*
 * workshop: each stakeholder's answers file (name: says who), read
 * together: where they agree, the common ground, and the disagreements
 * that change the recommendation (core/workshop.h).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "report_workshop.h"
#include "version.h"
#include "workshop.h"
#include "xmalloc.h"

struct ws_call {
	const struct workshop_ctx	*c;
	const char			*format;
};

static int
call_workshop(FILE *fp, const void *arg)
{
	const struct ws_call	*call = arg;

	if (strcmp(call->format, "json") == 0)
		return (report_workshop_json(fp, call->c));
	if (strcmp(call->format, "markdown") == 0)
		return (report_workshop_markdown(fp, call->c));
	if (strcmp(call->format, "html") == 0)
		return (report_workshop_html(fp, call->c));
	return (report_workshop_text(fp, call->c));
}

/* Who a file speaks for: its name:, else the file's name without ".yaml". */
static char *
person_name(const struct answers *a, const char *file)
{
	const char	*base = strrchr(file, '/');
	size_t		 n;

	if (a->name != NULL && a->name[0] != '\0')
		return (xstrdup(a->name));
	base = base != NULL ? base + 1 : file;
	n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	return (xasprintf("%.*s", (int)n, base));
}

/* Two people of one name are told apart by their files. */
static void
unique_names(char **names, const char *const *files, size_t n)
{
	size_t	i, j;
	char	*t;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (strcmp(names[i], names[j]) == 0) {
				t = xasprintf("%s (%s)", names[j], files[j]);
				free(names[j]);
				names[j] = t;
			}
}

static int
check_operands(const struct command *cmd, int n, char **files)
{
	if (n < 2)
		return (usage_error(cmd, "a workshop reads two answers files "
		    "or more, one per stakeholder, e.g. 'archadvisor workshop "
		    "cfo.yaml product.yaml'"));
	if (n > WORKSHOP_MAX_PEOPLE)
		return (usage_error(cmd, "at most %d stakeholders",
		    WORKSHOP_MAX_PEOPLE));
	return (cli_stdin_once(cmd, n, files));
}

static int
run_workshop(const struct command *cmd, int argc, char **argv,
    struct globals *g)
{
	struct cli_output	 st = { NULL, NULL };
	struct answer_files	 af = { NULL, NULL, NULL, 0 };
	struct workshop		 w;
	struct workshop_ctx	 c;
	struct ws_call		 call;
	struct kb		*kb = NULL;
	char			**names = NULL;
	size_t			 n = 0, i;
	int			 rc;

	memset(&w, 0, sizeof w);
	if ((rc = cli_parse(cmd, argc, argv, g, cli_output_option, &st)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if ((rc = check_operands(cmd, argc - optind, argv + optind)) != 0)
		return (rc);
	if ((rc = cli_format_choose(cmd, st.output, &st.format, "text")) !=
	    0)
		return (rc);
	n = (size_t)(argc - optind);
	names = xcalloc(n, sizeof *names);
	if ((rc = load_kb(g, &kb)) != 0 || (rc = load_answer_files(kb,
	    argv + optind, n, &af)) != 0)
		goto out;
	for (i = 0; i < n; i++)
		names[i] = person_name(&af.a[i], argv[optind + (int)i]);
	unique_names(names, (const char *const *)(argv + optind), n);
	(void)workshop_analyse(kb, af.vals, n, &w);
	memset(&c, 0, sizeof c);
	c.kb = kb;
	c.w = &w;
	c.people = af.ap;
	c.names = (const char *const *)names;
	c.files = (const char *const *)(argv + optind);
	c.version = ARCHADVISOR_VERSION;
	c.color = use_color(g, to_stdout(st.output));
	c.width = 80;
	call.c = &c;
	call.format = st.format;
	rc = write_output(st.output, call_workshop, &call,
	    strcmp(st.format, "json") != 0);
out:
	workshop_free(&w);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	answer_files_free(&af);
	kb_free(kb);
	return (rc);
}

static const struct cli_option workshop_options[] = {
	CLI_OPT_DOCUMENT,
	CLI_OPT_OUTPUT,
	CLI_OPT_END
};

const struct command cmd_workshop = {
	"workshop", "FILE... [--format text|json|markdown|html] [-o FILE]",
	"Read several stakeholders' answers together: the meeting's agenda.\n"
	    "One answers file each (name: says who): where they agree, each "
	    "person's\nrecommendation, the common ground, and the "
	    "disagreements that change the\nrecommendation, ranked.",
	workshop_options, cli_document_formats, NULL, run_workshop
};
