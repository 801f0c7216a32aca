/* mc-bench-window.c — the main window's speed on a large board, measured
 * through the window's own frame clock
 *
 * "mc-bench-window N" opens a board of N notes in regions (distinct texts
 * and authors, mc_test_region_board_new()) the way the application opens
 * a file, then prints one "name: value" line each, named with the size
 * (1k for 1,000 notes, 10k for 10,000):
 *
 *   open_first_frame_Nk_ms   from opening the file until the frame clock
 *                            has painted the board at its fitted zoom
 *                            (_cpu_ms: the process's CPU time meanwhile,
 *                            every thread, user + system)
 *   open_reference_Nk_ms     loading the same file plus one full redraw
 *                            (a new layout's scene rendered at the
 *                            canvas's size and fitted zoom), on the main
 *                            thread after the window's own layouts
 *   open_ratio_Nk            the two divided (target: at most 1.5)
 *   open_reference_cold_Nk_ms  the same in a new thread, whose text
 *                            measures (kept per thread) start empty, as
 *                            in a process that has not laid out the board
 *                            before; open_ratio_cold_Nk divides by it
 *                            (_cpu_ms, _cpu: the same in CPU time)
 *   add_note_Nk_ms           a new note in a region until it is painted
 *                            (median of 7)
 *   drop_Nk_ms               the drop after dragging a note until the
 *                            frame showing it is painted (median of 5)
 *   drag_frame_p90_Nk_ms     one drag motion until its frame is painted,
 *                            the 90th percentile of 30
 *   zoom_step_Nk_ms          one zoom step (×1.25 and back, no easing)
 *                            until it is painted (median of 8)
 *   peak_rss_Nk_mb           the process's peak resident memory after
 *                            the open and the edits, before the
 *                            references (the board is written by a child
 *                            process, so neither counts)
 *
 * MC_BENCH_SCREENSHOT=FILE.png saves the window as its first frame with
 * the board showed it.
 *
 * Needs a display: tools/bench runs it under Xvfb at 1920×1080 with GTK's
 * cairo renderer. Not a test: the machine is shared.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mc-app-base.h"
#include "mc-application.h"
#include "mc-board-io.h"
#include "mc-canvas-edit-private.h"
#include "mc-catalog.h"
#include "mc-editing.h"
#include "mc-layout.h"
#include "mc-render-cairo.h"
#include "mc-test-board.h"
#include "mc-test-util.h"
#include "mc-window.h"
#include "mc-bench-util.h"

static guint n_paints;

/* What each frame painted while the board opens. */
typedef struct
{
  double time;
  double cpu;
  double zoom;
  double origin_x;
  gboolean board;   /* the opened board, with its scene */
} Paint;

static McCanvas *watched;
static guint watched_notes;
static GArray *paints;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  n_paints++;
  if (paints != NULL && watched != NULL)
    {
      McBoard *board = mc_canvas_get_board (watched);
      Paint paint = { mc_bench_now_ms (), mc_bench_cpu_ms (RUSAGE_SELF), watched->zoom, watched->origin_x,
                      board != NULL && mc_board_get_n_notes (board) == watched_notes &&
                      watched->scene != NULL };

      g_array_append_val (paints, paint);
    }
}

/* Runs the main loop until the frame clock has painted a frame that began
 * after now; returns when it was painted. */
static double
wait_for_paint (void)
{
  guint before = n_paints;

  while (n_paints == before)
    g_main_context_iteration (NULL, TRUE);
  return mc_bench_now_ms ();
}

/* Lets whatever is pending (idles, frames) happen. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 200 * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static McWindow *
active_window (GtkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  return MC_IS_WINDOW (window) ? MC_WINDOW (window) : NULL;
}

/* MC_BENCH_SCREENSHOT=FILE.png: the window as its first frame with the
 * board showed it, to look at. */
