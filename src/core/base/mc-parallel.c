/* mc-parallel.c — independent pieces of work spread over the cores */
#include "config.h"

#include "mc-parallel.h"

#define MAX_THREADS 8

typedef struct
{
  guint          n_items;
  guint          chunk;
  gint           next;
  McParallelFunc func;
  gpointer       user_data;
} Work;

/* Takes pieces in chunks, so threads rarely touch the shared counter. */
static gpointer
work (gpointer data)
{
  Work *w = data;

  for (;;)
    {
      guint first = (guint) g_atomic_int_add (&w->next, (gint) w->chunk);

      if (first >= w->n_items)
        break;
      for (guint i = first; i < MIN (first + w->chunk, w->n_items); i++)
        w->func (i, w->user_data);
    }
  return NULL;
}

static guint
n_threads_for (guint n_items,
               guint min_per_thread)
{
  const char *forced = g_getenv ("MC_THREADS");
  guint n = g_get_num_processors ();

  if (forced != NULL && *forced != '\0')
    n = (guint) g_ascii_strtoull (forced, NULL, 10);
  n = MIN (n, MAX_THREADS);
  n = MIN (n, n_items / MAX (min_per_thread, 1));
  return MAX (n, 1);
}

void
mc_parallel_for (guint          n_items,
                 guint          min_per_thread,
                 McParallelFunc func,
                 gpointer       user_data)
{
  guint n_threads = n_threads_for (n_items, min_per_thread);
  Work w = { n_items, CLAMP (n_items / (n_threads * 8), 1, 16), 0, func, user_data };
  GThread *threads[MAX_THREADS] = { NULL, };

  g_return_if_fail (func != NULL);

  /* The calling thread is one of them; a thread that cannot start leaves
   * its share to the others. */
  for (guint i = 1; i < n_threads; i++)
    threads[i] = g_thread_try_new ("mc-parallel", work, &w, NULL);
  work (&w);
  for (guint i = 1; i < n_threads; i++)
    if (threads[i] != NULL)
      g_thread_join (threads[i]);
}
