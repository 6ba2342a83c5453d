/*
 * draw: the TUI's drawing helpers. Text arrives as UTF-8 from the knowledge
 * base and is measured and cut by display width (wcwidth), so a line never
 * spills into the next panel; cut text ends in an ellipsis. Styles map to
 * colour pairs when colour is on, and to bold, reverse and dim otherwise
 * (monochrome terminals, NO_COLOR). Also score bars, boxes, headings
 * and the status line made from a screen's key bindings.
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
	/* Inside a field drawn as ST_SELECTED: the other way round. */
	[ST_TEXTSEL]	= { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_BOLD },
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

void
draw_focus(struct tui *t, int y, int x)
{
	t->focus_y = y;
	t->focus_x = x;
}

void
draw_message(struct tui *t, int y, const char *hint)
{
	struct draw_lines	 l = { NULL, 0, 0 };
	enum tui_style		 st = t->msg_error ? ST_ERROR : ST_NOTICE;
	char			 buf[1024];

	if (t->msg[0] == '\0') {
		draw_text(y, 1, COLS - 2, hint, ST_DIM, t);
		return;
	}
	lines_wrap(&l, 0, 0, COLS - 2, st, t->msg);
	if (l.n > 1) {
		draw_fill(y - 1, 0, COLS, ST_NORMAL, t);
		draw_text(y - 1, 1, COLS - 2, l.v[0].text, st, t);
		snprintf(buf, sizeof buf, "%s%s%s", l.v[1].text, l.n > 2 ?
		    " " : "", l.n > 2 ? l.v[2].text : "");
		draw_text(y, 1, COLS - 2, buf, st, t);
	} else
		draw_text(y, 1, COLS - 2, t->msg, st, t);
	lines_free(&l);
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

size_t
draw_next_char(const char *s, size_t len, wchar_t *wc, int *w)
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
		n = draw_next_char(s, len, &wc, &w);
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
		n = draw_next_char(s, len, &wc, &w);
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

/*
 * A rule across w columns with a title at its left and, if it fits,
 * dim text at its right ("↓ more").
 */
void
draw_heading(struct tui *t, int y, int x, int w, const char *title,
    const char *right)
{
	int	rw;

	draw_hline(y, x, w, t);
	draw_text(y, x + 1, w - 2, " ", ST_NORMAL, t);
	rw = draw_text(y, x + 2, w - 4, title, ST_HEADING, t);
	draw_text(y, x + 2 + rw, 1, " ", ST_NORMAL, t);
	if (right != NULL && right[0] != '\0' &&
	    (rw = draw_width(right)) + draw_width(title) + 8 < w) {
		draw_text(y, x + w - rw - 3, 1, " ", ST_NORMAL, t);
		draw_text(y, x + w - rw - 2, rw, right, ST_DIM, t);
		draw_text(y, x + w - 2, 1, " ", ST_NORMAL, t);
	}
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
	total -= 2;	/* no gap after the last */
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
