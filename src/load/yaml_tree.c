/*
 * yaml_tree: libyaml events folded into a tree, with the limits that make
 * untrusted YAML safe to read (depth, size, no aliases, duplicate keys).
 */
#include "yaml_tree.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "arena.h"
#include "xmalloc.h"

struct yaml_stream {
	yaml_parser_t	 parser;
	char		*file;
	const char	*buf;		/* the input, when given as a buffer */
	size_t		 len;
	int		 line0;		/* buf starts at this 0-based line */
	size_t		 byte0;		/* and byte of a larger input */
	const unsigned char *rec;	/* recorded events to replay instead
					   of parsing, or NULL */
	const unsigned char *rec_end;
	bool		 started;
	bool		 done;
	bool		 failed;
	size_t		 nodes;		/* in the current document */
};

static struct yaml_stream *
yaml_stream_alloc(const char *file)
{
	struct yaml_stream	*ys;

	ys = xcalloc(1, sizeof *ys);
	if (!yaml_parser_initialize(&ys->parser)) {
		free(ys);
		return (NULL);
	}
	ys->file = xstrdup(file);
	return (ys);
}

struct yaml_stream *
yaml_stream_new(const char *file, const char *buf, size_t len)
{
	struct yaml_stream	*ys;

	if ((ys = yaml_stream_alloc(file)) == NULL)
		return (NULL);
	yaml_parser_set_input_string(&ys->parser, (const unsigned char *)buf,
	    len);
	ys->buf = buf;
	ys->len = len;
	return (ys);
}

struct yaml_stream *
yaml_stream_new_file(const char *file, FILE *fp)
{
	struct yaml_stream	*ys;

	if ((ys = yaml_stream_alloc(file)) == NULL)
		return (NULL);
	yaml_parser_set_input_file(&ys->parser, fp);
	return (ys);
}

/*
 * libyaml counts lines and bytes from its parser's starting position, a
 * public field of the parser: starting there at the document's place in
 * the larger input makes every mark (and so every message) a place in it.
 */
void
yaml_stream_set_origin(struct yaml_stream *ys, int line, size_t byte)
{
	ys->line0 = line > 0 ? line - 1 : 0;
	ys->byte0 = byte;
	ys->parser.mark.line = (size_t)ys->line0;
	ys->parser.offset = byte;
}

struct yaml_stream *
yaml_stream_new_recorded(const char *file, const unsigned char *rec,
    size_t len)
{
	struct yaml_stream	*ys;

	ys = xcalloc(1, sizeof *ys);
	ys->file = xstrdup(file);
	ys->rec = rec;
	ys->rec_end = rec + len;
	return (ys);
}

void
yaml_stream_free(struct yaml_stream *ys)
{
	if (ys == NULL)
		return;
	if (ys->rec == NULL)
		yaml_parser_delete(&ys->parser);
	free(ys->file);
	free(ys);
}

void
yaml_doc_free(struct yaml_doc *doc)
{
	arena_free(doc->arena);
	doc->arena = NULL;
	doc->root = NULL;
}

const char *
ynode_type_name(enum ynode_type t)
{
	switch (t) {
	case YNODE_SCALAR:
		return ("a scalar");
	case YNODE_SEQ:
		return ("a list");
	case YNODE_MAP:
		return ("a mapping");
	}
	return ("?");
}

struct ynode *
ynode_get(const struct ynode *map, const char *key)
{
	size_t	i;

	if (map == NULL || map->type != YNODE_MAP)
		return (NULL);
	/* The first byte rules out most keys without a call: start-up reads
	   every field of hundreds of cases this way. */
	for (i = 0; i + 1 < map->n; i += 2)
		if (map->items[i]->str[0] == key[0] &&
		    strcmp(map->items[i]->str, key) == 0)
			return (map->items[i + 1]);
	return (NULL);
}

/*
 * Appends child. The array doubles whenever n reaches a power of two, so
 * a list of 200000 items costs 18 copies, not 200000; the arrays it leaves
 * behind, half the size of the last in all, go with the arena.
 */
static void
ynode_push(struct arena *a, struct ynode *parent, struct ynode *child)
{
	struct ynode	**items;
	size_t		  n = parent->n;

	if ((n & (n - 1)) == 0) {
		items = arena_alloc(a, (n ? 2 * n : 1) * sizeof *items);
		if (n > 0)
			memcpy(items, parent->items, n * sizeof *items);
		parent->items = items;
	}
	parent->items[parent->n++] = child;
}

