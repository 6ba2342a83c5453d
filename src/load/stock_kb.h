/*
 * stock_kb: the stock knowledge base (the .yaml files of rules/) compiled into the
 * binary by src/embed.sh, used when no --rules or $ARCHADVISOR_RULES is set.
 */
#ifndef ARCHADVISOR_STOCK_KB_H
#define ARCHADVISOR_STOCK_KB_H

#include <stddef.h>

struct stock_kb_file {
	const char	*name;
	const char	*data;	/* NUL-terminated; len excludes the NUL */
	size_t		 len;
};

extern const struct stock_kb_file stock_kb_files[];
extern const size_t stock_kb_nfiles;

#endif
