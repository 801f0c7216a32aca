/* test-export-svg.c — the SVG writer, and every figure kind in every format
 *
 * SVG through xmllint and librsvg (parsed, rendered and compared with the
 * cairo rendering of the same scene), PDF through poppler (pdftotext,
 * pdffonts), PNG through cairo's reader.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "mc-board.h"
#include "mc-export.h"
#include "mc-figure-kind.h"
#include "mc-outline.h"
#include "mc-render-cairo.h"
#include "mc-svg-writer.h"
#include "mc-text.h"
#include "mc-test-util.h"

#include "export-fixture.h"

/* Every label and note text the scene draws (skipping ellipsized ones). */
static GPtrArray *
scene_texts (McScene *scene)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind != MC_ITEM_TEXT)
        continue;
      if (item->role != MC_ROLE_LABEL && item->role != MC_ROLE_NOTE_TEXT)
        continue;
      if (pango_layout_is_ellipsized (item->layout))
        continue;
      g_ptr_array_add (texts, g_strdup (pango_layout_get_text (item->layout)));
    }
  return texts;
}

/* The character data of every <text> element, concatenated. */
static char *
svg_text_content (const char *svg)
{
  GString *out = g_string_new (NULL);
  const char *p = svg;

  while ((p = strstr (p, "<text")) != NULL)
    {
      const char *end = strstr (p, "</text>");
      gboolean in_tag = FALSE;

      g_assert_nonnull (end);
      for (const char *c = p; c < end; c++)
        {
          if (*c == '<')
            in_tag = TRUE;
          else if (*c == '>')
            in_tag = FALSE;
          else if (!in_tag)
            g_string_append_c (out, *c);
        }
      g_string_append_c (out, '\n');
      p = end;
    }

  /* Undo the escaping the writer may have used. */
  {
    g_autofree char *s = g_string_free (out, FALSE);
    GString *plain = g_string_new (NULL);

    for (const char *c = s; *c != '\0'; c++)
      {
        if (g_str_has_prefix (c, "&amp;"))
          g_string_append_c (plain, '&'), c += 4;
        else if (g_str_has_prefix (c, "&lt;"))
          g_string_append_c (plain, '<'), c += 3;
        else if (g_str_has_prefix (c, "&gt;"))
          g_string_append_c (plain, '>'), c += 3;
        else if (g_str_has_prefix (c, "&quot;"))
          g_string_append_c (plain, '"'), c += 5;
        else if (g_str_has_prefix (c, "&apos;"))
          g_string_append_c (plain, '\''), c += 5;
        else
          g_string_append_c (plain, *c);
      }
    return g_string_free (plain, FALSE);
  }
}

/* SVG writer units */

static void
test_svg_escape (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *id1 = mc_svg_sanitize_id ("cimo/context");
  g_autofree char *id2 = mc_svg_sanitize_id ("note:5f0c7e2a-1b2c-4d3e-8f90-123456789abc");
  g_autofree char *id3 = mc_svg_sanitize_id ("2e figuur");

  mc_svg_append_escaped (out, "a<b & \"c\" 'd' > 🌱\x01\x08\x1f\tok\n");
  g_assert_cmpstr (out->str, ==, "a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt; 🌱\tok\n");

  g_string_truncate (out, 0);
  mc_svg_append_escaped (out, "bad \xff utf8");
  g_assert_true (g_utf8_validate (out->str, -1, NULL));

  g_assert_cmpstr (id1, ==, "cimo--context");
  g_assert_cmpstr (id2, ==, "note-5f0c7e2a-1b2c-4d3e-8f90-123456789abc");
  g_assert_cmpstr (id3, ==, "_2e_figuur");
}

