/* Certified parameter regimes: split the parameter box, classify each leaf
   (see regime.h for the argument on each property). */
#include <string.h>
#include <stdlib.h>
#include <time.h>
#include <flint/fmpz.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "synccert/regime.h"
#include "synccert/kernel.h"
#include "synccert/coercivity.h"
#include "synccert/verdict.h"
#include "synccert/print.h"

const char *sc_leaf_name(int cls)
{
    return cls == SC_LEAF_CERTIFIED ? "certified" : cls == SC_LEAF_REFUTED ? "refuted" : "undecided";
}

void sc_regime_problem_init(sc_regime_problem *P)
{
    memset(P, 0, sizeof(*P));
    sc_act_init(P->act);
    fmpq_init(P->gamma);
    fmpq_init(P->beta);
    fmpq_init(P->vnorm);
    fmpq_init(P->qknorm);
    fmpq_one(P->vnorm);
    fmpq_one(P->qknorm);
    P->max_depth = 30;
    P->max_boxes_bb = 3000;
}

void sc_regime_problem_clear(sc_regime_problem *P)
{
    slong i;
    for (i = 0; i < P->naxes; i++)
    {
        fmpq_clear(P->axes[i].lo);
        fmpq_clear(P->axes[i].hi);
    }
    sc_act_clear(P->act);
    fmpq_clear(P->gamma);
    fmpq_clear(P->beta);
    fmpq_clear(P->vnorm);
    fmpq_clear(P->qknorm);
}

int sc_regime_add_axis(sc_regime_problem *P, const char *name, int kind, slong index,
                       const fmpq_t lo, const fmpq_t hi)
{
    slong i;
    sc_axis *a;
    for (i = 0; i < P->naxes; i++)
        if (strcmp(P->axes[i].name, name) == 0)
            return sc_error(SC_ERR_INPUT, "parameter '%s' given twice", name);
    if (P->naxes >= SC_REGIME_MAXAXES)
        return sc_error(SC_ERR_INPUT, "too many parameter ranges");
    if (fmpq_cmp(lo, hi) > 0)
        return sc_error(SC_ERR_INPUT, "range of '%s' is empty (LO > HI)", name);
    a = P->axes + P->naxes++;
    strncpy(a->name, name, sizeof(a->name) - 1);
    a->name[sizeof(a->name) - 1] = '\0';
    a->kind = kind;
    a->index = index;
    fmpq_init(a->lo);
    fmpq_init(a->hi);
    fmpq_set(a->lo, lo);
    fmpq_set(a->hi, hi);
    return SC_OK;
}

void sc_regime_result_init(sc_regime_result *R)
{
    memset(R, 0, sizeof(*R));
    fmpq_init(R->frac[0]);
    fmpq_init(R->frac[1]);
    fmpq_init(R->frac[2]);
}

void sc_regime_result_clear(sc_regime_result *R)
{
    slong i;
    for (i = 0; i < R->nleaves; i++)
    {
        _fmpq_vec_clear(R->leaves[i].lo, R->naxes);
        _fmpq_vec_clear(R->leaves[i].hi, R->naxes);
    }
    flint_free(R->leaves);
    fmpq_clear(R->frac[0]);
    fmpq_clear(R->frac[1]);
    fmpq_clear(R->frac[2]);
}

/* ---------- decimal output ---------- */

