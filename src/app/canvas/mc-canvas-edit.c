/* mc-canvas-edit.c — editing sticky notes on the canvas
 *
 * Selection, the in-place text editor (a GtkTextView child laid over the
 * note), moving/resizing/rubber-band state, the clipboard and the canvas.*
 * actions. Every change goes through a McCommand from mc-editing.h,
 * mc-clipboard.h or mc-command.h: this file decides *when*, the core
 * decides *what*. Drawing of all this is in mc-canvas.c; the gestures that
 * feed it are in mc-canvas-input.c.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "mc-canvas-edit-private.h"
#include "mc-clipboard.h"
#include "mc-cluster.h"
#include "mc-command.h"
#include "mc-editing.h"
#include "mc-figure.h"
#include "mc-figure-shapes.h"
#include "mc-history.h"
#include "mc-placement.h"
#include "mc-theme.h"
#include "mc-app-base.h"

/* Widget pixels around the corner handle that still grab it. */
#define HANDLE_GRAB_PX   12.0
/* Arrow keys move a selected figure this far (board units; Shift: ten
 * times as far). */
#define FIGURE_NUDGE     20.0

enum {
  SIGNAL_SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_editable (McCanvas *self)
{
  return self->board != NULL && !mc_board_get_read_only (self->board);
}

static char *
dup_author (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  char *name;

  /* The canvas also runs in tools and tests without the installed schema. */
  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;

  settings = g_settings_new (APP_ID);
  name = g_settings_get_string (settings, "author-name");
  if (*g_strstrip (name) == '\0')
    g_clear_pointer (&name, g_free);

  return name;
}

static void
execute (McCanvas  *self,
         McCommand *command)
{
  if (command == NULL)
    return;
  if (!is_editable (self))
    {
      mc_command_free (command);
      return;
    }
  mc_board_execute (self->board, command);
}

/* Selection */

static void
update_actions (McCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  McCanvasEdit *edit = self->edit;
  gboolean editable = is_editable (self);
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

static void
selection_changed (McCanvas *self)
{
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

static void
set_cursor_note (McCanvas   *self,
                 const char *id)
{
  g_free (self->edit->cursor);
  self->edit->cursor = g_strdup (id);
}

static gboolean
selection_clear_quiet (McCanvas *self)
{
  if (self->edit->selection->len == 0)
    return FALSE;

  g_ptr_array_set_size (self->edit->selection, 0);
  g_hash_table_remove_all (self->edit->selected);
  return TRUE;
}

static gboolean
selection_add_quiet (McCanvas   *self,
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

static void
selection_remove (McCanvas   *self,
                  const char *id)
{
  McCanvasEdit *edit = self->edit;

  for (guint i = 0; i < edit->selection->len; i++)
    if (g_str_equal (edit->selection->pdata[i], id))
      {
        g_hash_table_remove (edit->selected, id);
        g_ptr_array_remove_index (edit->selection, i);
        selection_changed (self);
        return;
      }
}

static void
select_only (McCanvas   *self,
             const char *id)
{
  selection_clear_quiet (self);
  if (id != NULL)
    {
      selection_add_quiet (self, id);
      set_cursor_note (self, id);
    }
  selection_changed (self);
}

static const char * const *
selection_ids (McCanvas *self)
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

  return g_strdupv ((char **) selection_ids (self));
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

  selection_clear_quiet (self);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (self->board != NULL && mc_board_get_note (self->board, ids[i]) != NULL)
      selection_add_quiet (self, ids[i]);
  if (self->edit->selection->len > 0)
    set_cursor_note (self, self->edit->selection->pdata[self->edit->selection->len - 1]);
  selection_changed (self);
}

const char *
mc_canvas_get_editing_note (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return self->edit->editing_id;
}

gboolean
_mc_canvas_edit_is_editing (McCanvas *self)
{
  return self->edit->editor != NULL;
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

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static double
figure_scale_at (McCanvas *self,
                 double    board_x,
                 double    board_y)
{
  g_autofree char *figure_id = NULL;
  McFigure *figure;

  if (!mc_editing_region_at (mc_canvas_get_scene (self), board_x, board_y, &figure_id, NULL))
    return 1.0;
  figure = mc_board_get_figure (self->board, figure_id);
  return figure != NULL ? mc_figure_get_scale (figure) : 1.0;
}

/* Where the editor goes, in board units, and the note's own scale (figure
 * scale for an anchored note). */
static gboolean
editor_board_rect (McCanvas *self,
                   McRect   *rect,
                   double   *scale)
{
  McCanvasEdit *edit = self->edit;

  if (edit->editing_id != NULL)
    {
      McNote *note = mc_board_get_note (self->board, edit->editing_id);
      McRect own;

      mc_canvas_get_scene (self);
      if (note == NULL || !mc_layout_get_note_rect (self->layout, edit->editing_id, rect))
        return FALSE;
      mc_note_get_rect (note, &own);
      *scale = own.width > 0 ? rect->width / own.width : 1.0;
      return TRUE;
    }

  *scale = figure_scale_at (self, edit->pending_x, edit->pending_y);
  rect->width = MC_NOTE_DEFAULT_WIDTH * *scale;
  rect->height = MC_NOTE_DEFAULT_HEIGHT * *scale;
  rect->x = edit->pending_x - rect->width / 2.0;
  rect->y = edit->pending_y - rect->height / 2.0;
  return TRUE;
}

static void
update_editor_style (McCanvas *self,
                     double    scale)
{
  McCanvasEdit *edit = self->edit;
  const McTheme *theme = mc_theme_get (self->options.theme);
  McNote *note = edit->editing_id != NULL ? mc_board_get_note (self->board, edit->editing_id) : NULL;
  McColor fill;
  g_autofree char *fill_name = NULL;
  g_autofree char *css = NULL;
  g_autofree char *family = NULL;
  double zoom = self->zoom;
  int pad;
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  mc_theme_get_note_fill (theme, note != NULL ? mc_note_get_color (note) : MC_NOTE_COLOR_DEFAULT, &fill);
  fill.alpha = 1.0;
  fill_name = mc_color_to_string (&fill);
  family = g_strdelimit (g_strdup (theme->font_family), "\"", ' ');
  g_ascii_formatd (size, sizeof size, "%.2f", MAX (theme->note_size * scale * zoom, 4.0));

  css = g_strdup_printf ("textview.mc-note-editor, textview.mc-note-editor > text {"
                         " background-color: %s; color: #1a1a1a; caret-color: #1a1a1a;"
                         " font-family: %s; font-size: %spx; }",
                         fill_name, family, size);
  if (g_strcmp0 (css, g_object_get_data (G_OBJECT (edit->editor_css), "mc-css")) != 0)
    {
      gtk_css_provider_load_from_data (edit->editor_css, css, -1);
      g_object_set_data_full (G_OBJECT (edit->editor_css), "mc-css", g_steal_pointer (&css), g_free);
    }

  /* The same inner padding as the drawn note (10 units), so text does not
   * jump when editing starts. */
  pad = (int) round (10 * scale * zoom);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (edit->editor), pad);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (edit->editor), pad);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (edit->editor), pad);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (edit->editor), pad);
}

