/*
 * suggest: "did you mean" for a mistyped id: the nearest of a list of
 * words, when it is near enough to be a typing mistake.
 */
#ifndef ARCHADVISOR_SUGGEST_H
#define ARCHADVISOR_SUGGEST_H

#include <stddef.h>

#include "kb.h"

/*
 * The word of cands (n of them) nearest to word by edit distance, if that
 * distance is at most 2 and at most a third of word's length (a slip of the
 * fingers, not another word: "kafka" suggests nothing); the first among
 * equals. NULL when none is near enough.
 */
const char	*suggest(const char *word, const char *const *cands, size_t n);

/* The same over a knowledge base's question ids or pattern ids. */
const char	*suggest_question(const struct kb *kb, const char *word);
const char	*suggest_pattern(const struct kb *kb, const char *word);

#endif
