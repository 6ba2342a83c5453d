/*
 * report_diff: the comparison of two scenarios as text, JSON and Markdown
 * (see report_diff.h). "First place" is the recommendation: the best
 * processing pattern and the organisation.
 */
#include "report_diff.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "report_json.h"
#include "textfmt.h"
#include "words.h"
#include "xmalloc.h"

bool
report_diff_same(const struct diff_ctx *dc)
{
	return (dc->ra->processing == dc->rb->processing &&
	    dc->ra->organization == dc->rb->organization);
}

/* "Batch Processing, organised centrally". */
static char *
outcome(const struct kb *kb, const struct ranking *r)
{
	if (r->processing < 0)
		return (xstrdup("no processing pattern (all ruled out)"));
	if (r->organization >= 0)
		return (xasprintf("%s, organised as a %s",
		    kb->patterns[r->processing].name,
		    kb->patterns[r->organization].name));
	return (xasprintf("%s, organised centrally",
	    kb->patterns[r->processing].name));
}

/*
 * A rule's effects in words, as its reasons read in a report: "for
 * Micro-Batch Processing", "against Stream Processing and Kappa
 * Architecture", "rules out Batch Processing"; weights are explain's.
 */
static char *
effects(const struct kb *kb, const struct rule *rule)
{
	static const char *const lead[] = { "for ", "against ", "rules out " };
	char	*s = xstrdup(""), *t;
	size_t	 i, n, k, way;
	int	 w;

	for (way = 0; way < 3; way++) {
		for (i = n = 0; i < rule->neffects; i++) {
			w = rule->effects[i].veto ? 2 :
			    rule->effects[i].weight < 0 ? 1 : 0;
			n += (size_t)w == way;
		}
		for (i = k = 0; i < rule->neffects; i++) {
			w = rule->effects[i].veto ? 2 :
			    rule->effects[i].weight < 0 ? 1 : 0;
			if ((size_t)w != way)
				continue;
			t = xasprintf("%s%s%s%s", s, k == 0 ? (s[0] ? "; " :
			    "") : k + 1 == n ? " and " : ", ", k == 0 ?
			    lead[way] : "",
			    kb->patterns[rule->effects[i].pattern].name);
			free(s);
			s = t;
			k++;
		}
	}
	return (s);
}

static bool
fired(const struct ranking *r, size_t rule)
{
	return (r->conditions[rule] == TV_TRUE);
}

static size_t
count_changed(const struct diff_ctx *dc)
{
	size_t	q, n = 0;

	for (q = 0; q < dc->kb->nquestions; q++)
		n += !value_equal(&dc->a->v[q], &dc->b->v[q]);
	return (n);
}

static size_t
count_rules(const struct diff_ctx *dc, bool started)
{
	size_t	i, n = 0;

	for (i = 0; i < dc->kb->nrules; i++)
		if (fired(dc->ra, i) != fired(dc->rb, i) &&
		    fired(dc->rb, i) == started)
			n++;
	return (n);
}

/*
 * The reasons that now apply, or no longer: their effect in words, then
 * their why, wrapped.
 */
static void
text_rules(FILE *fp, const struct diff_ctx *dc, bool started)
{
	const struct rule	*rule;
	char			*e, *line;
	size_t			 i, n = count_rules(dc, started);

	fprintf(fp, "Reasons that %s (%zu)%s\n", started ? "now apply" :
	    "no longer apply", n, n ? ":" : ".");
	for (i = 0; i < dc->kb->nrules; i++) {
		if (fired(dc->ra, i) == fired(dc->rb, i) ||
		    fired(dc->rb, i) != started)
			continue;
		rule = &dc->kb->rules[i];
		e = effects(dc->kb, rule);
		line = xasprintf("%c %s: %s", started ? '+' : '-', e,
		    rule->why);
		fputs("  ", fp);
		text_wrap(fp, line, 2, 4, dc->width);
		fputc('\n', fp);
		free(line);
		free(e);
	}
}

