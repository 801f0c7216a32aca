/* mc-bench-board.c — the boards the export figures are measured on */
#include "config.h"

#include "mc-bench-board.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-history.h"
#include "mc-note.h"
#include "mc-templates.h"

static const char * const subjects[] = {
  "Bewoners", "Studenten", "De gemeente", "Wijkverpleging", "Het buurthuis", "De corporatie",
  "Docenten", "Jongeren", "Ouderen", "De huisarts", "Ondernemers", "Het lectoraat",
};
static const char * const verbs[] = {
  "onderzoeken", "organiseren", "delen", "bespreken", "ontwerpen", "evalueren", "verbinden",
};
static const char * const objects[] = {
  "de leeragenda", "een spreekuur", "de data over gezondheid", "het groen tussen de flats",
  "een wekelijkse reflectie", "korte lijnen", "prototypes in de wijk", "de opbrengsten",
};

McBoard *
mc_bench_region_board_new (guint n_notes)
{
  g_autoptr(GError) error = NULL;
  McBoard *board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  McCatalog *catalog = mc_catalog_get_default ();
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  GPtrArray *figures;

  g_assert_no_error (error);
  figures = mc_board_get_figures (board);
  for (guint f = 0; f < figures->len; f++)
    {
      McFigure *figure = figures->pdata[f];
      const McFigureInfo *info = mc_catalog_get_figure (catalog, mc_figure_get_kind (figure));

      for (guint r = 0; info != NULL && r < mc_figure_info_get_n_regions (info); r++)
        {
          g_ptr_array_add (anchors, g_strdup (mc_figure_get_id (figure)));
          g_ptr_array_add (anchors, g_strdup (mc_region_info_get_id (mc_figure_info_get_region (info, r))));
        }
    }
  g_assert_cmpuint (anchors->len, >, 0);

  for (guint i = 0; i < n_notes; i++)
    {
      guint a = (i * 2) % anchors->len;
      g_autofree char *text = g_strdup_printf ("%s %s %s (%u)%s", subjects[i % G_N_ELEMENTS (subjects)],
                                               verbs[(i / 3) % G_N_ELEMENTS (verbs)],
                                               objects[(i / 7) % G_N_ELEMENTS (objects)], i,
                                               i % 5 == 0 ? ", samen met de partners in de wijk" : "");
      g_autofree char *author = g_strdup_printf ("Deelnemer %u", i % 13);
      McNote *note = mc_note_new (text);

      mc_note_set_anchor (note, anchors->pdata[a], anchors->pdata[a + 1]);
      mc_note_set_author (note, author);
      mc_note_set_votes (note, i % 4);
      mc_note_set_color (note, mc_note_colors[i % 6]);
      g_ptr_array_add (notes, note);
    }

  mc_board_execute (board, mc_command_add_notes (g_steal_pointer (&notes)));
  mc_history_clear (mc_board_get_history (board));
  return board;
}
