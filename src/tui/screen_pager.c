/*
 * screen_pager: full-screen scrolling text, for a question's help and for
 * a pattern's details. The text is rebuilt from the knowledge base and the
 * ranking at each draw, wrapped to the terminal's width, so a resize just
 * reflows it. The details show everything the knowledge base says about a
 * pattern and why it ranks where it does: the requirements it meets, every
 * fired rule as for or against with its `why` (weights are explain's), the
 * vetoes with their reasons, and the public case studies nearest to the
 * answers that chose it.
 */
#include <stdlib.h>
#include <string.h>

#include "handout.h"
#include "precedent.h"
#include "tui_int.h"
#include "words.h"
#include "xmalloc.h"

/* Case studies the detail view lists, nearest first. */
#define TUI_PRECEDENTS	3

enum pager_kind { PG_HELP, PG_DETAIL };

struct pager {
	enum pager_kind	kind;
	size_t		item;		/* question or pattern index */
	size_t		top;
	size_t		page;		/* rows shown, from the last draw */
	size_t		nlines;		/* from the last draw */
};

static void
heading(struct draw_lines *l, const char *s)
{
	lines_add(l, 0, ST_NORMAL, "");
	lines_add(l, 1, ST_HEADING, s);
}

static void
bullets(const struct tui *t, struct draw_lines *l, int width,
    const char *title, const struct strlist *sl)
{
	char	*s;
	size_t	 i;

	if (sl->n == 0)
		return;
	heading(l, title);
	for (i = 0; i < sl->n; i++) {
		s = xasprintf("%s %s", draw_glyph(t, "\u2022", "-"),
		    sl->items[i]);
		lines_wrap(l, 3, 5, width, ST_NORMAL, s);
		free(s);
	}
}

static void
build_help(const struct tui *t, size_t qi, struct draw_lines *l, int width)
{
	const struct question	*q = &t->kb->questions[qi];
	char			 buf[1024];

	lines_wrap(l, 1, 1, width, ST_HEADING, q->prompt);
	lines_add(l, 0, ST_NORMAL, "");
	if (q->help != NULL && q->help[0] != '\0')
		lines_reflow(l, 1, width, ST_NORMAL, q->help);
	else
		lines_add(l, 1, ST_DIM, "The knowledge base has no help text "
		    "for this question.");
	heading(l, "Answer");
	lines_wrap(l, 3, 3, width, ST_NORMAL, accepts_text(q, buf,
	    sizeof buf));
	answer_text(q, &t->answers.v[qi], buf, sizeof buf);
	lines_addf(l, 3, ST_NORMAL, "Now: %s", buf);
	lines_wrap(l, 3, 3, width, ST_DIM, "\"Don't know\" is always a fair "
	    "answer: rules that need it do not fire, so it moves no score.");
	heading(l, "Keys");
	lines_wrap(l, 3, 17, width, ST_NORMAL, t->utf8 ?
	    "\u2191\u2193 j k Tab     move between questions; PgUp PgDn "
	    "Home End jump" : "Up Down j k Tab move between questions; "
	    "PgUp PgDn Home End jump");
	lines_wrap(l, 3, 17, width, ST_NORMAL, "Enter          answer the "
	    "question: pick from a list, tick a checklist or type a value");
	lines_wrap(l, 3, 17, width, ST_NORMAL, "u              don't know "
	    "(an empty entry does the same when typing)");
	lines_wrap(l, 3, 17, width, ST_NORMAL, "? or F1        this help");
	lines_wrap(l, 3, 17, width, ST_NORMAL, "r              the ranking; "
	    "Enter on a pattern shows why it scored as it did");
	lines_wrap(l, 3, 17, width, ST_NORMAL, "s  e           save the "
	    "answers (YAML); export the report");
	lines_wrap(l, 3, 17, width, ST_NORMAL, "q              quit (asks "
	    "first if there are unsaved changes)");
	lines_addf(l, 0, ST_NORMAL, "%s", "");
	lines_addf(l, 1, ST_DIM, "Knowledge base: %s %s; archadvisor %s.",
	    t->kb->name, t->kb->version, t->version);
}

