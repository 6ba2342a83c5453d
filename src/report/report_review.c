/*
 * report_review: the review of a repository's records (report_review.h).
 * Patterns are named for people in text; JSON keeps the ids.
 */
#include "report_review.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "report_json.h"
#include "textfmt.h"
#include "xmalloc.h"

/* A recorded or current outcome in words. */
static char *
outcome(const struct kb *kb, int proc, int org, const char *proc_id,
    const char *org_id)
{
	const char	*p, *o;

	p = proc >= 0 ? kb->patterns[proc].name : proc == -1 ?
	    "no processing pattern" : proc_id;
	if (org >= 0)
		return (xasprintf("%s, organised as a %s", p,
		    kb->patterns[org].name));
	o = org == -1 ? NULL : org_id;
	if (o != NULL)
		return (xasprintf("%s, organised as %s", p, o));
	return (xasprintf("%s, organised centrally", p));
}

/* Why the recommendation changed, in a sentence; the caller frees it. */
static char *
why(const struct kb *kb, const struct review_entry *e)
{
	const struct review_result	*r = &e->res;

	if (r->was_processing == REVIEW_GONE)
		return (xasprintf("the knowledge base no longer has the "
		    "recorded pattern '%s'", e->meta.processing));
	if (r->veto_rule >= 0)
		return (xasprintf("%s is now ruled out: %s",
		    kb->patterns[r->was_processing].name,
		    kb->rules[r->veto_rule].why));
	if (r->now_processing != r->was_processing &&
	    r->now_processing >= 0 && r->was_processing >= 0)
		return (xasprintf("%s now scores %.0f, ahead of %s at %.0f",
		    kb->patterns[r->now_processing].name, r->now_score,
		    kb->patterns[r->was_processing].name, r->was_score));
	return (xstrdup("the organisation decision changed"));
}

static size_t
count(const struct review_ctx *c, int what)
{
	size_t	i, n = 0;

	for (i = 0; i < c->n; i++) {
		if (c->entries[i].error != NULL)
			n += what == 'e';
		else if (c->entries[i].superseded > 0)
			n += what == 's';
		else if (what == 'c')
			n += c->entries[i].res.changed;
		else if (what == 'k')
			n += c->entries[i].res.other_kb;
		else if (what == 'o')
			n += c->entries[i].res.overdue;
	}
	return (n);
}

static void
heading(FILE *fp, const struct review_ctx *c, const char *what, size_t n)
{
	text_style(fp, c->color, "1");
	fprintf(fp, "%s (%zu):\n", what, n);
	text_reset(fp, c->color);
}

int
report_review_text(FILE *fp, const struct review_ctx *c)
{
	const struct review_entry	*e;
	char				*was, *now, *w, by[16];
	size_t				 i;

	fprintf(fp, "Reviewed %zu record%s with %s %s on %s.\n", c->n,
	    c->n == 1 ? "" : "s", c->kb->name, c->kb->version, c->today);
	if (c->n == 0)
		fputs("No records archadvisor wrote were found.\n", fp);
	if (count(c, 'c') > 0) {
		fputc('\n', fp);
		heading(fp, c, "Would change now", count(c, 'c'));
	}
	for (i = 0; i < c->n; i++) {
		e = &c->entries[i];
		if (e->error != NULL || e->superseded > 0 || !e->res.changed)
			continue;
		was = outcome(c->kb, e->res.was_processing,
		    e->res.was_organization, e->meta.processing,
		    e->meta.organization);
		now = outcome(c->kb, e->res.now_processing,
		    e->res.now_organization, "", "");
		w = why(c->kb, e);
		fprintf(fp, "  %s\n    was: %s\n    now: %s\n    why: ", e->file,
		    was, now);
		text_wrap(fp, w, 9, 9, c->width);
		fputc('\n', fp);
		free(was);
		free(now);
		free(w);
	}
	if (count(c, 'k') > 0) {
		fputc('\n', fp);
		heading(fp, c, "Scored by another knowledge base or version",
		    count(c, 'k'));
	}
	for (i = 0; i < c->n; i++) {
		e = &c->entries[i];
		if (e->error == NULL && e->superseded == 0 && e->res.other_kb)
			fprintf(fp, "  %s: %s %s\n", e->file, e->meta.kb_name[0] ?
			    e->meta.kb_name : "(not named)", e->meta.kb_version);
	}
	if (count(c, 'o') > 0) {
		fputc('\n', fp);
		heading(fp, c, "Past their review date", count(c, 'o'));
	}
	for (i = 0; i < c->n; i++) {
		e = &c->entries[i];
		if (e->error == NULL && e->superseded == 0 && e->res.overdue)
			fprintf(fp, "  %s: review by %s\n", e->file,
			    date_format(e->res.review_by, by, sizeof by));
	}
	if (count(c, 's') > 0) {
		fputc('\n', fp);
		heading(fp, c, "Superseded, not re-checked", count(c, 's'));
	}
	for (i = 0; i < c->n; i++) {
		e = &c->entries[i];
		if (e->error == NULL && e->superseded > 0)
			fprintf(fp, "  %s:%d\n", e->file, e->superseded);
	}
	if (count(c, 'e') > 0) {
		fputc('\n', fp);
		heading(fp, c, "Cannot be read", count(c, 'e'));
	}
	for (i = 0; i < c->n; i++)
		if (c->entries[i].error != NULL)
			fprintf(fp, "  %s\n", c->entries[i].error);
	if (c->n > 0)
		fprintf(fp, "\nUnchanged: %zu of %zu.\n", c->n - count(c, 'c') -
		    count(c, 'e') - count(c, 's'), c->n);
	return (ferror(fp) ? -1 : 0);
}

