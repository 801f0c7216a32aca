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

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Checks every page size pdfinfo reports; returns how many it saw. */
static guint
check_page_sizes (const char *path)
{
  const char *info_argv[] = { "pdfinfo", "-f", "1", "-l", "100000", path, NULL };
  g_autofree char *info = run_tool (info_argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  guint n_sizes = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *size = strstr (lines[i], " size: ");
      const char *x = size != NULL ? strstr (size, " x ") : NULL;

      /* "Page    1 size: 14173.2 x 14400 pts" */
      if (!g_str_has_prefix (lines[i], "Page ") || x == NULL)
        continue;
      g_assert_cmpfloat (g_ascii_strtod (size + strlen (" size: "), NULL), <=, MC_EXPORT_MAX_PDF_PAGE_PT);
      g_assert_cmpfloat (g_ascii_strtod (x + 3, NULL), <=, MC_EXPORT_MAX_PDF_PAGE_PT);
      n_sizes++;
    }
  return n_sizes;
}

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
  g_assert_cmpuint (check_page_sizes (path), ==, summary.n_pages);
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
