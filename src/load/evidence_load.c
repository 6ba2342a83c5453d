/*
 * evidence_load: precedents, review dates and tool entries (see the
 * header). A precedent's situation goes through answers_from_doc, the very
 * code that reads answers files, so a precedent can say nothing an answers
 * file could not.
 */
#include "evidence_load.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "answers_load.h"
#include "date.h"
#include "xmalloc.h"
#include "yaml_fields.h"

#define PRECEDENT_MAX	10000

/*
 * The precedent ids loaded so far, for the duplicate check: open
 * addressing over indices into kb->precedents, so that a library of n
 * cases loads in time proportional to n, not to n squared.
 */
struct id_index {
	int	*slot;		/* a precedent's index, or -1 */
	size_t	 mask;		/* slots - 1, a power of two less one */
};

/* FNV-1a: ids are short and distinct, nothing stronger is needed. */
static size_t
id_hash(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h);
}

/* The index of the precedent with that id, or -1. */
static int
id_index_find(const struct id_index *x, const struct kb *kb, const char *id)
{
	size_t	i;

	for (i = id_hash(id) & x->mask; x->slot[i] >= 0; i = (i + 1) & x->mask)
		if (strcmp(kb->precedents[x->slot[i]].id, id) == 0)
			return (x->slot[i]);
	return (-1);
}

static void
id_index_add(struct id_index *x, const struct kb *kb, int p)
{
	size_t	i;

	for (i = id_hash(kb->precedents[p].id) & x->mask; x->slot[i] >= 0;
	    i = (i + 1) & x->mask)
		continue;
	x->slot[i] = p;
}

/* Room for the precedents loaded already and up to more, at most half full. */
static void
id_index_init(struct id_index *x, const struct kb *kb, size_t more)
{
	size_t	i, n = 16;

	if (more > PRECEDENT_MAX)
		more = PRECEDENT_MAX;
	while (n < 2 * (kb->nprecedents + more))
		n *= 2;
	x->slot = xreallocarray(NULL, n, sizeof *x->slot);
	for (i = 0; i < n; i++)
		x->slot[i] = -1;
	x->mask = n - 1;
	for (i = 0; i < kb->nprecedents; i++)
		id_index_add(x, kb, (int)i);
}

/*
 * The text of field key, or NULL (reported if required). Evidence is read
 * by people, so text that is there must say something, required or not.
 */
static const char *
text(const struct field_ctx *fc, const struct ynode *map, const char *key,
    const char *what, bool required)
{
	const char	*s;

	if ((s = field_text(fc, map, key, what, required)) != NULL &&
	    s[0] == '\0') {
		field_error(fc, ynode_get(map, key), "'%s' must not be empty",
		    key);
		return (NULL);
	}
	return (s);
}

/* A line of text for people: no line breaks inside, none at the end. */
static char *
one_line(const struct field_ctx *fc, const struct ynode *map,
    const char *key, const char *what, bool required)
{
	const char	*s;
	char		*out;
	size_t		 len;

	if ((s = text(fc, map, key, what, required)) == NULL)
		return (NULL);
	out = xstrdup(s);
	len = strlen(out);
	while (len > 0 && (out[len - 1] == '\n' || out[len - 1] == ' '))
		out[--len] = '\0';
	if (strchr(out, '\n') != NULL) {
		field_error(fc, ynode_get(map, key), "'%s' must be one line",
		    key);
		free(out);
		return (NULL);
	}
	return (out);
}

int
evidence_load_reviewed(const struct field_ctx *fc,
    const struct ynode *map, char *out, struct srcloc *loc)
{
	const struct ynode	*n;
	long			 days;

	out[0] = '\0';
	if ((n = ynode_get(map, "reviewed")) == NULL)
		return (0);
	if (n->type != YNODE_SCALAR || date_parse(n->str, &days) != 0) {
		field_error(fc, n, "'reviewed' must be a date written "
		    "YYYY-MM-DD, e.g. 2026-01-31");
		return (-1);
	}
	memcpy(out, n->str, 11);
	*loc = field_loc(fc, n);
	return (0);
}

