/* mc-text-batch.c — many texts measured or fitted at once, on every core
 *
 * A large board's notes are laid out one by one, and shaping their texts
 * is most of that time. Each text's measure and fit depend only on the
 * text, its style and its box, so a caller that knows many of them at
 * once (the layout, before it packs and before it draws a board's notes)
 * hands them over together (mc_parallel_for()). Each thread shapes with
 * its own pango context (mc_text_get_context()); the measures are shared
 * through their cache.
 */
#include "config.h"

#include "mc-parallel.h"
#include "mc-text-private.h"

/* Fewer jobs than this per thread are not worth a thread: starting one
 * (and its font map) costs about as much as fitting a few dozen notes. */
#define MIN_JOBS_PER_THREAD 64

static void
fit_one (guint    index,
         gpointer user_data)
{
  McTextFitJob *job = (McTextFitJob *) user_data + index;

  job->layout = mc_text_layout_fit (job->text, &job->style, job->width, job->height,
                                    job->min_size, &job->fits);
}

static void
measure_one (guint    index,
             gpointer user_data)
{
  McTextFitJob *job = (McTextFitJob *) user_data + index;

  _mc_text_measure_unref (_mc_text_measure_get (job->text, &job->style));
}

void
mc_text_layout_fit_many (McTextFitJob *jobs,
                         guint         n_jobs)
{
  g_return_if_fail (jobs != NULL || n_jobs == 0);

  mc_parallel_for (n_jobs, MIN_JOBS_PER_THREAD, fit_one, jobs);
}

void
mc_text_measure_many (McTextFitJob *jobs,
                      guint         n_jobs)
{
  g_return_if_fail (jobs != NULL || n_jobs == 0);

  mc_parallel_for (n_jobs, MIN_JOBS_PER_THREAD, measure_one, jobs);
}
