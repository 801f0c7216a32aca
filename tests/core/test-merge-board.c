/* test-merge-board.c — merging more than notes: the copy id, figures,
 * metadata, a missing base, bad input, the loader's limits and the
 * command line */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mc-board.h"
#include "mc-board-io.h"
#include "mc-command.h"
#include "mc-merge.h"
#include "mc-cli-merge.h"
#include "mc-test-board.h"
#include "mc-test-util.h"

#include "merge-fixture.h"

/* ------------------------------------------------------------------ */
/* Figures, metadata, revisions                                        */

static void
test_figures (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  McFigure *figure = mc_figure_new ("context", "context");
  McNote *note;

  mc_figure_set_position (figure, 0, 920);
  mc_board_execute (theirs, mc_command_add_figure (figure));
  note = mc_test_note_new (ID_A2, "Op de contextfiguur", 40, 40);
  mc_note_set_anchor (note, "context", "issue");
  mc_board_execute (theirs, mc_command_add_note (note));

  figure = mc_figure_dup (mc_board_get_figure (ours, "cimo"));
  mc_figure_set_scale (figure, 0.5);
  mc_board_execute (ours, mc_command_update_figure (ours, figure));

  summary = merge (ours, theirs, base);

  g_assert_cmpuint (mc_merge_result_get_n_figures_added (summary), ==, 1);
  g_assert_nonnull (mc_board_get_figure (ours, "context"));
  g_assert_cmpfloat (mc_figure_get_y (mc_board_get_figure (ours, "context")), ==, 920);
  g_assert_cmpfloat (mc_figure_get_scale (mc_board_get_figure (ours, "cimo")), ==, 0.5);
  g_assert_cmpstr (mc_note_get_figure_id (mc_board_get_note (ours, ID_A2)), ==, "context");
}

/* A figure both sides added under one id but as different kinds: theirs
 * moves to a free id and its notes follow it. */
static void
test_figure_kind_clash (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  McNote *note;

  mc_board_execute (ours, mc_command_add_figure (mc_figure_new ("extra", "coherence")));
  mc_board_execute (theirs, mc_command_add_figure (mc_figure_new ("extra", "context")));
  note = mc_test_note_new (ID_A2, "Op hun figuur", 40, 40);
  mc_note_set_anchor (note, "extra", "issue");
  mc_board_execute (theirs, mc_command_add_note (note));

  summary = merge (ours, theirs, NULL);

  g_assert_cmpstr (mc_figure_get_kind (mc_board_get_figure (ours, "extra")), ==, "coherence");
  g_assert_nonnull (mc_board_get_figure (ours, "context-2"));
  g_assert_cmpstr (mc_figure_get_kind (mc_board_get_figure (ours, "context-2")), ==, "context");
  g_assert_cmpstr (mc_note_get_figure_id (mc_board_get_note (ours, ID_A2)), ==, "context-2");
}

static void
test_meta (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McMergeResult) summary = NULL;

  mc_board_execute (base, mc_command_set_meta (base, MC_META_CASE, "Overvecht"));
  ours = mc_test_board_clone (base);
  theirs = mc_test_board_clone (base);
  mc_board_execute (theirs, mc_command_set_title (theirs, "Wijkleerlab Overvecht"));
  mc_board_execute (theirs, mc_command_set_meta (theirs, MC_META_FACILITATOR, "Anna"));
  mc_board_execute (theirs, mc_command_set_meta (theirs, MC_META_CASE, "Overvecht-Noord"));
  mc_board_execute (ours, mc_command_set_meta (ours, MC_META_DATE, "2026-11-22"));

  summary = merge (ours, theirs, base);

  g_assert_cmpstr (mc_board_get_title (ours), ==, "Wijkleerlab Overvecht");
  g_assert_cmpstr (mc_board_get_meta (ours, MC_META_FACILITATOR), ==, "Anna");
  g_assert_cmpstr (mc_board_get_meta (ours, MC_META_CASE), ==, "Overvecht-Noord");
  g_assert_cmpstr (mc_board_get_meta (ours, MC_META_DATE), ==, "2026-11-22");
}

/* When theirs says it started from our saved revision, ours is the base:
 * their deletions apply. */
