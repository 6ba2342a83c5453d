/*
 * cli: archadvisor's command line. Each command is a file of its own
 * (cmd_<name>.c) with a `struct command` in the table of commands.c: its
 * name, usage, summary and options as data, from which the option parser,
 * --help, option errors and shell completion are all made. The commands
 * load the knowledge base and answers through the library and map every
 * failure to one line on stderr and an exit status of exits.h.
 *
 * Borrowed: every pointer in these structs points at static data or at
 * argv; nothing here is freed by the caller unless a function says so.
 */
#ifndef ARCHADVISOR_CLI_H
#define ARCHADVISOR_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "answers.h"
#include "diag.h"
#include "exits.h"
#include "kb.h"
#include "kb_load.h"
#include "report.h"

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* Options that every command accepts. */
struct globals {
	const char	**rules;	/* each --rules PATH, in order */
	size_t		  nrules;
	enum color_mode	  color;
};

/* Ids of options without a short letter (a short option's id is its
   letter). */
enum {
	OPT_COLOR = 1000,
	OPT_VERSION,
	OPT_PLAIN,
	OPT_ADR_DIR,
	OPT_FAIL_FAST,
	OPT_STRICT,
	OPT_EXCEL,
	OPT_ADR_TEMPLATE,
};

/* What an option's value is, so that completion offers the right words. */
enum cli_value {
	CLI_VALUE_NONE,		/* takes no value */
	CLI_VALUE_TEXT,		/* free text or a number: nothing to offer */
	CLI_VALUE_FILE,		/* a file (or directory) name */
	CLI_VALUE_DIR,		/* a directory name */
	CLI_VALUE_FORMAT,	/* one of the command's formats */
	CLI_VALUE_CHOICE,	/* one of the option's choices */
	CLI_VALUE_ANSWER,	/* ID=VALUE: a question id and its value */
};

/* One option of a command, as --help shows it and getopt reads it. */
struct cli_option {
	int			 id;	/* short letter, or an OPT_* id */
	const char		*name;	/* long name without "--"; NULL
					   ends a list */
	const char		*arg;	/* the value's name ("FILE"), or
					   NULL */
	const char		*help;	/* one sentence, wrapped by --help */
	enum cli_value		 value;	/* what arg is */
	const char *const	*choices; /* CLI_VALUE_CHOICE: the words it
					   accepts, NULL ended */
};

/* Options several commands share, worded once. */
#define CLI_OPT_ANSWERS	{ 'a', "answers", "FILE", "answers file (YAML; - " \
			    "reads standard input)", CLI_VALUE_FILE, NULL }
#define CLI_OPT_SET	{ 's', "set", "ID=VALUE", "answer one question; " \
			    "repeatable", CLI_VALUE_ANSWER, NULL }
#define CLI_OPT_TEXT_OR_JSON { 'f', "format", "FMT", "text (default) or " \
			    "json", CLI_VALUE_FORMAT, NULL }
#define CLI_OPT_DOCUMENT { 'f', "format", "FMT", "text (default), json, " \
			    "markdown or html", CLI_VALUE_FORMAT, NULL }
#define CLI_OPT_OUTPUT	{ 'o', "output", "FILE", "write there instead of " \
			    "standard output", CLI_VALUE_FILE, NULL }
#define CLI_OPT_END	{ 0, NULL, NULL, NULL, CLI_VALUE_NONE, NULL }

struct command;

/* A command's handler for one of its own options: 0, or an exit status. */
typedef int	(*cli_option_fn)(const struct command *cmd, void *state,
		    int id, const char *value);

struct command {
	const char		*name;
	const char		*args;		/* usage after the name */
	const char		*summary;	/* its first line, a sentence
						   of its own within 66
						   columns, is what
						   'archadvisor --help' lists */
	const struct cli_option	*options;	/* its own; ends with a NULL
						   name */
	const char *const	*formats;	/* what --format accepts, NULL
						   ended; NULL: the report
						   writers */
	void			(*epilog)(FILE *fp); /* after the options in
						   --help, or NULL */
	int			(*run)(const struct command *cmd, int argc,
				    char **argv, struct globals *g);
};

/* options.c: the options every command accepts after its own, and
   main's own before the command. */
extern const struct cli_option	cli_common_options[], cli_global_options[];

/* The formats of a command that writes text or JSON, for its table. */
extern const char *const cli_text_or_json[];
/* Those of one that also writes Markdown and HTML (CLI_OPT_DOCUMENT). */
extern const char *const cli_document_formats[];

/* commands.c: the table, in the order --help lists them. */
extern const struct command	*const commands[];
extern const size_t		 ncommands;
const struct command		*command_find(const char *name);

/* The commands, one file each. */
extern const struct command	cmd_report, cmd_explain, cmd_batch,
				cmd_patterns, cmd_questions, cmd_tui, cmd_ask,
				cmd_check, cmd_precedents, cmd_diff,
				cmd_complete, cmd_help, cmd_workshop, cmd_review;

/*
 * options.c. cli_parse reads cmd's options from argv (getopt_long, with
 * the common ones: --rules, --color, --version, --help), calling fn for
 * each of cmd's own (fn may be NULL for a command without options of its
 * own); it leaves the operands at argv[optind..]. Returns 0,
 * -1 when --help was printed (exit 0), or an exit status after a one-line
 * message.
 */
