/*
 * test_handout: the stakeholder handouts. The two escape functions on
 * exact inputs; a knowledge base and answers made of hostile strings
 * (tests/handout/hostile*.yaml: markup, quotes, ampersands, Markdown
 * syntax, pipes, a very long word, non-ASCII) through the html, markdown
 * and adr writers, with and without a what-if analysis, checking that
 * every one comes out escaped; and the decision drivers. The date and
 * the saving and numbering of ADR files are in test_handout_save.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "answers.h"
#include "answers_load.h"
#include "engine.h"
#include "escape.h"
#include "fixtures.h"
#include "handout.h"
#include "kb_load.h"
#include "outfile.h"
#include "report.h"
#include "whatif.h"

/*
 * Hostile strings that must never come out as they went in: in HTML,
 * tags, quotes and entities; in Markdown (where an escaped "\\<b\\>" still
 * contains "<b", so check_md also looks for unescaped characters), the
 * inline markup.
 */
static const char *const raw_html[] = {
	"<script", "</title><script", "<iframe", "<img", "<b>", "<em>",
	"<Streams>", "& &amp; |", "\"quotes\"", "\"Co\"", "'kb'", "'name'",
	NULL
};
static const char *const raw_md[] = {
	"& &amp; |", "**bold**", "`tick`", "[link](", "| a | b |",
	"~~strike~~", "$x$", "`rm -rf`", "[x](y)", NULL
};

/*
 * The answers block every handout ends with (record_embed.h) is one HTML
 * comment, whatever the strings in it: nothing inside may end it early.
 * The checks below read the document without it.
 */
static void
strip_record(char *out)
{
	char	*b = strstr(out, "\n<!-- archadvisor:answers\n"), *e;

	assert_non_null(b);
	e = strstr(b, "\n-->\n");
	assert_non_null(e);
	assert_string_equal(e, "\n-->\n");
	*e = '\0';
	assert_null(strstr(b + 26, "--"));
	b[1] = '\0';
}

/* The document fn writes, without its answers block. */
static char *
render(int (*fn)(FILE *, const struct report_ctx *),
    const struct report_ctx *ctx)
{
	char	*buf = fx_render(fn, ctx);

	strip_record(buf);
	return (buf);
}

static char *
escaped(void (*fn)(FILE *, const char *), const char *s)
{
	struct fx_capture	c;

	fx_capture_open(&c);
	fn(c.fp, s);
	return (fx_capture_close(&c));
}

