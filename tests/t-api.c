/* The README's library example, through the umbrella header: a user's
   program compiles against <synccert/synccert.h> alone and gets certified
   digits. */
#include <string.h>
#include "sc_test.h"
#include "synccert/synccert.h"

static void test_readme_example(void)
{
    sc_act_t act;
    sc_kernel_result r;
    char *s;
    sc_act_init(act);
    sc_kernel_result_init(&r);
    CU_ASSERT_FATAL(sc_act_parse(act, "gelu") == SC_OK);
    CU_ASSERT(sc_kernel_certify(&r, act, NULL, NULL, NULL, 30, SC_KM_AUTO, 0) == SC_OK);
    s = sc_arb_digits(r.K1, 30);            /* 1/3 + 1/(2 pi sqrt 3) */
    CU_ASSERT(strcmp(s, "0.425221482570298674918554416385") == 0);
    flint_free(s);
    CU_ASSERT(sc_arb_sign(r.K1) == 1);
    sc_kernel_result_clear(&r);
    sc_act_clear(act);
}

SC_TEST_MAIN("api", SC_TEST(test_readme_example))
