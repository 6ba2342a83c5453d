/*
 * answers_load: reads scenarios from YAML, checking each value against its
 * question's type and range.
 */
#include "answers_load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record_load.h"
#include "suggest.h"
#include "xmalloc.h"
#include "yaml_fields.h"

/* A plain empty scalar, "~" or "null": the YAML ways to say nothing. */
static bool
is_null(const struct ynode *n)
{
	return (n->type == YNODE_SCALAR && n->plain &&
	    field_is_null(n->str, strlen(n->str)));
}

/* Parses a set written as a YAML list: each item must be a member. */
static int
set_from_seq(const struct question *q, const char *file,
    const struct ynode *n, struct value *out, struct diag *d)
{
	struct value	 one;
	char		 why[512];
	size_t		 i;

	out->known = true;
	out->bits = 0;
	for (i = 0; i < n->n; i++) {
		if (n->items[i]->type != YNODE_SCALAR) {
			diag_add(d, DIAG_ERROR, file, n->items[i]->line,
			    n->items[i]->col, "%s: items must be names, "
			    "not %s", q->id, ynode_type_name(n->items[i]->type));
			return (-1);
		}
		if (value_parse(&q->dom, n->items[i]->str, &one, why,
		    sizeof why) != 0) {
			diag_add(d, DIAG_ERROR, file, n->items[i]->line,
			    n->items[i]->col, "%s: %s", q->id, why);
			return (-1);
		}
		if (!one.known) {
			diag_add(d, DIAG_ERROR, file, n->items[i]->line,
			    n->items[i]->col, "%s: 'unknown' cannot be a "
			    "member; leave the question out instead", q->id);
			return (-1);
		}
		out->bits |= one.bits;
	}
	return (0);
}

static int
answer_value(const struct question *q, const char *file,
    const struct ynode *n, struct value *out, struct diag *d)
{
	char	why[512];

	if (is_null(n)) {
		*out = value_unknown();
		return (0);
	}
	if (n->type == YNODE_SEQ && q->dom.type == VAL_SET)
		return (set_from_seq(q, file, n, out, d));
	if (n->type != YNODE_SCALAR) {
		diag_add(d, DIAG_ERROR, file, n->line, n->col, "%s: expected "
		    "a single %s, not %s", q->id, value_type_name(q->dom.type),
		    ynode_type_name(n->type));
		return (-1);
	}
	if (value_parse(&q->dom, n->str, out, why, sizeof why) != 0) {
		diag_add(d, DIAG_ERROR, file, n->line, n->col, "%s: %s",
		    q->id, why);
		return (-1);
	}
	return (0);
}

/* An unknown question id at n: the error, with the nearest id. */
static void
unknown_question(const struct kb *kb, const char *file,
    const struct ynode *n, const char *what, struct diag *d)
{
	const char	*near = suggest_question(kb, n->str);

	diag_add(d, DIAG_ERROR, file, n->line, n->col, "%sunknown question "
	    "'%s' (%s%s%ssee 'archadvisor questions')", what, n->str,
	    near ? "did you mean '" : "", near ? near : "",
	    near ? "'? " : "");
}

/*
 * notes: a mapping of question id to a line of text about that answer
 * ("finance close at 7am"). An empty note is no note; as for name, a
 * scalar is text (a note "~" is the text "~").
 */
static void
notes_from(struct answers *a, const struct kb *kb, const char *file,
    const struct ynode *n, struct diag *d)
{
	const struct ynode	*k, *v;
	size_t			 i;
	int			 qi;

	if (is_null(n))
		return;
	if (n->type != YNODE_MAP) {
		diag_add(d, DIAG_ERROR, file, n->line, n->col, "'notes' must "
		    "be a mapping of question id to text, not %s",
		    ynode_type_name(n->type));
		return;
	}
	for (i = 0; i + 1 < n->n; i += 2) {
		k = n->items[i];
		v = n->items[i + 1];
		if ((qi = kb_question_index(kb, k->str)) < 0) {
			unknown_question(kb, file, k, "notes: ", d);
			continue;
		}
		if (v->type != YNODE_SCALAR) {
			diag_add(d, DIAG_ERROR, file, v->line, v->col,
			    "notes: %s: a note must be text, not %s", k->str,
			    ynode_type_name(v->type));
			continue;
		}
		answers_set_note(a, (size_t)qi, v->str);
	}
}

