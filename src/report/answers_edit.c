/*
 * answers_edit: an answers file edited in place (see answers_edit.h). The
 * edit is a list of changes, each a byte range of the old text and what
 * replaces it, planned from the parse (answers_edit_yaml.c) and the
 * answers the file holds now, then applied in one pass and read back.
 */
#include "answers_edit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers_edit_int.h"
#include "xmalloc.h"

static void
change(struct edit *e, size_t start, size_t end, char *text)
{
	e->ch = xreallocarray(e->ch, e->nch + 1, sizeof *e->ch);
	e->ch[e->nch].start = start;
	e->ch[e->nch].end = end;
	e->ch[e->nch].seq = e->nch;
	e->ch[e->nch].text = text;
	e->nch++;
}

static size_t
line_start(const struct edit *e, size_t off)
{
	while (off > 0 && e->text[off - 1] != '\n')
		off--;
	return (off);
}

/* The byte after the line end that follows off (or the end). */
static size_t
line_after(const struct edit *e, size_t off)
{
	while (off < e->len && e->text[off] != '\n')
		off++;
	return (off < e->len ? off + 1 : off);
}

/* Whether a comment is among text[from .. to). */
static bool
comment_in(const struct edit *e, size_t from, size_t to)
{
	size_t	i;

	for (i = from; i < to && i < e->len; i++)
		if (e->text[i] == '#' && (i == 0 ||
		    strchr(" \t\n", e->text[i - 1]) != NULL))
			return (true);
	return (false);
}

/* Removes en's lines, unless others share them; false if it cannot. */
static bool
remove_entry(struct edit *e, const struct entry *en)
{
	size_t	ls = line_start(e, en->kstart), le = line_after(e, en->vend);

	if (ls + strspn(e->text + ls, " ") != en->kstart ||
	    comment_in(e, ls, le))
		return (false);
	change(e, ls, le, xstrdup(""));
	return (true);
}

/* Replaces en's value by b's text (taken). */
static void
replace(struct edit *e, const struct entry *en, struct buf *b)
{
	struct buf	t = { NULL, 0, 0 };

	if (en->kind == VK_EMPTY) {
		aedit_buf_add(&t, " ", 1);
		aedit_buf_add(&t, b->s != NULL ? b->s : "", b->len);
		free(aedit_buf_take(b));
		change(e, en->vstart, en->vstart, aedit_buf_take(&t));
	} else
		change(e, en->vstart, en->vend, aedit_buf_take(b));
}

static const char *
nonempty(const char *s)
{
	return (s != NULL && s[0] != '\0' ? s : NULL);
}

static bool
same_text(const char *a, const char *b)
{
	a = nonempty(a);
	b = nonempty(b);
	return (a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0);
}

/* name: or description: */
static void
plan_text(struct edit *e, const struct entry *en, const char *was,
    const char *now)
{
	struct buf	b = { NULL, 0, 0 };

	if (same_text(was, now))
		return;
	if (nonempty(now) == NULL) {
		if (!remove_entry(e, en)) {
			aedit_buf_adds(&b, "\"\"");
			replace(e, en, &b);
		}
		return;
	}
	aedit_text_value(&b, now, en->kcol + 2, !comment_in(e, en->vend,
	    line_after(e, en->vend)));
	replace(e, en, &b);
}

/* The note lines "id: text" for the notes of a not in notes already. */
static void
new_notes(const struct kb *kb, const struct answers *a, const bool *had,
    size_t indent, struct buf *b)
{
	size_t	i;

	for (i = 0; i < kb->nquestions; i++) {
		if (had[i] || answers_note(a, i) == NULL)
			continue;
		aedit_buf_spaces(b, indent);
		aedit_buf_adds(b, kb->questions[i].id);
		aedit_buf_adds(b, ": ");
		aedit_text_value(b, answers_note(a, i), indent + 2, true);
		aedit_buf_add(b, "\n", 1);
	}
}

