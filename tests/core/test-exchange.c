/* test-exchange.c — exported files open again as boards */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "mc-board-io.h"
#include "mc-exchange.h"
#include "mc-export.h"
#include "mc-test-util.h"

static guint
count_figure_notes (McBoard    *board,
                    const char *figure_id)
{
  GPtrArray *notes = mc_board_get_notes (board);
  guint n = 0;

  for (guint i = 0; i < notes->len; i++)
    n += g_strcmp0 (mc_note_get_figure_id (g_ptr_array_index (notes, i)), figure_id) == 0;
  return n;
}

/* Each exported figure (SVG, PDF, PNG) reopens with the same notes. */
static void
test_figures_reopen (void)
{
  const char *names[] = { "figure.svg", "figure.pdf", "figure.png" };
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-test-exchange-XXXXXX");
  const char *figure_id = mc_figure_get_id (g_ptr_array_index (mc_board_get_figures (board), 0));
  McExportOptions options;

  mc_export_options_init (&options, mc_board_get_language (board));
  options.scope = MC_EXPORT_SCOPE_FIGURE;
  options.figure_id = figure_id;
  options.width_mm = 174;
  options.dpi = 150;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(McBoard) again = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *notes;

      g_assert_true (mc_exchange_is_import_name (names[i]));
      g_assert_true (mc_export_to_file (board, &options, file, &error));
      g_assert_no_error (error);

      again = mc_exchange_import_file (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (mc_board_get_figure (again, figure_id));
      g_assert_cmpuint (mc_board_get_n_notes (again), ==, count_figure_notes (board, figure_id));
      g_assert_cmpuint (mc_board_get_n_notes (again), >, 0);
      notes = mc_board_get_notes (again);
      for (guint j = 0; j < notes->len; j++)
        {
          McNote *note = g_ptr_array_index (notes, j);
          McNote *original = mc_board_get_note (board, mc_note_get_id (note));

          g_assert_nonnull (original);
          g_assert_cmpstr (mc_note_get_text (note), ==, mc_note_get_text (original));
          g_assert_cmpstr (mc_note_get_region_id (note), ==, mc_note_get_region_id (original));
        }
    }
  mc_test_remove_tree (dir);
}

/* A board exported as JSON Canvas and opened again is the same board. */
static void
test_canvas_file (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-test-exchange-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "board.canvas", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(McBoard) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = mc_board_to_data (board, NULL);
  g_autofree char *returned = NULL;
  McExportOptions options;

  mc_export_options_init (&options, mc_board_get_language (board));
  g_assert_true (mc_export_to_file (board, &options, file, &error));
  g_assert_no_error (error);
  again = mc_exchange_import_file (file, NULL, &error);
  g_assert_no_error (error);
  returned = mc_board_to_data (again, NULL);
  g_assert_cmpstr (returned, ==, original);
  mc_test_remove_tree (dir);
}

/* A figure exported before boards travelled with it, and a FIFO. */
static void
test_refused (void)
{
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-test-exchange-XXXXXX");
  g_autofree char *svg = g_build_filename (dir, "old.svg", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.canvas", NULL);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = NULL;

  g_assert_true (g_file_set_contents (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", -1, NULL));
  board = mc_exchange_import_file (svg_file, NULL, &error);
  g_assert_null (board);
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_A_BOARD);
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  board = mc_exchange_import_file (fifo_file, NULL, &error);   /* must not block */
  g_assert_null (board);
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  mc_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();

  g_test_add_func ("/mc/exchange/figures-reopen", test_figures_reopen);
  g_test_add_func ("/mc/exchange/canvas-file", test_canvas_file);
  g_test_add_func ("/mc/exchange/refused", test_refused);

  return g_test_run ();
}