void
_mc_canvas_edit_allocate (McCanvas *self)
{
  McCanvasEdit *edit = self->edit;
  McRect rect;
  double scale, x, y;
  int width, height, min_h, nat_h;

  /* Popovers parented to a custom widget are positioned by it. */
  if (edit->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (edit->context_menu));
  if (edit->cluster_popover != NULL)
    gtk_popover_present (GTK_POPOVER (edit->cluster_popover));

  if (edit->editor == NULL)
    return;

  if (!editor_board_rect (self, &rect, &scale))
    {
      /* Measured but out of sight: GTK wants every child allocated. */
      gtk_widget_measure (edit->editor, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (edit->editor, &(GtkAllocation) { -1000, -1000, 1, 1 }, -1);
      return;
    }

  update_editor_style (self, scale);
  mc_canvas_board_to_widget (self, rect.x, rect.y, &x, &y);
  width = MAX ((int) round (rect.width * self->zoom), 24);
  gtk_widget_measure (edit->editor, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (edit->editor, GTK_ORIENTATION_VERTICAL, width, &min_h, &nat_h, NULL, NULL);
  /* The editor grows downwards when the text outgrows the note. */
  height = MAX ((int) round (rect.height * self->zoom), MAX (min_h, nat_h));

  gtk_widget_size_allocate (edit->editor,
                            &(GtkAllocation) { (int) round (x), (int) round (y), width, height },
                            -1);
}

void
_mc_canvas_edit_view_changed (McCanvas *self)
{
  if (self->edit != NULL && self->edit->editor != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void apply_buffer (McCanvas *self);

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   McCanvas      *self)
{
  McCanvasEdit *edit = self->edit;

  if (edit->syncing || edit->editor == NULL || !is_editable (self))
    return;

  /* The board changes below come from this buffer: do not sync back. */
  edit->syncing = TRUE;
  apply_buffer (self);
  edit->syncing = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
apply_buffer (McCanvas *self)
{
  McCanvasEdit *edit = self->edit;
  g_autofree char *text = NULL;

  text = dup_buffer_text (GTK_TEXT_VIEW (edit->editor));

  if (edit->editing_id == NULL)
    {
      g_autofree char *author = NULL;
      g_autofree char *id = NULL;
      McCommand *command;

      /* A new note enters the board with its first character, so an empty
       * new note never reaches the history. It is added empty and then
       * typed into: undo takes back the typing, then the note. */
      if (*text == '\0')
        return;

      author = dup_author ();
      command = mc_editing_new_note_command (self->board, self->layout,
                                             mc_canvas_get_scene (self),
                                             edit->pending_x, edit->pending_y,
                                             "", author, &id);
      edit->editing_id = g_strdup (id);
      execute (self, command);
      select_only (self, id);
    }

  if (mc_board_get_note (self->board, edit->editing_id) != NULL)
    execute (self, mc_command_set_note_text (self->board, edit->editing_id, text));
}

static void
end_editing (McCanvas *self,
             gboolean  commit)
{
  McCanvasEdit *edit = self->edit;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  gboolean discard;
  McHistory *history;
  GtkWidget *editor;

  if (edit->editor == NULL)
    return;

  /* Take the editor down first: the undo below changes the board, which
   * comes back here through _mc_canvas_edit_board_changed. */
  editor = g_steal_pointer (&edit->editor);
  text = dup_buffer_text (GTK_TEXT_VIEW (editor));
  g_signal_handlers_disconnect_by_func (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)),
                                        on_buffer_changed, self);
  if (gtk_widget_has_focus (editor) || gtk_widget_get_focus_child (GTK_WIDGET (self)) == editor)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_unparent (editor);
  id = g_steal_pointer (&edit->editing_id);
  discard = commit && edit->editing_new && id != NULL && *text == '\0';
  edit->editing_new = FALSE;

  history = self->board != NULL ? mc_board_get_history (self->board) : NULL;
  if (history != NULL)
    {
      mc_history_break_coalescing (history);

      /* A new note left empty goes again, with the steps that made it. */
      if (discard)
        while (mc_history_get_n_undo (history) > edit->history_mark)
          if (!mc_board_undo (self->board))
            break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_editor_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       McCanvas              *self)
{
  /* Escape and Ctrl+Enter leave the editor; plain Enter is a new line. */
  if (keyval == GDK_KEY_Escape
      || ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK)))
    {
      end_editing (self, TRUE);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
start_editor (McCanvas   *self,
              const char *text)
{
  McCanvasEdit *edit = self->edit;
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkEventController *keys;
  GtkTextIter end;

  gtk_widget_add_css_class (view, "mc-note-editor");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note text"),
                                  -1);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (view),
                                  GTK_STYLE_PROVIDER (edit->editor_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  G_GNUC_END_IGNORE_DEPRECATIONS

  edit->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  edit->syncing = FALSE;
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_editor_key_pressed), self);
  gtk_widget_add_controller (view, keys);

  edit->editor = view;
  gtk_widget_set_parent (view, GTK_WIDGET (self));
  edit->history_mark = self->board != NULL ? mc_history_get_n_undo (mc_board_get_history (self->board)) : 0;
  gtk_widget_grab_focus (view);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
edit_note (McCanvas   *self,
           const char *note_id)
{
  McNote *note;
  McScene *scene;

  end_editing (self, TRUE);
  if (!is_editable (self) || (note = mc_board_get_note (self->board, note_id)) == NULL)
    return;

  select_only (self, note_id);
  self->edit->editing_id = g_strdup (note_id);
  self->edit->editing_new = FALSE;

  /* Text cut off in the drawing grows the note, so it all shows. */
  scene = mc_canvas_get_scene (self);
  if (!mc_editing_note_text_fits (scene, note_id))
    execute (self, mc_editing_grow_to_fit_command (self->board, note_id, self->options.theme));

  start_editor (self, mc_note_get_text (note));
}

/* Starts a new note at a board point: it exists once something is typed. */
static void
edit_new_note_at (McCanvas *self,
                  double    board_x,
                  double    board_y)
{
  end_editing (self, TRUE);
  if (!is_editable (self))
    return;

  select_only (self, NULL);
  self->edit->editing_new = TRUE;
  self->edit->pending_x = board_x;
  self->edit->pending_y = board_y;
  start_editor (self, NULL);
}

static void
sync_editor_from_board (McCanvas *self)
{
  McCanvasEdit *edit = self->edit;
  McNote *note;
  g_autofree char *text = NULL;

  if (edit->editor == NULL || edit->editing_id == NULL || edit->syncing)
    return;

  note = mc_board_get_note (self->board, edit->editing_id);
  if (note == NULL)
    {
      /* Undone away under the editor. */
      end_editing (self, FALSE);
      return;
    }

  text = dup_buffer_text (GTK_TEXT_VIEW (edit->editor));
  if (g_strcmp0 (text, mc_note_get_text (note)) != 0)
    {
      edit->syncing = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (edit->editor)),
                                mc_note_get_text (note), -1);
      edit->syncing = FALSE;
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
_mc_canvas_edit_board_changed (McCanvas      *self,
                               McChangeFlags  flags)
{
  McCanvasEdit *edit = self->edit;
  gboolean dropped = FALSE;

  if (edit == NULL)
    return;

  g_clear_object (&edit->cache);
  if (flags == MC_CHANGE_ALL)
    {
      /* Another board: nothing of the old one's editing carries over. */
      end_editing (self, FALSE);
      g_clear_pointer (&edit->search, g_free);
      g_hash_table_remove_all (edit->matches);
      if (selection_clear_quiet (self))
        dropped = TRUE;
    }

  for (guint i = edit->selection->len; i > 0; i--)
    {
      const char *id = edit->selection->pdata[i - 1];

      if (self->board == NULL || mc_board_get_note (self->board, id) == NULL)
        {
          g_hash_table_remove (edit->selected, id);
          g_ptr_array_remove_index (edit->selection, i - 1);
          dropped = TRUE;
        }
    }
  if (edit->cursor != NULL && (self->board == NULL || mc_board_get_note (self->board, edit->cursor) == NULL))
    g_clear_pointer (&edit->cursor, g_free);
  if (edit->hover_note != NULL && (self->board == NULL || mc_board_get_note (self->board, edit->hover_note) == NULL))
    g_clear_pointer (&edit->hover_note, g_free);

  if (edit->search != NULL && (flags & (MC_CHANGE_CONTENT | MC_CHANGE_LAYOUT)))
    {
      g_autofree char *search = g_strdup (edit->search);

      mc_canvas_set_search (self, search);
    }

  if (self->board == NULL)
    end_editing (self, FALSE);
  else
    sync_editor_from_board (self);

  if (dropped)
    selection_changed (self);
  else
    update_actions (self);
}

/* Pointer input */

static gboolean
handle_hit (McCanvas *self,
            double    x,
            double    y)
{
  McCanvasEdit *edit = self->edit;
  McRect rect;
  double hx, hy;

  if (edit->selection->len != 1 || !is_editable (self)
      || !mc_layout_get_note_rect (self->layout, edit->selection->pdata[0], &rect))
    return FALSE;

  mc_canvas_board_to_widget (self, rect.x + rect.width, rect.y + rect.height, &hx, &hy);
  return fabs (x - hx) <= HANDLE_GRAB_PX && fabs (y - hy) <= HANDLE_GRAB_PX;
}

/* The topmost placed figure whose rectangle holds the board point. */
static const char *
figure_at (McCanvas *self,
           double    bx,
           double    by)
{
  GPtrArray *figures;

  if (self->board == NULL)
    return NULL;

  figures = mc_board_get_figures (self->board);
  for (guint i = figures->len; i > 0; i--)
    {
      const char *id = mc_figure_get_id (figures->pdata[i - 1]);
      McRect rect;

      if (mc_layout_get_figure_rect (self->board, id, &rect) && mc_rect_contains_point (&rect, bx, by))
        return id;
    }

  return NULL;
}

const char *
_mc_canvas_edit_figure_handle_at (McCanvas *self,
                                  double    x,
                                  double    y)
{
  const char *candidates[2] = { self->selected_figure, self->edit->hover_figure };

  if (!is_editable (self))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      McRect rect;
      double hx, hy;

      if (candidates[i] == NULL || !mc_layout_get_figure_rect (self->board, candidates[i], &rect))
        continue;
      mc_canvas_board_to_widget (self, rect.x + rect.width, rect.y + rect.height, &hx, &hy);
      if (fabs (x - hx) <= HANDLE_GRAB_PX && fabs (y - hy) <= HANDLE_GRAB_PX)
        return candidates[i];
    }

  return NULL;
}

/* A press on a figure outside its regions and notes (its title band and
 * frame) takes the figure; inside a region it stays the region's, so
 * double-click still writes a note there. */
static const char *
figure_frame_at (McCanvas *self,
                 double    bx,
                 double    by)
{
  McScene *scene = mc_canvas_get_scene (self);

  if (scene == NULL || mc_editing_region_at (scene, bx, by, NULL, NULL))
    return NULL;
  return figure_at (self, bx, by);
}

gboolean
_mc_canvas_edit_is_moving (McCanvas *self)
{
  McCanvasEdit *edit = self->edit;

  return edit->drag_active && edit->base_scene != NULL
         && (edit->drag_mode == MC_DRAG_MOVE || edit->drag_mode == MC_DRAG_FIGURE
             || edit->drag_mode == MC_DRAG_FIGURE_SCALE);
}

gboolean
_mc_canvas_edit_over_note (McCanvas *self,
                           double    x,
                           double    y)
{
  McScene *scene = mc_canvas_get_scene (self);
  g_autofree char *id = NULL;
  double bx, by;

  if (scene == NULL)
    return FALSE;
  if (handle_hit (self, x, y))
    return TRUE;
  mc_canvas_widget_to_board (self, x, y, &bx, &by);
  id = mc_editing_note_at (scene, bx, by);
  return id != NULL;
}

void
_mc_canvas_edit_motion (McCanvas *self,
                        double    x,
                        double    y)
{
  McCanvasEdit *edit = self->edit;
  McScene *scene = mc_canvas_get_scene (self);
  g_autofree char *id = NULL;
  double bx, by;

  const char *figure;
  const char *cursor = NULL;

  if (scene == NULL || edit->drag_active)
    return;

  mc_canvas_widget_to_board (self, x, y, &bx, &by);
  id = mc_editing_note_at (scene, bx, by);
  if (g_strcmp0 (id, edit->hover_note) != 0)
    {
      g_free (edit->hover_note);
      edit->hover_note = g_steal_pointer (&id);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  figure = figure_at (self, bx, by);
  if (g_strcmp0 (figure, edit->hover_figure) != 0)
    {
      g_free (edit->hover_figure);
      edit->hover_figure = g_strdup (figure);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (handle_hit (self, x, y) || _mc_canvas_edit_figure_handle_at (self, x, y) != NULL)
    cursor = "se-resize";
  else if (edit->hover_note == NULL && is_editable (self) && figure_frame_at (self, bx, by) != NULL)
    cursor = "move";

  if (!self->space_down && !self->panning)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

McDragMode
_mc_canvas_edit_press (McCanvas        *self,
                       double           x,
                       double           y,
                       GdkModifierType  state)
{
  McCanvasEdit *edit = self->edit;
  McScene *scene = mc_canvas_get_scene (self);
  gboolean extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  g_autofree char *id = NULL;
  double bx, by;

  /* A press anywhere else commits the text being edited. */
  end_editing (self, TRUE);

  edit->drag_mode = MC_DRAG_NONE;
  edit->drag_active = FALSE;
  edit->click_picks_alone = FALSE;
  edit->drag_dx = edit->drag_dy = 0;
  if (scene == NULL)
    return MC_DRAG_NONE;

  mc_canvas_widget_to_board (self, x, y, &bx, &by);
  edit->drag_start_x = bx;
  edit->drag_start_y = by;

  if (!extend && !handle_hit (self, x, y))
    {
      const char *figure = _mc_canvas_edit_figure_handle_at (self, x, y);

      if (figure != NULL && mc_layout_get_figure_rect (self->board, figure, &edit->figure_start))
        {
          g_free (edit->drag_figure);
          edit->drag_figure = g_strdup (figure);
          edit->figure_start_scale = mc_figure_get_scale (mc_board_get_figure (self->board, figure));
          edit->figure_factor = 1.0;
          mc_canvas_select_figure (self, edit->drag_figure);
          if (selection_clear_quiet (self))
            selection_changed (self);
          edit->drag_mode = MC_DRAG_FIGURE_SCALE;
          return edit->drag_mode;
        }
    }

  if (!extend && handle_hit (self, x, y))
    {
      g_free (edit->resize_id);
      edit->resize_id = g_strdup (edit->selection->pdata[0]);
      mc_layout_get_note_rect (self->layout, edit->resize_id, &edit->resize_start);
      edit->resize_rect = edit->resize_start;
      edit->drag_mode = MC_DRAG_RESIZE;
      return edit->drag_mode;
    }

  id = mc_editing_note_at (scene, bx, by);
  if (id != NULL)
    {
      if (extend)
        {
          if (g_hash_table_contains (edit->selected, id))
            {
              selection_remove (self, id);
              return MC_DRAG_NONE;
            }
          selection_add_quiet (self, id);
          set_cursor_note (self, id);
          selection_changed (self);
        }
      else if (!g_hash_table_contains (edit->selected, id))
        select_only (self, id);
      else
        {
          set_cursor_note (self, id);
          edit->click_picks_alone = TRUE;
        }

      mc_canvas_select_figure (self, NULL);
      edit->drag_mode = is_editable (self) ? MC_DRAG_MOVE : MC_DRAG_NONE;
      return edit->drag_mode;
    }

  if (!extend)
    {
      const char *figure = figure_frame_at (self, bx, by);

      mc_canvas_select_figure (self, figure);
      if (figure != NULL)
        {
          if (selection_clear_quiet (self))
            selection_changed (self);
          if (!is_editable (self) || !mc_layout_get_figure_rect (self->board, figure, &edit->figure_start))
            return edit->drag_mode = MC_DRAG_PAN;
          g_free (edit->drag_figure);
          edit->drag_figure = g_strdup (figure);
          edit->drag_mode = MC_DRAG_FIGURE;
          return edit->drag_mode;
        }
    }

  if (extend)
    {
      g_strfreev (edit->rubber_base);
      edit->rubber_base = (state & GDK_SHIFT_MASK) ? g_strdupv ((char **) selection_ids (self)) : NULL;
      edit->drag_mode = MC_DRAG_RUBBER;
      return edit->drag_mode;
    }

  edit->drag_mode = MC_DRAG_PAN;
  return edit->drag_mode;
}

/* Whether a top-level group of the scene moves with the drag: a selected
 * note, or the dragged figure with its questions, caption and notes. */
static gboolean
group_moves (McCanvas          *self,
             const McSceneItem *item)
{
  McCanvasEdit *edit = self->edit;
  const char *figure = edit->drag_figure;
  gsize len;

  if (item->kind != MC_ITEM_GROUP_BEGIN || item->id == NULL)
    return FALSE;

  if (edit->drag_mode == MC_DRAG_MOVE)
    return item->role == MC_ROLE_NOTE && g_str_has_prefix (item->id, "note:")
           && g_hash_table_contains (edit->selected, item->id + 5);

  if (figure == NULL)
    return FALSE;
  len = strlen (figure);
  if (g_str_equal (item->id, figure) || (strncmp (item->id, figure, len) == 0 && item->id[len] == ':'))
    return TRUE;
  if (item->role == MC_ROLE_NOTE && g_str_has_prefix (item->id, "note:"))
    {
      McNote *note = mc_board_get_note (self->board, item->id + 5);

      return note != NULL && g_strcmp0 (mc_note_get_figure_id (note), figure) == 0;
    }
  return FALSE;
}

/* Splits the scene into what the drag moves and everything else, once
 * per drag, so a drag frame draws the cached rest and the moving part. */
static void
prepare_move (McCanvas *self)
{
  McCanvasEdit *edit = self->edit;
  McScene *scene = mc_canvas_get_scene (self);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint n = mc_scene_get_n_items (scene);
  guint pos = 0;

  g_clear_pointer (&edit->drag_scene, mc_scene_unref);
  g_clear_pointer (&edit->base_scene, mc_scene_unref);
  edit->drag_scene = mc_scene_new ();
  edit->base_scene = mc_scene_new ();

  for (guint i = 0; i < n; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      guint end;

      if (!group_moves (self, item))
        continue;

      end = mc_scene_group_end (scene, i);
      if (i > pos)
        mc_scene_append_range (edit->base_scene, scene, pos, i);
      mc_scene_append_range (edit->drag_scene, scene, i, end);
      pos = end;
      i = end - 1;
    }
  if (pos < n)
    mc_scene_append_range (edit->base_scene, scene, pos, n);

  g_clear_object (&edit->cache);
}

static void
update_rubber_selection (McCanvas *self)
{
  McCanvasEdit *edit = self->edit;
  McRect rect;
  g_auto(GStrv) ids = NULL;

  _mc_canvas_edit_get_rubber_rect (self, &rect);
  ids = mc_editing_notes_in_rect (mc_canvas_get_scene (self), &rect, FALSE);

  selection_clear_quiet (self);
  for (guint i = 0; edit->rubber_base != NULL && edit->rubber_base[i] != NULL; i++)
    selection_add_quiet (self, edit->rubber_base[i]);
  for (guint i = 0; ids[i] != NULL; i++)
    selection_add_quiet (self, ids[i]);
  if (edit->selection->len > 0)
    set_cursor_note (self, edit->selection->pdata[edit->selection->len - 1]);
  selection_changed (self);
}

void
_mc_canvas_edit_get_rubber_rect (McCanvas *self,
                                 McRect   *rect)
{
  McCanvasEdit *edit = self->edit;
  double x0 = edit->drag_start_x, y0 = edit->drag_start_y;
  double x1 = x0 + edit->drag_dx, y1 = y0 + edit->drag_dy;

  rect->x = MIN (x0, x1);
  rect->y = MIN (y0, y1);
  rect->width = fabs (x1 - x0);
  rect->height = fabs (y1 - y0);
}

void
_mc_canvas_edit_drag_update (McCanvas *self,
                             double    offset_x,
                             double    offset_y)
{
  McCanvasEdit *edit = self->edit;

  if (edit->drag_mode == MC_DRAG_NONE || edit->drag_mode == MC_DRAG_PAN)
    return;

  if (!edit->drag_active)
    {
      edit->drag_active = TRUE;
      if (edit->drag_mode == MC_DRAG_MOVE || edit->drag_mode == MC_DRAG_FIGURE
          || edit->drag_mode == MC_DRAG_FIGURE_SCALE)
        prepare_move (self);
      /* The region outline would stay behind while its figure moves. */
      _mc_canvas_set_hover_region (self, NULL);
    }

  edit->drag_dx = offset_x / self->zoom;
  edit->drag_dy = offset_y / self->zoom;

  switch (edit->drag_mode)
    {
    case MC_DRAG_RUBBER:
      update_rubber_selection (self);
      break;

    case MC_DRAG_RESIZE:
      edit->resize_rect = edit->resize_start;
      edit->resize_rect.width = MAX (edit->resize_start.width + edit->drag_dx, 8.0);
      edit->resize_rect.height = MAX (edit->resize_start.height + edit->drag_dy, 8.0);
      break;

    case MC_DRAG_FIGURE_SCALE:
      {
        McRect *start = &edit->figure_start;
        double f = MAX ((start->width + edit->drag_dx) / start->width,
                        (start->height + edit->drag_dy) / start->height);

        /* The same limits the command keeps. */
        edit->figure_factor = CLAMP (f,
                                     MC_PLACEMENT_MIN_SCALE / edit->figure_start_scale,
                                     MC_PLACEMENT_MAX_SCALE / edit->figure_start_scale);
      }
      break;

    case MC_DRAG_MOVE:
    case MC_DRAG_FIGURE:
    case MC_DRAG_NONE:
    case MC_DRAG_PAN:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_mc_canvas_edit_drag_end (McCanvas *self,
                          double    offset_x,
                          double    offset_y,
                          gboolean  moved)
{
  McCanvasEdit *edit = self->edit;
  McDragMode mode = edit->drag_mode;
  gboolean was_active = edit->drag_active;

  if (mode != MC_DRAG_NONE && mode != MC_DRAG_PAN && moved)
    _mc_canvas_edit_drag_update (self, offset_x, offset_y);

  edit->drag_mode = MC_DRAG_NONE;
  edit->drag_active = FALSE;
  g_clear_pointer (&edit->drag_scene, mc_scene_unref);
  g_clear_pointer (&edit->base_scene, mc_scene_unref);
  g_clear_pointer (&edit->rubber_base, g_strfreev);
  g_clear_object (&edit->cache);

  switch (mode)
    {
    case MC_DRAG_MOVE:
      if (was_active && moved && (edit->drag_dx != 0 || edit->drag_dy != 0))
        {
          g_auto(GStrv) ids = g_strdupv ((char **) selection_ids (self));

          execute (self, mc_editing_move_notes_command (self->board, self->layout,
                                                        mc_canvas_get_scene (self),
                                                        (const char * const *) ids,
                                                        edit->drag_dx, edit->drag_dy));
        }
      else if (!was_active && edit->click_picks_alone && edit->cursor != NULL)
        {
          /* A plain click on one of several selected notes picks it alone. */
          g_autofree char *id = g_strdup (edit->cursor);

          select_only (self, id);
        }
      break;

    case MC_DRAG_RESIZE:
      if (was_active && edit->resize_id != NULL)
        execute (self, mc_editing_resize_note_command (self->board, self->layout,
                                                       edit->resize_id, &edit->resize_rect));
      g_clear_pointer (&edit->resize_id, g_free);
      break;

    case MC_DRAG_FIGURE:
      if (was_active && moved && (edit->drag_dx != 0 || edit->drag_dy != 0) && edit->drag_figure != NULL)
        {
          McFigure *figure = mc_board_get_figure (self->board, edit->drag_figure);

          if (figure != NULL)
            {
              McFigure *changed = mc_figure_dup (figure);

              mc_figure_set_position (changed,
                                      mc_figure_get_x (figure) + edit->drag_dx,
                                      mc_figure_get_y (figure) + edit->drag_dy);
              execute (self, mc_command_update_figure (self->board, changed));
            }
        }
      g_clear_pointer (&edit->drag_figure, g_free);
      break;

    case MC_DRAG_FIGURE_SCALE:
      if (was_active && edit->drag_figure != NULL && edit->figure_factor != 1.0)
        execute (self, mc_placement_scale_figure_command (self->board, edit->drag_figure,
                                                         edit->figure_start_scale * edit->figure_factor));
      g_clear_pointer (&edit->drag_figure, g_free);
      edit->figure_factor = 1.0;
      break;

    case MC_DRAG_PAN:
      /* A click on empty space clears the note selection. */
      if (!moved && selection_clear_quiet (self))
        selection_changed (self);
      break;

    case MC_DRAG_RUBBER:
    case MC_DRAG_NONE:
    default:
      break;
    }

  edit->drag_dx = edit->drag_dy = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_mc_canvas_edit_double_click (McCanvas *self,
                              double    x,
                              double    y)
{
  McScene *scene = mc_canvas_get_scene (self);
  g_autofree char *id = NULL;
  double bx, by;

  if (scene == NULL || !is_editable (self))
    return;

  mc_canvas_widget_to_board (self, x, y, &bx, &by);
  id = mc_editing_note_at (scene, bx, by);
  if (id != NULL)
    edit_note (self, id);
  else
    edit_new_note_at (self, bx, by);
}

gboolean
_mc_canvas_edit_escape (McCanvas *self)
{
  if (self->edit->editor != NULL)
    {
      end_editing (self, TRUE);
      return TRUE;
    }
  if (selection_clear_quiet (self))
    {
      selection_changed (self);
      return TRUE;
    }
  return FALSE;
}

gboolean
_mc_canvas_edit_nudge (McCanvas *self,
                       double    dx,
                       double    dy)
{
  g_auto(GStrv) ids = NULL;

  if (self->edit->selection->len == 0 || self->edit->editor != NULL)
    return FALSE;
  if (!is_editable (self))
    return TRUE;

  ids = g_strdupv ((char **) selection_ids (self));
  execute (self, mc_editing_move_notes_command (self->board, self->layout,
                                                mc_canvas_get_scene (self),
                                                (const char * const *) ids, dx, dy));
  return TRUE;
}

gboolean
_mc_canvas_edit_nudge_figure (McCanvas *self,
                              double    dx,
                              double    dy)
{
  McFigure *figure;
  McFigure *changed;

  if (self->selected_figure == NULL || self->edit->selection->len > 0 || self->edit->editor != NULL
      || (figure = mc_board_get_figure (self->board, self->selected_figure)) == NULL)
    return FALSE;
  if (!is_editable (self))
    return TRUE;

  changed = mc_figure_dup (figure);
  mc_figure_set_position (changed,
                          mc_figure_get_x (figure) + dx * FIGURE_NUDGE,
                          mc_figure_get_y (figure) + dy * FIGURE_NUDGE);
  execute (self, mc_command_update_figure (self->board, changed));
  return TRUE;
}

/* The region a new note or "Arrange" is about: the one under the pointer,
 * else the selected one. Returns a point inside it. */
static gboolean
target_region (McCanvas  *self,
               char     **figure_id,
               char     **region_id,
               double    *board_x,
               double    *board_y)
{
  McScene *scene = mc_canvas_get_scene (self);
  const char *selected = mc_canvas_get_selected_region (self);
  double bx, by;

  if (scene == NULL)
    return FALSE;

  if (self->pointer_inside)
    {
      mc_canvas_widget_to_board (self, self->pointer_x, self->pointer_y, &bx, &by);
      if (mc_editing_region_at (scene, bx, by, figure_id, region_id))
        {
          *board_x = bx;
          *board_y = by;
          return TRUE;
        }
    }

  if (selected != NULL)
    {
      int index = mc_scene_find_group (scene, selected);
      const McSceneItem *item = index >= 0 ? mc_scene_get_item (scene, index) : NULL;

      if (item != NULL)
        {
          /* The bounds' centre may lie outside a ring-shaped region: search
           * a grid for a point that hits it. */
          for (int step = 2; step <= 16; step *= 2)
            for (int i = 1; i < step; i += 2)
              for (int j = 1; j < step; j += 2)
                {
                  g_autofree char *f = NULL;
                  g_autofree char *r = NULL;
                  g_autofree char *joined = NULL;

                  bx = item->bounds.x + item->bounds.width * j / step;
                  by = item->bounds.y + item->bounds.height * i / step;
                  if (!mc_editing_region_at (scene, bx, by, &f, &r))
                    continue;
                  joined = g_strconcat (f, "/", r, NULL);
                  if (!g_str_equal (joined, selected))
                    continue;
                  *board_x = bx;
                  *board_y = by;
                  if (figure_id != NULL)
                    *figure_id = g_steal_pointer (&f);
                  if (region_id != NULL)
                    *region_id = g_steal_pointer (&r);
                  return TRUE;
                }
        }
    }

  return FALSE;
}

/* Typing on the canvas */

gboolean
_mc_canvas_edit_type (McCanvas *self,
                      guint     keyval)
{
  McCanvasEdit *edit = self->edit;
  gunichar c = gdk_keyval_to_unicode (keyval);
  char text[8] = { 0 };
  double bx, by;

  /* N keeps its shortcut (an empty new note); digits, + and − vote. */
  if (c == 0 || !g_unichar_isgraph (c) || g_unichar_isdigit (c)
      || keyval == GDK_KEY_n || keyval == GDK_KEY_plus || keyval == GDK_KEY_minus)
    return FALSE;
  if (edit->editor != NULL || edit->selection->len > 0 || self->selected_figure != NULL
      || !is_editable (self) || !target_region (self, NULL, NULL, &bx, &by))
    return FALSE;

  /* A letter typed at a region starts a note there with that letter, as in
   * presentation mode: text typed after a double-click that did not count
   * as one (too slow, or the first click came before the window showed)
   * is no longer lost. The next keys go to the editor, which has the focus
   * by now; this first one is inserted here, not forwarded, so it cannot
   * reach the text view twice or not at all. */
  edit_new_note_at (self, bx, by);
  if (edit->editor == NULL)
    return FALSE;
  g_unichar_to_utf8 (c, text);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (edit->editor)), text, -1);
  return TRUE;
}

/* Actions */

static void
action_new_note (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  McRect visible;
  double bx, by;

  if (!target_region (self, NULL, NULL, &bx, &by))
    {
      /* No region: a free note in the middle of the view. */
      mc_canvas_get_visible_rect (self, &visible);
      bx = visible.x + visible.width / 2.0;
      by = visible.y + visible.height / 2.0;
    }
  edit_new_note_at (self, bx, by);
}

static void
action_edit (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  const char *id = self->edit->cursor;

  if (id == NULL || !g_hash_table_contains (self->edit->selected, id))
    id = self->edit->selection->len > 0 ? self->edit->selection->pdata[0] : NULL;
  if (id != NULL)
    {
      g_autofree char *copy = g_strdup (id);

      edit_note (self, copy);
    }
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);

  end_editing (self, TRUE);
  if (ids[0] != NULL)
    execute (self, mc_editing_delete_notes_command (self->board, (const char * const *) ids));
}

static void
action_duplicate (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);
  g_auto(GStrv) new_ids = NULL;
  McCommand *command;

  end_editing (self, TRUE);
  if (ids[0] == NULL || !is_editable (self))
    return;

  mc_canvas_get_scene (self);
  command = mc_editing_duplicate_notes_command (self->board, self->layout,
                                                (const char * const *) ids, &new_ids);
  execute (self, command);
  mc_canvas_select_notes (self, (const char * const *) new_ids);
}

static void
action_raise (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);

  if (ids[0] != NULL)
    execute (self, mc_editing_raise_notes_command (self->board, (const char * const *) ids));
}

static void
action_color (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);
  const char *color = g_variant_get_string (parameter, NULL);

  if (ids[0] != NULL && mc_note_color_is_valid (color))
    execute (self, mc_editing_set_color_command (self->board, (const char * const *) ids, color));
}

static void
vote (McCanvas *self,
      int       delta)
{
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);

  if (ids[0] != NULL && delta != 0)
    execute (self, mc_editing_vote_command (self->board, (const char * const *) ids, delta));
}

