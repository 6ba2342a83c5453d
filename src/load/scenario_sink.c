/*
 * scenario_sink: the document being read, as the readers give it: its
 * answers and name, the keys already given, and what makes giving them
 * cheap (a table of keys, a cache of parsed values, scratch buffers).
 */
#include "scenario_sink.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

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
key_add(struct scenario_sink *sk, const char *id, int key)
{
	size_t	len = strlen(id), i;

	i = hash(id, len) & sk->keymask;
	while (sk->keys[i].id != NULL) {
		if (sk->keys[i].len == len && memcmp(sk->keys[i].id, id,
		    len) == 0)
			return;		/* the first of two equal ids wins */
		i = (i + 1) & sk->keymask;
	}
	sk->keys[i].id = id;
	sk->keys[i].len = len;
	sk->keys[i].key = key;
}

void
sink_init(struct scenario_sink *sk, const struct kb *kb)
{
	size_t	i, n;

	memset(sk, 0, sizeof *sk);
	sk->kb = kb;
	answers_init(&sk->ans, kb);
	sk->defaults = xcalloc(kb->nquestions + 1, sizeof *sk->defaults);
	memcpy(sk->defaults, sk->ans.v, kb->nquestions * sizeof *sk->defaults);
	sk->seen = xcalloc(kb->nquestions + 1, sizeof *sk->seen);
	sk->seencol = xcalloc(kb->nquestions + 1, sizeof *sk->seencol);
	for (n = 16; n < 2 * (kb->nquestions + 2); n *= 2)
		/* nothing */;
	sk->keys = xcalloc(n, sizeof *sk->keys);
	sk->keymask = n - 1;
	sk->vcache = xcalloc(VCACHE_SLOTS, sizeof *sk->vcache);
	for (i = 0; i < VCACHE_SLOTS; i++)
		sk->vcache[i].q = -1;
	key_add(sk, "name", KEY_NAME);
	key_add(sk, "description", KEY_DESCRIPTION);
	for (i = 0; i < kb->nquestions; i++)
		key_add(sk, kb->questions[i].id, (int)i);
	/* After the questions: a question called notes would win. */
	key_add(sk, "notes", KEY_NOTES);
}

void
sink_free(struct scenario_sink *sk)
{
	answers_free(&sk->ans);
	free(sk->defaults);
	free(sk->seen);
	free(sk->seencol);
	free(sk->keys);
	free(sk->vcache);
	free(sk->vtext);
	free(sk->name);
	free(sk->tmp);
}

void
sink_begin(struct scenario_sink *sk)
{
	memcpy(sk->ans.v, sk->defaults, sk->kb->nquestions * sizeof *sk->ans.v);
	sk->has_name = false;
	/* After 2^32 documents the marks start again from a clean slate. */
	if (++sk->stamp == 0) {
		memset(sk->seen, 0, sk->kb->nquestions * sizeof *sk->seen);
		sk->stamp = 1;
	}
	memset(sk->othercol, 0, sizeof sk->othercol);
}

int
sink_key(const struct scenario_sink *sk, const char *id, size_t len)
{
	size_t	i;

	i = hash(id, len) & sk->keymask;
	while (sk->keys[i].id != NULL) {
		if (sk->keys[i].len == len && same(sk->keys[i].id, id, len))
			return (sk->keys[i].key);
		i = (i + 1) & sk->keymask;
	}
	return (KEY_UNKNOWN);
}

int
sink_parse(struct scenario_sink *sk, int q, const char *s, size_t len,
    struct value *out, char *why, size_t whysz)
{
	struct vslot	*slot;
	char		 whybuf[8];

	slot = &sk->vcache[(hash(s, len) ^ (uint32_t)q * 2654435761u) &
	    (VCACHE_SLOTS - 1)];
	if (slot->q == q && slot->len == len && same(slot->text, s, len)) {
		*out = slot->v;
		return (0);
	}
	if (len + 1 > sk->vtextcap) {
		sk->vtextcap = len + 64;
		free(sk->vtext);
		sk->vtext = xmalloc(sk->vtextcap);
	}
	memcpy(sk->vtext, s, len);
	sk->vtext[len] = '\0';
	if (why == NULL) {
		why = whybuf;
		whysz = sizeof whybuf;
	}
	if (value_parse(&sk->kb->questions[q].dom, sk->vtext, out, why,
	    whysz) != 0)
		return (-1);
	if (len <= VCACHE_TEXT) {
		slot->q = q;
		slot->len = (uint8_t)len;
		memcpy(slot->text, s, len);
		slot->v = *out;
	}
	return (0);
}

void
sink_name(struct scenario_sink *sk, const char *s, size_t len)
{
	if (len + 1 > sk->namecap) {
		sk->namecap = len + 64;
		sk->name = xreallocarray(sk->name, sk->namecap, 1);
	}
	memcpy(sk->name, s, len);
	sk->name[len] = '\0';
	sk->has_name = true;
}

char *
sink_tmp(struct scenario_sink *sk, size_t n)
{
	if (n > sk->tmpcap) {
		sk->tmpcap = n + 256;
		free(sk->tmp);
		sk->tmp = xmalloc(sk->tmpcap);
	}
	return (sk->tmp);
}

struct answers *
sink_answers(struct scenario_sink *sk)
{
	return (&sk->ans);
}

void
sink_scenario(const struct scenario_sink *sk, struct scenario *sc)
{
	sc->v = sk->ans.v;
	sc->name = sk->has_name ? sk->name : NULL;
}
