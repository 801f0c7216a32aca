/* mc-bench-util.c — clocks and order statistics of the benchmark programs */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "mc-bench-util.h"

double
mc_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

double
mc_bench_cpu_ms (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
mc_bench_median (double *values,
                 guint   n)
{
  g_return_val_if_fail (n > 0, 0);
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double
mc_bench_percentile (double *values,
                     guint   n,
                     double  fraction)
{
  g_return_val_if_fail (n > 0, 0);
  qsort (values, n, sizeof (double), compare_doubles);
  return values[MIN (n - 1, (guint) (fraction * n))];
}
