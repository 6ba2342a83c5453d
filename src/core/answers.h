/*
 * answers: one scenario, the answers to a knowledge base's questions,
 * indexed like kb->questions. Every question starts unknown ("don't know").
 * answers_init allocates; answers_free releases; strings are owned.
 */
#ifndef ARCHADVISOR_ANSWERS_H
#define ARCHADVISOR_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "kb.h"
#include "value.h"

struct answers {
	struct value	*v;		/* kb->nquestions entries */
	size_t		 n;
	char		*name;		/* scenario name, or NULL */
	char		*description;	/* or NULL */
	char		**notes;	/* n notes on the answers (each NULL
					   if none), or NULL: none at all */
};

/* Every question unknown, except those whose question declares a default. */
void	answers_init(struct answers *a, const struct kb *kb);
void	answers_free(struct answers *a);
void	answers_copy(struct answers *dst, const struct answers *src);
/* Number of questions answered (known). */
size_t	answers_count(const struct answers *a);
/* The note on question qi, or NULL. */
const char *answers_note(const struct answers *a, size_t qi);
/* Sets (a copy of) the note on question qi; NULL or "" removes it. */
void	answers_set_note(struct answers *a, size_t qi, const char *note);
/* Whether a has a note on any question. */
bool	answers_have_notes(const struct answers *a);

/*
 * Applies one "ID=VALUE" assignment (the --set option). Returns 0, or -1
 * with a one-line message in err naming the question and the accepted forms.
 */
int	answers_set_arg(struct answers *a, const struct kb *kb,
	    const char *arg, char *err, size_t errsz);

#endif
