/* test-merge-dialog.c — merging another copy from the window
 *
 * Runs under Xvfb (tools/test). The other copy is read in a worker thread:
 * the tests wait for the merge to finish (the done callback), never for a
 * time, and then read what the message says.
 *
 * With MC_MERGE_SCREENSHOTS=<dir> the summary is saved as a PNG there, for
 * people to look at.
 */
#include "config.h"

#include <adwaita.h>
#include <gtk/gtk.h>
#include <string.h>

#include "mc-board-io.h"
#include "mc-command.h"
#include "mc-merge-dialog.h"
#include "mc-note.h"
#include "mc-window.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

static GtkApplication *app;

typedef struct
{
  McWindow *window;
  McBoard  *board;    /* borrowed from the window */
  char     *dir;
  gboolean  done;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(McBoard) example = mc_board_new_example ();

  fixture->dir = mc_test_make_tmp_dir ("mc-test-merge-dialog-XXXXXX");
  mc_test_present_window (app, example, &fixture->window);
  fixture->board = mc_window_get_board (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *message;

  while ((message = mc_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (message);
  mc_test_close_windows (app);
  g_assert_null (fixture->window);
  g_assert_true (mc_test_remove_tree (fixture->dir));
  g_free (fixture->dir);
}

static void
on_done (gpointer data)
{
  Fixture *fixture = data;

  fixture->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  Fixture *fixture = data;

  return fixture->done;
}

static gboolean
message_drawn (gpointer data)
{
  GtkWindow *message = mc_test_find_message_dialog ();

  return message != NULL && gtk_widget_get_mapped (GTK_WIDGET (message)) &&
         gtk_widget_get_width (GTK_WIDGET (message)) > 0;
}

static const char *
message_body (void)
{
  GtkWindow *message = mc_test_find_message_dialog ();

  g_assert_nonnull (message);
  return adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message));
}

static const char *
message_heading (void)
{
  GtkWindow *message = mc_test_find_message_dialog ();

  g_assert_nonnull (message);
  return adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message));
}

/* Saves a copy of the window's board with one note added, one voted on and
 * one rewritten, and rewrites the same note otherwise in the window's
 * board: one added, one changed, one conflict. */
static GFile *
save_other_copy (Fixture *fixture)
{
  g_autofree char *data = mc_board_to_data (fixture->board, NULL);
  g_autoptr(McBoard) other = mc_board_load_from_data (data, strlen (data), "copy",
                                                      MC_BOARD_LOAD_NONE, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "kopie.missiecanvas", NULL);
  GFile *file = g_file_new_for_path (path);
  GPtrArray *notes = mc_board_get_notes (other);
  g_autoptr(GError) error = NULL;
  McNote *changed;
  McNote *added;

  g_assert_cmpuint (notes->len, >=, 2);

  changed = mc_note_dup (g_ptr_array_index (notes, 0));
  mc_note_set_votes (changed, mc_note_get_votes (changed) + 1);
  mc_board_execute (other, mc_command_update_note (other, changed));

  changed = mc_note_dup (g_ptr_array_index (notes, 1));
  mc_note_set_text (changed, "Tekst van de kopie");
  mc_board_execute (other, mc_command_update_note (other, changed));

  added = mc_note_new ("Nieuw in de kopie");
  mc_board_execute (other, mc_command_add_note (added));

  g_assert_true (mc_board_save_to_file (other, file, &error));
  g_assert_no_error (error);

  changed = mc_note_dup (g_ptr_array_index (mc_board_get_notes (fixture->board), 1));
  mc_note_set_text (changed, "Tekst van het venster");
  mc_board_execute (fixture->board, mc_command_update_note (fixture->board, changed));
  return file;
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GFile) file = save_other_copy (fixture);
  guint n_notes = mc_board_get_n_notes (fixture->board);
  const char *body;

  mc_merge_dialog_merge_file (GTK_WINDOW (fixture->window), fixture->board, file,
                              on_done, fixture);
  mc_test_wait_until (is_done, fixture, "the merge to finish");

  /* One note added, plus the conflict copy of the rewritten one. */
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, n_notes + 2);
  g_assert_cmpstr (message_heading (), ==, "Boards Merged");
  body = message_body ();
  g_assert_nonnull (strstr (body, "1 note added"));
  g_assert_nonnull (strstr (body, "1 note changed"));
  g_assert_nonnull (strstr (body, "1 conflict\n"));
  g_assert_nonnull (strstr (body, "1 note was changed in both copies"));
  if (g_getenv ("MC_MERGE_SCREENSHOTS") != NULL)
    mc_test_wait_until (message_drawn, NULL, "the summary to be drawn");
  mc_test_screenshot (GTK_WIDGET (mc_test_find_message_dialog ()),
                      g_getenv ("MC_MERGE_SCREENSHOTS"), "merge-summary.png");

  /* One undo step takes the whole merge back. */
  g_assert_true (mc_board_undo (fixture->board));
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, n_notes);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "weg.missiecanvas", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint n_notes = mc_board_get_n_notes (fixture->board);

  mc_merge_dialog_merge_file (GTK_WINDOW (fixture->window), fixture->board, file,
                              on_done, fixture);
  mc_test_wait_until (is_done, fixture, "the merge to give up");

  g_assert_cmpstr (message_heading (), ==, "Could Not Merge");
  g_assert_nonnull (strstr (message_body (), "weg.missiecanvas"));
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, n_notes);
}

int
main (int   argc,
      char *argv[])
{
  app = mc_test_app_new (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/mc/merge-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("summary", test_summary);
  ADD ("missing-file", test_missing_file);
#undef ADD

  return mc_test_app_run (app);
}
