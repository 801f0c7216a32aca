/* session-fixture.c — what session-fixture.h declares */
#include "config.h"

#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-templates.h"

#include "session-fixture.h"

McCatalog *
catalog (void)
{
  mc_core_ensure_resources ();
  return mc_catalog_get_default ();
}

McBoard *
model_board (void)
{
  g_autoptr(GError) error = NULL;
  McBoard *board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);

  g_assert_no_error (error);
  return board;
}

const char *
add_note (McBoard    *board,
          const char *text,
          const char *figure,
          const char *region,
          double      x,
          double      y)
{
  McNote *note = mc_note_new (text);
  g_autofree char *id = g_strdup (mc_note_get_id (note));

  if (figure != NULL)
    mc_note_set_anchor (note, figure, region);
  if (x >= 0)
    mc_note_set_rect (note, &(McRect) { x, y, MC_NOTE_DEFAULT_WIDTH, MC_NOTE_DEFAULT_HEIGHT });
  mc_board_execute (board, mc_command_add_note (note));
  g_assert_nonnull (mc_board_get_note (board, id));
  return mc_note_get_id (mc_board_get_note (board, id));
}

McBoard *
reload (McBoard *board)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  McBoard *loaded;

  data = mc_board_to_data (board, &length);
  loaded = mc_board_load_from_data (data, length, "test", MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return loaded;
}
