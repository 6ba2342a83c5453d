/*
 * units: durations and sizes read from text and written back. Numbers are
 * read as exact decimals, never through a double: "1.5h" is 5400 seconds
 * and "0.1KB" is 100 bytes, and anything that does not come out whole
 * ("0.5s", "0.1B") is refused rather than rounded. See units.h.
 */
#include "units.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "textutil.h"
#include "utf8.h"
#include "value.h"

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
/* The questions ask for delays a pipeline is built to; under a second is
   one need, "as fast as it goes", which 1s already says. */
#define SUBSECOND_HINT " (for a need under a second, write 1s)"
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

/*
 * Reads digits [ "." digits ] at p (before end) into d. Returns the first
 * byte after the number, or NULL if there is no number at p.
 */
static const char *
scan_decimal(const char *p, const char *end, struct decimal *d)
{
	int	n, lastnz, kept;

	memset(d, 0, sizeof *d);
	if (p >= end || !ascii_isdigit((unsigned char)*p))
		return (NULL);
	for (; p < end && ascii_isdigit((unsigned char)*p); p++) {
		if (d->ipart > (UINT64_MAX - 9) / 10)
			d->ibig = true;
		else
			d->ipart = d->ipart * 10 + (uint64_t)(*p - '0');
	}
	if (p >= end || *p != '.')
		return (p);
	if (p + 1 >= end || !ascii_isdigit((unsigned char)p[1]))
		return (NULL);
	p++;
	n = lastnz = kept = 0;
	for (; p < end && ascii_isdigit((unsigned char)*p); p++) {
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


int
value_parse_duration(const char *s, int64_t *secs, char *err, size_t errsz)
{
	const char	*p, *end, *u;
	char		 q[VALUE_QUOTE_MAX + 8];
	struct decimal	 d;
	int64_t		 total, part;
	size_t		 i, ulen;
	int		 prev, r;

	text_trim(s, &p, &end);
	value_quote(p, (size_t)(end - p), q, sizeof q);
	if (end - p > 1 && p[0] == '-' && ascii_isdigit((unsigned char)p[1]))
		return (text_err(err, errsz,
		    "invalid duration '%s': a duration cannot be negative", q));
	if (p == end)
		goto bad;

	total = 0;
	prev = -1;
	while (p < end) {
		if ((p = scan_decimal(p, end, &d)) == NULL)
			goto bad;
		while (p < end && ascii_isspace((unsigned char)*p))
			p++;
		for (u = p; p < end && ascii_isalpha((unsigned char)*p); p++)
			/* nothing */;
		ulen = (size_t)(p - u);
		for (i = 0; i < NDURATION_UNITS; i++) {
			if (ulen == 1 && *u == duration_units[i].name[0])
				break;
		}
		if (i == NDURATION_UNITS && ulen == 2 && u[0] == 'm' &&
		    u[1] == 's')
			goto subsecond;
		if (i == NDURATION_UNITS)
			goto bad;
		/* "1m1h" or "1h1h" is more likely a slip than a sum. */
		if ((int)i <= prev)
			return (text_err(err, errsz, "invalid duration '%s': give "
			    "each unit once, largest first, e.g. 1h30m", q));
		prev = (int)i;

		r = scale(&d, duration_units[i].factor, DURATION_MAX, &part);
		if (r == -2)
			return (text_err(err, errsz, "invalid duration '%s': not a "
			    "whole number of seconds" SUBSECOND_HINT, q));
		if (r == -1 || part > DURATION_MAX - total)
			goto big;
		total += part;
		while (p < end && ascii_isspace((unsigned char)*p))
			p++;
	}
	*secs = total;
	return (0);

big:
	return (text_err(err, errsz,
	    "invalid duration '%s': too large (at most 100 years)", q));
subsecond:
	return (text_err(err, errsz, "invalid duration '%s': durations count "
	    "whole seconds" SUBSECOND_HINT, q));
bad:
	return (text_err(err, errsz, "invalid duration '%s': " DURATION_EXPECT, q));
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

	text_trim(s, &p, &end);
	value_quote(p, (size_t)(end - p), q, sizeof q);
	if (end - p > 1 && p[0] == '-' && ascii_isdigit((unsigned char)p[1]))
		return (text_err(err, errsz,
		    "invalid size '%s': a size cannot be negative", q));
	if ((p = scan_decimal(p, end, &d)) == NULL)
		goto bad;
	while (p < end && ascii_isspace((unsigned char)*p))
		p++;
	for (u = p; p < end && ascii_isalpha((unsigned char)*p); p++)
		/* nothing */;
	ulen = (size_t)(p - u);
	if (p != end)
		goto bad;

	unit = NULL;
	for (i = 0; i < NSIZE_UNITS && unit == NULL; i++) {
		if (text_ieq(u, ulen, size_units[i].name))
			unit = &size_units[i];
	}
	for (i = 0; i < NBINARY_UNITS && unit == NULL; i++) {
		if (text_ieq(u, ulen, binary_units[i].name))
			unit = &binary_units[i];
	}
	if (unit == NULL)
		goto bad;

	r = scale(&d, unit->factor, SIZE_MAX_BYTES, bytes);
	if (r == -2)
		return (text_err(err, errsz,
		    "invalid size '%s': not a whole number of bytes", q));
	if (r == -1)
		return (text_err(err, errsz,
		    "invalid size '%s': too large (at most about 9.2EB)", q));
	return (0);

bad:
	return (text_err(err, errsz, "invalid size '%s': " SIZE_EXPECT, q));
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
	sbuf_init(&sb, buf, bufsz);
	for (i = 0; i < NDURATION_UNITS; i++) {
		n = secs / duration_units[i].factor;
		secs %= duration_units[i].factor;
		if (n == 0)
			continue;
		snprintf(part, sizeof part, "%" PRId64 "%s", n,
		    duration_units[i].name);
		sbuf_str(&sb, part);
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


/* The same for people: "1 hour", "10 TB". */

struct unit_words {
	int64_t		 factor;
	const char	*one, *many;
};

/* Largest first. */
static const struct unit_words duration_words[] = {
	{ 604800, "week", "weeks" },
	{ 86400, "day", "days" },
	{ 3600, "hour", "hours" },
	{ 60, "minute", "minutes" },
	{ 1, "second", "seconds" },
};
#define NDURATION_WORDS (sizeof duration_words / sizeof duration_words[0])

char *
words_duration(int64_t secs, char *buf, size_t bufsz)
{
	size_t	i, len;
	int64_t	n;

	buf[0] = '\0';
	if (secs <= 0) {
		text_printf(buf, bufsz, "%" PRId64 " seconds", secs);
		return (buf);
	}
	/* The largest unit that divides reads best ("90 minutes"). */
	for (i = 0; i < NDURATION_WORDS - 1; i++)
		if (secs % duration_words[i].factor == 0 && secs /
		    duration_words[i].factor < 1000) {
			n = secs / duration_words[i].factor;
			text_printf(buf, bufsz, "%" PRId64 " %s", n, n == 1 ?
			    duration_words[i].one : duration_words[i].many);
			return (buf);
		}
	for (i = 0; i < NDURATION_WORDS; i++) {
		n = secs / duration_words[i].factor;
		secs %= duration_words[i].factor;
		if (n == 0)
			continue;
		len = strlen(buf);
		text_printf(buf + len, bufsz - len, "%s%" PRId64 " %s",
		    len ? " " : "", n, n == 1 ? duration_words[i].one :
		    duration_words[i].many);
	}
	return (buf);
}

char *
words_size(int64_t bytes, char *buf, size_t bufsz)
{
	char	form[48];
	size_t	i;

	value_format_size(bytes, form, sizeof form);
	for (i = 0; form[i] == '-' || (form[i] >= '0' && form[i] <= '9'); i++)
		;
	if (strcmp(form + i, "B") == 0)
		text_printf(buf, bufsz, "%.*s byte%s", (int)i, form,
		    bytes == 1 ? "" : "s");
	else
		text_printf(buf, bufsz, "%.*s %s", (int)i, form, form + i);
	return (buf);
}


int64_t
units_duration_factor(int64_t secs)
{
	size_t	i;

	for (i = 0; i < NDURATION_WORDS; i++)
		if (secs % duration_words[i].factor == 0)
			return (duration_words[i].factor);
	return (1);
}
