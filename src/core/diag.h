/*
 * diag: a list of problems found while loading or checking input, each with
 * the place it was found. The core never prints: it appends here and the
 * front end decides how to show the list (tmux's cfg_add_cause). Strings
 * passed in are copied; the list owns its items.
 */
#ifndef ARCHADVISOR_DIAG_H
#define ARCHADVISOR_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag_item {
	enum diag_severity	 severity;
	char			*file;	/* NULL when there is no file */
	int			 line;	/* 1-based; 0 when unknown */
	int			 col;	/* 1-based; 0 when unknown */
	char			*msg;
};

struct diag {
	struct diag_item	*items;
	size_t			 n, cap;
	size_t			 nerrors;
};

void	diag_init(struct diag *d);
void	diag_free(struct diag *d);
void	diag_add(struct diag *d, enum diag_severity sev, const char *file,
	    int line, int col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));
/* Prints one item as "file:line:col: error: msg" (unknown parts left out). */
void	diag_print_item(FILE *fp, const struct diag_item *it);
void	diag_print(FILE *fp, const struct diag *d);

#endif
