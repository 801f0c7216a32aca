/* test-room-panel.c — the facilitator's room panel: the QR code carries
 * the join link, open/close and a new link work, the round switches reach
 * the room */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
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

typedef struct
{
  McBoard   *board;
  McRoom    *room;
  GtkWindow *window;
  McRoomPanel *panel;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *lan[] = { "192.0.2.7", NULL };

  f->board = mc_board_new_from_template ("cimo", MC_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  f->room = mc_room_new (f->board);
  mc_room_set_listen_address (f->room, "127.0.0.1");
  mc_room_set_lan_addresses (f->room, lan);
  f->panel = MC_ROOM_PANEL (mc_room_panel_new (f->room));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 420, 640);   /* as the window menu opens it */
  gtk_window_set_child (f->window, GTK_WIDGET (f->panel));
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->room);
  g_clear_object (&f->board);
}

/* The first widget of type under widget, depth first. */
static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button or switch whose label (or the label beside it) has text. */
static GtkWidget *
find_labelled (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0)
    return widget;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return gtk_label_get_mnemonic_widget (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a label under widget shows text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

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

typedef struct
{
  SoupWebsocketConnection *ws;
  gboolean                 done;
} Phone;

static void
phone_connected_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  Phone *phone = data;

  phone->ws = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, NULL);
  phone->done = TRUE;
}

static gboolean
phone_done (gpointer data)
{
  return ((Phone *) data)->done;
}

static gboolean
one_queued (gpointer data)
{
  return mc_room_get_n_queued (data) == 1;
}

static gboolean
one_connected (gpointer data)
{
  return mc_room_get_n_connected (data) == 1;
}

/* A phone's WebSocket into the room over loopback, its hello said. */
static SoupWebsocketConnection *
phone_join (Fixture     *f,
            SoupSession *session)
{
  g_autofree char *base = g_strdup_printf ("http://127.0.0.1:%u", mc_room_get_port (f->room));
  g_autofree char *url = g_strdup_printf ("%s/ws?t=%s", base, mc_room_get_token (f->room));
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  Phone phone = { NULL, FALSE };

  soup_session_websocket_connect_async (session, msg, base, NULL, G_PRIORITY_DEFAULT,
                                        NULL, phone_connected_cb, &phone);
  mc_test_wait_until (phone_done, &phone, "the phone's WebSocket");
  g_assert_nonnull (phone.ws);
  soup_websocket_connection_send_text (phone.ws, "{\"type\":\"hello\",\"session\":"
                                       "\"0123456789abcdef0123456789abcdef\",\"name\":\"Ann\"}");
  return phone.ws;
}

typedef struct
{
  GtkWidget *scrolled;
  GtkWidget *target;
} InView;

/* Whether target's top is inside the scrolled window's visible part. */
static gboolean
in_view (gpointer data)
{
  InView *view = data;
  graphene_point_t top;

  if (!gtk_widget_compute_point (view->target, view->scrolled, &GRAPHENE_POINT_INIT (0, 0), &top))
    return FALSE;
  return top.y >= 0 && top.y < gtk_widget_get_height (view->scrolled);
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
  Phone phone = { NULL, FALSE };

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

  phone.ws = phone_join (f, session);

  frame = g_strdup_printf ("{\"type\":\"note\",\"id\":\"%s\",\"text\":\"Mag dit op het bord?\"}", a);
  soup_websocket_connection_send_text (phone.ws, frame);
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
  soup_websocket_connection_send_text (phone.ws, frame);
  mc_test_wait_until (one_queued, f->room, "the second note in the queue");
  g_signal_emit_by_name (find_labelled (GTK_WIDGET (f->panel), "Reject"), "clicked");
  g_assert_cmpuint (mc_room_get_n_queued (f->room), ==, 0);
  g_assert_null (mc_board_get_note (f->board, b));

  soup_websocket_connection_close (phone.ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_object_unref (phone.ws);
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

static gboolean
sensitive (gpointer widget)
{
  return gtk_widget_get_sensitive (widget);
}

/* Start Hotspot without NetworkManager (main() gives the test a private
 * system bus, so a developer's own NetworkManager is never asked): the
 * section says so and what to do instead; nothing else changes, and the
 * button works again. */
static void
test_hotspot_without_nm (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *wifi = find_child (GTK_WIDGET (f->panel), MC_TYPE_ROOM_WIFI);
  GtkWidget *button;
  McQrCode *qr;

  mc_room_wifi_set_expanded (MC_ROOM_WIFI (wifi), TRUE);
  button = find_labelled (wifi, "Start _Hotspot");
  qr = MC_QR_CODE (find_child (wifi, MC_TYPE_QR_CODE));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (button));   /* one request at a time */
  g_assert_true (shows_text (wifi, "Asking NetworkManager for a hotspot…"));
  mc_test_wait_until (sensitive, button, "the hotspot's answer");
  g_assert_true (shows_text (wifi, "NetworkManager is not running on this laptop. "
                                   "Start a hotspot in the laptop's Wi-Fi settings and type "
                                   "its name and password below."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_labelled (wifi, "Network _name"))), ==, "");
  g_assert_cmpuint (mc_qr_code_get_size (qr), ==, 0);
  mc_test_spin ();
  mc_test_screenshot (GTK_WIDGET (f->window), g_getenv ("MC_ROOM_SCREENSHOTS"), "room-hotspot.png");

  /* Closing the panel while NetworkManager is being asked is safe. */
  g_signal_emit_by_name (button, "clicked");
}

