/*
 * diag: collects problems with their location so that every problem in a
 * file can be reported, not just the first.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "xmalloc.h"

/* Past this many items a broken file is not worth reading further. */
#define DIAG_MAX_ITEMS 100

void
diag_init(struct diag *d)
{
	d->items = NULL;
	d->n = d->cap = 0;
	d->nerrors = 0;
}

void
diag_free(struct diag *d)
{
	size_t	i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].msg);
	}
	free(d->items);
	diag_init(d);
}

/*
 * Messages quote what was read (ids, values, file names), which may hold
 * escapes such as "\e[2J" from a double-quoted YAML string: control
 * characters, C0 and, as UTF-8, C1, become '?' so that printing a message
 * cannot drive the terminal or split the line.
 */
static void
defang(char *s)
{
	unsigned char	*p = (unsigned char *)s, *q = p;

	while (*p != '\0') {
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			*q++ = '?';
			p += 2;
		} else if (*p < 0x20 || *p == 0x7f) {
			*q++ = '?';
			p++;
		} else
			*q++ = *p++;
	}
	*q = '\0';
}

void
diag_add(struct diag *d, enum diag_severity sev, const char *file, int line,
    int col, const char *fmt, ...)
{
	struct diag_item	*it;
	va_list			 ap;
	char			 buf[1024];

	if (sev == DIAG_ERROR)
		d->nerrors++;
	if (d->n >= DIAG_MAX_ITEMS)
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->items = xreallocarray(d->items, d->cap, sizeof *d->items);
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	it = &d->items[d->n++];
	it->severity = sev;
	defang(buf);
	/* An empty name (--rules '') would print as a bare ": ". */
	it->file = file ? xstrdup(file[0] != '\0' ? file : "''") : NULL;
	if (it->file != NULL)
		defang(it->file);
	it->line = line;
	it->col = col;
	it->msg = xstrdup(buf);
}

void
diag_print_item(FILE *fp, const struct diag_item *it)
{
	if (it->file != NULL) {
		fputs(it->file, fp);
		if (it->line > 0) {
			fprintf(fp, ":%d", it->line);
			if (it->col > 0)
				fprintf(fp, ":%d", it->col);
		}
		fputs(": ", fp);
	}
	fputs(it->severity == DIAG_WARNING ? "warning: " : "error: ", fp);
	fprintf(fp, "%s\n", it->msg);
}

void
diag_print(FILE *fp, const struct diag *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++)
		diag_print_item(fp, &d->items[i]);
	if (d->nerrors > d->n)
		fprintf(fp, "(%zu more errors not shown)\n", d->nerrors - d->n);
}
