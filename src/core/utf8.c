/*
 * utf8: see utf8.h.
 */
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

size_t
utf8_count(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return (n);
}

size_t
utf8_seq_len(const unsigned char *p, size_t n)
{
	size_t	len, i;
	int	lo, hi;

	lo = 0x80;
	hi = 0xbf;
	if (p[0] < 0x80)
		return (1);
	else if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		if (p[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		if (p[0] == 0xf0)
			lo = 0x90;	/* overlong */
		if (p[0] == 0xf4)
			hi = 0x8f;	/* past U+10FFFF */
	} else
		return (0);
	if (n < len || p[1] < lo || p[1] > hi)
		return (0);
	for (i = 2; i < len; i++) {
		if (p[i] < 0x80 || p[i] > 0xbf)
			return (0);
	}
	return (len);
}

int
text_printf(char *buf, size_t bufsz, const char *fmt, ...)
{
	static const char	ellipsis[] = "\xe2\x80\xa6";
	va_list			ap;
	size_t			len;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(buf, bufsz, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n < bufsz || bufsz < sizeof ellipsis)
		return (n);
	/* Cut: step back to a character boundary with room for "…". */
	len = bufsz - sizeof ellipsis;
	while (len > 0 && ((unsigned char)buf[len] & 0xc0) == 0x80)
		len--;
	memcpy(buf + len, ellipsis, sizeof ellipsis);
	return (n);
}
