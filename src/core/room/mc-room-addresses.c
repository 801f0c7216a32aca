/* mc-room-addresses.c — where phones reach the room: the machine's LAN
 * addresses (numeric IPv4: phones cannot resolve .local names), the join
 * link built on the first of them (the hotspot's when it has one), and
 * the Host check against DNS rebinding (a request must name one of the
 * room's own addresses and its port)
 */
#include "config.h"

#include "mc-object-private.h"
#include "mc-room-private.h"

#include <ifaddrs.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

static GStrv
read_interface_addresses (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  struct ifaddrs *addrs = NULL;

  if (getifaddrs (&addrs) == 0)
    {
      for (struct ifaddrs *a = addrs; a != NULL; a = a->ifa_next)
        {
          char text[INET_ADDRSTRLEN];
          const struct sockaddr_in *in;

          if (a->ifa_addr == NULL || a->ifa_addr->sa_family != AF_INET)
            continue;
          in = (const struct sockaddr_in *) (gconstpointer) a->ifa_addr;
          if ((ntohl (in->sin_addr.s_addr) >> 24) == 127)
            continue;
          if (inet_ntop (AF_INET, &in->sin_addr, text, sizeof text) != NULL)
            g_strv_builder_add (builder, text);
        }
      freeifaddrs (addrs);
    }
  list = g_strv_builder_end (builder);
  qsort (list, g_strv_length (list), sizeof (char *), (GCompareFunc) g_strcmp0);
  return g_steal_pointer (&list);
}

/* Moves the join address, when list has it, to the front. */
static void
put_first (GStrv       list,
           const char *address)
{
  for (guint i = 1; address != NULL && list[i] != NULL; i++)
    if (g_str_equal (list[i], address))
      {
        char *found = list[i];

        memmove (list + 1, list, i * sizeof (char *));
        list[0] = found;
        return;
      }
}

GStrv
mc_room_dup_lan_addresses (McRoom *self)
{
  GStrv list;

  g_return_val_if_fail (MC_IS_ROOM (self), NULL);

  list = self->lan_addresses != NULL ? g_strdupv (self->lan_addresses)
                                     : read_interface_addresses ();
  put_first (list, self->join_address);
  return list;
}

void
mc_room_set_join_address (McRoom     *self,
                          const char *address)
{
  g_return_if_fail (MC_IS_ROOM (self));

  if (_mc_set_str (&self->join_address, address))
    _mc_room_emit_changed (self);
}

void
mc_room_set_lan_addresses (McRoom             *self,
                           const char * const *addresses)
{
  g_return_if_fail (MC_IS_ROOM (self));

  g_strfreev (self->lan_addresses);
  self->lan_addresses = g_strdupv ((char **) addresses);
  _mc_room_emit_changed (self);
}

char *
mc_room_dup_join_url (McRoom     *self,
                      const char *address)
{
  g_auto(GStrv) lan = NULL;

  g_return_val_if_fail (MC_IS_ROOM (self), NULL);

  if (self->server == NULL)
    return NULL;
  if (address == NULL)
    {
      lan = mc_room_dup_lan_addresses (self);
      address = lan[0] != NULL ? lan[0] : "127.0.0.1";
    }
  return g_strdup_printf ("http://%s:%u/#t=%s", address, self->bound_port, self->token);
}

/* The Host header names one of our own addresses and our port. */
gboolean
_mc_room_host_is_ours (McRoom     *self,
                       const char *host)
{
  g_auto(GStrv) lan = NULL;
  g_autofree char *name = NULL;
  const char *colon;
  guint64 port = 80;

  if (host == NULL)
    return FALSE;
  colon = strrchr (host, ':');
  if (colon != NULL)
    {
      if (!g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXUINT16, &port, NULL))
        return FALSE;
      name = g_strndup (host, colon - host);
    }
  else
    name = g_strdup (host);
  if (port != self->bound_port)
    return FALSE;
  if (g_str_equal (name, "127.0.0.1") || g_strcmp0 (name, self->listen_address) == 0)
    return TRUE;
  lan = mc_room_dup_lan_addresses (self);
  return g_strv_contains ((const char * const *) lan, name);
}
