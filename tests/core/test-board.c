/* test-board.c — McBoard properties, ::changed, and every command kind */
#include "config.h"

#include <string.h>

#include "mc-board-io.h"
#include "mc-board.h"
#include "mc-command.h"
#include "mc-history.h"
#include "mc-test-util.h"

typedef struct
{
  McBoard   *board;
  guint      n_changed;
  McChangeFlags flags;     /* of the last emission */
  GStrv      ids;          /* of the last emission */
  GHashTable *notifies;    /* property name → count */
} Fixture;

static void
on_changed (McBoard       *board,
            McChangeFlags  flags,
            GStrv          ids,
            Fixture       *f)
{
  f->n_changed++;
  f->flags = flags;
  g_strfreev (f->ids);
  f->ids = g_strdupv (ids);
}

static guint
notified (Fixture    *f,
          const char *name)
{
  return mc_test_notify_count (f->notifies, name);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->board = mc_board_new ();
  f->notifies = mc_test_watch_notifies (f->board);
  g_signal_connect (f->board, "changed", G_CALLBACK (on_changed), f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->board);
  g_clear_pointer (&f->ids, g_strfreev);
  g_clear_pointer (&f->notifies, g_hash_table_unref);
}

/* Runs cmd, and checks one emission with these flags (HISTORY aside). */
static void
run (Fixture       *f,
     McCommand     *command,
     McChangeFlags  expected)
{
  guint before = f->n_changed;

  mc_board_execute (f->board, command);
  g_assert_cmpuint (f->n_changed, ==, before + 1);
  g_assert_cmpint (f->flags & ~MC_CHANGE_HISTORY, ==, expected);
}

static void
undo (Fixture *f)
{
  guint before = f->n_changed;

  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpuint (f->n_changed, ==, before + 1);
}

static void
redo (Fixture *f)
{
  guint before = f->n_changed;

  g_assert_true (mc_board_redo (f->board));
  g_assert_cmpuint (f->n_changed, ==, before + 1);
}

static gboolean
ids_are (Fixture    *f,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char *id;
  va_list args;

  va_start (args, first);
  for (id = first; id != NULL; id = va_arg (args, const char *))
    g_ptr_array_add (expected, (gpointer) id);
  va_end (args);
  g_ptr_array_add (expected, NULL);

  return g_strv_equal ((const char * const *) f->ids, (const char * const *) expected->pdata);
}

/* "a b c": the board's notes in drawing order, by id */
static char *
order (McBoard *board)
{
  GPtrArray *notes = mc_board_get_notes (board);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < notes->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, mc_note_get_id (notes->pdata[i]));
    }
  return g_string_free (s, FALSE);
}

#define assert_order(board, expected) \
  G_STMT_START { g_autofree char *o_ = order (board); g_assert_cmpstr (o_, ==, expected); } G_STMT_END

static McNote *
note_on (const char *id,
         const char *figure,
         const char *region)
{
  McNote *note = mc_note_new_with_id (id);

  mc_note_set_text (note, id);
  if (figure != NULL)
    mc_note_set_anchor (note, figure, region);
  return note;
}

static void
add_notes (Fixture    *f,
           const char *ids)
{
  g_auto(GStrv) list = g_strsplit (ids, " ", -1);

  for (guint i = 0; list[i] != NULL; i++)
    mc_board_execute (f->board, mc_command_add_note (note_on (list[i], NULL, NULL)));
}