static void
test_implicit_base (void)
{
  g_autoptr(McBoard) ours = mc_test_merge_base_new ();
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McBoard) plain = NULL;
  g_autoptr(McMergeResult) summary = NULL;
  g_autoptr(McMergeResult) plain_summary = NULL;
  const char *rev = "6f1d1c7e-2b7a-4c55-9a57-2f6f0c1e9b11";

  mc_board_execute (ours, mc_command_set_meta (ours, MC_META_REVISION, rev));
  mc_board_mark_saved (ours);
  theirs = mc_test_board_clone (ours);
  plain = mc_test_board_clone (ours);
  mc_board_execute (theirs, mc_command_set_meta (theirs, MC_META_BASE_REVISION, rev));
  mc_board_execute (theirs, mc_command_set_meta (theirs, MC_META_REVISION,
                                                 "0b7e6a43-8a55-4a43-b0a1-0b1d2e3f4a5b"));
  mc_test_board_delete_note (theirs, ID_5);

  summary = merge (ours, theirs, NULL);
  g_assert_true (mc_merge_result_get_three_way (summary));
  g_assert_null (mc_board_get_note (ours, ID_5));
  /* The revision marks themselves are not merged. */
  g_assert_cmpstr (mc_board_get_meta (ours, MC_META_REVISION), ==, rev);

  /* Without the marks nothing is deleted. */
  mc_board_execute (plain, mc_command_set_meta (plain, MC_META_REVISION, NULL));
  {
    g_autoptr(McBoard) theirs2 = mc_test_board_clone (plain);

    mc_test_board_delete_note (theirs2, ID_5);
    plain_summary = merge (plain, theirs2, NULL);
    g_assert_false (mc_merge_result_get_three_way (plain_summary));
    g_assert_nonnull (mc_board_get_note (plain, ID_5));
  }
}

static void
test_errors (void)
{
  g_autoptr(McBoard) board = mc_test_merge_base_new ();
  g_autoptr(McBoard) other = mc_test_board_clone (board);
  g_autoptr(GError) error = NULL;
  McMergeResult *result;

  result = mc_merge_boards (board, board, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, MC_MERGE_ERROR, MC_MERGE_ERROR_SAME);
  g_clear_error (&error);

  mc_board_set_read_only (board, TRUE);
  result = mc_merge_boards (board, other, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, MC_MERGE_ERROR, MC_MERGE_ERROR_READ_ONLY);
}

/* The deterministic id: same version, same id; another text, another id. */
static void
test_copy_id (void)
{
  g_autoptr(McNote) a = mc_test_note_new (ID_1, "tekst", 0, 0);
  g_autoptr(McNote) b = mc_test_note_new (ID_1, "tekst", 300, 300);
  g_autoptr(McNote) c = mc_test_note_new (ID_1, "andere tekst", 0, 0);
  g_autoptr(McNote) d = mc_test_note_new (ID_2, "tekst", 0, 0);
  g_autofree char *ia = mc_merge_conflict_copy_id (a);
  g_autofree char *ib = mc_merge_conflict_copy_id (b);
  g_autofree char *ic = mc_merge_conflict_copy_id (c);
  g_autofree char *id = mc_merge_conflict_copy_id (d);

  g_assert_true (g_uuid_string_is_valid (ia));
  g_assert_cmpint (ia[14], ==, '5'); /* version 5 */
  g_assert_cmpstr (ia, ==, ib);
  g_assert_cmpstr (ia, !=, ic);
  g_assert_cmpstr (ia, !=, id);
  g_assert_cmpstr (ia, !=, ID_1);
}

/* A board with n figures of its own (ids PREFIX-0 …), one note on the first. */
static McBoard *
board_with_figures (const char *prefix,
                    guint       n)
{
  McBoard *board = mc_board_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, i);

      mc_board_execute (board, mc_command_add_figure (mc_figure_new (id, "cimo")));
    }
  mc_test_board_add_note (board, prefix[0] == 'a' ? ID_A1 : ID_A2, prefix, 10, 10, T0 + S (1));
  return board;
}

/* Two copies that together hold more figures than a board may: the merge
 * is refused with the limit named, ours is left as it was, and the command
 * line writes nothing. */