int
answers_from_doc(struct answers *a, const struct kb *kb, const char *file,
    const struct yaml_doc *doc, struct diag *d)
{
	const struct ynode	*root = doc->root, *k, *v;
	struct value		 val;
	size_t			 i, nerr = d->nerrors;
	int			 qi;

	if (root == NULL)
		return (0);	/* an empty document: nothing answered */
	if (root->type != YNODE_MAP) {
		diag_add(d, DIAG_ERROR, file, root->line, root->col, "answers "
		    "must be a mapping of question id to value, not %s",
		    ynode_type_name(root->type));
		return (-1);
	}
	for (i = 0; i + 1 < root->n; i += 2) {
		k = root->items[i];
		v = root->items[i + 1];
		if (strcmp(k->str, "name") == 0 ||
		    strcmp(k->str, "description") == 0) {
			if (v->type != YNODE_SCALAR) {
				diag_add(d, DIAG_ERROR, file, v->line, v->col,
				    "'%s' must be text", k->str);
				continue;
			}
			if (k->str[0] == 'n') {
				free(a->name);
				a->name = xstrdup(v->str);
			} else {
				free(a->description);
				a->description = xstrdup(v->str);
			}
			continue;
		}
		if (strcmp(k->str, "notes") == 0 &&
		    kb_question_index(kb, "notes") < 0) {
			notes_from(a, kb, file, v, d);
			continue;
		}
		if ((qi = kb_question_index(kb, k->str)) < 0) {
			unknown_question(kb, file, k, "", d);
			continue;
		}
		if (answer_value(&kb->questions[qi], file, v, &val, d) == 0)
			a->v[qi] = val;
	}
	return (d->nerrors == nerr ? 0 : -1);
}

/*
 * A record archadvisor wrote carries its answers in a block of its own
 * (record_load.h): keep only those, at their lines. Markup without one is
 * not an answers file.
 */
static enum load_status
record_answers(const char *name, char *buf, size_t *len,
    struct record_meta *meta, struct diag *d)
{
	char	err[256];
	int	line = 0, rc;

	rc = record_extract(buf, len, meta, &line, err, sizeof err);
	if (rc < 0) {
		diag_add(d, DIAG_ERROR, name, line, 1, "%s", err);
		return (LOAD_BAD_DATA);
	}
	if (rc == 0 && record_looks_like_markup(buf, *len)) {
		diag_add(d, DIAG_ERROR, name, 1, 1, "this document carries no "
		    "answers: only records archadvisor wrote do, in an "
		    "'<!-- archadvisor:answers' block");
		return (LOAD_BAD_DATA);
	}
	return (LOAD_OK);
}

enum load_status
answers_load_file(struct answers *a, const struct kb *kb, const char *path,
    struct diag *d)
{
	struct record_meta	meta;

	return (answers_load_record(a, kb, path, &meta, d));
}

enum load_status
answers_load_record(struct answers *a, const struct kb *kb, const char *path,
    struct record_meta *meta, struct diag *d)
{
	struct yaml_stream	*ys;
	struct yaml_doc		 doc, extra;
	enum load_status	 st;
	const char		*name;
	char			*buf;
	size_t			 len;
	int			 rc;

	answers_init(a, kb);
	/* Answers files are small: read whole, so every error has a line. */
	if (strcmp(path, "-") == 0) {
		name = "<stdin>";
		st = load_stream(stdin, name, &buf, &len, d);
	} else {
		name = path;
		st = load_file(path, &buf, &len, d);
	}
	if (st == LOAD_OK && (st = record_answers(name, buf, &len, meta,
	    d)) != LOAD_OK)
		free(buf);
	if (st != LOAD_OK)
		return (st);
	if ((ys = yaml_stream_new(name, buf, len)) == NULL) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot start the YAML "
		    "parser");
		free(buf);
		return (LOAD_BAD_DATA);
	}
	rc = yaml_stream_next(ys, &doc, d);
	if (rc == 1) {
		if (answers_from_doc(a, kb, name, &doc, d) != 0)
			st = LOAD_BAD_DATA;
		else if (yaml_stream_next(ys, &extra, d) != 0) {
			if (extra.line > 0)
				diag_add(d, DIAG_ERROR, name, extra.line,
				    extra.col, "more than one scenario in "
				    "this file; use 'archadvisor batch' for a "
				    "stream of scenarios");
			yaml_doc_free(&extra);
			st = LOAD_BAD_DATA;
		}
		yaml_doc_free(&doc);
	} else if (rc < 0)
		st = LOAD_BAD_DATA;
	yaml_stream_free(ys);
	free(buf);
	return (st);
}
