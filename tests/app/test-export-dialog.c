/* test-export-dialog.c — the Export dialog, the session report and printing
 *
 * Runs under Xvfb (tools/test). G_DEBUG=fatal-warnings is set, so any
 * warning or critical from GTK or from our code fails the test. Exports are
 * read back by real readers: poppler's pdftotext and pdfinfo, and the SVG
 * as text.
 *
 * With MC_EXPORT_SCREENSHOTS=<dir> the dialog is also saved as PNGs there,
 * for people to look at.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mc-application.h"
#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-export-dialog.h"
#include "mc-note.h"
#include "mc-print.h"
#include "mc-window.h"
#include "mc-test-app.h"
#include "mc-test-board.h"
#include "mc-test-util.h"

static GtkApplication *app;

typedef struct
{
  McWindow *window;
  McBoard  *board;    /* borrowed from the window */
  char     *dir;      /* for the exported files */
} Fixture;

/* Export's outcome, waited for: the file is written in a worker. */
typedef struct
{
  gboolean  done;
  gboolean  written;
  GError  **error;
} Written;

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Written *written = user_data;

  written->written = MC_IS_EXPORT_DIALOG (source)
                     ? mc_export_dialog_export_to_file_finish (MC_EXPORT_DIALOG (source), result,
                                                               written->error)
                     : mc_export_report_to_file_finish (result, written->error);
  written->done = TRUE;
}

static gboolean
is_written (gpointer data)
{
  return ((Written *) data)->done;
}

static gboolean
export_to_file (McExportDialog  *dialog,
                GFile           *file,
                GError         **error)
{
  Written written = { FALSE, FALSE, error };

  mc_export_dialog_export_to_file_async (dialog, file, on_written, &written);
  /* The window keeps going meanwhile: the button says so. */
  g_assert_false (gtk_widget_is_sensitive (mc_export_dialog_get_control (dialog, "export")));
  mc_test_wait_until (is_written, &written, "the export");
  return written.written;
}

static gboolean
report_to_file (GtkWindow  *parent,
                McBoard    *board,
                GFile      *file,
                GError    **error)
{
  Written written = { FALSE, FALSE, error };

  mc_export_report_to_file_async (parent, board, file, on_written, &written);
  mc_test_wait_until (is_written, &written, "the session report");
  return written.written;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(McBoard) example = mc_board_new_example ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Every test starts from the schema's defaults. */
  g_settings_reset (settings, "export-format");
  g_settings_reset (settings, "export-notes");
  g_settings_reset (settings, "export-theme");
  g_settings_reset (settings, "export-width");
  g_settings_reset (settings, "export-folder");

  fixture->dir = mc_test_make_tmp_dir ("mc-test-export-dialog-XXXXXX");
  mc_test_present_window (app, example, &fixture->window);
  fixture->board = mc_window_get_board (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = gtk_application_get_windows (app))
    gtk_window_destroy (l->data);
  /* The export dialog is not an application window. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

        gtk_window_destroy (window);
      }
  }
  mc_test_spin ();
  g_assert_null (fixture->window);

  g_assert_true (mc_test_remove_tree (fixture->dir));
  g_free (fixture->dir);
}

static gboolean
preview_done (gpointer data)
{
  return !mc_export_dialog_get_preview_pending (data);
}

/* Waits until the debounced preview, rendered in a worker thread, has
 * caught up with the options. */
static void
wait_for_preview (McExportDialog *dialog)
{
  mc_test_wait_until (preview_done, dialog, "the export preview");
  mc_test_spin ();
}

/* Runs a poppler tool on path and returns its standard output. */
static char *
run_tool (const char *tool,
          const char *arg1,
          const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { program, arg1, path, arg1 != NULL && g_str_equal (arg1, "-layout") ? "-" : NULL, NULL };

  g_assert_nonnull (program);
  if (arg1 == NULL)
    {
      argv[1] = path;
      argv[2] = NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
pdf_text (const char *path)
{
  return run_tool ("pdftotext", "-layout", path);
}

static int
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", NULL, path);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

/* The export dialog on screen, or NULL. */
static McExportDialog *
find_dialog (void)
{
  return (McExportDialog *) mc_test_find_toplevel (MC_TYPE_EXPORT_DIALOG);
}

static McExportDialog *
open_dialog (Fixture *fixture)
{
  McExportDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "export", NULL);
  mc_test_spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  wait_for_preview (dialog);
  return dialog;
}

static void
select_figure (McExportDialog *dialog,
               const char     *figure_id)
{
  const char * const *ids = mc_export_dialog_get_figure_ids (dialog);
  guint index = 0;

  while (ids[index] != NULL && !g_str_equal (ids[index], figure_id))
    index++;
  g_assert_nonnull (ids[index]);

  adw_combo_row_set_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "scope")),
                              MC_EXPORT_DIALOG_SCOPE_FIGURE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "figure")), index);
}

