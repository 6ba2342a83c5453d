/*
 * answers: a scenario's answers, and the ID=VALUE form used by --set.
 */
#include "answers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"
#include "xmalloc.h"

void
answers_init(struct answers *a, const struct kb *kb)
{
	size_t	i;

	a->n = kb->nquestions;
	a->v = xcalloc(a->n, sizeof *a->v);
	for (i = 0; i < a->n; i++)
		a->v[i] = kb->questions[i].def;
	a->name = NULL;
	a->description = NULL;
	a->notes = NULL;
}

static void
free_notes(struct answers *a)
{
	size_t	i;

	if (a->notes != NULL)
		for (i = 0; i < a->n; i++)
			free(a->notes[i]);
	free(a->notes);
	a->notes = NULL;
}

void
answers_free(struct answers *a)
{
	if (a == NULL)
		return;
	free_notes(a);
	free(a->v);
	free(a->name);
	free(a->description);
	a->v = NULL;
	a->n = 0;
	a->name = a->description = NULL;
}

const char *
answers_note(const struct answers *a, size_t qi)
{
	return (a->notes != NULL && qi < a->n ? a->notes[qi] : NULL);
}

void
answers_set_note(struct answers *a, size_t qi, const char *note)
{
	if (qi >= a->n)
		return;
	if (a->notes == NULL) {
		if (note == NULL || note[0] == '\0')
			return;
		a->notes = xcalloc(a->n, sizeof *a->notes);
	}
	free(a->notes[qi]);
	a->notes[qi] = note != NULL && note[0] != '\0' ? xstrdup(note) :
	    NULL;
}

bool
answers_have_notes(const struct answers *a)
{
	size_t	i;

	for (i = 0; a->notes != NULL && i < a->n; i++)
		if (a->notes[i] != NULL)
			return (true);
	return (false);
}

void
answers_copy(struct answers *dst, const struct answers *src)
{
	size_t	i;

	dst->n = src->n;
	dst->v = xcalloc(src->n, sizeof *dst->v);
	memcpy(dst->v, src->v, src->n * sizeof *dst->v);
	dst->name = src->name ? xstrdup(src->name) : NULL;
	dst->description = src->description ? xstrdup(src->description) :
	    NULL;
	dst->notes = NULL;
	for (i = 0; src->notes != NULL && i < src->n; i++)
		answers_set_note(dst, i, src->notes[i]);
}

size_t
answers_count(const struct answers *a)
{
	size_t	i, n = 0;

	for (i = 0; i < a->n; i++)
		if (a->v[i].known)
			n++;
	return (n);
}

int
answers_set_arg(struct answers *a, const struct kb *kb, const char *arg,
    char *err, size_t errsz)
{
	const struct question	*q;
	const char		*eq, *near;
	struct value		 v;
	char			 id[128], why[512], qarg[VALUE_QUOTE_MAX + 8];
	char			 qid[VALUE_QUOTE_MAX + 8];
	int			 qi;

	/* The argument is echoed cut short and with controls masked. */
	value_quote(arg, strlen(arg), qarg, sizeof qarg);
	if ((eq = strchr(arg, '=')) == NULL || eq == arg) {
		snprintf(err, errsz, "--set '%s': expected ID=VALUE, "
		    "e.g. --set latency=10m", qarg);
		return (-1);
	}
	value_quote(arg, (size_t)(eq - arg), qid, sizeof qid);
	if ((size_t)(eq - arg) >= sizeof id) {
		snprintf(err, errsz, "--set %s: unknown question '%s' "
		    "(see 'archadvisor questions')", qarg, qid);
		return (-1);
	}
	memcpy(id, arg, (size_t)(eq - arg));
	id[eq - arg] = '\0';
	if ((qi = kb_question_index(kb, id)) < 0) {
		near = suggest_question(kb, id);
		snprintf(err, errsz, "--set %s: unknown question '%s' (%s%s%s"
		    "see 'archadvisor questions')", qarg, qid, near ?
		    "did you mean '" : "", near ? near : "", near ? "'? " : "");
		return (-1);
	}
	q = &kb->questions[qi];
	if (value_parse(&q->dom, eq + 1, &v, why, sizeof why) != 0) {
		snprintf(err, errsz, "--set %s: %s", qarg, why);
		return (-1);
	}
	a->v[qi] = v;
	return (0);
}