static int
key_cmp(const void *a, const void *b)
{
	const struct ynode	*ka = *(struct ynode * const *)a;
	const struct ynode	*kb = *(struct ynode * const *)b;
	int			 c;

	if ((c = strcmp(ka->str, kb->str)) != 0)
		return (c);
	if (ka->line != kb->line)
		return (ka->line - kb->line);
	return (ka->col - kb->col);
}

#define DUP_PAIRWISE_MAX	16

static int
report_duplicate_key(struct yaml_stream *ys, const struct ynode *second,
    const struct ynode *first, struct diag *d)
{
	diag_add(d, DIAG_ERROR, ys->file, second->line, second->col,
	    "duplicate key '%s' (first at line %d)", second->str,
	    first->line);
	return (-1);
}

/*
 * The same repeat the sort below reports: of the keys that appear twice,
 * the one first in byte order, at its second place.
 */
static int
check_duplicate_keys_pairwise(struct yaml_stream *ys,
    const struct ynode *map, struct diag *d)
{
	const struct ynode	*first = NULL, *second = NULL;
	size_t			 i, j;

	for (j = 2; j + 1 < map->n; j += 2) {
		if (second != NULL &&
		    strcmp(map->items[j]->str, second->str) >= 0)
			continue;
		for (i = 0; i < j; i += 2)
			if (strcmp(map->items[i]->str,
			    map->items[j]->str) == 0) {
				first = map->items[i];
				second = map->items[j];
				break;
			}
	}
	return (second != NULL ? report_duplicate_key(ys, second, first, d) :
	    0);
}

/* Reports a key that appears twice in one mapping (at its second place). */
static int
check_duplicate_keys(struct yaml_stream *ys, const struct ynode *map,
    struct diag *d)
{
	struct ynode	**keys;
	size_t		  i, nkeys = map->n / 2;
	int		  rc = 0;

	if (nkeys < 2)
		return (0);
	/* Most mappings are small: comparing every pair is cheaper there
	   than allocating and sorting, and finds the same first repeat. */
	if (nkeys <= DUP_PAIRWISE_MAX)
		return (check_duplicate_keys_pairwise(ys, map, d));
	keys = xreallocarray(NULL, nkeys, sizeof *keys);
	for (i = 0; i < nkeys; i++)
		keys[i] = map->items[2 * i];
	qsort(keys, nkeys, sizeof *keys, key_cmp);
	for (i = 1; i < nkeys; i++) {
		if (strcmp(keys[i - 1]->str, keys[i]->str) == 0) {
			rc = report_duplicate_key(ys, keys[i], keys[i - 1], d);
			break;
		}
	}
	free(keys);
	return (rc);
}

static struct ynode *
ynode_new(struct arena *a, enum ynode_type type, const yaml_mark_t *mark)
{
	struct ynode	*n;

	n = arena_alloc(a, sizeof *n);
	memset(n, 0, sizeof *n);
	n->type = type;
	n->line = (int)mark->line + 1;
	n->col = (int)mark->column + 1;
	return (n);
}

/* A scalar node and its text together (thousands per kb). */
static struct ynode *
scalar_new(struct arena *a, const yaml_mark_t *mark, const char *text,
    size_t len)
{
	struct ynode	*n;

	n = arena_alloc(a, sizeof *n + len + 1);
	memset(n, 0, sizeof *n);
	n->type = YNODE_SCALAR;
	n->line = (int)mark->line + 1;
	n->col = (int)mark->column + 1;
	n->str = (char *)(n + 1);
	memcpy(n->str, text, len);
	n->str[len] = '\0';
	return (n);
}

static int
parser_error(struct yaml_stream *ys, struct diag *d)
{
	const yaml_parser_t	*p = &ys->parser;
	const yaml_mark_t	*m = &p->problem_mark;
	const char		*what;

	what = p->problem ? p->problem : "malformed YAML";
	if (p->error == YAML_READER_ERROR) {
		/* The reader gives a byte offset: find its line if we can. */
		int	line = 0, col = 0;
		size_t	i;

		if (ys->buf != NULL && p->problem_offset >= ys->byte0 &&
		    p->problem_offset - ys->byte0 <= ys->len) {
			line = ys->line0 + 1;
			col = 1;
			for (i = 0; i < p->problem_offset - ys->byte0; i++,
			    col++)
				if (ys->buf[i] == '\n') {
					line++;
					col = 0;
				}
		}
		diag_add(d, DIAG_ERROR, ys->file, line, col,
		    "not valid text: %s (byte %zu)", what, p->problem_offset);
	} else if (p->context != NULL) {
		diag_add(d, DIAG_ERROR, ys->file, (int)m->line + 1,
		    (int)m->column + 1, "%s %s", what, p->context);
	} else {
		diag_add(d, DIAG_ERROR, ys->file, (int)m->line + 1,
		    (int)m->column + 1, "%s", what);
	}
	return (-1);
}