static void
action_vote_add (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  vote (MC_CANVAS (widget), CLAMP (g_variant_get_int32 (parameter), 1, 9));
}

static void
action_vote_remove (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  vote (MC_CANVAS (widget), -1);
}

static void
action_select_all (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  GPtrArray *notes;

  if (self->board == NULL)
    return;

  end_editing (self, TRUE);
  selection_clear_quiet (self);
  notes = mc_board_get_notes (self->board);
  for (guint i = 0; i < notes->len; i++)
    selection_add_quiet (self, mc_note_get_id (notes->pdata[i]));
  selection_changed (self);
}

static void
action_select_region (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_autofree char *figure_id = NULL;
  g_autofree char *region_id = NULL;
  g_auto(GStrv) ids = NULL;
  double bx, by;

  if (!target_region (self, &figure_id, &region_id, &bx, &by))
    return;

  end_editing (self, TRUE);
  ids = mc_editing_notes_in_region (self->board, figure_id, region_id);
  mc_canvas_select_notes (self, (const char * const *) ids);
}

static void
action_select_none (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _mc_canvas_edit_escape (MC_CANVAS (widget));
}

static void
arrange (McCanvas *self,
         gboolean  by_votes)
{
  g_autofree char *figure_id = NULL;
  g_autofree char *region_id = NULL;
  double bx, by;

  if (!is_editable (self) || !target_region (self, &figure_id, &region_id, &bx, &by))
    {
      mc_app_show_toast (GTK_WIDGET (self), _("Select a region to arrange its notes"));
      return;
    }

  end_editing (self, TRUE);
  mc_canvas_get_scene (self);
  if (by_votes)
    execute (self, mc_editing_sort_region_by_votes_command (self->board, self->layout,
                                                            figure_id, region_id));
  else
    execute (self, mc_editing_arrange_region_command (self->board, self->layout,
                                                      figure_id, region_id));
}

