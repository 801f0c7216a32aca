/* mc-layout-reach.c — which reach column of a doorwerking row a note goes
 * into (issue 12)
 *
 * A note's reach is part of its anchor: the stored one places it, else the
 * column its position shows. A note with neither (typed into the row, read
 * from a file that predates reaches) claims no reach, so it must not pile
 * up in the first, narrowest column: such notes spread over the row, each
 * to the column least full for its width, in board order.
 */
#include "config.h"

#include "mc-layout.h"
#include "mc-layout-parts-private.h"

char *
_mc_layout_note_area_id (const PlacedFigure  *placed,
                         McNote              *note,
                         const McViewOptions *options)
{
  const char *region_id = mc_note_get_region_id (note);
  const char *reach = mc_note_get_reach (note);

  if (region_id == NULL)
    return NULL;
  if (placed->kind->reach_at == NULL)
    return g_strdup (region_id);
  if (reach == NULL && mc_note_get_has_position (note))
    {
      McRect stored;

      mc_note_get_rect (note, &stored);
      reach = placed->kind->reach_at (options, stored.x + stored.width / 2);
    }
  if (reach == NULL && placed->free_reaches != NULL)
    reach = g_hash_table_lookup (placed->free_reaches, note);
  return mc_figure_reach_area_id (region_id, reach != NULL ? reach : mc_note_reaches[0]);
}

static gboolean
note_of (const PlacedFigure *placed,
         McNote             *note)
{
  return mc_note_get_region_id (note) != NULL &&
         g_strcmp0 (mc_note_get_figure_id (note), placed->placement_id) == 0;
}

/* Counts one more note in area_id (taken). */
static void
count_note (GHashTable *counts,
            char       *area_id)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, area_id));

  g_hash_table_insert (counts, area_id, GUINT_TO_POINTER (n + 1));
}

void
_mc_layout_spread_reaches (PlacedFigure        *placed,
                           GPtrArray           *notes,
                           const McViewOptions *options)
{
  g_autoptr(GHashTable) counts = NULL;  /* area id → notes in it */

  if (placed->kind->reach_at == NULL || placed->kind->reach_share == NULL)
    return;

  /* The notes whose column is known already. */
  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];

      if (!note_of (placed, note) ||
          (mc_note_get_reach (note) == NULL && !mc_note_get_has_position (note)))
        continue;
      count_note (counts, _mc_layout_note_area_id (placed, note, options));
    }

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];
      const char *best = NULL;
      g_autofree char *best_area = NULL;
      double best_load = G_MAXDOUBLE;

      if (!note_of (placed, note) || mc_note_get_reach (note) != NULL ||
          mc_note_get_has_position (note))
        continue;
      /* The column where one more note leaves it least full for its width;
       * on a tie the wider (further) one. */
      for (guint r = 0; mc_note_reaches[r] != NULL; r++)
        {
          g_autofree char *area_id = mc_figure_reach_area_id (mc_note_get_region_id (note),
                                                              mc_note_reaches[r]);
          double share = placed->kind->reach_share (mc_note_reaches[r]);
          double load;

          if (share <= 0)
            continue;
          load = (GPOINTER_TO_UINT (g_hash_table_lookup (counts, area_id)) + 1) / share;
          if (load <= best_load)
            {
              best_load = load;
              best = mc_note_reaches[r];
              g_free (best_area);
              best_area = g_steal_pointer (&area_id);
            }
        }
      if (best == NULL)
        continue;
      if (placed->free_reaches == NULL)
        placed->free_reaches = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (placed->free_reaches, note, (gpointer) best);
      count_note (counts, g_steal_pointer (&best_area));
    }
}

/* A region's note area, or one of its reach columns, as drawn. */
const McRect *
_mc_layout_lookup_note_area (const PlacedFigure *placed,
                             const char         *area_id)
{
  return placed->note_areas != NULL && area_id != NULL
         ? g_hash_table_lookup (placed->note_areas, area_id) : NULL;
}

const char *
mc_layout_reach_at (McLayout   *self,
                    const char *figure_id,
                    const char *region_id,
                    double      x)
{
  const char *nearest = NULL;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (MC_IS_LAYOUT (self), NULL);

  if (figure_id == NULL || region_id == NULL)
    return NULL;
  for (guint i = 0; mc_note_reaches[i] != NULL; i++)
    {
      g_autofree char *column = mc_figure_reach_area_id (region_id, mc_note_reaches[i]);
      McRect area;
      double distance;

      if (!mc_layout_get_note_area (self, figure_id, column, &area))
        continue;
      distance = x < area.x ? area.x - x : x > area.x + area.width ? x - area.x - area.width : 0;
      if (distance < best)
        {
          best = distance;
          nearest = mc_note_reaches[i];
        }
    }
  return nearest;
}
