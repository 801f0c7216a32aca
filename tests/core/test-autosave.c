/* test-autosave.c — unsaved boards reach the recovery folder and come back
 *
 * XDG_STATE_HOME points at a temporary folder (set before GLib reads it),
 * emptied before every test. (Not G_TEST_OPTION_ISOLATE_DIRS: GLib leaks
 * the directory strings it replaces, which the sanitizer build reports.)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mc-autosave.h"
#include "mc-board-io.h"
#include "mc-command.h"
#include "mc-document.h"
#include "mc-history.h"
#include "mc-test-util.h"

static char *self_path;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

typedef struct
{
  const char *path;
  GTestFunc   func;
} TestCase;

/* Every test starts from an empty state folder. */
static void
run_clean (gconstpointer data)
{
  const TestCase *test = data;

  remove_tree (g_get_user_state_dir ());
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_state_dir (), 0700), ==, 0);
  test->func ();
}

static void
add_text_note (McBoard    *board,
               const char *text)
{
  mc_board_execute (board, mc_command_add_note (mc_note_new (text)));
}

static McBoard *
make_board (const char *title,
            guint       n_notes)
{
  McBoard *board = mc_board_new ();

  mc_board_execute (board, mc_command_set_title (board, title));
  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *text = g_strdup_printf ("Notitie %u", i + 1);

      add_text_note (board, text);
    }
  return board;
}

static void
on_written (McAutosave *autosave,
            guint      *n_written)
{
  (*n_written)++;
}

static gboolean
is_nonzero (gpointer data)
{
  return *(guint *) data != 0;
}

static gboolean
write_done (gpointer data)
{
  return !mc_autosave_get_writing (data);
}

/* A clock the test sets by hand. */
static gint64
fake_clock (gpointer data)
{
  return *(gint64 *) data;
}

/* The copy is written one interval after the first change not yet in it,
 * with every change made until then; further changes do not move that
 * deadline (a steady stream of typing cannot postpone the copy). */
static void
test_bounded_latency (void)
{
  g_autoptr(McBoard) board = make_board ("Overvecht", 0);
  g_autoptr(McAutosave) autosave = mc_autosave_new (board, NULL);
  g_autoptr(GFile) copy = mc_autosave_dup_file (autosave);
  g_autoptr(McBoard) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = 0;
  gint64 oldest_unwritten;
  guint written = 0;

  g_assert_true (g_uuid_string_is_valid (mc_autosave_get_session_id (autosave)));

  mc_autosave_set_clock (autosave, fake_clock, &now);
  mc_autosave_set_interval (autosave, 3000);
  g_signal_connect (autosave, "written", G_CALLBACK (on_written), &written);

  add_text_note (board, "een");
  g_assert_true (mc_autosave_get_pending (autosave));
  now = 1 * G_USEC_PER_SEC;
  add_text_note (board, "twee");
  mc_autosave_update (autosave);
  now = 2900 * 1000;
  add_text_note (board, "drie");
  mc_autosave_update (autosave);
  /* Not yet three seconds after the first change: nothing written. */
  g_assert_false (mc_autosave_get_writing (autosave));
  g_assert_false (g_file_query_exists (copy, NULL));

  /* Three seconds after the first change, although the last came just now. */
  now = 3 * G_USEC_PER_SEC;
  mc_autosave_update (autosave);
  g_assert_true (mc_autosave_get_writing (autosave));
  mc_test_wait_until (write_done, autosave, "the recovery copy");
  g_assert_cmpuint (written, ==, 1);
  g_assert_false (mc_autosave_get_pending (autosave));

  loaded = mc_board_load_from_file (copy, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_board_get_n_notes (loaded), ==, 3);
  g_assert_cmpstr (mc_board_get_title (loaded), ==, "Overvecht");

  /* No further write without a further change. */
  now += 30 * G_USEC_PER_SEC;
  mc_autosave_update (autosave);
  g_assert_false (mc_autosave_get_writing (autosave));
  g_assert_cmpuint (written, ==, 1);

  /* Typing a note every 0.4 s for a minute: no note waits longer than
   * 3 s (plus the 0.4 s this loop looks at the clock) for its copy. */
  oldest_unwritten = -1;
  for (guint i = 0; i < 150; i++)
    {
      now += 400 * 1000;
      add_text_note (board, "typen");
      if (oldest_unwritten < 0)
        oldest_unwritten = now;
      mc_autosave_update (autosave);
      if (mc_autosave_get_writing (autosave))
        {
          g_assert_cmpint (now - oldest_unwritten, <=, 3400 * 1000);
          g_assert_cmpint (now - oldest_unwritten, >=, 3000 * 1000);
          oldest_unwritten = -1;
          mc_test_wait_until (write_done, autosave, "the recovery copy");
        }
    }
  g_assert_cmpuint (written, >=, 1 + 150 * 400 / 4000);
}

