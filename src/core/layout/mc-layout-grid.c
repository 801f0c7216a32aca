/* mc-layout-grid.c — rectangles indexed by a uniform grid of square cells
 *
 * The cell is set by the first rectangle added (twice its larger side:
 * packed notes of one figure are of similar size), so a rectangle lies in
 * a few cells and a query looks at a few cells whatever the number of
 * rectangles. A rectangle that would span too many cells (or lies where
 * cell numbers overflow) goes to a list that every query scans. Cells are
 * counted inclusively at both edges, a superset of the cells a rectangle
 * touches; the answer is mc_rect_intersects() on the candidates, so it is
 * exactly the plain scan's.
 */
#include "config.h"

#include <math.h>

#include "mc-layout-grid.h"

/* A rectangle over more cells than this is scanned on every query. */
#define MAX_CELLS_SPANNED 64
/* Cell numbers stay well inside 32 bits. */
#define MAX_CELL_INDEX    1.0e9

typedef struct
{
  gint64  key;      /* column in the high 32 bits, row in the low */
  GArray *members;  /* guint: indices into rects */
} Cell;

struct _McRectGrid
{
  double      cell;
  GArray     *rects;  /* McRect */
  GHashTable *cells;  /* &Cell.key → Cell* */
  GArray     *wide;   /* guint: indices of rectangles kept out of the cells */
};

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_array_unref (cell->members);
  g_free (cell);
}

McRectGrid *
mc_rect_grid_new (void)
{
  McRectGrid *grid = g_new0 (McRectGrid, 1);

  grid->rects = g_array_new (FALSE, FALSE, sizeof (McRect));
  grid->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, cell_free);
  grid->wide = g_array_new (FALSE, FALSE, sizeof (guint));
  return grid;
}

void
mc_rect_grid_free (McRectGrid *grid)
{
  if (grid == NULL)
    return;
  g_array_unref (grid->rects);
  g_hash_table_unref (grid->cells);
  g_array_unref (grid->wide);
  g_free (grid);
}

guint
mc_rect_grid_get_len (McRectGrid *grid)
{
  return grid->rects->len;
}

/* The cells rect covers; FALSE when they are too many to visit (or the
 * numbers are not finite or too large), so rect is handled by a scan. */
static gboolean
cell_span (McRectGrid   *grid,
           const McRect *rect,
           gint64       *x0,
           gint64       *y0,
           gint64       *x1,
           gint64       *y1)
{
  double fx0, fy0, fx1, fy1;

  if (grid->cell <= 0)
    return FALSE;
  fx0 = floor (rect->x / grid->cell);
  fy0 = floor (rect->y / grid->cell);
  fx1 = floor ((rect->x + rect->width) / grid->cell);
  fy1 = floor ((rect->y + rect->height) / grid->cell);
  if (!isfinite (fx0) || !isfinite (fy0) || !isfinite (fx1) || !isfinite (fy1) ||
      fabs (fx0) > MAX_CELL_INDEX || fabs (fy0) > MAX_CELL_INDEX ||
      fabs (fx1) > MAX_CELL_INDEX || fabs (fy1) > MAX_CELL_INDEX ||
      fx1 < fx0 || fy1 < fy0 ||
      (fx1 - fx0 + 1) * (fy1 - fy0 + 1) > MAX_CELLS_SPANNED)
    return FALSE;
  *x0 = (gint64) fx0;
  *y0 = (gint64) fy0;
  *x1 = (gint64) fx1;
  *y1 = (gint64) fy1;
  return TRUE;
}

static gint64
cell_key (gint64 column,
          gint64 row)
{
  return (gint64) (((guint64) (guint32) (gint32) column << 32) | (guint32) (gint32) row);
}

void
mc_rect_grid_add (McRectGrid   *grid,
                  const McRect *rect)
{
  guint index = grid->rects->len;
  gint64 x0, y0, x1, y1;

  g_array_append_val (grid->rects, *rect);
  if (grid->cell <= 0 && isfinite (rect->width) && isfinite (rect->height))
    grid->cell = 2 * MAX (rect->width, rect->height);

  if (!cell_span (grid, rect, &x0, &y0, &x1, &y1))
    {
      g_array_append_val (grid->wide, index);
      return;
    }
  for (gint64 cx = x0; cx <= x1; cx++)
    for (gint64 cy = y0; cy <= y1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        Cell *cell = g_hash_table_lookup (grid->cells, &key);

        if (cell == NULL)
          {
            cell = g_new0 (Cell, 1);
            cell->key = key;
            cell->members = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (grid->cells, &cell->key, cell);
          }
        g_array_append_val (cell->members, index);
      }
}

static gboolean
any_intersects (McRectGrid   *grid,
                GArray       *indices,
                const McRect *rect)
{
  for (guint i = 0; i < indices->len; i++)
    if (mc_rect_intersects (&g_array_index (grid->rects, McRect,
                                            g_array_index (indices, guint, i)), rect))
      return TRUE;
  return FALSE;
}

gboolean
mc_rect_grid_intersects (McRectGrid   *grid,
                         const McRect *rect)
{
  gint64 x0, y0, x1, y1;

  if (any_intersects (grid, grid->wide, rect))
    return TRUE;
  if (!cell_span (grid, rect, &x0, &y0, &x1, &y1))
    {
      /* Too wide to visit by cells: every rectangle. */
      for (guint i = 0; i < grid->rects->len; i++)
        if (mc_rect_intersects (&g_array_index (grid->rects, McRect, i), rect))
          return TRUE;
      return FALSE;
    }
  for (gint64 cx = x0; cx <= x1; cx++)
    for (gint64 cy = y0; cy <= y1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        Cell *cell = g_hash_table_lookup (grid->cells, &key);

        if (cell != NULL && any_intersects (grid, cell->members, rect))
          return TRUE;
      }
  return FALSE;
}