char *sc_fmpq_decimal(const fmpq_t x)
{
    fmpz_t den, num, t;
    slong k = 0, a = 0, b = 0;
    char *s, *out;
    fmpz_init(den);
    fmpz_init(num);
    fmpz_init(t);
    fmpz_set(den, fmpq_denref(x));
    while (fmpz_divisible_si(den, 2)) { fmpz_divexact_si(den, den, 2); a++; }
    while (fmpz_divisible_si(den, 5)) { fmpz_divexact_si(den, den, 5); b++; }
    if (!fmpz_is_one(den) || a > 4000 || b > 4000)
    {
        fmpz_clear(den); fmpz_clear(num); fmpz_clear(t);
        return fmpq_get_str(NULL, 10, x);
    }
    k = FLINT_MAX(a, b);
    /* num = x * 10^k, an integer */
    fmpz_ui_pow_ui(t, 10, k);
    fmpz_mul(num, fmpq_numref(x), t);
    fmpz_divexact(num, num, fmpq_denref(x));
    s = fmpz_get_str(NULL, 10, num);
    {
        int neg = s[0] == '-';
        char *digits = s + neg;
        slong n = strlen(digits), intlen, j;
        out = flint_malloc(n + k + 4);
        j = 0;
        if (neg) out[j++] = '-';
        if (n <= k)
        {
            out[j++] = '0';
            if (k > 0)
            {
                out[j++] = '.';
                for (intlen = 0; intlen < k - n; intlen++)
                    out[j++] = '0';
                memcpy(out + j, digits, n);
                j += n;
            }
        }
        else
        {
            memcpy(out + j, digits, n - k);
            j += n - k;
            if (k > 0)
            {
                out[j++] = '.';
                memcpy(out + j, digits + n - k, k);
                j += k;
            }
        }
        out[j] = '\0';
        /* strip trailing zeros of the fraction */
        if (k > 0)
        {
            while (j > 0 && out[j - 1] == '0') out[--j] = '\0';
            if (j > 0 && out[j - 1] == '.') out[--j] = '\0';
        }
    }
    flint_free(s);
    fmpz_clear(den);
    fmpz_clear(num);
    fmpz_clear(t);
    return out;
}

/* ---------- evaluation of one box ---------- */

static void ball_of(arb_t x, const fmpq_t lo, const fmpq_t hi, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_set_fmpq(x, lo, prec);
    if (!fmpq_equal(lo, hi))
    {
        arb_set_fmpq(t, hi, prec);
        arb_union(x, x, t, prec);
    }
    arb_clear(t);
}

