/*
 * tui: sets the terminal up and always puts it back, and runs the loop:
 * draw every screen of the stack, read a key, hand it to the top screen's
 * bindings, act on the reaction (re-rank, close, quit).
 *
 * The terminal is restored on every way out: q, SIGINT (Ctrl-C) and
 * SIGTERM (the handler only sets a flag; the key read returns and the loop
 * ends normally; Ctrl-C with unsaved changes first asks, as q does), and fatal signals (SIGABRT from an xmalloc failure,
 * SIGSEGV...), whose handler writes the terminal's exit sequences and
 * restores the saved termios with async-signal-safe calls before dying of
 * the same signal. A resize (SIGWINCH, caught here rather than by ncurses,
 * so that the key read returns at once) calls resizeterm and redraws:
 * every screen lays itself out from LINES and COLS each time it is drawn.
 */
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "answers_load.h"
#include "diag.h"
#include "exits.h"
#include "report.h"
#include "tui.h"
#include "tui_int.h"
#include "whatif.h"
#include "xmalloc.h"

static volatile sig_atomic_t	tui_signal;
static volatile sig_atomic_t	tui_winch;

/* What the fatal-signal handler needs, prepared before it can run. */
static struct termios	saved_tio;
static bool		have_tio;
static char		restore_seq[256];
static size_t		restore_len;

static void
on_signal(int sig)
{
	tui_signal = sig;
}

static void
on_winch(int sig)
{
	(void)sig;
	tui_winch = 1;
}

static void
on_fatal(int sig)
{
	static const char	msg[] = "archadvisor: stopped by a fatal "
				    "error; the terminal was restored\n";
	ssize_t			n;
	bool			was_up = restore_len > 0;

	if (was_up) {
		n = write(STDOUT_FILENO, restore_seq, restore_len);
		(void)n;	/* nothing better to do if it fails */
	}
	if (have_tio)
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
	/* What was printed (xmalloc's message) went with the screen. */
	if (was_up) {
		n = write(STDERR_FILENO, msg, sizeof msg - 1);
		(void)n;
	}
	/* SA_RESETHAND made the action the default again: die of it. */
	raise(sig);
}

static void
add_restore_cap(const char *cap)
{
	char	*s = tigetstr(cap);
	size_t	 n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (restore_len + n >= sizeof restore_seq)
		return;
	memcpy(restore_seq + restore_len, s, n);
	restore_len += n;
}

static void
install_signals(void)
{
	static const int	 fatal[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE,
				    SIGILL };
	struct sigaction	 sa, old;
	size_t			 i;

	/* No SA_RESTART: the blocked key read must return to the loop. */
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* Ours rather than ncurses' (which restarts the key read). */
	sa.sa_handler = on_winch;
	sigaction(SIGWINCH, &sa, NULL);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
		/* Leave a sanitizer's own handler in place. */
		if (sigaction(fatal[i], NULL, &old) == 0 &&
		    (old.sa_flags & SA_SIGINFO) == 0 &&
		    old.sa_handler == SIG_DFL)
			sigaction(fatal[i], &sa, NULL);
	}
}

static void
restore_signals(void)
{
	static const int	sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGWINCH,
				    SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL };
	struct sigaction	sa, old;
	size_t			i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_DFL;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    (old.sa_handler == on_signal ||
		    old.sa_handler == on_winch || old.sa_handler == on_fatal))
			sigaction(sigs[i], &sa, NULL);
}

void
tui_push(struct tui *t, const struct tui_screen *s, void *data)
{
	if (t->depth == TUI_MAX_DEPTH) {
		if (s->free != NULL)
			s->free(data);
		return;
	}
	t->stack[t->depth].screen = s;
	t->stack[t->depth].data = data;
	t->depth++;
}

/* Closes screen i of the stack (not always the top: see dispatch). */
static void
pop_at(struct tui *t, int i)
{
	const struct tui_screen	*s = t->stack[i].screen;

	if (s->free != NULL)
		s->free(t->stack[i].data);
	memmove(&t->stack[i], &t->stack[i + 1], (size_t)(t->depth - i - 1) *
	    sizeof t->stack[0]);
	t->depth--;
}

void
tui_message(struct tui *t, bool error, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_error = error;
}

int
tui_answer(struct tui *t, size_t qi, struct value v)
{
	if (value_equal(&t->answers.v[qi], &v))
		return (TUI_REDRAW);
	t->answers.v[qi] = v;
	return (TUI_CHANGED);
}

