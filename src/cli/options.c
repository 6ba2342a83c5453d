/*
 * options: the command line read from the commands' option tables. One
 * getopt_long driver serves every command; --help, the messages about a
 * wrong option and shell completion are made from the same tables, so
 * they cannot disagree.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "report.h"
#include "suggest.h"
#include "textfmt.h"

static const char *const color_modes[] = { "auto", "always", "never", NULL };

/* Options every command accepts, after its own. */
const struct cli_option cli_common_options[] = {
	{ 'r', "rules", "PATH", "knowledge base or extension: a directory of "
	    "*.yaml, a file or -; repeatable (default: $ARCHADVISOR_RULES, "
	    "else the stock one; see archadvisor(1))", CLI_VALUE_FILE, NULL },
	{ OPT_COLOR, "color", "WHEN", "auto (default), always or never; "
	    "NO_COLOR turns it off", CLI_VALUE_CHOICE, color_modes },
	{ OPT_VERSION, "version", NULL, "show the version and the knowledge "
	    "base's files", CLI_VALUE_NONE, NULL },
	{ 'h', "help", NULL, "show this help", CLI_VALUE_NONE, NULL },
	CLI_OPT_END
};

const char *const cli_text_or_json[] = { "text", "json", NULL };
const char *const cli_document_formats[] = { "text", "json", "markdown",
    "html", NULL };

/* main's own, before the command. */
const struct cli_option cli_global_options[] = {
	{ OPT_PLAIN, "plain", NULL, "without a command: the questionnaire in "
	    "plain lines, not full-screen", CLI_VALUE_NONE, NULL },
	CLI_OPT_END
};

/* Where an option's help starts, and the width --help fills. */
#define HELP_COLUMN	22
#define HELP_WIDTH	80
#define MAX_OPTIONS	32

/* The arguments being parsed, for messages about them (getopt's are off). */
static char	**cur_argv;

static size_t
count_formats(const char *const *f)
{
	size_t	n = 0;

	while (f[n] != NULL)
		n++;
	return (n);
}

/* The option of id among cmd's and the common ones, or NULL. */
static const struct cli_option *
find_option(const struct cli_option *own, int id)
{
	size_t	i;

	for (i = 0; own != NULL && own[i].name != NULL; i++)
		if (own[i].id == id)
			return (&own[i]);
	for (i = 0; cli_common_options[i].name != NULL; i++)
		if (cli_common_options[i].id == id)
			return (&cli_common_options[i]);
	return (NULL);
}

/* getopt_long's tables for own options and the common ones. */
static void
build_tables(const struct cli_option *own, const char *lead,
    struct option *lo, char *so, size_t sosz)
{
	const struct cli_option	*lists[2] = { own, cli_common_options };
	const struct cli_option	*o;
	size_t			 l, i, n = 0, len;

	snprintf(so, sosz, "%s", lead);
	for (l = 0; l < 2; l++)
		for (i = 0; lists[l] != NULL && lists[l][i].name != NULL &&
		    n < MAX_OPTIONS; i++) {
			o = &lists[l][i];
			lo[n].name = o->name;
			lo[n].has_arg = o->arg ? required_argument :
			    no_argument;
			lo[n].flag = NULL;
			lo[n].val = o->id;
			n++;
			len = strlen(so);
			if (o->id < 256 && len + 3 < sosz)
				snprintf(so + len, sosz - len, "%c%s", o->id,
				    o->arg ? ":" : "");
		}
	memset(&lo[n], 0, sizeof lo[n]);
}

/* " (did you mean '--answers'?)" for a mistyped long option, or "". */
static const char *
did_you_mean_option(const struct cli_option *own, const char *name, int len)
{
	static char		 buf[96];
	const struct cli_option	*lists[2] = { own, cli_common_options };
	const char		*names[2 * MAX_OPTIONS], *s;
	char			 word[64];
	size_t			 l, i, n = 0;

	if (len <= 0 || (size_t)len >= sizeof word)
		return ("");
	memcpy(word, name, (size_t)len);
	word[len] = '\0';
	for (l = 0; l < 2; l++)
		for (i = 0; lists[l] != NULL && lists[l][i].name != NULL &&
		    n < 2 * MAX_OPTIONS; i++)
			names[n++] = lists[l][i].name;
	if ((s = suggest(word, names, n)) == NULL)
		return ("");
	snprintf(buf, sizeof buf, " (did you mean '--%s'?)", s);
	return (buf);
}

const char *
cli_did_you_mean_command(const char *name)
{
	static char	 buf[96];
	const char	*names[64], *s;
	size_t		 i;

	for (i = 0; i < ncommands && i < 64; i++)
		names[i] = commands[i]->name;
	if ((s = suggest(name, names, i)) == NULL)
		return ("");
	snprintf(buf, sizeof buf, " (did you mean '%s'?)", s);
	return (buf);
}

