/* fuzz-board-load.c — libFuzzer harness for the board loader
 *
 * Any input must load or fail with a MC_BOARD_ERROR; a board that loads
 * must survive a round trip unchanged and merge with itself to nothing.
 * GLib criticals and warnings abort, so a g_return_if_fail tripped by file
 * content counts as a bug.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mc-board-io.h"
#include "mc-merge.h"

/* g_error() raises SIGTRAP, which libFuzzer does not catch: abort() makes
 * it save the input as an artifact. */
#define fuzz_fail(...) \
  G_STMT_START { fprintf (stderr, __VA_ARGS__); fputc ('\n', stderr); abort (); } G_STMT_END

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A critical or warning (a g_return_if_fail tripped by file content, in
 * our code or in a library we call) is a finding: abort() so libFuzzer
 * keeps the input; GLib's own fatal path raises SIGTRAP, which it does not. */
static void
abort_on_log (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return;
  fprintf (stderr, "%s: %s\n", domain ? domain : "", message);
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_default_handler (abort_on_log, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

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
