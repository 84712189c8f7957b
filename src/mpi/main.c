/* synccert-mpi: the CLI with `certify` distributed over MPI ranks
   (`make mpi`; the library and the default build know nothing of MPI).

   Rank 0 runs the ordinary CLI (src/cli/main.c compiled with
   -Dmain=sc_cli_main), so it parses the options, owns the verified work
   list, replays it strictly sequentially, writes checkpoints and prints;
   the only difference is the evaluator of sc_regime_run
   (sc_regime_set_evaluator): each round's batch of boxes is handed out
   dynamically, in chunks, to the worker ranks.  Workers receive the
   problem as text (sc_regime_problem_text) and then only box coordinates,
   and answer with verdicts from sc_regime_eval_boxes.  A verdict depends
   only on the box, so the leaves, classes and fractions are those of the
   single-process run whatever the number of ranks and the timing.

   Messages (MPI_BYTE, same binary on every rank):
     PROBLEM  0 -> w   the problem's text, NUL-terminated
     WORK     0 -> w   work_hdr then n sc_box_t
     RESULT   w -> 0   int32 {start, n, verdict[0 .. n-1]}
     QUIT     0 -> w   empty
   Chunks are guided: half of the remaining boxes' share per rank (at
   least 1, at most MAXCHUNK), so they shrink towards the end of a batch and
   the ranks finish together; two chunks in flight per worker, so a worker
   never waits for rank 0; with fewer than OWNER_HELPS workers rank 0 also
   evaluates single boxes while it waits.  The deadline travels as the
   seconds left.  SYNCCERT_MPI_STATS=1 prints rank 0's counts at the end
   (boxes, chunks, bytes, rank 0's own CPU time outside box evaluations:
   the numbers behind bench/results.md's scaling estimate).

   Failures: when a rank dies, OpenMPI 4's mpirun kills every other rank
   with SIGKILL at once and prints which rank died (exit status 128 + its
   signal): no rank can report anything, nothing is printed or written, and
   the last periodic checkpoint resumes the run.  A cancelled job (SIGTERM
   to every rank, e.g. scancel) stops like an interrupted single-process
   run: rank 0 saves the checkpoint and says so in one line. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <mpi.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "synccert/regime.h"

int sc_cli_main(int argc, char **argv);

enum { TAG_PROBLEM = 1, TAG_WORK, TAG_RESULT, TAG_QUIT };

#define MAXCHUNK 64
#define INFLIGHT 2
#define OWNER_HELPS 4

typedef struct
{
    double left;        /* seconds to the deadline, 0: none */
    int32_t start, n;
}
work_hdr;

static int nranks, myrank;

/* Wait a little before polling again: 20 us doubling up to 1 ms while
   nothing arrives (no busy wait on a shared core; boxes take milliseconds,
   and the second chunk in flight hides the latency).  *us = 0 after a
   message. */
static void idle(long *us)
{
    struct timespec ts;
    *us = *us <= 0 ? 20 : FLINT_MIN(1000, 2 * *us);
    ts.tv_sec = 0;
    ts.tv_nsec = 1000 * *us;
    nanosleep(&ts, NULL);
}

/* ---------- rank 0 ---------- */

typedef struct
{
    char *text;                 /* the problem the workers hold */
    int *inflight;              /* chunks in flight per rank */
    /* a send buffer per chunk in flight (rank w: slots INFLIGHT w ..):
       MPI_Isend, as a chunk above the eager limit would block a plain
       MPI_Send, busy-waiting, until the worker finished its current one */
    unsigned char **buf;
    size_t *bufsize;
    MPI_Request *req;
    /* statistics */
    slong boxes, own_boxes, chunks, nbatch;
    slong *batch;               /* the size of every batch */
    double bytes_out, bytes_in, own_cpu, wait_cpu, dispatch_cpu, replay_cpu, last;
    double probe_cpu;           /* MPI_Iprobe for results, and how often */
    slong nprobe;
}
owner_state;

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static void send_problem(owner_state *O, const sc_regime_problem *P)
{
    char *text = sc_regime_problem_text(P);
    int w;
    if (O->text != NULL && strcmp(O->text, text) == 0)
    {
        flint_free(text);
        return;
    }
    for (w = 1; w < nranks; w++)
        MPI_Send(text, (int) strlen(text) + 1, MPI_CHAR, w, TAG_PROBLEM, MPI_COMM_WORLD);
    flint_free(O->text);
    O->text = text;
}

