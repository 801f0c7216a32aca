/* mc-hotspot.c — a Wi-Fi hotspot on the laptop through NetworkManager
 *
 * The connection NetworkManager adds is the one GNOME Settings makes for
 * its hotspot: 802-11-wireless with mode=ap on the 2.4 GHz band (every phone
 * sees it), WPA2 (RSN, CCMP) with a new password, ipv4.method=shared (the
 * laptop hands out addresses and is the room's only server). It does not
 * connect by itself later.
 */
#include "config.h"

#include "mc-hotspot.h"
#include "mc-room.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#ifdef HAVE_LIBNM
#include <NetworkManager.h>
#endif

#define FALLBACK _("Start a hotspot in the laptop's Wi-Fi settings and type its name and password below.")

/* How long to wait for the hotspot's address once NetworkManager has
 * taken the connection; a real one has it in a few seconds. */
#define ADDRESS_TIMEOUT_S 30

typedef struct
{
  char *ssid;
  char *password;
  char *address;          /* the laptop's on the hotspot, once known */
  GObject *running;       /* NMActiveConnection, kept up to date, once up */
  GObject *client;        /* NMClient, which updates active, while waiting */
  GObject *active;        /* NMActiveConnection, while waiting for it */
  guint timeout_id;
  gulong cancelled_id;
} Hotspot;

static void
hotspot_free (gpointer data)
{
  Hotspot *hotspot = data;

  g_assert (hotspot->client == NULL && hotspot->active == NULL && hotspot->timeout_id == 0);
  g_free (hotspot->ssid);
  g_free (hotspot->password);
  g_free (hotspot->address);
  g_clear_object (&hotspot->running);
  g_free (hotspot);
}

static void
return_error (GTask      *task,
              GIOErrorEnum code,
              const char *what)
{
  g_task_return_new_error (task, G_IO_ERROR, code, "%s %s", what, FALLBACK);
}

#ifdef HAVE_LIBNM

/* The first Wi-Fi device that can be an access point; *out_any_wifi tells
 * whether there was a Wi-Fi device at all. */
static NMDevice *
find_ap_device (NMClient *client,
                gboolean *out_any_wifi)
{
  const GPtrArray *devices = nm_client_get_devices (client);

  *out_any_wifi = FALSE;
  for (guint i = 0; devices != NULL && i < devices->len; i++)
    {
      NMDevice *device = g_ptr_array_index (devices, i);

      if (!NM_IS_DEVICE_WIFI (device))
        continue;
      *out_any_wifi = TRUE;
      if (nm_device_wifi_get_capabilities (NM_DEVICE_WIFI (device)) & NM_WIFI_DEVICE_CAP_AP)
        return device;
    }
  return NULL;
}

static NMConnection *
hotspot_connection (const Hotspot *hotspot)
{
  NMConnection *connection = nm_simple_connection_new ();
  NMSetting *setting;
  g_autofree char *uuid = nm_utils_uuid_generate ();
  g_autoptr(GBytes) ssid = g_bytes_new (hotspot->ssid, strlen (hotspot->ssid));

  setting = nm_setting_connection_new ();
  g_object_set (setting,
                NM_SETTING_CONNECTION_ID, hotspot->ssid,
                NM_SETTING_CONNECTION_UUID, uuid,
                NM_SETTING_CONNECTION_TYPE, NM_SETTING_WIRELESS_SETTING_NAME,
                NM_SETTING_CONNECTION_AUTOCONNECT, FALSE,
                NULL);
  nm_connection_add_setting (connection, setting);

  setting = nm_setting_wireless_new ();
  g_object_set (setting,
                NM_SETTING_WIRELESS_SSID, ssid,
                NM_SETTING_WIRELESS_MODE, NM_SETTING_WIRELESS_MODE_AP,
                NM_SETTING_WIRELESS_BAND, "bg",
                NULL);
  nm_connection_add_setting (connection, setting);

  setting = nm_setting_wireless_security_new ();
  g_object_set (setting,
                NM_SETTING_WIRELESS_SECURITY_KEY_MGMT, "wpa-psk",
                NM_SETTING_WIRELESS_SECURITY_PSK, hotspot->password,
                NULL);
  nm_setting_wireless_security_add_proto (NM_SETTING_WIRELESS_SECURITY (setting), "rsn");
  nm_setting_wireless_security_add_pairwise (NM_SETTING_WIRELESS_SECURITY (setting), "ccmp");
  nm_setting_wireless_security_add_group (NM_SETTING_WIRELESS_SECURITY (setting), "ccmp");
  nm_connection_add_setting (connection, setting);

  setting = nm_setting_ip4_config_new ();
  g_object_set (setting, NM_SETTING_IP_CONFIG_METHOD, NM_SETTING_IP4_CONFIG_METHOD_SHARED, NULL);
  nm_connection_add_setting (connection, setting);

  setting = nm_setting_ip6_config_new ();
  g_object_set (setting, NM_SETTING_IP_CONFIG_METHOD, NM_SETTING_IP6_CONFIG_METHOD_IGNORE, NULL);
  nm_connection_add_setting (connection, setting);
  return connection;
}

