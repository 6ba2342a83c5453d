/*
 * report_whatif: the "what would change this" findings (src/core/whatif.h)
 * as sentences, as a section of the text report, and as JSON fields.
 */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "report.h"
#include "report_json.h"
#include "textfmt.h"
#include "utf8.h"
#include "words.h"

/* "Batch Processing, organised as a Data Mesh" or "... centrally". */
static void
outcome(const struct report_ctx *ctx, int processing, int organization,
    char *buf, size_t bufsz)
{
	const struct kb	*kb = ctx->kb;

	if (processing < 0)
		text_printf(buf, bufsz, "no processing pattern");
	else if (organization >= 0)
		text_printf(buf, bufsz, "%s, organised as a %s",
		    kb->patterns[processing].name,
		    kb->patterns[organization].name);
	else
		text_printf(buf, bufsz, "%s, organised centrally",
		    kb->patterns[processing].name);
}

char *
report_sensitivity_sentence(const struct report_ctx *ctx,
    const struct sensitivity *s, char *buf, size_t bufsz)
{
	const struct kb		*kb = ctx->kb;
	const struct whatif	*w = ctx->whatif;
	const struct question	*q = &kb->questions[s->question];
	char			 change[768], what[512];

	if (s->processing != w->processing && s->processing >= 0 &&
	    w->processing >= 0 && s->organization == w->organization)
		text_printf(what, sizeof what, "%s would overtake %s",
		    kb->patterns[s->processing].name,
		    kb->patterns[w->processing].name);
	else if (s->processing == w->processing && s->organization >= 0)
		text_printf(what, sizeof what, "%s would be recommended as the "
		    "organisation", kb->patterns[s->organization].name);
	else if (s->processing == w->processing)
		text_printf(what, sizeof what, "the organisation would be "
		    "central instead of a %s",
		    kb->patterns[w->organization].name);
	else {
		char	o[256];

		outcome(ctx, s->processing, s->organization, o, sizeof o);
		text_printf(what, sizeof what, "the recommendation would become "
		    "%s", o);
	}
	words_change(q, &s->from, &s->to, change, sizeof change);
	text_printf(buf, bufsz, "If %s, %s.", change, what);
	return (buf);
}

/*
 * Whether the processing pattern's robustness and the whole
 * recommendation's differ as people read them (whole percents), so that
 * both are said.
 */
static bool
robustness_apart(const struct whatif *w)
{
	return (w->processing >= 0 &&
	    round(w->processing_holds_pct) != round(w->holds_pct));
}

/* "all 496, leaving out combinations no real team gives" */
static char *
ways_counted(const struct whatif *w, char *buf, size_t bufsz)
{
	text_printf(buf, bufsz, "%s %zu%s", w->exhaustive ? "all" :
	    "a sample of", w->ways, w->implausible > 0 ?
	    ", leaving out combinations no real team gives" : "");
	return (buf);
}

/* The robustness line, with how many ways were counted when counted. */
static char *
robustness_words(const struct report_ctx *ctx, bool counted, char *buf,
    size_t bufsz)
{
	const struct whatif	*w = ctx->whatif;
	char			 ways[128], how[160] = "";

	if (counted)
		text_printf(how, sizeof how, " (%s)", ways_counted(w, ways,
		    sizeof ways));

	if (w->open == 0)
		text_printf(buf, bufsz, "Every question is answered.");
	else if (w->ways <= 1)
		text_printf(buf, bufsz, "None of the %zu open question%s can "
		    "change the recommendation.", w->open,
		    w->open == 1 ? "" : "s");
	else if (!robustness_apart(w))
		text_printf(buf, bufsz, "The recommendation holds in %.0f%% of "
		    "the plausible ways the %zu open question%s could be "
		    "answered%s.", w->holds_pct, w->open,
		    w->open == 1 ? "" : "s", how);
	else
		/* The organisation often turns on questions no processing
		   answer touches: one figure for both would hide a firm
		   processing choice behind an open organisation. */
		text_printf(buf, bufsz, "%s stays first in %.0f%% of the "
		    "plausible ways the %zu open question%s could be answered"
		    "%s; together with the organisation, the recommendation "
		    "holds in %.0f%%.", ctx->kb->patterns[w->processing].name,
		    w->processing_holds_pct, w->open, w->open == 1 ? "" : "s",
		    how, w->holds_pct);
	return (buf);
}

