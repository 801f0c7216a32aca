/* test-frames-pdf.c — issue 12's test matrix on the exported PDFs
 *
 * Every figure kind of the example board, in both languages, with notes on
 * and off, questions in the regions, as a legend and (with notes) off, at
 * 84, 90, 140, 174 and 190 mm, exported to PDF as the command line does:
 * the notes are exported (may_refuse() names the one known limit), and a
 * refusal is one line and leaves no file. A written PDF's text (pdftotext) holds every region label
 * and every question in full, with notes every note of the figure in full,
 * and no "…", its smallest text is at least
 * 7 pt (the export's preflight), and every figure fits a 240 mm page (a
 * taller one is refused). The scene-level checks (nothing outside its
 * region) are test-frames.c's; test-export.c checks one figure's fonts in the PDF.
 * The session report keeps one page size and orientation, cuts no note
 * and draws its vote dots (test_report).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-export.h"
#include "mc-figure-kind.h"
#include "mc-layout.h"
#include "mc-test-util.h"

static const double widths_mm[] = { 84, 90, 140, 174, 190 };

/* Whether an export may be refused. Every kind exports its notes at every
 * width: the kinds that keep their design set those that do not fit their
 * regions below the figure. Known limit: the perspectives wheel with its ten notes and all
 * 39 questions in the legend is 262–309 mm tall below 174 mm; it is refused
 * for its height (without notes, or without the questions, it exports). */
static gboolean
may_refuse (const char            *kind,
            const McExportOptions *options)
{
  if (!options->notes)
    return FALSE;
  return g_strcmp0 (kind, "perspectives") == 0 && options->questions != MC_QUESTIONS_OFF &&
         options->width_mm < 174;
}

/* Checks one written PDF; returns the number of problems (printed). */
static guint
check_pdf (const char            *path,
           McBoard               *board,
           const McFigureInfo    *info,
           const McExportOptions *options,
           const McExportSummary *summary,
           const char            *what)
{
  g_autofree char *text = mc_test_pdf_text (path);
  guint problems = 0;

#define PROBLEM(...) G_STMT_START { problems++; g_test_message (__VA_ARGS__); } G_STMT_END

  if (strstr (text, "\u2026") != NULL)
    PROBLEM ("%s: “…” in the PDF", what);
  for (guint r = 0; r < mc_figure_info_get_n_regions (info); r++)
    {
      const McRegionInfo *region = mc_figure_info_get_region (info, r);
      const char * const *questions = mc_region_info_get_questions (region, options->language);
      g_autofree char *label = mc_test_squash_text (mc_region_info_get_label (region,
                                                                                options->language));
      g_autofree char *folded_label = g_utf8_casefold (label, -1);
      g_autofree char *folded_text = g_utf8_casefold (text, -1);

      if (strstr (folded_text, folded_label) == NULL)
        PROBLEM ("%s: label “%s” missing", what, label);
      for (guint q = 0; questions != NULL && questions[q] != NULL &&
                        options->questions != MC_QUESTIONS_OFF; q++)
        {
          g_autofree char *question = mc_test_squash_text (questions[q]);

          if (strstr (text, question) == NULL)
            PROBLEM ("%s: question “%s” missing", what, question);
        }
    }
  /* Every note of the figure, in full. */
  for (guint i = 0; options->notes && i < mc_board_get_notes (board)->len; i++)
    {
      McNote *note = mc_board_get_notes (board)->pdata[i];
      g_autofree char *note_text = NULL;

      if (g_strcmp0 (mc_note_get_figure_id (note), options->figure_id) != 0)
        continue;
      note_text = mc_test_squash_text (mc_note_get_text (note));
      if (strstr (text, note_text) == NULL)
        PROBLEM ("%s: note “%s” missing", what, note_text);
    }
  if (summary->preflight.min_text_pt < 7.0 - 0.05)
    PROBLEM ("%s: smallest text %.2f pt", what, summary->preflight.min_text_pt);
  /* Every kind, laid out for its frame or keeping its design: a taller
   * figure is refused by the export, never written. */
  if (summary->preflight.height_mm > MC_LAYOUT_MAX_HEIGHT_MM + 2 * options->margin_mm + 0.5)
    PROBLEM ("%s: %.0f mm tall", what, summary->preflight.height_mm);

#undef PROBLEM
  return problems;
}

