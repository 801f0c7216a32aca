/* test-placement.c — free spots for new figures, add and scale commands */
#include "config.h"

#include "mc-command.h"
#include "mc-templates.h"
#include "mc-figure-kind.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-placement.h"

static void
assert_no_overlap (McBoard *board)
{
  GPtrArray *figures = mc_board_get_figures (board);

  for (guint i = 0; i < figures->len; i++)
    for (guint j = i + 1; j < figures->len; j++)
      {
        const char *a_id = mc_figure_get_id (g_ptr_array_index (figures, i));
        const char *b_id = mc_figure_get_id (g_ptr_array_index (figures, j));
        McRect a, b;

        g_assert_true (mc_layout_get_figure_rect (board, a_id, &a));
        g_assert_true (mc_layout_get_figure_rect (board, b_id, &b));
        /* At least the template's gap apart, on one axis or the other. */
        if (!(a.x + a.width + MC_PLACEMENT_GAP <= b.x + 0.01
              || b.x + b.width + MC_PLACEMENT_GAP <= a.x + 0.01
              || a.y + a.height + MC_PLACEMENT_GAP <= b.y + 0.01
              || b.y + b.height + MC_PLACEMENT_GAP <= a.y + 0.01))
          g_error ("%s (%g,%g %g×%g) and %s (%g,%g %g×%g) are too close",
                   a_id, a.x, a.y, a.width, a.height,
                   b_id, b.x, b.y, b.width, b.height);
      }
}

static char *
add_figure (McBoard    *board,
            const char *kind)
{
  char *id = NULL;

  mc_board_execute (board, mc_placement_add_figure_command (board, kind, &id));
  g_assert_nonnull (id);
  g_assert_nonnull (mc_board_get_figure (board, id));
  return id;
}

static void
test_empty_board (void)
{
  g_autoptr(McBoard) board = mc_board_new ();
  g_autofree char *id = add_figure (board, "perspectives");
  McFigure *figure = mc_board_get_figure (board, id);

  g_assert_cmpstr (id, ==, "perspectives");
  g_assert_cmpstr (mc_figure_get_kind (figure), ==, "perspectives");
  g_assert_cmpfloat (mc_figure_get_x (figure), ==, 0);
  g_assert_cmpfloat (mc_figure_get_y (figure), ==, 0);
  g_assert_cmpfloat (mc_figure_get_scale (figure), ==, 1);
}

static void
test_ten_mixed (void)
{
  const char *kinds[] = {
    "coherence", "cimo", "perspectives", "cimo", "potential-value",
    "context", "doorwerking", "scale-levels", "value-creation", "boundary-crossing",
  };
  g_autoptr(McBoard) board = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  McRect before, after;

  board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_placement_get_content_rect (board, &before));
  g_assert_cmpfloat (before.width, ==, 4360);
  g_assert_cmpfloat (before.height, ==, 3040);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      char *id = add_figure (board, kinds[i]);

      g_assert_true (g_str_has_prefix (id, kinds[i]));
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, id);
      assert_no_overlap (board);
    }

  g_assert_cmpuint (mc_board_get_figures (board)->len, ==, 19);
  /* The template's own ids are taken: the second perspectives is "-2". */
  g_assert_true (g_hash_table_contains (ids, "perspectives-2"));
  g_assert_true (g_hash_table_contains (ids, "cimo-2"));
  g_assert_true (g_hash_table_contains (ids, "cimo-3"));

  /* Compact: ten more figures at most double each side, not a long strip. */
  g_assert_true (mc_placement_get_content_rect (board, &after));
  g_assert_cmpfloat (after.x, ==, 0);
  g_assert_cmpfloat (after.y, ==, 0);
  g_assert_cmpfloat (after.width, <=, 2 * before.width);
  g_assert_cmpfloat (after.height, <=, 2 * before.height);
}

static void
test_first_spot_on_model (void)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_EN, NULL);
  g_autofree char *first = add_figure (board, "coherence");
  g_autofree char *second = add_figure (board, "context");
  McFigure *a = mc_board_get_figure (board, first);
  McFigure *b = mc_board_get_figure (board, second);

  /* Right of the CIMO band at the top, then below it in the same column. */
  g_assert_cmpfloat (mc_figure_get_x (a), ==, 4360 + MC_PLACEMENT_GAP);
  g_assert_cmpfloat (mc_figure_get_y (a), ==, 0);
  g_assert_cmpfloat (mc_figure_get_x (b), ==, mc_figure_get_x (a));
  g_assert_cmpfloat (mc_figure_get_y (b), ==, 1000 + MC_PLACEMENT_GAP);
}

static void
test_fills_hole (void)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, NULL);
  g_autofree char *id = NULL;
  McFigure *figure;

  /* Where a removed figure was, a new one fits without growing the board. */
  mc_board_execute (board, mc_command_remove_figure (board, "coherence"));
  g_assert_null (mc_board_get_figure (board, "coherence"));

  id = add_figure (board, "value-creation");
  figure = mc_board_get_figure (board, id);
  g_assert_cmpstr (id, ==, "value-creation-2");
  g_assert_cmpfloat (mc_figure_get_x (figure), ==, 2240);
  g_assert_cmpfloat (mc_figure_get_y (figure), ==, 2040);
  assert_no_overlap (board);
}

