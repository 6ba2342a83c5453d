/*
 * screen_prompt: two small boxes over the screen below. A prompt asks for
 * a line of text (a file name) and hands it to a callback, which closes
 * the box or, after a tui_message explaining what is wrong, keeps it open.
 * A menu offers a few choices, each with a key of its own, and hands the
 * choice to a callback (export formats, "save before quitting?").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui_int.h"
#include "xmalloc.h"

struct prompt {
	char		*title, *hint;
	struct lineedit	 le;
	prompt_done	 done;
	void		*arg;
};

struct menu {
	char			*title;
	char			*text;
	struct menu_item	*items;
	size_t			 nitems, cur;
	menu_done		 done;
	void			*arg;
};

/* Height of a box of n inner rows, and its top row, centred. */
static int
box_top(const struct tui *t, int h)
{
	int	y = (tui_rows(t) - h) / 2;

	return (y < 2 ? 2 : y);
}

static int
box_width(void)
{
	return (COLS - 4 < 72 ? COLS - 4 : 72);
}

static void
prompt_free(void *data)
{
	struct prompt	*p = data;

	free(p->title);
	free(p->hint);
	lineedit_free(&p->le);
	free(p);
}

static void
prompt_draw(struct tui *t, void *data)
{
	struct prompt		*p = data;
	struct draw_lines	 hint = { NULL, 0, 0 }, msg = { NULL, 0, 0 };
	size_t			 i;
	int			 w = box_width(), iw = w - 4, h, x, y;

	lines_wrap(&hint, 0, 0, iw, ST_NORMAL, p->hint);
	if (t->msg[0] != '\0')
		lines_wrap(&msg, 0, 0, iw, t->msg_error ? ST_ERROR : ST_NOTICE,
		    t->msg);
	h = 2 + (int)hint.n + 1 + 1 + 1 + (msg.n ? (int)msg.n : 1);
	y = box_top(t, h);
	x = (COLS - w) / 2;
	draw_box(y, x, h, w, p->title, t);
	for (i = 0; i < hint.n; i++)
		draw_text(y + 1 + (int)i, x + 2, iw, hint.v[i].text, ST_NORMAL,
		    t);
	y += 2 + (int)hint.n;
	lineedit_draw(&p->le, y, x + 2, iw, t);
	y += 2;
	if (msg.n == 0)
		draw_text(y, x + 2, iw, "Enter to go ahead, Esc to cancel.",
		    ST_DIM, t);
	for (i = 0; i < msg.n; i++)
		draw_text(y + (int)i, x + 2, iw, msg.v[i].text, msg.v[i].style,
		    t);
	lines_free(&hint);
	lines_free(&msg);
}

static int
prompt_accept(struct tui *t, void *data, int key)
{
	struct prompt	*p = data;
	char		*text;
	int		 rc;

	(void)key;
	text = lineedit_text(&p->le);
	rc = p->done(t, text, p->arg);
	free(text);
	return (rc);
}

static int
box_cancel(struct tui *t, void *data, int key)
{
	(void)t;
	(void)data;
	(void)key;
	return (TUI_POP);
}

static int
prompt_key(struct tui *t, void *data, int key)
{
	struct prompt	*p = data;

	(void)t;
	return (lineedit_key(&p->le, key) ? TUI_REDRAW : TUI_UNKNOWN_KEY);
}

static const struct tui_binding prompt_keys[] = {
	{ '\r', "Enter", "OK", prompt_accept },
	{ '\n', NULL, NULL, prompt_accept },
	{ TK(KEY_ENTER), NULL, NULL, prompt_accept },
	{ TK_ESC, "Esc", "cancel", box_cancel },
	{ 0, NULL, NULL, NULL }
};

static const struct tui_binding *
prompt_bindings(struct tui *t, void *data)
{
	(void)t;
	(void)data;
	return (prompt_keys);
}

static const struct tui_screen screen_prompt = {
	"prompt", true, prompt_draw, prompt_bindings, prompt_key, prompt_free,
};

void
prompt_open(struct tui *t, const char *title, const char *hint,
    const char *initial, prompt_done done, void *arg)
{
	struct prompt	*p;

	p = xcalloc(1, sizeof *p);
	p->title = xstrdup(title);
	p->hint = xstrdup(hint);
	lineedit_init(&p->le, initial);
	p->done = done;
	p->arg = arg;
	tui_push(t, &screen_prompt, p);
}

/* Menus. */

static void
menu_free(void *data)
{
	struct menu	*m = data;
	size_t		 i;

	for (i = 0; i < m->nitems; i++) {
		free((char *)(uintptr_t)m->items[i].key);
		free((char *)(uintptr_t)m->items[i].text);
		free((char *)(uintptr_t)m->items[i].desc);
	}
	free(m->items);
	free(m->title);
	free(m->text);
	free(m);
}

