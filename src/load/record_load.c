/*
 * record_load: the answers block of a generated record, read back (see
 * record_load.h and record_embed.h).
 */
#include "record_load.h"

#include <stdio.h>
#include <string.h>

#define MARKER		"<!-- archadvisor:answers"
#define MARKER_LEN	(sizeof MARKER - 1)

/* The start of the line that begins with the marker, or NULL. */
static char *
find_marker(char *buf, size_t len)
{
	char	*p = buf, *end = buf + len;

	while (p < end) {
		if ((size_t)(end - p) >= MARKER_LEN &&
		    memcmp(p, MARKER, MARKER_LEN) == 0 &&
		    (p + MARKER_LEN == end || p[MARKER_LEN] == '\n' ||
		    p[MARKER_LEN] == '\r' || p[MARKER_LEN] == ' '))
			return (p);
		if ((p = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return (NULL);
		p++;
	}
	return (NULL);
}

/* Copies "# key: value" into out when line (n bytes) says key. */
static int
meta_field(const char *line, size_t n, const char *key, char *out,
    size_t outsz)
{
	size_t	k = strlen(key), v;

	if (n < k + 4 || strncmp(line, "# ", 2) != 0 ||
	    strncmp(line + 2, key, k) != 0 || strncmp(line + 2 + k, ": ",
	    2) != 0)
		return (0);
	v = n - k - 4;
	while (v > 0 && (line[k + 4 + v - 1] == '\r' ||
	    line[k + 4 + v - 1] == ' '))
		v--;
	if (v >= outsz)
		v = outsz - 1;
	memcpy(out, line + k + 4, v);
	out[v] = '\0';
	return (1);
}

static void
read_meta(const char *line, size_t n, int lineno, struct record_meta *m)
{
	char	pair[260], *sp;

	(void)(meta_field(line, n, "tool", m->tool, sizeof m->tool) ||
	    meta_field(line, n, "knowledge_base", m->kb_name,
	    sizeof m->kb_name) ||
	    meta_field(line, n, "knowledge_base_version", m->kb_version,
	    sizeof m->kb_version));
	if (meta_field(line, n, "date", m->date, sizeof m->date))
		m->date_line = lineno;
	if (meta_field(line, n, "review_by", m->review_by,
	    sizeof m->review_by))
		m->review_line = lineno;
	if (meta_field(line, n, "recommendation", pair, sizeof pair)) {
		m->rec_line = lineno;
		if ((sp = strchr(pair, ' ')) != NULL) {
			*sp++ = '\0';
			snprintf(m->organization, sizeof m->organization,
			    "%.*s", (int)sizeof m->organization - 1, sp);
		}
		snprintf(m->processing, sizeof m->processing, "%.*s",
		    (int)sizeof m->processing - 1, pair);
	}
}

/* Undoes the block's escapes (%25, %2D) in place; returns the new length. */
static size_t
unescape(char *s, size_t n)
{
	size_t	r, w = 0;

	for (r = 0; r < n; r++) {
		if (s[r] == '%' && r + 2 < n && s[r + 1] == '2' &&
		    (s[r + 2] == '5' || s[r + 2] == 'D')) {
			s[w++] = s[r + 2] == '5' ? '%' : '-';
			r += 2;
		} else
			s[w++] = s[r];
	}
	return (w);
}

int
record_extract(char *buf, size_t *len, struct record_meta *m, int *line,
    char *err, size_t errsz)
{
	char	*start, *p, *nl, *end = buf + *len, *w;
	size_t	 n;
	int	 lineno = 1;

	memset(m, 0, sizeof *m);
	if ((start = find_marker(buf, *len)) == NULL)
		return (0);
	/* Keep only the newlines before the block. */
	w = buf;
	for (p = buf; p < start; p++)
		if (*p == '\n') {
			*w++ = '\n';
			lineno++;
		}
	m->line = lineno;
	*w++ = '\n';
	p = memchr(start, '\n', (size_t)(end - start));
	p = p != NULL ? p + 1 : end;
	for (lineno++; p < end; lineno++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = (size_t)((nl != NULL ? nl : end) - p);
		if (n >= 3 && strncmp(p, "-->", 3) == 0) {
			*w = '\0';
			*len = (size_t)(w - buf);
			return (1);
		}
		/* Unescaping only shrinks a line: w never passes p. */
		memmove(w, p, n);
		n = unescape(w, n);
		read_meta(w, n, lineno, m);
		w += n;
		*w++ = '\n';
		p = nl != NULL ? nl + 1 : end;
	}
	*line = m->line;
	snprintf(err, errsz, "the archadvisor:answers block that starts here "
	    "never ends (no '-->' line)");
	return (-1);
}

int
record_looks_like_markup(const char *buf, size_t len)
{
	size_t	i = 0;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n'
	    || buf[i] == '\r'))
		i++;
	return (i < len && buf[i] == '<');
}
