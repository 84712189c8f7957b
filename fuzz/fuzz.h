/* Shared by the fuzz targets (fuzz/fuzz_*.c): the libFuzzer entry point
   and a NUL-terminated copy of the input.  A target checks properties
   (round trips, invariants) and calls FUZZ_CHECK, which aborts so that
   libFuzzer (or the replay driver under ASan) reports the input. */
#ifndef SC_FUZZ_H
#define SC_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) \
    do { if (!(cond)) { fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); abort(); } } while (0)

/* The input as a C string (inputs holding a NUL are cut there). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

#endif