char *
report_robustness_sentence(const struct report_ctx *ctx, char *buf,
    size_t bufsz)
{
	return (robustness_words(ctx, true, buf, bufsz));
}

char *
report_robustness_brief(const struct report_ctx *ctx, char *buf,
    size_t bufsz)
{
	return (robustness_words(ctx, false, buf, bufsz));
}

/* The text report's section; writes nothing without an analysis. */
void
report_whatif_text(FILE *fp, const struct report_ctx *ctx)
{
	const struct whatif	*w = ctx->whatif;
	const struct question	*q;
	char			 line[1024], label[WORDS_LABEL_MAX * 2];
	size_t			 i, n;

	if (w == NULL)
		return;
	text_style(fp, ctx->color, "1");
	fputs("What would change this\n", fp);
	text_reset(fp, ctx->color);
	fputs("  ", fp);
	text_wrap(fp, report_robustness_sentence(ctx, line, sizeof line), 2,
	    2, ctx->width);
	fputc('\n', fp);
	for (i = 0; i < w->nsens; i++) {
		fputs("  ", fp);
		text_wrap(fp, report_sensitivity_sentence(ctx, &w->sens[i],
		    line, sizeof line), 2, 4, ctx->width);
		fputc('\n', fp);
	}
	if (w->nsens == 0 && answers_count(ctx->answers) > 0)
		fputs("  No single changed answer would change the "
		    "recommendation.\n", fp);
	for (i = n = 0; i < w->nnext && n < 3; i++) {
		if (w->next[i].change_share == 0 &&
		    w->next[i].margin_change == 0)
			break;
		q = &ctx->kb->questions[w->next[i].question];
		if (n++ == 0)
			fputs("  Ask next:\n", fp);
		if (w->next[i].change_share > 0)
			text_printf(line, sizeof line, "%s: %s (%.0f%% of its "
			    "answers change the recommendation)", words_label(q,
			    label, sizeof label), q->prompt,
			    100.0 * w->next[i].change_share);
		else
			text_printf(line, sizeof line, "%s: %s", words_label(q,
			    label, sizeof label), q->prompt);
		fputs("    ", fp);
		text_wrap(fp, line, 4, 6, ctx->width);
		fputc('\n', fp);
	}
	fputc('\n', fp);
}

/* Adds sensitivity, robustness and next_questions to a JSON report. */
void
report_whatif_json(json_t *root, const struct report_ctx *ctx)
{
	const struct kb		*kb = ctx->kb;
	const struct whatif	*w = ctx->whatif;
	const struct sensitivity *s;
	const struct question	*q;
	json_t			*sens, *next;
	char			 from[128], to[128];
	size_t			 i;

	if (w == NULL)
		return;
	sens = json_array();
	for (i = 0; i < w->nsens; i++) {
		s = &w->sens[i];
		q = &kb->questions[s->question];
		value_format(&q->dom, &s->from, from, sizeof from);
		value_format(&q->dom, &s->to, to, sizeof to);
		json_array_append_new(sens, json_pack("{s:s, s:s, s:s, s:s?, "
		    "s:s, s:o}",
		    "question", q->id, "from", from, "to", to,
		    "new_top", s->processing >= 0 ?
		    kb->patterns[s->processing].id : NULL,
		    "new_organization", s->organization >= 0 ?
		    kb->patterns[s->organization].id : "centralized",
		    "swing", json_real(round(s->swing * 10) / 10)));
	}
	next = json_array();
	for (i = 0; i < w->nnext; i++)
		json_array_append_new(next, json_pack("{s:s, s:b, s:b, s:o, "
		    "s:o}",
		    "question", kb->questions[w->next[i].question].id,
		    "could_change_top", w->next[i].change_share > 0,
		    "changes_with_others", w->next[i].jointly,
		    "change_share", json_real(round(w->next[i].change_share *
		    100) / 100),
		    "margin_change", json_real(round(w->next[i].margin_change *
		    10) / 10)));
	json_object_set_new(root, "sensitivity", sens);
	json_object_set_new(root, "robustness", json_pack("{s:o, s:o, s:I, "
	    "s:I, s:I, s:b}", "holds_pct", json_real(round(w->holds_pct * 10) /
	    10), "processing_holds_pct", json_real(round(
	    w->processing_holds_pct * 10) / 10), "open_questions",
	    (json_int_t)w->open, "ways", (json_int_t)w->ways,
	    "implausible_left_out", (json_int_t)w->implausible, "exhaustive",
	    w->exhaustive));
	json_object_set_new(root, "next_questions", next);
}

