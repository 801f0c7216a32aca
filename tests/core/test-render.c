/* test-render.c — golden images of every figure kind × theme
 *
 * Each kind is rendered 800 px wide in Dutch and compared with
 * tests/golden/<kind>-<theme>.png: at most 0.5 % of the pixels may differ
 * by more than 24/255 in a channel (antialiasing noise, not a change).
 * On a mismatch the actual image and a diff are written to the build
 * directory and named in the failure. tools/update-goldens regenerates
 * the goldens: it runs this program with MC_UPDATE_GOLDENS=<dir>.
 */
#include "config.h"

#include <string.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "mc-catalog.h"
#include "mc-figure-kind.h"
#include "mc-layout.h"
#include "mc-render-cairo.h"
#include "mc-text.h"
#include "mc-test-util.h"
#include "mc-theme.h"

#define GOLDEN_WIDTH   800
#define CHANNEL_SLACK  24
#define MAX_BAD_SHARE  0.005

typedef struct
{
  const char  *kind;
  McThemeKind  theme;
} RenderCase;

static cairo_surface_t *
render (const RenderCase *rc)
{
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  const McFigureKindClass *klass = mc_figure_kind_lookup (rc->kind);
  g_autoptr(McScene) scene = NULL;
  McViewOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  int height;

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  options.theme = rc->theme;
  scene = mc_layout_build_kind (layout, rc->kind, GOLDEN_WIDTH, &options);

  height = (int) (GOLDEN_WIDTH * klass->natural_height / klass->natural_width + 0.5);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, GOLDEN_WIDTH, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  mc_render_scene (cr, scene, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static char *
golden_name (const RenderCase *rc)
{
  return g_strdup_printf ("%s-%s.png", rc->kind, mc_theme_kind_to_string (rc->theme));
}

/* Counts pixels that differ beyond the slack and paints them red in diff. */
static guint
compare (cairo_surface_t *actual,
         cairo_surface_t *golden,
         cairo_surface_t *diff)
{
  int width = cairo_image_surface_get_width (actual);
  int height = cairo_image_surface_get_height (actual);
  int stride_a = cairo_image_surface_get_stride (actual);
  int stride_g = cairo_image_surface_get_stride (golden);
  int stride_d = cairo_image_surface_get_stride (diff);
  const guchar *a = cairo_image_surface_get_data (actual);
  const guchar *g = cairo_image_surface_get_data (golden);
  guchar *d = cairo_image_surface_get_data (diff);
  guint bad = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint32 pa = *(const guint32 *) (a + y * stride_a + 4 * x);
        const guint32 pg = *(const guint32 *) (g + y * stride_g + 4 * x);
        guint32 *pd = (guint32 *) (d + y * stride_d + 4 * x);
        int worst = 0;

        for (int shift = 0; shift < 24; shift += 8)
          worst = MAX (worst, ABS ((int) ((pa >> shift) & 0xff) - (int) ((pg >> shift) & 0xff)));

        if (worst > CHANNEL_SLACK)
          {
            bad++;
            *pd = 0xffff0000;
          }
        else
          {
            /* The golden, faded, so the red stands out. */
            guint grey = (((pg >> 16) & 0xff) + ((pg >> 8) & 0xff) + (pg & 0xff)) / 3;

            grey = 200 + grey * 55 / 255;
            *pd = 0xff000000 | (grey << 16) | (grey << 8) | grey;
          }
      }

  cairo_surface_mark_dirty (diff);
  return bad;
}

static void
test_golden (gconstpointer data)
{
  const RenderCase *rc = data;
  g_autofree char *name = golden_name (rc);
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "golden", name, NULL);
  cairo_surface_t *actual = render (rc);
  cairo_surface_t *golden = NULL;
  cairo_surface_t *diff = NULL;
  guint bad, total;

  golden = cairo_image_surface_create_from_png (golden_path);
  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    {
      g_test_fail_printf ("no golden image %s (run tools/update-goldens)", golden_path);
      goto out;
    }

  if (cairo_image_surface_get_width (golden) != cairo_image_surface_get_width (actual) ||
      cairo_image_surface_get_height (golden) != cairo_image_surface_get_height (actual))
    {
      g_autofree char *actual_path = g_test_build_filename (G_TEST_BUILT, "render-actual", name, NULL);
      g_autofree char *dir = g_path_get_dirname (actual_path);

      g_mkdir_with_parents (dir, 0755);
      cairo_surface_write_to_png (actual, actual_path);
      g_test_fail_printf ("%s: size %d×%d, golden %d×%d; actual image: %s", name,
                          cairo_image_surface_get_width (actual),
                          cairo_image_surface_get_height (actual),
                          cairo_image_surface_get_width (golden),
                          cairo_image_surface_get_height (golden), actual_path);
      goto out;
    }

  /* Compare in one pixel format whatever the PNG held. */
  if (cairo_image_surface_get_format (golden) != CAIRO_FORMAT_RGB24)
    {
      cairo_surface_t *flat = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                          cairo_image_surface_get_width (golden),
                                                          cairo_image_surface_get_height (golden));
      cairo_t *cr = cairo_create (flat);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_surface (cr, golden, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (golden);
      golden = flat;
    }

  diff = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                     cairo_image_surface_get_width (actual),
                                     cairo_image_surface_get_height (actual));
  cairo_surface_flush (golden);
  cairo_surface_flush (diff);
  bad = compare (actual, golden, diff);
  total = (guint) (cairo_image_surface_get_width (actual) * cairo_image_surface_get_height (actual));
  g_test_message ("%s: %u of %u pixels differ", name, bad, total);

  if (bad > total * MAX_BAD_SHARE)
    {
      g_autofree char *actual_path = g_test_build_filename (G_TEST_BUILT, "render-actual", name, NULL);
      g_autofree char *diff_name = NULL;
      g_autofree char *diff_path = NULL;
      g_autofree char *dir = g_path_get_dirname (actual_path);

      diff_name = g_strdup_printf ("%s-%s-diff.png", rc->kind, mc_theme_kind_to_string (rc->theme));
      diff_path = g_test_build_filename (G_TEST_BUILT, "render-actual", diff_name, NULL);
      g_mkdir_with_parents (dir, 0755);
      cairo_surface_write_to_png (actual, actual_path);
      cairo_surface_write_to_png (diff, diff_path);
      g_test_fail_printf ("%s: %u of %u pixels (%.2f %%) differ from the golden by more than "
                          "%d/255; actual: %s, diff: %s (tools/update-goldens if the change "
                          "is wanted)", name, bad, total, 100.0 * bad / total, CHANNEL_SLACK,
                          actual_path, diff_path);
    }

