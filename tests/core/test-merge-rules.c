/* test-merge-rules.c — merging copies of a board, two-way and three-way:
 * what is added, changed and in conflict, undo, and the revision marks */
#include "config.h"

#include "mc-board.h"
#include "mc-board-io.h"
#include "mc-command.h"
#include "mc-catalog.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-merge.h"
#include "mc-test-board.h"
#include "mc-test-util.h"

#include "merge-fixture.h"

/* ------------------------------------------------------------------ */
/* Two-way                                                             */

static void
test_two_way_added (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;

  mc_test_board_add_note (ours, ID_A1, "Van ons", 600, 100, T0 + S (10));
  mc_test_board_add_note (theirs, ID_A2, "Van hen", 600, 240, T0 + S (20));
  mc_test_board_delete_note (theirs, ID_3); /* without a base, a deletion cannot be told from an addition */

  summary = merge (ours, theirs, NULL);

  g_assert_false (mc_merge_result_get_three_way (summary));
  g_assert_cmpuint (mc_merge_result_get_n_added (summary), ==, 1);
  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 0);
  g_assert_cmpuint (mc_merge_result_get_n_removed (summary), ==, 0);
  g_assert_cmpuint (mc_board_get_n_notes (ours), ==, 8);
  g_assert_nonnull (mc_board_get_note (ours, ID_A1));
  g_assert_nonnull (mc_board_get_note (ours, ID_A2));
  g_assert_nonnull (mc_board_get_note (ours, ID_3));
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (ours, ID_A2)), ==, "Van hen");
  g_assert_false (mc_note_get_conflict (mc_board_get_note (ours, ID_A2)));
}

static void
test_two_way_conflict (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  g_autofree char *copy_id = NULL;
  const char * const *conflicts;
  McNote *original, *copy;
  McRect ro, rc;

  mc_test_board_edit_note (ours, ID_1, "Energiearmoede (ons)", NULL, -1, -1, -1, T0 + S (100));
  mc_test_board_edit_note (theirs, ID_1, "Energiearmoede (hen)", NULL, -1, -1, -1, T0 + S (200));

  summary = merge (ours, theirs, NULL);

  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 1);
  g_assert_cmpuint (mc_board_get_n_notes (ours), ==, 7);
  g_assert_cmpuint (mc_test_board_count_text (ours, "Energiearmoede (ons)"), ==, 1);
  g_assert_cmpuint (mc_test_board_count_text (ours, "Energiearmoede (hen)"), ==, 1);

  original = mc_board_get_note (ours, ID_1);
  g_assert_true (mc_note_get_conflict (original));

  /* The copy's id is derived from the version it holds. */
  {
    g_autoptr(McNote) theirs_version = mc_note_dup (mc_board_get_note (theirs, ID_1));
    g_autoptr(McNote) ours_version = mc_test_note_new (ID_1, "Energiearmoede (ons)", 20, 100);
    McNote *loser = g_strcmp0 (mc_note_get_text (original), "Energiearmoede (ons)") == 0
                    ? theirs_version : ours_version;

    copy_id = mc_merge_conflict_copy_id (loser);
  }
  g_assert_true (g_uuid_string_is_valid (copy_id));
  copy = mc_board_get_note (ours, copy_id);
  g_assert_nonnull (copy);
  g_assert_true (mc_note_get_conflict (copy));
  g_assert_cmpstr (mc_note_get_text (copy), !=, mc_note_get_text (original));
  g_assert_cmpstr (mc_note_get_figure_id (copy), ==, "cimo");
  g_assert_cmpstr (mc_note_get_region_id (copy), ==, "context");

  /* In its region, never on the paper edge: the copy has no position of
   * its own, so the layout packs it into the region's note area, clear of
   * the original. */
  g_assert_false (mc_note_get_has_position (copy));
  {
    g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
    g_autoptr(McScene) scene = NULL;
    McViewOptions options;
    McRect area;

    mc_view_options_init (&options, MC_LANGUAGE_NL);
    scene = mc_layout_build (layout, ours, &options);
    g_assert_true (mc_layout_get_note_area (layout, "cimo", "context", &area));
    g_assert_true (mc_layout_get_note_rect (layout, mc_note_get_id (original), &ro));
    g_assert_true (mc_layout_get_note_rect (layout, copy_id, &rc));
    g_assert_cmpfloat (rc.x, >=, area.x);
    g_assert_cmpfloat (rc.y, >=, area.y);
    g_assert_cmpfloat (rc.x + rc.width, <=, area.x + area.width);
    g_assert_cmpfloat (rc.y + rc.height, <=, area.y + area.height);
    g_assert_false (mc_rect_intersects (&rc, &ro));
  }

  conflicts = mc_merge_result_get_conflict_ids (summary);
  g_assert_cmpuint (g_strv_length ((char **) conflicts), ==, 2);
  g_assert_true (g_strv_contains (conflicts, ID_1));
  g_assert_true (g_strv_contains (conflicts, copy_id));
}

