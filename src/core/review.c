/*
 * review: a record's recommendation against today's ranking (review.h).
 */
#include "review.h"

#include <string.h>

#include "date.h"
#include "engine.h"

static int
recorded(const struct kb *kb, const char *id, const char *nothing)
{
	int	p;

	if (strcmp(id, nothing) == 0)
		return (-1);
	p = kb_pattern_index(kb, id);
	return (p >= 0 ? p : REVIEW_GONE);
}

int
review_record(const struct kb *kb, const struct value *answers,
    const struct review_in *in, struct review_result *out)
{
	struct ranking	*r;
	long		 d;

	memset(out, 0, sizeof *out);
	out->veto_rule = -1;
	out->review_by = -1;
	if (in->processing == NULL || in->processing[0] == '\0')
		return (-1);
	out->was_processing = recorded(kb, in->processing, "none");
	out->was_organization = recorded(kb, in->organization != NULL &&
	    in->organization[0] != '\0' ? in->organization : "centralized",
	    "centralized");
	r = ranking_new(kb);
	engine_rank(kb, answers, r);
	out->now_processing = r->processing;
	out->now_organization = r->organization;
	out->changed = out->now_processing != out->was_processing ||
	    out->now_organization != out->was_organization;
	if (out->was_processing >= 0) {
		out->was_score = r->scores[out->was_processing].score;
		if (r->scores[out->was_processing].nvetoes > 0)
			out->veto_rule =
			    (int)r->scores[out->was_processing].vetoes[0];
	}
	if (out->now_processing >= 0)
		out->now_score = r->scores[out->now_processing].score;
	ranking_free(r);
	out->other_kb = in->kb_name == NULL || in->kb_version == NULL ||
	    strcmp(in->kb_name, kb->name) != 0 ||
	    strcmp(in->kb_version, kb->version) != 0;
	if (in->review_by != NULL && in->review_by[0] != '\0') {
		if (date_parse(in->review_by, &d) == 0)
			out->review_by = d;
		else
			out->bad_dates = true;
	} else if (in->date != NULL && in->date[0] != '\0') {
		if (date_parse(in->date, &d) == 0)
			out->review_by = d + in->review_days;
		else
			out->bad_dates = true;
	}
	out->overdue = out->review_by >= 0 && in->today > out->review_by;
	return (0);
}
