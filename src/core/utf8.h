/*
 * utf8: the text utilities every module shares: the length of one UTF-8
 * sequence, and formatting into a fixed buffer that never cuts a character
 * in two and never cuts silently.
 */
#ifndef ARCHADVISOR_UTF8_H
#define ARCHADVISOR_UTF8_H

#include <stddef.h>

/*
 * Length of the valid UTF-8 sequence at p (n >= 1 bytes left): 1 for
 * ASCII, 2 to 4, or 0 when the bytes there are not UTF-8 (overlong forms,
 * surrogates and code points past U+10FFFF included).
 */
size_t	utf8_seq_len(const unsigned char *p, size_t n);

/* Code points in s, counted as bytes that do not continue a sequence. */
size_t	utf8_count(const char *s);

/*
 * snprintf for text people read: when the result does not fit, it is cut
 * at a character boundary and ends with "…" (U+2026), so a cut never
 * splits a character and always shows. Returns what snprintf returns.
 */
int	text_printf(char *buf, size_t bufsz, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#endif
