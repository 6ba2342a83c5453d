/*
 * complete_line: the candidates for the word being typed on an archadvisor
 * command line, for the bash, zsh and fish completion scripts. The line is
 * read as the option parser reads it, from the same tables (the commands,
 * their options and what each option's value is, their formats and usage
 * lines), so that completion cannot disagree with the program; the scripts
 * only pass the words and show what comes back.
 */
#include <string.h>

#include "cli.h"
#include "utf8.h"

/* Where the line stands once every word before the last is read. */
struct line {
	const struct command	*cmd;	/* NULL: before the command */
	const char		*operand[2]; /* the first operands */
	size_t			 noperands;
	bool			 unknown; /* a command that does not exist */
	bool			 dashdash; /* after "--": operands only */
};

/* What `complete` completes, in the order its usage line names them. */
static const struct {
	const char	*word, *desc;
} what_words[] = {
	{ "commands", "the commands" },
	{ "options", "the options of a command" },
	{ "formats", "what --format of a command accepts" },
	{ "operands", "the operands a command's usage names" },
	{ "patterns", "the knowledge base's pattern ids" },
	{ "questions", "the knowledge base's question ids" },
	{ "values", "the values a question accepts" },
	{ "line", "candidates for the last word of a command line" },
};

/*
 * A description for a shell to show beside a word: one line, no control
 * characters, cut short at the first "; " or " (" and within 60 bytes.
 */
static void
describe(const char *text, char *buf, size_t bufsz)
{
	char	line[256];
	size_t	i, k = 0;
	int	depth = 0;

	/* Parentheses left out, and what follows "; ". */
	for (i = 0; text[i] != '\0' && k + 1 < sizeof line; i++) {
		if (text[i] == ' ' && text[i + 1] == '(')
			continue;
		if (text[i] == '(' || (text[i] == ')' && depth > 0)) {
			depth += text[i] == '(' ? 1 : -1;
			continue;
		}
		if (depth > 0)
			continue;
		if (text[i] == ';' && text[i + 1] == ' ')
			break;
		line[k++] = (unsigned char)text[i] < 0x20 ||
		    text[i] == 0x7f ? ' ' : text[i];
	}
	line[k] = '\0';
	text_printf(buf, bufsz, "%s", line);
}

/* Offers keep+word when word starts with typed; desc may be NULL. */
static void
offer(const char *keep, const char *word, const char *typed,
    const char *desc)
{
	char	d[72];

	if (strncmp(word, typed, strlen(typed)) != 0)
		return;
	if (desc == NULL || desc[0] == '\0') {
		printf("%s%s\n", keep, word);
		return;
	}
	describe(desc, d, sizeof d);
	printf("%s%s\t%s\n", keep, word, d);
}

static void
offer_commands(const char *typed)
{
	size_t	i;
	char	first[128];

	for (i = 0; i < ncommands; i++) {
		snprintf(first, sizeof first, "%.*s",
		    (int)strcspn(commands[i]->summary, "\n"),
		    commands[i]->summary);
		offer("", commands[i]->name, typed, first);
	}
}

/* The option named by the len bytes at name among own and the common
   ones: exactly, else as the only one it begins (as getopt_long takes). */
static const struct cli_option *
find_long(const struct cli_option *own, const char *name, size_t len)
{
	const struct cli_option	*lists[2] = { own, cli_common_options };
	const struct cli_option	*found = NULL;
	size_t			 l, i;
	int			 n = 0;

	for (l = 0; l < 2; l++)
		for (i = 0; lists[l] != NULL && lists[l][i].name != NULL;
		    i++) {
			if (strncmp(lists[l][i].name, name, len) != 0)
				continue;
			if (lists[l][i].name[len] == '\0')
				return (&lists[l][i]);
			found = &lists[l][i];
			n++;
		}
	return (n == 1 ? found : NULL);
}

static const struct cli_option *
find_short(const struct cli_option *own, int c)
{
	const struct cli_option	*lists[2] = { own, cli_common_options };
	size_t			 l, i;

	for (l = 0; l < 2; l++)
		for (i = 0; lists[l] != NULL && lists[l][i].name != NULL; i++)
			if (lists[l][i].id == c)
				return (&lists[l][i]);
	return (NULL);
}

static const struct cli_option *
own_options(const struct line *ln)
{
	return (ln->cmd != NULL ? ln->cmd->options : cli_global_options);
}

/*
 * The option that word is, if it takes a value that is not in word
 * itself (so the next word is that value); --rules values are added to g
 * so that the knowledge base they name completes.
 */
static const struct cli_option *
read_option(struct line *ln, const char *word, const char *next,
    struct globals *g)
{
	const struct cli_option	*o = NULL;
	const char		*eq;
	size_t			 i;