int
report_diff_text(FILE *fp, const struct diff_ctx *dc)
{
	const struct kb	*kb = dc->kb;
	char		 va[512], vb[512], *oa, *ob, *line;
	char		 name[WORDS_LABEL_MAX * 2];
	size_t		 q, i, pa, pb, n;

	text_style(fp, dc->color, "1");
	fprintf(fp, "archadvisor diff: %s -> %s\n", dc->file_a, dc->file_b);
	text_reset(fp, dc->color);
	oa = outcome(kb, dc->ra);
	ob = outcome(kb, dc->rb);
	if (report_diff_same(dc))
		line = xasprintf("Recommendation unchanged: %s.", oa);
	else
		line = xasprintf("Recommendation changed: %s -> %s.", oa, ob);
	text_wrap(fp, line, 0, 2, dc->width);
	fputs("\n\n", fp);
	free(line);
	free(oa);
	free(ob);
	n = count_changed(dc);
	fprintf(fp, "Answers that differ (%zu)%s\n", n, n ? ":" : ".");
	for (q = 0; q < kb->nquestions; q++) {
		if (value_equal(&dc->a->v[q], &dc->b->v[q]))
			continue;
		words_cell(&kb->questions[q], &dc->a->v[q], va, sizeof va);
		words_cell(&kb->questions[q], &dc->b->v[q], vb, sizeof vb);
		fprintf(fp, "  %s: %s -> %s\n", words_label(&kb->questions[q],
		    name, sizeof name), va, vb);
	}
	fprintf(fp, "\nRanking       %-28s %s\n", "before", "after");
	for (i = 0; i < dc->ra->npatterns; i++) {
		pa = dc->ra->order[i];
		pb = dc->rb->order[i];
		fprintf(fp, "  %2zu  %-24.24s %5.0f  %-24.24s %5.0f\n", i + 1,
		    kb->patterns[pa].name, dc->ra->scores[pa].score,
		    kb->patterns[pb].name, dc->rb->scores[pb].score);
	}
	fputc('\n', fp);
	text_rules(fp, dc, true);
	text_rules(fp, dc, false);
	return (ferror(fp) ? -1 : 0);
}

static json_t *
json_side(const struct kb *kb, const char *file, const struct answers *a,
    const struct ranking *r)
{
	json_t	*ranking;
	size_t	 i, p;

	ranking = json_array();
	for (i = 0; i < r->npatterns; i++) {
		p = r->order[i];
		json_array_append_new(ranking, json_pack("{s:I, s:s, s:f}",
		    "rank", (json_int_t)(i + 1), "pattern", kb->patterns[p].id,
		    "score", round(r->scores[p].score * 10.0) / 10.0));
	}
	return (json_pack("{s:s, s:s?, s:o, s:o, s:o}",
	    "file", file,
	    "name", a->name,
	    "answers", json_answers(kb, a),
	    "ranking", ranking,
	    "recommendation", json_recommendation(kb, r)));
}

int
report_diff_json(FILE *fp, const struct diff_ctx *dc)
{
	const struct kb	*kb = dc->kb;
	json_t		*changed, *started, *stopped, *va, *vb;
	size_t		 q, i;

	changed = json_array();
	for (q = 0; q < kb->nquestions; q++) {
		if (value_equal(&dc->a->v[q], &dc->b->v[q]))
			continue;
		va = dc->a->v[q].known ? json_answer(&kb->questions[q],
		    &dc->a->v[q]) : json_null();
		vb = dc->b->v[q].known ? json_answer(&kb->questions[q],
		    &dc->b->v[q]) : json_null();
		json_array_append_new(changed, json_pack("{s:s, s:o, s:o}",
		    "question", kb->questions[q].id, "a", va, "b", vb));
	}
	started = json_array();
	stopped = json_array();
	for (i = 0; i < kb->nrules; i++) {
		if (fired(dc->ra, i) == fired(dc->rb, i))
			continue;
		json_array_append_new(fired(dc->rb, i) ? started : stopped,
		    json_string(kb->rules[i].id));
	}
	return (json_write(fp, json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, "
	    "s:o, s:b}",
	    "tool", "archadvisor",
	    "version", dc->version,
	    "a", json_side(kb, dc->file_a, dc->a, dc->ra),
	    "b", json_side(kb, dc->file_b, dc->b, dc->rb),
	    "answers_changed", changed,
	    "rules_started", started,
	    "rules_stopped", stopped,
	    "recommendation_changed", !report_diff_same(dc))));
}