/* Children that end with the test, even when it crashes. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocess *
spawn_child (GSubprocessFlags   flags,
             const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GError) error = NULL;
  GSubprocess *child;

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  child = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  return child;
}

/* Start Hotspot's success path, against a fake NetworkManager
 * (tests/app/fake-networkmanager.py, a python3-dbusmock template) on the
 * private bus main() gives the test as its system bus: NetworkManager gets
 * an access-point connection with shared IPv4 and WPA2; the Wi-Fi code
 * shows its name and password; and once it is up, the room's link and QR
 * code use the hotspot's address, which sorts after the laptop's other
 * one (issue 14). */
#define FAKE_NM_READY   "org.missiecanvas.FakeNetworkManager"
#define HOTSPOT_ADDRESS "10.42.0.1"

static void
on_name_appeared (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} ShowsText;

static gboolean
shows_status (gpointer data)
{
  ShowsText *shows = data;

  return shows_text (shows->widget, shows->text);
}

static const char *
setting_string (GVariant   *settings,
                const char *setting,
                const char *key)
{
  g_autoptr(GVariant) group = g_variant_lookup_value (settings, setting, G_VARIANT_TYPE_VARDICT);
  const char *value = NULL;

  g_assert_nonnull (group);
  g_assert_true (g_variant_lookup (group, key, "&s", &value));
  return g_intern_string (value);
}

