/* test-room-panel.c — the facilitator's room panel: the QR code carries
 * the join link, open/close and a new link work, the round switches reach
 * the room */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "mc-catalog.h"
#include "mc-qr-code.h"
#include "mc-room-panel.h"
#include "mc-room-wall.h"
#include "mc-room-wifi.h"
#include "mc-route.h"
#include "mc-templates.h"
#include "mc-test-app.h"
#include "mc-test-util.h"
#include "room-panel-fixture.h"


static void
assert_finder_pattern (McQrCode *qr,
                       guint     x0,
                       guint     y0)
{
  /* A 7 × 7 dark ring, a light ring, a 3 × 3 dark centre. */
  for (guint y = 0; y < 7; y++)
    for (guint x = 0; x < 7; x++)
      {
        gboolean ring = x == 0 || y == 0 || x == 6 || y == 6;
        gboolean centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;

        g_assert_cmpint (mc_qr_code_get_module (qr, x0 + x, y0 + y), ==, ring || centre);
      }
}

static void
test_panel (Fixture       *f,
            gconstpointer  data)
{
  McQrCode *qr = MC_QR_CODE (find_child (GTK_WIDGET (f->panel), MC_TYPE_QR_CODE));
  GtkWidget *open = find_labelled (GTK_WIDGET (f->panel), "_Open the Room");
  GtkWidget *rotate = find_labelled (GTK_WIDGET (f->panel), "_New Link");
  GtkWidget *private_switch = find_labelled (GTK_WIDGET (f->panel), "_Private (notes hidden until revealed)");
  g_autofree char *url = NULL;
  g_autofree char *old_url = NULL;
  guint size;

  g_assert_nonnull (qr);
  g_assert_nonnull (open);
  g_assert_nonnull (private_switch);
  /* Closed: no code to scan. */
  g_assert_cmpuint (mc_qr_code_get_size (qr), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (rotate));

  g_signal_emit_by_name (open, "clicked");
  g_assert_true (mc_room_get_running (f->room));
  url = mc_room_dup_join_url (f->room, NULL);
  g_assert_true (g_str_has_prefix (url, "http://192.0.2.7:"));
  g_assert_cmpstr (mc_qr_code_get_text (qr), ==, url);
  size = mc_qr_code_get_size (qr);
  g_assert_cmpuint (size, >=, 21);
  assert_finder_pattern (qr, 0, 0);
  assert_finder_pattern (qr, size - 7, 0);
  assert_finder_pattern (qr, 0, size - 7);
  g_assert_true (gtk_widget_get_sensitive (rotate));

  /* Private mode from the switch. */
  gtk_switch_set_active (GTK_SWITCH (private_switch), TRUE);
  g_assert_true (mc_room_get_private (f->room));

  mc_test_spin ();
  mc_test_screenshot (GTK_WIDGET (f->window), g_getenv ("MC_ROOM_SCREENSHOTS"), "room-panel.png");

  /* A new link: a new code on the screen. */
  old_url = g_strdup (url);
  g_signal_emit_by_name (rotate, "clicked");
  g_assert_cmpstr (mc_qr_code_get_text (qr), !=, old_url);

  /* Closing takes the code away. */
  g_signal_emit_by_name (find_labelled (GTK_WIDGET (f->panel), "_Close the Room"), "clicked");
  g_assert_false (mc_room_get_running (f->room));
  g_assert_cmpuint (mc_qr_code_get_size (qr), ==, 0);
}


/* A participant's note over loopback waits in the queue; the panel's
 * Approve puts it on the board (undo takes it off), Reject keeps it off. */
