/*
 * main: archadvisor's command line. Parses options (getopt_long, one table
 * entry per subcommand as tmux does), loads the knowledge base and answers
 * through the core, and maps every failure to one line on stderr and a
 * sysexits-style status. All the knowledge and scoring live in the library.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers.h"
#include "answers_load.h"
#include "answers_yaml.h"
#include "ask.h"
#include "batch.h"
#include "date.h"
#include "diag.h"
#include "engine.h"
#include "kb.h"
#include "kb_layers.h"
#include "kb_load.h"
#include "lint.h"
#include "outfile.h"
#include "report.h"
#include "report_diff.h"
#include "report_evidence.h"
#include "tui.h"
#include "version.h"
#include "whatif.h"
#include "xmalloc.h"

/* Exit statuses (SPEC.md; sysexits.h values, but 2 for usage). */
enum {
	EXIT_OK = 0,
	EXIT_USAGE = 2,
	EXIT_DATAERR = 65,
	EXIT_NOINPUT = 66,
	EXIT_SOFTWARE = 70,
	EXIT_CANTCREAT = 73,
};

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* Options that every subcommand accepts. */
struct globals {
	const char	**rules;	/* each --rules PATH, in order */
	size_t		  nrules;
	enum color_mode	  color;
};

struct command {
	const char	*name;
	const char	*args;		/* usage after the name */
	const char	*summary;
	int		(*run)(int, char **, struct globals *);
	const char	*help;		/* options, one per line */
};

static const struct command *find_command(const char *name);
static void	usage(FILE *fp);
static void	print_command_help(FILE *fp, const struct command *cmd);

/* The arguments being parsed, for messages about them (getopt's are off). */
static char	**cur_argv;

/* One option as the help text shows it: "-a, --answers FILE  ...". */
struct helpopt {
	char	shortopt;	/* or 0 */
	char	name[32];	/* long name without "--", or "" */
	char	arg[32];	/* argument name ("FILE"), or "": none */
};

