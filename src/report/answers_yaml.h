/*
 * answers_yaml: writes one scenario as a YAML answers file, the form
 * answers_load_file reads back to the same answers (SPEC.md "Answers
 * file"). The TUI saves through it; anything else that wants to hand a
 * scenario on as a file can too.
 *
 * const arguments are borrowed; nothing is kept.
 */
#ifndef ARCHADVISOR_ANSWERS_YAML_H
#define ARCHADVISOR_ANSWERS_YAML_H

#include <stdio.h>

#include "answers.h"
#include "kb.h"

/*
 * Writes a to fp: a comment line naming the knowledge base, then name and
 * description when set, then every answered question in knowledge-base
 * order with its canonical value ("10m", "2TB", "[reporting, iot]"), then
 * the notes on the answers, if any, as a notes: mapping.
 * Unanswered questions are left out, except that a question with a default
 * that is now unknown is written as "~" so that it reloads as unknown.
 * Strings are quoted by libyaml's emitter as they need. Returns 0, or -1
 * if writing failed (errno set when the stream set it).
 */
int	answers_yaml_write(FILE *fp, const struct kb *kb,
	    const struct answers *a);

#endif
