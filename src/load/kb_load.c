/*
 * kb_load: YAML knowledge-base files -> struct kb.
 *
 * All files are parsed first; questions, patterns and settings are read from
 * every file before any rule, so a rule may refer to a question or pattern
 * defined in a later file. Each item is checked field by field; a problem is
 * reported where it is and the loader moves on to the next item. This file
 * holds the passes, the settings and the registry of ids; the items are
 * read in kb_questions.c and kb_rules.c.
 */
#include "kb_load.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "evidence_load.h"
#include "kb_load_int.h"
#include "load_file.h"
#include "stock_kb.h"
#include "xmalloc.h"
/*
 * Whether an item may take the id it declares. first is where an item of
 * that id was defined before, or NULL. A later file may replace an item of
 * an earlier one by saying 'replace: true'; any other clash is an error that
 * names both places. Returns 0 for a new id, 1 to replace the earlier item,
 * -1 if the item is to be dropped (the error is reported).
 */
static int
claim_id(struct loader *ld, const struct ynode *map, const char *what,
    const char *id, const struct srcloc *first)
{
	const struct ynode	*n;
	bool			 replace = false;

	if ((n = ynode_get(map, "replace")) != NULL) {
		if (n->type == YNODE_SCALAR && n->plain &&
		    (strcmp(n->str, "true") == 0 ||
		    strcmp(n->str, "false") == 0))
			replace = strcmp(n->str, "true") == 0;
		else {
			field_error(&ld->fc, n, "'replace' must be true or "
			    "false");
			return (-1);
		}
	}
	if (first == NULL) {
		if (!replace)
			return (0);
		field_error(&ld->fc, n, "'replace: true' but no earlier file "
		    "defines a %s '%s' to replace", what, id);
		return (-1);
	}
	if (replace && first->file != ld->fc.file) {
		ld->replaced = true;
		return (1);
	}
	if (first->file != ld->fc.file)
		field_error(&ld->fc, ynode_get(map, "id"), "duplicate %s id "
		    "'%s' (first defined at %s:%d:%d; to replace it, add "
		    "'replace: true')", what, id, first->file, first->line,
		    first->col);
	else
		field_error(&ld->fc, ynode_get(map, "id"), "duplicate %s id "
		    "'%s' (first defined at %s:%d:%d)", what, id, first->file,
		    first->line, first->col);
	return (-1);
}

static void
load_meta(struct loader *ld, const struct ynode *n)
{
	static const char *const keys[] = { "name", "version", "reviewed",
	    NULL };
	struct kb	*kb = ld->kb;

	if (n->type != YNODE_MAP) {
		field_error(&ld->fc, n, "'knowledge_base' must be a mapping "
		    "with name and version");
		return;
	}
	if (ld->seen_meta) {
		field_error(&ld->fc, n, "'knowledge_base' given twice (first "
		    "at %s:%d:%d)", ld->meta_loc.file, ld->meta_loc.line,
		    ld->meta_loc.col);
		return;
	}
	ld->seen_meta = true;
	ld->meta_loc = field_loc(&ld->fc, n);
	field_check_keys(&ld->fc, n, "knowledge_base", keys);
	kb->name = field_dup_text(&ld->fc, n, "name", "knowledge_base", true);
	kb->version = field_dup_text(&ld->fc, n, "version", "knowledge_base",
	    true);
	evidence_load_reviewed(&ld->fc, n, kb->reviewed, &kb->reviewed_loc);
}

