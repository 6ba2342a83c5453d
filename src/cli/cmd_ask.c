/*
 * ask: the questionnaire in plain lines; at the end the report, and the
 * answers saved to -o (or back to --answers) atomically. Nothing typed is
 * lost: "save" saves mid-way, and "quit", Ctrl-D or Ctrl-C save the
 * answers given to the file; without one, a terminal is asked for a file
 * name, and a pipe gets them on standard error as a ready answers file.
 *
 * Exit status: 0 when the questionnaire was finished, or stopped with
 * "quit" once the answers are saved (or none were given); 130 when it was
 * interrupted (Ctrl-C, or input that ends before the last question), and
 * when "quit" leaves answers unsaved: never 65 for a person who stopped.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers_yaml.h"
#include "ask.h"
#include "ask_edit.h"
#include "cli.h"
#include "advice.h"
#include "xmalloc.h"

#define EXIT_INTERRUPTED	130	/* 128 + SIGINT, as shells report it */

struct ask_state {
	struct scenario_opts	 so;
	const char		*output;
};

/* Where the answers go, as the questionnaire goes on. */
struct keeper {
	const struct kb		*kb;
	const struct ask_io	*io;
	const char		*output;	/* the file, or NULL */
	char			*chosen;	/* a name typed at the prompt */
	bool			 terminal;	/* may ask for a name */
	bool			 declined;	/* "-" at that prompt */
	int			 failed;	/* exit status of a failed
						   write, or 0 */
};

struct answers_arg {
	const struct kb		*kb;
	const struct answers	*a;
};

static int
call_text_report(FILE *fp, const void *arg)
{
	return (report_write_text(fp, arg));
}

static int
call_answers_yaml(FILE *fp, const void *arg)
{
	const struct answers_arg	*aa = arg;

	return (answers_yaml_write(fp, aa->kb, aa->a));
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

static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return (s);
}

static bool
exists(const char *path)
{
	struct stat	sb;

	return (stat(path, &sb) == 0);
}

/* A yes-or-no question at the prompt; Ctrl-D or Ctrl-C say no. */
static bool
confirm(const struct keeper *k, const char *prompt)
{
	char		*buf = NULL, *line;
	size_t		 cap = 0;
	bool		 yes = false;

	for (;;) {
		if (ask_read_line(k->io, prompt, NULL, &buf, &cap, &line) !=
		    ASK_LINE)
			break;
		line = trim(line);
		if (strchr("yY", line[0]) != NULL && line[0] != '\0') {
			yes = true;
			break;
		}
		if (strchr("nN", line[0]) != NULL && line[0] != '\0')
			break;
	}
	free(buf);
	return (yes);
}

/*
 * On a terminal without -o: the file to save to, offering a name that is
 * free ("answers.yaml", "answers-2.yaml" ...). NULL when the person says
 * "-" (k->declined) or the input ends or is interrupted.
 */
static const char *
choose_file(struct keeper *k)
{
	char	 offer[64], prompt[160], *buf = NULL, *line;
	size_t	 cap = 0;
	int	 i;

	snprintf(offer, sizeof offer, "answers.yaml");
	for (i = 2; i < 1000 && exists(offer); i++)
		snprintf(offer, sizeof offer, "answers-%d.yaml", i);
	snprintf(prompt, sizeof prompt, "Save the answers to which file? "
	    "(Enter: %s; - : don't save) ", offer);
	while (k->chosen == NULL) {
		if (ask_read_line(k->io, prompt, NULL, &buf, &cap, &line) !=
		    ASK_LINE) {
			fputc('\n', stdout);
			break;
		}
		line = trim(line);
		if (strcmp(line, "-") == 0) {
			k->declined = true;
			break;
		}
		if (line[0] == '\0')
			line = offer;
		if (exists(line)) {
			char	q[600];

			snprintf(q, sizeof q, "%s exists: replace it? "
			    "(y or n) ", line);
			if (!confirm(k, q))
				continue;
		}
		k->chosen = xstrdup(line);
	}
	free(buf);
	return (k->chosen);
}

/* Saves a to the keeper's file; 0, or -1 (the reason said). */
static int
keep_answers(struct keeper *k, const struct answers *a, const char *lead)
{
	struct answers_arg	 aa = { k->kb, a };
	const char		*path = k->output;
	int			 rc;

	if (path == NULL && k->terminal && !k->declined)
		path = k->output = choose_file(k);
	if (path == NULL)
		return (-1);
	if ((rc = write_output(path, call_answers_yaml, &aa, false)) != 0) {
		k->failed = rc;
		return (-1);
	}
	k->failed = 0;
	print_for_people("%sAnswers saved to %s.\n", lead, path);
	return (0);
}

/* The "save" word. */
static int
save_word(void *arg, const struct answers *a)
{
	struct keeper	*k = arg;
	int		 rc;

	if (k->output == NULL && !k->terminal) {
		print_for_people("  Not saved: there is no file to save to "
		    "(give -o FILE). If you stop, the answers are printed on "
		    "standard error.\n");
		return (-1);
	}
	k->declined = false;
	rc = keep_answers(k, a, "  ");
	/* "-" declines this save only: the end asks again. */
	k->declined = false;
	return (rc);
}

