/* mc-placement.c — free spots for new figures; add and scale commands */
#include "config.h"

#include <math.h>

#include "mc-command.h"
#include "mc-figure-kind.h"
#include "mc-layout.h"
#include "mc-placement.h"

/* A board should fit a landscape screen: height counts this much more
 * than width when judging how large a board has become. */
#define SCREEN_ASPECT 1.6

static void
figure_rect (McFigure *figure,
             McRect   *rect)
{
  const McFigureKindClass *kind = mc_figure_kind_lookup (mc_figure_get_kind (figure));
  double scale = mc_figure_get_scale (figure);

  rect->x = mc_figure_get_x (figure);
  rect->y = mc_figure_get_y (figure);
  rect->width = (kind != NULL ? kind->natural_width : 1000) * scale;
  rect->height = (kind != NULL ? kind->natural_height : 1000) * scale;
}

/* The rectangles already on the board: figures, then notes with a
 * position (anchored ones resolved through their figure). Notes the layout
 * packs lie inside their figure and need no rectangle of their own. */
static GArray *
collect_obstacles (McBoard *board)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (McRect));
  GPtrArray *figures = mc_board_get_figures (board);
  GPtrArray *notes = mc_board_get_notes (board);

  for (guint i = 0; i < figures->len; i++)
    {
      McRect rect;

      figure_rect (g_ptr_array_index (figures, i), &rect);
      g_array_append_val (rects, rect);
    }

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      const char *figure_id = mc_note_get_figure_id (note);
      McRect rect;

      if (!mc_note_get_has_position (note))
        continue;

      mc_note_get_rect (note, &rect);
      if (figure_id != NULL)
        {
          McFigure *figure = mc_board_get_figure (board, figure_id);
          double scale;

          if (figure == NULL)
            continue;

          scale = mc_figure_get_scale (figure);
          rect.x = mc_figure_get_x (figure) + rect.x * scale;
          rect.y = mc_figure_get_y (figure) + rect.y * scale;
          rect.width *= scale;
          rect.height *= scale;
        }
      g_array_append_val (rects, rect);
    }

  return rects;
}

static void
union_all (GArray *rects,
           McRect *bounds)
{
  *bounds = g_array_index (rects, McRect, 0);
  for (guint i = 1; i < rects->len; i++)
    mc_rect_union (bounds, &g_array_index (rects, McRect, i), bounds);
}

gboolean
mc_placement_get_content_rect (McBoard *board,
                               McRect  *rect)
{
  g_autoptr(GArray) rects = NULL;

  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  rects = collect_obstacles (board);
  if (rects->len == 0)
    {
      *rect = (McRect) { 0, 0, 0, 0 };
      return FALSE;
    }

  union_all (rects, rect);
  return TRUE;
}

/* Whether rect keeps (a hair less than) gap to every obstacle: the spots
 * offered lie exactly gap away from their neighbour. */
static gboolean
is_free (GArray       *obstacles,
         const McRect *rect,
         double        gap)
{
  double margin = MAX (gap - 0.5, 0);
  McRect grown = {
    rect->x - margin, rect->y - margin,
    rect->width + 2 * margin, rect->height + 2 * margin,
  };

  for (guint i = 0; i < obstacles->len; i++)
    {
      const McRect *other = &g_array_index (obstacles, McRect, i);

      /* mc_rect_intersects counts touching edges as meeting; a spot exactly
       * gap away is fine, so compare open intervals. */
      if (grown.x < other->x + other->width && other->x < grown.x + grown.width
          && grown.y < other->y + other->height && other->y < grown.y + grown.height)
        return FALSE;
    }

  return TRUE;
}

/* How large the board gets with rect on it, seen on a landscape screen. */
static double
spread_with (const McRect *bounds,
             const McRect *rect,
             double       *area)
{
  McRect all;

  mc_rect_union (bounds, rect, &all);
  *area = all.width * all.height;
  return MAX (all.width, all.height * SCREEN_ASPECT);
}

