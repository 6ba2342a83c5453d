/*
 * value_int: what value.c and value_types.c share, and nothing else may
 * use: the row of the table of answer types.
 */
#ifndef ARCHADVISOR_VALUE_INT_H
#define ARCHADVISOR_VALUE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "textutil.h"
#include "value.h"

/*
 * Everything that differs between answer types, in one place: a new type
 * is a new row of value_types.c's table (and a value of enum value_type).
 */
struct value_type_info {
	enum value_type	 type;
	const char	*name;		/* as written in a knowledge base */
	const char	*alias;		/* another accepted name, or NULL */
	const char	*a;		/* with its article, for sentences */
	const char	*forms;		/* accepted text, for messages */
	unsigned	 flags;		/* VALUE_TYPE_* */
	int		(*parse)(const struct value_domain *, const char *,
			    const char *, struct value *, char *, size_t);
	char		*(*format)(const struct value_domain *,
			    const struct value *, char *, size_t);
	double		(*distance)(const struct value_domain *,
			    const struct value *, const struct value *);
	void		(*describe)(const struct value_domain *,
			    struct sbuf *);
};

/* t's row (every enum value_type has one; test_value checks it). */
const struct value_type_info *value_type_info(enum value_type t);
/* Formats n as a value of type t ("10m", "2TB", "3"). */
char	*value_format_number(enum value_type t, int64_t n, char *buf,
	    size_t bufsz);

#endif
