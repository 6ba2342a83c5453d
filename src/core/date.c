/*
 * date: YYYY-MM-DD <-> days since the epoch (proleptic Gregorian calendar,
 * Howard Hinnant's days_from_civil), without the C library's time zones.
 */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static long
days_from_civil(long y, long m, long d)
{
	long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

static int
month_days(long y, long m)
{
	static const int	n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				    30, 31 };
	int			leap = (y % 4 == 0 && y % 100 != 0) ||
				    y % 400 == 0;

	return (m == 2 && leap ? 29 : n[m - 1]);
}

int
date_parse(const char *s, long *days)
{
	long	y, m, d;
	int	i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return (-1);
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return (-1);
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return (-1);
	*days = days_from_civil(y, m, d);
	return (0);
}

long
date_today(void)
{
	return ((long)(time(NULL) / 86400));
}

/* Howard Hinnant's civil_from_days, the inverse of days_from_civil. */
char *
date_format(long days, char *buf, size_t bufsz)
{
	long	z = days + 719468, era, doe, yoe, y, doy, mp, d, m;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(buf, bufsz, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
	return (buf);
}