/* The scene has a group whose id starts with prefix. */
static gboolean
scene_has_group_prefix (McScene    *scene,
                        const char *prefix)
{
  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_GROUP_BEGIN && item->id != NULL &&
          g_str_has_prefix (item->id, prefix))
        return TRUE;
    }
  return FALSE;
}

static void
test_opens_with_figures (Fixture       *fixture,
                         gconstpointer  data)
{
  McExportDialog *dialog = open_dialog (fixture);
  GPtrArray *figures = mc_board_get_figures (fixture->board);
  const char * const *ids = mc_export_dialog_get_figure_ids (dialog);
  GListModel *titles;
  McExportOptions options;

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (mc_export_dialog_get_board (dialog) == fixture->board);

  /* The Figure row lists the board's figures with their catalog titles. */
  g_assert_cmpuint (figures->len, >, 1);
  g_assert_cmpuint (g_strv_length ((GStrv) ids), ==, figures->len);
  titles = adw_combo_row_get_model (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "figure")));
  g_assert_cmpuint (g_list_model_get_n_items (titles), ==, figures->len);
  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *figure = figures->pdata[i];
      const McFigureInfo *info = mc_catalog_get_figure (mc_catalog_get_default (),
                                                        mc_figure_get_kind (figure));
      g_autoptr(GtkStringObject) title = g_list_model_get_item (titles, i);

      g_assert_cmpstr (ids[i], ==, mc_figure_get_id (figure));
      g_assert_true (g_str_has_prefix (gtk_string_object_get_string (title),
                                       mc_figure_info_get_title (info, mc_board_get_language (fixture->board))));
    }

  /* Nothing selected on the canvas: the first figure, in the board's
   * language, at a journal's double column, which it fits (no refusal). */
  mc_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.scope, ==, MC_EXPORT_SCOPE_FIGURE);
  g_assert_cmpstr (options.figure_id, ==, mc_figure_get_id (figures->pdata[0]));
  g_assert_cmpint (options.language, ==, mc_board_get_language (fixture->board));
  g_assert_cmpint (mc_export_dialog_get_format (dialog), ==, MC_EXPORT_FORMAT_PDF);
  g_assert_cmpfloat (options.width_mm, ==, MC_EXPORT_DOUBLE_COLUMN_MM);
  g_assert_nonnull (mc_export_dialog_get_preview_scene (dialog));
  g_assert_true (gtk_widget_get_visible (mc_export_dialog_get_control (dialog, "figure")));

  mc_test_screenshot (GTK_WIDGET (dialog), g_getenv ("MC_EXPORT_SCREENSHOTS"), "export-dialog.png");

  /* Escape / Cancel closes it. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  mc_test_spin ();
  g_assert_null (find_dialog ());

  /* What it opens with exports as it is (and the window closes). */
  dialog = open_dialog (fixture);
  {
    g_autofree char *path = g_build_filename (fixture->dir, "first.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    wait_for_preview (dialog);
    g_assert_true (export_to_file (dialog, file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  mc_test_spin ();
  g_assert_null (find_dialog ());
}

static void
test_figure_preselected (Fixture       *fixture,
                         gconstpointer  data)
{
  McExportDialog *dialog = mc_export_dialog_new (GTK_WINDOW (fixture->window), fixture->board, "context");
  McExportOptions options;

  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_preview (dialog);
  mc_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.scope, ==, MC_EXPORT_SCOPE_FIGURE);
  g_assert_cmpstr (options.figure_id, ==, "context");
  g_assert_true (gtk_widget_get_visible (mc_export_dialog_get_control (dialog, "figure")));

  /* The preview is that figure alone. */
  g_assert_true (scene_has_group_prefix (mc_export_dialog_get_preview_scene (dialog), "context/"));
  g_assert_false (scene_has_group_prefix (mc_export_dialog_get_preview_scene (dialog), "cimo/"));

  /* Several figures: the checked ones. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "scope")),
                              MC_EXPORT_DIALOG_SCOPE_FIGURES);
  wait_for_preview (dialog);
  mc_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.scope, ==, MC_EXPORT_SCOPE_FIGURES);
  g_assert_cmpuint (g_strv_length ((GStrv) options.figure_ids), ==,
                    mc_board_get_figures (fixture->board)->len);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The text of a label in widget containing needle, or NULL. */
static const char *
find_label_text (GtkWidget  *widget,
                 const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = find_label_text (child, needle);

      if (text != NULL)
        return text;
    }
  return NULL;
}

static void
test_preview_follows_options (Fixture       *fixture,
                              gconstpointer  data)
{
  McExportDialog *dialog = open_dialog (fixture);
  GtkSwitch *notes = GTK_SWITCH (mc_export_dialog_get_control (dialog, "notes"));
  McScene *before;

  select_figure (dialog, "potential-value");
  wait_for_preview (dialog);
  before = mc_export_dialog_get_preview_scene (dialog);
  g_assert_nonnull (before);
  g_assert_true (scene_has_group_prefix (before, "note:"));
  /* Under the preview, the preflight line the export will print. */
  g_assert_nonnull (find_label_text (GTK_WIDGET (dialog), " mm · smallest text "));

  /* Debounced: the change is pending first, then the preview follows. */
  gtk_switch_set_active (notes, FALSE);
  g_assert_true (mc_export_dialog_get_preview_pending (dialog));
  wait_for_preview (dialog);
  g_assert_false (scene_has_group_prefix (mc_export_dialog_get_preview_scene (dialog), "note:"));
  g_assert_true (scene_has_group_prefix (mc_export_dialog_get_preview_scene (dialog), "potential-value/"));

  /* Outline formats show text and hide the rows that do not apply. */
  mc_export_dialog_set_format (dialog, MC_EXPORT_FORMAT_MARKDOWN);
  wait_for_preview (dialog);
  g_assert_false (gtk_widget_is_visible (mc_export_dialog_get_control (dialog, "theme")));
  g_assert_false (gtk_widget_is_visible (mc_export_dialog_get_control (dialog, "notes")));
  g_assert_null (mc_export_dialog_get_preview_scene (dialog));

  mc_export_dialog_set_format (dialog, MC_EXPORT_FORMAT_PNG);
  wait_for_preview (dialog);
  g_assert_true (gtk_widget_is_visible (mc_export_dialog_get_control (dialog, "dpi")));
  g_assert_false (gtk_widget_is_visible (mc_export_dialog_get_control (dialog, "page")));
  g_assert_nonnull (find_label_text (GTK_WIDGET (dialog), " px at 300 DPI · "));
  mc_test_screenshot (GTK_WIDGET (dialog), g_getenv ("MC_EXPORT_SCREENSHOTS"),
                      "export-dialog-png.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_pdf_language (Fixture       *fixture,
                   gconstpointer  data)
{
  McExportDialog *dialog = open_dialog (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "figure.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *theme = NULL;

  select_figure (dialog, "potential-value");
  adw_combo_row_set_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "language")),
                              MC_LANGUAGE_EN);
  adw_combo_row_set_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "theme")),
                              MC_THEME_PRINT);
  wait_for_preview (dialog);
  mc_test_screenshot (GTK_WIDGET (dialog), g_getenv ("MC_EXPORT_SCREENSHOTS"),
                      "export-dialog-figure.png");

  g_assert_true (export_to_file (dialog, file, &error));
  g_assert_no_error (error);
  mc_test_spin ();
  /* Done: the dialog closes (the toast is in the main window). */
  g_assert_null (find_dialog ());

  g_assert_cmpint (pdf_pages (path), ==, 1);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Near"));
  g_assert_nonnull (strstr (text, "Far"));
  g_assert_null (strstr (text, "Dichtbij"));

  /* The options are remembered for the next export. */
  theme = g_settings_get_string (settings, "export-theme");
  g_assert_cmpstr (theme, ==, "print");
  dialog = open_dialog (fixture);
  g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "theme"))),
                   ==, MC_THEME_PRINT);
  /* The language follows the board, not the last export. */
  g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "language"))),
                   ==, mc_board_get_language (fixture->board));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The text of a note anchored in figure_id with at least a few characters. */
