/* Tests of the table library: every printed digit string is consistent with
   its enclosure (|x - S| <= u/2, re-checked here with exact arithmetic from
   the printed string), known values and verdicts, list parsing, and the
   LaTeX layout of numbers (which must not change a digit). */
#include <string.h>
#include <stdlib.h>
#include "sc_test.h"
#include "synccert/table.h"
#include "synccert/parse.h"
#include "synccert/print.h"

/* S and the unit u = 10^(E - k) of the last digit of a digit string. */
static int parse_digits(fmpq_t S, fmpq_t u, const char *s)
{
    const char *dot = strchr(s, '.'), *e = strchr(s, 'e');
    slong k = 0, E = e ? atol(e + 1) : 0;
    fmpz_t t;
    if (sc_parse_fmpq(S, s, "digits") != SC_OK)
        return 0;
    if (dot)
        k = (e ? e : s + strlen(s)) - dot - 1;
    fmpz_init(t);
    fmpz_ui_pow_ui(t, 10, (ulong) FLINT_ABS(E - k));
    if (E - k >= 0)
    {
        fmpq_one(u);
        fmpq_mul_fmpz(u, u, t);
    }
    else
    {
        fmpq_one(u);
        fmpq_div_fmpz(u, u, t);
    }
    fmpz_clear(t);
    return 1;
}

/* The printer's claim: every value of x lies in [S - u/2, S + u/2]. */
static int claim_holds(const arb_t x, const char *s)
{
    fmpq_t S, u, a, b;
    arb_t iv;
    int ok;
    if (strcmp(s, "inf") == 0)
        return arf_is_pos_inf(arb_midref(x));
    if (strcmp(s, "-inf") == 0)
        return arf_is_neg_inf(arb_midref(x));
    fmpq_init(S); fmpq_init(u); fmpq_init(a); fmpq_init(b);
    arb_init(iv);
    ok = parse_digits(S, u, s);
    if (ok)
    {
        arf_t lo, hi;
        fmpq_div_2exp(u, u, 1);
        fmpq_sub(a, S, u);
        fmpq_add(b, S, u);
        /* [a, b] as an exact-endpoint comparison: a <= lower(x), upper(x) <= b */
        arf_init(lo); arf_init(hi);
        arb_get_lbound_arf(lo, x, 2000);
        arb_get_ubound_arf(hi, x, 2000);
        {
            arb_t A, B, L, H;
            arb_init(A); arb_init(B); arb_init(L); arb_init(H);
            arb_set_fmpq(A, a, 4000);
            arb_set_fmpq(B, b, 4000);
            arb_set_arf(L, lo);
            arb_set_arf(H, hi);
            /* A <= L and H <= B, decided (ties allowed: arb_le is certain) */
            ok = arb_le(A, L) && arb_le(H, B);
            arb_clear(A); arb_clear(B); arb_clear(L); arb_clear(H);
        }
        arf_clear(lo); arf_clear(hi);
    }
    fmpq_clear(S); fmpq_clear(u); fmpq_clear(a); fmpq_clear(b);
    arb_clear(iv);
    return ok;
}

static void compute(sc_table *t, const char *acts, const char *dims, const char *q)
{
    sc_table_init(t);
    CU_ASSERT_EQUAL_FATAL(sc_table_set_acts(t, acts), SC_OK);
    CU_ASSERT_EQUAL_FATAL(sc_table_set_dims(t, dims), SC_OK);
    CU_ASSERT_EQUAL_FATAL(sc_table_set_quantities(t, q), SC_OK);
    CU_ASSERT_EQUAL_FATAL(sc_table_compute(t), SC_OK);
}

static const char *cellstr(const sc_table *t, slong ia, slong id, int q)
{
    return sc_table_cell(t, ia, id, q)->str;
}

static void test_digits_inside_enclosures(void)
{
    sc_table t;
    slong ia, id, n = 0, i;
    compute(&t, "linear,relu,leaky_relu:alpha=0.1,abs,step,sign,erf:c=2,tanh,gelu,sin,cos,"
                "hermite:a1=1,a2=1/2", "2,3,4,17,64", "all");
    for (ia = 0; ia < t.nacts; ia++)
        for (id = 0; id < t.ndims; id++)
            for (i = 0; i < t.nq; i++)
            {
                const sc_tcell *c = sc_table_cell(&t, ia, sc_table_qdim(t.q[i]) ? id : 0, t.q[i]);
                if (c->kind != SC_CELL_NUM)
                    continue;
                n++;
                if (!claim_holds(c->x, c->str))
                {
                    printf("\n  %s: '%s' is not within u/2 of ", sc_table_qname(t.q[i]), c->str);
                    arb_printn(c->x, 30, 0);
                    printf("\n");
                }
                CU_ASSERT(claim_holds(c->x, c->str));
            }
    CU_ASSERT(n > 100);
    sc_table_clear(&t);
}

