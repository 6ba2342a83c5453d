/*
 * value_types: the table of answer types (value_int.h), one row per type
 * with everything that differs between them: parsing, the canonical form,
 * distance for precedents, what a question accepts in words. value.c
 * dispatches through it.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "textutil.h"
#include "units.h"
#include "value.h"
#include "value_int.h"

/*
 * Reads "a, b" or "[a, b]" (or "[]") from [p, end) into a member mask.
 */
static int
parse_set(const struct value_domain *dom, const char *p, const char *end,
    uint64_t *bits, char *err, size_t errsz)
{
	const char	*m, *mend, *next;
	char		 q[VALUE_QUOTE_MAX + 8], names[256];
	int		 idx;

	*bits = 0;
	if (*p == '[') {
		if (end[-1] != ']' || end - p < 2) {
			value_quote(p, (size_t)(end - p), q, sizeof q);
			return (text_err(err, errsz,
			    "invalid set '%s': missing ']'", q));
		}
		p++;
		end--;
		while (p < end && ascii_isspace((unsigned char)*p))
			p++;
		if (p == end)
			return (0);
	}
	for (; p <= end; p = next + 1) {
		for (next = p; next < end && *next != ','; next++)
			/* nothing */;
		m = p;
		mend = next;
		while (m < mend && ascii_isspace((unsigned char)*m))
			m++;
		while (mend > m && ascii_isspace((unsigned char)mend[-1]))
			mend--;
		if (m == mend)
			return (text_err(err, errsz, "invalid set: empty member; "
			    "write members separated by commas, e.g. [%s]",
			    dom->nnames > 0 ? dom->names[0] : "a"));
		idx = value_name_index_len(dom, m, (size_t)(mend - m));
		if (idx < 0) {
			value_quote(m, (size_t)(mend - m), q, sizeof q);
			value_names(dom, names, sizeof names);
			return (text_err(err, errsz, "unknown member '%s': expected "
			    "any of %s", q, names));
		}
		if (idx >= VALUE_SET_MAX)
			return (text_err(err, errsz, "set has more than %d members",
			    VALUE_SET_MAX));
		*bits |= UINT64_C(1) << idx;
	}
	return (0);
}

/* The answer types, one row each: see struct value_type_info. */

static int
parse_duration(const struct value_domain *dom, const char *p,
    const char *end, struct value *v, char *err, size_t errsz)
{
	(void)dom;
	(void)end;
	return (value_parse_duration(p, &v->num, err, errsz));
}

static int
parse_size(const struct value_domain *dom, const char *p, const char *end,
    struct value *v, char *err, size_t errsz)
{
	(void)dom;
	(void)end;
	return (value_parse_size(p, &v->num, err, errsz));
}

static int
parse_integer(const struct value_domain *dom, const char *p,
    const char *end, struct value *v, char *err, size_t errsz)
{
	(void)dom;
	(void)end;
	return (value_parse_int(p, &v->num, err, errsz));
}

static int
parse_yes_no(const struct value_domain *dom, const char *p, const char *end,
    struct value *v, char *err, size_t errsz)
{
	bool	b;

	(void)dom;
	(void)end;
	if (value_parse_bool(p, &b, err, errsz) != 0)
		return (-1);
	v->num = b;
	return (0);
}

static int
parse_level(const struct value_domain *dom, const char *p, const char *end,
    struct value *v, char *err, size_t errsz)
{
	char	q[VALUE_QUOTE_MAX + 8], names[256];
	int	idx;

	if ((idx = value_name_index_len(dom, p, (size_t)(end - p))) < 0) {
		value_quote(p, (size_t)(end - p), q, sizeof q);
		value_names(dom, names, sizeof names);
		return (text_err(err, errsz,
		    "invalid level '%s': expected one of %s", q, names));
	}
	v->num = idx;
	return (0);
}

static int
parse_members(const struct value_domain *dom, const char *p,
    const char *end, struct value *v, char *err, size_t errsz)
{
	return (parse_set(dom, p, end, &v->bits, err, errsz));
}

static char *
format_plain_number(const struct value_domain *dom, const struct value *v,
    char *buf, size_t bufsz)
{
	return (value_format_number(dom->type, v->num, buf, bufsz));
}

static char *
format_yes_no(const struct value_domain *dom, const struct value *v,
    char *buf, size_t bufsz)
{
	(void)dom;
	snprintf(buf, bufsz, "%s", v->num ? "true" : "false");
	return (buf);
}

