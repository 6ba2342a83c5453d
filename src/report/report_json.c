/*
 * report_json: the JSON writers of report, patterns and questions: each
 * writes the model report_json_model.c builds, one way for all (indented,
 * keys in order, reals to ten digits).
 */
#include <jansson.h>
#include <stdio.h>

#include "report.h"
#include "report_json.h"

int
json_write(FILE *fp, json_t *root)
{
	int	rc;

	rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(10));
	if (rc == 0)
		fputc('\n', fp);
	json_decref(root);
	return (rc == 0 && !ferror(fp) ? 0 : -1);
}

int
report_write_json(FILE *fp, const struct report_ctx *ctx)
{
	return (json_write(fp, json_report(ctx)));
}

int
report_patterns_json(FILE *fp, const struct report_ctx *ctx, int pattern)
{
	return (json_write(fp, json_patterns_model(ctx, pattern)));
}

int
report_questions_json(FILE *fp, const struct report_ctx *ctx)
{
	return (json_write(fp, json_questions_model(ctx)));
}
