/*
 * gen: the benchmark suite's inputs, all from a fixed seed so that every
 * run measures the same work.
 *
 *   gen kb NRULES SEED DIR        a knowledge base in DIR: the stock files
 *                                 that hold no rules or precedents
 *                                 (identity, questions, patterns) copied
 *                                 verbatim, and NRULES
 *                                 random rules over the stock questions in
 *                                 DIR/generated.yaml
 *   gen yaml N SEED [RULES]       N scenarios as a multi-document YAML stream
 *   gen jsonl N SEED [RULES]      the same scenarios as JSON lines
 *   gen yaml-block N SEED [RULES] the same in YAML's block style (folded
 *                                 names, block lists), which the batch
 *                                 reader leaves to libyaml
 *   gen floor [RULES]             the knowledge base's rules as one plain C
 *                                 function (the hand-written floor that the
 *                                 engine is compared with)
 *
 * RULES is a knowledge base directory or file; the stock one when left out.
 * Scenarios answer each question with probability 0.7, with values drawn
 * from the round numbers people write (10m, 2TB) and from anywhere in the
 * question's range, so that every rule threshold is crossed.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "expr_cgen.h"
#include "kb.h"
#include "kb_load.h"
#include "randval.h"
#include "stock_kb.h"
#include "value.h"
#include "xmalloc.h"
#include "yaml_tree.h"

/* "gen: what path", and out. */
static void
die(const char *what, const char *path)
{
	fprintf(stderr, "gen: %s %s\n", what, path);
	exit(1);
}

static struct kb *
load(const char *path)
{
	struct kb		*kb = NULL;
	struct diag		 d;
	enum load_status	 st;

	diag_init(&d);
	st = path == NULL ? kb_load_stock(&kb, &d) : kb_load_path(path, &kb,
	    &d);
	if (st != LOAD_OK) {
		diag_print(stderr, &d);
		exit(1);
	}
	diag_free(&d);
	return (kb);
}

/* A YAML/JSON string for a set: "[a, b]" or ["a","b"]. */
static void
put_set(FILE *fp, const struct value_domain *dom, uint64_t bits, int json)
{
	size_t	i;
	int	first = 1;

	fputc('[', fp);
	for (i = 0; i < dom->nnames && i < VALUE_SET_MAX; i++) {
		if ((bits & (UINT64_C(1) << i)) == 0)
			continue;
		if (json)
			fprintf(fp, "%s\"%s\"", first ? "" : ",", dom->names[i]);
		else
			fprintf(fp, "%s%s", first ? "" : ", ", dom->names[i]);
		first = 0;
	}
	fputc(']', fp);
}

/*
 * Scenarios as YAML (style 0), JSON lines (1), or YAML in block style (2):
 * names as folded scalars and sets as block lists, valid YAML that the
 * reader's fast path leaves to libyaml, to time that path.
 */
/* A set as a block list, "  - a" lines ("[]" when empty). */
static void
put_block(FILE *fp, const struct value_domain *dom, uint64_t bits)
{
	size_t	i;

	if (bits == 0) {
		fputs("  []\n", fp);
		return;
	}
	for (i = 0; i < dom->nnames && i < VALUE_SET_MAX; i++)
		if (bits & (UINT64_C(1) << i))
			fprintf(fp, "  - %s\n", dom->names[i]);
}

static void
gen_scenarios(const struct kb *kb, long n, int style)
{
	const struct question	*q;
	struct value		 v;
	char			 buf[256];
	long			 i;
	size_t			 j;

	for (i = 1; i <= n; i++) {
		if (style == 1)
			printf("{\"name\":\"scenario %ld\"", i);
		else if (style == 2)
			printf("---\nname: >-\n  scenario %ld\n", i);
		else
			printf("---\nname: scenario %ld\n", i);
		for (j = 0; j < kb->nquestions; j++) {
			q = &kb->questions[j];
			if (uniform() >= 0.7)
				continue;
			v = random_value(q);
			if (style == 2 && q->dom.type == VAL_SET) {
				printf("%s:\n", q->id);
				put_block(stdout, &q->dom, v.bits);
				continue;
			}
			if (style == 1) {
				printf(",\"%s\":", q->id);
				if (q->dom.type == VAL_SET)
					put_set(stdout, &q->dom, v.bits, 1);
				else if (q->dom.type == VAL_BOOL ||
				    q->dom.type == VAL_INT)
					fputs(value_format(&q->dom, &v, buf,
					    sizeof buf), stdout);
				else
					printf("\"%s\"", value_format(&q->dom,
					    &v, buf, sizeof buf));
			} else {
				printf("%s: ", q->id);
				if (q->dom.type == VAL_SET)
					put_set(stdout, &q->dom, v.bits, 0);
				else
					fputs(value_format(&q->dom, &v, buf,
					    sizeof buf), stdout);
			}
			if (style != 1)
				putchar('\n');
		}
		if (style == 1)
			puts("}");
	}
}

