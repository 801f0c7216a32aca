/* test-watch.c — the window notices when its file changes on disk
 *
 * Runs under Xvfb (tools/test). The file is changed behind the window's
 * back through the core loader and saver, as another member's copy of the
 * app (or a sync client) would.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mc-application.h"
#include "mc-board-io.h"
#include "mc-board-io-private.h"
#include "mc-command.h"
#include "mc-document.h"
#include "mc-history.h"
#include "mc-window.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

static GtkApplication *app;

typedef struct
{
  char     *tmpdir;
  GFile    *file;
  McWindow *window;
  char     *note_a;  /* changed on both sides in the merge test */
  char     *note_b;  /* changed on disk only */
} Fixture;

static GtkWidget *
find_by_css_class (GtkWidget  *widget,
                   const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_css_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
banner (Fixture *fixture)
{
  GtkWidget *box = find_by_css_class (GTK_WIDGET (fixture->window), "file-changed-banner");

  g_assert_nonnull (box);
  return box;
}

static gboolean
banner_shown (Fixture *fixture)
{
  GtkWidget *revealer = gtk_widget_get_parent (banner (fixture));

  g_assert_true (GTK_IS_REVEALER (revealer));
  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static const char *
banner_text (Fixture *fixture)
{
  GtkWidget *label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (banner (fixture)));

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
banner_condition (gpointer fixture)
{
  return banner_shown (fixture);
}

/* The bar shows (the monitor's events, then the debounce). */
static void
wait_for_banner (Fixture *fixture)
{
  mc_test_wait_until (banner_condition, fixture, "the file-changed bar");
}

static McFileWatch *
file_watch (Fixture *fixture)
{
  return mc_document_get_file_watch (mc_window_get_document (fixture->window));
}

/* Instead of waiting out the debounce: the watch looks at the disk now,
 * exactly as it would when the debounce ends. */
static void
look_at_disk (Fixture *fixture)
{
  mc_file_watch_check (file_watch (fixture));
  mc_test_spin ();
}

static gboolean
save_done (gpointer fixture)
{
  McWindow *window = ((Fixture *) fixture)->window;

  return window == NULL || !mc_document_get_saving (mc_window_get_document (window));
}

/* Saves run in a worker thread: wait for the one started to end. */
static void
wait_saved (Fixture *fixture)
{
  mc_test_wait_until (save_done, fixture, "the save");
  mc_test_spin ();
}

/* As a click on one of its buttons: the response, then the dialog goes. */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  mc_test_spin ();
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), action));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), action, NULL);
  mc_test_spin ();
}

