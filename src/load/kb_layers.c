/*
 * kb_layers: puts the stock knowledge base (or a complete one given by
 * path), the user's rules.d and the extensions given by path in order, and
 * loads them as one knowledge base with kb_load_sources. Whether a PATH is
 * complete is decided by a first, silent parse of its files; the real
 * parse, with its messages, is kb_load_sources's.
 */
#include "kb_layers.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kb_load.h"
#include "stock_kb.h"
#include "xmalloc.h"
#include "yaml_tree.h"

/* One file read into memory. */
struct lfile {
	char	*name;
	char	*buf;
	size_t	 len;
};

/* The files of one PATH, in the order they load. */
struct lpath {
	struct lfile	*files;
	size_t		 n;
	bool		 complete;	/* some file declares knowledge_base */
};

static void
lpath_add(struct lpath *p, const char *name, char *buf, size_t len)
{
	p->files = xreallocarray(p->files, p->n + 1, sizeof *p->files);
	p->files[p->n].name = xstrdup(name);
	p->files[p->n].buf = buf;
	p->files[p->n].len = len;
	p->n++;
}

static void
lpath_free(struct lpath *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		free(p->files[i].name);
		free(p->files[i].buf);
	}
	free(p->files);
	p->files = NULL;
	p->n = 0;
}

/* Whether a file's top-level mapping has a knowledge_base key. */
static bool
declares_kb(const struct lfile *f)
{
	struct yaml_stream	*ys;
	struct yaml_doc		 doc;
	struct diag		 scratch;
	bool			 yes = false;

	if ((ys = yaml_stream_new(f->name, f->buf, f->len)) == NULL)
		return (false);
	diag_init(&scratch);
	if (yaml_stream_next(ys, &doc, &scratch) == 1) {
		yes = doc.root != NULL && doc.root->type == YNODE_MAP &&
		    ynode_get(doc.root, "knowledge_base") != NULL;
		yaml_doc_free(&doc);
	}
	yaml_stream_free(ys);
	diag_free(&scratch);
	return (yes);
}

/* Reads the *.yaml files of directory dir, sorted by name, into p. */
static enum load_status
read_dir(const char *dir, struct lpath *p, struct diag *d)
{
	struct strlist		 names = { NULL, 0 };
	enum load_status	 rc = LOAD_OK;
	char			*full, *buf;
	size_t			 i, len;

	if (kb_list_yaml(dir, &names, d) != 0)
		return (LOAD_BAD_DATA);
	for (i = 0; i < names.n && rc == LOAD_OK; i++) {
		full = xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ?
		    "" : "/", names.items[i]);
		if ((rc = load_file(full, &buf, &len, d)) == LOAD_OK)
			lpath_add(p, full, buf, len);
		free(full);
	}
	strlist_free(&names);
	return (rc);
}

/* Reads one PATH: standard input, a file or a directory. */
static enum load_status
read_path(const char *path, struct lpath *p, struct diag *d)
{
	struct stat		 st;
	enum load_status	 rc;
	char			*buf;
	size_t			 len, i;

	if (strcmp(path, "-") == 0) {
		if ((rc = load_stream(stdin, "<stdin>", &buf, &len, d)) ==
		    LOAD_OK)
			lpath_add(p, "<stdin>", buf, len);
	} else if (stat(path, &st) != 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "%s", strerror(errno));
		return (errno == ENOENT ? LOAD_NOT_FOUND : LOAD_BAD_DATA);
	} else if (S_ISDIR(st.st_mode)) {
		if ((rc = read_dir(path, p, d)) == LOAD_OK && p->n == 0) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "no *.yaml files "
			    "in this directory");
			rc = LOAD_NOT_FOUND;
		}
	} else if ((rc = load_file(path, &buf, &len, d)) == LOAD_OK)
		lpath_add(p, path, buf, len);
	for (i = 0; i < p->n; i++)
		if (declares_kb(&p->files[i]))
			p->complete = true;
	return (rc);
}

