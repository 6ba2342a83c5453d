/*
 * report_scenarios: several scenarios side by side (`archadvisor diff A B
 * C ...`, core/scenarios.h): each one's recommendation, the rankings side
 * by side, the answers that differ, and which difference moved the
 * recommendation; as text, JSON, Markdown and a one-page HTML handout.
 * Two scenarios keep diff's own text, JSON and Markdown (report_diff.h),
 * to which the moving differences are added. Writers only read.
 */
#ifndef ARCHADVISOR_REPORT_SCENARIOS_H
#define ARCHADVISOR_REPORT_SCENARIOS_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "answers.h"
#include "engine.h"
#include "kb.h"
#include "scenarios.h"

struct scenarios_ctx {
	const struct kb			 *kb;
	const struct scenarios		 *s;
	const struct answers *const	 *a;	/* s->n each */
	const struct ranking *const	 *r;
	const char *const		 *files;
	const char			 *version;
	bool				  color;
	bool				  utf8;	/* "…" allowed */
	int				  width;
};

/* Each returns 0, or -1 if writing failed. */
int	report_scenarios_text(FILE *fp, const struct scenarios_ctx *c);
int	report_scenarios_json(FILE *fp, const struct scenarios_ctx *c);
int	report_scenarios_markdown(FILE *fp, const struct scenarios_ctx *c);
int	report_scenarios_html(FILE *fp, const struct scenarios_ctx *c);

/*
 * "What moved the recommendation" alone, for diff's two-scenario text
 * (markdown false) and Markdown; and as a JSON array of the answers that
 * moved it, for its JSON.
 */
void	report_scenarios_moved(FILE *fp, const struct scenarios_ctx *c,
	    bool markdown);
json_t	*report_scenarios_moved_json(const struct scenarios_ctx *c,
	    size_t i);

#endif
