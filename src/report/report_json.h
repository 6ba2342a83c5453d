/*
 * report_json: writing JSON. The writers of every command's JSON build
 * their model with report_json_model.h's builders (included here) and
 * hand it to json_write.
 */
#ifndef ARCHADVISOR_REPORT_JSON_H
#define ARCHADVISOR_REPORT_JSON_H

#include <jansson.h>
#include <stdio.h>

#include "report_json_model.h"

/* Writes root indented with a final newline and releases it. */
int	 json_write(FILE *fp, json_t *root);

#endif
