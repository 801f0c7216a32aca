/* test-hostile.c — the hostile-input corpus: every file is refused with one
 * clear line, or loads and round-trips byte for byte, within bounded time
 * and memory
 *
 * tests/data/hostile/NAME.missiecanvas holds an input and NAME.expect what
 * must happen: "loads" or "refused: TEXT" (TEXT, if any, must be in the
 * message). Each case runs in a child process under setrlimit (address
 * space and CPU time), so a hang or a runaway allocation fails the case
 * instead of the machine; no wall-clock asserts. The same checks run on
 * what a file cannot hold: a FIFO, /dev/zero, /dev/urandom, a folder and a
 * sparse file far over the size limit.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mc-board-io.h"
#include "mc-command.h"
#include "mc-test-board-gen.h"
#include "mc-test-util.h"

typedef struct
{
  char *path;    /* the input */
  char *expect;  /* "loads" or "refused: TEXT" */
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->path);
  g_free (c->expect);
  g_free (c);
}

/* Bounds for the child: CPU seconds are counted by the kernel, so a busy
 * machine does not make a case fail. AddressSanitizer reserves terabytes of
 * address space, so under it only the CPU bound applies. */
static void
limit_resources (void)
{
  struct rlimit cpu = { 60, 60 };

  g_assert_cmpint (setrlimit (RLIMIT_CPU, &cpu), ==, 0);
#if !defined(__SANITIZE_ADDRESS__)
  {
    struct rlimit as = { (rlim_t) 2 << 30, (rlim_t) 2 << 30 };

    g_assert_cmpint (setrlimit (RLIMIT_AS, &as), ==, 0);
  }
#endif
}

static char *
data_without_revisions (McBoard *board)
{
  mc_board_execute (board, mc_command_set_meta (board, MC_META_REVISION, NULL));
  mc_board_execute (board, mc_command_set_meta (board, MC_META_BASE_REVISION, NULL));
  return mc_board_to_data (board, NULL);
}

/* load → save → load → save: the same bytes, through memory and (when
 * on_disk) through a real save to disk. */
static void
assert_round_trip (McBoard  *board,
                   gboolean  on_disk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) again = NULL;
  g_autoptr(McBoard) from_disk = NULL;
  g_autoptr(McBoard) from_disk_again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.missiecanvas", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gsize first_len, second_len;

  first = mc_board_to_data (board, &first_len);
  again = mc_board_load_from_data (first, first_len, "saved", MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  second = mc_board_to_data (again, &second_len);
  g_assert_cmpmem (first, first_len, second, second_len);
  if (!on_disk)
    {
      mc_test_remove_tree (dir);
      return;
    }

  g_assert_true (mc_board_save_to_file (again, file, &error));
  g_assert_no_error (error);
  from_disk = mc_board_load_from_file (file, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (mc_board_save_to_file (from_disk, file, &error));
  g_assert_no_error (error);
  from_disk_again = mc_board_load_from_file (file, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_free (first);
  g_free (second);
  first = data_without_revisions (from_disk);
  second = data_without_revisions (from_disk_again);
  g_assert_cmpstr (first, ==, second);

  mc_test_remove_tree (dir);
}

static void
run_case (const Case *c)
{
  g_autoptr(GFile) file = g_file_new_for_path (c->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = NULL;
  g_autofree char *basename = g_path_get_basename (c->path);

  limit_resources ();
  board = mc_board_load_from_file (file, MC_BOARD_LOAD_NONE, &error);

  if (g_str_has_prefix (c->expect, "refused"))
    {
      const char *text = c->expect + strlen ("refused");

      text += text[0] == ':' ? 1 : 0;
      text += text[0] == ' ' ? 1 : 0;
      if (board != NULL)
        g_error ("%s loads, but must be refused", basename);
      g_assert_nonnull (error);
      g_assert_true (error->domain == MC_BOARD_ERROR);
      g_test_message ("%s", error->message);
      /* One line that names the file and says what is wrong. */
      g_assert_null (strchr (error->message, '\n'));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, basename));
      g_assert_cmpuint (strlen (error->message), >, strlen (basename) + 10);
      if (strstr (error->message, text) == NULL)
        g_error ("%s: the message “%s” does not say “%s”", basename, error->message, text);
      return;
    }

  g_assert_cmpstr (c->expect, ==, "loads");
  g_assert_no_error (error);
  g_assert_nonnull (board);
  assert_round_trip (board, TRUE);
}

static void
test_case (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      run_case (data);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
add_case (GPtrArray  *cases,
          const char *test_name,
          const char *path,
          const char *expect)
{
  Case *c = g_new0 (Case, 1);
  g_autofree char *test_path = g_strdup_printf ("/mc/hostile/%s", test_name);

  c->path = g_strdup (path);
  c->expect = g_strdup (expect);
  g_ptr_array_add (cases, c);
  g_test_add_data_func (test_path, c, test_case);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_corpus (GPtrArray *cases)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "hostile", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".missiecanvas"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 40);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *base = g_strndup (file, strlen (file) - strlen (".missiecanvas"));
      g_autofree char *expect_name = g_strconcat (base, ".expect", NULL);
      g_autofree char *path = g_build_filename (dir_path, file, NULL);
      g_autofree char *expect_path = g_build_filename (dir_path, expect_name, NULL);
      g_autofree char *expect = NULL;

      g_assert_true (g_file_get_contents (expect_path, &expect, NULL, NULL));
      g_strchomp (expect);
      add_case (cases, base, path, expect);
    }
}

