/*
 * value: the typed answers to questions and the literals of rule conditions,
 * read from text and written back as text. Every reader normalises (seconds,
 * bytes, level index, member mask) so that comparing two values is comparing
 * two integers, and every writer produces a canonical form that reads back
 * to the same value, which is what lets answers files, reports and --set
 * round-trip.
 *
 * Numbers with units are read as exact decimals, never through a double:
 * "1.5h" is 5400 seconds and "0.1KB" is 100 bytes, and anything that does
 * not come out whole ("0.5s", "0.1B") is refused rather than rounded. Error
 * messages are one line and say what would have been accepted. Nothing here
 * allocates or prints.
 */
#include "value.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* About a century: more than that is a typing mistake, not a latency. */
#define DURATION_MAX	((int64_t)36525 * 86400)
#define SIZE_MAX_BYTES	INT64_MAX

/* Significant fraction digits kept; 10^18 still fits in 64 bits. */
#define FRAC_DIGITS	18

struct unit {
	const char	*name;
	int64_t		 factor;
};

/* Largest first: the formatter relies on this order. */
static const struct unit duration_units[] = {
	{ "w", 604800 },
	{ "d", 86400 },
	{ "h", 3600 },
	{ "m", 60 },
	{ "s", 1 },
};
#define NDURATION_UNITS (sizeof duration_units / sizeof duration_units[0])

static const struct unit size_units[] = {
	{ "EB", INT64_C(1000000000000000000) },
	{ "PB", INT64_C(1000000000000000) },
	{ "TB", INT64_C(1000000000000) },
	{ "GB", INT64_C(1000000000) },
	{ "MB", INT64_C(1000000) },
	{ "KB", INT64_C(1000) },
	{ "B", 1 },
};
#define NSIZE_UNITS (sizeof size_units / sizeof size_units[0])

static const struct unit binary_units[] = {
	{ "EiB", INT64_C(1) << 60 },
	{ "PiB", INT64_C(1) << 50 },
	{ "TiB", INT64_C(1) << 40 },
	{ "GiB", INT64_C(1) << 30 },
	{ "MiB", INT64_C(1) << 20 },
	{ "KiB", INT64_C(1) << 10 },
};
#define NBINARY_UNITS (sizeof binary_units / sizeof binary_units[0])

#define DURATION_EXPECT "expected a number and a unit (s, m, h, d, w), " \
	"e.g. 30s, 10m, 4h, 1d"
#define SIZE_EXPECT "expected a number and a unit (B, KB, MB, GB, TB, PB), " \
	"e.g. 500MB, 2TB, 5PB"

/* A decimal number as read: integer part and significant fraction digits. */
struct decimal {
	uint64_t	ipart;
	uint64_t	fnum;		/* fraction digits, trailing zeros cut */
	int		fdigits;	/* how many digits fnum stands for */
	bool		ibig;		/* integer part does not fit */
	bool		fbig;		/* more than FRAC_DIGITS significant */
};

/* A bounded string builder: appends are cut to fit, always terminated. */
struct sbuf {
	char	*buf;
	size_t	 size;
	size_t	 len;
};

static int	errf(char *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	sb_init(struct sbuf *, char *, size_t);
static void	sb_add(struct sbuf *, const char *, size_t);
static void	sb_str(struct sbuf *, const char *);
static bool	is_digit(int);
static bool	is_alpha(int);
static bool	is_space(int);
static void	trim(const char *, const char **, const char **);
static bool	ieq(const char *, size_t, const char *);
static const char *scan_decimal(const char *, const char *,
		    struct decimal *);
static uint64_t	gcd(uint64_t, uint64_t);
static int	scale(const struct decimal *, int64_t, int64_t, int64_t *);
static int	parse_set(const struct value_domain *, const char *,
		    const char *, uint64_t *, char *, size_t);
static char	*format_number(enum value_type, int64_t, char *, size_t);

/* Writes a message into err (if there is room) and returns -1. */
static int
errf(char *err, size_t errsz, const char *fmt, ...)
{
	va_list	ap;

	if (err != NULL && errsz > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errsz, fmt, ap);
		va_end(ap);
	}
	return (-1);
}

static void
sb_init(struct sbuf *sb, char *buf, size_t size)
{
	sb->buf = buf;
	sb->size = size;
	sb->len = 0;
	if (size > 0)
		buf[0] = '\0';
}

