/*
 * kb_load: YAML knowledge-base files -> struct kb.
 *
 * All files are parsed first; questions, patterns and settings are read from
 * every file before any rule, so a rule may refer to a question or pattern
 * defined in a later file. Each item is checked field by field; a problem is
 * reported where it is and the loader moves on to the next item.
 */
#include "kb_load.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "evidence_load.h"
#include "expr.h"
#include "stock_kb.h"
#include "value.h"
#include "words.h"
#include "xmalloc.h"
#include "yaml_tree.h"

/*
 * Caps on an untrusted knowledge base, beyond those of yaml_tree.h: they
 * keep loading (ids are looked up by linear search) and what-if analysis
 * well under a second. The stock knowledge base is far below all of them.
 */
#define KB_MAX_NODES	YAML_TREE_MAX_NODES	/* all files together */
#define KB_MAX_QUESTIONS 1000
#define KB_MAX_PATTERNS	256
#define KB_MAX_RULES	10000

/* The state of one load: the kb being built and where problems go. */
struct loader {
	struct kb	*kb;
	struct diag	*d;
	const char	*file;		/* file being read (owned by kb) */
	bool		 seen_meta;
	struct srcloc	 meta_loc;
	bool		 seen_scoring;
	struct srcloc	 scoring_loc;
	bool		 replaced;	/* some item took another's place */
	bool		 capped;	/* a KB_MAX_* cap was reported */
	const struct ynode *org_questions; /* scoring's list, resolved once
					   every question is declared */
	const char	*org_file;
};

