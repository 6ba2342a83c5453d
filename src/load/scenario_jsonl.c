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
 * is still checked; a syntax error ends the line. Text must be UTF-8
 * without NUL characters, and nesting is bounded like YAML's.
 */
#include "scenario_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "yaml_tree.h"

enum jtype { J_STRING, J_NUMBER, J_TRUE, J_FALSE, J_NULL, J_ARRAY,
    J_OBJECT };

struct jparse {
	struct scenario_reader	*sr;
	struct diag		*d;
	const char		*start;		/* the line, for columns */
	const char		*p, *end;
	int			 line;
	int			 depth;
};

static int	jerr(struct jparse *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static int	skip_value(struct jparse *);

/* Adds a problem at byte p of the line; returns -1. */
static int
jerr(struct jparse *j, const char *p, const char *fmt, ...)
{
	va_list	ap;
	char	msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(j->d, DIAG_ERROR, j->sr->file, j->line,
	    (int)(p - j->start) + 1, "%s", msg);
	return (-1);
}

static void
ws(struct jparse *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
	    *j->p == '\r' || *j->p == '\n'))
		j->p++;
}

static const char *
what(const struct jparse *j)
{
	if (j->p == j->end)
		return ("the end of the line");
	return (NULL);
}

/* "expected X, got ...", naming the character found. */
static int
expected(struct jparse *j, const char *x)
{
	const char	*w = what(j);
	unsigned char	 c;

	if (w != NULL)
		return (jerr(j, j->p, "expected %s, got %s", x, w));
	c = (unsigned char)*j->p;
	if (c >= 0x21 && c <= 0x7e)
		return (jerr(j, j->p, "expected %s, got '%c'", x, c));
	return (jerr(j, j->p, "expected %s", x));
}

static enum jtype
type_at(const struct jparse *j)
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

static const char *
type_name(enum jtype t)
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

/* Appends code point cp to out as UTF-8. */
static size_t
put_utf8(char *out, unsigned long cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return (1);
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return (2);
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return (3);
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return (4);
}