static char *
read_file (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (g_file_peek_path (fixture->file), &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static McBoard *
board (Fixture *fixture)
{
  return mc_window_get_board (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) example = mc_board_new_example ();
  g_autofree char *path = NULL;
  GPtrArray *notes;

  fixture->tmpdir = mc_test_make_tmp_dir ("mc-test-watch-XXXXXX");
  path = g_build_filename (fixture->tmpdir, "Wijkleerlab.missiecanvas", NULL);
  fixture->file = g_file_new_for_path (path);
  g_assert_true (mc_board_save_to_file (example, fixture->file, &error));
  g_assert_no_error (error);

  notes = mc_board_get_notes (example);
  g_assert_cmpuint (notes->len, >=, 2);
  fixture->note_a = g_strdup (mc_note_get_id (g_ptr_array_index (notes, 0)));
  fixture->note_b = g_strdup (mc_note_get_id (g_ptr_array_index (notes, 1)));

  fixture->window = mc_window_new (app, NULL);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_assert_true (mc_window_open_file (fixture->window, fixture->file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mc_test_spin ();

  g_assert_false (banner_shown (fixture));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  _mc_board_io_set_save_fault_for_test (MC_SAVE_FAULT_NONE);

  while ((dialog = mc_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (dialog);
  mc_test_close_windows (app);
  g_assert_null (fixture->window);

  g_assert_true (mc_test_remove_tree (fixture->tmpdir));
  g_free (fixture->tmpdir);
  g_clear_object (&fixture->file);
  g_free (fixture->note_a);
  g_free (fixture->note_b);
}

/* Another program's version of the file: note A's text changed, note B's
 * changed, a note added. Returns the added note's id. */
static char *
change_behind_the_back (Fixture    *fixture,
                        const char *text_a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) other = mc_board_load_from_file (fixture->file, MC_BOARD_LOAD_NONE, &error);
  McNote *added = mc_note_new ("Added by another member");
  char *added_id = g_strdup (mc_note_get_id (added));

  g_assert_no_error (error);
  mc_board_execute (other, mc_command_set_note_text (other, fixture->note_a, text_a));
  mc_board_execute (other, mc_command_set_note_text (other, fixture->note_b, "B, changed on disk"));
  mc_board_execute (other, mc_command_add_note (added));
  g_assert_true (mc_board_save_to_file (other, fixture->file, &error));
  g_assert_no_error (error);

  return added_id;
}

static guint
count_conflicts (McBoard *b)
{
  GPtrArray *notes = mc_board_get_notes (b);
  guint n = 0;

  for (guint i = 0; i < notes->len; i++)
    if (mc_note_get_conflict (g_ptr_array_index (notes, i)))
      n++;

  return n;
}

static gboolean
has_note_with_text (McBoard    *b,
                    const char *text)
{
  GPtrArray *notes = mc_board_get_notes (b);

  for (guint i = 0; i < notes->len; i++)
    if (g_strcmp0 (mc_note_get_text (g_ptr_array_index (notes, i)), text) == 0)
      return TRUE;

  return FALSE;
}

/* Screenshot of the window for a person to look at (MC_TEST_SCREENSHOT_DIR). */
static gboolean
revealer_settled (gpointer fixture)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_parent (banner (fixture)));

  return gtk_revealer_get_child_revealed (revealer) == gtk_revealer_get_reveal_child (revealer);
}

static void
maybe_screenshot (Fixture    *fixture,
                  const char *name)
{
  const char *dir = g_getenv ("MC_TEST_SCREENSHOT_DIR");

  if (dir == NULL)
    return;

  mc_test_wait_until (revealer_settled, fixture, "the revealer's slide");
  mc_test_screenshot (GTK_WIDGET (fixture->window), dir, name);
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *added_id = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *after_merge = NULL;
  McBoard *b = board (fixture);
  guint n_before;

  text_b = g_strdup (mc_note_get_text (mc_board_get_note (b, fixture->note_b)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window),
                                                     "merge-disk-changes"));

  /* Ours: note A changed here, not saved. */
  mc_board_execute (b, mc_command_set_note_text (b, fixture->note_a, "A, changed here"));
  mc_history_break_coalescing (mc_board_get_history (b));
  n_before = mc_board_get_n_notes (b);

  added_id = change_behind_the_back (fixture, "A, changed on disk");
  on_disk = read_file (fixture);
  wait_for_banner (fixture);
  g_assert_nonnull (strstr (banner_text (fixture), "Wijkleerlab.missiecanvas"));
  g_assert_nonnull (strstr (banner_text (fixture), "changed by another program"));
  maybe_screenshot (fixture, "watch-changed.png");

  /* Nothing merged until asked: the board is as it was. */
  g_assert_cmpuint (mc_board_get_n_notes (b), ==, n_before);
  g_assert_null (mc_board_get_note (b, added_id));

  activate (fixture, "merge-disk-changes");
  g_assert_false (banner_shown (fixture));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window),
                                                     "merge-disk-changes"));

  /* The added note; B took the disk's change (the base says only the disk
   * changed it); A changed on both sides: both versions, marked. */
  g_assert_nonnull (mc_board_get_note (b, added_id));
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (b, fixture->note_b)), ==, "B, changed on disk");
  g_assert_true (mc_note_get_conflict (mc_board_get_note (b, fixture->note_a)));
  g_assert_true (has_note_with_text (b, "A, changed here"));
  g_assert_true (has_note_with_text (b, "A, changed on disk"));
  g_assert_cmpuint (count_conflicts (b), ==, 2);
  g_assert_cmpuint (mc_board_get_n_notes (b), ==, n_before + 2);
  maybe_screenshot (fixture, "watch-merged.png");

  /* Not saved for the user: the board is modified, the disk untouched. */
  g_assert_true (mc_board_get_modified (b));
  after_merge = read_file (fixture);
  g_assert_cmpstr (after_merge, ==, on_disk);

  /* The merge is one undo step. */
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (b)), ==, "Merge");
  activate (fixture, "undo");
  g_assert_null (mc_board_get_note (b, added_id));
  g_assert_cmpuint (mc_board_get_n_notes (b), ==, n_before);
  g_assert_cmpuint (count_conflicts (b), ==, 0);
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (b, fixture->note_a)), ==, "A, changed here");
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (b, fixture->note_b)), ==, text_b);
  g_assert_false (banner_shown (fixture));

  /* Redo and save: no question, the merged file is ours. */
  activate (fixture, "redo");
  activate (fixture, "save");
  wait_saved (fixture);
  g_assert_null (mc_test_find_message_dialog ());
  g_assert_false (mc_board_get_modified (b));
  look_at_disk (fixture);
  g_assert_false (banner_shown (fixture));
}

