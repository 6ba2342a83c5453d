/*
 * scenario_jsonl: one scenario per line of JSON (RFC 8259), read straight
 * into answers. A line is an object whose keys are question ids (and
 * "name", "description") and whose values are what an answers file would
 * hold: "10m", 12, true, null (don't know), or a list of set members.
 * Numbers and bools are read as their text, as YAML reads 12 or true.
 *
 * Problems with a value (an unknown question, a value that does not fit
 * it, a key given twice) are reported at the line and byte column of the
 * key or value, with the words answers_load uses, and the rest of the line
 * is still checked; a syntax error ends the line (scenario_json.c reads
 * the syntax).
 */
#include "scenario_json.h"

#include <string.h>

/* A scalar's text as an answer to q, with the answers file's message. */
static int
scalar_value(struct jparse *j, int q, const char *at, const char *s,
    size_t n, struct value *v)
{
	char	why[512];

	if (sink_parse(j->sk, q, s, n, v, why, sizeof why) == 0)
		return (0);
	jerr(j, at, "%s: %s", sink_question(j->sk, q)->id, why);
	return (1);
}

/* The text of a scalar value at j->p: *s, *n. -1 if its syntax is bad. */
static int
scalar_text(struct jparse *j, enum jtype t, const char **s, size_t *n)
{
	if (t == J_STRING)
		return (jstring(j, s, n));
	return (jliteral(j, s, n));
}

/* A list for set question q; bad items count in *bad. */
static int
set_list(struct jparse *j, int qi, struct value *out, int *bad)
{
	const struct question	*q = sink_question(j->sk, qi);
	struct value		 one;
	const char		*s, *at;
	size_t			 n;
	enum jtype		 t;

	out->known = true;
	out->bits = 0;
	j->p++;
	jws(j);
	if (j->p < j->end && *j->p == ']') {
		j->p++;
		return (0);
	}
	for (;;) {
		jws(j);
		if (j->p == j->end)
			return (jexpected(j, "a value"));
		at = j->p;
		t = jtype_at(j);
		if (t == J_ARRAY || t == J_OBJECT || t == J_NULL) {
			if (jskip(j) != 0)
				return (-1);
			jerr(j, at, "%s: items must be names, not %s", q->id,
			    t == J_NULL ? "null" : jtype_name(t));
			(*bad)++;
		} else {
			if (scalar_text(j, t, &s, &n) != 0)
				return (-1);
			if (scalar_value(j, qi, at, s, n, &one) != 0)
				(*bad)++;
			else if (!one.known) {
				jerr(j, at, "%s: 'unknown' cannot be a "
				    "member; leave the question out instead",
				    q->id);
				(*bad)++;
			} else
				out->bits |= one.bits;
		}
		jws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == ']') {
			j->p++;
			return (0);
		}
		return (jexpected(j, "',' or ']'"));
	}
}

/*
 * The notes object (j->p at its '{'): each key a question, each value
 * text or null. Checked only: batch rows do not show notes.
 */
static int
notes_object(struct jparse *j, int *bad)
{
	const char	*keyat, *at, *k;
	size_t		 klen;
	enum jtype	 t;
	int		 key;

	j->p++;
	jws(j);
	if (j->p < j->end && *j->p == '}') {
		j->p++;
		return (0);
	}
	for (;;) {
		jws(j);
		if (j->p == j->end || *j->p != '"')
			return (jexpected(j, "a string key"));
		keyat = j->p;
		if (jstring(j, &k, &klen) != 0)
			return (-1);
		if ((key = sink_key(j->sk, k, klen)) < 0) {
			jerr(j, keyat, "notes: unknown question '%.*s' (see "
			    "'archadvisor questions')", (int)klen, k);
			(*bad)++;
		}
		jws(j);
		if (j->p == j->end || *j->p != ':')
			return (jexpected(j, "':'"));
		j->p++;
		jws(j);
		if (j->p == j->end)
			return (jexpected(j, "a value"));
		at = j->p;
		t = jtype_at(j);
		if (jskip(j) != 0)
			return (-1);
		if (key >= 0 && t != J_STRING && t != J_NULL) {
			jerr(j, at, "notes: %s: a note must be text in "
			    "quotes, not %s", sink_question(j->sk, key)->id,
			    t == J_NUMBER ? "a number" : t == J_TRUE ||
			    t == J_FALSE ? "true or false" : jtype_name(t));
			(*bad)++;
		}
		jws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == '}') {
			j->p++;
			return (0);
		}
		return (jexpected(j, "',' or '}'"));
	}
}