static void
test_hotspot (Fixture       *f,
              gconstpointer  data)
{
  const char *lan[] = { "10.0.0.5", HOTSPOT_ADDRESS, NULL };
  g_autofree char *template = g_test_build_filename (G_TEST_DIST, "app", "fake-networkmanager.py", NULL);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GSubprocess) nm = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) settings = NULL;
  g_autofree char *before = NULL;
  g_autofree char *url = NULL;
  GtkWidget *wifi = find_child (GTK_WIDGET (f->panel), MC_TYPE_ROOM_WIFI);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupWebsocketConnection) phone = NULL;
  g_autofree char *status = NULL;
  const char *ssid;
  GtkWidget *button;
  gboolean ready = FALSE;
  int exit_status = 0;
  guint watch;

  if (!g_spawn_sync (NULL, (char *[]) { "/usr/bin/python3", "-c", "import dbusmock", NULL }, NULL,
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &exit_status, NULL)
      || !g_spawn_check_wait_status (exit_status, NULL))
    {
      g_test_skip ("python3-dbusmock is not installed (tools/test installs it)");
      return;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, &error);
  g_assert_no_error (error);
  /* Its log is not TAP. */
  nm = spawn_child (G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                   (const char * const []) { "/usr/bin/python3", "-m", "dbusmock", "--system",
                                             "--template", template, NULL });
  watch = g_bus_watch_name_on_connection (bus, FAKE_NM_READY, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          on_name_appeared, NULL, &ready, NULL);
  mc_test_wait_until (flag_set, &ready, "the fake NetworkManager");
  g_bus_unwatch_name (watch);

  mc_room_set_lan_addresses (f->room, lan);
  g_assert_true (mc_room_start (f->room, NULL));
  before = mc_room_dup_join_url (f->room, NULL);
  g_assert_nonnull (strstr (before, "//10.0.0.5:"));

  mc_room_wifi_set_expanded (MC_ROOM_WIFI (wifi), TRUE);
  button = find_labelled (wifi, "Start _Hotspot");
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (button));
  mc_test_wait_until (sensitive, button, "the hotspot to start");

  /* The Wi-Fi code: the new network's name and password. */
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (find_labelled (wifi, "Network _name"))),
                                   "Missiecanvas-"));
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (find_labelled (wifi, "_Password")))),
                    ==, MC_ROOM_WIFI_PASSWORD_LENGTH);
  g_assert_cmpuint (mc_qr_code_get_size (MC_QR_CODE (find_child (wifi, MC_TYPE_QR_CODE))), >, 0);
  /* The status says what is true now, not "starting" (issue 14): the
   * hotspot's name, the room's address on it, who is connected; it
   * follows the room. */
  ssid = gtk_editable_get_text (GTK_EDITABLE (find_labelled (wifi, "Network _name")));
  status = g_strdup_printf ("Hotspot “%s” is on; the room is at " HOTSPOT_ADDRESS " on it. "
                            "0 participants connected.", ssid);
  g_assert_true (shows_text (wifi, status));
  phone = phone_join (f, session);
  mc_test_wait_until (one_connected, f->room, "the phone in the room");
  g_free (status);
  status = g_strdup_printf ("Hotspot “%s” is on; the room is at " HOTSPOT_ADDRESS " on it. "
                            "1 participant connected.", ssid);
  g_assert_true (shows_text (wifi, status));

  /* The room's link and QR code: the hotspot's address. */
  url = mc_room_dup_join_url (f->room, NULL);
  g_assert_nonnull (strstr (url, "//" HOTSPOT_ADDRESS ":"));
  g_assert_true (shows_text (GTK_WIDGET (f->panel), url));
  g_assert_cmpstr (mc_qr_code_get_text (MC_QR_CODE (find_child (GTK_WIDGET (f->panel), MC_TYPE_QR_CODE))),
                   ==, url);

  /* What NetworkManager was asked for: a hotspot, as GNOME Settings makes. */
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.NetworkManager",
                                       "/org/freedesktop/NetworkManager/Settings/0",
                                       "org.freedesktop.NetworkManager.Settings.Connection",
                                       "GetSettings", NULL, G_VARIANT_TYPE ("(a{sa{sv}})"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  settings = g_variant_get_child_value (reply, 0);
  g_assert_cmpstr (setting_string (settings, "802-11-wireless", "mode"), ==, "ap");
  g_assert_cmpstr (setting_string (settings, "802-11-wireless-security", "key-mgmt"), ==, "wpa-psk");
  g_assert_cmpstr (setting_string (settings, "ipv4", "method"), ==, "shared");
  /* The Wi-Fi section in view, for the screenshot. */
  {
    GtkWidget *scrolled = find_child (GTK_WIDGET (f->panel), GTK_TYPE_SCROLLED_WINDOW);
    graphene_point_t top;
    g_assert_true (gtk_widget_compute_point (wifi, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    InView view = { scrolled, wifi };

    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), top.y);
    mc_test_wait_until (in_view, &view, "the Wi-Fi section in view");
  }
  mc_test_spin ();
  mc_test_screenshot (GTK_WIDGET (f->window), g_getenv ("MC_ROOM_SCREENSHOTS"), "room-hotspot-started.png");

  mc_room_stop (f->room);
  g_free (status);
  status = g_strdup_printf ("Hotspot “%s” is on; the laptop is " HOTSPOT_ADDRESS " on it. "
                            "The room is closed: open it to let phones join.", ssid);
  g_assert_true (shows_text (wifi, status));
  g_clear_object (&phone);

  /* NetworkManager stops the hotspot: the section says so, and the link
   * goes back to the laptop's other address. */
  g_assert_true (mc_room_start (f->room, NULL));
  {
    g_autoptr(GVariant) active = NULL;
    g_autoptr(GVariant) paths = NULL;
    const char *path = NULL;

    active = g_dbus_connection_call_sync (bus, "org.freedesktop.NetworkManager", "/org/freedesktop/NetworkManager",
                                          "org.freedesktop.DBus.Properties", "Get",
                                          g_variant_new ("(ss)", "org.freedesktop.NetworkManager",
                                                         "ActiveConnections"),
                                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
    g_assert_no_error (error);
    g_variant_get (active, "(v)", &paths);
    g_assert_cmpuint (g_variant_n_children (paths), ==, 1);
    g_variant_get_child (paths, 0, "&o", &path);
    g_clear_pointer (&reply, g_variant_unref);
    reply = g_dbus_connection_call_sync (bus, "org.freedesktop.NetworkManager", path,
                                         "org.freedesktop.DBus.Properties", "Set",
                                         g_variant_new ("(ssv)", "org.freedesktop.NetworkManager.Connection.Active",
                                                        "State", g_variant_new_uint32 (4 /* deactivated */)),
                                         NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
    g_assert_no_error (error);
  }
  g_free (status);
  status = g_strdup_printf ("Hotspot “%s” has stopped: phones on it cannot reach the room. "
                            "Start it again, or use another network.", ssid);
  mc_test_wait_until (shows_status, &(ShowsText) { wifi, status }, "the hotspot's stop in the section");
  g_free (url);
  url = mc_room_dup_join_url (f->room, NULL);
  g_assert_nonnull (strstr (url, "//10.0.0.5:"));
  mc_room_stop (f->room);

  g_subprocess_force_exit (nm);
  g_subprocess_wait (nm, NULL, NULL);
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

  /* Closing the board's window closes its room: nothing answers there. */
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

/* A private bus, made the system bus of this test: the hotspot tests must
 * never reach a real NetworkManager; test_hotspot starts a fake one on it. */
static GSubprocess *
start_private_bus (void)
{
  const char * const argv[] = { "dbus-daemon", "--session", "--nofork", "--print-address=1", NULL };
  GSubprocess *daemon = spawn_child (G_SUBPROCESS_FLAGS_STDOUT_PIPE, argv);
  g_autoptr(GDataInputStream) out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (daemon));
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_data_input_stream_read_line (out, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", address, TRUE);
  return daemon;
}

int
main (int   argc,
      char *argv[])
{
  GtkApplication *app;

  g_autoptr(GSubprocess) bus = start_private_bus ();
  g_autoptr(GDBusConnection) system_bus = NULL;
  int status;

  system_bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, NULL);
  g_assert_nonnull (system_bus);
  /* The bus going away at the end is no reason to quit early. */
  g_dbus_connection_set_exit_on_close (system_bus, FALSE);
  app = mc_test_app_new (&argc, &argv);

  g_test_add ("/mc/room-panel/panel", Fixture, NULL, fixture_set_up, test_panel, fixture_tear_down);
  g_test_add ("/mc/room-panel/moderation", Fixture, NULL, fixture_set_up, test_moderation, fixture_tear_down);
  g_test_add ("/mc/room-panel/wall", Fixture, NULL, fixture_set_up, test_wall, fixture_tear_down);
  g_test_add ("/mc/room-panel/no-address", Fixture, NULL, fixture_set_up, test_no_address, fixture_tear_down);
  g_test_add ("/mc/room-panel/hotspot-without-nm", Fixture, NULL, fixture_set_up,
              test_hotspot_without_nm, fixture_tear_down);
  g_test_add ("/mc/room-panel/hotspot", Fixture, NULL, fixture_set_up, test_hotspot, fixture_tear_down);
  g_test_add_func ("/mc/room-panel/window-action", test_window_action);
  status = mc_test_app_run (app);
  g_subprocess_force_exit (bus);
  g_subprocess_wait (bus, NULL, NULL);
  return status;
}
