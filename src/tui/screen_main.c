/*
 * screen_main: the questionnaire and the live ranking. The questions are
 * listed by section, one per line with the current answer
 * (panel_questions.c); the ranking (all patterns, score bars, fit labels,
 * and why the chosen one scores as it does: panel_ranking.c) sits beside
 * them from TUI_WIDE_COLS columns and takes the place of the list on
 * narrower terminals ('r' switches). This file lays the two out, writes
 * the current question or pattern in full below them, and holds the keys.
 * Nothing here scores: the numbers come from t->advice.ranking, which tui.c
 * refreshes after each change.
 */
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "tui_int.h"
#include "utf8.h"
#include "words.h"
#include "xmalloc.h"

#define INFO_ROWS	4	/* rule, prompt (2 lines), accepts/message */

struct main_state {
	struct question_list	 list;
	bool			 ranking;	/* the ranking has the keys */
	size_t			 rsel;		/* rank (0-based) of the
						   chosen pattern */
};

struct layout {
	int	list_y, list_h;	/* rows under the panel headings */
	int	qx, qw;		/* question panel; qw 0: not shown */
	int	rx, rw;		/* ranking panel; rw 0: not shown */
	int	namew, bar;	/* ranking columns */
	int	info_y;
};

void *
screen_main_new(struct tui *t)
{
	struct main_state	*m;

	m = xcalloc(1, sizeof *m);
	question_list_init(&m->list, t->kb);
	return (m);
}

static void
main_free(void *data)
{
	struct main_state	*m = data;

	question_list_free(&m->list);
	free(m);
}

static bool
wide(void)
{
	return (COLS >= TUI_WIDE_COLS);
}

static void
compute_layout(const struct tui *t, const struct main_state *m,
    struct layout *l)
{
	int	fixed;

	memset(l, 0, sizeof *l);
	l->info_y = tui_rows(t) - INFO_ROWS;
	l->list_y = 3;
	l->list_h = l->info_y - l->list_y;
	fixed = ranking_panel_width(t, 0, &l->namew);
	if (wide()) {
		l->bar = COLS >= 120 ? 12 : 8;
		l->rw = fixed + l->bar;
		l->rx = COLS - l->rw;
		l->qx = 0;
		l->qw = l->rx - 1;
	} else if (m->ranking) {
		l->bar = COLS - fixed - 1;
		if (l->bar > 30)
			l->bar = 30;
		l->rx = 0;
		l->rw = COLS;
	} else
		l->qw = COLS;
}

static void
draw_ranking(struct tui *t, struct main_state *m, const struct layout *l)
{
	struct ranking_panel	rp;

	if (m->rsel >= t->advice.ranking->npatterns)
		m->rsel = 0;
	draw_heading(t, 2, l->rx, l->rw, "Ranking", NULL);
	rp.x = l->rx;
	rp.y = l->list_y;
	rp.w = l->rw;
	rp.h = l->list_h;
	rp.namew = l->namew;
	rp.bar = l->bar;
	rp.focus = m->ranking;
	rp.sel = m->rsel;
	ranking_panel_draw(t, &rp);
}

/*
 * Why a question is skipped, in labels: "Not asked with these answers: it
 * matters only for some answers to acceptable delay."
 */
static const char *
not_asked_text(const struct kb *kb, const struct question *q, char *buf,
    size_t bufsz)
{
	char	list[512] = "", label[WORDS_LABEL_MAX * 2];
	bool	*read;
	size_t	 i, k, n = 0;

	read = xcalloc(kb->nquestions + 1, sizeof *read);
	if (q->ask_if != NULL)
		expr_questions(q->ask_if, read);
	for (i = 0; i < kb->nquestions; i++)
		n += read[i];
	for (i = k = 0; i < kb->nquestions; i++)
		if (read[i])
			words_list_add(list, sizeof list, words_label_lower(
			    &kb->questions[i], label, sizeof label), k++, n);
	free(read);
	text_printf(buf, bufsz, "Not asked with these answers: it matters only "
	    "for some answers to %s.", n > 0 ? list : "other questions");
	return (buf);
}

