/*
 * precedents: the public case studies nearest to a scenario (every one when
 * nothing is answered), or with --agreement how often the engine agrees
 * with what each case chose, for the tuning and the check set. Precedents
 * never change a score.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "report_evidence.h"

struct precedents_state {
	struct scenario_opts	 so;
	const char		*format, *output;
	size_t			 max;
	bool			 agreement;
};

struct evidence_call {
	const struct report_ctx	*ctx;
	bool			 json, agreement;
};

static int
call_evidence(FILE *fp, const void *arg)
{
	const struct evidence_call	*ec = arg;

	if (ec->agreement)
		return (ec->json ? report_agreement_json(fp, ec->ctx) :
		    report_agreement_text(fp, ec->ctx));
	return (ec->json ? report_precedents_json(fp, ec->ctx) :
	    report_precedents_text(fp, ec->ctx));
}

static int
precedents_option(const struct command *cmd, void *state, int id,
    const char *value)
{
	struct precedents_state	*st = state;
	char			*end;
	long			 n;

	if (scenario_option(&st->so, id, value))
		return (0);
	switch (id) {
	case 'f':
		st->format = value;
		break;
	case 'n':
		n = strtol(value, &end, 10);
		if (*value == '\0' || *end != '\0' || n < 1 || n > 1000)
			return (usage_error(cmd, "--count must be a number "
			    "from 1 to 1000, not '%s'", value));
		st->max = (size_t)n;
		break;
	case 'A':
		st->agreement = true;
		break;
	case 'o':
		st->output = value;
		break;
	}
	return (0);
}

static int
run_precedents(const struct command *cmd, int argc, char **argv,
    struct globals *g)
{
	struct precedents_state	 st = { { NULL, NULL, 0 }, NULL, NULL, 5,
				     false };
	struct evidence_call	 ec;
	struct report_ctx	 ctx;
	struct advice		 adv;
	struct agreement_run	 run;
	struct answers		 a = { NULL, 0, NULL, NULL, NULL };
	struct kb		*kb = NULL;
	int			 rc;

	memset(&adv, 0, sizeof adv);
	memset(&run, 0, sizeof run);
	scenario_init(&st.so, argc);
	if ((rc = cli_parse(cmd, argc, argv, g, precedents_option, &st)) !=
	    0) {
		rc = rc < 0 ? EXIT_OK : rc;
		goto out;
	}
	if (optind < argc) {
		rc = usage_error(cmd, "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if ((rc = cli_format_choose(cmd, st.output, &st.format, "text")) !=
	    0)
		goto out;
	if ((rc = load_kb(g, &kb)) != 0 || (rc = load_answers(kb, &st.so,
	    &a)) != 0)
		goto out;
	ctx_init(&ctx, kb, g, to_stdout(st.output));
	ctx.answers = &a;
	if (st.agreement) {
		agreement_run(kb, &run);
		ctx.agreement = &run;
	} else {
		advice_init(&adv, kb, ADVICE_PRECEDENTS, st.max);
		advice_update(&adv, a.v);
		report_use_advice(&ctx, &adv);
	}
	ec.ctx = &ctx;
	ec.json = strcmp(st.format, "json") == 0;
	ec.agreement = st.agreement;
	rc = write_output(st.output, call_evidence, &ec, !ec.json);
out:
	if (adv.ranking != NULL)
		advice_free(&adv);
	agreement_run_free(&run);
	answers_free(&a);
	kb_free(kb);
	scenario_free(&st.so);
	return (rc);
}

static const struct cli_option precedents_options[] = {
	CLI_OPT_ANSWERS,
	CLI_OPT_SET,
	CLI_OPT_TEXT_OR_JSON,
	{ 'n', "count", "N", "how many cases to show (default 5)",
	    CLI_VALUE_TEXT, NULL },
	{ 'A', "agreement", NULL, "run every case through the engine and "
	    "count how often its choice comes first and in the top two, for "
	    "the tuning and the check set", CLI_VALUE_NONE, NULL },
	CLI_OPT_OUTPUT,
	CLI_OPT_END
};

const struct command cmd_precedents = {
	"precedents", "[--answers FILE|-] [--set ID=VALUE]... [--format "
	    "text|json]",
	"Show the public case studies nearest to a scenario.\nWho chose "
	    "what in a similar situation, and what happened. Without answers,\n"
	    "every case. Precedents never change a score.",
	precedents_options, cli_text_or_json, NULL, run_precedents
};
