/* test-canvas-speed.c — the frame time of the real canvas while one note
 * is dragged on a board of 1,000 notes, at 1920×1080
 *
 * Not a timed test: it prints the figures (median and 90th percentile of
 * the frame clock's paint, from "before-paint" to "after-paint") and
 * asserts only what must hold whatever the machine: frames were painted,
 * the drag drew from the cached board texture (no re-render per motion
 * event), and the drop moved the note in one undo step. Runs under Xvfb.
 */
#include "config.h"

#include <stdlib.h>
#include <gtk/gtk.h>

#include "mc-application.h"
#include "mc-test-canvas.h"
#include "mc-command.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-note.h"
#include "mc-test-app.h"
#include "mc-test-board.h"
#include "mc-test-util.h"
#include "mc-window.h"

#define N_NOTES  1000
#define N_FRAMES 60

static GtkApplication *app;

typedef struct
{
  gint64  paint_start;
  double  durations[N_FRAMES * 2];
  guint   n;
  guint   painted;   /* every frame, recorded or not */
  gboolean recording;
} Frames;

static void
on_before_paint (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->paint_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  if (frames->recording && frames->paint_start != 0 && frames->n < G_N_ELEMENTS (frames->durations))
    frames->durations[frames->n++] = (g_get_monotonic_time () - frames->paint_start) / 1000.0;
  frames->paint_start = 0;
  frames->painted++;
}

typedef struct
{
  Frames *frames;
  guint   before;
} FrameWait;

static gboolean
painted_since (gpointer data)
{
  FrameWait *wait = data;

  return wait->frames->painted > wait->before;
}

/* Iterates until one more frame has been painted. */
static void
wait_for_frame (Frames *frames)
{
  FrameWait wait = { frames, frames->painted };

  mc_test_wait_until (painted_since, &wait, "a painted frame");
}

static gboolean
canvas_is_laid_out (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
test_drag_frames (void)
{
  g_autoptr(McBoard) board = mc_test_grid_board_new (N_NOTES);
  McWindow *window;
  McCanvas *canvas;
  GdkFrameClock *clock;
  Frames frames = { 0 };
  McNote *note;
  g_autofree char *id = NULL;
  GdkTexture *cache;
  McRect rect, after;
  double x, y, sorted[G_N_ELEMENTS (frames.durations)];
  gulong before_id, after_id;

  window = mc_window_new (app, board);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  canvas = mc_window_get_canvas (window);
  mc_test_wait_until (canvas_is_laid_out, canvas, "the canvas's allocation");

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >, 1000);
  g_assert_cmpuint (mc_board_get_n_notes (mc_window_get_board (window)), ==, N_NOTES);

  /* Zoomed so the notes are readable, as people work (about 60 % shows a
   * region's notes at a legible size). */
  mc_canvas_zoom_at (canvas, 0.6, 0, 0, FALSE);
  _mc_canvas_set_origin (canvas, -20, -20);
  mc_test_spin ();

  note = g_ptr_array_index (mc_board_get_notes (mc_window_get_board (window)), 40);
  id = g_strdup (mc_note_get_id (note));
  mc_canvas_get_scene (canvas);
  g_assert_true (mc_layout_get_note_rect (mc_canvas_get_layout (canvas), id, &rect));
  mc_canvas_board_to_widget (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (y, >, 0);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (canvas));
  before_id = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frames);
  after_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);

  /* The drag as the gesture drives it: press, then one update per frame. */
  g_assert_cmpint (_mc_canvas_edit_press (canvas, x, y, 0), ==, MC_DRAG_MOVE);
  _mc_canvas_edit_drag_update (canvas, 2, 1);
  wait_for_frame (&frames);
  frames.recording = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  wait_for_frame (&frames);   /* the first frame of a drag fills the cache */
  frames.n = 0;
  cache = canvas->edit->cache;
  g_assert_nonnull (cache);

  for (guint i = 1; i <= N_FRAMES; i++)
    {
      _mc_canvas_edit_drag_update (canvas, 2 + i * 4.0, 1 + i * 2.0);
      wait_for_frame (&frames);
    }
  frames.recording = FALSE;

  /* Every drag frame blitted the same board texture. */
  g_assert_true (canvas->edit->cache == cache);
  g_assert_cmpuint (frames.n, >=, N_FRAMES * 9 / 10);

  memcpy (sorted, frames.durations, frames.n * sizeof (double));
  qsort (sorted, frames.n, sizeof (double), compare_doubles);
  g_test_message ("canvas drag, %u notes, %dx%d widget at zoom %.2f: frame paint median %.2f ms, "
                  "90th percentile %.2f ms, max %.2f ms over %u frames (target <= 16 ms)",
                  N_NOTES, gtk_widget_get_width (GTK_WIDGET (canvas)),
                  gtk_widget_get_height (GTK_WIDGET (canvas)), mc_canvas_get_zoom (canvas),
                  frames.n % 2 ? sorted[frames.n / 2] : (sorted[frames.n / 2 - 1] + sorted[frames.n / 2]) / 2,
                  sorted[frames.n * 9 / 10], sorted[frames.n - 1], frames.n);
  g_printerr ("# frame paint median %.2f ms, p90 %.2f ms (%u frames)\n",
              frames.n % 2 ? sorted[frames.n / 2] : (sorted[frames.n / 2 - 1] + sorted[frames.n / 2]) / 2,
              sorted[frames.n * 9 / 10], frames.n);

  _mc_canvas_edit_drag_end (canvas, 2 + N_FRAMES * 4.0, 1 + N_FRAMES * 2.0, TRUE);
  g_signal_handler_disconnect (clock, before_id);
  g_signal_handler_disconnect (clock, after_id);

  mc_canvas_get_scene (canvas);
  g_assert_true (mc_layout_get_note_rect (mc_canvas_get_layout (canvas), id, &after));
  g_assert_cmpfloat_with_epsilon (after.x - rect.x, (2 + N_FRAMES * 4.0) / mc_canvas_get_zoom (canvas), 1e-6);
  g_assert_cmpuint (mc_history_get_n_undo (mc_board_get_history (mc_window_get_board (window))), ==, 1);

  mc_board_mark_saved (mc_window_get_board (window));
  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  app = mc_test_app_new (&argc, &argv);

  g_test_add_func ("/mc/canvas-speed/drag-frames", test_drag_frames);
  return mc_test_app_run (app);
}