/* Length of the valid UTF-8 sequence at s (< end), or 0. */
static size_t
utf8_len(const unsigned char *s, const unsigned char *end)
{
	size_t	n, i;
	unsigned long cp;

	if (s[0] < 0x80)
		return (1);
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return (0);
	if ((size_t)(end - s) < n)
		return (0);
	cp = s[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	/* No overlong forms, no surrogates, nothing past U+10FFFF. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return (0);
	return (n);
}

/* Bytes that end a plain run of string text: '"', '\\', controls, 8-bit. */
static const unsigned char special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/*
 * The end of the run of plain bytes at p: the first special byte, or end.
 * Eight bytes at a time: in each, a byte that is '"' or '\\' XORs to zero
 * with it, a control byte is less than 0x20, an 8-bit one has its top bit;
 * the lowest flag of the classic "has a zero byte" tests is always exact,
 * so the lowest flag of all marks the first special byte.
 */
static const char *
plain_run(const char *p, const char *end)
{
	const uint64_t	ones = UINT64_C(0x0101010101010101);
	const uint64_t	high = UINT64_C(0x8080808080808080);
	uint64_t	w, q, b, t;

	while (end - p >= 8) {
		memcpy(&w, p, 8);
		q = w ^ (ones * '"');
		b = w ^ (ones * '\\');
		t = ((q - ones) & ~q) | ((b - ones) & ~b) |
		    ((w - ones * 0x20) & ~w) | w;
		if ((t &= high) != 0) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return (p + __builtin_ctzll(t) / 8);
#else
			break;
#endif
		}
		p += 8;
	}
	while (p < end && !special[(unsigned char)*p])
		p++;
	return (p);
}

static int
hex4(const char *p, unsigned long *out)
{
	int	i, c;

	*out = 0;
	for (i = 0; i < 4; i++) {
		c = (unsigned char)p[i];
		if (c >= '0' && c <= '9')
			c -= '0';
		else if (c >= 'a' && c <= 'f')
			c -= 'a' - 10;
		else if (c >= 'A' && c <= 'F')
			c -= 'A' - 10;
		else
			return (-1);
		*out = (*out << 4) | (unsigned long)c;
	}
	return (0);
}

/*
 * The string at j->p (a '"'): its text [*s, *s + *n), in the line itself
 * when it has no escapes, else decoded into the reader's scratch buffer
 * (valid until the next string). Returns 0 or -1 (reported).
 */
static int
string(struct jparse *j, const char **s, size_t *n)
{
	const char	*p = j->p + 1, *q;
	unsigned long	 cp, lo;
	char		*out;
	size_t		 len = 0, k;

	/* Plain ASCII without escapes, the usual case: the text as it is. */
	q = plain_run(p, j->end);
	if (q < j->end && *q == '"' && (size_t)(q - p) <=
	    YAML_TREE_MAX_SCALAR) {
		*s = p;
		*n = (size_t)(q - p);
		j->p = q + 1;
		return (0);
	}
	/* Decoded text is never longer than the quoted text. */
	for (q = p; q < j->end && *q != '"'; q++)
		if (*q == '\\' && q + 1 < j->end)
			q++;
	out = scenario_tmp(j->sr, (size_t)(q - p) + 1);
	while (p < j->end && *p != '"') {
		if ((unsigned char)*p < 0x20)
			return (jerr(j, p, "control character in a string; "
			    "write it as an escape"));
		if (*p != '\\') {
			if ((k = utf8_len((const unsigned char *)p,
			    (const unsigned char *)j->end)) == 0)
				return (jerr(j, p, "not valid text: invalid "
				    "UTF-8"));
			memcpy(out + len, p, k);
			len += k;
			p += k;
			continue;
		}
		if (++p == j->end)
			break;
		switch (*p) {
		case '"':
		case '\\':
		case '/':
			out[len++] = *p;
			break;
		case 'b':
			out[len++] = '\b';
			break;
		case 'f':
			out[len++] = '\f';
			break;
		case 'n':
			out[len++] = '\n';
			break;
		case 'r':
			out[len++] = '\r';
			break;
		case 't':
			out[len++] = '\t';
			break;
		case 'u':
			if (j->end - p < 5 || hex4(p + 1, &cp) != 0)
				return (jerr(j, p - 1, "bad \\u escape: four "
				    "hex digits expected"));
			p += 4;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (j->end - p < 7 || p[1] != '\\' ||
				    p[2] != 'u' || hex4(p + 3, &lo) != 0 ||
				    lo < 0xdc00 || lo > 0xdfff)
					return (jerr(j, p - 5, "bad \\u escape: "
					    "a lone surrogate"));
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
				p += 6;
			} else if (cp >= 0xdc00 && cp <= 0xdfff)
				return (jerr(j, p - 5, "bad \\u escape: a "
				    "lone surrogate"));
			if (cp == 0)
				return (jerr(j, p - 5, "text contains a NUL "
				    "character"));
			len += put_utf8(out + len, cp);
			break;
		default:
			return (jerr(j, p - 1, "bad escape '\\%c'",
			    *p >= 0x21 && *p <= 0x7e ? *p : '?'));
		}
		p++;
	}
	if (p == j->end)
		return (jerr(j, j->p, "unterminated string"));
	out[len] = '\0';
	if (len > YAML_TREE_MAX_SCALAR)
		return (jerr(j, j->p, "text longer than %d bytes",
		    YAML_TREE_MAX_SCALAR));
	j->p = p + 1;
	*s = out;
	*n = len;
	return (0);
}

/* A number, true, false or null: its text [*s, *s + *n). */
static int
literal(struct jparse *j, const char **s, size_t *n)
{
	const char	*p = j->p, *w;
	size_t		 k;

	w = *p == 't' ? "true" : *p == 'f' ? "false" : *p == 'n' ? "null" :
	    NULL;
	if (w != NULL) {
		k = strlen(w);
		if ((size_t)(j->end - p) < k || memcmp(p, w, k) != 0)
			return (expected(j, "a value"));
		p += k;
		goto done;
	}
	if (p < j->end && *p == '-')
		p++;
	if (p == j->end || !(*p >= '0' && *p <= '9'))
		return (expected(j, "a value"));
	if (*p == '0')
		p++;
	else
		while (p < j->end && *p >= '0' && *p <= '9')
			p++;
	if (p < j->end && *p == '.') {
		if (++p == j->end || !(*p >= '0' && *p <= '9'))
			return (jerr(j, p, "expected a digit"));
		while (p < j->end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < j->end && (*p == 'e' || *p == 'E')) {
		if (++p < j->end && (*p == '+' || *p == '-'))
			p++;
		if (p == j->end || !(*p >= '0' && *p <= '9'))
			return (jerr(j, p, "expected a digit"));
		while (p < j->end && *p >= '0' && *p <= '9')
			p++;
	}
done:
	*s = j->p;
	*n = (size_t)(p - j->p);
	j->p = p;
	return (0);
}

/* Skips a value of any type, checking its syntax. */
static int
skip_container(struct jparse *j, char close)
{
	const char	*s;
	size_t		 n;
	bool		 obj = close == '}';

	if (++j->depth > YAML_TREE_MAX_DEPTH)
		return (jerr(j, j->p, "nested deeper than %d levels",
		    YAML_TREE_MAX_DEPTH));
	j->p++;
	ws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		j->depth--;
		return (0);
	}
	for (;;) {
		ws(j);
		if (obj) {
			if (j->p == j->end || *j->p != '"')
				return (expected(j, "a string key"));
			if (string(j, &s, &n) != 0)
				return (-1);
			ws(j);
			if (j->p == j->end || *j->p != ':')
				return (expected(j, "':'"));
			j->p++;
			ws(j);
		}
		if (skip_value(j) != 0)
			return (-1);
		ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			j->p++;
			j->depth--;
			return (0);
		}
		return (expected(j, obj ? "',' or '}'" : "',' or ']'"));
	}
}

