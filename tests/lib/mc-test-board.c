/* mc-test-board.c — boards made up for tests and the benchmark
 *
 * One board, so the canvas speed test and mc-bench measure the same thing.
 */
#include "config.h"

#include <math.h>

#include "mc-command.h"
#include "mc-templates.h"
#include "mc-history.h"
#include "mc-layout.h"
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