static void
menu_draw(struct tui *t, void *data)
{
	struct menu		*m = data;
	struct draw_lines	 text = { NULL, 0, 0 };
	enum tui_style		 st;
	char			 line[512];
	size_t			 i;
	int			 w = box_width(), iw = w - 4, h, x, y;

	lines_wrap(&text, 0, 0, iw, ST_NORMAL, m->text);
	h = 2 + (int)text.n + 1 + (int)m->nitems;
	if (h > tui_rows(t) - 2)
		h = tui_rows(t) - 2;
	y = box_top(t, h);
	x = (COLS - w) / 2;
	draw_box(y, x, h, w, m->title, t);
	for (i = 0; i < text.n && (int)i < h - 2; i++)
		draw_text(y + 1 + (int)i, x + 2, iw, text.v[i].text, ST_NORMAL,
		    t);
	y += 2 + (int)text.n;
	for (i = 0; i < m->nitems; i++, y++) {
		if (y >= box_top(t, h) + h - 1)
			break;
		st = i == m->cur ? ST_SELECTED : ST_NORMAL;
		draw_fill(y, x + 1, w - 2, st, t);
		if (i == m->cur) {
			draw_text(y, x + 1, 1, draw_glyph(t, "\u25b6", ">"), st,
			    t);
			draw_focus(t, y, x + 3);
		}
		snprintf(line, sizeof line, "%-3s %s%s%s", m->items[i].key ?
		    m->items[i].key : "", m->items[i].text, m->items[i].desc ?
		    ": " : "", m->items[i].desc ? m->items[i].desc : "");
		draw_text(y, x + 3, w - 4, line, st, t);
	}
	lines_free(&text);
}

static int
menu_move(struct tui *t, void *data, int key)
{
	struct menu	*m = data;

	(void)t;
	if (key == TK(KEY_UP) || key == 'k' || key == TK(KEY_BTAB)) {
		if (m->cur > 0)
			m->cur--;
	} else if (m->cur + 1 < m->nitems)
		m->cur++;
	return (TUI_REDRAW);
}

static int
menu_choose(struct tui *t, void *data, int key)
{
	struct menu	*m = data;

	(void)key;
	return (m->done(t, m->cur, m->arg));
}

/* An item's own key picks it at once. */
static int
menu_key(struct tui *t, void *data, int key)
{
	struct menu	*m = data;
	size_t		 i;

	for (i = 0; i < m->nitems; i++)
		if (m->items[i].key != NULL && m->items[i].key[1] == '\0' &&
		    m->items[i].key[0] == key)
			return (m->done(t, i, m->arg));
	return (TUI_UNKNOWN_KEY);
}

static const struct tui_binding menu_keys[] = {
	{ TK(KEY_UP), "\u2191\u2193", "choose", menu_move },
	{ TK(KEY_DOWN), NULL, NULL, menu_move },
	{ 'k', NULL, NULL, menu_move },
	{ 'j', NULL, NULL, menu_move },
	{ '\t', NULL, NULL, menu_move },
	{ TK(KEY_BTAB), NULL, NULL, menu_move },
	{ '\r', "Enter", "OK", menu_choose },
	{ '\n', NULL, NULL, menu_choose },
	{ TK(KEY_ENTER), NULL, NULL, menu_choose },
	{ TK_ESC, "Esc", "cancel", box_cancel },
	{ 0, NULL, NULL, NULL }
};

static const struct tui_binding *
menu_bindings(struct tui *t, void *data)
{
	(void)t;
	(void)data;
	return (menu_keys);
}

static const struct tui_screen screen_menu = {
	"menu", true, menu_draw, menu_bindings, menu_key, menu_free,
};

bool
menu_on_top(const struct tui *t, menu_done done)
{
	const struct tui_frame	*f;

	if (t->depth == 0)
		return (false);
	f = &t->stack[t->depth - 1];
	return (f->screen == &screen_menu &&
	    ((const struct menu *)f->data)->done == done);
}

void
menu_open(struct tui *t, const char *title, const char *text,
    const struct menu_item *items, size_t nitems, size_t cursor,
    menu_done done, void *arg)
{
	struct menu	*m;
	size_t		 i;

	m = xcalloc(1, sizeof *m);
	m->title = xstrdup(title);
	m->text = xstrdup(text);
	m->items = xcalloc(nitems, sizeof *m->items);
	for (i = 0; i < nitems; i++) {
		m->items[i].key = items[i].key ? xstrdup(items[i].key) : NULL;
		m->items[i].text = xstrdup(items[i].text);
		m->items[i].desc = items[i].desc ? xstrdup(items[i].desc) :
		    NULL;
	}
	m->nitems = nitems;
	m->cur = cursor < nitems ? cursor : 0;
	m->done = done;
	m->arg = arg;
	tui_push(t, &screen_menu, m);
}
