/*
 * lineedit: one editable line of text, for answers typed in (durations,
 * sizes, integers) and for file names. Holds wide characters so the cursor
 * moves by character; keys are the usual ones (arrows, Home/End,
 * Backspace/Delete, Ctrl-A/E/U/K/W). The field scrolls sideways when the
 * text is wider than the space it has.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "tui_int.h"
#include "xmalloc.h"

#define LINEEDIT_MAX	1024	/* characters; longer input is refused */

static void
grow(struct lineedit *le, size_t need)
{
	if (need + 1 <= le->cap)
		return;
	le->cap = need + 32;
	le->buf = xreallocarray(le->buf, le->cap, sizeof *le->buf);
}

void
lineedit_init(struct lineedit *le, const char *utf8)
{
	mbstate_t	ps;
	wchar_t		wc;
	size_t		n, len = utf8 ? strlen(utf8) : 0;

	memset(le, 0, sizeof *le);
	grow(le, len);
	memset(&ps, 0, sizeof ps);
	while (len > 0 && le->len < LINEEDIT_MAX) {
		n = mbrtowc(&wc, utf8, len, &ps);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&ps, 0, sizeof ps);
			wc = L'?';
			n = 1;
		}
		/* One line: line ends and tabs of a loaded text are blanks. */
		if (wc == L'\n' || wc == L'\t')
			wc = L' ';
		else if (!iswprint((wint_t)wc))
			wc = L'?';
		le->buf[le->len++] = wc;
		utf8 += n;
		len -= n;
	}
	le->buf[le->len] = L'\0';
	le->cur = le->len;
	le->sel = le->len > 0;
}

void
lineedit_free(struct lineedit *le)
{
	free(le->buf);
	memset(le, 0, sizeof *le);
}

static void
delete_range(struct lineedit *le, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(le->buf + from, le->buf + to, (le->len - to + 1) *
	    sizeof *le->buf);
	le->len -= to - from;
	le->cur = from;
}

/*
 * A key while the text is selected, as form fields take it: a movement
 * ends the selection at its start or end, Backspace and Delete clear the
 * text, and a character replaces it. Returns 1 if that was all the key
 * does, 0 if it still goes to the usual handling.
 */
static int
selection_key(struct lineedit *le, int key)
{
	le->sel = false;
	switch (key) {
	case TK(KEY_LEFT):
	case TK(KEY_HOME):
	case TK_CTRL('a'):
		le->cur = 0;
		return (1);
	case TK(KEY_RIGHT):
	case TK(KEY_END):
	case TK_CTRL('e'):
		le->cur = le->len;
		return (1);
	case TK(KEY_BACKSPACE):
	case 127:
	case TK_CTRL('h'):
	case TK(KEY_DC):
	case TK_CTRL('d'):
		delete_range(le, 0, le->len);
		return (1);
	}
	if (key < 0x110000 && key >= L' ' && iswprint((wint_t)key))
		delete_range(le, 0, le->len);
	return (0);
}

int
lineedit_key(struct lineedit *le, int key)
{
	size_t	i;

	if (le->sel && selection_key(le, key))
		return (1);
	switch (key) {
	case TK(KEY_LEFT):
		if (le->cur > 0)
			le->cur--;
		return (1);
	case TK(KEY_RIGHT):
		if (le->cur < le->len)
			le->cur++;
		return (1);
	case TK(KEY_HOME):
	case TK_CTRL('a'):
		le->cur = 0;
		return (1);
	case TK(KEY_END):
	case TK_CTRL('e'):
		le->cur = le->len;
		return (1);
	case TK(KEY_BACKSPACE):
	case 127:
	case TK_CTRL('h'):
		if (le->cur > 0)
			delete_range(le, le->cur - 1, le->cur);
		return (1);
	case TK(KEY_DC):
	case TK_CTRL('d'):
		if (le->cur < le->len)
			delete_range(le, le->cur, le->cur + 1);
		return (1);
	case TK_CTRL('u'):
		delete_range(le, 0, le->cur);
		return (1);
	case TK_CTRL('k'):
		le->len = le->cur;
		le->buf[le->len] = L'\0';
		return (1);
	case TK_CTRL('w'):
		i = le->cur;
		while (i > 0 && le->buf[i - 1] == L' ')
			i--;
		while (i > 0 && le->buf[i - 1] != L' ')
			i--;
		delete_range(le, i, le->cur);
		return (1);
	}
	if (key >= 0x110000 || key < L' ' || !iswprint((wint_t)key))
		return (0);
	if (le->len >= LINEEDIT_MAX)
		return (1);
	grow(le, le->len + 1);
	memmove(le->buf + le->cur + 1, le->buf + le->cur, (le->len - le->cur +
	    1) * sizeof *le->buf);
	le->buf[le->cur++] = (wchar_t)key;
	le->len++;
	return (1);
}

char *
lineedit_text(const struct lineedit *le)
{
	mbstate_t	 ps;
	char		*out, mb[MB_LEN_MAX];
	size_t		 i, n, len = 0;

	out = xmalloc(le->len * MB_LEN_MAX + 1);
	memset(&ps, 0, sizeof ps);
	for (i = 0; i < le->len; i++) {
		n = wcrtomb(mb, le->buf[i], &ps);
		if (n == (size_t)-1) {
			memset(&ps, 0, sizeof ps);
			mb[0] = '?';
			n = 1;
		}
		memcpy(out + len, mb, n);
		len += n;
	}
	out[len] = '\0';
	return (out);
}

static int
wwidth(wchar_t wc)
{
	int	w = wcwidth(wc);

	return (w < 0 ? 1 : w);
}

void
lineedit_draw(struct lineedit *le, int y, int x, int w, struct tui *t)
{
	size_t	i;
	int	col;

	if (w < 2)
		return;
	/* Scroll so the cursor is inside the field, with room to type. */
	if (le->cur < le->scroll)
		le->scroll = le->cur;
	for (;;) {
		col = 0;
		for (i = le->scroll; i < le->cur; i++)
			col += wwidth(le->buf[i]);
		if (col < w - 1 || le->scroll >= le->cur)
			break;
		le->scroll++;
	}
	draw_fill(y, x, w, ST_SELECTED, t);
	attrset(draw_attr(t, le->sel ? ST_TEXTSEL : ST_SELECTED));
	col = 0;
	for (i = le->scroll; i < le->len; i++) {
		if (col + wwidth(le->buf[i]) > w)
			break;
		mvaddnwstr(y, x + col, &le->buf[i], 1);
		col += wwidth(le->buf[i]);
	}
	attrset(A_NORMAL);
	col = 0;
	for (i = le->scroll; i < le->cur; i++)
		col += wwidth(le->buf[i]);
	t->cursor_y = y;
	t->cursor_x = x + col;
}
