/*
 * patterns and questions: the knowledge base as people read it, every
 * pattern or one in full, and the questionnaire by section.
 */
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "suggest.h"

struct browse_call {
	const struct report_ctx	*ctx;
	int			 pattern;	/* or -1: all */
	bool			 questions;
};

static int
call_browse(FILE *fp, const void *arg)
{
	const struct browse_call	*bc = arg;

	if (bc->questions)
		return (report_questions_text(fp, bc->ctx));
	return (report_patterns_text(fp, bc->ctx, bc->pattern));
}

static int
browse(const struct command *cmd, int argc, char **argv, struct globals *g,
    bool questions)
{
	struct browse_call	 call = { NULL, -1, questions };
	struct report_ctx	 ctx;
	struct kb		*kb = NULL;
	const char		*near;
	int			 rc, maxargs = questions ? 0 : 1;

	if ((rc = cli_parse(cmd, argc, argv, g, NULL, NULL)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if (argc - optind > maxargs)
		return (usage_error(cmd, "unexpected argument '%s'",
		    argv[optind + maxargs]));
	if ((rc = load_kb(g, &kb)) != 0)
		return (rc);
	if (optind < argc &&
	    (call.pattern = kb_pattern_index(kb, argv[optind])) < 0) {
		near = suggest_pattern(kb, argv[optind]);
		errx_line("unknown pattern '%s' (%s%s%ssee 'archadvisor "
		    "patterns')", argv[optind], near ? "did you mean '" : "",
		    near ? near : "", near ? "'? " : "");
		kb_free(kb);
		return (EXIT_USAGE);
	}
	ctx_init(&ctx, kb, g, true);
	call.ctx = &ctx;
	rc = write_output(NULL, call_browse, &call, true);
	kb_free(kb);
	return (rc);
}

static int
run_patterns(const struct command *cmd, int argc, char **argv,
    struct globals *g)
{
	return (browse(cmd, argc, argv, g, false));
}

static int
run_questions(const struct command *cmd, int argc, char **argv,
    struct globals *g)
{
	return (browse(cmd, argc, argv, g, true));
}

const struct command cmd_patterns = {
	"patterns", "[PATTERN]",
	"List the knowledge base's patterns, or show one in full.",
	NULL, NULL, NULL, run_patterns
};

const struct command cmd_questions = {
	"questions", "",
	"List the questions, by section, with the values they accept.",
	NULL, NULL, NULL, run_questions
};
