/*
 * answers_edit_yaml: the YAML side of editing an answers file in place.
 * libyaml's events give where each key and value of the file's mapping
 * starts and ends (line and column, in characters: converted to bytes
 * here); anything but a block mapping of plain values, lists and the
 * notes mapping is refused with a reason. Values are written as YAML
 * reads them back: text plain where that is the same text, a literal
 * block for several lines, else double-quoted; a set as a flow list, or
 * as the block list the file already has.
 */
#include "answers_edit_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "answers_load.h"
#include "diag.h"
#include "xmalloc.h"
#include "yaml_tree.h"

void
aedit_buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xreallocarray(b->s, b->cap, 1);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
aedit_buf_adds(struct buf *b, const char *s)
{
	aedit_buf_add(b, s, strlen(s));
}

void
aedit_buf_spaces(struct buf *b, size_t n)
{
	while (n-- > 0)
		aedit_buf_add(b, " ", 1);
}

/* Takes b's text (or "" if none) and leaves b empty. */
char *
aedit_buf_take(struct buf *b)
{
	char	*s = b->s != NULL ? b->s : xstrdup("");

	memset(b, 0, sizeof *b);
	return (s);
}

int
aedit_refuse(struct edit *e, const char *fmt, ...)
{
	va_list	ap;

	if (e->why[0] == '\0') {
		va_start(ap, fmt);
		vsnprintf(e->why, e->whysz, fmt, ap);
		va_end(ap);
	}
	return (-1);
}

/* The byte of a mark: libyaml counts the columns of a line in characters. */
static size_t
offset(const struct edit *e, yaml_mark_t m)
{
	size_t	off, col;

	if (m.line >= e->nlines)
		return (e->len);
	off = e->lines[m.line];
	for (col = 0; col < m.column && off < e->len &&
	    e->text[off] != '\n'; col++) {
		off++;
		while (off < e->len &&
		    ((unsigned char)e->text[off] & 0xc0) == 0x80)
			off++;
	}
	return (off);
}

static size_t
trim_back(const struct edit *e, size_t start, size_t end)
{
	while (end > start && strchr(" \t\n", e->text[end - 1]) != NULL)
		end--;
	return (end);
}

/* The next event; anchors, tags and aliases are refused. */
static int
next(struct edit *e)
{
	const yaml_event_t	*ev = &e->ev;

	if (e->have_ev)
		yaml_event_delete(&e->ev);
	e->have_ev = false;
	if (!yaml_parser_parse(&e->p, &e->ev))
		return (aedit_refuse(e, "it does not read as YAML"));
	e->have_ev = true;
	if (ev->type == YAML_ALIAS_EVENT ||
	    (ev->type == YAML_SCALAR_EVENT && (ev->data.scalar.anchor ||
	    ev->data.scalar.tag)) ||
	    (ev->type == YAML_SEQUENCE_START_EVENT &&
	    (ev->data.sequence_start.anchor || ev->data.sequence_start.tag)) ||
	    (ev->type == YAML_MAPPING_START_EVENT &&
	    (ev->data.mapping_start.anchor || ev->data.mapping_start.tag)))
		return (aedit_refuse(e, "it uses anchors, aliases or tags"));
	return (0);
}

static int	mapping(struct edit *, struct entry **, size_t *, size_t *,
		    bool);