/* A variable-length unsigned number of the recording (7 bits a byte). */
static int
rec_num(struct yaml_stream *ys, size_t *out)
{
	unsigned	shift = 0;
	size_t		v = 0;

	do {
		if (ys->rec == ys->rec_end || shift > 56)
			return (-1);
		v |= (size_t)(*ys->rec & 0x7f) << shift;
		shift += 7;
	} while (*ys->rec++ & 0x80);
	*out = v;
	return (0);
}

/*
 * The next recorded event (format in yaml_tree.h). Texts point into the
 * recording, which outlives the stream; nothing is allocated.
 */
static int
replay(struct yaml_stream *ys, yaml_event_t *ev)
{
	size_t	line, col, n;

	memset(ev, 0, sizeof *ev);
	if (ys->rec == ys->rec_end || rec_num(ys, &n) != 0 ||
	    rec_num(ys, &line) != 0 || rec_num(ys, &col) != 0)
		return (0);
	ev->type = (yaml_event_type_t)n;
	ev->start_mark.line = ev->end_mark.line = line;
	ev->start_mark.column = ev->end_mark.column = col;
	if (ev->type == YAML_SCALAR_EVENT) {
		if (rec_num(ys, &n) != 0)
			return (0);
		ev->data.scalar.style = (yaml_scalar_style_t)n;
		if (rec_num(ys, &n) != 0 || (size_t)(ys->rec_end - ys->rec) <=
		    n)
			return (0);
		/* libyaml's type is not const; nothing writes through it. */
		ev->data.scalar.value = (yaml_char_t *)(uintptr_t)ys->rec;
		ev->data.scalar.length = n;
		ys->rec += n + 1;	/* and its NUL */
	} else if (ev->type == YAML_ALIAS_EVENT) {
		if (rec_num(ys, &n) != 0 || (size_t)(ys->rec_end - ys->rec) <=
		    n)
			return (0);
		ev->data.alias.anchor = (yaml_char_t *)(uintptr_t)ys->rec;
		ys->rec += n + 1;
	}
	return (1);
}

/* The next event, parsed or replayed; 0 on error, as libyaml says. */
static int
next_event(struct yaml_stream *ys, yaml_event_t *ev)
{
	if (ys->rec != NULL)
		return (replay(ys, ev));
	return (yaml_parser_parse(&ys->parser, ev));
}

static void
drop_event(struct yaml_stream *ys, yaml_event_t *ev)
{
	if (ys->rec == NULL)
		yaml_event_delete(ev);
}

/*
 * Adds node to the innermost open container, or makes it the root. Keys of
 * a mapping must be scalars: a structured key is refused here.
 */
static int
attach(struct yaml_stream *ys, struct arena *a, struct ynode **stack,
    size_t depth, struct ynode **root, struct ynode *node, struct diag *d)
{
	struct ynode	*top;

	if (depth == 0) {
		*root = node;
		return (0);
	}
	top = stack[depth - 1];
	if (top->type == YNODE_MAP && top->n % 2 == 0 &&
	    node->type != YNODE_SCALAR) {
		diag_add(d, DIAG_ERROR, ys->file, node->line, node->col,
		    "mapping keys must be plain text, not %s",
		    ynode_type_name(node->type));
		return (-1);
	}
	ynode_push(a, top, node);
	return (0);
}

