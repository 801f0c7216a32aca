/* test-templates.c — the template chooser, Add figure and the Figure menu
 *
 * Runs under Xvfb (tools/test). G_DEBUG=fatal-warnings is set, so any
 * warning or critical from GTK or from our code fails the test.
 *
 * With MC_TEMPLATES_SCREENSHOTS=<dir> the chooser is also saved as PNGs
 * there, for people to look at.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mc-application.h"
#include "mc-templates.h"
#include "mc-board-io.h"
#include "mc-canvas.h"
#include "mc-command.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-placement.h"
#include "mc-template-dialog.h"
#include "mc-window.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

static GtkApplication *app;

typedef struct
{
  McWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(McBoard) example = mc_board_new_example ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "default-language", "nl");
  mc_test_present_window (app, example, &fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mc_test_close_windows (app);
  g_assert_null (fixture->window);
}

/* The chooser on screen, or NULL. */
static McTemplateDialog *
find_dialog (void)
{
  return (McTemplateDialog *) mc_test_find_toplevel (MC_TYPE_TEMPLATE_DIALOG);
}

static gboolean
dialog_ready (gpointer dialog)
{
  return mc_template_dialog_get_ready (dialog);
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

typedef struct
{
  McCanvas     *canvas;
  const McRect *rect;
} FigureShown;

/* The canvas's view (animated) has come to include the rectangle. */
static gboolean
figure_shown (gpointer data)
{
  FigureShown *shown = data;
  McRect visible;

  mc_canvas_get_visible_rect (shown->canvas, &visible);
  return mc_rect_contains_rect (&visible, shown->rect);
}

static McTemplateDialog *
wait_for_ready_dialog (void)
{
  McTemplateDialog *dialog;

  mc_test_spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  mc_test_wait_until (dialog_ready, dialog, "the template chooser's thumbnails");
  mc_test_spin ();

  return dialog;
}

/* A thumbnail that shows something: not one flat colour, and a fair part
 * of it differs from the paper in its centre-left corner. */
static void
assert_thumbnail_drawn (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  guint32 paper;
  guint inked = 0;

  g_assert_cmpint (width, >=, 100);
  g_assert_cmpint (height, >=, 80);
  gdk_texture_download (texture, pixels, stride);

  /* Just inside the rounded corner: the paper. */
  memcpy (&paper, pixels + (gsize) 8 * stride + 8 * 4, 4);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel;

        memcpy (&pixel, pixels + (gsize) y * stride + (gsize) x * 4, 4);
        if (pixel != paper)
          inked++;
      }

  /* Every figure fills well over a tenth of its thumbnail (the CIMO band,
   * the flattest, about a sixth). */
  g_assert_cmpuint (inked, >, (guint) (width * height / 10));
}

