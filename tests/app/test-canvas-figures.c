/* test-canvas-figures.c — figures and the view on the canvas: moving and
 * scaling a figure, the context menu, dropping into frames, the fit that
 * follows the window, and the first key in the presentation
 *
 * Runs under Xvfb (tools/test), as test-canvas-notes.c.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mc-test-canvas.h"
#include "mc-editing.h"
#include "mc-figure.h"
#include "mc-layout.h"
#include "mc-presentation.h"
#include "mc-route.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

#include "canvas-fixture.h"

/* A widget point in a figure's title band (outside its regions). */
static void
title_point (Fixture    *fixture,
             const char *figure_id,
             double     *x,
             double     *y)
{
  McFigure *figure = mc_board_get_figure (fixture->board, figure_id);
  McRect rect;
  double bx, by;

  g_assert_nonnull (figure);
  g_assert_true (mc_layout_get_figure_rect (fixture->board, figure_id, &rect));
  bx = rect.x + 40 * mc_figure_get_scale (figure);
  by = rect.y + 20 * mc_figure_get_scale (figure);
  g_assert_false (mc_editing_region_at (mc_canvas_get_scene (fixture->canvas), bx, by, NULL, NULL));
  mc_canvas_board_to_widget (fixture->canvas, bx, by, x, y);
}

/* Dragging a figure by its title band moves it with its notes, as one
 * undo step; a click there selects it for the Figure actions. */
static void
test_figure_move (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = add_note (fixture, "context/issue", "Eenzaamheid");
  McFigure *figure = mc_board_get_figure (fixture->board, "context");
  double fx = mc_figure_get_x (figure), fy = mc_figure_get_y (figure);
  double zoom = mc_canvas_get_zoom (fixture->canvas);
  guint start = n_undo (fixture);
  McRect before, after;
  double x, y;

  mc_canvas_get_scene (fixture->canvas);
  g_assert_true (mc_layout_get_note_rect (mc_canvas_get_layout (fixture->canvas), id, &before));

  title_point (fixture, "context", &x, &y);
  mc_canvas_test_click (fixture->canvas, x, y, 0);
  mc_test_spin ();
  g_assert_cmpstr (mc_canvas_get_selected_figure (fixture->canvas), ==, "context");
  g_assert_cmpuint (mc_canvas_get_n_selected (fixture->canvas), ==, 0);
  /* The window's Figure actions act on it. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "figure-scale-up"));
  g_assert_cmpuint (n_undo (fixture), ==, start);

  mc_canvas_test_drag (fixture->canvas, x, y, x + 60, y + 30, 0);
  mc_test_spin ();
  figure = mc_board_get_figure (fixture->board, "context");
  g_assert_cmpfloat_with_epsilon (mc_figure_get_x (figure), fx + 60 / zoom, 1e-6);
  g_assert_cmpfloat_with_epsilon (mc_figure_get_y (figure), fy + 30 / zoom, 1e-6);
  g_assert_cmpuint (n_undo (fixture), ==, start + 1);

  /* Its note went along, still anchored where it was. */
  mc_canvas_get_scene (fixture->canvas);
  g_assert_true (mc_layout_get_note_rect (mc_canvas_get_layout (fixture->canvas), id, &after));
  g_assert_cmpfloat_with_epsilon (after.x, before.x + 60 / zoom, 1e-6);
  g_assert_cmpfloat_with_epsilon (after.y, before.y + 30 / zoom, 1e-6);
  g_assert_cmpstr (mc_note_get_region_id (mc_board_get_note (fixture->board, id)), ==, "issue");

  /* Arrows move the selected figure; Shift ten times as far. */
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Right, 0));
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Down, GDK_SHIFT_MASK));
  mc_test_spin ();
  figure = mc_board_get_figure (fixture->board, "context");
  g_assert_cmpfloat_with_epsilon (mc_figure_get_x (figure), fx + 60 / zoom + 20, 1e-6);
  g_assert_cmpfloat_with_epsilon (mc_figure_get_y (figure), fy + 30 / zoom + 200, 1e-6);
  g_assert_cmpuint (n_undo (fixture), ==, start + 3);

  for (int i = 0; i < 3; i++)
    g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  figure = mc_board_get_figure (fixture->board, "context");
  g_assert_cmpfloat (mc_figure_get_x (figure), ==, fx);
  g_assert_cmpfloat (mc_figure_get_y (figure), ==, fy);

  /* A press inside a region is still the region's: it pans, and a
   * double-click there writes a note. */
  {
    double rx, ry;

    region_point (fixture, "context/factors", &rx, &ry);
    mc_canvas_test_click (fixture->canvas, rx, ry, 0);
    g_assert_null (mc_canvas_get_selected_figure (fixture->canvas));
    mc_canvas_test_double_click (fixture->canvas, rx, ry);
    mc_test_spin ();
    g_assert_nonnull (mc_canvas_test_get_editor (fixture->canvas));
    g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  }
}

