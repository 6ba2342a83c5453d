/*
 * yamlrate: libyaml's bare parse of a YAML stream, the floor under any
 * YAML reader: every event read and dropped, nothing built, nothing
 * checked. `make bench` times it as a process, like `batch` on the same
 * stream, and divides.
 *
 * usage: yamlrate FILE   (prints the number of documents)
 */
#include <stdio.h>
#include <yaml.h>

int
main(int argc, char **argv)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	FILE		*fp;
	long		 docs = 0;
	int		 type;

	if (argc != 2 || (fp = fopen(argv[1], "rb")) == NULL) {
		fputs("usage: yamlrate FILE\n", stderr);
		return (2);
	}
	if (!yaml_parser_initialize(&p))
		return (1);
	yaml_parser_set_input_file(&p, fp);
	do {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "yamlrate: %s at line %lu\n",
			    p.problem ? p.problem : "error",
			    (unsigned long)p.problem_mark.line + 1);
			return (1);
		}
		type = ev.type;
		docs += type == YAML_DOCUMENT_START_EVENT;
		yaml_event_delete(&ev);
	} while (type != YAML_STREAM_END_EVENT);
	yaml_parser_delete(&p);
	fclose(fp);
	printf("%ld\n", docs);
	return (0);
}
