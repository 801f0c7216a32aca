/* export-fixture.c — what the export tests share (export-fixture.h) */
#include "config.h"

#include <string.h>

#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-templates.h"

#include "export-fixture.h"
#include "mc-export.h"

char *
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

char *
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

McBoard *
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

gboolean
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

guint
pdf_check_page_sizes (const char *path)
{
  const char *info_argv[] = { "pdfinfo", "-f", "1", "-l", "100000", path, NULL };
  g_autofree char *info = run_tool (info_argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  guint n_sizes = 0;

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
  return n_sizes;
}