/* The rule above the info area, and the current question or pattern. */
static void
draw_info(struct tui *t, const struct main_state *m, const struct layout *l)
{
	const struct kb		*kb = t->kb;
	const struct question	*q = &kb->questions[question_list_current(&m->list)];
	const struct pattern	*p;
	struct draw_lines	 lines = { NULL, 0, 0 };
	char			 buf[1024], hbuf[1024], label[WORDS_LABEL_MAX * 2];
	const char		*title, *text, *hint, *note;
	size_t			 i, n;

	if (m->ranking) {
		p = &kb->patterns[t->advice.listed[m->rsel]];
		title = p->name;
		text = p->summary;
		hint = "Enter shows it in full: what it is, tools, pros, cons, "
		    "and why it scored so.";
	} else {
		title = words_label(q, label, sizeof label);
		text = q->prompt;
		if (kb_question_asked(kb, question_list_current(&m->list), t->answers.v))
			hint = accepts_text(q, hbuf, sizeof hbuf);
		else
			hint = not_asked_text(kb, q, hbuf, sizeof hbuf);
	}
	draw_heading(t, l->info_y, 0, COLS, title, NULL);
	if (l->qw > 0 && l->rw > 0) {
		/* Join the panels' divider to the rules above and below. */
		attrset(draw_attr(t, ST_BORDER));
		mvaddch(2, l->rx - 1, ACS_TTEE);
		mvvline(3, l->rx - 1, ACS_VLINE, l->list_h);
		mvaddch(l->info_y, l->rx - 1, ACS_BTEE);
		attrset(A_NORMAL);
	}
	lines_wrap(&lines, 0, 0, COLS - 2, ST_NORMAL, text ? text : "");
	/* The note on the answer takes the prompt's second line. */
	note = m->ranking ? NULL : answers_note(&t->answers, question_list_current(&m->list));
	if (note != NULL) {
		snprintf(buf, sizeof buf, "Note: %s", note);
		draw_text(l->info_y + 2, 1, COLS - 2, buf, ST_NOTICE, t);
	}
	n = note != NULL ? 1 : 2;
	for (i = 0; i < n && i < lines.n; i++) {
		if (i + 1 == n && lines.n > n) {
			/* Cut the last line so that draw_text adds "…". */
			snprintf(buf, sizeof buf, "%s %s", lines.v[i].text,
			    lines.v[i + 1].text);
			draw_text(l->info_y + 1 + (int)i, 1, COLS - 2, buf,
			    ST_NORMAL, t);
		} else
			draw_text(l->info_y + 1 + (int)i, 1, COLS - 2,
			    lines.v[i].text, ST_NORMAL, t);
	}
	lines_free(&lines);
	draw_message(t, l->info_y + 3, hint);
}

static void
main_draw(struct tui *t, void *data)
{
	struct main_state	*m = data;
	struct layout		 l;

	tui_draw_header(t);
	compute_layout(t, m, &l);
	if (l.qw > 0)
		questions_panel_draw(t, &m->list, l.qx, l.list_y, l.qw,
		    l.list_h, !m->ranking);
	if (l.rw > 0)
		draw_ranking(t, m, &l);
	draw_info(t, m, &l);
}

/* On to the next question that is asked, if there is one. */
void
screen_main_next(struct tui *t)
{
	struct main_state	*m = t->stack[0].data;
	struct question_list	*ql = &m->list;
	size_t			 was = ql->cur, prev;

	do {
		prev = ql->cur;
		question_list_move(ql, 1);
	} while (ql->cur != prev &&
	    !kb_question_asked(t->kb, question_list_current(ql),
	    t->answers.v));
	if (!kb_question_asked(t->kb, question_list_current(ql),
	    t->answers.v))
		ql->cur = was;	/* only skipped ones are left: stay */
}

int
screen_main_list_width(struct tui *t)
{
	struct layout	l;

	compute_layout(t, t->stack[0].data, &l);
	return (l.qw > 0 ? l.qw : COLS);
}

int
screen_main_cursor_y(struct tui *t)
{
	const struct main_state	*m = t->stack[0].data;

	return (m->list.cursor_y);
}

static int
k_up(struct tui *t, void *data, int key)
{
	struct main_state	*m = data;

	(void)t;
	if (m->ranking) {
		if (m->rsel > 0)
			m->rsel--;
	} else
		question_list_move(&m->list, key == TK(KEY_PPAGE) ?
		    -(long)m->list.page + 1 : -1);
	return (TUI_REDRAW);
}

static int
k_down(struct tui *t, void *data, int key)
{
	struct main_state	*m = data;

	if (m->ranking) {
		if (m->rsel + 1 < t->advice.ranking->npatterns)
			m->rsel++;
	} else
		question_list_move(&m->list, key == TK(KEY_NPAGE) ?
		    (long)m->list.page - 1 : 1);
	return (TUI_REDRAW);
}

static int
k_home(struct tui *t, void *data, int key)
{
	struct main_state	*m = data;

	if (m->ranking)
		m->rsel = key == TK(KEY_HOME) || key == 'g' ? 0 :
		    t->advice.ranking->npatterns - 1;
	else
		question_list_move(&m->list, key == TK(KEY_HOME) ||
		    key == 'g' ? -(long)m->list.nrows : (long)m->list.nrows);
	return (TUI_REDRAW);
}

