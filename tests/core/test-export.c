/* test-export.c — exports checked by real readers
 *
 * PDF through poppler (pdftotext, pdffonts), SVG through xmllint and
 * librsvg (parsed, rendered and compared with the cairo rendering of the
 * same scene), PNG through cairo's reader; the outline by parsing it back.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "mc-board.h"
#include "mc-templates.h"
#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-export.h"
#include "mc-export-private.h"
#include "mc-figure-kind.h"
#include "mc-layout.h"
#include "mc-outline.h"
#include "mc-render-cairo.h"
#include "mc-svg-writer.h"
#include "mc-text.h"
#include "mc-theme.h"
#include "mc-test-board.h"
#include "mc-test-util.h"

/* Texts that try every escaping rule: XML, CSV and Markdown. */
static const char * const tricky_texts[] = {
  "Buurt, school & zorg <samen>",
  "Zei ze: \"ja\" en 'nee'",
  "Regel één\nregel twee\n\nna een lege regel",
  "Café — naïef 🌱 groen",
  "# geen kop\n- geen lijst\n1. geen nummer",
  "*nadruk* _onder_ [link](x) `code` \\ | ~",
  "  spaties voor en na  ",
  "Tab\tin het midden\r\nen CRLF",
  NULL
};

/* Runs a reader; returns its stdout, asserting success. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* Text compared without whitespace and hyphens: line breaks (and the
 * hyphens pango adds where it breaks a long word) differ by reader. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == 0x00AD || c == 0x2010 || c == 0x2011)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static McBoard *
board_with_notes (const char  *template_id,
                  McLanguage   language,
                  const char  *note_prefix)
{
  g_autoptr(GError) error = NULL;
  McBoard *board = mc_board_new_from_template (template_id, language, &error);
  McCatalog *catalog = mc_catalog_get_default ();
  GPtrArray *figures;

  g_assert_no_error (error);
  g_assert_nonnull (board);

  /* One short note in the first region of every figure. */
  figures = mc_board_get_figures (board);
  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *figure = figures->pdata[i];
      const McFigureInfo *info = mc_catalog_get_figure (catalog, mc_figure_get_kind (figure));
      const McRegionInfo *region = mc_figure_info_get_region (info, 0);
      g_autofree char *text = g_strdup_printf ("%s %s", note_prefix, mc_figure_get_kind (figure));
      McNote *note = mc_note_new (text);

      mc_note_set_anchor (note, mc_figure_get_id (figure), mc_region_info_get_id (region));
      mc_note_set_votes (note, 2);
      mc_note_set_author (note, "Anna");
      mc_board_execute (board, mc_command_add_note (note));
    }
  return board;
}

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

static gboolean
pdf_fonts_embedded (const char *pdffonts_output,
                    guint      *n_fonts)
{
  g_auto(GStrv) lines = g_strsplit (pdffonts_output, "\n", -1);
  int emb_column = -1;

  *n_fonts = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "name "))
        {
          /* The "emb" column starts where its heading does. */
          const char *emb = strstr (lines[i], " emb ");

          g_assert_nonnull (emb);
          emb_column = emb - lines[i] + 1;
          continue;
        }
      if (emb_column < 0 || g_str_has_prefix (lines[i], "----") || lines[i][0] == '\0')
        continue;
      g_assert_cmpint (strlen (lines[i]), >, emb_column + 3);
      (*n_fonts)++;
      if (strncmp (lines[i] + emb_column, "yes", 3) != 0)
        return FALSE;
    }
  return TRUE;
}

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

/* Outline */

static McBoard *
board_with_tricky_notes (void)
{
  g_autoptr(GError) error = NULL;
  McBoard *board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);

  g_assert_no_error (error);
  for (guint i = 0; tricky_texts[i] != NULL; i++)
    {
      McNote *note = mc_note_new (tricky_texts[i]);

      if (i % 3 != 2)
        mc_note_set_anchor (note, i % 2 == 0 ? "cimo" : "boundary-crossing",
                            i % 2 == 0 ? "context" : "coordination");
      mc_note_set_votes (note, i);
      mc_note_set_author (note, i % 2 == 0 ? "Anna, \"de\" facilitator" : NULL);
      mc_board_execute (board, mc_command_add_note (note));
    }
  return board;
}