static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) keys = mc_board_dup_meta_keys (f->board);
  McLanguage language;
  McPhase phase;

  g_assert_cmpstr (mc_board_get_title (f->board), ==, "");
  g_assert_cmpint (mc_board_get_language (f->board), ==, MC_LANGUAGE_NL);
  g_assert_cmpint (mc_board_get_phase (f->board), ==, MC_PHASE_START);
  g_assert_cmpuint (g_strv_length (keys), ==, 0);
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 0);
  g_assert_cmpuint (mc_board_get_figures (f->board)->len, ==, 0);
  g_assert_false (mc_board_get_modified (f->board));
  g_assert_false (mc_board_get_read_only (f->board));
  g_assert_null (mc_board_get_file (f->board));
  g_assert_nonnull (mc_board_get_history (f->board));
  g_assert_null (mc_board_get_load_warnings (f->board)[0]);

  g_object_get (f->board, "language", &language, "phase", &phase, NULL);
  g_assert_cmpint (language, ==, MC_LANGUAGE_NL);
  g_assert_cmpint (phase, ==, MC_PHASE_START);
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/x.missiecanvas");
  g_autoptr(GFile) same = g_file_new_for_path ("/tmp/x.missiecanvas");
  g_auto(GStrv) keys = NULL;

  run (f, mc_command_set_title (f->board, "Titel"), MC_CHANGE_META);
  g_assert_true (f->flags & MC_CHANGE_HISTORY);  /* can-undo and modified moved */
  g_assert_true (ids_are (f, NULL));
  g_assert_cmpuint (notified (f, "title"), ==, 1);
  g_assert_cmpuint (notified (f, "modified"), ==, 1);
  g_assert_true (mc_board_get_modified (f->board));

  /* Setting the same title again changes nothing and records nothing. */
  mc_board_execute (f->board, mc_command_set_title (f->board, "Titel"));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (mc_history_get_n_undo (mc_board_get_history (f->board)), ==, 1);

  run (f, mc_command_set_language (f->board, MC_LANGUAGE_EN), MC_CHANGE_META);
  run (f, mc_command_set_phase (f->board, MC_PHASE_EVALUATE), MC_CHANGE_META);
  run (f, mc_command_set_meta (f->board, MC_META_FACILITATOR, "Kees"), MC_CHANGE_META);
  run (f, mc_command_set_meta (f->board, MC_META_CASE, "Overvecht"), MC_CHANGE_META);
  g_assert_cmpuint (notified (f, "language"), ==, 1);
  g_assert_cmpuint (notified (f, "phase"), ==, 1);
  g_assert_cmpuint (notified (f, "modified"), ==, 1);
  keys = mc_board_dup_meta_keys (f->board);
  g_assert_cmpuint (g_strv_length (keys), ==, 2);
  g_assert_cmpstr (keys[0], ==, "case");
  g_assert_cmpstr (keys[1], ==, "facilitator");

  run (f, mc_command_set_meta (f->board, MC_META_CASE, NULL), MC_CHANGE_META);
  g_assert_null (mc_board_get_meta (f->board, MC_META_CASE));
  undo (f);
  g_assert_cmpstr (mc_board_get_meta (f->board, MC_META_CASE), ==, "Overvecht");

  undo (f);
  undo (f);
  g_assert_null (mc_board_get_meta (f->board, MC_META_CASE));
  g_assert_null (mc_board_get_meta (f->board, MC_META_FACILITATOR));
  undo (f);
  g_assert_cmpint (mc_board_get_phase (f->board), ==, MC_PHASE_START);
  undo (f);
  g_assert_cmpint (mc_board_get_language (f->board), ==, MC_LANGUAGE_NL);
  undo (f);
  g_assert_cmpstr (mc_board_get_title (f->board), ==, "");
  g_assert_false (mc_board_get_modified (f->board));
  g_assert_false (mc_board_undo (f->board));
  redo (f);
  g_assert_cmpstr (mc_board_get_title (f->board), ==, "Titel");
  g_assert_cmpuint (notified (f, "title"), ==, 3);

  mc_board_set_file (f->board, file);
  mc_board_set_file (f->board, same);
  g_assert_cmpuint (notified (f, "file"), ==, 1);
  mc_board_set_read_only (f->board, TRUE);
  mc_board_set_read_only (f->board, TRUE);
  g_assert_cmpuint (notified (f, "read-only"), ==, 1);
}

