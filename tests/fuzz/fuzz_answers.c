/*
 * fuzz_answers: libFuzzer target for the answers loader, against the stock
 * knowledge base. The input is a YAML stream of one or more scenarios; it
 * is read twice, once from a buffer (answers files) and once incrementally
 * from a FILE (batch streams), and each document that loads is ranked.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "answers.h"
#include "answers_load.h"
#include "diag.h"
#include "engine.h"
#include "kb.h"
#include "kb_load.h"
#include "yaml_tree.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct kb	*kb;
static struct ranking	*ranking;

/* Reads every document of ys; returns how many loaded cleanly. */
static size_t
read_stream(struct yaml_stream *ys)
{
	struct yaml_doc	 doc;
	struct answers	 a;
	struct diag	 d;
	size_t		 ok = 0;
	int		 rc;

	diag_init(&d);
	while ((rc = yaml_stream_next(ys, &doc, &d)) == 1) {
		answers_init(&a, kb);
		if (answers_from_doc(&a, kb, "fuzz.yaml", &doc, &d) == 0) {
			engine_rank(kb, a.v, ranking);
			ok++;
		}
		answers_free(&a);
		yaml_doc_free(&doc);
	}
	if (rc < 0 && d.nerrors == 0)
		abort();		/* a failed read must say why */
	if (yaml_stream_next(ys, &doc, &d) != rc)
		abort();		/* the end (or failure) must stick */
	diag_free(&d);
	return (ok);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct yaml_stream	*ys;
	struct diag		 d;
	FILE			*fp;
	size_t			 nbuf, nfile;

	if (kb == NULL) {
		diag_init(&d);
		if (kb_load_stock(&kb, &d) != LOAD_OK)
			abort();
		diag_free(&d);
		ranking = ranking_new(kb);
	}
	if ((ys = yaml_stream_new("fuzz.yaml", (const char *)data,
	    size)) == NULL)
		abort();
	nbuf = read_stream(ys);
	yaml_stream_free(ys);

	if (size == 0)
		return (0);	/* fmemopen refuses an empty buffer */
	if ((fp = fmemopen((void *)(uintptr_t)data, size, "r")) == NULL)
		abort();
	if ((ys = yaml_stream_new_file("fuzz.yaml", fp)) == NULL)
		abort();
	nfile = read_stream(ys);
	yaml_stream_free(ys);
	fclose(fp);
	if (nbuf != nfile)
		abort();	/* both readers must agree */
	return (0);
}
