/*
 * report_diff: two scenarios side by side (`archadvisor diff A B`): the
 * answers that differ, both rankings, the rules that started or stopped
 * firing, and whether the recommendation changed. Writers only read the
 * context and write to the FILE they are given.
 */
#ifndef ARCHADVISOR_REPORT_DIFF_H
#define ARCHADVISOR_REPORT_DIFF_H

#include <stdbool.h>
#include <stdio.h>

#include "answers.h"
#include "engine.h"
#include "kb.h"

struct diff_ctx {
	const struct kb		*kb;
	const char		*file_a, *file_b;	/* as given */
	const struct answers	*a, *b;
	const struct ranking	*ra, *rb;
	const char		*version;	/* archadvisor's */
	bool			 color;
	int			 width;
};

/* Whether both scenarios get the same recommendation (first place). */
bool	report_diff_same(const struct diff_ctx *dc);

/* Return 0, or -1 if writing failed. */
int	report_diff_text(FILE *fp, const struct diff_ctx *dc);
int	report_diff_json(FILE *fp, const struct diff_ctx *dc);
int	report_diff_markdown(FILE *fp, const struct diff_ctx *dc);

#endif