static void
err_at(struct loader *ld, const struct ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
err_at(struct loader *ld, const struct ynode *n, const char *fmt, ...)
{
	va_list	ap;
	char	buf[768];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	diag_add(ld->d, DIAG_ERROR, ld->file, n ? n->line : 0,
	    n ? n->col : 0, "%s", buf);
}

/* Checks that every key of map is one of allowed (a NULL-ended list). */
static void
check_keys(struct loader *ld, const struct ynode *map, const char *what,
    const char *const *allowed)
{
	char	list[512];
	size_t	i, j, len;

	for (i = 0; i + 1 < map->n; i += 2) {
		for (j = 0; allowed[j] != NULL; j++)
			if (strcmp(map->items[i]->str, allowed[j]) == 0)
				break;
		if (allowed[j] != NULL)
			continue;
		list[0] = '\0';
		for (j = 0, len = 0; allowed[j] != NULL; j++)
			len += (size_t)snprintf(list + len, len < sizeof list ?
			    sizeof list - len : 0, "%s%s", j ? ", " : "",
			    allowed[j]);
		err_at(ld, map->items[i], "unknown key '%s' in %s "
		    "(expected one of: %s)", map->items[i]->str, what, list);
	}
}

/* Returns the text of scalar field key, or NULL (reporting if required). */
static const char *
get_text(struct loader *ld, const struct ynode *map, const char *key,
    const char *what, bool required)
{
	const struct ynode	*n;

	n = ynode_get(map, key);
	if (n == NULL) {
		if (required)
			err_at(ld, map, "%s is missing '%s'", what, key);
		return (NULL);
	}
	if (n->type != YNODE_SCALAR) {
		err_at(ld, n, "'%s' must be text, not %s", key,
		    ynode_type_name(n->type));
		return (NULL);
	}
	if (required && n->str[0] == '\0') {
		err_at(ld, n, "'%s' must not be empty", key);
		return (NULL);
	}
	return (n->str);
}

static char *
dup_text(struct loader *ld, const struct ynode *map, const char *key,
    const char *what, bool required)
{
	const char	*s;

	s = get_text(ld, map, key, what, required);
	return (s ? xstrdup(s) : NULL);
}

/* Reads an optional list of strings into l. */
static void
get_strlist(struct loader *ld, const struct ynode *map, const char *key,
    struct strlist *l)
{
	const struct ynode	*n;
	size_t			 i;

	if ((n = ynode_get(map, key)) == NULL)
		return;
	if (n->type != YNODE_SEQ) {
		err_at(ld, n, "'%s' must be a list of text, not %s", key,
		    ynode_type_name(n->type));
		return;
	}
	for (i = 0; i < n->n; i++) {
		if (n->items[i]->type != YNODE_SCALAR) {
			err_at(ld, n->items[i], "'%s' items must be text, "
			    "not %s", key, ynode_type_name(n->items[i]->type));
			continue;
		}
		strlist_push(l, n->items[i]->str);
	}
}

/* Ids are lower-case names: letters, digits, '_' and '-'. */
static bool
valid_id(const char *s)
{
	const char	*p;

	if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
		return (false);
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_' || *p == '-'))
			return (false);
	return (p - s <= 64);
}

static const char *
get_id(struct loader *ld, const struct ynode *map, const char *what)
{
	const char		*id;

	if ((id = get_text(ld, map, "id", what, true)) == NULL)
		return (NULL);
	if (!valid_id(id)) {
		err_at(ld, ynode_get(map, "id"), "invalid %s id '%s': use "
		    "lower-case letters, digits, '_' and '-' (at most 64)",
		    what, id);
		return (NULL);
	}
	return (id);
}

/*
 * Whether an item may take the id it declares. first is where an item of
 * that id was defined before, or NULL. A later file may replace an item of
 * an earlier one by saying 'replace: true'; any other clash is an error that
 * names both places. Returns 0 for a new id, 1 to replace the earlier item,
 * -1 if the item is to be dropped (the error is reported).
 */
static int
claim_id(struct loader *ld, const struct ynode *map, const char *what,
    const char *id, const struct srcloc *first)
{
	const struct ynode	*n;
	bool			 replace = false;

	if ((n = ynode_get(map, "replace")) != NULL) {
		if (n->type == YNODE_SCALAR && n->plain &&
		    (strcmp(n->str, "true") == 0 ||
		    strcmp(n->str, "false") == 0))
			replace = strcmp(n->str, "true") == 0;
		else {
			err_at(ld, n, "'replace' must be true or false");
			return (-1);
		}
	}
	if (first == NULL) {
		if (!replace)
			return (0);
		err_at(ld, n, "'replace: true' but no earlier file defines a "
		    "%s '%s' to replace", what, id);
		return (-1);
	}
	if (replace && first->file != ld->file) {
		ld->replaced = true;
		return (1);
	}
	if (first->file != ld->file)
		err_at(ld, ynode_get(map, "id"), "duplicate %s id '%s' (first "
		    "defined at %s:%d:%d; to replace it, add 'replace: true')",
		    what, id, first->file, first->line, first->col);
	else
		err_at(ld, ynode_get(map, "id"), "duplicate %s id '%s' (first "
		    "defined at %s:%d:%d)", what, id, first->file, first->line,
		    first->col);
	return (-1);
}

static struct srcloc
loc_of(struct loader *ld, const struct ynode *n)
{
	struct srcloc	l;

	l.file = ld->file;
	l.line = n->line;
	l.col = n->col;
	return (l);
}

static void
load_meta(struct loader *ld, const struct ynode *n)
{
	static const char *const keys[] = { "name", "version", "reviewed",
	    NULL };
	struct kb	*kb = ld->kb;

	if (n->type != YNODE_MAP) {
		err_at(ld, n, "'knowledge_base' must be a mapping with name "
		    "and version");
		return;
	}
	if (ld->seen_meta) {
		err_at(ld, n, "'knowledge_base' given twice (first at "
		    "%s:%d:%d)", ld->meta_loc.file, ld->meta_loc.line,
		    ld->meta_loc.col);
		return;
	}
	ld->seen_meta = true;
	ld->meta_loc = loc_of(ld, n);
	check_keys(ld, n, "knowledge_base", keys);
	kb->name = dup_text(ld, n, "name", "knowledge_base", true);
	kb->version = dup_text(ld, n, "version", "knowledge_base", true);
	evidence_load_reviewed(ld->d, ld->file, n, kb->reviewed,
	    &kb->reviewed_loc);
}

/* Reads a number field; returns 0 if absent or valid, -1 otherwise. */
static int
get_number(struct loader *ld, const struct ynode *map, const char *key,
    double lo, double hi, double *out)
{
	const struct ynode	*n;
	char			*end;
	double			 v;

	if ((n = ynode_get(map, key)) == NULL)
		return (0);
	if (n->type == YNODE_SCALAR) {
		errno = 0;
		v = strtod(n->str, &end);
		if (end != n->str && *end == '\0' && errno == 0 &&
		    isfinite(v) && v >= lo && v <= hi) {
			*out = v;
			return (0);
		}
	}
	err_at(ld, n, "'%s' must be a number from %g to %g", key, lo, hi);
	return (-1);
}

/* An optional true/false field; out is left alone when it is absent. */
static void
get_bool(struct loader *ld, const struct ynode *map, const char *key,
    bool *out)
{
	const struct ynode	*n;

	if ((n = ynode_get(map, key)) == NULL)
		return;
	if (n->type == YNODE_SCALAR && n->plain &&
	    (strcmp(n->str, "true") == 0 || strcmp(n->str, "false") == 0))
		*out = strcmp(n->str, "true") == 0;
	else
		err_at(ld, n, "'%s' must be true or false", key);
}

static void
load_scoring(struct loader *ld, const struct ynode *n)
{
	static const char *const keys[] = { "scale",
	    "organization_threshold", "close_call", "organization_questions",
	    NULL };

	if (n->type != YNODE_MAP) {
		err_at(ld, n, "'scoring' must be a mapping");
		return;
	}
	if (ld->seen_scoring) {
		err_at(ld, n, "'scoring' given twice (first at %s:%d:%d)",
		    ld->scoring_loc.file, ld->scoring_loc.line,
		    ld->scoring_loc.col);
		return;
	}
	ld->seen_scoring = true;
	ld->scoring_loc = loc_of(ld, n);
	check_keys(ld, n, "scoring", keys);
	get_number(ld, n, "scale", 0.1, 100, &ld->kb->scale);
	get_number(ld, n, "organization_threshold", 0, 100,
	    &ld->kb->org_threshold);
	get_number(ld, n, "close_call", 0, 100, &ld->kb->close_call);
	if ((ld->org_questions = ynode_get(n, "organization_questions")) !=
	    NULL)
		ld->org_file = ld->file;
	if (ld->kb->scale < 0.1)
		ld->kb->scale = KB_DEFAULT_SCALE;
}

static void
add_section(struct kb *kb, const char *section)
{
	size_t	i;

	for (i = 0; i < kb->sections.n; i++)
		if (strcmp(kb->sections.items[i], section) == 0)
			return;
	strlist_push(&kb->sections, section);
}

/*
 * Reads optional text meant for people: one line of at most max bytes
 * (a label, a what-if clause). Returns a copy, or NULL if absent or bad
 * (reported).
 */
static char *
dup_label(struct loader *ld, const struct ynode *map, const char *key,
    size_t max)
{
	const struct ynode	*n;
	const char		*s, *p;

	if ((s = get_text(ld, map, key, "question", false)) == NULL)
		return (NULL);
	n = ynode_get(map, key);
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			break;
	if (s[0] == '\0' || *p != '\0' || p - s > (ptrdiff_t)max ||
	    s[0] == ' ' || p[-1] == ' ') {
		err_at(ld, n, "'%s' must be one line of text of 1 to %zu "
		    "bytes, without leading or trailing spaces", key, max);
		return (NULL);
	}
	return (xstrdup(s));
}

/*
 * Reads a level's or set's declared names: each a name, or a mapping of
 * its name and its label for people ({id: iot, label: IoT}).
 */
static int
load_names(struct loader *ld, const struct ynode *item, struct question *q)
{
	static const char *const keys[] = { "id", "label", NULL };
	struct value_domain	*dom = &q->dom;
	const struct ynode	*n, *it, *idn;
	const char		*name;
	size_t			 i, j;

	n = ynode_get(item, "values");
	if (dom->type != VAL_LEVEL && dom->type != VAL_SET) {
		if (n != NULL)
			err_at(ld, n, "'values' is only for level and set "
			    "questions");
		return (n ? -1 : 0);
	}
	if (n == NULL || n->type != YNODE_SEQ || n->n == 0) {
		err_at(ld, n ? n : item, "a %s question needs 'values', a "
		    "non-empty list of names", value_type_name(dom->type));
		return (-1);
	}
	if (n->n > VALUE_SET_MAX) {
		err_at(ld, n, "at most %d values", VALUE_SET_MAX);
		return (-1);
	}
	dom->names = xcalloc(n->n, sizeof *dom->names);
	q->value_labels = xcalloc(n->n, sizeof *q->value_labels);
	for (i = 0; i < n->n; i++) {
		it = idn = n->items[i];
		if (it->type == YNODE_MAP) {
			check_keys(ld, it, "value", keys);
			idn = ynode_get(it, "id");
			if (idn == NULL) {
				err_at(ld, it, "value is missing 'id'");
				return (-1);
			}
		}
		name = idn->type == YNODE_SCALAR ? idn->str : NULL;
		if (name == NULL || !valid_id(name)) {
			err_at(ld, idn, "invalid value name: use lower-case "
			    "letters, digits, '_' and '-', or a mapping such "
			    "as {id: iot, label: IoT}");
			return (-1);
		}
		for (j = 0; j < i; j++)
			if (strcmp(dom->names[j], name) == 0) {
				err_at(ld, idn, "value '%s' listed twice",
				    name);
				return (-1);
			}
		if (it->type == YNODE_MAP) {
			if (ynode_get(it, "label") == NULL) {
				err_at(ld, it, "value '%s' is missing "
				    "'label' (or write it as a plain name)",
				    name);
				return (-1);
			}
			if ((q->value_labels[i] = dup_label(ld, it, "label",
			    WORDS_LABEL_MAX)) == NULL)
				return (-1);
		}
		dom->names[dom->nnames++] = xstrdup(name);
	}
	return (0);
}

/* A bool's what-if clauses; no other type has them. */
static void
load_clauses(struct loader *ld, const struct ynode *item, struct question *q)
{
	static const char *const keys[] = { "if_yes", "if_no" };
	const struct ynode	*n;
	size_t			 i;

	for (i = 0; i < 2; i++) {
		if ((n = ynode_get(item, keys[i])) == NULL)
			continue;
		if (q->dom.type != VAL_BOOL) {
			err_at(ld, n, "'%s' is only for bool questions",
			    keys[i]);
			continue;
		}
		*(i == 0 ? &q->if_yes : &q->if_no) = dup_label(ld, item,
		    keys[i], 2 * WORDS_LABEL_MAX);
	}
}

/* Reads one end of a range: "~"/null/empty means open. */
static int
load_bound(struct loader *ld, const struct ynode *n, struct value_domain *dom,
    bool *has, int64_t *out)
{
	struct value_domain	 plain = *dom;
	struct value		 v;
	char			 why[256];

	if (n->type != YNODE_SCALAR) {
		err_at(ld, n, "range bounds must be values, not %s",
		    ynode_type_name(n->type));
		return (-1);
	}
	if (n->plain && (n->str[0] == '\0' || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0))
		return (0);
	plain.has_min = plain.has_max = false;
	if (value_parse(&plain, n->str, &v, why, sizeof why) != 0) {
		err_at(ld, n, "bad range bound: %s", why);
		return (-1);
	}
	if (!v.known) {
		err_at(ld, n, "bad range bound: a bound cannot be unknown");
		return (-1);
	}
	*has = true;
	*out = v.num;
	return (0);
}

static int
load_range(struct loader *ld, const struct ynode *item,
    struct value_domain *dom)
{
	const struct ynode	*n;

	if ((n = ynode_get(item, "range")) == NULL)
		return (0);
	if (dom->type != VAL_INT && dom->type != VAL_DURATION &&
	    dom->type != VAL_SIZE) {
		err_at(ld, n, "'range' is only for integer, duration and size "
		    "questions");
		return (-1);
	}
	if (n->type != YNODE_SEQ || n->n != 2) {
		err_at(ld, n, "'range' must be a list of two bounds, "
		    "e.g. [1, 5] or [1, ~]");
		return (-1);
	}
	if (load_bound(ld, n->items[0], dom, &dom->has_min, &dom->min) != 0 ||
	    load_bound(ld, n->items[1], dom, &dom->has_max, &dom->max) != 0)
		return (-1);
	if (dom->has_min && dom->has_max && dom->min > dom->max) {
		err_at(ld, n, "range is empty: the minimum is above the "
		    "maximum");
		return (-1);
	}
	return (0);
}

/* The three kinds of item with ids, for begin_item. */
enum item_kind { ITEM_QUESTION, ITEM_PATTERN, ITEM_RULE };

static const char *const item_names[] = { "question", "pattern", "rule" };

/* Index of the item of that kind and id, or -1; *loc is where it was. */
static int
find_item(const struct kb *kb, enum item_kind k, const char *id,
    const struct srcloc **loc)
{
	int	i;

	switch (k) {
	case ITEM_QUESTION:
		if ((i = kb_question_index(kb, id)) >= 0)
			*loc = &kb->questions[i].loc;
		return (i);
	case ITEM_PATTERN:
		if ((i = kb_pattern_index(kb, id)) >= 0)
			*loc = &kb->patterns[i].loc;
		return (i);
	case ITEM_RULE:
		if ((i = kb_rule_index(kb, id)) >= 0)
			*loc = &kb->rules[i].loc;
		return (i);
	}
	return (-1);
}

/*
 * The start every question, pattern and rule shares: the item must be a
 * mapping of allowed keys, within the cap (n items so far, at most max).
 * *id is its id, or NULL when missing, invalid or clashing; *slot is the
 * index of the earlier item it replaces ('replace: true'), else -1.
 * Returns false if the item is to be skipped (the error is reported).
 */
static bool
begin_item(struct loader *ld, const struct ynode *item, enum item_kind k,
    const char *const *keys, size_t n, size_t max, const char **id,
    int *slot)
{
	const char		*what = item_names[k];
	const struct srcloc	*first = NULL;
	int			 other;

	*id = NULL;
	*slot = -1;
	if (item->type != YNODE_MAP) {
		err_at(ld, item, "a %s must be a mapping, not %s", what,
		    ynode_type_name(item->type));
		return (false);
	}
	if (n >= max) {
		if (!ld->capped)
			err_at(ld, item, "more than %zu %ss", max, what);
		ld->capped = true;
		return (false);
	}
	check_keys(ld, item, what, keys);
	if ((*id = get_id(ld, item, what)) == NULL)
		return (true);
	other = find_item(ld->kb, k, *id, &first);
	switch (claim_id(ld, item, what, *id, first)) {
	case 1:
		*slot = other;
		break;
	case -1:
		*id = NULL;
		break;
	}
	return (true);
}

static void
load_question(struct loader *ld, const struct ynode *item)
{
	static const char *const keys[] = { "id", "section", "label",
	    "prompt", "help", "type", "values", "range", "default", "ask_if",
	    "requirement", "if_yes", "if_no", "replace", NULL };
	struct kb		*kb = ld->kb;
	struct question		 q;
	const struct ynode	*tn, *dn;
	const char		*id, *type;
	char			 why[512];
	int			 slot;

	if (!begin_item(ld, item, ITEM_QUESTION, keys, kb->nquestions,
	    KB_MAX_QUESTIONS, &id, &slot))
		return;
	memset(&q, 0, sizeof q);
	q.def = value_unknown();
	q.loc = loc_of(ld, item);
	type = get_text(ld, item, "type", "question", true);
	if (type != NULL && value_type_parse(type, &q.dom.type) != 0) {
		tn = ynode_get(item, "type");
		err_at(ld, tn, "unknown type '%s' (expected duration, size, "
		    "integer, bool, level or set)", type);
		type = NULL;
	}
	q.prompt = dup_text(ld, item, "prompt", "question", true);
	q.ask_if_text = dup_text(ld, item, "ask_if", "question", false);
	q.section = dup_text(ld, item, "section", "question", false);
	q.help = dup_text(ld, item, "help", "question", false);
	q.label = dup_label(ld, item, "label", WORDS_LABEL_MAX);
	get_bool(ld, item, "requirement", &q.requirement);
	if (type != NULL)
		load_clauses(ld, item, &q);
	if (type != NULL && load_names(ld, item, &q) == 0 &&
	    load_range(ld, item, &q.dom) == 0 &&
	    (dn = ynode_get(item, "default")) != NULL) {
		if (dn->type != YNODE_SCALAR ||
		    value_parse(&q.dom, dn->str, &q.def, why, sizeof why)) {
			err_at(ld, dn, "bad default: %s", dn->type ==
			    YNODE_SCALAR ? why : "must be a single value");
		}
	}
	if (id == NULL || type == NULL || q.prompt == NULL) {
		q.id = NULL;
		kb_question_clear(&q);
		return;
	}
	q.id = xstrdup(id);
	if (q.section == NULL)
		q.section = xstrdup("General");
	add_section(kb, q.section);
	if (slot >= 0) {
		kb_question_clear(&kb->questions[slot]);
		kb->questions[slot] = q;
		return;
	}
	kb->questions = xreallocarray(kb->questions, kb->nquestions + 1,
	    sizeof *kb->questions);
	kb->questions[kb->nquestions++] = q;
}

static void
load_principles(struct loader *ld, const struct ynode *item,
    struct pattern *p)
{
	static const char *const keys[] = { "name", "text", NULL };
	const struct ynode	*n, *it;
	size_t			 i;

	if ((n = ynode_get(item, "principles")) == NULL)
		return;
	if (n->type != YNODE_SEQ) {
		err_at(ld, n, "'principles' must be a list of name and text");
		return;
	}
	p->principles = xcalloc(n->n, sizeof *p->principles);
	for (i = 0; i < n->n; i++) {
		it = n->items[i];
		if (it->type != YNODE_MAP) {
			err_at(ld, it, "a principle must be a mapping with "
			    "name and text");
			continue;
		}
		check_keys(ld, it, "principle", keys);
		p->principles[p->nprinciples].name = dup_text(ld, it, "name",
		    "principle", true);
		p->principles[p->nprinciples].text = dup_text(ld, it, "text",
		    "principle", true);
		p->nprinciples++;
	}
}

/* consequences: what choosing the pattern takes (run, watch, learn). */
static void
load_consequences(struct loader *ld, const struct ynode *item,
    struct pattern *p)
{
	static const char *const keys[] = { "run", "watch", "learn", NULL };
	const struct ynode	*n;

	if ((n = ynode_get(item, "consequences")) == NULL)
		return;
	if (n->type != YNODE_MAP) {
		err_at(ld, n, "'consequences' must be a mapping of run, watch "
		    "and learn");
		return;
	}
	check_keys(ld, n, "consequences", keys);
	p->run = dup_text(ld, n, "run", "consequences", false);
	p->watch = dup_text(ld, n, "watch", "consequences", false);
	p->learn = dup_text(ld, n, "learn", "consequences", false);
}

static void
load_pattern(struct loader *ld, const struct ynode *item)
{
	static const char *const keys[] = { "id", "name", "kind", "summary",
	    "best_for", "tools", "pros", "cons", "sketch", "principles",
	    "consequences", "source", "replace", "reviewed", NULL };
	struct kb	*kb = ld->kb;
	struct pattern	 p;
	const char	*id, *kind;
	int		 slot;
	bool		 ok = true;

	if (!begin_item(ld, item, ITEM_PATTERN, keys, kb->npatterns,
	    KB_MAX_PATTERNS, &id, &slot))
		return;
	memset(&p, 0, sizeof p);
	p.loc = loc_of(ld, item);
	if ((kind = get_text(ld, item, "kind", "pattern", true)) != NULL) {
		if (strcmp(kind, "processing") == 0)
			p.kind = PATTERN_PROCESSING;
		else if (strcmp(kind, "organization") == 0)
			p.kind = PATTERN_ORGANIZATION;
		else {
			err_at(ld, ynode_get(item, "kind"), "unknown kind "
			    "'%s' (expected processing or organization)", kind);
			ok = false;
		}
	} else
		ok = false;
	p.id = id ? xstrdup(id) : NULL;
	p.name = dup_text(ld, item, "name", "pattern", true);
	p.summary = dup_text(ld, item, "summary", "pattern", true);
	p.sketch = dup_text(ld, item, "sketch", "pattern", false);
	p.source = dup_text(ld, item, "source", "pattern", false);
	get_strlist(ld, item, "best_for", &p.best_for);
	evidence_load_tools(ld->d, ld->file, item, &p);
	evidence_load_reviewed(ld->d, ld->file, item, p.reviewed,
	    &p.reviewed_loc);
	get_strlist(ld, item, "pros", &p.pros);
	get_strlist(ld, item, "cons", &p.cons);
	load_principles(ld, item, &p);
	load_consequences(ld, item, &p);
	if (!ok || p.id == NULL || p.name == NULL || p.summary == NULL) {
		/* Keep nothing of a broken pattern; the error is reported. */
		struct kb	*tmp = kb_new();

		tmp->patterns = xcalloc(1, sizeof p);
		tmp->patterns[0] = p;
		tmp->npatterns = 1;
		kb_free(tmp);
		return;
	}
	if (slot >= 0) {
		kb_pattern_clear(&kb->patterns[slot]);
		kb->patterns[slot] = p;
		return;
	}
	kb->patterns = xreallocarray(kb->patterns, kb->npatterns + 1,
	    sizeof *kb->patterns);
	kb->patterns[kb->npatterns++] = p;
}

/*
 * Where byte offset off of a condition's text lies in the file. Exact for
 * one-line plain and quoted scalars; for block scalars the line is exact and
 * the column assumes the usual two-space indent under the key.
 */
static void
offset_place(const struct ynode *key, const struct ynode *val, size_t off,
    int *line, int *col)
{
	size_t	i, nl = 0, linestart = 0;

	for (i = 0; i < off && val->str[i] != '\0'; i++)
		if (val->str[i] == '\n') {
			nl++;
			linestart = i + 1;
		}
	if (nl == 0 && (val->plain || val->quoted)) {
		*line = val->line;
		*col = val->col + (int)off + (val->quoted ? 1 : 0);
	} else if (!val->plain && !val->quoted) {
		*line = val->line + 1 + (int)nl;
		*col = key->col + 2 + (int)(off - linestart);
	} else {
		*line = val->line;
		*col = val->col;
	}
}

/* Reports a parse error in the condition held by the value of key in map. */
static void
condition_error(struct loader *ld, const struct ynode *map, const char *key,
    const struct expr_error *ee)
{
	const struct ynode	*k = NULL, *v = NULL;
	size_t			 i;
	int			 line, col;

	for (i = 0; i + 1 < map->n; i += 2)
		if (strcmp(map->items[i]->str, key) == 0) {
			k = map->items[i];
			v = map->items[i + 1];
		}
	offset_place(k, v, ee->offset, &line, &col);
	diag_add(ld->d, DIAG_ERROR, ld->file, line, col, "%s", ee->msg);
}

/* `veto: [ids]` or `stretch: [ids]`, appended to r's effects. */
static void
load_pattern_list(struct loader *ld, const struct ynode *item,
    const char *key, struct rule *r)
{
	const struct ynode	*n, *v;
	size_t			 i;
	int			 pi;

	if ((n = ynode_get(item, key)) == NULL)
		return;
	if (n->type != YNODE_SEQ) {
		err_at(ld, n, "'%s' must be a list of pattern ids", key);
		return;
	}
	r->effects = xreallocarray(r->effects, r->neffects + n->n + 1,
	    sizeof *r->effects);
	for (i = 0; i < n->n; i++) {
		v = n->items[i];
		if (v->type != YNODE_SCALAR ||
		    (pi = kb_pattern_index(ld->kb, v->str)) < 0) {
			err_at(ld, v, "unknown pattern '%s' in %s",
			    v->type == YNODE_SCALAR ? v->str : "?", key);
			continue;
		}
		memset(&r->effects[r->neffects], 0, sizeof *r->effects);
		r->effects[r->neffects].pattern = (size_t)pi;
		if (strcmp(key, "veto") == 0)
			r->effects[r->neffects].veto = true;
		else
			r->effects[r->neffects].stretch = true;
		r->neffects++;
	}
}

static void
load_effects(struct loader *ld, const struct ynode *item, struct rule *r)
{
	const struct ynode	*n, *k, *v;
	char			*end;
	double			 w;
	size_t			 i;
	int			 pi;

	if ((n = ynode_get(item, "effects")) != NULL) {
		if (n->type != YNODE_MAP) {
			err_at(ld, n, "'effects' must map pattern ids to "
			    "weights, e.g. {streaming: 2, batch: -1}");
		} else {
			r->effects = xcalloc(n->n / 2 + 1, sizeof *r->effects);
			for (i = 0; i + 1 < n->n; i += 2) {
				k = n->items[i];
				v = n->items[i + 1];
				if ((pi = kb_pattern_index(ld->kb, k->str)) < 0) {
					err_at(ld, k, "unknown pattern '%s'",
					    k->str);
					continue;
				}
				errno = 0;
				w = v->type == YNODE_SCALAR ?
				    strtod(v->str, &end) : NAN;
				if (v->type != YNODE_SCALAR || end == v->str ||
				    *end != '\0' || errno != 0 || !isfinite(w) ||
				    fabs(w) > 100) {
					err_at(ld, v, "weight for '%s' must be "
					    "a number from -100 to 100", k->str);
					continue;
				}
				r->effects[r->neffects].pattern = (size_t)pi;
				r->effects[r->neffects].weight = w;
				r->neffects++;
			}
		}
	}
	load_pattern_list(ld, item, "veto", r);
	load_pattern_list(ld, item, "stretch", r);
}

/*
 * `requirement: QUESTION` marks a rule as the verdict of a requirement
 * (a question declared `requirement: true`): its effects may only rule a
 * pattern out or say it meets the need at a stretch, never add a weight.
 */
static void
load_rule_requirement(struct loader *ld, const struct ynode *item,
    struct rule *r)
{
	const struct ynode	*n;
	size_t			 i;
	int			 qi;

	r->requirement = -1;
	if ((n = ynode_get(item, "requirement")) == NULL)
		return;
	if (n->type != YNODE_SCALAR ||
	    (qi = kb_question_index(ld->kb, n->str)) < 0) {
		err_at(ld, n, "unknown question '%s' in requirement",
		    n->type == YNODE_SCALAR ? n->str : "?");
		return;
	}
	if (!ld->kb->questions[qi].requirement) {
		err_at(ld, n, "question '%s' is not declared a requirement "
		    "(requirement: true)", n->str);
		return;
	}
	for (i = 0; i < r->neffects; i++)
		if (!r->effects[i].veto && !r->effects[i].stretch) {
			err_at(ld, n, "a requirement's rule may only veto "
			    "or stretch, not weigh");
			return;
		}
	r->requirement = qi;
}

/* `group: NAME`: rules restating one fact count once for each pattern. */
static void
load_rule_group(struct loader *ld, const struct ynode *item, struct rule *r)
{
	const char	*name;
	size_t		 i;

	if ((name = get_text(ld, item, "group", "rule", false)) == NULL)
		return;
	for (i = 0; i < ld->kb->groups.n; i++)
		if (strcmp(ld->kb->groups.items[i], name) == 0)
			break;
	if (i == ld->kb->groups.n)
		strlist_push(&ld->kb->groups, name);
	r->group = i + 1;
}

static void
load_rule(struct loader *ld, const struct ynode *item)
{
	static const char *const keys[] = { "id", "when", "effects", "veto",
	    "stretch", "requirement", "group", "why", "source", "replace",
	    NULL };
	struct kb		*kb = ld->kb;
	struct rule		 r;
	struct expr_error	 ee;
	const char		*id;
	int			 slot;
	size_t			 nerr = ld->d->nerrors;

	if (!begin_item(ld, item, ITEM_RULE, keys, kb->nrules, KB_MAX_RULES,
	    &id, &slot))
		return;
	memset(&r, 0, sizeof r);
	r.loc = loc_of(ld, item);
	r.id = id ? xstrdup(id) : NULL;
	r.why = dup_text(ld, item, "why", "rule", true);
	r.source = dup_text(ld, item, "source", "rule", true);
	r.when_text = dup_text(ld, item, "when", "rule", true);
	if (r.when_text != NULL) {
		if ((r.when = expr_parse(r.when_text, kb, &ee)) == NULL)
			condition_error(ld, item, "when", &ee);
	}
	load_effects(ld, item, &r);
	load_rule_requirement(ld, item, &r);
	load_rule_group(ld, item, &r);
	if (ld->d->nerrors == nerr && r.neffects == 0)
		err_at(ld, item, "rule '%s' has no effects, veto or stretch",
		    r.id);
	if (ld->d->nerrors != nerr || kb->nrules >= KB_MAX_RULES) {
		if (kb->nrules >= KB_MAX_RULES)
			err_at(ld, item, "more than %d rules", KB_MAX_RULES);
		free(r.id);
		free(r.why);
		free(r.source);
		free(r.when_text);
		expr_free(r.when);
		free(r.effects);
		return;
	}
	if (slot >= 0) {
		kb_rule_clear(&kb->rules[slot]);
		kb->rules[slot] = r;
		return;
	}
	/* Doubling at powers of two keeps 10000 rules linear. */
	if ((kb->nrules & (kb->nrules - 1)) == 0)
		kb->rules = xreallocarray(kb->rules, kb->nrules ?
		    2 * kb->nrules : 1, sizeof *kb->rules);
	kb->rules[kb->nrules++] = r;
}

/* `implausible: [{when, why}]`: combinations what-if leaves out. */
static void
load_implausible(struct loader *ld, const struct ynode *item)
{
	static const char *const keys[] = { "when", "why", NULL };
	struct implausible	 im;
	struct expr_error	 ee;
	size_t			 nerr = ld->d->nerrors;

	if (item->type != YNODE_MAP) {
		err_at(ld, item, "an implausible combination must be a mapping "
		    "with 'when' and 'why'");
		return;
	}
	check_keys(ld, item, "implausible combination", keys);
	memset(&im, 0, sizeof im);
	im.loc = loc_of(ld, item);
	im.why = dup_text(ld, item, "why", "implausible combination", true);
	im.when_text = dup_text(ld, item, "when", "implausible combination",
	    true);
	if (im.when_text != NULL &&
	    (im.when = expr_parse(im.when_text, ld->kb, &ee)) == NULL)
		condition_error(ld, item, "when", &ee);
	if (ld->d->nerrors != nerr || ld->kb->nimplausible >= KB_MAX_RULES) {
		if (ld->kb->nimplausible >= KB_MAX_RULES)
			err_at(ld, item, "more than %d implausible "
			    "combinations", KB_MAX_RULES);
		free(im.why);
		free(im.when_text);
		expr_free(im.when);
		return;
	}
	ld->kb->implausible = xreallocarray(ld->kb->implausible,
	    ld->kb->nimplausible + 1, sizeof *ld->kb->implausible);
	ld->kb->implausible[ld->kb->nimplausible++] = im;
}

/*
 * Second pass over one file's questions: their ask_if conditions, which
 * may read any question of any file.
 */
static void
load_ask_ifs(struct loader *ld, const struct ynode *root)
{
	const struct ynode	*list, *item, *id;
	struct question		*q;
	struct expr_error	 ee;
	size_t			 i;
	int			 qi;

	if ((list = ynode_get(root, "questions")) == NULL ||
	    list->type != YNODE_SEQ)
		return;
	for (i = 0; i < list->n; i++) {
		item = list->items[i];
		if (item->type != YNODE_MAP ||
		    ynode_get(item, "ask_if") == NULL ||
		    (id = ynode_get(item, "id")) == NULL ||
		    id->type != YNODE_SCALAR ||
		    (qi = kb_question_index(ld->kb, id->str)) < 0)
			continue;
		q = &ld->kb->questions[qi];
		if (q->ask_if_text == NULL || q->ask_if != NULL ||
		    q->loc.file != ld->file)
			continue;
		if ((q->ask_if = expr_parse(q->ask_if_text, ld->kb, &ee)) ==
		    NULL)
			condition_error(ld, item, "ask_if", &ee);
	}
}

/*
 * A question may not depend on itself through ask_if conditions: a front
 * end could never decide whether to ask it. Depth-first search keeping the
 * path, so the error can show the whole cycle.
 */
static bool
ask_if_cycle(const struct kb *kb, size_t q, int *state, size_t *path,
    size_t depth, size_t *len)
{
	bool	*used;
	size_t	 r;
	bool	 found = false;

	if (state[q] == 2 || kb->questions[q].ask_if == NULL)
		return (false);
	path[depth] = q;
	if (state[q] == 1) {
		*len = depth + 1;
		return (true);
	}
	state[q] = 1;
	used = xcalloc(kb->nquestions, sizeof *used);
	expr_questions(kb->questions[q].ask_if, used);
	for (r = 0; r < kb->nquestions && !found; r++)
		if (used[r])
			found = ask_if_cycle(kb, r, state, path, depth + 1,
			    len);
	free(used);
	state[q] = 2;
	return (found);
}

static void
check_ask_if_cycles(struct loader *ld)
{
	const struct kb	*kb = ld->kb;
	const struct question *q;
	int		*state;
	size_t		*path, i, j, len, start;
	char		 msg[1024];
	size_t		 n;

	state = xcalloc(kb->nquestions + 1, sizeof *state);
	path = xcalloc(kb->nquestions + 2, sizeof *path);
	for (i = 0; i < kb->nquestions; i++) {
		if (!ask_if_cycle(kb, i, state, path, 0, &len))
			continue;
		/* The cycle is the path from the first visit of its end. */
		for (start = 0; path[start] != path[len - 1]; start++)
			;
		q = &kb->questions[path[start]];
		n = 0;
		for (j = start; j < len && n < sizeof msg; j++)
			n += (size_t)snprintf(msg + n, sizeof msg - n, "%s%s",
			    j > start ? " -> " : "", kb->questions[path[j]].id);
		diag_add(ld->d, DIAG_ERROR, q->loc.file, q->loc.line,
		    q->loc.col, "ask_if conditions form a cycle: %s", msg);
		break;
	}
	free(state);
	free(path);
}

static void
load_list(struct loader *ld, const struct ynode *n, const char *key,
    void (*fn)(struct loader *, const struct ynode *))
{
	size_t	i;

	if (n->type != YNODE_SEQ) {
		err_at(ld, n, "'%s' must be a list, not %s", key,
		    ynode_type_name(n->type));
		return;
	}
	for (i = 0; i < n->n; i++)
		fn(ld, n->items[i]);
}

/* First pass over one file: everything but the rules. */
static void
load_declarations(struct loader *ld, const struct ynode *root)
{
	static const char *const keys[] = { "knowledge_base", "scoring",
	    "questions", "patterns", "rules", "implausible", "precedents",
	    NULL };
	const struct ynode	*n;

	check_keys(ld, root, "a knowledge-base file", keys);
	if ((n = ynode_get(root, "knowledge_base")) != NULL)
		load_meta(ld, n);
	if ((n = ynode_get(root, "scoring")) != NULL)
		load_scoring(ld, n);
	if ((n = ynode_get(root, "questions")) != NULL)
		load_list(ld, n, "questions", load_question);
	if ((n = ynode_get(root, "patterns")) != NULL)
		load_list(ld, n, "patterns", load_pattern);
}

/* Parses one source into a document; returns NULL on error. */
static struct ynode *
parse_source(struct loader *ld, const struct kb_source *src)
{
	struct yaml_stream	*ys;
	struct yaml_doc		 doc, extra;
	const unsigned char	*rec;
	size_t			 nrec;
	int			 rc;

	/* A stock file replays its events recorded at build time. */
	if ((rec = stock_kb_recording(src->data, src->len, &nrec)) != NULL)
		ys = yaml_stream_new_recorded(ld->file, rec, nrec);
	else
		ys = yaml_stream_new(ld->file, src->data, src->len);
	if (ys == NULL) {
		diag_add(ld->d, DIAG_ERROR, ld->file, 0, 0,
		    "cannot start the YAML parser");
		return (NULL);
	}
	rc = yaml_stream_next(ys, &doc, ld->d);
	if (rc == 1 && yaml_stream_next(ys, &extra, ld->d) == 1) {
		diag_add(ld->d, DIAG_ERROR, ld->file, extra.line, extra.col,
		    "a knowledge-base file holds one YAML document");
		yaml_doc_free(&extra);
		yaml_doc_free(&doc);
		rc = -1;
	}
	yaml_stream_free(ys);
	if (rc == 0 || (rc == 1 && doc.root == NULL)) {
		diag_add(ld->d, DIAG_ERROR, ld->file, 1, 1, "empty "
		    "knowledge-base file");
		return (NULL);
	}
	if (rc < 0)
		return (NULL);
	if (doc.root->type != YNODE_MAP) {
		diag_add(ld->d, DIAG_ERROR, ld->file, doc.root->line,
		    doc.root->col, "a knowledge-base file must be a mapping "
		    "(knowledge_base, questions, patterns, rules), not %s",
		    ynode_type_name(doc.root->type));
		yaml_doc_free(&doc);
		return (NULL);
	}
	return (doc.root);
}

/* A replaced question may leave its old section empty: drop such sections. */
static void
prune_sections(struct kb *kb)
{
	size_t	i, j, k;

	for (i = k = 0; i < kb->sections.n; i++) {
		for (j = 0; j < kb->nquestions; j++)
			if (strcmp(kb->questions[j].section,
			    kb->sections.items[i]) == 0)
				break;
		if (j == kb->nquestions)
			free(kb->sections.items[i]);
		else
			kb->sections.items[k++] = kb->sections.items[i];
	}
	kb->sections.n = k;
}

static void
free_roots(struct ynode **roots, size_t n)
{
	struct yaml_doc	doc;
	size_t		i;

	for (i = 0; i < n; i++) {
		doc.root = roots[i];
		yaml_doc_free(&doc);
	}
	free(roots);
}

/* The number of nodes in the tree at n (depth is capped by yaml_tree). */
static size_t
count_nodes(const struct ynode *n)
{
	size_t	i, count = 1;

	for (i = 0; i < n->n; i++)
		count += count_nodes(n->items[i]);
	return (count);
}

/*
 * scoring: organization_questions: the questions whose answers settle the
 * organisation decision; while one of them is open it is only leaning.
 */
static void
load_org_questions(struct loader *ld)
{
	const struct ynode	*n = ld->org_questions, *it;
	size_t			 i;
	int			 qi;

	if (n == NULL)
		return;
	ld->file = ld->org_file;
	if (n->type != YNODE_SEQ) {
		err_at(ld, n, "'organization_questions' must be a list of "
		    "question ids");
		return;
	}
	ld->kb->org_questions = xcalloc(n->n + 1,
	    sizeof *ld->kb->org_questions);
	for (i = 0; i < n->n; i++) {
		it = n->items[i];
		if (it->type != YNODE_SCALAR ||
		    (qi = kb_question_index(ld->kb, it->str)) < 0) {
			err_at(ld, it, "unknown question '%s' in "
			    "organization_questions", it->type == YNODE_SCALAR ?
			    it->str : "?");
			continue;
		}
		ld->kb->org_questions[ld->kb->norg_questions++] = (size_t)qi;
	}
}

enum load_status
kb_load_sources(const struct kb_source *src, size_t nsrc, struct kb **out,
    struct diag *d)
{
	struct loader	 ld;
	struct ynode	**roots;
	const struct ynode *n;
	size_t		 i, nerr = d->nerrors, bytes = 0, nodes = 0;
	bool		 too_big = false;

	*out = NULL;
	memset(&ld, 0, sizeof ld);
	ld.kb = kb_new();
	ld.d = d;
	roots = xcalloc(nsrc + 1, sizeof *roots);
	for (i = 0; i < nsrc; i++) {
		strlist_push(&ld.kb->files, src[i].name);
		ld.file = ld.kb->files.items[ld.kb->files.n - 1];
		/* Each file is capped; so are all of them together. */
		if ((bytes += src[i].len) > KB_MAX_BYTES) {
			diag_add(d, DIAG_ERROR, ld.file, 0, 0, "the knowledge "
			    "base is larger than %d MiB in all",
			    KB_MAX_BYTES >> 20);
			too_big = true;
			break;
		}
		if ((roots[i] = parse_source(&ld, &src[i])) == NULL)
			continue;
		if ((nodes += count_nodes(roots[i])) > KB_MAX_NODES) {
			diag_add(d, DIAG_ERROR, ld.file, 0, 0, "the knowledge "
			    "base has more than %d items in all",
			    KB_MAX_NODES);
			too_big = true;
			break;
		}
		load_declarations(&ld, roots[i]);
	}
	if (too_big) {
		free_roots(roots, nsrc);
		kb_free(ld.kb);
		return (LOAD_BAD_DATA);
	}
	for (i = 0; i < nsrc; i++) {
		ld.file = ld.kb->files.items[i];
		if (roots[i] == NULL)
			continue;
		load_ask_ifs(&ld, roots[i]);
		if ((n = ynode_get(roots[i], "rules")) != NULL)
			load_list(&ld, n, "rules", load_rule);
		if ((n = ynode_get(roots[i], "implausible")) != NULL)
			load_list(&ld, n, "implausible", load_implausible);
		if ((n = ynode_get(roots[i], "precedents")) != NULL)
			evidence_load_precedents(ld.kb, d, ld.file, n);
	}
	if (d->nerrors == nerr)
		check_ask_if_cycles(&ld);
	load_org_questions(&ld);
	if (ld.replaced)
		prune_sections(ld.kb);
	free_roots(roots, nsrc);
	ld.file = nsrc ? ld.kb->files.items[0] : NULL;
	if (d->nerrors == nerr) {
		if (!ld.seen_meta)
			diag_add(d, DIAG_ERROR, ld.file, 0, 0, "no "
			    "'knowledge_base' (name and version) in any file");
		if (ld.kb->npatterns == 0)
			diag_add(d, DIAG_ERROR, ld.file, 0, 0,
			    "the knowledge base defines no patterns");
	}
	if (d->nerrors != nerr) {
		kb_free(ld.kb);
		return (LOAD_BAD_DATA);
	}
	*out = ld.kb;
	return (LOAD_OK);
}

enum load_status
load_stream(FILE *fp, const char *name, char **buf, size_t *len,
    struct diag *d)
{
	size_t	n;
	char	*p;
	int	saved;

	p = xmalloc(YAML_TREE_MAX_FILE + 1);
	errno = 0;
	n = fread(p, 1, YAML_TREE_MAX_FILE + 1, fp);
	saved = errno ? errno : EIO;
	if (ferror(fp) || n > YAML_TREE_MAX_FILE) {
		free(p);
		*buf = NULL;
		*len = 0;
		if (n > YAML_TREE_MAX_FILE) {
			diag_add(d, DIAG_ERROR, name, 0, 0, "larger than "
			    "%d MiB", YAML_TREE_MAX_FILE >> 20);
			return (LOAD_BAD_DATA);
		}
		/* Unreadable input is EX_NOINPUT, as a missing file is. */
		if (saved == EISDIR)
			diag_add(d, DIAG_ERROR, name, 0, 0, "is a directory, "
			    "not a file");
		else
			diag_add(d, DIAG_ERROR, name, 0, 0, "cannot read: %s",
			    strerror(saved));
		return (LOAD_NOT_FOUND);
	}
	p[n] = '\0';
	*buf = xreallocarray(p, n + 1, 1);
	*len = n;
	return (LOAD_OK);
}

enum load_status
load_file(const char *path, char **buf, size_t *len, struct diag *d)
{
	FILE			*fp;
	struct stat		 st;
	enum load_status	 rc;

	*buf = NULL;
	*len = 0;
	/* Missing, forbidden or a directory: all "cannot open input". */
	if ((fp = fopen(path, "rb")) == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "%s", strerror(errno));
		return (LOAD_NOT_FOUND);
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		diag_add(d, DIAG_ERROR, path, 0, 0, "is a directory, "
		    "not a file");
		return (LOAD_NOT_FOUND);
	}
	rc = load_stream(fp, path, buf, len, d);
	fclose(fp);
	return (rc);
}

