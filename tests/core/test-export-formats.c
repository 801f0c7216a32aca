/* test-export-formats.c — what a figure export keeps: the chosen language,
 * the font floor, the PNG's size and transparency, the print theme in gray,
 * and errors that leave no file behind
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "mc-board.h"
#include "mc-templates.h"
#include "mc-catalog.h"
#include "mc-export.h"
#include "mc-figure-kind.h"
#include "mc-outline.h"
#include "mc-test-util.h"

#include "export-fixture.h"

/* The chosen language reaches the PDF. */
static void
test_language (void)
{
  g_autoptr(McBoard) board = board_with_notes ("model", MC_LANGUAGE_NL, "Notitie");
  McCatalog *catalog = mc_catalog_get_default ();
  const McRegionInfo *region = mc_catalog_get_region (catalog, "boundary-crossing", "coordination");
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "bc.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  McExportOptions options;

  for (McLanguage lang = MC_LANGUAGE_NL; lang < MC_N_LANGUAGES; lang++)
    {
      g_autofree char *text = NULL;
      g_autofree char *norm = NULL;
      g_autofree char *want = normalize (mc_region_info_get_label (region, lang));
      g_autofree char *other = normalize (mc_region_info_get_label (region, 1 - lang));

      mc_export_options_init (&options, lang);
      options.scope = MC_EXPORT_SCOPE_FIGURE;
      options.figure_id = "boundary-crossing";
      g_assert_true (mc_export_to_file (board, &options, file, &error));
      g_assert_no_error (error);
      text = run_tool (argv);
      norm = normalize (text);
      g_assert_nonnull (strstr (norm, want));
      g_assert_null (strstr (norm, other));
    }
  mc_test_remove_tree (dir);
}

/* Font floor: at 84 mm no text is smaller than 7 pt. */
static void
test_font_floor (void)
{
  g_autoptr(McBoard) board = board_with_notes ("model", MC_LANGUAGE_NL, "Een nogal lange notitie met veel woorden erin voor");
  const char * const *kinds = mc_figure_kind_list ();

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      g_autoptr(McScene) scene = NULL;
      g_autoptr(GError) error = NULL;
      McExportOptions options;
      McRect content;
      double ppu;
      double smallest = G_MAXDOUBLE;

      mc_export_options_init (&options, MC_LANGUAGE_NL);
      options.scope = MC_EXPORT_SCOPE_FIGURE;
      options.figure_id = kinds[k];
      options.width_mm = MC_EXPORT_SINGLE_COLUMN_MM;
      options.questions = MC_QUESTIONS_INLINE;
      options.theme = MC_THEME_PRINT;

      scene = mc_export_build_scene (board, &options, &content, &ppu, &error);
      g_assert_no_error (error);
      /* 84 mm minus the margins spans the content. */
      g_assert_cmpfloat (fabs (content.width * ppu - (84 - 2 * options.margin_mm) * 72 / 25.4), <, 0.01);

      for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
        {
          const McSceneItem *item = mc_scene_get_item (scene, i);
          double size;

          if (item->kind != MC_ITEM_TEXT)
            continue;
          size = mc_export_layout_min_font_size (item->layout);
          if (size > 0)
            smallest = MIN (smallest, size * ppu);
          if (size > 0 && size * ppu < 7.0 - 0.05)
            g_test_message ("  too small: %.2f pt, role %d: “%s”", size * ppu, item->role,
                            pango_layout_get_text (item->layout));
        }
      g_test_message ("%s at 84 mm: smallest text %.2f pt", kinds[k], smallest);
      g_assert_cmpfloat (smallest, >=, 7.0 - 0.05);
    }
}

