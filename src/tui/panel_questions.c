/*
 * panel_questions: the questions as a list, by section, one a line with
 * its label, prompt and current answer (dimmed when the answers make it
 * one not asked), and a cursor that skips the section headings. The list
 * only reads t->answers; screen_main.c places it and gives it the keys.
 */
#include <stdlib.h>
#include <string.h>

#include "tui_int.h"
#include "words.h"
#include "xmalloc.h"

#define ROW_SECTION	((size_t)1 << (sizeof(size_t) * 8 - 1))
#define PROMPT_MIN	28	/* columns a prompt in the list needs */

static bool
is_section(size_t row)
{
	return ((row & ROW_SECTION) != 0);
}

void
question_list_init(struct question_list *ql, const struct kb *kb)
{
	bool	*placed;
	size_t	 s, i;

	memset(ql, 0, sizeof *ql);
	ql->rows = xcalloc(kb->nquestions + kb->sections.n + 1,
	    sizeof *ql->rows);
	placed = xcalloc(kb->nquestions + 1, sizeof *placed);
	for (s = 0; s < kb->sections.n; s++) {
		ql->rows[ql->nrows++] = ROW_SECTION | s;
		for (i = 0; i < kb->nquestions; i++) {
			if (!placed[i] && strcmp(kb->questions[i].section,
			    kb->sections.items[s]) == 0) {
				ql->rows[ql->nrows++] = i;
				placed[i] = true;
			}
		}
	}
	/* Sections come from the questions, but stay safe if one does not. */
	for (i = 0; i < kb->nquestions; i++)
		if (!placed[i])
			ql->rows[ql->nrows++] = i;
	free(placed);
	while (ql->cur < ql->nrows && is_section(ql->rows[ql->cur]))
		ql->cur++;
}

void
question_list_free(struct question_list *ql)
{
	free(ql->rows);
	ql->rows = NULL;
}

size_t
question_list_current(const struct question_list *ql)
{
	return (ql->rows[ql->cur]);
}

void
question_list_move(struct question_list *ql, long n)
{
	size_t	i = ql->cur;

	while (n != 0) {
		if (n > 0) {
			do
				i++;
			while (i < ql->nrows && is_section(ql->rows[i]));
			if (i >= ql->nrows)
				break;
			n--;
		} else {
			if (i == 0)
				break;
			do
				i--;
			while (i > 0 && is_section(ql->rows[i]));
			if (is_section(ql->rows[i]))
				break;
			n++;
		}
		ql->cur = i;
	}
}

/* Keeps the cursor in view, with its section heading when possible. */
static void
scroll_to_cursor(struct question_list *ql, size_t h)
{
	size_t	want = ql->cur;

	if (want > 0 && is_section(ql->rows[want - 1]))
		want--;
	if (want < ql->top)
		ql->top = want;
	if (ql->cur >= ql->top + h)
		ql->top = ql->cur - h + 1;
	if (ql->nrows > h && ql->top > ql->nrows - h)
		ql->top = ql->nrows - h;
	if (ql->nrows <= h)
		ql->top = 0;
}

/* The width of the label column: the longest label, within limits. */
static int
max_label_width(const struct kb *kb)
{
	char	label[WORDS_LABEL_MAX * 2];
	size_t	i;
	int	w, max = 4;

	for (i = 0; i < kb->nquestions; i++)
		if ((w = draw_width(words_label(&kb->questions[i], label,
		    sizeof label))) > max)
			max = w;
	return (max > 24 ? 24 : max);
}

/* A question's answer as listed: "not asked" for a skipped open one. */
static char *
row_answer(const struct tui *t, size_t qi, char *buf, size_t bufsz)
{
	if (!t->answers.v[qi].known &&
	    !kb_question_asked(t->kb, qi, t->answers.v))
		snprintf(buf, bufsz, "not asked");
	else
		answer_text(&t->kb->questions[qi], &t->answers.v[qi], buf,
		    bufsz);
	return (buf);
}

/* The answer column: as wide as the widest answer, within 10..max. */
static int
answer_width(const struct tui *t, int max)
{
	char	buf[512];
	size_t	i;
	int	w, aw = 10;

	for (i = 0; i < t->kb->nquestions; i++)
		if ((w = draw_width(row_answer(t, i, buf, sizeof buf))) > aw)
			aw = w;
	if (max < 10)
		max = 10;
	return (aw > max ? max : aw);
}

void
questions_panel_draw(struct tui *t, struct question_list *ql, int x, int y,
    int w, int h, bool focus)
{
	const struct kb		*kb = t->kb;
	const struct question	*q;
	char			 ans[512], more[64], label[WORDS_LABEL_MAX * 2];
	enum tui_style		 st, ast;
	size_t			 i, row;
	int			 ry, rx, idw, aw, pw;
	bool			 asked;

	ql->page = (size_t)h;
	scroll_to_cursor(ql, ql->page);
	more[0] = '\0';
	if (ql->top > 0 || ql->top + ql->page < ql->nrows)
		snprintf(more, sizeof more, "%s%s more", ql->top > 0 ?
		    draw_glyph(t, "\u2191 ", "^ ") : "",
		    ql->top + ql->page < ql->nrows ? draw_glyph(t, "\u2193",
		    "v") : "");
	draw_heading(t, y - 1, x, w, "Questions", more);
	aw = answer_width(t, w / 3);
	/*
	 * The prompt is what people read: the id column goes where it
	 * would leave the prompt fewer than PROMPT_MIN columns beside the
	 * narrowest answers (not the answers of the moment, so that the
	 * columns stay put as answers are given).
	 */
	idw = max_label_width(kb);
	if (w - 2 - idw - 2 - 10 - 2 < PROMPT_MIN)
		idw = 0;
	pw = w - 2 - (idw > 0 ? idw + 2 : 0) - aw - 2;
	for (i = 0; i < ql->page && ql->top + i < ql->nrows; i++) {
		ry = y + (int)i;
		row = ql->rows[ql->top + i];
		if (is_section(row)) {
			draw_text(ry, x + 1, w - 2,
			    kb->sections.items[row & ~ROW_SECTION], ST_HEADING,
			    t);
			continue;
		}
		q = &kb->questions[row];
		asked = kb_question_asked(kb, row, t->answers.v);
		st = asked ? ST_NORMAL : ST_DIM;
		rx = x + 2;
		if (ql->top + i == ql->cur) {
			ql->cursor_y = ry;
			if (focus) {
				st = ST_SELECTED;
				draw_focus(t, ry, rx);
			}
			draw_fill(ry, x, w, st, t);
			draw_text(ry, x, 1, draw_glyph(t, "\u25b6", ">"),
			    st, t);
		}
		if (idw > 0) {
			draw_text(ry, rx, idw, words_label(q, label,
			    sizeof label), st, t);
			rx += idw + 2;
		}
		draw_text(ry, rx, pw, q->prompt, st == ST_NORMAL && idw > 0 ?
		    ST_DIM : st, t);
		row_answer(t, row, ans, sizeof ans);
		ast = st != ST_NORMAL ? st : t->answers.v[row].known ?
		    ST_NORMAL : ST_DIM;
		draw_text(ry, x + w - aw - 1, aw, ans, ast, t);
		/* A mark after the answer: it has a note ('n' shows it). */
		if (answers_note(&t->answers, row) != NULL)
			draw_text(ry, x + w - 1, 1, draw_glyph(t,
			    "\u2022", "*"), ast, t);
	}
}