static int
skip_value(struct jparse *j)
{
	const char	*s;
	size_t		 n;

	if (j->p == j->end)
		return (expected(j, "a value"));
	switch (type_at(j)) {
	case J_STRING:
		return (string(j, &s, &n));
	case J_ARRAY:
		return (skip_container(j, ']'));
	case J_OBJECT:
		return (skip_container(j, '}'));
	default:
		return (literal(j, &s, &n));
	}
}

/* A scalar's text as an answer to q, with the answers file's message. */
static int
scalar_value(struct jparse *j, int q, const char *at, const char *s,
    size_t n, struct value *v)
{
	const struct question	*qq = &j->sr->kb->questions[q];
	char			 why[512];

	if (scenario_value(j->sr, q, s, n, v) == 0)
		return (0);
	/* scenario_value left the text in vtext: parse it again to say why. */
	value_parse(&qq->dom, j->sr->vtext, v, why, sizeof why);
	jerr(j, at, "%s: %s", qq->id, why);
	return (1);
}

/* The text of a scalar value at j->p: *s, *n. -1 if its syntax is bad. */
static int
scalar_text(struct jparse *j, enum jtype t, const char **s, size_t *n)
{
	if (t == J_STRING)
		return (string(j, s, n));
	return (literal(j, s, n));
}

/* A list for set question q; bad items count in *bad. */
static int
set_list(struct jparse *j, int qi, struct value *out, int *bad)
{
	const struct question	*q = &j->sr->kb->questions[qi];
	struct value		 one;
	const char		*s, *at;
	size_t			 n;
	enum jtype		 t;

	out->known = true;
	out->bits = 0;
	j->p++;
	ws(j);
	if (j->p < j->end && *j->p == ']') {
		j->p++;
		return (0);
	}
	for (;;) {
		ws(j);
		if (j->p == j->end)
			return (expected(j, "a value"));
		at = j->p;
		t = type_at(j);
		if (t == J_ARRAY || t == J_OBJECT || t == J_NULL) {
			if (skip_value(j) != 0)
				return (-1);
			jerr(j, at, "%s: items must be names, not %s", q->id,
			    t == J_NULL ? "null" : type_name(t));
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
		ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == ']') {
			j->p++;
			return (0);
		}
		return (expected(j, "',' or ']'"));
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
	ws(j);
	if (j->p < j->end && *j->p == '}') {
		j->p++;
		return (0);
	}
	for (;;) {
		ws(j);
		if (j->p == j->end || *j->p != '"')
			return (expected(j, "a string key"));
		keyat = j->p;
		if (string(j, &k, &klen) != 0)
			return (-1);
		if ((key = scenario_key(j->sr, k, klen)) < 0) {
			jerr(j, keyat, "notes: unknown question '%.*s' (see "
			    "'archadvisor questions')", (int)klen, k);
			(*bad)++;
		}
		ws(j);
		if (j->p == j->end || *j->p != ':')
			return (expected(j, "':'"));
		j->p++;
		ws(j);
		if (j->p == j->end)
			return (expected(j, "a value"));
		at = j->p;
		t = type_at(j);
		if (skip_value(j) != 0)
			return (-1);
		if (key >= 0 && t != J_STRING && t != J_NULL) {
			jerr(j, at, "notes: %s: a note must be text in "
			    "quotes, not %s", j->sr->kb->questions[key].id,
			    t == J_NUMBER ? "a number" : t == J_TRUE ||
			    t == J_FALSE ? "true or false" : type_name(t));
			(*bad)++;
		}
		ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == '}') {
			j->p++;
			return (0);
		}
		return (expected(j, "',' or '}'"));
	}
}

