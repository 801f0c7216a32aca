/* mc-bench.c — speed figures, printed as "name: value" lines
 *
 * Not a test: the machine is shared and noisy, so compare the ratios printed
 * in one run rather than absolute times. tools/bench builds and runs it.
 *
 *   redraw_4k_ms           full redraw of 1,000 notes at 3840×2160 through
 *                          the app's renderer (cached scene, median of 30)
 *   redraw_4k_baseline_ms  the same items drawn naively with cairo/pango,
 *                          every text laid out again each frame
 *   drag_frame_ms          one frame of dragging a note at 1920×1080: the
 *                          move command, the scene rebuild and a redraw of
 *                          the damaged area only (median)
 *   load_10k_ms / save_10k_ms and their ratios to plain json-glib
 *   save_main_thread_10k_ms  the longest main-loop stall while a McDocument
 *                          saves the 10,000-note board in the background:
 *                          the largest gap between two ticks of a 1 ms
 *                          timeout, or the save call itself (median of 5)
 *   save_call_10k_ms       of that, the save call (the snapshot; median),
 *                          and save_call_10k_cpu_ms the main thread's CPU
 *                          time in it (not counting time the load took away)
 *   export_figure_ms       one figure of the example board with its notes
 *                          to PDF (mc-export.h, in memory; median of 5)
 *   export_figure_png_ms   the same figure to PNG at the default 300 DPI
 *   export_cimo_png_ms     the 4360-unit CIMO band to PNG (785 mm, 9270 px wide)
 *   export_report_ms       the example board's session report PDF
 *   export_1k_process_ms   the whole "missiecanvas BOARD --export out.pdf"
 *                          process on a 1,000-note board with its notes in
 *                          regions (best of 3; MC_BENCH_BINARY overrides the
 *                          program, to compare builds)
 *   export_10k_pdf_ms      the whole 10,000-note board to PDF in memory
 *   export_10k_process_ms  the whole process on that board, and
 *                          export_10k_process_one_thread_ms with MC_THREADS=1
 *                          (note texts and figures laid out on one core)
 *   export_100k_pdf_ms     the same with 100,000 notes (the loader's limit),
 *                          on pages within PDF's 14,400 pt
 *   export_*_cpu_ms        the CPU time (user + system) of the process or
 *                          of the export in it: on a loaded machine a
 *                          steadier figure than the time on the clock
 *   export_report_1k_ms    the session report of the 1,000-note board
 *   export_report_10k_ms   the same with 10,000 notes, and the ratio of the
 *                          two (export_report_10k_over_1k: 10 is linear)
 *   export_floor_*_cpu_ms  the physical floor of those PDFs: the same
 *                          board's texts, each laid out once with plain
 *                          pango at its size, and rectangles, drawn by
 *                          cairo on the same pages (group "floor")
 *
 * export_dialog_10k_stall_ms is measured by mc-bench-dialog (a window).
 *
 * Targets: redraw_ratio <= 1.0, drag_frame_ms <= 16, load/save ratio <= 1.5,
 * export_figure_ms < 200, export_report_ms < 2000.
 *
 * "mc-bench NAME…" runs only the named groups (redraw, drag, load-save,
 * export, export-scale, floor), e.g. for a profiler; "mc-bench board N PATH"
 * writes the generated N-note board the figures use, to profile
 * "missiecanvas PATH --export …" on it.
 */
#include "config.h"

#include <sys/resource.h>

#include <json-glib/json-glib.h>
#include <math.h>
#include <time.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>

#include "mc-board.h"
#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-document.h"
#include "mc-editing.h"
#include "mc-export.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-render-cairo.h"
#include "mc-test-board.h"
#include "mc-text.h"
#include "mc-bench-util.h"

#define N_FRAMES 30

