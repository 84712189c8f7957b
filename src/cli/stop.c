/* How a run stops early: SIGINT/SIGTERM and the --budget watchdog (see
   cli.h).

   The polite way is the library's: the first signal sets the interruption
   flag (sc_interrupt), every integrand, precision loop and branch and bound
   polls it, the command returns SC_ERR_INTERRUPTED and exits 128 + N
   without writing anything (outputs are written atomically, so files being
   replaced keep their old content).  The hard way is for a step that
   cannot poll: a second signal, 2 s without the library stopping, or the
   watchdog max(1 s, 10 %) past the deadline end the process from the
   handler itself, with async-signal-safe calls only (unlink of the
   temporary files, write of a message prepared beforehand, _exit). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>
#include "cli.h"

/* seconds the library gets to stop after the first signal */
#define STOP_GRACE 2

static char msg_int[160], msg_term[160], msg_budget[200];

static void hard_exit(const char *msg, int code)
{
    sc_outfile_remove_temps();
    if (write(2, msg, strlen(msg)) < 0)
    {
        /* nothing left to report to */
    }
    _exit(code);
}

static void hard_interrupted(void)
{
    int sig = sc_interrupted();
    hard_exit(sig == SIGTERM ? msg_term : msg_int, sc_cli_interrupted_exit());
}

static void on_signal(int sig)
{
    if (sc_interrupted())
        hard_interrupted();         /* the second signal: stop now */
    sc_interrupt(sig);
    alarm(STOP_GRACE);
}

static void on_alarm(int sig)
{
    (void) sig;
    if (sc_interrupted())
        hard_interrupted();
    hard_exit(msg_budget, SC_EXIT_FAIL);
}

static void install(int sig, void (*fn)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(sig, &sa, NULL);
}

void sc_cli_signals(const char *cmd)
{
    snprintf(msg_int, sizeof msg_int, "synccert %s: interrupted by SIGINT; nothing was written\n", cmd);
    snprintf(msg_term, sizeof msg_term, "synccert %s: interrupted by SIGTERM; nothing was written\n", cmd);
    snprintf(msg_budget, sizeof msg_budget, "synccert %s: time budget exhausted\n", cmd);
    install(SIGINT, on_signal);
    install(SIGTERM, on_signal);
    install(SIGALRM, on_alarm);
}

void sc_cli_deadline_start(const char *cmd, double seconds)
{
    struct itimerval it;
    double grace = FLINT_MAX(1.0, 0.1 * seconds), t = seconds + grace;
    sc_deadline_set(seconds);
    snprintf(msg_budget, sizeof msg_budget, "synccert %s: time budget of %g s exhausted (stopped "
             "%g s after the deadline)\n", cmd, seconds, grace);
    memset(&it, 0, sizeof it);
    it.it_value.tv_sec = (time_t) t;
    it.it_value.tv_usec = (suseconds_t) ((t - (double) (time_t) t) * 1e6);
    if (it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0)
        it.it_value.tv_usec = 1;
    setitimer(ITIMER_REAL, &it, NULL);
}

void sc_cli_watchdog_off(void)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    if (!sc_interrupted())      /* the interruption's grace timer stays */
        setitimer(ITIMER_REAL, &it, NULL);
}

void sc_cli_stopped(void)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    setitimer(ITIMER_REAL, &it, NULL);
}

int sc_cli_interrupted_exit(void)
{
    int sig = sc_interrupted();
    return 128 + (sig > 0 && sig < SC_INTERRUPT_NOSIG ? sig : SIGINT);
}

int sc_cli_budget_fail(const char *cmd, const char *what)
{
    return sc_cli_fail(cmd, SC_EXIT_FAIL, "time budget of %g s exhausted%s%s", sc_deadline_seconds(),
                       what != NULL ? " " : "", what != NULL ? what : "");
}