/* The value of one member, for key (a question index or KEY_...). */
static int
member(struct jparse *j, int key, int *bad)
{
	struct scenario_reader	*sr = j->sr;
	const struct question	*q;
	struct value		 v;
	const char		*s, *at = j->p;
	size_t			 n;
	enum jtype		 t;

	if (j->p == j->end)
		return (expected(j, "a value"));
	t = type_at(j);
	if (key == KEY_UNKNOWN)
		return (skip_value(j));
	if (key == KEY_NOTES) {
		if (t == J_OBJECT)
			return (notes_object(j, bad));
		if (t == J_NULL)
			return (literal(j, &s, &n));
		if (skip_value(j) != 0)
			return (-1);
		(*bad)++;
		jerr(j, at, "'notes' must be a mapping of question id to text, "
		    "not %s", type_name(t));
		return (0);
	}
	if (key == KEY_NAME || key == KEY_DESCRIPTION) {
		if (t == J_ARRAY || t == J_OBJECT) {
			if (skip_value(j) != 0)
				return (-1);
			(*bad)++;
			jerr(j, at, "'%s' must be text", key == KEY_NAME ?
			    "name" : "description");
			return (0);
		}
		if (scalar_text(j, t, &s, &n) != 0)
			return (-1);
		if (key == KEY_NAME && t != J_NULL)
			scenario_set_name(sr, s, n);
		return (0);
	}
	q = &sr->kb->questions[key];
	if (t == J_NULL) {
		if (literal(j, &s, &n) != 0)
			return (-1);
		sr->ans.v[key] = value_unknown();
		return (0);
	}
	if (t == J_ARRAY && q->dom.type == VAL_SET) {
		if (set_list(j, key, &v, bad) != 0)
			return (-1);
		sr->ans.v[key] = v;
		return (0);
	}
	if (t == J_ARRAY || t == J_OBJECT) {
		if (skip_value(j) != 0)
			return (-1);
		(*bad)++;
		jerr(j, at, "%s: expected a single %s, not %s", q->id,
		    value_type_name(q->dom.type), type_name(t));
		return (0);
	}
	if (scalar_text(j, t, &s, &n) != 0)
		return (-1);
	if (scalar_value(j, key, at, s, n, &v) != 0)
		(*bad)++;
	else
		sr->ans.v[key] = v;
	return (0);
}

/*
 * Notes that key was seen at col in this document (stamp); if it was seen
 * before, returns the column where, else 0.
 */
static int
first_col(struct scenario_reader *sr, int key, uint32_t stamp, int col,
    int *othercol)
{
	int	*at;

	if (key < 0)	/* KEY_NAME, KEY_DESCRIPTION, KEY_NOTES */
		at = &othercol[-key - 2];
	else {
		if (sr->seen[key] != stamp) {
			sr->seen[key] = stamp;
			sr->seencol[key] = 0;
		}
		at = &sr->seencol[key];
	}
	if (*at > 0)
		return (*at);
	*at = col;
	return (0);
}

int
scenario_json_line(struct scenario_reader *sr, const char *text, size_t len,
    int line, struct diag *d)
{
	struct jparse	 j;
	const char	*keyat, *k;
	size_t		 klen;
	uint32_t	 stamp = scenario_stamp(sr);
	int		 key, bad = 0, othercol[3] = { 0, 0, 0 }, col, first;

	j.sr = sr;
	j.d = d;
	j.start = j.p = text;
	j.end = text + len;
	j.line = line;
	j.depth = 0;
	ws(&j);
	if (j.p == j.end || *j.p != '{') {
		if (j.p < j.end && *j.p != '\0' &&
		    strchr("[\"-0123456789tfn", *j.p) != NULL)
			return (jerr(&j, j.p, "answers must be a mapping of "
			    "question id to value, not %s",
			    type_name(type_at(&j))));
		return (expected(&j, "'{'"));
	}
	j.p++;
	ws(&j);
	if (j.p < j.end && *j.p == '}')
		j.p++;
	else
		for (;;) {
			ws(&j);
			if (j.p == j.end || *j.p != '"')
				return (expected(&j, "a string key"));
			keyat = j.p;
			if (string(&j, &k, &klen) != 0)
				return (-1);
			key = scenario_key(sr, k, klen);
			col = (int)(keyat - j.start) + 1;
			if (key == KEY_UNKNOWN) {
				jerr(&j, keyat, "unknown question '%.*s' (see "
				    "'archadvisor questions')", (int)klen, k);
				bad++;
			} else if ((first = first_col(sr, key, stamp, col,
			    othercol)) > 0) {
				jerr(&j, keyat, "duplicate key '%.*s' (first "
				    "at column %d)", (int)klen, k, first);
				bad++;
				key = KEY_UNKNOWN;
			}
			ws(&j);
			if (j.p == j.end || *j.p != ':')
				return (expected(&j, "':'"));
			j.p++;
			ws(&j);
			if (member(&j, key, &bad) < 0)
				return (-1);
			ws(&j);
			if (j.p < j.end && *j.p == ',') {
				j.p++;
				continue;
			}
			if (j.p < j.end && *j.p == '}') {
				j.p++;
				break;
			}
			return (expected(&j, "',' or '}'"));
		}
	ws(&j);
	if (j.p != j.end)
		return (jerr(&j, j.p, "unexpected text after the object: one "
		    "scenario per line"));
	return (bad > 0 ? -1 : 0);
}
