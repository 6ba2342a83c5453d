/*
 * handout: what the stakeholder handouts (HTML, Markdown, ADR) say, chosen
 * once so that the three formats agree: the date, the runner-up, which
 * options are shown in full, and the sentences they share (the recommendation, the title,
 * how scores are computed). The sentences are written through a markup
 * table, so that every string from the knowledge base or the answers goes
 * through that format's escape function.
 *
 * handout_init fills a struct handout from the report context, whose
 * advice it borrows (the decision drivers among it); handout_free releases
 * what it owns.
 */
#ifndef ARCHADVISOR_HANDOUT_H
#define ARCHADVISOR_HANDOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "advice.h"
#include "precedent.h"
#include "report.h"

/* The recommended processing pattern, its runner-up, the organisation. */
#define HANDOUT_MAX_TOP	3

struct handout {
	char			 date[16];	/* YYYY-MM-DD */
	int			 runner_up;	/* the next processing pattern,
						   or -1 */
	size_t			 top[HANDOUT_MAX_TOP];	/* shown in full */
	size_t			 ntop;
	const struct advice_driver *drivers;	/* the advice's, most
						   decisive first */
	size_t			 ndrivers;
};

/* Precedents a handout shows: REPORT_PRECEDENTS of report_evidence.h. */
#define HANDOUT_PRECEDENTS	3

/* How a format writes text from outside (escaped) and emphasis. */
struct handout_markup {
	void		(*text)(FILE *fp, const char *s);
	const char	*strong, *end_strong;
	const char	*note, *end_note;	/* a user's note on an answer */
};

void	handout_init(struct handout *h, const struct report_ctx *ctx);
void	handout_free(struct handout *h);

/*
 * The report date: $SOURCE_DATE_EPOCH (seconds since 1970, for
 * reproducible output) if set to a decimal number, else today; in UTC, as
 * YYYY-MM-DD.
 */
void	handout_date(char *buf, size_t bufsz);

/*
 * The recommendation in one sentence: "Use Lambda Architecture, organised
 * centrally: 14.7 points ahead of the runner-up, Stream Processing."
 */
void	handout_recommendation(FILE *fp, const struct report_ctx *ctx,
	    const struct handout *h, const struct handout_markup *m);
/*
 * The same in two sentences, for the top of a page: the processing
 * decision with its lead or its close call ("Use Kappa Architecture: a
 * close call with Stream Processing, which turns on use cases (as
 * answered) and event sourcing."), and the organisation decision, settled
 * or leaning ("Organise the data as a Data Mesh: it scores 81.8, at least
 * the 70 ..."); the second writes nothing, and returns false, when the
 * knowledge base has no organisation pattern.
 */
void	handout_processing_sentence(FILE *fp, const struct report_ctx *ctx,
	    const struct handout *h, const struct handout_markup *m);
bool	handout_organization_sentence(FILE *fp, const struct report_ctx *ctx,
	    const struct handout_markup *m);
/* A title: "Use Lambda Architecture for Bank needing ..." (no markup). */
void	handout_title(FILE *fp, const struct report_ctx *ctx,
	    const struct handout_markup *m);
/* The same title as a plain string; the caller frees it. */
char	*handout_title_string(const struct report_ctx *ctx);
/*
 * How scores are computed, as a paragraph (the formula of engine.h), and
 * the files the knowledge base was read from unless it is the built-in one.
 */
void	handout_scoring_note(FILE *fp, const struct report_ctx *ctx,
	    const struct handout_markup *m);
/*
 * The last sentence of that note: the files the knowledge base was read
 * from, unless it is the built-in one (then nothing).
 */
void	handout_kb_files(FILE *fp, const struct report_ctx *ctx,
	    const struct handout_markup *m);
/*
 * One driver as a clause: "for Stream Processing (+3.0); against
 * Micro-Batch Processing (-2.0); rules out Batch Processing".
 */
void	handout_driver_effects(FILE *fp, const struct report_ctx *ctx,
	    const struct advice_driver *d, const struct handout_markup *m);

/*
 * The nearest precedents of the advice, the same as the text and JSON
 * reports show: fills m (HANDOUT_PRECEDENTS entries), returns how many.
 */
size_t	handout_precedents(const struct report_ctx *ctx,
	    struct precedent_match *m);
/*
 * One precedent as a line, the source aside: "Uber (2020) chose Kappa
 * Architecture, moving from Lambda Architecture; 87% similar over 5 of 9
 * answers."
 */
void	handout_precedent_line(FILE *fp, const struct report_ctx *ctx,
	    const struct precedent_match *pm, const struct handout_markup *m);

/*
 * Whether answering open question q alone could change the
 * recommendation (false without a what-if analysis).
 */
bool	 handout_could_change(const struct report_ctx *ctx, size_t q);
/*
 * The open questions that could change the recommendation (changing) or
 * not, as one paragraph between before and after: "Label: First question
 * (its note), second question". Writes nothing when there is none.
 */
void	 handout_open_questions(FILE *fp, const struct report_ctx *ctx,
	    bool changing, const char *label, const struct handout_markup *m,
	    const char *before, const char *after);
/*
 * What pattern p delivers of the answered requirements, as one sentence
 * ("Requirements met: acceptable delay and real-time outputs; met only at
 * a stretch: moving to real-time."); writes nothing when no requirement is answered. Returns
 * whether it wrote; with fp NULL, only whether it would.
 */
bool	 handout_requirements(FILE *fp, const struct report_ctx *ctx, size_t p,
	    const struct handout_markup *m);
/* The same sentence as plain text, to be freed; NULL if there is none. */
char	*handout_requirements_plain(const struct report_ctx *ctx, size_t p);
/*
 * Where pattern p stands, in words: "ranked 2" among the processing
 * patterns, or "decided apart as the organisation". In buf; returns buf.
 */
const char *handout_place(const struct report_ctx *ctx, size_t p, char *buf,
	    size_t size);
/* The fit as words: "strong fit", "at a stretch", "ruled out". */
const char *handout_fit(const struct pattern_score *s);
/* Whether pattern p is the recommended processing or organisation. */
bool	 handout_recommended(const struct report_ctx *ctx, size_t p);

#endif
