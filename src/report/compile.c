/* Compiling the report to PDF with latexmk (when it is on the PATH).

   No shell is involved: latexmk is found on PATH here, and run with fork
   and execv, its arguments an argv, so that no directory or name (e.g.
   "-r2", "a b", "$x") can be read as shell syntax or as an option of cd.
   The report name is validated by sc_report_write (it never starts with
   '-', so latexmk cannot take it for an option).  The child runs in its
   own process group, which is killed when the time budget expires or an
   interruption is asked for. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "synccert/report.h"
#include "sections.h"

/* The full path of an executable `prog` on PATH (flint_free it), or NULL. */
static char *find_in_path(const char *prog)
{
    const char *path = getenv("PATH"), *p, *end;
    char *full;
    struct stat sb;
    if (path == NULL || path[0] == '\0')
        path = "/usr/local/bin:/usr/bin:/bin";
    for (p = path; ; p = end + 1)
    {
        size_t n;
        end = strchr(p, ':');
        n = end ? (size_t) (end - p) : strlen(p);
        full = flint_malloc(n + strlen(prog) + 3);
        if (n == 0)
            strcpy(full, ".");
        else
        {
            memcpy(full, p, n);
            full[n] = '\0';
        }
        strcat(full, "/");
        strcat(full, prog);
        if (stat(full, &sb) == 0 && S_ISREG(sb.st_mode) && access(full, X_OK) == 0)
            return full;
        flint_free(full);
        if (end == NULL)
            return NULL;
    }
}

/* Run exe with argv in directory dir, standard input from /dev/null and
   both outputs to `log` (relative to dir; NULL: /dev/null).  Returns the
   exit status (0..255), 256 when it died of a signal, -1 when it could not
   be started; *stopped is set when the budget or an interruption ended
   it. */
static int run_in(const char *exe, char *const argv[], const char *dir, const char *log, int *stopped)
{
    int status;
    pid_t pid, w;
    struct timespec nap = { 0, 20000000 };

    *stopped = 0;
    fflush(NULL);
    if ((pid = fork()) < 0)
        return -1;
    if (pid == 0)
    {
        /* the child of a possibly threaded process: async-signal-safe
           calls only until execv */
        int in, out;
        setpgid(0, 0);
        if (chdir(dir) != 0)
            _exit(127);
        in = open("/dev/null", O_RDONLY);
        out = open(log != NULL ? log : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
            _exit(127);
        execv(exe, argv);
        _exit(127);
    }
    setpgid(pid, pid);
    for (;;)
    {
        w = waitpid(pid, &status, WNOHANG);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR)
            return -1;
        if (!*stopped && sc_budget_expired())
        {
            *stopped = 1;
            kill(-pid, SIGTERM);
            kill(pid, SIGTERM);
        }
        nanosleep(&nap, NULL);
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 256;
}

int _sc_report_compile(sc_report_opts *o)
{
    char *exe, *tex, *log, *logpath;
    int rc, stopped;

    if ((exe = find_in_path("latexmk")) == NULL)
    {
        o->latexmk_missing = 1;
        return SC_OK;
    }
    tex = flint_malloc(strlen(o->name) + 8);
    log = flint_malloc(strlen(o->name) + 16);
    sprintf(tex, "%s.tex", o->name);
    sprintf(log, "%s.latexmk.log", o->name);
    _sc_report_progress(o, "compiling the PDF with latexmk");
    {
        char *argv[] = { "latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex, NULL };
        rc = run_in(exe, argv, o->dir, log, &stopped);
    }
    if (rc == 0)
    {
        char *argv[] = { "latexmk", "-c", tex, NULL };
        int st2;
        /* leftover auxiliary files are harmless: the status is not checked */
        run_in(exe, argv, o->dir, NULL, &st2);
        logpath = flint_malloc(strlen(o->dir) + strlen(log) + 2);
        sprintf(logpath, "%s/%s", o->dir, log);
        unlink(logpath);
        flint_free(logpath);
        o->compiled = 1;
    }
    flint_free(exe);
    flint_free(tex);
    flint_free(log);
    if (stopped || (rc != 0 && sc_budget_expired()))
        return sc_interrupted() ? sc_error(SC_ERR_INTERRUPTED, "interrupted while latexmk was running")
                                : sc_error(SC_ERR_BUDGET, "time budget exhausted while latexmk was running");
    if (rc < 0)
        return sc_error(SC_ERR_UNSUPPORTED, "latexmk could not be started");
    if (rc != 0)
        return sc_error(SC_ERR_UNSUPPORTED, "latexmk failed: see %s/%s.latexmk.log", o->dir, o->name);
    return SC_OK;
}