static void
assert_svg_valid (const char *svg,
                  gsize       length,
                  const char *dir)
{
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = NULL;
  g_autofree char *path = g_build_filename (dir, "check.svg", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "xmllint", "--noout", path, NULL };

  g_file_set_contents (path, svg, length, &error);
  g_assert_no_error (error);
  out = run_tool (argv);

  handle = rsvg_handle_new_from_data ((const guint8 *) svg, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (handle);
  g_object_unref (handle);
  g_assert_null (strstr (svg, "xlink:href"));
  g_assert_null (strstr (svg, "href=\"http"));
}

/* Renders svg with librsvg and scene with cairo at the same size and
 * compares them pixel by pixel. */
static void
compare_svg_with_cairo (McScene      *scene,
                        const char   *svg,
                        gsize         length,
                        const McRect *view,
                        int           width)
{
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = rsvg_handle_new_from_data ((const guint8 *) svg, length, &error);
  int height = (int) ceil (width * view->height / view->width);
  cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  RsvgRectangle viewport = { 0, 0, width, width * view->height / view->width };
  cairo_t *cr;
  double total = 0;
  guint64 close = 0;
  guint64 n = 0;
  double mean;

  g_assert_no_error (error);

  cr = cairo_create (a);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / view->width, width / view->width);
  cairo_translate (cr, -view->x, -view->y);
  mc_render_scene (cr, scene, NULL);
  cairo_destroy (cr);

  cr = cairo_create (b);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        {
          int worst = 0;

          for (int shift = 0; shift < 24; shift += 8)
            {
              int d = abs ((int) ((ra[x] >> shift) & 0xff) - (int) ((rb[x] >> shift) & 0xff));

              total += d;
              worst = MAX (worst, d);
            }
          if (worst <= 48)
            close++;
          n++;
        }
    }
  mean = total / (3.0 * n);
  g_test_message ("svg vs cairo: mean abs difference %.2f/255, %.2f%% of pixels within 48",
                  mean, 100.0 * close / n);
  if (g_getenv ("MC_EXPORT_KEEP") != NULL)
    {
      cairo_surface_write_to_png (a, "/tmp/mc-cmp-cairo.png");
      cairo_surface_write_to_png (b, "/tmp/mc-cmp-rsvg.png");
    }
  g_assert_cmpfloat (mean, <, 4.0);
  g_assert_cmpfloat ((double) close / n, >=, 0.97);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  g_object_unref (handle);
}