/* Scales and centres the scene's bounds into a width × height surface. */
static void
fit_transform (cairo_t      *cr,
               const McRect *bounds,
               int           width,
               int           height)
{
  double scale = MIN (width / bounds->width, height / bounds->height);

  cairo_translate (cr, (width - bounds->width * scale) / 2,
                   (height - bounds->height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -bounds->x, -bounds->y);
}

/* The naive baseline: every item drawn straight from the scene's data,
 * every text laid out from scratch as a program without caches would. */
static void
render_naive (cairo_t *cr,
              McScene *scene)
{
  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_PATH)
        {
          mc_path_to_cairo (item->path, cr);
          if (item->has_fill)
            {
              cairo_set_source_rgba (cr, item->fill.red, item->fill.green,
                                     item->fill.blue, item->fill.alpha);
              cairo_fill_preserve (cr);
            }
          if (item->has_stroke)
            {
              cairo_set_source_rgba (cr, item->stroke.red, item->stroke.green,
                                     item->stroke.blue, item->stroke.alpha);
              cairo_set_line_width (cr, item->line_width);
              cairo_stroke_preserve (cr);
            }
          cairo_new_path (cr);
        }
      else if (item->kind == MC_ITEM_TEXT)
        {
          PangoLayout *cached = item->layout;
          g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);

          pango_layout_set_font_description (layout, pango_layout_get_font_description (cached));
          pango_layout_set_width (layout, pango_layout_get_width (cached));
          pango_layout_set_wrap (layout, pango_layout_get_wrap (cached));
          pango_layout_set_alignment (layout, pango_layout_get_alignment (cached));
          pango_layout_set_text (layout, pango_layout_get_text (cached), -1);
          cairo_move_to (cr, item->x, item->y);
          cairo_set_source_rgba (cr, item->color.red, item->color.green,
                                 item->color.blue, item->color.alpha);
          pango_cairo_show_layout (cr, layout);
        }
    }
}

static void
bench_redraw (void)
{
  g_autoptr(McBoard) board = mc_test_grid_board_new (1000);
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  McViewOptions options;
  g_autoptr(McScene) scene = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 3840, 2160);
  double app[N_FRAMES], naive[N_FRAMES];
  double app_ms, naive_ms;
  McRect bounds;

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  mc_scene_get_bounds (scene, &bounds);

  for (guint frame = 0; frame < N_FRAMES; frame++)
    {
      cairo_t *cr = cairo_create (surface);
      double t0;

      t0 = mc_bench_now_ms ();
      fit_transform (cr, &bounds, 3840, 2160);
      mc_render_scene (cr, scene, NULL);
      cairo_surface_flush (surface);
      app[frame] = mc_bench_now_ms () - t0;
      cairo_destroy (cr);

      cr = cairo_create (surface);
      t0 = mc_bench_now_ms ();
      fit_transform (cr, &bounds, 3840, 2160);
      render_naive (cr, scene);
      cairo_surface_flush (surface);
      naive[frame] = mc_bench_now_ms () - t0;
      cairo_destroy (cr);
    }

  app_ms = mc_bench_median (app, N_FRAMES);
  naive_ms = mc_bench_median (naive, N_FRAMES);
  g_print ("redraw_4k_ms: %.2f\n", app_ms);
  g_print ("redraw_4k_baseline_ms: %.2f\n", naive_ms);
  g_print ("redraw_ratio: %.3f\n", app_ms / naive_ms);

  cairo_surface_destroy (surface);
}

static void
bench_drag (void)
{
  g_autoptr(McBoard) board = mc_test_grid_board_new (1000);
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  McNote *dragged = g_ptr_array_index (mc_board_get_notes (board), 500);
  g_autofree char *id = g_strdup (mc_note_get_id (dragged));
  g_autoptr(McScene) scene = NULL;
  McViewOptions options;
  double frames[N_FRAMES];
  McRect bounds;

  /* A drag starts by bringing the note to the front, as the canvas does. */
  mc_board_execute (board, mc_editing_raise_notes_command (board, (const char *[]) { id, NULL }));
  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  mc_scene_get_bounds (scene, &bounds);

  for (guint frame = 0; frame < N_FRAMES; frame++)
    {
      const char *ids[] = { id, NULL };
      g_autofree char *hit = NULL;
      McRect before, after, damage;
      cairo_t *cr;
      double t0 = mc_bench_now_ms ();

      /* What a pointer motion costs: find the note under the pointer, move
       * it through the editing engine (drop target, re-anchoring), rebuild. */
      g_assert_true (mc_layout_get_note_rect (layout, id, &before));
      hit = mc_editing_note_at (scene, before.x + 20, before.y + 20);
      g_assert_cmpstr (hit, ==, id);
      mc_board_execute (board, mc_editing_move_notes_command (board, layout, scene, ids, 6, 3));

      g_clear_pointer (&scene, mc_scene_unref);
      scene = mc_layout_build (layout, board, &options);
      g_assert_true (mc_layout_get_note_rect (layout, id, &after));

      /* Redraw only what the move damaged (old ∪ new, with a margin for
       * the note's shadow), as the canvas does. */
      mc_rect_union (&before, &after, &damage);
      damage.x -= 8;
      damage.y -= 8;
      damage.width += 16;
      damage.height += 16;

      cr = cairo_create (surface);
      fit_transform (cr, &bounds, 1920, 1080);
      cairo_rectangle (cr, damage.x, damage.y, damage.width, damage.height);
      cairo_clip (cr);
      mc_render_scene (cr, scene, &damage);
      cairo_surface_flush (surface);
      cairo_destroy (cr);

      frames[frame] = mc_bench_now_ms () - t0;
    }

  g_print ("drag_frame_ms: %.2f\n", mc_bench_median (frames, N_FRAMES));
  cairo_surface_destroy (surface);
}

