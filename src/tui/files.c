/*
 * files: saving the answers, exporting the report and quitting, all
 * through the core: answers_edit for the answers file they came from
 * (edited in place, so that its comments and key order stay), else
 * answers_yaml_write, which writes it afresh; the report_writers[] table
 * for the report (whatever formats it holds); and outfile for every
 * write, so a file is replaced whole or not at all. Writing over an
 * existing file other than the one the answers came from asks for Enter a
 * second time.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "answers_edit.h"
#include "answers_yaml.h"
#include "load_file.h"
#include "outfile.h"
#include "report.h"
#include "tui_int.h"
#include "whatif.h"
#include "xmalloc.h"

#define DEFAULT_ANSWERS	"answers.yaml"
#define DEFAULT_REPORT	"archadvisor-report"

/* The file the user has already been warned about, for a second Enter. */
static char	*confirmed;

static bool
exists(const char *path)
{
	struct stat	st;

	return (stat(path, &st) == 0);
}

/*
 * True if path may be written now: it does not exist, it is the answers
 * file itself, or the user pressed Enter on it a second time.
 */
static bool
may_write(struct tui *t, const char *path, bool answers)
{
	if (!exists(path) || (answers && t->path != NULL &&
	    strcmp(path, t->path) == 0))
		return (true);
	if (confirmed != NULL && strcmp(confirmed, path) == 0)
		return (true);
	free(confirmed);
	confirmed = xstrdup(path);
	tui_message(t, true, "%s already exists: press Enter again to "
	    "replace it, or change the name.", path);
	return (false);
}

/* Writes through fn into path atomically; 0, or -1 with a message. */
static int
write_file(struct tui *t, const char *path,
    int (*fn)(FILE *, const void *), const void *arg)
{
	struct outfile	o;
	char		err[1024];

	if (outfile_open(&o, path, err, sizeof err) != 0) {
		tui_message(t, true, "%s", err);
		return (-1);
	}
	errno = 0;
	if (fn(o.fp, arg) != 0) {
		snprintf(err, sizeof err, "%s: cannot write: %s", path,
		    strerror(errno ? errno : EIO));
		outfile_abort(&o);
		tui_message(t, true, "%s", err);
		return (-1);
	}
	if (outfile_commit(&o, err, sizeof err) != 0) {
		tui_message(t, true, "%s", err);
		return (-1);
	}
	return (0);
}

static int
write_answers(FILE *fp, const void *arg)
{
	const struct tui	*t = arg;

	return (answers_yaml_write(fp, t->kb, &t->answers));
}

struct text {
	const char	*s;
	size_t		 len;
};

static int
write_text(FILE *fp, const void *arg)
{
	const struct text	*x = arg;

	return (fwrite(x->s, 1, x->len, fp) == x->len ? 0 : -1);
}

/*
 * Saves into the answers file the answers came from by editing it.
 * Returns 0 if it did, -1 after a message if writing failed, and 1 if the
 * file is to be written afresh: why says why, or is empty for a file that
 * is new or another.
 */
static int
save_in_place(struct tui *t, const char *path, char *why, size_t whysz)
{
	struct diag	 d;
	struct text	 x;
	char		*buf, *out;
	size_t		 len;
	int		 rc;

	why[0] = '\0';
	if (t->path == NULL || strcmp(path, t->path) != 0 || !exists(path))
		return (1);
	diag_init(&d);
	rc = load_file(path, &buf, &len, &d) == LOAD_OK ? 0 : -1;
	diag_free(&d);
	if (rc != 0) {
		snprintf(why, whysz, "it could not be read");
		return (1);
	}
	rc = answers_edit(buf, len, t->kb, &t->answers, &out, &len, why,
	    whysz);
	free(buf);
	if (rc != 0)
		return (1);
	x.s = out;
	x.len = len;
	rc = write_file(t, path, write_text, &x);
	free(out);
	return (rc);
}

static int
save_done(struct tui *t, const char *path, void *arg)
{
	bool	then_quit = arg != NULL;
	char	why[256];
	int	rc;

	if (path[0] == '\0') {
		tui_message(t, true, "Type a file name, e.g. %s.",
		    DEFAULT_ANSWERS);
		return (TUI_REDRAW);
	}
	if (!may_write(t, path, true) ||
	    (rc = save_in_place(t, path, why, sizeof why)) < 0 ||
	    (rc == 1 && write_file(t, path, write_answers, t) != 0))
		return (TUI_REDRAW);	/* the prompt stays, with the message */
	free(t->path);
	t->path = xstrdup(path);
	t->dirty = false;
	tui_message(t, false, "Saved %zu answer%s to %s%s%s%s",
	    answers_count(&t->answers), answers_count(&t->answers) == 1 ?
	    "" : "s", path, rc == 0 ? ", its comments and order kept." :
	    why[0] != '\0' ? ", written afresh (comments and order lost) "
	    "because " : ".", rc == 1 ? why : "", rc == 1 && why[0] != '\0' ?
	    "." : "");
	return (TUI_POP | (then_quit ? TUI_QUIT : 0));
}