int sc_regime_eval_box(const sc_regime_problem *P, const fmpq *lo, const fmpq *hi, slong prec)
{
    const sc_act_def *def = P->act->def;
    arb_ptr par;
    slong np, i, dA = 2, dB = 2;
    arb_t q, s, sigma2, p, t, one, gl;
    int cls = SC_LEAF_UNDECIDED;
    int have_sigma = 0, have_p = 0;

    par = sc_act_params(P->act, prec);
    np = (def->flags & SC_ACT_COEFFS) ? P->act->npar + 1 : FLINT_MAX(P->act->npar, 1);
    arb_init(q); arb_init(s); arb_init(sigma2); arb_init(p); arb_init(t); arb_init(one); arb_init(gl);
    arb_one(q);
    arb_one(sigma2);
    arb_one(p);
    arb_mul_2exp_si(p, p, -1);
    arb_one(one);
    for (i = 0; i < P->naxes; i++)
    {
        const sc_axis *a = P->axes + i;
        switch (a->kind)
        {
            case SC_AXIS_DIM:
                dA = fmpz_get_si(fmpq_numref(lo + i));
                dB = fmpz_get_si(fmpq_numref(hi + i));
                break;
            case SC_AXIS_ACT: ball_of(par + a->index, lo + i, hi + i, prec); break;
            case SC_AXIS_Q: ball_of(q, lo + i, hi + i, prec); break;
            case SC_AXIS_S: ball_of(s, lo + i, hi + i, prec); break;
            case SC_AXIS_SIGMA: ball_of(sigma2, lo + i, hi + i, prec); arb_sqr(sigma2, sigma2, prec); have_sigma = 1; break;
            case SC_AXIS_P: ball_of(p, lo + i, hi + i, prec); have_p = 1; break;
        }
    }
    (void) have_sigma;
    (void) have_p;

    if (P->property == SC_PROP_SYNC)
    {
        arb_t K1, dK1, l1, l2;
        arb_init(K1); arb_init(dK1); arb_init(l1); arb_init(l2);
        if (sc_kernel_eval(K1, dK1, def, par, np, one, q, s, SC_KM_AUTO, prec) == SC_OK)
        {
            /* sign of lambda = sign of (d-3) K'(1) - (d-1) K(1) at both ends */
            slong dd[2] = { dA, dB }, k;
            int sg[2];
            for (k = 0; k < 2; k++)
            {
                arb_t *l = k ? &l2 : &l1;
                if (dd[k] == 3)
                    arb_zero(*l);
                else
                    arb_mul_si(*l, dK1, dd[k] - 3, prec);
                arb_submul_si(*l, K1, dd[k] - 1, prec);
                sg[k] = sc_arb_sign(*l);
            }
            if (sg[0] < 0 && sg[1] < 0)
                cls = SC_LEAF_CERTIFIED;
            else if (sg[0] > 0 && sg[1] > 0)
                cls = SC_LEAF_REFUTED;
        }
        arb_clear(K1); arb_clear(dK1); arb_clear(l1); arb_clear(l2);
    }
    else
    {
        sc_kfun_t kf;
        /* gl = p gamma V (2 + B QK) over the box */
        arb_set_fmpq(gl, P->beta, prec);
        arb_set_fmpq(t, P->qknorm, prec);
        arb_mul(gl, gl, t, prec);
        arb_add_ui(gl, gl, 2, prec);
        arb_set_fmpq(t, P->vnorm, prec);
        arb_mul(gl, gl, t, prec);
        arb_set_fmpq(t, P->gamma, prec);
        arb_mul(gl, gl, t, prec);
        arb_mul(gl, gl, p, prec);
        if (sc_kfun_init(kf, def, par, np, q, s, 1, prec) == SC_OK)
        {
            sc_fparams_t fp;
            sc_coerc_result r[2];
            arf_t tol, thr, rho[2];
            slong dd[2] = { dA, dB }, k, nd = dA == dB ? 1 : 2;
            int pos = 1, ok = 1;
            sc_fparams_init(fp);
            arf_init(tol); arf_init(thr); arf_init(rho[0]); arf_init(rho[1]);
            arf_set_d(tol, 1e-9);
            arb_get_ubound_arf(thr, gl, prec);
            arb_set(fp->p, p);
            arb_set(fp->sigma2, sigma2);
            for (k = 0; k < nd; k++)
            {
                sc_coerc_result_init(r + k);
                arb_set_si(fp->d, dd[k]);
                if (sc_coercivity_bb(r + k, kf, fp, tol, thr, P->max_boxes_bb) != SC_OK)
                    ok = 0;
                /* certified: c_p >= lo > p gamma L_att for every parameter */
                arb_set_arf(t, r[k].lo);
                arb_sub(t, t, gl, prec);
                if (!arf_is_finite(r[k].lo) || sc_arb_sign(t) <= 0)
                    pos = 0;
                arf_set(rho[k], r[k].rlo);
                if (r[k].diagonal)
                    arf_one(rho[k]);
                else
                    arf_set(rho[k], r[k].rlo);
            }
            if (ok && pos)
                cls = SC_LEAF_CERTIFIED;
            else if (ok)
            {
                /* refuted: one rho* with F(rho*, d) - p gamma L_att < 0 at both ends */
                slong j;
                for (j = 0; j < nd && cls == SC_LEAF_UNDECIDED; j++)
                {
                    int neg = 1;
                    arb_t F;
                    arb_init(F);
                    for (k = 0; k < nd; k++)
                    {
                        arb_set_si(fp->d, dd[k]);
                        sc_coerc_F(F, kf, fp, rho[j], rho[j]);
                        arb_sub(F, F, gl, prec);
                        if (sc_arb_sign(F) >= 0)
                            neg = 0;
                    }
                    if (neg)
                        cls = SC_LEAF_REFUTED;
                    arb_clear(F);
                }
            }
            for (k = 0; k < nd; k++)
                sc_coerc_result_clear(r + k);
            sc_fparams_clear(fp);
            arf_clear(tol); arf_clear(thr); arf_clear(rho[0]); arf_clear(rho[1]);
            sc_kfun_clear(kf);
        }
    }
    sc_act_params_clear(par, P->act);
    arb_clear(q); arb_clear(s); arb_clear(sigma2); arb_clear(p); arb_clear(t); arb_clear(one); arb_clear(gl);
    return cls;
}

/* ---------- the split loop ---------- */

