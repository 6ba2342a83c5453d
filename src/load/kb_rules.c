/*
 * kb_rules: the patterns, the rules (conditions, effects, vetoes,
 * requirements and groups) and the implausible combinations of a knowledge
 * base. Part of the loader (kb_load_int.h).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence_load.h"
#include "kb_load_int.h"
#include "xmalloc.h"

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
void
kb_condition_error(struct loader *ld, const struct ynode *map, const char *key,
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
	diag_add(ld->fc.d, DIAG_ERROR, ld->fc.file, line, col, "%s", ee->msg);
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
		field_error(&ld->fc, n, "'%s' must be a list of pattern ids",
		    key);
		return;
	}
	r->effects = xreallocarray(r->effects, r->neffects + n->n + 1,
	    sizeof *r->effects);
	for (i = 0; i < n->n; i++) {
		v = n->items[i];
		if (v->type != YNODE_SCALAR ||
		    (pi = kb_pattern_index(ld->kb, v->str)) < 0) {
			field_error(&ld->fc, v, "unknown pattern '%s' in %s",
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
			field_error(&ld->fc, n, "'effects' must map pattern "
			    "ids to weights, e.g. {streaming: 2, batch: -1}");
		} else {
			r->effects = xcalloc(n->n / 2 + 1, sizeof *r->effects);
			for (i = 0; i + 1 < n->n; i += 2) {
				k = n->items[i];
				v = n->items[i + 1];
				pi = kb_pattern_index(ld->kb, k->str);
				if (pi < 0) {
					field_error(&ld->fc, k, "unknown "
					    "pattern '%s'", k->str);
					continue;
				}
				errno = 0;
				w = v->type == YNODE_SCALAR ?
				    strtod(v->str, &end) : NAN;
				if (v->type != YNODE_SCALAR || end == v->str ||
				    *end != '\0' || errno != 0 ||
				    !isfinite(w) || fabs(w) > 100) {
					field_error(&ld->fc, v, "weight for "
					    "'%s' must be a number from -100 "
					    "to 100", k->str);
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
		field_error(&ld->fc, n, "unknown question '%s' in requirement",
		    n->type == YNODE_SCALAR ? n->str : "?");
		return;
	}
	if (!ld->kb->questions[qi].requirement) {
		field_error(&ld->fc, n, "question '%s' is not declared a "
		    "requirement (requirement: true)", n->str);
		return;
	}
	for (i = 0; i < r->neffects; i++)
		if (!r->effects[i].veto && !r->effects[i].stretch) {
			field_error(&ld->fc, n, "a requirement's rule may only "
			    "veto or stretch, not weigh");
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

	if ((name = field_text(&ld->fc, item, "group", "rule", false)) == NULL)
		return;
	for (i = 0; i < ld->kb->groups.n; i++)
		if (strcmp(ld->kb->groups.items[i], name) == 0)
			break;
	if (i == ld->kb->groups.n)
		strlist_push(&ld->kb->groups, name);
	r->group = i + 1;
}

void
kb_load_rule(struct loader *ld, const struct ynode *item)
{
	static const char *const keys[] = { "id", "when", "effects", "veto",
	    "stretch", "requirement", "group", "why", "source", "replace",
	    NULL };
	struct kb		*kb = ld->kb;
	struct rule		 r;
	struct expr_error	 ee;
	const char		*id;
	int			 slot;
	size_t			 nerr = ld->fc.d->nerrors;

	if (!kb_begin_item(ld, item, ITEM_RULE, keys, kb->nrules, KB_MAX_RULES,
	    &id, &slot))
		return;
	memset(&r, 0, sizeof r);
	r.loc = field_loc(&ld->fc, item);
	r.id = id ? xstrdup(id) : NULL;
	r.why = field_dup_text(&ld->fc, item, "why", "rule", true);
	r.source = field_dup_text(&ld->fc, item, "source", "rule", true);
	r.when_text = field_dup_text(&ld->fc, item, "when", "rule", true);
	if (r.when_text != NULL) {
		if ((r.when = expr_parse(r.when_text, kb, &ee)) == NULL)
			kb_condition_error(ld, item, "when", &ee);
	}
	load_effects(ld, item, &r);
	load_rule_requirement(ld, item, &r);
	load_rule_group(ld, item, &r);
	if (ld->fc.d->nerrors == nerr && r.neffects == 0)
		field_error(&ld->fc, item, "rule '%s' has no effects, veto or "
		    "stretch", r.id);
	if (ld->fc.d->nerrors != nerr || kb->nrules >= KB_MAX_RULES) {
		if (kb->nrules >= KB_MAX_RULES)
			field_error(&ld->fc, item, "more than %d rules",
			    KB_MAX_RULES);
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
void
kb_load_implausible(struct loader *ld, const struct ynode *item)
{
	static const char *const keys[] = { "when", "why", NULL };
	struct implausible	 im;
	struct expr_error	 ee;
	size_t			 nerr = ld->fc.d->nerrors;

	if (item->type != YNODE_MAP) {
		field_error(&ld->fc, item, "an implausible combination must be "
		    "a mapping with 'when' and 'why'");
		return;
	}
	field_check_keys(&ld->fc, item, "implausible combination", keys);
	memset(&im, 0, sizeof im);
	im.loc = field_loc(&ld->fc, item);
	im.why = field_dup_text(&ld->fc, item, "why", "implausible combination",
	    true);
	im.when_text = field_dup_text(&ld->fc, item, "when", "implausible "
	    "combination", true);
	if (im.when_text != NULL &&
	    (im.when = expr_parse(im.when_text, ld->kb, &ee)) == NULL)
		kb_condition_error(ld, item, "when", &ee);
	if (ld->fc.d->nerrors != nerr || ld->kb->nimplausible >= KB_MAX_RULES) {
		if (ld->kb->nimplausible >= KB_MAX_RULES)
			field_error(&ld->fc, item, "more than %d implausible "
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
		field_error(&ld->fc, n, "'principles' must be a list of name "
		    "and text");
		return;
	}
	p->principles = xcalloc(n->n, sizeof *p->principles);
	for (i = 0; i < n->n; i++) {
		it = n->items[i];
		if (it->type != YNODE_MAP) {
			field_error(&ld->fc, it, "a principle must be a "
			    "mapping with name and text");
			continue;
		}
		field_check_keys(&ld->fc, it, "principle", keys);
		p->principles[p->nprinciples].name = field_dup_text(&ld->fc, it,
		    "name", "principle", true);
		p->principles[p->nprinciples].text = field_dup_text(&ld->fc, it,
		    "text", "principle", true);
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
		field_error(&ld->fc, n, "'consequences' must be a mapping of "
		    "run, watch and learn");
		return;
	}
	field_check_keys(&ld->fc, n, "consequences", keys);
	p->run = field_dup_text(&ld->fc, n, "run", "consequences", false);
	p->watch = field_dup_text(&ld->fc, n, "watch", "consequences", false);
	p->learn = field_dup_text(&ld->fc, n, "learn", "consequences", false);
}

void
kb_load_pattern(struct loader *ld, const struct ynode *item)
{
	static const char *const keys[] = { "id", "name", "kind", "summary",
	    "best_for", "tools", "pros", "cons", "sketch", "principles",
	    "consequences", "source", "replace", "reviewed", NULL };
	struct kb	*kb = ld->kb;
	struct pattern	 p;
	const char	*id, *kind;
	int		 slot;
	bool		 ok = true;

	if (!kb_begin_item(ld, item, ITEM_PATTERN, keys, kb->npatterns,
	    KB_MAX_PATTERNS, &id, &slot))
		return;
	memset(&p, 0, sizeof p);
	p.loc = field_loc(&ld->fc, item);
	if ((kind = field_text(&ld->fc, item, "kind", "pattern", true)) != NULL)
	    {
		if (strcmp(kind, "processing") == 0)
			p.kind = PATTERN_PROCESSING;
		else if (strcmp(kind, "organization") == 0)
			p.kind = PATTERN_ORGANIZATION;
		else {
			field_error(&ld->fc, ynode_get(item, "kind"), "unknown "
			    "kind '%s' (expected processing or organization)",
			    kind);
			ok = false;
		}
	} else
		ok = false;
	p.id = id ? xstrdup(id) : NULL;
	p.name = field_dup_text(&ld->fc, item, "name", "pattern", true);
	p.summary = field_dup_text(&ld->fc, item, "summary", "pattern", true);
	p.sketch = field_dup_text(&ld->fc, item, "sketch", "pattern", false);
	p.source = field_dup_text(&ld->fc, item, "source", "pattern", false);
	field_strlist(&ld->fc, item, "best_for", &p.best_for);
	evidence_load_tools(&ld->fc, item, &p);
	evidence_load_reviewed(&ld->fc, item, p.reviewed, &p.reviewed_loc);
	field_strlist(&ld->fc, item, "pros", &p.pros);
	field_strlist(&ld->fc, item, "cons", &p.cons);
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