static void test_claim_checker_rejects(void)
{
    /* the checker itself must reject wrong strings */
    arb_t x;
    arb_init(x);
    arb_set_str(x, "[0.39429449040 +/- 1e-15]", 200);
    CU_ASSERT(claim_holds(x, "0.3942944904"));
    CU_ASSERT(!claim_holds(x, "0.3942944905"));
    CU_ASSERT(!claim_holds(x, "0.3942944903"));
    CU_ASSERT(claim_holds(x, "0.39429"));
    CU_ASSERT(!claim_holds(x, "0.39430"));
    arb_set_str(x, "[-4e-21 +/- 1e-25]", 200);
    CU_ASSERT(claim_holds(x, "0e-20"));
    CU_ASSERT(!claim_holds(x, "0e-22"));
    arb_clear(x);
}

static void test_known_values(void)
{
    sc_table t;
    compute(&t, "relu,tanh,gelu,step,sigmoid", "3,4,32", "K1,dK1,dstar,lambda,pstar,verdict");
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 0, 0, SC_TQ_K1), "0.5000000000");
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 0, 1, SC_TQ_LAMBDA), "-0.5000000000");
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 0, 1, SC_TQ_PSTAR), "1.000000000");
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 0, 0, SC_TQ_DSTAR), "none");
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 1, 0, SC_TQ_K1), "0.3942944904");      /* doc/model.md, section 2 */
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 1, 0, SC_TQ_DK1), "0.4644029024");
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 1, 1, SC_TQ_VERDICT), "yes");
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 1, 2, SC_TQ_VERDICT), "no");
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 1, 2, SC_TQ_PSTAR), "--");
    CU_ASSERT(strncmp(cellstr(&t, 2, 0, SC_TQ_DSTAR), "30.7", 4) == 0);         /* about 30.8 */
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 3, 0, SC_TQ_DK1), "inf");
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 3, 0, SC_TQ_LAMBDA), "undefined");      /* d = 3 */
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 3, 1, SC_TQ_VERDICT), "no");
    CU_ASSERT_STRING_EQUAL(cellstr(&t, 4, 0, SC_TQ_DSTAR), "none");            /* sigmoid K'(1) < K(1) */
    sc_table_clear(&t);
}

static void test_coercivity_cell(void)
{
    sc_table t;
    sc_table_init(&t);
    sc_table_set_acts(&t, "relu");
    sc_table_set_dims(&t, "4");
    sc_table_set_quantities(&t, "cp");
    CU_ASSERT_EQUAL(sc_table_compute(&t), SC_OK);
    /* c_{1/2} = 1/8 for relu, d >= 4 (doc/model.md section 5) */
    SC_ASSERT_CONTAINS_STR(sc_table_cell(&t, 0, 0, SC_TQ_CP)->x, "0.125");
    CU_ASSERT(strncmp(cellstr(&t, 0, 0, SC_TQ_CP), "0.125", 5) == 0);
    sc_table_clear(&t);
}

static void test_lists(void)
{
    sc_table t;
    sc_table_init(&t);
    CU_ASSERT_EQUAL(sc_table_set_acts(&t, "leaky_relu:alpha=0.1,relu,hermite:a1=1,a2=1/2,tanh"), SC_OK);
    CU_ASSERT_EQUAL(t.nacts, 4);
    CU_ASSERT_STRING_EQUAL(t.acts[2].def->name, "hermite");
    CU_ASSERT_EQUAL(sc_table_set_acts(&t, "all"), SC_OK);
    CU_ASSERT(t.nacts >= 16);
    CU_ASSERT_EQUAL(sc_table_set_acts(&t, "relu,foo"), SC_ERR_INPUT);
    CU_ASSERT_EQUAL(sc_table_set_acts(&t, "relu,,tanh"), SC_ERR_INPUT);
    CU_ASSERT_EQUAL(sc_table_set_acts(&t, "alpha=1,relu"), SC_ERR_INPUT);
    CU_ASSERT_EQUAL(sc_table_set_dims(&t, "2,3,100"), SC_OK);
    CU_ASSERT_EQUAL(t.ndims, 3);
    CU_ASSERT_EQUAL(sc_table_set_dims(&t, "1"), SC_ERR_INPUT);
    CU_ASSERT_EQUAL(sc_table_set_dims(&t, "4,"), SC_ERR_INPUT);
    CU_ASSERT_EQUAL(sc_table_set_dims(&t, "4.5"), SC_ERR_INPUT);
    CU_ASSERT_EQUAL(sc_table_set_quantities(&t, "lambda,K1"), SC_OK);
    CU_ASSERT_EQUAL(t.nq, 2);
    CU_ASSERT_EQUAL(sc_table_set_quantities(&t, "K1,K1"), SC_ERR_INPUT);
    CU_ASSERT_EQUAL(sc_table_set_quantities(&t, "kappa"), SC_ERR_INPUT);
    CU_ASSERT_EQUAL(sc_table_set_quantities(&t, "all"), SC_OK);
    CU_ASSERT_EQUAL(t.nq, SC_TQ_N);
    sc_table_clear(&t);
}

