/* Extra sections of the report (see include/synccert/report.h).  Add one
   line per section; each is called in order after the RQF section, with the
   report's options (o->small asks for a quick version).  For example, the
   simulator's comparison of simulated and certified values would be
       { "Simulated versus certified values", sc_report_sim_section },
   with sc_report_sim_section declared here and defined next to the
   simulator. */
#include "synccert/report.h"

int sc_report_sim_section(FILE *tex, FILE *summary, const sc_report_opts *o);   /* sim_section.c */

const sc_report_hook sc_report_hooks[] = {
    { "Simulated versus certified values", sc_report_sim_section },
    { NULL, NULL }
};
