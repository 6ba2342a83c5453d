/*
 * scenario_stream: the reader's buffering and its YAML documents.
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
 * either gives up, by libyaml into a tree, as an answers file is
 * (answers_from_doc): the one reading that reports problems, with the
 * parser told where the document starts so that every message names the
 * line of the whole input. A syntax error thus spoils one document only.
 */
#include "scenario_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers_load.h"
#include "xmalloc.h"
#include "yaml_tree.h"

#define READ_CHUNK	(64 * 1024)
/* A document (or a JSON line) longer than this is refused. */
#define DOC_MAX		YAML_TREE_MAX_FILE

/* How find_eol ended. */
enum eol { EOL_NONE, EOL_FOUND, EOL_TOO_LONG, EOL_ERROR };

/*
 * Whether the n bytes at a and b are equal. Ids and values are short: a
 * word at a time, the last word overlapping, costs fewer branches than a
 * byte loop or a call to memcmp.
 */
static bool
same(const char *a, const char *b, size_t n)
{
	uint64_t	x, y;
	uint32_t	u, v;
	size_t		i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return (false);
		}
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return (x == y);
	}
	if (n >= 4) {
		memcpy(&u, a, 4);
		memcpy(&v, b, 4);
		if (u != v)
			return (false);
		memcpy(&u, a + n - 4, 4);
		memcpy(&v, b + n - 4, 4);
		return (u == v);
	}
	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return (false);
	return (true);
}

/*
 * A hash of the length and a few bytes, not all: ids and values are short
 * and differ early or late ("10m", "2TB", "streaming_skills"), and equal
 * hashes are told apart by comparing the bytes.
 */
static uint32_t
hash(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 h = (uint32_t)len * 0x9e3779b1u;

	if (len > 0)
		h ^= (u[0] | (uint32_t)u[len - 1] << 8 |
		    (uint32_t)u[len / 2] << 16) * 0x85ebca6bu;
	if (len > 2)
		h ^= (u[1] | (uint32_t)u[len - 2] << 8) * 0xc2b2ae35u;
	return (h ^ (h >> 15));
}

static void
key_add(struct scenario_reader *sr, const char *id, int key)
{
	size_t	len = strlen(id), i;

	i = hash(id, len) & sr->keymask;
	while (sr->keys[i].id != NULL) {
		if (sr->keys[i].len == len && memcmp(sr->keys[i].id, id,
		    len) == 0)
			return;		/* the first of two equal ids wins */
		i = (i + 1) & sr->keymask;
	}
	sr->keys[i].id = id;
	sr->keys[i].len = len;
	sr->keys[i].key = key;
}

int
scenario_key(const struct scenario_reader *sr, const char *id, size_t len)
{
	size_t	i;

	i = hash(id, len) & sr->keymask;
	while (sr->keys[i].id != NULL) {
		if (sr->keys[i].len == len && same(sr->keys[i].id, id, len))
			return (sr->keys[i].key);
		i = (i + 1) & sr->keymask;
	}
	return (KEY_UNKNOWN);
}

int
scenario_value(struct scenario_reader *sr, int q, const char *s, size_t len,
    struct value *out)
{
	struct vslot	*slot;
	char		 why[8];

	slot = &sr->vcache[(hash(s, len) ^ (uint32_t)q * 2654435761u) &
	    (VCACHE_SLOTS - 1)];
	if (slot->q == q && slot->len == len && same(slot->text, s, len)) {
		*out = slot->v;
		return (0);
	}
	if (len + 1 > sr->vtextcap) {
		sr->vtextcap = len + 64;
		free(sr->vtext);
		sr->vtext = xmalloc(sr->vtextcap);
	}
	memcpy(sr->vtext, s, len);
	sr->vtext[len] = '\0';
	if (value_parse(&sr->kb->questions[q].dom, sr->vtext, out, why,
	    sizeof why) != 0)
		return (-1);
	if (len <= VCACHE_TEXT) {
		slot->q = q;
		slot->len = (uint8_t)len;
		memcpy(slot->text, s, len);
		slot->v = *out;
	}
	return (0);
}

uint32_t
scenario_stamp(struct scenario_reader *sr)
{
	/* After 2^32 documents the marks start again from a clean slate. */
	if (++sr->stamp == 0) {
		memset(sr->seen, 0, sr->kb->nquestions * sizeof *sr->seen);
		sr->stamp = 1;
	}
	return (sr->stamp);
}

void
scenario_set_name(struct scenario_reader *sr, const char *s, size_t len)
{
	if (len + 1 > sr->namecap) {
		sr->namecap = len + 64;
		sr->name = xreallocarray(sr->name, sr->namecap, 1);
	}
	memcpy(sr->name, s, len);
	sr->name[len] = '\0';
	sr->has_name = true;
}