static char *
read_sidecar_member (McAutosave *autosave,
                     const char *member)
{
  g_autofree char *dir = mc_autosave_dup_recovery_dir ();
  g_autofree char *name = g_strconcat (mc_autosave_get_session_id (autosave), ".json", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *data = NULL;
  g_autofree char *needle = g_strdup_printf ("\"%s\" : ", member);
  const char *at;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;
  at = strstr (data, needle);
  if (at == NULL)
    return NULL;
  at += strlen (needle);
  return g_strndup (at, strcspn (at, ",\n"));
}

/* The copy lands in the state folder, whole, private, and never in the
 * user's own file; saving the board removes it. */
static void
test_atomic_and_removed_on_save (void)
{
  g_autoptr(McBoard) board = make_board ("Wijkleerlab", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = mc_autosave_dup_recovery_dir ();
  g_autofree char *user_dir = g_build_filename (g_get_user_state_dir (), "Documenten", NULL);
  g_autofree char *user_path = g_build_filename (user_dir, "wijk.missiecanvas", NULL);
  g_autoptr(GFile) user_file = g_file_new_for_path (user_path);
  g_autofree char *user_before = NULL;
  g_autofree char *user_after = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *original = NULL;
  g_autoptr(McAutosave) autosave = NULL;
  g_autoptr(GFile) copy = NULL;
  GStatBuf st;

  g_assert_true (g_str_has_prefix (dir, g_get_user_state_dir ()));
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (mc_board_save_to_file (board, user_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (user_path, &user_before, NULL, NULL));

  autosave = mc_autosave_new (board, NULL);
  copy = mc_autosave_dup_file (autosave);

  /* Saved and unchanged: nothing to write. */
  g_assert_true (mc_autosave_flush (autosave, &error));
  g_assert_false (g_file_query_exists (copy, NULL));

  add_text_note (board, "Nog niet bewaard");
  g_assert_true (mc_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (copy, NULL));

  /* Board, sidecar and lock; no temporary files left behind. */
  g_assert_cmpuint (mc_test_count_files (dir), ==, 3);
  g_assert_cmpint (g_stat (g_file_peek_path (copy), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  notes = read_sidecar_member (autosave, "notes");
  g_assert_cmpstr (notes, ==, "5");
  original = read_sidecar_member (autosave, "original");
  g_assert_nonnull (original);
  g_assert_nonnull (strstr (original, "wijk.missiecanvas"));

  /* The user's file is not touched by autosave. */
  g_assert_true (g_file_get_contents (user_path, &user_after, NULL, NULL));
  g_assert_cmpstr (user_before, ==, user_after);

  /* Saving removes the copy (and its lock). */
  g_assert_true (mc_board_save_to_file (board, user_file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (copy, NULL));
  g_assert_cmpuint (mc_test_count_files (dir), ==, 0);

  /* Undo back to the saved state removes it too. */
  add_text_note (board, "Nog een");
  g_assert_true (mc_autosave_flush (autosave, &error));
  g_assert_true (g_file_query_exists (copy, NULL));
  g_assert_true (mc_board_undo (board));
  g_assert_false (mc_board_get_modified (board));
  g_assert_false (g_file_query_exists (copy, NULL));

  g_unlink (user_path);
  {
    g_autofree char *backup = g_strconcat (user_path, "~", NULL);
    g_unlink (backup);
  }
  g_rmdir (user_dir);
}

/* A copy whose writer is alive is not offered; once it is gone, it is, and
 * recovering it gives back every note with the board marked unsaved. */
static void
test_list_and_recover (void)
{
  g_autoptr(McBoard) board = make_board ("Herstel mij", 3);
  g_autoptr(GPtrArray) live = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(McDocument) recovered_document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL;
  g_autofree char *dir = mc_autosave_dup_recovery_dir ();
  McRecoveryEntry *entry;
  McAutosave *autosave;
  McBoard *recovered;
  gint64 now = g_get_real_time ();

  autosave = mc_autosave_new (board, NULL);
  session = g_strdup (mc_autosave_get_session_id (autosave));
  g_assert_true (mc_autosave_flush (autosave, &error));
  g_assert_no_error (error);

  live = mc_autosave_list_recoverable ();
  g_assert_cmpuint (live->len, ==, 0);

  /* The board goes away unsaved (as in a window closed by a crash of the
   * session): the copy stays, the lock is released. */
  g_clear_object (&autosave);
  g_clear_object (&board);
  gone = mc_autosave_list_recoverable ();
  g_assert_cmpuint (gone->len, ==, 1);
  entry = g_ptr_array_index (gone, 0);
  g_assert_cmpstr (mc_recovery_entry_get_session_id (entry), ==, session);
  g_assert_cmpstr (mc_recovery_entry_get_title (entry), ==, "Herstel mij");
  g_assert_cmpuint (mc_recovery_entry_get_n_notes (entry), ==, 3);
  g_assert_null (mc_recovery_entry_get_original_uri (entry));
  g_assert_cmpint (ABS (mc_recovery_entry_get_time (entry) - now), <, 5 * G_USEC_PER_SEC);

  recovered_document = mc_document_new_recovered (entry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (recovered_document);
  recovered = mc_document_get_board (recovered_document);
  g_assert_cmpuint (mc_board_get_n_notes (recovered), ==, 3);
  g_assert_cmpstr (mc_board_get_title (recovered), ==, "Herstel mij");
  g_assert_true (mc_board_get_modified (recovered));
  g_assert_null (mc_board_get_file (recovered));
  g_assert_false (mc_history_get_can_undo (mc_board_get_history (recovered)));
  g_assert_null (mc_board_get_meta (recovered, "mc-recovered"));

  /* The recovered board took the copy over: not offered twice. */
  g_assert_cmpstr (mc_autosave_get_session_id (mc_document_get_autosave (recovered_document)), ==, session);
  after = mc_autosave_list_recoverable ();
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpuint (mc_test_count_files (dir), ==, 3);

  /* Discarding it removes the copy. */
  mc_document_discard_changes (recovered_document);
  g_assert_cmpuint (mc_test_count_files (dir), ==, 0);
}

static void
test_discard_entry (void)
{
  g_autoptr(McBoard) board = make_board ("Weg ermee", 2);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = mc_autosave_dup_recovery_dir ();
  McAutosave *autosave = mc_autosave_new (board, NULL);

  g_assert_true (mc_autosave_flush (autosave, &error));
  g_clear_object (&autosave);
  g_clear_object (&board);

  entries = mc_autosave_list_recoverable ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_true (mc_recovery_entry_discard (g_ptr_array_index (entries, 0), &error));
  g_assert_no_error (error);
  none = mc_autosave_list_recoverable ();
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (mc_test_count_files (dir), ==, 0);
}

/* Junk in the folder is ignored, never deleted and never fatal. */
static void
test_junk_ignored (void)
{
  g_autofree char *dir = mc_autosave_dup_recovery_dir ();
  g_autofree char *junk1 = g_build_filename (dir, "notes.json", NULL);
  g_autofree char *junk2 = g_build_filename (dir, "0b7e6a43-8a55-4a43-b0a1-0b1d2e3f4a5b.json", NULL);
  g_autofree char *junk3 = g_build_filename (dir, "0b7e6a43-8a55-4a43-b0a1-0b1d2e3f4a5b.missiecanvas", NULL);
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (junk1, "{\"format\": \"missiecanvas-recovery\"}", -1, NULL));
  g_assert_true (g_file_set_contents (junk2, "{ not json", -1, NULL));
  g_assert_true (g_file_set_contents (junk3, "{}", -1, NULL));

  entries = mc_autosave_list_recoverable ();
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpuint (mc_test_count_files (dir), ==, 3);
}

/* A folder that cannot be created is an error, not a crash. */
static void
test_write_failure (void)
{
  g_autoptr(McBoard) board = make_board ("Geen plek", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (g_get_user_state_dir (), "missiecanvas", NULL);
  g_autoptr(McAutosave) autosave = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_state_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "a file where the folder should be", -1, NULL));

  autosave = mc_autosave_new (board, NULL);
  g_assert_false (mc_autosave_flush (autosave, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, 1);
  g_unlink (blocker);
}

/* A writer killed with SIGKILL leaves a copy that the next start offers. */
static void
test_killed_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(McBoard) recovered = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { self_path, "--crash-writer", NULL };
  int wait_status = 0;

  env = g_environ_setenv (env, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT,
                               NULL, NULL, NULL, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (wait_status));
  g_assert_cmpint (WTERMSIG (wait_status), ==, SIGKILL);

  entries = mc_autosave_list_recoverable ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (mc_recovery_entry_get_title (g_ptr_array_index (entries, 0)), ==, "Gecrasht");
  recovered = mc_recovery_entry_load (g_ptr_array_index (entries, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_board_get_n_notes (recovered), ==, 7);
}

/* The child of test_killed_writer: autosaves through the debounce (not a
 * flush), then dies without any cleanup. */
static int
crash_writer (void)
{
  McBoard *board = make_board ("Gecrasht", 7);
  McAutosave *autosave = mc_autosave_new (board, NULL);
  guint written = 0;

  mc_autosave_set_interval (autosave, 10);
  g_signal_connect (autosave, "written", G_CALLBACK (on_written), &written);
  add_text_note (board, "wordt weer verwijderd");
  g_assert_true (mc_board_undo (board));
  mc_test_wait_until (is_nonzero, &written, "the recovery copy");
  kill (getpid (), SIGKILL);
  return 2;
}

/* The edits of a recovered board started from a file another program has
 * changed since: the document knows (the sidecar keeps what the file held),
 * so it reports the change and a save refuses to overwrite it; the file
 * left as it was recovers as before. */
static void
test_recover_changed_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "Gedeeld", NULL);
  g_autofree char *path = g_build_filename (dir, "wijk.missiecanvas", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(McDocument) recovered = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autoptr(McBoard) board = make_board ("Wijk", 3);

    g_assert_true (mc_board_save_to_file (board, file, &error));
    g_assert_no_error (error);
  }

  for (guint round = 0; round < 2; round++)
    {
      gboolean changed_meanwhile = round == 0;
      g_autoptr(McDocument) document = mc_document_load (file, &error);
      McBoard *board;

      g_assert_no_error (error);
      board = mc_document_get_board (document);
      g_assert_nonnull (mc_autosave_get_base_checksum (mc_document_get_autosave (document)));
      add_text_note (board, "Mijn notitie");
      g_assert_true (mc_autosave_flush (mc_document_get_autosave (document), &error));
      g_assert_no_error (error);
      /* The session dies: the copy stays. */
      g_clear_object (&document);

      if (changed_meanwhile)
        {
          g_autoptr(McBoard) other = mc_board_load_from_file (file, MC_BOARD_LOAD_NONE, &error);

          add_text_note (other, "Van een ander");
          g_assert_true (mc_board_save_to_file (other, file, &error));
          g_assert_no_error (error);
        }
      g_clear_pointer (&theirs, g_free);
      g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));

      entries = mc_autosave_list_recoverable ();
      g_assert_cmpuint (entries->len, ==, 1);
      g_assert_nonnull (mc_recovery_entry_get_base_checksum (g_ptr_array_index (entries, 0)));
      recovered = mc_document_new_recovered (g_ptr_array_index (entries, 0), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (mc_board_get_n_notes (mc_document_get_board (recovered)), ==, changed_meanwhile ? 4 : 5);

      if (changed_meanwhile)
        {
          g_assert_cmpint (mc_file_watch_get_state (mc_document_get_file_watch (recovered)), ==,
                           MC_FILE_WATCH_CHANGED);
          g_assert_false (mc_document_save (recovered, NULL, MC_DOCUMENT_SAVE_NONE, &error));
          g_assert_error (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_CHANGED_ON_DISK);
          g_clear_error (&error);
          g_clear_pointer (&after, g_free);
          g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
          g_assert_cmpstr (after, ==, theirs);
          /* The person chose: theirs is merged in elsewhere, or overwritten. */
          mc_document_discard_changes (recovered);
        }
      else
        {
          g_assert_cmpint (mc_file_watch_get_state (mc_document_get_file_watch (recovered)), ==,
                           MC_FILE_WATCH_UNCHANGED);
          g_assert_true (mc_document_save (recovered, NULL, MC_DOCUMENT_SAVE_NONE, &error));
          g_assert_no_error (error);
        }
      g_clear_object (&recovered);
      g_clear_pointer (&entries, g_ptr_array_unref);
    }

  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (backup);
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* A steady typist killed at once: every note typed more than the interval
 * (3 s) before the kill is in the recovery copy. The child logs when it
 * typed each note; this measures the age of the oldest note lost. */
static void
test_loss_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(McBoard) recovered = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *log_path = g_build_filename (g_get_user_state_dir (), "typist.log", NULL);
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { self_path, "--typist", log_path, NULL };
  gint64 kill_time = 0;
  gint64 oldest_lost = -1;
  guint n_lost = 0;
  int wait_status = 0;

  env = g_environ_setenv (env, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  env = g_environ_unsetenv (env, "MC_AUTOSAVE_INTERVAL_MS");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT,
                               NULL, NULL, NULL, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (wait_status));

  entries = mc_autosave_list_recoverable ();
  g_assert_cmpuint (entries->len, ==, 1);
  recovered = mc_recovery_entry_load (g_ptr_array_index (entries, 0), &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", 2);
      gint64 when;

      if (g_strv_length (parts) != 2)
        continue;
      when = g_ascii_strtoll (parts[1], NULL, 10);
      if (g_str_equal (parts[0], "kill"))
        kill_time = when;
      else
        {
          g_autofree char *text = g_strdup_printf ("Notitie %s", parts[0]);
          gboolean found = FALSE;

          for (guint n = 0; n < mc_board_get_n_notes (recovered); n++)
            found = found || g_str_equal (mc_note_get_text (g_ptr_array_index (mc_board_get_notes (recovered), n)), text);
          if (!found)
            {
              n_lost++;
              if (oldest_lost < 0)
                oldest_lost = when;
            }
        }
    }
  g_assert_cmpint (kill_time, >, 0);
  g_test_message ("loss window: %u notes lost, the oldest typed %.2f s before the kill",
                  n_lost, oldest_lost < 0 ? 0.0 : (kill_time - oldest_lost) / (double) G_USEC_PER_SEC);
  /* The interval, and a second for a loaded machine's write. */
  if (oldest_lost >= 0)
    g_assert_cmpint (kill_time - oldest_lost, <=,
                     (gint64) (MC_AUTOSAVE_DEFAULT_INTERVAL_MS + 1000) * 1000);
  g_unlink (log_path);
}

/* The child of test_loss_window: a person typing a note every 0.2 s for
 * 8 s (the rhythm is what is simulated), killed right after the last. */
typedef struct
{
  McBoard *board;
  FILE    *log;
  guint    n;
} Typist;

static gboolean
type_note (gpointer data)
{
  Typist *typist = data;
  g_autofree char *text = g_strdup_printf ("Notitie %u", typist->n);

  add_text_note (typist->board, text);
  fprintf (typist->log, "%u %" G_GINT64_FORMAT "\n", typist->n, g_get_monotonic_time ());
  fflush (typist->log);
  if (++typist->n < 40)
    return G_SOURCE_CONTINUE;

  fprintf (typist->log, "kill %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (typist->log);
  kill (getpid (), SIGKILL);
  return G_SOURCE_REMOVE;
}

static int
typist (const char *log_path)
{
  Typist state = { make_board ("Typist", 0), fopen (log_path, "w"), 0 };
  McAutosave *autosave = mc_autosave_new (state.board, NULL);

  if (state.log == NULL || autosave == NULL)
    return 1;
  g_timeout_add (200, type_note, &state);
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 2;
}

static const TestCase tests[] = {
  { "/mc/autosave/bounded-latency", test_bounded_latency },
  { "/mc/autosave/atomic-and-removed-on-save", test_atomic_and_removed_on_save },
  { "/mc/autosave/list-and-recover", test_list_and_recover },
  { "/mc/autosave/discard-entry", test_discard_entry },
  { "/mc/autosave/junk-ignored", test_junk_ignored },
  { "/mc/autosave/write-failure", test_write_failure },
  { "/mc/autosave/killed-writer", test_killed_writer },
  { "/mc/autosave/recover-changed-file", test_recover_changed_file },
  { "/mc/autosave/loss-window", test_loss_window },
};

int
main (int   argc,
      char *argv[])
{
  char *state_root;
  int status;

  self_path = argv[0];
  if (argc == 2 && g_str_equal (argv[1], "--crash-writer"))
    return crash_writer ();
  if (argc == 3 && g_str_equal (argv[1], "--typist"))
    return typist (argv[2]);

  state_root = mc_test_make_tmp_dir ("mc-test-autosave-XXXXXX");
  g_setenv ("XDG_STATE_HOME", state_root, TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add_data_func (tests[i].path, &tests[i], run_clean);

  status = g_test_run ();
  remove_tree (state_root);
  g_free (state_root);
  return status;
}
