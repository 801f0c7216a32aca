/* mc-canvas-drag.c — pointer input on the canvas's notes and figures:
 * hit-testing against the built scene, the press, and moving, resizing,
 * scaling and rubber-band selection while the pointer drags. Nothing
 * changes the board before the drop, which is one command.
 */
#include "config.h"

#include <math.h>

#include "mc-canvas-edit-private.h"
#include "mc-editing.h"
#include "mc-figure.h"
#include "mc-placement.h"

/* Widget pixels around the corner handle that still grab it. */
#define HANDLE_GRAB_PX   12.0
/* Arrow keys move a selected figure this far (board units; Shift: ten
 * times as far). */
#define FIGURE_NUDGE     20.0

static gboolean
handle_hit (McCanvas *self,
            double    x,
            double    y)
{
  McCanvasEdit *edit = self->edit;
  McRect rect;
  double hx, hy;

  if (edit->selection->len != 1 || !_mc_canvas_is_editable (self)
      || !mc_layout_get_note_rect (self->layout, edit->selection->pdata[0], &rect))
    return FALSE;

  mc_canvas_board_to_widget (self, rect.x + rect.width, rect.y + rect.height, &hx, &hy);
  return fabs (x - hx) <= HANDLE_GRAB_PX && fabs (y - hy) <= HANDLE_GRAB_PX;
}

/* Figures are hit-tested against the scene as drawn: its figure groups'
 * hit paths are their frames. */
gboolean
_mc_canvas_get_figure_rect (McCanvas   *self,
                            const char *figure_id,
                            McRect     *rect)
{
  McScene *scene = mc_canvas_get_scene (self);
  const McSceneItem *item;
  int index;

  if (scene == NULL || figure_id == NULL || (index = mc_scene_find_group (scene, figure_id)) < 0)
    return FALSE;

  item = mc_scene_get_item (scene, index);
  if (item->role != MC_ROLE_FIGURE || item->hit_path == NULL)
    return FALSE;

  mc_path_get_bounds (item->hit_path, rect);
  return TRUE;
}

/* The topmost placed figure whose frame holds the board point. */
const char *
_mc_canvas_figure_at (McCanvas *self,
                      double    bx,
                      double    by)
{
  McScene *scene = mc_canvas_get_scene (self);
  const McSceneItem *item;

  if (scene == NULL)
    return NULL;

  item = mc_scene_hit_test (scene, bx, by, 1u << MC_ROLE_FIGURE);
  return item != NULL ? item->id : NULL;
}

const char *
_mc_canvas_edit_figure_handle_at (McCanvas *self,
                                  double    x,
                                  double    y)
{
  const char *candidates[2] = { self->selected_figure, self->edit->hover_figure };

  if (!_mc_canvas_is_editable (self) || self->edit->figures_locked)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      McRect rect;
      double hx, hy;

      if (candidates[i] == NULL || !_mc_canvas_get_figure_rect (self, candidates[i], &rect))
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

  if (scene == NULL || self->edit->figures_locked || mc_editing_region_at (scene, bx, by, NULL, NULL))
    return NULL;
  return _mc_canvas_figure_at (self, bx, by);
}

