/* test-session-route.c — the session engine's route, quick capture, timer
 * and the potential-value priority */
#include "config.h"

#include <string.h>

#include "mc-templates.h"
#include "mc-board.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-layout.h"
#include "mc-outline.h"
#include "mc-priority.h"
#include "mc-route.h"
#include "mc-timer.h"

#include "session-fixture.h"

/* Route */

static guint
total_regions (McCatalog *cat)
{
  const char * const *kinds = mc_catalog_get_kinds (cat);
  guint n = 0;

  for (guint i = 0; kinds[i] != NULL; i++)
    n += mc_figure_info_get_n_regions (mc_catalog_get_figure (cat, kinds[i]));
  return n;
}

static void
test_route_build (void)
{
  g_autoptr(McBoard) board = model_board ();
  g_autoptr(McRoute) route = mc_route_new (board, catalog ());
  const McRegionInfo *context = mc_catalog_get_region (catalog (), "cimo", "context");
  g_autofree char *questions = NULL;
  const McRouteStop *stop;

  g_assert_cmpuint (mc_route_get_n_stops (route), ==, 1 + 9 + total_regions (catalog ()));
  stop = mc_route_get_stop (route, 0);
  g_assert_cmpint (stop->kind, ==, MC_ROUTE_STOP_OVERVIEW);
  g_assert_cmpstr (stop->key, ==, "overview");
  stop = mc_route_get_stop (route, 1);
  g_assert_cmpint (stop->kind, ==, MC_ROUTE_STOP_FIGURE);
  g_assert_cmpstr (stop->figure_id, ==, "cimo");
  stop = mc_route_get_stop (route, 2);
  g_assert_cmpint (stop->kind, ==, MC_ROUTE_STOP_REGION);
  g_assert_cmpstr (stop->key, ==, "cimo/context");
  g_assert_cmpstr (stop->title, ==, mc_region_info_get_label (context, MC_LANGUAGE_NL));
  questions = g_strjoinv ("\n", (char **) mc_region_info_get_questions (context, MC_LANGUAGE_NL));
  g_assert_cmpstr (stop->prompt, ==, questions);
  g_assert_cmpuint (strlen (stop->prompt), >, 0);
  /* Regions follow their figure in the catalog's order. */
  g_assert_cmpstr (mc_route_get_stop (route, 5)->key, ==, "cimo/outcomes");
  g_assert_cmpstr (mc_route_get_stop (route, 6)->key, ==, "context");
  g_assert_cmpint (mc_route_find_stop (route, "potential-value/far"), ==,
                   (int) mc_route_get_n_stops (route) - 1);

  /* English boards get English prompts. */
  mc_board_execute (board, mc_command_set_language (board, MC_LANGUAGE_EN));
  g_assert_cmpstr (mc_route_get_stop (route, 2)->title, ==,
                   mc_region_info_get_label (context, MC_LANGUAGE_EN));
}

static void
test_route_navigation (void)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("context", MC_LANGUAGE_NL, NULL);
  g_autoptr(McRoute) route = mc_route_new (board, catalog ());
  g_autofree char *position = NULL;

  /* overview, context, context/issue, context/factors */
  g_assert_cmpuint (mc_route_get_n_stops (route), ==, 4);
  g_assert_cmpuint (mc_route_get_current (route), ==, 0);
  g_assert_cmpuint (mc_route_get_position (route), ==, 1);
  g_assert_cmpuint (mc_route_get_count (route), ==, 4);
  g_assert_false (mc_route_previous (route));

  g_assert_true (mc_route_next (route));
  g_assert_true (mc_route_next (route));
  g_assert_cmpstr (mc_route_get_current_stop (route)->key, ==, "context/issue");
  position = mc_route_format_position (route);
  g_assert_cmpstr (position, ==, "3 / 4");

  /* Skipping the figure stop: previous jumps to the overview, and the
   * numbers count only the active stops. */
  mc_route_set_skipped (route, 1, TRUE);
  g_assert_cmpuint (mc_route_get_count (route), ==, 3);
  g_assert_cmpuint (mc_route_get_position (route), ==, 2);
  g_assert_true (mc_route_previous (route));
  g_assert_cmpuint (mc_route_get_current (route), ==, 0);
  g_assert_true (mc_route_next (route));
  g_assert_cmpstr (mc_route_get_current_stop (route)->key, ==, "context/issue");
  g_assert_true (mc_route_next (route));
  g_assert_cmpstr (mc_route_get_current_stop (route)->key, ==, "context/factors");
  g_free (position);
  position = mc_route_format_position (route);
  g_assert_cmpstr (position, ==, "3 / 3");
  g_assert_false (mc_route_next (route));
  g_assert_cmpstr (mc_route_get_current_stop (route)->key, ==, "context/factors");

  /* A skipped last stop ends the route one earlier. */
  mc_route_set_current (route, 0);
  mc_route_set_skipped (route, 3, TRUE);
  g_assert_true (mc_route_next (route));
  g_assert_false (mc_route_next (route));
  g_assert_cmpstr (mc_route_get_current_stop (route)->key, ==, "context/issue");
}

