/*
 * batch_row: the rows of 'archadvisor batch', one per scored scenario
 * (src/cli/batch_run.c reads and scores them).
 *
 * A row: the input's name, the scenario's document number in it, its name,
 * the first place with its score, the recommended processing pattern and
 * organisation (a pattern id, or "centralized") with the processing
 * pattern's lead over the next one, then every pattern's score in
 * knowledge-base order. Scores have one decimal, like the JSON report's.
 *   CSV          a header line, then RFC 4180 rows (fields holding a
 *                comma, a quote or a line break are quoted)
 *   CSV, Excel   the same, opened by a UTF-8 byte-order mark and with
 *                CRLF line ends, as Excel reads UTF-8 CSV without asking
 *   JSON lines   {"file": ..., "scenario": 3, "name": ..., "top": ...,
 *                "score": ..., "processing": ..., "organization": ...,
 *                "margin": ..., "scores": {"batch": 71.2, ...}}
 *
 * Everything borrowed; the FILEs are written to, never closed.
 */
#ifndef ARCHADVISOR_BATCH_ROW_H
#define ARCHADVISOR_BATCH_ROW_H

#include <stddef.h>
#include <stdio.h>

#include "engine.h"
#include "kb.h"

enum batch_format { BATCH_CSV, BATCH_CSV_EXCEL, BATCH_JSONL };

/* The CSV header line (nothing for JSON lines); 0 or -1. */
int	batch_write_header(FILE *fp, const struct kb *kb,
	    enum batch_format f);
/* One row for a ranked scenario; name may be NULL. 0 or -1. */
int	batch_write_row(FILE *fp, const struct kb *kb, enum batch_format f,
	    const char *file, size_t index, const char *name,
	    const struct ranking *r);

#endif