/* Our own saves (a temporary file renamed over the target) stay quiet. */
static void
test_own_save (Fixture       *fixture,
               gconstpointer  data)
{
  McBoard *b = board (fixture);
  g_autofree char *before = read_file (fixture);
  g_autofree char *after = NULL;

  mc_board_execute (b, mc_command_set_note_text (b, fixture->note_a, "Saved by us"));
  activate (fixture, "save");
  wait_saved (fixture);
  g_assert_null (mc_test_find_message_dialog ());
  g_assert_false (mc_board_get_modified (b));
  after = read_file (fixture);
  g_assert_cmpstr (after, !=, before);

  /* Long past the debounce. */
  look_at_disk (fixture);
  g_assert_false (banner_shown (fixture));

  mc_board_execute (b, mc_command_set_title (b, "Saved again"));
  activate (fixture, "save");
  wait_saved (fixture);
  activate (fixture, "save");
  wait_saved (fixture);
  look_at_disk (fixture);
  g_assert_false (banner_shown (fixture));
  g_assert_null (mc_test_find_message_dialog ());
}

/* Keep Mine: the bar goes; the next save asks before overwriting. */
static void
test_keep_mine (Fixture       *fixture,
                gconstpointer  data)
{
  McBoard *b = board (fixture);
  g_autofree char *added_id = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *now = NULL;
  g_autofree char *ours = NULL;
  GtkWindow *dialog;

  mc_board_execute (b, mc_command_set_title (b, "Our title"));
  added_id = change_behind_the_back (fixture, "A, changed on disk");
  theirs = read_file (fixture);
  wait_for_banner (fixture);

  activate (fixture, "keep-mine");
  g_assert_false (banner_shown (fixture));
  g_assert_null (mc_board_get_note (b, added_id));

  /* Save asks; Cancel leaves both alone. */
  activate (fixture, "save");
  wait_saved (fixture);
  dialog = mc_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Overwrite the Changed File?");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save-as"));
  respond (dialog, "cancel");
  now = read_file (fixture);
  g_assert_cmpstr (now, ==, theirs);
  g_assert_true (mc_board_get_modified (b));
  g_clear_pointer (&now, g_free);

  /* Closing with Save asks as well. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  mc_test_spin ();
  dialog = mc_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "save");
  wait_saved (fixture);
  dialog = mc_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Overwrite the Changed File?");
  respond (dialog, "cancel");
  g_assert_nonnull (fixture->window);
  now = read_file (fixture);
  g_assert_cmpstr (now, ==, theirs);
  g_clear_pointer (&now, g_free);

  /* Overwrite: ours on disk, and quiet again. */
  activate (fixture, "save");
  wait_saved (fixture);
  dialog = mc_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "overwrite");
  wait_saved (fixture);
  g_assert_false (mc_board_get_modified (b));
  ours = mc_board_to_data (b, NULL);
  now = read_file (fixture);
  g_assert_cmpstr (now, ==, ours);
  look_at_disk (fixture);
  g_assert_false (banner_shown (fixture));
  activate (fixture, "save");
  wait_saved (fixture);
  g_assert_null (mc_test_find_message_dialog ());
}

/* Removed or moved away: said, the board stays; saving creates the file. */
static void
test_removed (Fixture       *fixture,
              gconstpointer  data)
{
  McBoard *b = board (fixture);
  guint n_notes = mc_board_get_n_notes (b);

  g_assert_cmpint (g_remove (g_file_peek_path (fixture->file)), ==, 0);
  wait_for_banner (fixture);
  g_assert_nonnull (strstr (banner_text (fixture), "removed or moved"));
  g_assert_true (gtk_widget_has_css_class (banner (fixture), "removed"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window),
                                                     "merge-disk-changes"));
  maybe_screenshot (fixture, "watch-removed.png");

  /* Still open, same board. */
  g_assert_true (mc_window_get_board (fixture->window) == b);
  g_assert_cmpuint (mc_board_get_n_notes (b), ==, n_notes);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  activate (fixture, "save");
  wait_saved (fixture);
  g_assert_null (mc_test_find_message_dialog ());
  g_assert_true (g_file_query_exists (fixture->file, NULL));
  g_assert_false (banner_shown (fixture));
  look_at_disk (fixture);
  g_assert_false (banner_shown (fixture));
}

