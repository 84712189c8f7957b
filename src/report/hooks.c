/* Extra sections of the report (see include/synccert/report.h).  Add one
   line per section; each is called in order after the RQF section, with the
   report's options (o->small asks for a quick version).  The comparison of
   simulated and certified values (sec_sim.c) is registered this way. */
#include "synccert/report.h"
#include "sections.h"

const sc_report_hook sc_report_hooks[] = {
    { "Simulated versus certified values", _sc_report_sec_sim },
    { NULL, NULL }
};
