/* test-figure-fragment.c — the board behind an exported figure */
#include "config.h"

#include <string.h>

#include "mc-board-io.h"
#include "mc-figure-fragment.h"

static McNote *
first_note_of (McBoard    *board,
               const char *figure_id)
{
  GPtrArray *notes = mc_board_get_notes (board);

  for (guint i = 0; i < notes->len; i++)
    if (g_strcmp0 (mc_note_get_figure_id (g_ptr_array_index (notes, i)), figure_id) == 0)
      return g_ptr_array_index (notes, i);
  return NULL;
}

static guint
count_notes_of (McBoard    *board,
                const char *figure_id)
{
  GPtrArray *notes = mc_board_get_notes (board);
  guint n = 0;

  for (guint i = 0; i < notes->len; i++)
    n += g_strcmp0 (mc_note_get_figure_id (g_ptr_array_index (notes, i)), figure_id) == 0;
  return n;
}

/* A token found inside other bytes (as in an SVG, PDF or PNG) gives the
 * figure and its notes back. */
static void
test_round_trip_in_file (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  McFigure *figure = g_ptr_array_index (mc_board_get_figures (board), 0);
  const char *figure_id = mc_figure_get_id (figure);
  g_autofree char *token = mc_figure_fragment_encode (board, figure_id);
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autoptr(McBoard) again = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 binary[] = { 0x89, 'P', 'N', 'G', 0, 0, 0, 0x1a, 0xff, 'm' };
  McNote *note, *returned;

  g_assert_true (g_str_has_prefix (token, MC_FIGURE_FRAGMENT_PREFIX));
  g_byte_array_append (file, binary, sizeof binary);
  g_byte_array_append (file, (const guint8 *) token, (guint) strlen (token));
  g_byte_array_append (file, binary, sizeof binary);
  g_assert_true (mc_figure_fragment_contains ((const char *) file->data, file->len));

  again = mc_figure_fragment_decode ((const char *) file->data, file->len, "figure.png", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_board_get_figures (again)->len, ==, 1);
  g_assert_nonnull (mc_board_get_figure (again, figure_id));
  g_assert_cmpuint (mc_board_get_n_notes (again), ==, count_notes_of (board, figure_id));
  g_assert_cmpuint (mc_board_get_n_notes (again), >, 0);
  g_assert_cmpstr (mc_board_get_title (again), ==, mc_board_get_title (board));

  note = first_note_of (board, figure_id);
  returned = mc_board_get_note (again, mc_note_get_id (note));
  g_assert_nonnull (returned);
  g_assert_cmpstr (mc_note_get_text (returned), ==, mc_note_get_text (note));
  g_assert_cmpstr (mc_note_get_region_id (returned), ==, mc_note_get_region_id (note));
}

static void
test_whole_board (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autofree char *token = mc_figure_fragment_encode (board, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) again = mc_figure_fragment_decode (token, strlen (token), "board.svg", &error);
  g_autofree char *original = mc_board_to_data (board, NULL);
  g_autofree char *returned = NULL;

  g_assert_no_error (error);
  returned = mc_board_to_data (again, NULL);
  g_assert_cmpstr (returned, ==, original);
}

static void
test_refused (void)
{
  /* no token, an empty one, one that is not gzip, gzip of "hello" */
  const char *texts[] = {
    "<svg>no board here</svg>",
    MC_FIGURE_FRAGMENT_PREFIX,
    MC_FIGURE_FRAGMENT_PREFIX "AAAA",
    MC_FIGURE_FRAGMENT_PREFIX "H4sIAAAAAAAAA8tIzcnJBwCGphA2BQAAAA==",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McBoard) board = mc_figure_fragment_decode (texts[i], strlen (texts[i]), "f.pdf", &error);

      g_assert_null (board);
      int expected = i < 2 ? MC_BOARD_ERROR_NOT_A_BOARD : MC_BOARD_ERROR_NOT_JSON;

      g_assert_error (error, MC_BOARD_ERROR, expected);
      g_assert_nonnull (strstr (error->message, "f.pdf"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();

  g_test_add_func ("/mc/figure-fragment/round-trip-in-file", test_round_trip_in_file);
  g_test_add_func ("/mc/figure-fragment/whole-board", test_whole_board);
  g_test_add_func ("/mc/figure-fragment/refused", test_refused);

  return g_test_run ();
}
