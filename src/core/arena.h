/*
 * arena: memory handed out in order from large blocks and given back all at
 * once. For data that lives and dies together, such as the nodes of one
 * YAML document: thousands of small allocations become a few, and freeing
 * them is one walk over the blocks, not over the nodes.
 */
#ifndef ARCHADVISOR_ARENA_H
#define ARCHADVISOR_ARENA_H

#include <stddef.h>

struct arena;

struct arena	*arena_new(void);
/* size bytes aligned for any object, uninitialised; never NULL. */
void		*arena_alloc(struct arena *a, size_t size);
/* Gives back everything allocated from a, and a itself; NULL is allowed. */
void		 arena_free(struct arena *a);

#endif
