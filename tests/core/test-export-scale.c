/* test-export-scale.c — a board of 10,000 notes exports as a whole
 *
 * Not timed (tools/bench export-scale measures the speed): the whole board
 * at the widest page the command line allows becomes a PDF whose every
 * page, as poppler reads it, is within the 14,400 pt PDF viewers accept.
 */
#include "config.h"

#include <string.h>

#include "mc-export.h"
#include "mc-test-board.h"
#include "mc-test-util.h"
#include "export-fixture.h"

/* 10,000 notes at 5000 mm: the page would be metres tall, so it is cut
 * into pages; the check of the page size looks at the pages, not at the
 * whole drawing (it used to refuse "5000 × 5080 mm"). */
static void
test_10k_whole_board (void)
{
  g_autoptr(McBoard) board = mc_test_region_board_new (10000);
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-export-scale-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  McExportSummary summary;
  McExportOptions options;

  mc_export_options_init (&options, mc_board_get_language (board));
  options.width_mm = 5000;
  if (!mc_export_to_file_full (board, &options, MC_EXPORT_FORMAT_PDF, file, &summary, &error))
    g_error ("10,000 notes at 5000 mm: %s", error->message);
  g_test_message ("10,000 notes: %u pages, the tallest %.0f mm", summary.n_pages,
                  summary.preflight.height_mm);
  g_assert_cmpuint (summary.n_pages, >, 1);
  g_assert_cmpfloat (MC_EXPORT_MM_TO_PT (summary.preflight.height_mm), <=, MC_EXPORT_MAX_PDF_PAGE_PT);
  g_assert_cmpuint (pdf_check_page_sizes (path), ==, summary.n_pages);
  mc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/export-scale/10k-whole-board", test_10k_whole_board);
  return g_test_run ();
}
