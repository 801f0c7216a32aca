/* mc-room-wall.h — the join QR code on the wall: a window (fullscreen on
 * request) with the QR code over most of its height and the link and room
 * code beneath, for the projector */
#pragma once

#include <gtk/gtk.h>

#include "mc-room.h"

G_BEGIN_DECLS

#define MC_TYPE_ROOM_WALL (mc_room_wall_get_type ())
G_DECLARE_FINAL_TYPE (McRoomWall, mc_room_wall, MC, ROOM_WALL, GtkWindow)

/* Follows the room (a new link shows at once). Escape closes it; F11 or
 * a double click toggles fullscreen. */
GtkWidget *mc_room_wall_new  (McRoom     *room);
/* Full screen on the projector: a monitor other than from's when there are
 * two or more, else from's. */
void       mc_room_wall_show (McRoomWall *self,
                              GtkWindow  *from);

G_END_DECLS