static int
name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char * const *)a, *(char * const *)b));
}

int
kb_list_yaml(const char *dir, struct strlist *out, struct diag *d)
{
	DIR		*dp;
	struct dirent	*de;
	struct stat	 st;
	size_t		 len;
	off_t		 total = 0;

	if ((dp = opendir(dir)) == NULL) {
		diag_add(d, DIAG_ERROR, dir, 0, 0, "%s", strerror(errno));
		return (-1);
	}
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 6 ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		if (out->n >= KB_MAX_FILES) {
			diag_add(d, DIAG_ERROR, dir, 0, 0, "more than %d "
			    "files", KB_MAX_FILES);
			closedir(dp);
			strlist_free(out);	/* callers pass it empty */
			return (-1);
		}
		/*
		 * Only regular files: opening a FIFO of that name would
		 * wait for a writer for ever (a file named on the command
		 * line may be one, as with <(...), but not a directory's).
		 * A directory of that name is refused as it is opened.
		 */
		if (fstatat(dirfd(dp), de->d_name, &st, 0) != 0 ||
		    (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))) {
			diag_add(d, DIAG_ERROR, dir, 0, 0, "%s: not a regular "
			    "file", de->d_name);
			closedir(dp);
			strlist_free(out);
			return (-1);
		}
		/* Refused before anything is read into memory. */
		if (S_ISREG(st.st_mode) && (total += st.st_size) >
		    KB_MAX_BYTES) {
			diag_add(d, DIAG_ERROR, dir, 0, 0, "more than %d MiB "
			    "of *.yaml files", KB_MAX_BYTES >> 20);
			closedir(dp);
			strlist_free(out);
			return (-1);
		}
		strlist_push(out, de->d_name);
	}
	closedir(dp);
	if (out->n > 1)
		qsort(out->items, out->n, sizeof *out->items, name_cmp);
	return (0);
}