static void
sb_add(struct sbuf *sb, const char *s, size_t n)
{
	if (sb->size == 0 || sb->len >= sb->size - 1)
		return;
	if (n > sb->size - 1 - sb->len)
		n = sb->size - 1 - sb->len;
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

static void
sb_str(struct sbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

/*
 * ASCII only, on purpose: the TUI sets a locale, and <ctype.h> would then
 * let bytes of other scripts pass for letters or spaces.
 */
static bool
is_digit(int c)
{
	return (c >= '0' && c <= '9');
}

static bool
is_alpha(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

static bool
is_space(int c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v');
}

/* Sets [*start, *end) to s without leading and trailing white space. */
static void
trim(const char *s, const char **start, const char **end)
{
	const char	*e;

	while (is_space((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && is_space((unsigned char)e[-1]))
		e--;
	*start = s;
	*end = e;
}

/* Whether the n bytes at s equal the string word, ignoring ASCII case. */
static bool
ieq(const char *s, size_t n, const char *word)
{
	size_t	i;
	int	a, b;

	if (strlen(word) != n)
		return (false);
	for (i = 0; i < n; i++) {
		a = (unsigned char)s[i];
		b = (unsigned char)word[i];
		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		if (a != b)
			return (false);
	}
	return (true);
}

/*
 * Reads digits [ "." digits ] at p (before end) into d. Returns the first
 * byte after the number, or NULL if there is no number at p.
 */
static const char *
scan_decimal(const char *p, const char *end, struct decimal *d)
{
	int	n, lastnz, kept;

	memset(d, 0, sizeof *d);
	if (p >= end || !is_digit((unsigned char)*p))
		return (NULL);
	for (; p < end && is_digit((unsigned char)*p); p++) {
		if (d->ipart > (UINT64_MAX - 9) / 10)
			d->ibig = true;
		else
			d->ipart = d->ipart * 10 + (uint64_t)(*p - '0');
	}
	if (p >= end || *p != '.')
		return (p);
	if (p + 1 >= end || !is_digit((unsigned char)p[1]))
		return (NULL);
	p++;
	n = lastnz = kept = 0;
	for (; p < end && is_digit((unsigned char)*p); p++) {
		n++;
		if (*p != '0')
			lastnz = n;
		if (n <= FRAC_DIGITS) {
			d->fnum = d->fnum * 10 + (uint64_t)(*p - '0');
			kept = n;
		}
	}
	if (lastnz > FRAC_DIGITS) {
		d->fbig = true;
		return (p);
	}
	/* Drop the trailing zeros so that "1.50" is read as "1.5". */
	for (; kept > lastnz; kept--)
		d->fnum /= 10;
	d->fdigits = lastnz;
	return (p);
}

static uint64_t
gcd(uint64_t a, uint64_t b)
{
	uint64_t	t;

	while (b != 0) {
		t = a % b;
		a = b;
		b = t;
	}
	return (a);
}

/*
 * Multiplies d by factor exactly. Returns 0 with the product in out, -1 if
 * it exceeds max, -2 if it is not a whole number. The fraction is scaled
 * through the gcd of factor and 10^digits, which keeps every intermediate
 * below factor and so free of overflow.
 */
static int
scale(const struct decimal *d, int64_t factor, int64_t max, int64_t *out)
{
	uint64_t	f, p10, g, den, whole, part;
	int		i;

	f = (uint64_t)factor;
	if (d->ibig)
		return (-1);
	if (d->fbig)
		return (-2);
	if (d->ipart > (uint64_t)max / f)
		return (-1);
	whole = d->ipart * f;
	if (d->fdigits > 0) {
		p10 = 1;
		for (i = 0; i < d->fdigits; i++)
			p10 *= 10;
		g = gcd(f, p10);
		den = p10 / g;
		if (d->fnum % den != 0)
			return (-2);
		part = d->fnum / den * (f / g);
		if (part > (uint64_t)max - whole)
			return (-1);
		whole += part;
	}
	*out = (int64_t)whole;
	return (0);
}

struct value
value_unknown(void)
{
	struct value	v;

	memset(&v, 0, sizeof v);
	v.known = false;
	return (v);
}

const char *
value_type_a(enum value_type t)
{
	return (t == VAL_INT ? "an integer" : t == VAL_DURATION ?
	    "a duration" : t == VAL_SIZE ? "a size" : t == VAL_BOOL ?
	    "a bool" : t == VAL_LEVEL ? "a level" : t == VAL_SET ? "a set" :
	    "a ?");
}

const char *
value_type_name(enum value_type t)
{
	switch (t) {
	case VAL_DURATION:
		return ("duration");
	case VAL_SIZE:
		return ("size");
	case VAL_INT:
		return ("integer");
	case VAL_BOOL:
		return ("bool");
	case VAL_LEVEL:
		return ("level");
	case VAL_SET:
		return ("set");
	}
	return ("?");
}

int
value_type_parse(const char *s, enum value_type *out)
{
	static const struct {
		const char	*name;
		enum value_type	 type;
	} names[] = {
		{ "duration", VAL_DURATION },
		{ "size", VAL_SIZE },
		{ "integer", VAL_INT },
		{ "int", VAL_INT },
		{ "bool", VAL_BOOL },
		{ "level", VAL_LEVEL },
		{ "set", VAL_SET },
	};
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].type;
			return (0);
		}
	}
	return (-1);
}

const char *
value_type_forms(enum value_type t)
{
	switch (t) {
	case VAL_DURATION:
		return ("30s, 10m, 4h, 1d");
	case VAL_SIZE:
		return ("500MB, 2TB, 5PB");
	case VAL_INT:
		return ("an integer such as 3");
	case VAL_BOOL:
		return ("true or false");
	case VAL_LEVEL:
		return ("one of the question's levels");
	case VAL_SET:
		return ("a list such as [a, b]");
	}
	return ("?");
}

int
value_parse_duration(const char *s, int64_t *secs, char *err, size_t errsz)
{
	const char	*p, *end, *u;
	char		 q[VALUE_QUOTE_MAX + 8];
	struct decimal	 d;
	int64_t		 total, part;
	size_t		 i, ulen;
	int		 prev, r;

	trim(s, &p, &end);
	value_quote(p, (size_t)(end - p), q, sizeof q);
	if (end - p > 1 && p[0] == '-' && is_digit((unsigned char)p[1]))
		return (errf(err, errsz,
		    "invalid duration '%s': a duration cannot be negative", q));
	if (p == end)
		goto bad;

	total = 0;
	prev = -1;
	while (p < end) {
		if ((p = scan_decimal(p, end, &d)) == NULL)
			goto bad;
		while (p < end && is_space((unsigned char)*p))
			p++;
		for (u = p; p < end && is_alpha((unsigned char)*p); p++)
			/* nothing */;
		ulen = (size_t)(p - u);
		for (i = 0; i < NDURATION_UNITS; i++) {
			if (ulen == 1 && *u == duration_units[i].name[0])
				break;
		}
		if (i == NDURATION_UNITS)
			goto bad;
		/* "1m1h" or "1h1h" is more likely a slip than a sum. */
		if ((int)i <= prev)
			return (errf(err, errsz, "invalid duration '%s': give "
			    "each unit once, largest first, e.g. 1h30m", q));
		prev = (int)i;

		r = scale(&d, duration_units[i].factor, DURATION_MAX, &part);
		if (r == -2)
			return (errf(err, errsz, "invalid duration '%s': not a "
			    "whole number of seconds", q));
		if (r == -1 || part > DURATION_MAX - total)
			goto big;
		total += part;
		while (p < end && is_space((unsigned char)*p))
			p++;
	}
	*secs = total;
	return (0);

big:
	return (errf(err, errsz,
	    "invalid duration '%s': too large (at most 100 years)", q));
bad:
	return (errf(err, errsz, "invalid duration '%s': " DURATION_EXPECT, q));
}

int
value_parse_size(const char *s, int64_t *bytes, char *err, size_t errsz)
{
	const char	*p, *end, *u;
	char		 q[VALUE_QUOTE_MAX + 8];
	struct decimal	 d;
	const struct unit *unit;
	size_t		 i, ulen;
	int		 r;

	trim(s, &p, &end);
	value_quote(p, (size_t)(end - p), q, sizeof q);
	if (end - p > 1 && p[0] == '-' && is_digit((unsigned char)p[1]))
		return (errf(err, errsz,
		    "invalid size '%s': a size cannot be negative", q));
	if ((p = scan_decimal(p, end, &d)) == NULL)
		goto bad;
	while (p < end && is_space((unsigned char)*p))
		p++;
	for (u = p; p < end && is_alpha((unsigned char)*p); p++)
		/* nothing */;
	ulen = (size_t)(p - u);
	if (p != end)
		goto bad;

	unit = NULL;
	for (i = 0; i < NSIZE_UNITS && unit == NULL; i++) {
		if (ieq(u, ulen, size_units[i].name))
			unit = &size_units[i];
	}
	for (i = 0; i < NBINARY_UNITS && unit == NULL; i++) {
		if (ieq(u, ulen, binary_units[i].name))
			unit = &binary_units[i];
	}
	if (unit == NULL)
		goto bad;

	r = scale(&d, unit->factor, SIZE_MAX_BYTES, bytes);
	if (r == -2)
		return (errf(err, errsz,
		    "invalid size '%s': not a whole number of bytes", q));
	if (r == -1)
		return (errf(err, errsz,
		    "invalid size '%s': too large (at most about 9.2EB)", q));
	return (0);

bad:
	return (errf(err, errsz, "invalid size '%s': " SIZE_EXPECT, q));
}

int
value_parse_int(const char *s, int64_t *out, char *err, size_t errsz)
{
	const char	*p, *end;
	char		 q[VALUE_QUOTE_MAX + 8];
	uint64_t	 n, limit;
	bool		 neg;

	trim(s, &p, &end);
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
		if (!is_digit((unsigned char)*p))
			goto bad;
		if (n > (limit - (uint64_t)(*p - '0')) / 10)
			return (errf(err, errsz,
			    "invalid integer '%s': out of range", q));
		n = n * 10 + (uint64_t)(*p - '0');
	}
	if (neg)
		*out = n == 0 ? 0 : -(int64_t)(n - 1) - 1;
	else
		*out = (int64_t)n;
	return (0);

bad:
	return (errf(err, errsz,
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

	trim(s, &p, &end);
	n = (size_t)(end - p);
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (ieq(p, n, yes[i])) {
			*out = true;
			return (0);
		}
		if (ieq(p, n, no[i])) {
			*out = false;
			return (0);
		}
	}
	value_quote(p, n, q, sizeof q);
	return (errf(err, errsz, "invalid bool '%s': expected true or false "
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
			return (errf(err, errsz,
			    "invalid set '%s': missing ']'", q));
		}
		p++;
		end--;
		while (p < end && is_space((unsigned char)*p))
			p++;
		if (p == end)
			return (0);
	}
	for (; p <= end; p = next + 1) {
		for (next = p; next < end && *next != ','; next++)
			/* nothing */;
		m = p;
		mend = next;
		while (m < mend && is_space((unsigned char)*m))
			m++;
		while (mend > m && is_space((unsigned char)mend[-1]))
			mend--;
		if (m == mend)
			return (errf(err, errsz, "invalid set: empty member; "
			    "write members separated by commas, e.g. [%s]",
			    dom->nnames > 0 ? dom->names[0] : "a"));
		idx = value_name_index_len(dom, m, (size_t)(mend - m));
		if (idx < 0) {
			value_quote(m, (size_t)(mend - m), q, sizeof q);
			value_names(dom, names, sizeof names);
			return (errf(err, errsz, "unknown member '%s': expected "
			    "any of %s", q, names));
		}
		if (idx >= VALUE_SET_MAX)
			return (errf(err, errsz, "set has more than %d members",
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
	char		 q[VALUE_QUOTE_MAX + 8], names[256];
	struct value	 v;
	size_t		 n;
	bool		 b;
	int		 idx;

	*out = value_unknown();
	trim(text, &p, &end);
	n = (size_t)(end - p);
	if (n == 0)
		return (errf(err, errsz, "empty value"));
	if (ieq(p, n, "unknown") || ieq(p, n, "?") || ieq(p, n, "-"))
		return (0);

	v = value_unknown();
	switch (dom->type) {
	case VAL_DURATION:
		if (value_parse_duration(p, &v.num, err, errsz) != 0)
			return (-1);
		break;
	case VAL_SIZE:
		if (value_parse_size(p, &v.num, err, errsz) != 0)
			return (-1);
		break;
	case VAL_INT:
		if (value_parse_int(p, &v.num, err, errsz) != 0)
			return (-1);
		break;
	case VAL_BOOL:
		if (value_parse_bool(p, &b, err, errsz) != 0)
			return (-1);
		v.num = b;
		break;
	case VAL_LEVEL:
		if ((idx = value_name_index_len(dom, p, n)) < 0) {
			value_quote(p, n, q, sizeof q);
			value_names(dom, names, sizeof names);
			return (errf(err, errsz,
			    "invalid level '%s': expected one of %s", q, names));
		}
		v.num = idx;
		break;
	case VAL_SET:
		if (parse_set(dom, p, end, &v.bits, err, errsz) != 0)
			return (-1);
		break;
	}
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
	if (dom->type != VAL_DURATION && dom->type != VAL_SIZE &&
	    dom->type != VAL_INT)
		return (0);
	below = dom->has_min && v->num < dom->min;
	above = dom->has_max && v->num > dom->max;
	if (!below && !above)
		return (0);

	format_number(dom->type, dom->min, lo, sizeof lo);
	format_number(dom->type, dom->max, hi, sizeof hi);
	format_number(dom->type, v->num, got, sizeof got);
	if (dom->has_min && dom->has_max)
		return (errf(err, errsz, "must be between %s and %s, got %s",
		    lo, hi, got));
	if (below)
		return (errf(err, errsz, "must be at least %s, got %s", lo,
		    got));
	return (errf(err, errsz, "must be at most %s, got %s", hi, got));
}

/*
 * The largest of w, d, h, m that divides secs reads best ("90m", "10d");
 * what is not a whole number of minutes is spelt out ("1h1s").
 */
char *
value_format_duration(int64_t secs, char *buf, size_t bufsz)
{
	struct sbuf	sb;
	char		part[32];
	size_t		i;
	int64_t		n;

	if (secs <= 0) {
		snprintf(buf, bufsz, "%" PRId64 "s", secs);
		return (buf);
	}
	for (i = 0; i < NDURATION_UNITS - 1; i++) {
		if (secs % duration_units[i].factor == 0) {
			snprintf(buf, bufsz, "%" PRId64 "%s",
			    secs / duration_units[i].factor,
			    duration_units[i].name);
			return (buf);
		}
	}
	sb_init(&sb, buf, bufsz);
	for (i = 0; i < NDURATION_UNITS; i++) {
		n = secs / duration_units[i].factor;
		secs %= duration_units[i].factor;
		if (n == 0)
			continue;
		snprintf(part, sizeof part, "%" PRId64 "%s", n,
		    duration_units[i].name);
		sb_str(&sb, part);
	}
	return (buf);
}

/*
 * The largest decimal unit that divides bytes exactly; failing that a
 * binary one, since 1073741824 is more readable as 1GiB; failing that bytes.
 */
char *
value_format_size(int64_t bytes, char *buf, size_t bufsz)
{
	const struct unit	*u;
	size_t			 i;

	u = &size_units[NSIZE_UNITS - 1];
	if (bytes > 0) {
		for (i = 0; i < NSIZE_UNITS; i++) {
			if (bytes % size_units[i].factor == 0) {
				u = &size_units[i];
				break;
			}
		}
		for (i = 0; u->factor == 1 && i < NBINARY_UNITS; i++) {
			if (bytes % binary_units[i].factor == 0)
				u = &binary_units[i];
		}
	}
	snprintf(buf, bufsz, "%" PRId64 "%s", bytes / u->factor, u->name);
	return (buf);
}

char *
value_format(const struct value_domain *dom, const struct value *v,
    char *buf, size_t bufsz)
{
	struct sbuf	sb;
	size_t		i;
	bool		first;

	if (bufsz == 0)
		return (buf);
	if (!v->known) {
		snprintf(buf, bufsz, "unknown");
		return (buf);
	}
	switch (dom->type) {
	case VAL_DURATION:
	case VAL_SIZE:
	case VAL_INT:
		return (format_number(dom->type, v->num, buf, bufsz));
	case VAL_BOOL:
		snprintf(buf, bufsz, "%s", v->num ? "true" : "false");
		break;
	case VAL_LEVEL:
		if (v->num >= 0 && (uint64_t)v->num < dom->nnames)
			snprintf(buf, bufsz, "%s", dom->names[v->num]);
		else
			snprintf(buf, bufsz, "?");
		break;
	case VAL_SET:
		sb_init(&sb, buf, bufsz);
		sb_str(&sb, "[");
		first = true;
		for (i = 0; i < dom->nnames && i < VALUE_SET_MAX; i++) {
			if ((v->bits & (UINT64_C(1) << i)) == 0)
				continue;
			if (!first)
				sb_str(&sb, ", ");
			sb_str(&sb, dom->names[i]);
			first = false;
		}
		sb_str(&sb, "]");
		break;
	}
	return (buf);
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
	sb_init(&sb, buf, bufsz);
	for (i = 0; i < len; i += n) {
		n = utf8_seq_len(p + i, len - i);
		if (i + (n == 0 ? 1 : n) > VALUE_QUOTE_MAX) {
			sb_str(&sb, "...");
			break;
		}
		if (n == 0 || p[i] < 0x20 || p[i] == 0x7f) {
			sb_str(&sb, "?");
			if (n == 0)
				n = 1;
		} else
			sb_add(&sb, s + i, n);
	}
	return (buf);
}

char *
value_names(const struct value_domain *dom, char *buf, size_t bufsz)
{
	struct sbuf	sb;
	size_t		i;

	sb_init(&sb, buf, bufsz);
	for (i = 0; i < dom->nnames; i++) {
		if (i > 0)
			sb_str(&sb, ", ");
		sb_str(&sb, dom->names[i]);
	}
	return (buf);
}