static void
action_arrange (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  arrange (MC_CANVAS (widget), FALSE);
}

static void
action_sort_votes (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  arrange (MC_CANVAS (widget), TRUE);
}

static void
step_note (McCanvas *self,
           gboolean  backwards)
{
  const char *next;

  if (self->board == NULL)
    return;

  end_editing (self, TRUE);
  mc_canvas_get_scene (self);
  next = mc_editing_next_note (self->board, self->layout, self->edit->cursor, backwards);
  if (next == NULL)
    return;

  {
    g_autofree char *id = g_strdup (next);

    select_only (self, id);
    mc_canvas_reveal_note (self, id);
  }
}

static void
action_next_note (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_note (MC_CANVAS (widget), FALSE);
}

static void
action_previous_note (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_note (MC_CANVAS (widget), TRUE);
}

static void
action_fit_figure (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_autofree char *figure_id = NULL;
  McRect rect;
  double bx, by;

  if (self->board == NULL)
    return;

  if (self->edit->selection->len > 0)
    {
      McNote *note = mc_board_get_note (self->board, self->edit->selection->pdata[0]);

      if (note != NULL)
        figure_id = g_strdup (mc_note_get_figure_id (note));
    }
  if (figure_id == NULL)
    target_region (self, &figure_id, NULL, &bx, &by);
  if (figure_id == NULL && mc_board_get_figures (self->board)->len > 0)
    figure_id = g_strdup (mc_figure_get_id (g_ptr_array_index (mc_board_get_figures (self->board), 0)));

  if (figure_id != NULL && mc_layout_get_figure_rect (self->board, figure_id, &rect))
    mc_canvas_zoom_to_rect (self, &rect, gtk_widget_get_mapped (widget));
}