static void
test_add_remove_notes (Fixture       *f,
                       gconstpointer  data)
{
  const char *remove[] = { "d", "b", "zz", NULL };
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  add_notes (f, "a b c");
  g_assert_cmpuint (notified (f, "n-notes"), ==, 3);
  g_assert_true (ids_are (f, "c", NULL));
  g_assert_true (f->flags & MC_CHANGE_LAYOUT);
  g_assert_true (mc_note_get_in_board (mc_board_get_note (f->board, "c")));

  g_ptr_array_add (batch, note_on ("d", NULL, NULL));
  g_ptr_array_add (batch, note_on ("e", NULL, NULL));
  run (f, mc_command_add_notes (g_steal_pointer (&batch)), MC_CHANGE_LAYOUT | MC_CHANGE_CONTENT);
  g_assert_true (ids_are (f, "d", "e", NULL));
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (f->board)), ==, "Add Notes");
  assert_order (f->board, "a b c d e");

  /* Unknown ids are skipped; removal order is drawing order. */
  run (f, mc_command_remove_notes (f->board, remove), MC_CHANGE_LAYOUT | MC_CHANGE_CONTENT);
  g_assert_true (ids_are (f, "b", "d", NULL));
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (f->board)), ==, "Delete Notes");
  assert_order (f->board, "a c e");
  g_assert_null (mc_board_get_note (f->board, "b"));

  undo (f);
  assert_order (f->board, "a b c d e");
  g_assert_true (ids_are (f, "d", "b", NULL));
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (f->board, "b")), ==, "b");
  redo (f);
  assert_order (f->board, "a c e");
  undo (f);
  undo (f);
  assert_order (f->board, "a b c");
  undo (f);
  undo (f);
  undo (f);
  assert_order (f->board, "");
  g_assert_false (mc_board_get_modified (f->board));
  redo (f);
  redo (f);
  redo (f);
  redo (f);
  assert_order (f->board, "a b c d e");
  redo (f);
  assert_order (f->board, "a c e");
  g_assert_false (mc_board_redo (f->board));
}

static void
test_update_notes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(McNote) changed = NULL;
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  McNote *a, *b;
  McRect rect = { 100, 50, 160, 110 };
  McRect got;
  gint64 old_modified;

  add_notes (f, "a b");
  a = mc_board_get_note (f->board, "a");
  b = mc_board_get_note (f->board, "b");

  /* Rewind a's time so the command's new time shows. */
  changed = mc_note_dup (a);
  mc_note_set_modified (changed, 1000);
  run (f, mc_command_update_note (f->board, g_steal_pointer (&changed)), MC_CHANGE_CONTENT);
  g_assert_cmpint (mc_note_get_modified (a), ==, 1000);
  old_modified = mc_note_get_modified (a);

  changed = mc_note_dup (a);
  mc_note_set_color (changed, "purple");
  mc_note_set_votes (changed, 4);
  run (f, mc_command_update_note (f->board, g_steal_pointer (&changed)), MC_CHANGE_CONTENT);
  g_assert_true (ids_are (f, "a", NULL));
  g_assert_cmpstr (mc_board_get_note (f->board, "a") == a ? "same" : "other", ==, "same");
  g_assert_cmpstr (mc_note_get_color (a), ==, "purple");
  g_assert_cmpuint (mc_note_get_votes (a), ==, 4);
  g_assert_cmpint (mc_note_get_modified (a), >, old_modified);
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (f->board)), ==, "Edit Note");

  undo (f);
  g_assert_cmpstr (mc_note_get_color (a), ==, "yellow");
  g_assert_cmpuint (mc_note_get_votes (a), ==, 0);
  g_assert_cmpint (mc_note_get_modified (a), ==, old_modified);
  redo (f);
  g_assert_cmpstr (mc_note_get_color (a), ==, "purple");

  /* A group move: geometry only, one step, one emission, label "Move Notes". */
  changed = mc_note_dup (a);
  mc_note_set_rect (changed, &rect);
  g_ptr_array_add (moved, g_steal_pointer (&changed));
  changed = mc_note_dup (b);
  mc_note_set_anchor (changed, "cimo", "outcomes");
  g_ptr_array_add (moved, g_steal_pointer (&changed));
  run (f, mc_command_update_notes (f->board, g_steal_pointer (&moved)), MC_CHANGE_LAYOUT);
  g_assert_true (ids_are (f, "a", "b", NULL));
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (f->board)), ==, "Move Notes");
  mc_note_get_rect (a, &got);
  g_assert_cmpfloat (got.x, ==, 100);
  g_assert_true (mc_note_get_has_position (a));
  g_assert_cmpstr (mc_note_get_region_id (b), ==, "outcomes");

  undo (f);
  g_assert_false (mc_note_get_has_position (a));
  g_assert_null (mc_note_get_figure_id (b));
  redo (f);
  g_assert_cmpstr (mc_note_get_figure_id (b), ==, "cimo");
}

