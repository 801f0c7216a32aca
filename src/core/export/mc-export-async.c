/* mc-export-async.c — exports written in a worker thread
 *
 * The live board belongs to the main thread (its objects, signals and
 * json-glib references are not thread-safe). The job takes the board's
 * text, as a save does, and the worker reads it into a board no other
 * thread sees; layout, text and rendering keep their caches per thread.
 */
#include "config.h"

#include "mc-board-io.h"
#include "mc-export-async.h"

typedef struct
{
  char            *board_data;
  gsize            length;
  McExportOptions  options;     /* its strings point into the fields below */
  char            *figure_id;
  GStrv            figure_ids;
  char            *title;
  McExportJobKind  kind;
  McExportFormat   format;
  GFile           *out;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->board_data);
  g_free (job->figure_id);
  g_strfreev (job->figure_ids);
  g_free (job->title);
  g_clear_object (&job->out);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(McBoard) board = NULL;
  GError *error = NULL;
  gboolean written;

  if (g_task_return_error_if_cancelled (task))
    return;
  board = mc_board_load_from_data (job->board_data, job->length, "export",
                                   MC_BOARD_LOAD_NONE, &error);
  if (board == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->kind == MC_EXPORT_JOB_REPORT)
    written = mc_export_session_report (board, &job->options, job->out, &error);
  else
    written = mc_export_to_file_with_format (board, &job->options, job->format, job->out, &error);
  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
mc_export_to_file_async (McBoard               *board,
                         const McExportOptions *options,
                         McExportJobKind        kind,
                         McExportFormat         format,
                         GFile                 *out,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (MC_IS_BOARD (board));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (out));

  job = g_new0 (ExportJob, 1);
  job->board_data = mc_board_to_data (board, &job->length);
  job->options = *options;
  job->figure_id = g_strdup (options->figure_id);
  job->figure_ids = g_strdupv ((GStrv) options->figure_ids);
  job->title = g_strdup (options->title);
  job->options.figure_id = job->figure_id;
  job->options.figure_ids = (const char * const *) job->figure_ids;
  job->options.title = job->title;
  job->kind = kind;
  job->format = format;
  job->out = g_object_ref (out);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_export_to_file_async);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
mc_export_to_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