static void
test_route_order_persist (void)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("context", MC_LANGUAGE_NL, NULL);
  g_autoptr(McRoute) route = mc_route_new (board, catalog ());
  g_autoptr(McRoute) other = NULL;
  g_autoptr(McBoard) loaded = NULL;
  g_autoptr(McCommand) unchanged = NULL;
  g_autoptr(McFigure) figure = NULL;

  /* The facilitator puts "factors" before "issue" and skips the figure. */
  mc_route_set_current (route, 2);
  mc_route_move_stop (route, 3, 2);
  g_assert_cmpstr (mc_route_get_stop (route, 2)->key, ==, "context/factors");
  g_assert_cmpstr (mc_route_get_stop (route, 3)->key, ==, "context/issue");
  /* The current stop stays current after a move. */
  g_assert_cmpstr (mc_route_get_current_stop (route)->key, ==, "context/issue");
  mc_route_set_skipped (route, 1, TRUE);

  mc_board_execute (board, mc_route_save_command (route));
  g_assert_nonnull (mc_board_get_meta (board, MC_META_ROUTE));
  g_assert_null (strchr (mc_board_get_meta (board, MC_META_ROUTE), '\n'));
  /* Saving again changes nothing. */
  unchanged = mc_route_save_command (route);
  g_assert_true (mc_command_group_is_empty (unchanged));

  /* Saved with the board and read back by a new route. */
  loaded = reload (board);
  other = mc_route_new (loaded, catalog ());
  g_assert_cmpstr (mc_route_get_stop (other, 2)->key, ==, "context/factors");
  g_assert_true (mc_route_get_stop (other, 1)->skipped);
  g_assert_cmpuint (mc_route_get_count (other), ==, 3);

  /* Undo brings the built-in order back, and the route follows. */
  g_assert_true (mc_board_undo (board));
  g_assert_null (mc_board_get_meta (board, MC_META_ROUTE));
  g_assert_cmpstr (mc_route_get_stop (route, 2)->key, ==, "context/issue");
  g_assert_false (mc_route_get_stop (route, 1)->skipped);
  g_assert_true (mc_board_redo (board));
  g_assert_cmpstr (mc_route_get_stop (route, 2)->key, ==, "context/factors");

  /* A new figure's stops are appended; a removed figure's are dropped. */
  figure = mc_figure_new ("cimo", "cimo");
  mc_figure_set_position (figure, 0, 1200);
  mc_board_execute (board, mc_command_add_figure (g_steal_pointer (&figure)));
  g_assert_cmpuint (mc_route_get_n_stops (route), ==, 4 + 5);
  g_assert_cmpstr (mc_route_get_stop (route, 2)->key, ==, "context/factors");
  g_assert_cmpstr (mc_route_get_stop (route, 4)->key, ==, "cimo");
  mc_board_execute (board, mc_command_remove_figure (board, "context"));
  g_assert_cmpuint (mc_route_get_n_stops (route), ==, 1 + 5);
  g_assert_cmpint (mc_route_find_stop (route, "context/issue"), ==, -1);
}

static void
test_route_target (void)
{
  g_autoptr(McBoard) board = model_board ();
  g_autoptr(McLayout) layout = mc_layout_new (catalog ());
  g_autoptr(McRoute) route = mc_route_new (board, catalog ());
  g_autoptr(McScene) scene = NULL;
  McViewOptions options;
  McRect bounds, target, figure;
  int region;

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  mc_scene_get_bounds (scene, &bounds);

  g_assert_true (mc_route_get_target_rect (route, scene, &target));
  g_assert_true (mc_rect_contains_rect (&target, &bounds));

  mc_route_set_current (route, (guint) mc_route_find_stop (route, "perspectives"));
  g_assert_true (mc_route_get_target_rect (route, scene, &target));
  g_assert_true (mc_layout_get_figure_rect (board, "perspectives", &figure));
  g_assert_true (mc_rect_contains_rect (&target, &figure));
  g_assert_cmpfloat (target.width, <, bounds.width / 2);

  mc_route_set_current (route, (guint) mc_route_find_stop (route, "perspectives/social"));
  g_assert_true (mc_route_get_target_rect (route, scene, &target));
  region = mc_scene_find_group (scene, "perspectives/social");
  g_assert_cmpint (region, >=, 0);
  g_assert_true (mc_rect_contains_rect (&target, &mc_scene_get_item (scene, (guint) region)->bounds));
  g_assert_cmpfloat (target.width * target.height, <, figure.width * figure.height);
}

/* Quick capture */