enum load_status
kb_load_path(const char *path, struct kb **out, struct diag *d)
{
	struct stat		 st;
	struct strlist		 names = { NULL, 0 };
	struct kb_source	*src;
	char			**bufs;
	enum load_status	 rc = LOAD_OK;
	size_t			 i;

	*out = NULL;
	if (stat(path, &st) != 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "%s", strerror(errno));
		return (errno == ENOENT ? LOAD_NOT_FOUND : LOAD_BAD_DATA);
	}
	if (S_ISDIR(st.st_mode)) {
		if (kb_list_yaml(path, &names, d) != 0)
			return (LOAD_BAD_DATA);
		if (names.n == 0) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "no *.yaml files "
			    "in this directory");
			return (LOAD_NOT_FOUND);
		}
		for (i = 0; i < names.n; i++) {
			char	*full;

			full = xasprintf("%s%s%s", path,
			    path[strlen(path) - 1] == '/' ? "" : "/",
			    names.items[i]);
			free(names.items[i]);
			names.items[i] = full;
		}
	} else
		strlist_push(&names, path);
	src = xcalloc(names.n, sizeof *src);
	bufs = xcalloc(names.n, sizeof *bufs);
	for (i = 0; i < names.n && rc == LOAD_OK; i++) {
		rc = load_file(names.items[i], &bufs[i], &src[i].len, d);
		src[i].name = names.items[i];
		src[i].data = bufs[i];
	}
	if (rc == LOAD_OK)
		rc = kb_load_sources(src, names.n, out, d);
	for (i = 0; i < names.n; i++)
		free(bufs[i]);
	free(bufs);
	free(src);
	strlist_free(&names);
	return (rc);
}

enum load_status
kb_load_stock(struct kb **out, struct diag *d)
{
	struct kb_source	*src;
	enum load_status	 rc;
	size_t			 i;

	src = xcalloc(stock_kb_nfiles, sizeof *src);
	for (i = 0; i < stock_kb_nfiles; i++) {
		src[i].name = stock_kb_files[i].name;
		src[i].data = stock_kb_files[i].data;
		src[i].len = stock_kb_files[i].len;
	}
	if ((rc = kb_load_sources(src, stock_kb_nfiles, out, d)) == LOAD_OK)
		(*out)->nbuiltin = stock_kb_nfiles;
	free(src);
	return (rc);
}
