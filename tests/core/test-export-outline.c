/* test-export-outline.c — the outline (CSV and Markdown, parsed back) and
 * the session report
 */
#include "config.h"

#include <string.h>

#include "mc-board.h"
#include "mc-templates.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-export.h"
#include "mc-figure-kind.h"
#include "mc-outline.h"
#include "mc-test-util.h"

#include "export-fixture.h"

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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();

  g_test_add_func ("/mc/export/outline-csv", test_outline_csv);
  g_test_add_func ("/mc/export/outline-csv-formulas", test_outline_csv_formulas);
  g_test_add_func ("/mc/export/outline-markdown", test_outline_markdown);
  g_test_add_func ("/mc/export/session-report", test_session_report);

  return g_test_run ();
}
