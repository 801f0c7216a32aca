/* test-presentation.c — presentation mode, its timer, route editor and the
 * session actions of the window, driven through actions and keys
 *
 * Runs under Xvfb at 1920×1080 (tools/test). G_DEBUG=fatal-warnings is set,
 * so any warning from GTK or our code fails the test.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mc-application.h"
#include "mc-canvas-edit-private.h"
#include "mc-templates.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-presentation.h"
#include "mc-presenter-view.h"
#include "mc-route-editor.h"
#include "mc-timer-widget.h"
#include "mc-window.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

static GtkApplication *app;

typedef struct
{
  McWindow       *window;
  McPresentation *presentation;
} Fixture;

static McPresentation *
find_presentation (void)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (MC_IS_PRESENTATION (l->data))
      return l->data;
  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);

  g_assert_no_error (error);
  mc_test_present_window (app, board, &fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mc_test_close_windows (app);
  g_assert_null (fixture->window);
  g_assert_null (fixture->presentation);
}

static gboolean
presentation_shown (gpointer data)
{
  McPresentation *presentation = find_presentation ();

  return presentation != NULL
         && gtk_widget_get_width (GTK_WIDGET (mc_presentation_get_canvas (presentation))) > 0
         && !mc_presentation_get_animating (presentation);
}

/* F5's action: a fullscreen presentation window on the board. */
static McPresentation *
enter (Fixture *fixture)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "present"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "present", NULL);
  mc_test_wait_until (presentation_shown, NULL, "the presentation to show");

  fixture->presentation = find_presentation ();
  g_assert_nonnull (fixture->presentation);
  g_object_add_weak_pointer (G_OBJECT (fixture->presentation), (gpointer *) &fixture->presentation);
  return fixture->presentation;
}

static void
press (McPresentation *presentation,
       guint           keyval)
{
  mc_presentation_handle_key (presentation, keyval, 0);
  mc_test_spin ();
}

static gboolean
view_settled (gpointer data)
{
  return !mc_presentation_get_animating (data);
}

/* The easing ends on the frame clock; wait for that, not for a time. */
static void
wait_for_view (McPresentation *presentation)
{
  mc_test_wait_until (view_settled, presentation, "the view to reach its stop");
  mc_test_spin ();
}

static void
go_to_key (McPresentation *presentation,
           const char     *key)
{
  McRoute *route = mc_presentation_get_route (presentation);
  int index = mc_route_find_stop (route, key);

  g_assert_cmpint (index, >=, 0);
  mc_presentation_go_to (presentation, (guint) index);
  wait_for_view (presentation);
  g_assert_cmpstr (mc_route_get_current_stop (route)->key, ==, key);
}

static void
test_enter_leave (Fixture       *fixture,
                  gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McCanvas *canvas = mc_presentation_get_canvas (presentation);
  McBoard *board = mc_window_get_board (fixture->window);
  g_autofree char *expected = NULL;

  g_assert_true (mc_presentation_get_board (presentation) == board);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (presentation)));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (presentation)));
  /* Chrome hidden: the presentation has no header bar; it fills the screen. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), ==, 1920);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (canvas)), ==, 1080);
  g_assert_cmpint (mc_canvas_get_view_options (canvas)->theme, ==, MC_THEME_PROJECTOR);

  /* It starts at the overview: the board's title, "1 / n". */
  g_assert_cmpuint (mc_route_get_current (mc_presentation_get_route (presentation)), ==, 0);
  expected = g_strdup_printf ("1 / %u", mc_route_get_count (mc_presentation_get_route (presentation)));
  g_assert_cmpstr (mc_presentation_get_position_text (presentation), ==, expected);

  /* F5 again does not open a second one. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "present", NULL);
  mc_test_spin ();
  {
    guint n = 0;

    for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
      n += MC_IS_PRESENTATION (l->data);
    g_assert_cmpuint (n, ==, 1);
  }

  /* Escape leaves; the main window and its board stay. */
  press (presentation, GDK_KEY_Escape);
  g_assert_null (fixture->presentation);
  g_assert_nonnull (fixture->window);
  g_assert_true (mc_window_get_board (fixture->window) == board);
  g_assert_true (mc_canvas_get_view_options (mc_window_get_canvas (fixture->window))->theme
                 == MC_THEME_COLOR);
}

