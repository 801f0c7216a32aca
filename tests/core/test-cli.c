/* test-cli.c — the real missiecanvas binary, headless
 *
 * Runs MC_BUILD_ROOT/src/missiecanvas with DISPLAY and WAYLAND_DISPLAY
 * removed, as on a server or in CI, and checks what it writes and says.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "mc-test-util.h"

typedef struct
{
  char *dir;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = mc_test_make_tmp_dir ("mc-cli-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mc_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Runs the binary with args (NULL-terminated) in fixture->dir. */
static void
run (Fixture    *fixture,
     Result     *result,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *binary = g_build_filename (g_getenv ("MC_BUILD_ROOT"), "src", "missiecanvas", NULL);
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, binary);
  va_start (args, result);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Headless, as on a server. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  /* The app's own warnings are not fatal in the child. */
  envp = g_environ_setenv (envp, "G_DEBUG", "", TRUE);

  g_spawn_sync (fixture->dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  result->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 255;
}

static void
assert_one_error_line (Result *result)
{
  g_assert_cmpint (result->status, !=, 0);
  g_assert_true (g_str_has_prefix (result->err, "missiecanvas: "));
  /* Exactly one line. */
  g_assert_true (g_str_has_suffix (result->err, "\n"));
  g_assert_cmpint (strchr (result->err, '\n') - result->err, ==, (int) strlen (result->err) - 1);
}

static char *
file_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
test_list_figures (Fixture       *fixture,
                   gconstpointer  data)
{
  Result result = { 0, };
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  run (fixture, &result, "--list-figures", NULL);
  g_assert_cmpint (result.status, ==, 0);
  lines = g_strsplit (result.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_assert_cmpstr (fields[0], !=, "");
      g_assert_cmpstr (fields[1], !=, "");
      g_assert_cmpstr (fields[2], !=, "");
      n++;
    }
  /* The example board shows the whole model. */
  g_assert_cmpuint (n, >=, 9);
  g_assert_nonnull (strstr (result.out, "cimo\tcimo\t"));
  result_clear (&result);
}

static void
test_export_example (Fixture       *fixture,
                     gconstpointer  data)
{
  Result result = { 0, };
  g_autofree char *pdf = file_in (fixture, "model.pdf");
  g_autofree char *contents = NULL;
  gsize length;

  /* Works on a fresh install: no BOARD, the built-in example, at the
   * default width for a figure (a journal's double column); the preflight
   * line says so. */
  run (fixture, &result, "--export", "model.pdf", "--figure", "cimo", NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "model.pdf: 174 × "));
  g_assert_nonnull (strstr (result.out, "smallest text 7"));
  g_assert_nonnull (strstr (result.out, "thinnest line"));
  g_assert_nonnull (strstr (result.out, "grayscale"));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (mc_test_count_files (fixture->dir), ==, 1);
  result_clear (&result);

  /* The whole board, with its notes, needs no option either: it keeps its
   * natural size, where every note can be read (not a journal column). */
  run (fixture, &result, "--export", "board.pdf", NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "board.pdf: "));
  g_assert_false (g_str_has_prefix (result.out, "board.pdf: 174 × "));
  g_assert_cmpuint (mc_test_count_files (fixture->dir), ==, 2);
  result_clear (&result);
}

static void
test_export_figure_svg (Fixture       *fixture,
                        gconstpointer  data)
{
  Result result = { 0, };
  g_autofree char *svg = file_in (fixture, "bc.svg");
  g_autofree char *contents = NULL;

  run (fixture, &result, "--export", "bc.svg", "--figure", "boundary-crossing", "--lang", "en",
       "--width-mm", "84", "--theme", "print", "--questions", "--no-notes", NULL);
  /* One column without notes (they could not show their text there). */
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"84mm\""));
  g_assert_nonnull (strstr (contents, "Liberation Sans"));
  g_assert_nonnull (strstr (contents, "id=\"boundary-crossing--coordination\""));
  g_assert_nonnull (strstr (contents, "Coordination"));
  result_clear (&result);
}

