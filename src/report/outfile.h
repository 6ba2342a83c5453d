/*
 * outfile: every file archadvisor writes goes through here. Output goes to
 * a temporary file beside the target, which replaces the target by rename
 * only once everything was written and flushed to disk; on any error the
 * temporary file is removed and the old target is untouched; so it is when
 * SIGHUP, SIGINT, SIGTERM or SIGXFSZ ends the program mid-way (the handler
 * removes the file, then the signal takes its course). "-" (or NULL)
 * means standard output, written directly.
 */
#ifndef ARCHADVISOR_OUTFILE_H
#define ARCHADVISOR_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct outfile {
	FILE	*fp;		/* write here */
	char	*path;		/* target, or NULL for stdout */
	char	*tmp;		/* temporary file, or NULL */
};

/* Returns 0, or -1 with a message in err (errno set). */
int	outfile_open(struct outfile *o, const char *path, char *err,
	    size_t errsz);
/* Flushes, syncs and renames into place; returns 0 or -1 with err. */
int	outfile_commit(struct outfile *o, char *err, size_t errsz);
/*
 * Like outfile_commit, but never replaces a file: if the target exists by
 * then, fails with errno EEXIST and removes the temporary file (for
 * numbered records, where two writers may pick the same name).
 */
int	outfile_commit_new(struct outfile *o, char *err, size_t errsz);
/* Discards what was written; the target is left as it was. */
void	outfile_abort(struct outfile *o);

#endif
