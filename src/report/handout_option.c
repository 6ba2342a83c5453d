/*
 * handout_option: what the handouts say of one option beside its score:
 * where it stands, its fit in words, whether it is recommended, and which
 * stated requirements it meets, meets at a stretch or misses. Our own
 * words are written as they are; labels go through the markup.
 */
#include "handout.h"

#include <stdlib.h>

#include "advice.h"
#include "words.h"

const char *
handout_place(const struct report_ctx *ctx, size_t p, char *buf, size_t size)
{
	size_t	i = advice_place(ctx->advice, p);

	if (i < ctx->advice->nprocessing)
		snprintf(buf, size, "ranked %zu", i + 1);
	else
		snprintf(buf, size, "decided apart as the organisation");
	return (buf);
}

const char *
handout_fit(const struct pattern_score *s)
{
	enum fit	f = s->fit;

	/* A stretch first: it is why the option ranks below lower scores. */
	if (s->stretched && f != FIT_RULED_OUT)
		return ("at a stretch");
	return (f == FIT_RULED_OUT ? "ruled out" : f == FIT_STRONG ?
	    "strong fit" : f == FIT_GOOD ? "good fit" : f == FIT_FAIR ?
	    "fair fit" : "weak fit");
}

bool
handout_recommended(const struct report_ctx *ctx, size_t p)
{
	return ((int)p == ctx->ranking->processing ||
	    (int)p == ctx->ranking->organization);
}

bool
handout_requirements(FILE *fp, const struct report_ctx *ctx, size_t p,
    const struct handout_markup *m)
{
	static const char *const lead[] = { NULL, "met: ",
	    "met only at a stretch: ", "not met: " };
	const struct kb		*kb = ctx->kb;
	enum verdict		 v, want;
	char			 label[WORDS_LABEL_MAX * 2];
	size_t			 q, n, k, total = 0;
	bool			 wrote = false;

	if (fp == NULL) {
		for (q = 0; q < kb->nquestions; q++)
			if (engine_verdict(kb, ctx->ranking, ctx->answers->v,
			    p, q) != VERDICT_UNKNOWN)
				return (true);
		return (false);
	}
	for (want = VERDICT_MEETS; want <= VERDICT_MISSES; want++) {
		for (q = n = 0; q < kb->nquestions; q++)
			n += engine_verdict(kb, ctx->ranking, ctx->answers->v,
			    p, q) == want;
		if (n == 0)
			continue;
		fputs(wrote ? "; " : "Requirements ", fp);
		fputs(lead[want], fp);
		for (q = k = 0; q < kb->nquestions; q++) {
			v = engine_verdict(kb, ctx->ranking, ctx->answers->v,
			    p, q);
			if (v != want)
				continue;
			if (k > 0)
				fputs(k + 1 == n ? " and " : ", ", fp);
			m->text(fp, words_label_lower(&kb->questions[q],
			    label, sizeof label));
			k++;
		}
		wrote = true;
		total += n;
	}
	if (wrote)
		fputs(".", fp);
	return (total > 0);
}

static void
plain_text(FILE *fp, const char *s)
{
	fputs(s, fp);
}

char *
handout_requirements_plain(const struct report_ctx *ctx, size_t p)
{
	static const struct handout_markup plain = { plain_text, "", "",
	    "", "" };
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*mem;
	bool	 any;

	if ((mem = open_memstream(&buf, &len)) == NULL)
		return (NULL);
	any = handout_requirements(mem, ctx, p, &plain);
	if (fclose(mem) != 0 || !any) {
		free(buf);
		return (NULL);
	}
	return (buf);
}
