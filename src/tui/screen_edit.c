/*
 * screen_edit: the editor that opens on a question, in a box just under
 * (or over) its line. The widget follows the question's type: a choice
 * list for levels and yes/no questions, a checklist for sets, a line of
 * text for durations, sizes and integers, which value_parse checks: a bad
 * entry shows the parser's message in the box and is not accepted.
 * "Don't know" is always one key (u, or the last item of a list; an empty
 * line for text). A list opens on the item that is marked, so that Enter
 * keeps the answer as it is. A checklist with nothing ticked is "don't
 * know"; an empty set is said with its own item, "none of these".
 * Accepting goes through tui_answer, which re-ranks, and moves the
 * questionnaire on to the next question.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui_int.h"
#include "words.h"
#include "xmalloc.h"

enum edit_kind { ED_CHOICE, ED_SET, ED_TEXT };

struct edit {
	size_t			qi;
	enum edit_kind		kind;
	size_t			nitems;	/* lists: options, ["none of these"
					   for sets], then "don't know" */
	size_t			cur, top;
	uint64_t		bits;	/* checklist ticks */
	bool			none;	/* checklist: "none of these" marked */
	struct lineedit		le;
	char			err[512];
};

static const struct question *
question(const struct tui *t, const struct edit *e)
{
	return (&t->kb->questions[e->qi]);
}

/* The checklist's "none of these": the item before "don't know". */
static bool
is_none_item(const struct edit *e, size_t i)
{
	return (e->kind == ED_SET && i + 2 == e->nitems);
}

/* The label of list item i, in buf. */
static const char *
item_text(const struct question *q, size_t i, size_t nitems, char *buf,
    size_t bufsz)
{
	if (i + 1 == nitems)
		return ("don't know");
	if (q->dom.type == VAL_SET && i + 2 == nitems)
		return ("none of these");
	if (q->dom.type == VAL_BOOL)
		return (i == 0 ? "yes" : "no");
	return (words_value_label(q, i, buf, bufsz));
}

static void
edit_free(void *data)
{
	struct edit	*e = data;

	lineedit_free(&e->le);
	free(e);
}

/* Accepts v: answer, close, and move on to the next question. */
static int
accept(struct tui *t, struct edit *e, struct value v)
{
	int	react;
	size_t	answered, asked;

	react = tui_answer(t, e->qi, v);
	screen_main_next(t);
	tui_progress(t, &answered, &asked);
	if ((react & TUI_CHANGED) && answered == asked)
		tui_message(t, false, "Every question is answered: e exports "
		    "the report, s saves the answers.");
	return (react | TUI_POP);
}

static int
k_cancel(struct tui *t, void *data, int key)
{
	(void)t;
	(void)data;
	(void)key;
	return (TUI_POP);
}

static int
k_unknown(struct tui *t, void *data, int key)
{
	(void)key;
	return (accept(t, data, value_unknown()));
}

static int
k_help(struct tui *t, void *data, int key)
{
	struct edit	*e = data;

	(void)key;
	pager_open_help(t, e->qi);
	return (TUI_REDRAW);
}

static int
k_move(struct tui *t, void *data, int key)
{
	struct edit	*e = data;

	(void)t;
	/* Up and down go round: "don't know" is next to the first item. */
	switch (key) {
	case TK(KEY_UP):
	case 'k':
	case TK(KEY_BTAB):
		e->cur = (e->cur + e->nitems - 1) % e->nitems;
		break;
	case TK(KEY_HOME):
		e->cur = 0;
		break;
	case TK(KEY_END):
		e->cur = e->nitems - 1;
		break;
	default:
		e->cur = (e->cur + 1) % e->nitems;
	}
	return (TUI_REDRAW);
}

/* The value of a choice list's item i. */
static struct value
choice_value(const struct question *q, size_t i, size_t nitems)
{
	struct value	v = value_unknown();

	if (i + 1 == nitems)
		return (v);
	v.known = true;
	v.num = q->dom.type == VAL_BOOL ? (i == 0) : (int64_t)i;
	return (v);
}

static int
k_choose(struct tui *t, void *data, int key)
{
	struct edit	*e = data;

	(void)key;
	return (accept(t, e, choice_value(question(t, e), e->cur, e->nitems)));
}

