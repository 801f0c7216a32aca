/* test-room-hotspot.c — the room panel's hotspot section: Start Hotspot
 * without NetworkManager, and against a fake one
 * (tests/app/fake-networkmanager.py) on a private system bus: what
 * NetworkManager is asked for, the Wi-Fi code, the room's link on the
 * hotspot's address, and a status that says what is true */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "mc-qr-code.h"
#include "mc-room-wifi.h"
#include "mc-test-app.h"
#include "mc-test-util.h"
#include "room-panel-fixture.h"

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

/* A new panel on the fixture's room, as the window's Room item opens. */
static void
reopen_panel (Fixture    *f,
              GtkWidget **wifi)
{
  gtk_window_set_child (f->window, NULL);
  f->panel = MC_ROOM_PANEL (mc_room_panel_new (f->room));
  gtk_window_set_child (f->window, GTK_WIDGET (f->panel));
  *wifi = find_child (GTK_WIDGET (f->panel), MC_TYPE_ROOM_WIFI);
  mc_room_wifi_set_expanded (MC_ROOM_WIFI (*wifi), TRUE);
  mc_test_spin ();
}

static gboolean
link_back (gpointer room)
{
  g_autofree char *url = mc_room_dup_join_url (room, NULL);

  return strstr (url, "//10.0.0.5:") != NULL;
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
  g_autofree char *name = NULL;
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

  /* The panel closed and opened again (a new one each time) still knows
   * the hotspot: its status, its name and password, the Wi-Fi code. */
  name = g_strdup (ssid);
  ssid = name;
  reopen_panel (f, &wifi);
  g_assert_true (shows_text (wifi, status));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_labelled (wifi, "Network _name"))), ==, name);
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (find_labelled (wifi, "_Password")))),
                    ==, MC_ROOM_WIFI_PASSWORD_LENGTH);
  g_assert_true (gtk_widget_get_visible (find_child (wifi, MC_TYPE_QR_CODE)));

  /* NetworkManager stops the hotspot while the panel is closed: the link
   * goes back to the laptop's other address, and the panel opened again
   * says so. */
  g_assert_true (mc_room_start (f->room, NULL));
  gtk_window_set_child (f->window, NULL);
  f->panel = NULL;
  wifi = NULL;
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
  mc_test_wait_until (link_back, f->room, "the link back on the laptop's other address");
  reopen_panel (f, &wifi);
  g_assert_true (shows_text (wifi, status));
  mc_room_stop (f->room);

  g_subprocess_force_exit (nm);
  g_subprocess_wait (nm, NULL, NULL);
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

  g_test_add ("/mc/room-hotspot/without-nm", Fixture, NULL, fixture_set_up,
              test_hotspot_without_nm, fixture_tear_down);
  g_test_add ("/mc/room-hotspot/started", Fixture, NULL, fixture_set_up, test_hotspot, fixture_tear_down);
  status = mc_test_app_run (app);
  g_subprocess_force_exit (bus);
  g_subprocess_wait (bus, NULL, NULL);
  return status;
}