/* PNG: size from DPI and width, transparent background, pHYs. */
static void
test_png_size (void)
{
  g_autoptr(McBoard) board = board_with_notes ("context", MC_LANGUAGE_NL, "Notitie");
  static const int dpis[] = { 150, 300, 600 };
  McExportOptions options;

  for (guint i = 0; i < G_N_ELEMENTS (dpis); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *dir = mc_test_make_tmp_dir ("mc-export-XXXXXX");
      g_autofree char *path = g_build_filename (dir, "f.png", NULL);
      cairo_surface_t *png;
      const guint8 *data;
      gsize len;

      mc_export_options_init (&options, MC_LANGUAGE_NL);
      options.scope = MC_EXPORT_SCOPE_FIGURE;
      options.figure_id = "context";
      options.width_mm = 84;
      options.notes = FALSE;  /* at one column its note cannot show its text */
      options.dpi = dpis[i];
      options.background = MC_EXPORT_BACKGROUND_TRANSPARENT;
      bytes = mc_export_to_bytes (board, &options, MC_EXPORT_FORMAT_PNG, &error);
      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, &len);
      g_assert_true (g_file_set_contents (path, (const char *) data, len, NULL));

      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) round (84 / 25.4 * dpis[i]));
      /* Transparent: the corner (margin) is empty. */
      cairo_surface_flush (png);
      g_assert_cmpuint (*(guint32 *) cairo_image_surface_get_data (png) >> 24, ==, 0);
      cairo_surface_destroy (png);

      /* The resolution is recorded (pixels per metre). */
      g_assert_cmpint (memcmp (data + 37, "pHYs", 4), ==, 0);
      {
        guint32 ppm = (data[41] << 24) | (data[42] << 16) | (data[43] << 8) | data[44];
        g_assert_cmpint (abs ((int) ppm - (int) round (dpis[i] / 0.0254)), <=, 1);
      }
      mc_test_remove_tree (dir);
    }

  /* An explicit pixel width wins. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *dir = mc_test_make_tmp_dir ("mc-export-XXXXXX");
    g_autofree char *path = g_build_filename (dir, "g.png", NULL);
    cairo_surface_t *png;

    options.width_mm = 0;
    options.width_px = 1200;
    options.dpi = 300;
    bytes = mc_export_to_bytes (board, &options, MC_EXPORT_FORMAT_PNG, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
    png = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1200);
    cairo_surface_destroy (png);
    mc_test_remove_tree (dir);
  }
}

/* The print theme survives grayscale: in the gray PNG, each region's
 * dominant gray differs from its neighbours'. */
static void
test_print_grayscale (void)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, NULL);
  const char * const *kinds = mc_figure_kind_list ();

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      g_autoptr(McScene) scene = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GHashTable) histograms = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(GPtrArray) regions = g_ptr_array_new ();
      g_autofree char *dir = mc_test_make_tmp_dir ("mc-export-XXXXXX");
      g_autofree char *path = g_build_filename (dir, "gray.png", NULL);
      McExportOptions options;
      McRect content;
      double ppu, px_per_unit, margin_px;
      cairo_surface_t *png;
      guint pairs = 0;
      int *grid;
      int *grays;
      int *modes;
      int grid_w, grid_h;
      guint *adjacent;

      mc_export_options_init (&options, MC_LANGUAGE_NL);
      options.scope = MC_EXPORT_SCOPE_FIGURE;
      options.figure_id = kinds[k];
      options.theme = MC_THEME_PRINT;
      options.notes = FALSE;
      options.width_px = 600;
      options.dpi = 150;

      scene = mc_export_build_scene (board, &options, &content, &ppu, &error);
      g_assert_no_error (error);
      bytes = mc_export_to_bytes (board, &options, MC_EXPORT_FORMAT_PNG, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
      png = cairo_image_surface_create_from_png (path);
      cairo_surface_flush (png);

      /* Page width in px is 600 (at dpi): the content spans 600 - 2 margins. */
      margin_px = options.margin_mm / 25.4 * options.dpi;
      px_per_unit = (600.0 - 2 * margin_px) / content.width;

      grid_w = 600 / 3 + 1;
      grid_h = cairo_image_surface_get_height (png) / 3 + 1;
      grid = g_new0 (int, grid_w * grid_h);
      grays = g_new0 (int, grid_w * grid_h);
      for (int y = 0; y < cairo_image_surface_get_height (png); y += 3)
        for (int x = 0; x < 600; x += 3)
          {
            const McSceneItem *hit = mc_scene_hit_test (scene, content.x + (x + 0.5 - margin_px) / px_per_unit,
                                                        content.y + (y + 0.5 - margin_px) / px_per_unit,
                                                        1 << MC_ROLE_REGION);
            guint32 pixel = ((guint32 *) (cairo_image_surface_get_data (png) + y * cairo_image_surface_get_stride (png)))[x];
            int gray;
            guint *hist;
            guint index;

            grid[(y / 3) * grid_w + x / 3] = -1;
            if (hit == NULL || hit->id == NULL)
              continue;
            /* ITU-R BT.601 luma, as a grayscale conversion would. */
            gray = (int) round (0.299 * ((pixel >> 16) & 0xff) + 0.587 * ((pixel >> 8) & 0xff) + 0.114 * (pixel & 0xff));
            hist = g_hash_table_lookup (histograms, hit->id);
            if (hist == NULL)
              {
                hist = g_new0 (guint, 256);
                g_hash_table_insert (histograms, hit->id, hist);
                g_ptr_array_add (regions, (gpointer) hit);
              }
            hist[gray]++;
            g_assert_true (g_ptr_array_find (regions, hit, &index));
            grid[(y / 3) * grid_w + x / 3] = index;
            grays[(y / 3) * grid_w + x / 3] = gray;
          }
      cairo_surface_destroy (png);

      /* Each region's dominant gray; samples far from it (text, a hub
       * drawn over the region's hit area) count as gaps. */
      modes = g_new0 (int, regions->len);
      for (guint r = 0; r < regions->len; r++)
        {
          guint *hist = g_hash_table_lookup (histograms, ((const McSceneItem *) regions->pdata[r])->id);

          for (int g = 0; g < 256; g++)
            if (hist[g] > hist[modes[r]])
              modes[r] = g;
        }
      for (int c = 0; c < grid_w * grid_h; c++)
        if (grid[c] >= 0 && abs (grays[c] - modes[grid[c]]) > 10)
          grid[c] = -1;

      /* Neighbours: regions met within a few samples of each other, right
       * or down (across a thin outline or a narrow gap). */
      adjacent = g_new0 (guint, regions->len * regions->len);
      for (int gy = 0; gy < grid_h; gy++)
        for (int gx = 0; gx < grid_w; gx++)
          {
            int a = grid[gy * grid_w + gx];

            if (a < 0)
              continue;
            /* From a region's edge, across at most a narrow gap of
             * no region, to the first other region. */
            for (int axis = 0; axis < 2; axis++)
              for (int d = 1; d <= 12; d++)
                {
                  int nx = axis == 0 ? gx + d : gx;
                  int ny = axis == 0 ? gy : gy + d;
                  int b;

                  if (nx >= grid_w || ny >= grid_h)
                    break;
                  b = grid[ny * grid_w + nx];
                  if (b == a)
                    break;
                  if (b >= 0)
                    {
                      adjacent[a * regions->len + b]++, adjacent[b * regions->len + a]++;
                      break;
                    }
                }
          }

      for (guint a = 0; a < regions->len; a++)
        for (guint b = a + 1; b < regions->len; b++)
          {
            const McSceneItem *ra = regions->pdata[a];
            const McSceneItem *rb = regions->pdata[b];
            guint *ha = g_hash_table_lookup (histograms, ra->id);
            guint *hb = g_hash_table_lookup (histograms, rb->id);
            int mode_a = 0, mode_b = 0;

            /* A shared border, not wedge tips meeting under a hub. */
            if (adjacent[a * regions->len + b] < 5)
              continue;
            for (int g = 0; g < 256; g++)
              {
                if (ha[g] > ha[mode_a])
                  mode_a = g;
                if (hb[g] > hb[mode_b])
                  mode_b = g;
              }
            pairs++;
            if (abs (mode_a - mode_b) < 6)
              g_error ("%s: neighbouring regions %s and %s have the same gray %d/%d",
                       kinds[k], ra->id, rb->id, mode_a, mode_b);
          }
      g_free (grid);
      g_free (grays);
      g_free (modes);
      g_free (adjacent);
      g_test_message ("%s: %u regions, %u neighbouring pairs differ in gray", kinds[k], regions->len, pairs);
      g_assert_cmpuint (regions->len, >=, 2);
      g_assert_cmpuint (pairs, >=, 1);
      mc_test_remove_tree (dir);
    }
}

