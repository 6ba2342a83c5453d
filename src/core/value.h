/*
 * value: the typed answer to one question, and the parsing and formatting of
 * answers and literals. A value may be unknown ("don't know"): that is a
 * first-class state, not a missing entry. Units are normalised when parsed:
 * durations to seconds, sizes to bytes (decimal units, 1 TB = 10^12 bytes;
 * KiB..EiB are accepted as binary units), levels to their index in the
 * question's declared order, sets to a bit mask of member indexes.
 *
 * const arguments are borrowed; nothing here allocates.
 */
#ifndef ARCHADVISOR_VALUE_H
#define ARCHADVISOR_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "units.h"

enum value_type {
	VAL_DURATION,
	VAL_SIZE,
	VAL_INT,
	VAL_BOOL,
	VAL_LEVEL,
	VAL_SET,
};

#define VALUE_SET_MAX 64	/* members of a set question (bits of a mask) */

/* What a question accepts: its type, its names and its range. */
struct value_domain {
	enum value_type	  type;
	char		**names;	/* levels in order, or set members */
	size_t		  nnames;
	bool		  has_min, has_max;
	int64_t		  min, max;	/* in normalised units */
};

struct value {
	bool	known;
	union {
		int64_t		num;	/* seconds, bytes, integer, 0/1, level */
		uint64_t	bits;	/* set members */
	};
};

/* The unknown value. */
struct value	value_unknown(void);

/* The type's name as written in a knowledge base ("duration", ...). */
const char	*value_type_name(enum value_type t);
/* The same with its article, for sentences: "an integer", "a size". */
const char	*value_type_a(enum value_type t);
/* Parses a type name; returns -1 if it names no type. */
int		 value_type_parse(const char *s, enum value_type *out);
/* Examples of accepted forms, for error messages ("30s, 10m, 4h, 1d"). */
const char	*value_type_forms(enum value_type t);

/* What a type allows (value_type_flags). */
#define VALUE_TYPE_ORDERED	0x1u	/* < <= > >= compare values */
#define VALUE_TYPE_RANGE	0x2u	/* a question may declare a range */
#define VALUE_TYPE_NAMED	0x4u	/* values are the question's names */
#define VALUE_TYPE_MEMBERS	0x8u	/* a set of names: 'contains' */
unsigned	 value_type_flags(enum value_type t);
/* Whether t has a row in the table of types. */
bool		 value_type_known(enum value_type t);

/*
 * What a question of domain dom accepts, for people: "a duration such as
 * 30s, 10m, 4h or 1d (at least 1s)", "yes or no", "one of none, some or
 * strong", "a whole number from 1 to 5". Returns buf.
 */
char	*value_describe(const struct value_domain *dom, char *buf,
	    size_t bufsz);

/*
 * How unlike two known values of domain dom are, from 0 (the same) to 1:
 * durations and sizes on a log scale (VALUE_LOG_SPAN orders of magnitude
 * is as far as it gets), bounded integers linearly over their range and
 * others on a log scale (VALUE_INT_LOG_SPAN), levels by their order,
 * booleans equal or not, sets by overlap (1 - Jaccard).
 */
#define VALUE_LOG_SPAN		3.0
#define VALUE_INT_LOG_SPAN	2.0
double	value_distance(const struct value_domain *dom, const struct value *a,
	    const struct value *b);

/*
 * Parsers for the plain types (durations and sizes: units.h). Each returns
 * 0, or -1 with a one-line explanation in err (which need not name the
 * question).
 */
int	value_parse_int(const char *s, int64_t *out, char *err, size_t errsz);
int	value_parse_bool(const char *s, bool *out, char *err, size_t errsz);
/* Index of name in dom->names, or -1. */
int	value_name_index(const struct value_domain *dom, const char *name);
/* The same for the len bytes at name, which need not be NUL-terminated. */
int	value_name_index_len(const struct value_domain *dom, const char *name,
	    size_t len);

/*
 * Parses text as a value of domain dom. Sets are written "a, b" or "[a, b]";
 * "unknown", "?" and "-" give the unknown value. The range is checked.
 * Returns 0, or -1 with an explanation in err.
 */
int	value_parse(const struct value_domain *dom, const char *text,
	    struct value *out, char *err, size_t errsz);
/* Checks v against dom's range; returns 0, or -1 with err set. */
int	value_check_range(const struct value_domain *dom,
	    const struct value *v, char *err, size_t errsz);

/*
 * Formats v in canonical form ("10m", "2TB", "strong", "[iot, etl]",
 * "unknown") into buf; the form parses back to the same value. Returns buf.
 */
char	*value_format(const struct value_domain *dom, const struct value *v,
	    char *buf, size_t bufsz);

bool	value_equal(const struct value *a, const struct value *b);

/*
 * Copies the len bytes at s into buf for quoting in a one-line message:
 * control characters and invalid UTF-8 become '?', and text longer than
 * VALUE_QUOTE_MAX bytes is cut, ending in "...". Returns buf.
 */
#define VALUE_QUOTE_MAX 40
char	*value_quote(const char *s, size_t len, char *buf, size_t bufsz);
/* Writes dom's names as "a, b, c" into buf, cut to fit. Returns buf. */
char	*value_names(const struct value_domain *dom, char *buf, size_t bufsz);


#endif