static void
bench_load_save (void)
{
  g_autoptr(McBoard) board = mc_test_grid_board_new (10000);
  gsize length = 0;
  g_autofree char *data = mc_board_to_data (board, &length);
  double load[5], plain_load[5], save[5], plain_save[5];

  for (guint i = 0; i < G_N_ELEMENTS (load); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(McBoard) loaded = NULL;
      g_autofree char *saved = NULL;
      g_autofree char *plain = NULL;
      double t0;

      t0 = mc_bench_now_ms ();
      json_parser_load_from_data (parser, data, length, &error);
      plain_load[i] = mc_bench_now_ms () - t0;
      g_assert_no_error (error);

      t0 = mc_bench_now_ms ();
      loaded = mc_board_load_from_data (data, length, "bench", MC_BOARD_LOAD_NONE, &error);
      load[i] = mc_bench_now_ms () - t0;
      g_assert_no_error (error);
      g_assert_cmpuint (mc_board_get_n_notes (loaded), ==, 10000);

      json_generator_set_root (generator, json_parser_get_root (parser));
      json_generator_set_pretty (generator, TRUE);
      t0 = mc_bench_now_ms ();
      plain = json_generator_to_data (generator, NULL);
      plain_save[i] = mc_bench_now_ms () - t0;

      t0 = mc_bench_now_ms ();
      saved = mc_board_to_data (loaded, NULL);
      save[i] = mc_bench_now_ms () - t0;
    }

  {
    double l = mc_bench_median (load, G_N_ELEMENTS (load));
    double pl = mc_bench_median (plain_load, G_N_ELEMENTS (load));
    double s = mc_bench_median (save, G_N_ELEMENTS (save));
    double ps = mc_bench_median (plain_save, G_N_ELEMENTS (save));

    g_print ("load_10k_ms: %.2f\n", l);
    g_print ("load_10k_json_glib_ms: %.2f\n", pl);
    g_print ("load_ratio: %.3f\n", l / pl);
    g_print ("save_10k_ms: %.2f\n", s);
    g_print ("save_10k_json_glib_ms: %.2f\n", ps);
    g_print ("save_ratio: %.3f\n", s / ps);
  }
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

typedef struct
{
  double   last_tick;
  double   longest_gap;
  gboolean done;
} SaveStall;

static gboolean
on_save_tick (gpointer user_data)
{
  SaveStall *stall = user_data;
  double now = mc_bench_now_ms ();

  stall->longest_gap = MAX (stall->longest_gap, now - stall->last_tick);
  stall->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
on_bench_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveStall *stall = user_data;
  g_autoptr(GError) error = NULL;

  if (!mc_document_save_finish (MC_DOCUMENT (source), result, &error))
    g_error ("saving the bench board: %s", error->message);
  on_save_tick (stall);
  stall->done = TRUE;
}

static void
bench_save_main_thread (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("mc-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmp, "board.missiecanvas", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(McBoard) board = mc_test_grid_board_new (10000);
  g_autoptr(McDocument) document = mc_document_new (board);
  double stalls[5], calls[5], cpu[5];

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (stalls); i++)
    {
      SaveStall stall = { 0, 0, FALSE };
      guint tick_id;
      double t0, c0;

      tick_id = g_timeout_add (1, on_save_tick, &stall);
      c0 = thread_cpu_ms ();
      stall.last_tick = t0 = mc_bench_now_ms ();
      mc_document_save_async (document, i == 0 ? file : NULL, MC_DOCUMENT_SAVE_NONE,
                              NULL, on_bench_saved, &stall);
      cpu[i] = thread_cpu_ms () - c0;
      calls[i] = mc_bench_now_ms () - t0;
      stall.longest_gap = MAX (stall.longest_gap, calls[i]);
      while (!stall.done)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (tick_id);
      stalls[i] = stall.longest_gap;
    }
  g_print ("save_main_thread_10k_ms: %.2f\n", mc_bench_median (stalls, G_N_ELEMENTS (stalls)));
  g_print ("save_call_10k_ms: %.2f\n", mc_bench_median (calls, G_N_ELEMENTS (calls)));
  g_print ("save_call_10k_cpu_ms: %.2f\n", mc_bench_median (cpu, G_N_ELEMENTS (cpu)));

  g_clear_object (&document);
  g_unlink (path);
  g_unlink (backup);
  g_rmdir (tmp);
}

static void
bench_export (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  double pdf[5], png[5], wide[3], reports[3];
  McExportOptions options;
  const char *figure_id;

  g_assert_nonnull (board);
  /* A typical journal figure: one of the 1000-unit kinds, with its notes.
   * The 4360-unit CIMO band is timed separately below. */
  figure_id = "boundary-crossing";
  g_assert_nonnull (mc_board_get_figure (board, figure_id));
  mc_export_options_init (&options, mc_board_get_language (board));
  options.scope = MC_EXPORT_SCOPE_FIGURE;
  options.figure_id = figure_id;

  for (guint i = 0; i < G_N_ELEMENTS (pdf); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      double t0 = mc_bench_now_ms ();

      bytes = mc_export_to_bytes (board, &options, MC_EXPORT_FORMAT_PDF, &error);
      pdf[i] = mc_bench_now_ms () - t0;
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);

      g_clear_pointer (&bytes, g_bytes_unref);
      t0 = mc_bench_now_ms ();
      bytes = mc_export_to_bytes (board, &options, MC_EXPORT_FORMAT_PNG, &error);
      png[i] = mc_bench_now_ms () - t0;
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
    }

  options.figure_id = "cimo";
  for (guint i = 0; i < G_N_ELEMENTS (wide); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      double t0 = mc_bench_now_ms ();

      bytes = mc_export_to_bytes (board, &options, MC_EXPORT_FORMAT_PNG, &error);
      wide[i] = mc_bench_now_ms () - t0;
      g_assert_no_error (error);
    }

  tmp = g_dir_make_tmp ("mc-bench-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (tmp);
  report = g_file_get_child (dir, "report.pdf");
  mc_export_options_init (&options, mc_board_get_language (board));
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      double t0 = mc_bench_now_ms ();

      if (!mc_export_session_report (board, &options, report, &error))
        g_error ("session report: %s", error->message);
      reports[i] = mc_bench_now_ms () - t0;
      g_file_delete (report, NULL, NULL);
    }
  g_file_delete (dir, NULL, NULL);

  g_print ("export_figure_ms: %.2f\n", mc_bench_median (pdf, G_N_ELEMENTS (pdf)));
  g_print ("export_figure_png_ms: %.2f\n", mc_bench_median (png, G_N_ELEMENTS (png)));
  g_print ("export_cimo_png_ms: %.2f\n", mc_bench_median (wide, G_N_ELEMENTS (wide)));
  g_print ("export_report_ms: %.2f\n", mc_bench_median (reports, G_N_ELEMENTS (reports)));
}

