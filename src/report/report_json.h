/*
 * report_json: jansson builders shared by the JSON report, explain and
 * batch output. Each returns a new reference owned by the caller.
 */
#ifndef ARCHADVISOR_REPORT_JSON_H
#define ARCHADVISOR_REPORT_JSON_H

#include <jansson.h>
#include <stdio.h>

#include "answers.h"
#include "engine.h"
#include "kb.h"
#include "report.h"

json_t	*json_answer(const struct question *q, const struct value *v);
json_t	*json_answers(const struct kb *kb, const struct answers *a);
json_t	*json_ranking_entry_for(const struct kb *kb, const struct ranking *r,
	    const struct value *answers, size_t p);
json_t	*json_recommendation(const struct kb *kb, const struct ranking *r);
json_t	*json_report(const struct report_ctx *ctx);
/* Adds sensitivity, robustness and next_questions (if analysed). */
void	 report_whatif_json(json_t *root, const struct report_ctx *ctx);
/* Writes root indented with a final newline and releases it. */
int	 json_write(FILE *fp, json_t *root);

#endif
