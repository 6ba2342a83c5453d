/*
 * ask: the questionnaire in plain lines; at the end the report, and the
 * answers saved to -o (or back to --answers) atomically. Input that ends
 * before the last question saves nothing.
 */
#include <string.h>
#include <unistd.h>

#include "answers_yaml.h"
#include "ask.h"
#include "cli.h"
#include "engine.h"
#include "whatif.h"

struct ask_state {
	struct scenario_opts	 so;
	const char		*output;
};

static int
call_text_report(FILE *fp, const void *arg)
{
	return (report_write_text(fp, arg));
}

static int
call_answers_yaml(FILE *fp, const void *arg)
{
	const struct report_ctx	*ctx = arg;

	return (answers_yaml_write(fp, ctx->kb, ctx->answers));
}

static int
ask_option(const struct command *cmd, void *state, int id,
    const char *value)
{
	struct ask_state	*st = state;

	(void)cmd;
	if (!scenario_option(&st->so, id, value) && id == 'o')
		st->output = value;
	return (0);
}

static int
run_ask(const struct command *cmd, int argc, char **argv, struct globals *g)
{
	struct ask_state	 st = { { NULL, NULL, 0 }, NULL };
	struct report_ctx	 ctx;
	struct ask_io		 io;
	struct answers		 a = { NULL, 0, NULL, NULL, NULL };
	struct advice		 adv;
	struct kb		*kb = NULL;
	const char		*output;
	int			 rc;

	memset(&adv, 0, sizeof adv);
	if ((rc = cli_parse(cmd, argc, argv, g, ask_option, &st)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if (optind < argc)
		return (usage_error(cmd, "unexpected argument '%s'",
		    argv[optind]));
	output = st.output;
	if (output == NULL)
		output = st.so.answers != NULL &&
		    strcmp(st.so.answers, "-") != 0 ? st.so.answers : NULL;
	if ((rc = load_kb(g, &kb)) != 0)
		return (rc);
	if ((rc = load_answers(kb, &st.so, &a)) != 0)
		goto out;
	io.in = stdin;
	io.out = stdout;
	io.echo = !isatty(STDIN_FILENO);
	io.width = 80;
	if (ask_run(kb, &a, &io) != 0) {
		errx_line("the input ended before the last question; nothing "
		    "was saved");
		rc = EXIT_DATAERR;
		goto out;
	}
	advice_init(&adv, kb, ADVICE_ALL, ADVICE_NPRECEDENTS);
	advice_update(&adv, a.v);
	ctx_init(&ctx, kb, g, true);
	ctx.color = g->color == COLOR_ALWAYS;
	ctx.answers = &a;
	report_use_advice(&ctx, &adv);
	fputc('\n', stdout);
	if ((rc = write_output(NULL, call_text_report, &ctx, true)) != 0)
		goto out;
	if (output != NULL) {
		if ((rc = write_output(output, call_answers_yaml, &ctx,
		    false)) == 0)
			printf("\nAnswers saved to %s.\n", output);
	} else
		printf("\nAnswers not saved: give -o FILE to keep them.\n");
out:
	if (adv.ranking != NULL)
		advice_free(&adv);
	answers_free(&a);
	kb_free(kb);
	return (rc);
}

static const struct cli_option ask_options[] = {
	{ 'a', "answers", "FILE", "start from these answers (and save back to "
	    "the file)", CLI_VALUE_FILE, NULL },
	{ 'o', "output", "FILE", "save the answers there (atomically)",
	    CLI_VALUE_FILE, NULL },
	CLI_OPT_END
};

const struct command cmd_ask = {
	"ask", "[--answers FILE] [-o FILE]",
	"Answer the questionnaire line by line, without a full screen.\n"
	    "For screen readers, plain terminals and scripts (one answer per "
	    "line on\nstandard input). Prints the report at the end and saves "
	    "the answers.",
	ask_options, NULL, NULL, run_ask
};
