/*
 * yaml_tree: a YAML document read by libyaml's event API into a small tree
 * of scalars, sequences and mappings, each node with its 1-based line and
 * column. The loaders walk this tree instead of the event stream, which keeps
 * their code about the knowledge, not about parser states.
 *
 * Untrusted input is bounded: nesting depth, node count and scalar length
 * are capped, aliases are refused (no "billion laughs"), and text must be
 * UTF-8 without NUL characters. A document that is only "---" is empty. A
 * document's nodes and strings live in one arena; yaml_doc_free releases
 * them all.
 */
#ifndef ARCHADVISOR_YAML_TREE_H
#define ARCHADVISOR_YAML_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

#define YAML_TREE_MAX_DEPTH	32
#define YAML_TREE_MAX_NODES	200000
#define YAML_TREE_MAX_SCALAR	65536
#define YAML_TREE_MAX_FILE	(16 * 1024 * 1024)

enum ynode_type { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

struct ynode {
	enum ynode_type	  type;
	int		  line, col;	/* 1-based */
	char		 *str;		/* scalar text */
	bool		  plain;	/* scalar was unquoted */
	bool		  quoted;	/* scalar was '...' or "..." */
	struct ynode	**items;	/* seq items; map keys and values
					   alternate: k0, v0, k1, v1 ... */
	size_t		  n;		/* number of items (2x pairs in a map) */
};

struct yaml_doc {
	struct ynode	*root;		/* NULL for an empty document */
	int		 line, col;	/* where the document starts */
	struct arena	*arena;		/* holds every node and string */
};

struct yaml_stream;

/*
 * Opens a stream over a buffer (borrowed; must outlive the stream) named
 * file in messages. Documents are read one at a time with yaml_stream_next.
 */
struct yaml_stream	*yaml_stream_new(const char *file, const char *buf,
			    size_t len);
/*
 * Says that a buffer stream's text is part of a larger input, starting at
 * its 1-based line and at byte offset byte: every place reported is then a
 * place in that input (a document cut from a long stream). Call before the
 * first yaml_stream_next.
 */
void			 yaml_stream_set_origin(struct yaml_stream *ys,
			    int line, size_t byte);
/*
 * Opens a stream that replays recorded events (borrowed; must outlive the
 * stream) instead of parsing: the same documents, with the same places, as
 * parsing the text they were recorded from, without scanning YAML. Used for
 * the stock knowledge base, recorded at build time by src/yaml_record.c.
 * The recording is, for each libyaml event in order, numbers written 7 bits
 * a byte (low first, high bit set on all but the last byte): the event
 * type, the 0-based line and column where it starts; then for a scalar its
 * style, its length and its bytes followed by a NUL; for an alias the
 * anchor's length, bytes and a NUL. It ends with the stream-end event.
 */
struct yaml_stream	*yaml_stream_new_recorded(const char *file,
			    const unsigned char *rec, size_t len);
/* Opens a stream over a FILE (borrowed), read incrementally. */
struct yaml_stream	*yaml_stream_new_file(const char *file, FILE *fp);
void			 yaml_stream_free(struct yaml_stream *ys);

/*
 * Reads the next document into doc. Returns 1 when a document was read,
 * 0 at the end of the stream, -1 on error (added to d; the stream is then
 * unusable). Free each document with yaml_doc_free.
 */
int	yaml_stream_next(struct yaml_stream *ys, struct yaml_doc *doc,
	    struct diag *d);
void	yaml_doc_free(struct yaml_doc *doc);

/* Value of key in a mapping node, or NULL. */
struct ynode	*ynode_get(const struct ynode *map, const char *key);
const char	*ynode_type_name(enum ynode_type t);

#endif
