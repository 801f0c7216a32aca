/* test-file-watch.c — McFileWatch: our saves are ours, others' are noticed */
#include "config.h"

#include <glib/gstdio.h>

#include "mc-board-io.h"
#include "mc-command.h"
#include "mc-file-watch.h"
#include "mc-note.h"
#include "mc-test-util.h"

/* Short, so the tests do not wait long; the debounce logic is the same. */
#define TEST_DELAY_MS 60

typedef struct
{
  char        *tmpdir;
  GFile       *file;
  McBoard     *board;
  McFileWatch *watch;
  guint        n_changed;
  guint        n_removed;
  /* The watch's clock, set by the test. */
  gint64       now;
} Fixture;

static gint64
fixture_clock (gpointer data)
{
  return ((Fixture *) data)->now;
}

static void
on_disk_changed (McFileWatch      *watch,
                 McFileWatchState  state,
                 Fixture          *fixture)
{
  if (state == MC_FILE_WATCH_CHANGED)
    fixture->n_changed++;
  else if (state == MC_FILE_WATCH_REMOVED)
    fixture->n_removed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) example = mc_board_new_example ();
  g_autofree char *path = NULL;

  fixture->tmpdir = mc_test_make_tmp_dir ("mc-test-file-watch-XXXXXX");
  path = g_build_filename (fixture->tmpdir, "board.missiecanvas", NULL);
  fixture->file = g_file_new_for_path (path);

  g_assert_true (mc_board_save_to_file (example, fixture->file, &error));
  g_assert_no_error (error);
  fixture->board = mc_board_load_from_file (fixture->file, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);

  fixture->watch = mc_file_watch_new (fixture->board);
  mc_file_watch_set_delay (fixture->watch, TEST_DELAY_MS);
  mc_file_watch_set_clock (fixture->watch, fixture_clock, fixture);
  g_signal_connect (fixture->watch, "disk-changed", G_CALLBACK (on_disk_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->watch);
  g_clear_object (&fixture->board);
  g_clear_object (&fixture->file);

  g_assert_true (mc_test_remove_tree (fixture->tmpdir));
  g_free (fixture->tmpdir);
}

typedef struct
{
  Fixture          *fixture;
  McFileWatchState  state;
} StateWait;

/* Whenever events wait for the debounce, the clock jumps past it, so the
 * watch looks at the disk without the test waiting for time to pass. */
static void
end_debounce (Fixture *fixture)
{
  if (!mc_file_watch_get_pending (fixture->watch))
    return;
  fixture->now += (gint64) TEST_DELAY_MS * 1000 * MC_FILE_WATCH_MAX_POSTPONE;
  mc_file_watch_update (fixture->watch);
}

static gboolean
reached_state (gpointer data)
{
  StateWait *wait = data;

  end_debounce (wait->fixture);
  return mc_file_watch_get_state (wait->fixture->watch) == wait->state;
}

/* Runs the main loop until the watch reaches state. */
static void
wait_for_state (Fixture          *fixture,
                McFileWatchState  state)
{
  StateWait wait = { fixture, state };

  mc_test_wait_until (reached_state, &wait, "the file watch's state");
}

static gboolean
is_pending (gpointer data)
{
  return mc_file_watch_get_pending (((Fixture *) data)->watch);
}

static gboolean
has_looked (gpointer data)
{
  return !mc_file_watch_get_reading (((Fixture *) data)->watch);
}

/* The monitor has seen the file change and the debounce is over: the
 * watch has looked at the disk. */
static void
settle (Fixture *fixture)
{
  mc_test_wait_until (is_pending, fixture, "the file monitor's event");
  end_debounce (fixture);
  g_assert_false (mc_file_watch_get_pending (fixture->watch));
  mc_test_wait_until (has_looked, fixture, "the look at the disk");
}


/* Another program's version: the file's board with one note added and the
 * first note's text changed, written through the core saver. */
static char *
write_other_version (Fixture    *fixture,
                     const char *changed_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) other = mc_board_load_from_file (fixture->file, MC_BOARD_LOAD_NONE, &error);
  McNote *note = mc_note_new ("Written by another member");
  McNote *first;
  char *added_id;

  g_assert_no_error (error);
  g_assert_cmpuint (mc_board_get_n_notes (other), >, 0);
  first = g_ptr_array_index (mc_board_get_notes (other), 0);
  mc_board_execute (other, mc_command_set_note_text (other, mc_note_get_id (first), changed_text));

  added_id = g_strdup (mc_note_get_id (note));
  mc_board_execute (other, mc_command_add_note (note));

  g_assert_true (mc_board_save_to_file (other, fixture->file, &error));
  g_assert_no_error (error);

  return added_id;
}

