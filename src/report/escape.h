/*
 * escape: the one place where text from a knowledge base or a scenario
 * (names, descriptions, why texts, pros and cons, ids, answers) is made
 * safe for the markup formats. Every such string goes through
 * escape_html (HTML and inline SVG) or escape_md (Markdown, ADRs) on its
 * way out; literal markup written by a writer does not. Strings are UTF-8,
 * as the loaders guarantee; nothing here allocates.
 */
#ifndef ARCHADVISOR_ESCAPE_H
#define ARCHADVISOR_ESCAPE_H

#include <stdbool.h>
#include <stdio.h>

/*
 * Writes s as HTML/XML character data or attribute value: & < > " ' become
 * entities, control characters other than tab, newline and carriage return
 * (not allowed in XML) are dropped, everything else is kept.
 */
void	escape_html(FILE *fp, const char *s);

/*
 * Writes s as inline Markdown text that renders literally on GitHub and
 * CommonMark, wherever it is placed (paragraph, list item, heading, table
 * cell): runs of white space, newlines included, become one space and
 * leading and trailing space is dropped, so no line structure can be
 * injected; control characters are dropped; the characters that start
 * markup anywhere (\ ` * _ [ ] < > | & ~ # $) get a backslash, and so do
 * those that only do at the start of a line (- and =, + before a space,
 * and the dot or parenthesis after leading digits before a space, which
 * would start a list), and so do the colon of "scheme://" and the dot of
 * "www." that GitHub would turn into links. (An e-mail address still
 * becomes a mailto: link there: no escape prevents it.)
 */
void	escape_md(FILE *fp, const char *s);

/*
 * Whether s is a web address (http or https), the only kind a handout
 * links to: no javascript: or data: from a knowledge base.
 */
bool	escape_is_web_url(const char *s);

/*
 * Writes a web address as a Markdown link destination: a byte that could
 * end the destination or be read as markup there (white space, controls,
 * ( ) < > \ ` " ' [ ] |) and every byte beyond ASCII is percent-encoded,
 * and & becomes &amp; (CommonMark decodes entities in a destination), so
 * the link points exactly at url. The caller checks that url is a web
 * address (http or https): this makes it safe, not harmless.
 */
void	escape_md_url(FILE *fp, const char *url);

/* A Markdown link [text](url): text through escape_md, url as above. */
void	escape_md_link(FILE *fp, const char *text, const char *url);

/*
 * The control-character policy of every output meant for people (text,
 * HTML, Markdown, ADR): copies buf (len bytes) to fp with each C0 control
 * but tab and newline, DEL, each C1 control (U+0080..U+009F), each
 * bidirectional override or isolate (U+202A..U+202E, U+2066..U+2069) and
 * each byte that is not UTF-8 replaced by U+FFFD. An escape sequence
 * survives only as a colour (ESC [ digits and ; m, what the writers
 * themselves emit), so nothing can retitle a terminal, write its clipboard
 * or reorder what it shows. Returns 0, or -1 if writing failed.
 */
int	escape_terminal_copy(FILE *fp, const char *buf, size_t len);

#endif
