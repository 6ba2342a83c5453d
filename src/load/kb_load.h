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
#include "load_file.h"
#include "kb.h"
#include "yaml_tree.h"

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
#endif
