/*
 * fuzz_kb: libFuzzer target for the knowledge-base loader. The input is one
 * knowledge-base file; when it loads, the engine ranks its patterns with
 * the default answers and the text and JSON reports are written to
 * /dev/null with the what-if analysis, so a hostile but valid knowledge
 * base is exercised end to end.
 * Built by `make fuzz`; tests/fuzz/replay.c runs it without libFuzzer.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "engine.h"
#include "kb.h"
#include "kb_load.h"
#include "report.h"
#include "whatif.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static FILE	*devnull;

/* Ranks with the kb's defaults and writes every report format. */
static void
exercise(const struct kb *kb)
{
	struct report_ctx	 ctx;
	struct answers		 a;
	struct advice		 adv;
	size_t			 i;

	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	answers_init(&a, kb);
	advice_init(&adv, kb, ADVICE_ALL, ADVICE_NPRECEDENTS);
	advice_update(&adv, a.v);
	memset(&ctx, 0, sizeof ctx);
	ctx.kb = kb;
	ctx.answers = &a;
	report_use_advice(&ctx, &adv);
	ctx.version = "fuzz";
	ctx.width = 80;
	for (i = 0; i < report_nwriters; i++)
		report_writers[i].write(devnull, &ctx);
	for (i = 0; i < kb->npatterns && i < 4; i++)
		report_explain_text(devnull, &ctx, i);
	report_patterns_text(devnull, &ctx, -1);
	report_questions_text(devnull, &ctx);
	advice_free(&adv);
	answers_free(&a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kb_source	 src;
	struct diag		 d;
	struct kb		*kb = NULL;

	src.name = "fuzz.yaml";
	src.data = (const char *)data;
	src.len = size;
	diag_init(&d);
	if (kb_load_sources(&src, 1, &kb, &d) == LOAD_OK) {
		if (kb == NULL || d.nerrors != 0)
			abort();	/* success must come with a kb */
		exercise(kb);
	} else if (kb != NULL || d.nerrors == 0)
		abort();		/* failure must say why */
	kb_free(kb);
	diag_free(&d);
	return (0);
}