void
mc_canvas_set_figures_locked (McCanvas *self,
                              gboolean  locked)
{
  McCanvasEdit *edit;

  g_return_if_fail (MC_IS_CANVAS (self));

  edit = self->edit;
  edit->figures_locked = locked;
  if (locked)
    {
      g_clear_pointer (&edit->hover_figure, g_free);
      mc_canvas_select_figure (self, NULL);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  figure = edit->figures_locked ? NULL : _mc_canvas_figure_at (self, bx, by);
  if (g_strcmp0 (figure, edit->hover_figure) != 0)
    {
      g_free (edit->hover_figure);
      edit->hover_figure = g_strdup (figure);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (handle_hit (self, x, y) || _mc_canvas_edit_figure_handle_at (self, x, y) != NULL)
    cursor = "se-resize";
  else if (edit->hover_note == NULL && _mc_canvas_is_editable (self) && figure_frame_at (self, bx, by) != NULL)
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
  _mc_canvas_end_editing (self, TRUE);

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

      if (figure != NULL && _mc_canvas_get_figure_rect (self, figure, &edit->figure_start))
        {
          g_free (edit->drag_figure);
          edit->drag_figure = g_strdup (figure);
          edit->figure_start_scale = mc_figure_get_scale (mc_board_get_figure (self->board, figure));
          edit->figure_factor = 1.0;
          mc_canvas_select_figure (self, edit->drag_figure);
          if (_mc_canvas_selection_clear_quiet (self))
            _mc_canvas_selection_changed (self);
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
              _mc_canvas_selection_remove (self, id);
              return MC_DRAG_NONE;
            }
          _mc_canvas_selection_add_quiet (self, id);
          _mc_canvas_set_cursor_note (self, id);
          _mc_canvas_selection_changed (self);
        }
      else if (!g_hash_table_contains (edit->selected, id))
        _mc_canvas_select_only (self, id);
      else
        {
          _mc_canvas_set_cursor_note (self, id);
          edit->click_picks_alone = TRUE;
        }

      mc_canvas_select_figure (self, NULL);
      edit->drag_mode = _mc_canvas_is_editable (self) ? MC_DRAG_MOVE : MC_DRAG_NONE;
      return edit->drag_mode;
    }

  if (!extend)
    {
      const char *figure = figure_frame_at (self, bx, by);

      mc_canvas_select_figure (self, figure);
      if (figure != NULL)
        {
          if (_mc_canvas_selection_clear_quiet (self))
            _mc_canvas_selection_changed (self);
          if (!_mc_canvas_is_editable (self) || !_mc_canvas_get_figure_rect (self, figure, &edit->figure_start))
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
      edit->rubber_base = (state & GDK_SHIFT_MASK) ? g_strdupv ((char **) _mc_canvas_selection_ids (self)) : NULL;
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

  _mc_canvas_selection_clear_quiet (self);
  for (guint i = 0; edit->rubber_base != NULL && edit->rubber_base[i] != NULL; i++)
    _mc_canvas_selection_add_quiet (self, edit->rubber_base[i]);
  for (guint i = 0; ids[i] != NULL; i++)
    _mc_canvas_selection_add_quiet (self, ids[i]);
  if (edit->selection->len > 0)
    _mc_canvas_set_cursor_note (self, edit->selection->pdata[edit->selection->len - 1]);
  _mc_canvas_selection_changed (self);
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

    case MC_DRAG_MOVE:
      {
        const McSceneItem *item = mc_scene_hit_test (mc_canvas_get_scene (self),
                                                     edit->drag_start_x + edit->drag_dx,
                                                     edit->drag_start_y + edit->drag_dy,
                                                     1u << MC_ROLE_REGION);

        g_free (edit->drop_region);
        edit->drop_region = item != NULL ? g_strdup (item->id) : NULL;
      }
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
          g_auto(GStrv) ids = g_strdupv ((char **) _mc_canvas_selection_ids (self));

          g_autofree char *drop = g_steal_pointer (&edit->drop_region);

          _mc_canvas_execute (self, mc_editing_move_notes_command (self->board, self->layout,
                                                                   mc_canvas_get_scene (self),
                                                                   (const char * const *) ids,
                                                                   edit->drag_dx, edit->drag_dy));
          /* The highlight goes with the notes: the pointer is over the
           * drop region now, and a picked region (the panel's) follows. */
          if (mc_canvas_get_selected_region (self) != NULL)
            mc_canvas_select_region (self, drop);
          _mc_canvas_set_hover_region (self, drop);
        }
      else if (!was_active && edit->click_picks_alone && edit->cursor != NULL)
        {
          /* A plain click on one of several selected notes picks it alone. */
          g_autofree char *id = g_strdup (edit->cursor);

          _mc_canvas_select_only (self, id);
        }
      break;

    case MC_DRAG_RESIZE:
      if (was_active && edit->resize_id != NULL)
        _mc_canvas_execute (self, mc_editing_resize_note_command (self->board, self->layout,
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
              _mc_canvas_execute (self, mc_command_update_figure (self->board, changed));
            }
        }
      g_clear_pointer (&edit->drag_figure, g_free);
      break;

    case MC_DRAG_FIGURE_SCALE:
      if (was_active && edit->drag_figure != NULL && edit->figure_factor != 1.0)
        _mc_canvas_execute (self, mc_placement_scale_figure_command (self->board, edit->drag_figure,
                                                                    edit->figure_start_scale * edit->figure_factor));
      g_clear_pointer (&edit->drag_figure, g_free);
      edit->figure_factor = 1.0;
      break;

    case MC_DRAG_PAN:
      /* A click on empty space clears the note selection. */
      if (!moved && _mc_canvas_selection_clear_quiet (self))
        _mc_canvas_selection_changed (self);
      break;

    case MC_DRAG_RUBBER:
    case MC_DRAG_NONE:
    default:
      break;
    }

  g_clear_pointer (&edit->drop_region, g_free);
  edit->drag_dx = edit->drag_dy = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
_mc_canvas_edit_get_drop_region (McCanvas *self)
{
  McCanvasEdit *edit = self->edit;

  return edit->drag_mode == MC_DRAG_MOVE && edit->drag_active ? edit->drop_region : NULL;
}

gboolean
_mc_canvas_edit_nudge (McCanvas *self,
                       double    dx,
                       double    dy)
{
  g_auto(GStrv) ids = NULL;

  if (self->edit->selection->len == 0 || self->edit->editor != NULL)
    return FALSE;
  if (!_mc_canvas_is_editable (self))
    return TRUE;

  ids = g_strdupv ((char **) _mc_canvas_selection_ids (self));
  _mc_canvas_execute (self, mc_editing_move_notes_command (self->board, self->layout,
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
  if (!_mc_canvas_is_editable (self))
    return TRUE;

  changed = mc_figure_dup (figure);
  mc_figure_set_position (changed,
                          mc_figure_get_x (figure) + dx * FIGURE_NUDGE,
                          mc_figure_get_y (figure) + dy * FIGURE_NUDGE);
  _mc_canvas_execute (self, mc_command_update_figure (self->board, changed));
  return TRUE;
}

