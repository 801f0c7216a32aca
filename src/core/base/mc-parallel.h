/* mc-parallel.h — independent pieces of work spread over the cores
 *
 * For work whose pieces share nothing but read-only input and caches
 * that lock themselves: a board's note texts, its figures. Each piece is
 * done exactly once; the threads are joined before mc_parallel_for()
 * returns, so what they made is the caller's alone from then on.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*McParallelFunc) (guint    index,
                                gpointer user_data);

/* Calls func for every index below n_items, on up to one thread per core
 * (the calling thread among them), and never more threads than
 * n_items / min_per_thread: fewer pieces than that are done in the
 * calling thread alone. MC_THREADS=N in the environment caps the threads
 * (1: the calling thread only), for the benchmark and the tests. */
void  mc_parallel_for (guint          n_items,
                       guint          min_per_thread,
                       McParallelFunc func,
                       gpointer       user_data);

G_END_DECLS
