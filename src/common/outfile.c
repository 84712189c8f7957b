/* Output files written atomically (see common.h): a temporary file in the
   target's directory, renamed onto the target when complete.  rename(2)
   within one file system replaces the target in one step, so a reader (or
   the user after a crash, a full disk or Ctrl-C) sees the old file or the
   new one, never a truncated mixture. */
/* realpath is XSI */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "synccert/common.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* The temporary files now open, for sc_outfile_remove_temps (a signal
   handler): a slot is filled before it is marked used and unmarked before
   it is reused. */
#define NSLOTS 8
static char temps[NSLOTS][PATH_MAX + 16];
static volatile sig_atomic_t used[NSLOTS];

static int slot_take(const char *tmp)
{
    int i;
    if (strlen(tmp) >= sizeof(temps[0]))
        return -1;
    for (i = 0; i < NSLOTS; i++)
        if (!used[i])
        {
            strcpy(temps[i], tmp);
            used[i] = 1;
            return i;
        }
    return -1;
}

static void slot_free(int i)
{
    if (i >= 0)
        used[i] = 0;
}

void sc_outfile_remove_temps(void)
{
    int i;
    for (i = 0; i < NSLOTS; i++)
        if (used[i])
            unlink(temps[i]);
}

static char *dup_str(const char *s)
{
    char *r = flint_malloc(strlen(s) + 1);
    strcpy(r, s);
    return r;
}

static void reset(sc_outfile *o)
{
    flint_free(o->path);
    flint_free(o->tmp);
    o->f = NULL;
    o->path = o->tmp = NULL;
    o->slot = -1;
}

int sc_outfile_open(sc_outfile *o, const char *path)
{
    struct stat sb;
    char real[PATH_MAX];
    const char *base = path;
    mode_t mask;
    int fd, e;

    o->f = NULL;
    o->path = o->tmp = NULL;
    o->slot = -1;
    if (path == NULL || path[0] == '\0')
        return sc_error(SC_ERR_INPUT, "empty output file name");
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
    {
        /* a device, FIFO or directory: no atomic replacement possible */
        if (S_ISDIR(sb.st_mode))
            return sc_error(SC_ERR_INPUT, "cannot write '%s': is a directory", path);
        if ((o->f = fopen(path, "w")) == NULL)
            return sc_error(SC_ERR_INPUT, "cannot write '%s': %s", path, strerror(errno));
        o->path = dup_str(path);
        return SC_OK;
    }
    /* a symbolic link is kept: the file it points to is replaced */
    if (realpath(path, real) != NULL)
        base = real;
    if (strlen(base) > PATH_MAX - 16)
        return sc_error(SC_ERR_INPUT, "cannot write '%s': file name too long", path);
    o->path = dup_str(base);
    o->tmp = flint_malloc(strlen(base) + 16);
    strcpy(o->tmp, base);
    strcat(o->tmp, ".tmpXXXXXX");
    if ((fd = mkstemp(o->tmp)) < 0)
    {
        e = errno;
        reset(o);
        return sc_error(SC_ERR_INPUT, "cannot write '%s': %s", path, strerror(e));
    }
    o->slot = slot_take(o->tmp);
    /* mkstemp makes the file private (0600); give it the mode a new file
       (or the file it replaces) would have */
    mask = umask(0);
    umask(mask);
    if (fchmod(fd, stat(base, &sb) == 0 ? (sb.st_mode & 07777) : (0666 & ~mask)) != 0)
    {
        /* a file we can write but not chmod: keep mkstemp's mode */
    }
    if ((o->f = fdopen(fd, "w")) == NULL)
    {
        e = errno;
        close(fd);
        sc_outfile_abort(o);
        return sc_error(SC_ERR_INPUT, "cannot write '%s': %s", path, strerror(e));
    }
    return SC_OK;
}

int sc_outfile_commit(sc_outfile *o)
{
    int e = 0, bad;
    if (o->f == NULL)
        return sc_error(SC_ERR_IO, "output file not open");
    bad = fflush(o->f) != 0 || ferror(o->f);
    if (bad)
        e = errno;
    if (!bad && o->tmp != NULL && fsync(fileno(o->f)) != 0 && errno != EINVAL)
    {
        bad = 1;
        e = errno;
    }
    if (fclose(o->f) != 0 && !bad)
    {
        bad = 1;
        e = errno;
    }
    o->f = NULL;
    if (!bad && o->tmp != NULL && rename(o->tmp, o->path) != 0)
    {
        bad = 1;
        e = errno;
    }
    if (bad)
    {
        char *p = dup_str(o->path);
        if (o->tmp != NULL)
            unlink(o->tmp);
        slot_free(o->slot);
        reset(o);
        sc_error(SC_ERR_IO, "cannot write '%s': %s", p, e ? strerror(e) : "write error");
        flint_free(p);
        return SC_ERR_IO;
    }
    slot_free(o->slot);
    reset(o);
    return SC_OK;
}

void sc_outfile_abort(sc_outfile *o)
{
    if (o->f != NULL)
        fclose(o->f);
    if (o->tmp != NULL)
        unlink(o->tmp);
    slot_free(o->slot);
    reset(o);
}