int
report_diff_markdown(FILE *fp, const struct diff_ctx *dc)
{
	const struct kb		*kb = dc->kb;
	const struct rule	*rule;
	char			 va[512], vb[512], *oa, *ob, *e;
	char			 name[WORDS_LABEL_MAX * 2];
	size_t			 q, i, pa, pb;

	fputs("# Scenario comparison: ", fp);
	escape_md(fp, dc->file_a);
	fputs(" → ", fp);
	escape_md(fp, dc->file_b);
	fputs("\n\n", fp);
	oa = outcome(kb, dc->ra);
	ob = outcome(kb, dc->rb);
	if (report_diff_same(dc)) {
		fputs("**Recommendation unchanged:** ", fp);
		escape_md(fp, oa);
	} else {
		fputs("**Recommendation changed:** ", fp);
		escape_md(fp, oa);
		fputs(" → ", fp);
		escape_md(fp, ob);
	}
	fputs(".\n\n", fp);
	free(oa);
	free(ob);
	fprintf(fp, "## Answers that differ (%zu)\n\n", count_changed(dc));
	if (count_changed(dc) > 0) {
		fputs("| Question | Before | After |\n|---|---|---|\n", fp);
		for (q = 0; q < kb->nquestions; q++) {
			if (value_equal(&dc->a->v[q], &dc->b->v[q]))
				continue;
			words_cell(&kb->questions[q], &dc->a->v[q], va,
			    sizeof va);
			words_cell(&kb->questions[q], &dc->b->v[q], vb,
			    sizeof vb);
			fputs("| ", fp);
			escape_md(fp, words_label(&kb->questions[q], name,
			    sizeof name));
			fputs(" | ", fp);
			escape_md(fp, va);
			fputs(" | ", fp);
			escape_md(fp, vb);
			fputs(" |\n", fp);
		}
		fputc('\n', fp);
	}
	fputs("## Ranking\n\n| Rank | Before | Score | After | Score |\n"
	    "|---:|---|---:|---|---:|\n", fp);
	for (i = 0; i < dc->ra->npatterns; i++) {
		pa = dc->ra->order[i];
		pb = dc->rb->order[i];
		fprintf(fp, "| %zu | ", i + 1);
		escape_md(fp, kb->patterns[pa].name);
		fprintf(fp, " | %.0f | ", dc->ra->scores[pa].score);
		escape_md(fp, kb->patterns[pb].name);
		fprintf(fp, " | %.0f |\n", dc->rb->scores[pb].score);
	}
	fprintf(fp, "\n## Reasons that changed (%zu now apply, %zu no "
	    "longer)\n\n", count_rules(dc, true), count_rules(dc, false));
	for (i = 0; i < kb->nrules; i++) {
		if (fired(dc->ra, i) == fired(dc->rb, i))
			continue;
		rule = &kb->rules[i];
		e = effects(kb, rule);
		fprintf(fp, "- **%s** (", fired(dc->rb, i) ? "Now applies" :
		    "No longer applies");
		escape_md(fp, e);
		fputs("): ", fp);
		escape_md(fp, rule->why);
		fputc('\n', fp);
		free(e);
	}
	return (ferror(fp) ? -1 : 0);
}
