/*
 * tui_int: what the TUI's files share. The TUI is a stack of screens in
 * the manner of ncdu (each with draw and key functions); keys go through
 * per-screen binding tables and handlers return reaction flags that tell
 * the loop what to do next (htop's Htop_Reaction). The binding tables also
 * make the status line, so it always shows the keys that really work.
 *
 * State the screens read: the knowledge base, the answers and the ranking
 * (struct tui). Only tui.c re-analyses (advice_update), after
 * a handler reports TUI_CHANGED.
 */
#ifndef ARCHADVISOR_TUI_INT_H
#define ARCHADVISOR_TUI_INT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "engine.h"
#include "kb.h"
#include "advice.h"
#include "whatif.h"

/* Below this size the screen shows a message instead of the interface. */
#define TUI_MIN_COLS	60
#define TUI_MIN_LINES	16
/* From this width the ranking sits beside the questions. */
#define TUI_WIDE_COLS	100

/*
 * Keys: a character is its code point; a curses key code is offset past
 * Unicode so that the two never collide.
 */
#define TK(k)		((k) + 0x110000)
#define TK_ESC		27
#define TK_CTRL(c)	((c) & 0x1f)

/* Reactions: what a key handler changed (bit flags). */
#define TUI_NONE	0x0
#define TUI_REDRAW	0x1	/* draw again */
#define TUI_CHANGED	0x2	/* answers changed: re-rank, then draw */
#define TUI_POP		0x4	/* close the top screen */
#define TUI_QUIT	0x8	/* leave the program */
#define TUI_UNKNOWN_KEY	0x10	/* not a key of this screen */
#define TUI_DIRTY	0x20	/* changed what is saved, not the ranking */

struct tui;

/* One key of a screen. keyname NULL: works, but not shown in the status. */
struct tui_binding {
	int		 key;
	const char	*keyname;	/* as shown: "Enter", "q", "↑↓" */
	const char	*label;		/* what it does: "quit" */
	int		(*fn)(struct tui *, void *data, int key);
};

struct tui_screen {
	const char	*name;
	bool		 popup;		/* drawn over the screen below */
	void		(*draw)(struct tui *, void *data);
	/* The bindings now (may depend on the screen's state). */
	const struct tui_binding *(*bindings)(struct tui *, void *data);
	/* Keys the table does not have (text entry); may be NULL. */
	int		(*key)(struct tui *, void *data, int key);
	void		(*free)(void *data);
};

/* Drawing styles; tui_attr maps them to colours or to plain attributes. */
enum tui_style {
	ST_NORMAL,
	ST_TITLE,	/* the top bar */
	ST_HEADING,	/* panel and section headings */
	ST_SELECTED,	/* the cursor */
	ST_DIM,		/* "don't know", hints */
	ST_KEY,		/* key names in the status line */
	ST_ERROR,
	ST_NOTICE,	/* "saved to ..." */
	ST_RECOMMEND,
	ST_FIT_STRONG,
	ST_FIT_GOOD,
	ST_FIT_FAIR,
	ST_FIT_WEAK,
	ST_FIT_OUT,
	ST_BORDER,
	ST_TEXTSEL,	/* selected text in a field */
	ST_COUNT
};

#define TUI_MAX_DEPTH	8

struct tui_frame {
	const struct tui_screen	*screen;
	void			*data;
};

struct tui {
	const struct kb		*kb;
	struct answers		 answers;
	struct advice		 advice;	/* ranking, what-if, evidence */
	bool			 dirty;		/* changed since last save */
	char			*path;		/* answers file, or NULL */
	const char		*version;
	bool			 color;		/* colours in use */
	bool			 utf8;		/* block and arrow glyphs */
	struct tui_frame	 stack[TUI_MAX_DEPTH];
	int			 depth;
	char			 msg[512];	/* until the next key */
	bool			 msg_error;
	int			 status_rows;	/* rows the status line takes */
	int			 cursor_y;	/* the text cursor, */
	int			 cursor_x;	/* or -1: hidden */
	/* Where the focus is when no text cursor shows: the hidden
	   cursor goes there, for screen readers and braille displays. */
	int			 focus_y, focus_x;
};

