/*
 * batch_run: 'archadvisor batch' reads every scenario of its inputs, scores
 * it as soon as it is read and writes its row at once (batch_row.h), so
 * memory holds one scenario whatever the length of the input
 * (scenario_stream.h).
 *
 * Everything borrowed; the FILEs are written to, never closed.
 */
#ifndef ARCHADVISOR_BATCH_RUN_H
#define ARCHADVISOR_BATCH_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "batch_row.h"
#include "kb.h"
#include "scenario_stream.h"

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

#endif
