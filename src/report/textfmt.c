/*
 * textfmt: plain-text helpers. Width is counted in code points, which is
 * right for the Latin text and box characters the reports use.
 */
#include "textfmt.h"

#include <string.h>

#include "utf8.h"

int
text_width(const char *s)
{
	return ((int)utf8_count(s));
}

void
text_cell(FILE *fp, const char *s, int width, bool utf8)
{
	int	n = 0;

	if (width <= 0)
		return;
	if (text_width(s) <= width) {
		fputs(s, fp);
		n = text_width(s);
	} else {
		/* width - 1 code points, then the mark. */
		for (; *s != '\0'; s++) {
			if (((unsigned char)*s & 0xC0) != 0x80 &&
			    n++ == width - 1)
				break;
			fputc(*s, fp);
		}
		fputs(utf8 ? "\u2026" : "~", fp);
		n = width;
	}
	for (; n < width; n++)
		fputc(' ', fp);
}

/* Length in bytes of the word starting at s (up to a space or newline). */
static size_t
word_len(const char *s)
{
	size_t	n = 0;

	while (s[n] != '\0' && s[n] != ' ' && s[n] != '\n')
		n++;
	return (n);
}

/* Display width of the n bytes at s, in code points. */
static int
width_of(const char *s, size_t n)
{
	int	w = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return (w);
}

void
text_wrap(FILE *fp, const char *text, int first, int indent, int width)
{
	const char	*p = text;
	int		 col = first, w;
	size_t		 n;
	bool		 line_empty = true;

	while (*p != '\0') {
		if (*p == ' ') {
			p++;
			continue;
		}
		if (*p == '\n') {
			fprintf(fp, "\n%*s", indent, "");
			col = indent;
			line_empty = true;
			p++;
			continue;
		}
		/* A word longer than the line goes whole on a line. */
		n = word_len(p);
		w = width_of(p, n);
		if (!line_empty && col + 1 + w > width) {
			fprintf(fp, "\n%*s", indent, "");
			col = indent;
			line_empty = true;
		}
		if (!line_empty) {
			fputc(' ', fp);
			col++;
		}
		fwrite(p, 1, n, fp);
		col += w;
		line_empty = false;
		p += n;
	}
}

void
text_bar(FILE *fp, double score, int width, bool utf8)
{
	int	i, full;

	full = (int)(score / 100.0 * width + 0.5);
	for (i = 0; i < width; i++) {
		if (utf8)
			fputs(i < full ? "\u2588" : "\u2591", fp);
		else
			fputc(i < full ? '#' : '.', fp);
	}
}

void
text_style(FILE *fp, bool color, const char *sgr)
{
	if (color)
		fprintf(fp, "\033[%sm", sgr);
}

void
text_reset(FILE *fp, bool color)
{
	if (color)
		fputs("\033[0m", fp);
}

const char *
text_fit_sgr(enum fit f)
{
	switch (f) {
	case FIT_STRONG:
		return ("1;32");
	case FIT_GOOD:
		return ("32");
	case FIT_FAIR:
		return ("33");
	case FIT_WEAK:
		return ("31");
	case FIT_RULED_OUT:
		return ("2");
	}
	return ("0");
}
