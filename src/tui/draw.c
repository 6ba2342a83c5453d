/*
 * draw: the TUI's drawing helpers. Text arrives as UTF-8 from the knowledge
 * base and is measured and cut by display width (wcwidth), so a line never
 * spills into the next panel; cut text ends in an ellipsis. Styles map to
 * colour pairs when colour is on, and to bold, reverse and dim otherwise
 * (monochrome terminals, NO_COLOR). Also: word wrapping into line lists,
 * score bars, boxes and the status line made from a screen's key bindings.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui_int.h"
#include "xmalloc.h"

/* Colour pairs, one per style that has a colour. */
static const struct {
	short	fg, bg;
	attr_t	attr;		/* added to the colour */
	attr_t	mono;		/* used instead when there is no colour */
} styles[ST_COUNT] = {
	[ST_NORMAL]	= { -1, -1, A_NORMAL, A_NORMAL },
	[ST_TITLE]	= { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ST_HEADING]	= { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ST_SELECTED]	= { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ST_DIM]	= { -1, -1, A_DIM, A_DIM },
	[ST_KEY]	= { COLOR_YELLOW, COLOR_BLUE, A_BOLD,
			    A_REVERSE | A_BOLD },
	[ST_ERROR]	= { COLOR_RED, -1, A_BOLD, A_BOLD },
	[ST_NOTICE]	= { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ST_RECOMMEND]	= { -1, -1, A_BOLD, A_BOLD },
	[ST_FIT_STRONG]	= { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ST_FIT_GOOD]	= { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ST_FIT_FAIR]	= { COLOR_YELLOW, -1, A_NORMAL, A_NORMAL },
	[ST_FIT_WEAK]	= { COLOR_RED, -1, A_NORMAL, A_NORMAL },
	[ST_FIT_OUT]	= { -1, -1, A_DIM, A_DIM },
	[ST_BORDER]	= { COLOR_BLUE, -1, A_NORMAL, A_NORMAL },
};

void
draw_init_styles(struct tui *t)
{
	int	i;

	if (!t->color)
		return;
	if (!has_colors() || start_color() == ERR) {
		t->color = false;
		return;
	}
	use_default_colors();
	for (i = 1; i < ST_COUNT; i++)
		init_pair((short)i, styles[i].fg, styles[i].bg);
}

attr_t
draw_attr(const struct tui *t, enum tui_style s)
{
	if (!t->color)
		return (styles[s].mono);
	if (styles[s].fg == -1 && styles[s].bg == -1)
		return (styles[s].attr);
	return (COLOR_PAIR(s) | styles[s].attr);
}

enum tui_style
draw_fit_style(enum fit f)
{
	switch (f) {
	case FIT_STRONG:
		return (ST_FIT_STRONG);
	case FIT_GOOD:
		return (ST_FIT_GOOD);
	case FIT_FAIR:
		return (ST_FIT_FAIR);
	case FIT_WEAK:
		return (ST_FIT_WEAK);
	case FIT_RULED_OUT:
		break;
	}
	return (ST_FIT_OUT);
}

const char *
draw_glyph(const struct tui *t, const char *utf8, const char *ascii)
{
	return (t->utf8 ? utf8 : ascii);
}

/*
 * Decodes the next character of s (at most len bytes) into *wc and its
 * display width; control characters and bad bytes become '?'. Returns the
 * bytes used (at least 1).
 */
static size_t
next_char(const char *s, size_t len, wchar_t *wc, int *w)
{
	mbstate_t	ps;
	size_t		n;

	memset(&ps, 0, sizeof ps);
	n = mbrtowc(wc, s, len, &ps);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = L'?';
		*w = 1;
		return (1);
	}
	if (*wc == L'\n' || *wc == L'\t') {
		*wc = L' ';
		*w = 1;
		return (n);
	}
	if ((*w = wcwidth(*wc)) < 0) {
		*wc = L'?';
		*w = 1;
	}
	return (n);
}

int
draw_nwidth(const char *s, size_t len)
{
	wchar_t	wc;
	size_t	n;
	int	w, total = 0;

	while (len > 0 && *s != '\0') {
		n = next_char(s, len, &wc, &w);
		total += w;
		s += n;
		len -= n;
	}
	return (total);
}

