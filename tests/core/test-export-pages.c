/* test-export-pages.c — boards taller than a page: pagination, cuts between
 * notes, and words that no note breaks
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "mc-board.h"
#include "mc-board-io.h"
#include "mc-export.h"
#include "mc-export-private.h"
#include "mc-figure-kind.h"
#include "mc-layout.h"
#include "mc-outline.h"
#include "mc-text.h"
#include "mc-test-board.h"
#include "mc-test-util.h"

#include "export-fixture.h"

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
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  McExportSummary summary;
  McExportOptions options;
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
  n_sizes = pdf_check_page_sizes (path);
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

  g_test_add_func ("/mc/export/paginated", test_paginated);
  g_test_add_func ("/mc/export/page-cuts", test_page_cuts);
  g_test_add_func ("/mc/export/notes-never-break-words", test_notes_never_break_words);
  g_test_add_func ("/mc/export/unbreakable-word-is-misfit", test_unbreakable_word_is_misfit);

  return g_test_run ();
}
