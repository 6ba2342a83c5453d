/*
 * common: what every command needs: one-line messages and usage errors,
 * colour and UTF-8 decisions, the knowledge base (stock, --rules, rules.d),
 * the answers of --answers and --set, and output written atomically.
 */
#include <errno.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers_load.h"
#include "cli.h"
#include "diag.h"
#include "escape.h"
#include "kb_layers.h"
#include "kb_load.h"
#include "outfile.h"
#include "version.h"
#include "xmalloc.h"

void
errx_line(const char *fmt, ...)
{
	va_list	ap;

	fputs("archadvisor: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
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

int
status_of(enum load_status st)
{
	return (st == LOAD_NOT_FOUND ? EXIT_NOINPUT : EXIT_DATAERR);
}

bool
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

bool
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
void
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
int
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

void
print_for_people(const char *fmt, ...)
{
	va_list	 ap;
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*mem;

	if ((mem = open_memstream(&buf, &len)) == NULL)
		return;
	va_start(ap, fmt);
	vfprintf(mem, fmt, ap);
	va_end(ap);
	if (fclose(mem) == 0)
		(void)escape_terminal_copy(stdout, buf, len);
	free(buf);
}

/* --version: the program, then the knowledge base and each of its files. */
int
print_version(const struct globals *g)
{
	struct kb	*kb;
	size_t		 i;
	int		 rc;

	printf("archadvisor %s\n", ARCHADVISOR_VERSION);
	fflush(stdout);
	if ((rc = load_kb(g, &kb)) != 0)
		return (rc);
	print_for_people("knowledge base: %s %s\n", kb->name, kb->version);
	for (i = 0; i < kb->files.n; i++)
		print_for_people("  %s%s\n", kb->files.items[i],
		    i < kb->nbuiltin ? " (built in)" : "");
	kb_free(kb);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		errx_line("standard output: %s", strerror(errno));
		return (EXIT_CANTCREAT);
	}
	return (EXIT_OK);
}

void
add_rules(struct globals *g, const char *path)
{
	g->rules = xreallocarray(g->rules, g->nrules + 1, sizeof *g->rules);
	g->rules[g->nrules++] = path;
}

void
scenario_free(struct scenario_opts *so)
{
	free(so->sets);
}

/* Builds the answers from --answers and then each --set, in order. */
int
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

int
cli_stdin_once(const struct command *cmd, int n, char *const *files)
{
	int	i, seen = 0;

	for (i = 0; i < n; i++)
		if (strcmp(files[i], "-") == 0 && seen++)
			return (usage_error(cmd, "only one of the files can be "
			    "standard input"));
	return (0);
}

int
load_answer_files(const struct kb *kb, char *const *files, size_t n,
    struct answer_files *af)
{
	struct scenario_opts	so = { NULL, NULL, 0 };
	int			rc;

	af->a = xcalloc(n, sizeof *af->a);
	af->ap = xcalloc(n, sizeof *af->ap);
	af->vals = xcalloc(n, sizeof *af->vals);
	for (af->n = 0; af->n < n; af->n++) {
		so.answers = files[af->n];
		if ((rc = load_answers(kb, &so, &af->a[af->n])) != 0) {
			/* What was read of it is freed with the rest. */
			af->n++;
			return (rc);
		}
		af->ap[af->n] = &af->a[af->n];
		af->vals[af->n] = af->a[af->n].v;
	}
	return (0);
}

void
answer_files_free(struct answer_files *af)
{
	size_t	i;

	for (i = 0; i < af->n; i++)
		answers_free(&af->a[i]);
	free(af->a);
	free(af->ap);
	free(af->vals);
	memset(af, 0, sizeof *af);
}

int
cli_output_option(const struct command *cmd, void *state, int id,
    const char *value)
{
	struct cli_output	*o = state;

	(void)cmd;
	if (id == 'f')
		o->format = value;
	else if (id == 'o')
		o->output = value;
	return (0);
}

/* Writes through fn to path ("-"/NULL: stdout) atomically. */
/*
 * Output for people goes through the control-character policy
 * (escape_terminal_copy), whatever the writer and wherever the strings in
 * it came from.
 */
static int
write_for_people(FILE *fp, int (*fn)(FILE *, const void *), const void *arg)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*mem;
	int	 rc;

	if ((mem = open_memstream(&buf, &len)) == NULL)
		return (-1);
	rc = fn(mem, arg);
	if (fclose(mem) != 0)
		rc = -1;
	if (rc == 0)
		rc = escape_terminal_copy(fp, buf, len);
	free(buf);
	return (rc);
}

int
write_output(const char *path, int (*fn)(FILE *, const void *),
    const void *arg, bool people)
{
	struct outfile	o;
	char		err[1024];

	if (outfile_open(&o, path, err, sizeof err) != 0) {
		errx_line("%s", err);
		return (EXIT_CANTCREAT);
	}
	if ((people ? write_for_people(o.fp, fn, arg) : fn(o.fp, arg)) != 0) {
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

void
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

bool
scenario_option(struct scenario_opts *so, int id, const char *value)
{
	if (id == 'a')
		so->answers = value;
	else if (id == 's')
		so->sets[so->nsets++] = value;
	else
		return (false);
	return (true);
}

void
scenario_init(struct scenario_opts *so, int argc)
{
	so->answers = NULL;
	so->sets = xcalloc((size_t)argc + 1, sizeof *so->sets);
	so->nsets = 0;
}

bool
to_stdout(const char *path)
{
	return (path == NULL || strcmp(path, "-") == 0);
}
