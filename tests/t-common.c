/* The common module: time budgets (process deadline, thread budget, the
   interruption flag) and atomic output files. */
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "sc_test.h"
#include "synccert/common.h"

static void nap(double s)
{
    struct timespec ts = { (time_t) s, (long) ((s - (double) (time_t) s) * 1e9) };
    nanosleep(&ts, NULL);
}

/* The earlier of the two deadlines counts; clearing the thread budget keeps
   the process deadline; a budget too small for a double is spent, never
   "none"; an interruption stops everything and is reported as such. */
static void test_budget(void)
{
    CU_ASSERT(!sc_budget_expired());
    CU_ASSERT_EQUAL(sc_budget_status(), SC_OK);

    sc_budget_set(1e-300);
    CU_ASSERT(sc_budget_expired());
    CU_ASSERT_EQUAL(sc_budget_status(), SC_ERR_BUDGET);
    CU_ASSERT_EQUAL(sc_budget_error("who", 64), SC_ERR_BUDGET);
    CU_ASSERT(strstr(sc_last_error(), "who: time budget of 1e-300 s exhausted at 64 bits") != NULL);
    sc_budget_set(0);
    CU_ASSERT(!sc_budget_expired());

    sc_deadline_set(0.2);
    CU_ASSERT(sc_deadline_seconds() == 0.2);
    sc_budget_set(100);
    CU_ASSERT(!sc_budget_expired() && !sc_deadline_passed());
    nap(0.3);
    CU_ASSERT(sc_budget_expired() && sc_deadline_passed());
    sc_budget_error("who", 1);
    CU_ASSERT(strstr(sc_last_error(), "time budget of 0.2 s") != NULL);   /* the one that ran out */
    sc_budget_set(0);
    CU_ASSERT(sc_budget_expired());     /* the process deadline stays */
    sc_deadline_set(-1);
    CU_ASSERT(!sc_budget_expired() && !sc_deadline_passed() && sc_deadline_seconds() == 0);
    sc_deadline_set(0.0 / 0.0);         /* NaN: no deadline */
    CU_ASSERT(!sc_budget_expired());

    CU_ASSERT_EQUAL(sc_interrupted(), 0);
    sc_interrupt(SIGTERM);
    sc_interrupt(SIGINT);               /* the first signal is kept */
    CU_ASSERT_EQUAL(sc_interrupted(), SIGTERM);
    CU_ASSERT(sc_budget_expired());
    CU_ASSERT_EQUAL(sc_budget_status(), SC_ERR_INTERRUPTED);
    CU_ASSERT_EQUAL(sc_budget_error("who", 8), SC_ERR_INTERRUPTED);
    CU_ASSERT(strstr(sc_last_error(), "who: interrupted") != NULL);
    sc_interrupt_clear();
    sc_interrupt(0);
    CU_ASSERT_EQUAL(sc_interrupted(), SC_INTERRUPT_NOSIG);
    sc_interrupt_clear();
    CU_ASSERT(!sc_budget_expired());
}

/* A nested budget never extends the outer one, names the one that ends
   first, and pop restores the outer one exactly. */
static void test_budget_nested(void)
{
    sc_budget_saved outer, inner;
    sc_budget_set(0.2);
    sc_budget_push(&outer, 100);                /* later than the outer: unchanged */
    nap(0.3);
    CU_ASSERT(sc_budget_expired());
    sc_budget_error("who", 1);
    CU_ASSERT(strstr(sc_last_error(), "time budget of 0.2 s") != NULL);
    sc_budget_pop(&outer);
    CU_ASSERT(sc_budget_expired());

    sc_budget_set(100);
    sc_budget_push(&outer, 1e-300);             /* earlier: it counts */
    CU_ASSERT(sc_budget_expired());
    sc_budget_push(&inner, 0);                  /* no change */
    CU_ASSERT(sc_budget_expired());
    sc_budget_pop(&inner);
    sc_budget_error("who", 1);
    CU_ASSERT(strstr(sc_last_error(), "time budget of 1e-300 s") != NULL);
    sc_budget_pop(&outer);
    CU_ASSERT(!sc_budget_expired());            /* the outer 100 s again */
    sc_budget_set(0);
    sc_budget_push(&outer, 0);
    CU_ASSERT(!sc_budget_expired());
    sc_budget_pop(&outer);
}

/* One table of default budgets for the CLI and the bindings: the values
   the commands' help texts state, 600 s for every other name. */
static void test_budget_defaults(void)
{
    CU_ASSERT(sc_budget_default("kernel") == 120);
    CU_ASSERT(sc_budget_default("certify") == 60);
    CU_ASSERT(sc_budget_default("table") == 3600);
    CU_ASSERT(sc_budget_default("report") == 3600);
    CU_ASSERT(sc_budget_default("lyapunov") == 600);
    CU_ASSERT(sc_budget_default("pair") == 600);
    CU_ASSERT(sc_budget_default("no-such-command") == 600);
    CU_ASSERT(sc_budget_default(NULL) == 600);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    char *s = calloc(1, 4096);
    if (f == NULL)
    {
        free(s);
        return NULL;
    }
    if (fread(s, 1, 4095, f) == 0)
        s[0] = '\0';
    fclose(f);
    return s;
}