static void
test_navigation_keys (Fixture       *fixture,
                      gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McRoute *route = mc_presentation_get_route (presentation);
  guint count = mc_route_get_count (route);
  const guint forward[] = { GDK_KEY_Page_Down, GDK_KEY_space, GDK_KEY_Right, GDK_KEY_Down };
  const guint back[] = { GDK_KEY_BackSpace, GDK_KEY_Left, GDK_KEY_Page_Up, GDK_KEY_Up };
  g_autofree char *last = NULL;

  g_assert_cmpuint (count, >, 8);

  for (guint i = 0; i < G_N_ELEMENTS (forward); i++)
    {
      g_autofree char *expected = g_strdup_printf ("%u / %u", i + 2, count);

      press (presentation, forward[i]);
      g_assert_cmpuint (mc_route_get_position (route), ==, i + 2);
      g_assert_cmpstr (mc_presentation_get_position_text (presentation), ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (back); i++)
    {
      press (presentation, back[i]);
      g_assert_cmpuint (mc_route_get_position (route), ==, 4 - i);
    }
  g_assert_cmpuint (mc_route_get_position (route), ==, 1);

  /* At the start, back stays put; End and Home jump. */
  press (presentation, GDK_KEY_Page_Up);
  g_assert_cmpuint (mc_route_get_position (route), ==, 1);
  press (presentation, GDK_KEY_End);
  g_assert_cmpuint (mc_route_get_position (route), ==, count);
  last = g_strdup_printf ("%u / %u", count, count);
  g_assert_cmpstr (mc_presentation_get_position_text (presentation), ==, last);
  press (presentation, GDK_KEY_Page_Down);
  g_assert_cmpuint (mc_route_get_position (route), ==, count);
  press (presentation, GDK_KEY_Home);
  g_assert_cmpuint (mc_route_get_position (route), ==, 1);

  /* Actions do the same. */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  mc_test_spin ();
  g_assert_cmpuint (mc_route_get_position (route), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL);
  mc_test_spin ();
  g_assert_cmpuint (mc_route_get_position (route), ==, 1);

  /* Letters at the overview do nothing (no region to write in). */
  press (presentation, GDK_KEY_a);
  g_assert_false (mc_presentation_get_capturing (presentation));
}

static void
record_zoom (GArray     *zooms,
             GParamSpec *pspec,
             McCanvas   *canvas)
{
  McRect now;

  /* The zoom drawn now (the property reports where an easing heads). */
  mc_canvas_get_visible_rect (canvas, &now);
  g_array_append_val (zooms, (double) { gtk_widget_get_width (GTK_WIDGET (canvas)) / now.width });
}

static void
test_animation_frames_stop (Fixture       *fixture,
                            gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McCanvas *canvas = mc_presentation_get_canvas (presentation);
  McRoute *route = mc_presentation_get_route (presentation);
  McRect target, visible;
  double zoom_before = mc_canvas_get_zoom (canvas);
  double zoom_after;
  g_autoptr(GArray) zooms = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean between = FALSE;

  /* The easing is timed by the frame clock, not by counting frames. */
  G_STATIC_ASSERT (MC_PRESENTATION_ANIMATION_MS < 400);

  /* Long enough that a frame rendered slowly on a loaded machine cannot
   * skip the whole easing: the frames in between are what is tested. */
  mc_view_animation_set_duration (mc_presentation_get_view_animation (presentation), 3000);
  mc_presentation_handle_key (presentation, GDK_KEY_Page_Down, 0);
  g_assert_true (mc_presentation_get_animating (presentation));
  g_signal_connect_swapped (canvas, "notify::zoom", G_CALLBACK (record_zoom), zooms);
  wait_for_view (presentation);
  g_signal_handlers_disconnect_by_data (canvas, zooms);

  /* It eased through zooms between the two stops, not jumped. */
  zoom_after = mc_canvas_get_zoom (canvas);
  g_assert_cmpfloat (zoom_after, >, zoom_before);
  for (guint i = 0; i < zooms->len; i++)
    {
      double z = g_array_index (zooms, double, i);

      between |= z > zoom_before * 1.01 && z < zoom_after * 0.99;
    }
  g_assert_true (between);

  g_assert_cmpint (mc_route_get_current_stop (route)->kind, ==, MC_ROUTE_STOP_FIGURE);
  g_assert_true (mc_route_get_target_rect (route, mc_canvas_get_scene (canvas), &target));
  mc_canvas_get_visible_rect (canvas, &visible);
  g_assert_true (mc_rect_contains_rect (&visible, &target));
}

static void
test_prompt (Fixture       *fixture,
             gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McCatalog *catalog = mc_catalog_get_default ();
  const char *regions[][2] = {
    { "context", "issue" },
    { "perspectives", "spatial" },
    { "boundary-crossing", "coordination" },
    { "coherence", "provoke" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *key = g_strconcat (regions[i][0], "/", regions[i][1], NULL);
      const McRegionInfo *info = mc_catalog_get_region (catalog, regions[i][0], regions[i][1]);
      const char * const *questions = mc_region_info_get_questions (info, MC_LANGUAGE_NL);
      g_autofree char *expected = g_strjoinv (" ", (char **) questions);

      go_to_key (presentation, key);
      g_assert_cmpuint (g_strv_length ((char **) questions), >, 0);
      g_assert_cmpstr (mc_presentation_get_prompt_title (presentation), ==,
                       mc_region_info_get_label (info, MC_LANGUAGE_NL));
      g_assert_cmpstr (mc_presentation_get_prompt_text (presentation), ==, expected);
      /* The region is outlined on the board. */
      g_assert_cmpstr (mc_canvas_get_selected_region (mc_presentation_get_canvas (presentation)), ==, key);
    }

  /* The Dutch wording itself, from the seed. */
  go_to_key (presentation, "context/issue");
  g_assert_cmpstr (mc_presentation_get_prompt_text (presentation), ==,
                   "Welk vraagstuk speelt in deze specifieke context?");
}

/* Pixel size of a note's text on screen at the current zoom. */
static double
note_text_px (McCanvas   *canvas,
              const char *note_id)
{
  McScene *scene = mc_canvas_get_scene (canvas);
  g_autofree char *group = g_strconcat ("note:", note_id, NULL);
  int begin = mc_scene_find_group (scene, group);
  guint end;

  g_assert_cmpint (begin, >=, 0);
  end = mc_scene_group_end (scene, (guint) begin);
  for (guint i = (guint) begin; i < end; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_TEXT && item->role == MC_ROLE_NOTE_TEXT)
        {
          const PangoFontDescription *font = pango_layout_get_font_description (item->layout);

          g_assert_nonnull (font);
          return pango_font_description_get_size (font) / (double) PANGO_SCALE
                 * mc_canvas_get_zoom (canvas);
        }
    }

  g_assert_not_reached ();
  return 0;
}

static void
type_text (McPresentation *presentation,
           const char     *text)
{
  /* The first character reaches the window (no entry yet) and opens the
   * entry; the rest is the entry's own typing. */
  press (presentation, gdk_unicode_to_keyval (g_utf8_get_char (text)));
  g_assert_true (mc_presentation_get_capturing (presentation));
  gtk_editable_set_text (mc_presentation_get_capture_entry (presentation), text);
  /* Space and the arrows belong to the entry now, not to navigation. */
  g_assert_false (mc_presentation_handle_key (presentation, GDK_KEY_space, 0));
  g_assert_false (mc_presentation_handle_key (presentation, GDK_KEY_Left, 0));
  g_signal_emit_by_name (mc_presentation_get_capture_entry (presentation), "activate");
  mc_test_spin ();
}

/* Into the build folder, always: these are for a person to look at. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");

  mc_test_screenshot (widget, dir != NULL ? dir : ".", name);
}

static void
test_quick_capture (Fixture       *fixture,
                    gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McBoard *board = mc_presentation_get_board (presentation);
  McCanvas *canvas = mc_presentation_get_canvas (presentation);
  McLayout *layout = mc_canvas_get_layout (canvas);
  guint n_before = mc_board_get_n_notes (board);
  GPtrArray *notes;
  McNote *first, *second;
  McRect a, b, area;
  McScene *scene;
  const McSceneItem *region;

  /* Step to a region with the keys: overview, CIMO, then its first region. */
  press (presentation, GDK_KEY_Page_Down);
  press (presentation, GDK_KEY_Page_Down);
  wait_for_view (presentation);
  g_assert_cmpstr (mc_route_get_current_stop (mc_presentation_get_route (presentation))->key,
                   ==, "cimo/context");

  type_text (presentation, "Wijkbewoners willen meedenken");
  g_assert_true (mc_presentation_get_capturing (presentation));
  g_assert_cmpstr (gtk_editable_get_text (mc_presentation_get_capture_entry (presentation)), ==, "");
  type_text (presentation, "Leegstand in het winkelcentrum");

  g_assert_cmpuint (mc_board_get_n_notes (board), ==, n_before + 2);
  notes = mc_board_get_notes (board);
  first = g_ptr_array_index (notes, notes->len - 2);
  second = g_ptr_array_index (notes, notes->len - 1);
  g_assert_cmpstr (mc_note_get_text (first), ==, "Wijkbewoners willen meedenken");
  g_assert_cmpstr (mc_note_get_text (second), ==, "Leegstand in het winkelcentrum");
  g_assert_cmpstr (mc_note_get_figure_id (first), ==, "cimo");
  g_assert_cmpstr (mc_note_get_region_id (first), ==, "context");
  g_assert_cmpstr (mc_note_get_region_id (second), ==, "context");

  /* Placed without overlapping, inside the region, on screen. */
  scene = mc_canvas_get_scene (canvas);
  g_assert_true (mc_layout_get_note_rect (layout, mc_note_get_id (first), &a));
  g_assert_true (mc_layout_get_note_rect (layout, mc_note_get_id (second), &b));
  g_assert_false (mc_rect_intersects (&a, &b));
  region = mc_scene_get_item (scene, (guint) mc_scene_find_group (scene, "cimo/context"));
  area = region->bounds;
  g_assert_true (mc_rect_contains_rect (&area, &a));
  g_assert_true (mc_rect_contains_rect (&area, &b));

  /* Projector type: note text at least 24 px on this 1920×1080 output
   * (the stop's zoom is computed to give exactly 24 px, so allow for
   * rounding: 23.98 px was seen). */
  g_assert_cmpfloat (note_text_px (canvas, mc_note_get_id (first)), >=, 24.0 - 0.05);

  /* One undo step per note. */
  g_assert_true (mc_history_get_can_undo (mc_board_get_history (board)));

  mc_test_wait_frames (GTK_WIDGET (presentation), 2);
  save_screenshot (GTK_WIDGET (presentation), "presentation-capture.png");

  /* Escape ends typing first, and only then leaves. */
  press (presentation, GDK_KEY_Escape);
  g_assert_false (mc_presentation_get_capturing (presentation));
  g_assert_nonnull (fixture->presentation);
  /* Navigation keys work again. */
  press (presentation, GDK_KEY_space);
  g_assert_cmpstr (mc_route_get_current_stop (mc_presentation_get_route (presentation))->key,
                   ==, "cimo/intervention");
  mc_board_undo (board);
  mc_test_spin ();
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, n_before + 1);
}

