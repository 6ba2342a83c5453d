/*
 * panel_ranking: the live ranking as a panel: every pattern with its rank,
 * score bar, score and fit label; then what could still change the
 * recommendation (the core's what-if analysis); then why the chosen
 * pattern scores as it does, as far as the panel has room. Everything
 * shown comes from t->advice: nothing is scored here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "tui_int.h"
#include "utf8.h"
#include "words.h"

/* The effect of the chosen pattern's i-th reason: vetoes first. */
static const char *
reason_why(const struct tui *t, const struct pattern_score *s, size_t i,
    char *eff, size_t effsz, enum tui_style *st)
{
	double	e;

	if (i < s->nvetoes) {
		snprintf(eff, effsz, "rules out");
		*st = ST_FIT_WEAK;
		return (t->kb->rules[s->vetoes[i]].why);
	}
	e = s->reasons[i - s->nvetoes].effect;
	/* The direction in words; weights are explain's. */
	snprintf(eff, effsz, "%s", e < 0 ? "against" : "for");
	*st = e < 0 ? ST_FIT_WEAK : ST_FIT_GOOD;
	return (t->kb->rules[s->reasons[i - s->nvetoes].rule].why);
}

/* The chosen pattern's vetoes and fired rules, under the ranking. */
static void
draw_reasons(struct tui *t, const struct ranking_panel *p, int y)
{
	const struct pattern_score	*s;
	struct draw_lines		 one;
	enum tui_style			 st;
	const char			*why;
	char				 head[256], eff[32];
	size_t				 i, j, n;
	int				 bottom = p->y + p->h;

	if (y >= bottom - 1)
		return;
	s = &t->advice.ranking->scores[t->advice.listed[p->sel]];
	n = s->nvetoes + s->nreasons;
	snprintf(head, sizeof head, "Why %s ranks here",
	    t->kb->patterns[s->pattern].name);
	draw_text(y++, p->x + 1, p->w - 2, head, ST_HEADING, t);
	if (n == 0)
		draw_text(y, p->x + 1, p->w - 2, "No rule applies with these "
		    "answers.", ST_DIM, t);
	for (i = 0; i < n; i++) {
		memset(&one, 0, sizeof one);
		why = reason_why(t, s, i, eff, sizeof eff, &st);
		lines_wrap(&one, 0, 0, p->w - 12, ST_NORMAL, why);
		/* Leave the last row for "N more" unless this is the last. */
		if (y + (int)one.n > (i + 1 < n ? bottom - 1 : bottom)) {
			lines_free(&one);
			break;
		}
		draw_text(y, p->x + 1, 9, eff, st, t);
		for (j = 0; j < one.n; j++)
			draw_text(y++, p->x + 11, p->w - 12, one.v[j].text,
			    ST_NORMAL, t);
		lines_free(&one);
	}
	if (i < n && y < bottom) {
		snprintf(head, sizeof head, "%s%zu more: %s", draw_glyph(t,
		    "\u2026 ", "... "), n - i, p->focus ? "Enter shows "
		    "them all" : "r, then Enter, shows them all");
		draw_text(y, p->x + 1, p->w - 2, head, ST_DIM, t);
	}
}

/*
 * The nearest changed answers that would change the recommendation (the
 * same sentences as the reports), while there is room for them and for
 * the reasons below. Returns the row after what was drawn.
 */
static int
draw_sensitivity(struct tui *t, const struct ranking_panel *p, int y)
{
	const struct whatif	*w = &t->advice.whatif;
	struct draw_lines	 lines = { NULL, 0, 0 };
	struct report_ctx	 ctx;
	char			 buf[1024];
	size_t			 i, j, mark;
	int			 bottom = p->y + p->h;

	if (answers_count(&t->answers) == 0 || w->processing < 0 ||
	    w->nsens == 0)
		return (y);
	tui_report_ctx(t, &ctx);
	for (i = 0; i < w->nsens; i++) {
		mark = lines.n;
		report_sensitivity_sentence(&ctx, &w->sens[i], buf,
		    sizeof buf);
		lines_wrap(&lines, 0, 2, p->w - 2, ST_DIM, buf);
		/* Keep room for the reasons' heading and one reason. */
		if (y + (int)lines.n + 3 > bottom) {
			while (lines.n > mark)
				free(lines.v[--lines.n].text);
			break;
		}
	}
	for (j = 0; j < lines.n; j++)
		draw_text(y++, p->x + 1 + lines.v[j].indent, p->w - 2 -
		    lines.v[j].indent, lines.v[j].text, lines.v[j].style, t);
	if (lines.n > 0)
		y++;
	lines_free(&lines);
	return (y);
}

/*
 * What could still change the recommendation (the core's what-if
 * analysis): how often it holds, and the open questions to ask next.
 * Returns the row after what was drawn.
 */
