/*
 * ask_input: what a line typed at an ask prompt means, and the words ask
 * uses to say what a question accepts and why it is skipped (ask.h). All
 * of it is derived from the question's type, names and range, so a
 * knowledge base's own questions read as well as the stock ones.
 */
#include "ask.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "suggest.h"
#include "textutil.h"
#include "words.h"
#include "xmalloc.h"

static const struct {
	const char	*word;
	enum ask_word	 w;
} words[] = {
	{ "?", WORD_HELP }, { "help", WORD_HELP }, { "back", WORD_BACK },
	{ "skip", WORD_SKIP }, { "save", WORD_SAVE }, { "quit", WORD_QUIT },
	{ "q", WORD_QUIT },
};
#define NWORDS	(sizeof words / sizeof words[0])

/* Whether the n bytes at a start the string b (ignoring case). */
static bool
iprefix(const char *a, size_t n, const char *b)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (b[i] == '\0' || tolower((unsigned char)a[i]) !=
		    tolower((unsigned char)b[i]))
			return (false);
	return (true);
}

enum ask_word
ask_word(const char *line)
{
	size_t	i;

	for (i = 0; i < NWORDS; i++)
		if (text_ieq(line, strlen(line), words[i].word))
			return (words[i].w);
	return (WORD_NONE);
}

/*
 * One value of q from what was typed (n bytes at s): its name or label
 * in any case, its number in the prompt's list, or the first letters of
 * only one of them. Returns its index, or -1 with err set, or -2 when nothing
 * matched (value_parse then says what it expected).
 */
/* Value i of q as people read it ("Fraud detection"). */
static const char *
label(const struct question *q, size_t i, char *buf, size_t bufsz)
{
	return (words_value_label(q, i, buf, bufsz));
}

static int
resolve_name(const struct question *q, const char *s, size_t n,
    char *err, size_t errsz)
{
	const struct value_domain *dom = &q->dom;
	size_t	i, hits = 0, len;
	int	found = -1;
	char	*end, qs[VALUE_QUOTE_MAX + 8], l[WORDS_LABEL_MAX * 2 + 8];
	long	k;

	for (i = 0; i < dom->nnames; i++)
		if (text_ieq(s, n, dom->names[i]) || text_ieq(s, n, label(q, i, l,
		    sizeof l)))
			return ((int)i);
	if (n > 0 && isdigit((unsigned char)s[0])) {
		k = strtol(s, &end, 10);
		if ((size_t)(end - s) == n) {
			if (k >= 1 && (size_t)k <= dom->nnames)
				return ((int)k - 1);
			snprintf(err, errsz, "there is no choice %.*s: choose "
			    "1 to %zu", (int)n, s, dom->nnames);
			return (-1);
		}
	}
	for (i = 0; i < dom->nnames; i++)
		if (n > 0 && (iprefix(s, n, dom->names[i]) || iprefix(s, n,
		    label(q, i, l, sizeof l)))) {
			found = (int)i;
			hits++;
		}
	if (hits == 1)
		return (found);
	if (hits == 0)
		return (-2);
	value_quote(s, n, qs, sizeof qs);
	len = (size_t)snprintf(err, errsz, "'%s' could be ", qs);
	for (i = 0, k = 0; i < dom->nnames && len < errsz; i++)
		if (iprefix(s, n, dom->names[i]) || iprefix(s, n, label(q, i,
		    l, sizeof l)))
			len += (size_t)snprintf(err + len, errsz - len, "%s%s",
			    k++ == 0 ? "" : (size_t)k == hits ? " or " : ", ",
			    label(q, i, l, sizeof l));
	if (len < errsz)
		snprintf(err + len, errsz - len, ": type more letters or its "
		    "number");
	return (-1);
}