/*
 * After every change: the engine ranks the patterns again, and the
 * what-if analysis, nearest precedents and decision drivers follow.
 */
static void
rerank(struct tui *t)
{
	advice_update(&t->advice, t->answers.v);
}

int
tui_rows(const struct tui *t)
{
	return (LINES - t->status_rows);
}

void
tui_progress(const struct tui *t, size_t *answered, size_t *asked)
{
	size_t	i;

	*answered = *asked = 0;
	for (i = 0; i < t->kb->nquestions; i++) {
		if (t->answers.v[i].known)
			(*answered)++;
		if (t->answers.v[i].known ||
		    kb_question_asked(t->kb, i, t->answers.v))
			(*asked)++;
	}
}

void
tui_report_ctx(const struct tui *t, struct report_ctx *ctx)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->kb = t->kb;
	ctx->answers = &t->answers;
	ctx->version = t->version;
	ctx->utf8 = t->utf8;
	report_use_advice(ctx, &t->advice);
}

static void
draw_too_small(struct tui *t)
{
	struct draw_lines	l = { NULL, 0, 0 };
	char			buf[512];
	size_t			i;
	int			y;

	erase();
	snprintf(buf, sizeof buf, "This terminal is %dx%d; archadvisor needs "
	    "at least %dx%d. Make the window larger to go on%s", COLS, LINES,
	    TUI_MIN_COLS, TUI_MIN_LINES, t->dirty ? ", or press Q to quit "
	    "without saving your changes." : ", or press q to quit.");
	lines_wrap(&l, 0, 0, COLS > 2 ? COLS - 2 : 1, ST_NORMAL, buf);
	y = (LINES - (int)l.n) / 2;
	for (i = 0; i < l.n; i++)
		draw_text(y + (int)i, 1, COLS - 2, l.v[i].text, ST_NORMAL, t);
	lines_free(&l);
	curs_set(0);
	refresh();
}

static bool
too_small(void)
{
	return (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES);
}

static const struct tui_binding *
top_bindings(struct tui *t)
{
	struct tui_frame	*f = &t->stack[t->depth - 1];

	return (f->screen->bindings(t, f->data));
}

static void
draw_all(struct tui *t)
{
	int	i, first;

	if (too_small()) {
		draw_too_small(t);
		return;
	}
	erase();
	t->cursor_y = t->cursor_x = -1;
	t->focus_y = t->focus_x = -1;
	t->status_rows = draw_status_rows(t, top_bindings(t), COLS);
	/* Popups need the screen below them; full screens hide it. */
	for (first = t->depth - 1; first > 0; first--)
		if (!t->stack[first].screen->popup)
			break;
	for (i = first; i < t->depth; i++)
		t->stack[i].screen->draw(t, t->stack[i].data);
	draw_status(t, top_bindings(t));
	if (t->cursor_y >= 0) {
		move(t->cursor_y, t->cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
		if (t->focus_y >= 0)
			move(t->focus_y, t->focus_x);
	}
	refresh();
}

/* Hands key to the top screen: its bindings first, then its own handler. */
static int
dispatch(struct tui *t, int key, int *frame)
{
	const struct tui_binding	*b;
	struct tui_frame		*f;

	*frame = t->depth - 1;
	f = &t->stack[*frame];
	for (b = f->screen->bindings(t, f->data); b->fn != NULL; b++)
		if (b->key == key)
			return (b->fn(t, f->data, key));
	if (f->screen->key != NULL)
		return (f->screen->key(t, f->data, key));
	return (TUI_UNKNOWN_KEY);
}

/* Keys while the terminal is too small: only quitting. */
static int
small_key(struct tui *t, int key)
{
	if ((key == 'q' && !t->dirty) || key == 'Q')
		return (TUI_QUIT);
	return (TUI_NONE);
}

/*
 * Follows the terminal's size: after SIGWINCH, or when a lost signal left
 * LINES and COLS behind the real size (checked whenever the key read times
 * out). Returns true if the size changed.
 */
static bool
follow_size(void)
{
	struct winsize	ws;

	tui_winch = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 ||
	    ws.ws_col == 0 || (ws.ws_row == LINES && ws.ws_col == COLS))
		return (false);
	resizeterm(ws.ws_row, ws.ws_col);
	return (true);
}

