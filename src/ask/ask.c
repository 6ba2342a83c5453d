/*
 * ask: the line-mode questionnaire (see ask.h). Each prompt is written so
 * that it reads in order, top to bottom: where we are, the question, what
 * it accepts, the current answer, then the input line. A question that
 * does not apply is announced with the reason, so that answers piped one
 * a line cannot slip silently onto the next question.
 */
#include "ask.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "escape.h"
#include "textfmt.h"
#include "words.h"
#include "xmalloc.h"

static volatile sig_atomic_t	interrupted;
static struct sigaction		old_sigint;
static bool			catching;

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

void
ask_catch_sigint(void)
{
	struct sigaction	sa;

	if (catching)
		return;
	/* Ignored (a job started in the background): it stays ignored. */
	if (sigaction(SIGINT, NULL, &old_sigint) != 0 ||
	    old_sigint.sa_handler == SIG_IGN)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a read in progress must end, not resume. */
	sa.sa_flags = 0;
	catching = sigaction(SIGINT, &sa, &old_sigint) == 0;
}

void
ask_release_sigint(void)
{
	if (catching)
		(void)sigaction(SIGINT, &old_sigint, NULL);
	catching = false;
}

bool
ask_interrupted(void)
{
	return (interrupted != 0);
}

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
write_opening(const struct ask_io *io)
{
	char	*buf;
	size_t	 len;
	FILE	*m;

	if ((m = begin(&buf, &len)) == NULL)
		return;
	text_wrap(m, "Type an answer and press Enter. At any question: ? "
	    "explains it; - means don't know; skip (or Enter) leaves it as it "
	    "is; back returns to the previous question; save saves the answers "
	    "so far; quit (or q) stops, keeping them. \"id: value\" answers any "
	    "question by its id ('archadvisor questions' lists them).", 0, 0,
	    io->width);
	fputc('\n', m);
	end(m, &buf, &len, io);
}

/*
 * "Answer with ..." (a NULL kb) or the reason q is skipped, wrapped as a
 * whole from column 2.
 */
static void
write_wrapped(FILE *m, const struct ask_io *io, const struct question *q,
    const struct kb *kb, const struct value *v)
{
	char	*text = NULL;
	size_t	 len = 0;
	FILE	*t;

	if ((t = open_memstream(&text, &len)) == NULL)
		return;
	if (kb == NULL) {
		fputs("Answer with ", t);
		ask_write_accepts(t, q);
	} else
		ask_write_skip_reason(t, kb, q, v);
	fputc('.', t);
	if (fclose(t) == 0)
		text_wrap(m, text, 2, 2, io->width);
	free(text);
}

