/* test-figure-model.c — the whole-model figure (issue 12, Figuur 2 / 12)
 *
 * Exported for a journal at one and two columns (84 and 174 mm), in Dutch
 * and English, with and without notes, the value-creation figure carries
 * the whole model: its PDF's text (pdftotext) holds the four CIMO parts'
 * names, every element of each part (the context's two, the five design
 * perspectives, the four boundary-crossing mechanisms with "passende
 * sociale dynamiek", the four doorwerking processes) as the catalog words
 * them, the centre's three regions, and no "…"; the figure fits a 240 mm
 * page. Notes of the example board and of an older board in value,
 * learning-short and learning-long stay inside their regions' note areas,
 * laid out for the frame and on the board.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-export.h"
#include "mc-figure-kind.h"
#include "mc-layout.h"
#include "mc-test-util.h"

#define KIND      "value-creation"
#define PT_PER_MM (72.0 / 25.4)

static const double widths_mm[] = { 84, 174 };

/* Every text the whole model must show in language: the parts' names from
 * the cimo figure, each part's elements from the figure that details it,
 * and the centre's labels. */
static GPtrArray *
model_words (McLanguage language)
{
  McCatalog *catalog = mc_catalog_get_default ();
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  static const char * const parts[] = { "context", "intervention", "mechanisms", "outcomes" };
  static const char * const element_kinds[] = {
    "context", "perspectives", "boundary-crossing", "doorwerking", KIND,
  };
  const McFigureInfo *coherence = mc_catalog_get_figure (catalog, "coherence");

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_ptr_array_add (words, g_strdup (mc_region_info_get_label (
                                        mc_catalog_get_region (catalog, "cimo", parts[i]),
                                        language)));
  for (guint k = 0; k < G_N_ELEMENTS (element_kinds); k++)
    {
      const McFigureInfo *info = mc_catalog_get_figure (catalog, element_kinds[k]);

      g_assert_nonnull (info);
      for (guint r = 0; r < mc_figure_info_get_n_regions (info); r++)
        g_ptr_array_add (words, g_strdup (mc_region_info_get_label (
                                            mc_figure_info_get_region (info, r), language)));
    }
  g_assert_nonnull (coherence);
  g_ptr_array_add (words, g_strdup (mc_figure_info_get_string (coherence, "social_dynamics",
                                                               language)));
  /* 4 parts, 2 + 5 + 4 + 4 elements, social dynamics, 3 centre regions. */
  g_assert_cmpuint (words->len, ==, 4 + 15 + 1 + 3);
  return words;
}

static void
test_export_words (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-figure-model-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "model.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint problems = 0;

  for (guint l = 0; l < 2; l++)
    for (guint w = 0; w < G_N_ELEMENTS (widths_mm); w++)
      for (guint n = 0; n < 2; n++)
        {
          McLanguage language = l == 0 ? MC_LANGUAGE_NL : MC_LANGUAGE_EN;
          g_autoptr(GPtrArray) words = model_words (language);
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          g_autofree char *what = g_strdup_printf ("%s %.0f mm notes %s",
                                                   l == 0 ? "nl" : "en", widths_mm[w],
                                                   n == 0 ? "on" : "off");
          McExportOptions options;
          McExportSummary summary = { 0, };

          mc_export_options_init (&options, language);
          options.scope = MC_EXPORT_SCOPE_FIGURE;
          options.figure_id = KIND;
          options.theme = MC_THEME_PRINT;
          options.width_mm = widths_mm[w];
          options.notes = n == 0;
          g_assert_true (mc_export_to_file_full (board, &options, MC_EXPORT_FORMAT_PDF, file,
                                                 &summary, &error));
          g_assert_no_error (error);

          text = mc_test_pdf_text (path);
          if (strstr (text, "\u2026") != NULL)
            {
              problems++;
              g_test_message ("%s: “…” in the PDF", what);
            }
          for (guint i = 0; i < words->len; i++)
            {
              g_autofree char *word = mc_test_squash_text (words->pdata[i]);

              if (strstr (text, word) == NULL)
                {
                  problems++;
                  g_test_message ("%s: “%s” missing", what, word);
                }
            }
          /* On the figure itself, not set in a legend below it. */
          if (summary.preflight.min_text_pt < 7.0 - 0.05)
            {
              problems++;
              g_test_message ("%s: smallest text %.2f pt", what, summary.preflight.min_text_pt);
            }
          if (summary.preflight.height_mm > MC_LAYOUT_MAX_HEIGHT_MM + 2 * options.margin_mm + 0.5)
            {
              problems++;
              g_test_message ("%s: %.0f mm tall", what, summary.preflight.height_mm);
            }
          g_unlink (path);
        }

  g_rmdir (dir);
  g_assert_cmpuint (problems, ==, 0);
}

/* The parts and their elements are drawn on the figure: the scene of a
 * strict frame layout holds each in its own text, none deferred. */
