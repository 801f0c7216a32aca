/* mc-hotspot.h — starts a Wi-Fi hotspot on the laptop through
 * NetworkManager (libnm), for rooms whose network keeps devices apart
 *
 * Without libnm at build time, or without NetworkManager or a Wi-Fi device
 * that can be an access point at run time, the start fails with a message
 * that says so and what to do instead.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Asks NetworkManager to add and activate a Wi-Fi connection in access
 * point mode (shared IPv4, WPA2 with a new password) on the first Wi-Fi
 * device that can be one, and waits for its address. */
void     mc_hotspot_start_async  (GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
/* TRUE with the network's name and password and the laptop's IPv4
 * address on it (once the connection is up; NULL when NetworkManager has
 * not given one within half a minute) and, once up, an object whose
 * "notify::state" tells when it changes (NULL before), or FALSE with an
 * error whose message can be shown to the facilitator as it is. */
gboolean mc_hotspot_start_finish (GAsyncResult        *result,
                                  char               **out_ssid,
                                  char               **out_password,
                                  char               **out_address,
                                  GObject            **out_running,
                                  GError             **error);
/* Whether the hotspot out_running followed has stopped. */
gboolean mc_hotspot_get_stopped  (GObject             *running);
/* Stops following it and drops out_running (NULL: nothing). */
void     mc_hotspot_forget       (GObject             *running);

G_END_DECLS