/* The corner handle scales the selected figure, clamped, in one step. */
static void
test_figure_scale (Fixture       *fixture,
                   gconstpointer  data)
{
  McFigure *figure;
  guint start = n_undo (fixture);
  McRect rect;
  double x, y, hx, hy;

  title_point (fixture, "coherence", &x, &y);
  mc_canvas_test_click (fixture->canvas, x, y, 0);
  g_assert_cmpstr (mc_canvas_get_selected_figure (fixture->canvas), ==, "coherence");

  g_assert_true (mc_layout_get_figure_rect (fixture->board, "coherence", &rect));
  mc_canvas_board_to_widget (fixture->canvas, rect.x + rect.width, rect.y + rect.height, &hx, &hy);
  g_assert_cmpstr (_mc_canvas_edit_figure_handle_at (fixture->canvas, hx - 3, hy + 2), ==, "coherence");

  /* Half the figure's width further right: one and a half times as large. */
  mc_canvas_test_drag (fixture->canvas, hx, hy,
                       hx + rect.width * mc_canvas_get_zoom (fixture->canvas) / 2, hy, 0);
  mc_test_spin ();
  figure = mc_board_get_figure (fixture->board, "coherence");
  g_assert_cmpfloat_with_epsilon (mc_figure_get_scale (figure), 1.5, 1e-6);
  g_assert_cmpfloat (mc_figure_get_x (figure), ==, rect.x);
  g_assert_cmpuint (n_undo (fixture), ==, start + 1);

  /* Far up and left: no smaller than the smallest scale. */
  g_assert_true (mc_layout_get_figure_rect (fixture->board, "coherence", &rect));
  mc_canvas_board_to_widget (fixture->canvas, rect.x + rect.width, rect.y + rect.height, &hx, &hy);
  mc_canvas_test_drag (fixture->canvas, hx, hy, hx - 5000, hy - 5000, 0);
  mc_test_spin ();
  figure = mc_board_get_figure (fixture->board, "coherence");
  g_assert_cmpfloat_with_epsilon (mc_figure_get_scale (figure), 0.25, 1e-6);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  g_assert_cmpfloat (mc_figure_get_scale (mc_board_get_figure (fixture->board, "coherence")), ==, 1.0);
}

/* Right-click menus: a note's (its selection), a figure's (the Figure
 * actions then act on that figure). */
static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *a = add_note (fixture, "cimo/context", "Eerste");
  g_autofree char *b = add_note (fixture, "cimo/context", "Tweede");
  GtkWidget *menu;
  double x, y;

  mc_canvas_select_notes (fixture->canvas, (const char *[]) { a, NULL });
  note_centre (fixture, b, &x, &y);
  menu = mc_canvas_test_context_menu (fixture->canvas, x, y);
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  assert_selection (fixture, b, NULL);
  g_assert_nonnull (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu))), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.color", "s", "blue");
  gtk_popover_popdown (GTK_POPOVER (menu));
  mc_test_spin ();
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (fixture->board, b)), ==, "blue");
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (fixture->board, a)), !=, "blue");

  title_point (fixture, "value-creation", &x, &y);
  menu = mc_canvas_test_context_menu (fixture->canvas, x, y);
  g_assert_nonnull (menu);
  g_assert_cmpstr (mc_canvas_get_selected_figure (fixture->canvas), ==, "value-creation");
  g_assert_cmpuint (mc_canvas_get_n_selected (fixture->canvas), ==, 0);
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "figure-scale-up", NULL);
  mc_test_spin ();
  g_assert_cmpfloat_with_epsilon (mc_figure_get_scale (mc_board_get_figure (fixture->board, "value-creation")),
                                  1.25, 1e-6);
  g_assert_cmpfloat (mc_figure_get_scale (mc_board_get_figure (fixture->board, "cimo")), ==, 1.0);

  /* Empty board space has no menu. */
  {
    McRect bounds;

    mc_scene_get_bounds (mc_canvas_get_scene (fixture->canvas), &bounds);
    mc_canvas_board_to_widget (fixture->canvas, bounds.x + bounds.width + 50, bounds.y, &x, &y);
    mc_canvas_select_figure (fixture->canvas, NULL);
    g_assert_null (mc_canvas_test_context_menu (fixture->canvas, x, y));
  }
}

/* Issue 13: a dragged note left the highlight on its old region and showed
 * no drop target; a deselected note kept its dashed keyboard frame. */
