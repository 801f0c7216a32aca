/* mc-editing.c — what a user does to notes on the canvas, without GTK
 *
 * Hit-testing, creating, moving, resizing and the other edits of notes;
 * reading order, arranging, the keyboard walk and text fitting are in
 * mc-editing-arrange.c.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-editing.h"
#include "mc-editing-private.h"
#include "mc-board-io.h"
#include "mc-command.h"
#include "mc-layout.h"


/* Geometry */

gboolean
_mc_editing_container_frame (McBoard    *board,
                             const char *figure_id,
                             McRect     *frame,
                             double     *scale)
{
  McFigure *figure = figure_id != NULL ? mc_board_get_figure (board, figure_id) : NULL;

  if (figure == NULL || !mc_layout_get_figure_rect (board, figure_id, frame))
    {
      *frame = (McRect) { 0, 0, 0, 0 };
      *scale = 1.0;
      return FALSE;
    }

  *scale = mc_figure_get_scale (figure);
  if (!(*scale > 0))
    *scale = 1.0;
  return TRUE;
}

void
_mc_editing_note_size (McNote *note,
                       double *width,
                       double *height)
{
  McRect stored;

  mc_note_get_rect (note, &stored);
  *width = stored.width > 0 ? stored.width : MC_NOTE_DEFAULT_WIDTH;
  *height = stored.height > 0 ? stored.height : MC_NOTE_DEFAULT_HEIGHT;
}

gboolean
_mc_editing_note_board_rect (McBoard  *board,
                             McLayout *layout,
                             McNote   *note,
                             McRect   *rect)
{
  McRect stored, frame;
  double s;

  if (layout != NULL && mc_layout_get_note_rect (layout, mc_note_get_id (note), rect))
    return TRUE;
  if (!mc_note_get_has_position (note))
    return FALSE;

  mc_note_get_rect (note, &stored);
  _mc_editing_note_size (note, &stored.width, &stored.height);
  if (_mc_editing_container_frame (board, mc_note_get_figure_id (note), &frame, &s))
    *rect = (McRect) { frame.x + stored.x * s, frame.y + stored.y * s,
                       stored.width * s, stored.height * s };
  else
    *rect = stored;
  return TRUE;
}

static double
clamp_coordinate (double value)
{
  /* The file refuses larger coordinates; a wild drag must not make a board
   * that cannot be read back. */
  return CLAMP (value, -MC_BOARD_MAX_COORDINATE, MC_BOARD_MAX_COORDINATE);
}

/* Anchors a detached note to figure_id/region_id (NULL: free) at the board
 * rectangle rect, converting to that figure's own units. */
static void
place_note (McBoard      *board,
            McLayout     *layout,
            McNote       *note,
            const char   *figure_id,
            const char   *region_id,
            const McRect *rect)
{
  McRect frame, stored;
  double s;

  if (figure_id != NULL && region_id != NULL &&
      _mc_editing_container_frame (board, figure_id, &frame, &s))
    {
      /* In a region of reach columns the column it lands in is its reach
       * (part of the anchor); elsewhere it has none. */
      const char *reach = layout != NULL
                          ? mc_layout_reach_at (layout, figure_id, region_id,
                                                rect->x + rect->width / 2)
                          : NULL;

      stored = (McRect) { (rect->x - frame.x) / s, (rect->y - frame.y) / s,
                          rect->width / s, rect->height / s };
      if (reach != NULL || g_strcmp0 (figure_id, mc_note_get_figure_id (note)) != 0 ||
          g_strcmp0 (region_id, mc_note_get_region_id (note)) != 0)
        mc_note_set_reach (note, reach);
      mc_note_set_anchor (note, figure_id, region_id);
    }
  else
    {
      stored = *rect;
      mc_note_set_anchor (note, NULL, NULL);
      mc_note_set_reach (note, NULL);
    }

  stored.x = clamp_coordinate (stored.x);
  stored.y = clamp_coordinate (stored.y);
  stored.width = MAX (stored.width, 1.0);
  stored.height = MAX (stored.height, 1.0);
  mc_note_set_rect (note, &stored);
}

/* Hit-testing */

static const char *
note_id_of_group (const McSceneItem *item)
{
  if (item->id == NULL || !g_str_has_prefix (item->id, NOTE_GROUP_PREFIX))
    return NULL;
  return item->id + strlen (NOTE_GROUP_PREFIX);
}

