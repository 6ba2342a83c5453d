/*
 * record_load: finds the answers block a generated record carries
 * (record_embed.h) in a document's text, by its content, whatever the
 * file is called: an ADR, a Markdown or an HTML handout.
 */
#ifndef ARCHADVISOR_RECORD_LOAD_H
#define ARCHADVISOR_RECORD_LOAD_H

#include <stddef.h>

/* What the block's comment lines say; "" for what is missing. */
struct record_meta {
	int	line;			/* the marker's line, 1-based */
	char	tool[64];
	char	kb_name[256];
	char	kb_version[64];
	char	date[16];
	int	date_line;
	char	review_by[16];
	int	review_line;
	char	processing[128];	/* pattern id, or "none" */
	char	organization[128];	/* pattern id, or "centralized" */
	int	rec_line;
};

/*
 * Looks for a line that starts with the marker in buf (len bytes, NUL
 * terminated). When there is one, rewrites buf in place into the block's
 * answers alone, unescaped, with every line before them left empty so
 * that a YAML error keeps its line in the document, sets *len and fills m.
 * Returns 1 when a block was found, 0 when there is none, -1 when the
 * block never ends (with *line and a message in err).
 */
int	record_extract(char *buf, size_t *len, struct record_meta *m,
	    int *line, char *err, size_t errsz);

/* Whether text (len bytes) looks like HTML rather than YAML. */
int	record_looks_like_markup(const char *buf, size_t len);

#endif