int
evidence_load_tools(const struct field_ctx *fc,
    const struct ynode *map, struct pattern *p)
{
	static const char *const keys[] = { "name", "deprecated", NULL };
	const struct ynode	*n, *it;
	const char		*name, *why;
	size_t			 i, nerr = fc->d->nerrors;

	if ((n = ynode_get(map, "tools")) == NULL)
		return (0);
	if (n->type != YNODE_SEQ) {
		field_error(fc, n, "'tools' must be a list of names or "
		    "{name, deprecated} mappings, not %s",
		    ynode_type_name(n->type));
		return (-1);
	}
	for (i = 0; i < n->n; i++) {
		it = n->items[i];
		if (it->type == YNODE_SCALAR) {
			strlist_push(&p->tools, it->str);
			strlist_push(&p->tool_deprecated, "");
			continue;
		}
		if (it->type != YNODE_MAP) {
			field_error(fc, it, "a tool is a name or a mapping "
			    "{name, deprecated}, not %s",
			    ynode_type_name(it->type));
			continue;
		}
		field_check_keys(fc, it, "tool", keys);
		name = text(fc, it, "name", "tool", true);
		why = text(fc, it, "deprecated", "tool", false);
		if (name == NULL)
			continue;
		strlist_push(&p->tools, name);
		strlist_push(&p->tool_deprecated, why ? why : "");
	}
	return (fc->d->nerrors == nerr ? 0 : -1);
}

/* A pattern id field; returns the index, or -1 (reported if wrong). */
static int
pattern_field(const struct field_ctx *fc, const struct kb *kb,
    const struct ynode *map, const char *key, bool required)
{
	const char	*s;
	int		 pi;

	if ((s = text(fc, map, key, "precedent", required)) == NULL)
		return (-1);
	if ((pi = kb_pattern_index(kb, s)) < 0)
		field_error(fc, ynode_get(map, key), "unknown pattern '%s' "
		    "(see 'archadvisor patterns')", s);
	return (pi);
}

static void
load_source(const struct field_ctx *fc, const struct ynode *item,
    struct precedent *p)
{
	static const char *const keys[] = { "title", "url", NULL };
	const struct ynode	*n;

	if ((n = ynode_get(item, "source")) == NULL) {
		field_error(fc, item, "precedent is missing 'source' (its "
		    "title and url)");
		return;
	}
	if (n->type != YNODE_MAP) {
		field_error(fc, n, "'source' must be a mapping with title and "
		    "url");
		return;
	}
	field_check_keys(fc, n, "source", keys);
	p->title = one_line(fc, n, "title", "source", true);
	p->url = one_line(fc, n, "url", "source", true);
	if (p->url != NULL && strncmp(p->url, "https://", 8) != 0 &&
	    strncmp(p->url, "http://", 7) != 0)
		field_error(fc, ynode_get(n, "url"), "'url' must be a web "
		    "address (http:// or https://)");
}

static void
load_year(const struct field_ctx *fc, const struct ynode *item,
    struct precedent *p)
{
	const struct ynode	*n;
	char			*end;
	long			 y;

	if ((n = ynode_get(item, "year")) == NULL) {
		field_error(fc, item, "precedent is missing 'year'");
		return;
	}
	errno = 0;
	y = n->type == YNODE_SCALAR ? strtol(n->str, &end, 10) : 0;
	if (n->type != YNODE_SCALAR || end == n->str || *end != '\0' ||
	    errno != 0 || y < 1950 || y > 2100) {
		field_error(fc, n, "'year' must be a year such as 2019");
		return;
	}
	p->year = (int)y;
}