static void
save_screenshot (GtkWidget *window)
{
  const char *path = g_getenv ("MC_BENCH_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;

  if (path == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  g_assert (gdk_texture_save_to_png (texture, path));
}

/* The frame that shows board, fitted, has been painted. */
static gboolean
board_shown (McCanvas *canvas,
             guint     n_notes)
{
  McBoard *board = mc_canvas_get_board (canvas);

  return board != NULL && mc_board_get_n_notes (board) == n_notes &&
         canvas->scene != NULL && !canvas->fit_pending && canvas->refit_id == 0 &&
         canvas->tick_id == 0;
}

static double
bench_open (GtkApplication  *app,
            GFile           *file,
            guint            n_notes,
            McWindow       **out_window,
            double          *out_cpu)
{
  double start = mc_bench_now_ms (), start_cpu = mc_bench_cpu_ms (RUSAGE_SELF), shown = 0;
  McWindow *window;
  McCanvas *canvas;
  GdkFrameClock *clock;

  /* As "missiecanvas FILE": the application's own open. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = active_window (app);
  g_assert (window != NULL);
  canvas = mc_window_get_canvas (window);
  watched = canvas;
  watched_notes = n_notes;
  paints = g_array_new (FALSE, FALSE, sizeof (Paint));
  while (!gtk_widget_get_realized (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  while (!board_shown (canvas, n_notes))
    wait_for_paint ();
  save_screenshot (GTK_WIDGET (window));
  settle ();

  /* The first frame that painted the board as the view settled. */
  for (guint i = 0; i < paints->len; i++)
    {
      Paint *paint = &g_array_index (paints, Paint, i);

      if (paint->board && paint->zoom == canvas->zoom && paint->origin_x == canvas->origin_x)
        {
          shown = paint->time;
          *out_cpu = paint->cpu - start_cpu;
          break;
        }
    }
  g_clear_pointer (&paints, g_array_unref);

  *out_window = window;
  return shown - start;
}

/* What the first frame showed: the reference draws the same. */
typedef struct
{
  GFile         *file;
  McViewOptions  options;
  int            width;
  int            height;
  double         zoom;
  double         origin_x;
  double         origin_y;
  /* Results */
  double         ms;
  double         cpu_ms;
} Reference;

/* Loading the file and one full redraw at the canvas's size and zoom. */
static void
bench_reference (Reference *reference)
{
  double start = mc_bench_now_ms (), start_cpu = mc_bench_cpu_ms (RUSAGE_SELF);
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = mc_board_load_from_file (reference->file, MC_BOARD_LOAD_NONE, &error);
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) scene = NULL;
  McViewOptions options = reference->options;
  McRect visible = { reference->origin_x, reference->origin_y,
                     reference->width / reference->zoom, reference->height / reference->zoom };
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_no_error (error);
  options.language = mc_board_get_language (board);
  scene = mc_layout_build (layout, board, &options);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, reference->width, reference->height);
  cr = cairo_create (surface);
  cairo_scale (cr, reference->zoom, reference->zoom);
  cairo_translate (cr, -reference->origin_x, -reference->origin_y);
  mc_render_scene (cr, scene, &visible);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  reference->cpu_ms = mc_bench_cpu_ms (RUSAGE_SELF) - start_cpu;
  reference->ms = mc_bench_now_ms () - start;
}

/* The same in a thread of its own: text shaped and fonts set up anew, as
 * a process that opens the board must (the text measures are kept per
 * thread, so on the main thread the reference would reuse those of the
 * window's layout when it ran there). Nothing else runs meanwhile. */
static gpointer
reference_thread (gpointer data)
{
  bench_reference (data);
  return NULL;
}

static void
bench_reference_cold (Reference *reference)
{
  g_thread_join (g_thread_new ("reference", reference_thread, reference));
}

/* The board of n_notes written to path by a child process, so that its
 * making does not count in this one's peak memory. */
static void
write_board (guint       n_notes,
             const char *path)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert (pid >= 0);
  if (pid == 0)
    {
      g_autoptr(McBoard) board = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      mc_core_ensure_resources ();
      board = mc_test_region_board_new (n_notes);
      _exit (mc_board_save_to_file (board, file, &error) ? 0 : 1);
    }
  g_assert (waitpid (pid, &status, 0) == pid);
  g_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0);
}

/* A region's centre in board units: where a new note goes. */
static void
region_centre (McCanvas   *canvas,
               const char *region,
               double     *x,
               double     *y)
{
  McScene *scene = mc_canvas_get_scene (canvas);
  int index = mc_scene_find_group (scene, region);
  const McSceneItem *item;

  g_assert (index >= 0);
  item = mc_scene_get_item (scene, index);
  *x = item->bounds.x + item->bounds.width / 2;
  *y = item->bounds.y + item->bounds.height / 2;
}

static double
bench_add_note (McCanvas *canvas)
{
  McBoard *board = mc_canvas_get_board (canvas);
  double times[7];
  double x, y;

  region_centre (canvas, "cimo/context", &x, &y);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *text = g_strdup_printf ("Nieuwe notitie %u over de wijk", i);
      double start = mc_bench_now_ms ();
      McCommand *command = mc_editing_new_note_command (board, mc_canvas_get_layout (canvas),
                                                        mc_canvas_get_scene (canvas),
                                                        x, y, text, "Bench", NULL);

      mc_board_execute (board, command);
      times[i] = wait_for_paint () - start;
      settle ();
    }
  return mc_bench_percentile (times, G_N_ELEMENTS (times), 0.5);
}

/* A note's centre in widget pixels. */
static gboolean
note_centre (McCanvas   *canvas,
             const char *id,
             double     *x,
             double     *y)
{
  McRect rect;

  if (!mc_layout_get_note_rect (mc_canvas_get_layout (canvas), id, &rect))
    return FALSE;
  mc_canvas_board_to_widget (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, x, y);
  return TRUE;
}