typedef struct
{
    fmpq *lo, *hi;
    slong depth;
    int cls;
}
wbox;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* measure of a box relative to the root (integer axes count points) */
static void box_measure(fmpq_t m, const sc_regime_problem *P, const fmpq *lo, const fmpq *hi)
{
    slong i;
    fmpq_t w, W;
    fmpq_init(w);
    fmpq_init(W);
    fmpq_one(m);
    for (i = 0; i < P->naxes; i++)
    {
        const sc_axis *a = P->axes + i;
        if (fmpq_equal(a->lo, a->hi))
            continue;
        fmpq_sub(w, hi + i, lo + i);
        fmpq_sub(W, a->hi, a->lo);
        if (a->kind == SC_AXIS_DIM)
        {
            fmpz_add_ui(fmpq_numref(w), fmpq_numref(w), 1);
            fmpz_add_ui(fmpq_numref(W), fmpq_numref(W), 1);
        }
        fmpq_div(w, w, W);
        fmpq_mul(m, m, w);
    }
    fmpq_clear(w);
    fmpq_clear(W);
}

/* axis to split: the largest width relative to the root; -1 if none */
static slong split_axis(const sc_regime_problem *P, const fmpq *lo, const fmpq *hi)
{
    slong i, best = -1;
    fmpq_t w, W, bw;
    fmpq_init(w);
    fmpq_init(W);
    fmpq_init(bw);
    for (i = 0; i < P->naxes; i++)
    {
        const sc_axis *a = P->axes + i;
        if (fmpq_equal(lo + i, hi + i))
            continue;
        fmpq_sub(w, hi + i, lo + i);
        fmpq_sub(W, a->hi, a->lo);
        fmpq_div(w, w, W);
        if (best < 0 || fmpq_cmp(w, bw) > 0)
        {
            best = i;
            fmpq_set(bw, w);
        }
    }
    fmpq_clear(w);
    fmpq_clear(W);
    fmpq_clear(bw);
    return best;
}

