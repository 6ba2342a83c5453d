/*
 * answers_yaml: a scenario as a YAML answers file, emitted with libyaml so
 * that names, descriptions and values are quoted exactly as YAML needs and
 * the loader (src/load/answers_load.c) reads back what was written.
 */
#include "answers_yaml.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <yaml.h>

/* Emits one event; 0 or -1. libyaml frees the event either way. */
static int
emit(yaml_emitter_t *em, yaml_event_t *ev, int made)
{
	if (!made)
		return (-1);
	return (yaml_emitter_emit(em, ev) ? 0 : -1);
}

/*
 * A scalar. Plain when libyaml can write it so; multi-line text as a
 * literal block, which libyaml turns into a quoted form if it cannot.
 */
static int
scalar(yaml_emitter_t *em, const char *s)
{
	yaml_event_t		ev;
	yaml_scalar_style_t	style;

	style = strchr(s, '\n') ? YAML_LITERAL_SCALAR_STYLE :
	    YAML_ANY_SCALAR_STYLE;
	return (emit(em, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)(uintptr_t)s, (int)strlen(s), 1, 1, style)));
}

/* A set as a flow sequence of its member names: [reporting, iot]. */
static int
set_value(yaml_emitter_t *em, const struct value_domain *dom,
    const struct value *v)
{
	yaml_event_t	ev;
	size_t		i;

	if (emit(em, &ev, yaml_sequence_start_event_initialize(&ev, NULL,
	    NULL, 1, YAML_FLOW_SEQUENCE_STYLE)) != 0)
		return (-1);
	for (i = 0; i < dom->nnames && i < VALUE_SET_MAX; i++)
		if ((v->bits & (UINT64_C(1) << i)) != 0 &&
		    scalar(em, dom->names[i]) != 0)
			return (-1);
	return (emit(em, &ev, yaml_sequence_end_event_initialize(&ev)));
}

/* notes: a block mapping of question id to note, in question order. */
static int
notes(yaml_emitter_t *em, const struct kb *kb, const struct answers *a)
{
	yaml_event_t	ev;
	size_t		i;

	if (!answers_have_notes(a))
		return (0);
	if (scalar(em, "notes") != 0 ||
	    emit(em, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL,
	    1, YAML_BLOCK_MAPPING_STYLE)) != 0)
		return (-1);
	for (i = 0; i < kb->nquestions && i < a->n; i++)
		if (answers_note(a, i) != NULL &&
		    (scalar(em, kb->questions[i].id) != 0 ||
		    scalar(em, answers_note(a, i)) != 0))
			return (-1);
	return (emit(em, &ev, yaml_mapping_end_event_initialize(&ev)));
}

static int
body(yaml_emitter_t *em, const struct kb *kb, const struct answers *a)
{
	const struct question	*q;
	yaml_event_t		 ev;
	char			 buf[1024];
	size_t			 i;

	if (emit(em, &ev, yaml_stream_start_event_initialize(&ev,
	    YAML_UTF8_ENCODING)) != 0 ||
	    emit(em, &ev, yaml_document_start_event_initialize(&ev, NULL,
	    NULL, NULL, 1)) != 0 ||
	    emit(em, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL,
	    1, YAML_BLOCK_MAPPING_STYLE)) != 0)
		return (-1);
	if (a->name != NULL &&
	    (scalar(em, "name") != 0 || scalar(em, a->name) != 0))
		return (-1);
	if (a->description != NULL && (scalar(em, "description") != 0 ||
	    scalar(em, a->description) != 0))
		return (-1);
	for (i = 0; i < kb->nquestions && i < a->n; i++) {
		q = &kb->questions[i];
		if (!a->v[i].known) {
			/* Left out reloads as unknown, unless a default. */
			if (!q->def.known)
				continue;
			if (scalar(em, q->id) != 0 || scalar(em, "~") != 0)
				return (-1);
			continue;
		}
		if (scalar(em, q->id) != 0)
			return (-1);
		if (q->dom.type == VAL_SET) {
			if (set_value(em, &q->dom, &a->v[i]) != 0)
				return (-1);
		} else if (scalar(em, value_format(&q->dom, &a->v[i], buf,
		    sizeof buf)) != 0)
			return (-1);
	}
	if (notes(em, kb, a) != 0 ||
	    emit(em, &ev, yaml_mapping_end_event_initialize(&ev)) != 0 ||
	    emit(em, &ev, yaml_document_end_event_initialize(&ev, 1)) != 0 ||
	    emit(em, &ev, yaml_stream_end_event_initialize(&ev)) != 0)
		return (-1);
	return (yaml_emitter_flush(em) ? 0 : -1);
}

int
answers_yaml_write(FILE *fp, const struct kb *kb, const struct answers *a)
{
	yaml_emitter_t	em;
	char		name[64], version[64];
	int		rc;

	/* value_quote keeps a hostile name from ending the comment line. */
	fprintf(fp, "# archadvisor answers for the knowledge base %s %s.\n"
	    "# Questions left out are unanswered (\"don't know\").\n",
	    value_quote(kb->name, strlen(kb->name), name, sizeof name),
	    value_quote(kb->version, strlen(kb->version), version,
	    sizeof version));
	if (!yaml_emitter_initialize(&em)) {
		errno = ENOMEM;
		return (-1);
	}
	yaml_emitter_set_output_file(&em, fp);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, 76);
	rc = body(&em, kb, a);
	yaml_emitter_delete(&em);
	if (rc != 0 && errno == 0)
		errno = EIO;
	return (rc != 0 || ferror(fp) ? -1 : 0);
}
