/*
 * scenario_json: the syntax of JSON (RFC 8259) for the JSON-lines reader
 * (scenario_jsonl.c): strings, literals and values to skip, read at a
 * cursor over one line, with problems reported at the line and byte
 * column. Strings must be UTF-8 without NUL characters, and nesting is
 * bounded like YAML's. Private to src/load/scenario_json*.c.
 */
#ifndef ARCHADVISOR_SCENARIO_JSON_H
#define ARCHADVISOR_SCENARIO_JSON_H

#include <stddef.h>

#include "scenario_sink.h"

enum jtype { J_STRING, J_NUMBER, J_TRUE, J_FALSE, J_NULL, J_ARRAY,
    J_OBJECT };

/* A cursor over one line; the sink lends scratch for decoded strings. */
struct jparse {
	struct scenario_sink	*sk;
	const char		*file;
	struct diag		*d;
	const char		*start;		/* the line, for columns */
	const char		*p, *end;
	int			 line;
	int			 depth;
};

/* Adds a problem at byte p of the line; returns -1. */
int	jerr(struct jparse *j, const char *p, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* "expected X, got ...", naming what was found; returns -1. */
int	jexpected(struct jparse *j, const char *x);

/*
 * The string at j->p (a '"'): its text [*s, *s + *n), in the line itself
 * when it has no escapes, else decoded into the sink's scratch buffer
 * (valid until the next string). Returns 0 or -1 (reported).
 */
int	jstring(struct jparse *j, const char **s, size_t *n);

/* A number, true, false or null at j->p: its text [*s, *s + *n). */
int	jliteral(struct jparse *j, const char **s, size_t *n);

/* Skips a value of any type, checking its syntax. */
int	jskip(struct jparse *j);

/* Skips white space. */
static inline void
jws(struct jparse *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
	    *j->p == '\r' || *j->p == '\n'))
		j->p++;
}

/* The type of the value at j->p (< end), by its first byte. */
static inline enum jtype
jtype_at(const struct jparse *j)
{
	switch (*j->p) {
	case '"':
		return (J_STRING);
	case '[':
		return (J_ARRAY);
	case '{':
		return (J_OBJECT);
	case 't':
		return (J_TRUE);
	case 'f':
		return (J_FALSE);
	case 'n':
		return (J_NULL);
	}
	return (J_NUMBER);
}

/* A type in the words of answers_load's messages. */
static inline const char *
jtype_name(enum jtype t)
{
	switch (t) {
	case J_ARRAY:
		return ("a list");
	case J_OBJECT:
		return ("a mapping");
	default:
		return ("a scalar");
	}
}

#endif