/* The debounce over, the disk is read in a worker thread: the watch's
 * update returns at once (a slow or synced folder never holds up the
 * window), and the state follows on the main loop. */
static void
test_looks_in_thread (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *added_id = write_other_version (fixture, "Changed on a slow share");
  g_autofree char *second_id = NULL;

  mc_test_wait_until (is_pending, fixture, "the file monitor's event");
  end_debounce (fixture);
  g_assert_true (mc_file_watch_get_reading (fixture->watch));
  g_assert_cmpint (mc_file_watch_get_state (fixture->watch), ==, MC_FILE_WATCH_UNCHANGED);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  wait_for_state (fixture, MC_FILE_WATCH_CHANGED);
  g_assert_false (mc_file_watch_get_reading (fixture->watch));
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* A look begun later wins over one still reading. */
  second_id = write_other_version (fixture, "Changed once more");
  mc_test_wait_until (is_pending, fixture, "the file monitor's event");
  end_debounce (fixture);
  g_assert_true (mc_file_watch_get_reading (fixture->watch));
  g_assert_true (mc_board_save_to_file (fixture->board, fixture->file, NULL));
  g_assert_cmpint (mc_file_watch_check (fixture->watch), ==, MC_FILE_WATCH_UNCHANGED);
  mc_test_wait_until (has_looked, fixture, "the stale look");
  g_assert_cmpint (mc_file_watch_get_state (fixture->watch), ==, MC_FILE_WATCH_UNCHANGED);
}

static void
test_start (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_true (mc_file_watch_get_board (fixture->watch) == fixture->board);
  g_assert_true (g_file_equal (mc_file_watch_get_file (fixture->watch), fixture->file));
  g_assert_cmpint (mc_file_watch_get_state (fixture->watch), ==, MC_FILE_WATCH_UNCHANGED);
  g_assert_cmpuint (mc_file_watch_get_delay (fixture->watch), ==, TEST_DELAY_MS);
  g_assert_false (mc_file_watch_get_pending (fixture->watch));
  g_assert_cmpint (mc_file_watch_check (fixture->watch), ==, MC_FILE_WATCH_UNCHANGED);
}

/* An atomic save of our own board renames a temporary file over the
 * target: events arrive, but the bytes are ours. */
static void
test_own_save (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  McNote *first = g_ptr_array_index (mc_board_get_notes (fixture->board), 0);

  mc_board_execute (fixture->board,
                    mc_command_set_note_text (fixture->board, mc_note_get_id (first), "Our change"));
  g_assert_true (mc_board_save_to_file (fixture->board, fixture->file, &error));
  g_assert_no_error (error);

  settle (fixture);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (fixture->n_removed, ==, 0);
  g_assert_cmpint (mc_file_watch_get_state (fixture->watch), ==, MC_FILE_WATCH_UNCHANGED);

  /* Saved twice in a row, and once more without any change. */
  g_assert_true (mc_board_save_to_file (fixture->board, fixture->file, &error));
  g_assert_true (mc_board_save_to_file (fixture->board, fixture->file, &error));
  settle (fixture);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_other_program (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) disk = NULL;
  g_autoptr(McBoard) known = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *added_id = NULL;
  guint n_before = mc_board_get_n_notes (fixture->board);

  added_id = write_other_version (fixture, "Changed elsewhere");
  wait_for_state (fixture, MC_FILE_WATCH_CHANGED);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* The same version is announced once, however many events follow. */
  g_assert_cmpint (mc_file_watch_check (fixture->watch), ==, MC_FILE_WATCH_CHANGED);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* The disk's board and the base: before and after the other program. */
  disk = mc_file_watch_load_disk (fixture->watch, &contents, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contents);
  g_assert_cmpuint (mc_board_get_n_notes (disk), ==, n_before + 1);
  g_assert_nonnull (mc_board_get_note (disk, added_id));
  known = mc_file_watch_load_known (fixture->watch);
  g_assert_nonnull (known);
  g_assert_cmpuint (mc_board_get_n_notes (known), ==, n_before);
  g_assert_null (mc_board_get_note (known, added_id));

  /* Merged into ours: the disk's version becomes ours. */
  mc_file_watch_accept (fixture->watch, contents);
  g_assert_cmpint (mc_file_watch_get_state (fixture->watch), ==, MC_FILE_WATCH_UNCHANGED);
  g_clear_object (&known);
  known = mc_file_watch_load_known (fixture->watch);
  g_assert_nonnull (mc_board_get_note (known, added_id));

  /* A second foreign version is announced again. */
  g_free (write_other_version (fixture, "Changed again"));
  wait_for_state (fixture, MC_FILE_WATCH_CHANGED);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
}