static void
test_chooser_new (Fixture       *fixture,
                  gconstpointer  data)
{
  McTemplateDialog *dialog;
  const char * const *ids;
  McBoard *board;
  McFigure *figure;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  dialog = wait_for_ready_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpint (mc_template_dialog_get_mode (dialog), ==, MC_TEMPLATE_DIALOG_NEW);

  /* The whole model first, then the nine kinds in the catalog's order. */
  ids = mc_template_dialog_get_template_ids (dialog);
  g_assert_cmpuint (g_strv_length ((GStrv) ids), ==, 10);
  g_assert_cmpstr (ids[0], ==, "model");
  g_assert_cmpstr (ids[1], ==, "cimo");
  g_assert_cmpstr (ids[9], ==, "potential-value");

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *card = mc_template_dialog_get_card (dialog, ids[i]);
      GdkTexture *thumbnail = mc_template_dialog_get_thumbnail (dialog, ids[i]);

      g_assert_true (GTK_IS_BUTTON (card));
      g_assert_true (gtk_widget_get_mapped (card));
      g_assert_nonnull (thumbnail);
      assert_thumbnail_drawn (thumbnail);
    }

  /* The large card really is larger. */
  g_assert_cmpint (gtk_widget_get_width (mc_template_dialog_get_card (dialog, "model")), >,
                   gtk_widget_get_width (mc_template_dialog_get_card (dialog, "cimo")) * 3 / 2);
  /* Figure titles in the model language the settings name (Dutch here);
   * "The whole model" is an interface label, in the interface's language
   * (untranslated in this test) whatever the board's language. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (mc_template_dialog_get_card (dialog, "model")),
                   ==, "The whole model");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (mc_template_dialog_get_card (dialog, "perspectives")),
                   ==, "Interventie: ontwerp gericht op hybridisering");

  mc_test_screenshot (GTK_WIDGET (dialog), g_getenv ("MC_TEMPLATES_SCREENSHOTS"),
                      "chooser-new.png");

  /* The card's click: the untouched example is replaced in this window. */
  board = mc_window_get_board (fixture->window);
  g_signal_emit_by_name (mc_template_dialog_get_card (dialog, "perspectives"), "clicked");
  mc_test_spin ();
  g_assert_null (find_dialog ());
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (app)), ==, 1);
  g_assert_true (mc_window_get_board (fixture->window) != board);

  board = mc_window_get_board (fixture->window);
  g_assert_cmpuint (mc_board_get_figures (board)->len, ==, 1);
  figure = g_ptr_array_index (mc_board_get_figures (board), 0);
  g_assert_cmpstr (mc_figure_get_kind (figure), ==, "perspectives");
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, 0);
  g_assert_cmpint (mc_board_get_language (board), ==, MC_LANGUAGE_NL);
  g_assert_true (mc_window_get_pristine (fixture->window));
}

static void
test_chooser_new_window (Fixture       *fixture,
                         gconstpointer  data)
{
  McBoard *worked_on = mc_window_get_board (fixture->window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  McTemplateDialog *dialog;
  McWindow *other = NULL;
  McBoard *board;

  mc_board_execute (worked_on, mc_command_set_title (worked_on, "Worked on"));
  g_assert_false (mc_window_get_pristine (fixture->window));
  g_settings_set_string (settings, "default-language", "en");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "new-board", NULL);
  dialog = wait_for_ready_dialog ();
  g_assert_cmpstr (gtk_widget_get_tooltip_text (mc_template_dialog_get_card (dialog, "model")),
                   ==, "The whole model");

  mc_template_dialog_choose (dialog, "model");
  mc_test_spin ();
  g_assert_null (find_dialog ());

  /* A board someone worked on stays; the new one gets its own window. */
  g_assert_true (mc_window_get_board (fixture->window) == worked_on);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (app)), ==, 2);
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (l->data != fixture->window)
      other = l->data;
  g_assert_true (MC_IS_WINDOW (other));
  board = mc_window_get_board (other);
  g_assert_cmpuint (mc_board_get_figures (board)->len, ==, 9);
  g_assert_cmpint (mc_board_get_language (board), ==, MC_LANGUAGE_EN);
}

/* Runs what the widget's own key binding for keyval (no modifiers) does,
 * as a key press would; fails when there is no such binding. */
static void
press_shortcut (GtkWidget *widget,
                guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }

  g_error ("No key binding for %s", gdk_keyval_name (keyval));
}

/* The focused card's template id (a copy). */
static char *
focused_id (McTemplateDialog *dialog)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));

  for (const char * const *ids = mc_template_dialog_get_template_ids (dialog); *ids != NULL; ids++)
    if (mc_template_dialog_get_card (dialog, *ids) == focus)
      return g_strdup (*ids);

  return NULL;
}

/* Where the focused figure card sits in the 3 × 3 grid (the kinds fill it
 * row by row after the whole model). */
