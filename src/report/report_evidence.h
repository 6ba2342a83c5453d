/*
 * report_evidence: precedents (public case studies) and the knowledge
 * base's review date, as text and JSON: the `precedents` command, the
 * three nearest cases in the text and JSON reports, and the agreement of
 * the engine with every case. Precedents never change a score; these
 * writers only show them beside one.
 */
#ifndef ARCHADVISOR_REPORT_EVIDENCE_H
#define ARCHADVISOR_REPORT_EVIDENCE_H

#include <jansson.h>
#include <stdio.h>

#include "kb.h"
#include "precedent.h"
#include "report.h"

/* How many precedents a report shows. */
#define REPORT_PRECEDENTS	ADVICE_NPRECEDENTS

/* One precedent as a JSON object; m may be NULL (no comparison). */
json_t	*json_precedent(const struct kb *kb, size_t p,
	    const struct precedent_match *m);

/*
 * The report sections: the REPORT_PRECEDENTS nearest cases and the review
 * date. The JSON one adds "precedents" to root and "reviewed" to its
 * "knowledge_base".
 */
void	report_evidence_text(FILE *fp, const struct report_ctx *ctx);
void	report_evidence_json(json_t *root, const struct report_ctx *ctx);

/*
 * The `precedents` command: the nearest cases of ctx->advice (every case,
 * in knowledge-base order, when nothing is answered). Return 0, or
 * -1 if writing failed.
 */
int	report_precedents_text(FILE *fp, const struct report_ctx *ctx);
int	report_precedents_json(FILE *fp, const struct report_ctx *ctx);

/* `precedents --agreement`: ctx->agreement, every case run through the
 * engine. */
int	report_agreement_text(FILE *fp, const struct report_ctx *ctx);
int	report_agreement_json(FILE *fp, const struct report_ctx *ctx);

#endif