static void
build (McLayout            *layout,
       McBoard             *board,
       const McViewOptions *options)
{
  mc_scene_unref (mc_layout_build (layout, board, options));
}

static void
test_capture (void)
{
  g_autoptr(McBoard) board = model_board ();
  g_autoptr(McLayout) layout = mc_layout_new (catalog ());
  g_autoptr(McRoute) route = mc_route_new (board, catalog ());
  g_autoptr(GPtrArray) captured = g_ptr_array_new_with_free_func (g_free);
  McViewOptions options;
  McRect area, existing;
  const char *first;

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  build (layout, board, &options);
  g_assert_true (mc_layout_get_note_area (layout, "context", "issue", &area));

  /* Not at a region stop: nothing to capture into. */
  g_assert_null (mc_route_capture_note_command (route, layout, "x", NULL, NULL));

  /* A note already sits at the area's top-left corner. */
  {
    McRect frame;

    g_assert_true (mc_layout_get_figure_rect (board, "context", &frame));
    first = add_note (board, "Al daar", "context", "issue", area.x - frame.x + 4, area.y - frame.y + 4);
  }

  mc_route_set_current (route, (guint) mc_route_find_stop (route, "context/issue"));
  /* Three more fill the note area (four default notes); when an
   * area is full, capture continues below it — not asserted here. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("Snel %u", i);
      char *id = NULL;
      McCommand *command;

      build (layout, board, &options);
      command = mc_route_capture_note_command (route, layout, text, "Anna", &id);
      g_assert_nonnull (command);
      mc_board_execute (board, command);
      g_assert_cmpstr (mc_note_get_region_id (mc_board_get_note (board, id)), ==, "issue");
      g_assert_cmpstr (mc_note_get_author (mc_board_get_note (board, id)), ==, "Anna");
      g_assert_true (mc_note_get_has_position (mc_board_get_note (board, id)));
      g_ptr_array_add (captured, id);
    }

  /* Inside the note area, overlapping nothing, in reading order. */
  build (layout, board, &options);
  g_assert_true (mc_layout_get_note_rect (layout, first, &existing));
  for (guint i = 0; i < captured->len; i++)
    {
      McRect rect;

      g_assert_true (mc_layout_get_note_rect (layout, captured->pdata[i], &rect));
      g_assert_true (mc_rect_contains_rect (&area, &rect));
      g_assert_false (mc_rect_intersects (&rect, &existing));
      for (guint k = 0; k < i; k++)
        {
          McRect other;

          g_assert_true (mc_layout_get_note_rect (layout, captured->pdata[k], &other));
          g_assert_false (mc_rect_intersects (&rect, &other));
          g_assert_true (other.y < rect.y || (other.y == rect.y && other.x < rect.x));
        }
    }

  /* Each capture is one undo step. */
  g_assert_true (mc_board_undo (board));
  g_assert_null (mc_board_get_note (board, captured->pdata[2]));
  g_assert_nonnull (mc_board_get_note (board, captured->pdata[1]));
}

/* Timer */

typedef struct
{
  gint64 now;
  guint  finished;
  guint  ticks;
} FakeClock;

static gint64
fake_clock (gpointer user_data)
{
  return ((FakeClock *) user_data)->now;
}

static void
on_finished (McTimer  *timer,
             gpointer  user_data)
{
  ((FakeClock *) user_data)->finished++;
}

static void
on_tick (McTimer  *timer,
         gpointer  user_data)
{
  ((FakeClock *) user_data)->ticks++;
}

