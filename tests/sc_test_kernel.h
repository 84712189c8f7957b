/* Test helper: the kernel of an activation spec at exact decimal inputs. */
#ifndef SC_TEST_KERNEL_H
#define SC_TEST_KERNEL_H

#include "sc_test.h"
#include "synccert/kernel.h"
#include "synccert/parse.h"

/* sc_kernel_eval of act at exact rho, q, s with one method (K or dK may be
   NULL); the status. */
static inline int sc_test_kernel_q(arb_t K, arb_t dK, const sc_act_t act, const fmpq_t rho,
                                   const fmpq_t q, const fmpq_t s, int method, slong prec)
{
    arb_ptr p = sc_act_params(act, prec);
    arb_t r, qb, sb;
    int st;
    arb_init(r);
    arb_init(qb);
    arb_init(sb);
    arb_set_fmpq(r, rho, prec);
    arb_set_fmpq(qb, q, prec);
    arb_set_fmpq(sb, s, prec);
    st = sc_kernel_eval(K, dK, act->def, p, act->npar, r, qb, sb, method, prec);
    sc_act_params_clear(p, act);
    arb_clear(r);
    arb_clear(qb);
    arb_clear(sb);
    return st;
}

/* Status of sc_kernel_eval for activation `spec` at decimal rho, q, s. */
static inline int sc_test_kernel(arb_t K, arb_t dK, const char *spec, const char *rho, const char *q,
                                 const char *s, int method, slong prec)
{
    sc_act_t a;
    fmpq_t r, qq, ss;
    int st;
    sc_act_init(a);
    CU_ASSERT_FATAL(sc_act_parse(a, spec) == SC_OK);
    fmpq_init(r);
    fmpq_init(qq);
    fmpq_init(ss);
    sc_parse_fmpq(r, rho, "rho");
    sc_parse_fmpq(qq, q, "q");
    sc_parse_fmpq(ss, s, "s");
    st = sc_test_kernel_q(K, dK, a, r, qq, ss, method, prec);
    sc_act_clear(a);
    fmpq_clear(r);
    fmpq_clear(qq);
    fmpq_clear(ss);
    return st;
}

#endif
