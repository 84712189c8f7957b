/* Certified parameter regimes: checkpoint files (see regime.h).

   A checkpoint holds no box and no verdict of an open box, only what
   restores the verified work list through its proved operations: the
   problem's text (sc_regime_problem_text, so a resumed run can refuse a
   file of another problem) and the log of work-list operations in the
   order the run made them.  Replaying the log from the root
   (src/regime/driver.c) rebuilds the decided and the open boxes exactly;
   evaluations of open boxes are redone (a verdict depends only on the box).
   Format (text):
     synccert certify checkpoint 1
     <the problem's lines>
     ops N
     <N operation characters, 100 a line>
     end */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "regimeint.h"

#define MAGIC "synccert certify checkpoint 1"

void _sc_regime_oplog_push(_sc_regime_oplog *L, char op)
{
    if (L->n == L->alloc)
    {
        L->alloc = FLINT_MAX(1024, 2 * L->alloc);
        L->s = flint_realloc(L->s, L->alloc);
    }
    L->s[L->n++] = op;
}

char _sc_regime_op_split(int axis) { return (char) ('0' + axis); }

char _sc_regime_op_decide(int verdict)
{
    return verdict == SC_LEAF_CERTIFIED ? 'c' : verdict == SC_LEAF_REFUTED ? 'r' : 'u';
}

int _sc_regime_op_axis(char op) { return op >= '0' && op < '0' + SC_BOX_MAXDIM ? op - '0' : -1; }

int _sc_regime_op_verdict(char op)
{
    return op == 'c' ? SC_LEAF_CERTIFIED : op == 'r' ? SC_LEAF_REFUTED : op == 'u' ? SC_LEAF_UNDECIDED : -1;
}

int _sc_regime_checkpoint_write(const char *path, const sc_regime_problem *P, const _sc_regime_oplog *L)
{
    sc_outfile o;
    char *text = sc_regime_problem_text(P);
    slong k;
    int st = sc_outfile_open(&o, path);
    if (st == SC_OK)
    {
        fprintf(o.f, "%s\n%sops %ld\n", MAGIC, text, (long) L->n);
        for (k = 0; k < L->n; k += 100)
            fprintf(o.f, "%.*s\n", (int) FLINT_MIN(100, L->n - k), L->s + k);
        fprintf(o.f, "end\n");
        if (ferror(o.f))
        {
            sc_outfile_abort(&o);
            st = sc_error(SC_ERR_IO, "cannot write checkpoint '%s': write error", path);
        }
        else
            st = sc_outfile_commit(&o);
    }
    flint_free(text);
    return st;
}

/* the whole file (at most 64 MB), NUL-terminated, or NULL */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *s;
    size_t n = 0, alloc = 1 << 16, r;
    if (f == NULL)
        return NULL;
    s = flint_malloc(alloc);
    while ((r = fread(s + n, 1, alloc - n - 1, f)) > 0)
    {
        n += r;
        if (n + 1 == alloc)
        {
            if (alloc >= (size_t) 1 << 26)
                break;
            s = flint_realloc(s, alloc *= 2);
        }
    }
    s[n] = '\0';
    if (ferror(f) || strlen(s) != n || n + 1 == alloc)
    {
        flint_free(s);
        s = NULL;
    }
    fclose(f);
    return s;
}

/* the key of a problem line: "axis NAME" or its first word */
static int key_len(const char *line)
{
    const char *sp = strchr(line, ' ');
    if (sp != NULL && strncmp(line, "axis ", 5) == 0)
        sp = strchr(sp + 1, ' ');
    return sp != NULL ? (int) (sp - line) : (int) strcspn(line, "\n");
}

/* Compare the file's problem lines (from *pos) with P's text, advancing
   *pos past them; SC_OK or the mismatch. */
static int same_problem(const char **pos, const char *text, const char *path)
{
    const char *f = *pos, *t = text;
    while (*t != '\0')
    {
        size_t lf = strcspn(f, "\n"), lt = strcspn(t, "\n");
        if (lf != lt || strncmp(f, t, lt) != 0)
        {
            int kf = key_len(f), kt = key_len(t);
            if (kf == kt && strncmp(f, t, kt) == 0)
                return sc_error(SC_ERR_INPUT, "--resume '%s': the checkpoint is of another problem "
                                "(%.*s: %.*s in the file, %.*s in this run)", path, kt, t,
                                (int) (lf - kf - 1), f + kf + 1, (int) (lt - kt - 1), t + kt + 1);
            return sc_error(SC_ERR_INPUT, "--resume '%s': the checkpoint is of another problem "
                            "(the file has '%.*s' where this run has '%.*s')", path, (int) lf, f, (int) lt, t);
        }
        f += lf + (f[lf] == '\n');
        t += lt + (t[lt] == '\n');
    }
    *pos = f;
    return SC_OK;
}

int _sc_regime_checkpoint_read(char **ops, slong *nops, const char *path, const sc_regime_problem *P)
{
    char *s, *text, *o = NULL;
    const char *pos;
    long n = -1;
    slong k = 0;
    int st = SC_OK, len = 0;
    *ops = NULL;
    *nops = 0;
    errno = 0;
    s = slurp(path);
    if (s == NULL)
        return sc_error(SC_ERR_INPUT, "--resume '%s': cannot read: %s", path,
                        errno ? strerror(errno) : "not a text file");
    if (strncmp(s, MAGIC "\n", strlen(MAGIC) + 1) != 0)
    {
        flint_free(s);
        return sc_error(SC_ERR_INPUT, "--resume '%s': not a synccert certify checkpoint", path);
    }
    pos = s + strlen(MAGIC) + 1;
    text = sc_regime_problem_text(P);
    st = same_problem(&pos, text, path);
    flint_free(text);
    if (st == SC_OK && (sscanf(pos, "ops %ld\n%n", &n, &len) < 1 || n < 0 || n > 4 * SC_WL_DONE_CAP))
        st = sc_error(SC_ERR_INPUT, "--resume '%s': malformed checkpoint (no operation count)", path);
    if (st == SC_OK)
    {
        pos += len;
        o = flint_malloc(n + 1);
        for (; *pos != '\0' && k < n; pos++)
            if (*pos != '\n')
                o[k++] = *pos;
        while (*pos == '\n')
            pos++;
        if (k != n || strcmp(pos, "end\n") != 0)
            st = sc_error(SC_ERR_INPUT, "--resume '%s': truncated or malformed checkpoint", path);
    }
    flint_free(s);
    if (st != SC_OK)
    {
        flint_free(o);
        return st;
    }
    *ops = o;
    *nops = n;
    return SC_OK;
}