/* Appends n bytes at s to the text being built in *buf. */
static void
append(char **buf, size_t *len, const char *s, size_t n)
{
	*buf = xreallocarray(*buf, *len + n + 1, 1);
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

/*
 * Rewrites text (a level or a set) with every name spelled out, so that
 * value_parse reads it; a member nothing matched is left as typed, for
 * value_parse to explain. Returns the new text, or NULL with err set.
 */
static char *
spell_out(const struct question *q, const char *text, char *err,
    size_t errsz)
{
	const struct value_domain *dom = &q->dom;
	const char	*p = text, *end = text + strlen(text), *m, *mend;
	char		*out = NULL;
	size_t		 len = 0;
	int		 idx;

	append(&out, &len, "", 0);
	if (dom->type == VAL_SET && *p == '[' && end > p && end[-1] == ']') {
		p++;
		end--;
	}
	while (p <= end) {
		/* A level is one name, commas and all. */
		for (mend = p; mend < end && (*mend != ',' ||
		    dom->type != VAL_SET); mend++)
			/* nothing */;
		for (m = p; m < mend && isspace((unsigned char)*m); m++)
			/* nothing */;
		while (mend > m && isspace((unsigned char)mend[-1]))
			mend--;
		if (len > 0)
			append(&out, &len, ", ", 2);
		idx = resolve_name(q, m, (size_t)(mend - m), err, errsz);
		if (idx == -1) {
			free(out);
			return (NULL);
		}
		if (idx >= 0)
			append(&out, &len, dom->names[idx],
			    strlen(dom->names[idx]));
		else
			append(&out, &len, m, (size_t)(mend - m));
		while (p < end && *p != ',')
			p++;
		if (dom->type != VAL_SET || p >= end)
			break;
		p++;
	}
	return (out);
}

int
ask_parse(const struct question *q, const char *text, struct value *out,
    char *err, size_t errsz)
{
	char	*spelt;
	int	 rc;

	if (strcmp(text, "-") == 0 || strcmp(text, "?") == 0)
		return (value_parse(&q->dom, text, out, err, errsz));
	switch (q->dom.type) {
	case VAL_BOOL:
		if (text_ieq(text, strlen(text), "y"))
			text = "yes";
		else if (text_ieq(text, strlen(text), "n"))
			text = "no";
		return (value_parse(&q->dom, text, out, err, errsz));
	case VAL_LEVEL:
	case VAL_SET:
		if (q->dom.type == VAL_SET && (*text == '\0' ||
		    strcmp(text, "[]") == 0))
			return (value_parse(&q->dom, "[]", out, err, errsz));
		if ((spelt = spell_out(q, text, err, errsz)) == NULL)
			return (-1);
		rc = value_parse(&q->dom, spelt, out, err, errsz);
		free(spelt);
		return (rc);
	default:
		return (value_parse(&q->dom, text, out, err, errsz));
	}
}

int
ask_keyed(const struct kb *kb, char *line, char **value, char *err,
    size_t errsz)
{
	char		*p = line, *e, q[VALUE_QUOTE_MAX + 8];
	const char	*near;
	int		 qi;

	if (!(islower((unsigned char)*p) || *p == '_'))
		return (-1);
	while (islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
	    *p == '_' || *p == '-')
		p++;
	e = p;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != ':')
		return (-1);
	*e = '\0';
	for (p++; *p == ' ' || *p == '\t'; p++)
		/* nothing */;
	*value = p;
	if ((qi = kb_question_index(kb, line)) >= 0)
		return (qi);
	value_quote(line, strlen(line), q, sizeof q);
	near = suggest_question(kb, line);
	snprintf(err, errsz, "there is no question '%s'%s%s%s", q,
	    near ? " (did you mean '" : "", near ? near : "",
	    near ? "'?)" : "");
	return (-2);
}

void
ask_write_accepts(FILE *fp, const struct question *q)
{
	char	l[WORDS_LABEL_MAX * 2 + 8], buf[256];
	size_t	i;

	/* Names are numbered here, since ask takes a number for a name. */
	if (value_type_flags(q->dom.type) & VALUE_TYPE_NAMED) {
		fputs(q->dom.type == VAL_LEVEL ? "one of " :
		    "any of these, separated by commas: ", fp);
		for (i = 0; i < q->dom.nnames; i++)
			fprintf(fp, "%s%zu %s", i == 0 ? "" :
			    q->dom.type == VAL_SET || i + 1 < q->dom.nnames ?
			    ", " : " or ", i + 1, label(q, i, l, sizeof l));
		fputs(" (the number or the first letters will do)", fp);
		return;
	}
	fputs(value_describe(&q->dom, buf, sizeof buf), fp);
	if (q->dom.type == VAL_BOOL)
		fputs(" (y or n)", fp);
}

/* A question as people name it in a sentence ("acceptable delay"). */
static const char *
subject(const struct question *q, char *buf, size_t bufsz)
{
	return (words_label_lower(q, buf, bufsz));
}

static bool
is_word_char(int c)
{
	return (isalnum(c) || c == '_' || c == '-' || c == '.');
}

/*
 * A literal of the condition in words, read as a value of question q
 * ("1h" -> "1 hour", "iot" -> "IoT"); as written if it is not one.
 */
static void
write_literal(FILE *fp, const struct question *q, const char *tok)
{
	struct value	v;
	char		err[256], buf[256];

	if (q != NULL && value_parse(&q->dom, tok, &v, err, sizeof err) == 0)
		fputs(words_value(q, &v, buf, sizeof buf), fp);
	else
		fputs(tok, fp);
}

/*
 * The condition of an ask_if in words, token by token: a question becomes
 * its label, a bare yes-or-no question "... is yes" ("... is no" after
 * not), an operator words ("is under", "is at least"), a literal the
 * value it stands for, in words.
 */