/*
 * Which answered requirements pattern p meets, meets at a stretch or
 * misses, in the reports' sentence.
 */
static void
requirements(const struct tui *t, size_t p, struct draw_lines *l, int width)
{
	struct report_ctx	 ctx;
	char			*text;

	tui_report_ctx(t, &ctx);
	if ((text = handout_requirements_plain(&ctx, p)) == NULL)
		return;
	lines_wrap(l, 3, 3, width, ST_NORMAL, text);
	free(text);
}

static void
build_reasons(const struct tui *t, size_t p, struct draw_lines *l,
    int width)
{
	const struct kb			*kb = t->kb;
	const struct pattern_score	*s = &t->advice.ranking->scores[p];
	const struct rule		*rule;
	char				*text;
	size_t				 i;

	if (s->vetoed) {
		heading(l, "Ruled out");
		requirements(t, p, l, width);
		for (i = 0; i < s->nvetoes; i++) {
			rule = &kb->rules[s->vetoes[i]];
			text = xasprintf("%s %s", draw_glyph(t, "\u2022", "-"),
			    rule->why);
			lines_wrap(l, 3, 5, width, ST_FIT_WEAK, text);
			free(text);
		}
	}
	if (s->stretched) {
		heading(l, "Meets a requirement only at a stretch");
		for (i = 0; i < s->nstretches; i++) {
			rule = &kb->rules[s->stretches[i]];
			text = xasprintf("%s %s", draw_glyph(t, "\u2022", "-"),
			    rule->why);
			lines_wrap(l, 3, 5, width, ST_FIT_WEAK, text);
			free(text);
		}
	}
	if (s->vetoed && s->nreasons == 0)
		return;
	heading(l, s->vetoed ? "What else counts (it is ruled out all the "
	    "same)" : "Why it ranks here");
	if (!s->vetoed)
		requirements(t, p, l, width);
	/* Direction in words, strongest first; weights are explain's. */
	for (i = 0; i < s->nreasons; i++) {
		rule = &kb->rules[s->reasons[i].rule];
		text = xasprintf("%-7s  %s", s->reasons[i].effect < 0 ?
		    "against" : "for", rule->why);
		lines_wrap(l, 3, 12, width, s->reasons[i].effect < 0 ?
		    ST_FIT_WEAK : ST_NORMAL, text);
		free(text);
	}
	if (s->nreasons == 0)
		lines_wrap(l, 3, 3, width, ST_DIM, "No rule added to or took "
		    "from its score with these answers; answering more "
		    "questions may change that.");
}

/*
 * The public case studies that chose pattern p, nearest to the answers
 * first (evidence beside the score, which they never change).
 */
static void
build_precedents(const struct tui *t, size_t p, struct draw_lines *l,
    int width)
{
	const struct kb		*kb = t->kb;
	const struct precedent	*pr;
	struct precedent_match	 m[TUI_PRECEDENTS];
	char			*text;
	size_t			 i, n;

	if (kb->nprecedents == 0)
		return;
	heading(l, "Who chose it in a similar situation");
	n = precedent_nearest(kb, t->answers.v, (int)p, m, TUI_PRECEDENTS);
	if (n == 0)
		lines_wrap(l, 3, 3, width, ST_DIM, "No public case study that "
		    "chose it answers the questions answered here.");
	for (i = 0; i < n; i++) {
		pr = &kb->precedents[m[i].precedent];
		text = xasprintf("%s %s (%d)%s%s%s, %.0f%% similar over %zu "
		    "of %zu answers: %s", draw_glyph(t, "\u2022", "-"),
		    pr->organisation, pr->year, pr->moved_from >= 0 ?
		    ", moving from " : "", pr->moved_from >= 0 ?
		    kb->patterns[pr->moved_from].name : "", pr->regretted ?
		    ", and regretted it" : "", m[i].similarity * 100.0,
		    m[i].compared, m[i].answered, pr->outcome);
		lines_wrap(l, 3, 5, width, ST_NORMAL, text);
		free(text);
		text = xasprintf("%s, %s", pr->title, pr->url);
		lines_wrap(l, 5, 5, width, ST_DIM, text);
		free(text);
	}
}

