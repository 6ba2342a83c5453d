/*
 * adr_save: files a decision record in an ADR directory as the next
 * numbered record, the way adr-tools numbers its own, never replacing a
 * record and never sharing a number with another writer.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "handout.h"
#include "outfile.h"
#include "report.h"
#include "utf8.h"
#include "xmalloc.h"

/* Longest slug in a file name, in bytes; the file name stays short. */
#define ADR_SLUG_MAX	80
/* Records numbered beyond this are taken for something else. */
#define ADR_NUMBER_MAX	99999999L
/* Tries when another writer takes the number first. */
#define ADR_TRIES	64

/* "Use Lambda ... for X" -> "use-lambda-for-x", as adr-tools does. */
static char *
slugify(const char *title)
{
	char	*slug = xmalloc(ADR_SLUG_MAX + 1);
	size_t	 n = 0, i;

	for (i = 0; title[i] != '\0' && n < ADR_SLUG_MAX; i++) {
		unsigned char c = (unsigned char)title[i];

		if (c < 0x80 && isalnum(c))
			slug[n++] = (char)tolower(c);
		else if (n > 0 && slug[n - 1] != '-')
			slug[n++] = '-';
	}
	/* Cut at a word boundary if the title was cut. */
	if (title[i] != '\0' && memchr(slug, '-', n) != NULL)
		while (n > 0 && slug[n - 1] != '-')
			n--;
	while (n > 0 && slug[n - 1] == '-')
		n--;
	slug[n] = '\0';
	if (n == 0) {
		free(slug);
		return (xstrdup("decision"));
	}
	return (slug);
}

/* mkdir -p: creates dir and its missing parents. */
static int
make_dirs(const char *dir)
{
	struct stat	 st;
	char		*p, *s;

	if (stat(dir, &st) == 0)
		return (S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1));
	s = xstrdup(dir);
	for (p = s + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(s, 0777) != 0 && errno != EEXIST) {
			free(s);
			return (-1);
		}
		*p = '/';
	}
	free(s);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return (-1);
	return (0);
}

/*
 * The number after the highest one in dir: of the records ("NNNN-...")
 * and of the numbers other writers have reserved (".NNNN.reserved"), or
 * -1.
 */
static long
next_number(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	const char	*name;
	char		*end;
	long		 n, max = 0;
	bool		 reserved;

	if ((d = opendir(dir)) == NULL)
		return (-1);
	while ((de = readdir(d)) != NULL) {
		name = de->d_name;
		reserved = name[0] == '.';
		name += reserved;
		if (name[0] < '0' || name[0] > '9' ||
		    strspn(name, "0123456789") > 8)
			continue;
		n = strtol(name, &end, 10);
		if ((reserved ? strcmp(end, ".reserved") == 0 : *end == '-') &&
		    n > max)
			max = n;
	}
	closedir(d);
	if (max >= ADR_NUMBER_MAX) {
		errno = ERANGE;
		return (-1);
	}
	return (max + 1);
}

/* Is there a record "NNNN-..." numbered n in dir? */
static bool
record_exists(const char *dir, long n)
{
	DIR		*d;
	struct dirent	*de;
	char		*end;
	bool		 found = false;

	if ((d = opendir(dir)) == NULL)
		return (false);
	while (!found && (de = readdir(d)) != NULL)
		found = de->d_name[0] >= '0' && de->d_name[0] <= '9' &&
		    strspn(de->d_name, "0123456789") <= 8 &&
		    strtol(de->d_name, &end, 10) == n && *end == '-';
	closedir(d);
	return (found);
}

/*
 * Writes the ADR numbered n as file, never replacing one; 0 or -1 (errno
 * set).
 */
static int
write_record(const struct report_ctx *ctx, long n, const char *file,
    char *err, size_t errsz)
{
	struct report_ctx	c = *ctx;
	struct adr_opts		opts = { ADR_TEMPLATE_DEFAULT, 0 };
	struct outfile		o;
	int			saved;

	if (ctx->adr != NULL)
		opts = *ctx->adr;
	opts.number = n;
	c.adr = &opts;
	if (outfile_open(&o, file, err, errsz) != 0)
		return (-1);
	if (report_write_adr(o.fp, &c) != 0) {
		saved = errno;
		outfile_abort(&o);
		text_printf(err, errsz, "%s: cannot write: %s", file,
		    strerror(saved));
		errno = saved;
		return (-1);
	}
	return (outfile_commit_new(&o, err, errsz));
}

int
report_adr_save(const struct report_ctx *ctx, const char *dir,
    char **path, char *err, size_t errsz)
{
	char		*title, *slug, *file = NULL, *mark = NULL;
	long		 n;
	int		 tries, saved, fd, rc;

	*path = NULL;
	if (dir[0] == '\0') {
		text_printf(err, errsz, "the ADR directory name is empty");
		return (-1);
	}
	if (make_dirs(dir) != 0) {
		text_printf(err, errsz, "%s: cannot create directory: %s", dir,
		    strerror(errno));
		return (-1);
	}
	title = handout_title_string(ctx);
	slug = slugify(title);
	free(title);
	for (tries = 0; tries < ADR_TRIES; tries++) {
		if ((n = next_number(dir)) < 0) {
			text_printf(err, errsz, "%s: %s", dir, errno == ERANGE ?
			    "records are numbered too high to continue" :
			    strerror(errno));
			break;
		}
		/*
		 * The number itself is reserved first (O_EXCL), so that two
		 * writers with different titles never share it.
		 */
		free(mark);
		mark = xasprintf("%s%s.%04ld.reserved", dir,
		    dir[strlen(dir) - 1] == '/' ? "" : "/", n);
		if ((fd = open(mark, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0) {
			if (errno == EEXIST)
				continue;	/* taken meanwhile */
			text_printf(err, errsz, "%s: %s", dir, strerror(errno));
			break;
		}
		close(fd);
		/* A record may have been filed under n just before. */
		if (record_exists(dir, n)) {
			unlink(mark);
			continue;
		}
		free(file);
		file = xasprintf("%s%s%04ld-%s.md", dir,
		    dir[strlen(dir) - 1] == '/' ? "" : "/", n, slug);
		rc = write_record(ctx, n, file, err, errsz);
		saved = errno;
		unlink(mark);
		if (rc == 0) {
			free(mark);
			free(slug);
			*path = file;
			return (0);
		}
		if (saved != EEXIST)
			break;
		/* A record of that number appeared meanwhile: the next. */
	}
	if (tries == ADR_TRIES)
		text_printf(err, errsz, "%s: cannot find a free record number",
		    dir);
	free(mark);
	free(file);
	free(slug);
	return (-1);
}
