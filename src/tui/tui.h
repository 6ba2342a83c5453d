/*
 * tui: the interactive questionnaire (ncurses, wide characters). The only
 * part of archadvisor that talks to a terminal; it reads the knowledge
 * base, the answers and the engine's ranking, and calls the core for
 * everything else (engine_rank after every change, the answers writer, the
 * report writers). src/main.c parses the options and calls tui_run.
 */
#ifndef ARCHADVISOR_TUI_H
#define ARCHADVISOR_TUI_H

#include <stdbool.h>

#include "kb.h"

struct tui_options {
	const char	*answers;	/* --answers FILE, or NULL */
	const char	*version;	/* archadvisor's version */
	bool		 color;		/* colour allowed (--color, NO_COLOR) */
};

/*
 * Runs the questionnaire on kb (borrowed) until the user quits. Answers
 * from opts->answers are loaded first and their problems printed on
 * stderr before the screen is touched; a file that does not exist yet is
 * created on the first save. Returns an exit status: 0; 65 or 66 for an
 * answers file that cannot be used, 65 for a knowledge base without
 * questions; 70 if the terminal cannot be set up;
 * 128 + the signal for SIGINT and SIGTERM, after restoring the terminal.
 */
int	tui_run(const struct kb *kb, const struct tui_options *opts);

#endif
