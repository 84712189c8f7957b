/* Activation instances: parsing "NAME:key=value,...", defaults, parameter
   balls, and small helpers shared by the activation files. */
#include <string.h>
#include <stdio.h>
#include <arb_hypgeom.h>
#include <acb_hypgeom.h>
#include "synccert/act.h"
#include "synccert/parse.h"
#include "synccert/gauss.h"
#include "act_expr.h"

const sc_act_def *sc_act_lookup(const char *name)
{
    slong i;
    for (i = 0; sc_act_registry[i] != NULL; i++)
    {
        const sc_act_def *d = sc_act_registry[i];
        if (strcmp(d->name, name) == 0 || (d->alias != NULL && strcmp(d->alias, name) == 0))
            return d;
    }
    return NULL;
}

void sc_act_init(sc_act_t act)
{
    act->def = NULL;
    act->npar = 0;
    act->par = NULL;
}

void sc_act_clear(sc_act_t act)
{
    if (act->par != NULL)
        _fmpq_vec_clear(act->par, act->npar);
    _sc_act_def_unref(act->def);
    sc_act_init(act);
}

static void set_npar(sc_act_t act, slong n)
{
    if (act->par != NULL)
        _fmpq_vec_clear(act->par, act->npar);
    act->npar = n;
    act->par = n > 0 ? _fmpq_vec_init(n) : NULL;
}

void sc_act_set_default(sc_act_t act, const sc_act_def *def)
{
    slong i;
    _sc_act_def_ref(def);
    _sc_act_def_unref(act->def);
    act->def = def;
    if (def->flags & SC_ACT_COEFFS)
    {
        set_npar(act, 0);
        return;
    }
    set_npar(act, def->nparams);
    for (i = 0; i < def->nparams; i++)
        sc_parse_fmpq(act->par + i, def->params[i].dflt, def->params[i].name);
}

void sc_act_set(sc_act_t dst, const sc_act_t src)
{
    slong i;
    if (dst == src)
        return;
    _sc_act_def_ref(src->def);
    _sc_act_def_unref(dst->def);
    dst->def = src->def;
    set_npar(dst, src->npar);
    for (i = 0; i < src->npar; i++)
        fmpq_set(dst->par + i, src->par + i);
}

slong sc_act_param_index(const sc_act_def *def, const char *key)
{
    slong i;
    if (def->flags & SC_ACT_COEFFS)
        return -1;
    for (i = 0; i < def->nparams; i++)
        if (strcmp(def->params[i].name, key) == 0)
            return i;
    return -1;
}

static int check_bounds(const sc_act_def *def, const sc_param_def *pd, const fmpq_t v)
{
    fmpq_t b;
    int bad = 0;
    fmpq_init(b);
    if (pd->lo != NULL)
    {
        sc_parse_fmpq(b, pd->lo, pd->name);
        bad = pd->lo_strict ? fmpq_cmp(v, b) <= 0 : fmpq_cmp(v, b) < 0;
    }
    if (!bad && pd->hi != NULL)
    {
        sc_parse_fmpq(b, pd->hi, pd->name);
        bad = fmpq_cmp(v, b) > 0;
    }
    fmpq_clear(b);
    if (bad)
        return sc_error(SC_ERR_INPUT, "%s: parameter %s must lie in %s%s, %s]", def->name, pd->name,
                        pd->lo_strict ? "(" : "[", pd->lo ? pd->lo : "-inf", pd->hi ? pd->hi : "inf");
    return SC_OK;
}

