/* fuzz-json-canvas.c — libFuzzer harness for the JSON Canvas import
 *
 * Any input must import or fail with one MC_BOARD_ERROR line. A board that
 * imports must be within the limits, survive a save and load unchanged,
 * and export to a canvas that imports again with the same notes.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-json-canvas.h"
#include "mc-layout.h"
#include "mc-limits.h"
#include "mc-types.h"

static void
check_imported (McBoard *board)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) again = NULL;
  g_autoptr(McBoard) reimported = NULL;
  g_autoptr(McLayout) layout = NULL;
  g_autoptr(GBytes) canvas = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0, second_len = 0;

  if (!mc_limits_check_board (board, &error))
    fuzz_fail ("an imported board is over the limits: %s", error->message);

  first = mc_board_to_data (board, &first_len);
  again = mc_board_load_from_data (first, first_len, "round-trip", MC_BOARD_LOAD_NONE, &error);
  if (again == NULL)
    fuzz_fail ("an imported board, saved, does not load: %s", error->message);
  second = mc_board_to_data (again, &second_len);
  if (first_len != second_len || memcmp (first, second, first_len) != 0)
    fuzz_fail ("an imported board does not save the same after a load");

  mc_core_ensure_resources ();  /* the catalog the layout reads */
  layout = mc_layout_new (mc_catalog_get_default ());
  canvas = mc_json_canvas_export (again, layout, &error);
  if (canvas == NULL)
    fuzz_fail ("an imported board does not export as a canvas: %s", error->message);
  reimported = mc_json_canvas_import (g_bytes_get_data (canvas, NULL), g_bytes_get_size (canvas),
                                      "again.canvas", NULL, &error);
  if (reimported == NULL)
    fuzz_fail ("a canvas we exported does not import: %s", error->message);
  if (mc_board_get_n_notes (reimported) != mc_board_get_n_notes (board))
    fuzz_fail ("export and import lost notes: %u, then %u",
               mc_board_get_n_notes (board), mc_board_get_n_notes (reimported));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = NULL;
  guint n_edges = 0;

  board = mc_json_canvas_import ((const char *) data, size, "fuzz.canvas", &n_edges, &error);
  if (board == NULL)
    {
      if (error == NULL || error->domain != MC_BOARD_ERROR || error->message == NULL)
        fuzz_fail ("import failed without a MC_BOARD_ERROR");
      if (strchr (error->message, '\n') != NULL)
        fuzz_fail ("the import's message is more than one line: %s", error->message);
      return 0;
    }
  if (error != NULL)
    fuzz_fail ("import returned a board and an error");

  check_imported (board);
  return 0;
}
