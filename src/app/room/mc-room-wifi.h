/* mc-room-wifi.h — the hotspot's Wi-Fi QR code in the room panel: Start
 * Hotspot asks NetworkManager for one and fills in its name and password,
 * or the facilitator types them (GNOME Settings shows them when it starts
 * one); participants scan this code first, then the room's */
#pragma once

#include <gtk/gtk.h>

#include "mc-room.h"

G_BEGIN_DECLS

#define MC_TYPE_ROOM_WIFI (mc_room_wifi_get_type ())
G_DECLARE_FINAL_TYPE (McRoomWifi, mc_room_wifi, MC, ROOM_WIFI, GtkBox)

GtkWidget *mc_room_wifi_new          (void);
/* Opens the section (the panel does when there is no LAN address). */
void       mc_room_wifi_set_expanded (McRoomWifi *self,
                                      gboolean    expanded);

/* The room whose join link takes the hotspot's address once it runs. */
void       mc_room_wifi_set_room     (McRoomWifi *self,
                                      McRoom     *room);

G_END_DECLS