char *
mc_editing_note_at (McScene *scene,
                    double   x,
                    double   y)
{
  const McSceneItem *item;

  g_return_val_if_fail (scene != NULL, NULL);

  item = mc_scene_hit_test (scene, x, y, 1u << MC_ROLE_NOTE);
  if (item == NULL)
    return NULL;
  return g_strdup (note_id_of_group (item));
}

/* Splits "placement/region" at the last slash (region ids have none). */
static gboolean
split_region_id (const char  *group_id,
                 char       **figure_id,
                 char       **region_id)
{
  const char *slash;

  if (group_id == NULL || (slash = strrchr (group_id, '/')) == NULL ||
      slash == group_id || slash[1] == '\0')
    return FALSE;

  if (figure_id != NULL)
    *figure_id = g_strndup (group_id, slash - group_id);
  if (region_id != NULL)
    *region_id = g_strdup (slash + 1);
  return TRUE;
}

gboolean
mc_editing_region_at (McScene  *scene,
                      double    x,
                      double    y,
                      char    **figure_id,
                      char    **region_id)
{
  const McSceneItem *item;

  g_return_val_if_fail (scene != NULL, FALSE);

  item = mc_scene_hit_test (scene, x, y, 1u << MC_ROLE_REGION);
  if (item == NULL)
    return FALSE;
  return split_region_id (item->id, figure_id, region_id);
}

GStrv
mc_editing_notes_in_rect (McScene      *scene,
                          const McRect *rect,
                          gboolean      whole)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  n = mc_scene_get_n_items (scene);
  for (guint i = 0; i < n; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      const char *id;
      McRect bounds;

      if (item->kind != MC_ITEM_GROUP_BEGIN || item->role != MC_ROLE_NOTE)
        continue;
      id = note_id_of_group (item);
      if (id == NULL)
        continue;

      /* The hit path is the note itself; the group's bounds also hold its
       * shadow and conflict outline. */
      if (item->hit_path != NULL)
        mc_path_get_bounds (item->hit_path, &bounds);
      else
        bounds = item->bounds;

      if (whole ? mc_rect_contains_rect (rect, &bounds) : mc_rect_intersects (rect, &bounds))
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

GStrv
mc_editing_notes_in_region (McBoard    *board,
                            const char *figure_id,
                            const char *region_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *notes;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (figure_id != NULL && region_id != NULL, NULL);

  notes = mc_board_get_notes (board);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (mc_note_get_figure_id (note), figure_id) == 0 &&
          g_strcmp0 (mc_note_get_region_id (note), region_id) == 0)
        g_strv_builder_add (builder, mc_note_get_id (note));
    }

  return g_strv_builder_end (builder);
}

/* The region under a board point that belongs to a figure on this board. */
static gboolean
board_region_at (McBoard  *board,
                 McScene  *scene,
                 double    x,
                 double    y,
                 char    **figure_id,
                 char    **region_id)
{
  g_autofree char *figure = NULL;
  g_autofree char *region = NULL;

  if (scene == NULL || !mc_editing_region_at (scene, x, y, &figure, &region))
    return FALSE;
  if (mc_board_get_figure (board, figure) == NULL)
    return FALSE;

  *figure_id = g_steal_pointer (&figure);
  *region_id = g_steal_pointer (&region);
  return TRUE;
}

/* Creating */

