/* mc-window-files.c — a window's files: opening (boards, JSON Canvas and
 * exported figures), saving, Save As, the file choosers, recent files
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-app-base.h"
#include "mc-board-io.h"
#include "mc-window-private.h"
#include "mc-exchange.h"

static McWindow *
new_window_like (McWindow *self,
                 McBoard  *board)
{
  return mc_window_new (gtk_window_get_application (GTK_WINDOW (self)), board);
}

/* Files */

/* A loaded document into this window. */
void
_mc_window_show_document (McWindow   *self,
                          McDocument *document,
                          GFile      *file)
{
  mc_window_set_document (self, document);
  _mc_window_add_recent (self, file);

  if (mc_board_get_read_only (mc_document_get_board (document)))
    mc_window_show_toast (self, _("Opened read-only: the board is from a newer version"));
}

/* A JSON Canvas or an exported figure becomes a new board without a file:
 * saving it asks where, so the other tool's file is never overwritten. */
static gboolean
open_import (McWindow  *self,
             GFile     *file,
             GError   **error)
{
  g_autoptr(McBoard) board = NULL;
  g_autoptr(McDocument) document = NULL;
  McWindow *target;
  guint n_edges = 0;

  board = mc_exchange_import_file (file, &n_edges, error);
  if (board == NULL)
    return FALSE;

  document = mc_document_new (board);
  target = mc_window_get_pristine (self) ? self : new_window_like (self, NULL);
  mc_window_set_document (target, document);
  if (target != self)
    gtk_window_present (GTK_WINDOW (target));
  if (n_edges > 0)
    {
      /* Translators: %u is a number of lines between cards in a JSON Canvas. */
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u connection is kept in the file but not shown",
                                                               "%u connections are kept in the file but not shown",
                                                               n_edges), n_edges);

      mc_window_show_toast (target, message);
    }
  return TRUE;
}

static gboolean
is_import (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return mc_exchange_is_import_name (name);
}

gboolean
mc_window_open_file (McWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  g_autoptr(McDocument) document = NULL;

  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_import (file))
    return open_import (self, file, error);

  document = mc_document_load (file, error);
  if (document == NULL)
    return FALSE;

  _mc_window_show_document (self, document, file);
  return TRUE;
}

gboolean
mc_window_save_to_file (McWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->document == NULL)
    return TRUE;

  if (!mc_document_save (self->document, file, MC_DOCUMENT_SAVE_NONE, error))
    return FALSE;

  _mc_window_add_recent (self, file);
  _mc_window_update_title (self);
  _mc_window_update_actions (self);

  return TRUE;
}

typedef struct
{
  McWindow           *self;
  GFile              *file;
  McWindowSaveResult  done;
  gpointer            data;
} SaveCall;

static void
on_document_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SaveCall *call = user_data;
  McWindow *self = call->self;
  g_autoptr(GError) error = NULL;

  if (mc_document_save_finish (MC_DOCUMENT (source), result, &error))
    {
      _mc_window_add_recent (self, mc_document_get_file (MC_DOCUMENT (source)));
      _mc_window_update_title (self);
      _mc_window_update_actions (self);
    }
  else if (!g_error_matches (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_CHANGED_ON_DISK))
    _mc_window_show_error (self, _("Could Not Save the Board"), error);

  if (call->done != NULL)
    call->done (self, error, call->data);

  g_clear_object (&call->file);
  g_object_unref (call->self);
  g_free (call);
}

void
_mc_window_save_document (McWindow            *self,
                          GFile               *file,
                          McDocumentSaveFlags  flags,
                          McWindowSaveResult   done,
                          gpointer             data)
{
  SaveCall *call = g_new0 (SaveCall, 1);

  call->self = g_object_ref (self);
  call->file = file != NULL ? g_object_ref (file) : NULL;
  call->done = done;
  call->data = data;
  mc_document_save_async (self->document, file, flags, NULL, on_document_saved, call);
}

