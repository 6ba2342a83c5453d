/*
 * fixtures: what the unit tests share: knowledge bases (a file, the stock
 * one, YAML text, or one built by hand for conditions), answers set as --set
 * sets them, checks of rejected conditions and values, a repeatable random
 * generator, files read or made for a test, and output captured. Each fails
 * the running cmocka test on a problem, after printing the load errors; what
 * they return belongs to the caller. Include after <cmocka.h>.
 */
#ifndef ARCHADVISOR_FIXTURES_H
#define ARCHADVISOR_FIXTURES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "advice.h"
#include "answers.h"
#include "expr.h"
#include "kb.h"
#include "report.h"
#include "scenario_stream.h"
#include "value.h"

/* The knowledge base in the file at path (from the top of the tree). */
struct kb	*fx_kb_file(const char *path);
/* The stock knowledge base, built into the program. */
struct kb	*fx_kb_stock(void);
/* The knowledge base in text, read as the file name says. */
struct kb	*fx_kb_text(const char *name, const char *text);

/*
 * A group's knowledge base, for tests that share one: each setup loads
 * fx_kb (the stock base, tests/kb/mini.yaml, or fx_kb_expr's), and the
 * teardown frees it.
 */
extern struct kb *fx_kb;
int	 fx_setup_stock(void **state);
int	 fx_setup_mini(void **state);
int	 fx_setup_expr(void **state);
int	 fx_teardown_kb(void **state);

/*
 * A knowledge base built by hand for the condition language: one question
 * of each type at these indices (maturity ranges 1 to 5), and three bools
 * for the truth tables. Free it with kb_free.
 */
enum fx_expr_q {
	FXQ_LATENCY,
	FXQ_VOLUME,
	FXQ_MATURITY,
	FXQ_CENTRAL,
	FXQ_EVENT,
	FXQ_REALTIME,
	FXQ_STREAMING,
	FXQ_USE_CASES,
	FXQ_N
};
struct kb	*fx_kb_expr(void);
/* Fails unless kb rejects condition text at offset with exactly msg. */
void	 fx_expr_rejects(const struct kb *kb, const char *text,
	    size_t offset, const char *msg);

/* The message value_parse gives for text in dom; fails if it succeeds. */
const char *fx_parse_err(const struct value_domain *dom,
	    const char *text);

/* Answers one question as --set does ("latency=10m"). */
void	 fx_set(struct answers *a, const struct kb *kb, const char *arg);
/* The same for each of args, a NULL-ended list. */
void	 fx_set_all(struct answers *a, const struct kb *kb,
	    const char *const *args);

/*
 * A knowledge base of awkward conditions (negated "and"/"or", "in" lists
 * with gaps and duplicates, bools, sets, literals on the left, bounds of
 * every range), one rule each, with vetoes, stretches and rule groups: its
 * questions and patterns (the head, up to "rules:"), the conditions, and
 * the whole of it loaded.
 */
extern const char	 fx_awkward_head[];
extern const char *const fx_awkward_conds[];
extern const size_t	 fx_awkward_nconds;
struct kb	*fx_kb_awkward(void);
/*
 * An answer for q drawn with rng: at or beside a threshold of the awkward
 * conditions, or an extreme; unknown one time in four (with junk in num).
 */
struct value fx_random_value(uint64_t *rng, const struct question *q);

/*
 * The next number of xorshift64*, from the state each test file seeds
 * itself: small, fast, and the same sequence on every machine.
 */
uint64_t fx_random(uint64_t *state);

/* The whole file at path as a string; the caller frees it. */
char	*fx_slurp(const char *path);
/* A descriptor reading text (a temporary file, already unlinked). */
int	 fx_fd_of(const char *text, size_t len);

/* A string that grows as text is added; the caller frees s. */
struct fx_text {
	char	*s;
	size_t	 n, cap;
};
void	 fx_text_add(struct fx_text *t, const char *s);

/* Fails unless the answers a and b to kb's questions are the same. */
void	 fx_same_values(const struct kb *kb, const struct value *a,
	    const struct value *b);
/*
 * Reads text in format fmt with kb's reader, the statuses into got as a
 * string ("OOB." is OK, OK, bad, ...), the problems into d.
 */
void	 fx_read_all(const struct kb *kb, const char *text,
	    enum scenario_format fmt, char *got, size_t max, struct diag *d);

/*
 * The handouts' hostile knowledge base and answers (tests/handout/), their
 * advice and a report context over them, dated by SOURCE_DATE_EPOCH: a
 * cmocka group setup and teardown, the fixture in *state.
 */
struct fx_handout {
	struct kb		*kb;
	struct answers		 a;
	struct advice		 adv;
	struct report_ctx	 ctx;
};

int	 fx_handout_setup(void **state);
int	 fx_handout_teardown(void **state);

/* Output captured in memory: write to c->fp between open and close. */
struct fx_capture {
	FILE	*fp;
	char	*buf;
	size_t	 len;
};
void	 fx_capture_open(struct fx_capture *c);
/* Closes c->fp; returns what was written, which the caller frees. */
char	*fx_capture_close(struct fx_capture *c);
/* What the report writer fn writes for ctx, whole; the caller frees it. */
char	*fx_render(int (*fn)(FILE *, const struct report_ctx *),
	    const struct report_ctx *ctx);

#endif