static int
k_enter(struct tui *t, void *data, int key)
{
	struct main_state	*m = data;

	(void)key;
	if (m->ranking)
		pager_open_detail(t, t->advice.listed[m->rsel]);
	else
		edit_open(t, question_list_current(&m->list));
	return (TUI_REDRAW);
}

static int
k_unknown(struct tui *t, void *data, int key)
{
	struct main_state	*m = data;

	(void)key;
	return (tui_answer(t, question_list_current(&m->list), value_unknown()));
}

static int
k_help(struct tui *t, void *data, int key)
{
	struct main_state	*m = data;

	(void)key;
	pager_open_help(t, question_list_current(&m->list));
	return (TUI_REDRAW);
}

static int
k_ranking(struct tui *t, void *data, int key)
{
	struct main_state	*m = data;

	(void)t;
	if (key == 'r')
		m->ranking = !m->ranking;
	else
		m->ranking = false;
	return (TUI_REDRAW);
}

static int
k_save(struct tui *t, void *data, int key)
{
	(void)data;
	(void)key;
	return (files_save(t, false));
}

static int
k_export(struct tui *t, void *data, int key)
{
	(void)data;
	(void)key;
	return (files_export(t));
}

/* n: a note on the answer; t: the scenario's title and description. */
static int
k_context(struct tui *t, void *data, int key)
{
	struct main_state	*m = data;

	return (key == 'n' ? context_note(t, question_list_current(&m->list)) :
	    context_title(t));
}

static int
k_quit(struct tui *t, void *data, int key)
{
	(void)data;
	(void)key;
	return (files_quit(t));
}

#define MOVE_KEYS \
	{ TK(KEY_UP), "\u2191\u2193", "move", k_up }, \
	{ TK(KEY_DOWN), NULL, NULL, k_down }, \
	{ 'k', NULL, NULL, k_up }, \
	{ 'j', NULL, NULL, k_down }, \
	{ TK(KEY_PPAGE), NULL, NULL, k_up }, \
	{ TK(KEY_NPAGE), NULL, NULL, k_down }, \
	{ TK(KEY_HOME), NULL, NULL, k_home }, \
	{ TK(KEY_END), NULL, NULL, k_home }, \
	{ 'g', NULL, NULL, k_home }, \
	{ 'G', NULL, NULL, k_home }
#define FILE_KEYS \
	{ 't', "t", "title", k_context }, \
	{ 's', "s", "save", k_save }, \
	{ 'e', "e", "export", k_export }, \
	{ 'q', "q", "quit", k_quit }, \
	{ 0, NULL, NULL, NULL }

static const struct tui_binding question_keys[] = {
	MOVE_KEYS,
	{ '\t', NULL, NULL, k_down },
	{ TK(KEY_BTAB), NULL, NULL, k_up },
	{ '\r', "Enter", "answer", k_enter },
	{ '\n', NULL, NULL, k_enter },
	{ TK(KEY_ENTER), NULL, NULL, k_enter },
	{ ' ', NULL, NULL, k_enter },
	{ TK(KEY_RIGHT), NULL, NULL, k_enter },
	{ 'l', NULL, NULL, k_enter },
	{ 'u', "u", "don't know", k_unknown },
	{ TK(KEY_DC), NULL, NULL, k_unknown },
	{ TK(KEY_BACKSPACE), NULL, NULL, k_unknown },
	{ 127, NULL, NULL, k_unknown },
	{ '?', "?", "help", k_help },
	{ TK(KEY_F(1)), NULL, NULL, k_help },
	{ 'r', "r", "ranking", k_ranking },
	{ 'n', "n", "note", k_context },
	FILE_KEYS
};

static const struct tui_binding ranking_keys[] = {
	MOVE_KEYS,
	{ '\r', "Enter", "details", k_enter },
	{ '\n', NULL, NULL, k_enter },
	{ TK(KEY_ENTER), NULL, NULL, k_enter },
	{ ' ', NULL, NULL, k_enter },
	{ TK(KEY_RIGHT), NULL, NULL, k_enter },
	{ 'l', NULL, NULL, k_enter },
	{ 'r', "r", "questions", k_ranking },
	{ TK_ESC, NULL, NULL, k_ranking },
	{ TK(KEY_LEFT), NULL, NULL, k_ranking },
	{ 'h', NULL, NULL, k_ranking },
	{ '\t', NULL, NULL, k_ranking },
	FILE_KEYS
};

static const struct tui_binding *
main_bindings(struct tui *t, void *data)
{
	struct main_state	*m = data;

	(void)t;
	return (m->ranking ? ranking_keys : question_keys);
}

const struct tui_screen screen_main = {
	"main", false, main_draw, main_bindings, NULL, main_free,
};