static const char *
some_note_text (McBoard    *board,
                const char *figure_id)
{
  GPtrArray *notes = mc_board_get_notes (board);

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];
      const char *text = mc_note_get_text (note);

      if (g_strcmp0 (mc_note_get_figure_id (note), figure_id) == 0 && text != NULL &&
          strlen (text) >= 4 && strchr (text, '&') == NULL && strchr (text, '<') == NULL)
        return text;
    }
  return NULL;
}

static void
test_svg_notes (Fixture       *fixture,
                gconstpointer  data)
{
  const char *note = some_note_text (fixture->board, "potential-value");
  g_autofree char *first_word = NULL;

  g_assert_nonnull (note);
  first_word = g_strndup (note, strcspn (note, " \n"));

  for (int notes = 0; notes <= 1; notes++)
    {
      McExportDialog *dialog = open_dialog (fixture);
      g_autofree char *name = g_strdup_printf ("notes-%d", notes);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *svg_path = g_strconcat (path, ".svg", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (svg_path);
      g_autoptr(GError) error = NULL;
      g_autofree char *svg = NULL;

      mc_export_dialog_set_format (dialog, MC_EXPORT_FORMAT_SVG);
      select_figure (dialog, "potential-value");
      gtk_switch_set_active (GTK_SWITCH (mc_export_dialog_get_control (dialog, "notes")), notes);
      g_assert_true (export_to_file (dialog, file, &error));
      g_assert_no_error (error);

      g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
      g_assert_true (g_str_has_prefix (svg, "<?xml") || strstr (svg, "<svg") != NULL);
      /* SVG keeps text as text: the note's first word is there only with notes on. */
      if (notes)
        g_assert_nonnull (strstr (svg, first_word));
      else
        g_assert_null (strstr (svg, first_word));
      mc_test_spin ();
    }
}

static void
test_export_error (Fixture       *fixture,
                   gconstpointer  data)
{
  McExportDialog *dialog = open_dialog (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "missing-folder", "figure.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* A folder that does not exist: an error, no file, the dialog stays.
   * One figure: the whole board cannot be read at the default width,
   * which is refused before any writing. */
  select_figure (dialog, "cimo");
  wait_for_preview (dialog);
  g_assert_false (export_to_file (dialog, file, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE);
  mc_test_spin ();
  g_assert_true (find_dialog () == dialog);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Closed while the file is written: the dialog hides, the file is still
 * written whole, and then the dialog goes. */
static void
test_closed_while_exporting (Fixture       *fixture,
                             gconstpointer  data)
{
  McExportDialog *dialog = open_dialog (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "closed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Written written = { FALSE, FALSE, &error };

  wait_for_preview (dialog);
  mc_export_dialog_export_to_file_async (dialog, file, on_written, &written);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  mc_test_wait_until (is_written, &written, "the export");
  g_assert_no_error (error);
  g_assert_true (written.written);
  g_assert_cmpint (pdf_pages (path), ==, 1);
  mc_test_spin ();
  g_assert_null (find_dialog ());
}

static void
test_session_report (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (fixture->window), "export-report");
  guint n_figures = mc_board_get_figures (fixture->board)->len;

  g_assert_nonnull (action);
  g_assert_true (g_action_get_enabled (action));

  g_assert_true (report_to_file (GTK_WINDOW (fixture->window), fixture->board, file, &error));
  g_assert_no_error (error);
  /* A title page and one page per figure, then the outline. */
  g_assert_cmpint (pdf_pages (path), >, (int) n_figures);
}

static gboolean
run_print_to_pdf (McBoard               *board,
                  const McExportOptions *options,
                  const char            *path)
{
  g_autoptr(GtkPrintOperation) operation = mc_print_operation_new (board, options);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  return result == GTK_PRINT_OPERATION_RESULT_APPLY;
}

static void
test_print_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *all = g_build_filename (fixture->dir, "print-all.pdf", NULL);
  g_autofree char *one = g_build_filename (fixture->dir, "print-one.pdf", NULL);
  g_autofree char *text = NULL;
  GPtrArray *figures = mc_board_get_figures (fixture->board);
  McExportOptions options;

  /* Every figure on its own page. */
  g_assert_true (run_print_to_pdf (fixture->board, NULL, all));
  g_assert_cmpint (pdf_pages (all), ==, (int) figures->len);
  if (g_getenv ("MC_EXPORT_SCREENSHOTS") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("MC_EXPORT_SCREENSHOTS"), "print.pdf", NULL);
      g_autoptr(GFile) from = g_file_new_for_path (all);
      g_autoptr(GFile) to = g_file_new_for_path (keep);

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
    }
  for (guint i = 0; i < figures->len; i++)
    {
      g_autofree char *page = g_strdup_printf ("%u", i + 1);
      g_autofree char *program = g_find_program_in_path ("pdftotext");
      const char *argv[] = { program, "-f", page, "-l", page, all, "-", NULL };
      g_autofree char *out = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &status, NULL));
      /* Every page has its figure's text (labels, at least). */
      g_assert_cmpuint (strlen (g_strstrip (out)), >, 20);
    }

  /* One figure, in English. */
  mc_print_options_init (&options, fixture->board);
  options.scope = MC_EXPORT_SCOPE_FIGURE;
  options.figure_id = "potential-value";
  options.language = MC_LANGUAGE_EN;
  g_assert_true (run_print_to_pdf (fixture->board, &options, one));
  g_assert_cmpint (pdf_pages (one), ==, 1);
  text = pdf_text (one);
  g_assert_nonnull (strstr (text, "Near"));
  g_assert_null (strstr (text, "Dichtbij"));
}

