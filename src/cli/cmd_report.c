/*
 * report and explain: one scenario (--answers, --set) ranked, with its
 * what-if analysis, written by a report writer (report), or every rule
 * that can touch one pattern (explain).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "engine.h"
#include "suggest.h"
#include "whatif.h"

struct scenario_state {
	struct scenario_opts	 so;
	const char		*format, *output, *adr_dir, *adr_template;
	struct adr_opts		 adr;
};

struct report_call {
	const struct report_writer	*writer;
	const struct report_ctx		*ctx;
	size_t				 pattern;
	bool				 json;
};

static int
call_writer(FILE *fp, const void *arg)
{
	const struct report_call	*rc = arg;

	return (rc->writer->write(fp, rc->ctx));
}

static int
call_explain(FILE *fp, const void *arg)
{
	const struct report_call	*rc = arg;

	if (rc->json)
		return (report_explain_json(fp, rc->ctx, rc->pattern));
	return (report_explain_text(fp, rc->ctx, rc->pattern));
}

static int
report_option(const struct command *cmd, void *state, int id,
    const char *value)
{
	struct scenario_state	*st = state;

	(void)cmd;
	if (scenario_option(&st->so, id, value))
		return (0);
	switch (id) {
	case 'f':
		st->format = value;
		break;
	case 'o':
		st->output = value;
		break;
	case OPT_ADR_DIR:
		st->adr_dir = value;
		break;
	case OPT_ADR_TEMPLATE:
		st->adr_template = value;
		break;
	}
	return (0);
}

/* report --adr-dir: files the ADR as the next numbered record in dir. */
static int
save_adr(const struct report_ctx *ctx, const char *dir)
{
	char	err[1024], *path;

	if (report_adr_save(ctx, dir, &path, err, sizeof err) != 0) {
		errx_line("%s", err);
		return (EXIT_CANTCREAT);
	}
	printf("%s\n", path);
	free(path);
	return (EXIT_OK);
}

/*
 * The record's number from -o's file name, "0007-title.md" as adr-tools
 * names them; 0 if it has none.
 */
static long
adr_number(const char *path)
{
	const char	*base;
	char		*end;
	long		 n;

	if (path == NULL)
		return (0);
	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	if (base[0] < '0' || base[0] > '9' || strspn(base, "0123456789") > 8)
		return (0);
	n = strtol(base, &end, 10);
	return (*end == '-' ? n : 0);
}

/*
 * --adr-template and --adr-dir go with the ADR format (and mean it when no
 * --format is given); --adr-dir not with -o.
 */
static int
check_adr_dir(const struct command *cmd, struct scenario_state *st)
{
	st->adr.template = ADR_TEMPLATE_DEFAULT;
	st->adr.number = adr_number(st->output);
	if (st->adr_template != NULL) {
		if (report_adr_template(st->adr_template,
		    &st->adr.template) != 0)
			return (usage_error(cmd, "unknown ADR template '%s' "
			    "(expected " ADR_TEMPLATES ")", st->adr_template));
		if (st->format != NULL && strcmp(st->format, "adr") != 0)
			return (usage_error(cmd, "--adr-template shapes an "
			    "ADR, not --format %s", st->format));
		st->format = "adr";
	}
	if (st->adr_dir == NULL)
		return (0);
	if (st->format != NULL && strcmp(st->format, "adr") != 0)
		return (usage_error(cmd, "--adr-dir writes an ADR, not "
		    "--format %s", st->format));
	if (st->output != NULL)
		return (usage_error(cmd, "give -o FILE or --adr-dir DIR, not "
		    "both"));
	if (st->adr_dir[0] == '\0')
		return (usage_error(cmd, "--adr-dir needs a directory"));
	st->format = "adr";
	return (0);
}

/*
 * The shared body of report and explain: options, knowledge base, answers,
 * ranking, then the writer.
 */
static int
run_scenario(const struct command *cmd, int argc, char **argv,
    struct globals *g, bool explain)
{
	struct scenario_state	 st;
	struct report_call	 call;
	struct report_ctx	 ctx;
	struct answers		 a = { NULL, 0, NULL, NULL, NULL };
	struct advice		 adv;
	struct kb		*kb = NULL;
	const char		*pattern_id = NULL, *near;
	int			 rc, pi;