static void
test_moderation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(McRoute) route = mc_route_new (f->board, mc_catalog_get_default ());
  GtkWidget *moderate = find_labelled (GTK_WIDGET (f->panel),
                                       "_Moderate (approve notes before they reach the board)");
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  g_autofree char *frame = NULL;
  SoupWebsocketConnection *phone;

  for (guint i = 0; i < mc_route_get_n_stops (route); i++)
    if (mc_route_get_stop (route, i)->kind == MC_ROUTE_STOP_REGION)
      {
        mc_room_set_prompt (f->room, mc_route_get_stop (route, i));
        break;
      }
  g_assert_nonnull (moderate);
  gtk_switch_set_active (GTK_SWITCH (moderate), TRUE);
  g_assert_true (mc_room_get_moderated (f->room));
  g_assert_true (mc_room_start (f->room, NULL));

  phone = phone_join (f, session);

  frame = g_strdup_printf ("{\"type\":\"note\",\"id\":\"%s\",\"text\":\"Mag dit op het bord?\"}", a);
  soup_websocket_connection_send_text (phone, frame);
  mc_test_wait_until (one_queued, f->room, "the note in the queue");
  g_assert_null (mc_board_get_note (f->board, a));
  g_assert_true (shows_text (GTK_WIDGET (f->panel), "Mag dit op het bord?"));
  g_assert_true (shows_text (GTK_WIDGET (f->panel), "Ann"));

  /* At 420 × 640 the queue is below the fold: its count is at the top, and
   * Show scrolls to it. */
  {
    GtkWidget *approve = find_labelled (GTK_WIDGET (f->panel), "Approve");
    InView view = { find_child (GTK_WIDGET (f->panel), GTK_TYPE_SCROLLED_WINDOW), approve };
    InView count = { GTK_WIDGET (f->panel), NULL };

    g_assert_true (shows_text (GTK_WIDGET (f->panel), "1 note waits for approval"));
    count.target = find_labelled (GTK_WIDGET (f->panel), "_Show");
    g_assert_nonnull (count.target);
    mc_test_spin ();
    mc_test_screenshot (GTK_WIDGET (f->window), g_getenv ("MC_ROOM_SCREENSHOTS"), "room-waiting.png");
    g_assert_true (in_view (&count));
    g_assert_false (in_view (&view));
    g_signal_emit_by_name (count.target, "clicked");
    mc_test_wait_until (in_view, &view, "the queue scrolled into view");
    g_assert_true (gtk_widget_has_focus (approve));
    g_assert_true (in_view (&count));   /* the count stays at the top */
    mc_test_spin ();
    mc_test_screenshot (GTK_WIDGET (f->window), g_getenv ("MC_ROOM_SCREENSHOTS"), "room-queue.png");
  }

  g_signal_emit_by_name (find_labelled (GTK_WIDGET (f->panel), "Approve"), "clicked");
  g_assert_cmpuint (mc_room_get_n_queued (f->room), ==, 0);
  g_assert_nonnull (mc_board_get_note (f->board, a));
  g_assert_null (find_labelled (GTK_WIDGET (f->panel), "Approve"));
  g_assert_false (gtk_widget_is_visible (find_labelled (GTK_WIDGET (f->panel), "_Show")));
  g_assert_true (mc_board_undo (f->board));
  g_assert_null (mc_board_get_note (f->board, a));

  g_free (frame);
  frame = g_strdup_printf ("{\"type\":\"note\",\"id\":\"%s\",\"text\":\"En dit?\"}", b);
  soup_websocket_connection_send_text (phone, frame);
  mc_test_wait_until (one_queued, f->room, "the second note in the queue");
  g_signal_emit_by_name (find_labelled (GTK_WIDGET (f->panel), "Reject"), "clicked");
  g_assert_cmpuint (mc_room_get_n_queued (f->room), ==, 0);
  g_assert_null (mc_board_get_note (f->board, b));

  soup_websocket_connection_close (phone, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_object_unref (phone);
  mc_room_stop (f->room);
}

typedef struct
{
  GtkWidget *window;
  int        width;
} Sized;

static gboolean
window_sized (gpointer data)
{
  Sized *sized = data;

  return gtk_widget_get_width (sized->window) == sized->width;
}

/* The wall view at a projector's sizes: the code (as drawn, whole pixels a
 * module) is at least half the screen's height, with the link and code
 * beneath; the button in the panel opens it, and a new link shows at once. */