McCommand *
mc_editing_new_note_command (McBoard    *board,
                             McLayout   *layout,
                             McScene    *scene,
                             double      x,
                             double      y,
                             const char *text,
                             const char *author,
                             char      **out_id)
{
  g_autofree char *figure_id = NULL;
  g_autofree char *region_id = NULL;
  McNote *note;
  McRect rect;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (layout == NULL || MC_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  note = mc_note_new (text);
  mc_note_set_author (note, author);

  if (board_region_at (board, scene, x, y, &figure_id, &region_id))
    {
      McRect frame, area;
      double s;

      _mc_editing_container_frame (board, figure_id, &frame, &s);
      rect = (McRect) { x - MC_NOTE_DEFAULT_WIDTH * s / 2, y - MC_NOTE_DEFAULT_HEIGHT * s / 2,
                        MC_NOTE_DEFAULT_WIDTH * s, MC_NOTE_DEFAULT_HEIGHT * s };
      if (layout != NULL && mc_layout_get_note_area (layout, figure_id, region_id, &area))
        {
          mc_span_keep_inside (&rect.x, rect.width, area.x, area.width);
          mc_span_keep_inside (&rect.y, rect.height, area.y, area.height);
        }
      place_note (board, layout, note, figure_id, region_id, &rect);
    }
  else
    {
      rect = (McRect) { x - MC_NOTE_DEFAULT_WIDTH / 2, y - MC_NOTE_DEFAULT_HEIGHT / 2,
                        MC_NOTE_DEFAULT_WIDTH, MC_NOTE_DEFAULT_HEIGHT };
      place_note (board, layout, note, NULL, NULL, &rect);
    }

  if (out_id != NULL)
    *out_id = g_strdup (mc_note_get_id (note));
  return mc_command_add_note (note);
}

/* Moving */

/* Where a note whose centre is at (cx, cy) belongs: a region, the figure it
 * already sits in (dropped on a figure's margin or title), or free space. */
static void
drop_target (McBoard     *board,
             McScene     *scene,
             McNote      *note,
             double       cx,
             double       cy,
             char       **figure_id,
             char       **region_id)
{
  const McSceneItem *figure_item;

  *figure_id = *region_id = NULL;
  if (scene == NULL)
    {
      /* Nothing to test against: the anchor stays. */
      *figure_id = g_strdup (mc_note_get_figure_id (note));
      *region_id = g_strdup (mc_note_get_region_id (note));
      return;
    }

  if (board_region_at (board, scene, cx, cy, figure_id, region_id))
    return;

  figure_item = mc_scene_hit_test (scene, cx, cy, 1u << MC_ROLE_FIGURE);
  if (figure_item != NULL && mc_note_get_figure_id (note) != NULL &&
      g_strcmp0 (figure_item->id, mc_note_get_figure_id (note)) == 0)
    {
      *figure_id = g_strdup (mc_note_get_figure_id (note));
      *region_id = g_strdup (mc_note_get_region_id (note));
    }
}

McCommand *
mc_editing_move_notes_command (McBoard            *board,
                               McLayout           *layout,
                               McScene            *scene,
                               const char * const *ids,
                               double              dx,
                               double              dy)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (layout == NULL || MC_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      McNote *note = mc_board_get_note (board, ids[i]);
      g_autofree char *figure_id = NULL;
      g_autofree char *region_id = NULL;
      McNote *moved;
      McRect rect;
      double cx, cy;

      if (note == NULL || !g_hash_table_add (seen, (gpointer) ids[i]))
        continue;
      if (!_mc_editing_note_board_rect (board, layout, note, &rect))
        continue;

      rect.x += dx;
      rect.y += dy;
      cx = rect.x + rect.width / 2;
      cy = rect.y + rect.height / 2;
      drop_target (board, scene, note, cx, cy, &figure_id, &region_id);

      /* Into a figure of another scale (or out of one) the note keeps its
       * size in its new home's units, centred where it was dropped. */
      if (g_strcmp0 (figure_id, mc_note_get_figure_id (note)) != 0)
        {
          McRect frame;
          double s_old, s_new, w, h;

          _mc_editing_container_frame (board, mc_note_get_figure_id (note), &frame, &s_old);
          _mc_editing_container_frame (board, figure_id, &frame, &s_new);
          if (s_old != s_new)
            {
              _mc_editing_note_size (note, &w, &h);
              rect = (McRect) { cx - w * s_new / 2, cy - h * s_new / 2, w * s_new, h * s_new };
            }
        }

      moved = mc_note_dup (note);
      place_note (board, layout, moved, figure_id, region_id, &rect);
      g_ptr_array_add (changed, moved);
    }

  return mc_command_update_notes (board, g_steal_pointer (&changed));
}