/* The value of one member, for key (a question index or KEY_...). */
static int
member(struct jparse *j, int key, int *bad)
{
	struct scenario_sink	*sk = j->sk;
	const struct question	*q;
	struct value		 v;
	const char		*s, *at = j->p;
	size_t			 n;
	enum jtype		 t;

	if (j->p == j->end)
		return (jexpected(j, "a value"));
	t = jtype_at(j);
	if (key == KEY_UNKNOWN)
		return (jskip(j));
	if (key == KEY_NOTES) {
		if (t == J_OBJECT)
			return (notes_object(j, bad));
		if (t == J_NULL)
			return (jliteral(j, &s, &n));
		if (jskip(j) != 0)
			return (-1);
		(*bad)++;
		jerr(j, at, "'notes' must be a mapping of question id to text, "
		    "not %s", jtype_name(t));
		return (0);
	}
	if (key == KEY_NAME || key == KEY_DESCRIPTION) {
		if (t == J_ARRAY || t == J_OBJECT) {
			if (jskip(j) != 0)
				return (-1);
			(*bad)++;
			jerr(j, at, "'%s' must be text", key == KEY_NAME ?
			    "name" : "description");
			return (0);
		}
		if (scalar_text(j, t, &s, &n) != 0)
			return (-1);
		if (key == KEY_NAME && t != J_NULL)
			sink_name(sk, s, n);
		return (0);
	}
	q = sink_question(sk, key);
	if (t == J_NULL) {
		if (jliteral(j, &s, &n) != 0)
			return (-1);
		sink_answer(sk, key, value_unknown());
		return (0);
	}
	if (t == J_ARRAY && q->dom.type == VAL_SET) {
		if (set_list(j, key, &v, bad) != 0)
			return (-1);
		sink_answer(sk, key, v);
		return (0);
	}
	if (t == J_ARRAY || t == J_OBJECT) {
		if (jskip(j) != 0)
			return (-1);
		(*bad)++;
		jerr(j, at, "%s: expected a single %s, not %s", q->id,
		    value_type_name(q->dom.type), jtype_name(t));
		return (0);
	}
	if (scalar_text(j, t, &s, &n) != 0)
		return (-1);
	if (scalar_value(j, key, at, s, n, &v) != 0)
		(*bad)++;
	else
		sink_answer(sk, key, v);
	return (0);
}

int
scenario_json_line(struct scenario_sink *sk, const char *file,
    const char *text, size_t len, int line, struct diag *d)
{
	struct jparse	 j;
	const char	*keyat, *k;
	size_t		 klen;
	int		 key, bad = 0, col, first;

	sink_begin(sk);
	j.sk = sk;
	j.file = file;
	j.d = d;
	j.start = j.p = text;
	j.end = text + len;
	j.line = line;
	j.depth = 0;
	jws(&j);
	if (j.p == j.end || *j.p != '{') {
		if (j.p < j.end && *j.p != '\0' &&
		    strchr("[\"-0123456789tfn", *j.p) != NULL)
			return (jerr(&j, j.p, "answers must be a mapping of "
			    "question id to value, not %s",
			    jtype_name(jtype_at(&j))));
		return (jexpected(&j, "'{'"));
	}
	j.p++;
	jws(&j);
	if (j.p < j.end && *j.p == '}')
		j.p++;
	else
		for (;;) {
			jws(&j);
			if (j.p == j.end || *j.p != '"')
				return (jexpected(&j, "a string key"));
			keyat = j.p;
			if (jstring(&j, &k, &klen) != 0)
				return (-1);
			key = sink_key(sk, k, klen);
			col = (int)(keyat - j.start) + 1;
			if (key == KEY_UNKNOWN) {
				jerr(&j, keyat, "unknown question '%.*s' (see "
				    "'archadvisor questions')", (int)klen, k);
				bad++;
			} else if ((first = sink_mark(sk, key, col)) > 0) {
				jerr(&j, keyat, "duplicate key '%.*s' (first "
				    "at column %d)", (int)klen, k, first);
				bad++;
				key = KEY_UNKNOWN;
			}
			jws(&j);
			if (j.p == j.end || *j.p != ':')
				return (jexpected(&j, "':'"));
			j.p++;
			jws(&j);
			if (member(&j, key, &bad) < 0)
				return (-1);
			jws(&j);
			if (j.p < j.end && *j.p == ',') {
				j.p++;
				continue;
			}
			if (j.p < j.end && *j.p == '}') {
				j.p++;
				break;
			}
			return (jexpected(&j, "',' or '}'"));
		}
	jws(&j);
	if (j.p != j.end)
		return (jerr(&j, j.p, "unexpected text after the object: one "
		    "scenario per line"));
	return (bad > 0 ? -1 : 0);
}
