/*
 * fuzz_writers: libFuzzer target for the output writers. The input is a
 * scenario's name and description and a few answers (NUL-separated: name,
 * description, then ID=VALUE pairs); every report writer writes it, and
 * what people read goes through the control-character policy as the
 * command line sends it. Asserted: the policy's output is valid UTF-8 with
 * no control character but tab and newline and no escape sequence but a
 * colour; the HTML has no script or img element (so no event handler)
 * and no javascript: link; the Markdown no javascript: link and no raw
 * tag from the input. The answers block a handout ends with (one HTML
 * comment, record_embed.h) may hold nothing that ends it early; the
 * checks above read the document before it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "answers.h"
#include "diag.h"
#include "engine.h"
#include "escape.h"
#include "kb.h"
#include "kb_load.h"
#include "report.h"
#include "utf8.h"
#include "whatif.h"
#include "xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct kb	*kb;

/* What a writer wrote, through the policy. */
static char *
render(const struct report_writer *w, const struct report_ctx *ctx,
    size_t *len, bool people)
{
	char	*raw = NULL, *out = NULL;
	size_t	 rawlen = 0;
	FILE	*fp;

	if ((fp = open_memstream(&raw, &rawlen)) == NULL)
		abort();
	(void)w->write(fp, ctx);
	fclose(fp);
	if (!people) {
		*len = rawlen;
		return (raw);
	}
	if ((fp = open_memstream(&out, len)) == NULL)
		abort();
	if (escape_terminal_copy(fp, raw, rawlen) != 0)
		abort();
	fclose(fp);
	free(raw);
	return (out);
}

static void
check_clean(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, k;

	while (i < len) {
		if (p[i] == 0x1b) {
			/* Only a colour: ESC [ digits ; m. */
			if (i + 2 >= len || p[i + 1] != '[')
				abort();
			for (k = i + 2; k < len && ((p[k] >= '0' &&
			    p[k] <= '9') || p[k] == ';'); k++)
				;
			if (k >= len || p[k] != 'm')
				abort();
			i = k + 1;
			continue;
		}
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') ||
		    p[i] == 0x7f)
			abort();
		if ((k = utf8_seq_len(p + i, len - i)) == 0)
			abort();
		if (k == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0)
			abort();	/* C1 */
		i += k;
	}
}

/* needle in s, ignoring case; with raw, only where no backslash escapes
   its first character (Markdown). */
static bool
contains(const char *s, size_t len, const char *needle, bool raw)
{
	size_t	n = strlen(needle), i;

	for (i = 0; i + n <= len; i++)
		if (strncasecmp(s + i, needle, n) == 0 &&
		    (!raw || i == 0 || s[i - 1] != '\\'))
			return (true);
	return (false);
}

/* Cuts the answers block off a handout, aborting if it can end early. */
static void
cut_record(char *out, size_t *len)
{
	char	*b, *e, *p;

	if ((b = strstr(out, "\n<!-- archadvisor:answers\n")) == NULL)
		abort();
	if ((e = strstr(b, "\n-->\n")) == NULL || e + 5 != out + *len)
		abort();
	for (p = b + 26; p + 1 < e; p++)
		if (p[0] == '-' && p[1] == '-')
			abort();
	*len = (size_t)(b - out) + 1;
	out[*len] = '\0';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct answers		 a;
	struct advice		 adv;
	struct report_ctx	 ctx;
	struct diag		 d;
	char			*buf, *part[8], *out, err[512];
	size_t			 i, n = 0, len;

	if (kb == NULL) {
		diag_init(&d);
		if (kb_load_stock(&kb, &d) != LOAD_OK)
			abort();
		diag_free(&d);
	}
	/* The input as NUL-separated parts. */
	buf = xmalloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	part[n++] = buf;
	for (i = 0; i < size && n < 8; i++)
		if (buf[i] == '\0')
			part[n++] = buf + i + 1;
	answers_init(&a, kb);
	a.name = xstrdup(part[0]);
	if (n > 1)
		a.description = xstrdup(part[1]);
	for (i = 2; i < n; i++)
		(void)answers_set_arg(&a, kb, part[i], err, sizeof err);
	advice_init(&adv, kb, ADVICE_ALL, ADVICE_NPRECEDENTS);
	advice_update(&adv, a.v);
	memset(&ctx, 0, sizeof ctx);
	ctx.kb = kb;
	ctx.answers = &a;
	report_use_advice(&ctx, &adv);
	ctx.version = "fuzz";
	ctx.width = 80;
	ctx.utf8 = true;
	for (i = 0; i < report_nwriters; i++) {
		bool people = strcmp(report_writers[i].name, "json") != 0;

		out = render(&report_writers[i], &ctx, &len, people);
		if (people)
			check_clean(out, len);
		if (strcmp(report_writers[i].name, "html") == 0 ||
		    strcmp(report_writers[i].name, "markdown") == 0 ||
		    strcmp(report_writers[i].name, "adr") == 0)
			cut_record(out, &len);
		if (strcmp(report_writers[i].name, "html") == 0 &&
		    (contains(out, len, "<script", false) ||
		    contains(out, len, "<img", false) ||
		    contains(out, len, "href=\"javascript:", false)))
			abort();
		if ((strcmp(report_writers[i].name, "markdown") == 0 ||
		    strcmp(report_writers[i].name, "adr") == 0) &&
		    (contains(out, len, "](javascript:", true) ||
		    contains(out, len, "<script", true) ||
		    contains(out, len, "<img", true)))
			abort();
		free(out);
	}
	advice_free(&adv);
	answers_free(&a);
	free(buf);
	return (0);
}
