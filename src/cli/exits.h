/*
 * exits: archadvisor's exit statuses (SPEC.md): sysexits.h values, but 2
 * for usage errors, as most command-line tools say it. The command line
 * and the TUI both return these.
 */
#ifndef ARCHADVISOR_EXITS_H
#define ARCHADVISOR_EXITS_H

enum {
	EXIT_OK = 0,
	EXIT_DIFFERS = 1,	/* diff: the recommendation differs */
	EXIT_USAGE = 2,
	EXIT_DATAERR = 65,
	EXIT_NOINPUT = 66,
	EXIT_SOFTWARE = 70,
	EXIT_CANTCREAT = 73,
};

#endif