/* The stop's target takes the whole free area's width or height, less
 * the margins: the view cannot zoom in further and still show it. */
static gboolean
fills_free_area (McPresentation *presentation)
{
  double zoom = mc_canvas_get_zoom (mc_presentation_get_canvas (presentation));
  McRect area, target;

  g_assert_true (mc_presentation_get_free_area (presentation, &area));
  g_assert_true (mc_presentation_get_stop_target (presentation, &target));
  return target.width * zoom >= area.width - 2 * 24.0 - 2
         || target.height * zoom >= area.height - 2 * 24.0 - 2;
}

static void
test_note_size_at_region_stops (Fixture       *fixture,
                                gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McRoute *route = mc_presentation_get_route (presentation);
  McCanvas *canvas = mc_presentation_get_canvas (presentation);

  /* Notes in every region; every region stop shows them at ≥ 24 px. */
  for (guint i = 0; i < mc_route_get_n_stops (route); i++)
    {
      const McRouteStop *stop = mc_route_get_stop (route, i);
      g_autofree char *note_id = NULL;
      g_autofree char *long_id = NULL;
      McRect rect, visible;

      if (stop->kind != MC_ROUTE_STOP_REGION)
        continue;

      mc_presentation_go_to (presentation, i);
      wait_for_view (presentation);
      /* Typed at the wall after a long note, a short one comes out at its
       * size (issue 13: it came out much larger). */
      long_id = mc_presentation_capture_note (presentation, "Bewoners, ondernemers en de gemeente zoeken samen");
      note_id = mc_presentation_capture_note (presentation, "Een antwoord");
      g_assert_nonnull (note_id);
      wait_for_view (presentation);
      g_assert_cmpfloat_with_epsilon (note_text_px (canvas, note_id), note_text_px (canvas, long_id), 0.01);
      /* Where the region's name and notes do not fit at 24 px the view
       * zooms out to keep the name in view (issue 13), never far. */
      if (note_text_px (canvas, note_id) < 24.0 - 0.05 && !fills_free_area (presentation))
        g_error ("stop %s: the new note's text is %.1f px", stop->key, note_text_px (canvas, note_id));
      g_assert_cmpfloat (note_text_px (canvas, note_id), >=, 18.0);
      /* The new note is on screen. */
      g_assert_true (mc_layout_get_note_rect (mc_canvas_get_layout (canvas), note_id, &rect));
      mc_canvas_get_visible_rect (canvas, &visible);
      if (!mc_rect_contains_rect (&visible, &rect))
        g_error ("stop %s: the new note at %.0f,%.0f %.0f×%.0f is not in view "
                 "(%.0f,%.0f %.0f×%.0f)", stop->key, rect.x, rect.y, rect.width, rect.height,
                 visible.x, visible.y, visible.width, visible.height);
      if (g_strcmp0 (stop->key, "scale-levels/mega") == 0)
        {
          mc_test_wait_frames (GTK_WIDGET (presentation), 2);
          save_screenshot (GTK_WIDGET (presentation), "presentation-ring.png");
        }
    }
}

