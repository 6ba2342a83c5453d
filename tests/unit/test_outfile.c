/*
 * test_outfile: the atomic writer never loses the old file. Each test
 * writes over a file holding "old" in a private directory and checks what
 * is left: the new content only after a commit, else the old content, and
 * never a temporary file, whether the write failed (file size limit), the
 * rename failed (the temporary file vanished), the caller gave up, or a
 * signal killed the writer mid-way.
 */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "fixtures.h"
#include "outfile.h"
#include "xmalloc.h"

struct fixture {
	char	dir[64];
	char	*target;
};

static int
setup(void **state)
{
	struct fixture	*f;
	FILE		*fp;

	f = xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/test_outfile.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return (-1);
	f->target = xasprintf("%s/report.txt", f->dir);
	if ((fp = fopen(f->target, "w")) == NULL)
		return (-1);
	fputs("old\n", fp);
	fclose(fp);
	*state = f;
	return (0);
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;
	struct dirent	*de;
	DIR		*dp;
	char		*p;

	if ((dp = opendir(f->dir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			p = xasprintf("%s/%s", f->dir, de->d_name);
			unlink(p);
			free(p);
		}
		closedir(dp);
	}
	rmdir(f->dir);
	free(f->target);
	free(f);
	return (0);
}

/* Checks that the directory holds only the target, with text want. */
static void
assert_left(const struct fixture *f, const char *want)
{
	struct dirent	*de;
	DIR		*dp;
	char		*got;
	int		 n = 0;

	dp = opendir(f->dir);
	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (strcmp(de->d_name, "report.txt") != 0)
			fail_msg("left behind: %s", de->d_name);
		n++;
	}
	closedir(dp);
	assert_int_equal(n, 1);
	got = fx_slurp(f->target);
	assert_string_equal(got, want);
	free(got);
}

static void
test_commit_replaces(void **state)
{
	struct fixture	*f = *state;
	struct outfile	 o;
	struct stat	 st;
	char		 err[256], *got;
	mode_t		 mask;

	assert_int_equal(outfile_open(&o, f->target, err, sizeof err), 0);
	assert_non_null(o.tmp);
	fputs("new\n", o.fp);
	fflush(o.fp);
	got = fx_slurp(f->target);
	assert_string_equal(got, "old\n");	/* not yet */
	free(got);
	assert_int_equal(outfile_commit(&o, err, sizeof err), 0);
	assert_left(f, "new\n");
	mask = umask(0);
	umask(mask);
	assert_int_equal(stat(f->target, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
}

static void
test_abort_keeps_old(void **state)
{
	struct fixture	*f = *state;
	struct outfile	 o;
	char		 err[256];

	assert_int_equal(outfile_open(&o, f->target, err, sizeof err), 0);
	fputs("half a rep", o.fp);
	fflush(o.fp);
	outfile_abort(&o);
	assert_null(o.path);
	assert_left(f, "old\n");
}

/* The rename fails: here because the temporary file went away. */
static void
test_rename_fails(void **state)
{
	struct fixture	*f = *state;
	struct outfile	 o;
	char		 err[256];

	assert_int_equal(outfile_open(&o, f->target, err, sizeof err), 0);
	fputs("new\n", o.fp);
	assert_int_equal(unlink(o.tmp), 0);
	assert_int_equal(outfile_commit(&o, err, sizeof err), -1);
	assert_non_null(strstr(err, "cannot replace"));
	assert_null(o.path);
	assert_left(f, "old\n");
}

/* Writing fails half-way (file size limit, SIGXFSZ ignored: EFBIG). */
static void
test_write_fails(void **state)
{
	struct fixture	*f = *state;
	struct outfile	 o;
	struct rlimit	 old, small;
	void		(*prev)(int);
	char		 err[256];
	int		 i;

	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	prev = signal(SIGXFSZ, SIG_IGN);
	small = old;
	small.rlim_cur = 100;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	assert_int_equal(outfile_open(&o, f->target, err, sizeof err), 0);
	for (i = 0; i < 1000; i++)
		fputs("a line of a long report\n", o.fp);
	assert_int_equal(outfile_commit(&o, err, sizeof err), -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, prev);
	assert_non_null(strstr(err, "cannot write"));
	assert_left(f, "old\n");
}

/* A signal kills the writer between open and commit. */
static void
killed_by(struct fixture *f, int sig)
{
	struct outfile	 o;
	char		 err[256];
	pid_t		 pid;
	int		 status;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(sig, SIG_DFL);
		if (outfile_open(&o, f->target, err, sizeof err) != 0)
			_exit(1);
		fputs("half a rep", o.fp);
		fflush(o.fp);
		raise(sig);
		_exit(2);	/* not reached */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), sig);
	assert_left(f, "old\n");
}

static void
test_killed_mid_way(void **state)
{
	killed_by(*state, SIGTERM);
	killed_by(*state, SIGINT);
	killed_by(*state, SIGHUP);
	killed_by(*state, SIGXFSZ);
	killed_by(*state, SIGPIPE);
	killed_by(*state, SIGQUIT);
	killed_by(*state, SIGUSR1);
	killed_by(*state, SIGUSR2);
	killed_by(*state, SIGALRM);
	killed_by(*state, SIGVTALRM);
}

