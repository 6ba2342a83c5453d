/*
 * answers_load: answers files (YAML) -> struct answers. One document is one
 * scenario; a multi-document stream (--- between documents) is a batch.
 * Unknown keys and values that do not fit their question are errors at
 * file:line:col. An empty value, "~" or null means "don't know".
 */
#ifndef ARCHADVISOR_ANSWERS_LOAD_H
#define ARCHADVISOR_ANSWERS_LOAD_H

#include "answers.h"
#include "diag.h"
#include "kb.h"
#include "kb_load.h"
#include "record_load.h"
#include "yaml_tree.h"

/*
 * Fills a (already answers_init'ed) from one parsed document; keys it
 * names override what a holds. Returns 0, or -1 after adding every problem
 * to d.
 */
int	answers_from_doc(struct answers *a, const struct kb *kb,
	    const char *file, const struct yaml_doc *doc, struct diag *d);

/*
 * Loads a single-scenario answers file ("-" reads standard input) into a,
 * which is answers_init'ed here. A file with several documents is an error
 * that points at 'archadvisor batch'.
 */
enum load_status	answers_load_file(struct answers *a,
			    const struct kb *kb, const char *path,
			    struct diag *d);

/*
 * The same, and also the answers a record archadvisor wrote (an ADR, a
 * Markdown or HTML handout) carries, found by content (record_load.h):
 * meta says what its block says (meta->line is 0 for a plain answers
 * file). Errors keep their lines in the document.
 */
enum load_status	answers_load_record(struct answers *a,
			    const struct kb *kb, const char *path,
			    struct record_meta *meta, struct diag *d);

#endif