char *
scenario_tmp(struct scenario_reader *sr, size_t n)
{
	if (n > sr->tmpcap) {
		sr->tmpcap = n + 256;
		free(sr->tmp);
		sr->tmp = xmalloc(sr->tmpcap);
	}
	return (sr->tmp);
}

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
	size_t			 i, n;

	sr = xcalloc(1, sizeof *sr);
	sr->kb = kb;
	sr->file = xstrdup(file);
	sr->fd = fd;
	sr->fmt = fmt;
	sr->regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	sr->line = 1;
	answers_init(&sr->ans, kb);
	sr->defaults = xcalloc(kb->nquestions + 1, sizeof *sr->defaults);
	memcpy(sr->defaults, sr->ans.v, kb->nquestions * sizeof *sr->defaults);
	sr->seen = xcalloc(kb->nquestions + 1, sizeof *sr->seen);
	sr->seencol = xcalloc(kb->nquestions + 1, sizeof *sr->seencol);
	for (n = 16; n < 2 * (kb->nquestions + 2); n *= 2)
		/* nothing */;
	sr->keys = xcalloc(n, sizeof *sr->keys);
	sr->vcache = xcalloc(VCACHE_SLOTS, sizeof *sr->vcache);
	for (i = 0; i < VCACHE_SLOTS; i++)
		sr->vcache[i].q = -1;
	sr->keymask = n - 1;
	key_add(sr, "name", KEY_NAME);
	key_add(sr, "description", KEY_DESCRIPTION);
	for (i = 0; i < kb->nquestions; i++)
		key_add(sr, kb->questions[i].id, (int)i);
	/* After the questions: a question called notes would win. */
	key_add(sr, "notes", KEY_NOTES);
	return (sr);
}

void
scenario_reader_free(struct scenario_reader *sr)
{
	if (sr == NULL)
		return;
	answers_free(&sr->ans);
	free(sr->defaults);
	free(sr->seen);
	free(sr->seencol);
	free(sr->keys);
	free(sr->vcache);
	free(sr->vtext);
	free(sr->name);
	free(sr->tmp);
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

/* Starts every document from the answers' defaults, nothing named. */
static void
begin_doc(struct scenario_reader *sr)
{
	memcpy(sr->ans.v, sr->defaults,
	    sr->kb->nquestions * sizeof *sr->ans.v);
	sr->has_name = false;
}

/* The document text[0 .. len) through libyaml and answers_from_doc. */
static int
yaml_slow(struct scenario_reader *sr, const char *text, size_t len,
    int line, uint64_t byte, struct diag *d)
{
	struct yaml_stream	*ys;
	struct yaml_doc		 doc;
	size_t			 nerr = d->nerrors, i;
	int			 rc;

	begin_doc(sr);
	if ((ys = yaml_stream_new(sr->file, text, len)) == NULL) {
		diag_add(d, DIAG_ERROR, sr->file, line, 1, "cannot start the "
		    "YAML parser");
		return (-1);
	}
	yaml_stream_set_origin(ys, line, (size_t)byte);
	if ((rc = yaml_stream_next(ys, &doc, d)) == 1) {
		answers_from_doc(&sr->ans, sr->kb, sr->file, &doc, d);
		yaml_doc_free(&doc);
		/*
		 * Text after the document and before the next "---" (say a
		 * key less indented than the first) is an error here.
		 */
		if (d->nerrors == nerr && (rc = yaml_stream_next(ys, &doc,
		    d)) == 1) {
			diag_add(d, DIAG_ERROR, sr->file, doc.line, doc.col,
			    "a second document without '---' before it");
			yaml_doc_free(&doc);
		}
	}
	yaml_stream_free(ys);
	if (sr->ans.name != NULL)
		scenario_set_name(sr, sr->ans.name, strlen(sr->ans.name));
	free(sr->ans.name);
	free(sr->ans.description);
	sr->ans.name = sr->ans.description = NULL;
	/* Notes are checked by answers_from_doc; rows do not show them. */
	for (i = 0; sr->ans.notes != NULL && i < sr->ans.n; i++)
		answers_set_note(&sr->ans, i, NULL);
	return (rc < 0 || d->nerrors != nerr ? -1 : 0);
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
	begin_doc(sr);
	if (bare) {
		/* libyaml's words for it, at its place. */
		diag_add(d, DIAG_ERROR, sr->file, docline, barecol,
		    "did not find expected <document start>");
		rc = -1;
	} else if (scenario_yaml_fast(sr, s, pos) == 0) {
		sr->counts.yaml_fast++;
		rc = 0;
	} else {
		begin_doc(sr);
		if (scenario_yaml_events(sr, s, pos) == 0) {
			sr->counts.yaml_events++;
			rc = 0;
		} else {
			sr->counts.yaml_tree++;
			rc = yaml_slow(sr, s, pos, sr->line, sr->byte, d);
		}
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
	begin_doc(sr);
	sr->counts.jsonl++;
	rc = scenario_json_line(sr, s, n, sr->line, d);
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

	sc->v = sr->ans.v;
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
	if (st == SCENARIO_OK && sr->has_name)
		sc->name = sr->name;
	return (st);
}