static const char *program_path;

static double
export_process_ms (const char *board_path,
                   const char *out_path,
                   double     *cpu)
{
  g_autofree char *binary = g_strdup (g_getenv ("MC_BENCH_BINARY"));
  g_autoptr(GError) error = NULL;
  /* The widest page the command line allows: there every note of the
   * bench board shows its text whole, so the export is drawn, not refused. */
  const char *argv[] = { NULL, board_path, "--export", out_path, "--width-mm", "5000", NULL };
  int status = 0;
  double t0;

  if (binary == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (program_path);

      binary = g_build_filename (dir, "..", "..", "src", "missiecanvas", NULL);
    }
  argv[0] = binary;
  *cpu = mc_bench_cpu_ms (RUSAGE_CHILDREN);
  t0 = mc_bench_now_ms ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    g_error ("%s: %s", binary, error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s --export: %s", binary, error->message);
  *cpu = mc_bench_cpu_ms (RUSAGE_CHILDREN) - *cpu;
  return mc_bench_now_ms () - t0;
}

static double
export_board_ms (McBoard *board,
                 double  *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  McExportOptions options;
  double t0;

  /* The whole board on the widest page allowed, as export_process_ms()
   * (narrower, some notes could not show their text and it is refused). */
  mc_export_options_init (&options, mc_board_get_language (board));
  options.width_mm = 5000;
  *cpu = mc_bench_cpu_ms (RUSAGE_SELF);
  t0 = mc_bench_now_ms ();
  bytes = mc_export_to_bytes (board, &options, MC_EXPORT_FORMAT_PDF, &error);
  *cpu = mc_bench_cpu_ms (RUSAGE_SELF) - *cpu;
  /* A board too tall for one PDF page is refused, in bounded time: the
   * figure is the time until that answer. */
  if (bytes == NULL)
    g_printerr ("export of %u notes refused: %s\n", mc_board_get_n_notes (board), error->message);
  return mc_bench_now_ms () - t0;
}

static double
report_board_ms (McBoard *board,
                 GFile   *out)
{
  g_autoptr(GError) error = NULL;
  McExportOptions options;
  double t0;

  mc_export_options_init (&options, mc_board_get_language (board));
  t0 = mc_bench_now_ms ();
  if (!mc_export_session_report (board, &options, out, &error))
    g_error ("session report: %s", error->message);
  return mc_bench_now_ms () - t0;
}

static void
bench_export_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("mc-bench-XXXXXX", &error);
  g_autofree char *board_path = g_build_filename (tmp, "board.missiecanvas", NULL);
  g_autofree char *out_path = g_build_filename (tmp, "out.pdf", NULL);
  g_autoptr(McBoard) board = mc_test_region_board_new (1000);
  g_autoptr(GFile) file = g_file_new_for_path (board_path);
  g_autoptr(GFile) report = NULL;
  double process = G_MAXDOUBLE;
  double process_cpu = G_MAXDOUBLE;
  double t0, report_ms, cpu;

  g_assert_no_error (error);
  if (!mc_board_save_to_file (board, file, &error))
    g_error ("saving the bench board: %s", error->message);
  for (guint i = 0; i < 3; i++)
    {
      process = MIN (process, export_process_ms (board_path, out_path, &cpu));
      process_cpu = MIN (process_cpu, cpu);
    }
  g_print ("export_1k_process_ms: %.0f\n", process);
  g_print ("export_1k_process_cpu_ms: %.0f\n", process_cpu);

  report = g_file_new_for_path (out_path);
  g_print ("export_report_1k_ms: %.0f\n", report_ms = report_board_ms (board, report));

  g_clear_object (&board);
  board = mc_test_region_board_new (10000);
  /* Linear in the notes: 10× the notes, about 10× the time. */
  t0 = report_board_ms (board, report);
  g_print ("export_report_10k_ms: %.0f\n", t0);
  g_print ("export_report_10k_over_1k: %.1f\n", t0 / report_ms);
  g_print ("export_10k_pdf_ms: %.0f\n", export_board_ms (board, &cpu));
  g_print ("export_10k_pdf_cpu_ms: %.0f\n", cpu);
  /* The whole process on the 10,000-note board, on every core and on one:
   * what mc_parallel_for() gains where cores are free. */
  if (!mc_board_save_to_file (board, file, &error))
    g_error ("saving the bench board: %s", error->message);
  g_print ("export_10k_process_ms: %.0f\n", export_process_ms (board_path, out_path, &cpu));
  g_print ("export_10k_process_cpu_ms: %.0f\n", cpu);
  g_setenv ("MC_THREADS", "1", TRUE);
  g_print ("export_10k_process_one_thread_ms: %.0f\n", export_process_ms (board_path, out_path, &cpu));
  g_print ("export_10k_process_one_thread_cpu_ms: %.0f\n", cpu);
  g_unsetenv ("MC_THREADS");
  g_clear_object (&board);
  board = mc_test_region_board_new (100000);
  g_print ("export_100k_pdf_ms: %.0f\n", export_board_ms (board, &cpu));
  g_print ("export_100k_pdf_cpu_ms: %.0f\n", cpu);

  g_unlink (out_path);
  g_unlink (board_path);
  g_rmdir (tmp);
}

