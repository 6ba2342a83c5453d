/*
 * stock_kb: finds the recorded events of a compiled-in stock file. The two
 * generated lists (stock_kb_files[] by src/embed.sh, stock_kb_events[] by
 * src/yaml_record.c) come from one list of the YAML files of rules/, in
 * one order; the name and length are checked all the same, so that a
 * stale object can only ever fall back to parsing the text.
 */
#include "stock_kb.h"

#include <string.h>

const unsigned char *
stock_kb_recording(const char *data, size_t len, size_t *nrec)
{
	const struct stock_kb_events	*e;
	size_t				 i;

	for (i = 0; i < stock_kb_nfiles && i < stock_kb_nevents; i++) {
		if (stock_kb_files[i].data != data)
			continue;
		e = &stock_kb_events[i];
		if (e->events == NULL || e->textlen != len ||
		    stock_kb_files[i].len != len ||
		    strcmp(e->name, stock_kb_files[i].name) != 0)
			return (NULL);
		*nrec = e->len;
		return (e->events);
	}
	return (NULL);
}
