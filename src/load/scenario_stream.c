/*
 * scenario_stream: the reader's buffering, and the cutting of its input
 * into documents, each handed with the reader's sink (scenario_sink.h) to
 * the reader for its format.
 *
 * The input is read in large chunks into one buffer that holds the current
 * document and what follows it; a document is used and then dropped, so
 * the buffer grows to the largest document, never to the stream.
 *
 * A YAML stream is cut into documents where libyaml would cut it: before a
 * "---" line (three dashes at the start of a line, then a blank or the end
 * of the line), unless nothing but comments and directives came since the
 * last cut (comments and directives after a directive go with the next
 * document), and after a "..." line: a document that ends so is read at
 * once, without waiting for what follows. Each document is read alone: by
 * the fast path for the plain form tools write (scenario_yfast.c), else by
 * libyaml's events straight into answers (scenario_yevents.c), and if
 * either gives up, by libyaml into a tree (scenario_ytree.c), the one
 * reading that reports problems. A syntax error thus spoils one document
 * only. JSON lines are cut at newlines (scenario_jsonl.c).
 */
#include "scenario_sink.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"
#include "yaml_tree.h"

#define READ_CHUNK	(64 * 1024)
/* A document (or a JSON line) longer than this is refused. */
#define DOC_MAX		YAML_TREE_MAX_FILE

/* How find_eol ended. */
enum eol { EOL_NONE, EOL_FOUND, EOL_TOO_LONG, EOL_ERROR };

struct scenario_reader {
	char			*file;		/* the input's name in messages */
	int			 fd;
	enum scenario_format	 fmt;
	bool			 regular;	/* reads never wait */
	void			(*wait)(void *);
	void			*wait_arg;

	/* Input: buf[start .. end) is read and not yet used. */
	char			*buf;
	size_t			 cap, start, end;
	bool			 eof;
	int			 line;		/* line number of buf[start] */
	uint64_t		 byte;		/* input offset of buf[start] */
	size_t			 ndocs;		/* documents begun so far */
	bool			 after_end;	/* the last one ended with
						   "..." */
	/* A document past DOC_MAX is reported at once; the rest of it is
	   skipped at the next call, so --fail-fast stops on a stream that
	   never ends. */
	bool			 skipping;
	size_t			 skip_pos;	/* bytes of it not yet dropped */
	int			 skip_nl;	/* newlines among them */

	struct scenario_sink	 sink;		/* what the readers fill */
	struct scenario_counts	 counts;	/* documents per reader */
};

enum scenario_format
scenario_format_of(const char *path)
{
	size_t	n = strlen(path);

	if ((n > 6 && strcmp(path + n - 6, ".jsonl") == 0) ||
	    (n > 7 && strcmp(path + n - 7, ".ndjson") == 0))
		return (SCENARIO_JSONL);
	return (SCENARIO_YAML);
}

struct scenario_reader *
scenario_reader_new(const struct kb *kb, const char *file, int fd,
    enum scenario_format fmt)
{
	struct scenario_reader	*sr;
	struct stat		 st;

	sr = xcalloc(1, sizeof *sr);
	sr->file = xstrdup(file);
	sr->fd = fd;
	sr->fmt = fmt;
	sr->regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	sr->line = 1;
	sink_init(&sr->sink, kb);
	return (sr);
}

void
scenario_reader_free(struct scenario_reader *sr)
{
	if (sr == NULL)
		return;
	sink_free(&sr->sink);
	free(sr->buf);
	free(sr->file);
	free(sr);
}

void
scenario_reader_on_wait(struct scenario_reader *sr, void (*fn)(void *),
    void *arg)
{
	sr->wait = fn;
	sr->wait_arg = arg;
}

