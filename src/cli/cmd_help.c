/*
 * help: 'archadvisor help' is 'archadvisor --help', and 'archadvisor help
 * COMMAND' is 'archadvisor COMMAND --help', as git and gh have it.
 */
#include <unistd.h>

#include "cli.h"

static int
run_help(const struct command *cmd, int argc, char **argv, struct globals *g)
{
	const struct command	*of;
	int			 rc;

	if ((rc = cli_parse(cmd, argc, argv, g, NULL, NULL)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if (argc - optind > 1)
		return (usage_error(cmd, "unexpected argument '%s'",
		    argv[optind + 1]));
	if (optind == argc) {
		cli_usage(stdout);
		return (EXIT_OK);
	}
	if ((of = command_find(argv[optind])) == NULL)
		return (usage_error(cmd, "unknown command '%s'%s", argv[optind],
		    cli_did_you_mean_command(argv[optind])));
	cli_command_help(stdout, of);
	return (EXIT_OK);
}

const struct command cmd_help = {
	"help", "[COMMAND]",
	"Show how to use archadvisor, or one of its commands.",
	NULL, NULL, NULL, run_help
};
