/*
 * ask: the questionnaire as plain lines on a pair of streams, for people
 * who cannot or would rather not use the full-screen TUI (screen readers,
 * dumb terminals, serial consoles) and for scripts that answer through a
 * pipe, one answer a line or "id: value" lines in any order. No curses, no
 * box drawing, no colour; line editing, when there is any, is the
 * reader's business (ask_edit.h).
 *
 * The answers are borrowed and updated in place; nothing is kept.
 */
#ifndef ARCHADVISOR_ASK_H
#define ARCHADVISOR_ASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "answers.h"
#include "kb.h"

/* What a reader returns. */
enum ask_read { ASK_LINE, ASK_EOF, ASK_INTR };

/*
 * Reads one line, shown after prompt (which the reader writes itself), for
 * question q (NULL when not answering a question: a file name): sets *line
 * to it without its newline; the line is the reader's until its next call.
 */
typedef enum ask_read (*ask_read_fn)(void *arg, const char *prompt,
		    const struct question *q, char **line);

struct ask_io {
	FILE		*in;		/* read with getline when read is
					   NULL */
	FILE		*out;
	bool		 echo;		/* repeat each answer read (input is a
					   pipe) */
	int		 width;
	ask_read_fn	 read;		/* or NULL */
	void		*read_arg;
	/*
	 * "save": stores the answers given so far; 0 when they were saved
	 * to a file, -1 when not (it says why). NULL: save is not offered.
	 */
	int		(*save)(void *arg, const struct answers *a);
	void		*save_arg;
};

/* How a questionnaire ended. */
enum ask_end {
	ASK_DONE,	/* the last question was answered */
	ASK_QUIT,	/* "quit" */
	ASK_ENDED,	/* the input ended first (Ctrl-D, or a short pipe) */
	ASK_INTERRUPTED, /* Ctrl-C (SIGINT) */
};

/*
 * Asks every question that applies (ask_if), in section order, and says
 * which it skips and why. At each prompt: a value answers it (for a
 * level or a set also its number or the first letters of its name, for
 * yes or no also y or n), "id: value" answers that question wherever it
 * comes, Enter or "skip" leaves the answer as it is, "-" means don't
 * know, "?" shows the help, "back" returns to the previous question,
 * "save" saves what was answered so far, "quit" stops. A value that does
 * not parse is explained and asked again. SIGINT ends the questionnaire
 * while ask_catch_sigint is in force. *given counts the answers given.
 */
enum ask_end	ask_run(const struct kb *kb, struct answers *a,
		    const struct ask_io *io, size_t *given);

/* Reads one line through io (its reader, or getline on io->in). */
enum ask_read	ask_read_line(const struct ask_io *io, const char *prompt,
		    const struct question *q, char **buf, size_t *cap,
		    char **line);

/*
 * SIGINT (Ctrl-C) ends a read in progress, and every read after it, from
 * ask_catch_sigint to ask_release_sigint (which puts back the handler it
 * found); ask_interrupted says whether it came.
 */
void		ask_catch_sigint(void);
void		ask_release_sigint(void);
bool		ask_interrupted(void);

/* ask_input.c: what a line typed at a prompt means. */

/* The words that work at every prompt. */
enum ask_word {
	WORD_NONE, WORD_HELP, WORD_BACK, WORD_SKIP, WORD_SAVE, WORD_QUIT,
};
enum ask_word	ask_word(const char *line);

/*
 * Parses text as an answer to q, as people type it: what value_parse
 * takes, and y/n for yes/no, a level's or a member's number in the list
 * the prompt shows, or the first letters of its name if they name only
 * one. Returns 0, or -1 with a one-line explanation in err (an ambiguous
 * prefix lists the names it could be).
 */
int	ask_parse(const struct question *q, const char *text,
	    struct value *out, char *err, size_t errsz);

/*
 * "latency: 10m" -> question index of latency, *value at "10m". Returns
 * the index, -1 when the line is not of that form, or -2 when it is but
 * names no question (err then says so, with a suggestion).
 */
int	ask_keyed(const struct kb *kb, char *line, char **value, char *err,
	    size_t errsz);

/*
 * What q accepts, in words, from its type and range: "a whole number from
 * 1 to 5", "yes or no (y or n)", "one of 1 none, 2 some or 3 strong (...)".
 */
void	ask_write_accepts(FILE *fp, const struct question *q);

/*
 * Why q is not asked with answers v: its condition in words, and the
 * answers it read ("it is asked only when domains is at least 2; your
 * answer: domains 1").
 */
void	ask_write_skip_reason(FILE *fp, const struct kb *kb,
	    const struct question *q, const struct value *v);

/* The completions of word for q's values and the prompt words, NULL
   ended; for the line editor. The array and strings are the caller's. */
char	**ask_completions(const struct question *q, const char *word);

#endif