/* Deciding questions named by label before the rest are counted. */
#define DECIDING_NAMED	4

/* Which deciding questions a list names. */
enum deciding_pick {
	DECIDING_ALL,
	DECIDING_ANSWERED,
	DECIDING_OPEN
};

/*
 * How many of the picked deciding questions a list names by label: all,
 * or for a brief one past DECIDING_NAMED + 1, the first DECIDING_NAMED.
 */
static size_t
deciding_named(size_t total, bool brief)
{
	return (!brief || total <= DECIDING_NAMED + 1 ? total : DECIDING_NAMED);
}

static bool
deciding_picked(const struct report_ctx *ctx, size_t q,
    enum deciding_pick pick)
{
	bool	known = ctx->answers->v[q].known;

	return (pick == DECIDING_ALL || (pick == DECIDING_ANSWERED) == known);
}

/*
 * The deciding questions picked, by label. A sentence that describes the
 * close call (brief) names up to five, and a list cut short says so rather
 * than end as if it were whole; a next step names every one, since each
 * is to be answered or checked. With mark_answered, an answered one says
 * "(as answered)": only a change to its answer would decide. Returns how
 * many were picked.
 */
static size_t
deciding_list(const struct report_ctx *ctx, char *buf, size_t bufsz,
    enum deciding_pick pick, bool mark_answered, bool brief)
{
	const struct whatif	*w = ctx->whatif;
	char			 label[WORDS_LABEL_MAX * 2];
	char			 item[WORDS_LABEL_MAX * 2 + 32];
	size_t			 i, k = 0, n, q, total = 0;

	buf[0] = '\0';
	for (i = 0; w != NULL && i < w->ndeciding; i++)
		total += deciding_picked(ctx, w->deciding[i], pick);
	n = deciding_named(total, brief);
	for (i = 0; k < n && i < w->ndeciding; i++) {
		q = w->deciding[i];
		if (!deciding_picked(ctx, q, pick))
			continue;
		words_label_lower(&ctx->kb->questions[q], label, sizeof label);
		text_printf(item, sizeof item, "%s%s", label, mark_answered &&
		    ctx->answers->v[q].known ? " (as answered)" : "");
		words_list_add(buf, bufsz, item, k++, n + (total > n));
	}
	if (total > n) {
		text_printf(item, sizeof item, "%zu more", total - n);
		words_list_add(buf, bufsz, item, n, n + 1);
	}
	return (total);
}

bool
report_deciding_named(const struct report_ctx *ctx, size_t q)
{
	const struct whatif	*w = ctx->whatif;
	size_t			 place = whatif_deciding(w, q);

	return (ctx->ranking->close_call && place > 0 &&
	    place <= deciding_named(w->ndeciding, true));
}

bool
report_org_names(const struct report_ctx *ctx, size_t q)
{
	const struct kb	*kb = ctx->kb;
	size_t		 i;

	if (ctx->ranking->org_settled || ctx->answers->v[q].known)
		return (false);
	for (i = 0; i < kb->norg_questions; i++)
		if (kb->org_questions[i] == q)
			return (true);
	return (false);
}

bool
report_named_up_front(const struct report_ctx *ctx, size_t q)
{
	return (report_deciding_named(ctx, q) || report_org_names(ctx, q));
}

/* What a close call turns on, as the object of "turns on". */
bool
report_deciding_phrase(const struct report_ctx *ctx, char *buf,
    size_t bufsz)
{
	return (deciding_list(ctx, buf, bufsz, DECIDING_ALL, true, true) > 0);
}

