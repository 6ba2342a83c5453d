/*
 * words: labels and answers in words for people (see words.h). Numbers a
 * what-if finds sit one unit from a rule's threshold (59m59s beside 1h);
 * they are said by that threshold ("less than 1 hour"), which is what the
 * rule means and what a person would say.
 */
#include "words.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

char *
words_from_id(const char *id, char *buf, size_t bufsz)
{
	size_t	i;

	text_printf(buf, bufsz, "%s", id);
	for (i = 0; buf[i] != '\0'; i++)
		if (buf[i] == '_')
			buf[i] = ' ';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return (buf);
}

char *
words_label(const struct question *q, char *buf, size_t bufsz)
{
	if (q->label != NULL && q->label[0] != '\0') {
		text_printf(buf, bufsz, "%s", q->label);
		return (buf);
	}
	return (words_from_id(q->id, buf, bufsz));
}

char *
words_value_label(const struct question *q, size_t i, char *buf,
    size_t bufsz)
{
	if (q->value_labels != NULL && q->value_labels[i] != NULL) {
		text_printf(buf, bufsz, "%s", q->value_labels[i]);
		return (buf);
	}
	return (words_from_id(q->dom.names[i], buf, bufsz));
}

char *
words_lower(const char *label, char *buf, size_t bufsz)
{
	size_t	i;

	text_printf(buf, bufsz, "%s", label);
	if (!(buf[0] >= 'A' && buf[0] <= 'Z'))
		return (buf);
	for (i = 1; buf[i] != '\0' && buf[i] != ' ' && buf[i] != '-'; i++)
		if ((buf[i] >= 'A' && buf[i] <= 'Z') ||
		    (buf[i] >= '0' && buf[i] <= '9'))
			return (buf);
	buf[0] = (char)(buf[0] - 'A' + 'a');
	return (buf);
}

char *
words_label_lower(const struct question *q, char *buf, size_t bufsz)
{
	char	label[WORDS_LABEL_MAX * 2];

	return (words_lower(words_label(q, label, sizeof label), buf, bufsz));
}

/* A number in words, as its type says it. */
static char *
number_words(enum value_type t, int64_t n, char *buf, size_t bufsz)
{
	if (t == VAL_DURATION)
		return (words_duration(n, buf, bufsz));
	if (t == VAL_SIZE)
		return (words_size(n, buf, bufsz));
	text_printf(buf, bufsz, "%" PRId64, n);
	return (buf);
}

char *
words_value(const struct question *q, const struct value *v, char *buf,
    size_t bufsz)
{
	char	label[WORDS_LABEL_MAX * 2];
	size_t	i, len;

	if (!v->known) {
		text_printf(buf, bufsz, "not answered");
		return (buf);
	}
	switch (q->dom.type) {
	case VAL_DURATION:
	case VAL_SIZE:
	case VAL_INT:
		return (number_words(q->dom.type, v->num, buf, bufsz));
	case VAL_BOOL:
		text_printf(buf, bufsz, "%s", v->num ? "yes" : "no");
		return (buf);
	case VAL_LEVEL:
		if (v->num < 0 || (size_t)v->num >= q->dom.nnames)
			break;
		return (words_value_label(q, (size_t)v->num, buf, bufsz));
	case VAL_SET:
		buf[0] = '\0';
		for (i = 0; i < q->dom.nnames; i++) {
			if (!(v->bits & (UINT64_C(1) << i)))
				continue;
			len = strlen(buf);
			text_printf(buf + len, bufsz - len, "%s%s", len ? ", " :
			    "", words_value_label(q, i, label, sizeof label));
		}
		if (buf[0] == '\0')
			text_printf(buf, bufsz, "none");
		return (buf);
	}
	return (value_format(&q->dom, v, buf, bufsz));
}

