/* The critical dimension d* and the integer dimensions on either side of it
   (see include/synccert/critdim.h).  Every integer answer is backed by the
   sign of the enclosure of lambda at that integer, decided through
   sc_arb_sign; monotonicity in d (the sign of K'(1) - K(1), also decided by
   sc_arb_sign) extends it to all smaller or larger dimensions. */
#include "synccert/critdim.h"
#include "synccert/lyapunov.h"
#include "synccert/twopoint.h"
#include "synccert/kernel.h"
#include "synccert/verdict.h"

void sc_critdim_result_init(sc_critdim_result *r)
{
    arb_init(r->K1);
    arb_init(r->dK1);
    arb_init(r->dstar);
    fmpz_init(r->max_sync);
    fmpz_init(r->min_nonsync);
    fmpz_init(r->und_lo);
    fmpz_init(r->und_hi);
    r->dstar_kind = SC_DSTAR_UNDECIDED;
    r->max_sync_kind = r->min_nonsync_kind = SC_DIMV_UNDECIDED;
    r->prec = 0;
}

void sc_critdim_result_clear(sc_critdim_result *r)
{
    arb_clear(r->K1);
    arb_clear(r->dK1);
    arb_clear(r->dstar);
    fmpz_clear(r->max_sync);
    fmpz_clear(r->min_nonsync);
    fmpz_clear(r->und_lo);
    fmpz_clear(r->und_hi);
}

/* Largest number of integers inside the d* enclosure decided one by one. */
#define CANDIDATES_MAX 8

/* One attempt at precision prec.  Returns 1 when settled (nothing more
   precision could improve), 0 when more precision may help. */
static int critdim_attempt(sc_critdim_result *r, const sc_act_t act, int homog,
                           slong digits, slong prec)
{
    arb_t D, E;
    fmpz_t n, m, M;
    int sD, settled = 1;

    arb_init(D);
    arb_init(E);
    fmpz_init(n);
    fmpz_init(m);
    fmpz_init(M);
    r->dstar_kind = SC_DSTAR_UNDECIDED;
    r->max_sync_kind = r->min_nonsync_kind = SC_DIMV_UNDECIDED;
    fmpz_one(r->und_lo);
    fmpz_zero(r->und_hi);

    if (sc_lyapunov_dK1_inf(r->dK1))
    {
        /* lambda = -inf at d = 2, undefined at 3, +inf from 4 on */
        r->dstar_kind = SC_DSTAR_FINITE;
        arb_set_ui(r->dstar, 3);
        fmpz_set_ui(n, 2);
        if (sc_lyapunov_sign(r->K1, r->dK1, n, prec) < 0)
        {
            r->max_sync_kind = SC_DIMV_VALUE;
            fmpz_set_ui(r->max_sync, 2);
        }
        fmpz_set_ui(n, 4);
        if (sc_lyapunov_sign(r->K1, r->dK1, n, prec) > 0)
        {
            r->min_nonsync_kind = SC_DIMV_VALUE;
            fmpz_set_ui(r->min_nonsync, 4);
        }
        fmpz_set_ui(r->und_lo, 3);
        fmpz_set_ui(r->und_hi, 3);
        goto done;
    }

    if (homog)
        arb_zero(D);                /* K'(1) = K(1) exactly (critdim.h) */
    else
        arb_sub(D, r->dK1, r->K1, prec);
    sD = sc_arb_sign(D);

    if (sD < 0 || arb_is_zero(D))
    {
        /* K'(1) <= K(1): no critical dimension; and
           lambda(d) <= max(lambda(2), lambda(3)) for all d >= 2 */
        r->dstar_kind = SC_DSTAR_NONE;
        fmpz_set_ui(n, 2);
        sD = sc_lyapunov_sign(r->K1, r->dK1, n, prec);
        fmpz_set_ui(n, 3);
        if (sD < 0 && sc_lyapunov_sign(r->K1, r->dK1, n, prec) < 0)
        {
            r->max_sync_kind = SC_DIMV_ALL;
            r->min_nonsync_kind = SC_DIMV_NONE;
        }
        else
            settled = 0;
        goto done;
    }
    if (sD == 0)
    {
        settled = 0;                /* sign of K'(1) - K(1) unknown */
        goto done;
    }

    /* K'(1) > K(1): d* = (3 K'(1) - K(1)) / (K'(1) - K(1)) */
    {
        arf_t lo, hi;
        slong k, count;
        int sg[CANDIDATES_MAX + 2];
        int last_sync = -1, first_non = -1;

        arb_mul_ui(E, r->dK1, 3, prec);
        arb_sub(E, E, r->K1, prec);
        arb_div(r->dstar, E, D, prec);
        r->dstar_kind = SC_DSTAR_FINITE;
        if (!sc_arb_meets_digits(r->dstar, digits))
            settled = 0;

        arf_init(lo);
        arf_init(hi);
        arb_get_lbound_arf(lo, r->dstar, prec);
        arb_get_ubound_arf(hi, r->dstar, prec);
        /* m = ceil(lo) - 1 < lo <= d*,  M = floor(hi) + 1 > hi >= d* */
        arf_get_fmpz(m, lo, ARF_RND_CEIL);
        fmpz_sub_ui(m, m, 1);
        arf_get_fmpz(M, hi, ARF_RND_FLOOR);
        fmpz_add_ui(M, M, 1);
        arf_clear(lo);
        arf_clear(hi);
        if (fmpz_cmp_si(m, 1) < 0)
            fmpz_one(m);            /* only d >= 2 matters; m = 1 stands for "none" */
        if (fmpz_cmp_si(M, 2) < 0)
            fmpz_set_ui(M, 2);

        fmpz_sub(n, M, m);
        if (fmpz_cmp_si(n, CANDIDATES_MAX + 1) > 0)
        {
            /* too wide to decide integer by integer */
            settled = 0;
            if (fmpz_cmp_si(m, 2) >= 0 && sc_lyapunov_sign(r->K1, r->dK1, m, prec) < 0)
            {
                r->max_sync_kind = SC_DIMV_VALUE;
                fmpz_set(r->max_sync, m);
            }
            if (sc_lyapunov_sign(r->K1, r->dK1, M, prec) > 0)
            {
                r->min_nonsync_kind = SC_DIMV_VALUE;
                fmpz_set(r->min_nonsync, M);
            }
            fmpz_add_ui(r->und_lo, m, 1);
            fmpz_sub_ui(r->und_hi, M, 1);
            goto done;
        }
        /* candidates m, m + 1, ..., M (at most CANDIDATES_MAX + 2) */
        count = fmpz_get_si(n) + 1;
        for (k = 0; k < count; k++)
        {
            fmpz_add_ui(n, m, k);
            sg[k] = fmpz_cmp_si(n, 2) < 0 ? -1 /* stands for "none" */ : sc_lyapunov_sign(r->K1, r->dK1, n, prec);
            if (sg[k] == -1)
                last_sync = k;
            if (sg[k] == 1 && first_non < 0)
                first_non = k;
        }
        if (last_sync < 0 || first_non < 0 || first_non < last_sync)
        {
            settled = 0;            /* the bracketing integers are not yet certified */
            goto done;
        }
        fmpz_add_ui(n, m, last_sync);
        if (fmpz_cmp_si(n, 2) >= 0)
        {
            r->max_sync_kind = SC_DIMV_VALUE;
            fmpz_set(r->max_sync, n);
        }
        else
            r->max_sync_kind = SC_DIMV_NONE;
        fmpz_add_ui(n, m, first_non);
        r->min_nonsync_kind = SC_DIMV_VALUE;
        fmpz_set(r->min_nonsync, n);
        fmpz_add_ui(r->und_lo, m, last_sync + 1);
        fmpz_add_ui(r->und_hi, m, first_non - 1);
        if (fmpz_cmp_si(r->und_lo, 2) < 0)
            fmpz_set_ui(r->und_lo, 2);
        /* more precision can only help an undecided integer whose lambda is
           not exactly zero */
        for (k = last_sync + 1; k < first_non; k++)
            if (sg[k] == 0)
                settled = 0;
    }

done:
    arb_clear(D);
    arb_clear(E);
    fmpz_clear(n);
    fmpz_clear(m);
    fmpz_clear(M);
    return settled;
}

