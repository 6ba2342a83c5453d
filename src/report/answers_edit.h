/*
 * answers_edit: saves a scenario into the answers file it came from by
 * editing the file's text instead of writing it afresh, so that what its
 * author wrote stays: comments, blank lines, key order and quoting. Only
 * what changed is touched: a changed value is replaced where it stands, a
 * new key goes at the end of the mapping (a new note at the end of
 * notes:), and an answer that became "don't know" loses its line (or
 * becomes "~" where a comment shares it, or where the question has a
 * default). The result is read back and compared with the answers before
 * it is handed out; a file whose form does not allow an edit (a flow
 * mapping, anchors, several documents...) is refused with the reason, and
 * the caller writes it afresh with answers_yaml_write.
 *
 * const arguments are borrowed; the edited text belongs to the caller.
 */
#ifndef ARCHADVISOR_ANSWERS_EDIT_H
#define ARCHADVISOR_ANSWERS_EDIT_H

#include <stddef.h>

#include "answers.h"
#include "kb.h"

/*
 * Edits text[0 .. len), an answers file for kb, so that it holds a.
 * Returns 0 with the new text in *out (NUL-terminated; the caller frees
 * it) and its length in *outlen, or -1 with why the file cannot be edited
 * in place in why ("its answers are written as one {...} mapping").
 */
int	answers_edit(const char *text, size_t len, const struct kb *kb,
	    const struct answers *a, char **out, size_t *outlen, char *why,
	    size_t whysz);

#endif