static void
loop(struct tui *t)
{
	wint_t	wch;
	int	r, key, react, frame = 0;
	bool	draw = true;

	for (;;) {
		if (tui_signal == SIGINT && !files_interrupt(t)) {
			tui_signal = 0;
			draw = true;
		}
		if (tui_signal)
			break;
		if (tui_winch && follow_size())
			draw = true;
		if (draw)
			draw_all(t);
		draw = true;
		if (tui_winch)
			continue;	/* resized while drawing */
		r = get_wch(&wch);
		if (tui_signal)
			continue;
		if (r == ERR) {
			/* A signal or the timeout: redraw only if resized. */
			draw = follow_size();
			continue;
		}
		key = r == KEY_CODE_YES ? TK((int)wch) : (int)wch;
		if (key == TK(KEY_RESIZE))
			continue;
		t->msg[0] = '\0';
		if (too_small())
			react = small_key(t, key);
		else
			react = dispatch(t, key, &frame);
		if (react & TUI_UNKNOWN_KEY)
			tui_message(t, true, "That key does nothing here; the "
			    "keys that work are on the bottom line.");
		if (react & TUI_CHANGED) {
			rerank(t);
			t->dirty = true;
		}
		if (react & TUI_DIRTY)
			t->dirty = true;
		if ((react & TUI_POP) && frame > 0)
			pop_at(t, frame);
		if (react & TUI_QUIT)
			break;
	}
}

/* Loads --answers before the screen starts; returns 0 or an exit status. */
static int
load_answers(struct tui *t, const char *path)
{
	struct diag		d;
	enum load_status	st;

	if (path == NULL) {
		answers_init(&t->answers, t->kb);
		return (0);
	}
	diag_init(&d);
	st = answers_load_file(&t->answers, t->kb, path, &d);
	if (st == LOAD_NOT_FOUND && strcmp(path, "-") != 0) {
		/* A new scenario: the file is made on the first save. */
		tui_message(t, false, "%s does not exist yet; s saves your "
		    "answers there.", path);
		st = LOAD_OK;
	} else
		diag_print(stderr, &d);
	diag_free(&d);
	if (st != LOAD_OK) {
		answers_free(&t->answers);
		return (st == LOAD_NOT_FOUND ? EXIT_NOINPUT : EXIT_DATAERR);
	}
	if (strcmp(path, "-") != 0)
		t->path = xstrdup(path);
	return (0);
}

static bool
locale_utf8(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return (cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0));
}

int
tui_run(const struct kb *kb, const struct tui_options *opts)
{
	struct tui	 t;
	SCREEN		*scr;
	int		 rc;

	if (kb->nquestions == 0) {
		fprintf(stderr, "archadvisor: the knowledge base %s has no "
		    "questions to answer\n", kb->name);
		return (EXIT_DATAERR);
	}
	memset(&t, 0, sizeof t);
	t.kb = kb;
	t.version = opts->version;
	if ((rc = load_answers(&t, opts->answers)) != 0)
		return (rc);
	advice_init(&t.advice, kb, ADVICE_ALL, ADVICE_NPRECEDENTS);
	rerank(&t);
	t.utf8 = locale_utf8();
	t.color = opts->color;

	have_tio = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
	tui_signal = 0;
	install_signals();
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		restore_signals();
		fprintf(stderr, "archadvisor: cannot use this terminal "
		    "(TERM=%s)\n", getenv("TERM") ? getenv("TERM") : "unset");
		advice_free(&t.advice);
		answers_free(&t.answers);
		free(t.path);
		return (EXIT_SOFTWARE);
	}
	restore_len = 0;
	add_restore_cap("sgr0");
	add_restore_cap("cnorm");
	add_restore_cap("rmkx");
	add_restore_cap("rmcup");
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	/* A safety net for a resize whose signal came at a bad moment. */
	timeout(1000);
	draw_init_styles(&t);

	tui_push(&t, &screen_main, screen_main_new(&t));
	loop(&t);
	while (t.depth > 0)
		pop_at(&t, t.depth - 1);
	files_cleanup();

	endwin();
	delscreen(scr);
	restore_len = 0;
	restore_signals();
	rc = 0;
	if (tui_signal) {
		fprintf(stderr, "archadvisor: %s; %s\n", tui_signal == SIGINT ?
		    "interrupted" : "terminated", t.dirty ? "unsaved answers "
		    "were not saved" : "nothing was left unsaved");
		rc = 128 + tui_signal;
	}
	advice_free(&t.advice);
	answers_free(&t.answers);
	free(t.path);
	return (rc);
}
