/* The built-in activations, in the order `synccert help activations` and the
   default tables list them.  Adding one: a file src/act/NAME.c defining
   `const sc_act_def sc_act_NAME` and one line in each list below. */
#include "synccert/act.h"

extern const sc_act_def sc_act_linear;
extern const sc_act_def sc_act_relu;
extern const sc_act_def sc_act_leaky_relu;
extern const sc_act_def sc_act_abs;
extern const sc_act_def sc_act_step;
extern const sc_act_def sc_act_sign;
extern const sc_act_def sc_act_erf;
extern const sc_act_def sc_act_tanh;
extern const sc_act_def sc_act_sigmoid;
extern const sc_act_def sc_act_gelu;
extern const sc_act_def sc_act_gelu_tanh;
extern const sc_act_def sc_act_silu;
extern const sc_act_def sc_act_softplus;
extern const sc_act_def sc_act_elu;
extern const sc_act_def sc_act_sin;
extern const sc_act_def sc_act_cos;
extern const sc_act_def sc_act_relu2;
extern const sc_act_def sc_act_relu6;
extern const sc_act_def sc_act_hardtanh;
extern const sc_act_def sc_act_hardsigmoid;
extern const sc_act_def sc_act_hardswish;
extern const sc_act_def sc_act_softsign;
extern const sc_act_def sc_act_selu;
extern const sc_act_def sc_act_celu;
extern const sc_act_def sc_act_mish;
extern const sc_act_def sc_act_gelu_sigmoid;
extern const sc_act_def sc_act_exp;
extern const sc_act_def sc_act_gaussian;
extern const sc_act_def sc_act_hermite;
extern const sc_act_def sc_act_poly;

const sc_act_def *const sc_act_registry[] = {
    &sc_act_linear,
    &sc_act_relu,
    &sc_act_leaky_relu,
    &sc_act_abs,
    &sc_act_step,
    &sc_act_sign,
    &sc_act_erf,
    &sc_act_tanh,
    &sc_act_sigmoid,
    &sc_act_gelu,
    &sc_act_gelu_tanh,
    &sc_act_silu,
    &sc_act_softplus,
    &sc_act_elu,
    &sc_act_sin,
    &sc_act_cos,
    &sc_act_relu2,
    &sc_act_relu6,
    &sc_act_hardtanh,
    &sc_act_hardsigmoid,
    &sc_act_hardswish,
    &sc_act_softsign,
    &sc_act_selu,
    &sc_act_celu,
    &sc_act_mish,
    &sc_act_gelu_sigmoid,
    &sc_act_exp,
    &sc_act_gaussian,
    &sc_act_hermite,
    &sc_act_poly,
    NULL
};
