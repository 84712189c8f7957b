/* Closed-form Gaussian smoothing of piecewise-polynomial expressions
   (relu6, hardtanh, hardsigmoid, hardswish, clamps; doc/model.md 2.6): with
   the pieces P_j between the kinks k_{j-1} < k_j (k_{-1} = -inf, k_n = inf),
     E[phi(a + bY)] = sum_j int_{w_{j-1}}^{w_j} P_j(a + b w) phi_G(w) dw,
   w_j = (k_j - a)/b.  P_j(a + b w) = sum_m q_m w^m, and the truncated
   moments T_m = int_l^r w^m phi_G(w) dw follow from integration by parts:
     T_0 = Phi(r) - Phi(l),  T_1 = phi_G(l) - phi_G(r),
     T_m = l^{m-1} phi_G(l) - r^{m-1} phi_G(r) + (m - 1) T_{m-2},
   with w^k phi_G(w) = 0 and Phi = 0, 1 at -inf, +inf.  Every term is entire
   in a.  Only exact kinks are taken: a kink ball (parameter boxes,
   non-dyadic points) may hold two merged kinks with a piece between them
   that this sum would miss, so those go to the certified integral
   (smooth_numeric.c), which bounds the slivers. */
#include <acb_poly.h>
#include "synccert/act.h"
#include "synccert/expr.h"
#include "synccert/gauss.h"
#include "act_expr.h"

/* phi_G(w) and Phi(w) at a finite end, or the limits */
static void ends(acb_t ph, acb_t Ph, const acb_t w, int inf, slong prec)
{
    if (inf)
    {
        acb_zero(ph);
        if (inf > 0) acb_one(Ph); else acb_zero(Ph);
        return;
    }
    sc_gauss_weight(ph, w, prec);
    sc_acb_normal_cdf(Ph, w, prec);
}

int _sc_act_smooth_pieces(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv,
                          arb_srcptr p, slong prec)
{
    const sc_expr *E = sc_act_expr(def);
    arb_ptr k = _arb_vec_init(SC_ACT_MAX_KINKS), c = _arb_vec_init(SC_ACT_MAX_COEFFS);
    acb_poly_t P, L;
    acb_ptr T;
    acb_t wl, wr, pl, pr, Pl, Pr, s, t, u;
    slong nk, j, n, m;
    int all, ok = 1;

    if (E == NULL)
        return 0;
    nk = sc_expr_kinks(k, &all, E, p, prec);
    for (j = 0; j < nk && all; j++)
        all = arb_is_exact(k + j);
    if (!all)
    {
        _arb_vec_clear(k, SC_ACT_MAX_KINKS);
        _arb_vec_clear(c, SC_ACT_MAX_COEFFS);
        return 0;
    }
    acb_poly_init(P);
    acb_poly_init(L);
    T = _acb_vec_init(SC_ACT_MAX_COEFFS);
    acb_init(wl); acb_init(wr); acb_init(pl); acb_init(pr); acb_init(Pl); acb_init(Pr);
    acb_init(s); acb_init(t); acb_init(u);
    /* the substitution u = a + b w */
    acb_poly_set_coeff_acb(L, 0, a);
    acb_set_arb(t, b);
    acb_poly_set_coeff_acb(L, 1, t);
    for (j = 0; j <= nk && ok; j++)
    {
        n = sc_expr_piece_poly(c, SC_ACT_MAX_COEFFS, E, deriv, j, p, prec);
        if (n < 0)
        {
            ok = 0;
            break;
        }
        acb_poly_zero(P);
        for (m = 0; m < n; m++)
        {
            acb_set_arb(t, c + m);
            acb_poly_set_coeff_acb(P, m, t);
        }
        acb_poly_compose(P, P, L, prec);          /* q_m */
        if (j > 0)
        {
            acb_set_arb(wl, k + j - 1);
            acb_sub(wl, wl, a, prec);
            acb_div_arb(wl, wl, b, prec);
        }
        if (j < nk)
        {
            acb_set_arb(wr, k + j);
            acb_sub(wr, wr, a, prec);
            acb_div_arb(wr, wr, b, prec);
        }
        ends(pl, Pl, wl, j == 0 ? -1 : 0, prec);
        ends(pr, Pr, wr, j == nk ? 1 : 0, prec);
        n = acb_poly_length(P);
        for (m = 0; m < n; m++)
        {
            if (m == 0)
                acb_sub(T, Pr, Pl, prec);
            else if (m == 1)
                acb_sub(T + 1, pl, pr, prec);
            else
            {
                /* l^{m-1} phi(l) - r^{m-1} phi(r) + (m-1) T_{m-2} */
                acb_mul_ui(T + m, T + m - 2, m - 1, prec);
                if (j > 0)
                {
                    acb_pow_ui(u, wl, m - 1, prec);
                    acb_addmul(T + m, u, pl, prec);
                }
                if (j < nk)
                {
                    acb_pow_ui(u, wr, m - 1, prec);
                    acb_submul(T + m, u, pr, prec);
                }
            }
            acb_addmul(s, P->coeffs + m, T + m, prec);
        }
    }
    if (ok)
        acb_set(res, s);
    acb_poly_clear(P);
    acb_poly_clear(L);
    _acb_vec_clear(T, SC_ACT_MAX_COEFFS);
    acb_clear(wl); acb_clear(wr); acb_clear(pl); acb_clear(pr); acb_clear(Pl); acb_clear(Pr);
    acb_clear(s); acb_clear(t); acb_clear(u);
    _arb_vec_clear(k, SC_ACT_MAX_KINKS);
    _arb_vec_clear(c, SC_ACT_MAX_COEFFS);
    return ok;
}
