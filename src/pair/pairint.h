/* Internals of src/pair (not installed): the divided difference
   D(x) = (K(1) - K(x)) / (1 - x) of an odd activation on [0, 1] (kd.c) and
   the scale integral of the two-token diffusion (scale.c).  doc/model.md
   sections 9.3-9.5 give the arguments. */
#ifndef SC_PAIRINT_H
#define SC_PAIRINT_H

#include "synccert/pair.h"

/* D on [0, 1] for an odd phi with s = 0 (so K = Kt and D has the
   non-negative Taylor coefficients of doc/model.md section 2.2, F6):
   - CLOSED: D = (K(1) - K(x)) / (1 - x) from the activation's closed-form
     kernel, at a precision raised by the bits that 1 - x cancels;
   - SERIES: D = sum_{n<=M} A_n^2 (1 + x + ... + x^{n-1}) + [0, tail] with
     the orthonormal Hermite coefficients A_n (certified integrals) and
     tail = min(T1, T0 / (1 - x)), T0 >= sum_{n>M} A_n^2,
     T1 >= sum_{n>M} n A_n^2 (doc/model.md section 9.4).
   Always intersected with K(1) <= D <= K'(1) (F6). */
typedef struct
{
    const sc_act_def *def;
    arb_ptr p;              /* parameter balls at hprec */
    slong np;
    arb_t t2;               /* t^2 = q (s = 0), at hprec */
    arb_t K1, dK1;          /* K(1), K'(1) (dK1 may be +inf) */
    int method;             /* SC_PAIR_KD_CLOSED or SC_PAIR_KD_SERIES */
    slong M;                /* series order (SERIES) */
    arb_ptr B;              /* B_j = sum_{j < n <= M} A_n^2, j = 0..M-1 */
    arb_t T0, T1;           /* upper bounds of the series tails */
    slong prec, hprec;      /* working precision; precision of p, t2 */
    slong evals;            /* evaluations of D */
}
_sc_pair_kd;

/* Set up the source of D for act (odd, s = 0) with q exact (NULL: 1), K(1),
   K'(1) given, method SC_PAIR_KD_* (AUTO: closed form when the activation
   has one); for the series, terms are added until T0, T1 <= tail_target
   (or they stop improving, or the order cap 399).  hprec: precision of the
   parameters (closed forms near x = 1 need more than prec).  SC_OK,
   SC_ERR_UNSUPPORTED (no method applies), SC_ERR_BUDGET.  Clear in every case. */
int _sc_pair_kd_init(_sc_pair_kd *kd, const sc_act_t act, const fmpq_t q, const arb_t K1,
                     const arb_t dK1, int method, const arb_t tail_target, slong prec,
                     slong hprec);
void _sc_pair_kd_clear(_sc_pair_kd *kd);

/* D over the real ball x, 0 <= x, x < 1 (an enclosure of D at every point
   of x). */
void _sc_pair_kd_D(arb_t D, _sc_pair_kd *kd, const arb_t x);

/* The scale integral for an odd phi with both ends attracting: with
   s'(rho) = exp(-int_0^rho 2 b_gamma / a), for each i
     A[i] = int_{-1}^{rho0[i]} s',   B[i] = int_{rho0[i]}^{1} s'
   (rho0[i] in (-1, 1), exact), as enclosures.  eps: the relative accuracy
   the pieces aim at (the balls are rigorous whatever it is).  Statistics
   in *pieces, *end_log2.  SC_OK, SC_ERR_BUDGET; balls may be wide or
   indeterminate if the ends could not be cut (then the precision loop
   goes on). */
typedef struct
{
    _sc_pair_kd *kd;
    arb_t d, sigma2, gamma, beta;
    slong prec;
    double eps;
    slong pieces, end_log2;
}
_sc_pair_scale_ctx;

int _sc_pair_scale(arb_ptr A, arb_ptr B, _sc_pair_scale_ctx *c, const fmpq *rho0, slong n);

/* One side of 0 (scale.c): side +1 is rho = u, side -1 is rho = -u, u in
   [0, 1]; Ntilde(u) = N(u) or -N(-u) so that on both sides
   s'(+-u) = exp(-int_0^u Ntilde / (1 - t^2)). */
#define SC_PAIR_NMAX 96
typedef struct
{
    _sc_pair_scale_ctx *c;
    int side;
    arb_t G;                        /* G at the current point */
    arb_ptr cosx[SC_PAIR_NMAX + 1]; /* cos(m pi / n), m < 2n, per n (lazy) */
    double eps_piece;               /* target error of G per piece (a choice) */
    slong prec;
}
_sc_pair_side;

/* The weight of this side at u: w(u) (side +1) or w(-u) (side -1). */
void _sc_pair_side_w(arb_t w, const _sc_pair_side *S, const arb_t u);

/* The piece [a, b] (exact, 0 <= a < b < 1) of the scale integral:
   I = int_a^b s', S->G advanced from G(a) to G(b) (scale_piece.c).
   SC_OK or SC_ERR_BUDGET; I and G indeterminate if no bound was found. */
int _sc_pair_piece(arb_t I, _sc_pair_side *S, const arf_t a, const arf_t b, int depth);

/* The end piece [ue, 1] (scale_end.c): E encloses int_ue^1 s' given
   G = G(ue), and *ok says whether Ntilde in [n_lo, n_hi] on [ue, 1] with
   1 + n_lo/2 > 0 (else E is indeterminate); rw is the relative width of E
   coming from the end piece itself (not from G). */
void _sc_pair_end(arb_t E, double *rw, int *ok, _sc_pair_side *S, const arf_t ue);

#endif
