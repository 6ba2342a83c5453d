/*
 * ask_edit: line editing for ask on libedit's own interface (histedit.h);
 * see ask_edit.h. SIGINT is ask's (ask_catch_sigint, without SA_RESTART):
 * the read in progress fails with EINTR and el_gets returns NULL.
 */
#include "ask_edit.h"

#include <errno.h>
#include <histedit.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct ask_editor {
	EditLine		*el;
	History			*hist;
	char			 prompt[256];	/* of the read in progress */
	const struct question	*q;
	FILE			*out;
	char			*line;		/* the last line read */
};

static char *
editor_prompt(EditLine *el)
{
	static char		 none[] = "> ";
	struct ask_editor	*ed = NULL;

	el_get(el, EL_CLIENTDATA, &ed);
	return (ed != NULL ? ed->prompt : none);
}

/* Tab: the word under the cursor completed from the question's names. */
static unsigned char
editor_complete(EditLine *el, int ch)
{
	struct ask_editor	*ed = NULL;
	const LineInfo		*li = el_line(el);
	const char		*start = li->cursor;
	char			*word, **c;
	size_t			 n, i, common, len;

	(void)ch;
	el_get(el, EL_CLIENTDATA, &ed);
	if (ed == NULL || ed->q == NULL)
		return (CC_REFRESH_BEEP);
	while (start > li->buffer && strchr(" \t,[:", start[-1]) == NULL)
		start--;
	len = (size_t)(li->cursor - start);
	word = xstrndup(start, len);
	c = ask_completions(ed->q, word);
	free(word);
	for (n = 0; c[n] != NULL; n++)
		/* count */;
	if (n == 0) {
		free(c);
		return (CC_REFRESH_BEEP);
	}
	/* What every completion shares beyond what was typed. */
	common = strlen(c[0]);
	for (i = 1; i < n; i++) {
		size_t	k = 0;

		while (k < common && c[i][k] == c[0][k])
			k++;
		common = k;
	}
	if (common > len) {
		char	*add = xstrndup(c[0] + len, common - len);

		el_insertstr(el, add);
		free(add);
	} else if (n > 1) {
		fputc('\n', ed->out);
		for (i = 0; i < n; i++)
			fprintf(ed->out, "%s%s", i ? "  " : "", c[i]);
		fputc('\n', ed->out);
		fflush(ed->out);
	}
	for (i = 0; i < n; i++)
		free(c[i]);
	free(c);
	return (n > 1 && common <= len ? CC_REDISPLAY : CC_REFRESH);
}

struct ask_editor *
ask_editor_new(const char *prog, FILE *in, FILE *out)
{
	struct ask_editor	*ed;
	HistEvent		 ev;

	ed = xcalloc(1, sizeof *ed);
	ed->out = out;
	if ((ed->el = el_init(prog, in, out, stderr)) == NULL) {
		free(ed);
		return (NULL);
	}
	ed->hist = history_init();
	if (ed->hist != NULL) {
		history(ed->hist, &ev, H_SETSIZE, 200);
		history(ed->hist, &ev, H_SETUNIQUE, 1);
		el_set(ed->el, EL_HIST, history, ed->hist);
	}
	el_set(ed->el, EL_CLIENTDATA, ed);
	el_set(ed->el, EL_EDITOR, "emacs");
	el_set(ed->el, EL_PROMPT, editor_prompt);
	/* Wide strings: the narrow el_set copies them and never frees the
	   copies; el_wset keeps these static ones. */
	el_wset(ed->el, EL_ADDFN, L"ask-complete", L"complete an answer",
	    editor_complete);
	el_set(ed->el, EL_BIND, "^I", "ask-complete", NULL);
	return (ed);
}

void
ask_editor_free(struct ask_editor *ed)
{
	HistEvent	ev;

	if (ed == NULL)
		return;
	el_end(ed->el);
	if (ed->hist != NULL) {
		history(ed->hist, &ev, H_CLEAR);
		history_end(ed->hist);
	}
	free(ed->line);
	free(ed);
}

enum ask_read
ask_editor_read(void *arg, const char *prompt, const struct question *q,
    char **line)
{
	struct ask_editor	*ed = arg;
	HistEvent		 ev;
	const char		*s;
	size_t			 n;
	int			 count = 0;

	snprintf(ed->prompt, sizeof ed->prompt, "%s", prompt);
	ed->q = q;
	errno = 0;
	if ((s = el_gets(ed->el, &count)) == NULL || count <= 0)
		return (count < 0 && errno == EINTR ? ASK_INTR : ASK_EOF);
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	free(ed->line);
	ed->line = xstrndup(s, n);
	if (n > 0 && ed->hist != NULL)
		history(ed->hist, &ev, H_ENTER, ed->line);
	*line = ed->line;
	return (ASK_LINE);
}