static void
test_drop_target_and_frames (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *id = NULL;
  double x, y, tx, ty;

  region_point (fixture, "cimo/context", &x, &y);
  mc_canvas_test_double_click (fixture->canvas, x, y);
  type_text (fixture, "Verhuist");
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  mc_test_spin ();
  id = g_strdup (mc_note_get_id (only_note (fixture)));
  /* As a click on the note leaves it: the note's region picked. */
  mc_canvas_select_region (fixture->canvas, "cimo/context");

  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  g_assert_cmpstr (_mc_canvas_edit_get_cursor_frame (fixture->canvas), ==, id);

  note_centre (fixture, id, &x, &y);
  region_point (fixture, "cimo/outcomes", &tx, &ty);
  g_assert_cmpint (_mc_canvas_edit_press (fixture->canvas, x, y, 0), ==, MC_DRAG_MOVE);
  _mc_canvas_edit_drag_update (fixture->canvas, (tx - x) / 2, (ty - y) / 2);
  _mc_canvas_edit_drag_update (fixture->canvas, tx - x, ty - y);
  g_assert_cmpstr (_mc_canvas_edit_get_drop_region (fixture->canvas), ==, "cimo/outcomes");
  _mc_canvas_edit_drag_end (fixture->canvas, tx - x, ty - y, TRUE);

  g_assert_cmpstr (mc_note_get_region_id (only_note (fixture)), ==, "outcomes");
  g_assert_null (_mc_canvas_edit_get_drop_region (fixture->canvas));
  g_assert_cmpstr (mc_canvas_get_selected_region (fixture->canvas), ==, "cimo/outcomes");
  g_assert_cmpstr (mc_canvas_get_active_region (fixture->canvas), ==, "cimo/outcomes");

  /* Deselected: no frame stays behind. */
  g_assert_true (mc_canvas_is_note_selected (fixture->canvas, id));
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  g_assert_cmpuint (mc_canvas_get_n_selected (fixture->canvas), ==, 0);
  g_assert_null (_mc_canvas_edit_get_cursor_frame (fixture->canvas));
}

/* The same hand-over in presentation mode: the first key reaches the
 * window, which shows the note entry and gives it the focus. The entry must
 * be fully shown at once: keys that came while it was still sliding in were
 * dropped under load ("Buurt" became "Burt"). */
static gboolean
canvas_is_wide (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 1300;
}

static gboolean
canvas_is_narrow (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) < 1300;
}

/* While the whole board is on view, the view follows the window's size;
 * once the user zooms, a resize leaves the zoom alone. */
static void
test_fit_follows_resize (Fixture       *fixture,
                         gconstpointer  data)
{
  double fitted, user;

  mc_canvas_zoom_to_fit (fixture->canvas);
  mc_test_wait_until (view_is_still, fixture->canvas, "the fit");
  fitted = mc_canvas_get_zoom (fixture->canvas);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1800, 1000);
  mc_test_wait_until (canvas_is_wide, fixture->canvas, "the wider window");
  mc_test_wait_until (view_is_still, fixture->canvas, "the refit");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)), >, 1300);
  g_assert_cmpfloat (mc_canvas_get_zoom (fixture->canvas), >, fitted * 1.05);

  mc_canvas_set_zoom (fixture->canvas, 0.5);
  mc_test_wait_until (view_is_still, fixture->canvas, "the zoom");
  user = mc_canvas_get_zoom (fixture->canvas);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 820);
  mc_test_wait_until (canvas_is_narrow, fixture->canvas, "the narrower window");
  mc_test_wait_until (view_is_still, fixture->canvas, "the view after the resize");
  g_assert_cmpfloat_with_epsilon (mc_canvas_get_zoom (fixture->canvas), user, 1e-9);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
presentation_is_still (gpointer data)
{
  return !mc_presentation_get_animating (data);
}

static void
test_presentation_first_key (Fixture       *fixture,
                             gconstpointer  data)
{
  McPresentation *presentation = mc_presentation_new (app, fixture->board);
  GtkEditable *entry = mc_presentation_get_capture_entry (presentation);
  GtkWidget *revealer = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_REVEALER);
  int stop;
  int position;

  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  mc_presentation_start (presentation, GTK_WINDOW (fixture->window));
  mc_test_wait_until (widget_is_mapped, presentation, "the presentation window");
  stop = mc_route_find_stop (mc_presentation_get_route (presentation), "cimo/context");
  g_assert_cmpint (stop, >=, 0);
  mc_presentation_go_to (presentation, stop);
  mc_test_wait_until (presentation_is_still, presentation, "the move to the stop");

  g_assert_nonnull (revealer);
  g_assert_false (gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)));
  g_assert_true (mc_presentation_handle_key (presentation, GDK_KEY_B, GDK_SHIFT_MASK));
  /* No main loop iteration in between: the very next key finds it ready. */
  g_assert_true (gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entry)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "B");
  g_assert_false (mc_presentation_handle_key (presentation, GDK_KEY_u, 0));
  position = gtk_editable_get_position (entry);
  gtk_editable_insert_text (entry, "uurt", -1, &position);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Buurt");

  g_assert_true (mc_presentation_handle_key (presentation, GDK_KEY_Escape, 0));
  mc_presentation_leave (presentation);
  mc_test_spin ();
  if (presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (presentation));
  mc_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  canvas_fixture_start (&argc, &argv);

  ADD ("fit-follows-resize", test_fit_follows_resize);
  ADD ("figure-move", test_figure_move);
  ADD ("figure-scale", test_figure_scale);
  ADD ("context-menu", test_context_menu);
  ADD ("drop-target-and-frames", test_drop_target_and_frames);
  ADD ("presentation-first-key", test_presentation_first_key);

  return mc_test_app_run (app);
}
