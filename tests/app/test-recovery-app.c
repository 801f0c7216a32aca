/* test-recovery-app.c — the real application, killed, gives every note back
 *
 * The test runs the application twice in child processes (this program
 * with --edit and --check), with XDG_STATE_HOME in a temporary folder:
 *   --edit   starts the app, edits the board of its window through commands
 *            and the window's undo/redo actions, waits for the autosave and
 *            kills itself with SIGKILL, after writing the note ids it had;
 *   --check  starts the app with MC_RECOVERY_AUTO=1 and checks that a window
 *            shows a board with exactly those notes, marked unsaved;
 *   --check-present  the same with --present: the wall switches to the
 *            recovered board, a window holds it, and no editor window
 *            comes up over the wall.
 * Runs under Xvfb (tools/test).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mc-application.h"
#include "mc-autosave.h"
#include "mc-board-io.h"
#include "mc-document.h"
#include "mc-presentation.h"
#include "mc-command.h"
#include "mc-window.h"

#define WATCHDOG_SECONDS 120

static char *ids_path;
static int child_status = 1;

static McApplication *
make_app (void)
{
  return g_object_new (MC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The board's note ids, sorted, one per line. */
static char *
note_ids_text (McBoard *board)
{
  GPtrArray *notes = mc_board_get_notes (board);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (ids, (gpointer) mc_note_get_id (g_ptr_array_index (notes, i)));
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv ("\n", (char **) ids->pdata);
}

/* ------------------------------------------------------------------ */
/* --edit                                                              */

static void
on_written (McAutosave *autosave,
            McBoard    *board)
{
  g_autofree char *ids = note_ids_text (board);

  /* What the session had when it died: the check compares against it. */
  if (!g_file_set_contents (ids_path, ids, -1, NULL))
    _exit (3);
  kill (getpid (), SIGKILL);
}

static void
edit_board (McWindow *window)
{
  McBoard *board = mc_window_get_board (window);
  McAutosave *autosave = mc_document_get_autosave (mc_window_get_document (window));

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("Nieuw idee %u", i + 1);
      McNote *note = mc_note_new (text);

      mc_note_set_anchor (note, "cimo", "context");
      mc_board_execute (board, mc_command_add_note (note));
    }
  /* Through the window's actions, as the keyboard would. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);

  g_signal_connect (autosave, "written", G_CALLBACK (on_written), board);
}

/* Once the window has its document: edit it, once. */
static void
on_edit_document (McWindow   *window,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  static gboolean edited;

  if (edited || mc_window_get_document (window) == NULL)
    return;
  edited = TRUE;
  edit_board (window);
}

static void
on_edit_window_added (GtkApplication *app,
                      GtkWindow      *window)
{
  if (!MC_IS_WINDOW (window))
    return;
  g_signal_connect (window, "notify::document", G_CALLBACK (on_edit_document), NULL);
  on_edit_document (MC_WINDOW (window), NULL, NULL);
}

/* A child that never gets there must not hang the test run (sanitizer
 * builds start GTK slowly, so this is generous). */
static gboolean
watchdog (gpointer user_data)
{
  g_printerr ("%s: gave up after %u s\n", (const char *) user_data, WATCHDOG_SECONDS);
  _exit (7);
}

static int
run_edit (void)
{
  g_autoptr(McApplication) app = make_app ();

  g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog, (gpointer) "--edit");

  g_signal_connect (app, "window-added", G_CALLBACK (on_edit_window_added), NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);
  return 5; /* never reached: killed in on_written */
}

/* ------------------------------------------------------------------ */
/* --check                                                             */

/* Looks whether a window shows the killed session's board; recovery
 * replaces the first window's document in an idle after it appears, so
 * this runs on every notify::document, not after a guessed time. */