/* Errors leave no file behind and keep an existing one. */
static void
test_errors_atomic (void)
{
  g_autoptr(McBoard) board = board_with_notes ("model", MC_LANGUAGE_NL, "Notitie");
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-export-XXXXXX");
  g_autofree char *missing_dir = g_build_filename (dir, "does-not-exist", "x.pdf", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.pdf", NULL);
  g_autofree char *unknown = g_build_filename (dir, "x.docx", NULL);
  g_autoptr(GFile) f1 = g_file_new_for_path (missing_dir);
  g_autoptr(GFile) f2 = g_file_new_for_path (kept);
  g_autoptr(GFile) f3 = g_file_new_for_path (unknown);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  McExportOptions options;

  mc_export_options_init (&options, MC_LANGUAGE_NL);

  g_assert_false (mc_export_to_file (board, &options, f1, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE);
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  g_assert_false (mc_export_to_file (board, &options, f3, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  options.scope = MC_EXPORT_SCOPE_FIGURE;
  options.figure_id = "no-such-figure";
  g_assert_false (mc_export_to_file (board, &options, f2, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_UNKNOWN_FIGURE);
  g_clear_error (&error);

  options.figure_id = "cimo";
  options.width_mm = 2;
  g_assert_false (mc_export_to_file (board, &options, f2, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  /* Only the file we made ourselves: no temporaries left over. */
  g_assert_cmpuint (mc_test_count_files (dir), ==, 1);
  mc_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();

  g_test_add_func ("/mc/export/language", test_language);
  g_test_add_func ("/mc/export/font-floor", test_font_floor);
  g_test_add_func ("/mc/export/png-size", test_png_size);
  g_test_add_func ("/mc/export/print-grayscale", test_print_grayscale);
  g_test_add_func ("/mc/export/errors-atomic", test_errors_atomic);

  return g_test_run ();
}