static void
test_two_way_votes_and_moves (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  McRect r;

  mc_test_board_edit_note (ours, ID_4, NULL, NULL, 3, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_4, NULL, NULL, 5, -1, -1, T0 + S (20));
  mc_test_board_edit_note (theirs, ID_6, NULL, NULL, -1, 500, 500, T0 + S (30));

  summary = merge (ours, theirs, NULL);

  /* Votes and positions are not worth a conflict copy. */
  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 0);
  g_assert_cmpuint (mc_board_get_n_notes (ours), ==, 6);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (ours, ID_4)), ==, 5);
  mc_note_get_rect (mc_board_get_note (ours, ID_6), &r);
  g_assert_cmpfloat (r.x, ==, 500);
  g_assert_cmpfloat (r.y, ==, 500);
  g_assert_false (mc_note_get_conflict (mc_board_get_note (ours, ID_6)));
}

/* ------------------------------------------------------------------ */
/* Three-way                                                           */

static void
test_three_way_rules (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McMergeResult) summary = NULL;
  McNote *note;

  mc_test_board_edit_note (base, ID_4, NULL, NULL, 2, -1, -1, T0 + S (1));
  ours = mc_test_board_clone (base);
  theirs = mc_test_board_clone (base);

  /* One side changes: that change is taken, no conflict. */
  mc_test_board_edit_note (theirs, ID_1, "Energiearmoede, vooral bij huurders", NULL, -1, -1, -1, T0 + S (10));
  mc_test_board_edit_note (ours, ID_2, NULL, "blue", -1, -1, -1, T0 + S (10));
  /* Text on one side, position on the other: both are taken. */
  mc_test_board_edit_note (ours, ID_3, "Gemeente, corporatie, hogeschool, bewoners", NULL, -1, -1, -1, T0 + S (20));
  mc_test_board_edit_note (theirs, ID_3, NULL, NULL, -1, 600, 300, T0 + S (30));
  /* Votes: base + both deltas. */
  mc_test_board_edit_note (ours, ID_4, NULL, NULL, 5, -1, -1, T0 + S (10));  /* +3 */
  mc_test_board_edit_note (theirs, ID_4, NULL, NULL, 3, -1, -1, T0 + S (10)); /* +1 */
  /* Deleted on one side, unchanged on the other: it goes. */
  mc_test_board_delete_note (theirs, ID_5);
  /* Deleted on one side, changed on the other: it stays, marked. */
  mc_test_board_delete_note (ours, ID_6);
  mc_test_board_edit_note (theirs, ID_6, "Minder energieschulden in 2028", NULL, -1, -1, -1, T0 + S (40));

  summary = merge (ours, theirs, base);

  g_assert_true (mc_merge_result_get_three_way (summary));
  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 0);
  g_assert_cmpuint (mc_merge_result_get_n_removed (summary), ==, 1);
  g_assert_cmpuint (mc_merge_result_get_n_kept_deleted (summary), ==, 1);

  note = mc_board_get_note (ours, ID_1);
  g_assert_cmpstr (mc_note_get_text (note), ==, "Energiearmoede, vooral bij huurders");
  g_assert_false (mc_note_get_conflict (note));
  /* The change comes with the time it was made on the other copy. */
  g_assert_cmpint (mc_note_get_modified (note), ==, T0 + S (10));
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (ours, ID_2)), ==, "blue");

  note = mc_board_get_note (ours, ID_3);
  g_assert_cmpstr (mc_note_get_text (note), ==, "Gemeente, corporatie, hogeschool, bewoners");
  {
    McRect r;

    mc_note_get_rect (note, &r);
    g_assert_cmpfloat (r.x, ==, 600);
    g_assert_cmpfloat (r.y, ==, 300);
  }

  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (ours, ID_4)), ==, 6);
  g_assert_null (mc_board_get_note (ours, ID_5));

  note = mc_board_get_note (ours, ID_6);
  g_assert_nonnull (note);
  g_assert_cmpstr (mc_note_get_text (note), ==, "Minder energieschulden in 2028");
  g_assert_true (mc_note_get_conflict (note));
  g_assert_true (g_strv_contains (mc_merge_result_get_conflict_ids (summary), ID_6));

  g_assert_cmpuint (mc_board_get_n_notes (ours), ==, 5);
}

static void
test_three_way_conflict (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;

  mc_test_board_edit_note (ours, ID_2, "Wantrouwen: eerdere projecten stopten", NULL, -1, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_2, "Wantrouwen jegens de gemeente", NULL, -1, -1, -1, T0 + S (20));
  /* Both made the same change: no conflict. */
  mc_test_board_edit_note (ours, ID_3, "Gemeente en corporatie", NULL, -1, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_3, "Gemeente en corporatie", NULL, -1, -1, -1, T0 + S (20));

  summary = merge (ours, theirs, base);

  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 1);
  g_assert_cmpuint (mc_board_get_n_notes (ours), ==, 7);
  g_assert_cmpuint (mc_test_board_count_text (ours, "Wantrouwen: eerdere projecten stopten"), ==, 1);
  g_assert_cmpuint (mc_test_board_count_text (ours, "Wantrouwen jegens de gemeente"), ==, 1);
  g_assert_cmpuint (mc_test_board_count_text (ours, "Gemeente en corporatie"), ==, 1);
  g_assert_false (mc_note_get_conflict (mc_board_get_note (ours, ID_3)));
  g_assert_true (mc_note_get_conflict (mc_board_get_note (ours, ID_2)));
}

