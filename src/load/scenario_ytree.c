/*
 * scenario_ytree: a YAML document read by libyaml into a tree and then as
 * an answers file is (answers_from_doc): the reading that gives the one
 * true result and reports problems, with the parser told where the
 * document starts so that every message names the line of the whole
 * input. The other YAML readers give up on what this one must judge.
 */
#include "scenario_sink.h"

#include <stdlib.h>
#include <string.h>

#include "answers_load.h"
#include "yaml_tree.h"

int
scenario_yaml_tree(struct scenario_sink *sk, const char *file,
    const char *text, size_t len, int line, uint64_t byte, struct diag *d)
{
	struct answers		*ans = sink_answers(sk);
	struct yaml_stream	*ys;
	struct yaml_doc		 doc;
	size_t			 nerr = d->nerrors, i;
	int			 rc;

	sink_begin(sk);
	if ((ys = yaml_stream_new(file, text, len)) == NULL) {
		diag_add(d, DIAG_ERROR, file, line, 1, "cannot start the "
		    "YAML parser");
		return (-1);
	}
	yaml_stream_set_origin(ys, line, (size_t)byte);
	if ((rc = yaml_stream_next(ys, &doc, d)) == 1) {
		answers_from_doc(ans, sk->kb, file, &doc, d);
		yaml_doc_free(&doc);
		/*
		 * Text after the document and before the next "---" (say a
		 * key less indented than the first) is an error here.
		 */
		if (d->nerrors == nerr && (rc = yaml_stream_next(ys, &doc,
		    d)) == 1) {
			diag_add(d, DIAG_ERROR, file, doc.line, doc.col,
			    "a second document without '---' before it");
			yaml_doc_free(&doc);
		}
	}
	yaml_stream_free(ys);
	if (ans->name != NULL)
		sink_name(sk, ans->name, strlen(ans->name));
	free(ans->name);
	free(ans->description);
	ans->name = ans->description = NULL;
	/* Notes are checked by answers_from_doc; rows do not show them. */
	for (i = 0; ans->notes != NULL && i < ans->n; i++)
		answers_set_note(ans, i, NULL);
	return (rc < 0 || d->nerrors != nerr ? -1 : 0);
}