/* Drags a note: frames (30 motions, each until painted) and drops. */
static void
bench_drag (McCanvas *canvas,
            double   *drag_p90,
            double   *drop)
{
  McBoard *board = mc_canvas_get_board (canvas);
  GPtrArray *notes = mc_board_get_notes (board);
  double frames[30];
  double drops[5];

  for (guint d = 0; d < G_N_ELEMENTS (drops); d++)
    {
      const char *id = mc_note_get_id (g_ptr_array_index (notes, d * 97 % notes->len));
      double x, y, dx = 0, dy = 0, start;
      McDragMode mode;

      g_assert (note_centre (canvas, id, &x, &y));
      mode = _mc_canvas_edit_press (canvas, x, y, 0);
      g_assert (mode == MC_DRAG_MOVE);
      for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
        {
          dx += 1.5;
          dy += 1.0;
          start = mc_bench_now_ms ();
          _mc_canvas_edit_drag_update (canvas, dx, dy);
          gtk_widget_queue_draw (GTK_WIDGET (canvas));
          frames[i] = wait_for_paint () - start;
        }
      if (d == 0)
        *drag_p90 = mc_bench_percentile (frames, G_N_ELEMENTS (frames), 0.9);
      start = mc_bench_now_ms ();
      _mc_canvas_edit_drag_end (canvas, dx, dy, TRUE);
      drops[d] = wait_for_paint () - start;
      settle ();
    }
  *drop = mc_bench_percentile (drops, G_N_ELEMENTS (drops), 0.5);
}

static double
bench_zoom (McCanvas *canvas)
{
  double times[8];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      double zoom = mc_canvas_get_zoom (canvas);
      double start = mc_bench_now_ms ();

      mc_canvas_set_zoom (canvas, i % 2 == 0 ? zoom * 1.25 : zoom / 1.25);
      times[i] = wait_for_paint () - start;
      settle ();
    }
  return mc_bench_percentile (times, G_N_ELEMENTS (times), 0.5);
}

int
main (int   argc,
      char *argv[])
{
  guint n_notes = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *size = NULL;
  McWindow *window = NULL;
  McCanvas *canvas;
  Reference reference = { 0 }, cold = { 0 };
  double open_ms, open_cpu = 0, drag_p90 = 0, drop = 0;
  g_autofree char *xdg = mc_test_isolate_xdg ();
  struct rusage usage;

  size = n_notes % 1000 == 0 ? g_strdup_printf ("%uk", n_notes / 1000) : g_strdup_printf ("%u", n_notes);
  /* Recovery copies and recent lists go to a folder of their own. */
  dir = g_build_filename (xdg, "boards", NULL);
  g_mkdir (dir, 0700);
  path = g_build_filename (dir, "board.missiecanvas", NULL);
  file = g_file_new_for_path (path);
  write_board (n_notes, path);

  gtk_init ();
  adw_init ();
  mc_core_ensure_resources ();
  mc_app_ensure_resources ();
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);

  app = g_object_new (MC_TYPE_APPLICATION, "application-id", APP_ID,
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN, NULL);
  g_assert (g_application_register (G_APPLICATION (app), NULL, NULL));

  open_ms = bench_open (app, file, n_notes, &window, &open_cpu);
  canvas = mc_window_get_canvas (window);
  reference = (Reference) { file, *mc_canvas_get_view_options (canvas),
                            gtk_widget_get_width (GTK_WIDGET (canvas)),
                            gtk_widget_get_height (GTK_WIDGET (canvas)),
                            canvas->zoom, canvas->origin_x, canvas->origin_y, 0, 0 };
  cold = reference;
  g_print ("open_first_frame_%s_ms: %.0f\n", size, open_ms);
  g_print ("open_first_frame_%s_cpu_ms: %.0f\n", size, open_cpu);
  settle ();

  g_print ("add_note_%s_ms: %.0f\n", size, bench_add_note (canvas));
  bench_drag (canvas, &drag_p90, &drop);
  g_print ("drop_%s_ms: %.0f\n", size, drop);
  g_print ("drag_frame_p90_%s_ms: %.0f\n", size, drag_p90);
  g_print ("zoom_step_%s_ms: %.0f\n", size, bench_zoom (canvas));

  /* The window's: before the references load the board again. */
  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak_rss_%s_mb: %.0f\n", size, usage.ru_maxrss / 1024.0);

  /* As before: on the main thread, after the window's layouts. */
  bench_reference (&reference);
  g_print ("open_reference_%s_ms: %.0f\n", size, reference.ms);
  g_print ("open_reference_%s_cpu_ms: %.0f\n", size, reference.cpu_ms);
  g_print ("open_ratio_%s: %.2f\n", size, open_ms / reference.ms);
  g_print ("open_ratio_%s_cpu: %.2f\n", size, open_cpu / reference.cpu_ms);
  bench_reference_cold (&cold);
  g_print ("open_reference_cold_%s_ms: %.0f\n", size, cold.ms);
  g_print ("open_reference_cold_%s_cpu_ms: %.0f\n", size, cold.cpu_ms);
  g_print ("open_ratio_cold_%s: %.2f\n", size, open_ms / cold.ms);
  g_print ("open_ratio_cold_%s_cpu: %.2f\n", size, open_cpu / cold.cpu_ms);

  /* Modified: close without the question. */
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  mc_test_remove_tree (xdg);
  return 0;
}
