/* test-room-join.c — how phones find the room: the join address (the
 * hotspot's once it has started) in the link and the Host check, and the
 * route's join stop while the room is open (tests/lib/mc-test-room.h: a
 * real SoupServer on 127.0.0.1, LAN addresses injected) */
#include "config.h"

#include <string.h>

#include "mc-board.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-room.h"
#include "mc-layout.h"
#include "mc-route.h"
#include "mc-templates.h"
#include "mc-test-room.h"
#include "mc-test-util.h"

#define HOTSPOT_ADDRESS "10.42.0.1"
#define OTHER_ADDRESS   "10.0.0.5"   /* sorts before the hotspot's */

static char *
url_for (Fixture    *f,
         const char *address)
{
  return g_strdup_printf ("http://%s:%u/#t=%s", address, mc_room_get_port (f->room),
                          mc_room_get_token (f->room));
}

static guint
changes;

static void
count_change (void)
{
  changes++;
}

/* Issue 14: after a hotspot starts, the join link and QR code use its
 * address, not another LAN address that happens to sort first. */
static void
test_join_address (Fixture       *f,
                   gconstpointer  data)
{
  const char *both[] = { OTHER_ADDRESS, HOTSPOT_ADDRESS, "192.168.1.20", NULL };
  const char *without[] = { OTHER_ADDRESS, "192.168.1.20", NULL };
  g_autofree char *first = NULL;
  g_autofree char *hotspot = NULL;
  g_autofree char *fallback = NULL;
  g_auto(GStrv) listed = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  gulong id = g_signal_connect_swapped (f->room, "changed", G_CALLBACK (count_change), NULL);

  mc_room_set_lan_addresses (f->room, both);
  first = mc_room_dup_join_url (f->room, NULL);
  g_assert_cmpstr (first, ==, (hotspot = url_for (f, OTHER_ADDRESS)));
  g_clear_pointer (&hotspot, g_free);

  /* The hotspot started: its address comes first, the link uses it, and
   * the panel and the wall hear of it. */
  changes = 0;
  mc_room_set_join_address (f->room, HOTSPOT_ADDRESS);
  g_assert_cmpuint (changes, ==, 1);
  hotspot = mc_room_dup_join_url (f->room, NULL);
  g_assert_cmpstr (hotspot, ==, (fallback = url_for (f, HOTSPOT_ADDRESS)));
  g_clear_pointer (&fallback, g_free);
  listed = mc_room_dup_lan_addresses (f->room);
  g_assert_cmpuint (g_strv_length (listed), ==, 3);
  g_assert_cmpstr (listed[0], ==, HOTSPOT_ADDRESS);
  g_assert_true (g_strv_contains ((const char * const *) listed, OTHER_ADDRESS));
  /* Setting it again is no change. */
  mc_room_set_join_address (f->room, HOTSPOT_ADDRESS);
  g_assert_cmpuint (changes, ==, 1);

  /* A phone on the hotspot passes the Host check. */
  host = own_host (f, HOTSPOT_ADDRESS);
  path = g_strdup_printf ("/api/prompt?t=%s", mc_room_get_token (f->room));
  g_assert_cmpuint (get (f, host, path, NULL), ==, 200);

  /* The hotspot went away: the link falls back to the first address. */
  mc_room_set_lan_addresses (f->room, without);
  fallback = mc_room_dup_join_url (f->room, NULL);
  g_assert_cmpstr (fallback, ==, first);

  /* NULL forgets it. */
  mc_room_set_lan_addresses (f->room, both);
  mc_room_set_join_address (f->room, NULL);
  g_clear_pointer (&fallback, g_free);
  fallback = mc_room_dup_join_url (f->room, NULL);
  g_assert_cmpstr (fallback, ==, first);

  g_signal_handler_disconnect (f->room, id);
}

static guint
count_kind (McRoute         *route,
            McRouteStopKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < mc_route_get_n_stops (route); i++)
    if (mc_route_get_stop (route, i)->kind == kind)
      n++;
  return n;
}

/* Issue 14: "show QR on the wall" is a stop of the route while the room
 * is open: after the overview, editable like any other stop. */