static void
prompt(const struct kb *kb, const struct answers *a, const struct ask_io *io,
    size_t q, size_t pos, const char *section)
{
	const struct question	*qu = &kb->questions[q];
	char			 cur[512], *buf;
	size_t			 len;
	FILE			*m;
	int			 n;

	if ((m = begin(&buf, &len)) == NULL)
		return;
	if (section != NULL)
		fprintf(m, "\n%s\n", section);
	n = fprintf(m, "\nQuestion %zu of %zu: ", pos + 1, kb->nquestions);
	text_wrap(m, qu->prompt, n - 1, 2, io->width);
	fputs("\n  ", m);
	write_wrapped(m, io, qu, NULL, NULL);
	fprintf(m, "\n  Now: %s (Enter keeps it).\n", a->v[q].known ?
	    words_value(qu, &a->v[q], cur, sizeof cur) : "don't know");
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

/* "Question 9 of 20 skipped: <prompt>" and why, on the next line. */
static void
announce_skip(const struct kb *kb, const struct answers *a,
    const struct ask_io *io, size_t q, size_t pos)
{
	char	*buf;
	size_t	 len;
	FILE	*m;
	int	 n;

	if ((m = begin(&buf, &len)) == NULL)
		return;
	n = fprintf(m, "\nQuestion %zu of %zu skipped: ", pos + 1,
	    kb->nquestions);
	text_wrap(m, kb->questions[q].prompt, n - 1, 2, io->width);
	fputs("\n  ", m);
	write_wrapped(m, io, &kb->questions[q], kb, a->v);
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

static void
show_help(const struct ask_io *io, const struct question *q)
{
	char	*buf;
	size_t	 len;
	FILE	*m;

	if ((m = begin(&buf, &len)) != NULL) {
		write_help(m, q);
		end(m, &buf, &len, io);
	}
}

enum ask_read
ask_read_line(const struct ask_io *io, const char *prompt,
    const struct question *q, char **buf, size_t *cap, char **line)
{
	enum ask_read	r;
	ssize_t		n;

	if (interrupted)
		return (ASK_INTR);
	if (io->read != NULL)
		r = io->read(io->read_arg, prompt, q, line);
	else {
		fputs(prompt, io->out);
		fflush(io->out);
		errno = 0;
		if ((n = getline(buf, cap, io->in)) < 0)
			r = ASK_EOF;
		else {
			while (n > 0 && ((*buf)[n - 1] == '\n' ||
			    (*buf)[n - 1] == '\r'))
				(*buf)[--n] = '\0';
			*line = *buf;
			r = ASK_LINE;
		}
	}
	return (interrupted ? ASK_INTR : r);
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

/* Where a questionnaire is. */
struct run {
	const struct kb		*kb;
	struct answers		*a;
	const struct ask_io	*io;
	size_t			*order;
	size_t			*asked;	/* questions answered, in turn */
	size_t			 nasked;
	bool			*keyed;	/* answered by an "id: value" line */
	size_t			 pos;
	size_t			*given;
};

/* "back": returns to the question asked last. */
static void
go_back(struct run *r)
{
	if (r->nasked == 0) {
		say(r->io, "  This is the first question.", "", 0);
		return;
	}
	while (r->pos > 0 && r->order[r->pos] != r->asked[r->nasked - 1])
		r->pos--;
	r->nasked--;
}

/* An "id: value" line: answers that question, wherever it comes. */
static void
keyed_answer(struct run *r, size_t q, int k, const char *text)
{
	const struct question	*kq = &r->kb->questions[k];
	struct value		 v;
	char			 err[512], msg[700], val[256];
	char			 name[WORDS_LABEL_MAX * 2 + 8];

	if (ask_parse(kq, text, &v, err, sizeof err) != 0) {
		snprintf(msg, sizeof msg, "%s: %s", words_label(kq, name,
		    sizeof name), err);
		say(r->io, "  Not accepted: ", msg, 16);
		return;
	}
	r->a->v[k] = v;
	(*r->given)++;
	if ((size_t)k == q) {
		r->asked[r->nasked++] = q;
		r->pos++;
		return;
	}
	r->keyed[k] = true;
	snprintf(msg, sizeof msg, "%s: %s.", words_label(kq, name,
	    sizeof name), v.known ? words_value(kq, &v, val, sizeof val) :
	    "don't know");
	say(r->io, "  Noted, ", msg, 10);
}

enum ask_end
ask_run(const struct kb *kb, struct answers *a, const struct ask_io *io,
    size_t *given)
{
	const struct question	*qu;
	struct run		 r;
	struct value		 v;
	enum ask_end		 how = ASK_DONE;
	enum ask_read		 got;
	char			*buf = NULL, *line, *value, err[512];
	char			 pr[WORDS_LABEL_MAX * 2 + 8], name[sizeof pr];
	const char		*last_section = NULL;
	size_t			 cap = 0, q, shown = (size_t)-1;
	int			 k;

	memset(&r, 0, sizeof r);
	r.kb = kb;
	r.a = a;
	r.io = io;
	r.given = given;
	r.order = question_order(kb);
	r.asked = xcalloc(kb->nquestions + 1, sizeof *r.asked);
	r.keyed = xcalloc(kb->nquestions + 1, sizeof *r.keyed);
	*given = 0;
	write_opening(io);
	while (r.pos < kb->nquestions) {
		q = r.order[r.pos];
		qu = &kb->questions[q];
		if (r.keyed[q]) {
			r.pos++;
			continue;
		}
		if (!kb_question_asked(kb, q, a->v)) {
			announce_skip(kb, a, io, q, r.pos);
			r.pos++;
			continue;
		}
		if (shown != q) {
			prompt(kb, a, io, q, r.pos, last_section == NULL ||
			    strcmp(last_section, qu->section) ? qu->section :
			    NULL);
			last_section = qu->section;
			shown = q;
		}
		snprintf(pr, sizeof pr, "%s> ", words_label(qu, name,
		    sizeof name));
		if ((got = ask_read_line(io, pr, qu, &buf, &cap, &line)) !=
		    ASK_LINE) {
			fputc('\n', io->out);
			how = got == ASK_INTR ? ASK_INTERRUPTED : ASK_ENDED;
			break;
		}
		if (io->echo)
			say(io, "", line, 0);
		line = trim(line);
		switch (ask_word(line)) {
		case WORD_HELP:
			show_help(io, qu);
			shown = (size_t)-1;
			last_section = NULL;
			continue;
		case WORD_BACK:
			go_back(&r);
			shown = (size_t)-1;
			last_section = NULL;
			continue;
		case WORD_SAVE:
			if (io->save == NULL)
				say(io, "  There is nowhere to save to.", "",
				    0);
			else
				(void)io->save(io->save_arg, a);
			continue;
		case WORD_QUIT:
			how = ASK_QUIT;
			goto out;
		case WORD_SKIP:
			line[0] = '\0';
			break;
		case WORD_NONE:
			break;
		}
		if ((k = ask_keyed(kb, line, &value, err, sizeof err)) == -2) {
			say(io, "  Not accepted: ", err, 16);
			continue;
		}
		if (k >= 0) {
			keyed_answer(&r, q, k, value);
			continue;
		}
		if (line[0] != '\0') {
			if (ask_parse(qu, line, &v, err, sizeof err) != 0) {
				say(io, "  Not accepted: ", err, 16);
				continue;
			}
			a->v[q] = v;
			(*given)++;
		}
		r.asked[r.nasked++] = q;
		r.pos++;
	}
out:
	free(buf);
	free(r.order);
	free(r.asked);
	free(r.keyed);
	return (how);
}