/* getopt found something wrong at cur_argv[optind - 1]: say what, once. */
static int
option_error(const struct command *cmd, const struct cli_option *own)
{
	const struct cli_option	*o;
	const char		*tok = "";
	int			 k;

	if (cur_argv != NULL && optind > 0)
		tok = cur_argv[optind - 1];
	if (strncmp(tok, "--", 2) == 0) {
		k = (int)strcspn(tok, "=");
		if (optopt == 0)
			return (usage_error(cmd, "unknown option '%.*s'%s", k,
			    tok, did_you_mean_option(own, tok + 2, k - 2)));
		return (usage_error(cmd, tok[k] == '=' ? "option '%.*s' "
		    "takes no value" : "option '%.*s' needs a value", k, tok));
	}
	if (optopt != 0 && optopt < 256 && (o = find_option(own, optopt)) !=
	    NULL && o->arg != NULL)
		return (usage_error(cmd, "option '-%c' needs a value (%s)",
		    optopt, o->arg));
	return (usage_error(cmd, "unknown option '-%c'", optopt ? optopt :
	    '?'));
}

/* --rules, --color and --version; 0 or an exit status. */
static int
common_option(const struct command *cmd, const struct cli_option *own, int c,
    struct globals *g)
{
	switch (c) {
	case 'r':
		add_rules(g, optarg);
		return (0);
	case OPT_VERSION:
		/* As GNU tools do: answer and stop, whatever follows. */
		exit(print_version(g));
	case OPT_COLOR:
		if (strcmp(optarg, "auto") == 0)
			g->color = COLOR_AUTO;
		else if (strcmp(optarg, "always") == 0)
			g->color = COLOR_ALWAYS;
		else if (strcmp(optarg, "never") == 0)
			g->color = COLOR_NEVER;
		else
			return (usage_error(cmd, "--color must be auto, "
			    "always or never, not '%s'", optarg));
		return (0);
	}
	return (option_error(cmd, own));
}

int
cli_parse(const struct command *cmd, int argc, char **argv,
    struct globals *g, cli_option_fn fn, void *state)
{
	struct option	lo[MAX_OPTIONS + 1];
	char		so[3 * MAX_OPTIONS + 2];
	int		c, rc;

	cur_argv = argv;
	build_tables(cmd->options, "", lo, so, sizeof so);
	while ((c = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		if (c == 'h') {
			cli_command_help(stdout, cmd);
			return (-1);
		}
		if (c != '?' && c != 'r' && c != OPT_COLOR &&
		    c != OPT_VERSION && find_option(cmd->options, c) != NULL) {
			if ((rc = fn(cmd, state, c, optarg)) != 0)
				return (rc);
			continue;
		}
		if ((rc = common_option(cmd, cmd->options, c, g)) != 0)
			return (rc);
	}
	return (0);
}

int
cli_parse_global(int argc, char **argv, struct globals *g, bool *plain)
{
	struct option	lo[MAX_OPTIONS + 1];
	char		so[3 * MAX_OPTIONS + 2];
	bool		version = false;
	int		c, rc;

	cur_argv = argv;
	/* "+": stop at the command; its options are its own. */
	build_tables(cli_global_options, "+", lo, so, sizeof so);
	while ((c = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		switch (c) {
		case OPT_VERSION:
			version = true;
			break;
		case OPT_PLAIN:
			*plain = true;
			break;
		case 'h':
			cli_usage(stdout);
			return (-1);
		default:
			rc = common_option(NULL, cli_global_options, c, g);
			if (rc != 0)
				return (rc);
		}
	}
	if (version)
		exit(print_version(g));
	return (0);
}

/* "  -a, --answers FILE  answers file ...", wrapped. */
static void
option_help(FILE *fp, const struct cli_option *o)
{
	char	left[64];
	int	n;

	n = snprintf(left, sizeof left, "  %c%c%s--%s%s%s",
	    o->id < 256 ? '-' : ' ', o->id < 256 ? o->id : ' ',
	    o->id < 256 ? ", " : "  ", o->name, o->arg ? " " : "",
	    o->arg ? o->arg : "");
	fputs(left, fp);
	if (n + 2 > HELP_COLUMN) {
		fputc('\n', fp);
		n = 0;
	}
	fprintf(fp, "%*s", HELP_COLUMN - n, "");
	text_wrap(fp, o->help, HELP_COLUMN, HELP_COLUMN, HELP_WIDTH);
	fputc('\n', fp);
}

static void
options_help(FILE *fp, const struct cli_option *o)
{
	size_t	i;

	for (i = 0; o != NULL && o[i].name != NULL; i++)
		option_help(fp, &o[i]);
}

void
cli_command_help(FILE *fp, const struct command *cmd)
{
	fprintf(fp, "usage: archadvisor %s%s%s\n\n%s\n", cmd->name,
	    cmd->args[0] ? " " : "", cmd->args, cmd->summary);
	fputs("\noptions:\n", fp);
	options_help(fp, cmd->options);
	options_help(fp, cli_common_options);
	if (cmd->epilog != NULL)
		cmd->epilog(fp);
}

void
cli_usage(FILE *fp)
{
	size_t	i;

	fputs("usage: archadvisor [--rules PATH]... [--color WHEN] COMMAND "
	    "[OPTIONS]\n"
	    "       archadvisor [--plain]   the questionnaire: full-screen, "
	    "or in plain lines\n\n"
	    "Helps a data team choose a data architecture: answers a few "
	    "questions,\nranks Batch, Stream Processing, Micro-Batch, "
	    "Lambda, Kappa and Data Mesh,\nand explains why.\n\n"
	    "commands:\n", fp);
	for (i = 0; i < ncommands; i++)
		fprintf(fp, "  %-10s %.*s\n", commands[i]->name,
		    (int)strcspn(commands[i]->summary, "\n"),
		    commands[i]->summary);
	fputs("\nglobal options:\n", fp);
	options_help(fp, cli_global_options);
	options_help(fp, cli_common_options);
	fputs("\nexamples:\n"
	    "  archadvisor report --set latency=2m --set "
	    "realtime_outputs=true\n"
	    "  archadvisor report --answers team.yaml --format json\n"
	    "  archadvisor explain lambda --answers team.yaml\n\n"
	    "'archadvisor COMMAND --help' describes each command.\n", fp);
}

void
cli_formats(FILE *fp, const struct command *cmd)
{
	size_t	i;

	if (cmd != NULL && cmd->formats != NULL) {
		for (i = 0; cmd->formats[i] != NULL; i++)
			fprintf(fp, "%s\n", cmd->formats[i]);
		return;
	}
	for (i = 0; i < report_nwriters; i++)
		fprintf(fp, "%s\n", report_writers[i].name);
}

bool
cli_is_one_of(const char *const *words, const char *w)
{
	size_t	i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], w) == 0)
			return (true);
	return (false);
}

