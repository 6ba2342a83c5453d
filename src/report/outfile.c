/*
 * outfile: atomic replacement of output files (temp file + fsync + rename).
 *
 * While a temporary file exists, the signals that end a program by default
 * (hang-up, interrupt, termination, file size limit) remove it before the
 * program dies, so an interrupted run leaves neither a half-written target
 * nor a stray temporary file. Only SIGKILL and a crash can leave one, named
 * .TARGET.XXXXXX beside the target.
 */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"

static const int	 fatal_signals[] = { SIGHUP, SIGINT, SIGTERM, SIGXFSZ };
#define NFATAL	(sizeof fatal_signals / sizeof fatal_signals[0])

/*
 * The one temporary file the handler removes (an outfile opened while
 * another is pending is not covered), and the actions it replaced.
 */
static char			 pending[4096];
static volatile sig_atomic_t	 armed;
static struct sigaction		 previous[NFATAL];
static bool			 installed[NFATAL];

/* Removes the pending file, then lets the signal do what it did before. */
static void
on_fatal_signal(int sig)
{
	size_t	i;
	int	saved_errno = errno;

	if (armed)
		(void)unlink(pending);
	armed = 0;
	for (i = 0; i < NFATAL; i++)
		if (fatal_signals[i] == sig && installed[i]) {
			(void)sigaction(sig, &previous[i], NULL);
			installed[i] = false;
		}
	(void)raise(sig);	/* delivered when this handler returns */
	errno = saved_errno;
}

static void
arm(const struct outfile *o)
{
	struct sigaction	sa;
	size_t			i;

	if (armed || strlen(o->tmp) >= sizeof pending)
		return;
	memcpy(pending, o->tmp, strlen(o->tmp) + 1);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NFATAL; i++) {
		/* An ignored signal stays ignored (nohup; EFBIG, not death). */
		if (sigaction(fatal_signals[i], NULL, &previous[i]) != 0 ||
		    previous[i].sa_handler == SIG_IGN)
			continue;
		installed[i] = sigaction(fatal_signals[i], &sa, NULL) == 0;
	}
	armed = 1;
}

/* Stops watching for signals if o's temporary file is the one watched. */
static void
disarm(const struct outfile *o)
{
	size_t	i;

	if (!armed || strcmp(pending, o->tmp) != 0)
		return;
	armed = 0;
	for (i = 0; i < NFATAL; i++)
		if (installed[i]) {
			(void)sigaction(fatal_signals[i], &previous[i], NULL);
			installed[i] = false;
		}
}

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
	arm(o);
	return (0);
}

/* Flushes, syncs and closes a temporary file; on error aborts. */
static int
finish(struct outfile *o, char *err, size_t errsz)
{
	int	saved;

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
	return (0);
}

int
outfile_commit_new(struct outfile *o, char *err, size_t errsz)
{
	struct stat	st;
	int		saved;

	if (o->tmp == NULL)
		return (outfile_commit(o, err, errsz));
	if (finish(o, err, errsz) != 0)
		return (-1);
	/*
	 * link fails if the target exists, where rename would replace it.
	 * A file system without hard links gets a rename after a check.
	 */
	if (link(o->tmp, o->path) != 0) {
		saved = errno;
		if (saved != EEXIST) {
			if (lstat(o->path, &st) == 0)
				saved = EEXIST;
			else if (rename(o->tmp, o->path) == 0)
				goto done;
			else
				saved = errno;
		}
		snprintf(err, errsz, "%s: cannot create: %s", o->path,
		    strerror(saved));
		outfile_abort(o);
		errno = saved;
		return (-1);
	}
	unlink(o->tmp);
done:
	disarm(o);
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
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
	disarm(o);
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
	if (o->tmp != NULL) {
		unlink(o->tmp);
		disarm(o);
	}
	free(o->tmp);
	free(o->path);
	o->fp = NULL;
	o->tmp = o->path = NULL;
}
