/* Thread-local error messages: library calls report *what* went wrong in one
   line so the CLI can print it verbatim and exit with status 2. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "synccert/common.h"

static _Thread_local char sc_errbuf[512];

int sc_error(int code, const char *fmt, ...)
{
    char tmp[sizeof(sc_errbuf)];
    va_list ap;
    /* format into a copy: callers may pass sc_last_error() as an argument */
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    memcpy(sc_errbuf, tmp, sizeof(tmp));
    return code;
}

const char *sc_last_error(void) { return sc_errbuf; }

void sc_clear_error(void) { sc_errbuf[0] = '\0'; }