/* The situation: answers, read exactly as an answers file is. */
static void
load_situation(struct kb *kb, const struct field_ctx *fc,
    const struct ynode *item, struct precedent *p)
{
	const struct ynode	*n, *inf, *q;
	struct answers		 a;
	struct yaml_doc		 doc;
	size_t			 i;
	int			 qi;

	p->answers = xcalloc(kb->nquestions + 1, sizeof *p->answers);
	p->inferred = xcalloc(kb->nquestions + 1, sizeof *p->inferred);
	if ((n = ynode_get(item, "situation")) == NULL) {
		field_error(fc, item, "precedent is missing 'situation' (its "
		    "answers to the questions)");
		return;
	}
	if (n->type == YNODE_MAP && (ynode_get(n, "name") != NULL ||
	    ynode_get(n, "description") != NULL)) {
		field_error(fc, n, "a situation holds answers only; describe "
		    "the case in 'outcome' and 'note'");
		return;
	}
	answers_init(&a, kb);
	memset(&doc, 0, sizeof doc);
	doc.root = (struct ynode *)(uintptr_t)n;
	if (answers_from_doc(&a, kb, fc->file, &doc, fc->d) == 0) {
		memcpy(p->answers, a.v, kb->nquestions * sizeof *a.v);
		if (answers_count(&a) == 0)
			field_error(fc, n, "a situation must answer at least "
			    "one question");
	}
	answers_free(&a);
	if ((inf = ynode_get(item, "inferred")) == NULL)
		return;
	if (inf->type != YNODE_SEQ) {
		field_error(fc, inf, "'inferred' must be a list of question "
		    "ids");
		return;
	}
	for (i = 0; i < inf->n; i++) {
		q = inf->items[i];
		if (q->type != YNODE_SCALAR ||
		    (qi = kb_question_index(kb, q->str)) < 0) {
			field_error(fc, q, "unknown question '%s' in "
			    "'inferred'", q->type == YNODE_SCALAR ? q->str :
			    "?");
			continue;
		}
		if (!p->answers[qi].known) {
			field_error(fc, q, "'%s' is inferred but the situation "
			    "does not answer it", q->str);
			continue;
		}
		p->inferred[qi] = true;
	}
}

/* `set: tuning` (the default) or `set: check`. */
static void
load_set(const struct field_ctx *fc, const struct ynode *item,
    struct precedent *p)
{
	const struct ynode	*n;

	if ((n = ynode_get(item, "set")) == NULL)
		return;
	if (n->type == YNODE_SCALAR && strcmp(n->str, "check") == 0)
		p->check = true;
	else if (n->type != YNODE_SCALAR || strcmp(n->str, "tuning") != 0)
		field_error(fc, n, "'set' must be tuning or check");
}

/* `clearly_wrong: [pattern, ...]`: never the pattern it chose. */
static void
load_clearly_wrong(const struct kb *kb, const struct field_ctx *fc,
    const struct ynode *item, struct precedent *p)
{
	const struct ynode	*n, *it;
	size_t			 i;
	int			 pi;

	if ((n = ynode_get(item, "clearly_wrong")) == NULL)
		return;
	if (n->type != YNODE_SEQ) {
		field_error(fc, n, "'clearly_wrong' must be a list of pattern "
		    "ids");
		return;
	}
	p->clearly_wrong = xcalloc(kb->npatterns, sizeof *p->clearly_wrong);
	for (i = 0; i < n->n; i++) {
		it = n->items[i];
		if (it->type != YNODE_SCALAR ||
		    (pi = kb_pattern_index(kb, it->str)) < 0) {
			field_error(fc, it, "unknown pattern '%s' in "
			    "'clearly_wrong'", it->type == YNODE_SCALAR ?
			    it->str : "?");
			continue;
		}
		p->clearly_wrong[pi] = true;
	}
}

