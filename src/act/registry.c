/* The built-in activations, in the order `synccert help activations` and the
   default tables list them.  Adding one: a file src/act/NAME.c defining
   `const sc_act_def sc_act_NAME` and one line in each list below. */
#include "synccert/act.h"

extern const sc_act_def sc_act_relu;
extern const sc_act_def sc_act_tanh;

const sc_act_def *const sc_act_registry[] = {
    &sc_act_relu,
    &sc_act_tanh,
    NULL
};
