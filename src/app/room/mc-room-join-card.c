/* mc-room-join-card.c — how to join the room, as a card for the wall */
#include "config.h"

#include "mc-room-join-card.h"
#include "mc-qr-code.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _McRoomJoinCard
{
  GtkBox     parent_instance;

  McRoom    *room;
  gulong     changed_id;

  GtkWidget *title;
  GtkWidget *qr;
  GtkWidget *address;
  GtkWidget *code;
};

G_DEFINE_FINAL_TYPE (McRoomJoinCard, mc_room_join_card, GTK_TYPE_BOX)

static const char room_css[] =
  "window.room-wall, window.room-wall > * { background: white; color: black; }\n"
  ".room-wall-url { font-family: monospace; font-size: 20pt; }\n"
  ".room-wall-code { font-size: 44pt; font-weight: bold; letter-spacing: 6px; }\n"
  ".room-join-card { background: white; color: black; border-radius: 16px; }\n"
  ".room-join-card .room-join-title { font-weight: bold; }\n"
  ".room-join-card .room-join-code { font-weight: bold; letter-spacing: 0.15em; }\n";

void
mc_room_use_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "mc-room-style") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, room_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "mc-room-style",
                          g_object_ref (provider), g_object_unref);
}

/* The join link without its token: what a participant types, with the
 * room code, when the camera will not do. */
static char *
dup_address (McRoom *room)
{
  g_autofree char *url = mc_room_dup_join_url (room, NULL);
  const char *fragment = url != NULL ? strstr (url, "/#") : NULL;

  if (fragment == NULL)
    return NULL;
  return g_strndup (url, fragment - url);
}

static void
update (McRoomJoinCard *self)
{
  g_autofree char *url = mc_room_dup_join_url (self->room, NULL);
  g_autofree char *address = dup_address (self->room);
  g_autofree char *hint = NULL;

  mc_qr_code_set_text (MC_QR_CODE (self->qr), url);
  if (address != NULL)
    /* Translators: %s is the room's address, such as http://192.168.1.20:41234 */
    hint = g_strdup_printf (_("No camera? Open %s and type the room code:"), address);
  gtk_label_set_text (GTK_LABEL (self->address), hint != NULL ? hint : _("The room is closed."));
  gtk_label_set_text (GTK_LABEL (self->code), url != NULL ? mc_room_get_code (self->room) : "");
  gtk_widget_set_visible (self->code, url != NULL);
}

static void
set_pixel_size (GtkWidget *label,
                double     pixels)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) (MAX (pixels, 12.0) * PANGO_SCALE)));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
}

void
mc_room_join_card_fit (McRoomJoinCard *self,
                       int             width,
                       int             height)
{
  const char *hint;
  double text_px, padding;

  g_return_if_fail (MC_IS_ROOM_JOIN_CARD (self));

  /* About 5 % of the height for the words: at 768 px that is 28 px type,
   * as large as the prompt banner's title; the code twice that. The hint
   * stays on one line where the width allows, else it wraps. */
  text_px = height * 0.045;
  hint = gtk_label_get_text (GTK_LABEL (self->address));
  padding = MAX (12.0, height * 0.025);
  gtk_box_set_spacing (GTK_BOX (self), (int) (padding / 2));
  gtk_widget_set_margin_top (self->title, (int) padding);
  gtk_widget_set_margin_bottom (self->code, (int) padding);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, (int) padding);
      gtk_widget_set_margin_end (child, (int) padding);
    }
  set_pixel_size (self->title, text_px * 1.2);
  set_pixel_size (self->address,
                  MIN (text_px * 0.8, (width - 2 * padding) / (0.55 * MAX (g_utf8_strlen (hint, -1), 1))));
  set_pixel_size (self->code, text_px * 2);
}

static void
mc_room_join_card_dispose (GObject *object)
{
  McRoomJoinCard *self = MC_ROOM_JOIN_CARD (object);

  g_clear_signal_handler (&self->changed_id, self->room);
  g_clear_object (&self->room);

  G_OBJECT_CLASS (mc_room_join_card_parent_class)->dispose (object);
}

static void
mc_room_join_card_class_init (McRoomJoinCardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_room_join_card_dispose;
}

static GtkWidget *
card_label (McRoomJoinCard *self,
            const char     *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self), label);
  return label;
}

static void
mc_room_join_card_init (McRoomJoinCard *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "room-join-card");
  mc_room_use_style (GTK_WIDGET (self));

  self->title = card_label (self, "room-join-title");
  gtk_label_set_text (GTK_LABEL (self->title), _("Scan to add your notes"));

  self->qr = mc_qr_code_new ();
  gtk_widget_set_vexpand (self->qr, TRUE);
  gtk_widget_set_hexpand (self->qr, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("QR code of the room's link"), -1);
  gtk_box_append (GTK_BOX (self), self->qr);

  self->address = card_label (self, "room-join-address");
  self->code = card_label (self, "room-join-code");
  gtk_widget_set_tooltip_text (self->code, _("Room code, for typing the address by hand"));
}

GtkWidget *
mc_room_join_card_new (McRoom *room)
{
  McRoomJoinCard *self;

  g_return_val_if_fail (MC_IS_ROOM (room), NULL);

  self = g_object_new (MC_TYPE_ROOM_JOIN_CARD, NULL);
  self->room = g_object_ref (room);
  self->changed_id = g_signal_connect_swapped (room, "changed", G_CALLBACK (update), self);
  update (self);
  return GTK_WIDGET (self);
}
