/*
 * value: the typed answers to questions and the literals of rule conditions,
 * read from text and written back as text. Every reader normalises (seconds,
 * bytes, level index, member mask) so that comparing two values is comparing
 * two integers, and every writer produces a canonical form that reads back
 * to the same value, which is what lets answers files, reports and --set
 * round-trip.
 *
 * Durations and sizes are read and written by units.c, exactly; the text
 * helpers are textutil.c's. Error messages are one line and say what would
 * have been accepted. Nothing here allocates or prints.
 */
#include "value.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "textutil.h"
#include "units.h"
#include "utf8.h"

/*
 * Everything that differs between answer types, in one place: a new type
 * is a new row here (and a value of enum value_type).
 */
struct value_type_info {
	enum value_type	 type;
	const char	*name;		/* as written in a knowledge base */
	const char	*alias;		/* another accepted name, or NULL */
	const char	*a;		/* with its article, for sentences */
	const char	*forms;		/* accepted text, for messages */
	unsigned	 flags;		/* VALUE_TYPE_* */
	int		(*parse)(const struct value_domain *, const char *,
			    const char *, struct value *, char *, size_t);
	char		*(*format)(const struct value_domain *,
			    const struct value *, char *, size_t);
	double		(*distance)(const struct value_domain *,
			    const struct value *, const struct value *);
	void		(*describe)(const struct value_domain *,
			    struct sbuf *);
};

static const struct value_type_info *type_info(enum value_type);

struct value
value_unknown(void)
{
	struct value	v;

	memset(&v, 0, sizeof v);
	v.known = false;
	return (v);
}

int
value_parse_int(const char *s, int64_t *out, char *err, size_t errsz)
{
	const char	*p, *end;
	char		 q[VALUE_QUOTE_MAX + 8];
	uint64_t	 n, limit;
	bool		 neg;

	text_trim(s, &p, &end);
	value_quote(p, (size_t)(end - p), q, sizeof q);
	neg = false;
	if (p < end && (*p == '-' || *p == '+'))
		neg = (*p++ == '-');
	if (p == end)
		goto bad;
	/* The magnitude of INT64_MIN is one more than INT64_MAX. */
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	n = 0;
	for (; p < end; p++) {
		if (!ascii_isdigit((unsigned char)*p))
			goto bad;
		if (n > (limit - (uint64_t)(*p - '0')) / 10)
			return (text_err(err, errsz,
			    "invalid integer '%s': out of range", q));
		n = n * 10 + (uint64_t)(*p - '0');
	}
	if (neg)
		*out = n == 0 ? 0 : -(int64_t)(n - 1) - 1;
	else
		*out = (int64_t)n;
	return (0);

bad:
	return (text_err(err, errsz,
	    "invalid integer '%s': expected an integer such as 3", q));
}

int
value_parse_bool(const char *s, bool *out, char *err, size_t errsz)
{
	static const char *yes[] = { "true", "yes", "on" };
	static const char *no[] = { "false", "no", "off" };
	const char	*p, *end;
	char		 q[VALUE_QUOTE_MAX + 8];
	size_t		 i, n;

	text_trim(s, &p, &end);
	n = (size_t)(end - p);
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (text_ieq(p, n, yes[i])) {
			*out = true;
			return (0);
		}
		if (text_ieq(p, n, no[i])) {
			*out = false;
			return (0);
		}
	}
	value_quote(p, n, q, sizeof q);
	return (text_err(err, errsz, "invalid bool '%s': expected true or false "
	    "(or yes/no, on/off)", q));
}

int
value_name_index(const struct value_domain *dom, const char *name)
{
	return (value_name_index_len(dom, name, strlen(name)));
}

int
value_name_index_len(const struct value_domain *dom, const char *name,
    size_t len)
{
	size_t	i;

	for (i = 0; i < dom->nnames; i++) {
		if (strncmp(dom->names[i], name, len) == 0 &&
		    dom->names[i][len] == '\0')
			return ((int)i);
	}
	return (-1);
}

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

int
value_parse(const struct value_domain *dom, const char *text,
    struct value *out, char *err, size_t errsz)
{
	const char	*p, *end;
	struct value	 v;
	size_t		 n;