static void
test_kind (gconstpointer data)
{
  const char *kind = data;
  const McFigureInfo *info = mc_catalog_get_figure (mc_catalog_get_default (), kind);
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-frames-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "figure.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  /* Questions off is the command line's default. */
  static const McQuestionsMode modes[] = { MC_QUESTIONS_INLINE, MC_QUESTIONS_LIST,
                                           MC_QUESTIONS_OFF };
  guint problems = 0, refused = 0, written = 0;
  double tallest = 0;

  for (guint l = 0; l < 2; l++)
    for (guint w = 0; w < G_N_ELEMENTS (widths_mm); w++)
      for (guint n = 0; n < 2; n++)
        for (guint q = 0; q < G_N_ELEMENTS (modes); q++)
          {
            g_autoptr(GError) error = NULL;
            g_autofree char *what = NULL;
            McExportOptions options;
            McExportSummary summary = { 0, };

            /* Without questions: with notes only (the rest is above). */
            if (modes[q] == MC_QUESTIONS_OFF && n != 0)
              continue;
            mc_export_options_init (&options, l == 0 ? MC_LANGUAGE_NL : MC_LANGUAGE_EN);
            options.scope = MC_EXPORT_SCOPE_FIGURE;
            options.figure_id = kind;
            options.theme = MC_THEME_PRINT;
            options.width_mm = widths_mm[w];
            options.notes = n == 0;
            options.questions = modes[q];
            what = g_strdup_printf ("%s %s %.0f mm notes %s questions %s", kind,
                                    l == 0 ? "nl" : "en", widths_mm[w], n == 0 ? "on" : "off",
                                    q == 0 ? "inline" : q == 1 ? "legend" : "off");

            if (!mc_export_to_file_full (board, &options, MC_EXPORT_FORMAT_PDF, file, &summary,
                                         &error))
              {
                /* Never a note cut, never without notes; a refusal is one
                 * line with no file. */
                g_test_message ("%s: refused: %s", what, error->message);
                if (!may_refuse (kind, &options))
                  problems++;
                g_assert_error (error, MC_LAYOUT_ERROR, MC_LAYOUT_ERROR_DOES_NOT_FIT);
                g_assert_null (strchr (error->message, '\n'));
                g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
                refused++;
                continue;
              }
            written++;
            tallest = MAX (tallest, summary.preflight.height_mm);
            problems += check_pdf (path, board, info, &options, &summary, what);
            g_unlink (path);
          }

  g_test_message ("%s: %u PDFs written, %u refused (notes that cannot fit), tallest %.0f mm",
                  kind, written, refused, tallest);
  g_rmdir (dir);
  g_assert_cmpuint (problems, ==, 0);
}

/* The session report of the example board, in both languages: its pages
 * all of one size and orientation (A4 portrait), every note of the board in
 * full in its text, no "…" anywhere, and the votes drawn as dots, not set
 * as "●" characters. */
static void
test_report (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-frames-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GPtrArray *notes = mc_board_get_notes (board);

  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *info = NULL;
      g_auto(GStrv) lines = NULL;
      const char *argv[] = { "pdfinfo", "-f", "1", "-l", "999", path, NULL };
      McExportOptions options;
      guint n_pages = 0;

      mc_export_options_init (&options, l == 0 ? MC_LANGUAGE_NL : MC_LANGUAGE_EN);
      g_assert_true (mc_export_session_report (board, &options, file, &error));
      g_assert_no_error (error);

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &info, NULL, NULL, &error));
      g_assert_no_error (error);
      lines = g_strsplit (info, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          double w, h;
          int page;

          if (sscanf (lines[i], "Page %d size: %lf x %lf", &page, &w, &h) != 3)
            continue;
          n_pages++;
          /* A4 portrait, every page. */
          g_assert_cmpfloat_with_epsilon (w, 595.28, 0.5);
          g_assert_cmpfloat_with_epsilon (h, 841.89, 0.5);
        }
      g_assert_cmpuint (n_pages, >=, 11);

      text = mc_test_pdf_text (path);
      g_assert_null (strstr (text, "\u2026"));
      g_assert_null (strstr (text, "\u25CF"));
      for (guint i = 0; i < notes->len; i++)
        {
          g_autofree char *note = mc_test_squash_text (mc_note_get_text (notes->pdata[i]));

          if (strstr (text, note) == NULL)
            g_error ("report (%s): note “%s” missing", l == 0 ? "nl" : "en", note);
        }
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char * const *kinds;

  mc_test_init_keep_going (&argc, &argv);
  mc_core_ensure_resources ();
  kinds = mc_figure_kind_list ();
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/mc/frames-pdf/%s", kinds[i]);

      g_test_add_data_func (path, kinds[i], test_kind);
    }
  g_test_add_func ("/mc/frames-pdf/report", test_report);
  return g_test_run ();
}