/* The floor for a whole-board PDF: the texts of the board's scene drawn
 * with plain pango and cairo, each laid out once at the size the export
 * found (shaped once, no fitting), the other items as filled rectangles,
 * on 5000 mm wide pages within PDF's 14,400 pt, compressed by cairo as
 * the export's are. Only the drawing is timed, not the layout. */
static double
export_floor_cpu_ms (McBoard *board)
{
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) scene = NULL;
  McViewOptions options;
  McRect bounds;
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width = 5000 / 25.4 * 72;
  double scale, page_height, cpu;
  guint n_pages;

  mc_view_options_init (&options, mc_board_get_language (board));
  scene = mc_layout_build (layout, board, &options);
  mc_scene_get_bounds (scene, &bounds);
  scale = page_width / bounds.width;
  page_height = MIN (14000, bounds.height * scale);
  n_pages = (guint) ceil (bounds.height * scale / page_height);

  cpu = mc_bench_cpu_ms (RUSAGE_SELF);
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, page_width, page_height);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      McRect visible = { bounds.x, bounds.y + page * page_height / scale,
                         bounds.width, page_height / scale };

      cairo_save (cr);
      cairo_scale (cr, scale, scale);
      cairo_translate (cr, -visible.x, -visible.y);
      for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
        {
          const McSceneItem *item = mc_scene_get_item (scene, i);

          if (!mc_rect_intersects (&item->bounds, &visible))
            continue;
          if (item->kind == MC_ITEM_TEXT)
            {
              const PangoFontDescription *desc = pango_layout_get_font_description (item->layout);
              g_autoptr(PangoLayout) text = pango_layout_new (pango_layout_get_context (item->layout));

              pango_layout_set_font_description (text, desc);
              pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
              pango_layout_set_width (text, pango_layout_get_width (item->layout));
              pango_layout_set_text (text, pango_layout_get_text (item->layout), -1);
              cairo_set_source_rgb (cr, 0, 0, 0);
              cairo_move_to (cr, item->x, item->y);
              pango_cairo_show_layout (cr, text);
            }
          else if (item->kind == MC_ITEM_PATH && item->has_fill)
            {
              cairo_set_source_rgba (cr, item->fill.red, item->fill.green, item->fill.blue,
                                     item->fill.alpha);
              cairo_rectangle (cr, item->bounds.x, item->bounds.y,
                               item->bounds.width, item->bounds.height);
              cairo_fill (cr);
            }
        }
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return mc_bench_cpu_ms (RUSAGE_SELF) - cpu;
}

