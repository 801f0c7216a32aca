/* test-layout-grid.c — packing notes with a spatial index places them
 * exactly where the scan over every packed note placed them (issue 17)
 *
 * The digests below were taken from the quadratic collides() before the
 * grid replaced it: the packed rectangles of a generated 2,000-note board,
 * on the board and laid out for an export's frame, must stay the same to
 * the thousandth of a unit. The grid's own query is checked against a
 * plain scan on random rectangles.
 */
#include "config.h"

#include <math.h>

#include "mc-catalog.h"
#include "mc-layout.h"
#include "mc-layout-grid.h"
#include "mc-test-board.h"

/* Taken from the quadratic scan (BOARD_DIGEST again after doorwerking
 * notes without a reach were spread over the reach columns: the same
 * digest from the quadratic scan at wip-layout 4cbf376; then taken from
 * the grid, whose code is unchanged, when the value-creation figure became
 * the whole model and the perspectives wheel a full circle: both moved
 * their note areas on the board). */
#define BOARD_DIGEST "fe9960e5fec363535eedc7b9213bf7918f633e1700e5b296ad8dc5d33d667e51"
#define FRAME_DIGEST "75524a8c505257e76f9e08b2fd27570c9b00123d58240ad511ed0f9c1b4996bc"

/* Every note's rectangle as the layout placed it, one line a note in the
 * board's order. */
static char *
placements_digest (McLayout *layout,
                   McBoard  *board,
                   guint    *n_placed)
{
  GPtrArray *notes = mc_board_get_notes (board);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (McRect));

  for (guint i = 0; i < notes->len; i++)
    {
      const char *id = mc_note_get_id (notes->pdata[i]);
      McRect rect;

      if (!mc_layout_get_note_rect (layout, id, &rect))
        continue;
      g_string_append_printf (text, "%.3f %.3f %.3f %.3f\n",
                              rect.x, rect.y, rect.width, rect.height);
      g_array_append_val (rects, rect);
    }
  *n_placed = rects->len;
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, -1);
}

/* The whole board as the window shows it. */
static void
test_same_on_board (void)
{
  g_autoptr(McBoard) board = mc_test_region_board_new (2000);
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) scene = NULL;
  g_autofree char *digest = NULL;
  McViewOptions options;
  guint n_placed;

  mc_view_options_init (&options, mc_board_get_language (board));
  scene = mc_layout_build (layout, board, &options);
  digest = placements_digest (layout, board, &n_placed);
  g_assert_cmpuint (n_placed, ==, 2000);
  g_test_message ("board digest %s", digest);
  g_assert_cmpstr (digest, ==, BOARD_DIGEST);
}

/* One figure laid out for an export's wide frame: its notes packed into
 * their regions, spilling below when a region is full. */
static void
test_same_in_frame (void)
{
  g_autoptr(McBoard) board = mc_test_region_board_new (2000);
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) scene = NULL;
  g_autofree char *digest = NULL;
  McFigure *figure = mc_board_get_figures (board)->pdata[0];
  McViewOptions options;
  guint n_placed;

  mc_view_options_init (&options, mc_board_get_language (board));
  options.theme = MC_THEME_PRINT;
  options.figure_id = mc_figure_get_id (figure);
  options.frame_width = 1400;
  options.strict = TRUE;
  scene = mc_layout_build (layout, board, &options);
  digest = placements_digest (layout, board, &n_placed);
  g_test_message ("frame digest: %u notes", n_placed);
  g_assert_cmpuint (n_placed, >, 100);
  g_test_message ("frame digest %s", digest);
  g_assert_cmpstr (digest, ==, FRAME_DIGEST);
}

static double
random_between (GRand  *rand,
                double  lo,
                double  hi)
{
  return g_rand_double_range (rand, lo, hi);
}

/* The grid answers as a scan over every rectangle would: notes of one
 * size, a few huge or far-out ones (kept out of the cells), rectangles
 * touching edge to edge and queries of every size. */
static void
test_query_matches_scan (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(McRectGrid) grid = mc_rect_grid_new ();
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (McRect));
  guint n_hits = 0;

  for (guint i = 0; i < 3000; i++)
    {
      McRect rect;

      if (i % 500 == 7)
        rect = (McRect) { random_between (rand, -1e7, 1e7), random_between (rand, -1e7, 1e7),
                          random_between (rand, 1, 1e7), random_between (rand, 1, 1e7) };
      else if (i % 3 == 0 && all->len > 0)
        {
          /* Edge to edge with an earlier one: touching is no overlap. */
          McRect *other = &g_array_index (all, McRect, g_rand_int_range (rand, 0, all->len));

          rect = (McRect) { other->x + other->width, other->y, 160, 120 };
        }
      else
        rect = (McRect) { floor (random_between (rand, 0, 20000)), floor (random_between (rand, 0, 20000)),
                          160 + g_rand_int_range (rand, 0, 40), 120 + g_rand_int_range (rand, 0, 80) };

      if (!mc_rect_grid_intersects (grid, &rect))
        {
          mc_rect_grid_add (grid, &rect);
          g_array_append_val (all, rect);
        }
    }
  g_assert_cmpuint (mc_rect_grid_get_len (grid), ==, all->len);

  for (guint q = 0; q < 20000; q++)
    {
      double size = q % 100 == 0 ? 1e6 : random_between (rand, 0, 600);
      McRect query = { random_between (rand, -100, 20100), random_between (rand, -100, 20100),
                       size, q % 7 == 0 ? 0 : size / 2 };
      gboolean scan = FALSE;

      for (guint i = 0; i < all->len && !scan; i++)
        scan = mc_rect_intersects (&g_array_index (all, McRect, i), &query);
      g_assert_cmpint (mc_rect_grid_intersects (grid, &query), ==, scan);
      n_hits += scan;
    }
  /* Both answers occur. */
  g_assert_cmpuint (n_hits, >, 1000);
  g_assert_cmpuint (n_hits, <, 19000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout-grid/same-on-board", test_same_on_board);
  g_test_add_func ("/layout-grid/same-in-frame", test_same_in_frame);
  g_test_add_func ("/layout-grid/query-matches-scan", test_query_matches_scan);
  return g_test_run ();
}
