/*
 * outfile: atomic replacement of output files (temp file + fsync + rename).
 *
 * While a temporary file exists, every catchable signal that ends a program
 * by default removes it before the program dies, so an interrupted run
 * leaves neither a half-written target nor a stray temporary file. Only
 * SIGKILL and a crash can leave one, named .TARGET.XXXXXX beside the target
 * (the name cut short so that it fits NAME_MAX).
 *
 * As a shell's '>' would, a symbolic link is followed to the file it names
 * (created if missing; a loop is an error), a file the user may not write
 * is refused, and the replaced file keeps its mode and, where the user may
 * set it, its owner.
 */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"

/* Every signal whose default action ends the program, but for the crashes
   (SIGSEGV and the like), where running a handler is no longer safe. */
static const int	 fatal_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGPIPE,
    SIGALRM, SIGTERM, SIGUSR1, SIGUSR2, SIGXFSZ, SIGXCPU, SIGVTALRM,
    SIGPROF, SIGABRT };
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

/* Symbolic links followed before giving up, as the kernel does (ELOOP). */
#define MAX_LINKS	40

/*
 * The file path names after following symbolic links, even a dangling one
 * (which then names the file to create); NULL with errno ELOOP on a loop.
 * The caller frees the result.
 */
static char *
follow_links(const char *path)
{
	struct stat	 st;
	char		*cur = xstrdup(path), *next, *slash, buf[4096];
	ssize_t		 n;
	int		 hops;

	for (hops = 0; hops <= MAX_LINKS; hops++) {
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return (cur);
		if ((n = readlink(cur, buf, sizeof buf - 1)) < 0) {
			free(cur);
			return (NULL);
		}
		buf[n] = '\0';
		if (buf[0] == '/' || (slash = strrchr(cur, '/')) == NULL)
			next = xstrdup(buf);
		else
			next = xasprintf("%.*s/%s", (int)(slash - cur), cur,
			    buf);
		free(cur);
		cur = next;
	}
	free(cur);
	errno = ELOOP;
	return (NULL);
}

/* ".NAME.XXXXXX" beside path, NAME cut so that it fits NAME_MAX. */
static char *
temp_name(const char *path)
{
	const char	*slash = strrchr(path, '/'), *base;
	int		 keep;

	base = slash != NULL ? slash + 1 : path;
	keep = (int)strlen(base);
	if (keep > NAME_MAX - 8)
		keep = NAME_MAX - 8;
	if (slash == NULL)
		return (xasprintf(".%.*s.XXXXXX", keep, base));
	return (xasprintf("%.*s/.%.*s.XXXXXX", (int)(slash - path), path, keep,
	    base));
}

static int
open_error(struct outfile *o, const char *path, const char *what, int saved,
    char *err, size_t errsz)
{
	snprintf(err, errsz, "%s: %s%s%s", path, what, what[0] ? ": " : "",
	    strerror(saved));
	free(o->tmp);
	o->tmp = NULL;
	errno = saved;
	return (-1);
}

int
outfile_open(struct outfile *o, const char *path, char *err, size_t errsz)
{
	struct stat	 st;
	char		*real;
	mode_t		 mask;
	bool		 exists;
	int		 fd, saved, rc;

	o->fp = NULL;
	o->path = o->tmp = NULL;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return (0);
	}
	if (path[0] == '\0') {
		snprintf(err, errsz, "the output file name is empty (give a "
		    "file, or - for standard output)");
		errno = ENOENT;
		return (-1);
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
		if ((o->fp = fopen(path, "w")) == NULL)
			return (open_error(o, path, "cannot open", errno, err,
			    errsz));
		o->path = xstrdup(path);
		return (0);
	}
	/* The file a symbolic link names is replaced, not the link. */
	if ((real = follow_links(path)) == NULL)
		return (open_error(o, path, "cannot open", errno, err, errsz));
	exists = stat(real, &st) == 0;
	if (exists && access(real, W_OK) != 0) {
		rc = open_error(o, path, "cannot open", errno, err, errsz);
		free(real);
		return (rc);
	}
	o->tmp = temp_name(real);
	if ((fd = mkstemp(o->tmp)) == -1) {
		rc = open_error(o, path, "cannot create", errno, err, errsz);
		free(real);
		return (rc);
	}
	if (exists) {
		/* What a shell's '>' keeps: the mode, and the owner where
		   this user may give it. */
		(void)fchmod(fd, st.st_mode & 07777);
		if (fchown(fd, st.st_uid, st.st_gid) != 0 &&
		    fchown(fd, (uid_t)-1, st.st_gid) != 0) {
			/* Neither: the file stays this user's, as cp's is.
			   (A cast to void does not quiet glibc's
			   warn_unused_result under _FORTIFY_SOURCE.) */
		}
	} else {
		/* mkstemp makes 0600; give the usual mode for new files. */
		mask = umask(0);
		umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
	}
	if ((o->fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		unlink(o->tmp);
		rc = open_error(o, path, "", saved, err, errsz);
		free(real);
		return (rc);
	}
	o->path = real;
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