	memset(&adv, 0, sizeof adv);
	memset(&st, 0, sizeof st);
	memset(&call, 0, sizeof call);
	scenario_init(&st.so, argc);
	if ((rc = cli_parse(cmd, argc, argv, g, report_option, &st)) != 0) {
		rc = rc < 0 ? EXIT_OK : rc;
		goto out;
	}
	argc -= optind;
	argv += optind;
	if (explain) {
		if (argc != 1) {
			rc = usage_error(cmd, argc ? "explain takes one "
			    "pattern id" : "which pattern? e.g. 'archadvisor "
			    "explain lambda'");
			goto out;
		}
		pattern_id = argv[0];
	} else if (argc != 0) {
		rc = usage_error(cmd, "unexpected argument '%s'", argv[0]);
		goto out;
	}
	if ((rc = check_adr_dir(cmd, &st)) != 0)
		goto out;
	if ((rc = cli_format_choose(cmd, st.output, &st.format, "text")) !=
	    0)
		goto out;
	call.json = strcmp(st.format, "json") == 0;
	call.writer = report_writer_find(st.format);
	if ((rc = load_kb(g, &kb)) != 0)
		goto out;
	if (explain) {
		if ((pi = kb_pattern_index(kb, pattern_id)) < 0) {
			near = suggest_pattern(kb, pattern_id);
			errx_line("unknown pattern '%s' (%s%s%ssee 'archadvisor "
			    "patterns')", pattern_id, near ? "did you mean '" :
			    "", near ? near : "", near ? "'? " : "");
			rc = EXIT_USAGE;
			goto out;
		}
		call.pattern = (size_t)pi;
	}
	if ((rc = load_answers(kb, &st.so, &a)) != 0)
		goto out;
	/* explain shows the rules alone; reports show everything. */
	advice_init(&adv, kb, explain ? 0 : ADVICE_ALL, ADVICE_NPRECEDENTS);
	advice_update(&adv, a.v);
	ctx_init(&ctx, kb, g, to_stdout(st.output));
	ctx.answers = &a;
	report_use_advice(&ctx, &adv);
	ctx.adr = &st.adr;
	call.ctx = &ctx;
	if (st.adr_dir != NULL)
		rc = save_adr(&ctx, st.adr_dir);
	else
		rc = write_output(st.output, explain ? call_explain :
		    call_writer, &call, !call.json);
out:
	if (adv.ranking != NULL)
		advice_free(&adv);
	answers_free(&a);
	kb_free(kb);
	scenario_free(&st.so);
	return (rc);
}

static int
run_report(const struct command *cmd, int argc, char **argv,
    struct globals *g)
{
	return (run_scenario(cmd, argc, argv, g, false));
}

static int
run_explain(const struct command *cmd, int argc, char **argv,
    struct globals *g)
{
	return (run_scenario(cmd, argc, argv, g, true));
}

/* report --help ends with the formats. */
static void
report_epilog(FILE *fp)
{
	size_t	i;

	fputs("\nformats:\n", fp);
	for (i = 0; i < report_nwriters; i++)
		fprintf(fp, "  %-10s%s\n", report_writers[i].name,
		    report_writers[i].desc);
	fputs("\nhtml, markdown and adr show the date: $SOURCE_DATE_EPOCH "
	    "if set, else today.\n", fp);
}

static const char *const adr_templates[] = { "nygard", "madr4", "madr2",
    NULL };

static const struct cli_option report_options[] = {
	CLI_OPT_ANSWERS,
	{ 's', "set", "ID=VALUE", "answer one question; repeatable, overrides "
	    "the file", CLI_VALUE_ANSWER, NULL },
	{ 'f', "format", "FMT", "the output format (default: text; the list "
	    "is below)", CLI_VALUE_FORMAT, NULL },
	{ 'o', "output", "FILE", "write there (atomically) instead of "
	    "standard output", CLI_VALUE_FILE, NULL },
	{ OPT_ADR_DIR, "adr-dir", "DIR", "file the ADR in DIR as the next "
	    "numbered record, NNNN-title.md (as adr-tools does), and print "
	    "its name", CLI_VALUE_DIR, NULL },
	{ OPT_ADR_TEMPLATE, "adr-template", "FORM", "the ADR's form: nygard "
	    "(adr-tools; the default), madr4 or madr2 (log4brains)",
	    CLI_VALUE_CHOICE, adr_templates },
	CLI_OPT_END
};

const struct command cmd_report = {
	"report", "[--answers FILE|-] [--set ID=VALUE]... [--format FORMAT] "
	    "[-o FILE | --adr-dir DIR] [--adr-template FORM]",
	"Rank the patterns for one scenario and explain why.",
	report_options, NULL, report_epilog, run_report
};

static const struct cli_option explain_options[] = {
	CLI_OPT_ANSWERS,
	CLI_OPT_SET,
	CLI_OPT_TEXT_OR_JSON,
	CLI_OPT_OUTPUT,
	CLI_OPT_END
};

const struct command cmd_explain = {
	"explain", "PATTERN [--answers FILE|-] [--set ID=VALUE]... "
	    "[--format text|json]",
	"Show the rules that can affect PATTERN and what each contributed.\n"
	    "For each, whether it fired for these answers.",
	explain_options, cli_text_or_json, NULL, run_explain
};