void
mc_placement_find_free_rect (McBoard *board,
                             double   width,
                             double   height,
                             double   gap,
                             McRect  *result)
{
  g_autoptr(GArray) obstacles = NULL;
  g_autoptr(GArray) candidates = NULL;
  McRect bounds;
  double best_spread = G_MAXDOUBLE;
  double best_area = G_MAXDOUBLE;
  gboolean found = FALSE;

  g_return_if_fail (MC_IS_BOARD (board));
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (result != NULL);

  gap = MAX (gap, 0);
  obstacles = collect_obstacles (board);
  *result = (McRect) { 0, 0, width, height };
  if (obstacles->len == 0)
    return;

  union_all (obstacles, &bounds);

  /* Spots beside and below each thing on the board (which fill the holes
   * a removed figure leaves, and line up with the grid), plus the two that
   * are always free: right of everything at the top, below everything at
   * the left. */
  candidates = g_array_new (FALSE, FALSE, sizeof (McRect));
  for (guint i = 0; i < obstacles->len; i++)
    {
      const McRect *other = &g_array_index (obstacles, McRect, i);
      McRect right = { other->x + other->width + gap, other->y, width, height };
      McRect below = { other->x, other->y + other->height + gap, width, height };

      g_array_append_val (candidates, right);
      g_array_append_val (candidates, below);
    }
  {
    McRect right = { bounds.x + bounds.width + gap, bounds.y, width, height };
    McRect below = { bounds.x, bounds.y + bounds.height + gap, width, height };

    g_array_append_val (candidates, right);
    g_array_append_val (candidates, below);
  }

  /* The free spot that grows the board least; among equals the one with
   * the smaller total area, then the first in reading order, so the answer
   * never depends on the order things were added in. */
  for (guint i = 0; i < candidates->len; i++)
    {
      McRect *spot = &g_array_index (candidates, McRect, i);
      double spread, area;

      spot->x = round (spot->x);
      spot->y = round (spot->y);
      if (!is_free (obstacles, spot, gap))
        continue;

      spread = spread_with (&bounds, spot, &area);
      if (!found
          || spread < best_spread - 0.5
          || (spread < best_spread + 0.5
              && (area < best_area - 0.5
                  || (area < best_area + 0.5
                      && (spot->y < result->y
                          || (spot->y == result->y && spot->x < result->x))))))
        {
          *result = *spot;
          best_spread = spread;
          best_area = area;
          found = TRUE;
        }
    }

  /* The bounds candidates are free by construction; this only guards
   * against rounding. */
  if (!found)
    *result = (McRect) { round (bounds.x + bounds.width + gap), round (bounds.y), width, height };
}

McCommand *
mc_placement_add_figure_command (McBoard     *board,
                                 const char  *kind,
                                 char       **out_id)
{
  const McFigureKindClass *klass;
  GPtrArray *figures;
  g_autofree char *id = NULL;
  McFigure *figure;
  double scale = 1.0;
  McRect spot;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  klass = mc_figure_kind_lookup (kind);
  g_return_val_if_fail (klass != NULL, NULL);

  /* Match the figure placed last, so a board drawn small stays alike. */
  figures = mc_board_get_figures (board);
  if (figures->len > 0)
    scale = mc_figure_get_scale (g_ptr_array_index (figures, figures->len - 1));
  scale = CLAMP (scale, MC_PLACEMENT_MIN_SCALE, MC_PLACEMENT_MAX_SCALE);

  mc_placement_find_free_rect (board,
                               klass->natural_width * scale,
                               klass->natural_height * scale,
                               MC_PLACEMENT_GAP * scale,
                               &spot);

  id = mc_board_new_figure_id (board, kind);
  figure = mc_figure_new (id, kind);
  mc_figure_set_position (figure, spot.x, spot.y);
  mc_figure_set_scale (figure, scale);

  if (out_id != NULL)
    *out_id = g_steal_pointer (&id);

  return mc_command_add_figure (figure);
}

McCommand *
mc_placement_scale_figure_command (McBoard    *board,
                                   const char *figure_id,
                                   double      scale)
{
  McFigure *figure;
  McFigure *changed;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (figure_id != NULL, NULL);
  g_return_val_if_fail (isfinite (scale), NULL);

  figure = mc_board_get_figure (board, figure_id);
  if (figure == NULL)
    return NULL;

  changed = mc_figure_dup (figure);
  mc_figure_set_scale (changed, CLAMP (scale, MC_PLACEMENT_MIN_SCALE, MC_PLACEMENT_MAX_SCALE));

  /* An unchanged figure gives an empty command, which the board drops. */
  return mc_command_update_figure (board, changed);
}