static void
test_over_limits (void)
{
  guint half = MC_BOARD_MAX_FIGURES / 2 + 10;
  g_autoptr(McBoard) ours = board_with_figures ("a", half);
  g_autoptr(McBoard) theirs = board_with_figures ("b", half);
  g_autoptr(McMergeResult) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = mc_board_to_data (ours, NULL);
  g_autofree char *after = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-merge-XXXXXX", &error);
  g_autofree char *p_ours = g_build_filename (dir, "ons.missiecanvas", NULL);
  g_autofree char *p_theirs = g_build_filename (dir, "hen.missiecanvas", NULL);
  g_autofree char *p_out = g_build_filename (dir, "samen.missiecanvas", NULL);
  g_autoptr(GFile) f_ours = g_file_new_for_path (p_ours);
  g_autoptr(GFile) f_theirs = g_file_new_for_path (p_theirs);

  g_assert_no_error (error);
  g_assert_false (mc_merge_into (ours, theirs, NULL, &summary, &error));
  g_assert_error (error, MC_MERGE_ERROR, MC_MERGE_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "figures"));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (summary);
  g_clear_error (&error);
  after = mc_board_to_data (ours, NULL);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (mc_board_save_to_file (ours, f_ours, &error));
  g_assert_true (mc_board_save_to_file (theirs, f_theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_cli_merge (p_ours, p_theirs, NULL, p_out), ==, 1);
  g_assert_false (g_file_test (p_out, G_FILE_TEST_EXISTS));

  mc_test_remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Command line                                                        */

static GString *printed;

static void
collect_print (const char *text)
{
  g_string_append (printed, text);
}

static void
test_cli (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McBoard) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-merge-XXXXXX", &error);
  g_autofree char *p_ours = NULL, *p_theirs = NULL, *p_base = NULL, *p_out = NULL;
  g_autoptr(GFile) f_ours = NULL, f_theirs = NULL, f_base = NULL, f_out = NULL;
  g_autofree char *ours_before = NULL;
  g_autofree char *ours_after = NULL;

  g_assert_no_error (error);
  printed = g_string_new (NULL);
  p_ours = g_build_filename (dir, "ons.missiecanvas", NULL);
  p_theirs = g_build_filename (dir, "hen.missiecanvas", NULL);
  p_base = g_build_filename (dir, "basis.missiecanvas", NULL);
  p_out = g_build_filename (dir, "samen.missiecanvas", NULL);
  f_ours = g_file_new_for_path (p_ours);
  f_theirs = g_file_new_for_path (p_theirs);
  f_base = g_file_new_for_path (p_base);
  f_out = g_file_new_for_path (p_out);

  mc_test_board_add_note (theirs, ID_A2, "Van hen", 600, 100, T0 + S (30));
  mc_test_board_delete_note (theirs, ID_5);
  g_assert_true (mc_board_save_to_file (ours, f_ours, &error));
  g_assert_true (mc_board_save_to_file (theirs, f_theirs, &error));
  g_assert_true (mc_board_save_to_file (base, f_base, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (p_ours, &ours_before, NULL, NULL));

  /* The summary goes to stdout, which is the TAP stream here: catch it. */
  {
    GPrintFunc old_handler = g_set_print_handler (collect_print);

    g_assert_cmpint (mc_cli_merge (p_ours, p_theirs, p_base, p_out), ==, 0);
    g_set_print_handler (old_handler);
  }
  g_assert_nonnull (strstr (printed->str, "1 note added"));
  g_assert_nonnull (strstr (printed->str, "1 removed"));

  merged = mc_board_load_from_file (f_out, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mc_board_get_note (merged, ID_A2));
  g_assert_null (mc_board_get_note (merged, ID_5));
  g_assert_cmpuint (mc_board_get_n_notes (merged), ==, 6);

  /* The user's own file is untouched when OUTPUT is elsewhere. */
  g_assert_true (g_file_get_contents (p_ours, &ours_after, NULL, NULL));
  g_assert_cmpstr (ours_before, ==, ours_after);

  /* A missing file is a clean failure. */
  g_assert_cmpint (mc_cli_merge (p_ours, "/nonexistent/x.missiecanvas", NULL, p_out), ==, 1);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (dir);
  g_string_free (g_steal_pointer (&printed), TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/merge/copy-id", test_copy_id);
  g_test_add_func ("/mc/merge/figures", test_figures);
  g_test_add_func ("/mc/merge/figure-kind-clash", test_figure_kind_clash);
  g_test_add_func ("/mc/merge/meta", test_meta);
  g_test_add_func ("/mc/merge/implicit-base", test_implicit_base);
  g_test_add_func ("/mc/merge/errors", test_errors);
  g_test_add_func ("/mc/merge/over-limits", test_over_limits);
  g_test_add_func ("/mc/merge/cli", test_cli);

  return g_test_run ();
}