static void
plan_notes(struct edit *e, const struct entry *en, const struct kb *kb,
    const struct answers *old, const struct answers *a)
{
	struct buf	 b = { NULL, 0, 0 };
	const struct entry *s;
	bool		*had = xcalloc(kb->nquestions + 1, sizeof *had);
	size_t		 i;
	int		 qi;

	for (i = 0; en->kind == VK_BLOCK_MAP && i < en->nsub; i++) {
		s = &en->sub[i];
		if ((qi = kb_question_index(kb, s->key)) < 0)
			continue;
		had[qi] = true;
		plan_text(e, s, answers_note(old, (size_t)qi),
		    answers_note(a, (size_t)qi));
	}
	if (en->kind == VK_BLOCK_MAP) {
		new_notes(kb, a, had, en->icol, &b);
		if (b.len > 0)
			change(e, line_after(e, en->vend), line_after(e,
			    en->vend), aedit_buf_take(&b));
	} else {
		/* notes: with nothing, or ~: the notes start below it. */
		new_notes(kb, a, had, en->kcol + 2, &b);
		if (b.len > 0) {
			b.s[--b.len] = '\0';
			memmove(b.s + 1, b.s, b.len + 1);
			b.s[0] = '\n';
			b.len++;
			if (en->kind == VK_EMPTY)
				change(e, en->vstart, en->vstart,
				    aedit_buf_take(&b));
			else
				change(e, en->vstart, en->vend,
				    aedit_buf_take(&b));
		}
	}
	free(b.s);
	free(had);
}

/* The changes that make the file hold a; 0, or -1 with the reason. */
static int
plan(struct edit *e, const struct kb *kb, const struct answers *old,
    const struct answers *a)
{
	const struct question	*q;
	const struct entry	*en, *notes = NULL;
	struct buf		 b = { NULL, 0, 0 }, tail = { NULL, 0, 0 };
	bool			*seen = xcalloc(kb->nquestions + 1,
				    sizeof *seen);
	bool			 named = false, described = false;
	size_t			 i, at;
	int			 qi;

	for (i = 0; i < e->nroot; i++) {
		en = &e->root[i];
		if ((qi = kb_question_index(kb, en->key)) < 0) {
			if (strcmp(en->key, "name") == 0) {
				named = true;
				plan_text(e, en, old->name, a->name);
			} else if (strcmp(en->key, "description") == 0) {
				described = true;
				plan_text(e, en, old->description,
				    a->description);
			} else if (strcmp(en->key, "notes") == 0)
				notes = en;
			continue;
		}
		q = &kb->questions[qi];
		seen[qi] = true;
		if (value_equal(&old->v[qi], &a->v[qi]))
			continue;
		if (!a->v[qi].known && !q->def.known && remove_entry(e, en))
			continue;
		if (en->kind == VK_BLOCK_SEQ && comment_in(e, en->vstart,
		    en->vend)) {
			free(seen);
			return (aedit_refuse(e, "a comment sits among the "
			    "items of '%s'", en->key));
		}
		aedit_answer_value(&b, q, &a->v[qi], en);
		replace(e, en, &b);
	}
	if (notes != NULL)
		plan_notes(e, notes, kb, old, a);

	/* New keys, at the end of the mapping. */
	if (!named && nonempty(a->name) != NULL) {
		aedit_buf_spaces(&tail, e->rootcol);
		aedit_buf_adds(&tail, "name: ");
		aedit_text_value(&tail, a->name, e->rootcol + 2, true);
		aedit_buf_add(&tail, "\n", 1);
	}
	if (!described && nonempty(a->description) != NULL) {
		aedit_buf_spaces(&tail, e->rootcol);
		aedit_buf_adds(&tail, "description: ");
		aedit_text_value(&tail, a->description, e->rootcol + 2, true);
		aedit_buf_add(&tail, "\n", 1);
	}
	for (i = 0; i < kb->nquestions; i++) {
		if (seen[i] || value_equal(&old->v[i], &a->v[i]))
			continue;
		aedit_buf_spaces(&tail, e->rootcol);
		aedit_buf_adds(&tail, kb->questions[i].id);
		aedit_buf_adds(&tail, ": ");
		aedit_answer_value(&tail, &kb->questions[i], &a->v[i], NULL);
		aedit_buf_add(&tail, "\n", 1);
	}
	if (notes == NULL && answers_have_notes(a)) {
		aedit_buf_spaces(&tail, e->rootcol);
		aedit_buf_adds(&tail, "notes:\n");
		memset(seen, 0, (kb->nquestions + 1) * sizeof *seen);
		new_notes(kb, a, seen, e->rootcol + 2, &tail);
	}
	free(seen);
	if (tail.len == 0)
		return (0);
	if (e->empty_flow) {
		tail.s[--tail.len] = '\0';	/* the line end is there */
		change(e, e->flow_start, e->flow_end, aedit_buf_take(&tail));
		return (0);
	}
	at = e->nroot > 0 ? line_after(e, e->root[e->nroot - 1].vend) :
	    e->len;
	if (at > 0 && e->text[at - 1] != '\n') {
		aedit_buf_add(&b, "\n", 1);
		aedit_buf_add(&b, tail.s, tail.len);
		free(aedit_buf_take(&tail));
		tail = b;
	}
	change(e, at, at, aedit_buf_take(&tail));
	return (0);
}

