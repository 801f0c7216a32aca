/* mc-room-panel.h — the facilitator's controls of the room
 *
 * The QR code (large enough to scan from the back of a room), the join
 * URL and room code, how many participants there are, open/close, a new
 * link (the old one stops working), and the round: private mode with
 * reveal, and lock. Says what to do when there is no network address, and
 * about client isolation (guest Wi-Fi): start a hotspot on the laptop.
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-room.h"

G_BEGIN_DECLS

#define MC_TYPE_ROOM_PANEL (mc_room_panel_get_type ())
G_DECLARE_FINAL_TYPE (McRoomPanel, mc_room_panel, MC, ROOM_PANEL, GtkBox)

GtkWidget  *mc_room_panel_new      (McRoom      *room);
McRoom     *mc_room_panel_get_room (McRoomPanel *self);

G_END_DECLS
