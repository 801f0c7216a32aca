/* mc-canvas-edit.c — writing notes on the canvas: the McNoteEditor laid
 * over the note being edited, the new note that enters the board with its
 * first key, typing on the canvas, and following the board (undo) while
 * editing. Every change goes through a McCommand: this file decides
 * *when*, the core decides *what*.
 */
#include "config.h"

#include <math.h>

#include "mc-canvas-a11y-private.h"
#include "mc-canvas-edit-private.h"
#include "mc-editing.h"
#include "mc-figure.h"
#include "mc-history.h"
#include "mc-theme.h"

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

/* Dresses the editor as the drawn note: its colour, the theme's font at
 * the view's size and the same inner padding (10 units). */
static void
update_editor_style (McCanvas *self,
                     double    scale)
{
  McCanvasEdit *edit = self->edit;
  const McTheme *theme = mc_theme_get (self->options.theme);
  McNote *note = edit->editing_id != NULL ? mc_board_get_note (self->board, edit->editing_id) : NULL;
  McColor fill;

  mc_theme_get_note_fill (theme, note != NULL ? mc_note_get_color (note) : MC_NOTE_COLOR_DEFAULT, &fill);
  mc_note_editor_set_look (MC_NOTE_EDITOR (edit->editor), &fill, theme->font_family,
                           theme->note_size * scale * self->zoom,
                           (int) round (10 * scale * self->zoom));
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
  _mc_canvas_a11y_view_changed (self);
}

/* The person typed: the note follows, one command per change (the history
 * coalesces them). */
