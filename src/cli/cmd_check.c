/*
 * check: a knowledge base validated, its problems as file:line:col:
 * message, and the linter's warnings (errors with --strict).
 */
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "lint.h"

/*
 * The knowledge-base linter's warnings (lint.h), printed as
 * file:line:col: warning: ..., or as errors with --strict. Returns how
 * many there were.
 */
static size_t
lint_report(const struct kb *kb, bool strict)
{
	struct diag	d;
	size_t		i, n;

	diag_init(&d);
	lint_kb(kb, date_today(), &d);
	for (i = 0; i < d.n; i++)
		if (strict) {
			d.items[i].severity = DIAG_ERROR;
			d.nerrors++;
		}
	print_problems(&d);
	n = d.n;
	diag_free(&d);
	return (n);
}

static int
check_option(const struct command *cmd, void *state, int id,
    const char *value)
{
	(void)cmd;
	(void)value;
	if (id == OPT_STRICT)
		*(bool *)state = true;
	return (0);
}

static int
run_check(const struct command *cmd, int argc, char **argv,
    struct globals *g)
{
	struct kb	*kb = NULL;
	size_t		 nwarn;
	bool		 strict = false;
	int		 rc;

	if ((rc = cli_parse(cmd, argc, argv, g, check_option, &strict)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if (argc - optind > 1)
		return (usage_error(cmd, "unexpected argument '%s'",
		    argv[optind + 1]));
	if (optind < argc)
		add_rules(g, argv[optind]);
	if ((rc = load_kb(g, &kb)) != 0)
		return (rc);
	if ((nwarn = lint_report(kb, strict)) > 0 && strict) {
		kb_free(kb);
		return (EXIT_DATAERR);
	}
	print_for_people("%s %s: %zu questions, %zu patterns, %zu rules, %zu "
	    "precedents from %zu file%s: ok", kb->name, kb->version,
	    kb->nquestions, kb->npatterns, kb->nrules, kb->nprecedents,
	    kb->files.n, kb->files.n == 1 ? "" : "s");
	if (nwarn > 0)
		print_for_people(" (%zu warning%s)", nwarn, nwarn == 1 ? "" :
		    "s");
	putchar('\n');
	kb_free(kb);
	return (EXIT_OK);
}

static const struct cli_option check_options[] = {
	{ OPT_STRICT, "strict", NULL, "treat warnings (rules that can never "
	    "fire, duplicates, ...) as errors", CLI_VALUE_NONE, NULL },
	CLI_OPT_END
};

const struct command cmd_check = {
	"check", "[PATH]",
	"Validate a knowledge base and report every problem in it.\nThe "
	    "base is PATH, --rules, $ARCHADVISOR_RULES or the stock one; "
	    "problems are\nprinted as file:line:col: message.",
	check_options, NULL, NULL, run_check
};
