/*
 * text: text laid out for the screen, without drawing it: line lists made
 * by word-wrapping (by display width) or by reflowing help text written
 * for 76 columns, and answers and accepted values worded for people.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui_int.h"
#include "words.h"
#include "xmalloc.h"

/* Line lists. */

void
lines_add(struct draw_lines *l, int indent, enum tui_style st, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].text = xstrdup(s);
	l->v[l->n].style = st;
	l->v[l->n].indent = indent;
	l->n++;
}

void
lines_addf(struct draw_lines *l, int indent, enum tui_style st,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	lines_add(l, indent, st, s);
	free(s);
}

/*
 * Wraps one line of text (no newlines) at word boundaries; a word wider
 * than the line is split where it must be.
 */
static void
wrap_one(struct draw_lines *l, int indent, int hang, int width,
    enum tui_style st, const char *s, size_t len)
{
	wchar_t	 wc;
	size_t	 i, start = 0, brk = 0, n;
	int	 col = 0, w, colbrk = 0, avail = width - indent;
	char	*line;

	if (avail < 8)
		avail = 8;
	for (i = 0; i < len; i += n) {
		n = draw_next_char(s + i, len - i, &wc, &w);
		if (s[i] == ' ') {
			brk = i;
			colbrk = col;
		}
		if (col + w > avail && i > start) {
			if (brk > start && colbrk > 0) {
				i = brk;
				n = 1;	/* skip the space */
			} else
				n = 0;	/* split the word here */
			line = xstrndup(s + start, i - start);
			lines_add(l, indent, st, line);
			free(line);
			start = i + n;
			while (start < len && s[start] == ' ')
				start++;
			n = start - i;
			indent = hang;
			avail = width - indent < 8 ? 8 : width - indent;
			col = 0;
			brk = start;
			colbrk = 0;
			continue;
		}
		col += w;
	}
	if (start < len || len == 0) {
		line = xstrndup(s + start, len - start);
		lines_add(l, indent, st, line);
		free(line);
	}
}

void
lines_wrap(struct draw_lines *l, int indent, int hang, int width,
    enum tui_style st, const char *s)
{
	const char	*nl;
	size_t		 len, lead;

	if (s == NULL)
		return;
	/* A trailing newline (YAML block scalars) adds no empty line. */
	len = strlen(s);
	while (len > 0 && s[len - 1] == '\n')
		len--;
	for (;;) {
		nl = memchr(s, '\n', len);
		/* Keep a line's own indentation (help text lays out tables). */
		lead = strspn(s, " ");
		if (nl != NULL && (size_t)(nl - s) < lead)
			lead = (size_t)(nl - s);
		if (lead > len)
			lead = len;
		wrap_one(l, indent + (int)lead, hang + (int)lead + (lead ? 2 :
		    0), width, st, s + lead, (nl ? (size_t)(nl - s) : len) -
		    lead);
		if (nl == NULL)
			break;
		len -= (size_t)(nl - s) + 1;
		s = nl + 1;
		indent = hang;
	}
}

/* The column after the first gap of two spaces in a table row, or -1. */
static int
row_gap(const char *s, size_t len)
{
	size_t	i;

	for (i = 1; i + 2 < len; i++)
		if (s[i - 1] != ' ' && s[i] == ' ' && s[i + 1] == ' ') {
			while (i < len && s[i] == ' ')
				i++;
			return (i < len ? draw_nwidth(s, i) : -1);
		}
	return (-1);
}

/*
 * Reflows help text written for about 76 columns to width: lines of a
 * paragraph are joined and wrapped again; a line indented deeper than the
 * one before continues it; table rows ("term  text") keep their layout,
 * their text hanging under the text column; a new sentence at the start
 * of a line after one that ended a sentence starts a new paragraph.
 */
void
lines_reflow(struct draw_lines *l, int indent, int width, enum tui_style st,
    const char *s)
{
	const char	*p = s, *nl, *line, *prev_end = NULL;
	char		*block = NULL;
	size_t		 len, blen = 0, lead, block_lead = 0;
	int		 hang = 0;
	bool		 row = false, start;

	for (;;) {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		lead = 0;
		while (lead < len && p[lead] == ' ')
			lead++;
		line = p + lead;
		len -= lead;
		if (block == NULL || len == 0)
			start = true;
		else if (row)		/* deeper lines continue a row */
			start = lead <= block_lead;
		else
			start = lead != block_lead || row_gap(line, len) >= 0 ||
			    (strchr(".:?!", *prev_end) != NULL &&
			    *line >= 'A' && *line <= 'Z');
		if (start && block != NULL) {
			wrap_one(l, indent + (int)block_lead, indent + hang,
			    width, st, block, blen);
			free(block);
			block = NULL;
		}
		if (len == 0) {
			if (nl != NULL || p != s)
				lines_add(l, indent, st, "");
			prev_end = NULL;
		} else if (block == NULL) {
			block = xstrndup(line, len);
			blen = len;
			block_lead = lead;
			row = row_gap(line, len) >= 0;
			hang = (int)lead + (row ? row_gap(line, len) : 0);
			prev_end = line + len - 1;
		} else {
			block = xreallocarray(block, blen + len + 2, 1);
			block[blen++] = ' ';
			memcpy(block + blen, line, len);
			blen += len;
			block[blen] = '\0';
			prev_end = line + len - 1;
		}
		if (nl == NULL || nl[1] == '\0')
			break;
		p = nl + 1;
	}
	if (block != NULL) {
		wrap_one(l, indent + (int)block_lead, indent + hang, width, st,
		    block, blen);
		free(block);
	}
}

void
lines_free(struct draw_lines *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Answers as people read them. */

char *
answer_text(const struct question *q, const struct value *v, char *buf,
    size_t bufsz)
{
	if (!v->known)
		snprintf(buf, bufsz, "don't know");
	else if (q->dom.type == VAL_SET && v->bits == 0)
		snprintf(buf, bufsz, "none of these");
	else
		words_value(q, v, buf, bufsz);
	return (buf);
}

char *
accepts_text(const struct question *q, char *buf, size_t bufsz)
{
	return (value_describe(&q->dom, buf, bufsz));
}
