/*
 * report: writes one scored scenario in a chosen format. Formats are a
 * table of writers (tmux's cmd_table); a front end builds the scenario's
 * advice (advice.h) once, looks a writer up by name and calls it with a
 * context that holds the advice and how to present it. Writers only read
 * the context and write to the FILE they are given; they analyse nothing.
 */
#ifndef ARCHADVISOR_REPORT_H
#define ARCHADVISOR_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "advice.h"
#include "answers.h"
#include "engine.h"
#include "kb.h"
#include "whatif.h"

/*
 * The forms of a decision record: adr-tools' (Michael Nygard's sections,
 * "# N. Title" and "## Status", which adr new -s and adr link edit), MADR
 * 4 (YAML front matter) and MADR 2 (status and date as header bullets, as
 * log4brains reads them).
 */
enum adr_template { ADR_NYGARD, ADR_MADR4, ADR_MADR2 };
#define ADR_TEMPLATE_DEFAULT	ADR_NYGARD

struct adr_opts {
	enum adr_template	 template;
	long			 number;	/* the record's; 0: not known */
};

struct report_ctx {
	const struct kb		*kb;
	const struct answers	*answers;
	const struct advice	*advice;	/* the analysis to show */
	const struct ranking	*ranking;	/* advice->ranking */
	const struct whatif	*whatif;	/* &advice->whatif, or NULL:
						   not analysed */
	const struct agreement_run *agreement;	/* precedents --agreement */
	const char		*version;	/* archadvisor's version */
	bool			 color;		/* ANSI colour allowed */
	bool			 utf8;		/* block characters allowed */
	int			 width;		/* text width, e.g. 80 */
	const struct adr_opts	*adr;		/* or NULL: the default form,
						   unnumbered */
};

struct report_writer {
	const char	*name;
	const char	*ext;		/* file extension, for exports */
	const char	*desc;
	/* Returns 0, or -1 if writing failed (errno set). */
	int		(*write)(FILE *fp, const struct report_ctx *ctx);
};

extern const struct report_writer report_writers[];
extern const size_t report_nwriters;

const struct report_writer	*report_writer_find(const char *name);

int	report_write_text(FILE *fp, const struct report_ctx *ctx);
int	report_write_json(FILE *fp, const struct report_ctx *ctx);
/* Shows advice a: sets ctx's advice, ranking and what-if. */
void	report_use_advice(struct report_ctx *ctx, const struct advice *a);

/*
 * The nearest precedents of ctx's advice (none unless it computed
 * ADVICE_PRECEDENTS): sets *m and returns how many.
 */
size_t	report_nearest(const struct report_ctx *ctx,
	    const struct precedent_match **m);

/* Stakeholder handouts (report_html.c, report_md.c, report_adr.c). */
int	report_write_html(FILE *fp, const struct report_ctx *ctx);
int	report_write_markdown(FILE *fp, const struct report_ctx *ctx);
int	report_write_adr(FILE *fp, const struct report_ctx *ctx);

/*
 * The template named name ("nygard", "madr4", "madr2") into *t: 0, or -1
 * if there is none of that name. ADR_TEMPLATES lists the names for
 * messages.
 */
int	report_adr_template(const char *name, enum adr_template *t);
#define ADR_TEMPLATES	"nygard, madr4 or madr2"

/*
 * Writes the ADR into directory dir as the next numbered record,
 * "NNNN-slug-of-the-title.md", numbered after the highest number there
 * (as adr-tools numbers its own), through outfile, never replacing an
 * existing file; dir is created if missing. Returns 0 with the new file's
 * name in *path (the caller frees it), or -1 with a message in err.
 */
int	report_adr_save(const struct report_ctx *ctx, const char *dir,
	    char **path, char *err, size_t errsz);

/*
 * explain: every rule that can affect pattern, with whether its condition
 * held for these answers and what it contributed.
 */
int	report_explain_text(FILE *fp, const struct report_ctx *ctx,
	    size_t pattern);
