/*
 * complete: words for the shell completion scripts, one per line, from
 * this very program's tables and knowledge base (so extensions complete
 * too).
 */
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* The operands of cmd, as its usage line names them, one a line
   ("FILE|-..." when repeatable). */
static void
complete_operands(const struct command *cmd)
{
	const char	*p = cmd->args;
	char		 name[128];
	bool		 rep;

	while ((p = cli_usage_operand(p, name, sizeof name, &rep)) != NULL)
		printf("%s%s\n", name, rep ? "..." : "");
}

static void
complete_values(const struct kb *kb, const char *qid)
{
	const struct question	*q;
	size_t			 i;
	int			 qi;

	if (qid == NULL || (qi = kb_question_index(kb, qid)) < 0)
		return;
	q = &kb->questions[qi];
	if (q->dom.type == VAL_BOOL)
		printf("true\nfalse\n");
	for (i = 0; i < q->dom.nnames; i++)
		printf("%s\n", q->dom.names[i]);
}

static int
run_complete(const struct command *cmd, int argc, char **argv,
    struct globals *g)
{
	const struct command	*of = NULL;
	struct kb		*kb = NULL;
	const char		*what;
	size_t			 i;
	int			 rc;

	if ((rc = cli_parse(cmd, argc, argv, g, NULL, NULL)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	argc -= optind;
	argv += optind;
	if (argc >= 1 && strcmp(argv[0], "line") == 0)
		return (complete_line(g, argc - 1, argv + 1));
	if (argc < 1 || argc > 2)
		return (usage_error(cmd, "what to complete? commands, options, "
		    "formats, operands, patterns, questions, values or line"));
	what = argv[0];
	if (argc == 2 && strcmp(what, "values") != 0 &&
	    (of = command_find(argv[1])) == NULL)
		return (usage_error(cmd, "unknown command '%s'", argv[1]));
	if (strcmp(what, "commands") == 0) {
		for (i = 0; i < ncommands; i++)
			printf("%s\n", commands[i]->name);
	} else if (strcmp(what, "options") == 0)
		cli_option_words(stdout, of);
	else if (strcmp(what, "formats") == 0)
		cli_formats(stdout, of);
	else if (strcmp(what, "operands") == 0) {
		if (of == NULL)
			return (usage_error(cmd, "operands of which command?"));
		complete_operands(of);
	} else if (strcmp(what, "patterns") == 0 ||
	    strcmp(what, "questions") == 0 || strcmp(what, "values") == 0) {
		if ((rc = load_kb(g, &kb)) != 0)
			return (rc);
		if (what[0] == 'p')
			for (i = 0; i < kb->npatterns; i++)
				printf("%s\n", kb->patterns[i].id);
		else if (what[0] == 'q')
			for (i = 0; i < kb->nquestions; i++)
				printf("%s\n", kb->questions[i].id);
		else
			complete_values(kb, argc == 2 ? argv[1] : NULL);
		kb_free(kb);
	} else
		return (usage_error(cmd, "cannot complete '%s'", what));
	return (EXIT_OK);
}

const struct command cmd_complete = {
	"complete", "commands|options|formats|operands|patterns|questions|"
	    "values|line [ARG]...",
	"Print words for shell completion, one per line.\nThe commands; "
	    "options, formats or operands of a COMMAND; pattern and question\n"
	    "ids; values of QUESTION. 'line -- WORD...' gives what may replace "
	    "the last\nWORD of a command line, with descriptions, as the bash, "
	    "zsh and fish scripts\nask. Ids come from the knowledge base, "
	    "extensions included.",
	NULL, NULL, NULL, run_complete
};
