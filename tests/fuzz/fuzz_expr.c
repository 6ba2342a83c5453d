/*
 * fuzz_expr: libFuzzer target for the rule condition language, against the
 * stock knowledge base's questions. A condition that parses is evaluated
 * with every question unknown and with answers derived from the input
 * bytes, and its comparisons are walked and formatted as explain does.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "expr.h"
#include "kb.h"
#include "kb_load.h"
#include "value.h"
#include "xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct kb	*kb;
static struct value	*answers;
static bool		*used;

struct walk {
	const struct value	*answers;
	size_t			 n;
};

static void
visit(void *arg, const struct expr_cmp *c)
{
	struct walk	*w = arg;
	char		 buf[512];

	if (c->question >= kb->nquestions)
		abort();
	if (expr_cmp_eval(c, &w->answers[c->question]) > TV_UNKNOWN)
		abort();
	expr_cmp_format(c, kb, buf, sizeof buf);
	if (strlen(buf) >= sizeof buf)
		abort();
	w->n++;
}

/* A known answer for every question, chosen by the input's bytes. */
static void
derive_answers(const uint8_t *data, size_t size)
{
	const struct question	*q;
	uint8_t			 b;
	size_t			 i;

	for (i = 0; i < kb->nquestions; i++) {
		q = &kb->questions[i];
		b = size ? data[i % size] : 0;
		answers[i] = value_unknown();
		if (b % 5 == 0)
			continue;	/* some stay unknown */
		answers[i].known = true;
		switch (q->dom.type) {
		case VAL_DURATION:
			answers[i].num = (int64_t)b * b * 60;
			break;
		case VAL_SIZE:
			answers[i].num = (int64_t)b << (b % 48);
			break;
		case VAL_INT:
			answers[i].num = b % 64;
			break;
		case VAL_BOOL:
			answers[i].num = b & 1;
			break;
		case VAL_LEVEL:
			answers[i].num = q->dom.nnames ? b % q->dom.nnames : 0;
			break;
		case VAL_SET:
			answers[i].bits = (uint64_t)b * 0x0101010101010101ULL;
			if (q->dom.nnames < 64)
				answers[i].bits &= (UINT64_C(1) <<
				    q->dom.nnames) - 1;
			break;
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct expr_error	 ee;
	struct expr		*e;
	struct diag		 d;
	struct walk		 w;
	char			*text;
	size_t			 i;

	if (kb == NULL) {
		diag_init(&d);
		if (kb_load_stock(&kb, &d) != LOAD_OK)
			abort();
		diag_free(&d);
		answers = xcalloc(kb->nquestions, sizeof *answers);
		used = xcalloc(kb->nquestions, sizeof *used);
	}
	text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&ee, 0, sizeof ee);
	if ((e = expr_parse(text, kb, &ee)) == NULL) {
		/* The error must point into the text and say something. */
		if (ee.offset > strlen(text) || ee.msg[0] == '\0' ||
		    memchr(ee.msg, '\0', sizeof ee.msg) == NULL)
			abort();
		free(text);
		return (0);
	}
	for (i = 0; i < kb->nquestions; i++)
		answers[i] = value_unknown();
	if (expr_eval(e, answers) > TV_UNKNOWN)
		abort();
	derive_answers(data, size);
	if (expr_eval(e, answers) > TV_UNKNOWN)
		abort();
	memset(used, 0, kb->nquestions * sizeof *used);
	expr_questions(e, used);
	w.answers = answers;
	w.n = 0;
	expr_foreach_cmp(e, visit, &w);
	expr_free(e);
	free(text);
	return (0);
}