static int
focused_column (McTemplateDialog *dialog,
                int              *row)
{
  g_autofree char *id = focused_id (dialog);
  const char * const *ids = mc_template_dialog_get_template_ids (dialog);

  g_assert_nonnull (id);
  g_assert_cmpstr (id, !=, "model");
  for (int i = 1; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      {
        *row = (i - 1) / 3;
        return (i - 1) % 3;
      }

  g_assert_not_reached ();
}

static void
test_chooser_keyboard (Fixture       *fixture,
                       gconstpointer  data)
{
  McTemplateDialog *dialog;
  GtkWidget *focus;
  GtkWidget *model_card;
  g_autofree char *moved_to = NULL;
  int column, row, row2;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "new-board", NULL);
  dialog = wait_for_ready_dialog ();
  model_card = mc_template_dialog_get_card (dialog, "model");

  /* The whole model has the focus first; Right moves into the grid's
   * first column, Right again along that row, Left twice back. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == model_card);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_RIGHT));
  column = focused_column (dialog, &row);
  g_assert_cmpint (column, ==, 0);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_RIGHT));
  g_assert_cmpint (focused_column (dialog, &row2), ==, 1);
  g_assert_cmpint (row2, ==, row);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_LEFT));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_LEFT));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == model_card);

  /* Down and up stay in the grid's columns. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_RIGHT));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_RIGHT));
  if (row == 2)
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_UP));
  else
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_DOWN));
  g_assert_cmpint (focused_column (dialog, &row2), ==, 1);
  g_assert_cmpint (row2, ==, row == 2 ? 1 : row + 1);
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  moved_to = focused_id (dialog);

  /* Enter presses the focused card: "activate" is what Enter runs (the
   * button shows itself pressed for a moment before it clicks). */
  gtk_widget_activate (focus);
  mc_test_wait_until (dialog_gone, NULL, "the template chooser to close");
  g_assert_null (find_dialog ());
  g_assert_cmpuint (mc_board_get_figures (mc_window_get_board (fixture->window))->len, ==, 1);
  g_assert_cmpstr (mc_figure_get_kind (g_ptr_array_index (mc_board_get_figures (mc_window_get_board (fixture->window)), 0)),
                   ==, moved_to);

  /* Escape closes without a choice: the window's board stays. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "new-board", NULL);
  dialog = wait_for_ready_dialog ();
  press_shortcut (GTK_WIDGET (dialog), GDK_KEY_Escape);
  mc_test_spin ();
  g_assert_null (find_dialog ());
  g_assert_cmpuint (mc_board_get_figures (mc_window_get_board (fixture->window))->len, ==, 1);
}

static void
test_thumbnails_cached (Fixture       *fixture,
                        gconstpointer  data)
{
  McTemplateDialog *dialog;
  GdkTexture *first;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "new-board", NULL);
  dialog = wait_for_ready_dialog ();
  first = mc_template_dialog_get_thumbnail (dialog, "coherence");
  g_object_ref (first);
  gtk_window_destroy (GTK_WINDOW (dialog));
  mc_test_spin ();

  /* Drawn once per language and theme: a second chooser has them all at
   * once, the very same textures. */
  dialog = mc_template_dialog_new (GTK_WINDOW (fixture->window), MC_TEMPLATE_DIALOG_NEW,
                                   MC_LANGUAGE_NL);
  g_assert_true (mc_template_dialog_get_ready (dialog));
  g_assert_true (mc_template_dialog_get_thumbnail (dialog, "coherence") == first);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (first);
  mc_test_spin ();
}

