/*
 * batch: many scenarios in, one row out per scenario ('archadvisor
 * batch'). Each scenario is scored as soon as it is read and its row
 * written at once; memory holds one scenario, whatever the length of the
 * input (scenario_stream.h).
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
#ifndef ARCHADVISOR_BATCH_H
#define ARCHADVISOR_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "engine.h"
#include "kb.h"
#include "scenario_stream.h"

enum batch_format { BATCH_CSV, BATCH_CSV_EXCEL, BATCH_JSONL };

struct batch_input {
	const char		*name;	/* in rows and messages ("-": stdin) */
	int			 fd;
	enum scenario_format	 fmt;
};

struct batch_options {
	enum batch_format	 format;
	bool			 fail_fast;	/* stop at the first bad
						   document */
};

enum batch_status {
	BATCH_OK,
	BATCH_BAD_DATA,		/* some documents were bad */
	BATCH_READ_ERROR,	/* an input could not be read */
	BATCH_WRITE_ERROR,	/* the output could not be written (errno) */
};

struct batch_counts {
	size_t			scored;	/* rows written */
	size_t			bad;	/* documents refused */
	bool			stopped; /* ended before the end of the
					   input */
	struct scenario_counts	paths;	/* documents per way of reading */
};

/*
 * Scores every scenario of the inputs, in order, writing rows to out and
 * each problem to err as "file:line:col: error: document N: ...".
 */
enum batch_status	batch_run(const struct kb *kb,
			    const struct batch_input *in, size_t nin,
			    const struct batch_options *o, FILE *out,
			    FILE *err, struct batch_counts *counts);

/* The CSV header line (nothing for JSON lines); 0 or -1. */
int	batch_write_header(FILE *fp, const struct kb *kb,
	    enum batch_format f);
/* One row for a ranked scenario; name may be NULL. 0 or -1. */
int	batch_write_row(FILE *fp, const struct kb *kb, enum batch_format f,
	    const char *file, size_t index, const char *name,
	    const struct ranking *r);

#endif
