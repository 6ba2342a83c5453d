/*
 * scenario_yfast: the plain YAML that tools write for scenarios, read
 * straight into answers without libyaml:
 *
 *   ---                          # a comment
 *   name: Nightly finance
 *   latency: 10m
 *   volume: "2TB"
 *   use_cases: [reporting, etl]
 *   history:                     # empty: don't know
 *
 * Every line is blank, a comment, the "---" marker (or the "..." that ends
 * a document), or "key: value" at the left margin; a value is a plain scalar of letters, digits, spaces and
 * _ - . + / , ( ) ' ~, a quoted string without escapes, or a flow list of
 * names. That subset means to libyaml exactly what it means here. Anything
 * else (indentation, other characters, escapes, non-ASCII text, tabs,
 * duplicate keys, unknown keys, values that do not parse) makes this path
 * give up, and the caller reads the document again with libyaml, whose
 * reading is the reference and whose errors are the messages users see.
 */
#include "scenario_sink.h"

#include <string.h>

#include "yaml_fields.h"

/* Past these the document is left to libyaml, which knows the limits. */
#define FAST_MAX_LINE	4096
#define FAST_MAX_KEYS	1000

static bool
is_alnum(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'));
}

static bool
is_key_char(int c)
{
	return (is_alnum(c) || c == '_' || c == '-');
}

/* Characters a plain scalar may hold after its first. */
static bool
is_plain_char(int c)
{
	return (is_alnum(c) || c == ' ' || c == '_' || c == '-' || c == '.' ||
	    c == '+' || c == '/' || c == ',' || c == '(' || c == ')' ||
	    c == '\'' || c == '~');
}

/* Characters of a name in a flow list. */
static bool
is_item_char(int c)
{
	return (is_alnum(c) || c == '_' || c == '-' || c == '.' || c == '+');
}

/* What may follow a value on its line: spaces, then a comment or nothing. */
static bool
rest_is_blank(const char *p, const char *eol)
{
	while (p < eol && *p == ' ')
		p++;
	return (p == eol || *p == '#');
}

/* "[a, b]" for a set question; p is at '['. Returns the end, or NULL. */
static const char *
flow_list(struct scenario_sink *sk, int q, const char *p, const char *eol,
    struct value *out)
{
	struct value	 one;
	const char	*item;

	out->known = true;
	out->bits = 0;
	p++;
	while (p < eol && *p == ' ')
		p++;
	if (p < eol && *p == ']')
		return (p + 1);
	for (;;) {
		if (p == eol || !(is_alnum(*p) || *p == '_'))
			return (NULL);
		item = p;
		while (p < eol && is_item_char(*p))
			p++;
		if (sink_parse(sk, q, item, (size_t)(p - item), &one, NULL,
		    0) != 0 || !one.known)
			return (NULL);
		out->bits |= one.bits;
		while (p < eol && *p == ' ')
			p++;
		if (p < eol && *p == ']')
			return (p + 1);
		if (p == eol || *p != ',')
			return (NULL);
		p++;
		while (p < eol && *p == ' ')
			p++;
	}
}

/*
 * The scalar at p: plain or quoted, on this line. Sets [*s, *s + *n) to
 * its text and *plain; returns the end, or NULL outside the subset.
 */
static const char *
scalar(const char *p, const char *eol, const char **s, size_t *n,
    bool *plain)
{
	const char	*q;
	char		 quote;

	*plain = true;
	if (p == eol || *p == '#') {
		*s = p;
		*n = 0;
		return (p);
	}
	if (*p == '"' || *p == '\'') {
		quote = *p;
		*plain = false;
		for (q = p + 1; q < eol && *q != quote; q++)
			if (*q < 0x20 || *q > 0x7e || *q == '\\')
				return (NULL);
		if (q == eol || (quote == '\'' && q + 1 < eol && q[1] == '\''))
			return (NULL);
		*s = p + 1;
		*n = (size_t)(q - (p + 1));
		return (q + 1);
	}
	if (!(is_alnum(*p) || *p == '_' || *p == '~' || (*p == '-' &&
	    p + 1 < eol && p[1] >= '0' && p[1] <= '9')))
		return (NULL);
	for (q = p + 1; q < eol && is_plain_char(*q); q++) {
		if (*q == ' ' && q + 1 < eol && q[1] == '#')
			break;
	}
	if (q < eol && *q != ' ')
		return (NULL);
	*s = p;
	while (q > p && q[-1] == ' ')
		q--;
	*n = (size_t)(q - p);
	return (q);
}