/* The groups of notes in a scene. */
static guint
count_note_groups (McScene *scene)
{
  guint n = 0;

  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_GROUP_BEGIN && item->role == MC_ROLE_NOTE)
        n++;
    }
  return n;
}

/* On a board of thousands of notes the dialog opens at once and the
 * preview follows from a worker thread: creating the dialog never waits
 * for the render, and the preview that arrives shows every note. */
static void
test_large_board (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(McBoard) board = mc_test_region_board_new (2000);
  McExportDialog *dialog = mc_export_dialog_new (GTK_WINDOW (fixture->window), board, NULL);
  McScene *scene;

  gtk_window_present (GTK_WINDOW (dialog));
  /* Still rendering: the window was not held up by it. */
  g_assert_true (mc_export_dialog_get_preview_pending (dialog));
  g_assert_null (mc_export_dialog_get_preview_scene (dialog));

  wait_for_preview (dialog);
  g_assert_nonnull (mc_export_dialog_get_preview_scene (dialog));

  /* The whole board, all of its notes, also from the worker. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "scope")),
                              MC_EXPORT_DIALOG_SCOPE_BOARD);
  wait_for_preview (dialog);
  scene = mc_export_dialog_get_preview_scene (dialog);
  g_assert_nonnull (scene);
  g_assert_cmpuint (count_note_groups (scene), ==, 2000);
  g_assert_true (gtk_widget_get_sensitive (mc_export_dialog_get_control (dialog, "format")));
  mc_test_screenshot (GTK_WIDGET (dialog), g_getenv ("MC_EXPORT_SCREENSHOTS"), "export-dialog-2000.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The option groups in the window, top to bottom (by their titles; the
 * first has none). */
static void
collect_groups (GtkWidget *widget,
                GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));

      g_ptr_array_add (titles, (gpointer) (title != NULL ? title : ""));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_groups (child, titles);
}

