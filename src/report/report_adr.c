/*
 * report_adr: the decision as an Architecture Decision Record in the MADR
 * layout (title; status and date; context and problem statement; decision
 * drivers; considered options; decision outcome; pros and cons of the
 * options), and report_adr_save, which files it in an ADR directory as the
 * next numbered record, the way adr-tools numbers its own.
 * Every string from the knowledge base or the answers goes through
 * escape_md.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"
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

static const struct handout_markup md_markup = {
	escape_md, "**", "**"
};

/*
 * Writes a knowledge-base phrase after "Good, because ": "Best of both
 * worlds" reads "best of both worlds", but "SQL ..." and "ClickHouse ..."
 * keep their capitals (only a first word that is one capital followed by
 * lower-case letters is lowered).
 */
static void
write_because(FILE *fp, const char *good_or_bad, const char *phrase)
{
	char	*s = xstrdup(phrase);
	size_t	 i;

	if (isupper((unsigned char)s[0])) {
		for (i = 1; islower((unsigned char)s[i]); i++)
			;
		if (i > 1 && !isalnum((unsigned char)s[i]))
			s[0] = (char)tolower((unsigned char)s[0]);
	}
	fprintf(fp, "* %s, because ", good_or_bad);
	escape_md(fp, s);
	fputc('\n', fp);
	free(s);
}

static void
write_context(FILE *fp, const struct report_ctx *ctx)
{
	const struct answers	*a = ctx->answers;
	size_t			 n = answers_count(a);

	fputs("## Context and Problem Statement\n\n", fp);
	if (a->description != NULL && a->description[0] != '\0') {
		escape_md(fp, a->description);
		fputs("\n\n", fp);
	}
	fputs("Which data architecture should ", fp);
	if (a->name != NULL && a->name[0] != '\0') {
		fputs("*", fp);
		escape_md(fp, a->name);
		fputs("* use", fp);
	} else
		fputs("we use", fp);
	fputs(": how should the data be processed, and should its "
	    "ownership be central or spread over the domains? The options "
	    "were scored by archadvisor ", fp);
	escape_md(fp, ctx->version);
	fputs(" with the knowledge base ", fp);
	escape_md(fp, ctx->kb->name);
	fputc(' ', fp);
	escape_md(fp, ctx->kb->version);
	fprintf(fp, ", from %zu answer%s; %zu question%s left open.\n\n", n,
	    n == 1 ? "" : "s", a->n - n, a->n - n == 1 ? " was" : "s were");
}

static void
write_drivers(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h)
{
	const struct question	*q;
	char			 buf[1024];
	size_t			 i;

	fputs("## Decision Drivers\n\n", fp);
	if (h->ndrivers == 0)
		fputs("* None: no rule of the knowledge base applies to these "
		    "answers.\n", fp);
	else
		fputs("The answers that moved the ranking, most decisive "
		    "first:\n\n", fp);
	for (i = 0; i < h->ndrivers; i++) {
		q = &ctx->kb->questions[h->drivers[i].question];
		fputs("* **", fp);
		escape_md(fp, q->id);
		fputs("** = ", fp);
		escape_md(fp, handout_answer(q,
		    &ctx->answers->v[h->drivers[i].question], buf,
		    sizeof buf));
		fputs(" (", fp);
		escape_md(fp, q->prompt);
		fputs("): ", fp);
		handout_driver_effects(fp, ctx, &h->drivers[i], &md_markup);
		fputc('\n', fp);
	}
	fputc('\n', fp);
}

static void
write_options(FILE *fp, const struct report_ctx *ctx)
{
	const struct pattern_score	*s;
	size_t				 i;

	fputs("## Considered Options\n\n", fp);
	for (i = 0; i < ctx->ranking->npatterns; i++) {
		s = &ctx->ranking->scores[ctx->ranking->order[i]];
		fputs("* ", fp);
		escape_md(fp, ctx->kb->patterns[s->pattern].name);
		fprintf(fp, " (%.1f, %s)\n", s->score, handout_fit(s->fit));
	}
	fputc('\n', fp);
}

