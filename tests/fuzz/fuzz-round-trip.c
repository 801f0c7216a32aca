/* fuzz-round-trip.c — libFuzzer harness: whatever the model lets through,
 * the file keeps
 *
 * The input drives mc_test_board_generate() (texts of any Unicode and
 * length, extreme numbers and times, votes over the limit) through the
 * model's public API and commands. The board must be within every limit,
 * what we write from it must load again, and load → save must give the
 * same bytes. The loader harness (fuzz-board-load) covers the other
 * direction: any file that loads saves stably.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "mc-board-io.h"
#include "mc-test-board-gen.h"

typedef struct
{
  const uint8_t *data;
  size_t         size;
} Input;

static guint32
next_bits (gpointer user_data)
{
  Input *in = user_data;
  guint32 v = 0;

  for (guint i = 0; i < 4 && in->size > 0; i++, in->data++, in->size--)
    v = v << 8 | *in->data;
  return v;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Input in = { data, size };
  g_autoptr(McBoard) board = mc_test_board_generate (next_bits, &in);
  g_autoptr(McBoard) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0, second_len = 0;

  if (!mc_limits_check_board (board, &error))
    fuzz_fail ("the model let through a board over the limits: %s", error->message);

  first = mc_board_to_data (board, &first_len);
  again = mc_board_load_from_data (first, first_len, "round-trip", MC_BOARD_LOAD_NONE, &error);
  if (again == NULL)
    fuzz_fail ("a board built through the model does not load: %s", error->message);

  second = mc_board_to_data (again, &second_len);
  if (first_len != second_len || memcmp (first, second, first_len) != 0)
    fuzz_fail ("save → load → save is not stable");
  if (mc_board_get_n_notes (again) != mc_board_get_n_notes (board))
    fuzz_fail ("the round trip lost notes");

  return 0;
}
