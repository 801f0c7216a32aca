/* mc-bench-util.h — what the benchmark programs share: clocks and the
 * order statistics they print */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The monotonic clock, in milliseconds. */
double mc_bench_now_ms     (void);
/* CPU time (user + system) in milliseconds of RUSAGE_SELF or of the
 * finished children (RUSAGE_CHILDREN). */
double mc_bench_cpu_ms     (int     who);
/* Both sort values. */
double mc_bench_median     (double *values,
                            guint   n);
/* The value below which fraction of values lie. */
double mc_bench_percentile (double *values,
                            guint   n,
                            double  fraction);

G_END_DECLS
