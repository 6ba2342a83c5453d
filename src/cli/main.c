/*
 * main: archadvisor's entry point. The options before the command, then
 * the command from the table (commands.c); with no command, on a terminal,
 * the questionnaire: full-screen, or in plain lines with --plain or on a
 * dumb terminal.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/*
 * Whatever a command printed must have reached its destination: a full
 * disk or a closed pipe on standard output is a failure, not exit 0.
 */
static int
finish(int rc)
{
	if ((fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) &&
	    rc == EXIT_OK) {
		errx_line("standard output: %s", strerror(errno ? errno :
		    EIO));
		rc = EXIT_CANTCREAT;
	}
	return (rc);
}

/*
 * $SOURCE_DATE_EPOCH dates the handouts for reproducible output; a value
 * that is not a whole number of seconds is an error, as the convention
 * asks, not silently today.
 */
static bool
source_date_ok(void)
{
	const char	*env = getenv("SOURCE_DATE_EPOCH");
	char		*end;

	if (env == NULL || env[0] == '\0')
		return (true);
	errno = 0;
	(void)strtoll(env, &end, 10);
	if (env[0] >= '0' && env[0] <= '9' && *end == '\0' && errno == 0)
		return (true);
	errx_line("SOURCE_DATE_EPOCH must be a whole number of seconds since "
	    "1970, not '%.40s'", env);
	return (false);
}

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
	if (!source_date_ok())
		return (EXIT_USAGE);
	/* Our messages say "archadvisor: ...", in one line, not getopt's. */
	opterr = 0;
	if ((rc = cli_parse_global(argc, argv, &g, &plain)) != 0)
		return (finish(rc < 0 ? EXIT_OK : rc));
	tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (optind >= argc) {
		if (!plain && !tty) {
			cli_usage(isatty(STDOUT_FILENO) ? stdout : stderr);
			return (finish(isatty(STDOUT_FILENO) ? EXIT_OK :
			    EXIT_USAGE));
		}
		plain = plain || (term != NULL && strcmp(term, "dumb") == 0);
		cmd = plain ? &cmd_ask : &cmd_tui;
		argv1[0] = plain ? ask : tui;
		optind = 0;
		return (finish(cmd->run(cmd, 1, argv1, &g)));
	}
	if ((cmd = command_find(argv[optind])) == NULL)
		return (usage_error(NULL, "unknown command '%s'%s",
		    argv[optind], cli_did_you_mean_command(argv[optind])));
	argc -= optind;
	argv += optind;
	/* 0 makes glibc start afresh, forgetting the "+" of the first scan. */
	optind = 0;
	return (finish(cmd->run(cmd, argc, argv, &g)));
}
