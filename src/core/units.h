/*
 * units: durations (normalised to seconds) and sizes (to bytes; decimal
 * units, 1 TB = 10^12 bytes, and KiB..EiB as binary units), read from text
 * exactly and written back in a form that reads back to the same number.
 */
#ifndef ARCHADVISOR_UNITS_H
#define ARCHADVISOR_UNITS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Each parser returns 0, or -1 with a one-line explanation in err (which
 * need not name the question).
 */
int	value_parse_duration(const char *s, int64_t *secs, char *err,
	    size_t errsz);
int	value_parse_size(const char *s, int64_t *bytes, char *err,
	    size_t errsz);
/* "90m", "10d", "2TB", "1GiB": the largest unit that divides exactly. */
char	*value_format_duration(int64_t secs, char *buf, size_t bufsz);
char	*value_format_size(int64_t bytes, char *buf, size_t bufsz);

/* For people: "1 hour", "90 minutes", "1 minute 30 seconds". */
char	*words_duration(int64_t secs, char *buf, size_t bufsz);
/* "10 TB", "500 MB", "1 GiB", "12 bytes". */
char	*words_size(int64_t bytes, char *buf, size_t bufsz);
/* The largest unit (week, day, hour, minute, second) that divides secs. */
int64_t	units_duration_factor(int64_t secs);

#endif