static void send_work(owner_state *O, int w, const sc_box_t *b, slong start, slong n, double deadline)
{
    work_hdr h;
    size_t size = sizeof h + n * sizeof(sc_box_t);
    int k, flag = 0;
    /* a slot whose send has completed (one has: fewer than INFLIGHT chunks
       of w are unanswered, and an answered chunk was received) */
    for (k = w * INFLIGHT; ; k = k + 1 < (w + 1) * INFLIGHT ? k + 1 : w * INFLIGHT)
    {
        MPI_Test(O->req + k, &flag, MPI_STATUS_IGNORE);
        if (flag)
            break;
    }
    if (size > O->bufsize[k])
        O->buf[k] = flint_realloc(O->buf[k], O->bufsize[k] = size);
    h.left = deadline > 0 ? FLINT_MAX(1e-6, deadline - sc_clock_seconds()) : 0;
    h.start = (int32_t) start;
    h.n = (int32_t) n;
    memcpy(O->buf[k], &h, sizeof h);
    memcpy(O->buf[k] + sizeof h, b + start, n * sizeof(sc_box_t));
    MPI_Isend(O->buf[k], (int) size, MPI_BYTE, w, TAG_WORK, MPI_COMM_WORLD, O->req + k);
    O->inflight[w]++;
    O->chunks++;
    O->bytes_out += size;
}

