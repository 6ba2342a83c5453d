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

/*
 * The same files' YAML events, recorded at build time by src/yaml_record.c
 * (format in yaml_tree.h), in the same order: loading replays them instead
 * of scanning the text. events is NULL for a file libyaml could not read.
 */
struct stock_kb_events {
	const char		*name;
	size_t			 textlen;	/* of the file recorded */
	const unsigned char	*events;
	size_t			 len;
};

extern const struct stock_kb_events stock_kb_events[];
extern const size_t stock_kb_nevents;

/*
 * The recording of a stock file, known by the address of its text (data,
 * len as in stock_kb_files[]); NULL if data is no stock file's text or it
 * has no recording: then parse the text.
 */
const unsigned char	*stock_kb_recording(const char *data, size_t len,
			    size_t *nrec);

#endif