static void
test_raise (Fixture       *f,
            gconstpointer  data)
{
  const char *raise[] = { "d", "b", NULL };
  const char *front[] = { "e", NULL };

  add_notes (f, "a b c d e");

  run (f, mc_command_raise_notes (f->board, raise), MC_CHANGE_LAYOUT);
  assert_order (f->board, "a c e b d");
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (f->board)), ==, "Bring to Front");
  undo (f);
  assert_order (f->board, "a b c d e");
  redo (f);
  assert_order (f->board, "a c e b d");

  /* Raising what is already in front is no step at all. */
  mc_board_execute (f->board, mc_command_raise_notes (f->board, raise));
  assert_order (f->board, "a c e b d");
  g_assert_cmpuint (mc_history_get_n_undo (mc_board_get_history (f->board)), ==, 6);
  run (f, mc_command_raise_notes (f->board, front), MC_CHANGE_LAYOUT);
  assert_order (f->board, "a c b d e");
}

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(McFigure) changed = NULL;
  char *id;

  run (f, mc_command_add_figure (mc_figure_new ("cimo", "cimo")), MC_CHANGE_FIGURES);
  run (f, mc_command_add_figure (mc_figure_new ("context", "context")), MC_CHANGE_FIGURES);
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (f->board)), ==, "Add Figure");
  id = mc_board_new_figure_id (f->board, "cimo");
  g_assert_cmpstr (id, ==, "cimo-2");
  g_free (id);
  id = mc_board_new_figure_id (f->board, "coherence");
  g_assert_cmpstr (id, ==, "coherence");
  g_free (id);

  mc_board_execute (f->board, mc_command_add_note (note_on ("free1", NULL, NULL)));
  mc_board_execute (f->board, mc_command_add_note (note_on ("c1", "cimo", "context")));
  mc_board_execute (f->board, mc_command_add_note (note_on ("x1", "context", "issue")));
  mc_board_execute (f->board, mc_command_add_note (note_on ("c2", "cimo", "outcomes")));
  mc_board_execute (f->board, mc_command_add_note (note_on ("free2", NULL, NULL)));

  changed = mc_figure_dup (mc_board_get_figure (f->board, "cimo"));
  mc_figure_set_position (changed, 0, -500);
  run (f, mc_command_update_figure (f->board, g_steal_pointer (&changed)), MC_CHANGE_FIGURES);
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (f->board)), ==, "Move Figure");
  g_assert_cmpfloat (mc_figure_get_y (mc_board_get_figure (f->board, "cimo")), ==, -500);
  changed = mc_figure_dup (mc_board_get_figure (f->board, "cimo"));
  mc_figure_set_scale (changed, 0.5);
  run (f, mc_command_update_figure (f->board, g_steal_pointer (&changed)), MC_CHANGE_FIGURES);
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (f->board)), ==, "Resize Figure");
  undo (f);
  g_assert_cmpfloat (mc_figure_get_scale (mc_board_get_figure (f->board, "cimo")), ==, 1);
  undo (f);
  g_assert_cmpfloat (mc_figure_get_y (mc_board_get_figure (f->board, "cimo")), ==, 0);

  /* Removing a figure takes its notes along, in one step. */
  run (f, mc_command_remove_figure (f->board, "cimo"),
       MC_CHANGE_FIGURES | MC_CHANGE_LAYOUT | MC_CHANGE_CONTENT);
  g_assert_true (ids_are (f, "c1", "c2", NULL));
  g_assert_null (mc_board_get_figure (f->board, "cimo"));
  assert_order (f->board, "free1 x1 free2");
  g_assert_cmpuint (mc_board_get_figures (f->board)->len, ==, 1);

  undo (f);
  assert_order (f->board, "free1 c1 x1 c2 free2");
  g_assert_nonnull (mc_board_get_figure (f->board, "cimo"));
  g_assert_cmpstr (mc_figure_get_id (mc_board_get_figures (f->board)->pdata[0]), ==, "cimo");
  g_assert_cmpstr (mc_note_get_region_id (mc_board_get_note (f->board, "c2")), ==, "outcomes");
  redo (f);
  assert_order (f->board, "free1 x1 free2");
  undo (f);

  /* Removing the first figure and undoing keeps the placement order. */
  run (f, mc_command_remove_figure (f->board, "context"), MC_CHANGE_FIGURES | MC_CHANGE_LAYOUT | MC_CHANGE_CONTENT);
  run (f, mc_command_remove_figure (f->board, "cimo"), MC_CHANGE_FIGURES | MC_CHANGE_LAYOUT | MC_CHANGE_CONTENT);
  assert_order (f->board, "free1 free2");
  undo (f);
  undo (f);
  g_assert_cmpstr (mc_figure_get_id (mc_board_get_figures (f->board)->pdata[0]), ==, "cimo");
  g_assert_cmpstr (mc_figure_get_id (mc_board_get_figures (f->board)->pdata[1]), ==, "context");
  assert_order (f->board, "free1 c1 x1 c2 free2");
}