int	report_explain_json(FILE *fp, const struct report_ctx *ctx,
	    size_t pattern);

/* Browsing the knowledge base: all patterns, or one in full. */
int	report_patterns_text(FILE *fp, const struct report_ctx *ctx,
	    int pattern);
int	report_questions_text(FILE *fp, const struct report_ctx *ctx);
/* The same for programs (report_json.c). */
int	report_patterns_json(FILE *fp, const struct report_ctx *ctx,
	    int pattern);
int	report_questions_json(FILE *fp, const struct report_ctx *ctx);

/*
 * The what-if findings as sentences for people, shared by the text-like
 * formats: one sensitivity item ("If the acceptable delay were more than 1
 * hour instead of 30 minutes, Batch Processing would overtake Micro-Batch
 * Processing.", in labels and words, words.h) and the robustness
 * line. Each writes into buf and returns it.
 */
char	*report_sensitivity_sentence(const struct report_ctx *ctx,
	    const struct sensitivity *s, char *buf, size_t bufsz);
char	*report_robustness_sentence(const struct report_ctx *ctx, char *buf,
	    size_t bufsz);
/* The robustness line without how many ways were counted (the TUI). */
char	*report_robustness_brief(const struct report_ctx *ctx, char *buf,
	    size_t bufsz);
/*
 * The recommendation in words, shared by the text-like formats:
 * "Stream Processing (9 points ahead of Kappa Architecture)." or "a close
 * call between X and Y: ..." (runner_up: the next processing pattern, or
 * -1), and the organisation decision with whether it is settled ("
 * Organisation: leaning towards a Data Mesh; the answers to number of
 * domains and data maturity would settle it."). Each writes into buf and returns it.
 */
char	*report_processing_phrase(const struct report_ctx *ctx, int runner_up,
	    char *buf, size_t bufsz);
char	*report_organization_phrase(const struct report_ctx *ctx, char *buf,
	    size_t bufsz);
/*
 * The open questions that would settle the organisation decision, as
 * "number of domains and data maturity" (labels); returns how many.
 */
size_t	 report_org_open_list(const struct report_ctx *ctx, char *buf,
	    size_t bufsz);
/*
 * The questions that would decide a close call, as "acceptable delay, SQL
 * skills (as answered) and moving to real-time" (labels, an answered one
 * marked: only a change to it would decide; past five, the first four and
 * "2 more"): what the close call turns on. False, and "", if there are
 * none.
 */
bool	 report_deciding_phrase(const struct report_ctx *ctx, char *buf,
	    size_t bufsz);
/*
 * Of the deciding questions, the answered ones, or the open ones, by label
 * and every one named (a next step to take); returns how many there are
 * (0, and "", for none).
 */
size_t	 report_deciding_answered(const struct report_ctx *ctx, char *buf,
	    size_t bufsz);
size_t	 report_deciding_open(const struct report_ctx *ctx, char *buf,
	    size_t bufsz);
/*
 * The processing patterns in a close call with the recommended one, best
 * first, as "Kappa Architecture" or "Lambda Architecture and Kappa
 * Architecture" (a tie may have more than two sides); returns how many.
 */
size_t	 report_close_rivals(const struct report_ctx *ctx, char *buf,
	    size_t bufsz);
/*
 * Whether a sentence already names question q, so that lists further
 * down leave it out rather than name it twice: the close call's (among
 * the questions it turns on, and not cut to "2 more"), the organisation
 * decision's (an open question that would settle it while it is
 * unsettled), or either, as at the top of a handout.
 */
bool	 report_deciding_named(const struct report_ctx *ctx, size_t q);
bool	 report_org_names(const struct report_ctx *ctx, size_t q);
bool	 report_named_up_front(const struct report_ctx *ctx, size_t q);
/* The text report's "What would change this" section. */
void	 report_whatif_text(FILE *fp, const struct report_ctx *ctx);

#endif
