/*
 * proc: times a whole process, as a user of the command line sees it.
 * Runs COMMAND RUNS times (after one run to warm the caches), its standard
 * input from IN and output to OUT (both /dev/null unless given), and
 * prints the median and the fastest wall time in seconds and the largest
 * peak RSS in KiB (getrusage of the child, through wait4):
 *
 *   proc RUNS [-W] [-i IN] [-o OUT] [-s STATUS] COMMAND [ARG]...
 *   -> "median 0.00213 min 0.00201 maxrss 3712"
 *
 * The command must exit with status 0 (or STATUS). -W: no warm-up run
 * (for an input that can be read once, such as a pipe).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static int
dcmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

/* Runs argv once; returns the wall time, or -1 if it failed. */
static double
run(char **argv, const char *in, const char *out, int want, long *maxrss)
{
	struct rusage	ru;
	double		t0;
	pid_t		pid;
	int		status, fd;

	t0 = now();
	if ((pid = fork()) < 0)
		return (-1);
	if (pid == 0) {
		if ((fd = open(in, O_RDONLY)) < 0 || dup2(fd, 0) < 0)
			_exit(127);
		close(fd);
		if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0 ||
		    dup2(fd, 1) < 0)
			_exit(127);
		close(fd);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid)
		return (-1);
	t0 = now() - t0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != want) {
		fprintf(stderr, "proc: %s: exit %d\n", argv[0],
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return (-1);
	}
	if (ru.ru_maxrss > *maxrss)
		*maxrss = ru.ru_maxrss;
	return (t0);
}

int
main(int argc, char **argv)
{
	const char	*in = "/dev/null", *out = "/dev/null";
	double		*t;
	long		 maxrss = 0;
	int		 runs, i, c, want = 0, warm = 1;

	if (argc < 3)
		goto usage;
	runs = atoi(argv[1]);
	optind = 2;
	while ((c = getopt(argc, argv, "+Wi:o:s:")) != -1) {
		switch (c) {
		case 'W':
			warm = 0;
			break;
		case 'i':
			in = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 's':
			want = atoi(optarg);
			break;
		default:
			goto usage;
		}
	}
	if (runs < 1 || optind >= argc)
		goto usage;
	if ((t = calloc((size_t)runs, sizeof *t)) == NULL)
		return (1);
	if (warm && run(argv + optind, in, out, want, &maxrss) < 0)
		return (1);
	for (i = 0; i < runs; i++)
		if ((t[i] = run(argv + optind, in, out, want, &maxrss)) < 0)
			return (1);
	qsort(t, (size_t)runs, sizeof *t, dcmp);
	printf("median %.6f min %.6f maxrss %ld\n", runs % 2 ? t[runs / 2] :
	    (t[runs / 2 - 1] + t[runs / 2]) / 2, t[0], maxrss);
	free(t);
	return (0);
usage:
	fputs("usage: proc RUNS [-W] [-i IN] [-o OUT] [-s STATUS] COMMAND "
	    "[ARG]...\n", stderr);
	return (2);
}