char *
words_cell(const struct question *q, const struct value *v, char *buf,
    size_t bufsz)
{
	words_value(q, v, buf, bufsz);
	/* A known answer starts a phrase of its own, as level labels do. */
	if (v->known && (q->dom.type == VAL_BOOL || q->dom.type == VAL_SET) &&
	    buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return (buf);
}

char *
words_lead(double margin, char *buf, size_t bufsz)
{
	double	points = margin < 0 ? 0 : margin;

	/* Scores are shown in whole points, so is the lead between them. */
	if (points < 0.5)
		text_printf(buf, bufsz, "less than a point");
	else if (points < 1.5)
		text_printf(buf, bufsz, "1 point");
	else
		text_printf(buf, bufsz, "%.0f points", points);
	return (buf);
}

bool
words_tied(double margin)
{
	/* Below 0.05 a lead prints as 0.0 even where decimals are shown. */
	return (margin < 0.05);
}

/* Significant digits of n in the largest unit of its type that divides it. */
static int
sig_digits(enum value_type t, int64_t n)
{
	int	d;

	if (n <= 0)
		return (99);
	if (t == VAL_DURATION)
		n /= units_duration_factor(n);
	while (n % 10 == 0)
		n /= 10;
	for (d = 0; n > 0; d++)
		n /= 10;
	return (d);
}

/*
 * Which side of a rounder number a what-if's n lies: -1 one unit short of
 * it, +1 one unit past it (*round is then that number), 0 neither.
 * Counts of things (integers) have no rounder neighbour.
 */
static int
round_side(enum value_type t, int64_t n, int64_t *round)
{
	int	here = sig_digits(t, n);

	if (t != VAL_INT && n < INT64_MAX && sig_digits(t, n + 1) < here) {
		*round = n + 1;
		return (-1);
	}
	if (t != VAL_INT && n > 1 && sig_digits(t, n - 1) < here) {
		*round = n - 1;
		return (1);
	}
	*round = n;
	return (0);
}

/* A number as spoken: "an hour", "a day", but "2 hours", "1 TB". */
static char *
spoken(enum value_type t, int64_t n, char *buf, size_t bufsz)
{
	char	w[64];

	number_words(t, n, w, sizeof w);
	if (t == VAL_DURATION && strncmp(w, "1 ", 2) == 0 &&
	    strchr(w + 2, ' ') == NULL)
		text_printf(buf, bufsz, "%s %s", w[2] == 'h' ? "an" : "a",
		    w + 2);
	else
		text_printf(buf, bufsz, "%s", w);
	return (buf);
}

/*
 * A number a what-if found: one unit short of a rounder number is "less
 * than" it, one unit past is "more than" it. Spoken: "less than an hour".
 */
static char *
threshold_words(enum value_type t, int64_t n, bool speak, char *buf,
    size_t bufsz)
{
	char	w[64];
	int64_t	round;
	int	side = round_side(t, n, &round);

	if (speak)
		spoken(t, round, w, sizeof w);
	else
		number_words(t, round, w, sizeof w);
	text_printf(buf, bufsz, "%s%s", side < 0 ? "less than " : side > 0 ?
	    "more than " : "", w);
	return (buf);
}

/*
 * Cut " instead of <was>" out of a knowledge base's clause, written
 * "{value} instead of {was}" as archadvisor-rules(5) shows; a clause put
 * otherwise keeps its words.
 */
static void
drop_contrast(char *buf, const char *was)
{
	char	 cut[WORDS_LABEL_MAX * 2];
	char	*at;
	size_t	 n;

	n = (size_t)snprintf(cut, sizeof cut, " instead of %s", was);
	if (n >= sizeof cut || (at = strstr(buf, cut)) == NULL)
		return;
	memmove(at, at + n, strlen(at + n) + 1);
}

/* The clause with {value} and {was} put in. */
static char *
fill(const char *clause, const char *value, const char *was, char *buf,
    size_t bufsz)
{
	const char	*p;
	size_t		 len;

	buf[0] = '\0';
	for (p = clause; *p != '\0'; ) {
		len = strlen(buf);
		if (strncmp(p, "{value}", 7) == 0) {
			text_printf(buf + len, bufsz - len, "%s", value);
			p += 7;
		} else if (strncmp(p, "{was}", 5) == 0) {
			text_printf(buf + len, bufsz - len, "%s", was);
			p += 5;
		} else {
			text_printf(buf + len, bufsz - len, "%c", *p);
			p++;
		}
	}
	return (buf);
}

int
words_clause_check(const char *clause, unsigned allowed, char *why,
    size_t whysz)
{
	const char	*p, *end;
	bool		 value = false;

	for (p = clause; (p = strchr(p, '{')) != NULL; p = end) {
		end = strchr(p, '}');
		if (end != NULL && (size_t)(end - p) == 6 &&
		    strncmp(p, "{value}", 7) == 0 &&
		    (allowed & WORDS_HOLD_VALUE))
			value = true;
		else if (end == NULL || !(allowed & WORDS_HOLD_WAS) ||
		    (size_t)(end - p) != 4 || strncmp(p, "{was}", 5) != 0) {
			text_printf(why, whysz, "'%.*s' is not a place for the "
			    "answer%s", end ? (int)(end - p + 1) :
			    (int)strlen(p), p, allowed == 0 ? " (this clause "
			    "takes none)" : allowed & WORDS_HOLD_WAS ?
			    " (expected {value} or {was})" :
			    " (expected {value})");
			return (-1);
		}
	}
	if ((allowed & WORDS_HOLD_VALUE) && !value) {
		text_printf(why, whysz, "it must say where the answer goes, "
		    "with {value}");
		return (-1);
	}
	return (0);
}

char *
words_list_add(char *buf, size_t bufsz, const char *item, size_t i, size_t n)
{
	size_t	len = strlen(buf);

	text_printf(buf + len, bufsz - len, "%s%s", i == 0 ? "" : i + 1 == n ?
	    " and " : ", ", item);
	return (buf);
}

/* The members of mask in running text: "personalisation and IoT". */
static char *
members(const struct question *q, uint64_t mask, char *buf, size_t bufsz)
{
	char	label[WORDS_LABEL_MAX * 2], low[WORDS_LABEL_MAX * 2];
	size_t	i, k, n = 0;

	for (i = 0; i < q->dom.nnames; i++)
		n += (mask & (UINT64_C(1) << i)) != 0;
	buf[0] = '\0';
	for (i = k = 0; i < q->dom.nnames; i++)
		if (mask & (UINT64_C(1) << i))
			words_list_add(buf, bufsz, words_lower(
			    words_value_label(q, i, label, sizeof label), low,
			    sizeof low), k++, n);
	return (buf);
}

char *
words_change(const struct question *q, const struct value *from,
    const struct value *to, char *buf, size_t bufsz)
{
	char		 name[WORDS_LABEL_MAX * 2], a[512], b[512];
	char		 la[WORDS_LABEL_MAX * 2], lb[WORDS_LABEL_MAX * 2];
	const char	*clause;
	uint64_t	 add, drop;
	int64_t		 round;
	size_t		 len;
	int		 side;
	bool		 across;

	words_label_lower(q, name, sizeof name);
	switch (q->dom.type) {
	case VAL_BOOL:
		clause = to->known ? (to->num ? q->if_yes : q->if_no) : NULL;
		if (clause != NULL)
			text_printf(buf, bufsz, "%s", clause);
		else
			text_printf(buf, bufsz, "the answer on %s were %s "
			    "instead of %s", name, words_value(q, to, a,
			    sizeof a), words_value(q, from, b, sizeof b));
		return (buf);
	case VAL_SET:
		if (!from->known || !to->known)
			break;
		add = to->bits & ~from->bits;
		drop = from->bits & ~to->bits;
		members(q, add, a, sizeof a);
		members(q, drop, b, sizeof b);
		if ((!add || q->if_added != NULL) &&
		    (!drop || q->if_dropped != NULL) && (add || drop)) {
			/* As the knowledge base says it, joined by "and". */
			buf[0] = '\0';
			if (add)
				fill(q->if_added, a, "", buf, bufsz);
			len = strlen(buf);
			if (add && drop)
				text_printf(buf + len, bufsz - len, " and ");
			len = strlen(buf);
			if (drop)
				fill(q->if_dropped, b, "", buf + len,
				    bufsz - len);
			return (buf);
		}
		if (add && drop)
			text_printf(buf, bufsz, "%s were added to the %s and %s "
			    "dropped from them", a, name, b);
		else if (add)
			text_printf(buf, bufsz, "%s were added to the %s", a,
			    name);
		else
			text_printf(buf, bufsz, "%s were no longer among the %s",
			    b, name);
		return (buf);
	case VAL_LEVEL:
		if (!from->known || !to->known)
			break;
		if (q->value_ifs != NULL && to->num >= 0 &&
		    (size_t)to->num < q->dom.nnames &&
		    q->value_ifs[to->num] != NULL) {
			text_printf(buf, bufsz, "%s", q->value_ifs[to->num]);
			return (buf);
		}
		text_printf(buf, bufsz, "the %s were %s instead of %s", name,
		    words_lower(words_value(q, to, a, sizeof a), la, sizeof la),
		    words_lower(words_value(q, from, b, sizeof b), lb,
		    sizeof lb));
		return (buf);
	case VAL_DURATION:
	case VAL_SIZE:
	case VAL_INT:
		if (!from->known || !to->known)
			break;
		/*
		 * Below or above: the side of the round number the rule
		 * draws its line at, else the way the answer moved.
		 */
		if ((side = round_side(q->dom.type, to->num, &round)) == 0)
			side = to->num < from->num ? -1 : 1;
		clause = side < 0 ? q->if_less : q->if_more;
		/*
		 * Just across the answer given, "less than 5 minutes instead
		 * of 5 minutes" would say the answer twice: the contrast goes.
		 */
		across = round == from->num && round != to->num;
		if (clause != NULL) {
			fill(clause, threshold_words(q->dom.type, to->num, true,
			    a, sizeof a), spoken(q->dom.type, from->num, b,
			    sizeof b), buf, bufsz);
			if (across)
				drop_contrast(buf, b);
		} else if (across)
			text_printf(buf, bufsz, "the %s were %s", name,
			    threshold_words(q->dom.type, to->num, false, a,
			    sizeof a));
		else
			text_printf(buf, bufsz, "the %s were %s instead of %s",
			    name, threshold_words(q->dom.type, to->num, false,
			    a, sizeof a), number_words(q->dom.type, from->num,
			    b, sizeof b));
		return (buf);
	}
	text_printf(buf, bufsz, "the %s were %s instead of %s", name,
	    words_value(q, to, a, sizeof a), words_value(q, from, b,
	    sizeof b));
	return (buf);
}

static void
warn_same(struct diag *d, const struct srcloc *l, const char *what,
    const char *label, const char *a, const char *b)
{
	diag_add(d, DIAG_WARNING, l->file, l->line, l->col, "%s '%s' and "
	    "'%s' have the same label '%s'; people could not tell them "
	    "apart", what, a, b, label);
}

void
words_lint(const struct kb *kb, struct diag *d)
{
	const struct question	*q, *o;
	char			 x[WORDS_LABEL_MAX * 2], y[WORDS_LABEL_MAX * 2];
	size_t			 i, j, k;

	for (i = 0; i < kb->nquestions; i++) {
		q = &kb->questions[i];
		words_label(q, x, sizeof x);
		for (j = 0; j < i; j++) {
			o = &kb->questions[j];
			if (strcmp(x, words_label(o, y, sizeof y)) == 0) {
				warn_same(d, &q->loc, "questions", x, o->id,
				    q->id);
				break;
			}
		}
		if (q->dom.type != VAL_LEVEL && q->dom.type != VAL_SET)
			continue;
		for (j = 0; j < q->dom.nnames; j++) {
			words_value_label(q, j, x, sizeof x);
			for (k = 0; k < j; k++)
				if (strcmp(x, words_value_label(q, k, y,
				    sizeof y)) == 0) {
					warn_same(d, &q->loc, "values",
					    x, q->dom.names[k],
					    q->dom.names[j]);
					break;
				}
		}
	}
}
