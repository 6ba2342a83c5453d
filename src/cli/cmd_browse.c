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
	bool			 json;
};

static int
call_browse(FILE *fp, const void *arg)
{
	const struct browse_call	*bc = arg;

	if (bc->questions)
		return (bc->json ? report_questions_json(fp, bc->ctx) :
		    report_questions_text(fp, bc->ctx));
	return (bc->json ? report_patterns_json(fp, bc->ctx, bc->pattern) :
	    report_patterns_text(fp, bc->ctx, bc->pattern));
}

static int
browse_option(const struct command *cmd, void *state, int id,
    const char *value)
{
	(void)cmd;
	if (id == 'f')
		*(const char **)state = value;
	return (0);
}

static int
browse(const struct command *cmd, int argc, char **argv, struct globals *g,
    bool questions)
{
	struct browse_call	 call = { NULL, -1, questions, false };
	struct report_ctx	 ctx;
	struct kb		*kb = NULL;
	const char		*near, *format = "text";
	int			 rc, maxargs = questions ? 0 : 1;

	if ((rc = cli_parse(cmd, argc, argv, g, browse_option, &format)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if (!cli_format_ok(cmd, format))
		return (cli_format_error(cmd, format));
	call.json = strcmp(format, "json") == 0;
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
	rc = write_output(NULL, call_browse, &call, !call.json);
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

static const struct cli_option browse_options[] = {
	CLI_OPT_TEXT_OR_JSON,
	CLI_OPT_END
};

const struct command cmd_patterns = {
	"patterns", "[PATTERN] [--format text|json]",
	"List the knowledge base's patterns, or show one in full.",
	browse_options, cli_text_or_json, NULL, run_patterns
};

const struct command cmd_questions = {
	"questions", "[--format text|json]",
	"List the questions, by section, with the values they accept.",
	browse_options, cli_text_or_json, NULL, run_questions
};
