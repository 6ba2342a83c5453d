/*
 * lint_records: the warnings about the knowledge base's records rather
 * than its rules (see lint.h): review dates, and the cases of the
 * library, whose choice the rules should explain and whose names must fit
 * a handout line.
 */
#include "lint_impl.h"

#include <stddef.h>

#include "date.h"
#include "engine.h"
#include "precedent.h"
#include "utf8.h"

static void
stale(struct diag *d, const char *what, const char *id, const char *date,
    const struct srcloc *l, long today)
{
	long	days;

	if (date[0] == '\0' || date_parse(date, &days) != 0)
		return;
	if (days > today)
		lint_warn(d, l, "%s%s%s was reviewed on %s, a date in the future",
		    what, id ? " " : "", id ? id : "", date);
	else if (today - days > DATE_STALE_DAYS)
		lint_warn(d, l, "%s%s%s was last reviewed on %s, more than two "
		    "years ago: review it again", what, id ? " " : "",
		    id ? id : "", date);
}

static void
freshness(const struct kb *kb, long today, struct diag *d)
{
	size_t	i;

	stale(d, "the knowledge base", NULL, kb->reviewed, &kb->reviewed_loc,
	    today);
	for (i = 0; i < kb->npatterns; i++)
		stale(d, "pattern", kb->patterns[i].id, kb->patterns[i].reviewed,
		    &kb->patterns[i].reviewed_loc, today);
	for (i = 0; i < kb->nprecedents; i++)
		stale(d, "precedent", kb->precedents[i].id,
		    kb->precedents[i].reviewed,
		    &kb->precedents[i].reviewed_loc, today);
}

static void
unexplained(const struct kb *kb, struct diag *d)
{
	const struct precedent		*pr;
	struct precedent_agreement	 ag;
	struct ranking			*r;
	size_t				 i;

	if (kb->nprecedents == 0)
		return;
	r = ranking_new(kb);
	for (i = 0; i < kb->nprecedents; i++) {
		pr = &kb->precedents[i];
		precedent_agreement(kb, i, r, &ag);
		if (!ag.first && (pr->note == NULL || pr->note[0] == '\0'))
			lint_warn(d, &pr->loc, "precedent '%s' chose '%s' but the "
			    "rules put it in place %zu, and its note does not "
			    "say what the rules miss", pr->id,
			    kb->patterns[pr->chose].id, ag.place);
	}
	ranking_free(r);
}

/*
 * The handouts give each nearest case one line, its organisation in bold;
 * a longer name wraps and can push a one-page handout onto a second page.
 */
#define PRECEDENT_NAME_MAX	48

static void
long_names(const struct kb *kb, struct diag *d)
{
	const struct precedent	*pr;
	size_t			 i, n;

	for (i = 0; i < kb->nprecedents; i++) {
		pr = &kb->precedents[i];
		if ((n = utf8_count(pr->organisation)) > PRECEDENT_NAME_MAX)
			lint_warn(d, &pr->loc, "precedent '%s': its organisation's "
			    "name has %zu characters, more than the %d a "
			    "handout line holds; say the rest in its note",
			    pr->id, n, PRECEDENT_NAME_MAX);
	}
}

void
lint_records(const struct kb *kb, long today, struct diag *d)
{
	freshness(kb, today, d);
	unexplained(kb, d);
	long_names(kb, d);
}