static void
test_export_all_to_directory (Fixture       *fixture,
                              gconstpointer  data)
{
  Result result = { 0, };
  g_autofree char *out = file_in (fixture, "figures");
  g_autofree char *cimo = g_build_filename (out, "cimo.png", NULL);
  g_autofree char *listing = NULL;
  guint n_figures = 0;

  run (fixture, &result, "--list-figures", NULL);
  for (const char *p = result.out; (p = strchr (p, '\n')) != NULL; p++)
    n_figures++;
  result_clear (&result);

  /* Without notes: some cannot show their text at the default width. */
  run (fixture, &result, "--export", "figures", "--figure", "all", "--format", "png", "--dpi", "150",
       "--no-notes", NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpuint (mc_test_count_files (out), ==, n_figures);
  g_assert_true (g_file_test (cimo, G_FILE_TEST_IS_REGULAR));
  result_clear (&result);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  Result result = { 0, };
  g_autofree char *pdf = file_in (fixture, "report.pdf");
  g_autofree char *contents = NULL;

  run (fixture, &result, "--report", "report.pdf", NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  result_clear (&result);
}

static void
test_outline_formats (Fixture       *fixture,
                      gconstpointer  data)
{
  Result result = { 0, };
  g_autofree char *md = file_in (fixture, "out.md");
  g_autofree char *csv = file_in (fixture, "out.csv");
  g_autofree char *contents = NULL;

  run (fixture, &result, "--export", "out.md", NULL);
  g_assert_cmpint (result.status, ==, 0);
  result_clear (&result);
  run (fixture, &result, "--export", "out.csv", "--lang", "en", NULL);
  g_assert_cmpint (result.status, ==, 0);
  /* Outlines have no page: no preflight line. */
  g_assert_cmpstr (result.out, ==, "");
  result_clear (&result);

  g_assert_true (g_file_get_contents (md, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# "));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "figure,region,question(s),note,votes,author,created,note id,cluster\r\n"));
  g_clear_pointer (&contents, g_free);

  /* Dutch spreadsheets: Dutch headers (the example board is Dutch) and ';'. */
  run (fixture, &result, "--export", "out.csv", "--separator", "semicolon", NULL);
  g_assert_cmpint (result.status, ==, 0);
  result_clear (&result);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "figuur;regio;vraag/vragen;notitie;stemmen;auteur;gemaakt;notitie-id;cluster\r\n"));
}

/* Every error: one line on stderr, non-zero exit, no file left. */
static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  Result result = { 0, };
  g_autofree char *bad_board = file_in (fixture, "bad.missiecanvas");

  run (fixture, &result, "--export", "x.pdf", "--figure", "no-such-figure", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "no-such-figure"));
  result_clear (&result);

  run (fixture, &result, "--export", "/nonexistent-dir/sub/x.pdf", NULL);
  assert_one_error_line (&result);
  result_clear (&result);

  run (fixture, &result, "--export", "x.pdf", "--lang", "fr", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "fr"));
  result_clear (&result);

  run (fixture, &result, "--export", "x.png", "--dpi", "5", NULL);
  assert_one_error_line (&result);
  result_clear (&result);

  run (fixture, &result, "--export", "x.pdf", "--theme", "neon", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "high-contrast"));
  result_clear (&result);

  run (fixture, &result, "--export", "x.pdf", "--width-mm", "-3", NULL);
  assert_one_error_line (&result);
  result_clear (&result);

  run (fixture, &result, "--export", "x.docx", NULL);
  assert_one_error_line (&result);
  result_clear (&result);

  run (fixture, &result, "--report", "x.png", NULL);
  assert_one_error_line (&result);
  result_clear (&result);

  g_assert_true (g_file_set_contents (bad_board, "{\"format\": \"missiecanvas\", \"board\": [", -1, NULL));
  run (fixture, &result, "--export", "x.pdf", "bad.missiecanvas", NULL);
  assert_one_error_line (&result);
  result_clear (&result);

  run (fixture, &result, "--export", "x.pdf", "missing.missiecanvas", NULL);
  assert_one_error_line (&result);
  result_clear (&result);

  run (fixture, &result, "--figure", "cimo", NULL);
  assert_one_error_line (&result);
  result_clear (&result);

  /* Nothing written but the bad board we made. */
  g_assert_cmpuint (mc_test_count_files (fixture->dir), ==, 1);
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  Result result = { 0, };

  run (fixture, &result, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--export"));
  g_assert_nonnull (strstr (result.out, "--list-figures"));
  g_assert_nonnull (strstr (result.out, "--report"));
  g_assert_nonnull (strstr (result.out, "--format"));
  /* Every theme --theme takes, the desktop's high-contrast ones too. */
  g_assert_nonnull (strstr (result.out, "projector-high-contrast"));
  result_clear (&result);
}

/* At one journal column the notes that do not fit the wheel go below it
 * and the figure is written; with its 39 questions too it is taller than
 * a page: nothing is written, and the one error line names the figure and
 * the cures; without notes, or at two columns, the figure is written. */