int	cli_parse(const struct command *cmd, int argc, char **argv,
	    struct globals *g, cli_option_fn fn, void *state);
/* " (did you mean 'report'?)" for a mistyped command, or "". */
const char *cli_did_you_mean_command(const char *name);
/* main's own options, before the command: --plain sets *plain. */
int	cli_parse_global(int argc, char **argv, struct globals *g,
	    bool *plain);
void	cli_usage(FILE *fp);
void	cli_command_help(FILE *fp, const struct command *cmd);
/* cmd's options for completion, "--name<TAB>ARG" and "-c<TAB>ARG" a line
   (cmd NULL: the options before a command). */
void	cli_option_words(FILE *fp, const struct command *cmd);
/* The formats cmd's --format accepts, one a line. */
void	cli_formats(FILE *fp, const struct command *cmd);
/* Whether w is one of words (NULL ended). */
bool	cli_is_one_of(const char *const *words, const char *w);
/* Whether name is one of the formats cmd accepts. */
bool	cli_format_ok(const struct command *cmd, const char *name);
/*
 * With no --format, the format that -o's file name ends in (.html, .md,
 * .json, .txt, .csv, .jsonl ...), as pandoc reads it; none for a name
 * without an ending. An ending that cmd cannot write is a usage error, not
 * a guess. Sets *format only when it was NULL; 0 or an exit status.
 */
int	cli_format_from_path(const struct command *cmd, const char *path,
	    const char **format);
/*
 * The one way a command settles its format: --format if given, else the
 * ending of -o's file name, else deflt; one of cmd's formats, or the one
 * error message for a format it cannot write. 0 or an exit status.
 */
int	cli_format_choose(const struct command *cmd, const char *output,
	    const char **format, const char *deflt);
/* "unknown format 'x' (expected text or json)", as a usage error. */
int	cli_format_error(const struct command *cmd, const char *name);

/*
 * complete_line.c: what the shell may put in place of the last of words
 * (the command line after the program's name, the word being typed
 * last), one "WORD" or "WORD<TAB>description" a line, then ":files",
 * ":dirs" or ":nospace" when the shell should add file names, directory
 * names, or no space after the word. Returns an exit status.
 */
int	complete_line(struct globals *g, int nwords, char **words);
/*
 * The first operand a usage line names at or after p, skipping its
 * bracketed options: its name into buf without brackets or "..."
 * ("[FILE|-]..." gives "FILE|-"), *repeats when it ends in "...".
 * Returns where the next one may start, or NULL when there is none.
 */
const char *cli_usage_operand(const char *p, char *buf, size_t bufsz,
	    bool *repeats);

/* common.c: messages, the knowledge base, answers and output. */
void	errx_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int	usage_error(const struct command *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	status_of(enum load_status st);
/* printf to standard output through escape.h's control-character policy. */
void	print_for_people(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
bool	use_color(const struct globals *g, bool to_terminal);
bool	use_utf8(void);
void	print_problems(const struct diag *d);
void	add_rules(struct globals *g, const char *path);
int	load_kb(const struct globals *g, struct kb **kb);
int	print_version(const struct globals *g);

/* Options that choose a scenario: --answers and each --set, in order. */
struct scenario_opts {
	const char	 *answers;
	const char	**sets;
	size_t		  nsets;
};

void	scenario_init(struct scenario_opts *so, int argc);
/* --answers (-a) and --set (-s) into so; false for any other option. */
bool	scenario_option(struct scenario_opts *so, int id, const char *value);
void	scenario_free(struct scenario_opts *so);
int	load_answers(const struct kb *kb, const struct scenario_opts *so,
	    struct answers *a);
/* A usage error when more than one of files is "-" (standard input). */
int	cli_stdin_once(const struct command *cmd, int n, char *const *files);

/* Answers files read together, for the commands that compare them. */
struct answer_files {
	struct answers		 *a;	/* one per file, owned */
	const struct answers	**ap;	/* &a[i] */
	const struct value	**vals;	/* a[i].v */
	size_t			  n;	/* how many of a to free */
};

/*
 * Loads files[0..n) in order into af, stopping at the first that fails
 * (its problems printed): 0 or its exit status. Either way the caller
 * frees af with answer_files_free.
 */
int	load_answer_files(const struct kb *kb, char *const *files, size_t n,
	    struct answer_files *af);
void	answer_files_free(struct answer_files *af);

/* A command whose own options are only --format and --output. */
struct cli_output {
	const char	*format, *output;
};

/* The cli_option_fn of such a command; state is its struct cli_output. */
int	cli_output_option(const struct command *cmd, void *state, int id,
	    const char *value);

/*
 * Writes through fn to path ("-"/NULL: stdout), atomically; with people,
 * through the control-character policy of escape.h (every format but
 * JSON and YAML, which escape for themselves and carry data).
 */
int	write_output(const char *path, int (*fn)(FILE *, const void *),
	    const void *arg, bool people);
void	ctx_init(struct report_ctx *ctx, const struct kb *kb,
	    const struct globals *g, bool to_stdout);
/* True when path (from -o) means standard output. */
bool	to_stdout(const char *path);

#endif