static void
check_windows (GtkApplication *app)
{
  g_autofree char *expected = NULL;

  if (!g_file_get_contents (ids_path, &expected, NULL, NULL))
    {
      g_printerr ("no ids from the killed session\n");
      g_application_quit (G_APPLICATION (app));
      return;
    }

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      McBoard *board;
      g_autofree char *ids = NULL;

      if (!MC_IS_WINDOW (l->data) || (board = mc_window_get_board (l->data)) == NULL)
        continue;
      ids = note_ids_text (board);
      if (g_strcmp0 (ids, expected) == 0 && mc_board_get_modified (board))
        {
          child_status = 0;
          g_application_quit (G_APPLICATION (app));
          return;
        }
    }
}

static void
on_check_document (McWindow       *window,
                   GParamSpec     *pspec,
                   GtkApplication *app)
{
  check_windows (app);
}

static void
on_check_window_added (GtkApplication *app,
                       GtkWindow      *window)
{
  if (!MC_IS_WINDOW (window))
    return;
  g_signal_connect (window, "notify::document", G_CALLBACK (on_check_document), app);
  check_windows (app);
}

static int
run_check (void)
{
  g_autoptr(McApplication) app = make_app ();

  g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog, (gpointer) "--check");

  g_signal_connect (app, "window-added", G_CALLBACK (on_check_window_added), NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);
  return child_status;
}

/* ------------------------------------------------------------------ */
/* --check-present                                                     */

static McPresentation *
find_wall (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (MC_IS_PRESENTATION (l->data))
      return l->data;
  return NULL;
}

static gboolean
fail_present (GtkApplication *app,
              const char     *why)
{
  g_printerr ("%s\n", why);
  child_status = 2;
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

/* After the recovery has run to its end (an idle after the one that
 * recovered): the X server's answers to whatever it asked are in, so an
 * editor window raised over the wall would be the active one now. */
static gboolean
finish_present_check (gpointer user_data)
{
  GtkApplication *app = user_data;
  McPresentation *wall = find_wall (app);
  gboolean shown = FALSE;

  gdk_display_sync (gdk_display_get_default ());
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;

  if (wall == NULL)
    return fail_present (app, "the presentation went away");
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      if (!MC_IS_WINDOW (l->data))
        continue;
      if (gtk_window_is_active (l->data))
        return fail_present (app, "an editor window came up over the wall");
      if (mc_window_get_board (l->data) == mc_presentation_get_board (wall))
        shown = TRUE;
    }
  if (!shown)
    return fail_present (app, "no window holds the board on the wall");

  child_status = 0;
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
check_wall (GtkApplication *app)
{
  static gboolean done;
  McPresentation *wall = find_wall (app);
  g_autofree char *expected = NULL;
  g_autofree char *ids = NULL;
  McBoard *board;

  if (done || wall == NULL || (board = mc_presentation_get_board (wall)) == NULL)
    return;
  if (!g_file_get_contents (ids_path, &expected, NULL, NULL))
    {
      fail_present (app, "no ids from the killed session");
      return;
    }
  ids = note_ids_text (board);
  if (g_strcmp0 (ids, expected) != 0 || !mc_board_get_modified (board))
    return;

  done = TRUE;
  g_idle_add_full (G_PRIORITY_LOW, finish_present_check, app, NULL);
}

static void
on_wall_board (GObject        *object,
               GParamSpec     *pspec,
               GtkApplication *app)
{
  check_wall (app);
}

static void
on_present_window_added (GtkApplication *app,
                         GtkWindow      *window)
{
  if (MC_IS_PRESENTATION (window))
    g_signal_connect (window, "notify::board", G_CALLBACK (on_wall_board), app);
  check_wall (app);
}

static int
run_check_present (void)
{
  g_autoptr(McApplication) app = make_app ();
  char *argv[] = { (char *) "missiecanvas", (char *) "--present", NULL };

  g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog, (gpointer) "--check-present");

  g_signal_connect (app, "window-added", G_CALLBACK (on_present_window_added), NULL);
  g_application_run (G_APPLICATION (app), 2, argv);
  return child_status;
}