/* Issue 13: no edit chrome on the wall. Hovering a figure's corner showed
 * its resize handle there, and a press on its title band took the figure
 * (frame, drag); at the wall a figure is only shown. */
static void
test_no_figure_chrome (Fixture       *fixture,
                       gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McCanvas *canvas = mc_presentation_get_canvas (presentation);
  McBoard *board = mc_presentation_get_board (presentation);
  McFigure *figure = g_ptr_array_index (mc_board_get_figures (board), 0);
  const char *figure_id = mc_figure_get_id (figure);
  McRect rect;
  double hx, hy, tx, ty;

  wait_for_view (presentation);
  g_assert_true (mc_layout_get_figure_rect (board, figure_id, &rect));
  mc_canvas_board_to_widget (canvas, rect.x + rect.width, rect.y + rect.height, &hx, &hy);
  g_assert_cmpfloat (hx, <, gtk_widget_get_width (GTK_WIDGET (canvas)));
  g_assert_cmpfloat (hy, <, gtk_widget_get_height (GTK_WIDGET (canvas)));

  _mc_canvas_edit_motion (canvas, hx - 2, hy - 2);
  g_assert_null (_mc_canvas_edit_figure_handle_at (canvas, hx - 2, hy - 2));
  g_assert_cmpint (_mc_canvas_edit_press (canvas, hx - 2, hy - 2, 0), !=, MC_DRAG_FIGURE_SCALE);
  _mc_canvas_edit_drag_end (canvas, 0, 0, FALSE);

  mc_canvas_board_to_widget (canvas, rect.x + 40 * mc_figure_get_scale (figure),
                             rect.y + 20 * mc_figure_get_scale (figure), &tx, &ty);
  _mc_canvas_edit_motion (canvas, tx, ty);
  g_assert_cmpint (_mc_canvas_edit_press (canvas, tx, ty, 0), ==, MC_DRAG_PAN);
  _mc_canvas_edit_drag_end (canvas, 0, 0, FALSE);
  g_assert_null (mc_canvas_get_selected_figure (canvas));

  /* The editor's canvas still takes figures. */
  press (presentation, GDK_KEY_Escape);
  g_assert_null (fixture->presentation);
  canvas = mc_window_get_canvas (fixture->window);
  mc_canvas_board_to_widget (canvas, rect.x + rect.width, rect.y + rect.height, &hx, &hy);
  _mc_canvas_edit_motion (canvas, hx - 2, hy - 2);
  g_assert_cmpstr (_mc_canvas_edit_figure_handle_at (canvas, hx - 2, hy - 2), ==, figure_id);
}

