/* mc-presentation-join.c — presentation mode: the room's join stop
 *
 * While the room is open the route has a join stop; there the room's QR
 * code card (mc-room-join-card.h) fills the free area, less the frame's
 * margin, so it is as large as the wall allows and nothing covers it.
 */
#include "config.h"

#include "mc-presentation-private.h"
#include "mc-room-join-card.h"

void
_mc_presentation_sync_join (McPresentation *self)
{
  if (self->route != NULL)
    mc_route_set_join (self->route, self->room != NULL && mc_room_get_running (self->room));
}

void
_mc_presentation_place_join (McPresentation *self)
{
  const McRouteStop *stop = _mc_presentation_current_stop (self);
  McRect area;
  int width, height;

  if (self->join_card == NULL)
    return;
  /* The board dims behind the card (draw_spotlight). */
  gtk_widget_queue_draw (self->size_probe);
  if (stop == NULL || stop->kind != MC_ROUTE_STOP_JOIN
      || !_mc_presentation_get_join_area (self, &area))
    {
      gtk_widget_set_visible (self->join_card, FALSE);
      return;
    }

  /* The canvas fills the overlay, so its pixels are the overlay's. */
  width = MAX ((int) (area.width - 2 * FRAME_MARGIN), 1);
  height = MAX ((int) (area.height - 2 * FRAME_MARGIN), 1);
  gtk_widget_set_margin_start (self->join_card, (int) (area.x + FRAME_MARGIN));
  gtk_widget_set_margin_top (self->join_card, (int) (area.y + FRAME_MARGIN));
  gtk_widget_set_size_request (self->join_card, width, height);
  mc_room_join_card_fit (MC_ROOM_JOIN_CARD (self->join_card), width, height);
  gtk_widget_set_visible (self->join_card, TRUE);
}

static void
on_room_changed (McPresentation *self)
{
  _mc_presentation_sync_join (self);
  _mc_presentation_place_join (self);
}

void
_mc_presentation_release_room (McPresentation *self)
{
  /* After the template is gone, so is the card with the overlay. */
  if (self->join_card != NULL && self->overlay != NULL)
    gtk_overlay_remove_overlay (self->overlay, self->join_card);
  self->join_card = NULL;
  g_clear_signal_handler (&self->room_changed_id, self->room);
  g_clear_object (&self->room);
}

void
mc_presentation_set_room (McPresentation *self,
                          McRoom         *room)
{
  g_return_if_fail (MC_IS_PRESENTATION (self));
  g_return_if_fail (room == NULL || MC_IS_ROOM (room));

  if (room == self->room)
    return;

  _mc_presentation_release_room (self);
  if (room != NULL)
    {
      self->room = g_object_ref (room);
      self->room_changed_id = g_signal_connect_swapped (room, "changed",
                                                        G_CALLBACK (on_room_changed), self);
      self->join_card = mc_room_join_card_new (room);
      gtk_widget_set_halign (self->join_card, GTK_ALIGN_START);
      gtk_widget_set_valign (self->join_card, GTK_ALIGN_START);
      gtk_widget_set_visible (self->join_card, FALSE);
      gtk_overlay_add_overlay (self->overlay, self->join_card);
    }
  on_room_changed (self);
}

McRoom *
mc_presentation_get_room (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return self->room;
}

GtkWidget *
mc_presentation_get_join_card (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return self->join_card;
}