static void
errx_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
errx_line(const char *fmt, ...)
{
	va_list	ap;

	fputs("archadvisor: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int
usage_error(const struct command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
usage_error(const struct command *cmd, const char *fmt, ...)
{
	va_list	ap;

	fputs("archadvisor: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmd != NULL)
		fprintf(stderr, " (see 'archadvisor %s --help')\n", cmd->name);
	else
		fputs(" (see 'archadvisor --help')\n", stderr);
	return (EXIT_USAGE);
}

static int
status_of(enum load_status st)
{
	return (st == LOAD_NOT_FOUND ? EXIT_NOINPUT : EXIT_DATAERR);
}

static bool
use_color(const struct globals *g, bool to_terminal)
{
	const char	*nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (g->color == COLOR_ALWAYS)
		return (true);
	if (g->color == COLOR_NEVER || (nc != NULL && nc[0] != '\0'))
		return (false);
	if (term != NULL && strcmp(term, "dumb") == 0)
		return (false);
	return (to_terminal && isatty(STDOUT_FILENO));
}

static bool
use_utf8(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return (cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0));
}

/*
 * Prints problems on stderr: those with a place as file:line:col: ..., the
 * others (a file that cannot be read) as archadvisor: file: ...
 */
static void
print_problems(const struct diag *d)
{
	const struct diag_item	*it;
	size_t			 i;

	for (i = 0; i < d->n; i++) {
		it = &d->items[i];
		if (it->line > 0)
			diag_print_item(stderr, it);
		else
			fprintf(stderr, "archadvisor: %s%s%s%s\n",
			    it->file ? it->file : "", it->file ? ": " : "",
			    it->severity == DIAG_WARNING ? "warning: " : "",
			    it->msg);
	}
	if (d->nerrors > d->n)
		fprintf(stderr, "archadvisor: (%zu more errors not shown)\n",
		    d->nerrors - d->n);
}

/* The user's extensions: $XDG_CONFIG_HOME/archadvisor/rules.d. */
static char *
user_rules_dir(void)
{
	const char	*x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");

	/* The XDG spec says to ignore a relative XDG_CONFIG_HOME. */
	if (x != NULL && x[0] == '/')
		return (xasprintf("%s/archadvisor/rules.d", x));
	if (h != NULL && h[0] != '\0')
		return (xasprintf("%s/.config/archadvisor/rules.d", h));
	return (NULL);
}

/*
 * Loads the knowledge base (kb_layers.h): the stock one or a complete one
 * among the --rules PATHs ($ARCHADVISOR_RULES when there is none), then
 * rules.d, then the other PATHs. Returns 0 or an exit status after
 * printing the problems.
 */
static int
load_kb(const struct globals *g, struct kb **kb)
{
	struct kb_layers	 l;
	struct diag		 d;
	enum load_status	 st;
	const char		*env;
	char			*user;

	l.paths = g->rules;
	l.npaths = g->nrules;
	if (l.npaths == 0 && (env = getenv("ARCHADVISOR_RULES")) != NULL &&
	    env[0] != '\0') {
		l.paths = &env;
		l.npaths = 1;
	}
	l.user_dir = user = user_rules_dir();
	diag_init(&d);
	st = kb_load_layers(&l, kb, &d);
	print_problems(&d);
	diag_free(&d);
	free(user);
	return (st == LOAD_OK ? 0 : status_of(st));
}

/* --version: the program, then the knowledge base and each of its files. */
static int
print_version(const struct globals *g)
{
	struct kb	*kb;
	size_t		 i;
	int		 rc;

	printf("archadvisor %s\n", ARCHADVISOR_VERSION);
	fflush(stdout);
	if ((rc = load_kb(g, &kb)) != 0)
		return (rc);
	printf("knowledge base: %s %s\n", kb->name, kb->version);
	for (i = 0; i < kb->files.n; i++)
		printf("  %s%s\n", kb->files.items[i], i < kb->nbuiltin ?
		    " (built in)" : "");
	kb_free(kb);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		errx_line("standard output: %s", strerror(errno));
		return (EXIT_CANTCREAT);
	}
	return (EXIT_OK);
}

static void
add_rules(struct globals *g, const char *path)
{
	g->rules = xreallocarray(g->rules, g->nrules + 1, sizeof *g->rules);
	g->rules[g->nrules++] = path;
}

/* Long options that every subcommand accepts. */
#define OPT_COLOR 1000
#define OPT_VERSION 1001
#define OPT_PLAIN 1002
#define COMMON_LONGOPTS \
	{ "rules", required_argument, NULL, 'r' }, \
	{ "color", required_argument, NULL, OPT_COLOR }, \
	{ "version", no_argument, NULL, OPT_VERSION }, \
	{ "help", no_argument, NULL, 'h' }

/*
 * The options that cmd's --help lists (the global ones if cmd is NULL),
 * read back from the help text itself: completion and error messages then
 * always agree with --help. Returns how many were stored in out.
 */
static size_t
help_options(const struct command *cmd, struct helpopt *out, size_t max)
{
	struct helpopt	 h;
	char		*buf = NULL, *line, *p, *save = NULL;
	size_t		 len = 0, n = 0, k;
	FILE		*fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		return (0);
	if (cmd != NULL)
		print_command_help(fp, cmd);
	else
		usage(fp);
	fclose(fp);
	for (line = strtok_r(buf, "\n", &save); line != NULL && n < max;
	    line = strtok_r(NULL, "\n", &save)) {
		p = line + strspn(line, " ");
		if (p == line || *p != '-')
			continue;
		memset(&h, 0, sizeof h);
		while (*p == '-') {
			k = strcspn(p, " ,");
			if (p[1] == '-')
				snprintf(h.name, sizeof h.name, "%.*s",
				    (int)k - 2, p + 2);
			else
				h.shortopt = p[1];
			p += k;
			p += strspn(p, ", ");
		}
		if (*p >= 'A' && *p <= 'Z')
			snprintf(h.arg, sizeof h.arg, "%.*s",
			    (int)strcspn(p, " "), p);
		out[n++] = h;
	}
	free(buf);
	return (n);
}

/* getopt found something wrong at cur_argv[optind - 1]: say what, once. */
static int
option_error(const struct command *cmd)
{
	struct helpopt	 hs[64];
	const char	*tok = "";
	size_t		 i, n;
	int		 k;

	if (cur_argv != NULL && optind > 0)
		tok = cur_argv[optind - 1];
	if (strncmp(tok, "--", 2) == 0) {
		k = (int)strcspn(tok, "=");
		if (optopt == 0)
			return (usage_error(cmd, "unknown option '%.*s'", k,
			    tok));
		return (usage_error(cmd, tok[k] == '=' ? "option '%.*s' "
		    "takes no value" : "option '%.*s' needs a value", k, tok));
	}
	n = help_options(cmd, hs, sizeof hs / sizeof hs[0]);
	for (i = 0; i < n; i++)
		if (optopt != 0 && hs[i].shortopt == optopt && hs[i].arg[0])
			return (usage_error(cmd, "option '-%c' needs a value "
			    "(%s)", optopt, hs[i].arg));
	return (usage_error(cmd, "unknown option '-%c'", optopt ? optopt :
	    '?'));
}

static int
common_option(const struct command *cmd, int c, struct globals *g)
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
	return (option_error(cmd));
}

/* The report formats as "text, json, html, markdown or adr". */
static const char *
format_names(void)
{
	static char	buf[256];
	size_t		i, len = 0;

	for (i = 0; i < report_nwriters && len < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
		    i == 0 ? "" : i + 1 == report_nwriters ? " or " : ", ",
		    report_writers[i].name);
	return (buf);
}

static void
print_command_help(FILE *fp, const struct command *cmd)
{
	size_t	i;

	fprintf(fp, "usage: archadvisor %s%s%s\n\n%s\n", cmd->name,
	    cmd->args[0] ? " " : "", cmd->args, cmd->summary);
	fprintf(fp, "\noptions:\n%s", cmd->help);
	fputs("  -r, --rules PATH    knowledge base or extension: a directory "
	    "of *.yaml, a file\n"
	    "                      or -; repeatable (default: "
	    "$ARCHADVISOR_RULES, else the\n"
	    "                      stock one; see archadvisor(1))\n"
	    "      --color WHEN    auto (default), always or never; NO_COLOR "
	    "turns it off\n"
	    "      --version       show the version and the knowledge "
	    "base's files\n"
	    "  -h, --help          show this help\n", fp);
	if (strcmp(cmd->name, "report") != 0)
		return;
	fputs("\nformats:\n", fp);
	for (i = 0; i < report_nwriters; i++)
		fprintf(fp, "  %-10s%s\n", report_writers[i].name,
		    report_writers[i].desc);
	fputs("\nhtml, markdown and adr show the date: $SOURCE_DATE_EPOCH "
	    "if set, else today.\n", fp);
}

/* Options that choose a scenario: --answers and --set. */
struct scenario_opts {
	const char	 *answers;
	const char	**sets;
	size_t		  nsets;
};

static void
scenario_free(struct scenario_opts *so)
{
	free(so->sets);
}

/* Builds the answers from --answers and then each --set, in order. */
static int
load_answers(const struct kb *kb, const struct scenario_opts *so,
    struct answers *a)
{
	struct diag		 d;
	enum load_status	 st;
	char			 err[768];
	size_t			 i;

	if (so->answers != NULL) {
		diag_init(&d);
		st = answers_load_file(a, kb, so->answers, &d);
		print_problems(&d);
		diag_free(&d);
		if (st != LOAD_OK)
			return (status_of(st));
	} else
		answers_init(a, kb);
	for (i = 0; i < so->nsets; i++) {
		if (answers_set_arg(a, kb, so->sets[i], err, sizeof err)) {
			errx_line("%s", err);
			return (EXIT_DATAERR);
		}
	}
	return (0);
}

/* Writes through fn to path ("-"/NULL: stdout) atomically. */
static int
write_output(const char *path, int (*fn)(FILE *, const void *),
    const void *arg)
{
	struct outfile	o;
	char		err[1024];

	if (outfile_open(&o, path, err, sizeof err) != 0) {
		errx_line("%s", err);
		return (EXIT_CANTCREAT);
	}
	if (fn(o.fp, arg) != 0) {
		snprintf(err, sizeof err, "%s: cannot write: %s", path ? path :
		    "standard output", strerror(errno ? errno : EIO));
		outfile_abort(&o);
		errx_line("%s", err);
		return (EXIT_CANTCREAT);
	}
	if (outfile_commit(&o, err, sizeof err) != 0) {
		errx_line("%s", err);
		return (EXIT_CANTCREAT);
	}
	return (EXIT_OK);
}

struct report_call {
	const struct report_writer	*writer;
	const struct report_ctx		*ctx;
	int				 pattern;
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
		return (report_explain_json(fp, rc->ctx, (size_t)rc->pattern));
	return (report_explain_text(fp, rc->ctx, (size_t)rc->pattern));
}

static int
call_patterns(FILE *fp, const void *arg)
{
	const struct report_call	*rc = arg;

	return (report_patterns_text(fp, rc->ctx, rc->pattern));
}

static int
call_questions(FILE *fp, const void *arg)
{
	const struct report_call	*rc = arg;

	return (report_questions_text(fp, rc->ctx));
}

static void
ctx_init(struct report_ctx *ctx, const struct kb *kb,
    const struct globals *g, bool to_stdout)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->kb = kb;
	ctx->version = ARCHADVISOR_VERSION;
	ctx->color = use_color(g, to_stdout);
	ctx->utf8 = use_utf8();
	ctx->width = 80;
}

