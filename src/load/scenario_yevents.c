/*
 * scenario_yevents: a YAML document outside the plain form (block lists,
 * quoted or folded text, flow mappings...) read by libyaml's event API
 * straight into answers, without building a tree: what tools such as
 * PyYAML write by default. Only a document that is a mapping of known keys
 * to scalars (or, for a set, a list of scalars) whose values all parse is
 * read here; at anything else (an error of any kind, an alias, a key given
 * twice, a limit of yaml_tree.h reached) this path gives up and the caller
 * reads the document again into a tree (answers_from_doc), which gives the
 * one true result and the exact messages.
 */
#include "scenario_sink.h"

#include <stdint.h>
#include <string.h>
#include <yaml.h>

#include "yaml_fields.h"
#include "yaml_tree.h"

/* A plain YAML null, as answers_load reads it. */
static bool
is_null(const yaml_event_t *ev)
{
	return (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    field_is_null((const char *)ev->data.scalar.value,
	    ev->data.scalar.length));
}

/* A scalar that yaml_tree would take as it is (not too long, no NUL). */
static bool
good_scalar(const yaml_event_t *ev)
{
	return (ev->type == YAML_SCALAR_EVENT &&
	    ev->data.scalar.length <= YAML_TREE_MAX_SCALAR &&
	    memchr(ev->data.scalar.value, '\0', ev->data.scalar.length) ==
	    NULL);
}

struct evreader {
	yaml_parser_t	p;
	yaml_event_t	ev;
	bool		have;	/* ev holds an event to delete */
	size_t		n;	/* events so far */
};

/*
 * The next event into r->ev; false on a parse error, or past the number
 * of nodes yaml_tree allows (which would be an error there).
 */
static bool
next(struct evreader *r)
{
	if (r->have)
		yaml_event_delete(&r->ev);
	r->have = yaml_parser_parse(&r->p, &r->ev) != 0;
	return (r->have && ++r->n <= YAML_TREE_MAX_NODES);
}

/* The value of question q, at r->ev; 0 or -1 to give up. */
static int
question(struct scenario_sink *sk, struct evreader *r, int q)
{
	const yaml_event_t	*ev = &r->ev;
	struct value		 v, one;

	if (good_scalar(ev)) {
		if (is_null(ev))
			v = value_unknown();
		else if (sink_parse(sk, q,
		    (const char *)ev->data.scalar.value,
		    ev->data.scalar.length, &v, NULL, 0) != 0)
			return (-1);
		sink_answer(sk, q, v);
		return (0);
	}
	if (ev->type != YAML_SEQUENCE_START_EVENT ||
	    sink_question(sk, q)->dom.type != VAL_SET)
		return (-1);
	v.known = true;
	v.bits = 0;
	for (;;) {
		if (!next(r))
			return (-1);
		if (ev->type == YAML_SEQUENCE_END_EVENT)
			break;
		if (!good_scalar(ev) || sink_parse(sk, q,
		    (const char *)ev->data.scalar.value,
		    ev->data.scalar.length, &one, NULL, 0) != 0 || !one.known)
			return (-1);
		v.bits |= one.bits;
	}
	sink_answer(sk, q, v);
	return (0);
}

/* The mapping after its MAPPING-START; 0 or -1 to give up. */
static int
mapping(struct scenario_sink *sk, struct evreader *r)
{
	int	key;

	for (;;) {
		if (!next(r))
			return (-1);
		if (r->ev.type == YAML_MAPPING_END_EVENT)
			return (0);
		if (!good_scalar(&r->ev))
			return (-1);
		key = sink_key(sk, (const char *)r->ev.data.scalar.value,
		    r->ev.data.scalar.length);
		/* A key given twice is the tree's to report. */
		if (key == KEY_UNKNOWN || key == KEY_NOTES ||
		    sink_mark(sk, key, 1) != 0 || !next(r))
			return (-1);
		if (key == KEY_NAME || key == KEY_DESCRIPTION) {
			if (!good_scalar(&r->ev))
				return (-1);
			if (key == KEY_NAME)
				sink_name(sk,
				    (const char *)r->ev.data.scalar.value,
				    r->ev.data.scalar.length);
			continue;
		}
		if (question(sk, r, key) != 0)
			return (-1);
	}
}

int
scenario_yaml_events(struct scenario_sink *sk, const char *text,
    size_t len)
{
	struct evreader	r;
	int		rc = -1;

	sink_begin(sk);
	memset(&r, 0, sizeof r);
	if (!yaml_parser_initialize(&r.p))
		return (-1);
	yaml_parser_set_input_string(&r.p, (const unsigned char *)text, len);
	if (!next(&r) || r.ev.type != YAML_STREAM_START_EVENT ||
	    !next(&r) || r.ev.type != YAML_DOCUMENT_START_EVENT || !next(&r))
		goto out;
	if (r.ev.type == YAML_MAPPING_START_EVENT) {
		if (mapping(sk, &r) != 0)
			goto out;
	} else if (!(r.ev.type == YAML_SCALAR_EVENT && is_null(&r.ev) &&
	    r.ev.data.scalar.length == 0))
		goto out;	/* not a mapping (or "---" alone): the tree */
	if (next(&r) && r.ev.type == YAML_DOCUMENT_END_EVENT && next(&r) &&
	    r.ev.type == YAML_STREAM_END_EVENT)
		rc = 0;
out:
	if (r.have)
		yaml_event_delete(&r.ev);
	yaml_parser_delete(&r.p);
	return (rc);
}
