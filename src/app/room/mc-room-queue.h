/* mc-room-queue.h — the room's moderation queue in the room panel: the
 * oldest waiting notes, each with Approve and Reject */
#pragma once

#include <gtk/gtk.h>

#include "mc-room.h"

G_BEGIN_DECLS

#define MC_TYPE_ROOM_QUEUE (mc_room_queue_get_type ())
G_DECLARE_FINAL_TYPE (McRoomQueue, mc_room_queue, MC, ROOM_QUEUE, GtkBox)

GtkWidget *mc_room_queue_new (McRoom *room);

G_END_DECLS