static void
test_timer (void)
{
  g_autoptr(McTimer) timer = mc_timer_new ();
  FakeClock clock = { 1000 * G_USEC_PER_SEC, 0, 0 };
  const gint64 s = G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  g_assert_cmpuint (mc_timer_preset_minutes[0], ==, 2);
  g_assert_cmpuint (mc_timer_preset_minutes[3], ==, 15);
  g_assert_cmpuint (mc_timer_preset_minutes[4], ==, 0);

  mc_timer_set_clock (timer, fake_clock, &clock);
  g_signal_connect (timer, "finished", G_CALLBACK (on_finished), &clock);
  g_signal_connect (timer, "tick", G_CALLBACK (on_tick), &clock);
  mc_timer_set_duration (timer, 2 * 60 * s);
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_IDLE);
  g_assert_cmpint (mc_timer_get_remaining (timer), ==, 120 * s);

  mc_timer_start (timer);
  clock.now += 30 * s + s / 2;
  mc_timer_update (timer);
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_RUNNING);
  g_assert_cmpint (mc_timer_get_remaining (timer), ==, 89 * s + s / 2);
  text = mc_timer_format (mc_timer_get_remaining (timer));
  g_assert_cmpstr (text, ==, "01:30");
  g_assert_cmpuint (clock.ticks, ==, 1);

  /* Paused time does not count. */
  mc_timer_pause (timer);
  clock.now += 600 * s;
  mc_timer_update (timer);
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_PAUSED);
  g_assert_cmpint (mc_timer_get_remaining (timer), ==, 89 * s + s / 2);
  mc_timer_resume (timer);
  clock.now += 10 * s;
  mc_timer_update (timer);
  g_assert_cmpint (mc_timer_get_remaining (timer), ==, 79 * s + s / 2);

  mc_timer_add_minute (timer);
  g_assert_cmpint (mc_timer_get_remaining (timer), ==, 139 * s + s / 2);
  clock.now += 139 * s;
  mc_timer_update (timer);
  g_assert_cmpuint (clock.finished, ==, 0);

  /* Zero: finished once, however often the UI asks afterwards. */
  clock.now += s;
  mc_timer_update (timer);
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_FINISHED);
  g_assert_cmpint (mc_timer_get_remaining (timer), ==, 0);
  g_assert_cmpuint (clock.finished, ==, 1);
  clock.now += 5 * s;
  mc_timer_update (timer);
  mc_timer_update (timer);
  g_assert_cmpuint (clock.finished, ==, 1);
  g_free (text);
  text = mc_timer_format (0);
  g_assert_cmpstr (text, ==, "00:00");

  /* A minute more after the bell runs again and finishes again, once. */
  mc_timer_add_minute (timer);
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_RUNNING);
  clock.now += 61 * s;
  mc_timer_update (timer);
  g_assert_cmpuint (clock.finished, ==, 2);

  mc_timer_reset (timer);
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_IDLE);
  g_assert_cmpint (mc_timer_get_remaining (timer), ==, 120 * s);
  mc_timer_toggle (timer);
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_RUNNING);
  mc_timer_toggle (timer);
  g_assert_cmpint (mc_timer_get_state (timer), ==, MC_TIMER_PAUSED);

  g_free (text);
  text = mc_timer_format (4 * s + s / 5);
  g_assert_cmpstr (text, ==, "00:05");
  g_free (text);
  text = mc_timer_format (3600 * s + 61 * s);
  g_assert_cmpstr (text, ==, "1:01:01");
}

/* Potential value */

static void
test_priority (void)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("potential-value", MC_LANGUAGE_NL, NULL);
  g_autoptr(McLayout) layout = mc_layout_new (catalog ());
  g_autoptr(McScene) scene = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  g_autofree char *markdown = NULL;
  McViewOptions options;
  const char *far = add_note (board, "Ver weg", "potential-value", "far", 60, 200);
  const char *core_edge = add_note (board, "Kern rand", "potential-value", "core", 560, 800);
  const char *core_mid = add_note (board, "Kern midden", "potential-value", "core", 420, 840);
  const char *near = add_note (board, "Dichtbij", "potential-value", "near", 420, 600);
  guint zone;
  double d_mid, d_edge;

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);

  g_assert_true (mc_priority_get_note_rank (layout, board, core_mid, &zone, &d_mid));
  g_assert_cmpuint (zone, ==, 1);
  g_assert_true (mc_priority_get_note_rank (layout, board, core_edge, &zone, &d_edge));
  g_assert_cmpfloat (d_mid, <, d_edge);
  g_assert_true (mc_priority_get_note_rank (layout, board, far, &zone, NULL));
  g_assert_cmpuint (zone, ==, 3);

  ranked = mc_priority_list_notes (layout, board, "potential-value");
  g_assert_cmpuint (ranked->len, ==, 4);
  g_assert_cmpstr (mc_note_get_id (ranked->pdata[0]), ==, core_mid);
  g_assert_cmpstr (mc_note_get_id (ranked->pdata[1]), ==, core_edge);
  g_assert_cmpstr (mc_note_get_id (ranked->pdata[2]), ==, near);
  g_assert_cmpstr (mc_note_get_id (ranked->pdata[3]), ==, far);

  /* The outline lists the zone's notes by distance. */
  markdown = mc_outline_to_markdown (board, catalog (), MC_LANGUAGE_NL, NULL);
  g_assert_nonnull (strstr (markdown, "Kern midden"));
  g_assert_true (strstr (markdown, "Kern midden") < strstr (markdown, "Kern rand"));
  g_assert_true (strstr (markdown, "Kern rand") < strstr (markdown, "Dichtbij"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/session/route/build", test_route_build);
  g_test_add_func ("/mc/session/route/navigation", test_route_navigation);
  g_test_add_func ("/mc/session/route/order-persist", test_route_order_persist);
  g_test_add_func ("/mc/session/route/target", test_route_target);
  g_test_add_func ("/mc/session/capture", test_capture);
  g_test_add_func ("/mc/session/timer", test_timer);
  g_test_add_func ("/mc/session/priority", test_priority);

  return g_test_run ();
}