static json_t *
json_pair(const struct kb *kb, int proc, int org, const char *proc_id,
    const char *org_id)
{
	return (json_pack("{s:s?, s:s}",
	    "processing", proc >= 0 ? kb->patterns[proc].id : proc == -1 ?
	    NULL : proc_id,
	    "organization", org >= 0 ? kb->patterns[org].id : org == -1 ?
	    "centralized" : org_id));
}

static json_t *
json_entry(const struct review_ctx *c, const struct review_entry *e)
{
	json_t	*o;
	char	 by[16], *w;

	if (e->error != NULL)
		return (json_pack("{s:s, s:s, s:s}", "file", e->file,
		    "status", "unreadable", "error", e->error));
	if (e->superseded > 0)
		return (json_pack("{s:s, s:s, s:i}", "file", e->file,
		    "status", "superseded", "line", e->superseded));
	o = json_pack("{s:s, s:s, s:o, s:o, s:{s:s, s:s}, s:b, s:s, s:s?, "
	    "s:b}",
	    "file", e->file,
	    "status", e->res.changed ? "changed" : "unchanged",
	    "was", json_pair(c->kb, e->res.was_processing,
	    e->res.was_organization, e->meta.processing, e->meta.organization),
	    "now", json_pair(c->kb, e->res.now_processing,
	    e->res.now_organization, "", ""),
	    "knowledge_base", "name", e->meta.kb_name,
	    "version", e->meta.kb_version,
	    "other_knowledge_base", e->res.other_kb,
	    "date", e->meta.date,
	    "review_by", e->res.review_by >= 0 ? date_format(e->res.review_by,
	    by, sizeof by) : NULL,
	    "overdue", e->res.overdue);
	if (e->res.changed) {
		w = why(c->kb, e);
		json_object_set_new(o, "why", json_string(w));
		free(w);
	}
	return (o);
}

int
report_review_json(FILE *fp, const struct review_ctx *c)
{
	json_t	*recs = json_array();
	size_t	 i;

	for (i = 0; i < c->n; i++)
		json_array_append_new(recs, json_entry(c, &c->entries[i]));
	return (json_write(fp, json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:s}, "
	    "s:s, s:o, s:{s:I, s:I, s:I, s:I, s:I}}",
	    "tool", "archadvisor",
	    "version", c->version,
	    "format_version", "1",
	    "kind", "review",
	    "knowledge_base", "name", c->kb->name, "version", c->kb->version,
	    "today", c->today,
	    "records", recs,
	    "counts", "changed", (json_int_t)count(c, 'c'),
	    "other_knowledge_base", (json_int_t)count(c, 'k'),
	    "overdue", (json_int_t)count(c, 'o'),
	    "unreadable", (json_int_t)count(c, 'e'),
	    "superseded", (json_int_t)count(c, 's'))));
}