/* Escape while typing keeps what was typed, as on the canvas. */
static void
test_escape_keeps_note (Fixture       *fixture,
                        gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McBoard *board = mc_presentation_get_board (presentation);
  guint n_before = mc_board_get_n_notes (board);
  GPtrArray *notes;

  go_to_key (presentation, "cimo/context");
  press (presentation, GDK_KEY_G);
  g_assert_true (mc_presentation_get_capturing (presentation));
  gtk_editable_set_text (mc_presentation_get_capture_entry (presentation), "Getypt zonder Enter");
  press (presentation, GDK_KEY_Escape);

  g_assert_false (mc_presentation_get_capturing (presentation));
  g_assert_nonnull (fixture->presentation);
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, n_before + 1);
  notes = mc_board_get_notes (board);
  g_assert_cmpstr (mc_note_get_text (g_ptr_array_index (notes, notes->len - 1)), ==,
                   "Getypt zonder Enter");
  g_assert_cmpstr (mc_note_get_region_id (g_ptr_array_index (notes, notes->len - 1)), ==, "context");

  /* Escape with nothing typed adds nothing; a second one leaves. */
  press (presentation, GDK_KEY_W);
  gtk_editable_set_text (mc_presentation_get_capture_entry (presentation), "   ");
  press (presentation, GDK_KEY_Escape);
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, n_before + 1);
  press (presentation, GDK_KEY_Escape);
  g_assert_null (fixture->presentation);
}