static guint
count_groups (McExportDialog *dialog)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  collect_groups (GTK_WIDGET (dialog), titles);
  return titles->len;
}

/* How many groups each frame of the window drew. */
typedef struct
{
  McExportDialog *dialog;
  GArray         *painted;   /* guint */
} Frames;

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  guint n = count_groups (frames->dialog);

  g_array_append_val (frames->painted, n);
}

static gboolean
is_realized (gpointer data)
{
  return gtk_widget_get_realized (data);
}

/* The window opens with its first group of options; the others follow
 * after its first frame, one group per frame, and once it has settled
 * every row is there, in order, reachable with Tab and working. */
static void
test_rows_after_first_frame (Fixture       *fixture,
                             gconstpointer  data)
{
  McExportDialog *dialog = mc_export_dialog_new (GTK_WINDOW (fixture->window), fixture->board, NULL);
  g_autoptr(GArray) painted = g_array_new (FALSE, FALSE, sizeof (guint));
  Frames frames = { dialog, painted };
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  const char *names[] = { "format", "scope", "figure", "notes", "questions", "definitions",
                          "empty-regions", "caption", "language", "theme", "background",
                          "page", "width", "font-floor" };
  GdkFrameClock *clock;
  McExportOptions options;
  gulong paint_id;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_groups (dialog), ==, 1);
  mc_test_wait_until (is_realized, dialog, "the window realized");
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (dialog));
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  wait_for_preview (dialog);
  g_signal_handler_disconnect (clock, paint_id);

  /* The first frame had the first group alone; each frame after it at
   * most one more. */
  g_assert_cmpuint (painted->len, >=, 4);
  g_assert_cmpuint (g_array_index (painted, guint, 0), ==, 1);
  for (guint i = 1; i < painted->len; i++)
    g_assert_cmpuint (g_array_index (painted, guint, i), <=, g_array_index (painted, guint, i - 1) + 1);
  g_assert_cmpuint (g_array_index (painted, guint, painted->len - 1), ==, 4);

  /* All of them, in the window's order. */
  collect_groups (GTK_WIDGET (dialog), titles);
  g_assert_cmpuint (titles->len, ==, 4);
  g_assert_cmpstr (titles->pdata[0], ==, "");
  g_assert_cmpstr (titles->pdata[1], ==, "Content");
  g_assert_cmpstr (titles->pdata[2], ==, "Appearance");
  g_assert_cmpstr (titles->pdata[3], ==, "Size");

  /* Tab reaches every row that applies to a PDF, top to bottom. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  for (guint i = 0; i < 200 && gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD); i++)
    for (GtkWidget *w = gtk_window_get_focus (GTK_WINDOW (dialog)); w != NULL; w = gtk_widget_get_parent (w))
      g_hash_table_add (reached, w);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *control = mc_export_dialog_get_control (dialog, names[i]);
      GtkWidget *row = gtk_widget_get_ancestor (control, ADW_TYPE_PREFERENCES_ROW);

      g_assert_true (gtk_widget_is_ancestor (control, GTK_WIDGET (dialog)));
      if (!gtk_widget_get_visible (control))
        continue;
      if (!g_hash_table_contains (reached, control) && !g_hash_table_contains (reached, row))
        g_error ("Tab does not reach the %s row", names[i]);
    }

  /* The rows built last set the options. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (mc_export_dialog_get_control (dialog, "theme")),
                              MC_THEME_PRINT);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (mc_export_dialog_get_control (dialog, "font-floor")), 8);
  g_assert_true (mc_export_dialog_get_preview_pending (dialog));
  wait_for_preview (dialog);
  mc_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.theme, ==, MC_THEME_PRINT);
  g_assert_cmpfloat (options.font_floor_pt, ==, 8);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Asked for a row before it is built, the window builds them all. */
  dialog = mc_export_dialog_new (GTK_WINDOW (fixture->window), fixture->board, NULL);
  g_assert_cmpuint (count_groups (dialog), ==, 1);
  g_assert_nonnull (mc_export_dialog_get_control (dialog, "dpi"));
  g_assert_cmpuint (count_groups (dialog), ==, 4);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_preview (dialog);
  g_assert_nonnull (mc_export_dialog_get_preview_scene (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Closed before it settled: nothing is left running. */
  dialog = mc_export_dialog_new (GTK_WINDOW (fixture->window), fixture->board, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  mc_test_spin ();
  gtk_window_destroy (GTK_WINDOW (dialog));
  mc_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  app = mc_test_app_new (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/mc/export-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("opens-with-figures", test_opens_with_figures);
  ADD ("figure-preselected", test_figure_preselected);
  ADD ("preview-follows-options", test_preview_follows_options);
  ADD ("pdf-language", test_pdf_language);
  ADD ("svg-notes", test_svg_notes);
  ADD ("export-error", test_export_error);
  ADD ("session-report", test_session_report);
  ADD ("closed-while-exporting", test_closed_while_exporting);
  ADD ("print-pages", test_print_pages);
  ADD ("large-board", test_large_board);
  ADD ("rows-after-first-frame", test_rows_after_first_frame);
#undef ADD

  return mc_test_app_run (app);
}
