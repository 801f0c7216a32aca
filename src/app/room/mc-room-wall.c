/* mc-room-wall.c — the join QR code on the wall
 *
 * Black on white whatever the theme, so a projector shows the code with
 * the contrast a phone needs; the QR code takes the height the two lines
 * beneath leave (about four fifths of the screen).
 */
#include "config.h"

#include "mc-room-wall.h"
#include "mc-qr-code.h"
#include "mc-room-join-card.h"

#include <glib/gi18n-lib.h>

struct _McRoomWall
{
  GtkWindow  parent_instance;

  McRoom    *room;
  gulong     changed_id;

  GtkWidget *qr;
  GtkWidget *url;
  GtkWidget *code;
};

G_DEFINE_FINAL_TYPE (McRoomWall, mc_room_wall, GTK_TYPE_WINDOW)

static void
update (McRoomWall *self)
{
  g_autofree char *url = mc_room_dup_join_url (self->room, NULL);
  gboolean running = url != NULL;

  mc_qr_code_set_text (MC_QR_CODE (self->qr), url);
  gtk_widget_set_visible (self->qr, running);
  gtk_label_set_text (GTK_LABEL (self->url), running ? url : _("The room is closed."));
  gtk_label_set_text (GTK_LABEL (self->code), running ? mc_room_get_code (self->room) : "");
  gtk_widget_set_visible (self->code, running);
}

static void
toggle_fullscreen (McRoomWall *self)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
    gtk_window_unfullscreen (GTK_WINDOW (self));
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                McRoomWall            *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }
  if (keyval == GDK_KEY_F11)
    {
      toggle_fullscreen (self);
      return TRUE;
    }
  return FALSE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            McRoomWall      *self)
{
  if (n_press == 2)
    toggle_fullscreen (self);
}

static void
mc_room_wall_dispose (GObject *object)
{
  McRoomWall *self = MC_ROOM_WALL (object);

  g_clear_signal_handler (&self->changed_id, self->room);
  g_clear_object (&self->room);

  G_OBJECT_CLASS (mc_room_wall_parent_class)->dispose (object);
}

static void
mc_room_wall_class_init (McRoomWallClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_room_wall_dispose;
}

static void
mc_room_wall_init (McRoomWall *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Join the Room"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1024, 768);
  gtk_widget_add_css_class (GTK_WIDGET (self), "room-wall");
  mc_room_use_style (GTK_WIDGET (self));
  g_object_set (box, "margin-top", 24, "margin-bottom", 24,
                "margin-start", 24, "margin-end", 24, NULL);

  self->qr = mc_qr_code_new ();
  gtk_widget_set_vexpand (self->qr, TRUE);
  gtk_widget_set_hexpand (self->qr, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("QR code of the room's link"), -1);
  gtk_box_append (GTK_BOX (box), self->qr);

  self->url = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->url), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->url), PANGO_WRAP_CHAR);
  gtk_label_set_justify (GTK_LABEL (self->url), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->url, "room-wall-url");
  gtk_box_append (GTK_BOX (box), self->url);

  self->code = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->code, "room-wall-code");
  gtk_widget_set_tooltip_text (self->code, _("Room code, for typing the address by hand"));
  gtk_box_append (GTK_BOX (box), self->code);

  gtk_window_set_child (GTK_WINDOW (self), box);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
mc_room_wall_new (McRoom *room)
{
  McRoomWall *self;

  g_return_val_if_fail (MC_IS_ROOM (room), NULL);

  self = g_object_new (MC_TYPE_ROOM_WALL, NULL);
  self->room = g_object_ref (room);
  self->changed_id = g_signal_connect_swapped (room, "changed", G_CALLBACK (update), self);
  update (self);
  return GTK_WIDGET (self);
}

void
mc_room_wall_show (McRoomWall *self,
                   GtkWindow  *from)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = from != NULL ? gtk_native_get_surface (GTK_NATIVE (from)) : NULL;
  GdkMonitor *laptop = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  g_autoptr(GdkMonitor) target = NULL;
  GdkRectangle geometry;

  g_return_if_fail (MC_IS_ROOM_WALL (self));

  if (from != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), from);
  for (guint i = 0; i < g_list_model_get_n_items (monitors) && target == NULL; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != laptop || g_list_model_get_n_items (monitors) == 1)
        target = g_steal_pointer (&monitor);
    }
  if (target != NULL)
    {
      /* Where nothing honours fullscreen, the window still covers it. */
      gdk_monitor_get_geometry (target, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), target);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}
