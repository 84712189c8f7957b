/* The end piece [ue, 1] of the scale integral (doc/model.md section 9.5).

   On [ue, 1] (delta = 1 - ue) let Ntilde(t) lie in [n_lo, n_hi].  Since
   1/(1 - t^2) > 0, for u in [ue, 1]
       G(u) - G(ue) in [n_lo, n_hi] L(u),   L(u) = atanh(u) - atanh(ue) >= 0,
   and exp(-n L(u)) decreases in n, so
       int_ue^1 s' in s'(ue) [E(n_hi), E(n_lo)],
       E(n) = int_ue^1 exp(-n L(u)) du = e^{n atanh(ue)} int_ue^1 ((1-u)/(1+u))^{n/2} du
            = ((2 - delta)/delta)^{n/2} 2 B(delta/2; 1 + n/2, 1 - n/2)
   (u = 1 - 2t), finite exactly when 1 + n/2 > 0: the end attracts.

   Ntilde over the box is enclosed in the form with one occurrence of D,
       side +1:  Ntilde = -be/u + (al + e0 + be K(1)/u) / (K(1) + u D),
       side -1:  Ntilde = -be/u - (al - e0 - be K(1)/u) / (K(1) + u D),
   (be = d - 2 + u^2, e0 = (d - 2 - u) K(1), al = 2 gamma (1 + u) w / sigma^2),
   with D in [D(ue), K'(1)] (D non-decreasing, D(1) = K'(1)); when K'(1) = +inf
   (jump activations) the range is the union of the value at D(ue) and the
   limit -be/u (Ntilde is monotone in D).  w is monotone in u (beta >= 0). */
#include <arb_hypgeom.h>
#include "pairint.h"

/* the single-occurrence form at (u, D, w) balls */
static void n_box(arb_t N, const _sc_pair_side *S, const arb_t u, const arb_t D, const arb_t w,
                  int D_inf)
{
    const _sc_pair_scale_ctx *c = S->c;
    slong prec = S->prec;
    const arb_struct *K1 = c->kd->K1;
    arb_t be, e0, al, t, lim;
    arb_init(be);
    arb_init(e0);
    arb_init(al);
    arb_init(t);
    arb_init(lim);
    arb_sqr(be, u, prec);
    arb_add(be, be, c->d, prec);
    arb_sub_ui(be, be, 2, prec);
    arb_sub_ui(e0, c->d, 2, prec);
    arb_sub(e0, e0, u, prec);
    arb_mul(e0, e0, K1, prec);
    arb_add_ui(al, u, 1, prec);
    arb_mul(al, al, w, prec);
    arb_mul(al, al, c->gamma, prec);
    arb_mul_2exp_si(al, al, 1);
    arb_div(al, al, c->sigma2, prec);
    arb_div(lim, be, u, prec);                  /* be / u */
    arb_mul(t, lim, K1, prec);                  /* be K(1) / u */
    if (S->side > 0)
    {
        arb_add(t, t, al, prec);                /* al + e0 + be K(1)/u */
        arb_add(t, t, e0, prec);
    }
    else
    {
        arb_sub(t, al, t, prec);                /* al - e0 - be K(1)/u */
        arb_sub(t, t, e0, prec);
    }
    /* t / (K(1) + u D), with the sign of the side */
    arb_mul(al, u, D, prec);
    arb_add(al, al, K1, prec);
    arb_div(t, t, al, prec);
    if (S->side < 0)
        arb_neg(t, t);
    arb_neg(lim, lim);
    arb_add(N, lim, t, prec);
    if (D_inf)
        arb_union(N, N, lim, prec);
    arb_clear(be);
    arb_clear(e0);
    arb_clear(al);
    arb_clear(t);
    arb_clear(lim);
}

