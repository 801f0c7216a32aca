/* room-panel-fixture.c — what the room panel's tests share
 * (tests/app/test-room-panel.c, test-room-hotspot.c) */
#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include "room-panel-fixture.h"
#include "mc-templates.h"
#include "mc-test-util.h"

typedef struct
{
  SoupWebsocketConnection *ws;
  gboolean                 done;
} Phone;

void
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

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->room);
  g_clear_object (&f->board);
}

/* The first widget of type under widget, depth first. */
GtkWidget *
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
GtkWidget *
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

gboolean
one_queued (gpointer data)
{
  return mc_room_get_n_queued (data) == 1;
}

gboolean
one_connected (gpointer data)
{
  return mc_room_get_n_connected (data) == 1;
}

/* A phone's WebSocket into the room over loopback, its hello said. */
SoupWebsocketConnection *
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

gboolean
sensitive (gpointer widget)
{
  return gtk_widget_get_sensitive (widget);
}

/* Children that end with the test, even when it crashes. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

GSubprocess *
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


gboolean
shows_status (gpointer data)
{
  ShowsText *shows = data;

  return mc_test_shows_text (shows->widget, shows->text);
}

/* A private bus, made the system bus of this test: the hotspot tests must
 * never reach a real NetworkManager; test_hotspot starts a fake one on it. */
GSubprocess *
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

/* Whether target's top is inside the scrolled window's visible part. */
gboolean
in_view (gpointer data)
{
  InView *view = data;
  graphene_point_t top;

  if (!gtk_widget_compute_point (view->target, view->scrolled, &GRAPHENE_POINT_INIT (0, 0), &top))
    return FALSE;
  return top.y >= 0 && top.y < gtk_widget_get_height (view->scrolled);
}