static int	k_done(struct tui *, void *, int);

static int
k_tick(struct tui *t, void *data, int key)
{
	struct edit	*e = data;

	(void)key;
	if (e->cur + 1 == e->nitems || is_none_item(e, e->cur))
		return (k_done(t, data, key));
	e->bits ^= UINT64_C(1) << e->cur;
	e->none = false;
	return (TUI_REDRAW);
}

/*
 * Enter: "don't know" or "none of these" if the cursor is on one, else
 * the ticks; with nothing ticked, whichever of the two is marked.
 */
static int
k_done(struct tui *t, void *data, int key)
{
	struct edit	*e = data;
	struct value	 v = value_unknown();

	(void)key;
	if (e->cur + 1 == e->nitems)
		return (accept(t, e, v));
	if (is_none_item(e, e->cur) || e->bits != 0 || e->none) {
		v.known = true;
		v.bits = is_none_item(e, e->cur) ? 0 : e->bits;
	}
	return (accept(t, e, v));
}

static int
k_text(struct tui *t, void *data, int key)
{
	struct edit	*e = data;
	struct value	 v;
	char		*text;
	int		 rc;

	(void)key;
	text = lineedit_text(&e->le);
	if (text[strspn(text, " ")] == '\0')
		v = value_unknown();	/* empty: don't know */
	else if (value_parse(&question(t, e)->dom, text, &v, e->err,
	    sizeof e->err) != 0) {
		free(text);
		return (TUI_REDRAW);	/* the message shows; not accepted */
	}
	free(text);
	rc = accept(t, e, v);
	return (rc);
}

/* Typing in the text field; other keys are not ours. */
static int
text_key(struct tui *t, void *data, int key)
{
	struct edit	*e = data;

	(void)t;
	if (!lineedit_key(&e->le, key))
		return (TUI_UNKNOWN_KEY);
	e->err[0] = '\0';
	return (TUI_REDRAW);
}

/*
 * In a list, a letter moves to the next item whose label starts with it
 * (y for yes, n for no), as in most menus; Enter then chooses it.
 */
static int
list_key(struct tui *t, void *data, int key)
{
	struct edit		*e = data;
	const struct question	*q = question(t, e);
	char			 buf[WORDS_LABEL_MAX * 2];
	const char		*s;
	size_t			 i, k;

	if (key <= 0 || key > 127 || !isalpha(key))
		return (TUI_UNKNOWN_KEY);
	for (k = 1; k <= e->nitems; k++) {
		i = (e->cur + k) % e->nitems;
		s = item_text(q, i, e->nitems, buf, sizeof buf);
		if (tolower((unsigned char)s[0]) == tolower(key)) {
			e->cur = i;
			return (TUI_REDRAW);
		}
	}
	return (TUI_UNKNOWN_KEY);
}

#define LIST_MOVE_KEYS \
	{ TK(KEY_UP), "\u2191\u2193", "move", k_move }, \
	{ TK(KEY_DOWN), NULL, NULL, k_move }, \
	{ 'k', NULL, NULL, k_move }, \
	{ 'j', NULL, NULL, k_move }, \
	{ '\t', NULL, NULL, k_move }, \
	{ TK(KEY_BTAB), NULL, NULL, k_move }, \
	{ TK(KEY_HOME), NULL, NULL, k_move }, \
	{ TK(KEY_END), NULL, NULL, k_move }
#define COMMON_KEYS \
	{ 'u', "u", "don't know", k_unknown }, \
	{ '?', "?", "help", k_help }, \
	{ TK(KEY_F(1)), NULL, NULL, k_help }, \
	{ TK_ESC, "Esc", "cancel", k_cancel }, \
	{ TK(KEY_LEFT), NULL, NULL, k_cancel }, \
	{ 0, NULL, NULL, NULL }

static const struct tui_binding choice_keys[] = {
	LIST_MOVE_KEYS,
	{ '\r', "Enter", "choose", k_choose },
	{ '\n', NULL, NULL, k_choose },
	{ TK(KEY_ENTER), NULL, NULL, k_choose },
	{ ' ', NULL, NULL, k_choose },
	COMMON_KEYS
};