/* A sync client rewriting the very same bytes is no change. */
static void
test_same_bytes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (g_file_peek_path (fixture->file), &contents, &length, &error));
  g_assert_true (g_file_set_contents (g_file_peek_path (fixture->file), contents, (gssize) length, &error));
  g_assert_no_error (error);

  settle (fixture);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpint (mc_file_watch_get_state (fixture->watch), ==, MC_FILE_WATCH_UNCHANGED);
}

/* Many quick writes of one version are one announcement. */
static void
test_burst (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_free (write_other_version (fixture, "Burst"));
  mc_test_wait_until (is_pending, fixture, "the file monitor's event");
  g_assert_true (g_file_get_contents (g_file_peek_path (fixture->file), &contents, &length, &error));
  for (guint i = 0; i < 5; i++)
    g_assert_true (g_file_set_contents (g_file_peek_path (fixture->file), contents, (gssize) length, &error));

  wait_for_state (fixture, MC_FILE_WATCH_CHANGED);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  /* Whatever events still come, the same version is not announced again. */
  g_assert_cmpint (mc_file_watch_check (fixture->watch), ==, MC_FILE_WATCH_CHANGED);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

static void
test_removed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) disk = NULL;

  g_assert_cmpint (g_remove (g_file_peek_path (fixture->file)), ==, 0);
  wait_for_state (fixture, MC_FILE_WATCH_REMOVED);
  g_assert_cmpuint (fixture->n_removed, ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  disk = mc_file_watch_load_disk (fixture->watch, NULL, &error);
  g_assert_null (disk);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* Saving creates it again: ours. */
  g_assert_true (mc_board_save_to_file (fixture->board, fixture->file, NULL));
  wait_for_state (fixture, MC_FILE_WATCH_UNCHANGED);
  g_assert_cmpint (mc_file_watch_check (fixture->watch), ==, MC_FILE_WATCH_UNCHANGED);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

/* Renamed away counts as removed. */
static void
test_moved (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *moved = g_build_filename (fixture->tmpdir, "moved.missiecanvas", NULL);

  g_assert_cmpint (g_rename (g_file_peek_path (fixture->file), moved), ==, 0);
  wait_for_state (fixture, MC_FILE_WATCH_REMOVED);
  g_assert_cmpuint (fixture->n_removed, ==, 1);
}

/* Save As: the watch follows the board's new file. */
static void
test_save_as (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "copy.missiecanvas", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(McBoard) other = NULL;

  g_assert_true (mc_board_save_to_file (fixture->board, copy, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (mc_file_watch_get_file (fixture->watch), copy));
  g_assert_cmpint (mc_file_watch_get_state (fixture->watch), ==, MC_FILE_WATCH_UNCHANGED);

  /* The old file is nobody's business now. */
  g_free (write_other_version (fixture, "In the old file"));
  g_assert_cmpint (mc_file_watch_check (fixture->watch), ==, MC_FILE_WATCH_UNCHANGED);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* The new one is. */
  other = mc_board_load_from_file (copy, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  mc_board_execute (other, mc_command_set_title (other, "Renamed elsewhere"));
  g_assert_true (mc_board_save_to_file (other, copy, &error));
  wait_for_state (fixture, MC_FILE_WATCH_CHANGED);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

/* A board without a file watches nothing and never complains. */
static void
test_no_file (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(McFileWatch) watch = mc_file_watch_new (board);

  g_assert_null (mc_file_watch_get_file (watch));
  g_assert_cmpint (mc_file_watch_check (watch), ==, MC_FILE_WATCH_UNCHANGED);
  g_assert_null (mc_file_watch_load_known (watch));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/mc/file-watch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("start", test_start);
  ADD ("own-save", test_own_save);
  ADD ("other-program", test_other_program);
  ADD ("same-bytes", test_same_bytes);
  ADD ("burst", test_burst);
  ADD ("removed", test_removed);
  ADD ("moved", test_moved);
  ADD ("save-as", test_save_as);
  ADD ("looks-in-thread", test_looks_in_thread);
#undef ADD
  g_test_add_func ("/mc/file-watch/no-file", test_no_file);

  return g_test_run ();
}