static void
test_join_stop (void)
{
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, NULL);
  g_autoptr(McRoute) route = mc_route_new (board, mc_catalog_get_default ());
  g_autoptr(McRoute) other = NULL;
  guint n = mc_route_get_n_stops (route);
  guint count = mc_route_get_count (route);
  const McRouteStop *stop;
  McRect rect, overview;
  g_autoptr(McLayout) layout = NULL;
  McViewOptions options;
  g_autoptr(McScene) scene = NULL;
  guint last;

  g_assert_false (mc_route_get_join (route));
  g_assert_cmpuint (count_kind (route, MC_ROUTE_STOP_JOIN), ==, 0);
  g_assert_cmpint (mc_route_find_stop (route, MC_ROUTE_JOIN_KEY), ==, -1);

  /* The room opens: the stop comes right after the overview. */
  mc_route_set_join (route, TRUE);
  g_assert_true (mc_route_get_join (route));
  g_assert_cmpuint (mc_route_get_n_stops (route), ==, n + 1);
  g_assert_cmpuint (mc_route_get_count (route), ==, count + 1);
  stop = mc_route_get_stop (route, 1);
  g_assert_cmpint (stop->kind, ==, MC_ROUTE_STOP_JOIN);
  g_assert_cmpstr (stop->key, ==, MC_ROUTE_JOIN_KEY);
  g_assert_null (stop->figure_id);
  g_assert_cmpstr (stop->title, !=, "");
  g_assert_cmpuint (count_kind (route, MC_ROUTE_STOP_JOIN), ==, 1);

  /* The facilitator steps to it and away. */
  g_assert_true (mc_route_next (route));
  g_assert_cmpint (mc_route_get_current_stop (route)->kind, ==, MC_ROUTE_STOP_JOIN);
  g_assert_cmpuint (mc_route_get_position (route), ==, 2);
  g_assert_true (mc_route_next (route));
  g_assert_cmpint (mc_route_get_current_stop (route)->kind, ==, MC_ROUTE_STOP_FIGURE);
  g_assert_true (mc_route_previous (route));
  g_assert_cmpint (mc_route_get_current_stop (route)->kind, ==, MC_ROUTE_STOP_JOIN);

  /* The board behind the card is framed as the overview. */
  layout = mc_layout_new (mc_catalog_get_default ());
  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  g_assert_true (mc_route_get_target_rect (route, scene, &rect));
  mc_route_set_current (route, 0);
  g_assert_true (mc_route_get_target_rect (route, scene, &overview));
  g_assert_cmpfloat (rect.width, ==, overview.width);
  g_assert_cmpfloat (rect.height, ==, overview.height);

  /* The route editor moves it to the end and skips it; saved with the
   * board, a new route with the room open keeps both. */
  last = mc_route_get_n_stops (route) - 1;
  mc_route_move_stop (route, 1, last);
  mc_route_set_skipped (route, last, TRUE);
  mc_board_execute (board, mc_route_save_command (route));
  other = mc_route_new (board, mc_catalog_get_default ());
  mc_route_set_join (other, TRUE);
  g_assert_cmpstr (mc_route_get_stop (other, last)->key, ==, MC_ROUTE_JOIN_KEY);
  g_assert_true (mc_route_get_stop (other, last)->skipped);

  /* The room closes: the stop leaves the route, and the current stop on
   * it goes back to the start. */
  mc_route_set_skipped (route, last, FALSE);
  mc_route_set_current (route, last);
  mc_route_set_join (route, FALSE);
  g_assert_cmpuint (mc_route_get_n_stops (route), ==, n);
  g_assert_cmpint (mc_route_find_stop (route, MC_ROUTE_JOIN_KEY), ==, -1);
  g_assert_cmpuint (mc_route_get_current (route), ==, 0);
}

/* The room asks nothing at the join stop: participants wait. */
static void
test_join_stop_prompt (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Client) ann = participant (f, 1, "Ann");
  g_autofree char *id = g_uuid_string_random ();

  mc_route_set_join (f->route, TRUE);
  mc_route_set_current (f->route, (guint) mc_route_find_stop (f->route, MC_ROUTE_JOIN_KEY));
  mc_room_set_prompt (f->room, mc_route_get_current_stop (f->route));
  g_assert_cmpstr (send_note (ann, id, "Nog geen vraag"), !=, "ack");
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  mc_test_room_add ("/mc/room-join/address", test_join_address);
  g_test_add_func ("/mc/room-join/stop", test_join_stop);
  mc_test_room_add ("/mc/room-join/stop-prompt", test_join_stop_prompt);
  return g_test_run ();
}