/* Clipboard */

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

      execute (self, command);
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
  execute (self, command);
  mc_canvas_select_notes (self, (const char * const *) new_ids);
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
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

  if (text == NULL || !is_editable (self))
    return;

  paste_point (self, &bx, &by);
  author = dup_author ();
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
  if (!is_editable (self))
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

  end_editing (self, TRUE);
  if (!is_editable (self))
    return;

  if (gdk_content_formats_contain_mime_type (formats, MC_CLIPBOARD_MIME_TYPE))
    gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL,
                              on_paste_notes_read, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, on_paste_text, g_object_ref (self));
}

/* Clusters */

static void
create_cluster (McCanvas   *self,
                const char *label)
{
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);
  McCluster *cluster;

  if (ids[0] == NULL || !is_editable (self))
    return;

  if (label == NULL || *label == '\0')
    label = _("Cluster");
  cluster = mc_cluster_new (label, NULL);
  mc_cluster_set_note_ids (cluster, (const char * const *) ids);
  execute (self, mc_command_add_cluster (self->board, cluster));
}

static void
on_cluster_label_activate (GtkEntry *entry,
                           McCanvas *self)
{
  g_autofree char *label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (self->edit->cluster_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->edit->cluster_popover));
  create_cluster (self, g_strstrip (label));
}

