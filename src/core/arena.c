/*
 * arena: a bump allocator over a list of blocks. Each new block is twice
 * the last (from 4 KiB up to 1 MiB), so a small document costs one block
 * and a large one a handful; a request larger than a block gets one of
 * its own.
 */
#include "arena.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "xmalloc.h"

#define ARENA_FIRST	4096
#define ARENA_MAX	(1024 * 1024)
#define ARENA_ALIGN	alignof(max_align_t)

struct block {
	struct block	*next;
	size_t		 size;		/* bytes in data */
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block	*head;		/* the block being filled */
	size_t		 used;		/* bytes of head->data handed out */
	size_t		 next_size;	/* of the next block */
};

struct arena *
arena_new(void)
{
	struct arena	*a;

	a = xcalloc(1, sizeof *a);
	a->next_size = ARENA_FIRST;
	return (a);
}

void *
arena_alloc(struct arena *a, size_t size)
{
	struct block	*b;
	size_t		 want;
	void		*p;

	if (size > SIZE_MAX - ARENA_ALIGN)
		abort();
	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (a->head == NULL || a->head->size - a->used < size) {
		want = a->next_size > size ? a->next_size : size;
		if (want > SIZE_MAX - sizeof *b)
			abort();
		b = xmalloc(sizeof *b + want);
		b->size = want;
		b->next = a->head;
		a->head = b;
		a->used = 0;
		if (a->next_size < ARENA_MAX)
			a->next_size *= 2;
	}
	p = a->head->data + a->used;
	a->used += size;
	return (p);
}

void
arena_free(struct arena *a)
{
	struct block	*b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}
