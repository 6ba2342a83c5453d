/*
 * yaml_fields: checks of the fields of a YAML mapping, shared by the
 * loaders. See yaml_fields.h.
 */
#include "yaml_fields.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void
field_error(const struct field_ctx *fc, const struct ynode *n,
    const char *fmt, ...)
{
	va_list	ap;
	char	buf[768];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	diag_add(fc->d, DIAG_ERROR, fc->file, n ? n->line : 0,
	    n ? n->col : 0, "%s", buf);
}

/* Checks that every key of map is one of allowed (a NULL-ended list). */
void
field_check_keys(const struct field_ctx *fc, const struct ynode *map,
    const char *what, const char *const *allowed)
{
	char	list[512];
	size_t	i, j, len;

	for (i = 0; i + 1 < map->n; i += 2) {
		for (j = 0; allowed[j] != NULL; j++)
			if (map->items[i]->str[0] == allowed[j][0] &&
			    strcmp(map->items[i]->str, allowed[j]) == 0)
				break;
		if (allowed[j] != NULL)
			continue;
		list[0] = '\0';
		for (j = 0, len = 0; allowed[j] != NULL; j++)
			len += (size_t)snprintf(list + len, len < sizeof list ?
			    sizeof list - len : 0, "%s%s", j ? ", " : "",
			    allowed[j]);
		field_error(fc, map->items[i], "unknown key '%s' in %s "
		    "(expected one of: %s)", map->items[i]->str, what, list);
	}
}

/* Returns the text of scalar field key, or NULL (reporting if required). */
const char *
field_text(const struct field_ctx *fc, const struct ynode *map,
    const char *key, const char *what, bool required)
{
	const struct ynode	*n;

	n = ynode_get(map, key);
	if (n == NULL) {
		if (required)
			field_error(fc, map, "%s is missing '%s'", what, key);
		return (NULL);
	}
	if (n->type != YNODE_SCALAR) {
		field_error(fc, n, "'%s' must be text, not %s", key,
		    ynode_type_name(n->type));
		return (NULL);
	}
	if (required && n->str[0] == '\0') {
		field_error(fc, n, "'%s' must not be empty", key);
		return (NULL);
	}
	return (n->str);
}

char *
field_dup_text(const struct field_ctx *fc, const struct ynode *map,
    const char *key, const char *what, bool required)
{
	const char	*s;

	s = field_text(fc, map, key, what, required);
	return (s ? xstrdup(s) : NULL);
}

/* Reads an optional list of strings into l. */
void
field_strlist(const struct field_ctx *fc, const struct ynode *map,
    const char *key, struct strlist *l)
{
	const struct ynode	*n;
	size_t			 i;

	if ((n = ynode_get(map, key)) == NULL)
		return;
	if (n->type != YNODE_SEQ) {
		field_error(fc, n, "'%s' must be a list of text, not %s", key,
		    ynode_type_name(n->type));
		return;
	}
	for (i = 0; i < n->n; i++) {
		if (n->items[i]->type != YNODE_SCALAR) {
			field_error(fc, n->items[i], "'%s' items must be text, "
			    "not %s", key, ynode_type_name(n->items[i]->type));
			continue;
		}
		strlist_push(l, n->items[i]->str);
	}
}

/* Ids are lower-case names: letters, digits, '_' and '-'. */
bool
field_valid_id(const char *s)
{
	const char	*p;

	if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
		return (false);
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_' || *p == '-'))
			return (false);
	return (p - s <= 64);
}

const char *
field_id(const struct field_ctx *fc, const struct ynode *map,
    const char *what)
{
	const char		*id;

	if ((id = field_text(fc, map, "id", what, true)) == NULL)
		return (NULL);
	if (!field_valid_id(id)) {
		field_error(fc, ynode_get(map, "id"), "invalid %s id '%s': use "
		    "lower-case letters, digits, '_' and '-' (at most 64)",
		    what, id);
		return (NULL);
	}
	return (id);
}

struct srcloc
field_loc(const struct field_ctx *fc, const struct ynode *n)
{
	struct srcloc	l;

	l.file = fc->file;
	l.line = n->line;
	l.col = n->col;
	return (l);
}

/* Reads a number field; returns 0 if absent or valid, -1 otherwise. */
int
field_number(const struct field_ctx *fc, const struct ynode *map,
    const char *key, double lo, double hi, double *out)
{
	const struct ynode	*n;
	char			*end;
	double			 v;

	if ((n = ynode_get(map, key)) == NULL)
		return (0);
	if (n->type == YNODE_SCALAR) {
		errno = 0;
		v = strtod(n->str, &end);
		if (end != n->str && *end == '\0' && errno == 0 &&
		    isfinite(v) && v >= lo && v <= hi) {
			*out = v;
			return (0);
		}
	}
	field_error(fc, n, "'%s' must be a number from %g to %g", key, lo, hi);
	return (-1);
}

/* An optional true/false field; out is left alone when it is absent. */
void
field_bool(const struct field_ctx *fc, const struct ynode *map,
    const char *key, bool *out)
{
	const struct ynode	*n;

	if ((n = ynode_get(map, key)) == NULL)
		return;
	if (n->type == YNODE_SCALAR && n->plain &&
	    (strcmp(n->str, "true") == 0 || strcmp(n->str, "false") == 0))
		*out = strcmp(n->str, "true") == 0;
	else
		field_error(fc, n, "'%s' must be true or false", key);
}