bool
cli_format_ok(const struct command *cmd, const char *name)
{
	if (cmd->formats == NULL)
		return (report_writer_find(name) != NULL);
	return (cli_is_one_of(cmd->formats, name));
}

int
cli_format_error(const struct command *cmd, const char *name)
{
	char	list[256];
	size_t	i, n, len = 0;

	n = cmd->formats != NULL ? count_formats(cmd->formats) :
	    report_nwriters;
	list[0] = '\0';
	for (i = 0; i < n && len < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    i == 0 ? "" : i + 1 == n ? " or " : ", ",
		    cmd->formats != NULL ? cmd->formats[i] :
		    report_writers[i].name);
	return (usage_error(cmd, "unknown format '%s' (expected %s)", name,
	    list));
}

/* "--answers<TAB>FILE" and "-a<TAB>FILE" for each option, as --help
   lists them (cmd NULL: main's). */
static void
option_words(FILE *fp, const struct cli_option *o)
{
	size_t	i;

	for (i = 0; o != NULL && o[i].name != NULL; i++) {
		fprintf(fp, "--%s%s%s\n", o[i].name, o[i].arg ? "\t" : "",
		    o[i].arg ? o[i].arg : "");
		if (o[i].id < 256)
			fprintf(fp, "-%c%s%s\n", o[i].id, o[i].arg ? "\t" : "",
			    o[i].arg ? o[i].arg : "");
	}
}

void
cli_option_words(FILE *fp, const struct command *cmd)
{
	option_words(fp, cmd != NULL ? cmd->options : cli_global_options);
	option_words(fp, cli_common_options);
}

/* File name endings and the formats they mean, as pandoc reads them. */
static const struct {
	const char	*ext, *format;
} endings[] = {
	{ "txt", "text" }, { "text", "text" }, { "json", "json" },
	{ "html", "html" }, { "htm", "html" }, { "md", "markdown" },
	{ "markdown", "markdown" }, { "csv", "csv" }, { "jsonl", "jsonl" },
	{ "ndjson", "jsonl" },
};

int
cli_format_from_path(const struct command *cmd, const char *path,
    const char **format)
{
	const char	*base, *dot;
	size_t		 i;

	if (*format != NULL || path == NULL || strcmp(path, "-") == 0)
		return (0);
	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		return (0);	/* no ending: the default format */
	for (i = 0; i < sizeof endings / sizeof endings[0]; i++) {
		if (strcmp(dot + 1, endings[i].ext) != 0)
			continue;
		if (!cli_format_ok(cmd, endings[i].format))
			return (usage_error(cmd, "'%s' names a format %s does "
			    "not write (%s): give --format", base, cmd->name,
			    endings[i].format));
		*format = endings[i].format;
		return (0);
	}
	return (usage_error(cmd, "cannot tell the format from '%s': give "
	    "--format", base));
}

int
cli_format_choose(const struct command *cmd, const char *output,
    const char **format, const char *deflt)
{
	int	rc;

	if ((rc = cli_format_from_path(cmd, output, format)) != 0)
		return (rc);
	if (*format == NULL)
		*format = deflt;
	if (!cli_format_ok(cmd, *format))
		return (cli_format_error(cmd, *format));
	return (0);
}
