/*
 * commands: the table of commands, in the order 'archadvisor --help'
 * lists them. A new command is a file cmd_<name>.c defining its
 * `struct command` and one row here.
 */
#include <string.h>

#include "cli.h"

const struct command *const commands[] = {
	&cmd_report, &cmd_explain, &cmd_batch, &cmd_patterns, &cmd_questions,
	&cmd_tui, &cmd_ask, &cmd_check, &cmd_precedents, &cmd_diff,
	&cmd_workshop, &cmd_review, &cmd_complete, &cmd_help,
};
const size_t ncommands = sizeof commands / sizeof commands[0];

const struct command *
command_find(const char *name)
{
	size_t	i;

	for (i = 0; i < ncommands; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return (commands[i]);
	return (NULL);
}