/* One "key: value" line [p, eol); 0, or -1 to give up. */
static int
key_value(struct scenario_sink *sk, const char *p, const char *eol)
{
	struct value	 v;
	const char	*k, *s, *end;
	size_t		 klen, n;
	bool		 plain;
	int		 key;

	k = p;
	while (p < eol && is_key_char(*p))
		p++;
	klen = (size_t)(p - k);
	if (p == eol || *p != ':' || (p + 1 < eol && p[1] != ' '))
		return (-1);
	p++;
	while (p < eol && *p == ' ')
		p++;
	/* A key given twice is the tree's to report. */
	if ((key = sink_key(sk, k, klen)) == KEY_UNKNOWN ||
	    key == KEY_NOTES || sink_mark(sk, key, 1) != 0)
		return (-1);
	if (key == KEY_NAME || key == KEY_DESCRIPTION) {
		if ((end = scalar(p, eol, &s, &n, &plain)) == NULL ||
		    !rest_is_blank(end, eol))
			return (-1);
		if (key == KEY_NAME)
			sink_name(sk, s, n);
		return (0);
	}
	if (p < eol && *p == '[') {
		if (sink_question(sk, key)->dom.type != VAL_SET ||
		    (end = flow_list(sk, key, p, eol, &v)) == NULL)
			return (-1);
	} else {
		if ((end = scalar(p, eol, &s, &n, &plain)) == NULL)
			return (-1);
		if (plain && field_is_null(s, n))
			v = value_unknown();
		else if (sink_parse(sk, key, s, n, &v, NULL, 0) != 0)
			return (-1);
	}
	if (!rest_is_blank(end, eol))
		return (-1);
	sink_answer(sk, key, v);
	return (0);
}

int
scenario_yaml_fast(struct scenario_sink *sk, const char *text, size_t len)
{
	const char	*p = text, *end = text + len, *eol;
	size_t		 nkeys = 0;
	bool		 marker = false, content = false;

	sink_begin(sk);
	for (; p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if (eol - p > FAST_MAX_LINE ||
		    memchr(p, '\t', (size_t)(eol - p)) != NULL ||
		    memchr(p, '\r', (size_t)(eol - p)) != NULL)
			return (-1);
		if (p == eol || *p == '#')
			continue;
		if (*p == ' ') {
			if (!rest_is_blank(p, eol))
				return (-1);
			continue;
		}
		if (*p == '.') {
			/* "..." ends the document (and so its text). */
			if ((!marker && !content) || eol - p < 3 ||
			    memcmp(p, "...", 3) != 0 ||
			    (eol - p > 3 && p[3] != ' ') ||
			    !rest_is_blank(p + 3, eol))
				return (-1);
			break;
		}
		if (*p == '-') {
			if (marker || content || eol - p < 3 ||
			    memcmp(p, "---", 3) != 0 ||
			    (eol - p > 3 && p[3] != ' ') ||
			    !rest_is_blank(p + 3, eol))
				return (-1);
			marker = true;
			continue;
		}
		if (!(is_alnum(*p) || *p == '_') || ++nkeys > FAST_MAX_KEYS ||
		    key_value(sk, p, eol) != 0)
			return (-1);
		content = true;
		if (eol == end)
			break;
	}
	return (0);
}
