/* Private to src/table: what its files share (not installed). */
#ifndef SC_TABLE_INTERNAL_H
#define SC_TABLE_INTERNAL_H

#include "synccert/table.h"

/* A flint_malloc'ed copy of s. */
char *_sc_table_strdup(const char *s);

/* Free the cells (t->cells = NULL); the lists stay. */
void _sc_table_free_cells(sc_table *t);

#endif