static void
load_scoring(struct loader *ld, const struct ynode *n)
{
	static const char *const keys[] = { "scale",
	    "organization_threshold", "close_call", "organization_questions",
	    NULL };

	if (n->type != YNODE_MAP) {
		field_error(&ld->fc, n, "'scoring' must be a mapping");
		return;
	}
	if (ld->seen_scoring) {
		field_error(&ld->fc, n, "'scoring' given twice (first at "
		    "%s:%d:%d)", ld->scoring_loc.file, ld->scoring_loc.line,
		    ld->scoring_loc.col);
		return;
	}
	ld->seen_scoring = true;
	ld->scoring_loc = field_loc(&ld->fc, n);
	field_check_keys(&ld->fc, n, "scoring", keys);
	field_number(&ld->fc, n, "scale", 0.1, 100, &ld->kb->scale);
	field_number(&ld->fc, n, "organization_threshold", 0, 100,
	    &ld->kb->org_threshold);
	field_number(&ld->fc, n, "close_call", 0, 100, &ld->kb->close_call);
	if ((ld->org_questions = ynode_get(n, "organization_questions")) !=
	    NULL)
		ld->org_file = ld->fc.file;
	if (ld->kb->scale < 0.1)
		ld->kb->scale = KB_DEFAULT_SCALE;
}


static const char *const item_names[] = { "question", "pattern", "rule" };

/* Index of the item of that kind and id, or -1; *loc is where it was. */
static int
find_item(const struct kb *kb, enum item_kind k, const char *id,
    const struct srcloc **loc)
{
	int	i;

	switch (k) {
	case ITEM_QUESTION:
		if ((i = kb_question_index(kb, id)) >= 0)
			*loc = &kb->questions[i].loc;
		return (i);
	case ITEM_PATTERN:
		if ((i = kb_pattern_index(kb, id)) >= 0)
			*loc = &kb->patterns[i].loc;
		return (i);
	case ITEM_RULE:
		if ((i = kb_rule_index(kb, id)) >= 0)
			*loc = &kb->rules[i].loc;
		return (i);
	}
	return (-1);
}

/*
 * The start every question, pattern and rule shares: the item must be a
 * mapping of allowed keys, within the cap (n items so far, at most max).
 * *id is its id, or NULL when missing, invalid or clashing; *slot is the
 * index of the earlier item it replaces ('replace: true'), else -1.
 * Returns false if the item is to be skipped (the error is reported).
 */
bool
kb_begin_item(struct loader *ld, const struct ynode *item, enum item_kind k,
    const char *const *keys, size_t n, size_t max, const char **id,
    int *slot)
{
	const char		*what = item_names[k];
	const struct srcloc	*first = NULL;
	int			 other;

	*id = NULL;
	*slot = -1;
	if (item->type != YNODE_MAP) {
		field_error(&ld->fc, item, "a %s must be a mapping, not %s",
		    what, ynode_type_name(item->type));
		return (false);
	}
	if (n >= max) {
		if (!ld->capped)
			field_error(&ld->fc, item, "more than %zu %ss", max,
			    what);
		ld->capped = true;
		return (false);
	}
	field_check_keys(&ld->fc, item, what, keys);
	if ((*id = field_id(&ld->fc, item, what)) == NULL)
		return (true);
	other = find_item(ld->kb, k, *id, &first);
	switch (claim_id(ld, item, what, *id, first)) {
	case 1:
		*slot = other;
		break;
	case -1:
		*id = NULL;
		break;
	}
	return (true);
}

static void
load_list(struct loader *ld, const struct ynode *n, const char *key,
    void (*fn)(struct loader *, const struct ynode *))
{
	size_t	i;

	if (n->type != YNODE_SEQ) {
		field_error(&ld->fc, n, "'%s' must be a list, not %s", key,
		    ynode_type_name(n->type));
		return;
	}
	for (i = 0; i < n->n; i++)
		fn(ld, n->items[i]);
}

/* First pass over one file: everything but the rules. */
static void
load_declarations(struct loader *ld, const struct ynode *root)
{
	static const char *const keys[] = { "knowledge_base", "scoring",
	    "questions", "patterns", "rules", "implausible", "precedents",
	    NULL };
	const struct ynode	*n;

	field_check_keys(&ld->fc, root, "a knowledge-base file", keys);
	if ((n = ynode_get(root, "knowledge_base")) != NULL)
		load_meta(ld, n);
	if ((n = ynode_get(root, "scoring")) != NULL)
		load_scoring(ld, n);
	if ((n = ynode_get(root, "questions")) != NULL)
		load_list(ld, n, "questions", kb_load_question);
	if ((n = ynode_get(root, "patterns")) != NULL)
		load_list(ld, n, "patterns", kb_load_pattern);
}