/* ------------------------------------------------------------------ */
/* One undo step                                                       */

static void
test_undo (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  McHistory *history = mc_board_get_history (ours);
  guint n_undo;

  mc_test_board_edit_note (ours, ID_1, "ons", NULL, -1, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_1, "hen", NULL, -1, -1, -1, T0 + S (20));
  mc_test_board_add_note (theirs, ID_A2, "nieuw", 600, 100, T0 + S (30));
  mc_test_board_delete_note (theirs, ID_5);
  mc_test_board_edit_note (theirs, ID_4, NULL, NULL, 4, -1, -1, T0 + S (40));
  {
    /* A cluster of a new note and an existing one, and one of ours that
     * loses a member to it. */
    McCluster *mine = mc_cluster_new ("Ons cluster", NULL);
    McCluster *theirs_cluster = mc_cluster_new_with_id ("00000000-0000-4000-8000-0000000000c1");
    const char *mine_ids[] = { ID_3, ID_6, NULL };
    const char *their_ids[] = { ID_A2, ID_3, NULL };

    mc_cluster_set_note_ids (mine, mine_ids);
    mc_board_execute (ours, mc_command_add_cluster (ours, mine));
    mc_cluster_set_note_ids (theirs_cluster, their_ids);
    mc_board_execute (theirs, mc_command_add_cluster (theirs, theirs_cluster));
  }

  before = canonical (ours);
  n_undo = mc_history_get_n_undo (history);

  summary = merge (ours, theirs, base);
  after = canonical (ours);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpuint (mc_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_true (mc_board_get_modified (ours));

  g_assert_true (mc_board_undo (ours));
  undone = canonical (ours);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (mc_board_redo (ours));
  redone = canonical (ours);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_empty_merge_adds_no_step (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  guint n_undo = mc_history_get_n_undo (mc_board_get_history (ours));

  summary = merge (ours, theirs, NULL);
  g_assert_true (mc_merge_result_is_empty (summary));
  g_assert_cmpuint (mc_history_get_n_undo (mc_board_get_history (ours)), ==, n_undo);
  g_assert_false (mc_board_get_modified (ours));
}

/* Saves record revision marks, so a member's copy merged back into the
 * unchanged original is three-way without naming a base: its deletion
 * goes through instead of the note coming back. */
static void
test_revision_marks (void)
{
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-merge-XXXXXX");
  g_autofree char *original_path = g_build_filename (dir, "bord.missiecanvas", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "kopie-anna.missiecanvas", NULL);
  g_autoptr(GFile) original_file = g_file_new_for_path (original_path);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(McBoard) facilitator = mc_test_merge_base_new ();
  g_autoptr(McBoard) anna = NULL;
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McMergeResult) summary = NULL;
  g_autoptr(GError) error = NULL;
  const char *revision;

  g_assert_true (mc_board_save_to_file (facilitator, original_file, &error));
  g_assert_no_error (error);
  revision = mc_board_get_meta (facilitator, MC_META_REVISION);
  g_assert_true (g_uuid_string_is_valid (revision));
  g_assert_null (mc_board_get_meta (facilitator, MC_META_BASE_REVISION));
  g_assert_false (mc_board_get_modified (facilitator));

  /* Anna works on her copy and saves it under her own name. */
  anna = mc_board_load_from_file (original_file, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  mc_test_board_delete_note (anna, ID_5);
  mc_test_board_edit_note (anna, ID_1, "Energiearmoede, vooral bij huurders", NULL, -1, -1, -1, T0 + S (10));
  g_assert_true (mc_board_save_to_file (anna, copy_file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mc_board_get_meta (anna, MC_META_BASE_REVISION), ==, revision);
  g_assert_cmpstr (mc_board_get_meta (anna, MC_META_REVISION), !=, revision);

  ours = mc_board_load_from_file (original_file, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  theirs = mc_board_load_from_file (copy_file, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  summary = merge (ours, theirs, NULL);

  g_assert_true (mc_merge_result_get_three_way (summary));
  g_assert_null (mc_board_get_note (ours, ID_5));
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (ours, ID_1)), ==,
                   "Energiearmoede, vooral bij huurders");
  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 0);

  mc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/merge/two-way/added", test_two_way_added);
  g_test_add_func ("/mc/merge/two-way/conflict", test_two_way_conflict);
  g_test_add_func ("/mc/merge/two-way/votes-and-moves", test_two_way_votes_and_moves);
  g_test_add_func ("/mc/merge/three-way/rules", test_three_way_rules);
  g_test_add_func ("/mc/merge/three-way/conflict", test_three_way_conflict);
  g_test_add_func ("/mc/merge/undo", test_undo);
  g_test_add_func ("/mc/merge/empty", test_empty_merge_adds_no_step);
  g_test_add_func ("/mc/merge/revision-marks", test_revision_marks);

  return g_test_run ();
}
