/* Tests of the report: a small report written to a temporary directory
   (no PDF) has every section, and its numbers are exactly the certified
   digit strings (sc_arb_digits) of enclosures computed here independently
   from closed forms (doc/model.md, sections 2-6): relu K(1) = K'(1) = 1/2,
   lambda = -1/2, c_{1/2} = 1/8 at d = 4; erf K(1) = (2/pi) asin(2/3),
   K'(1) = 4/(pi sqrt 5); the RQF spectra and hitting probabilities.  Each
   section is also written alone; progress lines go to stderr; a directory
   or file that cannot be written gives SC_ERR_INPUT with a message and
   leaves an existing report intact. */
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include "sc_test.h"
#include "synccert/report.h"
#include "synccert/table.h"
#include "synccert/print.h"
#include "../src/report/sections.h"

static char *slurp_file(FILE *f)
{
    long n;
    char *s;
    fflush(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    s = malloc(n + 1);
    s[fread(s, 1, n, f)] = '\0';
    return s;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    char *s;
    if (f == NULL)
        return NULL;
    s = slurp_file(f);
    fclose(f);
    return s;
}

/* The small report, written once with progress on (stderr captured). */
static struct
{
    char dir[64], path[128];
    int st;
    sc_report_opts o;
    char *tex, *summary, *progress;
}
R;

static void remove_report(void)
{
    remove(R.path);
    rmdir(R.dir);
}

static void make_report(void)
{
    FILE *sum, *err;
    int saved;
    if (R.tex != NULL)
        return;
    strcpy(R.dir, "/tmp/t-report-XXXXXX");
    CU_ASSERT_FATAL(mkdtemp(R.dir) != NULL);
    snprintf(R.path, sizeof R.path, "%s/synccert-report.tex", R.dir);
    atexit(remove_report);
    sum = tmpfile();
    err = tmpfile();
    sc_report_opts_init(&R.o);
    R.o.dir = R.dir;
    R.o.small = 1;
    R.o.compile = 0;
    R.o.progress = 1;
    R.o.summary = sum;
    fflush(stderr);
    saved = dup(2);
    dup2(fileno(err), 2);
    R.st = sc_report_write(&R.o);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    R.tex = slurp(R.path);
    R.summary = slurp_file(sum);
    R.progress = slurp_file(err);
    fclose(sum);
    fclose(err);
    CU_ASSERT_FATAL(R.tex != NULL);
}

/* x printed with `digits` certified digits, laid out as in a table. */
static char *tex_of(const arb_t x, slong digits, int split)
{
    char *d = sc_arb_digits(x, digits), *t = sc_tex_number(d, split);
    flint_free(d);
    return t;
}

/* Does the document have a line that starts with `prefix`? */
static int has_line(const char *doc, const char *prefix)
{
    const char *p;
    size_t n = strlen(prefix);
    if (strncmp(doc, prefix, n) == 0)
        return 1;
    for (p = strchr(doc, '\n'); p != NULL; p = strchr(p + 1, '\n'))
        if (strncmp(p + 1, prefix, n) == 0)
            return 1;
    return 0;
}

static void assert_line(const char *doc, const char *line)
{
    if (!has_line(doc, line))
        printf("\n  no line starting with: %s\n", line);
    CU_ASSERT(has_line(doc, line));
}

static void test_sections_present(void)
{
    static const char *const want[] = {
        "\\section{The model}", "\\section{How to read the numbers}", "\\section{The dual kernel}",
        "\\label{tab:kernel}", "\\section{Synchronisation}", "\\label{tab:sync}", "\\label{fig:lambda}",
        "\\section{Certified regions}", "\\label{fig:regions}", "\\section{Coercivity of the noise}",
        "\\label{tab:coerc}", "\\section{The random quadratic form}", "\\label{tab:rqf}",
        "\\section{Simulated versus certified values}", "\\section{Reproducing this report}",
        "\\end{document}", NULL
    };
    const char *prev = NULL, *p;
    int i;
    make_report();
    CU_ASSERT_EQUAL(R.st, SC_OK);
    CU_ASSERT(R.o.compiled == 0 && R.o.latexmk_missing == 0);
    /* in this order, once each */
    for (i = 0; want[i] != NULL; i++)
    {
        p = strstr(R.tex, want[i]);
        if (p == NULL || (prev != NULL && p < prev))
            printf("\n  missing or out of order: %s\n", want[i]);
        CU_ASSERT(p != NULL && (prev == NULL || p > prev));
        CU_ASSERT(p == NULL || strstr(p + 1, want[i]) == NULL);
        prev = p;
    }
    CU_ASSERT(strstr(R.tex, "not available") == NULL);
    CU_ASSERT(strstr(R.tex, "could not be produced") == NULL);
    CU_ASSERT(strstr(R.tex, "--small") != NULL);
    /* written through a temporary file, which is gone */
    {
        char part[160];
        snprintf(part, sizeof part, "%s.part", R.path);
        CU_ASSERT(access(part, F_OK) != 0);
    }
}

static void test_summary_and_progress(void)
{
    static const char *const steps[] = {
        "synccert report: kernel table\n", "synccert report: synchronisation table\n",
        "synccert report: figure: lambda against d\n", "synccert report: figure: certified regions",
        "synccert report: coercivity table\n", "synccert report: RQF section\n",
        "synccert report: section: Simulated versus certified values\n", NULL
    };
    int i;
    make_report();
    CU_ASSERT(strstr(R.summary, "0 undecided entries") != NULL);
    CU_ASSERT_EQUAL(R.o.undecided, 0);
    CU_ASSERT(strstr(R.summary, R.path) != NULL);
    CU_ASSERT(strstr(R.summary, "relu        none         4   -0.5000000000") != NULL);
    for (i = 0; steps[i] != NULL; i++)
        CU_ASSERT(strstr(R.progress, steps[i]) != NULL);
    CU_ASSERT(strstr(R.progress, "synccert: [1/4] relu ...") != NULL);   /* per table row */
}

/* relu: K(1) = K'(1) = 1/2, v = 1, lambda(d) = -1/2, p* = 1, c_{1/2} = 1/8 at d = 4. */
static void test_relu_numbers(void)
{
    arb_t half, one, mhalf, eighth;
    char *h, *o1, *mh, *e, line[512];
    make_report();
    arb_init(half); arb_init(one); arb_init(mhalf); arb_init(eighth);
    arb_set_si(half, 1); arb_mul_2exp_si(half, half, -1);
    arb_one(one);
    arb_neg(mhalf, half);
    arb_set_si(eighth, 1); arb_mul_2exp_si(eighth, eighth, -3);
    h = tex_of(half, 10, 1);
    o1 = tex_of(one, 10, 1);
    mh = tex_of(mhalf, 10, 1);
    e = tex_of(eighth, 6, 1);
    CU_ASSERT_STRING_EQUAL(mh, "$-$0 & .5000000000");
    snprintf(line, sizeof line, "\\texttt{relu} & %s & %s & ", h, h);
    assert_line(R.tex, line);
    CU_ASSERT(strstr(R.tex, o1) != NULL);
    snprintf(line, sizeof line, "\\texttt{relu} & \\multicolumn{2}{c}{none} & 4 & %s & %s & yes \\\\", mh, o1);
    assert_line(R.tex, line);
    snprintf(line, sizeof line, " & & & 32 & %s & %s & yes \\\\", mh, o1);
    assert_line(R.tex, line);
    /* at least these 6 digits of 1/8 (more when the enclosure allows) */
    snprintf(line, sizeof line, "\\texttt{relu} & 4 & %s", e);
    assert_line(R.tex, line);
    flint_free(h); flint_free(o1); flint_free(mh); flint_free(e);
    arb_clear(half); arb_clear(one); arb_clear(mhalf); arb_clear(eighth);
}

/* erf (c = 1): K(1) = (2/pi) asin(2/3), K'(1) = 4/(pi sqrt 5), K(-1) = -K(1),
   v = K(1) + K'(1), d* = (3K'(1) - K(1))/(K'(1) - K(1)),
   lambda(d) = ((d-3) K'(1) - (d-1) K(1))/2, p* = -2 lambda / v. */
static void test_erf_numbers(void)
{
    slong prec = 256;
    arb_t K, dK, t, v, ds, lam, ps;
    char *sK, *sdK, *smK, *sv, *sds, *sl, *sp, line[512];
    make_report();
    arb_init(K); arb_init(dK); arb_init(t); arb_init(v); arb_init(ds); arb_init(lam); arb_init(ps);
    /* asin(2/3) = atan(2/sqrt 5) */
    arb_sqrt_ui(t, 5, prec);
    arb_const_pi(v, prec);
    arb_mul(dK, v, t, prec);
    arb_ui_div(dK, 4, dK, prec);
    arb_ui_div(K, 2, t, prec);
    arb_atan(K, K, prec);
    arb_div(K, K, v, prec);
    arb_mul_2exp_si(K, K, 1);
    arb_add(v, K, dK, prec);
    arb_mul_si(ds, dK, 3, prec);
    arb_sub(ds, ds, K, prec);
    arb_sub(t, dK, K, prec);
    arb_div(ds, ds, t, prec);
    arb_mul_si(lam, K, -3, prec);       /* d = 4 */
    arb_add(lam, lam, dK, prec);
    arb_mul_2exp_si(lam, lam, -1);
    arb_mul_si(ps, lam, -2, prec);
    arb_div(ps, ps, v, prec);
    sK = tex_of(K, 10, 1);
    sdK = tex_of(dK, 10, 1);
    arb_neg(K, K);
    smK = tex_of(K, 10, 1);
    sv = tex_of(v, 10, 1);
    sds = tex_of(ds, 10, 1);
    sl = tex_of(lam, 10, 1);
    sp = tex_of(ps, 10, 1);
    snprintf(line, sizeof line, "\\texttt{erf:c=1} & %s & %s & %s & %s & attracting \\\\", sK, sdK, smK, sv);
    assert_line(R.tex, line);
    snprintf(line, sizeof line, "\\texttt{erf:c=1} & %s & 4 & %s & %s & yes \\\\", sds, sl, sp);
    assert_line(R.tex, line);
    CU_ASSERT(strstr(sds, "11 & .") == sds);    /* d* = 11.86...: the verdict flips between 4 and 32 */
    flint_free(sK); flint_free(sdK); flint_free(smK); flint_free(sv);
    flint_free(sds); flint_free(sl); flint_free(sp);
    arb_clear(K); arb_clear(dK); arb_clear(t); arb_clear(v); arb_clear(ds); arb_clear(lam); arb_clear(ps);
}

/* RQF: lambda_k = (n + 1 - 2k)/2 exactly; the linear activation's lambda is
   -1 in every dimension; P(sync) = 1 - theta0/pi. */
static void test_rqf_numbers(void)
{
    arb_t x, y;
    char *m1, *p34, *p14, line[512];
    make_report();
    arb_init(x); arb_init(y);
    arb_set_si(x, -1);
    m1 = tex_of(x, 10, 1);
    arb_set_si(x, 3); arb_mul_2exp_si(x, x, -2);
    arb_set_si(y, 1); arb_mul_2exp_si(y, y, -2);
    p34 = tex_of(x, 10, 0);
    p14 = sc_arb_digits(y, 10);
    snprintf(line, sizeof line, "2 & $\\tfrac{1}{2}$, $-\\tfrac{1}{2}$ & 0 & %s \\\\", m1);
    assert_line(R.tex, line);
    snprintf(line, sizeof line, "3 & 1, 0, $-$1 & 0 & %s \\\\", m1);
    assert_line(R.tex, line);
    snprintf(line, sizeof line, "4 & $\\tfrac{3}{2}$, $\\tfrac{1}{2}$, $-\\tfrac{1}{2}$, $-\\tfrac{3}{2}$ & 0 & %s \\\\", m1);
    assert_line(R.tex, line);
    CU_ASSERT(!has_line(R.tex, "5 & "));    /* small: n <= 4 */
    snprintf(line, sizeof line, "$\\theta_0=\\pi/4$: $P(\\text{sync})=$ %s, $P(\\text{antipodal})=$ %s;", p34, p14);
    CU_ASSERT(strstr(R.tex, line) != NULL);
    flint_free(m1); flint_free(p34); flint_free(p14);
    arb_clear(x); arb_clear(y);
}

/* Each built-in section alone writes its own \section and nothing else. */
static void test_sections_alone(void)
{
    static const struct { void (*fn)(FILE *, sc_report_opts *); const char *title, *label; } sec[] = {
        { _sc_report_sec_model, "\\section{The model}", NULL },
        { _sc_report_sec_kernel, "\\section{The dual kernel}", "\\label{tab:kernel}" },
        { _sc_report_sec_rqf, "\\section{The random quadratic form}", "\\label{tab:rqf}" },
        { _sc_report_sec_coercivity, "\\section{Coercivity of the noise}", "\\label{tab:coerc}" },
    };
    sc_report_opts o;
    size_t i;
    sc_report_opts_init(&o);
    o.small = 1;
    for (i = 0; i < sizeof(sec) / sizeof(sec[0]); i++)
    {
        FILE *f = tmpfile();
        char *s, *p;
        int n = 0;
        sec[i].fn(f, &o);
        s = slurp_file(f);
        fclose(f);
        CU_ASSERT(strncmp(s, sec[i].title, strlen(sec[i].title)) == 0);
        CU_ASSERT(sec[i].label == NULL || strstr(s, sec[i].label) != NULL);
        for (p = strstr(s, "\\section{"); p != NULL; p = strstr(p + 1, "\\section{"))
            n++;
        CU_ASSERT_EQUAL(n, sec[i].fn == _sc_report_sec_model ? 2 : 1);
        CU_ASSERT(strstr(s, "\\documentclass") == NULL && strstr(s, "\\end{document}") == NULL);
        free(s);
    }
    CU_ASSERT_EQUAL(o.undecided, 0);
}

/* Unwritable places and bad names: SC_ERR_INPUT with a message; a stopped
   run writes nothing and an existing report stays. */
static void test_errors(void)
{
    char dir[64], path[160], bad[160], *old;
    sc_report_opts o;
    FILE *f;
    strcpy(dir, "/tmp/t-report-XXXXXX");
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    sc_report_opts_init(&o);
    o.compile = 0;
    o.small = 1;

    /* a directory below a regular file */
    snprintf(path, sizeof path, "%s/file", dir);
    f = fopen(path, "w");
    fclose(f);
    snprintf(bad, sizeof bad, "%s/file/sub", dir);
    o.dir = bad;
    CU_ASSERT_EQUAL(sc_report_write(&o), SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "cannot create directory") != NULL);
    CU_ASSERT(strstr(sc_last_error(), bad) != NULL);
    remove(path);

    o.dir = "";
    CU_ASSERT_EQUAL(sc_report_write(&o), SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "empty output directory") != NULL);
    o.dir = dir;
    o.name = "a/b";
    CU_ASSERT_EQUAL(sc_report_write(&o), SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "bad report name") != NULL);

    /* a report name that is not a plain file name (latexmk runs without a
       shell, but a name must not read as an option or need quoting) */
    {
        const char *names[] = { "-pdf", "a$b%c", "a\nb", ".hidden", "a b", "" };
        size_t i;
        for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        {
            o.name = names[i];
            CU_ASSERT_EQUAL(sc_report_write(&o), SC_ERR_INPUT);
            CU_ASSERT(strstr(sc_last_error(), "bad report name") != NULL);
        }
    }

    /* the target is a directory: cannot write, nothing created */
    o.name = "r";
    snprintf(path, sizeof path, "%s/r.tex", dir);
    CU_ASSERT_FATAL(mkdir(path, 0700) == 0);
    CU_ASSERT_EQUAL(sc_report_write(&o), SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "cannot write") != NULL);
    CU_ASSERT(strstr(sc_last_error(), path) != NULL);
    rmdir(path);

    /* a run stopped by an interruption or by the run's deadline writes
       nothing: the old report stays and no temporary file is left */
    f = fopen(path, "w");
    fputs("old report\n", f);
    fclose(f);
    sc_interrupt(2);
    CU_ASSERT_EQUAL(sc_report_write(&o), SC_ERR_INTERRUPTED);
    sc_interrupt_clear();
    sc_deadline_set(1e-9);
    CU_ASSERT_EQUAL(sc_report_write(&o), SC_ERR_BUDGET);
    CU_ASSERT(strstr(sc_last_error(), "time budget") != NULL);
    sc_deadline_set(0);
    old = slurp(path);
    CU_ASSERT(old != NULL && strcmp(old, "old report\n") == 0);
    free(old);
    snprintf(bad, sizeof bad, "ls -A %s | wc -l | grep -qx 1", dir);   /* r.tex only */
    CU_ASSERT(system(bad) == 0);
    remove(path);
    snprintf(path, sizeof path, "%s/file", dir);
    remove(path);
    rmdir(dir);
}

SC_TEST_MAIN("report",
    SC_TEST(test_sections_present),
    SC_TEST(test_summary_and_progress),
    SC_TEST(test_relu_numbers),
    SC_TEST(test_erf_numbers),
    SC_TEST(test_rqf_numbers),
    SC_TEST(test_sections_alone),
    SC_TEST(test_errors))