static void
test_outline_csv (void)
{
  g_autoptr(McBoard) board = board_with_tricky_notes ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = mc_outline_to_csv (board, mc_catalog_get_default (), MC_LANGUAGE_NL, NULL);
  guint found = 0;

  /* The headers follow the board's language (here Dutch). */
  g_assert_true (g_str_has_prefix (csv, "figuur,regio,vraag/vragen,notitie,stemmen,auteur,gemaakt,notitie-id,cluster\r\n"));
  rows = mc_outline_parse_csv (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1 + g_strv_length ((char **) tricky_texts));

  for (guint r = 1; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      McNote *note;

      g_assert_cmpuint (g_strv_length (row), ==, 9);
      g_assert_cmpstr (row[8], ==, "");
      note = mc_board_get_note (board, row[7]);
      g_assert_nonnull (note);
      g_assert_cmpstr (row[3], ==, mc_note_get_text (note));
      g_assert_cmpuint (atoi (row[4]), ==, mc_note_get_votes (note));
      g_assert_cmpstr (row[5], ==, mc_note_get_author (note) != NULL ? mc_note_get_author (note) : "");
      g_assert_true (g_str_has_suffix (row[6], "Z"));
      if (g_strcmp0 (mc_note_get_region_id (note), "coordination") == 0)
        {
          const McRegionInfo *region = mc_catalog_get_region (mc_catalog_get_default (), "boundary-crossing", "coordination");

          g_assert_cmpstr (row[1], ==, mc_region_info_get_label (region, MC_LANGUAGE_NL));
          g_assert_nonnull (strstr (row[2], mc_region_info_get_questions (region, MC_LANGUAGE_NL)[0]));
        }
      found++;
    }
  g_assert_cmpuint (found, ==, g_strv_length ((char **) tricky_texts));

  /* The parser refuses broken input. */
  g_assert_null (mc_outline_parse_csv ("a,\"b\nc", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

/* A spreadsheet runs a cell that starts with =, +, -, @, a tab or a CR as
 * a formula: such cells are written as text (a leading apostrophe, quoted),
 * everything else exactly; with ';' between the fields for Dutch
 * spreadsheets, and English headers for an English board. */
static void
test_outline_csv_formulas (void)
{
  static const char * const formulas[] = {
    "=HYPERLINK(\"http://x\",\"klik\")", "+31 30 123", "-1+1", "@SUM(A1)", "\tTab eerst",
    "\rCR eerst", "=1;2", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *english = NULL;
  McExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  guint found = 0;

  g_assert_no_error (error);
  for (guint i = 0; formulas[i] != NULL; i++)
    {
      McNote *note = mc_note_new (formulas[i]);

      mc_note_set_anchor (note, "boundary-crossing", "coordination");
      mc_note_set_author (note, i == 0 ? "=cmd|' /C calc'!A0" : "Anna");
      mc_board_execute (board, mc_command_add_note (note));
    }

  mc_export_options_init (&options, MC_LANGUAGE_NL);
  options.csv_separator = ';';
  bytes = mc_export_to_bytes (board, &options, MC_EXPORT_FORMAT_CSV, &error);
  g_assert_no_error (error);
  csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_str_has_prefix (csv, "figuur;regio;vraag/vragen;notitie;stemmen;auteur;gemaakt;notitie-id;cluster\r\n"));

  /* No cell of any row starts like a formula... */
  rows = mc_outline_parse_csv_full (csv, ';', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1 + g_strv_length ((char **) formulas));
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      g_autofree char *text = NULL;
      McNote *note;

      g_assert_cmpuint (g_strv_length (row), ==, 9);
      for (guint c = 0; row[c] != NULL; c++)
        g_assert_null (strchr ("=+-@\t\r", row[c][0] != '\0' ? row[c][0] : 'x'));
      g_assert_true (row[3][0] == '\'');
      /* ...and taking the escape off gives the note's text back exactly. */
      note = mc_board_get_note (board, row[7]);
      g_assert_nonnull (note);
      text = mc_outline_csv_unescape (row[3]);
      g_assert_cmpstr (text, ==, mc_note_get_text (note));
      found++;
    }
  g_assert_cmpuint (found, ==, g_strv_length ((char **) formulas));
  /* The author cell of the first note is escaped too. */
  g_assert_nonnull (strstr (csv, ";\"'=cmd|' /C calc'!A0\";"));
  /* A plain text stays as it is. */
  g_assert_null (strstr (csv, "'Anna"));

  english = mc_outline_to_csv (board, mc_catalog_get_default (), MC_LANGUAGE_EN, NULL);
  g_assert_true (g_str_has_prefix (english, "figure,region,question(s),note,votes,author,created,note id,cluster\r\n"));

  options.csv_separator = '|';
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = mc_export_to_bytes (board, &options, MC_EXPORT_FORMAT_CSV, &error);
  g_assert_null (bytes);
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION);
}

/* The inverse of the Markdown escaping, for one list item's text. */
static char *
markdown_unescape_item (const char *item)
{
  GString *out = g_string_new (NULL);

  for (const char *p = item; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == '\n')
        {
          g_string_append_c (out, '\n');
          p += 2;
          g_assert_true (p[0] == ' ' && p[1] == ' ');
          p += 1;
        }
      else if (p[0] == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
        {
          g_string_append_c (out, p[1]);
          p++;
        }
      else if (g_str_has_prefix (p, "&#32;"))
        g_string_append_c (out, ' '), p += 4;
      else if (g_str_has_prefix (p, "&#9;"))
        g_string_append_c (out, '\t'), p += 3;
      else if (g_str_has_prefix (p, "&#13;"))
        g_string_append_c (out, '\r'), p += 4;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_outline_markdown (void)
{
  g_autoptr(McBoard) board = board_with_tricky_notes ();
  g_autofree char *md = mc_outline_to_markdown (board, mc_catalog_get_default (), MC_LANGUAGE_EN, NULL);
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  const McFigureInfo *cimo = mc_catalog_get_figure (mc_catalog_get_default (), "cimo");

  g_assert_true (g_str_has_prefix (md, "# "));
  g_assert_nonnull (strstr (md, "## "));
  g_assert_nonnull (strstr (md, mc_figure_info_get_title (cimo, MC_LANGUAGE_EN)));
  g_assert_nonnull (strstr (md, "Free notes"));

  /* Collect list items with their continuation lines. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      GString *item;

      if (!g_str_has_prefix (lines[i], "- ") || g_str_has_prefix (lines[i], "- **"))
        continue;
      item = g_string_new (lines[i] + 2);
      while (g_str_has_suffix (item->str, "\\") && lines[i + 1] != NULL)
        {
          g_string_append_c (item, '\n');
          g_string_append (item, lines[++i]);
        }
      g_ptr_array_add (items, g_string_free (item, FALSE));
    }
  g_assert_cmpuint (items->len, ==, g_strv_length ((char **) tricky_texts));

  for (guint i = 0; i < items->len; i++)
    {
      char *item = items->pdata[i];
      char *meta = strstr (item, " *(");
      g_autofree char *text = NULL;

      /* Votes and author follow " *(": escaped text never contains it. */
      if (meta != NULL)
        {
          g_assert_true (g_str_has_suffix (meta, ")*"));
          *meta = '\0';
        }
      text = markdown_unescape_item (item);
      g_assert_true (g_strv_contains (tricky_texts, text));
    }
}

/* Session report and speed */

static void
test_session_report (void)
{
  g_autoptr(McBoard) board = board_with_tricky_notes ();
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  McExportOptions options;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *fonts_argv[] = { "pdffonts", path, NULL };
  guint n_fonts;
  gint64 start;
  double elapsed;

  mc_board_execute (board, mc_command_set_title (board, "Wijkleerlab Overvecht"));
  mc_board_execute (board, mc_command_set_meta (board, MC_META_CASE, "Gezonde wijk"));
  mc_board_execute (board, mc_command_set_meta (board, MC_META_DATE, "2026-11-22"));
  mc_board_execute (board, mc_command_set_phase (board, MC_PHASE_MONITOR));

  mc_export_options_init (&options, MC_LANGUAGE_NL);
  start = g_get_monotonic_time ();
  g_assert_true (mc_export_session_report (board, &options, file, &error));
  elapsed = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);
  g_test_message ("session report of the model board: %.0f ms", elapsed);

  text = run_tool (argv);
  info = run_tool (info_argv);
  fonts = run_tool (fonts_argv);
  g_assert_true (pdf_fonts_embedded (fonts, &n_fonts));
  g_assert_nonnull (strstr (text, "Wijkleerlab Overvecht"));
  g_assert_nonnull (strstr (text, "Gezonde wijk"));
  g_assert_nonnull (strstr (text, "gedurende het proces"));
  g_assert_nonnull (strstr (text, "2026-11-22"));
  {
    g_autofree char *norm = normalize (text);
    /* No emoji font is installed: check the letters around it. */
    g_autofree char *want = normalize ("Café — naïef");

    g_assert_nonnull (strstr (norm, want));
  }
  /* Title page + 9 figures + at least one outline page. */
  {
    const char *pages = strstr (info, "Pages:");
    g_assert_nonnull (pages);
    g_assert_cmpint (atoi (pages + 6), >=, 11);
  }
  g_assert_nonnull (strstr (info, "Creator:"));
  g_assert_nonnull (strstr (info, "Missiecanvas"));
  mc_test_remove_tree (dir);
}

/* A whole board far taller than PDF allows (thousands of notes at a
 * journal's width) goes on several pages, each within the limit, instead of
 * being refused; no note is lost on the way. */
static void
test_paginated (void)
{
  g_autoptr(McBoard) board = mc_test_region_board_new (2000);
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_auto(GStrv) lines = NULL;
  McExportSummary summary;
  McExportOptions options;
  const char *info_argv[] = { "pdfinfo", "-f", "1", "-l", "1000", path, NULL };
  const char *text_argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  guint n_sizes = 0;

  mc_export_options_init (&options, MC_LANGUAGE_NL);
  /* 2,000 notes are about 750 mm tall at 174 mm wide: at 2 m, 8 m. */
  options.width_mm = 2000;
  g_assert_true (mc_export_to_file_full (board, &options, MC_EXPORT_FORMAT_PDF, file, &summary, &error));
  g_assert_no_error (error);
  g_test_message ("%u notes: %u pages, the tallest %.0f mm", 2000, summary.n_pages, summary.preflight.height_mm);
  g_assert_cmpuint (summary.n_pages, >, 1);
  g_assert_cmpfloat (MC_EXPORT_MM_TO_PT (summary.preflight.height_mm), <=, MC_EXPORT_MAX_PDF_PAGE_PT);

  /* Every page, as a reader sees it, within the limit. */
  info = run_tool (info_argv);
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *size = strstr (lines[i], " size: ");
      const char *x = size != NULL ? strstr (size, " x ") : NULL;

      /* "Page    1 size: 493.2 x 14400 pts" */
      if (!g_str_has_prefix (lines[i], "Page ") || x == NULL)
        continue;
      g_assert_cmpfloat (g_ascii_strtod (size + strlen (" size: "), NULL), <=, MC_EXPORT_MAX_PDF_PAGE_PT);
      g_assert_cmpfloat (g_ascii_strtod (x + 3, NULL), <=, MC_EXPORT_MAX_PDF_PAGE_PT);
      n_sizes++;
    }
  g_assert_cmpuint (n_sizes, ==, summary.n_pages);

  /* The first and the last note are both there. */
  text = run_tool (text_argv);
  g_assert_nonnull (strstr (text, "(0)"));
  last = g_strdup_printf ("(%u)", 1999);
  g_assert_nonnull (strstr (text, last));
  mc_test_remove_tree (dir);
}

