/*
 * lint_impl: what the files of the linter share (lint.c the rules,
 * lint_records.c review dates and cases).
 */
#ifndef ARCHADVISOR_LINT_IMPL_H
#define ARCHADVISOR_LINT_IMPL_H

#include "diag.h"
#include "kb.h"

/* A warning at l, formatted like printf. */
void	lint_warn(struct diag *d, const struct srcloc *l, const char *fmt,
	    ...) __attribute__((format(printf, 3, 4)));

/* The review-date and case warnings; today in days since 1970-01-01. */
void	lint_records(const struct kb *kb, long today, struct diag *d);

#endif