out:
  g_clear_pointer (&diff, cairo_surface_destroy);
  g_clear_pointer (&golden, cairo_surface_destroy);
  cairo_surface_destroy (actual);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  cairo_surface_flush (surface);
  return *(const guint32 *) (cairo_image_surface_get_data (surface) +
                             y * cairo_image_surface_get_stride (surface) + 4 * x);
}

static cairo_surface_t *
render_scene (McScene      *scene,
              const McRect *clip)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 100);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  mc_render_scene (cr, scene, clip);
  cairo_destroy (cr);
  return surface;
}

static void
test_clip_and_opacity (void)
{
  g_autoptr(McScene) scene = mc_scene_new ();
  g_autoptr(McPath) left = mc_path_new ();
  g_autoptr(McPath) right = mc_path_new ();
  g_autoptr(McPath) ring = mc_path_new ();
  McRect left_rect = { 0, 0, 40, 40 };
  McRect right_rect = { 60, 0, 40, 40 };
  McRect clip = { 50, 0, 50, 100 };
  McColor black = { 0, 0, 0, 1 };
  cairo_surface_t *all, *clipped;

  mc_path_rectangle (left, &left_rect);
  mc_path_rectangle (right, &right_rect);
  mc_path_circle (ring, 50, 75, 20);
  mc_path_circle (ring, 50, 75, 10);

  mc_scene_add_path (scene, MC_ROLE_DECORATION, left, &black, NULL, 0, MC_LINE_SOLID);
  mc_scene_begin_group (scene, MC_ROLE_FIGURE, "half", NULL, NULL);
  mc_scene_set_group_opacity (scene, 0.5);
  mc_scene_add_path (scene, MC_ROLE_DECORATION, right, &black, NULL, 0, MC_LINE_SOLID);
  mc_scene_end_group (scene);
  mc_scene_add_path (scene, MC_ROLE_DECORATION, ring, &black, NULL, 0, MC_LINE_SOLID);

  all = render_scene (scene, NULL);
  g_assert_cmphex (pixel_at (all, 20, 20) & 0xffffff, ==, 0x000000);
  /* Half-transparent group: mid gray, not black. */
  g_assert_cmpint ((int) (pixel_at (all, 80, 20) & 0xff), >, 100);
  g_assert_cmpint ((int) (pixel_at (all, 80, 20) & 0xff), <, 150);
  /* Rings are filled even-odd: a hole in the middle. */
  g_assert_cmphex (pixel_at (all, 50, 75) & 0xffffff, ==, 0xffffff);
  g_assert_cmphex (pixel_at (all, 50, 60) & 0xffffff, ==, 0x000000);

  /* Items outside the clip are not drawn at all. */
  clipped = render_scene (scene, &clip);
  g_assert_cmphex (pixel_at (clipped, 20, 20) & 0xffffff, ==, 0xffffff);
  g_assert_cmpint ((int) (pixel_at (clipped, 80, 20) & 0xff), <, 150);

  cairo_surface_destroy (all);
  cairo_surface_destroy (clipped);
}