static void
bench_floor (void)
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  static const char *names[] = { "1k", "10k", "100k" };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(McBoard) board = mc_test_region_board_new (sizes[i]);

      g_print ("export_floor_%s_cpu_ms: %.0f\n", names[i], export_floor_cpu_ms (board));
    }
}

static gboolean
wanted (int         argc,
        char       *argv[],
        const char *name)
{
  if (argc < 2)
    return TRUE;
  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], name) == 0)
      return TRUE;
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  mc_core_ensure_resources ();
  program_path = argv[0];

  if (argc == 4 && g_strcmp0 (argv[1], "board") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McBoard) board = mc_test_region_board_new ((guint) g_ascii_strtoull (argv[2], NULL, 10));
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[3]);

      if (!mc_board_save_to_file (board, file, &error))
        g_error ("%s: %s", argv[3], error->message);
      return 0;
    }

  if (wanted (argc, argv, "redraw"))
    bench_redraw ();
  if (wanted (argc, argv, "drag"))
    bench_drag ();
  if (wanted (argc, argv, "load-save"))
    {
      bench_load_save ();
      bench_save_main_thread ();
    }
  if (wanted (argc, argv, "export"))
    bench_export ();
  if (wanted (argc, argv, "export-scale"))
    bench_export_scale ();
  if (wanted (argc, argv, "floor"))
    bench_floor ();
  return 0;
}