static const struct tui_binding set_keys[] = {
	LIST_MOVE_KEYS,
	{ ' ', "Space", "tick", k_tick },
	{ 'x', NULL, NULL, k_tick },
	{ '\r', "Enter", "done", k_done },
	{ '\n', NULL, NULL, k_done },
	{ TK(KEY_ENTER), NULL, NULL, k_done },
	COMMON_KEYS
};

static const struct tui_binding text_keys[] = {
	{ '\r', "Enter", "accept", k_text },
	{ '\n', NULL, NULL, k_text },
	{ TK(KEY_ENTER), NULL, NULL, k_text },
	{ TK_ESC, "Esc", "cancel", k_cancel },
	{ TK(KEY_F(1)), "F1", "help", k_help },
	{ 0, NULL, NULL, NULL }
};

static const struct tui_binding *
edit_bindings(struct tui *t, void *data)
{
	struct edit	*e = data;

	(void)t;
	switch (e->kind) {
	case ED_CHOICE:
		return (choice_keys);
	case ED_SET:
		return (set_keys);
	default:
		return (text_keys);
	}
}

/* Draws the list items from row y to y + h, scrolled to the cursor. */
static void
draw_list(struct tui *t, struct edit *e, int y, int x, int w, int h)
{
	const struct question	*q = question(t, e);
	const struct value	*v = &t->answers.v[e->qi];
	struct value		 iv;
	enum tui_style		 st;
	char			 line[512], label[WORDS_LABEL_MAX * 2];
	const char		*mark;
	size_t			 i;
	bool			 on;

	if (e->cur < e->top)
		e->top = e->cur;
	if (e->cur >= e->top + (size_t)h)
		e->top = e->cur - (size_t)h + 1;
	for (i = e->top; i < e->nitems && i < e->top + (size_t)h; i++) {
		st = i == e->cur ? ST_SELECTED : ST_NORMAL;
		if (e->kind == ED_SET && i + 2 >= e->nitems)
			/* What Enter stores with nothing ticked. */
			on = e->bits == 0 && (i + 1 == e->nitems) != e->none;
		else if (i + 1 == e->nitems)
			on = !v->known;
		else if (e->kind == ED_SET)
			on = (e->bits >> i) & 1;
		else {
			iv = choice_value(q, i, e->nitems);
			on = value_equal(v, &iv);
		}
		if (e->kind == ED_SET && i + 2 < e->nitems)
			mark = on ? "[x]" : "[ ]";
		else
			mark = on ? "(*)" : "( )";
		snprintf(line, sizeof line, "%s %s", mark,
		    item_text(q, i, e->nitems, label, sizeof label));
		draw_fill(y, x, w, st, t);
		if (i == e->cur) {
			draw_text(y, x, 1, draw_glyph(t, "\u25b6", ">"), st, t);
			draw_focus(t, y, x + 2);
		}
		draw_text(y, x + 2, w - 2, line, st, t);
		y++;
	}
}

