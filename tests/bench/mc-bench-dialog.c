/* mc-bench-dialog.c — the longest main-loop stall while the Export window
 * opens on a 10,000-note board and renders its preview, and again after an
 * option changes
 *
 * Prints "export_dialog_10k_stall_ms: N" (the largest gap between two
 * ticks of a 1 ms timeout from just before the dialog is created until its
 * preview is shown), "export_dialog_10k_stall_cpu_ms" (the main thread's
 * CPU time within that gap: on a shared machine the rest of the gap is
 * waiting for a core or for the X server), "export_dialog_10k_preview_ms"
 * (until the preview is there), "export_dialog_10k_open_ms" (the calls
 * that create and present the window), and the same stall after the theme
 * changes with every note shown ("export_dialog_10k_change_stall_ms",
 * "_change_stall_cpu_ms"). "export_dialog_10k_turn_cpu_ms" and
 * "_change_turn_cpu_ms" are the most CPU time the main thread spent
 * between two ticks: the longest piece of work that did not return to the
 * main loop, which a loaded machine does not inflate. MC_BENCH_VERBOSE=1 lists every gap over 16 ms
 * on stderr. Needs a display: tools/bench runs it under Xvfb.
 */
#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "mc-app-base.h"
#include "mc-test-board.h"
#include "mc-export-dialog.h"
#include "mc-bench-util.h"

static double phase_start;
static double last_tick;
static double last_cpu;
static double longest_gap;
static double longest_gap_cpu;
static double most_turn_cpu;
static gboolean verbose;

/* The main thread's CPU time (user + system), in milliseconds. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gboolean
on_tick (gpointer user_data)
{
  double now = mc_bench_now_ms ();
  double cpu = thread_cpu_ms ();

  if (now - last_tick > longest_gap)
    {
      longest_gap = now - last_tick;
      longest_gap_cpu = cpu - last_cpu;
    }
  most_turn_cpu = MAX (most_turn_cpu, cpu - last_cpu);
  if (verbose && now - last_tick > 16)
    g_printerr ("  gap at %6.0f ms: %4.0f ms, %5.1f ms CPU\n",
                last_tick - phase_start, now - last_tick, cpu - last_cpu);
  last_tick = now;
  last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

/* The longest gap is measured from here on. */
static void
start_phase (void)
{
  last_tick = phase_start = mc_bench_now_ms ();
  last_cpu = thread_cpu_ms ();
  longest_gap = longest_gap_cpu = most_turn_cpu = 0;
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

static void
wait_for_preview (McExportDialog *dialog)
{
  while (mc_export_dialog_get_preview_pending (dialog))
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
  guint k = n_notes / 1000;
  double preview_ms, open_ms;
  guint tick_id;

  gtk_init ();
  adw_init ();
  mc_core_ensure_resources ();
  mc_app_ensure_resources ();
  verbose = g_strcmp0 (g_getenv ("MC_BENCH_VERBOSE"), "1") == 0;

  board = mc_test_region_board_new (n_notes);
  parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (parent));
  spin_for (300);

  start_phase ();
  tick_id = g_timeout_add (1, on_tick, NULL);
  /* Creating the dialog is itself on the main loop: it counts. */
  dialog = mc_export_dialog_new (GTK_WINDOW (parent), board, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  /* It opens on the first figure; the whole board is the heavy case. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "scope")),
                              MC_EXPORT_DIALOG_SCOPE_BOARD);
  open_ms = mc_bench_now_ms () - phase_start;
  wait_for_preview (dialog);
  preview_ms = mc_bench_now_ms () - phase_start;
  /* The frames that show the preview. */
  spin_for (300);

  g_print ("export_dialog_%uk_stall_ms: %.0f\n", k, longest_gap);
  g_print ("export_dialog_%uk_stall_cpu_ms: %.1f\n", k, longest_gap_cpu);
  g_print ("export_dialog_%uk_turn_cpu_ms: %.1f\n", k, most_turn_cpu);
  g_print ("export_dialog_%uk_preview_ms: %.0f\n", k, preview_ms);
  /* Of the stall, the part spent creating the window. */
  g_print ("export_dialog_%uk_open_ms: %.0f\n", k, open_ms);

  /* An option changes while every note is shown: the window keeps
   * drawing while the preview follows, and the old preview goes. */
  if (verbose)
    g_printerr ("  (the theme changes)\n");
  gtk_switch_set_active (GTK_SWITCH (mc_export_dialog_get_control (dialog, "notes")), TRUE);
  start_phase ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "theme")),
                              MC_THEME_PRINT);
  wait_for_preview (dialog);
  spin_for (300);
  g_source_remove (tick_id);

  g_print ("export_dialog_%uk_change_stall_ms: %.0f\n", k, longest_gap);
  g_print ("export_dialog_%uk_change_stall_cpu_ms: %.1f\n", k, longest_gap_cpu);
  g_print ("export_dialog_%uk_change_turn_cpu_ms: %.1f\n", k, most_turn_cpu);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (parent));
  return 0;
}
