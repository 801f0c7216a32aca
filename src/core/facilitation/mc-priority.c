/* mc-priority.c — priority on the potential-value target */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-priority.h"

/* The target's geometry in figure units (mc-figure-potential-value.c): the
 * centre of the core stands on the base at (500, 984); the near ring's
 * radius is 436 and the core's 232. */
#define CORE_CENTRE_X 500.0
#define CORE_CENTRE_Y 984.0
#define NEAR_RADIUS   436.0

static guint
zone_of (const char *region_id)
{
  if (g_strcmp0 (region_id, "core") == 0)
    return 1;
  if (g_strcmp0 (region_id, "near") == 0)
    return 2;
  if (g_strcmp0 (region_id, "far") == 0)
    return 3;
  return 0;
}

gboolean
mc_priority_get_note_rank (McLayout   *layout,
                           McBoard    *board,
                           const char *note_id,
                           guint      *zone,
                           double     *distance)
{
  McNote *note;
  McFigure *figure;
  const char *figure_id;
  McRect frame, rect;
  double scale, cx, cy, d;
  guint z;

  g_return_val_if_fail (layout == NULL || MC_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (note_id != NULL, FALSE);

  note = mc_board_get_note (board, note_id);
  if (note == NULL || (figure_id = mc_note_get_figure_id (note)) == NULL)
    return FALSE;
  figure = mc_board_get_figure (board, figure_id);
  if (figure == NULL || strcmp (mc_figure_get_kind (figure), MC_PRIORITY_KIND) != 0 ||
      !mc_layout_get_figure_rect (board, figure_id, &frame))
    return FALSE;

  scale = mc_figure_get_scale (figure);
  z = zone_of (mc_note_get_region_id (note));
  cx = frame.x + CORE_CENTRE_X * scale;
  cy = frame.y + CORE_CENTRE_Y * scale;

  if (layout != NULL && mc_layout_get_note_rect (layout, note_id, &rect))
    d = hypot (rect.x + rect.width / 2 - cx, rect.y + rect.height / 2 - cy) / (NEAR_RADIUS * scale);
  else if (mc_note_get_has_position (note))
    {
      mc_note_get_rect (note, &rect);
      d = hypot (rect.x + rect.width / 2 - CORE_CENTRE_X,
                 rect.y + rect.height / 2 - CORE_CENTRE_Y) / NEAR_RADIUS;
    }
  else
    /* Packed somewhere in its zone, place unknown: the zone's outer edge. */
    d = z == 1 ? 232.0 / NEAR_RADIUS : z == 2 ? 1.0 : 2.0;

  if (zone != NULL)
    *zone = z;
  if (distance != NULL)
    *distance = d;
  return TRUE;
}

typedef struct
{
  McNote *note;
  guint   zone;
  double  distance;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;
  guint za = ra->zone == 0 ? G_MAXUINT : ra->zone;
  guint zb = rb->zone == 0 ? G_MAXUINT : rb->zone;
  guint va, vb;

  if (za != zb)
    return za < zb ? -1 : 1;
  if (ra->distance != rb->distance)
    return ra->distance < rb->distance ? -1 : 1;
  va = mc_note_get_votes (ra->note);
  vb = mc_note_get_votes (rb->note);
  if (va != vb)
    return va > vb ? -1 : 1;
  return strcmp (mc_note_get_id (ra->note), mc_note_get_id (rb->note));
}

GPtrArray *
mc_priority_list_notes (McLayout   *layout,
                        McBoard    *board,
                        const char *figure_id)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GPtrArray *result = g_ptr_array_new ();
  GPtrArray *notes;

  g_return_val_if_fail (layout == NULL || MC_IS_LAYOUT (layout), result);
  g_return_val_if_fail (MC_IS_BOARD (board), result);
  g_return_val_if_fail (figure_id != NULL, result);

  notes = mc_board_get_notes (board);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      Ranked r = { note, 0, 0 };

      if (g_strcmp0 (mc_note_get_figure_id (note), figure_id) != 0 ||
          !mc_priority_get_note_rank (layout, board, mc_note_get_id (note), &r.zone, &r.distance))
        continue;
      g_array_append_val (ranked, r);
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (result, g_array_index (ranked, Ranked, i).note);
  return result;
}