int sc_act_parse(sc_act_t act, const char *spec)
{
    char name[64], item[4200];
    const char *colon, *p;
    const sc_act_def *def;
    int seen[SC_ACT_MAX_COEFFS + 1];
    fmpq *coef;
    slong ncoef = 0, i;
    int st = SC_OK;

    if (spec == NULL || *spec == '\0')
        return sc_error(SC_ERR_INPUT, "empty activation name");
    if (strncmp(spec, "expr:", 5) == 0)
        return _sc_act_parse_expr(act, spec + 5);
    colon = strchr(spec, ':');
    i = colon ? (slong) (colon - spec) : (slong) strlen(spec);
    if (i >= (slong) sizeof(name) || i == 0)
        return sc_error(SC_ERR_INPUT, "unknown activation '%.60s' (see 'synccert help activations')", spec);
    memcpy(name, spec, i);
    name[i] = '\0';
    def = sc_act_lookup(name);
    if (def == NULL)
        return sc_error(SC_ERR_INPUT, "unknown activation '%s' (see 'synccert help activations')", name);
    sc_act_set_default(act, def);
    memset(seen, 0, sizeof(seen));
    coef = _fmpq_vec_init(SC_ACT_MAX_COEFFS);

    for (p = colon ? colon + 1 : NULL; p != NULL; )
    {
        const char *comma = strchr(p, ','), *eq;
        size_t len = comma ? (size_t) (comma - p) : strlen(p);
        slong idx;
        if (len >= sizeof(item))
        {
            st = sc_error(SC_ERR_INPUT, "%s: parameter too long", def->name);
            break;
        }
        memcpy(item, p, len);
        item[len] = '\0';
        p = comma ? comma + 1 : NULL;
        eq = strchr(item, '=');
        if (eq == NULL || eq == item)
        {
            st = sc_error(SC_ERR_INPUT, "%s: malformed parameter '%s' (expected key=value)", def->name, item);
            break;
        }
        item[eq - item] = '\0';
        if (def->flags & SC_ACT_COEFFS)
        {
            const char *pre = def->params[0].name;
            size_t pl = strlen(pre);
            slong k;
            if (strncmp(item, pre, pl) != 0 ||
                sc_parse_slong(&k, item + pl, "index", 0, SC_ACT_MAX_COEFFS - 1) != SC_OK)
            {
                st = sc_error(SC_ERR_INPUT, "%s: unknown parameter '%s' (coefficients are %s0, %s1, ... up to %s%d)",
                              def->name, item, pre, pre, pre, SC_ACT_MAX_COEFFS - 1);
                break;
            }
            idx = k;
            if (seen[idx]++)
            {
                st = sc_error(SC_ERR_INPUT, "%s: parameter %s given twice", def->name, item);
                break;
            }
            if ((st = sc_parse_fmpq(coef + idx, eq + 1, item)) != SC_OK)
            {
                st = sc_error(SC_ERR_INPUT, "%s: %s", def->name, sc_last_error());
                break;
            }
            if (idx + 1 > ncoef)
                ncoef = idx + 1;
        }
        else
        {
            idx = sc_act_param_index(def, item);
            if (idx < 0)
            {
                st = sc_error(SC_ERR_INPUT, "%s: unknown parameter '%s'%s", def->name, item,
                              def->nparams ? "" : " (it takes none)");
                break;
            }
            if (seen[idx]++)
            {
                st = sc_error(SC_ERR_INPUT, "%s: parameter %s given twice", def->name, item);
                break;
            }
            if ((st = sc_parse_fmpq(act->par + idx, eq + 1, item)) != SC_OK)
            {
                st = sc_error(SC_ERR_INPUT, "%s: %s", def->name, sc_last_error());
                break;
            }
            if ((st = check_bounds(def, def->params + idx, act->par + idx)) != SC_OK)
                break;
        }
    }
    if (st == SC_OK && (def->flags & SC_ACT_COEFFS))
    {
        while (ncoef > 0 && fmpq_is_zero(coef + ncoef - 1))
            ncoef--;
        if (ncoef == 0)
            st = sc_error(SC_ERR_INPUT, "%s needs at least one nonzero coefficient, e.g. %s:%s1=1",
                          def->name, def->name, def->params[0].name);
        else
        {
            set_npar(act, ncoef);
            for (i = 0; i < ncoef; i++)
                fmpq_set(act->par + i, coef + i);
        }
    }
    _fmpq_vec_clear(coef, SC_ACT_MAX_COEFFS);
    if (st != SC_OK)
        sc_act_clear(act);
    return st;
}

char *sc_act_spec(const sc_act_t act)
{
    size_t cap = 64 + strlen(act->def->name), len;
    char *s, *v;
    slong i;
    int owned_expr = (act->def->flags & SC_ACT_OWNED) != 0;    /* expr:BODY;b=..;c=.. */
    for (i = 0; i < act->npar; i++)
        cap += 16 + strlen(act->def->params[(act->def->flags & SC_ACT_COEFFS) ? 0 : i].name) +
               fmpz_sizeinbase(fmpq_numref(act->par + i), 10) +
               fmpz_sizeinbase(fmpq_denref(act->par + i), 10);
    s = flint_malloc(cap);
    strcpy(s, act->def->name);
    len = strlen(s);
    for (i = 0; i < act->npar; i++)
    {
        if (owned_expr)
        {
            v = fmpq_get_str(NULL, 10, act->par + i);
            len += sprintf(s + len, ";%s=%s", act->def->params[i].name, v);
            flint_free(v);
            continue;
        }
        if ((act->def->flags & SC_ACT_COEFFS) && fmpq_is_zero(act->par + i))
            continue;
        v = fmpq_get_str(NULL, 10, act->par + i);
        if (act->def->flags & SC_ACT_COEFFS)
            len += sprintf(s + len, "%s%s%ld=%s", strchr(s, ':') ? "," : ":", act->def->params[0].name, (long) i, v);
        else
            len += sprintf(s + len, "%s%s=%s", i ? "," : ":", act->def->params[i].name, v);
        flint_free(v);
    }
    return s;
}

