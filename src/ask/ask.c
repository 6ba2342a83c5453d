/*
 * ask: the line-mode questionnaire (see ask.h). Each prompt is written so
 * that it reads in order, top to bottom: where we are, the question, what
 * it accepts, the current answer, then the input line.
 */
#include "ask.h"

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "escape.h"
#include "textfmt.h"
#include "xmalloc.h"

/* The questions in the order they are asked: by section, then kb order. */
static size_t *
question_order(const struct kb *kb)
{
	size_t	*order, s, i, n = 0;

	order = xcalloc(kb->nquestions + 1, sizeof *order);
	for (s = 0; s < kb->sections.n; s++)
		for (i = 0; i < kb->nquestions; i++)
			if (strcmp(kb->questions[i].section,
			    kb->sections.items[s]) == 0)
				order[n++] = i;
	return (order);
}

/* "level: none, some or strong", "duration such as 30s, 10m, 4h, 1d". */
static void
write_accepts(FILE *fp, const struct question *q)
{
	size_t	i;

	switch (q->dom.type) {
	case VAL_LEVEL:
	case VAL_SET:
		fputs(q->dom.type == VAL_LEVEL ? "one of: " :
		    "any of, separated by commas: ", fp);
		for (i = 0; i < q->dom.nnames; i++)
			fprintf(fp, "%s%s", i ? ", " : "", q->dom.names[i]);
		break;
	case VAL_BOOL:
		fputs("yes or no", fp);
		break;
	default:
		fprintf(fp, "%s such as %s", value_type_a(q->dom.type),
		    value_type_forms(q->dom.type));
		break;
	}
}

/*
 * Everything ask shows comes from the knowledge base (extensions too) or
 * the input: it goes out through the control-character policy of the
 * reports (escape.h). begin() opens a buffer, end() sends it.
 */
static FILE *
begin(char **buf, size_t *len)
{
	*buf = NULL;
	*len = 0;
	return (open_memstream(buf, len));
}

static void
end(FILE *m, char **buf, size_t *len, const struct ask_io *io)
{
	/* fclose sets *buf and *len: read them only after it. */
	if (m != NULL && fclose(m) == 0)
		(void)escape_terminal_copy(io->out, *buf, *len);
	free(*buf);
	fflush(io->out);
}

static void
prompt(const struct kb *kb, const struct answers *a, const struct ask_io *io,
    size_t q, size_t pos, size_t total, const char *section)
{
	const struct question	*qu = &kb->questions[q];
	char			 cur[512], *buf;
	size_t			 len;
	FILE			*m;

	if ((m = begin(&buf, &len)) == NULL)
		return;
	if (section != NULL)
		fprintf(m, "\n%s\n", section);
	fprintf(m, "\nQuestion %zu of %zu: ", pos + 1, total);
	text_wrap(m, qu->prompt, 18, 2, io->width);
	fputs("\n  Answer with ", m);
	write_accepts(m, qu);
	fprintf(m, ".\n  Now: %s. Enter keeps it; - means don't know; ? "
	    "explains; back goes back.\n",
	    value_format(&qu->dom, &a->v[q], cur, sizeof cur));
	fprintf(m, "%s> ", qu->id);
	end(m, &buf, &len, io);
}

/* One line of text from the input or a message about it, sent safely. */
static void
say(const struct ask_io *io, const char *lead, const char *text, int wrap)
{
	char	*buf;
	size_t	 len;
	FILE	*m;

	if ((m = begin(&buf, &len)) == NULL)
		return;
	fputs(lead, m);
	if (wrap > 0)
		text_wrap(m, text, wrap, 4, io->width);
	else
		fputs(text, m);
	fputc('\n', m);
	end(m, &buf, &len, io);
}

/* The help text as written in the knowledge base, indented. */
static void
write_help(FILE *fp, const struct question *q)
{
	const char	*p = q->help, *nl;

	fputc('\n', fp);
	if (p == NULL || *p == '\0') {
		fputs("  No further help for this question.\n", fp);
		return;
	}
	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		fprintf(fp, "  %.*s\n", (int)(nl - p), p);
		p = *nl ? nl + 1 : nl;
	}
}

/* Reads one line without its newline; NULL at the end of input. */
static char *
read_line(FILE *in, char **buf, size_t *cap)
{
	ssize_t	n;

	if ((n = getline(buf, cap, in)) < 0)
		return (NULL);
	while (n > 0 && ((*buf)[n - 1] == '\n' || (*buf)[n - 1] == '\r'))
		(*buf)[--n] = '\0';
	return (*buf);
}

/* Trims blanks at both ends, in place. */
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

int
ask_run(const struct kb *kb, struct answers *a, const struct ask_io *io)
{
	const struct question	*qu;
	struct value		 v;
	size_t			*order, *asked, nasked = 0, pos = 0, q;
	char			*buf = NULL, *line, err[512];
	const char		*last_section = NULL;
	size_t			 cap = 0;
	int			 rc = -1;

	order = question_order(kb);
	asked = xcalloc(kb->nquestions + 1, sizeof *asked);
	while (pos < kb->nquestions) {
		q = order[pos];
		qu = &kb->questions[q];
		if (!kb_question_asked(kb, q, a->v)) {
			pos++;
			continue;
		}
		prompt(kb, a, io, q, pos, kb->nquestions,
		    last_section == NULL || strcmp(last_section, qu->section) ?
		    qu->section : NULL);
		last_section = qu->section;
		if ((line = read_line(io->in, &buf, &cap)) == NULL) {
			fputc('\n', io->out);
			goto out;
		}
		if (io->echo)
			say(io, "", line, 0);
		line = trim(line);
		if (strcmp(line, "?") == 0) {
			FILE	*m;
			char	*hb;
			size_t	 hl;

			if ((m = begin(&hb, &hl)) != NULL) {
				write_help(m, qu);
				end(m, &hb, &hl, io);
			}
			last_section = NULL;
			continue;
		}
		if (strcmp(line, "back") == 0) {
			if (nasked == 0)
				fputs("  This is the first question.\n",
				    io->out);
			else {
				/* Return to the question asked last. */
				while (pos > 0 && order[pos] !=
				    asked[nasked - 1])
					pos--;
				nasked--;
			}
			last_section = NULL;
			continue;
		}
		if (line[0] != '\0') {
			if (value_parse(&qu->dom, line, &v, err,
			    sizeof err) != 0) {
				say(io, "  Not accepted: ", err, 16);
				continue;
			}
			a->v[q] = v;
		}
		asked[nasked++] = q;
		pos++;
	}
	rc = 0;
out:
	free(buf);
	free(order);
	free(asked);
	return (rc);
}
