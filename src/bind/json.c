/* JSON text of the library's results (see bind.h): the one writer behind
   both `synccert CMD --json` and sc_bind_call, so the CLI and the bindings
   print the same objects. */
#include "synccert/bind.h"
#include "synccert/print.h"
#include "synccert/parse.h"

void sc_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++)
    {
        unsigned char c = (unsigned char) *s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void key_string(FILE *f, const char *key, const char *val, int comma)
{
    fprintf(f, "\"%s\": ", key);
    sc_json_string(f, val);
    if (comma)
        fputs(", ", f);
}

void sc_json_key_real(FILE *f, const char *key, const arb_t x, slong digits, int comma)
{
    fprintf(f, "\"%s\": ", key);
    if (arf_is_nan(arb_midref(x)))
        fputs("\"undefined\"", f);
    else
        sc_print_json_real(f, x, digits);
    if (comma)
        fputs(", ", f);
}

void sc_json_key_fmpq(FILE *f, const char *key, const fmpq_t x, int comma)
{
    char *str = fmpq_get_str(NULL, 10, x);
    key_string(f, key, str, comma);
    flint_free(str);
}

/* "key": exact decimal (or p/q) of x, or dflt when x is NULL. */
static void key_decimal(FILE *f, const char *key, const fmpq_t x, const char *dflt)
{
    char *str = x ? sc_fmpq_decimal(x) : NULL;
    key_string(f, key, str ? str : dflt, 1);
    flint_free(str);
}

void sc_json_kernel(FILE *f, const char *spec, const sc_kernel_result *r, const fmpq_t rho,
                    const fmpq_t q, const fmpq_t s, slong digits)
{
    fputc('{', f);
    key_string(f, "activation", spec, 1);
    key_decimal(f, "weight_var", q, "1");
    key_decimal(f, "bias_var", s, "0");
    fputs("\"K1\": ", f);
    sc_print_json_real(f, r->K1, digits);
    fputs(", \"dK1\": ", f);
    sc_print_json_real(f, r->dK1, digits);
    if (r->has_rho && rho != NULL)
    {
        fputs(", ", f);
        key_decimal(f, "rho", rho, NULL);
        fputs("\"K\": ", f);
        sc_print_json_real(f, r->K, digits);
        fputs(", \"dK\": ", f);
        sc_print_json_real(f, r->dK, digits);
    }
    fprintf(f, ", \"prec_bits\": %ld}", (long) r->prec);
}

void sc_json_lyapunov(FILE *f, const char *spec, const sc_lyap_result *r, const fmpz_t d,
                      const fmpq_t sigma, const fmpq_t q, const fmpq_t s, const fmpq_t p,
                      slong digits)
{
    fputs("{\"command\": \"lyapunov\", ", f);
    key_string(f, "activation", spec, 1);
    fputs("\"dim\": ", f);
    fmpz_fprint(f, d);
    fputs(", ", f);
    sc_json_key_fmpq(f, "sigma", sigma, 1);
    sc_json_key_fmpq(f, "q", q, 1);
    sc_json_key_fmpq(f, "s", s, 1);
    sc_json_key_real(f, "K1", r->K1, digits, 1);
    sc_json_key_real(f, "dK1", r->dK1, digits, 1);
    sc_json_key_real(f, "lambda", r->lambda, digits, 1);
    sc_json_key_real(f, "v", r->v, digits, 1);
    if (r->has_g)
    {
        sc_json_key_fmpq(f, "p", p, 1);
        sc_json_key_real(f, "g", r->g, digits, 1);
    }
    sc_json_key_real(f, "pstar", r->pstar, digits, 1);
    sc_json_key_real(f, "b_minus1", r->bminus1, digits, 1);
    if (r->odd)
        sc_json_key_real(f, "lambda_anti", r->lambda_anti, digits, 1);
    else
        fputs("\"lambda_anti\": null, ", f);
    fprintf(f, "\"odd\": %s, \"antipodal\": \"%s\", \"verdict\": \"%s\", \"prec_bits\": %ld",
            r->odd ? "true" : "false", sc_antipodal_name(r->antipodal),
            sc_verdict_name(r->verdict), (long) r->prec);
    if (r->odd)
        fputs(", \"energy_certificate\": \"does not apply (phi odd: c_p <= 0); see coercivity "
              "--projective and pair\"", f);
    fputc('}', f);
}

void sc_json_pair(FILE *f, const char *spec, const sc_pair_problem *P, const sc_pair_result *r)
{
    slong n = P->digits, i;
    fputs("{\"command\": \"pair\", ", f);
    key_string(f, "activation", spec, 1);
    fputs("\"dim\": ", f);
    fmpz_fprint(f, P->d);
    fputs(", ", f);
    sc_json_key_fmpq(f, "sigma", P->sigma, 1);
    sc_json_key_fmpq(f, "q", P->q, 1);
    sc_json_key_fmpq(f, "s", P->s, 1);
    sc_json_key_fmpq(f, "gamma", P->gamma, 1);
    sc_json_key_fmpq(f, "beta", P->beta, 1);
    sc_json_key_real(f, "K1", r->ly.K1, n, 1);
    sc_json_key_real(f, "dK1", r->ly.dK1, n, 1);
    sc_json_key_real(f, "lambda", r->ly.lambda, n, 1);
    sc_json_key_real(f, "v", r->ly.v, n, 1);
    sc_json_key_real(f, "lambda_gamma", r->lambda_gamma, n, 1);
    fprintf(f, "\"diagonal\": \"%s\", \"odd\": %s, ", sc_pair_end_name(r->diag), r->ly.odd ? "true" : "false");
    if (r->ly.odd)
        sc_json_key_real(f, "mu", r->mu, n, 1);
    else
        sc_json_key_real(f, "b_minus1", r->ly.bminus1, n, 1);
    fprintf(f, "\"antipodal\": \"%s\", \"outcome\": \"%s\", \"probabilities\": [",
            sc_pair_end_name(r->anti), sc_pair_outcome_name(r->outcome));
    for (i = 0; i < r->nrho && r->has_prob; i++)
    {
        fputs(i ? ", {" : "{", f);
        sc_json_key_fmpq(f, "rho0", P->rho0 + i, 1);
        sc_json_key_real(f, "sync", r->psync + i, n, 1);
        sc_json_key_real(f, "antipodal", r->panti + i, n, 0);
        fputc('}', f);
    }
    fprintf(f, "], \"integrated\": %s, \"pieces\": %ld, \"end_log2\": %ld, \"kernel\": \"%s\", \"prec_bits\": %ld}",
            r->integrated ? "true" : "false", (long) r->pieces, (long) r->end_log2,
            !r->integrated ? "none" : r->kd_method == SC_PAIR_KD_SERIES ? "hermite series" : "closed form",
            (long) r->prec);
}

/* A dimension answer: an integer, "none", "all" or "undecided". */
static void key_dimv(FILE *f, const char *key, int kind, const fmpz_t v)
{
    fprintf(f, "\"%s\": ", key);
    if (kind == SC_DIMV_VALUE)
        fmpz_fprint(f, v);
    else
        fprintf(f, "\"%s\"", kind == SC_DIMV_NONE ? "none" : kind == SC_DIMV_ALL ? "all" : "undecided");
    fputs(", ", f);
}

void sc_json_critical_dim(FILE *f, const char *spec, const sc_critdim_result *r,
                          const fmpq_t q, const fmpq_t s, slong digits)
{
    fputs("{\"command\": \"critical-dim\", ", f);
    key_string(f, "activation", spec, 1);
    sc_json_key_fmpq(f, "q", q, 1);
    sc_json_key_fmpq(f, "s", s, 1);
    sc_json_key_real(f, "K1", r->K1, digits, 1);
    sc_json_key_real(f, "dK1", r->dK1, digits, 1);
    if (r->dstar_kind == SC_DSTAR_FINITE)
        sc_json_key_real(f, "dstar", r->dstar, digits, 1);
    else
        key_string(f, "dstar", r->dstar_kind == SC_DSTAR_NONE ? "none" : "undecided", 1);
    key_dimv(f, "max_sync_dim", r->max_sync_kind, r->max_sync);
    key_dimv(f, "min_nonsync_dim", r->min_nonsync_kind, r->min_nonsync);
    fputs("\"undecided_dims\": ", f);
    if (fmpz_cmp(r->und_lo, r->und_hi) <= 0)
    {
        fputc('[', f);
        fmpz_fprint(f, r->und_lo);
        fputs(", ", f);
        fmpz_fprint(f, r->und_hi);
        fputc(']', f);
    }
    else
        fputs("null", f);
    fprintf(f, ", \"prec_bits\": %ld}", (long) r->prec);
}

void sc_arf_interval_bounds(char **lo, char **hi, const arf_t a, const arf_t b, slong digits)
{
    arb_t x;
    char *unused;
    arb_init(x);
    arb_set_arf(x, a);
    sc_arb_bounds(lo, &unused, x, digits);
    flint_free(unused);
    arb_set_arf(x, b);
    sc_arb_bounds(&unused, hi, x, digits);
    flint_free(unused);
    arb_clear(x);
}

/* {"lo": ..., "hi": ...}: outward decimal bounds of [lo, hi] (10 digits). */
static void arf_interval(FILE *f, const arf_t lo, const arf_t hi)
{
    char *a, *b;
    sc_arf_interval_bounds(&a, &b, lo, hi, 10);
    fprintf(f, "{\"lo\": \"%s\", \"hi\": \"%s\"}", a, b);
    flint_free(a);
    flint_free(b);
}

void sc_json_coercivity(FILE *f, const char *spec, const sc_coerc_problem *P,
                        const sc_coerc_cert *r)
{
    char *ps = fmpq_get_str(NULL, 10, r->p), *ss = sc_fmpq_decimal(P->sigma);
    const char *where = r->bb.diagonal ? "diagonal" : r->bb.antipodal ? "antipodal" : "interior";
    fputs("{\"command\": \"coercivity\", ", f);
    key_string(f, "activation", spec, 1);
    fprintf(f, "\"dim\": %ld, \"p\": \"%s\", \"p_auto\": %s, \"sigma\": \"%s\", \"c_p\": ",
            (long) P->d, ps, P->p_auto ? "true" : "false", ss);
    sc_print_json_real(f, r->cp, 15);
    fputs(", \"argmin\": ", f);
    arf_interval(f, r->bb.rlo, r->bb.rhi);
    fprintf(f, ", \"infimum_at\": \"%s\", \"boxes\": %ld, \"projective\": %s", where, (long) r->bb.boxes,
            P->projective ? "true" : "false");
    if (P->projective)
        fprintf(f, ", \"verdict\": \"%s\"", r->verdict == SC_DISS_YES ? "synchronises up to sign (any number of tokens)"
                : r->verdict == SC_DISS_NO ? "not certified" : "undecided");
    else if (P->attention)
    {
        fputs(", \"L_att\": ", f);
        sc_print_json_real(f, r->Latt, 15);
        fputs(", \"r_p\": ", f);
        sc_print_json_real(f, r->rp, 15);
        fprintf(f, ", \"verdict\": \"%s\"", r->verdict == SC_DISS_YES ? "dissipates"
                : r->verdict == SC_DISS_NO ? "not certified" : "undecided");
    }
    fputc('}', f);
    flint_free(ps);
    flint_free(ss);
}

/* "NAME": ["lo", "hi"] for every axis of a box (exact decimals or p/q). */
static void box_axes(FILE *f, const sc_regime_problem *P, const fmpq *lo, const fmpq *hi)
{
    slong k;
    for (k = 0; k < P->naxes; k++)
    {
        char *a = sc_fmpq_decimal(lo + k), *b = sc_fmpq_decimal(hi + k);
        fprintf(f, "%s", k ? ", " : "");
        sc_json_string(f, P->axes[k].name);
        fprintf(f, ": [\"%s\", \"%s\"]", a, b);
        flint_free(a);
        flint_free(b);
    }
}

void sc_json_certify(FILE *f, const char *spec, const sc_regime_problem *P,
                     const sc_regime_result *R, int leaves)
{
    static const int order[3] = { SC_LEAF_CERTIFIED, SC_LEAF_REFUTED, SC_LEAF_UNDECIDED };
    slong cnt[3], k, dax = sc_regime_dim_axis(P);
    fmpq *lo = _fmpq_vec_init(P->naxes), *hi = _fmpq_vec_init(P->naxes);
    arb_t x;

    arb_init(x);
    sc_regime_count(cnt, R);
    fprintf(f, "{\"command\": \"certify\", \"property\": \"%s\", ", sc_regime_property_name(P->property));
    key_string(f, "activation", spec, 1);
    fputs("\"box\": {", f);
    for (k = 0; k < P->naxes; k++)
    {
        fmpq_set(lo + k, P->axes[k].lo);
        fmpq_set(hi + k, P->axes[k].hi);
    }
    box_axes(f, P, lo, hi);
    fprintf(f, "}, \"leaves\": %ld", (long) R->nleaves);
    for (k = 0; k < 3; k++)
    {
        arb_set_fmpq(x, R->frac[order[k]], 128);
        fprintf(f, ", \"%s\": {\"leaves\": %ld, \"fraction\": ", sc_leaf_name(order[k]), (long) cnt[order[k]]);
        sc_print_json_real(f, x, 10);
        if (dax >= 0 && order[k] != SC_LEAF_UNDECIDED)
        {
            char *d = sc_regime_dim_ranges(R, dax, order[k]);
            fprintf(f, ", \"d\": \"%s\"", d);
            flint_free(d);
        }
        fputc('}', f);
    }
    fprintf(f, ", \"budget_hit\": %s, \"list_full\": %s, \"seconds\": %.3f, \"evaluated\": %ld, \"rounds\": %ld",
            R->budget_hit ? "true" : "false", R->full_hit ? "true" : "false", R->seconds, (long) R->evaluated,
            (long) R->rounds);
    if (leaves)
    {
        fputs(", \"leaf_list\": [", f);
        for (k = 0; k < R->nleaves; k++)
        {
            fprintf(f, "%s{\"class\": \"%s\", \"depth\": %ld, \"box\": {", k ? ", " : "",
                    sc_leaf_name(R->leaves[k].cls), (long) R->leaves[k].depth);
            box_axes(f, P, R->leaves[k].lo, R->leaves[k].hi);
            fputs("}}", f);
        }
        fputc(']', f);
    }
    fputc('}', f);
    arb_clear(x);
    _fmpq_vec_clear(lo, P->naxes);
    _fmpq_vec_clear(hi, P->naxes);
}

/* One table cell: a certified real, or its word; null when not computed. */
static void table_cell(FILE *f, const sc_table *t, const sc_tcell *c)
{
    if (c->kind == SC_CELL_NUM)
    {
        char *lo, *hi;
        sc_arb_bounds(&lo, &hi, c->x, t->digits);
        fprintf(f, "{\"lo\": \"%s\", \"hi\": \"%s\", \"digits\": ", lo, hi);
        sc_json_string(f, c->str);
        fputc('}', f);
        flint_free(lo);
        flint_free(hi);
    }
    else if (c->kind == SC_CELL_EMPTY || c->str == NULL)
        fputs("null", f);
    else
        sc_json_string(f, c->str);
}

void sc_json_table(FILE *f, const sc_table *t)
{
    slong ia, id, k;
    fputs("{\"command\": \"table\", ", f);
    sc_json_key_fmpq(f, "sigma", t->sigma, 1);
    sc_json_key_fmpq(f, "q", t->wvar, 1);
    sc_json_key_fmpq(f, "s", t->bvar, 1);
    sc_json_key_fmpq(f, "p", t->p, 1);
    fprintf(f, "\"digits\": %ld, \"quantities\": [", (long) t->digits);
    for (k = 0; k < t->nq; k++)
        fprintf(f, "%s\"%s\"", k ? ", " : "", sc_table_qname(t->q[k]));
    fputs("], \"rows\": [", f);
    for (ia = 0; ia < t->nacts; ia++)
        for (id = 0; id < t->ndims; id++)
        {
            char *name = sc_table_act_name(t->acts + ia);
            fprintf(f, "%s{", ia + id ? ", " : "");
            key_string(f, "activation", name, 1);
            fputs("\"d\": ", f);
            fmpz_fprint(f, t->dims + id);
            for (k = 0; k < t->nq; k++)
            {
                fprintf(f, ", \"%s\": ", sc_table_qname(t->q[k]));
                table_cell(f, t, sc_table_cell(t, ia, sc_table_qdim(t->q[k]) ? id : 0, t->q[k]));
            }
            fputc('}', f);
            flint_free(name);
        }
    fprintf(f, "], \"seconds\": %.3f}", t->seconds);
}
