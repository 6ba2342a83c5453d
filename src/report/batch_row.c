/*
 * batch_row: a scored scenario as one CSV row or one JSON line. Rows are
 * built in a buffer by hand, numbers included (a score is a whole number
 * of tenths), and written with one fwrite: at hundreds of thousands of
 * rows a second, printf's parsing of its format would be most of the cost.
 */
#include "batch_row.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "utf8.h"

/* A row under construction; long text is flushed through as it comes. */
struct row {
	FILE	*fp;
	size_t	 n;
	int	 failed;
	char	 b[4096];
};

static void
flush(struct row *w)
{
	if (w->n > 0 && fwrite(w->b, 1, w->n, w->fp) != w->n)
		w->failed = 1;
	w->n = 0;
}

static void
put(struct row *w, const char *s, size_t n)
{
	size_t	k;

	while (n > 0) {
		if (w->n == sizeof w->b)
			flush(w);
		k = sizeof w->b - w->n;
		if (k > n)
			k = n;
		memcpy(w->b + w->n, s, k);
		w->n += k;
		s += k;
		n -= k;
	}
}

static void
puts_(struct row *w, const char *s)
{
	put(w, s, strlen(s));
}

static void
putc_(struct row *w, char c)
{
	if (w->n == sizeof w->b)
		flush(w);
	w->b[w->n++] = c;
}

