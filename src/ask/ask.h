/*
 * ask: the questionnaire as plain lines on a pair of streams, for people
 * who cannot or would rather not use the full-screen TUI (screen readers,
 * dumb terminals, serial consoles) and for scripts that answer through a
 * pipe, one answer a line. No curses, no box drawing, no colour.
 *
 * The answers are borrowed and updated in place; nothing is kept.
 */
#ifndef ARCHADVISOR_ASK_H
#define ARCHADVISOR_ASK_H

#include <stdbool.h>
#include <stdio.h>

#include "answers.h"
#include "kb.h"

struct ask_io {
	FILE	*in;
	FILE	*out;
	bool	 echo;		/* repeat each answer read (input is a pipe) */
	int	 width;
};

/*
 * Asks every question that applies (ask_if), in section order. At each
 * prompt: a value answers it, an empty line keeps the current answer, "-"
 * means don't know, "?" shows the help, "back" returns to the previous
 * question. A value that does not parse is explained and asked again.
 * Returns 0 when the last question was answered, or -1 if the input ended
 * first.
 */
int	ask_run(const struct kb *kb, struct answers *a,
	    const struct ask_io *io);

#endif