/* The first IPv4 address of the active connection, once it has one. */
static char *
dup_active_address (NMActiveConnection *active)
{
  NMIPConfig *config = nm_active_connection_get_ip4_config (active);
  GPtrArray *addresses = config != NULL ? nm_ip_config_get_addresses (config) : NULL;

  if (addresses == NULL || addresses->len == 0)
    return NULL;
  return g_strdup (nm_ip_address_get_address (g_ptr_array_index (addresses, 0)));
}

/* Stops waiting and returns: TRUE with or without the address (the
 * hotspot runs either way), or the task's error. */
static void
finish_wait (GTask  *task,
             GError *error)
{
  Hotspot *hotspot = g_task_get_task_data (task);

  /* Up: the caller may follow it; its client keeps it up to date. */
  if (error == NULL && hotspot->active != NULL)
    {
      g_object_set_data_full (hotspot->active, "mc-hotspot-client", g_object_ref (hotspot->client),
                              g_object_unref);
      hotspot->running = g_object_ref (hotspot->active);
    }
  if (hotspot->active != NULL)
    g_signal_handlers_disconnect_by_data (hotspot->active, task);
  g_clear_object (&hotspot->active);
  g_clear_object (&hotspot->client);
  g_clear_handle_id (&hotspot->timeout_id, g_source_remove);
  g_cancellable_disconnect (g_task_get_cancellable (task), hotspot->cancelled_id);
  hotspot->cancelled_id = 0;
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
on_active_changed (GObject    *object,
                   GParamSpec *pspec,
                   GTask      *task)
{
  Hotspot *hotspot = g_task_get_task_data (task);
  NMActiveConnection *active = NM_ACTIVE_CONNECTION (object);
  NMActiveConnectionState state = nm_active_connection_get_state (active);

  if (state == NM_ACTIVE_CONNECTION_STATE_DEACTIVATING
      || state == NM_ACTIVE_CONNECTION_STATE_DEACTIVATED)
    {
      finish_wait (task, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "%s %s",
                                      _("NetworkManager stopped the hotspot."), FALLBACK));
      return;
    }
  if (state != NM_ACTIVE_CONNECTION_STATE_ACTIVATED)
    return;
  hotspot->address = dup_active_address (active);
  if (hotspot->address != NULL)
    finish_wait (task, NULL);
}

static gboolean
on_address_timeout (gpointer data)
{
  GTask *task = data;
  Hotspot *hotspot = g_task_get_task_data (task);

  hotspot->timeout_id = 0;
  g_debug ("hotspot: no address after %d s", ADDRESS_TIMEOUT_S);
  finish_wait (task, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
cancel_in_idle (gpointer data)
{
  GTask *task = data;
  Hotspot *hotspot = g_task_get_task_data (task);

  if (hotspot->active != NULL)
    finish_wait (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
  return G_SOURCE_REMOVE;
}

static void
on_cancelled (GCancellable *cancellable,
              GTask        *task)
{
  /* Not from here: g_cancellable_disconnect() would wait for this handler. */
  g_idle_add_full (G_PRIORITY_DEFAULT, cancel_in_idle, g_object_ref (task), g_object_unref);
}

static void
activated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NMActiveConnection) active = nm_client_add_and_activate_connection_finish (NM_CLIENT (source),
                                                                                      result, &error);
  Hotspot *hotspot;
  GTask *waiting;

  if (active == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("NetworkManager could not start the hotspot: %s."),
                                               error->message);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        return_error (task, G_IO_ERROR_FAILED, what);
      return;
    }

  /* The laptop's address on the hotspot, for the join link: when the
   * connection is up and has its IPv4 configuration. */
  hotspot = g_task_get_task_data (task);
  hotspot->active = G_OBJECT (g_steal_pointer (&active));
  hotspot->client = g_object_ref (source);
  /* From here on the wait holds the task, until finish_wait(). */
  waiting = g_steal_pointer (&task);
  g_signal_connect (hotspot->active, "notify::" NM_ACTIVE_CONNECTION_STATE,
                    G_CALLBACK (on_active_changed), waiting);
  g_signal_connect (hotspot->active, "notify::" NM_ACTIVE_CONNECTION_IP4_CONFIG,
                    G_CALLBACK (on_active_changed), waiting);
  hotspot->timeout_id = g_timeout_add_seconds (ADDRESS_TIMEOUT_S, on_address_timeout, waiting);
  if (g_task_get_cancellable (waiting) != NULL)
    hotspot->cancelled_id = g_cancellable_connect (g_task_get_cancellable (waiting),
                                                   G_CALLBACK (on_cancelled), waiting, NULL);
  on_active_changed (hotspot->active, NULL, waiting);
}

