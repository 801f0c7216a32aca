/* fuzz-board-load.c — libFuzzer harness for the board loader
 *
 * Any input must load or fail with a MC_BOARD_ERROR; a board that loads
 * must survive a round trip unchanged and merge with itself to nothing.
 * GLib criticals and warnings abort, so a g_return_if_fail tripped by file
 * content counts as a bug.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "mc-board-io.h"
#include "mc-merge.h"

static void
check_round_trip (McBoard *board)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) again = NULL;
  g_autoptr(McMergeResult) merge = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0, second_len = 0;

  first = mc_board_to_data (board, &first_len);
  again = mc_board_load_from_data (first, first_len, "round-trip",
                                   MC_BOARD_LOAD_ALLOW_NEWER, &error);
  if (again == NULL)
    fuzz_fail ("a board we wrote does not load: %s", error->message);

  second = mc_board_to_data (again, &second_len);
  if (first_len != second_len || memcmp (first, second, first_len) != 0)
    fuzz_fail ("the round trip is not stable");

  if (mc_board_get_n_notes (again) != mc_board_get_n_notes (board))
    fuzz_fail ("the round trip lost notes");

  if (!mc_board_get_read_only (again))
    {
      merge = mc_merge_boards (again, board, NULL, &error);
      if (merge == NULL)
        fuzz_fail ("merging a board with its own copy failed: %s", error->message);
      if (!mc_merge_result_is_empty (merge))
        fuzz_fail ("merging a board with its own copy changed it");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = NULL;

  board = mc_board_load_from_data ((const char *) data, size, "fuzz",
                                   MC_BOARD_LOAD_ALLOW_NEWER, &error);
  if (board == NULL)
    {
      if (error == NULL || error->domain != MC_BOARD_ERROR || error->message == NULL)
        fuzz_fail ("load failed without a MC_BOARD_ERROR");
      return 0;
    }
  if (error != NULL)
    fuzz_fail ("load returned a board and an error");

  check_round_trip (board);
  return 0;
}