/* A scene of n notes stacked in one column, 100 units tall with 20 between,
 * on a paper as tall as all of them. */
static McScene *
column_scene (guint n)
{
  McScene *scene = mc_scene_new ();
  g_autoptr(McPath) paper = mc_path_new ();
  McRect all = { 0, 0, 200, n * 120.0 };
  McColor white = { 1, 1, 1, 1 };

  mc_path_rectangle (paper, &all);
  mc_scene_add_path (scene, MC_ROLE_BOARD, paper, &white, NULL, 0, MC_LINE_SOLID);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McPath) body = mc_path_new ();
      g_autofree char *id = g_strdup_printf ("note:%u", i);
      McRect rect = { 10, i * 120.0 + 10, 180, 100 };

      mc_path_rectangle (body, &rect);
      mc_scene_begin_group (scene, MC_ROLE_NOTE, id, NULL, body);
      mc_scene_add_path (scene, MC_ROLE_NOTE, body, &white, NULL, 0, MC_LINE_SOLID);
      mc_scene_end_group (scene);
    }
  return scene;
}

/* Pages cut between notes, never through one, and each page draws only
 * what reaches into it: the ranges drawn grow with the notes, not with
 * notes × pages. */
static void
test_page_cuts (void)
{
  for (guint n = 1000; n <= 4000; n *= 2)
    {
      g_autoptr(McScene) scene = column_scene (n);
      g_autoptr(GArray) bands = NULL;
      g_autoptr(GPtrArray) items = NULL;
      /* 1 pt per unit, no margin: a page holds 1000 units, 8 notes. */
      McPageGeometry geo = { 200, n * 120.0, 1, 0, 0, { 0, 0, 200, n * 120.0 } };
      guint ranges = 0;

      bands = _mc_export_page_bands (scene, &geo, 1000);
      g_assert_cmpuint (bands->len, >=, n / 8);
      g_assert_cmpuint (bands->len, <=, n / 8 + 2);
      for (guint b = 0; b < bands->len; b++)
        {
          double top = g_array_index (bands, double, 2 * b);
          double bottom = g_array_index (bands, double, 2 * b + 1);
          double into = fmod (bottom, 120.0);

          g_assert_cmpfloat (bottom - top, <=, 1000);
          /* The cut lies in the space between two notes (or at the end). */
          g_assert_true (bottom >= n * 120.0 || into <= 10.0 + 1e-6);
        }

      items = _mc_export_page_items (scene, bands);
      for (guint b = 0; b < items->len; b++)
        ranges += ((GArray *) items->pdata[b])->len / 2;
      /* Each note on one page, the paper on every page. */
      g_assert_cmpuint (ranges, ==, n + bands->len);
    }
}