int
files_save(struct tui *t, bool then_quit)
{
	if (!then_quit && context_ask_first(t, false))
		return (TUI_REDRAW);
	free(confirmed);
	confirmed = NULL;
	/* Any non-NULL arg means "then quit". */
	prompt_open(t, "Save answers", "Save the answers as a YAML answers "
	    "file ('archadvisor report --answers FILE' reads it):", t->path ?
	    t->path : DEFAULT_ANSWERS, save_done, then_quit ? t : NULL);
	return (TUI_REDRAW);
}

struct export_call {
	const struct report_writer	*writer;
	struct report_ctx		 ctx;
};

static int
write_report(FILE *fp, const void *arg)
{
	const struct export_call	*ec = arg;

	return (ec->writer->write(fp, &ec->ctx));
}

static int
export_done(struct tui *t, const char *path, void *arg)
{
	struct export_call	ec;
	int			rc;

	if (path[0] == '\0') {
		tui_message(t, true, "Type a file name.");
		return (TUI_REDRAW);
	}
	if (!may_write(t, path, false))
		return (TUI_REDRAW);
	memset(&ec, 0, sizeof ec);
	ec.writer = &report_writers[(uintptr_t)arg];
	/* The same report as 'archadvisor report': the whole advice. */
	tui_report_ctx(t, &ec.ctx);
	ec.ctx.width = 80;
	rc = write_file(t, path, write_report, &ec);
	if (rc != 0)
		return (TUI_REDRAW);
	tui_message(t, false, "Exported the %s report to %s.",
	    ec.writer->name, path);
	return (TUI_POP);
}

/* The default export name: the answers file's, with the format's ext. */
static char *
export_name(const struct tui *t, const char *ext)
{
	const char	*base = t->path ? t->path : DEFAULT_REPORT;
	const char	*dot = strrchr(base, '.'), *slash = strrchr(base, '/');
	size_t		 len = strlen(base);

	if (dot != NULL && (slash == NULL || dot > slash) &&
	    (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0))
		len = (size_t)(dot - base);
	return (xasprintf("%.*s.%s", (int)len, base, ext));
}

static int
format_chosen(struct tui *t, size_t choice, void *arg)
{
	const struct report_writer	*w = &report_writers[choice];
	char				*name, *title;

	(void)arg;
	free(confirmed);
	confirmed = NULL;
	name = export_name(t, w->ext);
	title = xasprintf("Export the %s report", w->name);
	prompt_open(t, title, "Write the report to this file:", name,
	    export_done, (void *)(uintptr_t)choice);
	free(name);
	free(title);
	return (TUI_POP);	/* the menu goes; the prompt stays */
}

int
files_export(struct tui *t)
{
	struct menu_item	*items;
	char			**keys, **descs;
	size_t			 i;

	if (context_ask_first(t, true))
		return (TUI_REDRAW);
	items = xcalloc(report_nwriters, sizeof *items);
	keys = xcalloc(report_nwriters, sizeof *keys);
	descs = xcalloc(report_nwriters, sizeof *descs);
	for (i = 0; i < report_nwriters; i++) {
		keys[i] = i < 9 ? xasprintf("%zu", i + 1) : NULL;
		descs[i] = xasprintf("%s (.%s)", report_writers[i].desc,
		    report_writers[i].ext);
		items[i].key = keys[i];
		items[i].text = report_writers[i].name;
		items[i].desc = descs[i];
	}
	menu_open(t, "Export the report", "Which format? The report holds the "
	    "ranking, the recommendation and why, for the answers as they "
	    "are now.", items, report_nwriters, 0, format_chosen, NULL);
	for (i = 0; i < report_nwriters; i++) {
		free(keys[i]);
		free(descs[i]);
	}
	free(keys);
	free(descs);
	free(items);
	return (TUI_REDRAW);
}

static int
quit_chosen(struct tui *t, size_t choice, void *arg)
{
	(void)arg;
	switch (choice) {
	case 0:
		files_save(t, true);
		return (TUI_POP);
	case 1:
		return (TUI_QUIT);
	default:
		return (TUI_POP);
	}
}

static const struct menu_item quit_items[] = {
	{ "s", "Save the answers, then quit", NULL },
	{ "q", "Quit without saving", NULL },
	{ "c", "Cancel: keep working", NULL },
};

int
files_quit(struct tui *t)
{
	if (!t->dirty)
		return (TUI_QUIT);
	menu_open(t, "Unsaved changes", "The answers have changed since they "
	    "were last saved.", quit_items, 3, 0, quit_chosen, NULL);
	return (TUI_REDRAW);
}

bool
files_interrupt(struct tui *t)
{
	if (!t->dirty || menu_on_top(t, quit_chosen))
		return (true);
	menu_open(t, "Unsaved changes", "The answers have changed since they "
	    "were last saved. Ctrl-C again quits without saving them.",
	    quit_items, 3, 0, quit_chosen, NULL);
	return (false);
}

void
files_cleanup(void)
{
	free(confirmed);
	confirmed = NULL;
}