static void
test_text (void)
{
  g_autoptr(McScene) scene = mc_scene_new ();
  McTextStyle style = { "Liberation Sans", 30, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                        PANGO_ALIGN_LEFT, 0 };
  g_autoptr(PangoLayout) layout = mc_text_layout_new ("HH", &style, -1);
  McColor ink = { 0, 0, 0, 1 };
  cairo_surface_t *surface;
  guint dark = 0;

  mc_scene_add_text (scene, MC_ROLE_LABEL, layout, 10, 10, &ink);
  surface = render_scene (scene, NULL);
  for (int y = 0; y < 100; y++)
    for (int x = 0; x < 100; x++)
      if ((pixel_at (surface, x, y) & 0xff) < 64)
        dark++;
  /* Two bold capitals at 30 px leave a few hundred dark pixels. */
  g_assert_cmpuint (dark, >, 150);
  cairo_surface_destroy (surface);
}

/* The goldens assume the pinned fonts; say so plainly when they are absent. */
static void
test_fonts (void)
{
  const char *families[] = { "Inter", "Liberation Sans" };

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      PangoFontDescription *desc = pango_font_description_from_string (families[i]);
      PangoFont *font = pango_context_load_font (mc_text_get_context (), desc);
      PangoFontDescription *got = font != NULL ? pango_font_describe (font) : NULL;

      g_assert_nonnull (got);
      if (g_strcmp0 (pango_font_description_get_family (got), families[i]) != 0)
        g_test_fail_printf ("font “%s” is not installed (got “%s”); install fonts-inter and "
                            "fonts-liberation2", families[i],
                            pango_font_description_get_family (got));

      pango_font_description_free (got);
      g_clear_object (&font);
      pango_font_description_free (desc);
    }
}

static int
update_goldens (const char *dir,
                GPtrArray  *cases)
{
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("cannot create %s\n", dir);
      return 1;
    }

  for (guint i = 0; i < cases->len; i++)
    {
      const RenderCase *rc = g_ptr_array_index (cases, i);
      g_autofree char *name = golden_name (rc);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      cairo_surface_t *surface = render (rc);
      cairo_status_t status = cairo_surface_write_to_png (surface, path);

      cairo_surface_destroy (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_printerr ("%s: %s\n", path, cairo_status_to_string (status));
          return 1;
        }
      g_print ("wrote %s\n", path);
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  const char * const *kinds;
  const char *update_dir;

  /* Keeps going after a mismatch, so one run names every changed image. */
  mc_test_init_keep_going (&argc, &argv);
  mc_core_ensure_resources ();

  kinds = mc_figure_kind_list ();
  /* The high-contrast variants draw the same geometry in another palette
   * (test-contrast, test-desktop): no goldens of their own. */
  for (guint i = 0; kinds[i] != NULL; i++)
    for (McThemeKind theme = 0; theme < MC_THEME_HIGH_CONTRAST; theme++)
      {
        RenderCase *rc = g_new0 (RenderCase, 1);

        rc->kind = kinds[i];
        rc->theme = theme;
        g_ptr_array_add (cases, rc);
      }

  update_dir = g_getenv ("MC_UPDATE_GOLDENS");
  if (update_dir != NULL && *update_dir != '\0')
    return update_goldens (update_dir, cases);

  g_test_add_func ("/mc/render/fonts", test_fonts);
  g_test_add_func ("/mc/render/clip-and-opacity", test_clip_and_opacity);
  g_test_add_func ("/mc/render/text", test_text);
  for (guint i = 0; i < cases->len; i++)
    {
      const RenderCase *rc = g_ptr_array_index (cases, i);
      g_autofree char *path = g_strdup_printf ("/mc/render/golden/%s/%s", rc->kind,
                                               mc_theme_kind_to_string (rc->theme));

      g_test_add_data_func (path, rc, test_golden);
    }

  return g_test_run ();
}
