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
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "textutil.h"
#include "value_int.h"
#include "units.h"
#include "utf8.h"


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
	if (value_type_info(dom->type)->parse(dom, p, end, &v, err, errsz) != 0)
		return (-1);
	v.known = true;
	if (value_check_range(dom, &v, err, errsz) != 0)
		return (-1);
	*out = v;
	return (0);
}

/* Formats n as a value of type t, for range messages. */
char *
value_format_number(enum value_type t, int64_t n, char *buf, size_t bufsz)
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

	value_format_number(dom->type, dom->min, lo, sizeof lo);
	value_format_number(dom->type, dom->max, hi, sizeof hi);
	value_format_number(dom->type, v->num, got, sizeof got);
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
	return (value_type_info(dom->type)->format(dom, v, buf, bufsz));
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