/*
 * Parses one source into doc; returns its root, or NULL on error (with
 * doc left empty).
 */
static struct ynode *
parse_source(struct loader *ld, const struct kb_source *src,
    struct yaml_doc *out)
{
	struct yaml_stream	*ys;
	struct yaml_doc		 doc, extra;
	const unsigned char	*rec;
	size_t			 nrec;
	int			 rc;

	/* A stock file replays its events recorded at build time. */
	if ((rec = stock_kb_recording(src->data, src->len, &nrec)) != NULL)
		ys = yaml_stream_new_recorded(ld->fc.file, rec, nrec);
	else
		ys = yaml_stream_new(ld->fc.file, src->data, src->len);
	if (ys == NULL) {
		diag_add(ld->fc.d, DIAG_ERROR, ld->fc.file, 0, 0,
		    "cannot start the YAML parser");
		return (NULL);
	}
	rc = yaml_stream_next(ys, &doc, ld->fc.d);
	if (rc == 1 && yaml_stream_next(ys, &extra, ld->fc.d) == 1) {
		diag_add(ld->fc.d, DIAG_ERROR, ld->fc.file, extra.line,
		    extra.col, "a knowledge-base file holds one YAML document");
		yaml_doc_free(&extra);
		yaml_doc_free(&doc);
		rc = -1;
	}
	yaml_stream_free(ys);
	if (rc == 0 || (rc == 1 && doc.root == NULL)) {
		diag_add(ld->fc.d, DIAG_ERROR, ld->fc.file, 1, 1, "empty "
		    "knowledge-base file");
		if (rc == 1)
			yaml_doc_free(&doc);
		return (NULL);
	}
	if (rc < 0)
		return (NULL);
	if (doc.root->type != YNODE_MAP) {
		diag_add(ld->fc.d, DIAG_ERROR, ld->fc.file, doc.root->line,
		    doc.root->col, "a knowledge-base file must be a mapping "
		    "(knowledge_base, questions, patterns, rules), not %s",
		    ynode_type_name(doc.root->type));
		yaml_doc_free(&doc);
		return (NULL);
	}
	*out = doc;
	return (doc.root);
}

static void
free_docs(struct yaml_doc *docs, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		yaml_doc_free(&docs[i]);
	free(docs);
}

/* The number of nodes in the tree at n (depth is capped by yaml_tree). */
static size_t
count_nodes(const struct ynode *n)
{
	size_t	i, count = 1;

	for (i = 0; i < n->n; i++)
		count += count_nodes(n->items[i]);
	return (count);
}

enum load_status
kb_load_sources(const struct kb_source *src, size_t nsrc, struct kb **out,
    struct diag *d)
{
	struct loader	 ld;
	struct yaml_doc	*docs;	/* each file's tree; root NULL if unread */
	const struct ynode *n;
	size_t		 i, nerr = d->nerrors, bytes = 0, nodes = 0;
	bool		 too_big = false;