/* The last character before p that is not a break mark. */
static gunichar
char_before (const char *text,
             const char *p)
{
  while (p > text)
    {
      gunichar c;

      p = g_utf8_prev_char (p);
      c = g_utf8_get_char (p);
      if (c != 0x200B && c != 0x00AD)
        return c;
    }
  return 0;
}

/* The notes of scene whose text has a line starting inside a word (a
 * letter or digit on both sides of the break), counted independently of
 * mc_text_layout_breaks_inside_word(). */
static guint
notes_broken_inside_words (McScene    *scene,
                           const char *what)
{
  guint broken = 0;

  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      const char *text;

      if (item->kind != MC_ITEM_TEXT || item->role != MC_ROLE_NOTE_TEXT || item->layout == NULL)
        continue;
      text = pango_layout_get_text (item->layout);
      for (GSList *l = pango_layout_get_lines_readonly (item->layout); l != NULL; l = l->next)
        {
          PangoLayoutLine *line = l->data;
          const char *at = text + line->start_index;

          if (line->start_index == 0 || *at == '\0')
            continue;
          if (g_unichar_isalnum (char_before (text, at)) && g_unichar_isalnum (g_utf8_get_char (at)))
            {
              g_test_message ("%s: a line of “%s” starts inside a word at “%.12s”", what, text, at);
              broken++;
              break;
            }
        }
    }
  return broken;
}