	*out = value_unknown();
	text_trim(text, &p, &end);
	n = (size_t)(end - p);
	if (n == 0)
		return (text_err(err, errsz, "empty value"));
	if (text_ieq(p, n, "unknown") || text_ieq(p, n, "?") ||
	    text_ieq(p, n, "-"))
		return (0);
	v = value_unknown();
	if (type_info(dom->type)->parse(dom, p, end, &v, err, errsz) != 0)
		return (-1);
	v.known = true;
	if (value_check_range(dom, &v, err, errsz) != 0)
		return (-1);
	*out = v;
	return (0);
}

/* Formats n as a value of type t, for range messages. */
static char *
format_number(enum value_type t, int64_t n, char *buf, size_t bufsz)
{
	if (t == VAL_DURATION)
		return (value_format_duration(n, buf, bufsz));
	if (t == VAL_SIZE)
		return (value_format_size(n, buf, bufsz));
	snprintf(buf, bufsz, "%" PRId64, n);
	return (buf);
}

int
value_check_range(const struct value_domain *dom, const struct value *v,
    char *err, size_t errsz)
{
	char	lo[48], hi[48], got[48];
	bool	below, above;

	if (!v->known)
		return (0);
	if (!(value_type_flags(dom->type) & VALUE_TYPE_RANGE))
		return (0);
	below = dom->has_min && v->num < dom->min;
	above = dom->has_max && v->num > dom->max;
	if (!below && !above)
		return (0);

	format_number(dom->type, dom->min, lo, sizeof lo);
	format_number(dom->type, dom->max, hi, sizeof hi);
	format_number(dom->type, v->num, got, sizeof got);
	if (dom->has_min && dom->has_max)
		return (text_err(err, errsz, "must be between %s and %s, got %s",
		    lo, hi, got));
	if (below)
		return (text_err(err, errsz, "must be at least %s, got %s", lo,
		    got));
	return (text_err(err, errsz, "must be at most %s, got %s", hi, got));
}

char *
value_format(const struct value_domain *dom, const struct value *v,
    char *buf, size_t bufsz)
{
	if (bufsz == 0)
		return (buf);
	if (!v->known) {
		snprintf(buf, bufsz, "unknown");
		return (buf);
	}
	return (type_info(dom->type)->format(dom, v, buf, bufsz));
}

bool
value_equal(const struct value *a, const struct value *b)
{
	if (a->known != b->known)
		return (false);
	/* num and bits share their storage: comparing bits covers both. */
	return (!a->known || a->bits == b->bits);
}

char *
value_quote(const char *s, size_t len, char *buf, size_t bufsz)
{
	const unsigned char	*p;
	struct sbuf		 sb;
	size_t			 i, n;

	p = (const unsigned char *)s;
	sbuf_init(&sb, buf, bufsz);
	for (i = 0; i < len; i += n) {
		n = utf8_seq_len(p + i, len - i);
		if (i + (n == 0 ? 1 : n) > VALUE_QUOTE_MAX) {
			sbuf_str(&sb, "...");
			break;
		}
		if (n == 0 || p[i] < 0x20 || p[i] == 0x7f) {
			sbuf_str(&sb, "?");
			if (n == 0)
				n = 1;
		} else
			sbuf_add(&sb, s + i, n);
	}
	return (buf);
}

char *
value_names(const struct value_domain *dom, char *buf, size_t bufsz)
{
	struct sbuf	sb;
	size_t		i;

	sbuf_init(&sb, buf, bufsz);
	for (i = 0; i < dom->nnames; i++) {
		if (i > 0)
			sbuf_str(&sb, ", ");
		sbuf_str(&sb, dom->names[i]);
	}
	return (buf);
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
	return (format_number(dom->type, v->num, buf, bufsz));
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
		format_number(dom->type, dom->min, lo, sizeof lo);
		format_number(dom->type, dom->max, hi, sizeof hi);
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

static const struct value_type_info *
type_info(enum value_type t)
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
	return (type_info(t)->name);
}

const char *
value_type_a(enum value_type t)
{
	return (type_info(t)->a);
}

const char *
value_type_forms(enum value_type t)
{
	return (type_info(t)->forms);
}

unsigned
value_type_flags(enum value_type t)
{
	return (type_info(t)->flags);
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
	return (type_info(dom->type)->distance(dom, a, b));
}

char *
value_describe(const struct value_domain *dom, char *buf, size_t bufsz)
{
	struct sbuf	sb;

	sbuf_init(&sb, buf, bufsz);
	type_info(dom->type)->describe(dom, &sb);
	return (buf);
}