static void
on_cluster_button_clicked (GtkButton *button,
                           GtkEntry  *entry)
{
  g_signal_emit_by_name (entry, "activate");
}

static void
on_cluster_popover_closed (GtkPopover *popover,
                           McCanvas   *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
selection_bounds_widget (McCanvas     *self,
                         GdkRectangle *out)
{
  McRect all = { 0 }, rect;
  gboolean any = FALSE;
  double x0, y0, x1, y1;

  for (guint i = 0; i < self->edit->selection->len; i++)
    if (mc_layout_get_note_rect (self->layout, self->edit->selection->pdata[i], &rect))
      {
        if (any)
          mc_rect_union (&all, &rect, &all);
        else
          all = rect;
        any = TRUE;
      }

  mc_canvas_board_to_widget (self, all.x, all.y, &x0, &y0);
  mc_canvas_board_to_widget (self, all.x + all.width, all.y + all.height, &x1, &y1);
  x0 = CLAMP (x0, 0, gtk_widget_get_width (GTK_WIDGET (self)));
  x1 = CLAMP (x1, 0, gtk_widget_get_width (GTK_WIDGET (self)));
  y0 = CLAMP (y0, 0, gtk_widget_get_height (GTK_WIDGET (self)));
  y1 = CLAMP (y1, 0, gtk_widget_get_height (GTK_WIDGET (self)));
  *out = (GdkRectangle) { (int) x0, (int) y0, MAX ((int) (x1 - x0), 1), MAX ((int) (y1 - y0), 1) };
}

static void
action_cluster (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  McCanvasEdit *edit = self->edit;
  GtkWidget *box, *entry, *button, *label;
  GdkRectangle pointing;

  end_editing (self, TRUE);
  if (edit->selection->len == 0 || !is_editable (self))
    return;

  if (edit->cluster_popover == NULL)
    {
      edit->cluster_popover = gtk_popover_new ();
      gtk_widget_set_parent (edit->cluster_popover, widget);
      g_signal_connect (edit->cluster_popover, "closed", G_CALLBACK (on_cluster_popover_closed), self);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      label = gtk_label_new (_("Cluster label"));
      gtk_widget_add_css_class (label, "dim-label");
      entry = gtk_entry_new ();
      gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cluster label"), -1);
      g_signal_connect (entry, "activate", G_CALLBACK (on_cluster_label_activate), self);
      button = gtk_button_new_with_mnemonic (_("_Cluster"));
      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect (button, "clicked", G_CALLBACK (on_cluster_button_clicked), entry);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), entry);
      gtk_box_append (GTK_BOX (box), button);
      gtk_popover_set_child (GTK_POPOVER (edit->cluster_popover), box);
      g_object_set_data (G_OBJECT (edit->cluster_popover), "mc-entry", entry);
    }

  entry = g_object_get_data (G_OBJECT (edit->cluster_popover), "mc-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), _("Cluster"));
  selection_bounds_widget (self, &pointing);
  gtk_popover_set_pointing_to (GTK_POPOVER (edit->cluster_popover), &pointing);
  gtk_popover_popup (GTK_POPOVER (edit->cluster_popover));
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
action_uncluster (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_autoptr(McCommand) group = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->board == NULL)
    return;

  group = mc_command_group_new (_("Remove Cluster"));
  for (guint i = 0; i < self->edit->selection->len; i++)
    {
      McCluster *cluster = mc_board_get_note_cluster (self->board, self->edit->selection->pdata[i]);

      if (cluster == NULL || !g_hash_table_add (seen, (gpointer) mc_cluster_get_id (cluster)))
        continue;
      mc_command_group_add (group, mc_command_remove_cluster (self->board, mc_cluster_get_id (cluster)));
    }

  if (!mc_command_group_is_empty (group))
    execute (self, g_steal_pointer (&group));
}

