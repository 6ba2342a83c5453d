/*
 * yaml_fields: the checks every loader makes on the fields of a YAML
 * mapping (text, ids, numbers, booleans, lists of text, allowed keys),
 * each problem reported to a diag list as file:line:col of the node.
 */
#ifndef ARCHADVISOR_YAML_FIELDS_H
#define ARCHADVISOR_YAML_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "diag.h"
#include "kb.h"
#include "yaml_tree.h"

/* Where problems go: a diag list, and the file being read. */
struct field_ctx {
	struct diag	*d;
	const char	*file;
};

/* Reports an error at node n (or at the file when n is NULL). */
void	field_error(const struct field_ctx *fc, const struct ynode *n,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Checks that every key of map is one of allowed (a NULL-ended list). */
void	field_check_keys(const struct field_ctx *fc, const struct ynode *map,
	    const char *what, const char *const *allowed);
/* The text of scalar field key, or NULL (reported if required). */
const char *field_text(const struct field_ctx *fc, const struct ynode *map,
	    const char *key, const char *what, bool required);
/* The same, copied (the caller frees it). */
char	*field_dup_text(const struct field_ctx *fc, const struct ynode *map,
	    const char *key, const char *what, bool required);
/* An optional list of text, appended to l. */
void	field_strlist(const struct field_ctx *fc, const struct ynode *map,
	    const char *key, struct strlist *l);
/* Ids are lower-case names: letters, digits, '_' and '-', at most 64. */
bool	field_valid_id(const char *s);
/* map's required, valid 'id', or NULL (reported). */
const char *field_id(const struct field_ctx *fc, const struct ynode *map,
	    const char *what);
/* Where node n is. */
struct srcloc field_loc(const struct field_ctx *fc, const struct ynode *n);
/* A number field from lo to hi: 0 if absent or valid, -1 if reported. */
int	field_number(const struct field_ctx *fc, const struct ynode *map,
	    const char *key, double lo, double hi, double *out);
/* An optional true/false field; out is left alone when it is absent. */
void	field_bool(const struct field_ctx *fc, const struct ynode *map,
	    const char *key, bool *out);

/*
 * Whether a plain scalar s[0 .. n) says nothing: empty, "~" or null,
 * Null, NULL (YAML's nulls). Inline: the batch readers ask it per value.
 */
static inline bool
field_is_null(const char *s, size_t n)
{
	return (n == 0 || (n == 1 && s[0] == '~') || (n == 4 &&
	    (memcmp(s, "null", 4) == 0 || memcmp(s, "Null", 4) == 0 ||
	    memcmp(s, "NULL", 4) == 0)));
}

#endif
