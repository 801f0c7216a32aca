/* board-io-fixture.c — what board-io-fixture.h declares */
#include "config.h"

#include "mc-command.h"

#include "board-io-fixture.h"

McBoard *
build_board (void)
{
  McBoard *board = mc_board_new ();
  g_autoptr(McFigure) cimo = mc_figure_new ("cimo", "cimo");
  g_autoptr(McFigure) persp = mc_figure_new ("perspectives", "perspectives");
  McNote *a = mc_note_new_with_id (NOTE_A);
  McNote *b = mc_note_new_with_id (NOTE_B);
  McNote *c = mc_note_new_with_id (NOTE_C);
  McRect rect = { 40, 120.5, 160, 110 };
  McRect free_rect = { -300.25, 5000, 200, 90 };

  mc_board_execute (board, mc_command_set_title (board, "Wijkleerlab \"Overvecht\"\n"));
  mc_board_execute (board, mc_command_set_language (board, MC_LANGUAGE_EN));
  mc_board_execute (board, mc_command_set_phase (board, MC_PHASE_MONITOR));
  mc_board_execute (board, mc_command_set_meta (board, MC_META_DATE, "2026-11-22"));
  mc_board_execute (board, mc_command_set_meta (board, MC_META_CASE, "Overvecht — wijk"));

  mc_figure_set_position (persp, 1120, 920);
  mc_figure_set_scale (persp, 0.75);
  mc_board_execute (board, mc_command_add_figure (g_steal_pointer (&cimo)));
  mc_board_execute (board, mc_command_add_figure (g_steal_pointer (&persp)));

  mc_note_set_text (a, "Bewoners willen meepraten\nover groen");
  mc_note_set_anchor (a, "cimo", "context");
  mc_note_set_rect (a, &rect);
  mc_note_set_author (a, "Anna");
  mc_note_set_created (a, T0);
  mc_note_set_modified (a, T0 + 300 * G_USEC_PER_SEC);

  mc_note_set_text (b, "Tab\there, quote \" and backslash \\ and \x01 control");
  mc_note_set_color (b, "blue");
  mc_note_set_anchor (b, "perspectives", "social");
  mc_note_set_votes (b, 7);
  mc_note_set_conflict (b, TRUE);
  mc_note_set_created (b, T0);
  mc_note_set_modified (b, T0);

  mc_note_set_text (c, "Vrije notitie ✓");
  mc_note_set_color (c, "green");
  mc_note_set_rect (c, &free_rect);
  mc_note_set_created (c, -G_GINT64_CONSTANT (86400000000)); /* 1969-12-31 */
  mc_note_set_modified (c, T0);

  mc_board_execute (board, mc_command_add_note (a));
  mc_board_execute (board, mc_command_add_note (b));
  mc_board_execute (board, mc_command_add_note (c));

  return board;
}