/* ------------------------------------------------------------------ */
/* The test                                                            */

static void
test_kill_and_recover (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = g_dir_make_tmp ("mc-recovery-app-XXXXXX", &error);
  g_autofree char *ids_file = NULL;
  g_autofree char *recovery_dir = NULL;
  g_autofree char *ids = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_auto(GStrv) check_env = NULL;
  const char *edit_argv[] = { g_test_get_filename (G_TEST_BUILT, "test-recovery-app", NULL), "--edit", NULL, NULL };
  const char *check_argv[] = { edit_argv[0], data, NULL, NULL };
  g_autofree char *stderr_text = NULL;
  int status = 0;

  g_assert_no_error (error);
  ids_file = g_build_filename (state, "ids.txt", NULL);
  edit_argv[2] = ids_file;
  check_argv[2] = ids_file;
  env = g_environ_setenv (env, "XDG_STATE_HOME", state, TRUE);
  env = g_environ_setenv (env, "MC_AUTOSAVE_INTERVAL_MS", "300", TRUE);
  env = g_environ_unsetenv (env, "MC_RECOVERY_AUTO");
  /* No GL under Xvfb: Mesa's software driver is slow under the sanitizers. */
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", FALSE);

  g_assert_true (g_spawn_sync (NULL, (char **) edit_argv, env, G_SPAWN_DEFAULT,
                               NULL, NULL, NULL, &stderr_text, &status, &error));
  g_assert_no_error (error);
  if (!WIFSIGNALED (status))
    g_test_message ("edit child: %s", stderr_text);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_assert_true (g_file_get_contents (ids_file, &ids, NULL, NULL));
  /* The example board's notes and the four new ones that survived undo */
  {
    g_autoptr(McBoard) example = mc_board_new_example ();
    g_auto(GStrv) lines = g_strsplit (ids, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, mc_board_get_n_notes (example) + 4);
  }

  recovery_dir = g_build_filename (state, "missiecanvas", "recovery", NULL);
  g_assert_true (g_file_test (recovery_dir, G_FILE_TEST_IS_DIR));

  g_clear_pointer (&stderr_text, g_free);
  check_env = g_environ_setenv (g_strdupv (env), "MC_RECOVERY_AUTO", "1", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) check_argv, check_env, G_SPAWN_DEFAULT,
                               NULL, NULL, NULL, &stderr_text, &status, &error));
  g_assert_no_error (error);
  if (!(WIFEXITED (status) && WEXITSTATUS (status) == 0))
    g_test_message ("check child: %s", stderr_text);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* Recovered but not saved: the copy is still there for next time. */
  {
    g_autoptr(GDir) dir = g_dir_open (recovery_dir, 0, NULL);
    const char *name;
    guint n_boards = 0;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (recovery_dir, name, NULL);

        if (g_str_has_suffix (name, ".missiecanvas"))
          n_boards++;
        g_unlink (path);
      }
    g_assert_cmpuint (n_boards, ==, 1);
  }
  g_rmdir (recovery_dir);
  {
    g_autofree char *parent = g_path_get_dirname (recovery_dir);

    g_rmdir (parent);
  }
  g_unlink (ids_file);
  g_rmdir (state);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_has_prefix (argv[1], "--"))
    {
      ids_path = argv[2];
      if (g_str_equal (argv[1], "--edit"))
        return run_edit ();
      if (g_str_equal (argv[1], "--check"))
        return run_check ();
      if (g_str_equal (argv[1], "--check-present"))
        return run_check_present ();
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/mc/recovery-app/kill-and-recover", "--check", test_kill_and_recover);
  /* Recovery while --present runs: the wall takes the recovered board. */
  g_test_add_data_func ("/mc/recovery-app/recover-while-presenting", "--check-present",
                        test_kill_and_recover);
  return g_test_run ();
}