static void
on_editor_text_changed (McNoteEditor *editor,
                        McCanvas     *self)
{
  McCanvasEdit *edit = self->edit;
  g_autofree char *text = NULL;

  if (edit->syncing || !_mc_canvas_is_editable (self))
    return;

  /* The board changes below come from the editor: do not sync back. */
  edit->syncing = TRUE;
  text = mc_note_editor_dup_text (editor);
  if (edit->editing_id == NULL && *text != '\0')
    {
      g_autofree char *author = NULL;
      g_autofree char *id = NULL;
      McCommand *command;

      /* A new note enters the board with its first character, so an empty
       * new note never reaches the history. It is added empty and then
       * typed into: undo takes back the typing, then the note. */
      author = _mc_canvas_dup_author ();
      command = mc_editing_new_note_command (self->board, self->layout,
                                             mc_canvas_get_scene (self),
                                             edit->pending_x, edit->pending_y,
                                             "", author, &id);
      edit->editing_id = g_strdup (id);
      _mc_canvas_execute (self, command);
      _mc_canvas_select_only (self, id);
    }

  if (edit->editing_id != NULL && mc_board_get_note (self->board, edit->editing_id) != NULL)
    _mc_canvas_execute (self, mc_command_set_note_text (self->board, edit->editing_id, text));
  edit->syncing = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_editor_committed (McNoteEditor *editor,
                     const char   *text,
                     McCanvas     *self)
{
  _mc_canvas_end_editing (self, TRUE);
}

static void
on_editor_cancelled (McNoteEditor *editor,
                     McCanvas     *self)
{
  _mc_canvas_end_editing (self, FALSE);
}

static void
disconnect_editor (McCanvas  *self,
                   GtkWidget *editor)
{
  g_signal_handlers_disconnect_by_func (editor, on_editor_text_changed, self);
  g_signal_handlers_disconnect_by_func (editor, on_editor_committed, self);
  g_signal_handlers_disconnect_by_func (editor, on_editor_cancelled, self);
}

void
_mc_canvas_end_editing (McCanvas *self,
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
  text = mc_note_editor_dup_text (MC_NOTE_EDITOR (editor));
  disconnect_editor (self, editor);
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

static void
start_editor (McCanvas   *self,
              const char *text)
{
  McCanvasEdit *edit = self->edit;
  GtkWidget *editor = mc_note_editor_new ();

  g_signal_connect (editor, "text-changed", G_CALLBACK (on_editor_text_changed), self);
  g_signal_connect (editor, "committed", G_CALLBACK (on_editor_committed), self);
  g_signal_connect (editor, "cancelled", G_CALLBACK (on_editor_cancelled), self);

  edit->editor = editor;
  gtk_widget_set_parent (editor, GTK_WIDGET (self));
  edit->history_mark = self->board != NULL ? mc_history_get_n_undo (mc_board_get_history (self->board)) : 0;
  mc_note_editor_start (MC_NOTE_EDITOR (editor), text);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
_mc_canvas_edit_note (McCanvas   *self,
                      const char *note_id)
{
  McNote *note;
  McScene *scene;

  _mc_canvas_end_editing (self, TRUE);
  if (!_mc_canvas_is_editable (self) || (note = mc_board_get_note (self->board, note_id)) == NULL)
    return;

  _mc_canvas_select_only (self, note_id);
  self->edit->editing_id = g_strdup (note_id);
  self->edit->editing_new = FALSE;

  /* Text cut off in the drawing grows the note, so it all shows. */
  scene = mc_canvas_get_scene (self);
  if (!mc_editing_note_text_fits (scene, note_id))
    _mc_canvas_execute (self, mc_editing_grow_to_fit_command (self->board, note_id, self->options.theme));

  start_editor (self, mc_note_get_text (note));
}

void
_mc_canvas_edit_new_note_at (McCanvas *self,
                             double    board_x,
                             double    board_y)
{
  _mc_canvas_end_editing (self, TRUE);
  if (!_mc_canvas_is_editable (self))
    return;

  _mc_canvas_select_only (self, NULL);
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

  if (edit->editor == NULL || edit->editing_id == NULL || edit->syncing)
    return;

  note = mc_board_get_note (self->board, edit->editing_id);
  if (note == NULL)
    {
      /* Undone away under the editor. */
      _mc_canvas_end_editing (self, FALSE);
      return;
    }

  mc_note_editor_set_text (MC_NOTE_EDITOR (edit->editor), mc_note_get_text (note));
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

  /* The board texture: mc-canvas.c has cleared it or marked its damage. */
  if (flags == MC_CHANGE_ALL)
    {
      /* Another board: nothing of the old one's editing carries over. */
      _mc_canvas_end_editing (self, FALSE);
      g_clear_pointer (&edit->search, g_free);
      g_hash_table_remove_all (edit->matches);
      if (_mc_canvas_selection_clear_quiet (self))
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
    _mc_canvas_end_editing (self, FALSE);
  else
    sync_editor_from_board (self);

  if (dropped)
    _mc_canvas_selection_changed (self);
  else
    _mc_canvas_update_actions (self);
}

/* Pointer input */

void
_mc_canvas_edit_double_click (McCanvas *self,
                              double    x,
                              double    y)
{
  McScene *scene = mc_canvas_get_scene (self);
  g_autofree char *id = NULL;
  double bx, by;

  if (scene == NULL || !_mc_canvas_is_editable (self))
    return;

  mc_canvas_widget_to_board (self, x, y, &bx, &by);
  id = mc_editing_note_at (scene, bx, by);
  if (id != NULL)
    _mc_canvas_edit_note (self, id);
  else
    _mc_canvas_edit_new_note_at (self, bx, by);
}

gboolean
_mc_canvas_edit_escape (McCanvas *self)
{
  if (self->edit->editor != NULL)
    {
      _mc_canvas_end_editing (self, TRUE);
      return TRUE;
    }
  if (_mc_canvas_selection_clear_quiet (self))
    {
      _mc_canvas_selection_changed (self);
      return TRUE;
    }
  return FALSE;
}
/* A board point inside the region "<figure>/<region>", with its two ids. */
static gboolean
point_in_region (McScene    *scene,
                 const char *group_id,
                 char      **figure_id,
                 char      **region_id,
                 double     *board_x,
                 double     *board_y)
{
  int index = mc_scene_find_group (scene, group_id);
  const McSceneItem *item = index >= 0 ? mc_scene_get_item (scene, index) : NULL;

  if (item == NULL)
    return FALSE;

  /* The bounds' centre may lie outside a ring-shaped region: search a grid
   * for a point that hits it. */
  for (int step = 2; step <= 16; step *= 2)
    for (int i = 1; i < step; i += 2)
      for (int j = 1; j < step; j += 2)
        {
          g_autofree char *f = NULL;
          g_autofree char *r = NULL;
          g_autofree char *joined = NULL;
          double bx = item->bounds.x + item->bounds.width * j / step;
          double by = item->bounds.y + item->bounds.height * i / step;

          if (!mc_editing_region_at (scene, bx, by, &f, &r))
            continue;
          joined = g_strconcat (f, "/", r, NULL);
          if (!g_str_equal (joined, group_id))
            continue;
          *board_x = bx;
          *board_y = by;
          if (figure_id != NULL)
            *figure_id = g_steal_pointer (&f);
          if (region_id != NULL)
            *region_id = g_steal_pointer (&r);
          return TRUE;
        }

  return FALSE;
}

gboolean
_mc_canvas_target_region (McCanvas  *self,
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

  return selected != NULL && point_in_region (scene, selected, figure_id, region_id, board_x, board_y);
}

/* Where typing on the canvas writes: the target region, else the region
 * of the keyboard's (or the last selected) note. */
static gboolean
typing_target (McCanvas *self,
               double   *board_x,
               double   *board_y)
{
  McCanvasEdit *edit = self->edit;
  const char *id = edit->cursor;
  g_autofree char *group = NULL;
  McNote *note;

  if (_mc_canvas_target_region (self, NULL, NULL, board_x, board_y))
    return TRUE;

  if (id == NULL && edit->selection->len > 0)
    id = edit->selection->pdata[edit->selection->len - 1];
  if (id == NULL || (note = mc_board_get_note (self->board, id)) == NULL
      || mc_note_get_figure_id (note) == NULL || mc_note_get_region_id (note) == NULL)
    return FALSE;

  group = g_strconcat (mc_note_get_figure_id (note), "/", mc_note_get_region_id (note), NULL);
  return point_in_region (mc_canvas_get_scene (self), group, NULL, NULL, board_x, board_y);
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

  if (c == 0 || !g_unichar_isgraph (c))
    return FALSE;
  /* Digits, + and − vote on the selected notes: those are shortcuts. */
  if (edit->selection->len > 0
      && (g_unichar_isdigit (c) || keyval == GDK_KEY_plus || keyval == GDK_KEY_minus))
    return FALSE;
  if (edit->editor != NULL || !_mc_canvas_is_editable (self) || !typing_target (self, &bx, &by))
    return FALSE;

  /* A key typed at a region starts a note there with that key, as in
   * presentation mode, whatever was selected: text typed after a
   * double-click that did not count as one (too slow, or the first click
   * came before the window showed), or right after the last note, is never
   * lost, and N is a letter here, not the new-note shortcut. The next keys
   * go to the editor, which has the focus by now; this first one is
   * inserted here, not forwarded, so it cannot reach the text view twice
   * or not at all. */
  mc_canvas_select_figure (self, NULL);
  _mc_canvas_edit_new_note_at (self, bx, by);
  if (edit->editor == NULL)
    return FALSE;
  g_unichar_to_utf8 (c, text);
  mc_note_editor_insert (MC_NOTE_EDITOR (edit->editor), text);
  return TRUE;
}