static void
test_svg_hand_scene (void)
{
  g_autoptr(McScene) scene = mc_scene_new ();
  g_autoptr(McPath) region = mc_path_new ();
  g_autoptr(McPath) ring = mc_path_new ();
  g_autoptr(PangoLayout) label = NULL;
  g_autoptr(PangoLayout) note = NULL;
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-export-XXXXXX");
  g_autofree char *svg = NULL;
  g_autofree char *content = NULL;
  McColor fill = { 0.9, 0.8, 0.3, 1 }, ink = { 0.1, 0.1, 0.1, 1 }, half = { 0, 0.4, 0.7, 0.5 };
  McTextStyle style = { "Inter, Cantarell, sans-serif", 28, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                        PANGO_ALIGN_CENTER, 0 };
  McTextStyle note_style = { "Inter, Cantarell, sans-serif", 20, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                             PANGO_ALIGN_LEFT, 0 };
  McRect rect = { 20, 20, 460, 300 };
  McRect view = { 0, 0, 500, 400 };
  McSvgOptions options = { &view, 0, 84, NULL, "Hand <made> & \"tested\"" };
  gsize length;

  mc_path_rounded_rectangle (region, &rect, 16);
  mc_path_circle (ring, 250, 330, 50);
  mc_path_circle (ring, 250, 330, 25);

  mc_scene_begin_group (scene, MC_ROLE_REGION, "cimo/context", "Context & <vraagstuk>", region);
  mc_scene_add_path (scene, MC_ROLE_REGION, region, &fill, &ink, 3, MC_LINE_SOLID);
  label = mc_text_layout_new ("Vraagstuk-in-context & \"meer\" 🌱", &style, 400);
  mc_scene_add_text (scene, MC_ROLE_LABEL, label, 50, 40, &ink);
  mc_scene_begin_group (scene, MC_ROLE_NOTE, "note:0000-1111", "Een notitie", NULL);
  note = mc_text_layout_new ("Een lange notitie die over meerdere regels breekt, <met> tekens\nen een harde regel", &note_style, 260);
  mc_scene_add_text (scene, MC_ROLE_NOTE_TEXT, note, 60, 150, &ink);
  mc_scene_end_group (scene);
  mc_scene_end_group (scene);
  mc_scene_add_path (scene, MC_ROLE_DECORATION, ring, &half, NULL, 0, MC_LINE_SOLID);

  svg = mc_svg_write_scene (scene, &options, &length);
  g_assert_cmpuint (strlen (svg), ==, length);
  assert_svg_valid (svg, length, dir);

  g_assert_nonnull (strstr (svg, "viewBox=\"0 0 500 400\""));
  g_assert_nonnull (strstr (svg, "width=\"84mm\""));
  g_assert_nonnull (strstr (svg, "height=\"67.2mm\""));
  g_assert_nonnull (strstr (svg, "<g id=\"cimo--context\""));
  g_assert_nonnull (strstr (svg, "<g id=\"note-0000-1111\""));
  g_assert_nonnull (strstr (svg, "<title>Context &amp; &lt;vraagstuk&gt;</title>"));
  g_assert_nonnull (strstr (svg, "text-anchor=\"middle\""));
  g_assert_nonnull (strstr (svg, "font-weight=\"700\""));
  g_assert_nonnull (strstr (svg, "Inter, Cantarell, sans-serif"));
  g_assert_nonnull (strstr (svg, "fill-opacity=\"0.5\""));

  /* One tspan per line pango made: the note wraps into several. */
  {
    guint tspans = 0;
    int lines = pango_layout_get_line_count (label) + pango_layout_get_line_count (note);

    for (const char *p = svg; (p = strstr (p, "<tspan x=")) != NULL; p++)
      tspans++;
    g_assert_cmpint (pango_layout_get_line_count (note), >, 2);
    g_assert_cmpuint (tspans, ==, lines);
  }

  content = svg_text_content (svg);
  {
    g_autofree char *a = normalize (content);
    g_autofree char *b = normalize ("Vraagstuk-in-context & \"meer\" 🌱");
    g_autofree char *c = normalize ("Een lange notitie die over meerdere regels breekt, <met> tekens\nen een harde regel");

    g_assert_nonnull (strstr (a, b));
    g_assert_nonnull (strstr (a, c));
  }

  compare_svg_with_cairo (scene, svg, length, &view, 500);
  mc_test_remove_tree (dir);
}

/* Every figure kind in every format */

