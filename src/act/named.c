/* Named activations defined by one expression each (doc/model.md 2.6):
   evaluation, kinks, growth and the derivative come from the expression
   engine, the smoothing too except for selu and celu, which are elu in
   disguise and take elu's closed form (2.4):
     selu(x) = lambda elu_alpha(x)          E[selu(a + bY)] = lambda S_elu,alpha(a, b),
     celu_alpha(x) = alpha elu_1(x / alpha)  E[celu(a + bY)] = alpha S_elu,1(a/alpha, b/alpha),
     celu'(x) = elu_1'(x / alpha)            E[celu'(a + bY)] = S'_elu,1(a/alpha, b/alpha).  The flags are the expression's exact parity and jump
   property (checked against the engine in tests/t-expr-act.c); hardtanh
   is odd (hardtanh(-x) = -hardtanh(x) from its definition as the clamp
   of x to [-1, 1]), which the tree rules do not see through relu. */
#include "act_expr.h"

int sc_elu_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec);

#define NAMED(ID, SRC) static sc_act_expr_data ID = { SRC, NULL }

/* SELU's standard constants (Klambauer et al. 2017, as in PyTorch) */
#define SELU_SCALE "1.0507009873554804934193349852946"
#define SELU_ALPHA "1.6732632423543772848170429916717"

NAMED(mish_d, "x*tanh(softplus(x))");
NAMED(selu_d, SELU_SCALE "*(relu(x) + " SELU_ALPHA "*expm1(min(x, 0)))");
NAMED(celu_d, "relu(x) + alpha*expm1(min(x, 0)/alpha);alpha=1");
NAMED(relu6_d, "relu(x) - relu(x - 6)");
NAMED(hardtanh_d, "relu(x + 1) - relu(x - 1) - 1");
NAMED(hardsigmoid_d, "(relu(x + 3) - relu(x - 3))/6");
NAMED(hardswish_d, "x*(relu(x + 3) - relu(x - 3))/6");
NAMED(softsign_d, "x/(1 + abs(x))");
NAMED(gelu_sigmoid_d, "x*sigmoid(1.702*x)");

static int selu_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv,
                       arb_srcptr p, slong prec)
{
    arb_t al, la;
    arb_init(al);
    arb_init(la);
    arb_set_str(al, SELU_ALPHA, prec);
    arb_set_str(la, SELU_SCALE, prec);
    sc_elu_smooth(def, res, a, b, deriv, al, prec);
    acb_mul_arb(res, res, la, prec);
    arb_clear(al);
    arb_clear(la);
    return 1;
}

static int celu_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv,
                       arb_srcptr p, slong prec)
{
    acb_t as;
    arb_t bs, one;
    acb_init(as);
    arb_init(bs);
    arb_init(one);
    arb_one(one);
    acb_div_arb(as, a, p + 0, prec);
    arb_div(bs, b, p + 0, prec);
    sc_elu_smooth(def, res, as, bs, deriv, one, prec);
    if (!deriv)
        acb_mul_arb(res, res, p + 0, prec);
    acb_clear(as);
    arb_clear(bs);
    arb_clear(one);
    return 1;
}

static const sc_param_def celu_params[] = {
    { "alpha", "1", "0", "1000000", 1, "max(0, x) + min(0, alpha (e^{x/alpha} - 1)), alpha in (0, 1e6]" }
};

const sc_act_def sc_act_mish = SC_ACT_EXPR_DEF("mish", NULL, "x tanh(softplus(x))", NULL, 0, 0, _sc_act_expr_smooth, &mish_d);
const sc_act_def sc_act_selu = SC_ACT_EXPR_DEF("selu", NULL,
    "lambda (relu(x) + alpha expm1(min(x, 0))), lambda = 1.0507..., alpha = 1.6732...", NULL, 0, 0, selu_smooth, &selu_d);
const sc_act_def sc_act_celu = SC_ACT_EXPR_DEF("celu", NULL, "relu(x) + alpha expm1(min(x, 0)/alpha)",
                                               celu_params, 1, 0, celu_smooth, &celu_d);
const sc_act_def sc_act_relu6 = SC_ACT_EXPR_DEF("relu6", NULL, "min(max(x, 0), 6)", NULL, 0, 0, _sc_act_expr_smooth, &relu6_d);
const sc_act_def sc_act_hardtanh = SC_ACT_EXPR_DEF("hardtanh", NULL, "max(-1, min(1, x))", NULL, 0, SC_ACT_ODD, _sc_act_expr_smooth, &hardtanh_d);
const sc_act_def sc_act_hardsigmoid = SC_ACT_EXPR_DEF("hardsigmoid", NULL, "relu6(x + 3)/6", NULL, 0, 0, _sc_act_expr_smooth, &hardsigmoid_d);
const sc_act_def sc_act_hardswish = SC_ACT_EXPR_DEF("hardswish", NULL, "x relu6(x + 3)/6", NULL, 0, 0, _sc_act_expr_smooth, &hardswish_d);
const sc_act_def sc_act_softsign = SC_ACT_EXPR_DEF("softsign", NULL, "x/(1 + |x|)", NULL, 0, SC_ACT_ODD, _sc_act_expr_smooth, &softsign_d);
const sc_act_def sc_act_gelu_sigmoid = SC_ACT_EXPR_DEF("gelu_sigmoid", NULL, "x sigmoid(1.702 x)", NULL, 0, 0, _sc_act_expr_smooth, &gelu_sigmoid_d);