/* tui.c */
void	 tui_push(struct tui *, const struct tui_screen *, void *data);
void	 tui_message(struct tui *, bool error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Sets question qi; TUI_CHANGED if that changed anything, else TUI_REDRAW. */
int	 tui_answer(struct tui *, size_t qi, struct value v);
/* Rows available to screens (the status line is below them). */
int	 tui_rows(const struct tui *);
/* Questions answered, of those asked (ask_if) or answered anyway. */
void	 tui_progress(const struct tui *, size_t *answered, size_t *asked);
/*
 * The reports' view of the TUI's state: the answers and the whole advice,
 * as `archadvisor report` would see them, so that a panel can say what a
 * report says in the reports' own words.
 */
struct report_ctx;
void	 tui_report_ctx(const struct tui *, struct report_ctx *);
/* Title bar and recommendation: the top two rows of full screens. */
void	 tui_draw_header(struct tui *);

/* draw.c */
void	 draw_init_styles(struct tui *);
/* The focused row or item: where the (hidden) cursor goes. */
void	 draw_focus(struct tui *, int y, int x);
/*
 * The message of the moment on row y (over row y - 1 too if it needs
 * two rows), or else hint.
 */
void	 draw_message(struct tui *, int y, const char *hint);
attr_t	 draw_attr(const struct tui *, enum tui_style);
enum tui_style draw_fit_style(enum fit);
/*
 * Decodes the next character of s (at most len bytes) into *wc and its
 * display width; control characters and bad bytes become '?'. Returns the
 * bytes used (at least 1).
 */
size_t	 draw_next_char(const char *s, size_t len, wchar_t *wc, int *w);
int	 draw_width(const char *s);
int	 draw_nwidth(const char *s, size_t len);
int	 draw_text(int y, int x, int maxw, const char *s, enum tui_style,
	    const struct tui *);
void	 draw_fill(int y, int x, int n, enum tui_style, const struct tui *);
void	 draw_hline(int y, int x, int n, const struct tui *);
void	 draw_box(int y, int x, int h, int w, const char *title,
	    const struct tui *);
void	 draw_heading(struct tui *, int y, int x, int w, const char *title,
	    const char *right);
void	 draw_bar(int y, int x, int w, double score, enum tui_style,
	    const struct tui *);
void	 draw_status(struct tui *, const struct tui_binding *);
int	 draw_status_rows(const struct tui *, const struct tui_binding *,
	    int cols);
const char *draw_glyph(const struct tui *, const char *utf8,
	    const char *ascii);

/* text.c: wrapped text for pagers and popups, lines of UTF-8 with a style. */
struct draw_line {
	char		*text;
	enum tui_style	 style;
	int		 indent;
};
struct draw_lines {
	struct draw_line	*v;
	size_t			 n, cap;
};
void	 lines_add(struct draw_lines *, int indent, enum tui_style,
	    const char *s);
void	 lines_addf(struct draw_lines *, int indent, enum tui_style,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Word-wraps s to width columns: first line at indent, the rest at hang. */
void	 lines_wrap(struct draw_lines *, int indent, int hang, int width,
	    enum tui_style, const char *s);
/* Reflows help text: paragraphs joined and wrapped, table rows kept. */
void	 lines_reflow(struct draw_lines *, int indent, int width,
	    enum tui_style, const char *s);
void	 lines_free(struct draw_lines *);

/* Text shown for an answer ("10m", "yes", "don't know"). */
char	*answer_text(const struct question *, const struct value *,
	    char *buf, size_t bufsz);
/* What a question accepts ("duration, e.g. 30s, 10m; at least 1s"). */
char	*accepts_text(const struct question *, char *buf, size_t bufsz);

/* screen_main.c */
extern const struct tui_screen screen_main;
void	*screen_main_new(struct tui *);
/* Moves the question cursor on (after an answer); its screen row. */
void	 screen_main_next(struct tui *);
int	 screen_main_cursor_y(struct tui *);
int	 screen_main_list_width(struct tui *);

/* panel_ranking.c: the ranking panel, drawn at x, y in w x h. */
struct ranking_panel {
	int	x, y, w, h;	/* the rows under its heading */
	int	namew, bar;	/* column widths */
	bool	focus;		/* the panel has the keys */
	size_t	sel;		/* rank (0-based) of the chosen pattern */
};
/* The panel's width with a bar of bar cells; the name column in namew. */
int	 ranking_panel_width(const struct tui *, int bar, int *namew);
void	 ranking_panel_draw(struct tui *, const struct ranking_panel *);

/*
 * panel_questions.c: the questions by section, a cursor on one of them,
 * and the panel that lists them with their answers.
 */
struct question_list {
	size_t	*rows;		/* question index, or a section heading */
	size_t	 nrows;
	size_t	 cur;		/* row of the cursor (always a question) */
	size_t	 top;		/* first row shown */
	size_t	 page;		/* rows shown, from the last draw */
	int	 cursor_y;	/* screen row of the cursor, for popups */
};
void	 question_list_init(struct question_list *, const struct kb *);
void	 question_list_free(struct question_list *);
/* The question under the cursor. */
size_t	 question_list_current(const struct question_list *);
/* Moves the cursor by n questions (negative: up), stopping at the ends. */
void	 question_list_move(struct question_list *, long n);
/*
 * Draws the list in the rows y .. y + h - 1 at x, w columns wide, under
 * its heading on row y - 1, scrolled to the cursor; focus: it has the
 * keys, so the cursor shows as selected.
 */
void	 questions_panel_draw(struct tui *, struct question_list *, int x,
	    int y, int w, int h, bool focus);

/* screen_edit.c: the editor for question qi. */
void	 edit_open(struct tui *, size_t qi);

/* screen_pager.c: scrolling text (question help, pattern details). */
void	 pager_open_help(struct tui *, size_t qi);
void	 pager_open_detail(struct tui *, size_t pattern);

/* screen_prompt.c: a line of input, a menu, a question. */
typedef int (*prompt_done)(struct tui *, const char *text, void *arg);
void	 prompt_open(struct tui *, const char *title, const char *hint,
	    const char *initial, prompt_done done, void *arg);
struct menu_item {
	const char	*key;		/* the letter that picks it, or NULL */
	const char	*text;
	const char	*desc;		/* or NULL */
};
typedef int (*menu_done)(struct tui *, size_t choice, void *arg);
void	 menu_open(struct tui *, const char *title, const char *text,
	    const struct menu_item *items, size_t nitems, size_t cursor,
	    menu_done done, void *arg);
/* Whether the top screen is a menu that calls done. */
bool	 menu_on_top(const struct tui *, menu_done done);

/*
 * lineedit.c: an editable line of text. Text given to lineedit_init
 * starts selected, so that typing replaces it; an arrow key, Home or End
 * only ends the selection.
 */
struct lineedit {
	wchar_t	*buf;
	size_t	 len, cap;
	size_t	 cur;		/* cursor, in characters */
	size_t	 scroll;	/* first character shown */
	bool	 sel;		/* all of it selected: typing replaces it */
};
void	 lineedit_init(struct lineedit *, const char *utf8);
void	 lineedit_free(struct lineedit *);
/* Handles one key; returns 1 if it was an editing key, else 0. */
int	 lineedit_key(struct lineedit *, int key);
/* The text as UTF-8; caller frees. */
char	*lineedit_text(const struct lineedit *);
/* Draws the field at y, x, w columns wide and places the cursor. */
void	 lineedit_draw(struct lineedit *, int y, int x, int w,
	    struct tui *);

/* context.c: the scenario's title and description, notes on answers. */
int	 context_title(struct tui *);
int	 context_note(struct tui *, size_t qi);
/*
 * Before the first save or export of a scenario without a title: asks
 * for one (and a description), then goes on to the save or the export.
 * Returns false if it did not ask.
 */
bool	 context_ask_first(struct tui *, bool export);

/* files.c: save, export and quit (through the core's writers). */
int	 files_save(struct tui *, bool then_quit);
int	 files_export(struct tui *);
int	 files_quit(struct tui *);
/*
 * Ctrl-C: with unsaved changes, asks as q does (and returns false); a
 * second Ctrl-C while it asks, or none to lose, returns true: quit.
 */
bool	 files_interrupt(struct tui *);
void	 files_cleanup(void);

#endif
