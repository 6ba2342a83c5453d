/*
 * batch_run: read, score, write, one scenario at a time. One ranking serves
 * the whole run (engine_rank allocates nothing), and the rows reach the
 * output before the reader waits for more input, so a pipeline sees each
 * row as soon as the scenario behind it has arrived.
 */
#include "batch_run.h"

#include <errno.h>
#include <string.h>

#include "diag.h"

static void
flush_out(void *arg)
{
	fflush((FILE *)arg);
}

/* The problems of document n as "file:line:col: error: document n: ...". */
static void
print_problems(FILE *err, const struct diag *d, size_t n)
{
	const struct diag_item	*it;
	size_t			 i;

	for (i = 0; i < d->n; i++) {
		it = &d->items[i];
		if (it->line <= 0 || it->file == NULL) {
			fprintf(err, "archadvisor: %s%s%s\n",
			    it->file != NULL ? it->file : "",
			    it->file != NULL ? ": " : "", it->msg);
			continue;
		}
		fprintf(err, "%s:%d", it->file, it->line);
		if (it->col > 0)
			fprintf(err, ":%d", it->col);
		fprintf(err, ": %s: ", it->severity == DIAG_WARNING ?
		    "warning" : "error");
		if (n > 0)
			fprintf(err, "document %zu: ", n);
		fprintf(err, "%s\n", it->msg);
	}
	if (d->nerrors > d->n)
		fprintf(err, "archadvisor: (%zu more errors not shown)\n",
		    d->nerrors - d->n);
}

/* One input to its end (or to a stop); updates *st and counts. */
static void
run_input(const struct kb *kb, const struct batch_input *in,
    const struct batch_options *o, struct ranking *r, FILE *out, FILE *err,
    enum batch_status *st, struct batch_counts *c)
{
	struct scenario_reader	*sr;
	struct scenario		 sc;
	struct diag		 d;
	enum scenario_status	 s;

	sr = scenario_reader_new(kb, in->name, in->fd, in->fmt);
	scenario_reader_on_wait(sr, flush_out, out);
	diag_init(&d);
	for (;;) {
		s = scenario_reader_next(sr, &sc, &d);
		if (s == SCENARIO_END)
			break;
		if (s == SCENARIO_IOERR) {
			fflush(out);
			print_problems(err, &d, 0);
			*st = BATCH_READ_ERROR;
			c->stopped = true;
			break;
		}
		if (s == SCENARIO_BAD) {
			/* Rows already written come first on a terminal. */
			fflush(out);
			print_problems(err, &d, sc.index);
			diag_free(&d);
			diag_init(&d);
			c->bad++;
			if (*st == BATCH_OK)
				*st = BATCH_BAD_DATA;
			if (o->fail_fast) {
				c->stopped = true;
				break;
			}
			continue;
		}
		engine_rank(kb, sc.v, r);
		if (batch_write_row(out, kb, o->format, in->name, sc.index,
		    sc.name, r) != 0) {
			*st = BATCH_WRITE_ERROR;
			c->stopped = true;
			break;
		}
		c->scored++;
	}
	diag_free(&d);
	scenario_reader_counts(sr, &c->paths);
	scenario_reader_free(sr);
}

enum batch_status
batch_run(const struct kb *kb, const struct batch_input *in, size_t nin,
    const struct batch_options *o, FILE *out, FILE *err,
    struct batch_counts *c)
{
	struct ranking		*r;
	enum batch_status	 st = BATCH_OK;
	size_t			 i;

	c->scored = c->bad = 0;
	c->stopped = false;
	memset(&c->paths, 0, sizeof c->paths);
	if (batch_write_header(out, kb, o->format) != 0)
		return (BATCH_WRITE_ERROR);
	r = ranking_new(kb);
	r->sort_reasons = false;	/* rows show no reasons */
	for (i = 0; i < nin && !c->stopped; i++)
		run_input(kb, &in[i], o, r, out, err, &st, c);
	ranking_free(r);
	if (st != BATCH_WRITE_ERROR && (fflush(out) != 0 || ferror(out))) {
		if (errno == 0)
			errno = EIO;
		st = BATCH_WRITE_ERROR;
		c->stopped = true;
	}
	return (st);
}
