/* test-history.c — undo/redo, typing runs, the saved point */
#include "config.h"

#include "mc-board.h"
#include "mc-command.h"
#include "mc-history.h"

typedef struct
{
  McBoard    *board;
  McHistory  *history;
  GHashTable *notifies;   /* "history:can-undo", "board:modified", … → count */
  guint       n_changed;
  McChangeFlags flags;
} Fixture;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Fixture    *f)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", MC_IS_BOARD (object) ? "board" : "history",
                                          pspec->name);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (f->notifies, key));

  g_hash_table_insert (f->notifies, g_steal_pointer (&key), GUINT_TO_POINTER (n + 1));
}

static void
on_changed (McBoard       *board,
            McChangeFlags  flags,
            GStrv          ids,
            Fixture       *f)
{
  f->n_changed++;
  f->flags = flags;
}

static guint
notified (Fixture    *f,
          const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->notifies, key));
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  McNote *note = mc_note_new_with_id ("n");

  f->board = mc_board_new ();
  f->history = mc_board_get_history (f->board);
  mc_board_execute (f->board, mc_command_add_note (note));
  mc_history_clear (f->history);
  mc_board_mark_saved (f->board);

  f->notifies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (f->board, "notify", G_CALLBACK (on_notify), f);
  g_signal_connect (f->history, "notify", G_CALLBACK (on_notify), f);
  g_signal_connect (f->board, "changed", G_CALLBACK (on_changed), f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->board);
  g_clear_pointer (&f->notifies, g_hash_table_unref);
}

static const char *
text (Fixture *f)
{
  return mc_note_get_text (mc_board_get_note (f->board, "n"));
}

static void
type (Fixture    *f,
      const char *s)
{
  mc_board_execute (f->board, mc_command_set_note_text (f->board, "n", s));
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_false (mc_history_get_can_undo (f->history));
  g_assert_false (mc_history_get_can_redo (f->history));
  g_assert_null (mc_history_get_undo_label (f->history));
  g_assert_false (mc_board_get_modified (f->board));

  mc_board_execute (f->board, mc_command_set_title (f->board, "A"));
  g_assert_true (mc_history_get_can_undo (f->history));
  g_assert_cmpstr (mc_history_get_undo_label (f->history), ==, "Rename Board");
  g_assert_cmpuint (notified (f, "history:can-undo"), ==, 1);
  g_assert_cmpuint (notified (f, "history:undo-label"), ==, 1);
  g_assert_cmpuint (notified (f, "history:can-redo"), ==, 0);
  g_assert_cmpuint (notified (f, "board:modified"), ==, 1);
  g_assert_true (f->flags & MC_CHANGE_HISTORY);

  /* Same label, still undoable, still modified: no history change. */
  mc_board_execute (f->board, mc_command_set_title (f->board, "B"));
  g_assert_cmpuint (notified (f, "history:can-undo"), ==, 1);
  g_assert_cmpuint (notified (f, "history:undo-label"), ==, 1);
  g_assert_false (f->flags & MC_CHANGE_HISTORY);
  g_assert_cmpuint (mc_history_get_n_undo (f->history), ==, 2);

  g_assert_true (mc_board_undo (f->board));
  g_assert_true (mc_history_get_can_redo (f->history));
  g_assert_cmpstr (mc_history_get_redo_label (f->history), ==, "Rename Board");
  g_assert_cmpuint (notified (f, "history:can-redo"), ==, 1);
  g_assert_true (f->flags & MC_CHANGE_HISTORY);

  /* A new command clears the redo stack. */
  mc_board_execute (f->board, mc_command_set_phase (f->board, MC_PHASE_MONITOR));
  g_assert_false (mc_history_get_can_redo (f->history));
  g_assert_cmpuint (mc_history_get_n_redo (f->history), ==, 0);
  g_assert_cmpstr (mc_history_get_undo_label (f->history), ==, "Change Phase");
  g_assert_cmpuint (notified (f, "history:can-redo"), ==, 2);

  mc_history_clear (f->history);
  g_assert_false (mc_history_get_can_undo (f->history));
  g_assert_true (mc_board_get_modified (f->board));
  g_assert_true (f->flags & MC_CHANGE_HISTORY);
  g_assert_cmpstr (mc_board_get_title (f->board), ==, "A");
}

static void
test_coalesce_typing (Fixture       *f,
                      gconstpointer  data)
{
  guint changed_before;

  type (f, "H");
  type (f, "Ha");
  type (f, "Hal");
  type (f, "Hallo");
  g_assert_cmpstr (text (f), ==, "Hallo");
  g_assert_cmpuint (mc_history_get_n_undo (f->history), ==, 1);
  g_assert_cmpstr (mc_history_get_undo_label (f->history), ==, "Edit Text");

  /* One undo takes the whole word back; redo brings all of it. */
  changed_before = f->n_changed;
  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpuint (f->n_changed, ==, changed_before + 1);
  g_assert_cmpstr (text (f), ==, "");
  g_assert_true (mc_board_redo (f->board));
  g_assert_cmpstr (text (f), ==, "Hallo");

  /* After undo/redo a new keystroke starts a new step. */
  type (f, "Hallo!");
  g_assert_cmpuint (mc_history_get_n_undo (f->history), ==, 2);

  /* Breaking the run. */
  mc_history_break_coalescing (f->history);
  type (f, "Hallo!!");
  type (f, "Hallo!!!");
  g_assert_cmpuint (mc_history_get_n_undo (f->history), ==, 3);

  /* Another command kind ends the run too. */
  mc_board_execute (f->board, mc_command_set_title (f->board, "T"));
  type (f, "x");
  type (f, "xy");
  g_assert_cmpuint (mc_history_get_n_undo (f->history), ==, 5);
  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpstr (text (f), ==, "Hallo!!!");
  g_assert_true (mc_board_undo (f->board));
  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpstr (text (f), ==, "Hallo!");
  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpstr (text (f), ==, "Hallo");
}