int sc_regime_run(sc_regime_result *R, const sc_regime_problem *P)
{
    slong n = P->naxes, nf, i, j, round = 0;
    wbox *front, *next;
    slong nnext, anext;
    double t0 = now_s(), deadline = P->budget > 0 ? t0 + P->budget : 0;
    fmpq_t m;
    int shown = 0;

    fmpq_init(m);
    R->naxes = n;
    front = flint_malloc(sizeof(wbox));
    front[0].lo = _fmpq_vec_init(n);
    front[0].hi = _fmpq_vec_init(n);
    for (i = 0; i < n; i++)
    {
        fmpq_set(front[0].lo + i, P->axes[i].lo);
        fmpq_set(front[0].hi + i, P->axes[i].hi);
    }
    front[0].depth = 0;
    nf = 1;

    while (nf > 0)
    {
        int expired = deadline > 0 && now_s() >= deadline;
        if (!expired)
        {
#pragma omp parallel for schedule(dynamic, 1)
            for (j = 0; j < nf; j++)
            {
                double left = deadline > 0 ? deadline - now_s() : 0;
                if (deadline > 0 && left <= 0)
                {
                    front[j].cls = -1;     /* not evaluated */
                    continue;
                }
                sc_budget_set(deadline > 0 ? left : 0);
                front[j].cls = sc_regime_eval_box(P, front[j].lo, front[j].hi, 64);
                if (deadline > 0 && sc_budget_expired())
                    front[j].cls = -1;
                sc_budget_set(0);
            }
        }
        else
            for (j = 0; j < nf; j++)
                front[j].cls = -1;

        /* in order: leaves or children (deterministic) */
        next = NULL;
        nnext = anext = 0;
        for (j = 0; j < nf; j++)
        {
            wbox *b = front + j;
            slong ax = split_axis(P, b->lo, b->hi);
            if (b->cls == SC_LEAF_UNDECIDED && ax >= 0 && b->depth < P->max_depth)
            {
                /* split along ax */
                wbox c1, c2;
                fmpq_t mid;
                fmpq_init(mid);
                c1.lo = _fmpq_vec_init(n); c1.hi = _fmpq_vec_init(n);
                c2.lo = _fmpq_vec_init(n); c2.hi = _fmpq_vec_init(n);
                for (i = 0; i < n; i++)
                {
                    fmpq_set(c1.lo + i, b->lo + i); fmpq_set(c1.hi + i, b->hi + i);
                    fmpq_set(c2.lo + i, b->lo + i); fmpq_set(c2.hi + i, b->hi + i);
                }
                fmpq_add(mid, b->lo + ax, b->hi + ax);
                {
                    fmpz_t two;
                    fmpz_init_set_ui(two, 2);
                    fmpq_div_fmpz(mid, mid, two);
                    fmpz_clear(two);
                }
                if (P->axes[ax].kind == SC_AXIS_DIM)
                {
                    /* integers: [lo, floor(mid)], [floor(mid) + 1, hi] */
                    fmpz_t f, one;
                    fmpz_init(f);
                    fmpz_init_set_ui(one, 1);
                    fmpz_fdiv_q(f, fmpq_numref(mid), fmpq_denref(mid));
                    fmpq_set_fmpz_frac(c1.hi + ax, f, one);
                    fmpz_add_ui(f, f, 1);
                    fmpq_set_fmpz_frac(c2.lo + ax, f, one);
                    fmpz_clear(f);
                    fmpz_clear(one);
                }
                else
                {
                    fmpq_set(c1.hi + ax, mid);
                    fmpq_set(c2.lo + ax, mid);
                }
                fmpq_clear(mid);
                c1.depth = c2.depth = b->depth + 1;
                if (nnext + 2 > anext)
                {
                    anext = FLINT_MAX(16, 2 * (nnext + 2));
                    next = flint_realloc(next, anext * sizeof(wbox));
                }
                next[nnext++] = c1;
                next[nnext++] = c2;
                _fmpq_vec_clear(b->lo, n);
                _fmpq_vec_clear(b->hi, n);
            }
            else
            {
                sc_regime_leaf *L;
                int cls = b->cls < 0 ? SC_LEAF_UNDECIDED : b->cls;
                if (b->cls < 0)
                    R->budget_hit = 1;
                if (R->nleaves == R->alloc)
                {
                    R->alloc = FLINT_MAX(64, 2 * R->alloc);
                    R->leaves = flint_realloc(R->leaves, R->alloc * sizeof(sc_regime_leaf));
                }
                L = R->leaves + R->nleaves++;
                L->lo = b->lo;
                L->hi = b->hi;
                L->cls = cls;
                L->depth = b->depth;
                box_measure(m, P, b->lo, b->hi);
                fmpq_add(R->frac[cls], R->frac[cls], m);
            }
        }
        flint_free(front);
        front = next;
        nf = nnext;
        round++;
        if (P->progress && now_s() - t0 > 1.0)
        {
            fprintf(stderr, "\rsynccert certify: %.1f s, %ld leaves, %ld boxes pending, certified %.4f, refuted %.4f",
                    now_s() - t0, (long) R->nleaves, (long) nf,
                    fmpq_get_d(R->frac[SC_LEAF_CERTIFIED]), fmpq_get_d(R->frac[SC_LEAF_REFUTED]));
            fflush(stderr);
            shown = 1;
        }
    }
    if (shown)
        fprintf(stderr, "\n");
    flint_free(front);
    R->seconds = now_s() - t0;
    fmpq_clear(m);
    return SC_OK;
}

int sc_regime_write_csv(FILE *f, const sc_regime_result *R, const sc_regime_problem *P)
{
    slong i, k;
    for (k = 0; k < P->naxes; k++)
        fprintf(f, "%s_lo,%s_hi,", P->axes[k].name, P->axes[k].name);
    fprintf(f, "class\n");
    for (i = 0; i < R->nleaves; i++)
    {
        for (k = 0; k < P->naxes; k++)
        {
            char *a = sc_fmpq_decimal(R->leaves[i].lo + k);
            char *b = sc_fmpq_decimal(R->leaves[i].hi + k);
            fprintf(f, "%s,%s,", a, b);
            flint_free(a);
            flint_free(b);
        }
        fprintf(f, "%s\n", sc_leaf_name(R->leaves[i].cls));
    }
    return ferror(f) ? SC_ERR_INPUT : SC_OK;
}
