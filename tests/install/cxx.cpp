// The public headers from C++: every header through <synccert/synccert.h>
// (extern "C"), a certified computation and the bindings' entry point.
#include <cstdio>
#include <cstring>
#include <string>
#include <synccert/synccert.h>

int main()
{
    sc_act_t act;
    sc_lyap_result r;
    fmpz_t d;
    int fails = 0;

    sc_act_init(act);
    sc_lyap_result_init(&r);
    fmpz_init_set_ui(d, 4);
    if (sc_act_parse(act, "relu") != SC_OK ||
        sc_lyapunov_certify(&r, act, d, NULL, NULL, NULL, 15, 0) != SC_OK)
        fails++;
    else
    {
        char *s = sc_arb_digits(r.lambda, 15);   // relu: lambda = -K(1) = -1/2
        fails += std::string(s) != "-0.500000000000000";
        fails += r.verdict != SC_SYNC_YES || sc_arb_sign(r.lambda) != -1;
        std::printf("lambda %s %s\n", s, sc_verdict_name(r.verdict));
        flint_free(s);
    }
    const char *kv[] = { "rho", "2", NULL };
    char *out = NULL;
    fails += sc_bind_call(&out, "kernel", "tanh", kv) != SC_ERR_INPUT;
    fails += out == NULL || std::strcmp(out, "--rho must lie in [-1, 1] (got 2)") != 0;
    sc_bind_free(out);
    fmpz_clear(d);
    sc_lyap_result_clear(&r);
    sc_act_clear(act);
    flint_cleanup();
    std::printf("%s\n", fails ? "FAILED" : "ok");
    return fails != 0;
}