static void
test_group (Fixture       *f,
            gconstpointer  data)
{
  McCommand *group = mc_command_group_new ("Paste");
  McCommand *empty = mc_command_group_new ("Nothing");

  add_notes (f, "a");
  g_assert_true (mc_command_group_is_empty (group));
  mc_command_group_add (group, mc_command_add_note (note_on ("p1", NULL, NULL)));
  mc_command_group_add (group, mc_command_set_title (f->board, "Geplakt"));
  mc_command_group_add (group, mc_command_add_figure (mc_figure_new ("coherence", "coherence")));
  mc_command_group_add (group, mc_command_add_note (note_on ("p2", "coherence", "fit")));
  g_assert_false (mc_command_group_is_empty (group));

  run (f, group, MC_CHANGE_LAYOUT | MC_CHANGE_CONTENT | MC_CHANGE_META | MC_CHANGE_FIGURES);
  g_assert_true (ids_are (f, "p1", "p2", NULL));
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (f->board)), ==, "Paste");
  assert_order (f->board, "a p1 p2");

  undo (f);
  g_assert_true (f->flags & MC_CHANGE_META);
  assert_order (f->board, "a");
  g_assert_cmpstr (mc_board_get_title (f->board), ==, "");
  g_assert_null (mc_board_get_figure (f->board, "coherence"));
  redo (f);
  assert_order (f->board, "a p1 p2");

  /* An empty group is no step. */
  mc_board_execute (f->board, empty);
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (f->board)), ==, "Paste");
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  add_notes (f, "a");
  mc_board_set_read_only (f->board, TRUE);

  /* Refused without a warning (fatal in tests) and without an emission. */
  mc_board_execute (f->board, mc_command_add_note (note_on ("b", NULL, NULL)));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_null (mc_board_get_note (f->board, "b"));
  g_assert_false (mc_board_undo (f->board));
  assert_order (f->board, "a");

  mc_board_set_read_only (f->board, FALSE);
  undo (f);
  assert_order (f->board, "");
}

static void
test_duplicate_add (Fixture       *f,
                    gconstpointer  data)
{
  add_notes (f, "a");

  g_test_expect_message ("Missiecanvas-Core", G_LOG_LEVEL_CRITICAL, "*already has a note*");
  mc_board_execute (f->board, mc_command_add_note (note_on ("a", NULL, NULL)));
  g_test_assert_expected_messages ();
  assert_order (f->board, "a");
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (f->board, "a")), ==, "a");

  /* Undoing the refused add leaves the original in place. */
  undo (f);
  assert_order (f->board, "a");
  undo (f);
  assert_order (f->board, "");
}

/* A batch of notes is handed over whole, whether or not the caller's
 * array frees its elements: nothing outlives the board. */
static void
test_batch_ownership (void)
{
  McBoard *board = mc_board_new ();
  GPtrArray *plain = g_ptr_array_new ();
  GPtrArray *freeing = g_ptr_array_new_with_free_func (g_object_unref);
  McNote *a = mc_note_new ("a");
  McNote *b = mc_note_new ("b");

  g_object_add_weak_pointer (G_OBJECT (a), (gpointer *) &a);
  g_object_add_weak_pointer (G_OBJECT (b), (gpointer *) &b);
  g_ptr_array_add (plain, a);
  g_ptr_array_add (freeing, b);

  mc_board_execute (board, mc_command_add_notes (plain));
  mc_board_execute (board, mc_command_add_notes (freeing));
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, 2);
  g_assert_nonnull (a);
  g_assert_nonnull (b);

  g_object_unref (board);
  g_assert_null (a);
  g_assert_null (b);
}

#define ADD(path, func) \
  g_test_add ("/mc/board/" path, Fixture, NULL, setup, func, teardown)

/* One set of limits: whatever goes through the model's commands, the
 * board that results loads again. Over-limit values are clamped (texts at
 * a character boundary), and the checks give a message for the UI. */
