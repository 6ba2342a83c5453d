/*
 * outfile: atomic replacement of output files (temp file + fsync + rename).
 */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"

int
outfile_open(struct outfile *o, const char *path, char *err, size_t errsz)
{
	struct stat	 st;
	const char	*slash;
	char		*real = NULL;
	mode_t		 mask;
	int		 fd, saved;

	o->fp = NULL;
	o->path = o->tmp = NULL;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return (0);
	}
	/*
	 * A device or a pipe (/dev/stdout, /dev/null, a FIFO) cannot be
	 * replaced by rename: write to it directly, as to standard output.
	 */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errsz, "%s: is a directory", path);
			errno = EISDIR;
			return (-1);
		}
		if ((o->fp = fopen(path, "w")) == NULL) {
			saved = errno;
			snprintf(err, errsz, "%s: cannot open: %s", path,
			    strerror(saved));
			errno = saved;
			return (-1);
		}
		o->path = xstrdup(path);
		return (0);
	}
	/* Replace the file a symbolic link points to, not the link. */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    (real = realpath(path, NULL)) != NULL)
		path = real;
	slash = strrchr(path, '/');
	if (slash == NULL)
		o->tmp = xasprintf(".%s.XXXXXX", path);
	else
		o->tmp = xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path,
		    slash + 1);
	if ((fd = mkstemp(o->tmp)) == -1) {
		saved = errno;
		snprintf(err, errsz, "%s: cannot create: %s", path,
		    strerror(saved));
		free(o->tmp);
		free(real);
		o->tmp = NULL;
		errno = saved;
		return (-1);
	}
	/* mkstemp makes 0600; give the file the usual mode for new files. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	if ((o->fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		unlink(o->tmp);
		snprintf(err, errsz, "%s: %s", path, strerror(saved));
		free(o->tmp);
		free(real);
		o->tmp = NULL;
		errno = saved;
		return (-1);
	}
	o->path = xstrdup(path);
	free(real);
	return (0);
}

int
outfile_commit(struct outfile *o, char *err, size_t errsz)
{
	int	saved;

	if (o->tmp == NULL) {
		/* Standard output or a device: nothing to rename. */
		saved = fflush(o->fp) != 0 || ferror(o->fp) ? (errno ? errno :
		    EIO) : 0;
		if (o->path != NULL && fclose(o->fp) != 0 && saved == 0)
			saved = errno;
		snprintf(err, errsz, "%s: cannot write: %s", o->path ?
		    o->path : "standard output", strerror(saved));
		free(o->path);
		o->path = NULL;
		o->fp = NULL;
		errno = saved;
		return (saved ? -1 : 0);
	}
	if (fflush(o->fp) != 0 || ferror(o->fp) ||
	    fsync(fileno(o->fp)) != 0) {
		saved = errno ? errno : EIO;
		snprintf(err, errsz, "%s: cannot write: %s", o->path,
		    strerror(saved));
		outfile_abort(o);
		errno = saved;
		return (-1);
	}
	if (fclose(o->fp) != 0) {
		saved = errno;
		o->fp = NULL;
		snprintf(err, errsz, "%s: cannot write: %s", o->path,
		    strerror(saved));
		outfile_abort(o);
		errno = saved;
		return (-1);
	}
	o->fp = NULL;
	if (rename(o->tmp, o->path) != 0) {
		saved = errno;
		snprintf(err, errsz, "%s: cannot replace: %s", o->path,
		    strerror(saved));
		outfile_abort(o);
		errno = saved;
		return (-1);
	}
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return (0);
}

void
outfile_abort(struct outfile *o)
{
	if (o->path == NULL)
		return;		/* standard output: nothing to undo */
	if (o->fp != NULL)
		fclose(o->fp);
	if (o->tmp != NULL)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->fp = NULL;
	o->tmp = o->path = NULL;
}
