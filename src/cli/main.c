/*
 * main: archadvisor's entry point. The options before the command, then
 * the command from the table (commands.c); with no command, on a terminal,
 * the questionnaire: full-screen, or in plain lines with --plain or on a
 * dumb terminal.
 */
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int
main(int argc, char **argv)
{
	/* Static, so the --rules list stays reachable however we leave. */
	static struct globals	 g = { NULL, 0, COLOR_AUTO };
	static char		 ask[] = "ask", tui[] = "tui";
	const struct command	*cmd;
	const char		*term = getenv("TERM");
	char			*argv1[2] = { NULL, NULL };
	bool			 plain = false, tty;
	int			 rc;

	setlocale(LC_CTYPE, "");
	/* Our messages say "archadvisor: ...", in one line, not getopt's. */
	opterr = 0;
	if ((rc = cli_parse_global(argc, argv, &g, &plain)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (optind >= argc) {
		if (!plain && !tty) {
			cli_usage(isatty(STDOUT_FILENO) ? stdout : stderr);
			return (isatty(STDOUT_FILENO) ? EXIT_OK : EXIT_USAGE);
		}
		plain = plain || (term != NULL && strcmp(term, "dumb") == 0);
		cmd = plain ? &cmd_ask : &cmd_tui;
		argv1[0] = plain ? ask : tui;
		optind = 0;
		return (cmd->run(cmd, 1, argv1, &g));
	}
	if ((cmd = command_find(argv[optind])) == NULL)
		return (usage_error(NULL, "unknown command '%s'",
		    argv[optind]));
	argc -= optind;
	argv += optind;
	/* 0 makes glibc start afresh, forgetting the "+" of the first scan. */
	optind = 0;
	return (cmd->run(cmd, argc, argv, &g));
}