static void
test_cut_notes_warning (Fixture       *fixture,
                        gconstpointer  data)
{
  Result result = { 0, };
  g_autofree char *narrow = file_in (fixture, "narrow.pdf");
  g_autofree char *wide = file_in (fixture, "wide.pdf");

  run (fixture, &result, "--export", "narrow.pdf", "--figure", "perspectives",
       "--width-mm", "84", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (narrow, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (narrow), ==, 0);
  result_clear (&result);

  run (fixture, &result, "--export", "narrow.pdf", "--figure", "perspectives",
       "--width-mm", "84", "--questions", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_false (g_file_test (narrow, G_FILE_TEST_EXISTS));
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "“perspectives”"));
  g_assert_nonnull (strstr (result.err, "wider"));
  g_assert_nonnull (strstr (result.err, "without notes"));
  result_clear (&result);

  run (fixture, &result, "--export", "narrow-no-notes.pdf", "--figure", "perspectives",
       "--width-mm", "84", "--no-notes", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  result_clear (&result);

  run (fixture, &result, "--export", "wide.pdf", "--figure", "perspectives",
       "--width-mm", "174", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (wide, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (result.err, ==, "");
  result_clear (&result);
}

/* A board file in the fixture's folder. */
static char *
write_board (Fixture    *fixture,
             const char *name,
             const char *figures,
             const char *notes)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *json = g_strdup_printf ("{\"format\":\"missiecanvas\",\"format_version\":1,\"board\":"
                                           "{\"title\":\"Test\",\"language\":\"nl\",\"phase\":\"start\","
                                           "\"figures\":[%s],\"notes\":[%s]}}", figures, notes);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  return g_steal_pointer (&path);
}

/* Figure ids come from the file: "--figure all" into a folder turns them
 * into safe file names inside that folder, and never deletes a file it did
 * not create. */
static void
test_hostile_figure_ids (Fixture       *fixture,
                         gconstpointer  data)
{
  Result result = { 0, };
  g_autofree char *board = write_board (fixture, "evil.missiecanvas",
                                        "{\"id\":\"../../x\",\"kind\":\"cimo\",\"x\":0,\"y\":0,\"scale\":1},"
                                        "{\"id\":\"..\",\"kind\":\"context\",\"x\":0,\"y\":900,\"scale\":1},"
                                        "{\"id\":\"a/b\",\"kind\":\"cimo\",\"x\":0,\"y\":2000,\"scale\":1}",
                                        "");
  g_autofree char *out = g_build_filename (fixture->dir, "deep", "out", NULL);
  g_autofree char *outside = g_build_filename (fixture->dir, "x.pdf", NULL);
  g_autofree char *inside = g_build_filename (out, "x.pdf", NULL);
  g_autofree char *slash = g_build_filename (out, "a-b.pdf", NULL);
  g_autofree char *dots = g_build_filename (out, "figure.pdf", NULL);

  run (fixture, &result, board, "--export", "deep/out/", "--figure", "all", NULL);
  g_assert_cmpint (result.status, ==, 0);
  /* One preflight line per file. */
  g_assert_nonnull (strstr (result.out, "x.pdf: 174 × "));
  result_clear (&result);
  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (slash, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (dots, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (mc_test_count_files (out), ==, 3);
}

/* A failing "--figure all" deletes only what it created: a file that was
 * there before stays. The third figure's file is a folder, so writing it
 * fails after the first two are written. */
static void
test_all_or_nothing_keeps_foreign_files (Fixture       *fixture,
                                         gconstpointer  data)
{
  Result result = { 0, };
  g_autofree char *board = write_board (fixture, "three.missiecanvas",
                                        "{\"id\":\"a\",\"kind\":\"cimo\",\"x\":0,\"y\":0,\"scale\":1},"
                                        "{\"id\":\"b\",\"kind\":\"context\",\"x\":0,\"y\":900,\"scale\":1},"
                                        "{\"id\":\"c\",\"kind\":\"cimo\",\"x\":0,\"y\":2000,\"scale\":1}",
                                        "");
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *a = g_build_filename (out, "a.svg", NULL);
  g_autofree char *b = g_build_filename (out, "b.svg", NULL);
  g_autofree char *c = g_build_filename (out, "c.svg", NULL);

  g_assert_cmpint (g_mkdir_with_parents (c, 0755), ==, 0);
  g_assert_true (g_file_set_contents (a, "theirs", -1, NULL));

  run (fixture, &result, board, "--export", "out/", "--figure", "all", "--format", "svg", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "folder"));
  result_clear (&result);
  /* b.svg was created by the run and removed; a.svg existed and stays
   * (replaced, as any export replaces its target, but never deleted). */
  g_assert_false (g_file_test (b, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (a, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (c, G_FILE_TEST_IS_DIR));
}

/* Only regular files are replaced: a FIFO, a link to nothing, /dev/stdout
 * when it is a pipe and a read-only file are refused with one line, and
 * left as they were. A link to a regular file writes its target. */
static void
test_unsafe_targets (Fixture       *fixture,
                     gconstpointer  data)
{
  Result result = { 0, };
  g_autofree char *fifo = g_build_filename (fixture->dir, "fifo.pdf", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling.pdf", NULL);
  g_autofree char *readonly = g_build_filename (fixture->dir, "readonly.pdf", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.pdf", NULL);
  g_autofree char *real = g_build_filename (fixture->dir, "real.pdf", NULL);
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("nowhere.pdf", dangling), ==, 0);
  g_assert_true (g_file_set_contents (readonly, "keep", -1, NULL));
  g_assert_cmpint (g_chmod (readonly, 0444), ==, 0);
  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.pdf", link), ==, 0);

  run (fixture, &result, "--export", "fifo.pdf", "--figure", "cimo", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "not a regular file"));
  result_clear (&result);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  run (fixture, &result, "--export", "dangling.pdf", "--figure", "cimo", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "does not exist"));
  result_clear (&result);
  g_assert_cmpint (g_lstat (dangling, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_false (g_file_test (dangling, G_FILE_TEST_EXISTS));

  run (fixture, &result, "--export", "readonly.pdf", "--figure", "cimo", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "read-only"));
  result_clear (&result);
  g_assert_true (g_file_get_contents (readonly, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep");
  g_clear_pointer (&contents, g_free);

  /* The child's stdout is a pipe (g_spawn_sync reads it). */
  run (fixture, &result, "--export", "/dev/stdout", "--format", "pdf", "--figure", "cimo", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "not a regular file"));
  g_assert_cmpstr (result.out, ==, "");
  result_clear (&result);

  run (fixture, &result, "--export", "link.pdf", "--figure", "cimo", NULL);
  g_assert_cmpint (result.status, ==, 0);
  result_clear (&result);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

/* A free note far out and huge (within the loader's limits) is refused
 * with a message that names the cure, or written as SVG at its natural
 * size; never a multi-gigabyte PDF or a PNG beyond the pixel limit. */
static void
test_extreme_geometry (Fixture       *fixture,
                       gconstpointer  data)
{
  Result result = { 0, };
  g_autofree char *board = write_board (fixture, "huge.missiecanvas",
                                        "{\"id\":\"cimo\",\"kind\":\"cimo\",\"x\":0,\"y\":0,\"scale\":1}",
                                        "{\"id\":\"0b6f7a52-2d0e-4a77-9a3c-5f6f0f0e0a01\",\"text\":\"Reus\","
                                        "\"color\":\"yellow\",\"x\":10000000,\"y\":10000000,"
                                        "\"width\":10000000,\"height\":10000000,"
                                        "\"created\":\"2026-11-22T10:00:00Z\",\"modified\":\"2026-11-22T10:00:00Z\","
                                        "\"votes\":0}");
  g_autofree char *svg = g_build_filename (fixture->dir, "huge.svg", NULL);
  gsize length = 0;
  g_autofree char *contents = NULL;

  run (fixture, &result, board, "--export", "huge.pdf", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "one by one"));
  result_clear (&result);

  run (fixture, &result, board, "--export", "huge.pdf", "--width-mm", "natural", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "PDF allows"));
  result_clear (&result);

  run (fixture, &result, board, "--export", "huge.png", "--width-mm", "natural", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "pixels"));
  result_clear (&result);
  g_assert_cmpuint (mc_test_count_files (fixture->dir), ==, 1);

  run (fixture, &result, board, "--export", "huge.svg", "--width-mm", "natural", NULL);
  g_assert_cmpint (result.status, ==, 0);
  result_clear (&result);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_cmpuint (length, <, 1024 * 1024);

  /* The figure alone exports as usual. */
  run (fixture, &result, board, "--export", "cimo.pdf", "--figure", "cimo", NULL);
  g_assert_cmpint (result.status, ==, 0);
  result_clear (&result);
}

/* Journal widths by name; an unknown one is one clear line. */
static void
test_width_presets (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *arg; const char *mm; } presets[] = {
    { "single", "84 × " }, { "single-wide", "90 × " }, { "1.5", "140 × " },
    { "double", "174 × " }, { "double-wide", "190 × " }, { "a4", "210 × " }, { "120", "120 × " },
  };
  Result result = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autofree char *want = g_strconcat ("w.svg: ", presets[i].mm, NULL);

      run (fixture, &result, "--export", "w.svg", "--figure", "cimo", "--no-notes",
           "--width-mm", presets[i].arg, NULL);
      g_assert_cmpint (result.status, ==, 0);
      g_assert_true (g_str_has_prefix (result.out, want));
      result_clear (&result);
    }

  run (fixture, &result, "--export", "w.svg", "--width-mm", "wide", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "double"));
  result_clear (&result);
}

static void
write_in (Fixture    *fixture,
          const char *name,
          const char *contents)
{
  g_autofree char *path = file_in (fixture, name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* The summaries of --import and --merge count in the singular and plural. */
static void
test_import_merge_counts (Fixture       *fixture,
                          gconstpointer  data)
{
  Result result = { 0, };

  write_in (fixture, "one.canvas",
            "{\"nodes\": [{\"id\": \"a\", \"type\": \"text\", \"text\": \"Een\","
            " \"x\": 0, \"y\": 0, \"width\": 200, \"height\": 100}],"
            " \"edges\": [{\"id\": \"e\", \"fromNode\": \"a\", \"toNode\": \"a\"}]}");
  write_in (fixture, "two.canvas",
            "{\"nodes\": [{\"id\": \"b\", \"type\": \"text\", \"text\": \"Twee\","
            " \"x\": 0, \"y\": 0, \"width\": 200, \"height\": 100},"
            " {\"id\": \"c\", \"type\": \"text\", \"text\": \"Drie\","
            " \"x\": 300, \"y\": 0, \"width\": 200, \"height\": 100}]}");

  run (fixture, &result, "--import", "one.canvas", "--output", "one.missiecanvas", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==,
                   "Imported one.canvas: 1 note, 0 figures; 1 connection is kept in the file but not shown\n");
  result_clear (&result);

  run (fixture, &result, "--import", "two.canvas", "--output", "two.missiecanvas", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==,
                   "Imported two.canvas: 2 notes, 0 figures; 0 connections are kept in the file but not shown\n");
  result_clear (&result);

  run (fixture, &result, "--merge", "one.missiecanvas", "--output", "m.missiecanvas", "two.missiecanvas", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==,
                   "Merged one.missiecanvas: 1 note added, 0 changed, 0 removed, 0 conflicts, 0 deleted notes kept\n");
  result_clear (&result);

  run (fixture, &result, "--merge", "two.missiecanvas", "--output", "m.missiecanvas", "one.missiecanvas", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "Merged two.missiecanvas: 2 notes added, "));
  result_clear (&result);

  run (fixture, &result, "--list-figures", "one.missiecanvas", "two.missiecanvas", NULL);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "give only one board file, not 2"));
  result_clear (&result);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/mc/cli/list-figures", Fixture, NULL, fixture_set_up, test_list_figures, fixture_tear_down);
  g_test_add ("/mc/cli/export-example", Fixture, NULL, fixture_set_up, test_export_example, fixture_tear_down);
  g_test_add ("/mc/cli/export-figure-svg", Fixture, NULL, fixture_set_up, test_export_figure_svg, fixture_tear_down);
  g_test_add ("/mc/cli/export-all-to-directory", Fixture, NULL, fixture_set_up, test_export_all_to_directory, fixture_tear_down);
  g_test_add ("/mc/cli/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/mc/cli/outline-formats", Fixture, NULL, fixture_set_up, test_outline_formats, fixture_tear_down);
  g_test_add ("/mc/cli/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/mc/cli/cut-notes-warning", Fixture, NULL, fixture_set_up, test_cut_notes_warning, fixture_tear_down);
  g_test_add ("/mc/cli/help", Fixture, NULL, fixture_set_up, test_help, fixture_tear_down);
  g_test_add ("/mc/cli/hostile-figure-ids", Fixture, NULL, fixture_set_up, test_hostile_figure_ids, fixture_tear_down);
  g_test_add ("/mc/cli/all-or-nothing-keeps-foreign-files", Fixture, NULL, fixture_set_up,
              test_all_or_nothing_keeps_foreign_files, fixture_tear_down);
  g_test_add ("/mc/cli/unsafe-targets", Fixture, NULL, fixture_set_up, test_unsafe_targets, fixture_tear_down);
  g_test_add ("/mc/cli/extreme-geometry", Fixture, NULL, fixture_set_up, test_extreme_geometry, fixture_tear_down);
  g_test_add ("/mc/cli/width-presets", Fixture, NULL, fixture_set_up, test_width_presets, fixture_tear_down);
  g_test_add ("/mc/cli/import-merge-counts", Fixture, NULL, fixture_set_up, test_import_merge_counts,
              fixture_tear_down);

  return g_test_run ();
}
