/*
 * kb_questions: the questions of a knowledge base: sections, labels,
 * values and ranges, clauses for people, and the ask_if conditions (no
 * cycles). Part of the loader (kb_load_int.h).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb_load_int.h"
#include "value.h"
#include "words.h"
#include "xmalloc.h"

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

	if ((s = field_text(&ld->fc, map, key, "question", false)) == NULL)
		return (NULL);
	n = ynode_get(map, key);
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			break;
	if (s[0] == '\0' || *p != '\0' || p - s > (ptrdiff_t)max ||
	    s[0] == ' ' || p[-1] == ' ') {
		field_error(&ld->fc, n, "'%s' must be one line of text of 1 to "
		    "%zu bytes, without leading or trailing spaces", key, max);
		return (NULL);
	}
	return (xstrdup(s));
}

/*
 * Reads a what-if clause for people and checks its placeholders ({value},
 * {was}: words.h). Returns a copy, or NULL if absent or bad (reported).
 */
static char *
dup_clause(struct loader *ld, const struct ynode *map, const char *key,
    unsigned allowed)
{
	char	*s, why[256];

	if ((s = dup_label(ld, map, key, 2 * WORDS_LABEL_MAX)) != NULL &&
	    words_clause_check(s, allowed, why, sizeof why) != 0) {
		field_error(&ld->fc, ynode_get(map, key), "'%s': %s", key,
		    why);
		free(s);
		s = NULL;
	}
	return (s);
}

/* A level value's what-if clause ("the team had strong skills"). */
static int
load_value_if(struct loader *ld, const struct ynode *it, struct question *q,
    size_t i, size_t nvalues)
{
	if (q->dom.type != VAL_LEVEL) {
		field_error(&ld->fc, ynode_get(it, "if"), "'if' is only for "
		    "the values of level questions");
		return (-1);
	}
	if (q->value_ifs == NULL)
		q->value_ifs = xcalloc(nvalues, sizeof *q->value_ifs);
	q->value_ifs[i] = dup_clause(ld, it, "if", 0);
	return (q->value_ifs[i] == NULL ? -1 : 0);
}

/*
 * Reads a level's or set's declared names: each a name, or a mapping of
 * its name and its label for people ({id: iot, label: IoT}).
 */
static int
load_names(struct loader *ld, const struct ynode *item, struct question *q)
{
	static const char *const keys[] = { "id", "label", "if", NULL };
	struct value_domain	*dom = &q->dom;
	const struct ynode	*n, *it, *idn;
	const char		*name;
	size_t			 i, j;

	n = ynode_get(item, "values");
	if (!(value_type_flags(dom->type) & VALUE_TYPE_NAMED)) {
		if (n != NULL)
			field_error(&ld->fc, n, "'values' is only for level "
			    "and set questions");
		return (n ? -1 : 0);
	}
	if (n == NULL || n->type != YNODE_SEQ || n->n == 0) {
		field_error(&ld->fc, n ? n : item, "a %s question needs "
		    "'values', a non-empty list of names",
		    value_type_name(dom->type));
		return (-1);
	}
	if (n->n > VALUE_SET_MAX) {
		field_error(&ld->fc, n, "at most %d values", VALUE_SET_MAX);
		return (-1);
	}
	dom->names = xcalloc(n->n, sizeof *dom->names);
	q->value_labels = xcalloc(n->n, sizeof *q->value_labels);
	for (i = 0; i < n->n; i++) {
		it = idn = n->items[i];
		if (it->type == YNODE_MAP) {
			field_check_keys(&ld->fc, it, "value", keys);
			idn = ynode_get(it, "id");
			if (idn == NULL) {
				field_error(&ld->fc, it, "value is missing "
				    "'id'");
				return (-1);
			}
		}
		name = idn->type == YNODE_SCALAR ? idn->str : NULL;
		if (name == NULL || !field_valid_id(name)) {
			field_error(&ld->fc, idn, "invalid value name: use "
			    "lower-case letters, digits, '_' and '-', or a "
			    "mapping such as {id: iot, label: IoT}");
			return (-1);
		}
		for (j = 0; j < i; j++)
			if (strcmp(dom->names[j], name) == 0) {
				field_error(&ld->fc, idn, "value '%s' listed "
				    "twice", name);
				return (-1);
			}
		/* Counted now, so that what follows is freed on an error. */
		dom->names[dom->nnames++] = xstrdup(name);
		if (it->type == YNODE_MAP) {
			if (ynode_get(it, "label") == NULL) {
				field_error(&ld->fc, it, "value '%s' is "
				    "missing 'label' (or write it as a plain "
				    "name)", name);
				return (-1);
			}
			if ((q->value_labels[i] = dup_label(ld, it, "label",
			    WORDS_LABEL_MAX)) == NULL)
				return (-1);
			if (ynode_get(it, "if") != NULL &&
			    load_value_if(ld, it, q, i, n->n) != 0)
				return (-1);
		}
	}
	return (0);
}

