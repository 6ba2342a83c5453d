/*
 * scenario_int: the reader's state, shared by the modules that read each
 * format (scenario_stream.c: buffering and YAML documents, scenario_yfast.c:
 * the plain-YAML fast path, scenario_yevents.c: other YAML through libyaml's
 * events, scenario_jsonl.c: JSON lines). Nothing outside
 * src/load/scenario_*.c includes this header.
 */
#ifndef ARCHADVISOR_SCENARIO_INT_H
#define ARCHADVISOR_SCENARIO_INT_H

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

struct scenario_reader {
	const struct kb		*kb;
	char			*file;		/* the input's name in messages */
	int			 fd;
	enum scenario_format	 fmt;
	bool			 regular;	/* reads never wait */
	void			(*wait)(void *);
	void			*wait_arg;

	/* Input: buf[start .. end) is read and not yet used. */
	char			*buf;
	size_t			 cap, start, end;
	bool			 eof;
	int			 line;		/* line number of buf[start] */
	uint64_t		 byte;		/* input offset of buf[start] */
	size_t			 ndocs;		/* documents begun so far */
	bool			 after_end;	/* the last one ended with
						   "..." */
	/* A document past DOC_MAX is reported at once; the rest of it is
	   skipped at the next call, so --fail-fast stops on a stream that
	   never ends. */
	bool			 skipping;
	size_t			 skip_pos;	/* bytes of it not yet dropped */
	int			 skip_nl;	/* newlines among them */

	/* The scenario being read. */
	struct answers		 ans;		/* ans.v is what sc->v shows */
	struct value		*defaults;	/* each document starts here */
	uint32_t		 stamp;		/* this document's mark */
	uint32_t		*seen;		/* per question: the stamp of
						   the last document that set
						   it */
	int			*seencol;	/* and where (JSON column) */
	char			*name;		/* the name, NUL-terminated */
	size_t			 namecap;
	bool			 has_name;
	char			*tmp;		/* scratch for decoded text */
	size_t			 tmpcap;

	struct scenario_counts	 counts;	/* documents per path */

	struct keyslot		*keys;		/* open addressing */
	size_t			 keymask;
	struct vslot		*vcache;	/* direct-mapped */
	char			*vtext;		/* text for value_parse */
	size_t			 vtextcap;
};

/* A new mark for the document about to be read (for seen[]). */
uint32_t scenario_stamp(struct scenario_reader *sr);
/* The key id[0 .. len): a question index, KEY_NAME, ... or KEY_UNKNOWN. */
int	scenario_key(const struct scenario_reader *sr, const char *id,
	    size_t len);
/*
 * Parses s[0 .. len) as an answer to question q (value_parse, through a
 * cache of recent texts). Returns 0, or -1 if it does not parse (value_parse
 * says why).
 */
int	scenario_value(struct scenario_reader *sr, int q, const char *s,
	    size_t len, struct value *out);
/* Keeps s[0 .. len) as the scenario's name. */
void	scenario_set_name(struct scenario_reader *sr, const char *s,
	    size_t len);
/* A scratch buffer of at least n bytes (reused; the reader owns it). */
char	*scenario_tmp(struct scenario_reader *sr, size_t n);

/*
 * The fast path for one YAML document text[0 .. len) in the common plain
 * form (scenario_yfast.c). Fills sr->ans.v and the name and returns 0, or
 * returns -1 having possibly changed them: the document is then read again
 * by libyaml, which gives the one true result and the exact errors.
 */
int	scenario_yaml_fast(struct scenario_reader *sr, const char *text,
	    size_t len);

/*
 * The same for other documents that are a mapping of known keys to values
 * that parse, through libyaml's events (scenario_yevents.c); -1 for
 * anything else, for the tree to read again.
 */
int	scenario_yaml_events(struct scenario_reader *sr, const char *text,
	    size_t len);

/*
 * One JSON line text[0 .. len) (scenario_jsonl.c), at line `line` of the
 * input. Fills sr->ans.v and the name; returns 0, or -1 after adding every
 * problem to d.
 */
int	scenario_json_line(struct scenario_reader *sr, const char *text,
	    size_t len, int line, struct diag *d);

#endif
