/* Certified parameter regimes: the textual specs of a problem (property,
   dimension range "A:B", parameter ranges "NAME=LO:HI") into axes, with the
   domain checks.  The messages name the `synccert certify` options, whose
   syntax these specs are. */
#include <string.h>
#include "synccert/regime.h"
#include "synccert/parse.h"

static const char *const prop_names[] = { "sync", "dissipation", "pair-sync", "antipodal",
                                          "sync-up-to-sign" };

int sc_regime_property_parse(int *property, const char *s)
{
    int k;
    if (s == NULL)
        return sc_error(SC_ERR_INPUT, "--property sync|dissipation|pair-sync|antipodal|sync-up-to-sign is required");
    for (k = 0; k < 5; k++)
        if (strcmp(s, prop_names[k]) == 0)
        {
            *property = k;
            return SC_OK;
        }
    return sc_error(SC_ERR_INPUT, "unknown property '%s' (sync, dissipation, pair-sync, antipodal or "
                    "sync-up-to-sign)", s);
}

const char *sc_regime_property_name(int property)
{
    return property >= 0 && property < 5 ? prop_names[property] : "sync";
}

int sc_regime_add_dim(sc_regime_problem *P, const char *range)
{
    fmpq_t lo, hi;
    int st;
    fmpq_init(lo);
    fmpq_init(hi);
    st = sc_parse_range(lo, hi, range, "--dim");
    if (st != SC_OK)
        ;   /* the parser's message */
    else if (!fmpz_is_one(fmpq_denref(lo)) || !fmpz_is_one(fmpq_denref(hi)))
        st = sc_error(SC_ERR_INPUT, "--dim needs integers A:B");
    else if (fmpz_cmp_si(fmpq_numref(lo), 2) < 0)
        st = sc_error(SC_ERR_INPUT, "--dim needs 2 <= A <= B");
    else if (fmpz_cmp_si(fmpq_numref(hi), 1000000000) > 0)
        st = sc_error(SC_ERR_INPUT, "--dim: B must be at most 10^9");
    else
        st = sc_regime_add_axis(P, "d", SC_AXIS_DIM, -1, lo, hi);
    fmpq_clear(lo);
    fmpq_clear(hi);
    return st;
}

/* The kind of axis NAME is for P's activation (its parameter index in
   *idx), or -1. */
static int axis_kind(slong *idx, const sc_regime_problem *P, const char *name)
{
    /* the activation's own parameters first (silu's and softplus's beta,
       an expression's q); the model's axes keep unambiguous long names */
    if ((*idx = sc_act_param_index(P->act->def, name)) >= 0) return SC_AXIS_ACT;
    if (strcmp(name, "q") == 0 || strcmp(name, "weight-var") == 0) return SC_AXIS_Q;
    if (strcmp(name, "s") == 0 || strcmp(name, "bias-var") == 0) return SC_AXIS_S;
    if (strcmp(name, "sigma") == 0) return SC_AXIS_SIGMA;
    if (strcmp(name, "p") == 0) return SC_AXIS_P;
    if (strcmp(name, "gamma") == 0 || strcmp(name, "attn-gamma") == 0) return SC_AXIS_GAMMA;
    if (strcmp(name, "beta") == 0 || strcmp(name, "attn-beta") == 0) return SC_AXIS_BETA;
    return -1;
}

int sc_regime_param_clash(const sc_regime_problem *P, const char *name, const char *const given[4])
{
    static const char *const opt[4] = { "p", "sigma", "gamma", "beta" };
    static const int kinds[4] = { SC_AXIS_P, SC_AXIS_SIGMA, SC_AXIS_GAMMA, SC_AXIS_BETA };
    slong idx, k;
    int kind = axis_kind(&idx, P, name);
    for (k = 0; k < 4; k++)
        if (given[k] != NULL && kind == kinds[k])
            return sc_error(SC_ERR_INPUT, "%s given both as --%s and --param", name, opt[k]);
    return SC_OK;
}