static void
test_coalesce_other_note (Fixture       *f,
                          gconstpointer  data)
{
  mc_board_execute (f->board, mc_command_add_note (mc_note_new_with_id ("m")));
  mc_history_break_coalescing (f->history);
  type (f, "a");
  type (f, "ab");
  mc_board_execute (f->board, mc_command_set_note_text (f->board, "m", "z"));
  type (f, "abc");
  g_assert_cmpuint (mc_history_get_n_undo (f->history), ==, 4);
}

static void
test_text_modified_time (Fixture       *f,
                         gconstpointer  data)
{
  McNote *note = mc_board_get_note (f->board, "n");
  g_autoptr(McNote) old = mc_note_dup (note);
  gint64 modified;

  mc_note_set_modified (old, 1000);
  mc_board_execute (f->board, mc_command_update_note (f->board, g_steal_pointer (&old)));
  g_assert_cmpint (mc_note_get_modified (note), ==, 1000);

  type (f, "nieuw");
  modified = mc_note_get_modified (note);
  g_assert_cmpint (modified, >, 1000);
  g_assert_cmpint (mc_note_get_created (note), <=, modified);

  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpint (mc_note_get_modified (note), ==, 1000);
  /* The time was taken once, when the command was made: redo repeats it. */
  g_assert_true (mc_board_redo (f->board));
  g_assert_cmpint (mc_note_get_modified (note), ==, modified);
}

static void
test_saved_point (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_false (mc_board_get_modified (f->board));

  mc_board_execute (f->board, mc_command_set_title (f->board, "1"));
  mc_board_execute (f->board, mc_command_set_title (f->board, "2"));
  g_assert_true (mc_board_get_modified (f->board));
  mc_board_mark_saved (f->board);
  g_assert_false (mc_board_get_modified (f->board));
  g_assert_true (f->flags & MC_CHANGE_HISTORY);
  g_assert_cmpuint (notified (f, "board:modified"), ==, 2);

  /* Undo away from the saved point: modified; redo back: clean again. */
  g_assert_true (mc_board_undo (f->board));
  g_assert_true (mc_board_get_modified (f->board));
  g_assert_true (f->flags & MC_CHANGE_HISTORY);
  g_assert_true (mc_board_redo (f->board));
  g_assert_false (mc_board_get_modified (f->board));

  /* Redo past the saved point: modified; undo back: clean. */
  mc_board_execute (f->board, mc_command_set_title (f->board, "3"));
  g_assert_true (mc_board_get_modified (f->board));
  g_assert_true (mc_board_undo (f->board));
  g_assert_false (mc_board_get_modified (f->board));
  g_assert_true (mc_board_redo (f->board));
  g_assert_true (mc_board_get_modified (f->board));
  g_assert_true (mc_board_undo (f->board));

  /* Undo below the saved point, then a new edit: the saved state is gone
   * from the history, so no undo or redo makes the board clean again. */
  g_assert_true (mc_board_undo (f->board));
  g_assert_true (mc_board_get_modified (f->board));
  mc_board_execute (f->board, mc_command_set_title (f->board, "anders"));
  g_assert_true (mc_board_get_modified (f->board));
  while (mc_board_undo (f->board))
    g_assert_true (mc_board_get_modified (f->board));
  while (mc_board_redo (f->board))
    g_assert_true (mc_board_get_modified (f->board));
  mc_board_mark_saved (f->board);
  g_assert_false (mc_board_get_modified (f->board));
}

static void
test_saved_point_typing (Fixture       *f,
                         gconstpointer  data)
{
  /* Typing does not merge across the saved point: undo must reach it. */
  type (f, "a");
  type (f, "ab");
  mc_board_mark_saved (f->board);
  type (f, "abc");
  type (f, "abcd");
  g_assert_true (mc_board_get_modified (f->board));
  g_assert_cmpuint (mc_history_get_n_undo (f->history), ==, 2);
  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpstr (text (f), ==, "ab");
  g_assert_false (mc_board_get_modified (f->board));
}

#define ADD(path, func) \
  g_test_add ("/mc/history/" path, Fixture, NULL, setup, func, teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("properties", test_properties);
  ADD ("coalesce-typing", test_coalesce_typing);
  ADD ("coalesce-other-note", test_coalesce_other_note);
  ADD ("text-modified-time", test_text_modified_time);
  ADD ("saved-point", test_saved_point);
  ADD ("saved-point-typing", test_saved_point_typing);

  return g_test_run ();
}
