/*
 * context: what a scenario says about itself besides its answers: a
 * title and a short description (the answers file's name: and
 * description:, which head the handouts and the decision record), and a
 * note on any answer ("finance close at 7am"), kept in notes:. The title
 * is asked for once, before the first save or export of a scenario that
 * has none; 't' changes it at any time, 'n' the note on the question under
 * the cursor.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui_int.h"
#include "words.h"
#include "xmalloc.h"

/* What to do once the title and description are settled. */
enum then { THEN_NOTHING, THEN_SAVE, THEN_EXPORT };

static bool	asked;	/* the title was asked for once this session */

/* The same text, line ends aside: a description typed on one line. */
static bool
same_flat(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++)
		if (*a != *b && !((*a == '\n' || *a == ' ') &&
		    (*b == '\n' || *b == ' ')))
			return (false);
	return (*b == '\0' && (*a == '\0' || strcmp(a, "\n") == 0));
}

/* Sets *field to text (NULL if empty); true if that changed it. */
static bool
set_text(char **field, const char *text)
{
	const char	*was = *field != NULL ? *field : "";

	if (same_flat(was, text))
		return (false);
	free(*field);
	*field = text[0] != '\0' ? xstrdup(text) : NULL;
	return (true);
}

static int
go_on(struct tui *t, enum then then)
{
	switch (then) {
	case THEN_SAVE:
		return (files_save(t, false));
	case THEN_EXPORT:
		return (files_export(t));
	default:
		return (TUI_REDRAW);
	}
}

static int
description_done(struct tui *t, const char *text, void *arg)
{
	int	react = TUI_POP;

	if (set_text(&t->answers.description, text))
		react |= TUI_DIRTY;
	return (react | go_on(t, (enum then)(uintptr_t)arg));
}

/* A description as one line: the field has no line ends. */
static char *
flat(const char *s)
{
	char	*f = xstrdup(s != NULL ? s : ""), *p;

	for (p = f; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	/* A literal block's last line end. */
	if (p > f && p[-1] == ' ' && s[strlen(s) - 1] == '\n')
		p[-1] = '\0';
	return (f);
}

static int
title_done(struct tui *t, const char *text, void *arg)
{
	enum then	 then = (enum then)(uintptr_t)arg;
	char		*desc;
	int		 react = TUI_POP;

	if (set_text(&t->answers.name, text))
		react |= TUI_DIRTY;
	/* No title, on the way to a save: ask nothing more. */
	if (text[0] == '\0' && then != THEN_NOTHING)
		return (react | go_on(t, then));
	desc = flat(t->answers.description);
	prompt_open(t, "Describe the scenario", "In a sentence or two: what "
	    "the data is for and what matters most. The handouts and the "
	    "decision record open with it.", desc, description_done, arg);
	free(desc);
	return (react);
}

static void
open_title(struct tui *t, enum then then)
{
	asked = true;
	prompt_open(t, "Title of this scenario", then == THEN_NOTHING ?
	    "A short title, such as \"Nightly finance reporting\"; the "
	    "handouts and the decision record are titled with it." :
	    "A short title first, such as \"Nightly finance reporting\": the "
	    "handouts and the decision record are titled with it. Leave it "
	    "empty to go on without one.", t->answers.name, title_done,
	    (void *)(uintptr_t)then);
}

int
context_title(struct tui *t)
{
	open_title(t, THEN_NOTHING);
	return (TUI_REDRAW);
}

bool
context_ask_first(struct tui *t, bool export)
{
	if (asked || t->answers.name != NULL)
		return (false);
	open_title(t, export ? THEN_EXPORT : THEN_SAVE);
	return (true);
}

static int
note_done(struct tui *t, const char *text, void *arg)
{
	size_t		 qi = (size_t)(uintptr_t)arg;
	const char	*was = answers_note(&t->answers, qi);

	if (same_flat(was != NULL ? was : "", text))
		return (TUI_POP);
	answers_set_note(&t->answers, qi, text);
	tui_message(t, false, "%s; s saves it with the answers.", text[0] !=
	    '\0' ? "Note kept" : "Note removed");
	return (TUI_POP | TUI_DIRTY);
}

int
context_note(struct tui *t, size_t qi)
{
	char	*title, label[WORDS_LABEL_MAX * 2];

	title = xasprintf("Note on %s", words_label_lower(
	    &t->kb->questions[qi], label, sizeof label));
	prompt_open(t, title, "A short note kept with this answer and shown "
	    "beside it in the handouts, such as \"finance close at 7am\". "
	    "Leave it empty to remove it.", answers_note(&t->answers, qi),
	    note_done, (void *)(uintptr_t)qi);
	free(title);
	return (TUI_REDRAW);
}
