/* mc-route-place.c — where a stop of the route is on the board: the
 * rectangle the presentation frames, and the free place a note typed at
 * the wall goes to (reading order, never over another note)
 */
#include "config.h"

#include <string.h>

#include "mc-command.h"
#include "mc-layout.h"
#include "mc-route.h"

/* Framing */

gboolean
mc_route_get_target_rect (McRoute *self,
                          McScene *scene,
                          McRect  *rect)
{
  const McRouteStop *stop;
  McRect target;
  double margin;

  g_return_val_if_fail (MC_IS_ROUTE (self), FALSE);
  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  stop = mc_route_get_current_stop (self);
  if (stop->kind == MC_ROUTE_STOP_OVERVIEW || stop->kind == MC_ROUTE_STOP_JOIN)
    mc_scene_get_bounds (scene, &target);
  else
    {
      int index = mc_scene_find_group (scene, stop->key);

      if (index >= 0)
        target = mc_scene_get_item (scene, (guint) index)->bounds;
      else if (!mc_layout_get_figure_rect (mc_route_get_board (self), stop->figure_id, &target))
        return FALSE;
    }

  if (target.width <= 0 || target.height <= 0)
    return FALSE;

  /* Some air around the stop, so its outline is not at the screen's edge. */
  margin = MAX (24.0, 0.04 * MAX (target.width, target.height));
  *rect = (McRect) { target.x - margin, target.y - margin,
                     target.width + 2 * margin, target.height + 2 * margin };
  return TRUE;
}

/* Quick capture */

static void
inflate (McRect *rect,
         double  by)
{
  rect->x -= by;
  rect->y -= by;
  rect->width += 2 * by;
  rect->height += 2 * by;
}

static gboolean
overlaps_any (GArray       *taken,
              const McRect *rect)
{
  for (guint i = 0; i < taken->len; i++)
    {
      const McRect *other = &g_array_index (taken, McRect, i);

      /* Touching edges are fine; only a real overlap counts. */
      if (rect->x < other->x + other->width && other->x < rect->x + rect->width &&
          rect->y < other->y + other->height && other->y < rect->y + rect->height)
        return TRUE;
    }
  return FALSE;
}

/* Every note's board rectangle: from the last build, or, for notes on this
 * figure added since, from their stored position. */
static GArray *
taken_rects (McBoard      *board,
             McLayout     *layout,
             const char   *figure_id,
             const McRect *frame,
             double        scale,
             double        gap)
{
  GArray *taken = g_array_new (FALSE, FALSE, sizeof (McRect));
  GPtrArray *notes = mc_board_get_notes (board);

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      McRect rect;

      if (!mc_layout_get_note_rect (layout, mc_note_get_id (note), &rect))
        {
          if (g_strcmp0 (mc_note_get_figure_id (note), figure_id) != 0 ||
              !mc_note_get_has_position (note))
            continue;
          mc_note_get_rect (note, &rect);
          rect = (McRect) { frame->x + rect.x * scale, frame->y + rect.y * scale,
                            rect.width * scale, rect.height * scale };
        }
      /* Keep a gap around each note, as the packer does. */
      inflate (&rect, gap);
      g_array_append_val (taken, rect);
    }

  return taken;
}

/* The first free place for a w × h note in reading order: inside area if
 * any, else in rows going on below it. */
static void
find_free_place (GArray       *taken,
                 const McRect *area,
                 double        w,
                 double        h,
                 double        step,
                 McRect       *result)
{
  double right = area->x + MAX (area->width, w);

  for (double y = area->y; ; y += step)
    {
      for (double x = area->x; x + w <= right + 0.01; x += step)
        {
          McRect candidate = { x, y, w, h };

          /* Inside the area first; below it only the width matters. */
          if (y + h > area->y + area->height + 0.01 && y < area->y + area->height)
            break;
          if (!overlaps_any (taken, &candidate))
            {
              *result = candidate;
              return;
            }
        }
      /* Far below everything: a safe place must exist by now. */
      if (y > area->y + area->height + (taken->len + 2) * (h + step))
        {
          *result = (McRect) { area->x, y, w, h };
          return;
        }
    }
}

McCommand *
mc_route_capture_note_command (McRoute    *self,
                               McLayout   *layout,
                               const char *text,
                               const char *author,
                               char      **out_id)
{
  const McRouteStop *stop;
  g_autoptr(GArray) taken = NULL;
  McFigure *figure;
  McNote *note;
  McRect frame, area, place;
  double scale, w, h, gap;

  g_return_val_if_fail (MC_IS_ROUTE (self), NULL);
  g_return_val_if_fail (MC_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  stop = mc_route_get_current_stop (self);
  if (stop->kind != MC_ROUTE_STOP_REGION)
    return NULL;
  figure = mc_board_get_figure (mc_route_get_board (self), stop->figure_id);
  if (figure == NULL || !mc_layout_get_figure_rect (mc_route_get_board (self), stop->figure_id, &frame))
    return NULL;

  scale = mc_figure_get_scale (figure);
  w = MC_NOTE_DEFAULT_WIDTH * scale;
  h = MC_NOTE_DEFAULT_HEIGHT * scale;
  gap = 12 * scale;   /* between two notes, as the packer leaves */
  if (!mc_layout_get_note_area (layout, stop->figure_id, stop->region_id, &area))
    {
      /* No area known (not built yet): the figure, less a margin. */
      double inset = 0.04 * MIN (frame.width, frame.height);

      area = (McRect) { frame.x + inset, frame.y + inset,
                        frame.width - 2 * inset, frame.height - 2 * inset };
    }

  taken = taken_rects (mc_route_get_board (self), layout, stop->figure_id, &frame, scale, gap);
  /* Places start half a gap inside the area, clear of its edge. */
  area.x += gap / 2;
  area.y += gap / 2;
  area.width -= gap;
  area.height -= gap;
  find_free_place (taken, &area, w, h, 4 * scale, &place);

  note = mc_note_new (text);
  mc_note_set_author (note, author);
  mc_note_set_anchor (note, stop->figure_id, stop->region_id);
  /* Stored in the figure's own units, relative to its corner. */
  mc_note_set_rect (note, &(McRect) { (place.x - frame.x) / scale, (place.y - frame.y) / scale,
                                      MC_NOTE_DEFAULT_WIDTH, MC_NOTE_DEFAULT_HEIGHT });

  if (out_id != NULL)
    *out_id = g_strdup (mc_note_get_id (note));
  return mc_command_add_note (note);
}
