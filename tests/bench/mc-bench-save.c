/* mc-bench-save.c — the main window while a large board is saved to a
 * slow folder (issue 10: saving never freezes the window)
 *
 * "mc-bench-save N" opens a board of N notes in regions the way the
 * application opens a file, changes it, and saves it with the window's
 * Save action while the canvas is asked to redraw on every frame. Run
 * with mc-slow-fsync preloaded (tools/bench save does), every fsync of
 * the save is held until this program has seen HELD_FRAMES more frames
 * painted (1.5 s at 60 Hz), as on a synced network folder: the disk's
 * slowness is counted in the window's own frames, not slept.
 * Prints one "name: value" line each (Nk: N in thousands):
 *
 *   save_slow_Nk_ms               from the Save action until the document
 *                                 is no longer saving
 *   save_slow_frames_Nk           frames painted meanwhile
 *   save_slow_frame_p50_Nk_ms     the intervals between those frames: the
 *   save_slow_frame_max_Nk_ms     median and the longest (a frozen window
 *                                 shows as one interval as long as the
 *                                 save)
 *   save_slow_frame_cpu_max_Nk_ms the most CPU the window's thread used
 *                                 between two frames: on a loaded machine
 *                                 a long interval with little CPU is the
 *                                 scheduler, not the program
 *
 * Needs a display: tools/bench runs it under Xvfb. Not a test: the
 * machine is shared.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mc-app-base.h"
#include "mc-application.h"
#include "mc-bench-util.h"
#include "mc-board-io.h"
#include "mc-command.h"
#include "mc-document.h"
#include "mc-test-board.h"
#include "mc-test-util.h"
#include "mc-window.h"

/* Frames an fsync of the save is held for. */
#define HELD_FRAMES 90

static GArray *paint_times;   /* ms, while recording */
static int fsync_gate = -1;   /* the FIFO mc-slow-fsync waits on */
static guint frames_held;
static GArray *paint_cpu;     /* the main thread's CPU ms at each */

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (paint_times != NULL)
    {
      double now = mc_bench_now_ms ();
      double cpu = thread_cpu_ms ();

      g_array_append_val (paint_times, now);
      g_array_append_val (paint_cpu, cpu);
      /* The disk finishes one fsync every HELD_FRAMES frames. */
      if (fsync_gate >= 0 && ++frames_held % HELD_FRAMES == 0 && write (fsync_gate, "x", 1) != 1)
        g_warning ("Cannot release an fsync: %s", g_strerror (errno));
    }
}

/* Keeps the canvas redrawing on every frame, as while a note is dragged. */
static gboolean
redraw_every_frame (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static gboolean
twenty_frames (gpointer data)
{
  return paint_times->len >= 20;
}

static gboolean
window_shown (gpointer data)
{
  McWindow *window = data;
  McCanvas *canvas = mc_window_get_canvas (window);

  return gtk_widget_get_mapped (GTK_WIDGET (window)) && mc_canvas_get_scene (canvas) != NULL;
}

static gboolean
saving (gpointer data)
{
  return mc_document_get_saving (data);
}

static gboolean
not_saving (gpointer data)
{
  return !mc_document_get_saving (data);
}

int
main (int   argc,
      char *argv[])
{
  guint n_notes = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_autofree char *xdg = mc_test_isolate_xdg ();
  g_autofree char *dir = g_build_filename (xdg, "boards", NULL);
  g_autofree char *path = g_build_filename (dir, "board.missiecanvas", NULL);
  g_autofree char *gate = g_build_filename (xdg, "fsync-gate", NULL);
  g_autofree char *size = n_notes % 1000 == 0 ? g_strdup_printf ("%uk", n_notes / 1000)
                                              : g_strdup_printf ("%u", n_notes);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(McBoard) board = NULL;
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  McWindow *window;
  McDocument *document;
  double start, end, start_cpu, busiest = 0;

  gtk_init ();
  adw_init ();
  mc_core_ensure_resources ();
  mc_app_ensure_resources ();
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);

  g_mkdir (dir, 0700);
  board = mc_test_region_board_new (n_notes);
  g_assert (mc_board_save_to_file (board, file, &error));
  g_clear_object (&board);

  /* Opened for reading and writing, the FIFO never blocks this side;
   * mc-slow-fsync's reads block until a byte is written. */
  g_assert (mkfifo (gate, 0600) == 0);
  fsync_gate = open (gate, O_RDWR | O_CLOEXEC);
  g_assert (fsync_gate >= 0);
  g_setenv ("MC_SLOW_FSYNC_FIFO", gate, TRUE);

  app = g_object_new (MC_TYPE_APPLICATION, "application-id", APP_ID,
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN, NULL);
  g_assert (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = MC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  mc_test_wait_until (window_shown, window, "the board in the window");
  document = mc_window_get_document (window);

  /* A change to save. */
  mc_board_execute (mc_document_get_board (document),
                    mc_command_set_title (mc_document_get_board (document), "Opgeslagen op een trage map"));

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (mc_window_get_canvas (window)), redraw_every_frame, NULL, NULL);
  /* The change's redraw done: 20 frames painted since. */
  paint_times = g_array_new (FALSE, FALSE, sizeof (double));
  paint_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  mc_test_wait_until (twenty_frames, NULL, "the change drawn");
  g_array_set_size (paint_times, 0);
  g_array_set_size (paint_cpu, 0);
  frames_held = 0;
  start = mc_bench_now_ms ();
  start_cpu = thread_cpu_ms ();
  g_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  if (g_getenv ("MC_BENCH_VERBOSE") != NULL)
    g_printerr ("the Save action returned after %.1f ms\n", mc_bench_now_ms () - start);
  mc_test_wait_until (saving, document, "the save to start");
  mc_test_wait_until (not_saving, document, "the save to end");
  end = mc_bench_now_ms ();

  /* From the action to the first frame, then frame to frame. */
  for (guint i = 0; i < paint_times->len; i++)
    {
      double at = g_array_index (paint_times, double, i);
      double interval = at - (i > 0 ? g_array_index (paint_times, double, i - 1) : start);
      double cpu = g_array_index (paint_cpu, double, i) -
                   (i > 0 ? g_array_index (paint_cpu, double, i - 1) : start_cpu);

      if (at > end)
        break;
      g_array_append_val (intervals, interval);
      busiest = MAX (busiest, cpu);
      if (g_getenv ("MC_BENCH_VERBOSE") != NULL && interval > 40)
        g_printerr ("frame %u at %.0f ms: %.1f ms, %.1f ms of it the window's thread's CPU\n",
                    i, at - start, interval, cpu);
    }
  g_print ("save_slow_%s_ms: %.0f\n", size, end - start);
  g_print ("save_slow_frames_%s: %u\n", size, intervals->len);
  if (intervals->len > 0)
    {
      double *values = (double *) intervals->data;

      g_print ("save_slow_frame_p50_%s_ms: %.1f\n", size, mc_bench_median (values, intervals->len));
      g_print ("save_slow_frame_max_%s_ms: %.1f\n", size, values[intervals->len - 1]);
      g_print ("save_slow_frame_cpu_max_%s_ms: %.1f\n", size, busiest);
    }
  g_clear_pointer (&paint_times, g_array_unref);
  g_clear_pointer (&paint_cpu, g_array_unref);

  g_unsetenv ("MC_SLOW_FSYNC_FIFO");
  close (fsync_gate);
  fsync_gate = -1;
  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_remove_tree (xdg);
  return 0;
}