int
draw_width(const char *s)
{
	return (draw_nwidth(s, strlen(s)));
}

/*
 * Draws s at y, x in at most maxw columns; longer text is cut and ends in
 * an ellipsis. Returns the columns drawn.
 */
int
draw_text(int y, int x, int maxw, const char *s, enum tui_style st,
    const struct tui *t)
{
	wchar_t		 buf[256];
	wchar_t		 wc;
	const char	*ell = draw_glyph(t, "\u2026", "~");
	size_t		 len = strlen(s), n, nb = 0;
	int		 w, used = 0, room;

	if (maxw <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return (0);
	if (x + maxw > COLS)
		maxw = COLS - x;
	room = draw_width(s) > maxw ? maxw - 1 : maxw;
	attrset(draw_attr(t, st));
	move(y, x);
	while (len > 0) {
		n = next_char(s, len, &wc, &w);
		if (used + w > room)
			break;
		if (nb == sizeof buf / sizeof buf[0]) {
			addnwstr(buf, (int)nb);
			nb = 0;
		}
		buf[nb++] = wc;
		used += w;
		s += n;
		len -= n;
	}
	if (nb > 0)
		addnwstr(buf, (int)nb);
	if (len > 0 && used < maxw) {
		addstr(ell);
		used++;
	}
	attrset(A_NORMAL);
	return (used);
}

void
draw_fill(int y, int x, int n, enum tui_style st, const struct tui *t)
{
	if (y < 0 || y >= LINES || x >= COLS || n <= 0)
		return;
	if (x + n > COLS)
		n = COLS - x;
	attrset(draw_attr(t, st));
	mvhline(y, x, ' ', n);
	attrset(A_NORMAL);
}

void
draw_hline(int y, int x, int n, const struct tui *t)
{
	if (y < 0 || y >= LINES || x >= COLS || n <= 0)
		return;
	if (x + n > COLS)
		n = COLS - x;
	attrset(draw_attr(t, ST_BORDER));
	mvhline(y, x, ACS_HLINE, n);
	attrset(A_NORMAL);
}

/* A box with its title in the top border, its inside cleared. */
void
draw_box(int y, int x, int h, int w, const char *title, const struct tui *t)
{
	int	i;

	if (h < 2 || w < 4)
		return;
	for (i = 1; i < h - 1; i++)
		draw_fill(y + i, x + 1, w - 2, ST_NORMAL, t);
	attrset(draw_attr(t, ST_BORDER));
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title != NULL && w > 6) {
		mvaddch(y, x + 1, ' ');
		i = draw_text(y, x + 2, w - 6, title, ST_HEADING, t);
		mvaddch(y, x + 2 + i, ' ');
	}
}

/* A score bar: filled cells for score/100 of w, the rest shaded. */
void
draw_bar(int y, int x, int w, double score, enum tui_style st,
    const struct tui *t)
{
	int	i, full;

	full = (int)(score / 100.0 * w + 0.5);
	attrset(draw_attr(t, st));
	move(y, x);
	for (i = 0; i < w; i++)
		addstr(i < full ? draw_glyph(t, "\u2588", "#") :
		    draw_glyph(t, "\u2591", "."));
	attrset(A_NORMAL);
}

/* A key's name as shown: the arrows spelt out without UTF-8. */
static const char *
status_key_name(const struct tui *t, const char *name)
{
	if (t->utf8)
		return (name);
	if (strcmp(name, "\u2191\u2193") == 0)
		return ("Up/Down");
	if (strcmp(name, "\u2190\u2192") == 0)
		return ("Left/Right");
	return (name);
}

/* The width of a status item, "key label". */
static int
item_width(const struct tui *t, const struct tui_binding *b)
{
	return (draw_width(status_key_name(t, b->keyname)) + 1 +
	    draw_width(b->label));
}

/*
 * Lays the status line out: "key label" items, two spaces apart, over as
 * many rows as they need (at most 3), balanced so that a second row is
 * not left with one item. With draw false, only counts rows.
 */
