/*
 * report_json_model: jansson builders of the JSON models (the report, its
 * parts that explain, diff, precedents and the workshop share, and the
 * knowledge base's patterns and questions), apart from the writing
 * (report_json.h). Each returns a new reference owned by the caller.
 */
#ifndef ARCHADVISOR_REPORT_JSON_MODEL_H
#define ARCHADVISOR_REPORT_JSON_MODEL_H

#include <jansson.h>

#include "answers.h"
#include "engine.h"
#include "kb.h"
#include "precedent.h"
#include "report.h"

json_t	*json_answer(const struct question *q, const struct value *v);
json_t	*json_answers(const struct kb *kb, const struct answers *a);
json_t	*json_ranking_entry_for(const struct kb *kb, const struct ranking *r,
	    const struct value *answers, size_t p);
json_t	*json_recommendation(const struct kb *kb, const struct ranking *r);
json_t	*json_report(const struct report_ctx *ctx);
/* One precedent as a JSON object; m may be NULL (no comparison). */
json_t	*json_precedent(const struct kb *kb, size_t p,
	    const struct precedent_match *m);
/*
 * Adds the REPORT_PRECEDENTS nearest cases to root as "precedents", and
 * the review date to its "knowledge_base".
 */
void	 report_evidence_json(json_t *root, const struct report_ctx *ctx);
/* Adds sensitivity, robustness and next_questions (if analysed). */
void	 report_whatif_json(json_t *root, const struct report_ctx *ctx);
/* `patterns --format json` (every pattern, or only pattern if >= 0). */
json_t	*json_patterns_model(const struct report_ctx *ctx, int pattern);
/* `questions --format json`. */
json_t	*json_questions_model(const struct report_ctx *ctx);

#endif
