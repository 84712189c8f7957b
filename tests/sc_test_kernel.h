/* Test helper: the kernel of an activation spec at exact decimal inputs. */
#ifndef SC_TEST_KERNEL_H
#define SC_TEST_KERNEL_H

#include "sc_test.h"
#include "synccert/kernel.h"
#include "synccert/parse.h"

/* Status of sc_kernel_eval for activation `spec` at decimal rho, q, s. */
static int sc_test_kernel(arb_t K, arb_t dK, const char *spec, const char *rho, const char *q,
                          const char *s, int method, slong prec)
{
    sc_act_t a;
    arb_ptr p;
    arb_t r, qb, sb;
    fmpq_t x;
    int st;
    sc_act_init(a);
    CU_ASSERT_FATAL(sc_act_parse(a, spec) == SC_OK);
    p = sc_act_params(a, prec);
    arb_init(r);
    arb_init(qb);
    arb_init(sb);
    fmpq_init(x);
    sc_parse_fmpq(x, rho, "rho");
    arb_set_fmpq(r, x, prec);
    sc_parse_fmpq(x, q, "q");
    arb_set_fmpq(qb, x, prec);
    sc_parse_fmpq(x, s, "s");
    arb_set_fmpq(sb, x, prec);
    st = sc_kernel_eval(K, dK, a->def, p, a->npar, r, qb, sb, method, prec);
    sc_act_params_clear(p, a);
    sc_act_clear(a);
    arb_clear(r);
    arb_clear(qb);
    arb_clear(sb);
    fmpq_clear(x);
    return st;
}

#endif
