/*
 * words: questions and answers as people read them. Every output meant for
 * people (text, HTML, Markdown, ADR, the TUI, ask) names a question by its
 * label ("Acceptable delay") and an answer in words ("1 hour", "10 TB",
 * "Fraud detection"); only JSON and CSV keep ids. A knowledge base that
 * gives no label still reads: one is derived from the id ("fraud_detection"
 * becomes "Fraud detection", "fraud detection" in running text).
 *
 * Everything writes into the caller's buffer (cut with "…" if too small)
 * and returns it; nothing allocates or prints.
 */
#ifndef ARCHADVISOR_WORDS_H
#define ARCHADVISOR_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "kb.h"
#include "value.h"

/* Most bytes a label may have; a what-if clause (if_yes, if_no) twice it. */
#define WORDS_LABEL_MAX	80

/* A label derived from an id: "use_cases" -> "Use cases". */
char	*words_from_id(const char *id, char *buf, size_t bufsz);
/* The question's label, or one derived from its id. */
char	*words_label(const struct question *q, char *buf, size_t bufsz);
/* The label of value i of a level or set question, or one derived. */
char	*words_value_label(const struct question *q, size_t i, char *buf,
	    size_t bufsz);
/*
 * A label for the middle of a sentence: the first letter is lowered when
 * the first word is a plain capitalised word ("Fraud detection" -> "fraud
 * detection"), kept otherwise ("IoT", "SQL skills").
 */
char	*words_lower(const char *label, char *buf, size_t bufsz);
/* The question's label for the middle of a sentence. */
char	*words_label_lower(const struct question *q, char *buf,
	    size_t bufsz);

/* words_duration and words_size: units.h. */

/*
 * An answer for a table or an echo: "1 hour", "10 TB", "4", "yes",
 * "Strong", "Reporting, Fraud detection", "none" (an empty set), "not
 * answered" (unknown).
 */
char	*words_value(const struct question *q, const struct value *v,
	    char *buf, size_t bufsz);

/*
 * An answer standing alone, in a table cell or after "Label:": as
 * words_value, with "Yes", "No" and "None" capitalised as the labels are.
 */
char	*words_cell(const struct question *q, const struct value *v,
	    char *buf, size_t bufsz);

/*
 * How far one option's score leads another's, in whole points as people
 * read them: "15 points", "1 point", "less than a point".
 */
char	*words_lead(double margin, char *buf, size_t bufsz);
/* True if a lead is too small to show: the two scores print alike. */
bool	 words_tied(double margin);

/*
 * A changed answer as the clause of an "If ..." sentence, without "If".
 * The knowledge base's own clause comes first: a bool's if_yes or if_no
 * ("everything had to be real-time"), a level value's if ("the team had
 * strong streaming skills"), a number's if_less or if_more ("results were
 * needed in less than an hour instead of a day") and a set's if_added or
 * if_dropped ("the data were also used for fraud detection and IoT"),
 * joined with "and". Without one the sentence is made from the label:
 * "the acceptable delay were less than 1 hour instead of 1 day". Either
 * way a number next to a round one is said by that round one.
 */
char	*words_change(const struct question *q, const struct value *from,
	    const struct value *to, char *buf, size_t bufsz);

/*
 * The placeholders a what-if clause of the knowledge base may hold:
 * {value}, the new answer in words (required where allowed), and {was},
 * the answer given.
 */
#define WORDS_HOLD_VALUE	0x1
#define WORDS_HOLD_WAS		0x2

/*
 * Checks a clause before it is used: each '{' opens a placeholder that
 * allowed permits, and {value} is there when permitted. Returns 0, or -1
 * with the reason in why.
 */
int	words_clause_check(const char *clause, unsigned allowed, char *why,
	    size_t whysz);

/*
 * Appends item to the list in buf as the i-th of n items of a sentence:
 * "a", "a and b", "a, b and c". Returns buf.
 */
char	*words_list_add(char *buf, size_t bufsz, const char *item, size_t i,
	    size_t n);

/*
 * Warnings for `archadvisor check` about labels that would read badly:
 * two questions, or two values of one question, with the same label.
 */
void	words_lint(const struct kb *kb, struct diag *d);

#endif
