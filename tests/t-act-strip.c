/* The growth bounds in a strip claimed by the analytic activations (their
   `growth` callbacks, proved in each file's header comment and used by the
   trapezoidal rules of doc/model.md section 8.12): |phi^(d)(x + iy)| <=
   sum_j g_j |x|^j for |y| <= strip, checked at points of the strip up to
   its edges, where the bounds are nearly attained (tanh at x = 0). */
#include "sc_test.h"
#include "synccert/act.h"

static void check_strip(const char *spec, slong num, slong den)
{
    sc_act_t a;
    arb_ptr p, g = _arb_vec_init(136);
    arb_t strip, want, bound, ax, y, v;
    acb_t z, f;
    slong d, n, i, j, k;
    sc_act_init(a);
    CU_ASSERT_FATAL(sc_act_parse(a, spec) == SC_OK);
    p = sc_act_params(a, 128);
    arb_init(strip); arb_init(want); arb_init(bound); arb_init(ax); arb_init(y); arb_init(v);
    acb_init(z); acb_init(f);
    for (d = 0; d <= 1; d++)
    {
        n = a->def->growth(a->def, g, strip, (int) d, p, 128);
        CU_ASSERT(n >= 1);
        /* the strip is the one derived in the file (num/den, or a lower bound of it) */
        arb_set_si(want, num);
        arb_div_si(want, want, den, 128);
        arb_sub(want, want, strip, 128);
        CU_ASSERT(arb_is_nonnegative(want));
        arb_mul_2exp_si(want, want, 10);
        arb_sub(want, want, strip, 128);
        CU_ASSERT(arb_is_negative(want));       /* and not much smaller */
        for (i = -400; i <= 400; i++)
            for (j = -4; j <= 4; j++)
            {
                arb_set_si(acb_realref(z), i);
                arb_mul_2exp_si(acb_realref(z), acb_realref(z), -3);      /* x = i/8 */
                arb_mul_si(acb_imagref(z), strip, j, 128);
                arb_mul_2exp_si(acb_imagref(z), acb_imagref(z), -2);      /* y = strip j/4 */
                CU_ASSERT(arb_is_exact(acb_imagref(z)));
                a->def->eval(a->def, f, z, (int) d, 0, p, 128);
                acb_abs(v, f, 128);
                arb_abs(ax, acb_realref(z));
                arb_zero(bound);
                for (k = n - 1; k >= 0; k--)
                {
                    arb_mul(bound, bound, ax, 128);
                    arb_add(bound, bound, g + k, 128);
                }
                if (!arb_le(v, bound))
                {
                    printf("\n  %s deriv %ld at ", spec, (long) d);
                    acb_printn(z, 10, 0);
                    printf(": |phi| = ");
                    arb_printn(v, 10, 0);
                    printf(" > ");
                    arb_printn(bound, 10, 0);
                    printf("\n");
                }
                CU_ASSERT(arb_le(v, bound));
            }
    }
    sc_act_params_clear(p, a);
    sc_act_clear(a);
    _arb_vec_clear(g, 136);
    arb_clear(strip); arb_clear(want); arb_clear(bound); arb_clear(ax); arb_clear(y); arb_clear(v);
    acb_clear(z); acb_clear(f);
}

static void test_strips(void)
{
    check_strip("tanh", 3, 2);
    check_strip("sigmoid", 5, 2);
    check_strip("silu", 5, 2);
    check_strip("silu:beta=3", 5, 6);
    check_strip("softplus", 5, 2);
    check_strip("softplus:beta=3/10", 25, 3);
    check_strip("gelu_tanh", 2, 1);
}

/* The bound of tanh is attained to 4 digits at x = 0, y = 3/2: tan(3/2) =
   14.1014...; a strip much wider would contain the pole at i pi/2. */
static void test_tanh_sharp(void)
{
    sc_act_t a;
    arb_ptr p, g = _arb_vec_init(136);
    arb_t strip, t;
    acb_t z, f;
    sc_act_init(a);
    sc_act_parse(a, "tanh");
    p = sc_act_params(a, 64);
    arb_init(strip); arb_init(t);
    acb_init(z); acb_init(f);
    a->def->growth(a->def, g, strip, 0, p, 64);
    acb_zero(z);
    arb_set(acb_imagref(z), strip);
    a->def->eval(a->def, f, z, 0, 0, p, 64);
    acb_abs(t, f, 64);
    arb_mul_ui(t, t, 10001, 64);
    arb_div_ui(t, t, 10000, 64);
    CU_ASSERT(arb_gt(t, g + 0));
    arb_const_pi(t, 64);
    arb_mul_2exp_si(t, t, -1);
    CU_ASSERT(arb_lt(strip, t));
    sc_act_params_clear(p, a);
    sc_act_clear(a);
    _arb_vec_clear(g, 136);
    arb_clear(strip); arb_clear(t);
    acb_clear(z); acb_clear(f);
}

SC_TEST_MAIN("act-strip",
    SC_TEST(test_strips),
    SC_TEST(test_tanh_sharp))
