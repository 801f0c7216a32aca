/* mc-room-join-card.h — how to join the room, as a card for the wall: the
 * room's QR code as large as the card allows, and beneath it the address
 * to open and the room code to type, for phones without a camera
 *
 * Black on white whatever the theme, so a projector shows the code with
 * the contrast a phone needs. Presentation mode shows it at the route's
 * join stop.
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-room.h"

G_BEGIN_DECLS

#define MC_TYPE_ROOM_JOIN_CARD (mc_room_join_card_get_type ())
G_DECLARE_FINAL_TYPE (McRoomJoinCard, mc_room_join_card, MC, ROOM_JOIN_CARD, GtkBox)

/* Follows the room: a new link or address shows at once. */
GtkWidget *mc_room_join_card_new (McRoom         *room);
/* Sets the type for a card of that size in pixels (a projector's free
 * area), large enough to read from the back of a room. */
void       mc_room_join_card_fit (McRoomJoinCard *self,
                                  int             width,
                                  int             height);

/* The room's black-on-white style (the wall and the card), once per
 * display. */
void       mc_room_use_style     (GtkWidget      *widget);

G_END_DECLS