/* What-if clauses, each for the types that can use it. */
static void
load_clauses(struct loader *ld, const struct ynode *item, struct question *q)
{
	static const struct {
		const char	*key;
		unsigned	 types, holds;
		const char	*only;
		size_t		 field;
	} keys[] = {
		{ "if_yes", 1u << VAL_BOOL, 0, "bool",
		    offsetof(struct question, if_yes) },
		{ "if_no", 1u << VAL_BOOL, 0, "bool",
		    offsetof(struct question, if_no) },
		{ "if_less", 1u << VAL_INT | 1u << VAL_DURATION |
		    1u << VAL_SIZE, WORDS_HOLD_VALUE | WORDS_HOLD_WAS,
		    "integer, duration and size",
		    offsetof(struct question, if_less) },
		{ "if_more", 1u << VAL_INT | 1u << VAL_DURATION |
		    1u << VAL_SIZE, WORDS_HOLD_VALUE | WORDS_HOLD_WAS,
		    "integer, duration and size",
		    offsetof(struct question, if_more) },
		{ "if_added", 1u << VAL_SET, WORDS_HOLD_VALUE, "set",
		    offsetof(struct question, if_added) },
		{ "if_dropped", 1u << VAL_SET, WORDS_HOLD_VALUE, "set",
		    offsetof(struct question, if_dropped) },
	};
	const struct ynode	*n;
	size_t			 i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if ((n = ynode_get(item, keys[i].key)) == NULL)
			continue;
		if (!(keys[i].types & (1u << q->dom.type))) {
			field_error(&ld->fc, n, "'%s' is only for %s "
			    "questions", keys[i].key, keys[i].only);
			continue;
		}
		*(char **)(void *)((char *)q + keys[i].field) = dup_clause(ld,
		    item, keys[i].key, keys[i].holds);
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
		field_error(&ld->fc, n, "range bounds must be values, not %s",
		    ynode_type_name(n->type));
		return (-1);
	}
	if (n->plain && (n->str[0] == '\0' || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0))
		return (0);
	plain.has_min = plain.has_max = false;
	if (value_parse(&plain, n->str, &v, why, sizeof why) != 0) {
		field_error(&ld->fc, n, "bad range bound: %s", why);
		return (-1);
	}
	if (!v.known) {
		field_error(&ld->fc, n, "bad range bound: a bound cannot be "
		    "unknown");
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
	if (!(value_type_flags(dom->type) & VALUE_TYPE_RANGE)) {
		field_error(&ld->fc, n, "'range' is only for integer, duration "
		    "and size questions");
		return (-1);
	}
	if (n->type != YNODE_SEQ || n->n != 2) {
		field_error(&ld->fc, n, "'range' must be a list of two bounds, "
		    "e.g. [1, 5] or [1, ~]");
		return (-1);
	}
	if (load_bound(ld, n->items[0], dom, &dom->has_min, &dom->min) != 0 ||
	    load_bound(ld, n->items[1], dom, &dom->has_max, &dom->max) != 0)
		return (-1);
	if (dom->has_min && dom->has_max && dom->min > dom->max) {
		field_error(&ld->fc, n, "range is empty: the minimum is above "
		    "the maximum");
		return (-1);
	}
	return (0);
}