static void
edit_draw(struct tui *t, void *data)
{
	struct edit		*e = data;
	const struct question	*q = question(t, e);
	struct draw_lines	 prompt = { NULL, 0, 0 }, err = { NULL, 0, 0 };
	char			 buf[1024], label[WORDS_LABEL_MAX * 2];
	int			 w, h, x, y, iw, body, avail, cy, np, i;

	/*
	 * Wide: beside the ranking, which stays in view. Narrow: the whole
	 * width, so that no stray text of the list shows beside the box.
	 */
	if (COLS >= TUI_WIDE_COLS) {
		w = screen_main_list_width(t) - 2;
		w = w < 56 ? 56 : w > 76 ? 76 : w;
		x = 2;
	} else {
		w = COLS;
		x = 0;
	}
	iw = w - 4;
	lines_wrap(&prompt, 0, 0, iw, ST_NORMAL, q->prompt);
	if (e->err[0] != '\0')
		lines_wrap(&err, 0, 0, iw, ST_ERROR, e->err);
	body = e->kind == ED_TEXT ? 2 + (int)err.n : (int)e->nitems;
	/* Rows: borders 2, prompt, blank, accepts, blank, body. */
	avail = tui_rows(t) - 2;
	np = (int)prompt.n;
	if (2 + np + 3 + body > avail)
		np = avail - 2 - 3 - body;
	if (np < 1)
		np = 1;
	h = 2 + np + 3 + body;
	if (h > avail)
		h = avail;
	cy = screen_main_cursor_y(t);
	if (cy + 1 + h <= tui_rows(t))
		y = cy + 1;
	else if (cy - h >= 2)
		y = cy - h;
	else
		y = tui_rows(t) - h;
	draw_box(y, x, h, w, words_label(q, label, sizeof label), t);
	for (i = 0; i < np; i++) {
		if (i == np - 1 && (size_t)np < prompt.n) {
			snprintf(buf, sizeof buf, "%s %s", prompt.v[i].text,
			    prompt.v[i + 1].text);
			draw_text(y + 1 + i, x + 2, iw, buf, ST_NORMAL, t);
		} else
			draw_text(y + 1 + i, x + 2, iw, prompt.v[i].text,
			    ST_NORMAL, t);
	}
	if (e->kind == ED_TEXT)
		accepts_text(q, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, "%s", e->kind == ED_SET ? "Tick all "
		    "that apply with Space, then press Enter." : "Pick one "
		    "and press Enter.");
	draw_text(y + 2 + np, x + 2, iw, buf, ST_DIM, t);
	y += 4 + np;
	body = h - 2 - np - 3;
	if (e->kind != ED_TEXT) {
		draw_list(t, e, y, x + 1, w - 2, body);
		/* Items out of view: say so in the bottom border. */
		if (e->nitems > (size_t)body) {
			snprintf(buf, sizeof buf, " %s%s more ", e->top > 0 ?
			    draw_glyph(t, "\u2191", "^") : "", e->top +
			    (size_t)body < e->nitems ? draw_glyph(t, "\u2193",
			    "v") : "");
			draw_text(y + body, x + w - 2 - draw_width(buf),
			    draw_width(buf), buf, ST_DIM, t);
		}
	} else {
		i = draw_text(y, x + 2, iw, "Answer: ", ST_NORMAL, t);
		lineedit_draw(&e->le, y, x + 2 + i, iw - i, t);
		for (i = 0; i < (int)err.n && i + 1 < body; i++)
			draw_text(y + 1 + i, x + 2, iw, err.v[i].text, ST_ERROR,
			    t);
		if (i + 1 < body)
			draw_text(y + 1 + i, x + 2, iw, "Leave it empty for "
			    "\"don't know\".", ST_DIM, t);
	}
	lines_free(&prompt);
	lines_free(&err);
}

static const struct tui_screen screen_edit = {
	"edit", true, edit_draw, edit_bindings, text_key, edit_free,
};

static const struct tui_screen screen_edit_list = {
	"edit", true, edit_draw, edit_bindings, list_key, edit_free,
};

void
edit_open(struct tui *t, size_t qi)
{
	const struct question	*q = &t->kb->questions[qi];
	const struct value	*v = &t->answers.v[qi];
	struct edit		*e;
	char			 buf[1024];

	e = xcalloc(1, sizeof *e);
	e->qi = qi;
	switch (q->dom.type) {
	case VAL_BOOL:
	case VAL_LEVEL:
		e->kind = ED_CHOICE;
		e->nitems = (q->dom.type == VAL_BOOL ? 2 : q->dom.nnames) + 1;
		/* On the marked item: Enter keeps the answer as it is. */
		e->cur = !v->known ? e->nitems - 1 : q->dom.type == VAL_BOOL ?
		    (v->num ? 0 : 1) : (size_t)v->num;
		break;
	case VAL_SET:
		e->kind = ED_SET;
		e->nitems = q->dom.nnames + 2;
		e->bits = v->known ? v->bits : 0;
		e->none = v->known && v->bits == 0;
		break;
	default:
		e->kind = ED_TEXT;
		lineedit_init(&e->le, v->known ? value_format(&q->dom, v, buf,
		    sizeof buf) : "");
		tui_push(t, &screen_edit, e);
		return;
	}
	tui_push(t, &screen_edit_list, e);
}
