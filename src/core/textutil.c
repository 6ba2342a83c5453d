/*
 * textutil: see textutil.h.
 */
#include "textutil.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int
text_err(char *err, size_t errsz, const char *fmt, ...)
{
	va_list	ap;

	if (err != NULL && errsz > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errsz, fmt, ap);
		va_end(ap);
	}
	return (-1);
}

void
sbuf_init(struct sbuf *sb, char *buf, size_t size)
{
	sb->buf = buf;
	sb->size = size;
	sb->len = 0;
	if (size > 0)
		buf[0] = '\0';
}

void
sbuf_add(struct sbuf *sb, const char *s, size_t n)
{
	if (sb->size == 0 || sb->len >= sb->size - 1)
		return;
	if (n > sb->size - 1 - sb->len)
		n = sb->size - 1 - sb->len;
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
sbuf_str(struct sbuf *sb, const char *s)
{
	sbuf_add(sb, s, strlen(s));
}

bool
ascii_isdigit(int c)
{
	return (c >= '0' && c <= '9');
}

bool
ascii_isalpha(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

bool
ascii_isspace(int c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v');
}

void
text_trim(const char *s, const char **start, const char **end)
{
	const char	*e;

	while (ascii_isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && ascii_isspace((unsigned char)e[-1]))
		e--;
	*start = s;
	*end = e;
}

bool
text_ieq(const char *s, size_t n, const char *word)
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