/* One comparison over a random question, as a rule author writes it. */
static void
random_leaf(FILE *fp, const struct kb *kb)
{
	static const char *const relops[] = { "<", "<=", ">", ">=" };
	const struct question	*q;
	struct value		 v;
	char			 buf[256];

	q = &kb->questions[below(kb->nquestions)];
	v = random_value(q);
	switch (q->dom.type) {
	case VAL_BOOL:
		fprintf(fp, "%s%s", below(3) == 0 ? "not " : "", q->id);
		return;
	case VAL_SET:
		fprintf(fp, "%s contains %s", q->id,
		    q->dom.names[below(q->dom.nnames)]);
		return;
	case VAL_LEVEL:
		fprintf(fp, "%s %s %s", q->id, below(2) ? "==" : ">=",
		    q->dom.names[v.num]);
		return;
	default:
		fprintf(fp, "%s %s %s", q->id, relops[below(NELEM(relops))],
		    value_format(&q->dom, &v, buf, sizeof buf));
		return;
	}
}

/* Rules like the stock ones: one to three comparisons, one or two effects. */
static void
gen_rules(FILE *fp, const struct kb *kb, long n)
{
	size_t	nleaves, k, p, p2;
	long	i;
	int	paren, w;

	fputs("# Generated by tests/bench/gen.c; not knowledge.\nrules:\n", fp);
	for (i = 0; i < n; i++) {
		fprintf(fp, "  - id: generated-%ld\n    when: ", i);
		nleaves = 1 + below(3);
		paren = nleaves == 3 && below(2);
		for (k = 0; k < nleaves; k++) {
			if (k > 0)
				fputs(below(3) ? " and " : " or ", fp);
			if (k == 0 && paren)
				fputc('(', fp);
			random_leaf(fp, kb);
			if (k == 1 && paren)
				fputc(')', fp);
		}
		fputc('\n', fp);
		p = below(kb->npatterns);
		if (below(1000) == 0)
			fprintf(fp, "    veto: [%s]\n", kb->patterns[p].id);
		else {
			if ((w = (int)below(7) - 3) == 0)
				w = 1;
			fprintf(fp, "    effects: {%s: %d", kb->patterns[p].id,
			    w);
			p2 = below(kb->npatterns);
			if (p2 != p && below(3) == 0)
				fprintf(fp, ", %s: %d", kb->patterns[p2].id,
				    1 + (int)below(3));
			fputs("}\n", fp);
		}
		fprintf(fp, "    why: \"Generated rule %ld.\"\n", i);
		fputs("    source: \"tests/bench/gen.c\"\n", fp);
	}
}

/* Whether a stock file holds rules or precedents, which stay out. */
static int
has_rules(const struct stock_kb_file *f)
{
	struct yaml_stream	*ys;
	struct yaml_doc		 doc;
	struct diag		 d;
	int			 yes = 0;

	ys = yaml_stream_new(f->name, f->data, f->len);
	diag_init(&d);
	if (ys != NULL && yaml_stream_next(ys, &doc, &d) == 1) {
		yes = ynode_get(doc.root, "rules") != NULL ||
		    ynode_get(doc.root, "precedents") != NULL;
		yaml_doc_free(&doc);
	}
	yaml_stream_free(ys);
	diag_free(&d);
	return (yes);
}

static void
gen_kb(long n, const char *dir)
{
	const struct stock_kb_file	*f;
	struct kb			*kb;
	const char			*base;
	char				*path;
	FILE				*fp;
	size_t				 i;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		die("cannot create", dir);
	kb = load(NULL);
	for (i = 0; i < stock_kb_nfiles; i++) {
		f = &stock_kb_files[i];
		if (has_rules(f))
			continue;
		base = strrchr(f->name, '/') ? strrchr(f->name, '/') + 1 :
		    f->name;
		path = xasprintf("%s/%s", dir, base);
		if ((fp = fopen(path, "w")) == NULL)
			die("cannot write", path);
		fwrite(f->data, 1, f->len, fp);
		if (fclose(fp) != 0)
			die("cannot write", path);
		free(path);
	}
	path = xasprintf("%s/generated.yaml", dir);
	if ((fp = fopen(path, "w")) == NULL)
		die("cannot write", path);
	gen_rules(fp, kb, n);
	if (fclose(fp) != 0)
		die("cannot write", path);
	free(path);
	kb_free(kb);
}

/* Rules per function of the floor: one huge function takes the compiler
 * minutes and helps nothing. */
#define FLOOR_CHUNK	50

/*
 * The floor: what a C programmer would write for these rules, knowing
 * them in advance. Each condition becomes a test that is true only when
 * the condition is certainly true (expr_cgen), each fired effect one add;
 * then the same scores, first place and recommendation as the engine.
 */