static void
check_kind (const char *kind,
            McLanguage  language,
            const char *dir)
{
  g_autoptr(McBoard) board = board_with_notes (kind, language, language == MC_LANGUAGE_EN ? "Answer for" : "Antwoord voor");
  g_autoptr(McScene) scene = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GError) error = NULL;
  McExportOptions options;
  McRect content;
  double ppu;
  g_autofree char *pdf_path = g_strdup_printf ("%s/%s.pdf", dir, kind);
  g_autofree char *svg_path = g_strdup_printf ("%s/%s.svg", dir, kind);
  g_autofree char *png_path = g_strdup_printf ("%s/%s.png", dir, kind);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg_path);
  g_autoptr(GFile) png_file = g_file_new_for_path (png_path);
  g_autofree char *pdf_text = NULL;
  g_autofree char *pdf_fonts = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *svg_text = NULL;
  g_autofree char *pdf_norm = NULL;
  g_autofree char *svg_norm = NULL;
  gsize svg_length;
  guint n_fonts;
  cairo_surface_t *png;

  mc_export_options_init (&options, language);
  options.scope = MC_EXPORT_SCOPE_FIGURE;
  options.figure_id = kind;
  options.dpi = 150;

  scene = mc_export_build_scene (board, &options, &content, &ppu, &error);
  g_assert_no_error (error);
  texts = scene_texts (scene);
  g_assert_cmpuint (texts->len, >, 1);

  g_assert_true (mc_export_to_file (board, &options, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_true (mc_export_to_file (board, &options, svg_file, &error));
  g_assert_no_error (error);
  g_assert_true (mc_export_to_file (board, &options, png_file, &error));
  g_assert_no_error (error);

  /* PDF: the words are text, every font embedded. */
  {
    const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf_path, "-", NULL };
    const char *fonts_argv[] = { "pdffonts", pdf_path, NULL };

    pdf_text = run_tool (argv);
    pdf_fonts = run_tool (fonts_argv);
  }
  g_assert_true (pdf_fonts_embedded (pdf_fonts, &n_fonts));
  g_assert_cmpuint (n_fonts, >, 0);

  /* SVG: valid XML, parsed by librsvg, text as <text>. */
  g_file_get_contents (svg_path, &svg, &svg_length, &error);
  g_assert_no_error (error);
  assert_svg_valid (svg, svg_length, dir);
  svg_text = svg_text_content (svg);

  pdf_norm = normalize (pdf_text);
  svg_norm = normalize (svg_text);
  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *want = normalize (texts->pdata[i]);

      if (strstr (pdf_norm, want) == NULL)
        g_error ("%s: “%s” missing from the PDF text:\n%s", kind, (char *) texts->pdata[i], pdf_text);
      if (strstr (svg_norm, want) == NULL)
        g_error ("%s: “%s” missing from the SVG text", kind, (char *) texts->pdata[i]);
    }
  {
    g_autofree char *note = g_strdup_printf ("%s %s", language == MC_LANGUAGE_EN ? "Answer for" : "Antwoord voor", kind);
    g_autofree char *want = normalize (note);

    g_assert_nonnull (strstr (pdf_norm, want));
    g_assert_nonnull (strstr (svg_norm, want));
  }

  /* PNG: pixels = physical width × DPI. */
  png = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  {
    double width_mm = content.width * MC_EXPORT_NATURAL_MM_PER_UNIT + 2 * options.margin_mm;
    double height_mm = content.height * ((width_mm - 2 * options.margin_mm) / content.width) + 2 * options.margin_mm;

    g_assert_cmpint (abs (cairo_image_surface_get_width (png) - (int) round (width_mm / 25.4 * 150)), <=, 1);
    g_assert_cmpint (abs (cairo_image_surface_get_height (png) - (int) round (height_mm / 25.4 * 150)), <=, 1);
  }
  cairo_surface_destroy (png);

  /* The SVG looks like the cairo rendering of the same scene. */
  {
    McRect view = content;
    McSvgOptions svg_options = { &view, 0, 0, NULL, NULL };
    g_autofree char *scene_svg = NULL;
    gsize scene_length;

    view.x -= 10, view.y -= 10, view.width += 20, view.height += 20;
    scene_svg = mc_svg_write_scene (scene, &svg_options, &scene_length);
    compare_svg_with_cairo (scene, scene_svg, scene_length, &view, 800);
  }
}

static void
test_all_kinds (void)
{
  const char * const *kinds = mc_figure_kind_list ();
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-export-XXXXXX");

  g_assert_nonnull (kinds);
  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, 9);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_test_message ("kind %s", kinds[i]);
      check_kind (kinds[i], i % 2 == 0 ? MC_LANGUAGE_NL : MC_LANGUAGE_EN, dir);
    }
  mc_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();

  g_test_add_func ("/mc/export/svg-escape", test_svg_escape);
  g_test_add_func ("/mc/export/svg-hand-scene", test_svg_hand_scene);
  g_test_add_func ("/mc/export/all-kinds", test_all_kinds);

  return g_test_run ();
}
