/* mc-export-report-dialog.c — Session Report…, and the helpers every
 * export uses after writing: the toast in the main window, the error
 * dialog, the file chooser's filter and remembered folder.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-export-async.h"
#include "mc-export-dialog-private.h"
#include "mc-app-base.h"

/* The toast in the main window */

static void
on_toast_open (AdwToast *toast,
               gpointer  user_data)
{
  const char *uri = user_data;

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

void
_mc_export_show_toast (GtkWindow *window,
                       GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a toast after an export; %s is the file's name. */
  g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);
  AdwToast *toast;

  if (window == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_open),
                         g_file_get_uri (file), (GClosureNotify) (void (*) (void)) g_free, 0);
  mc_app_add_toast (GTK_WIDGET (window), toast);
}

void
_mc_export_show_error (GtkWindow  *parent,
                       const char *heading,
                       const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file name with the format's extension, unless it has it already. */
GFile *
_mc_export_file_with_extension (GFile      *file,
                                const char *extension)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *suffix = g_strconcat (".", extension, NULL);
  g_autofree char *lower = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr(GFile) parent = NULL;

  if (name == NULL)
    return g_object_ref (file);
  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, suffix) ||
      (g_str_equal (extension, "md") && g_str_has_suffix (lower, ".markdown")))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  fixed = g_strconcat (name, suffix, NULL);
  return parent != NULL ? g_file_get_child (parent, fixed) : g_file_new_for_path (fixed);
}


void
_mc_export_chooser_set_last_folder (GtkFileChooser *chooser,
                                    GSettings      *settings)
{
  g_autofree char *uri = g_settings_get_string (settings, "export-folder");
  g_autoptr(GFile) folder = NULL;

  if (uri == NULL || uri[0] == '\0')
    return;
  folder = g_file_new_for_uri (uri);
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

void
_mc_export_chooser_add_filter (GtkFileChooser *chooser,
                               const char     *name,
                               const char     *extension,
                               const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", extension);

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
report_options (McBoard         *board,
                McExportOptions *options)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  mc_export_options_init (options, mc_board_get_language (board));
  options->theme = _mc_export_dialog_remembered_theme (settings);
  /* A report is read after the session: the questions say what the notes answer. */
  options->questions = MC_QUESTIONS_INLINE;
  options->caption = TRUE;
  options->title = mc_board_get_title (board);
  if (options->title != NULL && options->title[0] == '\0')
    options->title = NULL;
}

typedef struct
{
  GtkWindow *parent;   /* weak */
  GFile     *file;
} ReportWrite;

static void
report_write_free (gpointer data)
{
  ReportWrite *write = data;

  g_clear_weak_pointer (&write->parent);
  g_clear_object (&write->file);
  g_free (write);
}

static void
on_report_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReportWrite *write = g_task_get_task_data (task);
  GError *error = NULL;

  if (!mc_export_to_file_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  _mc_export_show_toast (write->parent, write->file);
  g_task_return_boolean (task, TRUE);
}

void
mc_export_report_to_file_async (GtkWindow           *parent,
                                McBoard             *board,
                                GFile               *file,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  McExportOptions options;
  ReportWrite *write;
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (MC_IS_BOARD (board));
  g_return_if_fail (G_IS_FILE (file));

  write = g_new0 (ReportWrite, 1);
  g_set_weak_pointer (&write->parent, parent);
  write->file = g_object_ref (file);
  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, mc_export_report_to_file_async);
  g_task_set_task_data (task, write, report_write_free);
  report_options (board, &options);
  mc_export_to_file_async (board, &options, MC_EXPORT_JOB_REPORT, MC_EXPORT_FORMAT_PDF, file,
                           NULL, on_report_written, task);
}

gboolean
mc_export_report_to_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GtkWindow *parent;   /* weak */
  McBoard   *board;
} ReportRequest;

static void
report_request_free (gpointer data)
{
  ReportRequest *request = data;

  g_clear_weak_pointer (&request->parent);
  g_clear_object (&request->board);
  g_free (request);
}

static void
on_report_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!mc_export_report_to_file_finish (result, &error))
    _mc_export_show_error (parent, _("Could Not Save the Session Report"), error->message);
}

static void
on_report_response (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  ReportRequest *request = user_data;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (chosen != NULL)
    {
      file = _mc_export_file_with_extension (chosen, "pdf");
      mc_export_report_to_file_async (request->parent, request->board, file, on_report_done,
                                      request->parent != NULL ? g_object_ref (request->parent) : NULL);
    }

  gtk_native_dialog_destroy (chooser);
  /* Drops the last reference: frees the request too. */
  g_object_unref (chooser);
}

void
mc_export_report_present (GtkWindow *parent,
                          McBoard   *board)
{
  GtkFileChooserNative *chooser;
  ReportRequest *request;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  const char *title;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (MC_IS_BOARD (board));

  request = g_new0 (ReportRequest, 1);
  g_set_weak_pointer (&request->parent, parent);
  request->board = g_object_ref (board);

  chooser = gtk_file_chooser_native_new (_("Save Session Report"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "mc-report-request", request, report_request_free);
  _mc_export_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _("PDF documents"), "pdf", "application/pdf");
  settings = g_settings_new (APP_ID);
  _mc_export_chooser_set_last_folder (GTK_FILE_CHOOSER (chooser), settings);

  title = mc_board_get_title (board);
  /* Translators: the suggested file name of a session report; %s is the board's title. */
  base = g_strdup_printf (_("%s - session report"), title != NULL && title[0] != '\0'
                                                   ? title : "missiecanvas");
  g_strdelimit (base, "/\\:", '-');
  name = g_strconcat (base, ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_report_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