/* The window shows another board (recovery while presenting): the wall
 * follows it, and what is typed goes into the board the window shows. */
static void
test_board_switch (Fixture       *fixture,
                   gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McBoard *old_board = mc_presentation_get_board (presentation);
  g_autoptr(McBoard) recovered = NULL;
  g_autoptr(GError) error = NULL;
  McRoute *route;
  guint n_old = mc_board_get_n_notes (old_board), n_new;
  GPtrArray *notes;

  g_object_ref (old_board);
  recovered = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  n_new = mc_board_get_n_notes (recovered);

  /* Halfway through typing a note at a region. */
  go_to_key (presentation, "cimo/context");
  press (presentation, GDK_KEY_H);
  gtk_editable_set_text (mc_presentation_get_capture_entry (presentation), "Half getypt");

  mc_window_set_board (fixture->window, recovered);
  mc_test_spin ();

  g_assert_true (mc_presentation_get_board (presentation) == recovered);
  g_assert_true (mc_canvas_get_board (mc_presentation_get_canvas (presentation)) == recovered);
  route = mc_presentation_get_route (presentation);
  g_assert_true (mc_route_get_board (route) == recovered);
  g_assert_cmpstr (mc_route_get_current_stop (route)->key, ==, "cimo/context");
  /* Nothing typed is lost: the entry still has it, Enter adds it to the
   * board on the wall. */
  g_assert_true (mc_presentation_get_capturing (presentation));
  g_assert_cmpstr (gtk_editable_get_text (mc_presentation_get_capture_entry (presentation)), ==,
                   "Half getypt");
  g_signal_emit_by_name (mc_presentation_get_capture_entry (presentation), "activate");
  mc_test_spin ();
  g_assert_cmpuint (mc_board_get_n_notes (recovered), ==, n_new + 1);
  notes = mc_board_get_notes (recovered);
  g_assert_cmpstr (mc_note_get_text (g_ptr_array_index (notes, notes->len - 1)), ==, "Half getypt");
  g_assert_cmpuint (mc_board_get_n_notes (old_board), ==, n_old);
  g_object_unref (old_board);

  /* The next stops are the new board's. */
  press (presentation, GDK_KEY_Escape);
  press (presentation, GDK_KEY_Page_Down);
  g_assert_cmpstr (mc_route_get_current_stop (route)->key, ==, "cimo/intervention");
}

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static void
test_timer_widget (void)
{
  g_autoptr(McTimer) timer = mc_timer_new ();
  GtkWidget *window = gtk_window_new ();
  McTimerWidget *widget;

  fake_now = 1000 * G_USEC_PER_SEC;
  mc_timer_set_clock (timer, fake_clock, NULL);
  widget = MC_TIMER_WIDGET (mc_timer_widget_new (timer));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (widget));
  gtk_window_present (GTK_WINDOW (window));
  mc_test_spin ();

  g_assert_cmpstr (mc_timer_widget_get_text (widget), ==, "05:00");

  /* The 2-minute preset, then start. */
  gtk_widget_activate_action (GTK_WIDGET (widget), "timer.preset", "u", 2);
  g_assert_cmpstr (mc_timer_widget_get_text (widget), ==, "02:00");
  gtk_widget_activate_action (GTK_WIDGET (widget), "timer.toggle", NULL);
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_RUNNING);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (widget), "running"));

  fake_now += 61 * G_USEC_PER_SEC;
  mc_timer_update (timer);
  g_assert_cmpstr (mc_timer_widget_get_text (widget), ==, "00:59");

  /* Paused, time passing changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (widget), "timer.toggle", NULL);
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_PAUSED);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (widget), "paused"));
  fake_now += 30 * G_USEC_PER_SEC;
  mc_timer_update (timer);
  g_assert_cmpstr (mc_timer_widget_get_text (widget), ==, "00:59");

  /* Add a minute. */
  gtk_widget_activate_action (GTK_WIDGET (widget), "timer.add-minute", NULL);
  g_assert_cmpstr (mc_timer_widget_get_text (widget), ==, "01:59");

  /* Resume and run out: it says so. */
  gtk_widget_activate_action (GTK_WIDGET (widget), "timer.toggle", NULL);
  fake_now += 119 * G_USEC_PER_SEC;
  mc_timer_update (timer);
  g_assert_cmpstr (mc_timer_widget_get_text (widget), ==, "00:00");
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_FINISHED);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (widget), "finished"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (widget), "running"));

  /* Reset: back to the full length, no longer flashing. */
  gtk_widget_activate_action (GTK_WIDGET (widget), "timer.reset", NULL);
  g_assert_cmpstr (mc_timer_widget_get_text (widget), ==, "02:00");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (widget), "finished"));

  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_spin ();
}