/* Reads more input after buf[end]; 1 if some came, 0 at the end, -1. */
static int
fill(struct scenario_reader *sr, struct diag *d)
{
	ssize_t	n;

	if (sr->eof)
		return (0);
	if (sr->start > 0 && sr->cap - sr->end < READ_CHUNK) {
		memmove(sr->buf, sr->buf + sr->start, sr->end - sr->start);
		sr->end -= sr->start;
		sr->start = 0;
	}
	if (sr->cap - sr->end < READ_CHUNK) {
		sr->cap = sr->cap < READ_CHUNK ? 4 * READ_CHUNK : sr->cap * 2;
		sr->buf = xreallocarray(sr->buf, sr->cap, 1);
	}
	if (!sr->regular && sr->wait != NULL)
		sr->wait(sr->wait_arg);
	do
		n = read(sr->fd, sr->buf + sr->end, sr->cap - sr->end);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		diag_add(d, DIAG_ERROR, sr->file, 0, 0, "%s", strerror(errno));
		return (-1);
	}
	if (n == 0) {
		sr->eof = true;
		return (0);
	}
	sr->end += (size_t)n;
	return (1);
}

/*
 * Finds the end of the line that starts pos bytes after buf[start]: *eol
 * is the offset (from start) of its '\n', or of the end of the input.
 * EOL_NONE when nothing is left at pos; EOL_TOO_LONG when the document
 * from start would pass DOC_MAX before the line ends.
 */
static enum eol
find_eol(struct scenario_reader *sr, size_t pos, size_t *eol, struct diag *d)
{
	const char	*p;
	size_t		 from = pos;
	int		 r;

	for (;;) {
		p = sr->end - sr->start > from ? memchr(sr->buf + sr->start +
		    from, '\n', sr->end - sr->start - from) : NULL;
		if (p != NULL) {
			*eol = (size_t)(p - (sr->buf + sr->start));
			return (EOL_FOUND);
		}
		from = sr->end - sr->start;
		if (from > DOC_MAX)
			return (EOL_TOO_LONG);
		if ((r = fill(sr, d)) < 0)
			return (EOL_ERROR);
		if (r == 0) {
			*eol = sr->end - sr->start;
			return (pos < *eol ? EOL_FOUND : EOL_NONE);
		}
	}
}

/* Uses n bytes (nl of them newlines) from buf[start]. */
static void
consume(struct scenario_reader *sr, size_t n, int nl)
{
	sr->start += n;
	sr->byte += n;
	sr->line += nl;
	if (sr->start == sr->end)
		sr->start = sr->end = 0;
}

/* Whether the line s[0 .. n) is the marker m ("---" or "..."). */
static bool
is_marker(const char *s, size_t n, char m)
{
	return (n >= 3 && s[0] == m && s[1] == m && s[2] == m &&
	    (n == 3 || s[3] == ' ' || s[3] == '\t' || s[3] == '\r'));
}

/* Blank, or only a comment. */
static bool
is_blank(const char *s, size_t n)
{
	size_t	i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return (i == n || s[i] == '#' || (s[i] == '\r' && i + 1 == n));
}

/* Only spaces, tabs and carriage returns: a blank JSON line. */
static bool
is_space_only(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return (false);
	return (true);
}

/*
 * Reports a document longer than DOC_MAX (pos bytes of it read, nl
 * newlines) at once; the rest of it is skipped by the next call.
 */
static enum scenario_status
report_huge(struct scenario_reader *sr, size_t pos, int nl, int docline,
    struct diag *d)
{
	diag_add(d, DIAG_ERROR, sr->file, docline, 1, "%s longer than %d "
	    "bytes", sr->fmt == SCENARIO_JSONL ? "line" : "document",
	    DOC_MAX);
	sr->skipping = true;
	sr->skip_pos = pos;
	sr->skip_nl = nl;
	return (SCENARIO_BAD);
}

/*
 * Skips the rest of the document reported by report_huge, up to the next
 * cut ("---", or the end of the line for JSON lines); the bytes go as
 * they are scanned. SCENARIO_OK when the next document can be read.
 */
