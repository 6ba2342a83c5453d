/*
 * kb_layers: which files make up the knowledge base, and in what order.
 *
 * A PATH (a directory of *.yaml, one file, or "-" for standard input) is
 * either a complete knowledge base, when one of its files declares
 * 'knowledge_base:', or an extension. The base comes first: the first
 * complete PATH, else the stock knowledge base compiled into the program.
 * Then the user's files (rules.d, sorted by name), then every other PATH in
 * the order given. Later files add questions, patterns and rules, and may
 * replace an earlier item of the same id with 'replace: true' (kb_load.c).
 */
#ifndef ARCHADVISOR_KB_LAYERS_H
#define ARCHADVISOR_KB_LAYERS_H

#include <stddef.h>

#include "diag.h"
#include "kb.h"
#include "kb_load.h"

struct kb_layers {
	const char *const	*paths;		/* --rules PATHs (borrowed) */
	size_t			 npaths;
	const char		*user_dir;	/* rules.d, or NULL; read only
						   if it exists */
};

/*
 * Loads the merged knowledge base into *out (the caller's, kb_free);
 * (*out)->nbuiltin says how many of its files, from the first, are the
 * compiled-in stock ones (0 when a complete PATH replaced them). Problems
 * go to d; the status says which exit code fits.
 */
enum load_status	kb_load_layers(const struct kb_layers *l,
			    struct kb **out, struct diag *d);

#endif