/* E(n) = ((2 - delta)/delta)^{n/2} 2 B(delta/2; 1 + n/2, 1 - n/2) */
static void E_of_n(arb_t E, const arb_t n, const arb_t delta, slong prec)
{
    arb_t a, b, z, t;
    arb_init(a);
    arb_init(b);
    arb_init(z);
    arb_init(t);
    arb_mul_2exp_si(t, n, -1);                  /* n/2 */
    arb_add_ui(a, t, 1, prec);
    arb_sub_ui(b, t, 1, prec);
    arb_neg(b, b);
    arb_mul_2exp_si(z, delta, -1);
    arb_hypgeom_beta_lower(E, a, b, z, 0, prec);
    arb_mul_2exp_si(E, E, 1);
    arb_sub_ui(z, delta, 2, prec);              /* (2 - delta)/delta */
    arb_neg(z, z);
    arb_div(z, z, delta, prec);
    arb_log(z, z, prec);
    arb_mul(z, z, t, prec);
    arb_exp(z, z, prec);
    arb_mul(E, E, z, prec);
    arb_clear(a);
    arb_clear(b);
    arb_clear(z);
    arb_clear(t);
}

void _sc_pair_end(arb_t E, double *rw, int *ok, _sc_pair_side *S, const arf_t ue)
{
    slong prec = S->prec;
    const _sc_pair_kd *kd = S->c->kd;
    arb_t u, D, w, w1, N, delta, one, nlo, nhi, Elo, Ehi;
    arf_t lo;
    int D_inf = !arb_is_finite(kd->dK1);

    arb_init(u);
    arb_init(D);
    arb_init(w);
    arb_init(w1);
    arb_init(N);
    arb_init(delta);
    arb_init(one);
    arb_init(nlo);
    arb_init(nhi);
    arb_init(Elo);
    arb_init(Ehi);
    arf_init(lo);
    *ok = 0;
    *rw = 1.0;
    arb_one(one);
    arb_set_arf(u, ue);
    /* D(ue) from below, then [D(ue), K'(1)] */
    _sc_pair_kd_D(D, S->c->kd, u);
    arb_get_lbound_arf(lo, D, prec);
    arb_set_arf(D, lo);
    if (!D_inf)
        arb_union(D, D, kd->dK1, prec);
    /* w over the box: its values at both ends (monotone) */
    _sc_pair_side_w(w, S, u);
    _sc_pair_side_w(w1, S, one);
    arb_union(w, w, w1, prec);
    arb_union(u, u, one, prec);                 /* u in [ue, 1] */
    n_box(N, S, u, D, w, D_inf);
    arb_set_arf(delta, ue);
    arb_sub_ui(delta, delta, 1, prec);
    arb_neg(delta, delta);
    if (arb_is_finite(N))
    {
        arb_get_lbound_arf(arb_midref(nlo), N, prec);
        arb_get_ubound_arf(arb_midref(nhi), N, prec);
        arb_mul_2exp_si(w, nlo, -1);
        arb_add_ui(w, w, 1, prec);
        *ok = arb_is_positive(w);
    }
    if (*ok)
    {
        double m;
        E_of_n(Ehi, nlo, delta, prec);
        E_of_n(Elo, nhi, delta, prec);
        arb_union(N, Elo, Ehi, prec);
        m = arf_get_d(arb_midref(N), ARF_RND_NEAR);
        *rw = m > 0 ? 2.0 * mag_get_d(arb_radref(N)) / m : 1.0;
        arb_neg(w, S->G);
        arb_exp(w, w, prec);
        arb_mul(E, N, w, prec);
        *ok = arb_is_finite(E);
    }
    if (!*ok)
        arb_indeterminate(E);
    arb_clear(u);
    arb_clear(D);
    arb_clear(w);
    arb_clear(w1);
    arb_clear(N);
    arb_clear(delta);
    arb_clear(one);
    arb_clear(nlo);
    arb_clear(nhi);
    arb_clear(Elo);
    arb_clear(Ehi);
    arf_clear(lo);
}