/* What cannot be kept in git, made in a temporary folder by the parent;
 * the children (which re-run main) find them there. */
static char *
special_path (const char *dir,
              const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
make_special_files (const char *dir)
{
  g_autofree char *fifo = special_path (dir, "fifo.missiecanvas");
  g_autofree char *sparse = special_path (dir, "sparse.missiecanvas");
  g_autofree char *folder = special_path (dir, "folder.missiecanvas");
  g_autofree char *to_zero = special_path (dir, "link-to-zero.missiecanvas");
  FILE *f;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", to_zero), ==, 0);
  f = fopen (sparse, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), (off_t) MC_BOARD_MAX_FILE_SIZE * 4), ==, 0);
  fclose (f);
}

static void
add_special_cases (GPtrArray  *cases,
                   const char *dir)
{
  g_autofree char *fifo = special_path (dir, "fifo.missiecanvas");
  g_autofree char *sparse = special_path (dir, "sparse.missiecanvas");
  g_autofree char *folder = special_path (dir, "folder.missiecanvas");
  g_autofree char *to_zero = special_path (dir, "link-to-zero.missiecanvas");

  add_case (cases, "special/fifo", fifo, "refused: not a regular file");
  add_case (cases, "special/dev-zero", "/dev/zero", "refused: not a regular file");
  add_case (cases, "special/dev-urandom", "/dev/urandom", "refused: not a regular file");
  add_case (cases, "special/link-to-dev-zero", to_zero, "refused: not a regular file");
  add_case (cases, "special/folder", folder, "refused: is a folder");
  add_case (cases, "special/sparse-256-mib", sparse, "refused: a board may be at most");
}

/* Property: any board the model lets anyone build saves, loads and saves
 * again to the same bytes. */
static guint32
next_random (gpointer data)
{
  return g_rand_int (data);
}

static void
test_generated_round_trip (void)
{
  for (guint32 seed = 1; seed <= 500; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(McBoard) board = mc_test_board_generate (next_random, rand);
      g_autoptr(GError) error = NULL;

      if (!mc_limits_check_board (board, &error))
        g_error ("seed %u: the model let through a board over the limits: %s",
                 seed, error->message);
      /* Saves fsync twice: a few through the disk are enough. */
      assert_round_trip (board, seed % 20 == 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The child re-runs main: it must find the same files. */
  dir = g_strdup (g_getenv ("MC_TEST_HOSTILE_DIR"));
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("mc-hostile-special-XXXXXX", NULL);
      g_assert_nonnull (dir);
      g_setenv ("MC_TEST_HOSTILE_DIR", dir, TRUE);
    }

  if (!g_test_subprocess ())
    make_special_files (dir);
  add_corpus (cases);
  add_special_cases (cases, dir);
  g_test_add_func ("/mc/hostile/generated-round-trip", test_generated_round_trip);

  status = g_test_run ();
  if (!g_test_subprocess ())
    mc_test_remove_tree (dir);
  return status;
}