static void
test_scene_words (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());

  for (guint w = 0; w < G_N_ELEMENTS (widths_mm); w++)
    {
      g_autoptr(GPtrArray) words = model_words (MC_LANGUAGE_NL);
      g_autoptr(GString) all = g_string_new (NULL);
      g_autoptr(McScene) scene = NULL;
      g_autofree char *flat = NULL;
      McViewOptions view;

      mc_view_options_init (&view, MC_LANGUAGE_NL);
      view.theme = MC_THEME_PRINT;
      view.figure_id = KIND;
      view.frame_width = widths_mm[w] * PT_PER_MM;
      view.min_font_size = 7.0;
      view.strict = TRUE;
      scene = mc_layout_build (layout, board, &view);
      g_assert_cmpuint (mc_layout_get_misfits (layout)->len, ==, 0);

      for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
        {
          const McSceneItem *item = mc_scene_get_item (scene, i);

          if (item->kind == MC_ITEM_TEXT)
            g_string_append_printf (all, "%s\n", pango_layout_get_text (item->layout));
        }
      flat = mc_test_squash_text (all->str);
      for (guint i = 0; i < words->len; i++)
        {
          g_autofree char *word = mc_test_squash_text (words->pdata[i]);

          if (strstr (flat, word) == NULL)
            g_test_fail_printf ("%.0f mm: “%s” not drawn", widths_mm[w], word);
        }
    }
}

static void
assert_notes_inside (McLayout   *layout,
                     McBoard    *board,
                     const char *what)
{
  GPtrArray *notes = mc_board_get_notes (board);
  guint checked = 0;

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];
      const char *region = mc_note_get_region_id (note);
      McRect rect, area;

      if (g_strcmp0 (mc_note_get_figure_id (note), KIND) != 0)
        continue;
      g_assert_true (g_str_equal (region, "value") || g_str_equal (region, "learning-short") ||
                     g_str_equal (region, "learning-long"));
      g_assert_true (mc_layout_get_note_rect (layout, mc_note_get_id (note), &rect));
      g_assert_true (mc_layout_get_note_area (layout, KIND, region, &area));
      if (rect.x < area.x - 0.5 || rect.y < area.y - 0.5 ||
          rect.x + rect.width > area.x + area.width + 0.5 ||
          rect.y + rect.height > area.y + area.height + 0.5)
        g_test_fail_printf ("%s: note “%s” (%g,%g %g×%g) leaves %s (%g,%g %g×%g)", what,
                            mc_note_get_text (note), rect.x, rect.y, rect.width, rect.height,
                            region, area.x, area.y, area.width, area.height);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 3);
}

/* A board with several notes in each of the three regions. */
static McBoard *
board_with_notes (void)
{
  McBoard *board = mc_board_new_example ();
  static const char * const regions[] = { "value", "learning-short", "learning-long" };

  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    for (guint i = 0; i < 3; i++)
      {
        g_autofree char *text = g_strdup_printf ("Notitie %u bij %s", i + 1, regions[r]);
        McNote *note = mc_note_new (text);

        mc_note_set_anchor (note, KIND, regions[r]);
        mc_board_execute (board, mc_command_add_note (note));
      }
  return board;
}

static void
test_notes_stay (void)
{
  g_autoptr(McBoard) example = mc_board_new_example ();
  g_autoptr(McBoard) busy = board_with_notes ();
  McBoard *boards[] = { example, busy };

  for (guint b = 0; b < G_N_ELEMENTS (boards); b++)
    for (guint w = 0; w < G_N_ELEMENTS (widths_mm) + 1; w++)
      {
        g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
        g_autoptr(McScene) scene = NULL;
        g_autofree char *what = NULL;
        McViewOptions view;

        /* On the board the disc keeps its design size: it holds the
         * example's notes; more spill as in every kind that keeps its
         * design. Laid out for a frame, the regions grow to hold them. */
        if (b == 1 && w == G_N_ELEMENTS (widths_mm))
          continue;
        mc_view_options_init (&view, MC_LANGUAGE_NL);
        view.figure_id = KIND;
        if (w < G_N_ELEMENTS (widths_mm))
          {
            view.theme = MC_THEME_PRINT;
            view.frame_width = widths_mm[w] * PT_PER_MM;
            view.min_font_size = 7.0;
            view.strict = TRUE;
          }
        what = g_strdup_printf ("board %u, %s", b,
                                w < G_N_ELEMENTS (widths_mm) ? (w == 0 ? "84 mm" : "174 mm")
                                                             : "on the board");
        scene = mc_layout_build (layout, boards[b], &view);
        assert_notes_inside (layout, boards[b], what);
      }
}

int
main (int   argc,
      char *argv[])
{
  mc_test_init_keep_going (&argc, &argv);
  mc_core_ensure_resources ();
  g_test_add_func ("/mc/figure-model/export-words", test_export_words);
  g_test_add_func ("/mc/figure-model/scene-words", test_scene_words);
  g_test_add_func ("/mc/figure-model/notes-stay", test_notes_stay);
  return g_test_run ();
}
