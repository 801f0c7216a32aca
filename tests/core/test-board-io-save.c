/* test-board-io-save.c — saving *.missiecanvas files: backups, faults at
 * each step, what we refuse to write over, and errors loading a file */
#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mc-board-io.h"
#include "mc-board-io-private.h"
#include "mc-command.h"
#include "mc-test-util.h"

#include "board-io-fixture.h"

/* Saving */

typedef struct
{
  char *dir;
  char *path;
} SaveFixture;

static void
save_setup (SaveFixture   *fixture,
            gconstpointer  data)
{
  fixture->dir = mc_test_make_tmp_dir ("mc-save-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "bord.missiecanvas", NULL);
}

static void
save_teardown (SaveFixture   *fixture,
               gconstpointer  data)
{
  mc_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static guint
count_entries (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_save_backup (SaveFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *expected = NULL;
  struct stat st;

  g_assert_true (mc_board_get_modified (board));
  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_false (mc_board_get_modified (board));
  g_assert_true (g_file_equal (mc_board_get_file (board), file));
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);

  first = read_file (fixture->path);
  expected = mc_board_to_data (board, NULL);
  g_assert_cmpstr (first, ==, expected);
  g_assert_cmpint (stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0600, ==, 0600);

  mc_board_execute (board, mc_command_set_title (board, "Tweede versie"));
  g_assert_true (mc_board_get_modified (board));
  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_false (mc_board_get_modified (board));

  second = read_file (fixture->path);
  backup = read_file (backup_path);
  g_assert_cmpstr (backup, ==, first);
  g_assert_nonnull (strstr (second, "Tweede versie"));
  /* NAME, NAME~ and no temporary files left behind. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 2);
}

static void
assert_failed_save_untouched (SaveFixture *fixture,
                              McSaveFault  fault)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GFile) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autofree char *board_before = NULL;
  g_autofree char *board_after = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "old.missiecanvas", NULL);

  g_assert_true (g_file_set_contents (fixture->path, "original contents\n", -1, NULL));
  other = g_file_new_for_path (other_path);
  mc_board_set_file (board, other);
  board_before = mc_board_to_data (board, NULL);

  _mc_board_io_set_save_fault_for_test (fault);
  g_assert_false (mc_board_save_to_file (board, file, &error));
  _mc_board_io_set_save_fault_for_test (MC_SAVE_FAULT_NONE);

  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "bord.missiecanvas"));
  after = read_file (fixture->path);
  g_assert_cmpstr (after, ==, "original contents\n");
  g_assert_true (mc_board_get_modified (board));
  g_assert_true (g_file_equal (mc_board_get_file (board), other));
  board_after = mc_board_to_data (board, NULL);
  g_assert_cmpstr (board_before, ==, board_after);
  /* The temporary file is gone: only NAME (and maybe NAME~) remain. */
  g_assert_cmpuint (count_entries (fixture->dir), <=, 2);
  if (count_entries (fixture->dir) == 2)
    {
      g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);
      g_autofree char *backup = read_file (backup_path);

      g_assert_cmpstr (backup, ==, "original contents\n");
    }
}

static void
test_save_fault_write (SaveFixture   *fixture,
                       gconstpointer  data)
{
  assert_failed_save_untouched (fixture, MC_SAVE_FAULT_WRITE);
}

static void
test_save_fault_backup (SaveFixture   *fixture,
                        gconstpointer  data)
{
  assert_failed_save_untouched (fixture, MC_SAVE_FAULT_BACKUP);
}

static void
test_save_fault_rename (SaveFixture   *fixture,
                        gconstpointer  data)
{
  assert_failed_save_untouched (fixture, MC_SAVE_FAULT_RENAME);
}

static void
test_save_missing_directory (SaveFixture   *fixture,
                             gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autofree char *path = g_build_filename (fixture->dir, "nope", "bord.missiecanvas", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_board_save_to_file (board, file, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (mc_board_get_modified (board));
  g_assert_null (mc_board_get_file (board));
}

static void
test_save_target_is_directory (SaveFixture   *fixture,
                               gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  g_assert_false (mc_board_save_to_file (board, file, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "bord.missiecanvas"));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
  g_assert_true (mc_board_get_modified (board));
}

/* A read-only file in a read-only folder. Root may write anywhere, so the
 * save runs in a child that first gives up root. */
static void
test_save_read_only_directory (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("MC_TEST_SAVE_PATH");
      g_autoptr(McBoard) board = build_board ();
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0)
        g_assert_cmpint (setuid (65534), ==, 0);

      g_assert_false (mc_board_save_to_file (board, file, &error));
      g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "bord.missiecanvas"));
      g_assert_true (mc_board_get_modified (board));
      g_assert_null (mc_board_get_file (board));
      return;
    }
  else
    {
      SaveFixture fixture;
      g_autofree char *contents = NULL;

      save_setup (&fixture, NULL);
      g_assert_true (g_file_set_contents (fixture.path, "original contents\n", -1, NULL));
      g_assert_cmpint (chmod (fixture.path, 0444), ==, 0);
      g_assert_cmpint (chmod (fixture.dir, 0555), ==, 0);
      g_setenv ("MC_TEST_SAVE_PATH", fixture.path, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();

      contents = read_file (fixture.path);
      g_assert_cmpstr (contents, ==, "original contents\n");
      g_assert_cmpuint (count_entries (fixture.dir), ==, 1);
      save_teardown (&fixture, NULL);
    }
}