/*
 * The answers given so far, on standard error as an answers file: the
 * lines before them are YAML comments, so all of it can be kept as is.
 */
static void
dump_answers(const struct kb *kb, const struct answers *a, bool early)
{
	fflush(stdout);
	fprintf(stderr, "# archadvisor: %s\n# not saved to a file. Here they "
	    "are, as an answers file: save them and\n# carry on with "
	    "'archadvisor ask --answers FILE'.\n", early ? "stopped before the "
	    "last question; the answers given were" : "the questionnaire is "
	    "finished, but its answers were");
	if (answers_yaml_write(stderr, kb, a) != 0 || fflush(stderr) != 0)
		errx_line("cannot write the answers to standard error: %s",
		    strerror(errno ? errno : EIO));
}

/* The questionnaire stopped early: keeps what was given; exit status. */
static int
stopped(struct keeper *k, const struct answers *a, enum ask_end how,
    size_t given)
{
	bool	kept;

	if (given == 0) {
		print_for_people("Nothing was answered; nothing to save.\n");
		kept = true;
	} else if ((kept = keep_answers(k, a, "") == 0))
		print_for_people("To carry on: archadvisor ask --answers %s\n",
		    k->output);
	else if (!k->declined)
		dump_answers(k->kb, a, true);
	if (k->failed != 0 && how == ASK_QUIT)
		return (k->failed);
	return (how == ASK_QUIT && kept ? EXIT_OK : EXIT_INTERRUPTED);
}

/* The questionnaire finished: the report, then the answers saved. */
static int
finished(struct keeper *k, const struct kb *kb, const struct globals *g,
    const struct answers *a)
{
	struct report_ctx	 ctx;
	struct advice		 adv;
	int			 rc;

	advice_init(&adv, kb, ADVICE_ALL, ADVICE_NPRECEDENTS);
	advice_update(&adv, a->v);
	ctx_init(&ctx, kb, g, true);
	ctx.color = g->color == COLOR_ALWAYS;
	ctx.answers = a;
	report_use_advice(&ctx, &adv);
	fputc('\n', stdout);
	if ((rc = write_output(NULL, call_text_report, &ctx, true)) != 0)
		goto out;
	fputc('\n', stdout);
	if (keep_answers(k, a, "") == 0)
		rc = EXIT_OK;
	else if (k->failed != 0) {
		dump_answers(kb, a, false);
		rc = k->failed;
	} else if (k->terminal && !k->declined) {
		/* Ctrl-D or Ctrl-C at the file name: nothing is lost. */
		dump_answers(kb, a, false);
		rc = EXIT_INTERRUPTED;
	} else
		printf("Answers not saved%s.\n", k->terminal ? "" :
		    ": give -o FILE to keep them");
out:
	advice_free(&adv);
	return (rc);
}

static int
run_ask(const struct command *cmd, int argc, char **argv, struct globals *g)
{
	struct ask_state	 st = { { NULL, NULL, 0 }, NULL };
	struct ask_io		 io;
	struct keeper		 k;
	struct answers		 a = { NULL, 0, NULL, NULL, NULL };
	struct ask_editor	*ed = NULL;
	struct kb		*kb = NULL;
	const char		*term = getenv("TERM");
	enum ask_end		 how;
	size_t			 given;
	int			 rc;

	if ((rc = cli_parse(cmd, argc, argv, g, ask_option, &st)) != 0)
		return (rc < 0 ? EXIT_OK : rc);
	if (optind < argc)
		return (usage_error(cmd, "unexpected argument '%s'",
		    argv[optind]));
	if ((rc = load_kb(g, &kb)) != 0)
		return (rc);
	if ((rc = load_answers(kb, &st.so, &a)) != 0)
		goto out;
	memset(&io, 0, sizeof io);
	memset(&k, 0, sizeof k);
	io.in = stdin;
	io.out = stdout;
	io.width = 80;
	k.kb = kb;
	k.io = &io;
	k.output = st.output;
	if (k.output == NULL && st.so.answers != NULL &&
	    strcmp(st.so.answers, "-") != 0)
		k.output = st.so.answers;
	k.terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	io.echo = !isatty(STDIN_FILENO);
	/* A dumb terminal cannot be edited on: plain lines there. */
	if (k.terminal && (term == NULL || strcmp(term, "dumb") != 0) &&
	    (ed = ask_editor_new("archadvisor", stdin, stdout)) != NULL) {
		io.read = ask_editor_read;
		io.read_arg = ed;
	}
	io.save = save_word;
	io.save_arg = &k;
	ask_catch_sigint();
	how = ask_run(kb, &a, &io, &given);
	rc = how == ASK_DONE ? finished(&k, kb, g, &a) :
	    stopped(&k, &a, how, given);
	ask_release_sigint();
out:
	ask_editor_free(ed);
	free(k.chosen);
	answers_free(&a);
	kb_free(kb);
	scenario_free(&st.so);
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
