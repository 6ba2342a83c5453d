/*
 * textutil: small text helpers the parsers and formatters share: a bounded
 * string builder, one-line error messages into a caller's buffer, ASCII
 * character classes, trimming and case-insensitive comparison. Nothing
 * here allocates or prints.
 */
#ifndef ARCHADVISOR_TEXTUTIL_H
#define ARCHADVISOR_TEXTUTIL_H

#include <stdbool.h>
#include <stddef.h>

/* A bounded string builder: appends are cut to fit, always terminated. */
struct sbuf {
	char	*buf;
	size_t	 size;
	size_t	 len;
};

void	sbuf_init(struct sbuf *sb, char *buf, size_t size);
void	sbuf_add(struct sbuf *sb, const char *s, size_t n);
void	sbuf_str(struct sbuf *sb, const char *s);

/* Writes a message into err (if there is room) and returns -1. */
int	text_err(char *err, size_t errsz, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * ASCII only, on purpose: the TUI sets a locale, and <ctype.h> would then
 * let bytes of other scripts pass for letters or spaces.
 */
bool	ascii_isdigit(int c);
bool	ascii_isalpha(int c);
bool	ascii_isspace(int c);

/* Sets [*start, *end) to s without leading and trailing white space. */
void	text_trim(const char *s, const char **start, const char **end);
/* Whether the n bytes at s equal the string word, ignoring ASCII case. */
bool	text_ieq(const char *s, size_t n, const char *word);

#endif