static void
write_condition(FILE *fp, const struct kb *kb, const char *s)
{
	static const struct { const char *op, *words; } ops[] = {
		{ "<=", "is at most" }, { ">=", "is at least" },
		{ "==", "is" }, { "!=", "is not" }, { "<", "is under" },
		{ ">", "is over" },
	};
	const struct question	*cur = NULL;
	const char		*p = s, *t;
	char			 tok[128], name[WORDS_LABEL_MAX * 2 + 8];
	size_t			 n, i;
	bool			 negate = false, space = false, operand;
	int			 qi;

	while (*p != '\0') {
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
			if (strncmp(p, ops[i].op, strlen(ops[i].op)) == 0)
				break;
		if (i < sizeof ops / sizeof ops[0]) {
			fprintf(fp, "%s%s", space ? " " : "", ops[i].words);
			p += strlen(ops[i].op);
			space = true;
			continue;
		}
		if (!is_word_char((unsigned char)*p)) {
			/* A list's brackets go; parentheses, commas stay. */
			if (*p == '(' || *p == ')' || *p == ',')
				fprintf(fp, "%s%c", *p == '(' && space ? " " :
				    "", *p);
			space = *p != '(';
			p++;
			continue;
		}
		for (t = p; is_word_char((unsigned char)*t); t++)
			/* nothing */;
		n = (size_t)(t - p) < sizeof tok ? (size_t)(t - p) :
		    sizeof tok - 1;
		memcpy(tok, p, n);
		tok[n] = '\0';
		p = t;
		if (strcmp(tok, "not") == 0) {
			negate = true;
			continue;
		}
		while (isspace((unsigned char)*t))
			t++;
		operand = strchr("<>=!", *t) != NULL || strncmp(t, "in", 2) ==
		    0 || strncmp(t, "contains", 8) == 0;
		if (space)
			fputc(' ', fp);
		space = true;
		qi = kb_question_index(kb, tok);
		if (qi >= 0 && !operand && kb->questions[qi].dom.type ==
		    VAL_BOOL)
			fprintf(fp, "%s is %s", subject(&kb->questions[qi],
			    name, sizeof name), negate ? "no" : "yes");
		else {
			if (negate)
				fputs("not ", fp);
			if (qi >= 0) {
				cur = &kb->questions[qi];
				fputs(subject(cur, name, sizeof name), fp);
			} else if (strcmp(tok, "in") == 0)
				fputs("is one of", fp);
			else if (strcmp(tok, "contains") == 0)
				fputs("includes", fp);
			else if (strcmp(tok, "and") == 0 ||
			    strcmp(tok, "or") == 0)
				fputs(tok, fp);
			else
				write_literal(fp, cur, tok);
		}
		negate = false;
	}
}

void
ask_write_skip_reason(FILE *fp, const struct kb *kb,
    const struct question *q, const struct value *v)
{
	bool	*used;
	size_t	 i, n = 0, total;
	char	 buf[256], name[WORDS_LABEL_MAX * 2 + 8];

	if (q->ask_if_text == NULL)
		return;
	fputs("It is asked only when ", fp);
	write_condition(fp, kb, q->ask_if_text);
	used = xcalloc(kb->nquestions + 1, sizeof *used);
	if (q->ask_if != NULL)
		expr_questions(q->ask_if, used);
	for (i = 0; i < kb->nquestions; i++)
		if (used[i] && v[i].known)
			n++;
	total = n;
	if (n == 1)
		fputs("; your answer: ", fp);
	else if (n > 1)
		fputs("; your answers: ", fp);
	for (i = 0; i < kb->nquestions; i++)
		if (used[i] && v[i].known) {
			if (total > 1)
				fprintf(fp, "%s ", subject(&kb->questions[i],
				    name, sizeof name));
			fputs(words_value(&kb->questions[i], &v[i], buf,
			    sizeof buf), fp);
			if (--n > 0)
				fputs(", ", fp);
		}
	free(used);
}

char **
ask_completions(const struct question *q, const char *word)
{
	static const char *const yesno[] = { "yes", "no" };
	char		**out;
	size_t		  i, n = 0, len = strlen(word), nnames = 0;
	const char *const *names = NULL;

	if (q != NULL && (q->dom.type == VAL_LEVEL || q->dom.type == VAL_SET)) {
		names = (const char *const *)q->dom.names;
		nnames = q->dom.nnames;
	} else if (q != NULL && q->dom.type == VAL_BOOL) {
		names = yesno;
		nnames = 2;
	}
	out = xcalloc(nnames + NWORDS + 1, sizeof *out);
	for (i = 0; i < nnames; i++)
		if (iprefix(word, len, names[i]))
			out[n++] = xstrdup(names[i]);
	for (i = 0; q != NULL && i < NWORDS; i++)
		if (isalpha((unsigned char)words[i].word[0]) &&
		    words[i].w != WORD_HELP && iprefix(word, len,
		    words[i].word) && len > 0)
			out[n++] = xstrdup(words[i].word);
	return (out);
}
