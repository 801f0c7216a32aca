/* mc-canvas-clipboard.c — copy, cut and paste of notes: our own format
 * first (notes with their layout), plain text for other programs, and
 * text from them pasted as notes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-canvas-edit-private.h"
#include "mc-clipboard.h"
#include "mc-editing.h"
#include "mc-app-base.h"

static void
copy_selection (McCanvas *self)
{
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  gsize length = 0;

  if (ids[0] == NULL || self->board == NULL)
    return;

  mc_canvas_get_scene (self);
  data = mc_clipboard_serialize (self->board, self->layout, (const char * const *) ids, &length);
  text = mc_clipboard_to_text (self->board, (const char * const *) ids);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);

  /* Our own type first; plain text for every other program. */
  providers[0] = gdk_content_provider_new_for_bytes (MC_CLIPBOARD_MIME_TYPE, bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

static void
action_copy (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy_selection (MC_CANVAS (widget));
}

static void
action_cut (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);

  copy_selection (self);
  if (ids[0] != NULL)
    {
      McCommand *command = mc_editing_delete_notes_command (self->board, (const char * const *) ids);

      _mc_canvas_execute (self, command);
    }
}

static void
paste_point (McCanvas *self,
             double   *board_x,
             double   *board_y)
{
  McRect visible;

  if (self->pointer_inside)
    {
      mc_canvas_widget_to_board (self, self->pointer_x, self->pointer_y, board_x, board_y);
      return;
    }
  mc_canvas_get_visible_rect (self, &visible);
  *board_x = visible.x + visible.width / 2.0;
  *board_y = visible.y + visible.height / 2.0;
}

static void
report_paste_error (McCanvas     *self,
                    const GError *error)
{
  g_autofree char *message = NULL;

  /* Translators: %s says why pasting failed. */
  message = g_strdup_printf (_("Could not paste: %s"), error->message);
  mc_app_show_toast (GTK_WIDGET (self), message);
}

static void
finish_paste (McCanvas  *self,
              McCommand *command,
              GStrv      new_ids)
{
  _mc_canvas_execute (self, command);
  mc_canvas_select_notes (self, (const char * const *) new_ids);
  _mc_canvas_selection_changed (self);
}

static void
on_paste_text (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(McCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autofree char *author = NULL;
  g_auto(GStrv) ids = NULL;
  McCommand *command;
  double bx, by;

  if (text == NULL || !_mc_canvas_is_editable (self))
    return;

  paste_point (self, &bx, &by);
  author = _mc_canvas_dup_author ();
  command = mc_clipboard_paste_text_command (self->board, self->layout,
                                             mc_canvas_get_scene (self),
                                             text, -1, bx, by, author, NULL, &ids);
  finish_paste (self, command, ids);
}

static void
on_paste_notes_spliced (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(McCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(McClipboardNotes) notes = NULL;
  g_auto(GStrv) ids = NULL;
  McCommand *command;
  double bx, by;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    {
      report_paste_error (self, error);
      return;
    }

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  notes = mc_clipboard_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (notes == NULL)
    {
      report_paste_error (self, error);
      return;
    }
  if (!_mc_canvas_is_editable (self))
    return;

  paste_point (self, &bx, &by);
  mc_canvas_get_scene (self);
  command = mc_clipboard_paste_notes_command (self->board, self->layout, notes, bx, by, &ids);
  finish_paste (self, command, ids);
}

static void
on_paste_notes_read (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(McCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  if (stream == NULL)
    {
      report_paste_error (self, error);
      return;
    }

  /* Read asynchronously: the data may come from this very process. */
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL,
                                on_paste_notes_spliced, g_steal_pointer (&self));
}

static void
action_paste (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  static const char *mime_types[] = { MC_CLIPBOARD_MIME_TYPE, NULL };

  _mc_canvas_end_editing (self, TRUE);
  if (!_mc_canvas_is_editable (self))
    return;

  if (gdk_content_formats_contain_mime_type (formats, MC_CLIPBOARD_MIME_TYPE))
    gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL,
                              on_paste_notes_read, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, on_paste_text, g_object_ref (self));
}

/* Clusters */

void
_mc_canvas_clipboard_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, action_cut);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, action_paste);
}
