/* mc-text-batch.c — many texts fitted at once, on every core
 *
 * A large board's notes are laid out one by one, and shaping their texts
 * is most of that time. Each text's fit depends only on the text, its
 * style and its box, so a caller that knows many of them at once (the
 * layout, before it draws a board's notes) hands them over together and
 * they are fitted in parallel. Each thread shapes with its own pango
 * context (mc_text_get_context()); the threads are joined before this
 * returns, so the layouts they made are used from then on by the caller
 * alone. The text measures are shared through their cache.
 */
#include "config.h"


#include "mc-text-private.h"

/* Fewer jobs than this are fitted in the calling thread: starting a
 * thread (and its font map) costs about as much as fitting a few dozen
 * notes. */
#define MIN_JOBS_PER_THREAD 64
#define MAX_THREADS         8
/* Jobs are taken in chunks, so threads rarely touch the shared counter. */
#define CHUNK               16

typedef struct
{
  McTextFitJob *jobs;
  guint         n_jobs;
  gint          next;
  void        (*run) (McTextFitJob *job);
} Batch;

static void
fit_one (McTextFitJob *job)
{
  job->layout = mc_text_layout_fit (job->text, &job->style, job->width, job->height,
                                    job->min_size, &job->fits);
}

static void
measure_one (McTextFitJob *job)
{
  _mc_text_measure_unref (_mc_text_measure_get (job->text, &job->style));
}

static gpointer
run_batch (gpointer data)
{
  Batch *batch = data;

  for (;;)
    {
      guint first = (guint) g_atomic_int_add (&batch->next, CHUNK);

      if (first >= batch->n_jobs)
        break;
      for (guint i = first; i < MIN (first + CHUNK, batch->n_jobs); i++)
        batch->run (&batch->jobs[i]);
    }
  return NULL;
}

/* MC_TEXT_THREADS=N caps the threads (1: the calling thread alone), for
 * the benchmark and the tests that compare both. */
static guint
n_threads_for (guint n_jobs)
{
  const char *forced = g_getenv ("MC_TEXT_THREADS");
  guint n = g_get_num_processors ();

  if (forced != NULL && *forced != '\0')
    n = (guint) g_ascii_strtoull (forced, NULL, 10);
  n = MIN (n, MAX_THREADS);
  n = MIN (n, n_jobs / MIN_JOBS_PER_THREAD);
  return MAX (n, 1);
}

static void
run_jobs (McTextFitJob  *jobs,
          guint          n_jobs,
          void         (*run) (McTextFitJob *job))
{
  Batch batch = { jobs, n_jobs, 0, run };
  GThread *threads[MAX_THREADS] = { NULL, };
  guint n_threads = n_threads_for (n_jobs);

  /* The calling thread is one of them. */
  for (guint i = 1; i < n_threads; i++)
    threads[i] = g_thread_try_new ("mc-text-fit", run_batch, &batch, NULL);
  run_batch (&batch);
  for (guint i = 1; i < n_threads; i++)
    if (threads[i] != NULL)
      g_thread_join (threads[i]);
}

void
mc_text_layout_fit_many (McTextFitJob *jobs,
                         guint         n_jobs)
{
  g_return_if_fail (jobs != NULL || n_jobs == 0);

  run_jobs (jobs, n_jobs, fit_one);
}

void
mc_text_measure_many (McTextFitJob *jobs,
                      guint         n_jobs)
{
  g_return_if_fail (jobs != NULL || n_jobs == 0);

  run_jobs (jobs, n_jobs, measure_one);
}
