/*
 * kb_load_int: what the knowledge-base loader's files share, and nothing
 * outside them may use. kb_load.c reads the files, the settings and the
 * order of the passes and keeps the registry of ids; kb_questions.c reads
 * the questions; kb_rules.c the patterns, the rules and the implausible
 * combinations. Field checks are yaml_fields.h's.
 */
#ifndef ARCHADVISOR_KB_LOAD_INT_H
#define ARCHADVISOR_KB_LOAD_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "expr.h"
#include "kb.h"
#include "yaml_fields.h"
#include "yaml_tree.h"

/*
 * Caps on an untrusted knowledge base, beyond those of yaml_tree.h: they
 * keep loading (ids are looked up by linear search) and what-if analysis
 * well under a second. The stock knowledge base is far below all of them.
 */
#define KB_MAX_NODES	YAML_TREE_MAX_NODES	/* all files together */
#define KB_MAX_QUESTIONS 1000
#define KB_MAX_PATTERNS	256
#define KB_MAX_RULES	10000

/* The state of one load: the kb being built and where problems go. */
struct loader {
	struct kb	*kb;
	struct field_ctx fc;		/* diag list and the file being read
					   (owned by kb) */
	bool		 seen_meta;
	struct srcloc	 meta_loc;
	bool		 seen_scoring;
	struct srcloc	 scoring_loc;
	bool		 replaced;	/* some item took another's place */
	bool		 capped;	/* a KB_MAX_* cap was reported */
	const struct ynode *org_questions; /* scoring's list, resolved once
					   every question is declared */
	const char	*org_file;
};

/* The three kinds of item with ids, for kb_begin_item. */
enum item_kind { ITEM_QUESTION, ITEM_PATTERN, ITEM_RULE };

void	kb_load_question(struct loader *ld, const struct ynode *item);
void	kb_load_ask_ifs(struct loader *ld, const struct ynode *root);
void	kb_check_ask_if_cycles(struct loader *ld);
void	kb_prune_sections(struct kb *kb);
void	kb_load_org_questions(struct loader *ld);
void	kb_condition_error(struct loader *ld, const struct ynode *map, const char *key,
	    const struct expr_error *ee);
void	kb_load_rule(struct loader *ld, const struct ynode *item);
void	kb_load_implausible(struct loader *ld, const struct ynode *item);
void	kb_load_pattern(struct loader *ld, const struct ynode *item);
bool	kb_begin_item(struct loader *ld, const struct ynode *item, enum item_kind k,
	    const char *const *keys, size_t n, size_t max, const char **id,
	    int *slot);

#endif