static void
build_detail(const struct tui *t, size_t p, struct draw_lines *l, int width)
{
	const struct pattern		*pat = &t->kb->patterns[p];
	const struct pattern_score	*s = &t->advice.ranking->scores[p];
	char				*text;
	size_t				 i;

	lines_addf(l, 1, ST_HEADING, "%s (%s)", pat->name,
	    pat->kind == PATTERN_ORGANIZATION ? "how the organisation "
	    "owns its data" : "how data is processed");
	if (pat->kind == PATTERN_PROCESSING)
		lines_addf(l, 1, draw_fit_style(s->fit), "Rank %zu of %zu, "
		    "score %.0f, %s", advice_place(&t->advice, p) + 1,
		    t->advice.nprocessing, s->score, fit_name(s->fit));
	else
		lines_addf(l, 1, draw_fit_style(s->fit), "Decided apart from "
		    "processing, score %.0f, %s", s->score, fit_name(s->fit));
	lines_add(l, 0, ST_NORMAL, "");
	lines_wrap(l, 1, 1, width, ST_NORMAL, pat->summary);
	build_reasons(t, p, l, width);
	bullets(t, l, width, "Best for", &pat->best_for);
	bullets(t, l, width, "Typical tools", &pat->tools);
	bullets(t, l, width, "Pros", &pat->pros);
	bullets(t, l, width, "Cons", &pat->cons);
	if (pat->nprinciples > 0) {
		heading(l, "Principles");
		for (i = 0; i < pat->nprinciples; i++) {
			text = xasprintf("%s %s: %s", draw_glyph(t, "\u2022",
			    "-"), pat->principles[i].name,
			    pat->principles[i].text);
			lines_wrap(l, 3, 5, width, ST_NORMAL, text);
			free(text);
		}
	}
	if (pat->sketch != NULL && pat->sketch[0] != '\0') {
		heading(l, "Architecture sketch");
		lines_wrap(l, 3, 3, width, ST_NORMAL, pat->sketch);
	}
	build_precedents(t, p, l, width);
}

static void
pager_draw(struct tui *t, void *data)
{
	struct pager		*pg = data;
	struct draw_lines	 l = { NULL, 0, 0 };
	char			 title[256], more[64], label[WORDS_LABEL_MAX * 2];
	size_t			 i;
	int			 rows = tui_rows(t) - 3, width = COLS - 2;

	tui_draw_header(t);
	if (pg->kind == PG_HELP) {
		build_help(t, pg->item, &l, width);
		snprintf(title, sizeof title, "Help: %s",
		    words_label(&t->kb->questions[pg->item], label,
		    sizeof label));
	} else {
		build_detail(t, pg->item, &l, width);
		snprintf(title, sizeof title, "%s",
		    t->kb->patterns[pg->item].name);
	}
	pg->page = rows > 0 ? (size_t)rows : 1;
	pg->nlines = l.n;
	if (pg->top + pg->page > l.n)
		pg->top = l.n > pg->page ? l.n - pg->page : 0;
	more[0] = '\0';
	if (l.n > pg->page)
		snprintf(more, sizeof more, "lines %zu-%zu of %zu",
		    pg->top + 1, pg->top + pg->page < l.n ? pg->top +
		    pg->page : l.n, l.n);
	draw_heading(t, 2, 0, COLS, title, more);
	/* A reader follows the text from its first line shown. */
	if (pg->top < l.n)
		draw_focus(t, 3, l.v[pg->top].indent);
	for (i = 0; i < pg->page && pg->top + i < l.n; i++)
		draw_text(3 + (int)i, l.v[pg->top + i].indent, COLS -
		    l.v[pg->top + i].indent - 1, l.v[pg->top + i].text,
		    l.v[pg->top + i].style, t);
	lines_free(&l);
}