static enum scenario_status
skip_huge(struct scenario_reader *sr, struct diag *d)
{
	const char	*s;
	size_t		 eol, pos = sr->skip_pos;
	int		 nl = sr->skip_nl;
	enum eol	 e;

	sr->skipping = false;
	if (sr->fmt == SCENARIO_JSONL) {
		consume(sr, pos, nl);
		while ((e = find_eol(sr, 0, &eol, d)) == EOL_TOO_LONG)
			consume(sr, sr->end - sr->start, 0);
		if (e == EOL_ERROR)
			return (SCENARIO_IOERR);
		if (e == EOL_FOUND)
			consume(sr, eol + (sr->start + eol < sr->end), 1);
		return (SCENARIO_OK);
	}
	for (;;) {
		consume(sr, pos, nl);
		pos = 0;
		nl = 0;
		if ((e = find_eol(sr, 0, &eol, d)) == EOL_ERROR)
			return (SCENARIO_IOERR);
		if (e == EOL_NONE)
			return (SCENARIO_OK);	/* the end: none follows */
		if (e == EOL_TOO_LONG) {
			pos = sr->end - sr->start;
			continue;
		}
		s = sr->buf + sr->start;
		if (is_marker(s, eol, '-'))
			return (SCENARIO_OK);
		pos = eol < sr->end - sr->start ? eol + 1 : eol;
		nl = eol < sr->end - sr->start;
	}
}

static enum scenario_status
yaml_next(struct scenario_reader *sr, struct scenario *sc, struct diag *d)
{
	const char	*s;
	size_t		 pos, eol, n, endpos = 0;
	bool		 marker, content, ended, dots, bare, last;
	int		 nl, endnl = 0, docline, barecol = 1, rc;
	enum eol	 e;

	pos = 0;
	nl = 0;
	marker = content = ended = dots = bare = false;
	docline = sr->line;
	for (;;) {
		if ((e = find_eol(sr, pos, &eol, d)) == EOL_ERROR)
			return (SCENARIO_IOERR);
		if (e == EOL_NONE)
			break;
		if (e == EOL_TOO_LONG) {
			sc->index = ++sr->ndocs;
			sc->line = docline;
			sr->after_end = false;
			return (report_huge(sr, pos, nl, docline, d));
		}
		s = sr->buf + sr->start + pos;
		n = eol - pos;
		last = sr->start + eol == sr->end;
		if (is_marker(s, n, '-')) {
			if (marker || content) {
				/* Comments and directives after a directive
				   belong to the next document. */
				if (ended) {
					pos = endpos;
					nl = endnl;
				}
				break;
			}
			marker = true;
			docline = sr->line + nl;
		} else if (is_marker(s, n, '.')) {
			if (marker || content) {
				/* The end: read it now, not at the next
				   "---" (which a pipe may not have sent). */
				pos = last ? eol : eol + 1;
				nl += !last;
				dots = true;
				break;
			}
			/* A "..." before any document is libyaml's to judge;
			   after a "...", another is nothing: drop it, and what
			   came before it (blank lines and comments). */
			if (sr->after_end) {
				consume(sr, last ? eol : eol + 1, nl + !last);
				pos = 0;
				nl = 0;
				docline = sr->line;
				continue;
			}
			docline = sr->line + nl;
			content = true;
		} else if (s[0] == '%') {
			/* libyaml ends a document at a directive: it and
			   what follows up to "---" are the next one's. */
			if ((marker || content) && !ended) {
				ended = true;
				endpos = pos;
				endnl = nl;
			}
		} else if (!is_blank(s, n)) {
			if (!marker && !content) {
				docline = sr->line + nl;
				/* After "...", only "---" starts a document. */
				bare = sr->after_end;
				barecol = 1 + (int)(strspn(s, " \t"));
			}
			content = true;
			ended = false;
		}
		pos = last ? eol : eol + 1;
		nl += !last;
		if (pos > DOC_MAX) {
			sc->index = ++sr->ndocs;
			sc->line = docline;
			sr->after_end = false;
			return (report_huge(sr, pos, nl, docline, d));
		}
	}
	sr->after_end = dots;
	if (!marker && !content) {
		/* Comments and blank lines at the end: no document. */
		consume(sr, pos, nl);
		return (SCENARIO_END);
	}
	sc->index = ++sr->ndocs;
	sc->line = docline;
	s = sr->buf + sr->start;
	if (bare) {
		sink_begin(&sr->sink);
		/* libyaml's words for it, at its place. */
		diag_add(d, DIAG_ERROR, sr->file, docline, barecol,
		    "did not find expected <document start>");
		rc = -1;
	} else if (scenario_yaml_fast(&sr->sink, s, pos) == 0) {
		sr->counts.yaml_fast++;
		rc = 0;
	} else if (scenario_yaml_events(&sr->sink, s, pos) == 0) {
		sr->counts.yaml_events++;
		rc = 0;
	} else {
		sr->counts.yaml_tree++;
		rc = scenario_yaml_tree(&sr->sink, sr->file, s, pos, sr->line,
		    sr->byte, d);
	}
	consume(sr, pos, nl);
	return (rc == 0 ? SCENARIO_OK : SCENARIO_BAD);
}