/*
 * What choosing pattern p brings: its pros and cons from the knowledge
 * base, and the rules that counted against it for these answers.
 */
static void
write_consequences(FILE *fp, const struct report_ctx *ctx, int pattern)
{
	const struct kb			*kb = ctx->kb;
	const struct pattern		*p = &kb->patterns[pattern];
	const struct pattern_score	*s = &ctx->ranking->scores[pattern];
	size_t				 i;

	for (i = 0; i < p->pros.n; i++)
		write_because(fp, "Good", p->pros.items[i]);
	for (i = 0; i < p->cons.n; i++)
		write_because(fp, "Bad", p->cons.items[i]);
	for (i = 0; i < s->nreasons; i++)
		if (s->reasons[i].effect < 0)
			write_because(fp, "Bad",
			    kb->rules[s->reasons[i].rule].why);
	if (p->pros.n + p->cons.n == 0) {
		fputs("* The knowledge base lists no pros or cons for ", fp);
		escape_md(fp, p->name);
		fputs(".\n", fp);
	}
}

static void
write_outcome(FILE *fp, const struct report_ctx *ctx,
    const struct handout *h)
{
	const struct kb			*kb = ctx->kb;
	const struct ranking		*r = ctx->ranking;
	const struct pattern_score	*s;
	const struct pattern		*p;
	char				 line[1024];
	size_t				 i;

	fputs("## Decision Outcome\n\n", fp);
	if (r->processing < 0) {
		fputs("No option chosen: every processing pattern is ruled "
		    "out by these answers (see the reasons below).\n\n", fp);
		return;
	}
	s = &r->scores[r->processing];
	p = &kb->patterns[r->processing];
	fputs("Chosen option: \"", fp);
	escape_md(fp, p->name);
	fputc('"', fp);
	if (r->organization >= 0) {
		fputs(", organised as a \"", fp);
		escape_md(fp, kb->patterns[r->organization].name);
		fputc('"', fp);
	} else
		fputs(", organised centrally", fp);
	fprintf(fp, ", because it comes out best for these answers (%.1f, "
	    "%s", s->score, handout_fit(s->fit));
	if (h->runner_up >= 0 && !r->scores[h->runner_up].vetoed) {
		if (r->margin < 0.05)
			fputs(", tied with ", fp);
		else
			fprintf(fp, ", %.1f points ahead of ", r->margin);
		escape_md(fp, kb->patterns[h->runner_up].name);
	}
	fputs(")", fp);
	fputs(s->nreasons > 0 ? ":\n\n" : ".\n\n", fp);
	for (i = 0; i < s->nreasons; i++) {
		if (s->reasons[i].effect <= 0)
			continue;
		fputs("* ", fp);
		escape_md(fp, kb->rules[s->reasons[i].rule].why);
		fputc('\n', fp);
	}
	if (s->nreasons > 0)
		fputc('\n', fp);
	if (r->organization >= 0) {
		fputs("The data is organised as a ", fp);
		escape_md(fp, kb->patterns[r->organization].name);
		fprintf(fp, " because it scores %.1f, at least the %g from "
		    "which the knowledge base recommends it:\n\n",
		    r->scores[r->organization].score, kb->org_threshold);
		s = &r->scores[r->organization];
		for (i = 0; i < s->nreasons; i++) {
			if (s->reasons[i].effect <= 0)
				continue;
			fputs("* ", fp);
			escape_md(fp, kb->rules[s->reasons[i].rule].why);
			fputc('\n', fp);
		}
		fputc('\n', fp);
		s = &r->scores[r->processing];
	}
	if (ctx->whatif != NULL) {
		escape_md(fp, report_robustness_sentence(ctx, line,
		    sizeof line));
		fputs("\n\n", fp);
		for (i = 0; i < ctx->whatif->nsens; i++) {
			if (i == 0)
				fputs("What would change it:\n\n", fp);
			fputs("* ", fp);
			escape_md(fp, report_sensitivity_sentence(ctx,
			    &ctx->whatif->sens[i], line, sizeof line));
			fputc('\n', fp);
		}
		if (ctx->whatif->nsens > 0)
			fputc('\n', fp);
	}
	fputs("### Consequences\n\n", fp);
	write_consequences(fp, ctx, r->processing);
	if (r->organization >= 0)
		write_consequences(fp, ctx, r->organization);
	fputc('\n', fp);
}

