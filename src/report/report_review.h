/*
 * report_review: what `archadvisor review DIR...` found, as text and JSON:
 * the records whose recommendation would change now (was, now, why), those
 * scored by another knowledge-base version, those past their review date,
 * those a later decision supersedes (not re-checked) and those whose
 * answers cannot be read (file:line). Writers only read.
 */
#ifndef ARCHADVISOR_REPORT_REVIEW_H
#define ARCHADVISOR_REPORT_REVIEW_H

#include <stdbool.h>
#include <stdio.h>

#include "kb.h"
#include "record_load.h"
#include "review.h"

struct review_entry {
	char			*file;
	char			*error;		/* "file:line:col: error: ...",
						   or NULL when it was read */
	struct record_meta	 meta;
	struct review_result	 res;
	int			 superseded;	/* the line that says a later
						   decision supersedes it, or 0:
						   not re-checked */
};

struct review_ctx {
	const struct kb			*kb;
	const struct review_entry	*entries;
	size_t				 n;
	const char			*today;	/* YYYY-MM-DD */
	const char			*version;
	bool				 color;
	int				 width;
};

int	report_review_text(FILE *fp, const struct review_ctx *c);
int	report_review_json(FILE *fp, const struct review_ctx *c);

#endif