static char *
format_level(const struct value_domain *dom, const struct value *v,
    char *buf, size_t bufsz)
{
	if (v->num >= 0 && (uint64_t)v->num < dom->nnames)
		snprintf(buf, bufsz, "%s", dom->names[v->num]);
	else
		snprintf(buf, bufsz, "?");
	return (buf);
}

static char *
format_members(const struct value_domain *dom, const struct value *v,
    char *buf, size_t bufsz)
{
	struct sbuf	sb;
	size_t		i;
	bool		first = true;

	sbuf_init(&sb, buf, bufsz);
	sbuf_str(&sb, "[");
	for (i = 0; i < dom->nnames && i < VALUE_SET_MAX; i++) {
		if ((v->bits & (UINT64_C(1) << i)) == 0)
			continue;
		if (!first)
			sbuf_str(&sb, ", ");
		sbuf_str(&sb, dom->names[i]);
		first = false;
	}
	sbuf_str(&sb, "]");
	return (buf);
}

/* |log10 a - log10 b| / span, at most 1 (values below 1 count as 1). */
static double
log_distance(int64_t a, int64_t b, double span)
{
	double	d;

	d = fabs(log10((double)(a > 1 ? a : 1)) -
	    log10((double)(b > 1 ? b : 1))) / span;
	return (d > 1.0 ? 1.0 : d);
}

static double
distance_log(const struct value_domain *dom, const struct value *a,
    const struct value *b)
{
	(void)dom;
	return (log_distance(a->num, b->num, VALUE_LOG_SPAN));
}

static double
distance_integer(const struct value_domain *dom, const struct value *a,
    const struct value *b)
{
	/* In double: the range of an integer question may span more than
	   INT64_MAX, and so may two answers. */
	if (dom->has_min && dom->has_max && dom->max > dom->min)
		return (fmin(1.0, fabs((double)a->num - (double)b->num) /
		    ((double)dom->max - (double)dom->min)));
	return (log_distance(a->num, b->num, VALUE_INT_LOG_SPAN));
}

static double
distance_yes_no(const struct value_domain *dom, const struct value *a,
    const struct value *b)
{
	(void)dom;
	return ((a->num != 0) == (b->num != 0) ? 0.0 : 1.0);
}

static double
distance_level(const struct value_domain *dom, const struct value *a,
    const struct value *b)
{
	if (dom->nnames < 2)
		return (0.0);
	return (fabs((double)(a->num - b->num)) / (double)(dom->nnames - 1));
}

static double
distance_members(const struct value_domain *dom, const struct value *a,
    const struct value *b)
{
	int	both, either;

	(void)dom;
	either = __builtin_popcountll(a->bits | b->bits);
	both = __builtin_popcountll(a->bits & b->bits);
	return (either == 0 ? 0.0 : 1.0 - (double)both / either);
}

/*
 * The declared range, if any: " from 1 to 5", ", 1 or more", ", at most 3"
 * after "a whole number"; " (at least 1s)" after examples.
 */
static void
describe_range(const struct value_domain *dom, struct sbuf *sb,
    bool examples)
{
	char	lo[48], hi[48], part[120];

	/* As people say them: "1 second", "5 TB". */
	if (dom->type == VAL_DURATION) {
		words_duration(dom->min, lo, sizeof lo);
		words_duration(dom->max, hi, sizeof hi);
	} else if (dom->type == VAL_SIZE) {
		words_size(dom->min, lo, sizeof lo);
		words_size(dom->max, hi, sizeof hi);
	} else {
		value_format_number(dom->type, dom->min, lo, sizeof lo);
		value_format_number(dom->type, dom->max, hi, sizeof hi);
	}
	part[0] = '\0';
	if (dom->has_min && dom->has_max)
		snprintf(part, sizeof part, examples ? " (from %s to %s)" :
		    " from %s to %s", lo, hi);
	else if (dom->has_min)
		snprintf(part, sizeof part, examples ? " (at least %s)" :
		    ", %s or more", lo);
	else if (dom->has_max)
		snprintf(part, sizeof part, examples ? " (at most %s)" :
		    ", at most %s", hi);
	sbuf_str(sb, part);
}

static void
describe_duration(const struct value_domain *dom, struct sbuf *sb)
{
	sbuf_str(sb, "a duration such as 30s, 10m, 4h or 1d");
	describe_range(dom, sb, true);
}

