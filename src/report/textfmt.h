/*
 * textfmt: small helpers for plain-text output shared by the text writers:
 * word wrapping, score bars and optional ANSI styling.
 */
#ifndef ARCHADVISOR_TEXTFMT_H
#define ARCHADVISOR_TEXTFMT_H

#include <stdbool.h>
#include <stdio.h>

#include "engine.h"

/*
 * Writes text wrapped to width columns; the first line continues the
 * current one (which is already at column first), later lines start with
 * indent spaces. Embedded newlines are kept.
 */
void	text_wrap(FILE *fp, const char *text, int first, int indent,
	    int width);
/* A bar of width cells for a 0..100 score. */
void	text_bar(FILE *fp, double score, int width, bool utf8);
/* Starts and ends a style when colour is on ("1" bold, "32" green ...). */
void	text_style(FILE *fp, bool color, const char *sgr);
void	text_reset(FILE *fp, bool color);
/* The SGR colour for a fit label. */
const char *text_fit_sgr(enum fit f);
/* Display width of a UTF-8 string (code points; no wide glyphs expected). */
int	text_width(const char *s);
/*
 * s in exactly width columns: padded with spaces, or cut between code
 * points with a mark ("…", or "~" without UTF-8) where it does not fit.
 */
void	text_cell(FILE *fp, const char *s, int width, bool utf8);

#endif
