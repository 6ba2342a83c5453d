/*
 * kb_load: builds a knowledge base from YAML files (the .yaml files of rules/), checking
 * everything a rule author can get wrong: unknown keys, wrong types,
 * duplicate ids, dangling references, conditions that do not type-check.
 * Every problem goes to the diag list as file:line:col, and loading goes on
 * to find the others; the kb is returned only when there was no error.
 */
#ifndef ARCHADVISOR_KB_LOAD_H
#define ARCHADVISOR_KB_LOAD_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "kb.h"
#include "yaml_tree.h"

/* Files and bytes of a knowledge base, all its layers together. */
#define KB_MAX_FILES	256
#define KB_MAX_BYTES	YAML_TREE_MAX_FILE

/* How a load ended, so the front end can pick the exit status. */
enum load_status {
	LOAD_OK = 0,
	LOAD_NOT_FOUND,		/* a file or directory does not exist or
				   cannot be read (a directory for a file) */
	LOAD_BAD_DATA,		/* it exists but is not a valid kb */
};

/* One YAML text to load: its name for messages and its bytes (borrowed). */
struct kb_source {
	const char	*name;
	const char	*data;
	size_t		 len;
};

enum load_status	kb_load_sources(const struct kb_source *src,
			    size_t nsrc, struct kb **out, struct diag *d);
/* Loads every *.yaml in a directory (sorted by name), or one file. */
enum load_status	kb_load_path(const char *path, struct kb **out,
			    struct diag *d);
/* The stock knowledge base compiled into the program. */
enum load_status	kb_load_stock(struct kb **out, struct diag *d);
/*
 * Fills out (empty) with the names of the *.yaml files of a directory,
 * sorted: names, not paths; dot files are skipped. -1 if it cannot be read.
 */
int			kb_list_yaml(const char *dir, struct strlist *out,
			    struct diag *d);

/*
 * Reads a whole file, or what remains of a stream, NUL-terminated, at most
 * YAML_TREE_MAX_FILE bytes; *buf belongs to the caller.
 */
enum load_status	load_file(const char *path, char **buf, size_t *len,
			    struct diag *d);
enum load_status	load_stream(FILE *fp, const char *name, char **buf,
			    size_t *len, struct diag *d);

#endif
