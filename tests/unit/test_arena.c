/*
 * test_arena: every allocation aligned for any object, apart from every
 * other and writable in full, across block boundaries and for requests
 * larger than a block; freeing an empty or a NULL arena.
 */
#include <setjmp.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"

#define NSMALL	5000

static void
test_small_aligned_and_apart(void **state)
{
	struct arena	*a = arena_new();
	unsigned char	*p[NSMALL];
	size_t		 i, size;

	(void)state;
	for (i = 0; i < NSMALL; i++) {
		size = 1 + i % 37;
		p[i] = arena_alloc(a, size);
		assert_int_equal((uintptr_t)p[i] % alignof(max_align_t), 0);
		memset(p[i], (int)(i & 0xff), size);
	}
	/* Nothing written later overlapped anything written before. */
	for (i = 0; i < NSMALL; i++) {
		size = 1 + i % 37;
		assert_int_equal(p[i][0], i & 0xff);
		assert_int_equal(p[i][size - 1], i & 0xff);
	}
	arena_free(a);
}

static void
test_large_requests(void **state)
{
	struct arena	*a = arena_new();
	unsigned char	*small, *big, *after;
	size_t		 bigsize = 3 * 1024 * 1024;

	(void)state;
	small = arena_alloc(a, 16);
	memset(small, 1, 16);
	big = arena_alloc(a, bigsize);
	memset(big, 2, bigsize);
	after = arena_alloc(a, 16);
	memset(after, 3, 16);
	assert_int_equal(small[15], 1);
	assert_int_equal(big[0], 2);
	assert_int_equal(big[bigsize - 1], 2);
	assert_int_equal(after[0], 3);
	arena_free(a);
}

static void
test_free_empty_and_null(void **state)
{
	struct arena	*a = arena_new();

	(void)state;
	arena_free(arena_new());
	arena_free(NULL);
	/* Zero bytes is a valid request, and its pointer is aligned. */
	assert_int_equal((uintptr_t)arena_alloc(a, 0) %
	    alignof(max_align_t), 0);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_aligned_and_apart),
		cmocka_unit_test(test_large_requests),
		cmocka_unit_test(test_free_empty_and_null),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
