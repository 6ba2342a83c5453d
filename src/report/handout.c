/*
 * handout: the content the HTML, Markdown and ADR writers share. Nothing
 * here knows a format: strings from the knowledge base or the answers go
 * through the markup's escaping text function, and our own words, which
 * hold nothing any format would read as markup, are written as they are.
 */
#include "handout.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "expr.h"
#include "report_evidence.h"
#include "utf8.h"
#include "words.h"
#include "xmalloc.h"

void
handout_date(char *buf, size_t bufsz)
{
	const char	*env = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 secs;
	time_t		 t;
	struct tm	 tm;

	t = time(NULL);
	if (env != NULL && *env >= '0' && *env <= '9') {
		errno = 0;
		secs = strtoll(env, &end, 10);
		if (errno == 0 && *end == '\0')
			t = (time_t)secs;
	}
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, bufsz, "%Y-%m-%d", &tm) == 0)
		text_printf(buf, bufsz, "unknown date");
}

static int
runner_up(const struct report_ctx *ctx)
{
	const struct ranking	*r = ctx->ranking;
	size_t			 i, p;

	if (r->processing < 0)
		return (-1);
	for (i = 0; i < r->npatterns; i++) {
		p = r->order[i];
		if ((int)p != r->processing &&
		    ctx->kb->patterns[p].kind == PATTERN_PROCESSING)
			return ((int)p);
	}
	return (-1);
}

static void
add_top(struct handout *h, int p)
{
	size_t	i;

	if (p < 0 || h->ntop == HANDOUT_MAX_TOP)
		return;
	for (i = 0; i < h->ntop; i++)
		if (h->top[i] == (size_t)p)
			return;
	h->top[h->ntop++] = (size_t)p;
}

/*
 * The options shown in full: the recommended processing pattern, the
 * runner-up unless ruled out, then the organisation if one is recommended;
 * with no processing pattern left, the best two that are not ruled out.
 */
static void
choose_top(struct handout *h, const struct report_ctx *ctx)
{
	const struct ranking	*r = ctx->ranking;
	size_t			 i, p;

	h->ntop = 0;
	if (r->processing >= 0) {
		add_top(h, r->processing);
		if (h->runner_up >= 0 && !r->scores[h->runner_up].vetoed)
			add_top(h, h->runner_up);
		add_top(h, r->organization);
		return;
	}
	for (i = 0; i < r->npatterns && h->ntop < 2; i++) {
		p = r->order[i];
		if (!r->scores[p].vetoed)
			add_top(h, (int)p);
	}
}

void
handout_init(struct handout *h, const struct report_ctx *ctx)
{
	memset(h, 0, sizeof *h);
	handout_date(h->date, sizeof h->date);
	h->runner_up = runner_up(ctx);
	choose_top(h, ctx);
	if (ctx->advice != NULL) {
		h->drivers = ctx->advice->drivers;
		h->ndrivers = ctx->advice->ndrivers;
	}
}

void
handout_free(struct handout *h)
{
	h->drivers = NULL;
	h->ndrivers = 0;
}

/* Our own words: plain text that no format needs to escape. */
static void
lit(FILE *fp, const char *s)
{
	fputs(s, fp);
}

static void
strong(FILE *fp, const struct handout_markup *m, const char *s)
{
	fputs(m->strong, fp);
	m->text(fp, s);
	fputs(m->end_strong, fp);
}

static void	rec_tail(FILE *, const struct report_ctx *,
		    const struct handout *, const struct handout_markup *);

void
handout_recommendation(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h, const struct handout_markup *m)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	char			*org_after = NULL;

	if (r->processing < 0) {
		lit(fp, "Every processing pattern is ruled out by these "
		    "answers; see the reasons for each option.");
		return;
	}
	lit(fp, "Use ");
	strong(fp, m, kb->patterns[r->processing].name);
	if (!r->org_settled) {
		char	org[512];

		/* The organisation as its own sentence, said as leaning. */
		report_organization_phrase(ctx, org, sizeof org);
		org_after = xstrdup(org[0] == ' ' ? org + 1 : org);
	} else if (r->organization >= 0) {
		lit(fp, ", organised as a ");
		strong(fp, m, kb->patterns[r->organization].name);
	} else
		lit(fp, ", organised centrally");
	rec_tail(fp, ctx, h, m);
	if (org_after != NULL) {
		lit(fp, " ");
		m->text(fp, org_after);
		free(org_after);
	}
}