static enum scenario_status
jsonl_next(struct scenario_reader *sr, struct scenario *sc, struct diag *d)
{
	const char	*s;
	size_t		 eol, n;
	int		 rc;
	enum eol	 e;

	for (;;) {
		if ((e = find_eol(sr, 0, &eol, d)) == EOL_ERROR)
			return (SCENARIO_IOERR);
		if (e == EOL_NONE)
			return (SCENARIO_END);
		if (e == EOL_TOO_LONG || eol > DOC_MAX) {
			sc->index = ++sr->ndocs;
			sc->line = sr->line;
			/* Dropped as it comes, up to its newline, next call. */
			return (report_huge(sr, 0, 0, sr->line, d));
		}
		s = sr->buf + sr->start;
		n = eol;
		if (!is_space_only(s, n))
			break;
		consume(sr, eol + (sr->start + eol < sr->end), 1);
	}
	sc->index = ++sr->ndocs;
	sc->line = sr->line;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	sr->counts.jsonl++;
	rc = scenario_json_line(&sr->sink, sr->file, s, n, sr->line, d);
	consume(sr, eol + (sr->start + eol < sr->end), 1);
	return (rc == 0 ? SCENARIO_OK : SCENARIO_BAD);
}

void
scenario_reader_counts(const struct scenario_reader *sr,
    struct scenario_counts *c)
{
	c->yaml_fast += sr->counts.yaml_fast;
	c->yaml_events += sr->counts.yaml_events;
	c->yaml_tree += sr->counts.yaml_tree;
	c->jsonl += sr->counts.jsonl;
}

/*
 * A byte-order mark at the very start of JSON lines is dropped, as libyaml
 * drops one before YAML (editors on Windows write it). Returns -1 on a
 * read error.
 */
static int
skip_bom(struct scenario_reader *sr, struct diag *d)
{
	size_t	eol;

	if (find_eol(sr, 0, &eol, d) == EOL_ERROR)
		return (-1);
	if (sr->end - sr->start >= 3 &&
	    memcmp(sr->buf + sr->start, "\xef\xbb\xbf", 3) == 0) {
		sr->start += 3;
		sr->byte += 3;
	}
	return (0);
}

enum scenario_status
scenario_reader_next(struct scenario_reader *sr, struct scenario *sc,
    struct diag *d)
{
	enum scenario_status	st;

	sink_scenario(&sr->sink, sc);
	sc->name = NULL;
	sc->index = 0;
	sc->line = 0;
	if (sr->skipping && (st = skip_huge(sr, d)) != SCENARIO_OK)
		return (st);
	if (sr->fmt == SCENARIO_JSONL && sr->byte == 0 && skip_bom(sr, d) != 0)
		return (SCENARIO_IOERR);
	if (sr->fmt == SCENARIO_JSONL)
		st = jsonl_next(sr, sc, d);
	else
		st = yaml_next(sr, sc, d);
	if (st == SCENARIO_OK)
		sink_scenario(&sr->sink, sc);
	return (st);
}
