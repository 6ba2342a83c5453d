/*
 * escape: HTML and Markdown escaping of strings from the knowledge base
 * and the answers. Both work byte by byte: every character they act on is
 * ASCII, so UTF-8 sequences pass through untouched.
 */
#include "escape.h"

#include <string.h>
#include <strings.h>

/* C0 controls and DEL, which no format wants in its text. */
static int
is_control(unsigned char c)
{
	return (c < 0x20 || c == 0x7f);
}

void
escape_html(FILE *fp, const char *s)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		case '\t':
		case '\n':
		case '\r':
			fputc(*p, fp);
			break;
		default:
			if (!is_control(*p))
				fputc(*p, fp);
		}
	}
}

static int
is_space(unsigned char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f');
}

void
escape_md(FILE *fp, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	const unsigned char	*q;
	int			 space = 0, start = 1;

	while (is_space(*p))
		p++;
	for (; *p != '\0'; p++) {
		if (is_space(*p)) {
			space = 1;
			continue;
		}
		if (is_control(*p))
			continue;
		if (space) {
			fputc(' ', fp);
			space = 0;
		}
		if (strchr("\\`*_[]<>|&~#$", *p) != NULL)
			fputc('\\', fp);
		else if ((*p == ':' && p[1] == '/' && p[2] == '/') ||
		    (*p == '.' && p - (const unsigned char *)s >= 3 &&
		    strncasecmp((const char *)p - 3, "www", 3) == 0))
			/* GitHub would make "http://x" or "www.x" a link. */
			fputc('\\', fp);
		else if (start && (*p == '-' || *p == '=' || (*p == '+' &&
		    (is_space(p[1]) || p[1] == '\0'))))
			fputc('\\', fp);
		else if (start && *p >= '0' && *p <= '9') {
			/* "1. x" or "1) x" at the start would be a list. */
			for (q = p; *q >= '0' && *q <= '9'; q++)
				;
			if ((*q == '.' || *q == ')') &&
			    (is_space(q[1]) || q[1] == '\0')) {
				fwrite(p, 1, (size_t)(q - p), fp);
				fputc('\\', fp);
				p = q;
			}
		}
		fputc(*p, fp);
		start = 0;
	}
}