static void
test_wall (Fixture       *f,
           gconstpointer  data)
{
  static const int sizes[][2] = { { 1366, 768 }, { 1920, 1080 } };
  GtkWidget *wall_button = find_labelled (GTK_WIDGET (f->panel), "Show QR on the _Wall");

  g_assert_nonnull (wall_button);
  g_assert_false (gtk_widget_get_sensitive (wall_button));
  g_assert_true (mc_room_start (f->room, NULL));
  g_assert_true (gtk_widget_get_sensitive (wall_button));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkWidget *wall = mc_room_wall_new (f->room);
      McQrCode *qr = MC_QR_CODE (find_child (wall, MC_TYPE_QR_CODE));
      g_autofree char *url = mc_room_dup_join_url (f->room, NULL);
      g_autofree char *name = g_strdup_printf ("room-wall-%dx%d.png", sizes[i][0], sizes[i][1]);
      Sized sized = { wall, sizes[i][0] };
      guint modules;
      int side;

      gtk_window_set_default_size (GTK_WINDOW (wall), sizes[i][0], sizes[i][1]);
      gtk_window_present (GTK_WINDOW (wall));
      mc_test_wait_until (window_sized, &sized, "the wall at its size");
      mc_test_spin ();

      g_assert_cmpstr (mc_qr_code_get_text (qr), ==, url);
      g_assert_true (shows_text (wall, url));
      g_assert_true (shows_text (wall, mc_room_get_code (f->room)));
      modules = mc_qr_code_get_size (qr) + 8;
      side = MIN (gtk_widget_get_width (GTK_WIDGET (qr)), gtk_widget_get_height (GTK_WIDGET (qr)));
      side = (side / (int) modules) * (int) modules;
      g_test_message ("%dx%d: the code is %d pixels (%d %%)", sizes[i][0], sizes[i][1],
                      side, 100 * side / sizes[i][1]);
      g_assert_cmpint (2 * side, >=, sizes[i][1]);
      mc_test_screenshot (wall, g_getenv ("MC_ROOM_SCREENSHOTS"), name);

      /* A new link reaches the wall. */
      mc_room_rotate_token (f->room);
      g_free (url);
      url = mc_room_dup_join_url (f->room, NULL);
      g_assert_cmpstr (mc_qr_code_get_text (qr), ==, url);
      gtk_window_destroy (GTK_WINDOW (wall));
    }
  /* The panel's button: full screen on the one screen there is. */
  g_signal_emit_by_name (wall_button, "clicked");
  {
    GList *toplevels = gtk_window_list_toplevels ();
    GtkWidget *wall = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (MC_IS_ROOM_WALL (l->data))
        wall = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (wall);
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wall)) == f->window);
    gtk_window_destroy (GTK_WINDOW (wall));
  }
  mc_room_stop (f->room);
}

/* No LAN address: the panel says what to do in one sentence and opens the
 * hotspot's section, whose Wi-Fi QR code carries the typed name and
 * password. */