size_t
report_deciding_answered(const struct report_ctx *ctx, char *buf,
    size_t bufsz)
{
	return (deciding_list(ctx, buf, bufsz, DECIDING_ANSWERED, false, false));
}

size_t
report_deciding_open(const struct report_ctx *ctx, char *buf, size_t bufsz)
{
	return (deciding_list(ctx, buf, bufsz, DECIDING_OPEN, false, false));
}

size_t
report_close_rivals(const struct report_ctx *ctx, char *buf, size_t bufsz)
{
	const struct kb			*kb = ctx->kb;
	const struct ranking		*r = ctx->ranking;
	const struct pattern_score	*top, *s;
	size_t				 i, k, n = 0, rival[64];

	buf[0] = '\0';
	if (!r->close_call || r->processing < 0)
		return (0);
	top = &r->scores[r->processing];
	for (i = 0; i < r->npatterns && n < sizeof rival / sizeof rival[0];
	    i++) {
		s = &r->scores[r->order[i]];
		if ((int)r->order[i] == r->processing || s->vetoed ||
		    kb->patterns[r->order[i]].kind != PATTERN_PROCESSING ||
		    s->stretched != top->stretched ||
		    top->score - s->score > kb->close_call)
			continue;
		rival[n++] = r->order[i];
	}
	for (k = 0; k < n; k++)
		words_list_add(buf, bufsz, kb->patterns[rival[k]].name, k, n);
	return (n);
}

char *
report_processing_phrase(const struct report_ctx *ctx, int runner_up,
    char *buf, size_t bufsz)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	const char		*top = kb->patterns[r->processing].name;
	char			 list[512], rivals[512], lead[32];
	size_t			 n;

	n = report_close_rivals(ctx, rivals, sizeof rivals);
	if (runner_up < 0 || r->scores[runner_up].vetoed)
		text_printf(buf, bufsz, "%s.", top);
	else if (r->close_call)
		text_printf(buf, bufsz, "a close call between %s%s%s%s%s.", top,
		    n > 1 ? ", " : " and ",
		    n > 0 ? rivals : kb->patterns[runner_up].name,
		    report_deciding_phrase(ctx, list, sizeof list) ?
		    ", which turns on " : "", list);
	else if (r->scores[runner_up].stretched &&
	    !r->scores[r->processing].stretched)
		text_printf(buf, bufsz, "%s (%s meets a requirement only at a "
		    "stretch).", top, kb->patterns[runner_up].name);
	else
		text_printf(buf, bufsz, "%s (%s ahead of %s).", top,
		    words_lead(r->margin, lead, sizeof lead),
		    kb->patterns[runner_up].name);
	return (buf);
}

size_t
report_org_open_list(const struct report_ctx *ctx, char *buf, size_t bufsz)
{
	const struct kb	*kb = ctx->kb;
	char		 label[WORDS_LABEL_MAX * 2];
	size_t		 i, q, n = 0, k = 0;

	buf[0] = '\0';
	for (i = 0; i < kb->norg_questions; i++)
		n += !ctx->answers->v[kb->org_questions[i]].known;
	for (i = 0; i < kb->norg_questions; i++) {
		q = kb->org_questions[i];
		if (ctx->answers->v[q].known)
			continue;
		words_list_add(buf, bufsz, words_label_lower(
		    &kb->questions[q], label, sizeof label), k++, n);
	}
	return (n);
}

char *
report_organization_phrase(const struct report_ctx *ctx, char *buf,
    size_t bufsz)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	char			 open[512], org[256];
	size_t			 n = report_org_open_list(ctx, open, sizeof open);

	if (r->organization >= 0)
		text_printf(org, sizeof org, "a %s",
		    kb->patterns[r->organization].name);
	if (r->org_settled || n == 0)
		text_printf(buf, bufsz, " Organisation: %s.", r->organization >= 0 ?
		    kb->patterns[r->organization].name : "central");
	else
		text_printf(buf, bufsz, " Organisation: leaning towards %s; the "
		    "answer%s to %s would settle it.", r->organization >= 0 ?
		    org : "a central data team", n == 1 ? "" : "s", open);
	return (buf);
}
