/*
 * tui: the full-screen questionnaire (src/tui). It needs a terminal on
 * standard input and output; tui_run loads --answers itself, so that a
 * file that does not exist yet becomes the place to save.
 */
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tui.h"
#include "version.h"

static int
tui_option(const struct command *cmd, void *state, int id,
    const char *value)
{
	(void)cmd;
	if (id == 'a')
		((struct tui_options *)state)->answers = value;
	return (0);
}

static int
run_tui(const struct command *cmd, int argc, char **argv, struct globals *g)
{
	struct tui_options	 to;
	struct kb		*kb = NULL;
	int			 rc;

	memset(&to, 0, sizeof to);
	if ((rc = cli_parse(cmd, argc, argv, g, tui_option, &to)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if (optind < argc)
		return (usage_error(cmd, "unexpected argument '%s'",
		    argv[optind]));
	if (to.answers != NULL && strcmp(to.answers, "-") == 0)
		return (usage_error(cmd, "the TUI reads keys from standard "
		    "input; give the answers as a file"));
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return (usage_error(cmd, "the TUI needs a terminal; 'archadvisor "
		    "ask' and 'archadvisor report' work without one"));
	if ((rc = load_kb(g, &kb)) != 0)
		return (rc);
	to.version = ARCHADVISOR_VERSION;
	to.color = use_color(g, true);
	rc = tui_run(kb, &to);
	kb_free(kb);
	return (rc);
}

static const struct cli_option tui_options[] = {
	{ 'a', "answers", "FILE", "start from these answers; s saves back "
	    "there (a file that does not exist yet is created by the first "
	    "save)", CLI_VALUE_FILE, NULL },
	CLI_OPT_END
};

const struct command cmd_tui = {
	"tui", "[--answers FILE]",
	"The full-screen questionnaire: answer and watch the ranking move.\n"
	    "Open a pattern to see why it scored as it did; save the answers "
	    "and export\nthe report. What 'archadvisor' alone starts on a "
	    "terminal.",
	tui_options, NULL, NULL, run_tui
};