static int
status_layout(const struct tui *t, const struct tui_binding *b, int cols,
    int y0, bool draw)
{
	const struct tui_binding	*p;
	int				 x = 1, y = 0, w, total = 0, rows, per;

	for (p = b; p != NULL && p->fn != NULL; p++)
		if (p->keyname != NULL)
			total += item_width(t, p) + 2;
	rows = (total + cols - 3) / (cols - 2);
	rows = rows < 1 ? 1 : rows > 3 ? 3 : rows;
	per = total / rows;
	for (; b != NULL && b->fn != NULL; b++) {
		if (b->keyname == NULL)
			continue;
		w = item_width(t, b);
		if (x > 1 && (x + w > cols - 1 || (x - 1 >= per &&
		    y + 1 < rows))) {
			if (y == 2)
				break;
			y++;
			x = 1;
		}
		if (draw) {
			x += draw_text(y0 + y, x, cols - x,
			    status_key_name(t, b->keyname), ST_KEY, t);
			x += draw_text(y0 + y, x, cols - x, " ", ST_TITLE, t);
			x += draw_text(y0 + y, x, cols - x, b->label, ST_TITLE,
			    t);
			x += 2;
		} else
			x += w + 2;
	}
	return (y + 1);
}

int
draw_status_rows(const struct tui *t, const struct tui_binding *b, int cols)
{
	return (status_layout(t, b, cols, 0, false));
}

void
draw_status(struct tui *t, const struct tui_binding *b)
{
	int	i, y0 = LINES - t->status_rows;

	for (i = 0; i < t->status_rows; i++)
		draw_fill(y0 + i, 0, COLS, ST_TITLE, t);
	status_layout(t, b, COLS, y0, true);
}

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
		n = next_char(s + i, len - i, &wc, &w);
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
	size_t	len;

	if (!v->known)
		snprintf(buf, bufsz, "don't know");
	else if (q->dom.type == VAL_BOOL)
		snprintf(buf, bufsz, "%s", v->num ? "yes" : "no");
	else if (q->dom.type == VAL_SET && v->bits == 0)
		snprintf(buf, bufsz, "(none)");
	else if (q->dom.type == VAL_SET) {
		/* "[a, b]" without the brackets. */
		value_format(&q->dom, v, buf, bufsz);
		len = strlen(buf);
		if (len >= 2 && buf[0] == '[' && buf[len - 1] == ']') {
			memmove(buf, buf + 1, len - 2);
			buf[len - 2] = '\0';
		}
	} else
		value_format(&q->dom, v, buf, bufsz);
	return (buf);
}

char *
accepts_text(const struct question *q, char *buf, size_t bufsz)
{
	struct value	v = { .known = true };
	char		lo[64], hi[64];
	size_t		i, len;

	switch (q->dom.type) {
	case VAL_BOOL:
		snprintf(buf, bufsz, "yes or no");
		return (buf);
	case VAL_LEVEL:
	case VAL_SET:
		len = (size_t)snprintf(buf, bufsz, "%s: ",
		    q->dom.type == VAL_LEVEL ? "one of" : "any of");
		for (i = 0; i < q->dom.nnames && len < bufsz; i++)
			len += (size_t)snprintf(buf + len, bufsz - len, "%s%s",
			    i ? (q->dom.type == VAL_LEVEL ? " < " : ", ") : "",
			    q->dom.names[i]);
		return (buf);
	default:
		break;
	}
	len = (size_t)snprintf(buf, bufsz, "%s, e.g. %s",
	    value_type_name(q->dom.type), value_type_forms(q->dom.type));
	v.num = q->dom.min;
	value_format(&q->dom, &v, lo, sizeof lo);
	v.num = q->dom.max;
	value_format(&q->dom, &v, hi, sizeof hi);
	if (len >= bufsz)
		return (buf);
	if (q->dom.has_min && q->dom.has_max)
		snprintf(buf + len, bufsz - len, "; from %s to %s", lo, hi);
	else if (q->dom.has_min)
		snprintf(buf + len, bufsz - len, "; at least %s", lo);
	else if (q->dom.has_max)
		snprintf(buf + len, bufsz - len, "; at most %s", hi);
	return (buf);
}
