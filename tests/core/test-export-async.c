/* test-export-async.c — exports written in a worker thread (issue 10: no
 * file operation on the main loop)
 *
 * The asynchronous export writes what the synchronous one writes (poppler
 * reads the same text), takes the board as it was when asked (later edits
 * do not reach the file), reports refusals as errors, and a cancelled
 * export leaves no file.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "mc-board.h"
#include "mc-command.h"
#include "mc-export-async.h"
#include "mc-test-util.h"
#include "export-fixture.h"

typedef struct
{
  gboolean  done;
  gboolean  written;
  GError   *error;
} Outcome;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->written = mc_export_to_file_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Outcome *) data)->done;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_tool (argv);

  return normalize (text);
}

static void
test_same_as_sync (void)
{
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-test-export-async-XXXXXX");
  g_autofree char *sync_path = g_build_filename (dir, "sync.pdf", NULL);
  g_autofree char *async_path = g_build_filename (dir, "async.pdf", NULL);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autoptr(GFile) async_file = g_file_new_for_path (async_path);
  g_autoptr(McBoard) board = board_with_notes ("model", MC_LANGUAGE_NL, "Notitie");
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_text = NULL;
  g_autofree char *async_text = NULL;
  McExportOptions options;
  Outcome outcome = { 0, };

  mc_export_options_init (&options, MC_LANGUAGE_NL);
  options.scope = MC_EXPORT_SCOPE_FIGURE;
  options.figure_id = "cimo";
  options.width_mm = MC_EXPORT_DOUBLE_COLUMN_MM;
  g_assert_true (mc_export_to_file_with_format (board, &options, MC_EXPORT_FORMAT_PDF, sync_file, &error));
  g_assert_no_error (error);

  mc_export_to_file_async (board, &options, MC_EXPORT_JOB_FIGURES, MC_EXPORT_FORMAT_PDF, async_file,
                           NULL, on_exported, &outcome);
  /* Asked for, not yet written: the call returns before the work. Edits
   * made now do not reach the file. */
  mc_board_execute (board, mc_command_set_title (board, "Later title"));
  {
    McNote *note = mc_note_new ("Na het exporteren toegevoegd");

    mc_note_set_anchor (note, "cimo", "context");
    mc_board_execute (board, mc_command_add_note (note));
  }
  mc_test_wait_until (is_done, &outcome, "the export");
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.written);

  sync_text = pdf_text (sync_path);
  async_text = pdf_text (async_path);
  g_assert_cmpstr (async_text, ==, sync_text);
  g_assert_null (strstr (async_text, "toegevoegd"));
  g_assert_true (mc_test_remove_tree (dir));
}

static void
test_report_and_refusal (void)
{
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-test-export-async-XXXXXX");
  g_autofree char *report_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *narrow_path = g_build_filename (dir, "narrow.png", NULL);
  g_autoptr(GFile) report_file = g_file_new_for_path (report_path);
  g_autoptr(GFile) narrow_file = g_file_new_for_path (narrow_path);
  g_autoptr(McBoard) board = board_with_notes ("model", MC_LANGUAGE_NL, "Notitie");
  McExportOptions options;
  Outcome report = { 0, }, narrow = { 0, };

  mc_export_options_init (&options, MC_LANGUAGE_NL);
  mc_export_to_file_async (board, &options, MC_EXPORT_JOB_REPORT, MC_EXPORT_FORMAT_PDF, report_file,
                           NULL, on_exported, &report);
  mc_test_wait_until (is_done, &report, "the report");
  g_assert_no_error (report.error);
  g_assert_true (g_file_test (report_path, G_FILE_TEST_IS_REGULAR));

  /* An image wider than any PNG may be: refused, no file. */
  options.width_px = 100000;
  mc_export_to_file_async (board, &options, MC_EXPORT_JOB_FIGURES, MC_EXPORT_FORMAT_PNG, narrow_file,
                           NULL, on_exported, &narrow);
  mc_test_wait_until (is_done, &narrow, "the refused export");
  g_assert_false (narrow.written);
  g_assert_nonnull (narrow.error);
  g_assert_false (g_file_test (narrow_path, G_FILE_TEST_EXISTS));
  g_clear_error (&narrow.error);
  g_assert_true (mc_test_remove_tree (dir));
}

static void
test_cancelled (void)
{
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-test-export-async-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "cancelled.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(McBoard) board = board_with_notes ("model", MC_LANGUAGE_NL, "Notitie");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  McExportOptions options;
  Outcome outcome = { 0, };

  mc_export_options_init (&options, MC_LANGUAGE_NL);
  g_cancellable_cancel (cancellable);
  mc_export_to_file_async (board, &options, MC_EXPORT_JOB_FIGURES, MC_EXPORT_FORMAT_SVG, file,
                           cancellable, on_exported, &outcome);
  mc_test_wait_until (is_done, &outcome, "the cancelled export");
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&outcome.error);
  g_assert_true (mc_test_remove_tree (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();

  g_test_add_func ("/export-async/same-as-sync", test_same_as_sync);
  g_test_add_func ("/export-async/report-and-refusal", test_report_and_refusal);
  g_test_add_func ("/export-async/cancelled", test_cancelled);
  return g_test_run ();
}
