/* test-fuzz-regressions.c — every input the fuzzers found (and the seed
 * corpus) loads cleanly or fails with a clean error; never a crash
 *
 * Inputs live in tests/data/fuzz-regressions/HARNESS/ and
 * tests/fuzz/corpus/HARNESS/; tools/fuzz explains how they get there.
 */
#include "config.h"

#include <string.h>

#include "mc-board-io.h"
#include "mc-merge.h"
#include "mc-paste.h"
#include "mc-test-board-gen.h"

typedef void (*ReplayFunc) (const char *path, const char *data, gsize length);

static void
replay_board_load (const char *path,
                   const char *data,
                   gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = NULL;

  board = mc_board_load_from_data (data, length, "fuzz", MC_BOARD_LOAD_ALLOW_NEWER, &error);
  if (board == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == MC_BOARD_ERROR);
      g_assert_nonnull (error->message);
      g_test_message ("%s: %s", path, error->message);
      return;
    }
  g_assert_no_error (error);

  {
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    g_autoptr(McBoard) again = NULL;
    g_autoptr(McMergeResult) merge = NULL;
    gsize first_len = 0, second_len = 0;

    first = mc_board_to_data (board, &first_len);
    again = mc_board_load_from_data (first, first_len, "round-trip",
                                     MC_BOARD_LOAD_ALLOW_NEWER, &error);
    /* A board we wrote must load again, or a saved file is lost. */
    if (error != NULL)
      g_test_message ("%s loads, but what we write from it does not: %s", path, error->message);
    g_assert_no_error (error);
    g_assert_nonnull (again);
    second = mc_board_to_data (again, &second_len);
    g_assert_cmpmem (first, first_len, second, second_len);
    g_assert_cmpuint (mc_board_get_n_notes (again), ==, mc_board_get_n_notes (board));

    if (!mc_board_get_read_only (again))
      {
        merge = mc_merge_boards (again, board, NULL, &error);
        g_assert_no_error (error);
        g_assert_true (mc_merge_result_is_empty (merge));
      }
  }
}

static void
replay_paste (const char *path,
              const char *data,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = NULL;
  g_auto(GStrv) notes = NULL;
  guint n;

  board = mc_board_load_from_data (data, length, "clipboard", MC_BOARD_LOAD_NONE, &error);
  g_assert_true (board != NULL || (error != NULL && error->domain == MC_BOARD_ERROR));

  notes = mc_paste_parse_text (data, length, NULL);
  for (n = 0; notes[n] != NULL; n++)
    {
      gsize len = strlen (notes[n]);

      g_assert_cmpuint (len, >, 0);
      g_assert_cmpuint (len, <=, MC_PASTE_MAX_TEXT_LENGTH);
      g_assert_true (g_utf8_validate (notes[n], len, NULL));
      g_assert_false (g_ascii_isspace (notes[n][0]));
      g_assert_false (g_ascii_isspace (notes[n][len - 1]));
      g_assert_null (strchr (notes[n], '\n'));
    }
  g_assert_cmpuint (n, <=, MC_PASTE_MAX_NOTES);
}

typedef struct
{
  const guchar *data;
  gsize         length;
} Bytes;

static guint32
next_bits (gpointer user_data)
{
  Bytes *in = user_data;
  guint32 v = 0;

  for (guint i = 0; i < 4 && in->length > 0; i++, in->data++, in->length--)
    v = v << 8 | *in->data;
  return v;
}

/* The bytes drive the board generator, as in fuzz-round-trip.c. */
static void
replay_round_trip (const char *path,
                   const char *data,
                   gsize       length)
{
  Bytes in = { (const guchar *) data, length };
  g_autoptr(McBoard) board = mc_test_board_generate (next_bits, &in);
  g_autoptr(McBoard) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0, second_len = 0;

  g_assert_true (mc_limits_check_board (board, &error));
  g_assert_no_error (error);
  first = mc_board_to_data (board, &first_len);
  again = mc_board_load_from_data (first, first_len, "round-trip", MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  second = mc_board_to_data (again, &second_len);
  g_assert_cmpmem (first, first_len, second, second_len);
}

static guint
replay_dir (const char *dir_path,
            ReplayFunc  replay)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "README"))
      g_ptr_array_add (names, g_strdup (name));

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      replay (path, data, length);
    }
  return names->len;
}

static void
test_harness (gconstpointer user_data)
{
  const char *harness = user_data;
  ReplayFunc replay = g_str_equal (harness, "board-load") ? replay_board_load :
                      g_str_equal (harness, "round-trip") ? replay_round_trip : replay_paste;
  g_autofree char *regressions = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions", harness, NULL);
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", harness, NULL);
  guint n = 0;

  n += replay_dir (regressions, replay);
  n += replay_dir (corpus, replay);
  /* The seed corpus is in the tree: an empty run means a wrong path. */
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/mc/fuzz-regressions/board-load", "board-load", test_harness);
  g_test_add_data_func ("/mc/fuzz-regressions/paste", "paste", test_harness);
  g_test_add_data_func ("/mc/fuzz-regressions/round-trip", "round-trip", test_harness);

  return g_test_run ();
}
