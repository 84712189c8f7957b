/* synccert: the whole public API in one include.
   Build with `pkg-config --cflags --libs synccert` (or, by hand, link with
   -lsynccert -lflint-arb -lflint -lmpfr -lgmp -lgsl -lopenblas -lm -fopenmp).
   Every header is usable from C++ (extern "C"); conventions (init/clear,
   aliasing, errors, threads): doc/conventions.md and synccert(3). */
#ifndef SYNCCERT_H
#define SYNCCERT_H

#include "synccert/common.h"      /* status codes, errors, time budget */
#include "synccert/parse.h"       /* exact decimal inputs */
#include "synccert/act.h"         /* activations and the registry */
#include "synccert/gauss.h"       /* certified Gaussian expectations */
#include "synccert/kernel.h"      /* the dual kernel K, K' */
#include "synccert/kfun.h"    /* K, K', D over intervals of rho */
#include "synccert/twopoint.h"    /* b, a, lambda, v, p*, antipodal class */
#include "synccert/critdim.h"     /* critical dimension */
#include "synccert/rqf.h"         /* the Random Quadratic Form */
#include "synccert/coercivity.h"  /* c_p, c_p^pm and the attention certificate */
#include "synccert/pair.h"        /* two tokens with attention: classes, P(sync) */
#include "synccert/regime.h"      /* certified parameter regimes */
#include "synccert/core.h"        /* the verified core (pure C) */
#include "synccert/verdict.h"     /* verdicts from enclosures */
#include "synccert/print.h"       /* certified digits */
#include "synccert/box.h"         /* parameter boxes and the work list */
#include "synccert/table.h"       /* tables of certified quantities */
#include "synccert/report.h"      /* the LaTeX report */
#include "synccert/sim.h"         /* the simulator (statistical, not certified) */
#include "synccert/bind.h"        /* results as JSON; the entry point for bindings */

#endif
