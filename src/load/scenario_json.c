/*
 * scenario_json: JSON's syntax for the JSON-lines reader (scenario_json.h).
 * Strings are read in place when they need no decoding, the usual case,
 * found eight bytes at a time.
 */
#include "scenario_json.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"
#include "yaml_tree.h"

int
jerr(struct jparse *j, const char *p, const char *fmt, ...)
{
	va_list	ap;
	char	msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(j->d, DIAG_ERROR, j->file, j->line,
	    (int)(p - j->start) + 1, "%s", msg);
	return (-1);
}

static const char *
what(const struct jparse *j)
{
	if (j->p == j->end)
		return ("the end of the line");
	return (NULL);
}

int
jexpected(struct jparse *j, const char *x)
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

int
jstring(struct jparse *j, const char **s, size_t *n)
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
	out = sink_tmp(j->sk, (size_t)(q - p) + 1);
	while (p < j->end && *p != '"') {
		if ((unsigned char)*p < 0x20)
			return (jerr(j, p, "control character in a string; "
			    "write it as an escape"));
		if (*p != '\\') {
			if ((k = utf8_seq_len((const unsigned char *)p,
			    (size_t)(j->end - p))) == 0)
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

int
jliteral(struct jparse *j, const char **s, size_t *n)
{
	const char	*p = j->p, *w;
	size_t		 k;

	w = *p == 't' ? "true" : *p == 'f' ? "false" : *p == 'n' ? "null" :
	    NULL;
	if (w != NULL) {
		k = strlen(w);
		if ((size_t)(j->end - p) < k || memcmp(p, w, k) != 0)
			return (jexpected(j, "a value"));
		p += k;
		goto done;
	}
	if (p < j->end && *p == '-')
		p++;
	if (p == j->end || !(*p >= '0' && *p <= '9'))
		return (jexpected(j, "a value"));
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

/* Skips a list or a mapping (close is ']' or '}'), checking its syntax. */
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
	jws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		j->depth--;
		return (0);
	}
	for (;;) {
		jws(j);
		if (obj) {
			if (j->p == j->end || *j->p != '"')
				return (jexpected(j, "a string key"));
			if (jstring(j, &s, &n) != 0)
				return (-1);
			jws(j);
			if (j->p == j->end || *j->p != ':')
				return (jexpected(j, "':'"));
			j->p++;
			jws(j);
		}
		if (jskip(j) != 0)
			return (-1);
		jws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			j->p++;
			j->depth--;
			return (0);
		}
		return (jexpected(j, obj ? "',' or '}'" : "',' or ']'"));
	}
}

int
jskip(struct jparse *j)
{
	const char	*s;
	size_t		 n;

	if (j->p == j->end)
		return (jexpected(j, "a value"));
	switch (jtype_at(j)) {
	case J_STRING:
		return (jstring(j, &s, &n));
	case J_ARRAY:
		return (skip_container(j, ']'));
	case J_OBJECT:
		return (skip_container(j, '}'));
	default:
		return (jliteral(j, &s, &n));
	}
}

