/*
 * answers_edit_int: what the two halves of answers_edit share: the parse
 * of the file (answers_edit_yaml.c: where each key and value is, and how
 * values are written as YAML) and the plan of changes (answers_edit.c).
 * Nothing outside src/report/answers_edit*.c includes this header.
 */
#ifndef ARCHADVISOR_ANSWERS_EDIT_INT_H
#define ARCHADVISOR_ANSWERS_EDIT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "answers.h"
#include "kb.h"

struct buf {
	char	*s;
	size_t	 len, cap;
};

enum vkind { VK_SCALAR, VK_EMPTY, VK_BLOCK_SEQ, VK_FLOW_SEQ, VK_BLOCK_MAP };

/* A key of a block mapping and where its value is, in bytes. */
struct entry {
	char		*key;
	size_t		 kstart, kcol;	/* the key: byte, column */
	size_t		 vstart, vend;	/* the value, trailing blanks out */
	enum vkind	 kind;
	size_t		 icol;		/* block list or mapping: its column */
	struct entry	*sub;		/* notes: their entries */
	size_t		 nsub;
};

/* Replace old[start .. end) by text. */
struct change {
	size_t	 start, end, seq;
	char	*text;
};

struct edit {
	const char	*text;
	size_t		 len;
	size_t		*lines;		/* byte where each line starts */
	size_t		 nlines;
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	bool		 have_ev;
	char		*why;
	size_t		 whysz;
	struct entry	*root;
	size_t		 nroot, rootcol;
	bool		 no_doc;	/* nothing but comments */
	bool		 empty_flow;	/* the mapping is "{}" */
	size_t		 flow_start, flow_end;
	struct change	*ch;
	size_t		 nch;
};

/* A growing string; aedit_buf_take hands its text over (never NULL). */
void	 aedit_buf_add(struct buf *, const char *s, size_t n);
void	 aedit_buf_adds(struct buf *, const char *s);
void	 aedit_buf_spaces(struct buf *, size_t n);
char	*aedit_buf_take(struct buf *);
/* Keeps the first reason the file cannot be edited; returns -1. */
int	 aedit_refuse(struct edit *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Reads e->text into e->root (or no_doc, empty_flow); 0 or -1. */
int	 aedit_parse(struct edit *);
/* Reads text as answers for kb into a (answers_init'ed here); 0 or -1. */
int	 aedit_read_answers(const char *text, size_t len, const struct kb *,
	    struct answers *a);
/* Text as a YAML value: plain, a literal block (if block) or quoted. */
void	 aedit_text_value(struct buf *, const char *s, size_t indent,
	    bool block);
/* An answer as a YAML value; a block list where en (or NULL) has one. */
void	 aedit_answer_value(struct buf *, const struct question *,
	    const struct value *, const struct entry *en);

#endif