static void
test_avoids_notes (void)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("perspectives", MC_LANGUAGE_NL, NULL);
  McNote *free_note = mc_note_new ("Losse notitie rechts");
  McNote *anchored = mc_note_new ("Buiten de figuur");
  g_autofree char *id = NULL;
  McRect note_rect, figure_rect;

  /* A free note right of the figure and an anchored one sticking out
   * below it: the new figure keeps clear of both. */
  note_rect = (McRect) { 1150, 40, 160, 110 };
  mc_note_set_rect (free_note, &note_rect);
  mc_board_execute (board, mc_command_add_note (free_note));
  mc_note_set_anchor (anchored, "perspectives", "content");
  note_rect = (McRect) { 20, 1060, 160, 110 };
  mc_note_set_rect (anchored, &note_rect);
  mc_board_execute (board, mc_command_add_note (anchored));

  id = add_figure (board, "scale-levels");
  g_assert_true (mc_layout_get_figure_rect (board, id, &figure_rect));

  note_rect = (McRect) { 1150, 40, 160, 110 };
  g_assert_false (mc_rect_intersects (&figure_rect, &note_rect));
  note_rect = (McRect) { 20, 1060, 160, 110 };
  g_assert_false (mc_rect_intersects (&figure_rect, &note_rect));
  assert_no_overlap (board);
}

static void
test_follows_scale (void)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("context", MC_LANGUAGE_NL, NULL);
  g_autofree char *id = NULL;
  McFigure *figure;

  mc_board_execute (board, mc_placement_scale_figure_command (board, "context", 0.5));
  id = add_figure (board, "coherence");
  figure = mc_board_get_figure (board, id);
  g_assert_cmpfloat (mc_figure_get_scale (figure), ==, 0.5);
  /* Beside the half-size figure, half the gap away. */
  g_assert_cmpfloat (mc_figure_get_x (figure), ==, 500 + MC_PLACEMENT_GAP / 2);
  g_assert_cmpfloat (mc_figure_get_y (figure), ==, 0);
}

static void
test_undo_removes (void)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("cimo", MC_LANGUAGE_NL, NULL);
  McHistory *history = mc_board_get_history (board);
  g_autofree char *id = NULL;
  g_autofree char *again = NULL;

  g_assert_false (mc_history_get_can_undo (history));
  id = add_figure (board, "doorwerking");
  g_assert_cmpuint (mc_board_get_figures (board)->len, ==, 2);
  g_assert_true (mc_history_get_can_undo (history));
  g_assert_cmpstr (mc_history_get_undo_label (history), ==, "Add Figure");

  g_assert_true (mc_board_undo (board));
  g_assert_null (mc_board_get_figure (board, id));
  g_assert_cmpuint (mc_board_get_figures (board)->len, ==, 1);
  g_assert_false (mc_board_get_modified (board));

  g_assert_true (mc_board_redo (board));
  g_assert_nonnull (mc_board_get_figure (board, id));

  /* After undo the id is free again, so the same id comes back. */
  g_assert_true (mc_board_undo (board));
  again = add_figure (board, "doorwerking");
  g_assert_cmpstr (again, ==, id);
}

static void
test_scale (void)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, NULL);
  McFigure *figure = mc_board_get_figure (board, "coherence");
  McHistory *history = mc_board_get_history (board);
  McRect rect;

  mc_board_execute (board, mc_placement_scale_figure_command (board, "coherence", 1.5));
  g_assert_cmpfloat (mc_figure_get_scale (figure), ==, 1.5);
  /* The top-left corner stays. */
  g_assert_cmpfloat (mc_figure_get_x (figure), ==, 2240);
  g_assert_cmpfloat (mc_figure_get_y (figure), ==, 2040);
  g_assert_true (mc_layout_get_figure_rect (board, "coherence", &rect));
  g_assert_cmpfloat (rect.width, ==, 1500);
  g_assert_cmpstr (mc_history_get_undo_label (history), ==, "Resize Figure");

  mc_board_execute (board, mc_placement_scale_figure_command (board, "coherence", 100));
  g_assert_cmpfloat (mc_figure_get_scale (figure), ==, MC_PLACEMENT_MAX_SCALE);
  mc_board_execute (board, mc_placement_scale_figure_command (board, "coherence", 0.01));
  g_assert_cmpfloat (mc_figure_get_scale (figure), ==, MC_PLACEMENT_MIN_SCALE);

  /* At the limit nothing changes and nothing lands in the history. */
  g_assert_cmpuint (mc_history_get_n_undo (history), ==, 3);
  mc_board_execute (board, mc_placement_scale_figure_command (board, "coherence", 0.1));
  g_assert_cmpuint (mc_history_get_n_undo (history), ==, 3);

  g_assert_true (mc_board_undo (board));
  g_assert_true (mc_board_undo (board));
  g_assert_true (mc_board_undo (board));
  g_assert_cmpfloat (mc_figure_get_scale (figure), ==, 1.0);

  g_assert_null (mc_placement_scale_figure_command (board, "no-such-figure", 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();

  g_test_add_func ("/mc/placement/empty-board", test_empty_board);
  g_test_add_func ("/mc/placement/ten-mixed", test_ten_mixed);
  g_test_add_func ("/mc/placement/first-spot-on-model", test_first_spot_on_model);
  g_test_add_func ("/mc/placement/fills-hole", test_fills_hole);
  g_test_add_func ("/mc/placement/avoids-notes", test_avoids_notes);
  g_test_add_func ("/mc/placement/follows-scale", test_follows_scale);
  g_test_add_func ("/mc/placement/undo-removes", test_undo_removes);
  g_test_add_func ("/mc/placement/scale", test_scale);

  return g_test_run ();
}