static void
test_presentation_timer (Fixture       *fixture,
                         gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McTimer *timer = mc_presentation_get_timer (presentation);

  fake_now = 50 * G_USEC_PER_SEC;
  mc_timer_set_clock (timer, fake_clock, NULL);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.timer-toggle", NULL);
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_RUNNING);
  fake_now += 10 * G_USEC_PER_SEC;
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.timer-add-minute", NULL);
  g_assert_cmpint (mc_timer_get_remaining (timer), ==, MC_TIMER_DEFAULT_DURATION + 50 * G_USEC_PER_SEC);
}

static void
test_presenter_view (Fixture       *fixture,
                     gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McRoute *route = mc_presentation_get_route (presentation);
  McPresenterView *view;
  McBoard *board = mc_presentation_get_board (presentation);
  guint n_before = mc_board_get_n_notes (board);
  const McRouteStop *next;

  /* One monitor under Xvfb: no presenter view unless asked for. */
  g_assert_null (mc_presentation_get_presenter_view (presentation));
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.presenter-view", NULL);
  mc_test_spin ();
  view = MC_PRESENTER_VIEW (mc_presentation_get_presenter_view (presentation));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  go_to_key (presentation, "boundary-crossing/identification");
  next = mc_route_get_stop (route, mc_route_get_current (route) + 1);
  g_assert_cmpstr (mc_presenter_view_get_current_title (view), ==,
                   mc_route_get_current_stop (route)->title);
  g_assert_cmpstr (mc_presenter_view_get_current_prompt (view), ==,
                   mc_route_get_current_stop (route)->prompt);
  g_assert_cmpstr (mc_presenter_view_get_next_title (view), ==, next->title);

  /* Its entry adds to the projector's current region. */
  gtk_editable_set_text (mc_presenter_view_get_note_entry (view), "Elkaars taal leren spreken");
  gtk_widget_activate_action (GTK_WIDGET (view), "presenter.add-note", NULL);
  mc_test_spin ();
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, n_before + 1);
  g_assert_cmpstr (gtk_editable_get_text (mc_presenter_view_get_note_entry (view)), ==, "");

  /* Its buttons drive the projector. */
  gtk_widget_activate_action (GTK_WIDGET (view), "presenter.next", NULL);
  mc_test_spin ();
  g_assert_cmpstr (mc_route_get_current_stop (route)->key, ==, "boundary-crossing/coordination");
  g_assert_cmpstr (mc_presenter_view_get_current_title (view), ==,
                   mc_route_get_current_stop (route)->title);

  save_screenshot (GTK_WIDGET (view), "presenter-view.png");

  /* Leaving the presentation closes the presenter view too. */
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_widget_activate_action (GTK_WIDGET (view), "presenter.leave", NULL);
  mc_test_spin ();
  g_assert_null (fixture->presentation);
  g_assert_null (view);
}

static void
test_route_editor (Fixture       *fixture,
                   gconstpointer  data)
{
  McPresentation *presentation = enter (fixture);
  McRoute *route = mc_presentation_get_route (presentation);
  McBoard *board = mc_presentation_get_board (presentation);
  McRouteEditor *editor;
  guint count = mc_route_get_count (route);
  int figure = mc_route_find_stop (route, "context");
  g_autofree char *first_key = NULL;

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.edit-route", NULL);
  mc_test_spin ();
  editor = NULL;
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (MC_IS_ROUTE_EDITOR (l->data))
      editor = l->data;
  g_assert_nonnull (editor);
  g_assert_true (mc_route_editor_get_route (editor) == route);
  g_assert_nonnull (gtk_list_box_get_row_at_index (mc_route_editor_get_list (editor),
                                                   mc_route_get_n_stops (route) - 1));

  /* Skip a stop: one stop fewer, kept in the board's meta, undoable. */
  g_assert_cmpint (figure, >=, 0);
  mc_route_editor_set_skipped (editor, (guint) figure, TRUE);
  mc_test_spin ();
  g_assert_cmpuint (mc_route_get_count (route), ==, count - 1);
  g_assert_nonnull (mc_board_get_meta (board, MC_META_ROUTE));
  g_assert_nonnull (strstr (mc_board_get_meta (board, MC_META_ROUTE), "\"context\""));

  /* Move the second stop to the front. */
  first_key = g_strdup (mc_route_get_stop (route, 1)->key);
  mc_route_editor_move (editor, 1, -1);
  mc_test_spin ();
  g_assert_cmpstr (mc_route_get_stop (route, 0)->key, ==, first_key);

  mc_board_undo (board);
  mc_board_undo (board);
  mc_test_spin ();
  g_assert_cmpuint (mc_route_get_count (route), ==, count);
  g_assert_cmpstr (mc_route_get_stop (route, 0)->key, ==, "overview");

  gtk_window_destroy (GTK_WINDOW (editor));
  mc_test_spin ();
}