/* Context menu */

static GMenuModel *
note_menu_model (void)
{
  /* Labels of the six note colours, in mc_note_colors order. */
  const char *color_labels[] = {
    N_("Yellow"), N_("Orange"), N_("Pink"), N_("Purple"), N_("Blue"), N_("Green"),
  };
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) colors = g_menu_new ();
  g_autoptr(GMenu) region = g_menu_new ();

  g_menu_append (edit, _("_Edit Text"), "canvas.edit");
  g_menu_append (edit, _("D_uplicate"), "canvas.duplicate");
  g_menu_append (edit, _("Bring to _Front"), "canvas.raise");
  g_menu_append (edit, _("_Delete"), "canvas.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  for (guint i = 0; i < G_N_ELEMENTS (color_labels) && mc_note_colors[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(color_labels[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "canvas.color",
                                               g_variant_new_string (mc_note_colors[i]));
      g_menu_append_item (colors, item);
    }
  g_menu_append_submenu (menu, _("_Colour"), G_MENU_MODEL (colors));

  g_menu_append (region, _("_Arrange Region"), "canvas.arrange");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (region));

  return G_MENU_MODEL (menu);
}

static GMenuModel *
figure_menu_model (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) size = g_menu_new ();
  g_autoptr(GMenu) board = g_menu_new ();

  /* The window's Figure actions act on the canvas's selected figure. */
  g_menu_append (size, _("_Larger"), "win.figure-scale-up");
  g_menu_append (size, _("_Smaller"), "win.figure-scale-down");
  g_menu_append (size, _("_Remove Figure"), "win.figure-remove");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (size));
  g_menu_append (board, _("_Add Figure…"), "win.add-figure");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (board));

  return G_MENU_MODEL (menu);
}

static void
popup_menu (McCanvas   *self,
            GMenuModel *model,
            double      x,
            double      y)
{
  McCanvasEdit *edit = self->edit;

  if (edit->context_menu == NULL)
    {
      edit->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (edit->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (edit->context_menu), FALSE);
      gtk_widget_set_halign (edit->context_menu, GTK_ALIGN_START);
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (edit->context_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (edit->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (edit->context_menu));
}

void
_mc_canvas_edit_context_menu (McCanvas *self,
                              double    x,
                              double    y)
{
  McCanvasEdit *edit = self->edit;
  McScene *scene = mc_canvas_get_scene (self);
  g_autofree char *note = NULL;
  g_autoptr(GMenuModel) model = NULL;
  const char *figure;
  double bx, by;

  end_editing (self, TRUE);
  if (scene == NULL)
    return;

  /* The menu's actions look at the pointer (Arrange) and the selection. */
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;

  mc_canvas_widget_to_board (self, x, y, &bx, &by);
  note = mc_editing_note_at (scene, bx, by);
  if (note != NULL)
    {
      /* Right-click on a note outside the selection picks it alone. */
      if (!g_hash_table_contains (edit->selected, note))
        select_only (self, note);
      mc_canvas_select_figure (self, NULL);
      model = note_menu_model ();
    }
  else if ((figure = figure_at (self, bx, by)) != NULL)
    {
      if (selection_clear_quiet (self))
        selection_changed (self);
      mc_canvas_select_figure (self, figure);
      model = figure_menu_model ();
    }
  else
    return;

  popup_menu (self, model, x, y);
}

static void
action_context_menu (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  McCanvasEdit *edit = self->edit;
  McRect rect;
  double x, y;

  /* From the keyboard: at the keyboard's note, or the selected figure. */
  if (edit->cursor != NULL && g_hash_table_contains (edit->selected, edit->cursor)
      && mc_layout_get_note_rect (self->layout, edit->cursor, &rect))
    ;
  else if (self->selected_figure != NULL && mc_layout_get_figure_rect (self->board, self->selected_figure, &rect))
    {
      double title = MC_FIGURE_TITLE_BAND * mc_figure_get_scale (mc_board_get_figure (self->board, self->selected_figure));

      /* Its title band, outside every region. */
      rect.height = MIN (rect.height, title);
    }
  else
    return;

  mc_canvas_board_to_widget (self, rect.x + MIN (rect.width / 2, 40.0), rect.y + rect.height / 2, &x, &y);
  x = CLAMP (x, 0, gtk_widget_get_width (widget));
  y = CLAMP (y, 0, gtk_widget_get_height (widget));
  _mc_canvas_edit_context_menu (self, x, y);
}

GtkWidget *
mc_canvas_test_context_menu (McCanvas *self,
                             double    x,
                             double    y)
{
  _mc_canvas_edit_context_menu (self, x, y);
  if (self->edit->context_menu == NULL || !gtk_widget_get_visible (self->edit->context_menu))
    return NULL;
  return self->edit->context_menu;
}

/* Author name (new notes carry it) */

static void
on_author_response (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkEntry         *entry)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "save"))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "author-name", name);
}

