/*
 * fuzz_batch: libFuzzer target for the batch readers (scenario_stream.h),
 * against the stock knowledge base. The input is read as a stream, once as
 * YAML documents and once as JSON lines, from a memory file as 'archadvisor
 * batch' reads a regular file; every scenario that loads is ranked. A
 * reader must end: each call consumes input, so there cannot be more
 * results than bytes.
 */
#define _GNU_SOURCE	/* memfd_create */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "diag.h"
#include "engine.h"
#include "kb.h"
#include "kb_load.h"
#include "scenario_stream.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct kb	*kb;
static struct ranking	*ranking;

static void
read_all(int fd, size_t size, enum scenario_format fmt)
{
	struct scenario_reader	*sr;
	struct scenario		 sc;
	struct diag		 d;
	enum scenario_status	 st;
	size_t			 calls = 0;

	if (lseek(fd, 0, SEEK_SET) != 0)
		abort();
	diag_init(&d);
	if ((sr = scenario_reader_new(kb, "fuzz", fd, fmt)) == NULL)
		abort();
	while ((st = scenario_reader_next(sr, &sc, &d)) != SCENARIO_END &&
	    st != SCENARIO_IOERR) {
		if (++calls > size + 2)
			abort();	/* not consuming its input */
		if (st == SCENARIO_OK)
			engine_rank(kb, sc.v, ranking);
		else if (d.nerrors == 0)
			abort();	/* a bad document must say why */
		diag_free(&d);
		diag_init(&d);
	}
	scenario_reader_free(sr);
	diag_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag	d;
	size_t		done;
	ssize_t		n;
	int		fd;

	if (kb == NULL) {
		diag_init(&d);
		if (kb_load_stock(&kb, &d) != LOAD_OK)
			abort();
		diag_free(&d);
		ranking = ranking_new(kb);
	}
	if ((fd = memfd_create("fuzz_batch", 0)) == -1)
		abort();
	for (done = 0; done < size; done += (size_t)n)
		if ((n = write(fd, data + done, size - done)) <= 0)
			abort();
	read_all(fd, size, SCENARIO_YAML);
	read_all(fd, size, SCENARIO_JSONL);
	close(fd);
	return (0);
}