static int
k_scroll(struct tui *t, void *data, int key)
{
	struct pager	*pg = data;
	size_t		 last = pg->nlines > pg->page ? pg->nlines - pg->page :
			    0;

	(void)t;
	switch (key) {
	case TK(KEY_UP):
	case 'k':
		if (pg->top > 0)
			pg->top--;
		break;
	case TK(KEY_DOWN):
	case 'j':
	case '\r':
	case '\n':
		if (pg->top < last)
			pg->top++;
		break;
	case TK(KEY_PPAGE):
	case 'b':
		pg->top = pg->top > pg->page - 1 ? pg->top - (pg->page - 1) : 0;
		break;
	case TK(KEY_HOME):
	case 'g':
		pg->top = 0;
		break;
	case TK(KEY_END):
	case 'G':
		pg->top = last;
		break;
	default:	/* PgDn, Space */
		pg->top += pg->page - 1;
		if (pg->top > last)
			pg->top = last;
	}
	return (TUI_REDRAW);
}

/* The pattern ranked just above or below this one. */
static int
k_other(struct tui *t, void *data, int key)
{
	struct pager	*pg = data;
	size_t		 rank = advice_place(&t->advice, pg->item);
	size_t		 n = t->advice.ranking->npatterns;

	if (key == TK(KEY_LEFT) || key == 'p' || key == 'h')
		rank = (rank + n - 1) % n;
	else
		rank = (rank + 1) % n;
	pg->item = t->advice.listed[rank];
	pg->top = 0;
	return (TUI_REDRAW);
}

static int
k_back(struct tui *t, void *data, int key)
{
	(void)t;
	(void)data;
	(void)key;
	return (TUI_POP);
}

#define SCROLL_KEYS \
	{ TK(KEY_UP), "\u2191\u2193", "scroll", k_scroll }, \
	{ TK(KEY_DOWN), NULL, NULL, k_scroll }, \
	{ 'k', NULL, NULL, k_scroll }, \
	{ 'j', NULL, NULL, k_scroll }, \
	{ '\r', NULL, NULL, k_scroll }, \
	{ '\n', NULL, NULL, k_scroll }, \
	{ TK(KEY_NPAGE), "PgDn", "page", k_scroll }, \
	{ ' ', NULL, NULL, k_scroll }, \
	{ TK(KEY_PPAGE), NULL, NULL, k_scroll }, \
	{ 'b', NULL, NULL, k_scroll }, \
	{ TK(KEY_HOME), NULL, NULL, k_scroll }, \
	{ TK(KEY_END), NULL, NULL, k_scroll }, \
	{ 'g', NULL, NULL, k_scroll }, \
	{ 'G', NULL, NULL, k_scroll }
#define BACK_KEYS \
	{ TK_ESC, "Esc", "back", k_back }, \
	{ 'q', NULL, NULL, k_back }, \
	{ TK(KEY_BACKSPACE), NULL, NULL, k_back }, \
	{ 127, NULL, NULL, k_back }, \
	{ 0, NULL, NULL, NULL }

static const struct tui_binding help_keys[] = {
	SCROLL_KEYS,
	{ '?', NULL, NULL, k_back },
	{ TK(KEY_F(1)), NULL, NULL, k_back },
	{ TK(KEY_LEFT), NULL, NULL, k_back },
	BACK_KEYS
};

static const struct tui_binding detail_keys[] = {
	SCROLL_KEYS,
	{ TK(KEY_RIGHT), "\u2190\u2192", "other patterns", k_other },
	{ TK(KEY_LEFT), NULL, NULL, k_other },
	{ 'n', NULL, NULL, k_other },
	{ 'p', NULL, NULL, k_other },
	{ 'l', NULL, NULL, k_other },
	{ 'h', NULL, NULL, k_other },
	BACK_KEYS
};

static const struct tui_binding *
pager_bindings(struct tui *t, void *data)
{
	struct pager	*pg = data;

	(void)t;
	return (pg->kind == PG_HELP ? help_keys : detail_keys);
}

static const struct tui_screen screen_pager = {
	"pager", false, pager_draw, pager_bindings, NULL, free,
};

static void
open_pager(struct tui *t, enum pager_kind kind, size_t item)
{
	struct pager	*pg;

	pg = xcalloc(1, sizeof *pg);
	pg->kind = kind;
	pg->item = item;
	tui_push(t, &screen_pager, pg);
}

void
pager_open_help(struct tui *t, size_t qi)
{
	open_pager(t, PG_HELP, qi);
}

void
pager_open_detail(struct tui *t, size_t pattern)
{
	open_pager(t, PG_DETAIL, pattern);
}