static void
gen_floor(const struct kb *kb)
{
	const struct rule	*r;
	const struct effect	*e;
	const struct question	*q;
	size_t			 i, j, nchunks, ng = kb->groups.n + 1;

	nchunks = (kb->nrules + FLOOR_CHUNK - 1) / FLOOR_CHUNK;
	printf("/* Generated by tests/bench/gen.c floor from %zu rules. */\n"
	    "#include \"floor.h\"\n\n#include <math.h>\n#include <stdint.h>\n\n"
	    "const size_t floor_npatterns = %zu;\n", kb->nrules,
	    kb->npatterns);
	for (i = 0; i < kb->nrules; i++) {
		r = &kb->rules[i];
		if (i % FLOOR_CHUNK == 0)
			printf("%s\nstatic void\nrules_%zu(const struct value *a, "
			    "double *ev, int *veto, int *stretch, double *gb, "
			    "int *gs)\n{\n\t(void)veto;\n\t(void)stretch;\n"
			    "\t(void)gb;\n\t(void)gs;\n",
			    i ? "}\n" : "", i / FLOOR_CHUNK);
		printf("\t/* %s */\n\tif (", r->id);
		expr_cgen_true(r->when, stdout, "a");
		printf(") {\n");
		for (j = 0; j < r->neffects; j++) {
			e = &r->effects[j];
			if (e->veto)
				printf("\t\tveto[%zu] = 1;\n", e->pattern);
			else if (e->stretch)
				printf("\t\tstretch[%zu] = 1;\n", e->pattern);
			else if (r->group != 0)
				printf("\t\tfloor_group(&gb[%zu], &gs[%zu], "
				    "%.17g);\n", e->pattern * ng + r->group,
				    e->pattern * ng + r->group, e->weight);
			else
				printf("\t\tev[%zu] += %.17g;\n", e->pattern,
				    e->weight);
		}
		printf("\t}\n");
	}
	if (kb->nrules > 0)
		printf("}\n");
	printf("\nvoid\nfloor_rank(const struct value *a, struct floor_result "
	    "*res)\n{\n"
	    "\tdouble\tev[%zu] = { 0 }, gb[%zu] = { 0 };\n"
	    "\tint\tveto[%zu] = { 0 }, stretch[%zu] = { 0 }, gs[%zu] = { 0 };\n"
	    "\tsize_t\tp, g;\n\n", kb->npatterns, kb->npatterns * ng,
	    kb->npatterns, kb->npatterns, kb->npatterns * ng);
	for (i = 0; i < nchunks; i++)
		printf("\trules_%zu(a, ev, veto, stretch, gb, gs);\n", i);
	/* An organisation question is open: unanswered and not skipped. */
	printf("\tres->org_open = 0");
	for (i = 0; i < kb->norg_questions; i++) {
		q = &kb->questions[kb->org_questions[i]];
		printf("\n\t    || (!a[%zu].known", kb->org_questions[i]);
		if (q->ask_if != NULL) {
			printf(" && !");
			expr_cgen_false(q->ask_if, stdout, "a");
		}
		printf(")");
	}
	printf(";\n");
	printf("\tfor (p = 0; p < %zu; p++) {\n"
	    "\t\tfor (g = 1; g < %zu; g++)\n"
	    "\t\t\tif (gs[p * %zu + g])\n"
	    "\t\t\t\tev[p] += gb[p * %zu + g];\n"
	    "\t\tres->evidence[p] = ev[p];\n"
	    "\t\tres->vetoed[p] = veto[p];\n"
	    "\t\tres->stretched[p] = stretch[p] && !veto[p];\n"
	    "\t\tres->score[p] = veto[p] ? 0.0 : 100.0 / (1.0 + "
	    "exp(-ev[p] / %.17g));\n\t}\n"
	    "\tfloor_finish(res);\n}\n", kb->npatterns, ng, ng, ng,
	    kb->scale);
	printf("\nconst int floor_kind[%zu] = {", kb->npatterns);
	for (i = 0; i < kb->npatterns; i++)
		printf("%s%d", i ? ", " : " ",
		    kb->patterns[i].kind == PATTERN_PROCESSING ? 0 : 1);
	printf(" };\nconst double floor_org_threshold = %.17g;\n",
	    kb->org_threshold);
}

int
main(int argc, char **argv)
{
	struct kb	*kb;
	long		 n;

	if (argc >= 5 && strcmp(argv[1], "kb") == 0) {
		n = strtol(argv[2], NULL, 10);
		rng_seed(strtoull(argv[3], NULL, 10));
		gen_kb(n, argv[4]);
		return (0);
	}
	if (argc >= 4 && (strcmp(argv[1], "yaml") == 0 ||
	    strcmp(argv[1], "jsonl") == 0 ||
	    strcmp(argv[1], "yaml-block") == 0)) {
		n = strtol(argv[2], NULL, 10);
		rng_seed(strtoull(argv[3], NULL, 10));
		kb = load(argc > 4 ? argv[4] : NULL);
		gen_scenarios(kb, n, argv[1][0] == 'j' ? 1 :
		    strcmp(argv[1], "yaml-block") == 0 ? 2 : 0);
		kb_free(kb);
		return (fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1);
	}
	if (argc >= 2 && strcmp(argv[1], "floor") == 0) {
		kb = load(argc > 2 ? argv[2] : NULL);
		gen_floor(kb);
		kb_free(kb);
		return (fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1);
	}
	fputs("usage: gen kb NRULES SEED DIR | gen yaml|jsonl|yaml-block N "
	    "SEED [RULES] | gen floor [RULES]\n", stderr);
	return (2);
}