/* The user's directory counts only if it exists; it may be empty. */
static enum load_status
read_user_dir(const char *dir, struct lpath *p, struct diag *d)
{
	struct stat	st;

	if (dir == NULL || dir[0] == '\0')
		return (LOAD_OK);
	if (stat(dir, &st) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return (LOAD_OK);
		diag_add(d, DIAG_ERROR, dir, 0, 0, "%s", strerror(errno));
		return (LOAD_BAD_DATA);
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_add(d, DIAG_ERROR, dir, 0, 0, "not a directory");
		return (LOAD_BAD_DATA);
	}
	return (read_dir(dir, p, d));
}

/*
 * The caps on a knowledge base hold for all its layers together, however
 * many --rules there are: KB_MAX_FILES files and KB_MAX_BYTES bytes.
 */
static enum load_status
within_caps(const struct lpath *lp, size_t n, const struct lpath *user,
    struct diag *d)
{
	size_t	i, j, files = user != NULL ? user->n : 0, bytes = 0;

	for (j = 0; user != NULL && j < user->n; j++)
		bytes += user->files[j].len;
	for (i = 0; i < n; i++) {
		files += lp[i].n;
		for (j = 0; j < lp[i].n; j++)
			bytes += lp[i].files[j].len;
	}
	if (files > KB_MAX_FILES) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "the knowledge base has "
		    "more than %d files in all its layers", KB_MAX_FILES);
		return (LOAD_BAD_DATA);
	}
	if (bytes > KB_MAX_BYTES) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "the knowledge base has "
		    "more than %d MiB in all its layers", KB_MAX_BYTES >> 20);
		return (LOAD_BAD_DATA);
	}
	return (LOAD_OK);
}

static void
add_sources(struct kb_source *src, size_t *n, const struct lpath *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		src[*n].name = p->files[i].name;
		src[*n].data = p->files[i].buf;
		src[*n].len = p->files[i].len;
		(*n)++;
	}
}

enum load_status
kb_load_layers(const struct kb_layers *l, struct kb **out, struct diag *d)
{
	struct lpath		*lp, user;
	struct kb_source	*src = NULL;
	enum load_status	 rc = LOAD_OK;
	size_t			 i, n, total;
	int			 base = -1;

	*out = NULL;
	memset(&user, 0, sizeof user);
	lp = xcalloc(l->npaths + 1, sizeof *lp);
	for (i = 0; i < l->npaths && rc == LOAD_OK; i++) {
		rc = read_path(l->paths[i], &lp[i], d);
		if (rc == LOAD_OK && lp[i].complete && base < 0)
			base = (int)i;
		if (rc == LOAD_OK)
			rc = within_caps(lp, i + 1, NULL, d);
	}
	if (rc == LOAD_OK)
		rc = read_user_dir(l->user_dir, &user, d);
	if (rc == LOAD_OK)
		rc = within_caps(lp, l->npaths, &user, d);
	if (rc != LOAD_OK)
		goto out;

	total = (base < 0 ? stock_kb_nfiles : 0) + user.n;
	for (i = 0; i < l->npaths; i++)
		total += lp[i].n;
	src = xcalloc(total + 1, sizeof *src);
	n = 0;
	if (base < 0) {
		for (i = 0; i < stock_kb_nfiles; i++) {
			src[n].name = stock_kb_files[i].name;
			src[n].data = stock_kb_files[i].data;
			src[n].len = stock_kb_files[i].len;
			n++;
		}
	} else
		add_sources(src, &n, &lp[base]);
	add_sources(src, &n, &user);
	for (i = 0; i < l->npaths; i++)
		if ((int)i != base)
			add_sources(src, &n, &lp[i]);
	if ((rc = kb_load_sources(src, n, out, d)) == LOAD_OK && base < 0)
		(*out)->nbuiltin = stock_kb_nfiles;
out:
	for (i = 0; i < l->npaths; i++)
		lpath_free(&lp[i]);
	lpath_free(&user);
	free(lp);
	free(src);
	return (rc);
}
