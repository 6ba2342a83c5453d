/*
 * replay: runs a fuzz target's LLVMFuzzerTestOneInput on files, without
 * libFuzzer, so that its regression inputs and seed corpus run in every
 * build (`make fuzz-regress`: gcc, ASan, valgrind). Each argument is a file
 * or a directory whose files are read; a target that crashes ends the run.
 */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static size_t	nrun;

static int
run_file(const char *path)
{
	FILE	*fp;
	char	*buf = NULL;
	size_t	 len = 0, cap = 0, n;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return (-1);
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = xreallocarray(buf, cap, 1);
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	if (ferror(fp)) {
		perror(path);
		fclose(fp);
		free(buf);
		return (-1);
	}
	fclose(fp);
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	nrun++;
	return (0);
}

static int
run_path(const char *path)
{
	struct stat	 st;
	struct dirent	*de;
	DIR		*dp;
	char		*full;
	int		 rc = 0;

	if (stat(path, &st) != 0) {
		perror(path);
		return (-1);
	}
	if (!S_ISDIR(st.st_mode))
		return (run_file(path));
	if ((dp = opendir(path)) == NULL) {
		perror(path);
		return (-1);
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		full = xasprintf("%s/%s", path, de->d_name);
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode) &&
		    run_file(full) != 0)
			rc = -1;
		free(full);
	}
	closedir(dp);
	return (rc);
}

int
main(int argc, char **argv)
{
	int	i, rc = 0;

	for (i = 1; i < argc; i++)
		if (run_path(argv[i]) != 0)
			rc = 1;
	printf("%s: %zu inputs, no crash\n", argv[0], nrun);
	return (rc);
}