/* A failed save names the file, keeps the board modified and the file
 * as it was. */
static void
test_failed_save (Fixture       *fixture,
                  gconstpointer  data)
{
  static const McSaveFault faults[] = {
    MC_SAVE_FAULT_WRITE,  /* disk full */
    MC_SAVE_FAULT_BACKUP, /* permission denied */
    MC_SAVE_FAULT_RENAME,
  };
  McBoard *b = board (fixture);
  g_autofree char *before = read_file (fixture);
  guint n_files = mc_test_count_files (fixture->tmpdir);

  mc_board_execute (b, mc_command_set_title (b, "Unsaved work"));

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *after = NULL;
      GtkWindow *dialog;
      const char *body;

      _mc_board_io_set_save_fault_for_test (faults[i]);
      activate (fixture, "save");
  wait_saved (fixture);
      _mc_board_io_set_save_fault_for_test (MC_SAVE_FAULT_NONE);

      dialog = mc_test_find_message_dialog ();
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                       "Could Not Save the Board");
      body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
      g_assert_nonnull (strstr (body, "Wijkleerlab.missiecanvas"));
      if (faults[i] == MC_SAVE_FAULT_WRITE)
        g_assert_nonnull (strstr (body, g_strerror (ENOSPC)));
      gtk_window_destroy (dialog);
      mc_test_spin ();

      g_assert_true (mc_board_get_modified (b));
      g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));
      after = read_file (fixture);
      g_assert_cmpstr (after, ==, before);
      /* No temporary file left behind (a backup NAME~ may appear). */
      g_assert_cmpuint (mc_test_count_files (fixture->tmpdir), <=, n_files + 1);
    }

  /* A failed save is no change by another program. */
  look_at_disk (fixture);
  g_assert_false (banner_shown (fixture));

  /* The folder itself gone. */
  g_assert_true (mc_test_remove_tree (fixture->tmpdir));
  wait_for_banner (fixture);
  activate (fixture, "save");
  wait_saved (fixture);
  {
    GtkWindow *dialog = mc_test_find_message_dialog ();

    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                              "Wijkleerlab.missiecanvas"));
    gtk_window_destroy (dialog);
    mc_test_spin ();
  }
  g_assert_true (mc_board_get_modified (b));
  g_assert_cmpstr (mc_board_get_title (b), ==, "Unsaved work");
}

/* A new window on another board watches that board's file. */
static void
test_new_board (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) example = mc_board_new_example ();
  g_autofree char *path = g_build_filename (fixture->tmpdir, "other.missiecanvas", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (path);

  /* A board without a file: nothing to watch. */
  mc_window_set_board (fixture->window, example);
  mc_test_spin ();
  g_assert_false (banner_shown (fixture));

  /* The old file is not this window's business any more. */
  g_free (change_behind_the_back (fixture, "Elsewhere"));
  look_at_disk (fixture);
  g_assert_false (banner_shown (fixture));

  /* Saved As: the new file is. */
  g_assert_true (mc_window_save_to_file (fixture->window, other, &error));
  g_assert_no_error (error);
  look_at_disk (fixture);
  g_assert_false (banner_shown (fixture));
  {
    g_autoptr(McBoard) copy = mc_board_load_from_file (other, MC_BOARD_LOAD_NONE, &error);

    g_assert_no_error (error);
    mc_board_execute (copy, mc_command_set_title (copy, "Changed by someone"));
    g_assert_true (mc_board_save_to_file (copy, other, &error));
  }
  wait_for_banner (fixture);
}

int
main (int   argc,
      char *argv[])
{
  /* A short debounce keeps the test quick; the logic is the same. */
  g_setenv ("MC_FILE_WATCH_DELAY_MS", "150", TRUE);
  app = mc_test_app_new (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/mc/watch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("merge", test_merge);
  ADD ("own-save", test_own_save);
  ADD ("keep-mine", test_keep_mine);
  ADD ("removed", test_removed);
  ADD ("failed-save", test_failed_save);
  ADD ("new-board", test_new_board);
#undef ADD

  return mc_test_app_run (app);
}
