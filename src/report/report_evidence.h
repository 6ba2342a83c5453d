/*
 * report_evidence: precedents (public case studies) and the knowledge
 * base's review date, as text and JSON: the `precedents` command, the
 * three nearest cases in the text and JSON reports, and the agreement of
 * the engine with every case. Precedents never change a score; these
 * writers only show them beside one.
 */
#ifndef ARCHADVISOR_REPORT_EVIDENCE_H
#define ARCHADVISOR_REPORT_EVIDENCE_H

#include <stdio.h>

#include "kb.h"
#include "precedent.h"
#include "report.h"

/* How many precedents a report shows. */
#define REPORT_PRECEDENTS	ADVICE_NPRECEDENTS

/*
 * The report section: the REPORT_PRECEDENTS nearest cases and the review
 * date (its JSON model is report_evidence_json, report_json_model.h).
 */
void	report_evidence_text(FILE *fp, const struct report_ctx *ctx);

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