/* one result if there is one: 1, else 0 */
static int take_result(owner_state *O, int *verdict, slong *done)
{
    MPI_Status st;
    int flag, count, k;
    int32_t *r;
    double c0 = cpu_seconds();
    MPI_Iprobe(MPI_ANY_SOURCE, TAG_RESULT, MPI_COMM_WORLD, &flag, &st);
    O->probe_cpu += cpu_seconds() - c0;
    O->nprobe++;
    if (!flag)
        return 0;
    MPI_Get_count(&st, MPI_INT32_T, &count);
    r = flint_malloc(FLINT_MAX(count, 2) * sizeof(int32_t));
    MPI_Recv(r, count, MPI_INT32_T, st.MPI_SOURCE, TAG_RESULT, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    for (k = 0; k < r[1]; k++)
        verdict[r[0] + k] = r[2 + k];
    *done += r[1];
    O->inflight[st.MPI_SOURCE]--;
    O->bytes_in += count * sizeof(int32_t);
    flint_free(r);
    return 1;
}

static int owner_eval(void *ctx, int *verdict, const sc_box_t *b, slong n, const sc_regime_problem *P,
                      double deadline)
{
    owner_state *O = ctx;
    slong next = 0, done = 0, nw = nranks - 1, share = nw + (nw < OWNER_HELPS);
    long us = 0;
    int w;
    double c_in = cpu_seconds(), own0 = O->own_cpu, wait0 = O->wait_cpu;
    /* rank 0's work between two batches: the replay and the collection */
    if (O->last > 0)
        O->replay_cpu += c_in - O->last;
    O->boxes += n;
    if ((O->nbatch & (O->nbatch - 1)) == 0)
        O->batch = flint_realloc(O->batch, 2 * FLINT_MAX(1, O->nbatch) * sizeof(slong));
    O->batch[O->nbatch++] = n;
    if (nw == 0)
    {
        int rc = sc_regime_eval_boxes(verdict, b, n, P, deadline);
        O->own_cpu += cpu_seconds() - c_in;
        O->last = cpu_seconds();
        return rc;
    }
    send_problem(O, P);
    while (done < n)
    {
        for (w = 1; w < nranks && next < n && !sc_interrupted(); w++)
            while (O->inflight[w] < INFLIGHT && next < n)
            {
                slong m = FLINT_MAX(1, FLINT_MIN(MAXCHUNK, (n - next) / (2 * share)));
                send_work(O, w, b, next, m, deadline);
                next += m;
            }
        if (take_result(O, verdict, &done))
        {
            us = 0;
            continue;
        }
        if (sc_interrupted() && next < n)
        {
            /* no more chunks: the rest is not evaluated */
            for (; next < n; next++, done++)
                verdict[next] = -1;
        }
        else if (next < n && nw < OWNER_HELPS)
        {
            double c0 = cpu_seconds();
            sc_regime_eval_boxes(verdict + next, b + next, 1, P, deadline);
            O->own_cpu += cpu_seconds() - c0;
            O->own_boxes++;
            next++;
            done++;
        }
        else
        {
            double c0 = cpu_seconds();
            idle(&us);
            O->wait_cpu += cpu_seconds() - c0;
        }
    }
    O->last = cpu_seconds();
    O->dispatch_cpu += O->last - c_in - (O->own_cpu - own0) - (O->wait_cpu - wait0);
    return SC_OK;
}

/* ---------- workers ---------- */

static void on_signal(int sig)
{
    sc_interrupt(sig);          /* unfinished boxes come back as -1 */
}

static void worker(void)
{
    sc_regime_problem P;
    int have = 0;
    unsigned char *buf = NULL;
    int32_t *res = NULL;
    int *v = NULL;
    long us = 0;
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    for (;;)
    {
        MPI_Status st;
        int flag, count, k;
        MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
        if (!flag)
        {
            idle(&us);
            continue;
        }
        us = 0;
        MPI_Get_count(&st, MPI_BYTE, &count);
        buf = flint_realloc(buf, FLINT_MAX(count, 1));
        MPI_Recv(buf, count, MPI_BYTE, 0, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (st.MPI_TAG == TAG_QUIT)
            break;
        if (st.MPI_TAG == TAG_PROBLEM)
        {
            if (have)
                sc_regime_problem_clear(&P);
            sc_regime_problem_init(&P);
            if (sc_regime_problem_from_text(&P, (const char *) buf) != SC_OK)
            {
                fprintf(stderr, "synccert-mpi: rank %d: %s\n", myrank, sc_last_error());
                MPI_Abort(MPI_COMM_WORLD, 1);
            }
            have = 1;
        }
        else if (st.MPI_TAG == TAG_WORK && have)
        {
            work_hdr h;
            sc_box_t *b;
            memcpy(&h, buf, sizeof h);
            b = flint_malloc(FLINT_MAX(h.n, 1) * sizeof(sc_box_t));
            memcpy(b, buf + sizeof h, h.n * sizeof(sc_box_t));
            v = flint_realloc(v, FLINT_MAX(h.n, 1) * sizeof(int));
            res = flint_realloc(res, (h.n + 2) * sizeof(int32_t));
            sc_regime_eval_boxes(v, b, h.n, &P, h.left > 0 ? sc_clock_seconds() + h.left : 0);
            res[0] = h.start;
            res[1] = h.n;
            for (k = 0; k < h.n; k++)
                res[2 + k] = v[k];
            MPI_Send(res, h.n + 2, MPI_INT32_T, 0, TAG_RESULT, MPI_COMM_WORLD);
            flint_free(b);
        }
    }
    if (have)
        sc_regime_problem_clear(&P);
    sc_regime_cache_clear();
    flint_free(buf);
    flint_free(res);
    flint_free(v);
}

int main(int argc, char **argv)
{
    int rc = 0, provided, w;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_size(MPI_COMM_WORLD, &nranks);
    MPI_Comm_rank(MPI_COMM_WORLD, &myrank);
#ifdef _OPENMP
    /* one thread per rank unless OMP_NUM_THREADS says otherwise */
    if (getenv("OMP_NUM_THREADS") == NULL)
        omp_set_num_threads(1);
#endif
    if (myrank == 0)
    {
        owner_state O;
        sc_regime_evaluator E;
        memset(&O, 0, sizeof O);
        O.inflight = flint_calloc(nranks, sizeof(int));
        O.buf = flint_calloc(nranks * INFLIGHT, sizeof(unsigned char *));
        O.bufsize = flint_calloc(nranks * INFLIGHT, sizeof(size_t));
        O.req = flint_malloc(nranks * INFLIGHT * sizeof(MPI_Request));
        for (w = 0; w < nranks * INFLIGHT; w++)
            O.req[w] = MPI_REQUEST_NULL;
        E.eval = owner_eval;
        E.ctx = &O;
        sc_regime_set_evaluator(&E);
        double c0 = cpu_seconds(), t0 = MPI_Wtime();
        rc = sc_cli_main(argc, argv);
        if (getenv("SYNCCERT_MPI_STATS") != NULL)
            fprintf(stderr, "synccert-mpi: stats: ranks %d, boxes %ld (rank 0 evaluated %ld), chunks %ld, "
                    "bytes to workers %.0f, from workers %.0f, rank 0 CPU: evaluating %.3f s, "
                    "polling %.3f s, dispatch %.3f s (of which %ld probes %.3f s), replay %.3f s, the rest %.3f s, "
                    "wall %.3f s\n", nranks, (long) O.boxes, (long) O.own_boxes, (long) O.chunks, O.bytes_out,
                    O.bytes_in, O.own_cpu, O.wait_cpu, O.dispatch_cpu, (long) O.nprobe, O.probe_cpu, O.replay_cpu,
                    cpu_seconds() - c0 - O.own_cpu - O.wait_cpu - O.dispatch_cpu - O.replay_cpu,
                    MPI_Wtime() - t0);
        if (getenv("SYNCCERT_MPI_STATS") != NULL)
        {
            slong k;
            fprintf(stderr, "synccert-mpi: batches:");
            for (k = 0; k < O.nbatch; k++)
                fprintf(stderr, " %ld", (long) O.batch[k]);
            fprintf(stderr, "\n");
        }
        flint_free(O.batch);
        for (w = 1; w < nranks; w++)
            MPI_Send(NULL, 0, MPI_BYTE, w, TAG_QUIT, MPI_COMM_WORLD);
        sc_regime_set_evaluator(NULL);
        flint_free(O.text);
        for (w = 0; w < nranks * INFLIGHT; w++)
        {
            if (O.req[w] != MPI_REQUEST_NULL)
                MPI_Cancel(O.req + w);
            flint_free(O.buf[w]);
        }
        flint_free(O.inflight);
        flint_free(O.buf);
        flint_free(O.bufsize);
        flint_free(O.req);
    }
    else
        worker();
    MPI_Finalize();
    return rc;
}