typedef struct
{
    sc_critdim_result *r;
    const sc_act_struct *act;
    const fmpq *q, *s;
    int homog;
    slong digits;
    int settled;
}
cd_ctx;

static int cd_step(void *ctx, slong prec)
{
    cd_ctx *c = ctx;
    int st = sc_kernel_at_ends(c->r->K1, c->r->dK1, NULL, c->act, c->q, c->s, prec);
    if (st == SC_OK)
        c->settled = critdim_attempt(c->r, c->act, c->homog, c->digits, prec);
    c->r->prec = prec;
    return st;
}

/* K(1), K'(1) and a finite d* (printed) must meet the digits; what the
   integers need beyond that is "settled": until then more precision is
   spent while the cap allows, and what is still open is reported as
   undecided. */
static int cd_done(void *ctx)
{
    const cd_ctx *c = ctx;
    if (!sc_arb_meets_digits(c->r->K1, c->digits) || !sc_arb_meets_digits(c->r->dK1, c->digits))
        return SC_PREC_MORE;
    /* a printed d* has its digits too (it was let through short at the cap) */
    if (c->r->dstar_kind == SC_DSTAR_FINITE && !sc_arb_meets_digits(c->r->dstar, c->digits))
        return SC_PREC_MORE;
    return c->settled ? SC_PREC_DONE : SC_PREC_MET;
}

int sc_critical_dim(sc_critdim_result *r, const sc_act_t act, const fmpq_t q,
                    const fmpq_t s, slong digits, slong prec_cap)
{
    cd_ctx c = { r, act, q, s, sc_act_is_homogeneous1(act, s), digits, 0 };
    sc_prec_policy pol = { .who = act->def->name, .digits = digits, .cap = prec_cap };
    int st = sc_twopoint_check_inputs(NULL, NULL, q, s);
    return st != SC_OK ? st : sc_prec_run(&pol, cd_step, cd_done, &c);
}