static void
test_save_through_symlink (SaveFixture   *fixture,
                           gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.missiecanvas", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "old\n", -1, NULL));
  g_assert_cmpint (symlink ("bord.missiecanvas", link_path), ==, 0);

  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  contents = read_file (fixture->path);
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"missiecanvas\""));
}

/* Saving never replaces what is not a writable regular file: a FIFO, a
 * symbolic link that points nowhere, a device, a read-only file. (A valid
 * symbolic link is followed: save/through-symlink.) */
static void
assert_save_refused (const char *path,
                     const char *why)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_board_save_to_file (board, file, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, why));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (mc_board_get_modified (board));
  g_assert_null (mc_board_get_file (board));
}

static void
test_save_refuses_non_files (SaveFixture   *fixture,
                             gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.missiecanvas", NULL);
  g_autofree char *contents = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (fixture->path, 0600), ==, 0);
  assert_save_refused (fixture->path, "pipe, device or socket");
  g_assert_cmpint (lstat (fixture->path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);

  g_assert_cmpint (symlink ("missing.missiecanvas", link_path), ==, 0);
  assert_save_refused (link_path, "symbolic link");
  g_assert_cmpint (lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);

  assert_save_refused ("/dev/null", "pipe, device or socket");
  assert_save_refused ("/dev/stdout", "");
  g_assert_cmpint (stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* Read-only is refused even for root, who could write it. */
  g_assert_true (g_file_set_contents (fixture->path, "original contents\n", -1, NULL));
  g_assert_cmpint (chmod (fixture->path, 0444), ==, 0);
  assert_save_refused (fixture->path, "read-only");
  contents = read_file (fixture->path);
  g_assert_cmpstr (contents, ==, "original contents\n");
  g_assert_cmpuint (count_entries (fixture->dir), ==, 2);
}

/* Killed saves leave NAME.tmp-XXXXXX (and NAME.tmp-XXXXXX~ while keeping
 * the backup); the next save removes them, but not a live save's, which is
 * locked, and nothing of other files. */
static void
test_save_removes_abandoned_temporaries (SaveFixture   *fixture,
                                         gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dead = g_strconcat (fixture->path, ".tmp-AAAAAA", NULL);
  g_autofree char *dead_backup = g_strconcat (fixture->path, ".tmp-BBBBBB~", NULL);
  g_autofree char *live = g_strconcat (fixture->path, ".tmp-CCCCCC", NULL);
  g_autofree char *live_backup = g_strconcat (fixture->path, ".tmp-CCCCCC~", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "ander.missiecanvas.tmp-DDDDDD", NULL);
  int live_fd;

  g_assert_true (g_file_set_contents (fixture->path, "old\n", -1, NULL));
  g_assert_true (g_file_set_contents (dead, "half a board", -1, NULL));
  g_assert_true (g_file_set_contents (dead_backup, "old\n", -1, NULL));
  g_assert_true (g_file_set_contents (live, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (live_backup, "old\n", -1, NULL));
  g_assert_true (g_file_set_contents (other, "someone else's", -1, NULL));
  live_fd = open (live, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (live_fd, >=, 0);
  g_assert_cmpint (flock (live_fd, LOCK_EX), ==, 0);

  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  /* NAME, NAME~, the live pair and the other file. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 5);

  /* Its writer died: the lock is gone, and so are its files next time. */
  close (live_fd);
  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (live_backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 3);
}

/* A new file gets the permissions the umask allows, without the save
 * touching the process-wide umask (other threads may be creating files). */
static void
test_save_new_file_mode (SaveFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  mode_t old_mask = umask (027);
  struct stat st;

  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (umask (022), ==, 027);
  g_assert_cmpint (stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* An existing file keeps its own. */
  g_assert_cmpint (chmod (fixture->path, 0604), ==, 0);
  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0604);
  umask (old_mask);
}

static void
test_load_file_errors (SaveFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) missing = g_file_new_for_path (fixture->path);
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;

  g_assert_null (mc_board_load_from_file (missing, 0, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "bord.missiecanvas"));
  g_clear_error (&error);

  g_assert_null (mc_board_load_from_file (dir, 0, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (fixture->path, "{\"format\": \"missiecanvas\",", -1, NULL));
  g_assert_null (mc_board_load_from_file (missing, 0, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON);
  g_assert_true (g_str_has_prefix (error->message, "bord.missiecanvas:1:"));
}

typedef struct
{
  GBytes   *data;
  GError   *error;
  gboolean  done;
} Encoded;

static void
on_encoded (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Encoded *encoded = user_data;

  encoded->data = mc_board_to_data_finish (MC_BOARD (source), result, &encoded->error);
  encoded->done = TRUE;
}

static gboolean
is_encoded (gpointer data)
{
  return ((Encoded *) data)->done;
}

/* The text written in a worker is mc_board_to_data()'s, of the board as it
 * was when asked: an edit right after does not reach it. Cancelled, it
 * says so. */
static void
test_to_data_async (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autofree char *expected = NULL;
  gsize length = 0;
  Encoded encoded = { NULL, NULL, FALSE };
  Encoded cancelled = { NULL, NULL, FALSE };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  expected = mc_board_to_data (board, &length);
  mc_board_to_data_async (board, NULL, on_encoded, &encoded);
  mc_board_execute (board, mc_command_set_title (board, "Tweede versie"));
  mc_test_wait_until (is_encoded, &encoded, "the board's text");
  g_assert_no_error (encoded.error);
  g_assert_cmpuint (g_bytes_get_size (encoded.data), ==, length);
  g_assert_cmpmem (g_bytes_get_data (encoded.data, NULL), length, expected, length);
  g_bytes_unref (encoded.data);

  mc_board_to_data_async (board, cancellable, on_encoded, &cancelled);
  g_cancellable_cancel (cancellable);
  mc_test_wait_until (is_encoded, &cancelled, "the cancelled text");
  g_assert_null (cancelled.data);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancelled.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/mc/board-io/save/backup", SaveFixture, NULL, save_setup, test_save_backup, save_teardown);
  g_test_add ("/mc/board-io/save/refuses-non-files", SaveFixture, NULL, save_setup,
              test_save_refuses_non_files, save_teardown);
  g_test_add ("/mc/board-io/save/abandoned-temporaries", SaveFixture, NULL, save_setup,
              test_save_removes_abandoned_temporaries, save_teardown);
  g_test_add ("/mc/board-io/save/new-file-mode", SaveFixture, NULL, save_setup,
              test_save_new_file_mode, save_teardown);
  g_test_add ("/mc/board-io/save/fault-write", SaveFixture, NULL, save_setup, test_save_fault_write, save_teardown);
  g_test_add ("/mc/board-io/save/fault-backup", SaveFixture, NULL, save_setup, test_save_fault_backup, save_teardown);
  g_test_add ("/mc/board-io/save/fault-rename", SaveFixture, NULL, save_setup, test_save_fault_rename, save_teardown);
  g_test_add ("/mc/board-io/save/missing-directory", SaveFixture, NULL, save_setup, test_save_missing_directory, save_teardown);
  g_test_add ("/mc/board-io/save/target-is-directory", SaveFixture, NULL, save_setup, test_save_target_is_directory, save_teardown);
  g_test_add_func ("/mc/board-io/save/read-only-directory", test_save_read_only_directory);
  g_test_add ("/mc/board-io/save/symlink", SaveFixture, NULL, save_setup, test_save_through_symlink, save_teardown);
  g_test_add_func ("/mc/board-io/to-data-async", test_to_data_async);
  g_test_add ("/mc/board-io/load-file-errors", SaveFixture, NULL, save_setup, test_load_file_errors, save_teardown);

  return g_test_run ();
}