void
handout_processing_sentence(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h, const struct handout_markup *m)
{
	const struct ranking	*r = ctx->ranking;

	if (r->processing < 0) {
		lit(fp, "Every processing pattern is ruled out by these "
		    "answers; see the reasons for each option.");
		return;
	}
	lit(fp, "Use ");
	strong(fp, m, ctx->kb->patterns[r->processing].name);
	rec_tail(fp, ctx, h, m);
}

/*
 * The questions whose answers speak for (sign > 0) or against (sign < 0)
 * pattern p, as a list of labels ("number of domains and central team
 * bottleneck"): what the fired rules' conditions read. Returns how many.
 */
static size_t
org_grounds(const struct report_ctx *ctx, size_t p, int sign, char *buf,
    size_t bufsz)
{
	const struct kb			*kb = ctx->kb;
	const struct pattern_score	*s = &ctx->ranking->scores[p];
	char				 label[WORDS_LABEL_MAX * 2];
	bool				*used;
	size_t				 i, q, n = 0, k = 0;

	used = xcalloc(kb->nquestions, sizeof *used);
	for (i = 0; i < s->nreasons; i++)
		if (sign > 0 ? s->reasons[i].effect > 0 :
		    s->reasons[i].effect < 0)
			expr_questions(kb->rules[s->reasons[i].rule].when,
			    used);
	for (q = 0; q < kb->nquestions; q++)
		n += used[q];
	buf[0] = '\0';
	for (q = 0; q < kb->nquestions; q++)
		if (used[q])
			words_list_add(buf, bufsz, words_label_lower(
			    &kb->questions[q], label, sizeof label), k++, n);
	free(used);
	return (n);
}

bool
handout_organization_sentence(FILE *fp, const struct report_ctx *ctx,
    const struct handout_markup *m)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	char			 buf[1024], pro[384], con[384];
	size_t			 i, n_for, n_against;
	int			 org = -1;

	for (i = 0; i < kb->npatterns && org < 0; i++)
		if (kb->patterns[i].kind == PATTERN_ORGANIZATION)
			org = (int)i;
	if (org < 0)
		return (false);
	if (!r->org_settled) {
		report_organization_phrase(ctx, buf, sizeof buf);
		m->text(fp, buf[0] == ' ' ? buf + 1 : buf);
		return (true);
	}
	n_for = org_grounds(ctx, (size_t)org, 1, pro, sizeof pro);
	n_against = org_grounds(ctx, (size_t)org, -1, con, sizeof con);
	if (r->organization >= 0) {
		lit(fp, "Organise the data as a ");
		strong(fp, m, kb->patterns[r->organization].name);
		if (n_for > 0) {
			text_printf(buf, sizeof buf, ": the answers on %s speak "
			    "for it.", pro);
			m->text(fp, buf);
		} else
			lit(fp, ".");
		return (true);
	}
	lit(fp, "Keep the ownership of the data ");
	strong(fp, m, "central");
	if (n_against > 0)
		text_printf(buf, sizeof buf, ": the answers on %s speak against "
		    "a %s%s%s.", con, kb->patterns[org].name, n_for > 0 ?
		    ", more than those on " : "", n_for > 0 ? pro : "");
	else if (n_for > 0)
		text_printf(buf, sizeof buf, ": the answers on %s speak for a "
		    "%s, but not strongly enough to reorganise around it.", pro,
		    kb->patterns[org].name);
	else
		text_printf(buf, sizeof buf, ": nothing in the answers makes "
		    "the case for a %s.", kb->patterns[org].name);
	m->text(fp, buf);
	return (true);
}