/* Does [lo, hi] stay in the domain of an axis of this kind? */
static int check_domain(const sc_regime_problem *P, const char *name, int kind, slong idx,
                        const fmpq_t lo, const fmpq_t hi)
{
    const sc_param_def *pd;
    fmpq_t b;
    int st = SC_OK;
    if ((kind == SC_AXIS_Q || kind == SC_AXIS_SIGMA || kind == SC_AXIS_P) && fmpq_sgn(lo) <= 0)
        return sc_error(SC_ERR_INPUT, "--param %s: values must be > 0", name);
    if ((kind == SC_AXIS_S || kind == SC_AXIS_GAMMA || kind == SC_AXIS_BETA) && fmpq_sgn(lo) < 0)
        return sc_error(SC_ERR_INPUT, "--param %s: values must be >= 0", name);
    if (kind == SC_AXIS_P && fmpq_cmp_ui(hi, 2) > 0)
        return sc_error(SC_ERR_INPUT, "--param p: values must lie in (0, 2]");
    if (kind != SC_AXIS_ACT)
        return SC_OK;
    pd = P->act->def->params + idx;
    fmpq_init(b);
    if (pd->lo != NULL)
    {
        sc_parse_fmpq(b, pd->lo, name);
        if (pd->lo_strict ? fmpq_cmp(lo, b) <= 0 : fmpq_cmp(lo, b) < 0)
            st = sc_error(SC_ERR_INPUT, "--param %s: range leaves the domain (%s %s)", name,
                          pd->lo_strict ? ">" : ">=", pd->lo);
    }
    if (st == SC_OK && pd->hi != NULL)
    {
        sc_parse_fmpq(b, pd->hi, name);
        if (fmpq_cmp(hi, b) > 0)
            st = sc_error(SC_ERR_INPUT, "--param %s: range leaves the domain (<= %s)", name, pd->hi);
    }
    fmpq_clear(b);
    return st;
}

int sc_regime_add_param(sc_regime_problem *P, const char *name, const char *range)
{
    fmpq_t lo, hi;
    slong idx;
    int kind, st;
    char what[64];
    fmpq_init(lo);
    fmpq_init(hi);
    snprintf(what, sizeof(what), "--param %s", name);
    st = sc_parse_range(lo, hi, range, what);
    if (st != SC_OK)
        ;   /* the parser's message */
    else if ((kind = axis_kind(&idx, P, name)) < 0)
        st = sc_error(SC_ERR_INPUT, "unknown parameter '%s' for %s (activation parameters, q, s, sigma, p, gamma, beta, attn-gamma, attn-beta)",
                      name, P->act->def->name);
    else if ((st = check_domain(P, name, kind, idx, lo, hi)) == SC_OK)
    {
        slong k;
        for (k = 0; k < P->naxes; k++)      /* q and weight-var are one axis */
            if (P->axes[k].kind == kind && P->axes[k].index == idx && strcmp(P->axes[k].name, name) != 0)
                st = sc_error(SC_ERR_INPUT, "parameter '%s' given twice (as '%s')", name, P->axes[k].name);
        if (st == SC_OK)
            st = sc_regime_add_axis(P, name, kind, idx, lo, hi);
    }
    fmpq_clear(lo);
    fmpq_clear(hi);
    return st;
}

int sc_regime_param_split(char *name, const char **range, const char *spec)
{
    const char *eq = strchr(spec, '=');
    size_t len = eq != NULL ? (size_t) (eq - spec) : 0;
    if (len == 0 || len >= SC_REGIME_NAMELEN)
        return sc_error(SC_ERR_INPUT, "malformed --param '%s' (NAME=LO:HI)", spec);
    memcpy(name, spec, len);
    name[len] = '\0';
    *range = eq + 1;
    return SC_OK;
}

int sc_regime_add_param_spec(sc_regime_problem *P, const char *spec)
{
    char name[SC_REGIME_NAMELEN];
    const char *range;
    int st = sc_regime_param_split(name, &range, spec);
    return st != SC_OK ? st : sc_regime_add_param(P, name, range);
}