static void
action_author (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = dup_author ();
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Your Name on Notes"),
                                   _("New notes you write carry this name as their author. Leave it empty to write notes without a name."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), name != NULL ? name : "");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_author_response), entry);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Setup */

void
_mc_canvas_edit_class_init (GtkWidgetClass *widget_class)
{
  static const char *color_keys[] = { "1", "2", "3", "4", "5", "6" };

  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (widget_class),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "canvas.new-note", NULL, action_new_note);
  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, action_duplicate);
  gtk_widget_class_install_action (widget_class, "canvas.raise", NULL, action_raise);
  gtk_widget_class_install_action (widget_class, "canvas.color", "s", action_color);
  gtk_widget_class_install_action (widget_class, "canvas.vote-add", "i", action_vote_add);
  gtk_widget_class_install_action (widget_class, "canvas.vote-remove", NULL, action_vote_remove);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, action_select_all);
  gtk_widget_class_install_action (widget_class, "canvas.select-region", NULL, action_select_region);
  gtk_widget_class_install_action (widget_class, "canvas.select-none", NULL, action_select_none);
  gtk_widget_class_install_action (widget_class, "canvas.arrange", NULL, action_arrange);
  gtk_widget_class_install_action (widget_class, "canvas.sort-votes", NULL, action_sort_votes);
  gtk_widget_class_install_action (widget_class, "canvas.next-note", NULL, action_next_note);
  gtk_widget_class_install_action (widget_class, "canvas.previous-note", NULL, action_previous_note);
  gtk_widget_class_install_action (widget_class, "canvas.fit-figure", NULL, action_fit_figure);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, action_cut);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, action_paste);
  gtk_widget_class_install_action (widget_class, "canvas.cluster", NULL, action_cluster);
  gtk_widget_class_install_action (widget_class, "canvas.uncluster", NULL, action_uncluster);
  gtk_widget_class_install_action (widget_class, "canvas.author", NULL, action_author);
  gtk_widget_class_install_action (widget_class, "canvas.context-menu", NULL, action_context_menu);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "canvas.new-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketright, GDK_CONTROL_MASK, "canvas.raise", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.select-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "canvas.arrange", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.sort-votes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "canvas.next-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "canvas.previous-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, "canvas.previous-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "canvas.fit-figure", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "canvas.cluster", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.uncluster", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.vote-add", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.vote-add", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.vote-remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "canvas.vote-remove", NULL);
  for (int i = 1; i <= 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, 0, "canvas.vote-add", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, 0, "canvas.vote-add", "i", i);
    }
  /* Alt+1 … Alt+6: the six note colours in mc_note_colors order. */
  for (guint i = 0; i < G_N_ELEMENTS (color_keys) && mc_note_colors[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, gdk_keyval_from_name (color_keys[i]),
                                         GDK_ALT_MASK, "canvas.color", "s", mc_note_colors[i]);
}

void
_mc_canvas_edit_init (McCanvas *self)
{
  McCanvasEdit *edit = g_new0 (McCanvasEdit, 1);

  edit->selection = g_ptr_array_new_with_free_func (g_free);
  edit->selected = g_hash_table_new (g_str_hash, g_str_equal);
  edit->matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  edit->editor_css = gtk_css_provider_new ();
  self->edit = edit;

  update_actions (self);
}

void
_mc_canvas_edit_dispose (McCanvas *self)
{
  McCanvasEdit *edit = self->edit;

  if (edit == NULL)
    return;

  if (edit->editor != NULL)
    {
      g_signal_handlers_disconnect_by_func (gtk_text_view_get_buffer (GTK_TEXT_VIEW (edit->editor)),
                                            on_buffer_changed, self);
      g_clear_pointer (&edit->editor, gtk_widget_unparent);
    }
  g_clear_pointer (&edit->cluster_popover, gtk_widget_unparent);
  g_clear_pointer (&edit->context_menu, gtk_widget_unparent);
  g_clear_pointer (&edit->drag_figure, g_free);
  g_clear_pointer (&edit->hover_figure, g_free);
  g_clear_pointer (&edit->selection, g_ptr_array_unref);
  g_clear_pointer (&edit->selected, g_hash_table_unref);
  g_clear_pointer (&edit->matches, g_hash_table_unref);
  g_clear_pointer (&edit->cursor, g_free);
  g_clear_pointer (&edit->hover_note, g_free);
  g_clear_pointer (&edit->resize_id, g_free);
  g_clear_pointer (&edit->editing_id, g_free);
  g_clear_pointer (&edit->search, g_free);
  g_clear_pointer (&edit->rubber_base, g_strfreev);
  g_clear_pointer (&edit->drag_scene, mc_scene_unref);
  g_clear_pointer (&edit->base_scene, mc_scene_unref);
  g_clear_object (&edit->cache);
  g_clear_object (&edit->editor_css);
  g_clear_pointer (&self->edit, g_free);
}

/* Test hooks */

void
mc_canvas_test_click (McCanvas        *self,
                      double           x,
                      double           y,
                      GdkModifierType  state)
{
  McDragMode mode = _mc_canvas_edit_press (self, x, y, state);

  _mc_canvas_edit_drag_end (self, 0, 0, FALSE);
  /* Like on_click_released: the click also picks the region. */
  if (mode == MC_DRAG_PAN || mode == MC_DRAG_FIGURE)
    _mc_canvas_click_region (self, x, y, 1);
}

void
mc_canvas_test_double_click (McCanvas *self,
                             double    x,
                             double    y)
{
  mc_canvas_test_click (self, x, y, 0);
  _mc_canvas_edit_press (self, x, y, 0);
  _mc_canvas_edit_drag_end (self, 0, 0, FALSE);
  _mc_canvas_edit_double_click (self, x, y);
}

void
mc_canvas_test_drag (McCanvas        *self,
                     double           x,
                     double           y,
                     double           to_x,
                     double           to_y,
                     GdkModifierType  state)
{
  McDragMode mode = _mc_canvas_edit_press (self, x, y, state);

  if (mode == MC_DRAG_PAN)
    {
      _mc_canvas_edit_drag_end (self, to_x - x, to_y - y, TRUE);
      mc_canvas_scroll_by (self, x - to_x, y - to_y);
      return;
    }
  /* Two motion events, as a real drag has many. */
  _mc_canvas_edit_drag_update (self, (to_x - x) / 2, (to_y - y) / 2);
  _mc_canvas_edit_drag_update (self, to_x - x, to_y - y);
  _mc_canvas_edit_drag_end (self, to_x - x, to_y - y, TRUE);
}

GtkWidget *
mc_canvas_test_get_editor (McCanvas *self)
{
  return self->edit->editor;
}