static void
test_no_address (Fixture       *f,
                 gconstpointer  data)
{
  const char *none[] = { NULL };
  GtkWidget *wifi = find_child (GTK_WIDGET (f->panel), MC_TYPE_ROOM_WIFI);
  GtkWidget *expander;
  McQrCode *qr;
  GtkWidget *ssid, *password;
  g_autofree char *expected = mc_room_dup_wifi_qr_text ("Klas 4B; lokaal 2", "geheim123");

  g_assert_nonnull (wifi);
  expander = find_child (wifi, GTK_TYPE_EXPANDER);
  g_assert_nonnull (expander);
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  g_assert_true (shows_text (GTK_WIDGET (f->panel),
                             "Phones that cannot open the link are probably on a network that "
                             "keeps devices apart (guest Wi-Fi, eduroam): start a hotspot on the "
                             "laptop and let participants join that first."));

  mc_room_set_lan_addresses (f->room, none);
  g_assert_true (shows_text (GTK_WIDGET (f->panel),
                             "This laptop has no network address: phones cannot reach it. "
                             "Connect to a network, or start a hotspot on the laptop and let "
                             "participants join that first."));
  g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  /* The expander holds its child only while open. */
  qr = MC_QR_CODE (find_child (wifi, MC_TYPE_QR_CODE));
  ssid = find_labelled (wifi, "Network _name");
  password = find_labelled (wifi, "_Password");
  g_assert_nonnull (qr);
  g_assert_nonnull (ssid);
  g_assert_nonnull (password);

  /* Nothing to scan until the network has a name. */
  g_assert_cmpuint (mc_qr_code_get_size (qr), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (ssid), "Klas 4B; lokaal 2");
  gtk_editable_set_text (GTK_EDITABLE (password), "geheim123");
  g_assert_cmpstr (mc_qr_code_get_text (qr), ==, expected);
  g_assert_cmpstr (expected, ==, "WIFI:T:WPA;S:Klas 4B\\; lokaal 2;P:geheim123;;");
  g_assert_cmpuint (mc_qr_code_get_size (qr), >=, 21);
  mc_test_spin ();
  mc_test_screenshot (GTK_WIDGET (f->window), g_getenv ("MC_ROOM_SCREENSHOTS"), "room-wifi.png");
}


static GtkWidget *
find_panel_window (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (find_child (l->data, MC_TYPE_ROOM_PANEL) != NULL)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static gboolean
panel_window_shown (gpointer data)
{
  return find_panel_window () != NULL;
}

/* The Room… menu item opens the panel on a room of the window's board; the
 * room stays with the window, and the presentation's stop becomes its
 * prompt. */
static void
test_window_action (void)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = mc_board_new_from_template ("cimo", MC_LANGUAGE_NL, &error);
  McWindow *window = NULL;
  McRoom *room;
  GtkWidget *panel_window;
  guint port;

  g_assert_no_error (error);
  mc_test_present_window (app, board, &window);
  g_action_group_activate_action (G_ACTION_GROUP (window), "room", NULL);
  mc_test_wait_until (panel_window_shown, NULL, "the room panel's window");

  room = g_object_get_data (G_OBJECT (window), "mc-room");
  g_assert_nonnull (room);
  g_assert_true (mc_room_get_board (room) == board);
  g_assert_false (mc_room_get_running (room));   /* the facilitator opens it */
  panel_window = find_panel_window ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (panel_window)) == GTK_WINDOW (window));

  /* Opened again: the same room. */
  gtk_window_destroy (GTK_WINDOW (panel_window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "room", NULL);
  mc_test_wait_until (panel_window_shown, NULL, "the room panel's window again");
  g_assert_true (g_object_get_data (G_OBJECT (window), "mc-room") == room);
  gtk_window_destroy (GTK_WINDOW (find_panel_window ()));

  /* Closing the board's window closes its room: nothing answers there
   * (loopback only, as every test). */
  mc_room_set_listen_address (room, "127.0.0.1");
  g_assert_true (mc_room_start (room, NULL));
  port = mc_room_get_port (room);
  mc_test_close_windows (app);
  {
    g_autoptr(GSocketClient) client = g_socket_client_new ();
    g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", port,
                                                                               NULL, &error);

    g_assert_null (connection);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  }
}

int
main (int   argc,
      char *argv[])
{
  GtkApplication *app = mc_test_app_new (&argc, &argv);

  g_test_add ("/mc/room-panel/panel", Fixture, NULL, fixture_set_up, test_panel, fixture_tear_down);
  g_test_add ("/mc/room-panel/moderation", Fixture, NULL, fixture_set_up, test_moderation, fixture_tear_down);
  g_test_add ("/mc/room-panel/wall", Fixture, NULL, fixture_set_up, test_wall, fixture_tear_down);
  g_test_add ("/mc/room-panel/no-address", Fixture, NULL, fixture_set_up, test_no_address, fixture_tear_down);
  g_test_add_func ("/mc/room-panel/window-action", test_window_action);
  return mc_test_app_run (app);
}