/*
 * The shared body of report and explain: options, knowledge base, answers,
 * ranking, then out() to write the result.
 */
/* report --adr-dir: files the ADR as the next numbered record in dir. */
#define OPT_ADR_DIR 1100

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

static int
run_scenario(const struct command *cmd, int argc, char **argv,
    struct globals *g, bool explain)
{
	static const struct option longopts[] = {
		{ "answers", required_argument, NULL, 'a' },
		{ "set", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "adr-dir", required_argument, NULL, OPT_ADR_DIR },
		COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct scenario_opts	 so = { NULL, NULL, 0 };
	struct report_call	 call;
	struct report_ctx	 ctx;
	struct answers		 a = { NULL, 0, NULL, NULL };
	struct ranking		*r = NULL;
	struct whatif		 w;
	struct kb		*kb = NULL;
	const char		*format = NULL, *output = NULL;
	const char		*pattern_id = NULL, *adr_dir = NULL;
	int			 c, rc;

	memset(&w, 0, sizeof w);
	so.sets = xcalloc((size_t)argc + 1, sizeof *so.sets);
	while ((c = getopt_long(argc, argv, "a:s:f:o:r:h", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'a':
			so.answers = optarg;
			break;
		case 's':
			so.sets[so.nsets++] = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_ADR_DIR:
			adr_dir = optarg;
			break;
		case 'h':
			print_command_help(stdout, cmd);
			scenario_free(&so);
			return (EXIT_OK);
		default:
			if ((rc = common_option(cmd, c, g)) != 0) {
				scenario_free(&so);
				return (rc);
			}
		}
	}
	argc -= optind;
	argv += optind;
	if (explain) {
		if (argc != 1) {
			scenario_free(&so);
			return (usage_error(cmd, argc ? "explain takes one "
			    "pattern id" : "which pattern? e.g. 'archadvisor "
			    "explain lambda'"));
		}
		pattern_id = argv[0];
	} else if (argc != 0) {
		scenario_free(&so);
		return (usage_error(cmd, "unexpected argument '%s'", argv[0]));
	}
	if (adr_dir != NULL) {
		rc = 0;
		if (explain)
			rc = usage_error(cmd, "--adr-dir is an option of "
			    "'archadvisor report'");
		else if (format != NULL && strcmp(format, "adr") != 0)
			rc = usage_error(cmd, "--adr-dir writes an ADR, not "
			    "--format %s", format);
		else if (output != NULL)
			rc = usage_error(cmd, "give -o FILE or --adr-dir DIR, "
			    "not both");
		else if (adr_dir[0] == '\0')
			rc = usage_error(cmd, "--adr-dir needs a directory");
		if (rc != 0) {
			scenario_free(&so);
			return (rc);
		}
		format = "adr";
	}
	if (format == NULL)
		format = "text";
	memset(&call, 0, sizeof call);
	if (explain) {
		if (strcmp(format, "json") != 0 && strcmp(format, "text") != 0) {
			scenario_free(&so);
			return (usage_error(cmd, "unknown format '%s' "
			    "(expected text or json)", format));
		}
		call.json = strcmp(format, "json") == 0;
	} else if ((call.writer = report_writer_find(format)) == NULL) {
		scenario_free(&so);
		return (usage_error(cmd, "unknown format '%s' (expected "
		    "%s)", format, format_names()));
	}
	if ((rc = load_kb(g, &kb)) != 0)
		goto out;
	if (explain && (call.pattern = kb_pattern_index(kb,
	    pattern_id)) < 0) {
		errx_line("unknown pattern '%s' (see 'archadvisor patterns')",
		    pattern_id);
		rc = EXIT_USAGE;
		goto out;
	}
	if ((rc = load_answers(kb, &so, &a)) != 0)
		goto out;
	r = ranking_new(kb);
	engine_rank(kb, a.v, r);
	ctx_init(&ctx, kb, g, output == NULL || strcmp(output, "-") == 0);
	ctx.answers = &a;
	ctx.ranking = r;
	if (!explain) {
		whatif_analyse(kb, a.v, &w);
		ctx.whatif = &w;
	}
	call.ctx = &ctx;
	if (adr_dir != NULL)
		rc = save_adr(&ctx, adr_dir);
	else
		rc = write_output(output, explain ? call_explain : call_writer,
		    &call);
out:
	whatif_free(&w);
	ranking_free(r);
	answers_free(&a);
	kb_free(kb);
	scenario_free(&so);
	return (rc);
}

static int
cmd_report(int argc, char **argv, struct globals *g)
{
	return (run_scenario(find_command("report"), argc, argv, g, false));
}

static int
cmd_explain(int argc, char **argv, struct globals *g)
{
	return (run_scenario(find_command("explain"), argc, argv, g, true));
}

/* Parses only the common options; leaves operands in argv[optind..]. */
static int
simple_options(const struct command *cmd, int argc, char **argv,
    struct globals *g)
{
	static const struct option longopts[] = {
		COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	int	c, rc;

	while ((c = getopt_long(argc, argv, "r:h", longopts, NULL)) != -1) {
		if (c == 'h') {
			print_command_help(stdout, cmd);
			return (-1);
		}
		if ((rc = common_option(cmd, c, g)) != 0)
			return (rc);
	}
	return (0);
}

static int
cmd_browse(const struct command *cmd, int argc, char **argv,
    struct globals *g, int (*fn)(FILE *, const void *), int maxargs)
{
	struct report_call	 call;
	struct report_ctx	 ctx;
	struct kb		*kb = NULL;
	int			 rc;

	if ((rc = simple_options(cmd, argc, argv, g)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if (argc - optind > maxargs)
		return (usage_error(cmd, "unexpected argument '%s'",
		    argv[optind + maxargs]));
	if ((rc = load_kb(g, &kb)) != 0)
		return (rc);
	memset(&call, 0, sizeof call);
	call.pattern = -1;
	if (optind < argc &&
	    (call.pattern = kb_pattern_index(kb, argv[optind])) < 0) {
		errx_line("unknown pattern '%s' (see 'archadvisor patterns')",
		    argv[optind]);
		kb_free(kb);
		return (EXIT_USAGE);
	}
	ctx_init(&ctx, kb, g, true);
	call.ctx = &ctx;
	rc = write_output(NULL, fn, &call);
	kb_free(kb);
	return (rc);
}

static int
cmd_patterns(int argc, char **argv, struct globals *g)
{
	return (cmd_browse(find_command("patterns"), argc, argv, g,
	    call_patterns, 1));
}

static int
cmd_questions(int argc, char **argv, struct globals *g)
{
	return (cmd_browse(find_command("questions"), argc, argv, g,
	    call_questions, 0));
}

/*
 * precedents: the public case studies nearest to a scenario (every one when
 * nothing is answered), or with --agreement how often the engine agrees
 * with what each case chose. Precedents never change a score.
 */
struct evidence_call {
	const struct report_ctx	*ctx;
	size_t			 max;
	bool			 json, agreement;
};

static int
call_evidence(FILE *fp, const void *arg)
{
	const struct evidence_call	*ec = arg;

	if (ec->agreement)
		return (ec->json ? report_agreement_json(fp, ec->ctx) :
		    report_agreement_text(fp, ec->ctx));
	return (ec->json ? report_precedents_json(fp, ec->ctx, ec->max) :
	    report_precedents_text(fp, ec->ctx, ec->max));
}

static int
cmd_precedents(int argc, char **argv, struct globals *g)
{
	static const struct option longopts[] = {
		{ "answers", required_argument, NULL, 'a' },
		{ "set", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "count", required_argument, NULL, 'n' },
		{ "agreement", no_argument, NULL, 'A' },
		{ "output", required_argument, NULL, 'o' },
		COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	const struct command	*cmd = find_command("precedents");
	struct scenario_opts	 so = { NULL, NULL, 0 };
	struct evidence_call	 ec = { NULL, 5, false, false };
	struct report_ctx	 ctx;
	struct answers		 a = { NULL, 0, NULL, NULL };
	struct kb		*kb = NULL;
	const char		*format = "text", *output = NULL;
	char			*end;
	long			 n;
	int			 c, rc = EXIT_OK;

	so.sets = xcalloc((size_t)argc + 1, sizeof *so.sets);
	while ((c = getopt_long(argc, argv, "a:s:f:n:Ao:r:h", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'a':
			so.answers = optarg;
			break;
		case 's':
			so.sets[so.nsets++] = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'n':
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 1 ||
			    n > 1000) {
				rc = usage_error(cmd, "--count must be a "
				    "number from 1 to 1000, not '%s'", optarg);
				goto out;
			}
			ec.max = (size_t)n;
			break;
		case 'A':
			ec.agreement = true;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			print_command_help(stdout, cmd);
			goto out;
		default:
			if ((rc = common_option(cmd, c, g)) != 0)
				goto out;
		}
	}
	if (optind < argc) {
		rc = usage_error(cmd, "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
		rc = usage_error(cmd, "unknown format '%s' (expected text or "
		    "json)", format);
		goto out;
	}
	ec.json = strcmp(format, "json") == 0;
	if ((rc = load_kb(g, &kb)) != 0 || (rc = load_answers(kb, &so,
	    &a)) != 0)
		goto out;
	ctx_init(&ctx, kb, g, output == NULL || strcmp(output, "-") == 0);
	ctx.answers = &a;
	ec.ctx = &ctx;
	rc = write_output(output, call_evidence, &ec);
out:
	answers_free(&a);
	kb_free(kb);
	scenario_free(&so);
	return (rc);
}

/* diff exits like diff(1): 0 same first place, 1 different, 2+ trouble. */
#define EXIT_DIFFERS	1

struct diff_call {
	const struct diff_ctx	*dc;
	int			 format;	/* 0 text, 1 json, 2 markdown */
};

static int
call_diff(FILE *fp, const void *arg)
{
	const struct diff_call	*call = arg;

	switch (call->format) {
	case 1:
		return (report_diff_json(fp, call->dc));
	case 2:
		return (report_diff_markdown(fp, call->dc));
	}
	return (report_diff_text(fp, call->dc));
}

static int
cmd_diff(int argc, char **argv, struct globals *g)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "json", "markdown" };
	const struct command	*cmd = find_command("diff");
	struct scenario_opts	 sa = { NULL, NULL, 0 }, sb = { NULL, NULL, 0 };
	struct answers		 a = { NULL, 0, NULL, NULL };
	struct answers		 b = { NULL, 0, NULL, NULL };
	struct ranking		*ra = NULL, *rb = NULL;
	struct diff_ctx		 dc;
	struct diff_call	 call = { NULL, 0 };
	struct kb		*kb = NULL;
	const char		*format = "text", *output = NULL;
	int			 c, rc;

	while ((c = getopt_long(argc, argv, "f:o:r:h", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			print_command_help(stdout, cmd);
			return (EXIT_OK);
		default:
			if ((rc = common_option(cmd, c, g)) != 0)
				return (rc);
		}
	}
	if (argc - optind != 2)
		return (usage_error(cmd, argc - optind < 2 ? "diff compares "
		    "two answers files, e.g. 'archadvisor diff old.yaml "
		    "new.yaml'" : "unexpected argument '%s'",
		    argv[optind + 2 < argc ? optind + 2 : 0]));
	for (call.format = 0; call.format < 3; call.format++)
		if (strcmp(format, formats[call.format]) == 0)
			break;
	if (call.format == 3)
		return (usage_error(cmd, "unknown format '%s' (expected text, "
		    "json or markdown)", format));
	if (strcmp(argv[optind], "-") == 0 && strcmp(argv[optind + 1],
	    "-") == 0)
		return (usage_error(cmd, "only one of the two files can be "
		    "standard input"));
	sa.answers = argv[optind];
	sb.answers = argv[optind + 1];
	if ((rc = load_kb(g, &kb)) != 0 || (rc = load_answers(kb, &sa,
	    &a)) != 0 || (rc = load_answers(kb, &sb, &b)) != 0)
		goto out;
	ra = ranking_new(kb);
	rb = ranking_new(kb);
	engine_rank(kb, a.v, ra);
	engine_rank(kb, b.v, rb);
	memset(&dc, 0, sizeof dc);
	dc.kb = kb;
	dc.file_a = sa.answers;
	dc.file_b = sb.answers;
	dc.a = &a;
	dc.b = &b;
	dc.ra = ra;
	dc.rb = rb;
	dc.version = ARCHADVISOR_VERSION;
	dc.color = use_color(g, output == NULL || strcmp(output, "-") == 0);
	dc.width = 80;
	call.dc = &dc;
	if ((rc = write_output(output, call_diff, &call)) == EXIT_OK &&
	    !report_diff_same(&dc))
		rc = EXIT_DIFFERS;
out:
	ranking_free(ra);
	ranking_free(rb);
	answers_free(&a);
	answers_free(&b);
	kb_free(kb);
	return (rc);
}

/* check's options: the common ones and --strict. */
static int
check_options(const struct command *cmd, int argc, char **argv,
    struct globals *g, bool *strict)
{
	static const struct option longopts[] = {
		{ "strict", no_argument, NULL, 'S' },
		COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	int	c, rc;

	while ((c = getopt_long(argc, argv, "r:h", longopts, NULL)) != -1) {
		if (c == 'S')
			*strict = true;
		else if (c == 'h') {
			print_command_help(stdout, cmd);
			return (-1);
		} else if ((rc = common_option(cmd, c, g)) != 0)
			return (rc);
	}
	return (0);
}

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
cmd_check(int argc, char **argv, struct globals *g)
{
	const struct command	*cmd = find_command("check");
	struct kb		*kb = NULL;
	size_t			 nwarn;
	bool			 strict = false;
	int			 rc;

	if ((rc = check_options(cmd, argc, argv, g, &strict)) != 0)
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
	printf("%s %s: %zu questions, %zu patterns, %zu rules, %zu "
	    "precedents from %zu file%s: ok", kb->name, kb->version,
	    kb->nquestions, kb->npatterns, kb->nrules, kb->nprecedents,
	    kb->files.n, kb->files.n == 1 ? "" : "s");
	if (nwarn > 0)
		printf(" (%zu warning%s)", nwarn, nwarn == 1 ? "" : "s");
	putchar('\n');
	kb_free(kb);
	return (EXIT_OK);
}

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

/*
 * ask: the questionnaire in plain lines; at the end the report, and the
 * answers saved to -o (or back to --answers) atomically. Input that ends
 * before the last question saves nothing.
 */
static int
cmd_ask(int argc, char **argv, struct globals *g)
{
	static const struct option longopts[] = {
		{ "answers", required_argument, NULL, 'a' },
		{ "output", required_argument, NULL, 'o' },
		COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	const struct command	*cmd = find_command("ask");
	struct scenario_opts	 so = { NULL, NULL, 0 };
	struct report_ctx	 ctx;
	struct ask_io		 io;
	struct answers		 a = { NULL, 0, NULL, NULL };
	struct ranking		*r = NULL;
	struct whatif		 w;
	struct kb		*kb = NULL;
	const char		*output = NULL;
	int			 c, rc;

	memset(&w, 0, sizeof w);
	while ((c = getopt_long(argc, argv, "a:o:r:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			so.answers = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			print_command_help(stdout, cmd);
			return (EXIT_OK);
		default:
			if ((rc = common_option(cmd, c, g)) != 0)
				return (rc);
		}
	}
	if (optind < argc)
		return (usage_error(cmd, "unexpected argument '%s'",
		    argv[optind]));
	if (output == NULL)
		output = so.answers != NULL && strcmp(so.answers, "-") != 0 ?
		    so.answers : NULL;
	if ((rc = load_kb(g, &kb)) != 0)
		return (rc);
	if ((rc = load_answers(kb, &so, &a)) != 0)
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
	r = ranking_new(kb);
	engine_rank(kb, a.v, r);
	whatif_analyse(kb, a.v, &w);
	ctx_init(&ctx, kb, g, true);
	ctx.color = g->color == COLOR_ALWAYS;
	ctx.answers = &a;
	ctx.ranking = r;
	ctx.whatif = &w;
	fputc('\n', stdout);
	if ((rc = write_output(NULL, call_text_report, &ctx)) != 0)
		goto out;
	if (output != NULL) {
		if ((rc = write_output(output, call_answers_yaml, &ctx)) == 0)
			printf("\nAnswers saved to %s.\n", output);
	} else
		printf("\nAnswers not saved: give -o FILE to keep them.\n");
out:
	whatif_free(&w);
	ranking_free(r);
	answers_free(&a);
	kb_free(kb);
	return (rc);
}

/*
 * tui: the full-screen questionnaire (src/tui). It needs a terminal on
 * standard input and output; tui_run loads --answers itself, so that a
 * file that does not exist yet becomes the place to save.
 */
static int
cmd_tui(int argc, char **argv, struct globals *g)
{
	static const struct option longopts[] = {
		{ "answers", required_argument, NULL, 'a' },
		COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	const struct command	*cmd = find_command("tui");
	struct tui_options	 to;
	struct kb		*kb = NULL;
	int			 c, rc;

	memset(&to, 0, sizeof to);
	while ((c = getopt_long(argc, argv, "a:r:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			to.answers = optarg;
			break;
		case 'h':
			print_command_help(stdout, cmd);
			return (EXIT_OK);
		default:
			if ((rc = common_option(cmd, c, g)) != 0)
				return (rc);
		}
	}
	if (optind < argc)
		return (usage_error(cmd, "unexpected argument '%s'",
		    argv[optind]));
	if (to.answers != NULL && strcmp(to.answers, "-") == 0)
		return (usage_error(cmd, "the TUI reads keys from standard "
		    "input; give the answers as a file"));
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return (usage_error(cmd, "the TUI needs a terminal; 'archadvisor "
		    "ask' and 'archadvisor report' work without one"));
	if ((rc = load_kb(g, &kb)) != 0)
		return (rc);
	to.version = ARCHADVISOR_VERSION;
	to.color = use_color(g, true);
	rc = tui_run(kb, &to);
	kb_free(kb);
	return (rc);
}

/*
 * batch: every scenario of the inputs (YAML streams or JSON lines), one
 * row each, streamed (src/report/batch.c). Inputs are all opened before
 * anything is written; bad documents are reported and skipped, and make
 * the status 65 at the end. With -o the file is replaced only by a run that
 * went to the end of its input.
 */
static int
cmd_batch(int argc, char **argv, struct globals *g)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "input", required_argument, NULL, 'i' },
		{ "fail-fast", no_argument, NULL, 'x' },
		{ "output", required_argument, NULL, 'o' },
		COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	const struct command	*cmd = find_command("batch");
	struct batch_options	 bo = { BATCH_CSV, false };
	struct batch_counts	 counts;
	struct batch_input	*in = NULL;
	struct outfile		 o;
	struct stat		 st;
	struct kb		*kb = NULL;
	enum batch_status	 bs;
	const char		*output = NULL, *input = NULL;
	char			 err[1024];
	int			 c, rc, i, n = 0;

	while ((c = getopt_long(argc, argv, "f:i:o:r:h", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				bo.format = BATCH_CSV;
			else if (strcmp(optarg, "jsonl") == 0)
				bo.format = BATCH_JSONL;
			else
				return (usage_error(cmd, "unknown format '%s' "
				    "(expected csv or jsonl)", optarg));
			break;
		case 'i':
			if (strcmp(optarg, "yaml") != 0 &&
			    strcmp(optarg, "jsonl") != 0)
				return (usage_error(cmd, "unknown input '%s' "
				    "(expected yaml or jsonl)", optarg));
			input = optarg;
			break;
		case 'x':
			bo.fail_fast = true;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			print_command_help(stdout, cmd);
			return (EXIT_OK);
		default:
			if ((rc = common_option(cmd, c, g)) != 0)
				return (rc);
		}
	}
	argc -= optind;
	argv += optind;
	in = xcalloc((size_t)argc + 1, sizeof *in);
	for (i = 0; i < (argc > 0 ? argc : 1); i++, n++) {
		in[i].name = argc > 0 ? argv[i] : "-";
		if (input != NULL)
			in[i].fmt = input[0] == 'j' ? SCENARIO_JSONL :
			    SCENARIO_YAML;
		else
			in[i].fmt = scenario_format_of(in[i].name);
		if (strcmp(in[i].name, "-") == 0)
			in[i].fd = STDIN_FILENO;
		else if ((in[i].fd = open(in[i].name, O_RDONLY)) < 0 ||
		    fstat(in[i].fd, &st) != 0 || S_ISDIR(st.st_mode)) {
			if (in[i].fd >= 0)
				errno = EISDIR;
			errx_line("%s: %s", in[i].name, strerror(errno));
			rc = EXIT_NOINPUT;
			n += in[i].fd >= 0;
			goto out;
		}
	}
	if ((rc = load_kb(g, &kb)) != 0)
		goto out;
	if (outfile_open(&o, output, err, sizeof err) != 0) {
		errx_line("%s", err);
		rc = EXIT_CANTCREAT;
		goto out;
	}
	bs = batch_run(kb, in, (size_t)n, &bo, o.fp, stderr, &counts);
	if (bs == BATCH_WRITE_ERROR) {
		snprintf(err, sizeof err, "%s: %s", output != NULL &&
		    strcmp(output, "-") != 0 ? output : "standard output",
		    strerror(errno ? errno : EIO));
		outfile_abort(&o);
		errx_line("%s", err);
		rc = EXIT_CANTCREAT;
		goto out;
	}
	if (counts.stopped)
		outfile_abort(&o);
	else if (outfile_commit(&o, err, sizeof err) != 0) {
		errx_line("%s", err);
		rc = EXIT_CANTCREAT;
		goto out;
	}
	rc = bs == BATCH_READ_ERROR ? EXIT_NOINPUT : bs == BATCH_BAD_DATA ?
	    EXIT_DATAERR : EXIT_OK;
out:
	for (i = 0; i < n; i++)
		if (in[i].fd > STDIN_FILENO)
			close(in[i].fd);
	free(in);
	kb_free(kb);
	return (rc);
}

/*
 * The formats cmd's --format accepts: those its usage line lists as
 * "--format a|b", else the report writers'.
 */
static void
complete_formats(const struct command *cmd)
{
	const char	*p;
	size_t		 i, k;

	if (cmd != NULL && (p = strstr(cmd->args, "--format ")) != NULL) {
		p += strlen("--format ");
		k = strcspn(p, " ]");
		if (memchr(p, '|', k) != NULL) {
			while (k > 0) {
				i = strcspn(p, "|] ");
				printf("%.*s\n", (int)i, p);
				p += i;
				k -= i;
				if (k > 0 && *p == '|') {
					p++;
					k--;
				}
			}
			return;
		}
	}
	for (i = 0; i < report_nwriters; i++)
		printf("%s\n", report_writers[i].name);
}

static int	cmd_complete(int, char **, struct globals *);

static const struct command commands[] = {
	{ "report", "[--answers FILE|-] [--set ID=VALUE]... "
	    "[--format FORMAT] [-o FILE | --adr-dir DIR]",
	    "Rank the patterns for one scenario and explain why.",
	    cmd_report,
	    "  -a, --answers FILE  answers file (YAML; - reads standard "
	    "input)\n"
	    "  -s, --set ID=VALUE  answer one question; repeatable, "
	    "overrides the file\n"
	    "  -f, --format FMT    one of the formats below (default: text)\n"
	    "  -o, --output FILE   write there (atomically) instead of "
	    "standard output\n"
	    "      --adr-dir DIR   file the ADR in DIR as the next numbered "
	    "record,\n"
	    "                      NNNN-title.md (as adr-tools does), and "
	    "print its name\n" },
	{ "explain", "PATTERN [--answers FILE|-] [--set ID=VALUE]... "
	    "[--format text|json]",
	    "Show every rule that can affect PATTERN, whether it fired for "
	    "these answers,\nand what it contributed.",
	    cmd_explain,
	    "  -a, --answers FILE  answers file (YAML; - reads standard "
	    "input)\n"
	    "  -s, --set ID=VALUE  answer one question; repeatable\n"
	    "  -f, --format FMT    text (default) or json\n"
	    "  -o, --output FILE   write there instead of standard output\n" },
	{ "batch", "[FILE|-]... [--format csv|jsonl] [--input yaml|jsonl] "
	    "[--fail-fast] [-o FILE]",
	    "Rank the patterns for every scenario of a stream: YAML documents "
	    "separated by\n'---', or JSON lines (one object per line; *.jsonl "
	    "files). One row per scenario,\nwritten as soon as it is scored: "
	    "first place, recommendation, margin, every\nscore. Bad documents "
	    "are reported with their number and skipped (status 65).",
	    cmd_batch,
	    "  -f, --format FMT    csv (default, with a header line) or jsonl\n"
	    "  -i, --input FMT     yaml or jsonl (default: jsonl for *.jsonl "
	    "and *.ndjson,\n"
	    "                      else yaml; - reads standard input)\n"
	    "      --fail-fast     stop at the first bad document\n"
	    "  -o, --output FILE   write there (atomically) instead of "
	    "standard output\n" },
	{ "patterns", "[PATTERN]",
	    "List the knowledge base's patterns, or show one in full.",
	    cmd_patterns, "" },
	{ "questions", "",
	    "List the questions, by section, with the values they accept.",
	    cmd_questions, "" },
	{ "tui", "[--answers FILE]",
	    "The full-screen questionnaire: answer, see the ranking move and "
	    "why.\nSaves the answers and exports the report. What "
	    "'archadvisor' alone starts on a\nterminal.",
	    cmd_tui,
	    "  -a, --answers FILE  start from these answers; s saves back "
	    "there (a file that\n"
	    "                      does not exist yet is created by the "
	    "first save)\n" },
	{ "ask", "[--answers FILE] [-o FILE]",
	    "Answer the questionnaire line by line, without a full-screen "
	    "interface: for\nscreen readers, plain terminals and scripts "
	    "(one answer per line on standard\ninput). Prints the report at "
	    "the end and saves the answers.",
	    cmd_ask,
	    "  -a, --answers FILE  start from these answers (and save back "
	    "to the file)\n"
	    "  -o, --output FILE   save the answers there (atomically)\n" },
	{ "check", "[PATH]",
	    "Validate a knowledge base (PATH, --rules, $ARCHADVISOR_RULES or "
	    "the stock one);\nproblems are printed as file:line:col: message.",
	    cmd_check,
	    "      --strict        treat warnings (rules that can never fire, "
	    "duplicates, ...)\n"
	    "                      as errors\n" },
	{ "precedents", "[--answers FILE|-] [--set ID=VALUE]... [--format "
	    "text|json]",
	    "Show the public case studies nearest to a scenario: who chose "
	    "what in a similar\nsituation, and what happened. Without answers, "
	    "every case. Precedents never\nchange a score.",
	    cmd_precedents,
	    "  -a, --answers FILE  answers file (YAML; - reads standard "
	    "input)\n"
	    "  -s, --set ID=VALUE  answer one question; repeatable\n"
	    "  -f, --format FMT    text (default) or json\n"
	    "  -n, --count N       how many cases to show (default 5)\n"
	    "  -A, --agreement     run every case through the engine and "
	    "count how often its\n"
	    "                      choice comes first and in the top two\n"
	    "  -o, --output FILE   write there instead of standard output\n" },
	{ "diff", "A.yaml B.yaml [--format text|json|markdown]",
	    "Compare two scenarios: the answers that differ, both rankings, "
	    "the rules that\nstarted or stopped firing. Exits 0 when the "
	    "recommendation is the same, 1 when\nit differs, 2 or more on "
	    "errors (as diff(1) does).",
	    cmd_diff,
	    "  -f, --format FMT    text (default), json or markdown\n"
	    "  -o, --output FILE   write there instead of standard output\n" },
	{ "complete", "commands|options|formats|operands|patterns|"
	    "questions|values [ARG]",
	    "Print words for shell completion, one per line.\nThe bash "
	    "and zsh completion scripts ask for: commands; options, formats "
	    "or\noperands of a COMMAND; pattern and question ids; values of "
	    "QUESTION. Ids come\nfrom the knowledge base, extensions "
	    "included.",
	    cmd_complete, "" },
};

static const struct command *
find_command(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return (&commands[i]);
	return (NULL);
}

/*
 * The operands of cmd, as its usage line names them ("PATTERN", "FILE|-..."
 * when repeatable): what is left of the line without the bracketed
 * options, one a line.
 */
static void
complete_operands(const struct command *cmd)
{
	const char	*p = cmd->args;
	size_t		 k;
	int		 depth;

	while (*p != '\0') {
		p += strspn(p, " ");
		if (p[0] == '[' && p[1] == '-') {
			for (depth = 0; *p != '\0'; p++)
				if (*p == '[')
					depth++;
				else if (*p == ']' && --depth == 0)
					break;
			if (*p != '\0')
				p++;
			p += strspn(p, ".");
			continue;
		}
		k = strcspn(p, " ");
		if (k > 0) {
			/* "[PATTERN]" -> "PATTERN"; "[FILE|-]..." keeps "...". */
			printf("%.*s%s\n", (int)strcspn(p + (*p == '['), "] "),
			    p + (*p == '['), k >= 3 &&
			    strncmp(p + k - 3, "...", 3) == 0 ? "..." : "");
		}
		p += k;
	}
}

/*
 * complete: words for the shell completion scripts, one per line, from
 * this very program and knowledge base (so extensions complete too).
 */
static int
cmd_complete(int argc, char **argv, struct globals *g)
{
	const struct command	*cmd = find_command("complete"), *of = NULL;
	const struct question	*q;
	struct helpopt		 hs[64];
	struct kb		*kb = NULL;
	const char		*what;
	size_t			 i, n;
	int			 rc, qi;

	if ((rc = simple_options(cmd, argc, argv, g)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	argc -= optind;
	argv += optind;
	if (argc < 1 || argc > 2)
		return (usage_error(cmd, "what to complete? commands, options, "
		    "formats, operands, patterns, questions or values"));
	what = argv[0];
	if (argc == 2 && strcmp(what, "values") != 0 &&
	    (of = find_command(argv[1])) == NULL)
		return (usage_error(cmd, "unknown command '%s'", argv[1]));
	if (strcmp(what, "commands") == 0) {
		for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
			printf("%s\n", commands[i].name);
	} else if (strcmp(what, "options") == 0) {
		n = help_options(of, hs, sizeof hs / sizeof hs[0]);
		for (i = 0; i < n; i++) {
			if (hs[i].name[0] != '\0')
				printf("--%s%s%s\n", hs[i].name, hs[i].arg[0] ?
				    "\t" : "", hs[i].arg);
			if (hs[i].shortopt != 0)
				printf("-%c%s%s\n", hs[i].shortopt,
				    hs[i].arg[0] ? "\t" : "", hs[i].arg);
		}
	} else if (strcmp(what, "formats") == 0)
		complete_formats(of);
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
		else if (argc == 2 && (qi = kb_question_index(kb,
		    argv[1])) >= 0) {
			q = &kb->questions[qi];
			if (q->dom.type == VAL_BOOL)
				printf("true\nfalse\n");
			for (i = 0; i < q->dom.nnames; i++)
				printf("%s\n", q->dom.names[i]);
		}
		kb_free(kb);
	} else
		return (usage_error(cmd, "cannot complete '%s'", what));
	return (EXIT_OK);
}

static void
usage(FILE *fp)
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
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(fp, "  %-10s %.*s\n", commands[i].name,
		    (int)strcspn(commands[i].summary, "\n"),
		    commands[i].summary);
	fputs("\nglobal options:\n"
	    "  -r, --rules PATH  knowledge base or extension: a directory of "
	    "*.yaml, a\n"
	    "                    file or -; repeatable\n"
	    "      --color WHEN  auto (default), always or never\n"
	    "      --version     show the version and the knowledge base's "
	    "files\n"
	    "  -h, --help        show this help\n\n"
	    "examples:\n"
	    "  archadvisor report --set latency=2m --set "
	    "realtime_outputs=true\n"
	    "  archadvisor report --answers team.yaml --format json\n"
	    "  archadvisor explain lambda --answers team.yaml\n\n"
	    "'archadvisor COMMAND --help' describes each command.\n", fp);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		COMMON_LONGOPTS,
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ NULL, 0, NULL, 0 }
	};
	/* Static, so the --rules list stays reachable however we leave. */
	static struct globals	 g = { NULL, 0, COLOR_AUTO };
	const struct command	*cmd;
	bool			 version = false, plain = false;
	const char		*term = getenv("TERM");
	int			 c, rc;

	setlocale(LC_CTYPE, "");
	/* Our messages say "archadvisor: ...", in one line, not getopt's. */
	opterr = 0;
	cur_argv = argv;
	/* "+": stop at the subcommand; its options are its own. */
	while ((c = getopt_long(argc, argv, "+r:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_VERSION:
			version = true;
			break;
		case OPT_PLAIN:
			plain = true;
			break;
		case 'h':
			usage(stdout);
			return (EXIT_OK);
		default:
			if ((rc = common_option(NULL, c, &g)) != 0)
				return (rc);
		}
	}
	if (version)
		return (print_version(&g));
	if (optind >= argc) {
		/*
		 * On a terminal, no command means the questionnaire: in plain
		 * lines with --plain or on a dumb terminal, else full-screen.
		 */
		if (plain || (term != NULL && strcmp(term, "dumb") == 0 &&
		    isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
			static char	 name[] = "ask";
			char		*ask_argv[] = { name, NULL };

			optind = 0;
			return (cmd_ask(1, ask_argv, &g));
		}
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			static char	 name[] = "tui";
			char		*tui_argv[] = { name, NULL };

			optind = 0;
			return (cmd_tui(1, tui_argv, &g));
		}
		usage(isatty(STDOUT_FILENO) ? stdout : stderr);
		return (isatty(STDOUT_FILENO) ? EXIT_OK : EXIT_USAGE);
	}
	if ((cmd = find_command(argv[optind])) == NULL)
		return (usage_error(NULL, "unknown command '%s'",
		    argv[optind]));
	argc -= optind;
	argv += optind;
	cur_argv = argv;
	/* 0 makes glibc start afresh, forgetting the "+" of the first scan. */
	optind = 0;
	return (cmd->run(argc, argv, &g));
}
