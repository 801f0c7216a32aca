/* mc-merge-dialog.c — merging another copy of the board into this one
 *
 * Pick the other copy, merge it (one undo step), and say what happened.
 * The common base is found from the copies' revision marks when they have
 * them (mc-merge.h); the command line takes an explicit --base. The other
 * copy is read in a worker thread (a synced or network folder can take
 * seconds); only the merge itself, which edits the board, runs on the main
 * thread.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-board-io.h"
#include "mc-merge.h"
#include <adwaita.h>

#include "mc-merge-dialog.h"

typedef struct
{
  GtkWindow            *parent;
  McBoard              *board;
  GtkFileChooserNative *chooser;
  GDestroyNotify        done;       /* called once the merge is over */
  gpointer              done_data;
} MergeRequest;

static void
merge_request_free (MergeRequest *request)
{
  g_clear_weak_pointer (&request->parent);
  g_clear_object (&request->board);
  g_clear_object (&request->chooser);
  g_free (request);
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
append_line (GString    *body,
             const char *line)
{
  if (body->len > 0)
    g_string_append_c (body, '\n');
  /* TRANSLATORS: one line of the merge summary, as a list item */
  g_string_append_printf (body, _("• %s"), line);
}

/* One line of the summary from an ngettext form. */
static void G_GNUC_PRINTF (2, 3)
append_count (GString    *body,
              const char *format,
              ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  append_line (body, line);
}

/* The summary a facilitator reads once: one line per kind of change that
 * happened, conflicts last with what to do about them. */
static char *
describe_result (McMergeResult *result)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint added = mc_merge_result_get_n_added (result);
  guint changed = mc_merge_result_get_n_changed (result);
  guint removed = mc_merge_result_get_n_removed (result);
  guint conflicts = mc_merge_result_get_n_conflicts (result);
  guint kept = mc_merge_result_get_n_kept_deleted (result);
  guint figures = mc_merge_result_get_n_figures_added (result);

  if (mc_merge_result_is_empty (result))
    return g_strdup (_("This board already has everything the other copy has."));

  append_count (body, g_dngettext (GETTEXT_PACKAGE, "%u note added", "%u notes added", added),
                added);
  append_count (body, g_dngettext (GETTEXT_PACKAGE,
                                   "%u note changed", "%u notes changed", changed),
                changed);
  append_count (body, g_dngettext (GETTEXT_PACKAGE,
                                   "%u conflict", "%u conflicts", conflicts),
                conflicts);
  if (removed > 0)
    append_count (body, g_dngettext (GETTEXT_PACKAGE,
                                     "%u note removed", "%u notes removed", removed),
                  removed);
  if (figures > 0)
    append_count (body, g_dngettext (GETTEXT_PACKAGE,
                                     "%u figure added", "%u figures added", figures),
                  figures);

  if (conflicts > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u note was changed in both copies: both versions are on the board, side by side and marked as a conflict. Keep one, or combine them.",
                                           "%u notes were changed in both copies: both versions are on the board, side by side and marked as a conflict. Keep one, or combine them.",
                                           conflicts),
                              conflicts);
    }
  if (kept > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u note was deleted in one copy but changed in the other: it was kept and marked.",
                                           "%u notes were deleted in one copy but changed in the other: they were kept and marked.",
                                           kept),
                              kept);
    }
  if (!mc_merge_result_get_three_way (result))
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("The copies do not say which version they started from, so nothing was deleted."));
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Undo reverts the whole merge."));
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* Worker thread: only reads and parses the file into a new board that no
 * other thread sees until the task returns it. */
static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  McBoard *theirs;

  theirs = mc_board_load_from_file (file, MC_BOARD_LOAD_ALLOW_NEWER, &error);
  if (theirs == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, theirs, g_object_unref);
}

static void
on_loaded (GObject      *source_object,
           GAsyncResult *res,
           gpointer      user_data)
{
  MergeRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McMergeResult) result = NULL;
  g_autofree char *body = NULL;

  theirs = g_task_propagate_pointer (G_TASK (res), &error);
  /* The window closed while the file was read: nothing to merge into. */
  if (request->parent == NULL)
    goto out;

  if (theirs == NULL ||
      !mc_merge_into (request->board, theirs, NULL, &result, &error))
    {
      show_message (request->parent, _("Could Not Merge"), error->message);
      goto out;
    }

  body = describe_result (result);
  show_message (request->parent,
                mc_merge_result_is_empty (result) ? _("Nothing to Merge") : _("Boards Merged"),
                body);
out:
  if (request->done != NULL)
    request->done (request->done_data);
  merge_request_free (request);
}

/* Takes request. */
static void
merge_file (MergeRequest *request,
            GFile        *file)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_loaded, request);

  g_task_set_source_tag (task, merge_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     MergeRequest    *request)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && request->parent != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    merge_file (request, file);
  else
    merge_request_free (request);
}

void
mc_merge_dialog_present (GtkWindow *parent,
                         McBoard   *board)
{
  g_autoptr(GtkFileFilter) boards = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  MergeRequest *request;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (MC_IS_BOARD (board));

  request = g_new0 (MergeRequest, 1);
  g_set_weak_pointer (&request->parent, parent);
  request->board = g_object_ref (board);
  request->chooser = gtk_file_chooser_native_new (_("Merge Another Copy"), parent,
                                                  GTK_FILE_CHOOSER_ACTION_OPEN,
                                                  _("_Merge"), _("_Cancel"));

  gtk_file_filter_set_name (boards, _("Missiecanvas boards"));
  gtk_file_filter_add_mime_type (boards, "application/x-missiecanvas+json");
  gtk_file_filter_add_suffix (boards, "missiecanvas");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (request->chooser), boards);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (request->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (request->chooser), TRUE);

  g_signal_connect (request->chooser, "response", G_CALLBACK (on_chooser_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (request->chooser));
}

/* For tests and drag-and-drop: merge a known file without the chooser. */
void
mc_merge_dialog_merge_file (GtkWindow      *parent,
                            McBoard        *board,
                            GFile          *file,
                            GDestroyNotify  done,
                            gpointer        done_data)
{
  MergeRequest *request;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (MC_IS_BOARD (board));
  g_return_if_fail (G_IS_FILE (file));

  request = g_new0 (MergeRequest, 1);
  g_set_weak_pointer (&request->parent, parent);
  request->board = g_object_ref (board);
  request->done = done;
  request->done_data = done_data;
  merge_file (request, file);
}
