/*
 * scenario_stream: scenarios read one at a time from a stream of any
 * length, for 'archadvisor batch'. Memory holds one document at a time
 * (at most YAML_TREE_MAX_FILE bytes of it), never the whole input.
 *
 * Two formats:
 *   YAML        a multi-document stream, documents separated by "---"
 *               (and ended by "..." if one likes), each an answers file
 *               (answers_load.h): what one document can say, the same
 *               errors at the same file:line:col
 *   JSON lines  one scenario object per line, {"latency": "10m",
 *               "domains": 12, "use_cases": ["iot"]}; blank lines are
 *               skipped. Errors name the line and the byte column.
 *
 * A bad document is reported and skipped: the next one is read as if the
 * bad one had not been there (a YAML syntax error ends at the next "---").
 *
 * The reader borrows the kb and the file descriptor; scenario_reader_free
 * closes nothing. What scenario_reader_next fills belongs to the reader and
 * is valid until the next call.
 */
#ifndef ARCHADVISOR_SCENARIO_STREAM_H
#define ARCHADVISOR_SCENARIO_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "kb.h"
#include "value.h"

enum scenario_format { SCENARIO_YAML, SCENARIO_JSONL };

/* What scenario_reader_next returns. */
enum scenario_status {
	SCENARIO_END = 0,	/* no more documents */
	SCENARIO_OK = 1,	/* one scenario read */
	SCENARIO_BAD = -1,	/* this document is bad (problems in the diag);
				   reading can go on */
	SCENARIO_IOERR = -2,	/* the input cannot be read (in the diag);
				   stop */
};

struct scenario {
	const struct value	*v;	/* kb->nquestions answers */
	const char		*name;	/* the scenario's name, or NULL */
	size_t			 index;	/* 1-based document number */
	int			 line;	/* line where the document starts */
};

struct scenario_reader;

/*
 * A reader of fd in format fmt; file names the input in messages ("-" or
 * a path).
 */
struct scenario_reader	*scenario_reader_new(const struct kb *kb,
			    const char *file, int fd, enum scenario_format fmt);
void			 scenario_reader_free(struct scenario_reader *sr);

/*
 * fn(arg) is called before every read that may block (the input is not a
 * regular file and no data is waiting), e.g. to flush the output so that
 * rows already scored reach a pipe's reader.
 */
void	scenario_reader_on_wait(struct scenario_reader *sr,
	    void (*fn)(void *), void *arg);

/*
 * Reads the next scenario into sc. On SCENARIO_BAD sc->index and sc->line
 * still say which document was bad.
 */
enum scenario_status	scenario_reader_next(struct scenario_reader *sr,
			    struct scenario *sc, struct diag *d);

/*
 * How many documents each way of reading took, so that tests can tell that
 * a fast path really ran (its fallbacks give the same answers, only
 * slower): YAML's plain form read directly (scenario_yfast.c), other YAML
 * through libyaml's events, YAML read into a tree (the one reading that
 * reports problems, so every bad YAML document ends there), and JSON
 * lines, good or bad.
 */
struct scenario_counts {
	size_t	yaml_fast, yaml_events, yaml_tree, jsonl;
};

/* Adds sr's counts so far to *c. */
void	scenario_reader_counts(const struct scenario_reader *sr,
	    struct scenario_counts *c);

/* The format a file name suggests: JSON lines for *.jsonl and *.ndjson. */
enum scenario_format	scenario_format_of(const char *path);

#endif