static void
check_escape(void (*fn)(FILE *, const char *), const char *in,
    const char *want)
{
	char	*got = escaped(fn, in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_escape_html(void **state)
{
	(void)state;
	check_escape(escape_html, "<script>alert('x')</script>",
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	check_escape(escape_html, "a & b \"c\" &amp;",
	    "a &amp; b &quot;c&quot; &amp;amp;");
	check_escape(escape_html, "Ünïcode ☃ | `x` # *y*",
	    "Ünïcode ☃ | `x` # *y*");
	check_escape(escape_html, "tab\tnl\nbell\a esc\033 del\177.",
	    "tab\tnl\nbell esc del.");
	check_escape(escape_html, "", "");
}

static void
test_escape_md(void **state)
{
	(void)state;
	check_escape(escape_md, "a | b", "a \\| b");
	/* A link's address: nothing in it ends it or is read as markup. */
	check_escape(escape_md_url, "https://x.org/a b(c)<d>|e&f\\g`h\"i'j[k]",
	    "https://x.org/a%20b%28c%29%3Cd%3E%7Ce&amp;f%5Cg%60h%22i%27j%5Bk%5D");
	check_escape(escape_md_url, "http://x.org/\xc3\xa9\n",
	    "http://x.org/%C3%A9%0A");
	check_escape(escape_md_url, "https://x.org/a_b*c~d?e=1#f",
	    "https://x.org/a_b*c~d?e=1#f");
	assert_true(escape_is_web_url("https://x"));
	assert_true(escape_is_web_url("http://x"));
	assert_false(escape_is_web_url("javascript:alert(1)"));
	assert_false(escape_is_web_url("HTTPS://x"));
	check_escape(escape_md, "`code` *em* _u_ [l](u) <b> & ~s~ $m$ \\",
	    "\\`code\\` \\*em\\* \\_u\\_ \\[l\\](u) \\<b\\> \\& \\~s\\~ "
	    "\\$m\\$ \\\\");
	check_escape(escape_md, "# heading", "\\# heading");
	check_escape(escape_md, "C# and #tag", "C\\# and \\#tag");
	check_escape(escape_md, "- item", "\\- item");
	check_escape(escape_md, "---", "\\---");
	check_escape(escape_md, "+ item", "\\+ item");
	check_escape(escape_md, "+3.0 more", "+3.0 more");
	check_escape(escape_md, "1. item", "1\\. item");
	check_escape(escape_md, "12) item", "12\\) item");
	check_escape(escape_md, "1.0.0 is a version", "1.0.0 is a version");
	check_escape(escape_md, "=== x", "\\=== x");
	check_escape(escape_md, "> quote", "\\> quote");
	/* Line structure cannot be injected: white space becomes one space. */
	check_escape(escape_md, "  one\n# two\n\n|x|\r\n  ",
	    "one \\# two \\|x\\|");
	check_escape(escape_md, "Ünïcode ☃ \"q\" 'a'", "Ünïcode ☃ \"q\" 'a'");
	check_escape(escape_md, "bell\a.", "bell.");
	check_escape(escape_md, "see http://x, WWW.example.com, a: b.",
	    "see http\\://x, WWW\\.example.com, a: b.");
	check_escape(escape_md, "", "");
}

/* Count of c in line not escaped by a backslash. */
static size_t
unescaped(const char *line, size_t len, char c)
{
	size_t	i, n = 0;

	for (i = 0; i < len; i++) {
		if (line[i] == '\\') {
			i++;
			continue;
		}
		if (line[i] == c)
			n++;
	}
	return (n);
}

static void
no_raw(const char *out, const char *const *list)
{
	size_t	i;

	for (i = 0; list[i] != NULL; i++)
		if (strstr(out, list[i]) != NULL)
			fail_msg("raw '%s' in the output", list[i]);
}

static void
test_html_hostile(void **state)
{
	struct fx_handout	*f = *state;
	char		*out;

	out = render(report_write_html, &f->ctx);
	no_raw(out, raw_html);
	/* Only our own tags: no <script> at all, the strings escaped. */
	assert_non_null(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(out, "&lt;/title&gt;&lt;script&gt;alert(&#39;"
	    "name&#39;)&lt;/script&gt; &amp; &quot;Co&quot; | `x`"));
	assert_non_null(strstr(out, "Evil &lt;script&gt;alert(&#39;kb&#39;)"
	    "&lt;/script&gt; &amp; Co"));
	assert_non_null(strstr(out, "&lt;img src=x onerror=alert(1)&gt;"));
	assert_non_null(strstr(out, "How fresh? &lt;b&gt;bold&lt;/b&gt; "
	    "&amp; &quot;quotes&quot; | pipe"));
	assert_non_null(strstr(out, "&amp; &amp;amp; | pipe"));
	assert_non_null(strstr(out, "`rm -rf`; back\\slash\\."));
	assert_non_null(strstr(out, "line1\nline2\n# heading"));
	assert_non_null(strstr(out, "Strömung «Ünïcode» 流"));
	assert_non_null(strstr(out, "test &lt;v&gt;"));
	/* The long word is whole in the text, cut in the chart. */
	assert_non_null(strstr(out, "Supercalifragilisticexpialidocious"
	    "Supercalifragilisticexpialidocious"
	    "Supercalifragilisticexpialidocious"
	    "Supercalifragilisticexpialidocious"
	    "Supercalifragilisticexpialidocious"
	    "Supercalifragilisticexpialidocious"
	    "Supercalifragilisticexpialidocious"
	    "Supercalifragilisticexpialidocious"
	    "Supercalifragilisticexpialidocious<"));
	assert_non_null(strstr(out, ">Supercalifragilisticexp\xe2\x80\xa6<"));
	/* Self-contained: nothing to fetch. */
	assert_null(strstr(out, " src=\""));
	assert_null(strstr(out, " href=\""));
	assert_null(strstr(out, "<link"));
	assert_null(strstr(out, "@import"));
	assert_null(strstr(out, "url(http"));
	assert_non_null(strstr(out, "@page"));
	assert_non_null(strstr(out, "2025-01-01"));
	/* The vetoed option says so in words, and has no bar. */
	assert_non_null(strstr(out, "&lt;/scrip\xe2\x80\xa6</th><td colspan=\"2\">"
	    "Ruled out</td></tr>"));
	assert_non_null(strstr(out, "</html>\n"));
	free(out);
}

/* Markdown checks shared by markdown and adr. */
static void
check_md(const char *out, bool tables)
{
	const char	*line, *end;
	size_t		 len, pipes, ticks = 0;

	no_raw(out, raw_md);
	for (line = out; *line != '\0'; line = end + (*end == '\n')) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		len = (size_t)(end - line);
		if (unescaped(line, len, '<') != 0)
			fail_msg("unescaped '<' in: %.*s", (int)len, line);
		if (unescaped(line, len, '&') != 0)
			fail_msg("unescaped '&' in: %.*s", (int)len, line);
		ticks += unescaped(line, len, '`');
		pipes = unescaped(line, len, '|');
		if (len > 0 && line[0] == '|') {
			/* A table row: its own column bars, no more. */
			if (!tables)
				fail_msg("table row in: %.*s", (int)len, line);
			/* Scores, the organisation apart, evidence. */
			if (pipes != 6 && pipes != 5 && pipes != 4)
				fail_msg("%zu bars in row: %.*s", pipes,
				    (int)len, line);
		} else if (pipes != 0)
			fail_msg("unescaped '|' in: %.*s", (int)len, line);
		/* Hostile text never starts a line's block structure. */
		if (len >= 2 && line[0] == '#' && line[1] != '#' &&
		    line[1] != ' ')
			fail_msg("stray heading: %.*s", (int)len, line);
		if (len > 0 && (line[0] == '>' || line[0] == '=' ||
		    line[0] == '+' || (line[0] >= '0' && line[0] <= '9' &&
		    line[1] == '.' && line[2] == ' ')))
			fail_msg("stray block: %.*s", (int)len, line);
		if (len > 4 && line[0] == '-' && line[1] == ' ' &&
		    ((line[2] == '-' && line[3] == ' ') || line[2] == '#' ||
		    (line[2] == '1' && line[3] == '.' && line[4] == ' ')))
			fail_msg("stray list: %.*s", (int)len, line);
	}
	/* Backticks only around the chart bars of the two options left. */
	assert_int_equal(ticks, tables ? 4 : 0);
	assert_non_null(strstr(out, "\\<script\\>alert(1)\\</script\\>"));
	assert_non_null(strstr(out, "Strömung «Ünïcode» 流 \\| \\`tick\\` "
	    "\\*\\*bold\\*\\*"));
	assert_null(strstr(out, "\n# Not a heading"));
	assert_null(strstr(out, "\n- not a list"));
	assert_null(strstr(out, "\n1. not numbered"));
}

static void
test_markdown_hostile(void **state)
{
	struct fx_handout	*f = *state;
	char		*out;

	out = render(report_write_markdown, &f->ctx);
	check_md(out, true);
	assert_non_null(strstr(out, "\\<iframe src=x\\>\\</iframe\\> \\& more "
	    "\\# Not a heading \\| not \\| a \\| table \\| - not a list 1. "
	    "not numbered Ünïcode ☃"));
	assert_non_null(strstr(out, "\n- \\<img src=x onerror=alert(1)\\>\n"));
	assert_non_null(strstr(out, "\n- \\- dash start\n"));
	assert_non_null(strstr(out, "\n- 1\\. numbered\n"));
	assert_non_null(strstr(out, "\n- \\+ plus\n"));
	assert_non_null(strstr(out, "\n- \\> quote\n"));
	assert_non_null(strstr(out, "\n- \\=== setext\n"));
	assert_non_null(strstr(out, "\n- line1 line2 \\# heading\n"));
	assert_non_null(strstr(out, "\\`rm -rf\\`; back\\\\slash\\\\"));
	assert_non_null(strstr(out, "\\$x\\$ math \\~\\~strike\\~\\~"));
	free(out);
}

static void
test_adr_hostile(void **state)
{
	struct fx_handout		*f = *state;
	struct report_ctx	 ctx = f->ctx;
	struct adr_opts		 o = { ADR_NYGARD, 0 };
	char			*out;

	ctx.adr = &o;
	for (o.template = ADR_NYGARD; o.template <= ADR_MADR2; o.template++) {
		out = render(report_write_adr, &ctx);
		check_md(out, false);
		assert_non_null(strstr(out, "# Use Strömung «Ünïcode» 流 \\| "
		    "\\`tick\\` \\*\\*bold\\*\\*, organised as a "
		    "Supercalifragilistic"));
		assert_non_null(strstr(out, "\n* Bad, because it is ruled out "
		    "here: Only streaming \\| is fast \\`enough\\` \\& "
		    "\\<b\\>quick\\</b\\>\n"));
		assert_non_null(strstr(out, "\n* Good: \\<img src=x "
		    "onerror=alert(1)\\>\n"));
		assert_non_null(strstr(out, "\n* Bad: \\| a \\| b \\|\n"));
		switch (o.template) {
		case ADR_NYGARD:
			assert_true(strncmp(out, "# Use ", 6) == 0);
			assert_non_null(strstr(out, "\n\nDate: 2025-01-01\n\n"
			    "## Status\n\nProposed\n\n## Context\n\n"));
			break;
		case ADR_MADR4:
			assert_true(strncmp(out, "---\nstatus: proposed\n"
			    "date: 2025-01-01\n", 36) == 0);
			break;
		case ADR_MADR2:
			assert_non_null(strstr(out, "\n* Status: proposed\n"
			    "* Date: 2025-01-01\n"));
			break;
		}
		free(out);
	}
	/* A number known (from --adr-dir or -o) heads adr-tools' title. */
	o.template = ADR_NYGARD;
	o.number = 12;
	out = render(report_write_adr, &ctx);
	assert_true(strncmp(out, "# 12. Use ", 10) == 0);
	free(out);
}

static void
test_adr_template_names(void **state)
{
	enum adr_template	t = ADR_MADR4;

	(void)state;
	assert_int_equal(report_adr_template("nygard", &t), 0);
	assert_int_equal(t, ADR_NYGARD);
	assert_int_equal(report_adr_template("madr2", &t), 0);
	assert_int_equal(t, ADR_MADR2);
	assert_int_equal(report_adr_template("madr4", &t), 0);
	assert_int_equal(t, ADR_MADR4);
	assert_int_equal(report_adr_template("madr3", &t), -1);
	assert_int_equal(t, ADR_MADR4);
}

/* A front end may write a handout without a what-if analysis. */
static void
test_without_whatif(void **state)
{
	struct fx_handout		*f = *state;
	struct report_ctx	 ctx = f->ctx;
	char			*out;

	ctx.whatif = NULL;
	out = render(report_write_html, &ctx);
	no_raw(out, raw_html);
	assert_null(strstr(out, "The recommendation holds"));
	assert_non_null(strstr(out, "<strong>Not answered:</strong> Cost"));
	free(out);
	out = render(report_write_markdown, &ctx);
	check_md(out, true);
	free(out);
	out = render(report_write_adr, &ctx);
	check_md(out, false);
	free(out);
}

static void
test_drivers(void **state)
{
	struct fx_handout	*f = *state;
	struct handout	 h;
	int		 latency = kb_question_index(f->kb, "latency");
	int		 stream = kb_pattern_index(f->kb, "stream");
	int		 batch = kb_pattern_index(f->kb, "batch");

	handout_init(&h, &f->ctx);
	assert_string_equal(h.date, "2025-01-01");
	/* latency vetoes batch: the most decisive driver. */
	assert_true(h.ndrivers >= 3);
	assert_int_equal(h.drivers[0].question, latency);
	assert_int_equal(h.drivers[0].nvetoes, 1);
	assert_true(h.drivers[0].veto[batch]);
	assert_float_equal(h.drivers[0].effect[stream], 3.0, 1e-9);
	/* The unanswered cost question drives nothing. */
	for (size_t i = 0; i < h.ndrivers; i++)
		assert_int_not_equal(h.drivers[i].question,
		    kb_question_index(f->kb, "cost"));
	/* Top: the recommended stream and mesh; batch is ruled out. */
	assert_int_equal(h.ntop, 2);
	assert_int_equal(h.top[0], stream);
	assert_int_equal(h.top[1], kb_pattern_index(f->kb, "mesh"));
	assert_int_equal(h.runner_up, batch);
	handout_free(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_html),
		cmocka_unit_test(test_escape_md),
		cmocka_unit_test(test_html_hostile),
		cmocka_unit_test(test_markdown_hostile),
		cmocka_unit_test(test_adr_hostile),
		cmocka_unit_test(test_adr_template_names),
		cmocka_unit_test(test_without_whatif),
		cmocka_unit_test(test_drivers),
	};

	return (cmocka_run_group_tests_name("handout", tests,
	    fx_handout_setup, fx_handout_teardown));
}
