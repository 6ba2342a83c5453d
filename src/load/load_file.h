/*
 * load_file: the bytes of the files the loaders read (knowledge bases,
 * answers), with the caps of yaml_tree.h, and the YAML files of a
 * directory.
 */
#ifndef ARCHADVISOR_LOAD_FILE_H
#define ARCHADVISOR_LOAD_FILE_H

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
