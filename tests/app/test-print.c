/* test-print.c — printing refuses a page where text would be cut (issue 12)
 *
 * Runs under Xvfb (tools/test). The print operation writes a PDF through
 * GTK_PRINT_OPERATION_ACTION_EXPORT, so no printer is needed; a small
 * paper size makes the figure too narrow for its notes.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mc-board-io.h"
#include "mc-print.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

/* Prints board's figure figure_id with or without notes on paper (a
 * GtkPaperSize name) into path; returns the operation's result and sets
 * *refusal to a copy of its refusal. */
static GtkPrintOperationResult
print_figure (McBoard     *board,
              const char  *figure_id,
              gboolean     notes,
              const char  *paper,
              const char  *path,
              GError     **refusal)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  McExportOptions options;
  const GError *why;

  mc_print_options_init (&options, board);
  options.scope = MC_EXPORT_SCOPE_FIGURE;
  options.figure_id = figure_id;
  options.notes = notes;
  operation = mc_print_operation_new (board, &options);
  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  why = mc_print_operation_get_refusal (operation);
  if (why != NULL)
    *refusal = g_error_copy (why);
  return result;
}

/* The perspectives figure with its notes does not fit 84 mm (as its
 * export is refused); on a postcard it is refused with the export's line
 * and nothing is printed. Without notes, or on A4, it prints. */
static void
test_print_refuses_cut_text (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-test-print-XXXXXX");
  g_autofree char *small = g_build_filename (dir, "small.pdf", NULL);
  g_autofree char *bare = g_build_filename (dir, "bare.pdf", NULL);
  g_autofree char *a4 = g_build_filename (dir, "a4.pdf", NULL);
  g_autoptr(GError) refusal = NULL;
  GtkPrintOperationResult result;

  result = print_figure (board, "perspectives", TRUE, "iso_a7", small, &refusal);
  g_assert_cmpint (result, !=, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_error (refusal, MC_LAYOUT_ERROR, MC_LAYOUT_ERROR_DOES_NOT_FIT);
  g_assert_nonnull (strstr (refusal->message, "“perspectives”"));
  g_assert_nonnull (strstr (refusal->message, "without notes"));
  g_assert_null (strchr (refusal->message, '\n'));
  /* Nothing printed: no file, or an empty one. */
  if (g_file_test (small, G_FILE_TEST_EXISTS))
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (small, &contents, &length, NULL));
      g_assert_null (g_strstr_len (contents, length, "/Type /Page\n"));
    }
  g_clear_error (&refusal);

  g_assert_cmpint (print_figure (board, "perspectives", FALSE, "iso_a7", bare, &refusal), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (refusal);
  g_assert_true (g_file_test (bare, G_FILE_TEST_EXISTS));

  g_assert_cmpint (print_figure (board, "perspectives", TRUE, GTK_PAPER_NAME_A4, a4, &refusal), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (refusal);
  g_assert_true (g_file_test (a4, G_FILE_TEST_EXISTS));

  mc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  GtkApplication *app = mc_test_app_new (&argc, &argv);

  g_test_add_func ("/print/refuses-cut-text", test_print_refuses_cut_text);
  return mc_test_app_run (app);
}