/* The value of en, at the current event. */
static int
value(struct edit *e, struct entry *en, bool notes)
{
	const yaml_event_t	*ev = &e->ev;
	size_t			 last;
	bool			 flow;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		en->vstart = offset(e, ev->start_mark);
		en->vend = offset(e, ev->end_mark);
		if (ev->data.scalar.length == 0 && en->vstart == en->vend &&
		    ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
			en->kind = VK_EMPTY;
		else
			en->vend = trim_back(e, en->vstart, en->vend);
		return (0);
	case YAML_SEQUENCE_START_EVENT:
		flow = ev->data.sequence_start.style ==
		    YAML_FLOW_SEQUENCE_STYLE;
		en->kind = flow ? VK_FLOW_SEQ : VK_BLOCK_SEQ;
		en->vstart = last = offset(e, ev->start_mark);
		en->icol = ev->start_mark.column;
		for (;;) {
			if (next(e) != 0)
				return (-1);
			if (ev->type == YAML_SEQUENCE_END_EVENT)
				break;
			if (ev->type != YAML_SCALAR_EVENT)
				return (aedit_refuse(e, "'%s' holds a nested "
				    "list", en->key));
			last = offset(e, ev->end_mark);
		}
		en->vend = flow ? offset(e, ev->end_mark) : last;
		return (0);
	case YAML_MAPPING_START_EVENT:
		if (!notes || ev->data.mapping_start.style !=
		    YAML_BLOCK_MAPPING_STYLE)
			return (aedit_refuse(e, "'%s' is written as a "
			    "{...} mapping", en->key));
		en->kind = VK_BLOCK_MAP;
		en->vstart = en->vend = offset(e, ev->start_mark);
		en->icol = ev->start_mark.column;
		return (mapping(e, &en->sub, &en->nsub, &en->vend, false));
	default:
		return (aedit_refuse(e, "it is not a mapping of questions to "
		    "answers"));
	}
}

/* The entries of a block mapping whose start was the last event. */
static int
mapping(struct edit *e, struct entry **v, size_t *n, size_t *end, bool top)
{
	struct entry	*en;

	for (;;) {
		if (next(e) != 0)
			return (-1);
		if (e->ev.type == YAML_MAPPING_END_EVENT)
			return (0);
		if (e->ev.type != YAML_SCALAR_EVENT)
			return (aedit_refuse(e, "a key is not plain text"));
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		en = &(*v)[(*n)++];
		memset(en, 0, sizeof *en);
		en->key = xstrndup((const char *)e->ev.data.scalar.value,
		    e->ev.data.scalar.length);
		en->kstart = offset(e, e->ev.start_mark);
		en->kcol = e->ev.start_mark.column;
		if (next(e) != 0 || value(e, en, top &&
		    strcmp(en->key, "notes") == 0) != 0)
			return (-1);
		*end = en->vend;
	}
}

int
aedit_parse(struct edit *e)
{
	size_t	end = 0;

	if (next(e) != 0 || next(e) != 0)
		return (-1);
	if (e->ev.type == YAML_STREAM_END_EVENT) {
		e->no_doc = true;
		return (0);
	}
	if (next(e) != 0)
		return (-1);
	if (e->ev.type != YAML_MAPPING_START_EVENT)
		return (aedit_refuse(e, "it is not a mapping of questions to "
		    "answers"));
	if (e->ev.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE) {
		e->flow_start = offset(e, e->ev.start_mark);
		if (next(e) != 0)
			return (-1);
		if (e->ev.type != YAML_MAPPING_END_EVENT)
			return (aedit_refuse(e, "its answers are written as "
			    "one {...} mapping"));
		e->flow_end = offset(e, e->ev.end_mark);
		e->empty_flow = true;
	} else {
		e->rootcol = e->ev.start_mark.column;
		if (mapping(e, &e->root, &e->nroot, &end, true) != 0)
			return (-1);
	}
	if (next(e) != 0 || next(e) != 0)
		return (-1);
	if (e->ev.type != YAML_STREAM_END_EVENT)
		return (aedit_refuse(e, "it holds more than one document"));
	return (0);
}

/* Reads text as answers for kb into a (answers_init'ed here); 0 or -1. */
int
aedit_read_answers(const char *text, size_t len, const struct kb *kb,
    struct answers *a)
{
	struct yaml_stream	*ys;
	struct yaml_doc		 doc;
	struct diag		 d;
	int			 rc;

	answers_init(a, kb);
	if ((ys = yaml_stream_new("answers", text, len)) == NULL)
		return (-1);
	diag_init(&d);
	rc = yaml_stream_next(ys, &doc, &d);
	if (rc == 1) {
		answers_from_doc(a, kb, "answers", &doc, &d);
		yaml_doc_free(&doc);
	}
	rc = rc < 0 || d.nerrors > 0 ? -1 : 0;
	diag_free(&d);
	yaml_stream_free(ys);
	return (rc);
}