/* Reads the events of one document, after its DOCUMENT-START. */
static int
read_document(struct yaml_stream *ys, struct yaml_doc *doc, struct diag *d)
{
	struct ynode	*stack[YAML_TREE_MAX_DEPTH + 1];
	struct ynode	*node, *root = NULL;
	struct arena	*arena = arena_new();
	size_t		 depth = 0;
	yaml_event_t	 ev;
	bool		 end = false;

	while (!end) {
		if (!next_event(ys, &ev)) {
			parser_error(ys, d);
			goto out;
		}
		node = NULL;
		switch (ev.type) {
		case YAML_SCALAR_EVENT:
			if (ev.data.scalar.length > YAML_TREE_MAX_SCALAR) {
				diag_add(d, DIAG_ERROR, ys->file,
				    (int)ev.start_mark.line + 1,
				    (int)ev.start_mark.column + 1,
				    "text longer than %d bytes",
				    YAML_TREE_MAX_SCALAR);
				goto fail;
			}
			/*
			 * A "\0" escape would cut the text short where C
			 * reads it, and two different keys could compare
			 * equal: refuse it.
			 */
			if (memchr(ev.data.scalar.value, '\0',
			    ev.data.scalar.length) != NULL) {
				diag_add(d, DIAG_ERROR, ys->file,
				    (int)ev.start_mark.line + 1,
				    (int)ev.start_mark.column + 1,
				    "text contains a NUL character");
				goto fail;
			}
			node = scalar_new(arena, &ev.start_mark,
			    (const char *)ev.data.scalar.value,
			    ev.data.scalar.length);
			node->plain = ev.data.scalar.style ==
			    YAML_PLAIN_SCALAR_STYLE;
			node->quoted = ev.data.scalar.style ==
			    YAML_SINGLE_QUOTED_SCALAR_STYLE ||
			    ev.data.scalar.style ==
			    YAML_DOUBLE_QUOTED_SCALAR_STYLE;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth == YAML_TREE_MAX_DEPTH) {
				diag_add(d, DIAG_ERROR, ys->file,
				    (int)ev.start_mark.line + 1,
				    (int)ev.start_mark.column + 1,
				    "nested deeper than %d levels",
				    YAML_TREE_MAX_DEPTH);
				goto fail;
			}
			node = ynode_new(arena,
			    ev.type == YAML_SEQUENCE_START_EVENT ?
			    YNODE_SEQ : YNODE_MAP, &ev.start_mark);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			if (stack[depth]->type == YNODE_MAP &&
			    check_duplicate_keys(ys, stack[depth], d) != 0)
				goto fail;
			break;
		case YAML_ALIAS_EVENT:
			diag_add(d, DIAG_ERROR, ys->file,
			    (int)ev.start_mark.line + 1,
			    (int)ev.start_mark.column + 1,
			    "aliases (*%s) are not supported",
			    (const char *)ev.data.alias.anchor);
			goto fail;
		case YAML_DOCUMENT_END_EVENT:
			end = true;
			break;
		default:
			break;
		}
		if (node != NULL) {
			if (++ys->nodes > YAML_TREE_MAX_NODES) {
				diag_add(d, DIAG_ERROR, ys->file, node->line,
				    node->col, "more than %d items in one "
				    "document", YAML_TREE_MAX_NODES);
				goto fail;
			}
			if (attach(ys, arena, stack, depth, &root, node, d) != 0)
				goto fail;
			if (node->type != YNODE_SCALAR)
				stack[depth++] = node;
		}
		drop_event(ys, &ev);
	}
	/* "---" and nothing else: libyaml gives an empty plain scalar. */
	if (root != NULL && root->type == YNODE_SCALAR && root->plain &&
	    root->str[0] == '\0')
		root = NULL;
	doc->root = root;
	doc->arena = arena;
	return (0);
fail:
	drop_event(ys, &ev);
out:
	arena_free(arena);
	return (-1);
}

int
yaml_stream_next(struct yaml_stream *ys, struct yaml_doc *doc, struct diag *d)
{
	yaml_event_t	ev;

	doc->root = NULL;
	doc->arena = NULL;
	doc->line = doc->col = 0;
	if (ys->done || ys->failed)
		return (ys->failed ? -1 : 0);
	for (;;) {
		if (!next_event(ys, &ev)) {
			ys->failed = true;
			return (parser_error(ys, d));
		}
		if (ev.type == YAML_STREAM_END_EVENT) {
			drop_event(ys, &ev);
			ys->done = true;
			return (0);
		}
		if (ev.type == YAML_DOCUMENT_START_EVENT) {
			doc->line = (int)ev.start_mark.line + 1;
			doc->col = (int)ev.start_mark.column + 1;
			drop_event(ys, &ev);
			break;
		}
		drop_event(ys, &ev);	/* STREAM-START */
	}
	ys->nodes = 0;
	if (read_document(ys, doc, d) != 0) {
		ys->failed = true;
		return (-1);
	}
	return (1);
}
