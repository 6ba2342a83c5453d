/*
 * suggest: see suggest.h. Levenshtein distance on bytes, stopped early past
 * the largest distance worth suggesting.
 */
#include "suggest.h"

#include <string.h>

#define SUGGEST_MAX_LEN		64
#define SUGGEST_MAX_DIST	2

/* Edit distance of a and b, or SUGGEST_MAX_DIST + 1 if it is larger. */
static size_t
distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j, best;
	size_t	prev[SUGGEST_MAX_LEN + 1], cur[SUGGEST_MAX_LEN + 1], sub;

	if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN ||
	    (la > lb ? la - lb : lb - la) > SUGGEST_MAX_DIST)
		return (SUGGEST_MAX_DIST + 1);
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		best = cur[0];
		for (j = 1; j <= lb; j++) {
			sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			cur[j] = sub;
			if (prev[j] + 1 < cur[j])
				cur[j] = prev[j] + 1;
			if (cur[j - 1] + 1 < cur[j])
				cur[j] = cur[j - 1] + 1;
			if (cur[j] < best)
				best = cur[j];
		}
		if (best > SUGGEST_MAX_DIST)
			return (SUGGEST_MAX_DIST + 1);
		memcpy(prev, cur, (lb + 1) * sizeof *prev);
	}
	return (prev[lb]);
}

/* The nearest of n words that get(arg, i) gives, as suggest() says. */
static const char *
nearest(const char *word, const char *(*get)(const void *, size_t),
    const void *arg, size_t n)
{
	const char	*best = NULL, *c;
	size_t		 i, d, bestd = SUGGEST_MAX_DIST + 1;

	for (i = 0; i < n; i++) {
		if ((c = get(arg, i)) == NULL || strcmp(c, word) == 0)
			continue;
		d = distance(word, c);
		if (d < bestd && 3 * d <= strlen(word)) {
			bestd = d;
			best = c;
		}
	}
	return (best);
}

static const char *
list_word(const void *arg, size_t i)
{
	return (((const char *const *)arg)[i]);
}

static const char *
question_id(const void *arg, size_t i)
{
	return (((const struct kb *)arg)->questions[i].id);
}

static const char *
pattern_id(const void *arg, size_t i)
{
	return (((const struct kb *)arg)->patterns[i].id);
}

const char *
suggest(const char *word, const char *const *cands, size_t n)
{
	return (nearest(word, list_word, cands, n));
}

const char *
suggest_question(const struct kb *kb, const char *word)
{
	return (nearest(word, question_id, kb, kb->nquestions));
}

const char *
suggest_pattern(const struct kb *kb, const char *word)
{
	return (nearest(word, pattern_id, kb, kb->npatterns));
}