static void
test_add_figure (Fixture       *fixture,
                 gconstpointer  data)
{
  McBoard *board;
  McTemplateDialog *dialog;
  const char * const *ids;
  McCanvas *canvas = mc_window_get_canvas (fixture->window);
  McFigure *figure;
  McRect figure_rect, visible;
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) model = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);

  g_assert_no_error (error);
  mc_window_set_board (fixture->window, model);
  board = mc_window_get_board (fixture->window);
  mc_canvas_zoom_to_fit (canvas);
  mc_test_spin ();

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "add-figure"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "add-figure", NULL);
  dialog = wait_for_ready_dialog ();
  g_assert_cmpint (mc_template_dialog_get_mode (dialog), ==, MC_TEMPLATE_DIALOG_ADD);

  /* The nine kinds, no whole model. */
  ids = mc_template_dialog_get_template_ids (dialog);
  g_assert_cmpuint (g_strv_length ((GStrv) ids), ==, 9);
  g_assert_null (mc_template_dialog_get_card (dialog, "model"));
  for (guint i = 0; ids[i] != NULL; i++)
    assert_thumbnail_drawn (mc_template_dialog_get_thumbnail (dialog, ids[i]));
  mc_test_screenshot (GTK_WIDGET (dialog), g_getenv ("MC_TEMPLATES_SCREENSHOTS"),
                      "chooser-add.png");

  g_signal_emit_by_name (mc_template_dialog_get_card (dialog, "coherence"), "clicked");
  mc_test_spin ();
  g_assert_null (find_dialog ());

  /* Added to this board, in this window, beside what was there. */
  g_assert_true (mc_window_get_board (fixture->window) == board);
  g_assert_cmpuint (mc_board_get_figures (board)->len, ==, 10);
  figure = mc_board_get_figure (board, "coherence-2");
  g_assert_nonnull (figure);
  g_assert_cmpstr (mc_figure_get_kind (figure), ==, "coherence");
  g_assert_true (mc_layout_get_figure_rect (board, "coherence-2", &figure_rect));
  for (guint i = 0; i < mc_board_get_figures (board)->len - 1; i++)
    {
      McRect other;

      g_assert_true (mc_layout_get_figure_rect (board,
                                                mc_figure_get_id (g_ptr_array_index (mc_board_get_figures (board), i)),
                                                &other));
      g_assert_false (mc_rect_intersects (&figure_rect, &other));
    }

  /* The canvas shows it (after the zoom animation) and its first region is
   * selected, so the Figure menu acts on it. */
  {
    FigureShown shown = { canvas, &figure_rect };

    mc_test_wait_until (figure_shown, &shown, "the canvas to show the new figure");
  }
  mc_canvas_get_visible_rect (canvas, &visible);
  g_assert_true (mc_rect_contains_rect (&visible, &figure_rect));
  g_assert_cmpstr (mc_canvas_get_selected_region (canvas), ==, "coherence-2/fit");
  mc_test_screenshot (GTK_WIDGET (fixture->window), g_getenv ("MC_TEMPLATES_SCREENSHOTS"),
                      "window-after-add.png");

  /* One undo step takes it away again. */
  g_assert_cmpstr (mc_history_get_undo_label (mc_board_get_history (board)), ==, "Add Figure");
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  g_assert_null (mc_board_get_figure (board, "coherence-2"));
  g_assert_cmpuint (mc_board_get_figures (board)->len, ==, 9);
  g_assert_false (mc_board_get_modified (board));

  /* Straight through the action, as the dialog does. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "insert-figure",
                                  g_variant_new_string ("cimo"));
  mc_test_spin ();
  g_assert_nonnull (mc_board_get_figure (board, "cimo-2"));
}

static void
test_figure_menu (Fixture       *fixture,
                  gconstpointer  data)
{
  GActionGroup *actions = G_ACTION_GROUP (fixture->window);
  McCanvas *canvas = mc_window_get_canvas (fixture->window);
  g_autoptr(McBoard) model = mc_board_new_from_template ("model", MC_LANGUAGE_NL, NULL);
  McBoard *board;
  McFigure *figure;

  mc_window_set_board (fixture->window, model);
  board = mc_window_get_board (fixture->window);
  mc_test_spin ();

  /* Nine figures and no region selected: no current figure. */
  g_assert_false (g_action_group_get_action_enabled (actions, "figure-scale-up"));
  g_assert_false (g_action_group_get_action_enabled (actions, "figure-remove"));

  mc_canvas_select_region (canvas, "value-creation/learning-short");
  mc_test_spin ();
  g_assert_true (g_action_group_get_action_enabled (actions, "figure-scale-up"));
  g_assert_true (g_action_group_get_action_enabled (actions, "figure-scale-down"));
  g_assert_true (g_action_group_get_action_enabled (actions, "figure-remove"));

  figure = mc_board_get_figure (board, "value-creation");
  g_action_group_activate_action (actions, "figure-scale-up", NULL);
  mc_test_spin ();
  g_assert_cmpfloat_with_epsilon (mc_figure_get_scale (figure), 1.25, 1e-9);
  g_action_group_activate_action (actions, "figure-scale-down", NULL);
  g_action_group_activate_action (actions, "figure-scale-down", NULL);
  mc_test_spin ();
  g_assert_cmpfloat_with_epsilon (mc_figure_get_scale (figure), 0.8, 1e-9);

  /* Down to the smallest scale, where Smaller turns off. */
  for (guint i = 0; i < 10 && g_action_group_get_action_enabled (actions, "figure-scale-down"); i++)
    {
      g_action_group_activate_action (actions, "figure-scale-down", NULL);
      mc_test_spin ();
    }
  g_assert_cmpfloat (mc_figure_get_scale (figure), ==, MC_PLACEMENT_MIN_SCALE);
  g_assert_false (g_action_group_get_action_enabled (actions, "figure-scale-down"));
  g_assert_true (g_action_group_get_action_enabled (actions, "figure-scale-up"));

  /* Remove takes the figure (and would take its notes); undo restores it. */
  g_action_group_activate_action (actions, "figure-remove", NULL);
  mc_test_spin ();
  g_assert_null (mc_board_get_figure (board, "value-creation"));
  g_assert_cmpuint (mc_board_get_figures (board)->len, ==, 8);
  g_assert_null (mc_canvas_get_selected_region (canvas));
  g_assert_false (g_action_group_get_action_enabled (actions, "figure-remove"));

  g_action_group_activate_action (actions, "undo", NULL);
  mc_test_spin ();
  g_assert_nonnull (mc_board_get_figure (board, "value-creation"));

  /* A one-figure board needs no selection. */
  {
    g_autoptr(McBoard) single = mc_board_new_from_template ("doorwerking", MC_LANGUAGE_NL, NULL);

    mc_window_set_board (fixture->window, single);
    mc_test_spin ();
    g_assert_true (g_action_group_get_action_enabled (actions, "figure-scale-up"));
    g_action_group_activate_action (actions, "figure-scale-up", NULL);
    mc_test_spin ();
    g_assert_cmpfloat_with_epsilon (mc_figure_get_scale (mc_board_get_figure (single, "doorwerking")),
                                    1.25, 1e-9);
  }
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, NULL);

  mc_board_set_read_only (board, TRUE);
  mc_window_set_board (fixture->window, board);
  mc_canvas_select_region (mc_window_get_canvas (fixture->window), "cimo/context");
  mc_test_spin ();

  /* Nothing to add to or resize on a board that opened read-only. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "add-figure"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "insert-figure"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "figure-scale-up"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "figure-remove"));
  /* New boards are still possible. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "new-board"));
}

int
main (int   argc,
      char *argv[])
{
  app = mc_test_app_new (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/mc/templates/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("chooser-new", test_chooser_new);
  ADD ("chooser-new-window", test_chooser_new_window);
  ADD ("chooser-keyboard", test_chooser_keyboard);
  ADD ("thumbnails-cached", test_thumbnails_cached);
  ADD ("add-figure", test_add_figure);
  ADD ("figure-menu", test_figure_menu);
  ADD ("read-only", test_read_only);
#undef ADD

  return mc_test_app_run (app);
}
