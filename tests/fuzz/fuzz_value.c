/*
 * fuzz_value: libFuzzer target for the value parsers. The first byte picks
 * the type and the range, the rest is the text. A value that parses must
 * format to text that parses back to the same value (value.h promises
 * it). The last mode feeds the text to answers_set_arg (--set) against the
 * stock knowledge base.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "kb.h"
#include "kb_load.h"
#include "value.h"
#include "xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char		*levels[5];
static char		*members[64];
static struct kb	*kb;

/* Names for the level and set domains, and the stock kb for --set. */
static void
setup(void)
{
	static const char *const lv[] = { "none", "some", "strong", "a-b",
	    "x_1" };
	struct diag	d;
	size_t		i;

	for (i = 0; i < 5; i++)
		levels[i] = xstrdup(lv[i]);
	for (i = 0; i < 64; i++)
		members[i] = xasprintf("m%zu", i);
	diag_init(&d);
	if (kb_load_stock(&kb, &d) != LOAD_OK)
		abort();
	diag_free(&d);
}

/* The domain for mode byte m: type, names and an optional range. */
static void
domain(uint8_t m, struct value_domain *dom)
{
	static const int64_t	lo[] = { 0, 1, -5, INT64_MIN };
	static const int64_t	hi[] = { 100, 3600, INT64_MAX, 86400 * 7 };

	memset(dom, 0, sizeof *dom);
	dom->type = (enum value_type)(m % 6);
	if (dom->type == VAL_LEVEL) {
		dom->names = levels;
		dom->nnames = 1 + (m / 6) % 5;
	} else if (dom->type == VAL_SET) {
		dom->names = members;
		dom->nnames = (m & 0x80) ? 64 : 1 + (m / 6) % 8;
	}
	if (m & 0x40) {
		dom->has_min = true;
		dom->min = lo[(m >> 3) & 3];
	}
	if (m & 0x20) {
		dom->has_max = true;
		dom->max = hi[(m >> 1) & 3];
	}
	if (dom->has_min && dom->has_max && dom->min > dom->max)
		dom->has_max = false;
}

static void
check_roundtrip(const struct value_domain *dom, const struct value *v)
{
	struct value	back;
	char		text[4096], err[256];

	value_format(dom, v, text, sizeof text);
	if (value_parse(dom, text, &back, err, sizeof err) != 0 ||
	    !value_equal(v, &back))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct value_domain	 dom;
	struct answers		 a;
	struct value		 v;
	char			*text, err[512], buf[256];
	int64_t			 n;
	bool			 b;

	if (size == 0)
		return (0);
	if (kb == NULL)
		setup();
	text = xmalloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	if (data[0] == 0xff) {
		answers_init(&a, kb);
		err[0] = '\0';
		if (answers_set_arg(&a, kb, text, err, sizeof err) != 0 &&
		    err[0] == '\0')
			abort();
		answers_free(&a);
		free(text);
		return (0);
	}
	domain(data[0], &dom);
	err[0] = '\0';
	if (value_parse(&dom, text, &v, err, sizeof err) == 0) {
		if (value_check_range(&dom, &v, err, sizeof err) != 0)
			abort();
		check_roundtrip(&dom, &v);
	} else if (err[0] == '\0' || strchr(err, '\n') != NULL)
		abort();	/* errors are one non-empty line */
	/* The unit parsers alone, and quoting, on the same text. */
	(void)value_parse_duration(text, &n, err, sizeof err);
	(void)value_parse_size(text, &n, err, sizeof err);
	(void)value_parse_int(text, &n, err, sizeof err);
	(void)value_parse_bool(text, &b, err, sizeof err);
	value_quote(text, size - 1, buf, sizeof buf);
	free(text);
	return (0);
}
