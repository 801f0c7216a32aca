/* mc-bench-dialog.c — the longest main-loop stall while the Export window
 * opens on a 10,000-note board and renders its preview
 *
 * Prints "export_dialog_10k_stall_ms: N" (the largest gap between two
 * ticks of a 1 ms timeout from just before the dialog is created until its
 * preview is shown) and "export_dialog_10k_preview_ms: N" (until the
 * preview is there). Needs a display: tools/bench runs it under Xvfb.
 */
#include "config.h"

#include <adwaita.h>

#include "mc-app-base.h"
#include "mc-test-board.h"
#include "mc-export-dialog.h"
#include "mc-bench-util.h"

static double last_tick;
static double longest_gap;

static gboolean
on_tick (gpointer user_data)
{
  double now = mc_bench_now_ms ();

  longest_gap = MAX (longest_gap, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
on_spin_done (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for ms; a timeout wakes it when nothing else does. */
static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_spin_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(McBoard) board = NULL;
  McExportDialog *dialog;
  GtkWidget *parent;
  guint n_notes = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  double start, preview_ms, open_ms;
  guint tick_id;

  gtk_init ();
  adw_init ();
  mc_core_ensure_resources ();
  mc_app_ensure_resources ();

  board = mc_test_region_board_new (n_notes);
  parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (parent));
  spin_for (300);

  last_tick = start = mc_bench_now_ms ();
  tick_id = g_timeout_add (1, on_tick, NULL);
  /* Creating the dialog is itself on the main loop: it counts. */
  dialog = mc_export_dialog_new (GTK_WINDOW (parent), board, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  /* It opens on the first figure; the whole board is the heavy case. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "scope")),
                              MC_EXPORT_DIALOG_SCOPE_BOARD);
  open_ms = mc_bench_now_ms () - start;
  while (mc_export_dialog_get_preview_pending (dialog))
    g_main_context_iteration (NULL, TRUE);
  preview_ms = mc_bench_now_ms () - start;
  /* The frames that show the preview. */
  spin_for (300);
  g_source_remove (tick_id);

  g_print ("export_dialog_%uk_stall_ms: %.0f\n", n_notes / 1000, longest_gap);
  g_print ("export_dialog_%uk_preview_ms: %.0f\n", n_notes / 1000, preview_ms);
  /* Of the stall, the part spent creating the window. */
  g_print ("export_dialog_%uk_open_ms: %.0f\n", n_notes / 1000, open_ms);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (parent));
  return 0;
}
