/*
 * kb: the knowledge base in memory: questions, patterns and rules, as loaded
 * from YAML (src/load) or built by tests. Everything the program knows about
 * data architecture lives in these structures; the C code names no pattern.
 *
 * The kb owns every string and array reachable from it; kb_free releases
 * them all. Indexes (question, pattern, rule) are positions in the arrays
 * below and stay valid for the life of the kb.
 */
#ifndef ARCHADVISOR_KB_H
#define ARCHADVISOR_KB_H

#include <stdbool.h>
#include <stddef.h>

#include "value.h"

struct expr;

/* Where an item was defined: file name (owned by the kb) and 1-based place. */
struct srcloc {
	const char	*file;
	int		 line, col;
};

struct strlist {
	char	**items;
	size_t	  n;
};

struct question {
	char			*id;
	char			*section;
	char			*prompt;
	char			*help;
	char			*label;		/* short name for people
						   ("Acceptable delay"), or
						   NULL: derived from id */
	struct value_domain	 dom;
	char			**value_labels;	/* dom.nnames labels, each
						   or the array NULL */
	char			*if_yes, *if_no; /* a bool's answer as a
						   what-if clause
						   ("everything had to be
						   real-time"), or NULL */
	char			*if_less, *if_more; /* a number's what-if
						   clause for a new answer
						   below or above the one
						   given ("results could
						   wait {value} instead of
						   {was}"), or NULL */
	char			*if_added, *if_dropped; /* a set's, for
						   values added or dropped
						   ("the data were also
						   used for {value}") */
	char			**value_ifs;	/* a level's what-if clause
						   for each value ("the
						   team had strong streaming
						   skills"), each or the
						   array NULL */
	struct value		 def;	/* default; unknown unless declared */
	char			*ask_if_text;	/* condition to ask, or NULL */
	struct expr		*ask_if;	/* parsed; NULL: always asked */
	bool			 requirement;	/* a need every option
						   must meet, not a
						   preference */
	struct srcloc		 loc;
};

enum pattern_kind { PATTERN_PROCESSING, PATTERN_ORGANIZATION };

struct principle {
	char	*name;
	char	*text;
};

struct pattern {
	char			*id;
	char			*name;
	enum pattern_kind	 kind;
	char			*summary;	/* what it is */
	char			*sketch;	/* architecture sketch, or NULL */
	struct strlist		 best_for;
	struct strlist		 tools;
	struct strlist		 pros;
	struct strlist		 cons;
	struct principle	*principles;
	size_t			 nprinciples;
	char			*source;	/* where the description comes from */
	/*
	 * What choosing it takes, one or two sentences each for a decision
	 * record; each optional (NULL).
	 */
	char			*run;	/* what the team must operate */
	char			*watch;	/* what to keep an eye on */
	char			*learn;	/* what the team must learn */
	struct srcloc		 loc;
	/* Freshness: all optional. */
	struct strlist		 tool_deprecated; /* parallel to tools: the
						    reason, or "" */
	char			 reviewed[11];	/* YYYY-MM-DD, or "" */
	struct srcloc		 reviewed_loc;
};

/*
 * A precedent: a public case study of an organisation that chose a pattern,
 * with its situation as answers to the knowledge base's questions. Shown
 * as evidence beside a ranking; the engine never reads it.
 */
struct precedent {
	char		*id;
	char		*organisation;
	int		 year;
	char		*title;		/* of the primary public source */
	char		*url;
	size_t		 chose;		/* pattern index */
	int		 moved_from;	/* pattern index, or -1 */
	bool		 regretted;	/* the source says the choice went
					   badly: evidence against it */
	bool		 check;		/* in the check set: never used to
					   decide a rule change */
	bool		 conflict;	/* its signals point different ways */
	bool		*clearly_wrong;	/* kb->npatterns: the source makes
					   these plainly wrong; or NULL */
	char		*outcome;	/* one line */
	char		*note;		/* what the rules do not know; or NULL */
	struct value	*answers;	/* kb->nquestions; unknown if unsaid */
	bool		*inferred;	/* kb->nquestions: answer is inferred */
	char		 reviewed[11];	/* YYYY-MM-DD, or "" */
	struct srcloc	 reviewed_loc;
	struct srcloc	 loc;
};

/* A rule's effect on one pattern: a weight added to its evidence, or a veto. */
struct effect {
	size_t	pattern;
	double	weight;
	bool	veto;		/* the pattern cannot meet a requirement */
	bool	stretch;	/* it meets a requirement only at a stretch */
};

struct rule {
	char		*id;
	char		*when_text;	/* the condition as written */
	struct expr	*when;
	struct effect	*effects;
	size_t		 neffects;
	char		*why;
	char		*source;
	int		 requirement;	/* question index whose requirement
					   this rule judges, or -1 */
	size_t		 group;		/* 1-based index in kb->groups: rules
					   restating one fact, counted once
					   per pattern; 0 for none */
	struct srcloc	 loc;
};

/*
 * A combination of answers no real team gives (everything real-time with a
 * freshness of an hour or more): what-if analysis leaves such completions
 * of the open questions out.
 */
struct implausible {
	char		*when_text;
	struct expr	*when;
	char		*why;
	struct srcloc	 loc;
};

struct kb {
	char		*name;
	char		*version;
	double		 scale;		/* evidence per e-fold of the score curve */
	double		 org_threshold;	/* score from which an organisation
					   pattern is recommended */
	struct question	*questions;
	size_t		 nquestions;
	struct pattern	*patterns;
	size_t		 npatterns;
	struct rule	*rules;
	size_t		 nrules;
	double		 close_call;	/* score points within which the top
					   two are a close call */
	size_t		*org_questions;	/* question indexes that settle the
					   organisation decision */
	size_t		 norg_questions;
	struct strlist	 groups;	/* names of rule groups */
	struct implausible *implausible;
	size_t		 nimplausible;
	struct strlist	 sections;	/* question sections, in order */
	struct strlist	 files;		/* every file that went in */
	size_t		 nbuiltin;	/* files[0..nbuiltin) are the stock
					   ones compiled into the program */
	struct precedent *precedents;	/* public case studies (evidence
					   shown beside a ranking, never
					   scored) */
	size_t		 nprecedents;
	char		 reviewed[11];	/* YYYY-MM-DD, or "" */
	struct srcloc	 reviewed_loc;
};

#define KB_DEFAULT_SCALE	4.0
#define KB_DEFAULT_ORG_THRESHOLD 60.0
#define KB_DEFAULT_CLOSE_CALL	0.0

struct kb	*kb_new(void);
void		 kb_free(struct kb *kb);
/* Free what one item owns (not the item itself, which is in an array). */
void		 kb_question_clear(struct question *q);
void		 kb_pattern_clear(struct pattern *p);
void		 kb_rule_clear(struct rule *r);

/* Index of the item with that id, or -1. */
int	kb_question_index(const struct kb *kb, const char *id);
int	kb_pattern_index(const struct kb *kb, const char *id);
int	kb_rule_index(const struct kb *kb, const char *id);

const char	*pattern_kind_name(enum pattern_kind k);

/* Frees what a precedent owns; kb_free calls it for each one. */
void		 kb_precedent_clear(struct precedent *p);

/*
 * Whether question q should be asked, given the answers so far: true
 * unless its ask_if condition is false (an unknown condition still asks).
 */
bool		 kb_question_asked(const struct kb *kb, size_t q,
		    const struct value *answers);

void	strlist_push(struct strlist *l, const char *s);
void	strlist_free(struct strlist *l);

#endif
