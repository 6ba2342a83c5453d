/*
 * record_embed: the answers a generated record (ADR, Markdown or HTML
 * handout) was scored on, carried in the record itself so that
 * `archadvisor report --answers RECORD` and `archadvisor review` can read
 * them back. The block is an HTML comment, which adr-tools, log4brains
 * and cmark-gfm leave alone:
 *
 *   <!-- archadvisor:answers
 *   # tool: archadvisor 0.1.0
 *   # knowledge_base: archadvisor stock knowledge base
 *   # knowledge_base_version: 1.0.0
 *   # date: 2026-12-06
 *   # review_by: 2027-12-06
 *   # recommendation: streaming centralized
 *   latency: 10m
 *   -->
 *
 * Between the markers is an answers file (answers_yaml.h) after comment
 * lines that name the tool, the knowledge base, the record's date, the
 * date by which to review it (a year later unless edited) and the
 * recommendation (pattern ids). So that nothing inside can end the
 * comment, '%' is written %25 and the second '-' of "--" is written %2D;
 * record_load.h undoes it.
 */
#ifndef ARCHADVISOR_RECORD_EMBED_H
#define ARCHADVISOR_RECORD_EMBED_H

#include <stdio.h>

#include "report.h"

#define RECORD_MARKER		"<!-- archadvisor:answers"
#define RECORD_REVIEW_DAYS	365	/* review_by: a year after the date */

/*
 * Writes the block for ctx's answers and ranking, starting on a line of
 * its own; the writers call it last. Returns 0, or -1 if writing failed.
 */
int	record_embed_write(FILE *fp, const struct report_ctx *ctx);

#endif