static void
test_phase (Fixture       *fixture,
            gconstpointer  data)
{
  McBoard *board = mc_window_get_board (fixture->window);
  GActionGroup *group = G_ACTION_GROUP (fixture->window);
  g_autoptr(GVariant) state = NULL;

  g_assert_cmpint (mc_board_get_phase (board), ==, MC_PHASE_START);
  state = g_action_group_get_action_state (group, "phase");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "start");

  g_action_group_change_action_state (group, "phase", g_variant_new_string ("monitor"));
  mc_test_spin ();
  g_assert_cmpint (mc_board_get_phase (board), ==, MC_PHASE_MONITOR);

  g_action_group_change_action_state (group, "phase", g_variant_new_string ("evaluate"));
  mc_test_spin ();
  g_assert_cmpint (mc_board_get_phase (board), ==, MC_PHASE_EVALUATE);
  /* Nothing comes after the end. */
  g_assert_false (g_action_group_get_action_enabled (group, "new-session"));

  /* Undoable, and the selector follows undo. */
  g_action_group_activate_action (group, "undo", NULL);
  mc_test_spin ();
  g_assert_cmpint (mc_board_get_phase (board), ==, MC_PHASE_MONITOR);
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (group, "phase");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "monitor");
  g_assert_true (g_action_group_get_action_enabled (group, "new-session"));

  /* Unknown phases are ignored. */
  g_action_group_change_action_state (group, "phase", g_variant_new_string ("later"));
  mc_test_spin ();
  g_assert_cmpint (mc_board_get_phase (board), ==, MC_PHASE_MONITOR);
}

static void
test_new_session (Fixture       *fixture,
                  gconstpointer  data)
{
  McBoard *board = mc_window_get_board (fixture->window);
  McWindow *other = NULL;
  McBoard *copy;
  McNote *note = mc_note_new ("Een eerste antwoord");

  mc_note_set_anchor (note, "cimo", "context");
  mc_board_execute (board, mc_command_add_note (note));
  mc_test_spin ();

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "new-session", NULL);
  mc_test_spin ();

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (MC_IS_WINDOW (l->data) && l->data != fixture->window)
      other = l->data;
  g_assert_nonnull (other);

  copy = mc_window_get_board (other);
  g_assert_true (copy != board);
  g_assert_cmpint (mc_board_get_phase (copy), ==, MC_PHASE_MONITOR);
  g_assert_cmpint (mc_board_get_phase (board), ==, MC_PHASE_START);
  g_assert_cmpuint (mc_board_get_n_notes (copy), ==, mc_board_get_n_notes (board));
  g_assert_nonnull (mc_board_get_meta (copy, MC_META_PREVIOUS_SESSION));
  g_assert_null (mc_board_get_file (copy));
  g_assert_false (mc_history_get_can_undo (mc_board_get_history (copy)));
}

int
main (int   argc,
      char *argv[])
{
  app = mc_test_app_new (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/mc/presentation/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("enter-leave", test_enter_leave);
  ADD ("navigation-keys", test_navigation_keys);
  ADD ("animation", test_animation_frames_stop);
  ADD ("prompt", test_prompt);
  ADD ("quick-capture", test_quick_capture);
  ADD ("note-size", test_note_size_at_region_stops);
  ADD ("escape-keeps-note", test_escape_keeps_note);
  ADD ("no-figure-chrome", test_no_figure_chrome);
  ADD ("board-switch", test_board_switch);
  ADD ("timer", test_presentation_timer);
  ADD ("presenter-view", test_presenter_view);
  ADD ("route-editor", test_route_editor);
  ADD ("phase", test_phase);
  ADD ("new-session", test_new_session);
#undef ADD
  g_test_add_func ("/mc/presentation/timer-widget", test_timer_widget);

  return mc_test_app_run (app);
}