static void
test_limits (void)
{
  g_autoptr(McBoard) board = mc_board_new ();
  g_autoptr(McBoard) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;
  g_autofree char *data = NULL;
  McNote *note;
  McCluster *cluster;
  McRect rect = { 5e7, -5e7, 1e9, 10 };
  const char *ids[2] = { NULL, NULL };
  gsize length;

  /* 64 KiB of "é" plus one more: the cut may not split a character. */
  while (text->len <= MC_BOARD_MAX_TEXT_LENGTH)
    g_string_append (text, "\xc3\xa9");
  g_assert_false (mc_limits_check_note_text (text->str, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "65536"));
  g_clear_error (&error);

  note = mc_note_new (text->str);
  mc_note_set_votes (note, 123456);
  mc_note_set_rect (note, &rect);
  mc_note_set_created (note, G_MAXINT64);
  mc_note_set_modified (note, G_MININT64);
  ids[0] = mc_note_get_id (note);
  mc_board_execute (board, mc_command_add_note (note));
  note = mc_board_get_note (board, ids[0]);
  g_assert_cmpuint (strlen (mc_note_get_text (note)), <=, MC_BOARD_MAX_TEXT_LENGTH);
  g_assert_cmpuint (strlen (mc_note_get_text (note)), >=, MC_BOARD_MAX_TEXT_LENGTH - 1);
  g_assert_true (g_utf8_validate (mc_note_get_text (note), -1, NULL));
  g_assert_cmpuint (mc_note_get_votes (note), ==, MC_BOARD_MAX_VOTES);
  mc_note_get_rect (note, &rect);
  g_assert_cmpfloat (rect.x, ==, MC_BOARD_MAX_COORDINATE);
  g_assert_cmpfloat (rect.y, ==, -MC_BOARD_MAX_COORDINATE);
  g_assert_cmpfloat (rect.width, ==, MC_BOARD_MAX_COORDINATE);
  g_assert_cmpint (mc_note_get_created (note), ==, MC_TIME_MAX);
  g_assert_cmpint (mc_note_get_modified (note), ==, MC_TIME_MIN);

  /* Editing the text afterwards goes through the same clamp. */
  mc_board_execute (board, mc_command_set_note_text (board, ids[0], text->str));
  g_assert_cmpuint (strlen (mc_note_get_text (mc_board_get_note (board, ids[0]))), <=,
                    MC_BOARD_MAX_TEXT_LENGTH);

  label = g_strnfill (MC_BOARD_MAX_LABEL_LENGTH + 50, 'x');
  g_assert_false (mc_limits_check_label (label, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE);
  g_clear_error (&error);
  cluster = mc_cluster_new (label, NULL);
  mc_cluster_set_note_ids (cluster, ids);
  mc_board_execute (board, mc_command_add_cluster (board, cluster));
  g_assert_cmpuint (strlen (mc_cluster_get_label (cluster)), ==, MC_BOARD_MAX_LABEL_LENGTH);

  g_assert_false (mc_limits_check_votes (MC_BOARD_MAX_VOTES + 1, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_true (mc_limits_check_votes (MC_BOARD_MAX_VOTES, NULL));

  /* A date the file would refuse is not stored; the check says why. */
  g_assert_false (mc_limits_check_meta (MC_META_DATE, "yesterday", &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID);
  g_clear_error (&error);
  mc_board_execute (board, mc_command_set_meta (board, MC_META_DATE, "yesterday"));
  g_assert_null (mc_board_get_meta (board, MC_META_DATE));

  g_assert_true (mc_limits_check_board (board, &error));
  g_assert_no_error (error);

  data = mc_board_to_data (board, &length);
  loaded = mc_board_load_from_data (data, length, "limits", MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (mc_board_get_n_notes (loaded), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("defaults", test_defaults);
  g_test_add_func ("/mc/board/batch-ownership", test_batch_ownership);
  g_test_add_func ("/mc/board/limits", test_limits);
  ADD ("properties", test_properties);
  ADD ("add-remove-notes", test_add_remove_notes);
  ADD ("update-notes", test_update_notes);
  ADD ("raise", test_raise);
  ADD ("figures", test_figures);
  ADD ("group", test_group);
  ADD ("read-only", test_read_only);
  ADD ("duplicate-add", test_duplicate_add);

  return g_test_run ();
}