/* No note of any export of the example board breaks a word inside itself:
 * the text shrinks (down to the floor) until its longest word fits, and
 * when even the floor cannot hold a word the fit check refuses the
 * export instead. */
static void
test_notes_never_break_words (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  GPtrArray *figures = mc_board_get_figures (board);
  static const double widths[] = { 0, 84, 140, 174, 190 };
  static const McThemeKind themes[] = { MC_THEME_PRINT, MC_THEME_COLOR };
  guint n_checked = 0, n_refused = 0;

  for (guint f = 0; f <= figures->len; f++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        {
          g_autoptr(McScene) scene = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GError) misfit = NULL;
          g_autofree char *what = NULL;
          McExportOptions options;
          McRect content;
          double ppu;

          mc_export_options_init (&options, MC_LANGUAGE_NL);
          if (f < figures->len)
            {
              options.scope = MC_EXPORT_SCOPE_FIGURE;
              options.figure_id = mc_figure_get_id (g_ptr_array_index (figures, f));
            }
          else if (widths[w] != 0)
            continue;   /* the whole board only at its natural size */
          options.width_mm = widths[w];
          options.theme = themes[t];
          what = g_strdup_printf ("%s at %g mm, theme %d",
                                  options.figure_id != NULL ? options.figure_id : "the board",
                                  widths[w], themes[t]);
          scene = mc_export_build_scene (board, &options, &content, &ppu, &error);
          g_assert_no_error (error);
          if (!mc_export_check_fit (scene, ppu, &misfit))
            {
              g_test_message ("%s refused: %s", what, misfit->message);
              n_refused++;
              continue;
            }
          g_assert_cmpuint (notes_broken_inside_words (scene, what), ==, 0);
          n_checked++;
        }

  g_test_message ("%u exports checked, %u refused", n_checked, n_refused);
  g_assert_cmpuint (n_checked, >, n_refused);
}