	if (word[1] == '-') {
		eq = strchr(word, '=');
		o = find_long(own_options(ln), word + 2, eq != NULL ?
		    (size_t)(eq - word - 2) : strlen(word + 2));
		if (o == NULL || o->arg == NULL)
			return (NULL);
		if (eq != NULL) {
			if (o->id == 'r')
				add_rules(g, eq + 1);
			return (NULL);
		}
	} else
		for (i = 1; word[i] != '\0'; i++) {
			o = find_short(own_options(ln), (unsigned char)word[i]);
			if (o == NULL)
				return (NULL);
			if (o->arg == NULL)
				continue;
			if (word[i + 1] != '\0') {
				if (o->id == 'r')
					add_rules(g, word + i + 1);
				return (NULL);
			}
			break;
		}
	if (o == NULL || o->arg == NULL)
		return (NULL);
	if (o->id == 'r' && next != NULL)
		add_rules(g, next);
	return (o);
}

/* The knowledge base, loaded once and only when a word needs it. */
static struct kb	*line_kb;
static bool		 line_kb_tried;

static struct kb *
kb_of(struct globals *g)
{
	if (!line_kb_tried) {
		line_kb_tried = true;
		if (load_kb(g, &line_kb) != 0)
			line_kb = NULL;
	}
	return (line_kb);
}

static void
offer_patterns(struct globals *g, const char *typed)
{
	struct kb	*kb = kb_of(g);
	size_t		 i;

	for (i = 0; kb != NULL && i < kb->npatterns; i++)
		offer("", kb->patterns[i].id, typed, kb->patterns[i].name);
}

static void
offer_questions(struct globals *g, const char *keep, const char *typed,
    const char *suffix)
{
	struct kb	*kb = kb_of(g);
	char		 w[256];
	size_t		 i;

	for (i = 0; kb != NULL && i < kb->nquestions; i++) {
		snprintf(w, sizeof w, "%s%s", kb->questions[i].id, suffix);
		offer(keep, w, typed, kb->questions[i].prompt);
	}
}

/* ID=VALUE: a question id and "=", or one of its values after it (after
   the last comma, for a set). */
static void
offer_answer(struct globals *g, const char *keep, const char *typed)
{
	const struct question	*q;
	struct kb		*kb = kb_of(g);
	const char		*eq = strchr(typed, '='), *v;
	char			 k[512];
	size_t			 i;
	int			 qi;

	if (eq == NULL) {
		offer_questions(g, keep, typed, "=");
		printf(":nospace\n");
		return;
	}
	snprintf(k, sizeof k, "%.*s", (int)(eq - typed), typed);
	if (kb == NULL || (qi = kb_question_index(kb, k)) < 0)
		return;
	q = &kb->questions[qi];
	v = eq + 1;
	if (q->dom.type == VAL_SET && strrchr(v, ',') != NULL)
		v = strrchr(v, ',') + 1;
	snprintf(k, sizeof k, "%s%.*s", keep, (int)(v - typed), typed);
	if (q->dom.type == VAL_BOOL) {
		offer(k, "true", v, NULL);
		offer(k, "false", v, NULL);
	}
	for (i = 0; i < q->dom.nnames; i++)
		offer(k, q->dom.names[i], v, NULL);
}

/* The value of option o, typed so far; keep is what precedes it in the
   word ("--format=", or ""). */
static void
offer_value(const struct line *ln, const struct cli_option *o,
    struct globals *g, const char *keep, const char *typed)
{
	size_t	i;

	switch (o->value) {
	case CLI_VALUE_NONE:
	case CLI_VALUE_TEXT:
		break;
	case CLI_VALUE_FILE:
		printf(":files\n");
		break;
	case CLI_VALUE_DIR:
		printf(":dirs\n");
		break;
	case CLI_VALUE_FORMAT:
		if (ln->cmd != NULL && ln->cmd->formats != NULL)
			for (i = 0; ln->cmd->formats[i] != NULL; i++)
				offer(keep, ln->cmd->formats[i], typed, NULL);
		else if (ln->cmd != NULL)
			for (i = 0; i < report_nwriters; i++)
				offer(keep, report_writers[i].name, typed,
				    report_writers[i].desc);
		break;
	case CLI_VALUE_CHOICE:
		for (i = 0; o->choices[i] != NULL; i++)
			offer(keep, o->choices[i], typed, NULL);
		break;
	case CLI_VALUE_ANSWER:
		offer_answer(g, keep, typed);
		break;
	}
}

static void
offer_options(const struct line *ln, const char *typed)
{
	const struct cli_option	*lists[2] = { own_options(ln),
				    cli_common_options };
	char			 w[64];
	size_t			 l, i;

	for (l = 0; l < 2; l++)
		for (i = 0; lists[l] != NULL && lists[l][i].name != NULL;
		    i++) {
			snprintf(w, sizeof w, "--%s", lists[l][i].name);
			offer("", w, typed, lists[l][i].help);
		}
}