void
kb_load_question(struct loader *ld, const struct ynode *item)
{
	static const char *const keys[] = { "id", "section", "label",
	    "prompt", "help", "type", "values", "range", "default", "ask_if",
	    "requirement", "if_yes", "if_no", "if_less", "if_more",
	    "if_added", "if_dropped", "replace", NULL };
	struct kb		*kb = ld->kb;
	struct question		 q;
	const struct ynode	*tn, *dn;
	const char		*id, *type;
	char			 why[512];
	int			 slot;

	if (!kb_begin_item(ld, item, ITEM_QUESTION, keys, kb->nquestions,
	    KB_MAX_QUESTIONS, &id, &slot))
		return;
	memset(&q, 0, sizeof q);
	q.def = value_unknown();
	q.loc = field_loc(&ld->fc, item);
	type = field_text(&ld->fc, item, "type", "question", true);
	if (type != NULL && value_type_parse(type, &q.dom.type) != 0) {
		tn = ynode_get(item, "type");
		field_error(&ld->fc, tn, "unknown type '%s' (expected "
		    "duration, size, integer, bool, level or set)", type);
		type = NULL;
	}
	q.prompt = field_dup_text(&ld->fc, item, "prompt", "question", true);
	q.ask_if_text = field_dup_text(&ld->fc, item, "ask_if", "question",
	    false);
	q.section = field_dup_text(&ld->fc, item, "section", "question", false);
	q.help = field_dup_text(&ld->fc, item, "help", "question", false);
	q.label = dup_label(ld, item, "label", WORDS_LABEL_MAX);
	field_bool(&ld->fc, item, "requirement", &q.requirement);
	if (type != NULL)
		load_clauses(ld, item, &q);
	if (type != NULL && load_names(ld, item, &q) == 0 &&
	    load_range(ld, item, &q.dom) == 0 &&
	    (dn = ynode_get(item, "default")) != NULL) {
		if (dn->type != YNODE_SCALAR ||
		    value_parse(&q.dom, dn->str, &q.def, why, sizeof why)) {
			field_error(&ld->fc, dn, "bad default: %s", dn->type ==
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

/*
 * Second pass over one file's questions: their ask_if conditions, which
 * may read any question of any file.
 */
void
kb_load_ask_ifs(struct loader *ld, const struct ynode *root)
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
		    q->loc.file != ld->fc.file)
			continue;
		if ((q->ask_if = expr_parse(q->ask_if_text, ld->kb, &ee)) ==
		    NULL)
			kb_condition_error(ld, item, "ask_if", &ee);
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

void
kb_check_ask_if_cycles(struct loader *ld)
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
		diag_add(ld->fc.d, DIAG_ERROR, q->loc.file, q->loc.line,
		    q->loc.col, "ask_if conditions form a cycle: %s", msg);
		break;
	}
	free(state);
	free(path);
}

/* A replaced question may leave its old section empty: drop such sections. */
void
kb_prune_sections(struct kb *kb)
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

/*
 * scoring: organization_questions: the questions whose answers settle the
 * organisation decision; while one of them is open it is only leaning.
 */
void
kb_load_org_questions(struct loader *ld)
{
	const struct ynode	*n = ld->org_questions, *it;
	size_t			 i;
	int			 qi;

	if (n == NULL)
		return;
	ld->fc.file = ld->org_file;
	if (n->type != YNODE_SEQ) {
		field_error(&ld->fc, n, "'organization_questions' must be a "
		    "list of question ids");
		return;
	}
	ld->kb->org_questions = xcalloc(n->n + 1,
	    sizeof *ld->kb->org_questions);
	for (i = 0; i < n->n; i++) {
		it = n->items[i];
		if (it->type != YNODE_SCALAR ||
		    (qi = kb_question_index(ld->kb, it->str)) < 0) {
			field_error(&ld->fc, it, "unknown question '%s' in "
			    "organization_questions", it->type == YNODE_SCALAR ?
			    it->str : "?");
			continue;
		}
		ld->kb->org_questions[ld->kb->norg_questions++] = (size_t)qi;
	}
}