McCommand *
mc_editing_resize_note_command (McBoard      *board,
                                McLayout     *layout,
                                const char   *note_id,
                                const McRect *rect)
{
  g_autoptr(McNote) resized = NULL;
  McNote *note;
  McRect frame, stored;
  double s;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (note_id != NULL, NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  note = mc_board_get_note (board, note_id);
  g_return_val_if_fail (note != NULL, NULL);

  resized = mc_note_dup (note);
  _mc_editing_container_frame (board, mc_note_get_figure_id (note), &frame, &s);
  stored = (McRect) { (rect->x - frame.x) / s, (rect->y - frame.y) / s,
                      MAX (rect->width / s, MC_EDITING_MIN_NOTE_WIDTH),
                      MAX (rect->height / s, MC_EDITING_MIN_NOTE_HEIGHT) };
  stored.x = clamp_coordinate (stored.x);
  stored.y = clamp_coordinate (stored.y);
  mc_note_set_rect (resized, &stored);

  return mc_command_update_note (board, g_steal_pointer (&resized));
}

/* Other edits */

McCommand *
_mc_editing_wrap_in_group (const char *label,
                           McCommand  *command)
{
  McCommand *group = mc_command_group_new (label);

  mc_command_group_add (group, command);
  return group;
}

McCommand *
mc_editing_duplicate_notes_command (McBoard            *board,
                                    McLayout           *layout,
                                    const char * const *ids,
                                    GStrv              *out_ids)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GStrvBuilder) new_ids = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *label;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (layout == NULL || MC_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      McNote *note = mc_board_get_note (board, ids[i]);
      McNote *copy;
      McRect rect, frame;
      double s;

      if (note == NULL || !g_hash_table_add (seen, (gpointer) ids[i]))
        continue;

      copy = mc_note_new (mc_note_get_text (note));
      mc_note_set_color (copy, mc_note_get_color (note));
      mc_note_set_author (copy, mc_note_get_author (note));
      _mc_editing_container_frame (board, mc_note_get_figure_id (note), &frame, &s);
      if (_mc_editing_note_board_rect (board, layout, note, &rect))
        {
          rect.x += MC_EDITING_DUPLICATE_OFFSET * s;
          rect.y += MC_EDITING_DUPLICATE_OFFSET * s;
          place_note (board, layout, copy, mc_note_get_figure_id (note), mc_note_get_region_id (note),
                      &rect);
        }
      else
        {
          /* Not laid out yet: the copy is packed beside it. */
          McRect stored = { 0, 0, 0, 0 };

          mc_note_set_anchor (copy, mc_note_get_figure_id (note), mc_note_get_region_id (note));
          _mc_editing_note_size (note, &stored.width, &stored.height);
          mc_note_set_rect (copy, &stored);
          mc_note_clear_position (copy);
        }

      g_strv_builder_add (new_ids, mc_note_get_id (copy));
      g_ptr_array_add (copies, copy);
    }

  if (out_ids != NULL)
    *out_ids = g_strv_builder_end (new_ids);

  label = ngettext ("Duplicate Note", "Duplicate Notes", MAX (copies->len, 1));
  return _mc_editing_wrap_in_group (label, mc_command_add_notes (g_steal_pointer (&copies)));
}

McCommand *
mc_editing_delete_notes_command (McBoard            *board,
                                 const char * const *ids)
{
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  return mc_command_remove_notes (board, ids);
}

McCommand *
mc_editing_raise_notes_command (McBoard            *board,
                                const char * const *ids)
{
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  return mc_command_raise_notes (board, ids);
}

McCommand *
mc_editing_set_color_command (McBoard            *board,
                              const char * const *ids,
                              const char         *color)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (ids != NULL, NULL);
  g_return_val_if_fail (mc_note_color_is_valid (color), NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      McNote *note = mc_board_get_note (board, ids[i]);
      McNote *recoloured;

      if (note == NULL || !g_hash_table_add (seen, (gpointer) ids[i]) ||
          g_strcmp0 (mc_note_get_color (note), color) == 0)
        continue;
      recoloured = mc_note_dup (note);
      mc_note_set_color (recoloured, color);
      g_ptr_array_add (changed, recoloured);
    }

  return _mc_editing_wrap_in_group (_("Change Colour"),
                        mc_command_update_notes (board, g_steal_pointer (&changed)));
}

McCommand *
mc_editing_vote_command (McBoard            *board,
                         const char * const *ids,
                         int                 delta)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      McNote *note = mc_board_get_note (board, ids[i]);
      gint64 votes;
      McNote *voted;

      if (note == NULL || !g_hash_table_add (seen, (gpointer) ids[i]))
        continue;
      /* The file allows up to 10000 votes. */
      votes = CLAMP ((gint64) mc_note_get_votes (note) + delta, 0, 10000);
      if ((guint) votes == mc_note_get_votes (note))
        continue;
      voted = mc_note_dup (note);
      mc_note_set_votes (voted, (guint) votes);
      g_ptr_array_add (changed, voted);
    }

  return _mc_editing_wrap_in_group (delta >= 0 ? _("Vote") : _("Remove Vote"),
                        mc_command_update_notes (board, g_steal_pointer (&changed)));
}
