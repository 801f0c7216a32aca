/* mc-canvas-selection.c — the selected notes, the keyboard's note and
 * search highlights of the canvas
 *
 * The selection keeps its order (the last picked note is the keyboard's);
 * ::selection-changed tells the window and the actions.
 */
#include "config.h"

#include "mc-canvas-a11y-private.h"
#include "mc-canvas-edit-private.h"

enum {
  SIGNAL_SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_mc_canvas_update_actions (McCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  McCanvasEdit *edit = self->edit;
  gboolean editable = _mc_canvas_is_editable (self);
  gboolean any = edit->selection->len > 0;
  gboolean clustered = FALSE;

  if (self->board != NULL)
    for (guint i = 0; i < edit->selection->len && !clustered; i++)
      clustered = mc_board_get_note_cluster (self->board, edit->selection->pdata[i]) != NULL;

  gtk_widget_action_set_enabled (widget, "canvas.delete", editable && any);
  gtk_widget_action_set_enabled (widget, "canvas.cut", editable && any);
  gtk_widget_action_set_enabled (widget, "canvas.copy", any);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", editable && any);
  gtk_widget_action_set_enabled (widget, "canvas.raise", editable && any);
  gtk_widget_action_set_enabled (widget, "canvas.color", editable && any);
  gtk_widget_action_set_enabled (widget, "canvas.vote-add", editable && any);
  gtk_widget_action_set_enabled (widget, "canvas.vote-remove", editable && any);
  gtk_widget_action_set_enabled (widget, "canvas.cluster", editable && any);
  gtk_widget_action_set_enabled (widget, "canvas.uncluster", editable && clustered);
  gtk_widget_action_set_enabled (widget, "canvas.new-note", editable);
  gtk_widget_action_set_enabled (widget, "canvas.paste", editable);
  gtk_widget_action_set_enabled (widget, "canvas.arrange", editable);
  gtk_widget_action_set_enabled (widget, "canvas.sort-votes", editable);
  gtk_widget_action_set_enabled (widget, "canvas.edit", editable);
}

void
_mc_canvas_selection_changed (McCanvas *self)
{
  _mc_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

void
_mc_canvas_set_cursor_note (McCanvas   *self,
                            const char *id)
{
  g_free (self->edit->cursor);
  self->edit->cursor = g_strdup (id);
}

gboolean
_mc_canvas_selection_clear_quiet (McCanvas *self)
{
  if (self->edit->selection->len == 0)
    return FALSE;

  g_ptr_array_set_size (self->edit->selection, 0);
  g_hash_table_remove_all (self->edit->selected);
  return TRUE;
}

gboolean
_mc_canvas_selection_add_quiet (McCanvas   *self,
                                const char *id)
{
  char *copy;

  if (g_hash_table_contains (self->edit->selected, id))
    return FALSE;

  copy = g_strdup (id);
  g_ptr_array_add (self->edit->selection, copy);
  g_hash_table_add (self->edit->selected, copy);
  return TRUE;
}

void
_mc_canvas_selection_remove (McCanvas   *self,
                             const char *id)
{
  McCanvasEdit *edit = self->edit;

  for (guint i = 0; i < edit->selection->len; i++)
    if (g_str_equal (edit->selection->pdata[i], id))
      {
        g_hash_table_remove (edit->selected, id);
        g_ptr_array_remove_index (edit->selection, i);
        _mc_canvas_selection_changed (self);
        return;
      }
}

void
_mc_canvas_select_only (McCanvas   *self,
                        const char *id)
{
  _mc_canvas_selection_clear_quiet (self);
  if (id != NULL)
    {
      _mc_canvas_selection_add_quiet (self, id);
      _mc_canvas_set_cursor_note (self, id);
    }
  _mc_canvas_selection_changed (self);
}

const char * const *
_mc_canvas_selection_ids (McCanvas *self)
{
  /* NULL-terminated view of the array (kept terminated below). */
  g_ptr_array_add (self->edit->selection, NULL);
  g_ptr_array_set_size (self->edit->selection, self->edit->selection->len - 1);
  return (const char * const *) self->edit->selection->pdata;
}

GStrv
mc_canvas_dup_selection (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return g_strdupv ((char **) _mc_canvas_selection_ids (self));
}

guint
mc_canvas_get_n_selected (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), 0);

