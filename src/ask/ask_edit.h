/*
 * ask_edit: the reader ask uses on a terminal, on libedit (BSD licensed,
 * like our MIT): the line can be edited (arrows, Ctrl-A/E/K/W ...), Up and
 * Down recall the lines typed this session (kept in memory only: answers
 * may be confidential), and Tab completes the current question's names
 * and the prompt's words. On a pipe ask reads plain lines instead, so
 * what scripts see does not depend on a library.
 */
#ifndef ARCHADVISOR_ASK_EDIT_H
#define ARCHADVISOR_ASK_EDIT_H

#include <stdio.h>

#include "ask.h"

struct ask_editor;

/* A reader on the terminal in and out; ask_editor_free releases it. */
struct ask_editor	*ask_editor_new(const char *prog, FILE *in, FILE *out);
void			 ask_editor_free(struct ask_editor *ed);
/* An ask_read_fn: arg is the editor. */
enum ask_read		 ask_editor_read(void *arg, const char *prompt,
			    const struct question *q, char **line);

#endif