/* Length of the vector returned by sc_act_params. */
static slong params_len(const sc_act_t act)
{
    if (act->def != NULL && (act->def->flags & SC_ACT_COEFFS))
        return act->npar + 1;
    return FLINT_MAX(act->npar, 1);
}

arb_ptr sc_act_params(const sc_act_t act, slong prec)
{
    arb_ptr p = _arb_vec_init(params_len(act));
    slong i, off = 0;
    if (act->def != NULL && (act->def->flags & SC_ACT_COEFFS))
    {
        arb_set_si(p, act->npar);   /* coefficient lists: the count first */
        off = 1;
    }
    for (i = 0; i < act->npar; i++)
        arb_set_fmpq(p + off + i, act->par + i, prec);
    return p;
}

void sc_act_params_clear(arb_ptr p, const sc_act_t act)
{
    _arb_vec_clear(p, params_len(act));
}

void sc_act_eval_arb(arb_t res, const sc_act_def *def, const arb_t x, int deriv,
                     arb_srcptr p, slong prec)
{
    acb_t z, r;
    acb_init(z);
    acb_init(r);
    acb_set_arb(z, x);
    def->eval(def, r, z, deriv, 0, p, prec);
    arb_set(res, acb_realref(r));
    acb_clear(z);
    acb_clear(r);
}

int sc_act_side(const acb_t z, slong order)
{
    if (arb_is_positive(acb_realref(z)))
        return 1;
    if (arb_is_negative(acb_realref(z)))
        return -1;
    return order > 0 ? 2 : 0;
}

void sc_act_eval_by_branch(const sc_act_def *def,
                           void (*branch)(const sc_act_def *, acb_t, const acb_t, int, int, arb_srcptr, slong),
                           int jump, acb_t res, const acb_t z, int deriv, slong order,
                           arb_srcptr p, slong prec)
{
    int side = sc_act_side(z, order);
    if (side == 1 || side == -1)
        branch(def, res, z, deriv, side, p, prec);
    else if (side == 0 && !(jump && deriv))
    {
        acb_t u;
        acb_init(u);
        branch(def, res, z, deriv, 1, p, prec);
        branch(def, u, z, deriv, -1, p, prec);
        acb_union(res, res, u, prec);
        acb_clear(u);
    }
    else
        acb_indeterminate(res);
}

slong sc_act_growth_slope1(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    arb_zero(strip);        /* a kink: the bound is claimed on the real line only */
    if (deriv)
    {
        arb_one(g + 0);
        return 1;
    }
    arb_zero(g + 0);
    arb_one(g + 1);
    return 2;
}

slong sc_act_growth_jump(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    arb_zero(strip);
    if (deriv)
        arb_zero(g + 0);
    else
        arb_one(g + 0);
    return 1;
}

void sc_arb_clamp_unit(arb_t y, const arb_t x)
{
    arb_t u;
    arb_init(u);
    mag_one(arb_radref(u));
    if (!arb_intersection(y, x, u, ARF_PREC_EXACT))
        arb_indeterminate(y);
    arb_clear(u);
}

void sc_acb_normal_cdf(acb_t res, const acb_t w, slong prec)
{
    /* Phi(w) = erfc(-w / sqrt 2) / 2 */
    acb_t u;
    arb_t r2;
    acb_init(u);
    arb_init(r2);
    arb_sqrt_ui(r2, 2, prec);
    acb_div_arb(u, w, r2, prec);
    acb_neg(u, u);
    acb_hypgeom_erfc(res, u, prec);
    acb_mul_2exp_si(res, res, -1);
    acb_clear(u);
    arb_clear(r2);
}

void sc_act_set_bounds(arb_ptr g, const char *const *vals, slong n, slong prec)
{
    slong i;
    for (i = 0; i < n; i++)
    {
        arb_set_str(g + i, vals[i], prec);
        arb_get_ubound_arf(arb_midref(g + i), g + i, prec);
        mag_zero(arb_radref(g + i));
    }
}