static void
load_precedent(struct kb *kb, const struct field_ctx *fc,
    const struct ynode *item, struct id_index *ids)
{
	/* In the order an unknown key's message lists them. */
	static const char *const keys[] = { "id", "organisation", "year",
	    "source", "chose", "moved_from", "regretted", "outcome",
	    "situation", "inferred", "clearly_wrong", "conflict", "set",
	    "note", "reviewed", NULL };
	struct precedent	 p;
	const char		*id, *nt;
	int			 other, pi;
	size_t			 n, nerr = fc->d->nerrors;

	if (item->type != YNODE_MAP) {
		field_error(fc, item, "a precedent must be a mapping, not %s",
		    ynode_type_name(item->type));
		return;
	}
	field_check_keys(fc, item, "precedent", keys);
	memset(&p, 0, sizeof p);
	p.moved_from = -1;
	p.loc = field_loc(fc, item);
	if ((id = field_id(fc, item, "precedent")) != NULL) {
		if ((other = id_index_find(ids, kb, id)) >= 0)
			field_error(fc, ynode_get(item, "id"), "duplicate "
			    "precedent id '%s' (first defined at %s:%d:%d)",
			    id, kb->precedents[other].loc.file,
			    kb->precedents[other].loc.line,
			    kb->precedents[other].loc.col);
		else
			p.id = xstrdup(id);
	}
	p.organisation = one_line(fc, item, "organisation", "precedent",
	    true);
	load_year(fc, item, &p);
	load_source(fc, item, &p);
	if ((pi = pattern_field(fc, kb, item, "chose", true)) >= 0)
		p.chose = (size_t)pi;
	if (ynode_get(item, "moved_from") != NULL &&
	    (p.moved_from = pattern_field(fc, kb, item, "moved_from",
	    false)) >= 0 && pi >= 0 && p.moved_from == pi)
		field_error(fc, ynode_get(item, "moved_from"), "'moved_from' "
		    "is the pattern it chose");
	field_bool(fc, item, "regretted", &p.regretted);
	field_bool(fc, item, "conflict", &p.conflict);
	load_set(fc, item, &p);
	load_clearly_wrong(kb, fc, item, &p);
	if (p.clearly_wrong != NULL && pi >= 0 && p.clearly_wrong[pi])
		field_error(fc, ynode_get(item, "clearly_wrong"), "'%s' is "
		    "the pattern it chose", kb->patterns[pi].id);
	p.outcome = one_line(fc, item, "outcome", "precedent", true);
	if ((nt = text(fc, item, "note", "precedent", false)) != NULL)
		p.note = xstrdup(nt);
	evidence_load_reviewed(fc, item, p.reviewed, &p.reviewed_loc);
	load_situation(kb, fc, item, &p);
	if (fc->d->nerrors != nerr || p.id == NULL ||
	    kb->nprecedents >= PRECEDENT_MAX) {
		if (kb->nprecedents >= PRECEDENT_MAX)
			field_error(fc, item, "more than %d precedents",
			    PRECEDENT_MAX);
		kb_precedent_clear(&p);
		return;
	}
	/* Doubling at each power of two: appending n costs log n copies. */
	n = kb->nprecedents;
	if ((n & (n - 1)) == 0)
		kb->precedents = xreallocarray(kb->precedents, n ? 2 * n : 1,
		    sizeof *kb->precedents);
	kb->precedents[kb->nprecedents++] = p;
	id_index_add(ids, kb, (int)kb->nprecedents - 1);
}

void
evidence_load_precedents(struct kb *kb, const struct field_ctx *fc,
    const struct ynode *list)
{
	struct id_index	ids;
	size_t		i;

	if (list->type != YNODE_SEQ) {
		field_error(fc, list, "'precedents' must be a list, not %s",
		    ynode_type_name(list->type));
		return;
	}
	id_index_init(&ids, kb, list->n);
	for (i = 0; i < list->n; i++)
		load_precedent(kb, fc, list->items[i], &ids);
	free(ids.slot);
}
