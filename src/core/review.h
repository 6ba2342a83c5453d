/*
 * review: one record archadvisor wrote, re-scored with today's knowledge
 * base: would its recommendation change, was it scored by another version
 * of the knowledge base, is it past its review date. The record's own
 * words (pattern ids, versions, dates) come in as strings, as read from
 * the record; nothing here reads files.
 */
#ifndef ARCHADVISOR_REVIEW_H
#define ARCHADVISOR_REVIEW_H

#include <stdbool.h>

#include "kb.h"
#include "value.h"

/* The pattern index of a recorded id: -1 for "none"/"centralized", -2
   when the knowledge base no longer has it. */
#define REVIEW_GONE	(-2)

struct review_in {
	const char	*processing, *organization;	/* as recorded */
	const char	*kb_name, *kb_version;		/* as recorded */
	const char	*date, *review_by;		/* YYYY-MM-DD or "" */
	long		 today;				/* days since 1970 */
	long		 review_days;	/* review_by when none is given:
					   date plus this many days */
};

struct review_result {
	int	was_processing, was_organization;
	int	now_processing, now_organization;
	bool	changed;
	int	veto_rule;	/* a rule that now rules the recorded pattern
				   out, or -1 */
	double	was_score;	/* the recorded pattern's score now */
	double	now_score;	/* the new one's */
	bool	other_kb;	/* scored by another knowledge base or
				   version */
	bool	bad_dates;	/* date or review_by is not a date */
	long	review_by;	/* days since 1970, or -1: unknown */
	bool	overdue;
};

/*
 * Re-scores answers (kb->nquestions values) and compares with what the
 * record says. Returns 0, or -1 when the record names no recommendation
 * (hand-edited): nothing to compare with.
 */
int	review_record(const struct kb *kb, const struct value *answers,
	    const struct review_in *in, struct review_result *out);

#endif