static void
put_uint(struct row *w, uint64_t v)
{
	char	d[24];
	size_t	i = sizeof d;

	do {
		d[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	put(w, d + i, sizeof d - i);
}

/* x with one decimal, rounded half away from zero as round() does. */
static void
put_tenths(struct row *w, double x)
{
	int64_t	t;

	if (!isfinite(x))
		x = 0;
	t = (int64_t)round(x * 10.0);
	if (t < 0) {
		putc_(w, '-');
		t = -t;
	}
	/* Scores are 0.0 to 100.0: three digits at most, by hand. */
	if (t < 10000 && sizeof w->b - w->n >= 5) {
		if (t >= 1000)
			w->b[w->n++] = (char)('0' + t / 1000);
		if (t >= 100)
			w->b[w->n++] = (char)('0' + t / 100 % 10);
		w->b[w->n++] = (char)('0' + t / 10 % 10);
		w->b[w->n++] = '.';
		w->b[w->n++] = (char)('0' + t % 10);
		return;
	}
	put_uint(w, (uint64_t)t / 10);
	putc_(w, '.');
	putc_(w, (char)('0' + (uint64_t)t % 10));
}

/*
 * A CSV field, quoted only when it must be (RFC 4180). A field that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading ' as OWASP advises; other control
 * characters become '?', so nothing reaches a terminal or a cell live.
 */
static void
put_csv(struct row *w, const char *s)
{
	const unsigned char	*p;
	bool			 quote, formula;

	/* A lone "-" (standard input) is no formula. */
	formula = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL &&
	    strcmp(s, "-") != 0;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		putc_(w, '"');
	if (formula)
		putc_(w, '\'');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"')
			putc_(w, '"');
		putc_(w, (*p < 0x20 && *p != '\t' && *p != '\n' &&
		    *p != '\r') || *p == 0x7f ? '?' : (char)*p);
	}
	if (quote)
		putc_(w, '"');
}

/* A JSON string; bytes that are not UTF-8 (a file name) become U+FFFD. */
static void
put_json(struct row *w, const char *s)
{
	static const char	hex[] = "0123456789abcdef";
	const unsigned char	*p = (const unsigned char *)s;
	char			 e[6];
	size_t			 k;

	putc_(w, '"');
	while (*p != '\0') {
		if (*p == '"' || *p == '\\') {
			putc_(w, '\\');
			putc_(w, (char)*p++);
		} else if (*p < 0x20) {
			memcpy(e, "\\u00", 4);
			e[4] = hex[*p >> 4];
			e[5] = hex[*p & 0xf];
			put(w, e, 6);
			p++;
		} else if (*p < 0x80)
			putc_(w, (char)*p++);
		else if ((k = utf8_seq_len(p, 4)) > 1) {
			/* 4: the NUL stops a short sequence first. */
			put(w, (const char *)p, k);
			p += k;
		} else {
			puts_(w, "\\ufffd");
			p++;
		}
	}
	putc_(w, '"');
}

static int
finish(struct row *w)
{
	flush(w);
	return (w->failed || ferror(w->fp) ? -1 : 0);
}

int
batch_write_header(FILE *fp, const struct kb *kb, enum batch_format f)
{
	struct row	w;
	size_t		i;

	if (f == BATCH_JSONL)
		return (0);
	w.fp = fp;
	w.n = 0;
	w.failed = 0;
	if (f == BATCH_CSV_EXCEL)
		puts_(&w, "\xef\xbb\xbf");	/* U+FEFF, the byte-order mark */
	puts_(&w, "file,scenario,name,top,score,processing,organization,"
	    "margin");
	for (i = 0; i < kb->npatterns; i++) {
		putc_(&w, ',');
		put_csv(&w, kb->patterns[i].id);
	}
	puts_(&w, f == BATCH_CSV_EXCEL ? "\r\n" : "\n");
	return (finish(&w));
}

int
batch_write_row(FILE *fp, const struct kb *kb, enum batch_format f,
    const char *file, size_t index, const char *name,
    const struct ranking *r)
{
	struct row	 w;
	const char	*top, *proc, *org;
	size_t		 i;
	bool		 csv = f != BATCH_JSONL;

	w.fp = fp;
	w.n = 0;
	w.failed = 0;
	top = kb->patterns[r->order[0]].id;
	proc = r->processing >= 0 ? kb->patterns[r->processing].id : "";
	org = r->organization >= 0 ? kb->patterns[r->organization].id :
	    "centralized";
	if (csv) {
		put_csv(&w, file);
		putc_(&w, ',');
		put_uint(&w, index);
		putc_(&w, ',');
		put_csv(&w, name != NULL ? name : "");
		putc_(&w, ',');
		put_csv(&w, top);
		putc_(&w, ',');
		put_tenths(&w, r->scores[r->order[0]].score);
		putc_(&w, ',');
		put_csv(&w, proc);
		putc_(&w, ',');
		put_csv(&w, org);
		putc_(&w, ',');
		put_tenths(&w, r->margin);
		for (i = 0; i < kb->npatterns; i++) {
			putc_(&w, ',');
			put_tenths(&w, r->scores[i].score);
		}
		puts_(&w, f == BATCH_CSV_EXCEL ? "\r\n" : "\n");
		return (finish(&w));
	}
	puts_(&w, "{\"file\":");
	put_json(&w, file);
	puts_(&w, ",\"scenario\":");
	put_uint(&w, index);
	puts_(&w, ",\"name\":");
	if (name != NULL)
		put_json(&w, name);
	else
		puts_(&w, "null");
	puts_(&w, ",\"top\":");
	put_json(&w, top);
	puts_(&w, ",\"score\":");
	put_tenths(&w, r->scores[r->order[0]].score);
	puts_(&w, ",\"processing\":");
	if (r->processing >= 0)
		put_json(&w, proc);
	else
		puts_(&w, "null");
	puts_(&w, ",\"organization\":");
	put_json(&w, org);
	puts_(&w, ",\"margin\":");
	put_tenths(&w, r->margin);
	puts_(&w, ",\"scores\":{");
	for (i = 0; i < kb->npatterns; i++) {
		if (i > 0)
			putc_(&w, ',');
		put_json(&w, kb->patterns[i].id);
		putc_(&w, ':');
		put_tenths(&w, r->scores[i].score);
	}
	puts_(&w, "}}\n");
	return (finish(&w));
}
