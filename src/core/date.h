/*
 * date: calendar dates as knowledge bases write them (YYYY-MM-DD, the
 * `reviewed:` fields), counted in days since 1970-01-01 so that ages are a
 * subtraction. Nothing here allocates.
 */
#ifndef ARCHADVISOR_DATE_H
#define ARCHADVISOR_DATE_H

#include <stddef.h>

/* Two years, as the freshness check counts them. */
#define DATE_STALE_DAYS	731

/*
 * Parses s as YYYY-MM-DD (a real calendar date, years 1900 to 9999).
 * Returns 0 with *days set, or -1.
 */
int	date_parse(const char *s, long *days);
/* Writes days since 1970-01-01 as YYYY-MM-DD into buf; returns buf. */
char	*date_format(long days, char *buf, size_t bufsz);
/* Today (UTC), in days since 1970-01-01. */
long	date_today(void);

#endif
