/*
 * evidence_load: the parts of a knowledge base that are evidence rather
 * than rules: precedents (public case studies, `precedents:`), review dates
 * (`reviewed: YYYY-MM-DD` on the knowledge base, a pattern or a precedent)
 * and tool entries that may be deprecated. Called by kb_load; problems go
 * to the field context's diag list as file:line:col like every other load error.
 */
#ifndef ARCHADVISOR_EVIDENCE_LOAD_H
#define ARCHADVISOR_EVIDENCE_LOAD_H

#include "kb.h"
#include "yaml_fields.h"
#include "yaml_tree.h"

/*
 * Loads the precedents in list (the value of a file's `precedents:` key)
 * into kb. Every question and pattern must already be loaded: a situation
 * is checked exactly like an answers file.
 */
void	evidence_load_precedents(struct kb *kb, const struct field_ctx *fc,
	    const struct ynode *list);

/*
 * Reads the optional `reviewed:` of map into out (11 bytes) and *loc.
 * Returns 0 if absent or a valid date, -1 after reporting.
 */
int	evidence_load_reviewed(const struct field_ctx *fc,
	    const struct ynode *map, char *out, struct srcloc *loc);

/*
 * Reads a pattern's `tools:` list: each item is a name, or a mapping
 * {name: ..., deprecated: reason}. Fills p->tools and p->tool_deprecated
 * (the reason, or ""). Returns 0, or -1 after reporting.
 */
int	evidence_load_tools(const struct field_ctx *fc,
	    const struct ynode *map, struct pattern *p);

#endif