static McWindow *
find_window_with_file (McWindow *self,
                       GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      McBoard *board;

      if (!MC_IS_WINDOW (l->data))
        continue;
      board = MC_WINDOW (l->data)->board;
      if (board != NULL && mc_board_get_file (board) != NULL
          && g_file_equal (mc_board_get_file (board), file))
        return l->data;
    }

  return NULL;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(McWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(McDocument) document = mc_document_load_finish (result, &error);
  GFile *file;
  McWindow *target;

  if (document == NULL)
    {
      _mc_window_show_error (self, _("Could Not Open the Board"), error);
      return;
    }

  /* Looked at again now: the person may have worked on while it loaded. */
  file = mc_document_get_file (document);
  target = find_window_with_file (self, file);
  if (target != NULL)
    {
      gtk_window_present (GTK_WINDOW (target));
      return;
    }

  if (mc_window_get_pristine (self))
    target = self;
  else
    target = new_window_like (self, NULL);
  _mc_window_show_document (target, document, file);
  gtk_window_present (GTK_WINDOW (target));
}

void
_mc_window_open_file_somewhere (McWindow *self,
                                GFile    *file)
{
  McWindow *target = find_window_with_file (self, file);

  if (target != NULL)
    {
      gtk_window_present (GTK_WINDOW (target));
      return;
    }

  if (is_import (file))
    {
      g_autoptr(GError) error = NULL;

      if (!open_import (self, file, &error))
        _mc_window_show_error (self, _("Could Not Open the Board"), error);
      return;
    }

  /* Read and decoded in a worker thread; a failure opens no empty window. */
  mc_document_load_async (file, NULL, on_loaded, g_object_ref (self));
}

static GtkFileFilter *
new_board_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Missiecanvas Boards"));
  gtk_file_filter_add_mime_type (filter, "application/x-missiecanvas+json");
  gtk_file_filter_add_suffix (filter, "missiecanvas");

  return filter;
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  McWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        _mc_window_open_file_somewhere (self, file);
    }

  g_clear_object (&self->file_chooser);
}

void
_mc_window_open_with_chooser (McWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = new_board_filter ();

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (self->file_chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Open Board"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  {
    g_autoptr(GtkFileFilter) others = gtk_file_filter_new ();

    /* Other tools' boards and our own exported figures, which reopen. */
    gtk_file_filter_set_name (others, _("JSON Canvas and Exported Figures"));
    gtk_file_filter_add_suffix (others, "canvas");
    gtk_file_filter_add_suffix (others, "svg");
    gtk_file_filter_add_suffix (others, "pdf");
    gtk_file_filter_add_suffix (others, "png");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), others);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

typedef struct
{
  McWindowSaveDone done;
} SaveAsCall;

static void
on_saved_as (McWindow     *self,
             const GError *error,
             gpointer      data)
{
  SaveAsCall *call = data;

  if (call->done != NULL)
    call->done (self, error == NULL);
  g_free (call);
}

void
_mc_window_save_as_file (McWindow         *self,
                         GFile            *file,
                         McWindowSaveDone  done)
{
  SaveAsCall *call = g_new0 (SaveAsCall, 1);

  call->done = done;
  /* Exactly the file the chooser confirmed (it asked before replacing
   * one): never another name beside it. */
  _mc_window_save_document (self, file, MC_DOCUMENT_SAVE_OVERWRITE, on_saved_as, call);
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     McWindow        *self)
{
  McWindowSaveDone done = g_object_get_data (G_OBJECT (chooser), "mc-save-done");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->file_chooser);

  if (file != NULL && self->document != NULL)
    _mc_window_save_as_file (self, file, done);
  else if (done != NULL)
    done (self, FALSE);
}

char *
_mc_window_dup_suggested_name (McWindow *self)
{
  const char *title = self->board != NULL ? mc_board_get_title (self->board) : NULL;

  if (title == NULL || *title == '\0')
    title = _("Untitled Board");
  /* A title may hold a slash; a file name may not. The extension is in
   * the suggestion, so the chooser's overwrite question sees the name
   * that will be written. */
  return g_strdelimit (g_strconcat (title, ".missiecanvas", NULL), "/\\", '-');
}

void
_mc_window_save_as (McWindow         *self,
                    McWindowSaveDone  done)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = new_board_filter ();

  if (self->file_chooser != NULL)
    {
      /* A Save As already open now answers this request (the close flow
       * must hear how it ended); an Open chooser gives way. */
      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (self->file_chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
        {
          g_object_set_data (G_OBJECT (self->file_chooser), "mc-save-done", done);
          gtk_native_dialog_show (self->file_chooser);
          return;
        }
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }

  chooser = gtk_file_chooser_native_new (_("Save Board"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (self->board != NULL && mc_board_get_file (self->board) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), mc_board_get_file (self->board), NULL);
  else
    {
      g_autofree char *name = _mc_window_dup_suggested_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_object_set_data (G_OBJECT (chooser), "mc-save-done", done);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