/* A word the floor cannot hold on one line is a misfit the fit check
 * reports (never a silent break inside the word). */
static void
test_unbreakable_word_is_misfit (void)
{
  g_autoptr(McScene) scene = mc_scene_new ();
  g_autoptr(GError) error = NULL;
  McTextStyle style = { NULL, 12, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };
  McColor ink = { 0, 0, 0, 1 };
  g_autoptr(PangoLayout) layout = NULL;
  gboolean fits;

  layout = mc_text_layout_fit ("Gezondheidskloof", &style, 40, 200, 10, &fits);
  g_assert_true (mc_text_layout_breaks_inside_word (layout));
  g_assert_cmpuint (notes_broken_inside_words (scene, "none"), ==, 0);
  mc_scene_begin_group (scene, MC_ROLE_NOTE, "note:a", "Gezondheidskloof", NULL);
  mc_scene_add_text (scene, MC_ROLE_NOTE_TEXT, layout, 0, 0, &ink);
  mc_scene_end_group (scene);
  g_assert_cmpuint (notes_broken_inside_words (scene, "a narrow note"), ==, 1);
  g_assert_cmpuint (mc_export_count_cut_notes (scene), ==, 1);
  g_assert_false (mc_export_check_fit (scene, 1.0, &error));
  g_assert_error (error, MC_LAYOUT_ERROR, MC_LAYOUT_ERROR_DOES_NOT_FIT);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();

  g_test_add_func ("/mc/export/svg-escape", test_svg_escape);
  g_test_add_func ("/mc/export/svg-hand-scene", test_svg_hand_scene);
  g_test_add_func ("/mc/export/all-kinds", test_all_kinds);
  g_test_add_func ("/mc/export/language", test_language);
  g_test_add_func ("/mc/export/font-floor", test_font_floor);
  g_test_add_func ("/mc/export/png-size", test_png_size);
  g_test_add_func ("/mc/export/print-grayscale", test_print_grayscale);
  g_test_add_func ("/mc/export/errors-atomic", test_errors_atomic);
  g_test_add_func ("/mc/export/outline-csv", test_outline_csv);
  g_test_add_func ("/mc/export/outline-csv-formulas", test_outline_csv_formulas);
  g_test_add_func ("/mc/export/outline-markdown", test_outline_markdown);
  g_test_add_func ("/mc/export/session-report", test_session_report);
  g_test_add_func ("/mc/export/paginated", test_paginated);
  g_test_add_func ("/mc/export/page-cuts", test_page_cuts);
  g_test_add_func ("/mc/export/notes-never-break-words", test_notes_never_break_words);
  g_test_add_func ("/mc/export/unbreakable-word-is-misfit", test_unbreakable_word_is_misfit);

  return g_test_run ();
}