/* Text YAML reads back as itself when written plain. */
static bool
plain_ok(const char *s, bool text, bool flow)
{
	static const char *const words[] = { "true", "false", "yes", "no",
	    "on", "off", "null", "y", "n" };
	size_t	n = strlen(s), i;

	if (n == 0 || s[n - 1] == ' ' ||
	    strchr(" -?:,[]{}#&*!|>'\"%@`", s[0]) != NULL)
		return (false);
	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f ||
		    (s[i] == ':' && (i + 1 == n || s[i + 1] == ' ')) ||
		    (s[i] == '#' && s[i - 1] == ' ') ||
		    (flow && strchr(",[]{}", s[i]) != NULL))
			return (false);
	}
	if (text) {
		if ((s[0] >= '0' && s[0] <= '9') || s[0] == '.' || s[0] == '+')
			return (false);
		for (i = 0; i < sizeof words / sizeof words[0]; i++)
			if (strcasecmp(s, words[i]) == 0)
				return (false);
	}
	return (true);
}

static void
dquote(struct buf *b, const char *s)
{
	char	esc[8];

	aedit_buf_add(b, "\"", 1);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\') {
			esc[0] = '\\';
			esc[1] = *s;
			aedit_buf_add(b, esc, 2);
		} else if (*s == '\n')
			aedit_buf_adds(b, "\\n");
		else if ((unsigned char)*s < 0x20 || *s == 0x7f) {
			snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)*s);
			aedit_buf_adds(b, esc);
		} else
			aedit_buf_add(b, s, 1);
	}
	aedit_buf_add(b, "\"", 1);
}

/*
 * Several lines as a literal block indented by indent: when they start
 * with no blank, hold no control character but line ends, and end with
 * at most one line end.
 */
static bool
literal(struct buf *b, const char *s, size_t indent)
{
	size_t	n = strlen(s), i;
	bool	clip = n > 0 && s[n - 1] == '\n';

	if (n == 0 || strchr(s, '\n') == NULL || s[0] == ' ' ||
	    s[0] == '\n' || (n >= 2 && s[n - 2] == '\n' && clip))
		return (false);
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\n') ||
		    s[i] == 0x7f)
			return (false);
	aedit_buf_adds(b, clip ? "|" : "|-");
	if (clip)
		n--;
	for (i = 0; i < n; i++) {
		if (i == 0 || s[i - 1] == '\n') {
			aedit_buf_add(b, "\n", 1);
			if (s[i] != '\n')
				aedit_buf_spaces(b, indent);
		}
		if (s[i] != '\n')
			aedit_buf_add(b, s + i, 1);
	}
	return (true);
}

/* Text (a name, a description, a note) as a YAML value. */
void
aedit_text_value(struct buf *b, const char *s, size_t indent, bool block)
{
	if (plain_ok(s, true, false))
		aedit_buf_adds(b, s);
	else if (!block || !literal(b, s, indent))
		dquote(b, s);
}

/* An answer as a YAML value; a block list where en has one. */
void
aedit_answer_value(struct buf *b, const struct question *q,
    const struct value *v, const struct entry *en)
{
	char	tmp[1024];
	size_t	i;
	bool	block, first = true;

	if (!v->known) {
		aedit_buf_adds(b, "~");
		return;
	}
	if (q->dom.type != VAL_SET) {
		value_format(&q->dom, v, tmp, sizeof tmp);
		if (plain_ok(tmp, false, false))
			aedit_buf_adds(b, tmp);
		else
			dquote(b, tmp);
		return;
	}
	block = en != NULL && en->kind == VK_BLOCK_SEQ && v->bits != 0;
	if (!block)
		aedit_buf_add(b, "[", 1);
	for (i = 0; i < q->dom.nnames && i < VALUE_SET_MAX; i++) {
		if ((v->bits & (UINT64_C(1) << i)) == 0)
			continue;
		if (block) {
			if (!first) {
				aedit_buf_add(b, "\n", 1);
				aedit_buf_spaces(b, en->icol);
			}
			aedit_buf_adds(b, "- ");
		} else if (!first)
			aedit_buf_adds(b, ", ");
		if (plain_ok(q->dom.names[i], false, true))
			aedit_buf_adds(b, q->dom.names[i]);
		else
			dquote(b, q->dom.names[i]);
		first = false;
	}
	if (!block)
		aedit_buf_add(b, "]", 1);
}