static void
client_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NMClient) client = nm_client_new_finish (result, &error);
  g_autoptr(NMConnection) connection = NULL;
  NMDevice *device;
  gboolean any_wifi;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (client == NULL || !nm_client_get_nm_running (client))
    {
      g_debug ("NetworkManager: %s", error != NULL ? error->message : "not running");
      return_error (task, G_IO_ERROR_NOT_FOUND, _("NetworkManager is not running on this laptop."));
      return;
    }
  device = find_ap_device (client, &any_wifi);
  if (device == NULL)
    {
      return_error (task, G_IO_ERROR_NOT_SUPPORTED,
                    any_wifi ? _("The laptop's Wi-Fi device cannot be a hotspot.")
                             : _("This laptop has no Wi-Fi device for a hotspot."));
      return;
    }
  connection = hotspot_connection (g_task_get_task_data (task));
  nm_client_add_and_activate_connection_async (client, connection, device, NULL,
                                               g_task_get_cancellable (task), activated_cb,
                                               g_object_ref (task));
}

#endif /* HAVE_LIBNM */

void
mc_hotspot_start_async (GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Hotspot *hotspot = g_new0 (Hotspot, 1);

  g_task_set_source_tag (task, mc_hotspot_start_async);
  hotspot->ssid = g_strdup_printf ("Missiecanvas-%04d", g_random_int_range (0, 10000));
  hotspot->password = mc_room_dup_wifi_password ();
  g_task_set_task_data (task, hotspot, hotspot_free);
#ifdef HAVE_LIBNM
  nm_client_new_async (cancellable, client_cb, g_steal_pointer (&task));
#else
  return_error (task, G_IO_ERROR_NOT_SUPPORTED,
                _("This copy of Missiecanvas was built without NetworkManager."));
#endif
}

gboolean
mc_hotspot_start_finish (GAsyncResult  *result,
                         char         **out_ssid,
                         char         **out_password,
                         char         **out_address,
                         GObject      **out_running,
                         GError       **error)
{
  Hotspot *hotspot;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  hotspot = g_task_get_task_data (G_TASK (result));
  if (out_ssid != NULL)
    *out_ssid = g_strdup (hotspot->ssid);
  if (out_password != NULL)
    *out_password = g_strdup (hotspot->password);
  if (out_address != NULL)
    *out_address = g_strdup (hotspot->address);
  if (out_running != NULL)
    *out_running = hotspot->running != NULL ? g_object_ref (hotspot->running) : NULL;
  return TRUE;
}

gboolean
mc_hotspot_get_stopped (GObject *running)
{
#ifdef HAVE_LIBNM
  NMActiveConnectionState state;

  g_return_val_if_fail (NM_IS_ACTIVE_CONNECTION (running), TRUE);
  state = nm_active_connection_get_state (NM_ACTIVE_CONNECTION (running));
  return state == NM_ACTIVE_CONNECTION_STATE_DEACTIVATING
         || state == NM_ACTIVE_CONNECTION_STATE_DEACTIVATED;
#else
  return TRUE;
#endif
}

void
mc_hotspot_forget (GObject *running)
{
  if (running == NULL)
    return;
  /* The client refers to its objects: let go of it first. */
  g_object_set_data (running, "mc-hotspot-client", NULL);
  g_object_unref (running);
}