static int
by_start(const void *a, const void *b)
{
	const struct change	*x = a, *y = b;

	if (x->start != y->start)
		return (x->start < y->start ? -1 : 1);
	return (x->seq < y->seq ? -1 : x->seq > y->seq);
}

/* The old text with the changes made. */
static int
apply(struct edit *e, struct buf *out)
{
	size_t	i, pos = 0;

	if (e->nch > 1)	/* qsort wants a real array */
		qsort(e->ch, e->nch, sizeof *e->ch, by_start);
	for (i = 0; i < e->nch; i++) {
		if (e->ch[i].start < pos)
			return (aedit_refuse(e, "two changes overlap"));
		aedit_buf_add(out, e->text + pos, e->ch[i].start - pos);
		aedit_buf_adds(out, e->ch[i].text);
		pos = e->ch[i].end;
	}
	aedit_buf_add(out, e->text + pos, e->len - pos);
	return (0);
}

/* Whether b holds the same scenario as a. */
static bool
same_answers(const struct kb *kb, const struct answers *a,
    const struct answers *b)
{
	size_t	i;

	if (!same_text(a->name, b->name) ||
	    !same_text(a->description, b->description))
		return (false);
	for (i = 0; i < kb->nquestions; i++)
		if (!value_equal(&a->v[i], &b->v[i]) ||
		    !same_text(answers_note(a, i), answers_note(b, i)))
			return (false);
	return (true);
}

static void
free_entries(struct entry *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].key);
		free_entries(v[i].sub, v[i].nsub);
	}
	free(v);
}

int
answers_edit(const char *text, size_t len, const struct kb *kb,
    const struct answers *a, char **out, size_t *outlen, char *why,
    size_t whysz)
{
	struct edit	 e;
	struct answers	 old, back;
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;
	int		 rc = -1;

	memset(&e, 0, sizeof e);
	e.text = text;
	e.len = len;
	e.why = why;
	e.whysz = whysz;
	why[0] = '\0';
	*out = NULL;
	*outlen = 0;
	answers_init(&old, kb);
	answers_init(&back, kb);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		aedit_refuse(&e, "it starts with a byte-order mark");
		goto done;
	}
	if (memchr(text, '\r', len) != NULL || memchr(text, '\0', len)) {
		aedit_refuse(&e, "its lines end in carriage returns");
		goto done;
	}
	e.lines = xcalloc(2, sizeof *e.lines);
	e.nlines = 1;
	for (i = 0; i < len; i++)
		if (text[i] == '\n') {
			e.lines = xreallocarray(e.lines, e.nlines + 1,
			    sizeof *e.lines);
			e.lines[e.nlines++] = i + 1;
		}
	if (!yaml_parser_initialize(&e.p)) {
		aedit_refuse(&e, "the YAML parser cannot start");
		goto done;
	}
	yaml_parser_set_input_string(&e.p, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&e.p, YAML_UTF8_ENCODING);
	if (aedit_parse(&e) != 0)
		goto parsed;
	answers_free(&old);
	if (aedit_read_answers(text, len, kb, &old) != 0) {
		aedit_refuse(&e, "it does not read as answers");
		goto parsed;
	}
	if (plan(&e, kb, &old, a) != 0 || apply(&e, &b) != 0)
		goto parsed;
	answers_free(&back);
	if (aedit_read_answers(b.s != NULL ? b.s : "", b.len, kb, &back) != 0 ||
	    !same_answers(kb, a, &back)) {
		aedit_refuse(&e, "the edited file would not read back the "
		    "same");
		goto parsed;
	}
	*outlen = b.len;
	*out = aedit_buf_take(&b);
	rc = 0;
parsed:
	if (e.have_ev)
		yaml_event_delete(&e.ev);
	yaml_parser_delete(&e.p);
done:
	for (i = 0; i < e.nch; i++)
		free(e.ch[i].text);
	free(e.ch);
	free_entries(e.root, e.nroot);
	free(e.lines);
	free(b.s);
	answers_free(&old);
	answers_free(&back);
	return (rc);
}