  return self->edit->selection->len;
}

gboolean
mc_canvas_is_note_selected (McCanvas   *self,
                            const char *note_id)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), FALSE);

  return note_id != NULL && g_hash_table_contains (self->edit->selected, note_id);
}

void
mc_canvas_select_notes (McCanvas           *self,
                        const char * const *ids)
{
  g_return_if_fail (MC_IS_CANVAS (self));

  _mc_canvas_selection_clear_quiet (self);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (self->board != NULL && mc_board_get_note (self->board, ids[i]) != NULL)
      _mc_canvas_selection_add_quiet (self, ids[i]);
  if (self->edit->selection->len > 0)
    _mc_canvas_set_cursor_note (self, self->edit->selection->pdata[self->edit->selection->len - 1]);
  _mc_canvas_selection_changed (self);
}

const char *
_mc_canvas_edit_get_cursor_frame (McCanvas *self)
{
  McCanvasEdit *edit = self->edit;

  /* A note no longer selected keeps no frame: the keyboard's note only
   * shows while it is part of the selection (Enter edits it then). */
  if (edit->cursor == NULL || !g_hash_table_contains (edit->selected, edit->cursor)
      || !_mc_canvas_a11y_has_focus (self))
    return NULL;
  return edit->cursor;
}

/* Scrolls (without zooming) so the note is in view. */
void
mc_canvas_reveal_note (McCanvas   *self,
                       const char *note_id)
{
  McRect rect, visible;

  g_return_if_fail (MC_IS_CANVAS (self));

  mc_canvas_get_scene (self);
  if (!mc_layout_get_note_rect (self->layout, note_id, &rect))
    return;

  mc_canvas_get_visible_rect (self, &visible);
  if (mc_rect_contains_rect (&visible, &rect))
    return;

  _mc_canvas_stop_animation (self);
  _mc_canvas_set_origin (self,
                         rect.x + rect.width / 2.0 - visible.width / 2.0,
                         rect.y + rect.height / 2.0 - visible.height / 2.0);
}

/* Search highlights */

void
mc_canvas_set_search (McCanvas   *self,
                      const char *text)
{
  McCanvasEdit *edit;
  g_autofree char *needle = NULL;
  GPtrArray *notes;

  g_return_if_fail (MC_IS_CANVAS (self));

  edit = self->edit;
  if (text != NULL && *text == '\0')
    text = NULL;
  g_free (edit->search);
  edit->search = g_strdup (text);
  g_hash_table_remove_all (edit->matches);

  if (text != NULL && self->board != NULL)
    {
      g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

      needle = g_utf8_casefold (normal, -1);
      notes = mc_board_get_notes (self->board);
      for (guint i = 0; i < notes->len; i++)
        {
          McNote *note = notes->pdata[i];
          g_autofree char *n = g_utf8_normalize (mc_note_get_text (note), -1, G_NORMALIZE_ALL);
          g_autofree char *hay = n != NULL ? g_utf8_casefold (n, -1) : NULL;

          if (hay != NULL && strstr (hay, needle) != NULL)
            g_hash_table_add (edit->matches, g_strdup (mc_note_get_id (note)));
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
mc_canvas_get_n_matches (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), 0);

  return g_hash_table_size (self->edit->matches);
}

gboolean
mc_canvas_note_matches (McCanvas   *self,
                        const char *note_id)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), FALSE);

  return note_id != NULL && g_hash_table_contains (self->edit->matches, note_id);
}

/* The in-place editor */

void
_mc_canvas_selection_class_init (GtkWidgetClass *widget_class)
{
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (widget_class),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}
