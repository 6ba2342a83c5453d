/*
 * load_file: reading knowledge-base and answers files, and listing a
 * directory's YAML files. See load_file.h.
 */
#include "load_file.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xmalloc.h"

enum load_status
load_stream(FILE *fp, const char *name, char **buf, size_t *len,
    struct diag *d)
{
	size_t	n;
	char	*p;
	int	saved;

	p = xmalloc(YAML_TREE_MAX_FILE + 1);
	errno = 0;
	n = fread(p, 1, YAML_TREE_MAX_FILE + 1, fp);
	saved = errno ? errno : EIO;
	if (ferror(fp) || n > YAML_TREE_MAX_FILE) {
		free(p);
		*buf = NULL;
		*len = 0;
		if (n > YAML_TREE_MAX_FILE) {
			diag_add(d, DIAG_ERROR, name, 0, 0, "larger than "
			    "%d MiB", YAML_TREE_MAX_FILE >> 20);
			return (LOAD_BAD_DATA);
		}
		/* Unreadable input is EX_NOINPUT, as a missing file is. */
		if (saved == EISDIR)
			diag_add(d, DIAG_ERROR, name, 0, 0, "is a directory, "
			    "not a file");
		else
			diag_add(d, DIAG_ERROR, name, 0, 0, "cannot read: %s",
			    strerror(saved));
		return (LOAD_NOT_FOUND);
	}
	p[n] = '\0';
	*buf = xreallocarray(p, n + 1, 1);
	*len = n;
	return (LOAD_OK);
}

enum load_status
load_file(const char *path, char **buf, size_t *len, struct diag *d)
{
	FILE			*fp;
	struct stat		 st;
	enum load_status	 rc;

	*buf = NULL;
	*len = 0;
	/* Missing, forbidden or a directory: all "cannot open input". */
	if ((fp = fopen(path, "rb")) == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "%s", strerror(errno));
		return (LOAD_NOT_FOUND);
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		diag_add(d, DIAG_ERROR, path, 0, 0, "is a directory, "
		    "not a file");
		return (LOAD_NOT_FOUND);
	}
	rc = load_stream(fp, path, buf, len, d);
	fclose(fp);
	return (rc);
}

static int
name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char * const *)a, *(char * const *)b));
}

int
kb_list_yaml(const char *dir, struct strlist *out, struct diag *d)
{
	DIR		*dp;
	struct dirent	*de;
	struct stat	 st;
	size_t		 len;
	off_t		 total = 0;

	if ((dp = opendir(dir)) == NULL) {
		diag_add(d, DIAG_ERROR, dir, 0, 0, "%s", strerror(errno));
		return (-1);
	}
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 6 ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		if (out->n >= KB_MAX_FILES) {
			diag_add(d, DIAG_ERROR, dir, 0, 0, "more than %d "
			    "files", KB_MAX_FILES);
			closedir(dp);
			strlist_free(out);	/* callers pass it empty */
			return (-1);
		}
		/*
		 * Only regular files: opening a FIFO of that name would
		 * wait for a writer for ever (a file named on the command
		 * line may be one, as with <(...), but not a directory's).
		 * A directory of that name is refused as it is opened.
		 */
		if (fstatat(dirfd(dp), de->d_name, &st, 0) != 0 ||
		    (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))) {
			diag_add(d, DIAG_ERROR, dir, 0, 0, "%s: not a regular "
			    "file", de->d_name);
			closedir(dp);
			strlist_free(out);
			return (-1);
		}
		/* Refused before anything is read into memory. */
		if (S_ISREG(st.st_mode) && (total += st.st_size) >
		    KB_MAX_BYTES) {
			diag_add(d, DIAG_ERROR, dir, 0, 0, "more than %d MiB "
			    "of *.yaml files", KB_MAX_BYTES >> 20);
			closedir(dp);
			strlist_free(out);
			return (-1);
		}
		strlist_push(out, de->d_name);
	}
	closedir(dp);
	if (out->n > 1)
		qsort(out->items, out->n, sizeof *out->items, name_cmp);
	return (0);
}
