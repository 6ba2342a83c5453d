/*
 * record_embed: the answers block at the end of a generated record (see
 * record_embed.h).
 */
#include "record_embed.h"

#include <stdlib.h>
#include <string.h>

#include "answers_yaml.h"
#include "date.h"
#include "handout.h"

/* s on one line: control characters become '?'. */
static void
put_line(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, fp);
}

/* Copies the block's text, escaped so that no "--" can end the comment. */
static void
put_escaped(FILE *fp, const char *s, size_t len)
{
	size_t	i;
	int	prev = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '%') {
			fputs("%25", fp);
			prev = 'D';
		} else if (s[i] == '-' && prev == '-') {
			fputs("%2D", fp);
			prev = 'D';
		} else {
			fputc(s[i], fp);
			prev = s[i];
		}
	}
}

/*
 * The answers as YAML into fp. A name or description that YAML cannot
 * carry (not UTF-8) is left out rather than losing the answers.
 */
static int
answers_yaml(FILE *fp, const struct kb *kb, const struct answers *a)
{
	struct answers	 bare;
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*mem;
	int		 rc;

	if ((mem = open_memstream(&buf, &len)) == NULL)
		return (-1);
	rc = answers_yaml_write(mem, kb, a);
	if (fclose(mem) != 0)
		rc = -1;
	if (rc != 0 && (a->name != NULL || a->description != NULL)) {
		bare = *a;
		bare.name = NULL;
		bare.description = NULL;
		free(buf);
		return (answers_yaml(fp, kb, &bare));
	}
	if (rc == 0 && fwrite(buf, 1, len, fp) != len)
		rc = -1;
	free(buf);
	return (rc);
}

int
record_embed_write(FILE *fp, const struct report_ctx *ctx)
{
	const struct kb		*kb = ctx->kb;
	const struct ranking	*r = ctx->ranking;
	char			*buf = NULL, date[16], by[16];
	size_t			 len = 0;
	long			 days;
	FILE			*mem;
	int			 rc;

	if ((mem = open_memstream(&buf, &len)) == NULL)
		return (-1);
	handout_date(date, sizeof date);
	if (date_parse(date, &days) == 0)
		date_format(days + RECORD_REVIEW_DAYS, by, sizeof by);
	else
		by[0] = '\0';
	fputs("# The answers this record was scored on, for 'archadvisor "
	    "review'.\n# tool: archadvisor ", mem);
	put_line(mem, ctx->version);
	fputs("\n# knowledge_base: ", mem);
	put_line(mem, kb->name);
	fputs("\n# knowledge_base_version: ", mem);
	put_line(mem, kb->version);
	fprintf(mem, "\n# date: %s\n# review_by: %s\n# recommendation: ",
	    date, by);
	put_line(mem, r->processing >= 0 ? kb->patterns[r->processing].id :
	    "none");
	fputc(' ', mem);
	put_line(mem, r->organization >= 0 ?
	    kb->patterns[r->organization].id : "centralized");
	fputc('\n', mem);
	rc = answers_yaml(mem, kb, ctx->answers);
	if (fclose(mem) != 0)
		rc = -1;
	if (rc == 0) {
		fputs("\n" RECORD_MARKER "\n", fp);
		put_escaped(fp, buf, len);
		if (len > 0 && buf[len - 1] != '\n')
			fputc('\n', fp);
		fputs("-->\n", fp);
	}
	free(buf);
	return (rc != 0 || ferror(fp) ? -1 : 0);
}
