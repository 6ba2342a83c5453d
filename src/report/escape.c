/*
 * escape: HTML and Markdown escaping of strings from the knowledge base
 * and the answers. Both work byte by byte: every character they act on is
 * ASCII, so UTF-8 sequences pass through untouched.
 */
#include "escape.h"

#include <string.h>
#include <strings.h>

#include "utf8.h"

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

bool
escape_is_web_url(const char *s)
{
	return (strncmp(s, "https://", 8) == 0 ||
	    strncmp(s, "http://", 7) == 0);
}

void
escape_md_url(FILE *fp, const char *url)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)url; *p != '\0'; p++) {
		if (*p == '&')
			fputs("&amp;", fp);
		else if (*p <= ' ' || *p >= 0x7f ||
		    strchr("()<>\\`\"'[]|", *p) != NULL)
			fprintf(fp, "%%%02X", *p);
		else
			fputc(*p, fp);
	}
}

void
escape_md_link(FILE *fp, const char *text, const char *url)
{
	fputc('[', fp);
	escape_md(fp, text);
	fputs("](", fp);
	escape_md_url(fp, url);
	fputc(')', fp);
}

/* Length of a colour sequence ESC [ digits ; ... m at p, or 0. */
static size_t
sgr_len(const unsigned char *p, size_t n)
{
	size_t	i;

	if (n < 3 || p[1] != '[')
		return (0);
	for (i = 2; i < n && ((p[i] >= '0' && p[i] <= '9') || p[i] == ';');
	    i++)
		;
	return (i < n && p[i] == 'm' ? i + 1 : 0);
}

/* Is the UTF-8 sequence at p (k bytes) a C1 control or a bidi control? */
static int
is_unsafe_char(const unsigned char *p, size_t k)
{
	if (k == 2 && p[0] == 0xc2 && p[1] < 0xa0)
		return (1);
	if (k == 3 && p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa &&
	    p[2] <= 0xae)
		return (1);
	return (k == 3 && p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 &&
	    p[2] <= 0xa9);
}

int
escape_terminal_copy(FILE *fp, const char *buf, size_t len)
{
	static const char	 fffd[] = "\xef\xbf\xbd";
	const unsigned char	*p = (const unsigned char *)buf;
	size_t			 i = 0, start = 0, k;

	while (i < len) {
		if (p[i] == '\t' || p[i] == '\n' || (p[i] >= 0x20 &&
		    p[i] < 0x7f)) {
			i++;
			continue;
		}
		if (p[i] == 0x1b && (k = sgr_len(p + i, len - i)) > 0) {
			i += k;
			continue;
		}
		k = utf8_seq_len(p + i, len - i);
		if (k > 1 && !is_unsafe_char(p + i, k)) {
			i += k;
			continue;
		}
		/* Flush what was safe, then the replacement character. */
		if (fwrite(buf + start, 1, i - start, fp) != i - start ||
		    fputs(fffd, fp) == EOF)
			return (-1);
		i += k > 1 ? k : 1;
		start = i;
	}
	if (fwrite(buf + start, 1, i - start, fp) != i - start)
		return (-1);
	return (0);
}