const char *
cli_usage_operand(const char *p, char *buf, size_t bufsz, bool *repeats)
{
	const char	*q;
	size_t		 k, n;
	int		 depth;

	for (;;) {
		if (*(p += strspn(p, " ")) == '\0')
			return (NULL);
		if (p[0] != '[' || p[1] != '-')
			break;
		/* An option in the usage line, not an operand. */
		for (depth = 0; *p != '\0'; p++)
			if (*p == '[')
				depth++;
			else if (*p == ']' && --depth == 0)
				break;
		if (*p != '\0')
			p++;
		p += strspn(p, ".");
	}
	k = strcspn(p, " ");
	q = p + (*p == '[');
	n = strcspn(q, "] ");
	if (n >= 3 && strncmp(q + n - 3, "...", 3) == 0)
		n -= 3;
	*repeats = k >= 3 && strncmp(p + k - 3, "...", 3) == 0;
	snprintf(buf, bufsz, "%.*s", (int)n, q);
	return (p + k);
}

/* The n-th operand (from 0) that cmd's usage line names, a last one
   ending in "..." repeating, into buf ("" for none). */
static void
operand_name(const struct command *cmd, size_t n, char *buf, size_t bufsz)
{
	const char	*p = cmd->args;
	char		 w[128];
	size_t		 i;
	bool		 rep;

	buf[0] = '\0';
	for (i = 0; i <= n && (p = cli_usage_operand(p, w, sizeof w, &rep)) !=
	    NULL; i++)
		snprintf(buf, bufsz, "%s", i == n || rep ? w : "");
}

/* The operand the line stands at: named by the usage line (PATTERN,
   QUESTION, COMMAND, words in lower case between '|'), else a file. */
static void
offer_operand(const struct line *ln, struct globals *g, const char *typed)
{
	char		 name[128], *w, *save;
	size_t		 i;

	if (ln->cmd == &cmd_complete) {
		if (ln->noperands == 0)
			for (i = 0; i < sizeof what_words /
			    sizeof what_words[0]; i++)
				offer("", what_words[i].word, typed,
				    what_words[i].desc);
		else if (ln->noperands == 1 &&
		    strcmp(ln->operand[0], "values") == 0)
			offer_questions(g, "", typed, "");
		else if (ln->noperands == 1 &&
		    (strcmp(ln->operand[0], "options") == 0 ||
		    strcmp(ln->operand[0], "formats") == 0 ||
		    strcmp(ln->operand[0], "operands") == 0))
			offer_commands(typed);
		return;
	}
	operand_name(ln->cmd, ln->noperands, name, sizeof name);
	if (name[0] == '\0')
		return;
	if (strcmp(name, "PATTERN") == 0)
		offer_patterns(g, typed);
	else if (strcmp(name, "QUESTION") == 0)
		offer_questions(g, "", typed, "");
	else if (strcmp(name, "COMMAND") == 0)
		offer_commands(typed);
	else if (strchr(name, '|') != NULL && strpbrk(name,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == NULL)
		for (w = strtok_r(name, "|", &save); w != NULL;
		    w = strtok_r(NULL, "|", &save))
			offer("", w, typed, NULL);
	else
		printf(":files\n");
}

int
complete_line(struct globals *g, int nwords, char **words)
{
	struct line		 ln = { NULL, { NULL, NULL }, 0, false, false };
	const struct cli_option	*o, *pending = NULL;
	const char		*cur, *eq;
	char			 keep[64];
	int			 i;

	if (nwords < 1)
		return (EXIT_OK);
	for (i = 0; i < nwords - 1; i++) {
		if (pending != NULL) {
			pending = NULL;
			continue;
		}
		if (!ln.dashdash && strcmp(words[i], "--") == 0 &&
		    ln.cmd != NULL) {
			ln.dashdash = true;
			continue;
		}
		if (!ln.dashdash && words[i][0] == '-' && words[i][1] != '\0') {
			pending = read_option(&ln, words[i], words[i + 1], g);
			continue;
		}
		if (ln.cmd == NULL) {
			if ((ln.cmd = command_find(words[i])) == NULL)
				return (EXIT_OK);
		} else if (ln.noperands < 2)
			ln.operand[ln.noperands++] = words[i];
		else
			ln.noperands++;
	}
	cur = words[nwords - 1];
	if (pending != NULL)
		offer_value(&ln, pending, g, "", cur);
	else if (!ln.dashdash && strncmp(cur, "--", 2) == 0 &&
	    (eq = strchr(cur, '=')) != NULL) {
		o = find_long(own_options(&ln), cur + 2, (size_t)(eq - cur - 2));
		snprintf(keep, sizeof keep, "%.*s", (int)(eq + 1 - cur), cur);
		if (o != NULL && o->arg != NULL)
			offer_value(&ln, o, g, keep, eq + 1);
	} else if (!ln.dashdash && cur[0] == '-')
		offer_options(&ln, cur);
	else if (ln.cmd == NULL)
		offer_commands(cur);
	else
		offer_operand(&ln, g, cur);
	kb_free(line_kb);
	return (EXIT_OK);
}