/* The processing decision's lead over the runner-up, or its close call. */
static void
rec_tail(FILE *fp, const struct report_ctx *ctx, const struct handout *h,
    const struct handout_markup *m)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	char			 num[80], lead[32];

	if (h->runner_up < 0) {
		lit(fp, ": it is the only processing pattern.");
		return;
	}
	if (r->scores[h->runner_up].vetoed) {
		lit(fp, ": every other processing pattern is ruled out.");
		return;
	}
	if (r->close_call) {
		char	list[512];

		lit(fp, ": a close call with ");
		if (report_close_rivals(ctx, list, sizeof list) > 0)
			m->text(fp, list);
		else
			m->text(fp, kb->patterns[h->runner_up].name);
		if (report_deciding_phrase(ctx, list, sizeof list)) {
			lit(fp, ", which turns on ");
			m->text(fp, list);
			lit(fp, ".");
		} else
			lit(fp, ".");
		return;
	}
	if (words_tied(r->margin)) {
		lit(fp, ": tied with the runner-up, ");
		m->text(fp, kb->patterns[h->runner_up].name);
		lit(fp, " (the knowledge base's order breaks the tie).");
		return;
	}
	text_printf(num, sizeof num, ": %s ahead of the runner-up, ",
	    words_lead(r->margin, lead, sizeof lead));
	lit(fp, num);
	m->text(fp, kb->patterns[h->runner_up].name);
	lit(fp, ".");
}

char *
handout_title_string(const struct report_ctx *ctx)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	const char		*name = ctx->answers->name;
	char			*what, *title;

	if (r->processing < 0)
		what = xstrdup("No processing pattern fits");
	else if (r->organization >= 0 && r->org_settled)
		/* A leaning organisation is the body's to say, not the title's. */
		what = xasprintf("Use %s, organised as a %s",
		    kb->patterns[r->processing].name,
		    kb->patterns[r->organization].name);
	else
		what = xasprintf("Use %s",
		    kb->patterns[r->processing].name);
	if (name == NULL || name[0] == '\0')
		return (what);
	title = xasprintf("%s%s %s", what, r->processing < 0 ? "" : " for",
	    name);
	free(what);
	return (title);
}

void
handout_title(FILE *fp, const struct report_ctx *ctx,
    const struct handout_markup *m)
{
	char	*title = handout_title_string(ctx);

	m->text(fp, title);
	free(title);
}

void
handout_scoring_note(FILE *fp, const struct report_ctx *ctx,
    const struct handout_markup *m)
{
	const struct kb	*kb = ctx->kb;
	char		 buf[512];
	size_t		 i, norg = 0;

	text_printf(buf, sizeof buf, "Each rule of the knowledge base whose "
	    "condition holds for these answers adds its weight to the "
	    "options it names; an option's evidence E is the sum, and its "
	    "score is 100 / (1 + exp(-E / %g)), so 50 means no evidence "
	    "either way. A rule that reads an unanswered question does not "
	    "fire. A veto rules an option out (score 0, listed last). Fit: "
	    "strong from %g, good from %g, fair from %g, weak below.",
	    kb->scale, FIT_STRONG_FROM, FIT_GOOD_FROM, FIT_FAIR_FROM);
	lit(fp, buf);
	for (i = 0; i < kb->npatterns; i++) {
		if (kb->patterns[i].kind != PATTERN_ORGANIZATION)
			continue;
		lit(fp, norg++ == 0 ? " The organisation (" : " or ");
		m->text(fp, kb->patterns[i].name);
	}
	if (norg > 0) {
		text_printf(buf, sizeof buf, ") is recommended from a score of "
		    "%g, otherwise central.", kb->org_threshold);
		lit(fp, buf);
	}
	handout_kb_files(fp, ctx, m);
}

void
handout_kb_files(FILE *fp, const struct report_ctx *ctx,
    const struct handout_markup *m)
{
	const struct kb	*kb = ctx->kb;
	size_t		 i;

	/* Files beyond the built-in stock ones change the advice: say so. */
	for (i = kb->nbuiltin; i < kb->files.n; i++) {
		if (i == kb->nbuiltin)
			lit(fp, kb->nbuiltin > 0 ? " The knowledge base is the "
			    "built-in one with " : " The knowledge base was read "
			    "from ");
		else
			lit(fp, ", ");
		m->text(fp, kb->files.items[i]);
	}
	if (kb->files.n > kb->nbuiltin)
		lit(fp, ".");
}

