/*
 * header: the top two lines of every full screen, the title bar (scenario,
 * file, progress) and the recommendation in words, said as the reports
 * say it: a close call names every side, the organisation stands apart.
 */
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "tui_int.h"
#include "utf8.h"
#include "words.h"

/* The best processing pattern after the recommended one, or NULL. */
static const char *
runner_up(const struct tui *t)
{
	const struct ranking	*r = t->advice.ranking;
	size_t			 i, p;

	for (i = 0; i < r->npatterns; i++) {
		p = r->order[i];
		if ((int)p != r->processing && !r->scores[p].vetoed &&
		    t->kb->patterns[p].kind == PATTERN_PROCESSING)
			return (t->kb->patterns[p].name);
	}
	return (NULL);
}

/* The options in a close call with the recommended one, as the reports say. */
static size_t
close_rivals(const struct tui *t, char *buf, size_t bufsz)
{
	struct report_ctx	ctx;

	tui_report_ctx(t, &ctx);
	return (report_close_rivals(&ctx, buf, bufsz));
}

/*
 * The recommendation as a phrase, from the ranking's own fields; the
 * runner-up is named only if the phrase still fits in width columns.
 */
static void
recommendation(const struct tui *t, size_t answered, int width, char *buf,
    size_t bufsz)
{
	const struct kb		*kb = t->kb;
	const struct ranking	*r = t->advice.ranking;
	const char		*next = runner_up(t), *proc;
	char			 org[256], rivals[512], lead[32];
	size_t			 nrivals;

	if (answered == 0) {
		snprintf(buf, bufsz, "none yet: answer a few questions.");
		return;
	}
	if (r->processing < 0) {
		snprintf(buf, bufsz, "every processing pattern is ruled out "
		    "by these answers.");
		return;
	}
	proc = kb->patterns[r->processing].name;
	if (!r->org_settled)
		snprintf(org, sizeof org, "organisation leaning %s",
		    r->organization >= 0 ? kb->patterns[r->organization].name :
		    "central");
	else if (r->organization >= 0)
		snprintf(org, sizeof org, "organised as a %s",
		    kb->patterns[r->organization].name);
	else
		snprintf(org, sizeof org, "organised centrally");
	/* The longest phrase that fits: the ranking shows the rest. */
	nrivals = close_rivals(t, rivals, sizeof rivals);
	if (next != NULL && r->close_call)
		text_printf(buf, bufsz, "a close call between %s%s%s; %s",
		    proc, nrivals > 1 ? ", " : " and ", nrivals > 0 ? rivals :
		    next, org);
	else if (next != NULL)
		snprintf(buf, bufsz, "%s, %s ahead of %s; %s", proc,
		    words_lead(r->margin, lead, sizeof lead), next, org);
	else
		snprintf(buf, bufsz, "%s; %s", proc, org);
	if (next == NULL || draw_width(buf) <= width)
		return;
	snprintf(buf, bufsz, r->close_call ? "%s (a close call); %s" :
	    "%s; %s", proc, org);
}

/*
 * The top two lines of every full screen: the title bar (file, progress)
 * and the recommendation, which stays in view whatever the screen.
 * Progress counts the questions that are asked (ask_if) or answered.
 */
void
tui_draw_header(struct tui *t)
{
	const char	*file, *dot;
	char		 left[512], right[64], line[512];
	size_t		 asked, answered;
	int		 rw;

	tui_progress(t, &answered, &asked);
	draw_fill(0, 0, COLS, ST_TITLE, t);
	file = t->path ? strrchr(t->path, '/') : NULL;
	file = file ? file + 1 : t->path;
	dot = draw_glyph(t, " \u00b7 ", " - ");
	snprintf(left, sizeof left, "archadvisor%s%s%s%s%s",
	    t->answers.name ? dot : "",
	    t->answers.name ? t->answers.name : "", dot,
	    file ? file : "not saved yet",
	    t->dirty && file ? ", modified" : "");
	snprintf(right, sizeof right, "answered %zu of %zu", answered, asked);
	rw = draw_width(right);
	draw_text(0, 1, COLS - rw - 4, left, ST_TITLE, t);
	draw_text(0, COLS - rw - 1, rw, right, ST_TITLE, t);

	draw_fill(1, 0, COLS, ST_NORMAL, t);
	rw = draw_text(1, 1, COLS - 2, "Recommendation: ", ST_RECOMMEND, t);
	recommendation(t, answered, COLS - 2 - rw, line, sizeof line);
	draw_text(1, 1 + rw, COLS - 2 - rw, line, answered ? ST_RECOMMEND :
	    ST_DIM, t);
}