/* After a commit the handlers are gone: a signal is what it was. */
static void
test_handlers_restored(void **state)
{
	struct fixture		*f = *state;
	struct outfile		 o;
	struct sigaction	 sa;
	char			 err[256];

	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_IGN);
	assert_int_equal(outfile_open(&o, f->target, err, sizeof err), 0);
	assert_int_equal(sigaction(SIGHUP, NULL, &sa), 0);
	assert_true(sa.sa_handler == SIG_IGN);	/* nohup is respected */
	assert_int_equal(sigaction(SIGTERM, NULL, &sa), 0);
	assert_true(sa.sa_handler != SIG_DFL);
	fputs("new\n", o.fp);
	assert_int_equal(outfile_commit(&o, err, sizeof err), 0);
	assert_int_equal(sigaction(SIGTERM, NULL, &sa), 0);
	assert_true(sa.sa_handler == SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	assert_left(f, "new\n");
}

/* A symbolic link: the file it points to is replaced, the link stays. */
static void
test_symlink_followed(void **state)
{
	struct fixture	*f = *state;
	struct outfile	 o;
	struct stat	 st;
	char		 err[256], *link;

	link = xasprintf("%s/link.txt", f->dir);
	assert_int_equal(symlink("report.txt", link), 0);
	assert_int_equal(outfile_open(&o, link, err, sizeof err), 0);
	fputs("new\n", o.fp);
	assert_int_equal(outfile_commit(&o, err, sizeof err), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	unlink(link);
	free(link);
	assert_left(f, "new\n");
}

/* A dangling link: the file it names is created, the link stays. */
static void
test_dangling_link(void **state)
{
	struct fixture	*f = *state;
	struct outfile	 o;
	struct stat	 st;
	char		 err[256], *link, *target;

	link = xasprintf("%s/dangling.txt", f->dir);
	target = xasprintf("%s/made.txt", f->dir);
	assert_int_equal(symlink("made.txt", link), 0);
	assert_int_equal(outfile_open(&o, link, err, sizeof err), 0);
	fputs("new\n", o.fp);
	assert_int_equal(outfile_commit(&o, err, sizeof err), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat(target, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	unlink(link);
	unlink(target);
	free(link);
	free(target);
}

/* A loop of links fails as a shell's '>' does, and leaves no file. */
static void
test_link_loop(void **state)
{
	struct fixture	*f = *state;
	struct outfile	 o;
	struct stat	 st;
	char		 err[256], *a, *b;

	a = xasprintf("%s/a", f->dir);
	b = xasprintf("%s/b", f->dir);
	assert_int_equal(symlink("b", a), 0);
	assert_int_equal(symlink("a", b), 0);
	assert_int_equal(outfile_open(&o, a, err, sizeof err), -1);
	assert_int_equal(errno, ELOOP);
	assert_int_equal(lstat(a, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	unlink(a);
	unlink(b);
	free(a);
	free(b);
}

/* The replaced file keeps its mode. */
static void
test_mode_kept(void **state)
{
	struct fixture	*f = *state;
	struct outfile	 o;
	struct stat	 st;
	char		 err[256];

	assert_int_equal(chmod(f->target, 0640), 0);
	assert_int_equal(outfile_open(&o, f->target, err, sizeof err), 0);
	fputs("new\n", o.fp);
	assert_int_equal(outfile_commit(&o, err, sizeof err), 0);
	assert_int_equal(stat(f->target, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_left(f, "new\n");
}

/* A valid name of 250 bytes: the temporary name still fits NAME_MAX. */
static void
test_long_name(void **state)
{
	struct fixture	*f = *state;
	struct outfile	 o;
	char		 err[256], name[251], *path;

	memset(name, 'x', 250);
	name[250] = '\0';
	path = xasprintf("%s/%s", f->dir, name);
	assert_int_equal(outfile_open(&o, path, err, sizeof err), 0);
	fputs("new\n", o.fp);
	assert_int_equal(outfile_commit(&o, err, sizeof err), 0);
	assert_int_equal(access(path, F_OK), 0);
	unlink(path);
	free(path);
}

/* No directory to write in: nothing is created, the error says why. */
static void
test_open_fails(void **state)
{
	struct fixture	*f = *state;
	struct outfile	 o;
	char		 err[256], *path;

	path = xasprintf("%s/no/such/dir/r.txt", f->dir);
	assert_int_equal(outfile_open(&o, path, err, sizeof err), -1);
	assert_non_null(strstr(err, "cannot create"));
	assert_null(o.tmp);
	free(path);
	assert_int_equal(outfile_open(&o, f->dir, err, sizeof err), -1);
	assert_int_equal(errno, EISDIR);
	assert_left(f, "old\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_commit_replaces, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_abort_keeps_old, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rename_fails, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_write_fails, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_killed_mid_way, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_handlers_restored, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_symlink_followed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_dangling_link, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_link_loop, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_mode_kept, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_long_name, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_open_fails, setup,
		    teardown),
	};

	return (cmocka_run_group_tests_name("outfile", tests, NULL, NULL));
}