static void
effect_list(FILE *fp, const struct report_ctx *ctx,
    const struct advice_driver *d, const struct handout_markup *m,
    int sign, bool *first)
{
	const struct kb	*kb = ctx->kb;
	size_t		 p;
	bool		 any = false;

	for (p = 0; p < kb->npatterns; p++) {
		if (d->veto[p] || d->effect[p] == 0 ||
		    (d->effect[p] > 0) != (sign > 0))
			continue;
		if (!any)
			lit(fp, *first ? (sign > 0 ? "for " : "against ") :
			    (sign > 0 ? "; for " : "; against "));
		else
			lit(fp, ", ");
		m->text(fp, kb->patterns[p].name);
		any = true;
		*first = false;
	}
}

void
handout_driver_effects(FILE *fp, const struct report_ctx *ctx,
    const struct advice_driver *d, const struct handout_markup *m)
{
	const struct kb	*kb = ctx->kb;
	size_t		 p;
	bool		 first = true, any = false;

	effect_list(fp, ctx, d, m, 1, &first);
	effect_list(fp, ctx, d, m, -1, &first);
	for (p = 0; p < kb->npatterns; p++) {
		if (!d->veto[p])
			continue;
		if (!any)
			lit(fp, first ? "rules out " : "; rules out ");
		else
			lit(fp, ", ");
		m->text(fp, kb->patterns[p].name);
		any = true;
		first = false;
	}
	if (first)
		lit(fp, "no net effect");
}

bool
handout_could_change(const struct report_ctx *ctx, size_t q)
{
	const struct whatif	*w = ctx->whatif;
	size_t			 i;

	if (w == NULL)
		return (false);
	for (i = 0; i < w->nnext; i++)
		if (w->next[i].question == q)
			return (w->next[i].jointly);
	return (false);
}

void
handout_open_questions(FILE *fp, const struct report_ctx *ctx, bool changing,
    const char *label, const struct handout_markup *m, const char *before,
    const char *after)
{
	const struct kb	*kb = ctx->kb;
	const char	*note;
	char		 name[WORDS_LABEL_MAX * 2];
	size_t		 i, n = 0;

	for (i = 0; i < kb->nquestions; i++) {
		if (ctx->answers->v[i].known ||
		    handout_could_change(ctx, i) != changing)
			continue;
		if (n++ == 0) {
			lit(fp, before);
			lit(fp, m->strong);
			m->text(fp, label);
			lit(fp, ":");
			lit(fp, m->end_strong);
			lit(fp, " ");
		} else
			lit(fp, ", ");
		m->text(fp, n == 1 ? words_label(&kb->questions[i], name,
		    sizeof name) : words_label_lower(&kb->questions[i], name,
		    sizeof name));
		if ((note = answers_note(ctx->answers, i)) != NULL) {
			lit(fp, " (");
			lit(fp, m->note);
			m->text(fp, note);
			lit(fp, m->end_note);
			lit(fp, ")");
		}
	}
	if (n > 0)
		lit(fp, after);
}

/* The handouts show as many as the text and JSON reports. */
_Static_assert(HANDOUT_PRECEDENTS == REPORT_PRECEDENTS,
    "handouts and reports show the same number of precedents");

size_t
handout_precedents(const struct report_ctx *ctx, struct precedent_match *m)
{
	const struct precedent_match	*near;
	size_t				 n;

	if ((n = report_nearest(ctx, &near)) > HANDOUT_PRECEDENTS)
		n = HANDOUT_PRECEDENTS;
	if (n > 0)
		memcpy(m, near, n * sizeof *m);
	return (n);
}

void
handout_precedent_line(FILE *fp, const struct report_ctx *ctx,
    const struct precedent_match *pm, const struct handout_markup *m)
{
	const struct kb		*kb = ctx->kb;
	const struct precedent	*pr = &kb->precedents[pm->precedent];
	char			 buf[128];

	lit(fp, m->strong);
	m->text(fp, pr->organisation);
	lit(fp, m->end_strong);
	text_printf(buf, sizeof buf, " (%d) chose ", pr->year);
	lit(fp, buf);
	m->text(fp, kb->patterns[pr->chose].name);
	if (pr->moved_from >= 0) {
		lit(fp, ", moving from ");
		m->text(fp, kb->patterns[pr->moved_from].name);
	}
	if (pr->regretted)
		lit(fp, ", and regretted it");
	text_printf(buf, sizeof buf, "; %.0f%% similar over %zu of %zu answers.",
	    pm->similarity * 100.0, pm->compared, pm->answered);
	lit(fp, buf);
}