static int
draw_whatif(struct tui *t, const struct ranking_panel *p, int y)
{
	const struct whatif	*w = &t->advice.whatif;
	struct draw_lines	 lines = { NULL, 0, 0 };
	struct report_ctx	 ctx;
	char			 buf[1024], label[WORDS_LABEL_MAX * 2];
	char			 deciding[512];
	size_t			 i, n, len;
	int			 bottom = p->y + p->h;

	if (answers_count(&t->answers) == 0 || w->open == 0 ||
	    w->processing < 0)
		return (y);
	tui_report_ctx(t, &ctx);
	report_robustness_brief(&ctx, buf, sizeof buf);
	lines_wrap(&lines, 0, 0, p->w - 2, ST_DIM, buf);
	/* A close call names what would decide it, as every report does;
	   "Ask next" then names the others. */
	if (t->advice.ranking->close_call &&
	    report_deciding_phrase(&ctx, deciding, sizeof deciding)) {
		text_printf(buf, sizeof buf, "The close call turns on %s.",
		    deciding);
		lines_wrap(&lines, 0, 2, p->w - 2, ST_NORMAL, buf);
	}
	len = (size_t)snprintf(buf, sizeof buf, "Ask next:");
	for (i = n = 0; i < w->nnext && n < 3 && len < sizeof buf; i++) {
		if (w->next[i].change_share == 0 &&
		    w->next[i].margin_change == 0)
			continue;
		if (report_deciding_named(&ctx, w->next[i].question))
			continue;
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s %s",
		    n ? ";" : "", words_label(&t->kb->questions[
		    w->next[i].question], label, sizeof label));
		n++;
	}
	if (n > 0)
		lines_wrap(&lines, 0, 2, p->w - 2, ST_NORMAL, buf);
	/* All of it or nothing, and a row left for the reasons' heading. */
	if (y + (int)lines.n + 2 <= bottom) {
		for (i = 0; i < lines.n; i++)
			draw_text(y++, p->x + 1 + lines.v[i].indent, p->w - 2 -
			    lines.v[i].indent, lines.v[i].text,
			    lines.v[i].style, t);
		y++;
	}
	lines_free(&lines);
	return (draw_sensitivity(t, p, y));
}

int
ranking_panel_width(const struct tui *t, int bar, int *namew)
{
	size_t	i;
	int	w;

	*namew = 8;
	for (i = 0; i < t->kb->npatterns; i++)
		if ((w = draw_width(t->kb->patterns[i].name)) > *namew)
			*namew = w;
	if (*namew > 28)
		*namew = 28;
	/* Rank, name, bar, score and fit label, with their gaps. */
	return (3 + *namew + 1 + bar + 1 + 5 + 1 + 9 + 1);
}

void
ranking_panel_draw(struct tui *t, const struct ranking_panel *p)
{
	const struct kb			*kb = t->kb;
	const struct ranking		*r = t->advice.ranking;
	const struct pattern_score	*s;
	enum tui_style			 st, fs;
	char				 num[32];
	size_t				 i, nproc = t->advice.nprocessing;
	int				 y, x;

	for (i = 0; i < r->npatterns && (int)i < p->h; i++) {
		/* The organisation, decided apart, under a row of its own. */
		y = p->y + (int)i + (i >= nproc);
		if (i == nproc && y - 1 < p->y + p->h)
			draw_text(y - 1, p->x + 3, p->w - 4, "Organisation, "
			    "decided apart", ST_DIM, t);
		if (y >= p->y + p->h)
			break;
		s = &r->scores[t->advice.listed[i]];
		st = p->focus && i == p->sel ? ST_SELECTED : ST_NORMAL;
		fs = st == ST_SELECTED ? st : draw_fit_style(s->fit);
		draw_fill(y, p->x, p->w, st, t);
		if (p->focus && i == p->sel) {
			draw_text(y, p->x, 1, draw_glyph(t, "\u25b6", ">"),
			    st, t);
			draw_focus(t, y, p->x + 3);
		}
		snprintf(num, sizeof num, "%zu", i + 1);
		if (i >= nproc)
			num[0] = '\0';
		x = p->x + 1;
		draw_text(y, x, 2, num, st, t);
		draw_text(y, x + 2, p->namew, kb->patterns[s->pattern].name,
		    st, t);
		x += 2 + p->namew + 1;
		draw_bar(y, x, p->bar, s->score, fs, t);
		x += p->bar + 1;
		snprintf(num, sizeof num, "%5.0f", s->score);
		draw_text(y, x, 5, num, st, t);
		/* "stretched" fits the column; the reports say "at a stretch". */
		draw_text(y, x + 6, 9, s->stretched && !s->vetoed ?
		    "stretched" : fit_name(s->fit), s->stretched ?
		    (st == ST_SELECTED ? st : ST_FIT_WEAK) : fs, t);
	}
	y = draw_whatif(t, p, p->y + (int)r->npatterns + 1 +
	    (nproc < r->npatterns));
	draw_reasons(t, p, y);
}