static int nfiles(const char *dir)
{
    char cmd[256];
    FILE *p;
    int n = -1;
    snprintf(cmd, sizeof cmd, "ls -A %s | wc -l", dir);
    if ((p = popen(cmd, "r")) != NULL)
    {
        if (fscanf(p, "%d", &n) != 1)
            n = -1;
        pclose(p);
    }
    return n;
}

/* The old content stays until commit; abort and failures leave no
   temporary file; devices are written directly; a symbolic link stays a
   link; the new file has the usual mode, not mkstemp's 0600. */
static void test_outfile(void)
{
    char dir[64], path[128], link[128], *s;
    sc_outfile o;
    struct stat sb;
    mode_t mask = umask(022);

    strcpy(dir, "/tmp/t-common-XXXXXX");
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/out.txt", dir);
    snprintf(link, sizeof link, "%s/link.txt", dir);

    CU_ASSERT_EQUAL(sc_outfile_open(&o, path), SC_OK);
    fputs("first\n", o.f);
    CU_ASSERT(access(path, F_OK) != 0);         /* nothing at the target yet */
    CU_ASSERT_EQUAL(nfiles(dir), 1);            /* the temporary file */
    CU_ASSERT_EQUAL(sc_outfile_commit(&o), SC_OK);
    s = slurp(path);
    CU_ASSERT(s != NULL && strcmp(s, "first\n") == 0);
    free(s);
    CU_ASSERT(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0644);

    CU_ASSERT_EQUAL(sc_outfile_open(&o, path), SC_OK);
    fputs("second\n", o.f);
    s = slurp(path);
    CU_ASSERT(s != NULL && strcmp(s, "first\n") == 0);   /* old content until commit */
    free(s);
    sc_outfile_abort(&o);
    s = slurp(path);
    CU_ASSERT(s != NULL && strcmp(s, "first\n") == 0);
    free(s);
    CU_ASSERT_EQUAL(nfiles(dir), 1);

    /* through a symbolic link: the link stays, its target is replaced */
    CU_ASSERT_FATAL(symlink("out.txt", link) == 0);
    CU_ASSERT_EQUAL(sc_outfile_open(&o, link), SC_OK);
    fputs("third\n", o.f);
    CU_ASSERT_EQUAL(sc_outfile_commit(&o), SC_OK);
    CU_ASSERT(lstat(link, &sb) == 0 && S_ISLNK(sb.st_mode));
    s = slurp(path);
    CU_ASSERT(s != NULL && strcmp(s, "third\n") == 0);
    free(s);

    /* cannot be created: SC_ERR_INPUT, naming the path */
    CU_ASSERT_EQUAL(sc_outfile_open(&o, "/nonexistent-dir/x.csv"), SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "cannot write '/nonexistent-dir/x.csv'") != NULL);
    CU_ASSERT_EQUAL(sc_outfile_open(&o, dir), SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "is a directory") != NULL);
    CU_ASSERT_EQUAL(sc_outfile_open(&o, ""), SC_ERR_INPUT);

    /* devices: written directly (never replaced by a regular file) */
    CU_ASSERT_EQUAL(sc_outfile_open(&o, "/dev/null"), SC_OK);
    CU_ASSERT(o.tmp == NULL);
    fputs("x\n", o.f);
    CU_ASSERT_EQUAL(sc_outfile_commit(&o), SC_OK);
    CU_ASSERT_EQUAL(sc_outfile_open(&o, "/dev/full"), SC_OK);
    fputs("x\n", o.f);
    CU_ASSERT_EQUAL(sc_outfile_commit(&o), SC_ERR_IO);
    CU_ASSERT(strstr(sc_last_error(), "cannot write '/dev/full'") != NULL);
    CU_ASSERT(stat("/dev/full", &sb) == 0 && S_ISCHR(sb.st_mode));

    /* the signal handler's clean-up removes open temporary files */
    CU_ASSERT_EQUAL(sc_outfile_open(&o, path), SC_OK);
    CU_ASSERT_EQUAL(nfiles(dir), 3);
    sc_outfile_remove_temps();
    CU_ASSERT_EQUAL(nfiles(dir), 2);
    sc_outfile_abort(&o);

    unlink(link);
    unlink(path);
    rmdir(dir);
    umask(mask);
}

SC_TEST_MAIN("common",
    SC_TEST(test_budget),
    SC_TEST(test_budget_nested),
    SC_TEST(test_budget_defaults),
    SC_TEST(test_outfile))