static void test_tex_number(void)
{
    char *s;
    s = sc_tex_number("-0.3592402844", 1);
    CU_ASSERT_STRING_EQUAL(s, "$-$0 & .3592402844");
    flint_free(s);
    s = sc_tex_number("30.76559237", 0);
    CU_ASSERT_STRING_EQUAL(s, "30.76559237");
    flint_free(s);
    s = sc_tex_number("1.2345e-7", 1);
    CU_ASSERT_STRING_EQUAL(s, "1 & .2345${}\\times 10^{-7}$");
    flint_free(s);
    s = sc_tex_number("3", 1);
    CU_ASSERT_STRING_EQUAL(s, "3 & ");
    flint_free(s);
    s = sc_tex_number("inf", 1);
    CU_ASSERT(strstr(s, "\\infty") != NULL);
    flint_free(s);
    s = sc_tex_escape("leaky_relu:alpha=0.1 & 50%");
    CU_ASSERT_STRING_EQUAL(s, "leaky\\_relu:alpha=0.1 \\& 50\\%");
    flint_free(s);
}

/* The LaTeX table carries every cell's digit string unchanged. */
static void test_latex_carries_digits(void)
{
    sc_table t;
    FILE *f = tmpfile();
    char *buf;
    long len;
    slong ia, id;
    compute(&t, "tanh,gelu,relu", "4,32", "K1,lambda,verdict");
    CU_ASSERT_EQUAL(sc_table_write(f, &t, SC_TF_LATEX, "tab:x", NULL), SC_OK);
    len = ftell(f);
    rewind(f);
    buf = malloc(len + 1);
    CU_ASSERT_EQUAL(fread(buf, 1, len, f), (size_t) len);
    buf[len] = '\0';
    CU_ASSERT(strstr(buf, "\\toprule") && strstr(buf, "\\bottomrule") && strstr(buf, "\\label{tab:x}"));
    CU_ASSERT(strstr(buf, "correctly rounded") != NULL);
    for (ia = 0; ia < t.nacts; ia++)
        for (id = 0; id < t.ndims; id++)
        {
            char *tx = sc_tex_number(cellstr(&t, ia, id, SC_TQ_LAMBDA), 1);
            CU_ASSERT(strstr(buf, tx) != NULL);
            flint_free(tx);
        }
    free(buf);
    fclose(f);
    sc_table_clear(&t);
}

/* Counting printed cells: d-independent quantities once per activation. */
static void test_count(void)
{
    sc_table t;
    sc_table_init(&t);
    CU_ASSERT_EQUAL(sc_table_count(&t, SC_CELL_EMPTY), 0);     /* not computed */
    sc_table_clear(&t);
    compute(&t, "relu,tanh", "4,32", "K1,verdict");
    CU_ASSERT_EQUAL(sc_table_count(&t, SC_CELL_NUM), 2);       /* K(1) of relu, tanh */
    CU_ASSERT_EQUAL(sc_table_count(&t, SC_CELL_WORD), 4);      /* yes/no at d = 4, 32 */
    CU_ASSERT_EQUAL(sc_table_count(&t, SC_CELL_UNDECIDED), 0);
    CU_ASSERT_EQUAL(sc_table_count(&t, SC_CELL_EMPTY), 0);     /* only requested cells count */
    sc_table_clear(&t);
}

static void test_parse_format(void)
{
    int f = -1;
    CU_ASSERT(sc_table_parse_format(&f, "latex") == SC_OK && f == SC_TF_LATEX);
    CU_ASSERT(sc_table_parse_format(&f, "csv") == SC_OK && f == SC_TF_CSV);
    CU_ASSERT(sc_table_parse_format(&f, "md") == SC_OK && f == SC_TF_MARKDOWN);
    CU_ASSERT(sc_table_parse_format(&f, "markdown") == SC_OK && f == SC_TF_MARKDOWN);
    CU_ASSERT(sc_table_parse_format(&f, "text") == SC_OK && f == SC_TF_TEXT);
    CU_ASSERT_EQUAL(sc_table_parse_format(&f, "pdf"), SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "unknown format 'pdf'") != NULL);
    CU_ASSERT_EQUAL(f, SC_TF_TEXT);     /* unchanged on error */
}

SC_TEST_MAIN("table",
    SC_TEST(test_claim_checker_rejects),
    SC_TEST(test_digits_inside_enclosures),
    SC_TEST(test_known_values),
    SC_TEST(test_coercivity_cell),
    SC_TEST(test_lists),
    SC_TEST(test_tex_number),
    SC_TEST(test_latex_carries_digits),
    SC_TEST(test_count),
    SC_TEST(test_parse_format))
