/* mc-test-board.c — boards made up for tests and the benchmark
 *
 * One board, so the canvas speed test and mc-bench measure the same thing.
 */
#include "config.h"

#include <math.h>

#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-templates.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-merge.h"
#include "mc-note.h"
#include "mc-test-board.h"

static const char * const sample_texts[] = {
  "Bewoners als mede-onderzoekers",
  "Wekelijks spreekuur in het buurthuis",
  "Gezamenlijke leeragenda met de gemeente",
  "Studenten lopen mee met wijkverpleging",
  "Wie is eigenaar van de data?",
  "Korte lijnen met de woningcorporatie maken het verschil in de wijk",
  "Prototype: deelfietsen bij de school",
  "Ritme: elke maand een reflectiesessie",
};

McBoard *
mc_test_grid_board_new (guint n_notes)
{
  g_autoptr(GError) error = NULL;
  McBoard *board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  guint columns = (guint) ceil (sqrt (n_notes * 1.5));

  g_assert_no_error (error);

  for (guint i = 0; i < n_notes; i++)
    {
      McNote *note = mc_note_new (sample_texts[i % G_N_ELEMENTS (sample_texts)]);
      McRect rect = {
        .x = (i % columns) * 180.0,
        .y = (i / columns) * 130.0,
        .width = MC_NOTE_DEFAULT_WIDTH,
        .height = MC_NOTE_DEFAULT_HEIGHT,
      };

      mc_note_set_rect (note, &rect);
      mc_note_set_color (note, mc_note_colors[i % 6]);
      g_ptr_array_add (notes, note);
    }

  mc_board_execute (board, mc_command_add_notes (g_steal_pointer (&notes)));
  mc_history_clear (mc_board_get_history (board));
  return board;
}

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
mc_test_region_board_new (guint n_notes)
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

McBoard *
mc_test_board_clone (McBoard *board)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  McBoard *copy;

  data = mc_board_to_data (board, &length);
  copy = mc_board_load_from_data (data, length, "copy", MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

char *
mc_test_board_saved (McBoard *board)
{
  g_autoptr(McBoard) again = mc_test_board_clone (board);
  g_autofree char *first = mc_board_to_data (board, NULL);
  char *second = mc_board_to_data (again, NULL);

  g_assert_cmpstr (first, ==, second);
  return second;
}

McBoard *
mc_test_board_merged (McBoard *ours,
                      McBoard *theirs,
                      McBoard *base)
{
  g_autoptr(GError) error = NULL;
  McBoard *result = mc_test_board_clone (ours);

  g_assert_true (mc_merge_into (result, theirs, base, NULL, &error));
  g_assert_no_error (error);
  return result;
}

McNote *
mc_test_note_new (const char *id,
                  const char *text,
                  double      x,
                  double      y)
{
  McNote *note = mc_note_new_with_id (id);
  McRect rect = { x, y, MC_NOTE_DEFAULT_WIDTH, MC_NOTE_DEFAULT_HEIGHT };

  mc_note_set_text (note, text);
  mc_note_set_anchor (note, "cimo", "context");
  mc_note_set_rect (note, &rect);
  mc_note_set_created (note, MC_TEST_T0);
  mc_note_set_modified (note, MC_TEST_T0);
  return note;
}

void
mc_test_board_add_note (McBoard    *board,
                        const char *id,
                        const char *text,
                        double      x,
                        double      y,
                        gint64      created)
{
  McNote *note = mc_test_note_new (id, text, x, y);

  mc_note_set_created (note, created);
  mc_note_set_modified (note, created);
  mc_board_execute (board, mc_command_add_note (note));
}

McBoard *
mc_test_merge_base_new (void)
{
  McBoard *board = mc_board_new ();
  McFigure *figure = mc_figure_new ("cimo", "cimo");

  mc_board_execute (board, mc_command_add_figure (figure));
  mc_test_board_add_note (board, MC_TEST_NOTE_1, "Energiearmoede in de wijk", 20, 100, MC_TEST_T0);
  mc_test_board_add_note (board, MC_TEST_NOTE_2, "Bewoners wantrouwen instanties", 200, 100, MC_TEST_T0);
  mc_test_board_add_note (board, MC_TEST_NOTE_3, "Gemeente, corporatie, hogeschool", 380, 100, MC_TEST_T0);
  mc_test_board_add_note (board, MC_TEST_NOTE_4, "Wijkleerlab", 20, 240, MC_TEST_T0);
  mc_test_board_add_note (board, MC_TEST_NOTE_5, "Studenten als brug", 200, 240, MC_TEST_T0);
  mc_test_board_add_note (board, MC_TEST_NOTE_6, "Minder energieschulden", 380, 240, MC_TEST_T0);
  mc_board_mark_saved (board);
  return board;
}

void
mc_test_board_edit_note (McBoard    *board,
                         const char *id,
                         const char *text,
                         const char *color,
                         int         votes,
                         double      x,
                         double      y,
                         gint64      modified)
{
  McNote *note = mc_board_get_note (board, id);
  McNote *changed;

  g_assert_nonnull (note);
  changed = mc_note_dup (note);
  if (text != NULL)
    mc_note_set_text (changed, text);
  if (color != NULL)
    mc_note_set_color (changed, color);
  if (votes >= 0)
    mc_note_set_votes (changed, votes);
  if (x >= 0)
    {
      McRect rect;

      mc_note_get_rect (changed, &rect);
      rect.x = x;
      rect.y = y;
      mc_note_set_rect (changed, &rect);
    }
  mc_note_set_modified (changed, modified);
  mc_board_execute (board, mc_command_update_note (board, changed));
}

void
mc_test_board_delete_note (McBoard    *board,
                           const char *id)
{
  const char *ids[] = { id, NULL };

  g_assert_nonnull (mc_board_get_note (board, id));
  mc_board_execute (board, mc_command_remove_notes (board, ids));
}

guint
mc_test_board_count_text (McBoard    *board,
                          const char *text)
{
  GPtrArray *notes = mc_board_get_notes (board);
  guint n = 0;

  for (guint i = 0; i < notes->len; i++)
    if (g_strcmp0 (mc_note_get_text (g_ptr_array_index (notes, i)), text) == 0)
      n++;
  return n;
}