static void
describe_size(const struct value_domain *dom, struct sbuf *sb)
{
	sbuf_str(sb, "a size such as 500MB, 2TB or 5PB");
	describe_range(dom, sb, true);
}

static void
describe_integer(const struct value_domain *dom, struct sbuf *sb)
{
	sbuf_str(sb, "a whole number");
	describe_range(dom, sb, false);
}

static void
describe_yes_no(const struct value_domain *dom, struct sbuf *sb)
{
	(void)dom;
	sbuf_str(sb, "yes or no");
}

/* "a, b or c" (or "a, b and c"). */
static void
describe_names(const struct value_domain *dom, struct sbuf *sb,
    const char *last)
{
	size_t	i;

	for (i = 0; i < dom->nnames; i++) {
		if (i > 0)
			sbuf_str(sb, i + 1 == dom->nnames ? last : ", ");
		sbuf_str(sb, dom->names[i]);
	}
}

static void
describe_level(const struct value_domain *dom, struct sbuf *sb)
{
	sbuf_str(sb, "one of ");
	describe_names(dom, sb, " or ");
}

static void
describe_members(const struct value_domain *dom, struct sbuf *sb)
{
	sbuf_str(sb, "any of ");
	describe_names(dom, sb, " and ");
	sbuf_str(sb, ", separated by commas");
}

static const struct value_type_info value_types[] = {
	{ VAL_DURATION, "duration", NULL, "a duration", "30s, 10m, 4h, 1d",
	    VALUE_TYPE_ORDERED | VALUE_TYPE_RANGE, parse_duration,
	    format_plain_number, distance_log, describe_duration },
	{ VAL_SIZE, "size", NULL, "a size", "500MB, 2TB, 5PB",
	    VALUE_TYPE_ORDERED | VALUE_TYPE_RANGE, parse_size,
	    format_plain_number, distance_log, describe_size },
	{ VAL_INT, "integer", "int", "an integer", "an integer such as 3",
	    VALUE_TYPE_ORDERED | VALUE_TYPE_RANGE, parse_integer,
	    format_plain_number, distance_integer, describe_integer },
	{ VAL_BOOL, "bool", NULL, "a bool", "true or false", 0,
	    parse_yes_no, format_yes_no, distance_yes_no, describe_yes_no },
	{ VAL_LEVEL, "level", NULL, "a level", "one of the question's levels",
	    VALUE_TYPE_ORDERED | VALUE_TYPE_NAMED, parse_level, format_level,
	    distance_level, describe_level },
	{ VAL_SET, "set", NULL, "a set", "a list such as [a, b]",
	    VALUE_TYPE_NAMED | VALUE_TYPE_MEMBERS, parse_members,
	    format_members, distance_members, describe_members },
};

const struct value_type_info *
value_type_info(enum value_type t)
{
	size_t	i;

	for (i = 0; i < sizeof value_types / sizeof value_types[0]; i++)
		if (value_types[i].type == t)
			return (&value_types[i]);
	/* Every enum value_type has a row (test_value checks it). */
	return (&value_types[0]);
}

const char *
value_type_name(enum value_type t)
{
	return (value_type_info(t)->name);
}

const char *
value_type_a(enum value_type t)
{
	return (value_type_info(t)->a);
}

const char *
value_type_forms(enum value_type t)
{
	return (value_type_info(t)->forms);
}

unsigned
value_type_flags(enum value_type t)
{
	return (value_type_info(t)->flags);
}

bool
value_type_known(enum value_type t)
{
	size_t	i;

	for (i = 0; i < sizeof value_types / sizeof value_types[0]; i++)
		if (value_types[i].type == t)
			return (true);
	return (false);
}

int
value_type_parse(const char *s, enum value_type *out)
{
	size_t	i;

	for (i = 0; i < sizeof value_types / sizeof value_types[0]; i++) {
		if (strcmp(s, value_types[i].name) == 0 ||
		    (value_types[i].alias != NULL &&
		    strcmp(s, value_types[i].alias) == 0)) {
			*out = value_types[i].type;
			return (0);
		}
	}
	return (-1);
}

double
value_distance(const struct value_domain *dom, const struct value *a,
    const struct value *b)
{
	return (value_type_info(dom->type)->distance(dom, a, b));
}

char *
value_describe(const struct value_domain *dom, char *buf, size_t bufsz)
{
	struct sbuf	sb;

	sbuf_init(&sb, buf, bufsz);
	value_type_info(dom->type)->describe(dom, &sb);
	return (buf);
}
