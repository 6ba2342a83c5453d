/*
 * scenario_sink: where the scenario readers put what they read, as ncdu's
 * scanners feed one dir_output. A reader is handed one document's text and
 * the sink; it starts the document (sink_begin), looks its keys up, has
 * its values parsed, and gives each answer and the name to the sink. The
 * stream (scenario_stream.c) owns the sink, cuts the input into documents,
 * picks a reader for each and hands the sink's scenario to its caller; a
 * reader knows nothing of the stream, and the stream nothing of a format.
 *
 * The readers: scenario_yfast.c (the plain YAML tools write),
 * scenario_yevents.c (other YAML, through libyaml's events),
 * scenario_ytree.c (YAML into a tree, the reading that reports problems)
 * and scenario_jsonl.c (JSON lines, with scenario_json.c's syntax).
 *
 * Readers change the sink through the functions below only (they may
 * read its kb). Nothing outside src/load/scenario_*.c includes this header.
 */
#ifndef ARCHADVISOR_SCENARIO_SINK_H
#define ARCHADVISOR_SCENARIO_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "answers.h"
#include "scenario_stream.h"

/* Keys that are not questions. */
#define KEY_UNKNOWN	-1
#define KEY_NAME	-2
#define KEY_DESCRIPTION	-3
#define KEY_NOTES	-4	/* notes on the answers: checked, not kept */

struct keyslot {
	const char	*id;	/* NULL: empty slot */
	size_t		 len;
	int		 key;	/* question index, or KEY_NAME... */
};

/* A value already parsed for a question: the same text parses the same. */
#define VCACHE_SLOTS	1024
#define VCACHE_TEXT	24
struct vslot {
	int		q;		/* -1: empty */
	uint8_t		len;
	char		text[VCACHE_TEXT];
	struct value	v;
};

struct scenario_sink {
	const struct kb	*kb;
	struct answers	 ans;		/* the document's answers */
	struct value	*defaults;	/* each document starts here */
	uint32_t	 stamp;		/* this document's mark */
	uint32_t	*seen;		/* per question: the stamp of
					   the last document giving it */
	int		*seencol;	/* and where (a column) */
	int		 othercol[3];	/* where name, description and
					   notes were given, or 0 */
	char		*name;		/* the name, NUL-terminated */
	size_t		 namecap;
	bool		 has_name;
	char		*tmp;		/* scratch for decoded text */
	size_t		 tmpcap;
	struct keyslot	*keys;		/* open addressing */
	size_t		 keymask;
	struct vslot	*vcache;	/* direct-mapped */
	char		*vtext;		/* text for value_parse */
	size_t		 vtextcap;
};

/* A sink for answers to kb's questions (borrowed); sink_free frees it. */
void	sink_init(struct scenario_sink *sk, const struct kb *kb);
void	sink_free(struct scenario_sink *sk);

/* Starts a document: every answer its default, no name, no key seen. */
void	sink_begin(struct scenario_sink *sk);

/* The key id[0 .. len): a question index, KEY_NAME, ... or KEY_UNKNOWN. */
int	sink_key(const struct scenario_sink *sk, const char *id, size_t len);

/*
 * Parses s[0 .. len) as an answer to question q (value_parse, through a
 * cache of recent texts). Returns 0, or -1 if it does not parse, with why
 * in why[0 .. whysz) when why is not NULL.
 */
int	sink_parse(struct scenario_sink *sk, int q, const char *s,
	    size_t len, struct value *out, char *why, size_t whysz);

/* Keeps s[0 .. len) as the scenario's name. */
void	sink_name(struct scenario_sink *sk, const char *s, size_t len);

/* A scratch buffer of at least n bytes (reused; the sink owns it). */
char	*sink_tmp(struct scenario_sink *sk, size_t n);

/* The answers themselves, for a reader that fills a struct answers. */
struct answers	*sink_answers(struct scenario_sink *sk);

/* The document read: sc->v and sc->name (the sink's, until sink_begin). */
void	sink_scenario(const struct scenario_sink *sk, struct scenario *sc);

/* Question q (an index, not a KEY_...). */
static inline const struct question *
sink_question(const struct scenario_sink *sk, int q)
{
	return (&sk->kb->questions[q]);
}

/* Gives v as the answer to question q. */
static inline void
sink_answer(struct scenario_sink *sk, int q, struct value v)
{
	sk->ans.v[q] = v;
}

/*
 * Notes that key (a question or KEY_NAME, KEY_DESCRIPTION, KEY_NOTES) was
 * given at column col (> 0) in this document. Returns 0 the first time,
 * else the column where it was first given.
 */
static inline int
sink_mark(struct scenario_sink *sk, int key, int col)
{
	int	*at;

	if (key < 0)
		at = &sk->othercol[-key - 2];
	else {
		if (sk->seen[key] != sk->stamp) {
			sk->seen[key] = sk->stamp;
			sk->seencol[key] = 0;
		}
		at = &sk->seencol[key];
	}
	if (*at > 0)
		return (*at);
	*at = col;
	return (0);
}

/*
 * The readers. Each reads one document text[0 .. len) into the sink,
 * starting it with sink_begin.
 *
 * The fast path for YAML in the common plain form (scenario_yfast.c), and
 * libyaml's events for other YAML that is a mapping of known keys to
 * values that parse (scenario_yevents.c): 0, or -1 to give up (nothing
 * reported) for the next reader to read it again.
 */
int	scenario_yaml_fast(struct scenario_sink *sk, const char *text,
	    size_t len);
int	scenario_yaml_events(struct scenario_sink *sk, const char *text,
	    size_t len);

/*
 * YAML through libyaml into a tree, as an answers file is read
 * (scenario_ytree.c): the one true reading, whose problems go to d at
 * file:line:col of the whole input (the document starts at line `line`,
 * byte `byte`). Returns 0, or -1 after reporting.
 */
int	scenario_yaml_tree(struct scenario_sink *sk, const char *file,
	    const char *text, size_t len, int line, uint64_t byte,
	    struct diag *d);

/*
 * One JSON line (scenario_jsonl.c), line `line` of file. Returns 0, or -1
 * after adding every problem to d.
 */
int	scenario_json_line(struct scenario_sink *sk, const char *file,
	    const char *text, size_t len, int line, struct diag *d);

#endif