	*out = NULL;
	memset(&ld, 0, sizeof ld);
	ld.kb = kb_new();
	ld.fc.d = d;
	docs = xcalloc(nsrc + 1, sizeof *docs);
	for (i = 0; i < nsrc; i++) {
		strlist_push(&ld.kb->files, src[i].name);
		ld.fc.file = ld.kb->files.items[ld.kb->files.n - 1];
		/* Each file is capped; so are all of them together. */
		if ((bytes += src[i].len) > KB_MAX_BYTES) {
			diag_add(d, DIAG_ERROR, ld.fc.file, 0, 0, "the "
			    "knowledge base is larger than %d MiB in all",
			    KB_MAX_BYTES >> 20);
			too_big = true;
			break;
		}
		if (parse_source(&ld, &src[i], &docs[i]) == NULL)
			continue;
		if ((nodes += count_nodes(docs[i].root)) > KB_MAX_NODES) {
			diag_add(d, DIAG_ERROR, ld.fc.file, 0, 0, "the "
			    "knowledge base has more than %d items in all",
			    KB_MAX_NODES);
			too_big = true;
			break;
		}
		load_declarations(&ld, docs[i].root);
	}
	if (too_big) {
		free_docs(docs, nsrc);
		kb_free(ld.kb);
		return (LOAD_BAD_DATA);
	}
	for (i = 0; i < nsrc; i++) {
		ld.fc.file = ld.kb->files.items[i];
		if (docs[i].root == NULL)
			continue;
		kb_load_ask_ifs(&ld, docs[i].root);
		if ((n = ynode_get(docs[i].root, "rules")) != NULL)
			load_list(&ld, n, "rules", kb_load_rule);
		if ((n = ynode_get(docs[i].root, "implausible")) != NULL)
			load_list(&ld, n, "implausible", kb_load_implausible);
		if ((n = ynode_get(docs[i].root, "precedents")) != NULL)
			evidence_load_precedents(ld.kb, &ld.fc, n);
	}
	if (d->nerrors == nerr)
		kb_check_ask_if_cycles(&ld);
	kb_load_org_questions(&ld);
	if (ld.replaced)
		kb_prune_sections(ld.kb);
	free_docs(docs, nsrc);
	ld.fc.file = nsrc ? ld.kb->files.items[0] : NULL;
	if (d->nerrors == nerr) {
		if (!ld.seen_meta)
			diag_add(d, DIAG_ERROR, ld.fc.file, 0, 0, "no "
			    "'knowledge_base' (name and version) in any file");
		if (ld.kb->npatterns == 0)
			diag_add(d, DIAG_ERROR, ld.fc.file, 0, 0,
			    "the knowledge base defines no patterns");
	}
	if (d->nerrors != nerr) {
		kb_free(ld.kb);
		return (LOAD_BAD_DATA);
	}
	*out = ld.kb;
	return (LOAD_OK);
}

enum load_status
kb_load_path(const char *path, struct kb **out, struct diag *d)
{
	struct stat		 st;
	struct strlist		 names = { NULL, 0 };
	struct kb_source	*src;
	char			**bufs;
	enum load_status	 rc = LOAD_OK;
	size_t			 i;

	*out = NULL;
	if (stat(path, &st) != 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "%s", strerror(errno));
		return (errno == ENOENT ? LOAD_NOT_FOUND : LOAD_BAD_DATA);
	}
	if (S_ISDIR(st.st_mode)) {
		if (kb_list_yaml(path, &names, d) != 0)
			return (LOAD_BAD_DATA);
		if (names.n == 0) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "no *.yaml files "
			    "in this directory");
			return (LOAD_NOT_FOUND);
		}
		for (i = 0; i < names.n; i++) {
			char	*full;

			full = xasprintf("%s%s%s", path,
			    path[strlen(path) - 1] == '/' ? "" : "/",
			    names.items[i]);
			free(names.items[i]);
			names.items[i] = full;
		}
	} else
		strlist_push(&names, path);
	src = xcalloc(names.n, sizeof *src);
	bufs = xcalloc(names.n, sizeof *bufs);
	for (i = 0; i < names.n && rc == LOAD_OK; i++) {
		rc = load_file(names.items[i], &bufs[i], &src[i].len, d);
		src[i].name = names.items[i];
		src[i].data = bufs[i];
	}
	if (rc == LOAD_OK)
		rc = kb_load_sources(src, names.n, out, d);
	for (i = 0; i < names.n; i++)
		free(bufs[i]);
	free(bufs);
	free(src);
	strlist_free(&names);
	return (rc);
}

enum load_status
kb_load_stock(struct kb **out, struct diag *d)
{
	struct kb_source	*src;
	enum load_status	 rc;
	size_t			 i;

	src = xcalloc(stock_kb_nfiles, sizeof *src);
	for (i = 0; i < stock_kb_nfiles; i++) {
		src[i].name = stock_kb_files[i].name;
		src[i].data = stock_kb_files[i].data;
		src[i].len = stock_kb_files[i].len;
	}
	if ((rc = kb_load_sources(src, stock_kb_nfiles, out, d)) == LOAD_OK)
		(*out)->nbuiltin = stock_kb_nfiles;
	free(src);
	return (rc);
}