static void
write_pros_cons(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb			*kb = ctx->kb;
	const struct pattern_score	*s;
	const struct pattern		*p;
	size_t				 i, j;

	fputs("## Pros and Cons of the Options\n", fp);
	for (i = 0; i < ctx->ranking->npatterns; i++) {
		s = &ctx->ranking->scores[ctx->ranking->order[i]];
		p = &kb->patterns[s->pattern];
		fputs("\n### ", fp);
		escape_md(fp, p->name);
		fputs("\n\n", fp);
		if (p->summary != NULL && p->summary[0] != '\0') {
			escape_md(fp, p->summary);
			fputs(". ", fp);
		}
		fprintf(fp, "Score %.1f, %s, ranked %zu.", s->score,
		    handout_fit(s->fit), i + 1);
		fputc(' ', fp);
		handout_requirements(fp, ctx, s->pattern, &md_markup);
		fputs("\n\n", fp);
		for (j = 0; j < s->nstretches; j++) {
			fputs("* Bad, because it meets a requirement only at a "
			    "stretch: ", fp);
			escape_md(fp, kb->rules[s->stretches[j]].why);
			fputc('\n', fp);
		}
		for (j = 0; j < s->nvetoes; j++) {
			fputs("* Bad, because it is ruled out here: ", fp);
			escape_md(fp, kb->rules[s->vetoes[j]].why);
			fputc('\n', fp);
		}
		for (j = 0; j < p->pros.n; j++)
			write_because(fp, "Good", p->pros.items[j]);
		for (j = 0; j < p->cons.n; j++)
			write_because(fp, "Bad", p->cons.items[j]);
		if (s->nvetoes + p->pros.n + p->cons.n == 0)
			fputs("* The knowledge base lists no pros or cons for "
			    "it.\n", fp);
	}
}

/* MADR's last section: the nearest public case studies, as evidence. */
static void
write_more_information(FILE *fp, const struct report_ctx *ctx)
{
	struct precedent_match	 m[HANDOUT_PRECEDENTS];
	const struct precedent	*pr;
	size_t			 i, n;

	if ((n = handout_precedents(ctx, m)) == 0)
		return;
	fputs("\n## More Information\n\nPublic case studies nearest to "
	    "these answers (evidence beside the ranking; they change no "
	    "score):\n\n", fp);
	for (i = 0; i < n; i++) {
		pr = &ctx->kb->precedents[m[i].precedent];
		fputs("* ", fp);
		handout_precedent_line(fp, ctx, &m[i], &md_markup);
		fputs(" Source: ", fp);
		escape_md(fp, pr->title);
		fputs(", ", fp);
		escape_md(fp, pr->url);
		fputc('\n', fp);
	}
}

int
report_write_adr(FILE *fp, const struct report_ctx *ctx)
{
	struct handout	h;

	handout_init(&h, ctx);
	fputs("# ", fp);
	handout_title(fp, ctx, &md_markup);
	fprintf(fp, "\n\n* Status: proposed\n* Date: %s\n\n", h.date);
	write_context(fp, ctx);
	write_drivers(fp, ctx, &h);
	write_options(fp, ctx);
	write_outcome(fp, ctx, &h);
	write_pros_cons(fp, ctx);
	write_more_information(fp, ctx);
	fputs("\n---\n\n*How scores are computed.* ", fp);
	handout_scoring_note(fp, ctx, &md_markup);
	fputc('\n', fp);
	handout_free(&h);
	return (ferror(fp) ? -1 : 0);
}

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

/* Writes the ADR as file, never replacing one; 0 or -1 (errno set). */
static int
write_record(const struct report_ctx *ctx, const char *file, char *err,
    size_t errsz)
{
	struct outfile	o;
	int		saved;

	if (outfile_open(&o, file, err, errsz) != 0)
		return (-1);
	if (report_write_adr(o.fp, ctx) != 0) {
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
		rc = write_record(ctx, file, err, errsz);
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
