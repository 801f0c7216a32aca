/* mc-room-wifi.c — the hotspot's Wi-Fi QR code in the room panel */
#include "config.h"

#include "mc-room-wifi.h"
#include "mc-hotspot.h"
#include "mc-qr-code.h"
#include "mc-room.h"

#include <glib/gi18n-lib.h>

#define QR_SIZE 240

struct _McRoomWifi
{
  GtkBox     parent_instance;

  GtkWidget *expander;
  GtkWidget *hotspot_button;
  GtkWidget *status;
  GCancellable *cancellable;   /* of the hotspot's start, while it runs */
  GtkWidget *ssid;
  GtkWidget *password;
  GtkWidget *qr;
  GtkWidget *caption;
  McRoom    *room;        /* the hotspot's address goes to its join link */
  gulong     changed_id;  /* of room: the status counts its participants */
  char      *hotspot;     /* the started hotspot's name, and the laptop's */
  char      *address;     /* address on it (NULL: not given yet) */
  GObject   *running;     /* follows the hotspot once it is up */
  gboolean   stopped;     /* NetworkManager stopped it since */
};

G_DEFINE_FINAL_TYPE (McRoomWifi, mc_room_wifi, GTK_TYPE_BOX)

static void
update (McRoomWifi *self)
{
  const char *ssid = gtk_editable_get_text (GTK_EDITABLE (self->ssid));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password));
  g_autofree char *text = ssid[0] != '\0' ? mc_room_dup_wifi_qr_text (ssid, password) : NULL;

  mc_qr_code_set_text (MC_QR_CODE (self->qr), text);
  gtk_widget_set_visible (self->qr, text != NULL);
  gtk_widget_set_visible (self->caption, text != NULL);
}

/* Once the hotspot is on, what is true now: its name, the room's address
 * on it and who is connected; it follows the room. */
static void
update_status (McRoomWifi *self)
{
  g_autofree char *text = NULL;

  if (self->hotspot == NULL)
    return;
  if (self->stopped)
    text = g_strdup_printf (_("Hotspot “%s” has stopped: phones on it cannot reach the room. "
                              "Start it again, or use another network."), self->hotspot);
  else if (self->address == NULL)
    text = g_strdup_printf (_("Hotspot “%s” is on, but NetworkManager has not given the laptop "
                              "an address on it yet: the room's link still uses another network."),
                            self->hotspot);
  else if (self->room == NULL || !mc_room_get_running (self->room))
    text = g_strdup_printf (_("Hotspot “%s” is on; the laptop is %s on it. The room is closed: "
                              "open it to let phones join."),
                            self->hotspot, self->address);
  else
    {
      guint n_connected = mc_room_get_n_connected (self->room);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Hotspot “%s” is on; the room is at %s on it. "
                                           "%u participant connected.",
                                           "Hotspot “%s” is on; the room is at %s on it. "
                                           "%u participants connected.", n_connected),
                              self->hotspot, self->address, n_connected);
    }
  gtk_label_set_text (GTK_LABEL (self->status), text);
}

/* NetworkManager stopped the hotspot (someone turned it off, the Wi-Fi
 * went away): the room's link goes back to the laptop's other address. */
static void
on_running_state (McRoomWifi *self)
{
  if (self->stopped || !mc_hotspot_get_stopped (self->running))
    return;
  self->stopped = TRUE;
  if (self->room != NULL && self->address != NULL)
    mc_room_set_join_address (self->room, NULL);
  update_status (self);
}

static void
forget_hotspot (McRoomWifi *self)
{
  if (self->running != NULL)
    g_signal_handlers_disconnect_by_data (self->running, self);
  mc_hotspot_forget (g_steal_pointer (&self->running));
  g_clear_pointer (&self->hotspot, g_free);
  g_clear_pointer (&self->address, g_free);
  self->stopped = FALSE;
}

static void
hotspot_started_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ssid = NULL;
  g_autofree char *password = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GObject) running = NULL;
  gboolean started = mc_hotspot_start_finish (result, &ssid, &password, &address, &running, &error);
  McRoomWifi *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the panel is gone */
  self = MC_ROOM_WIFI (data);
  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (self->hotspot_button, TRUE);
  if (started)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->ssid), ssid);
      gtk_editable_set_text (GTK_EDITABLE (self->password), password);
      /* Phones on the hotspot reach the laptop there: the room's link and
       * QR code use that address from now on. */
      if (self->room != NULL && address != NULL)
        mc_room_set_join_address (self->room, address);
      self->hotspot = g_steal_pointer (&ssid);
      self->address = g_steal_pointer (&address);
      self->running = g_steal_pointer (&running);
      if (self->running != NULL)
        g_signal_connect_swapped (self->running, "notify::state", G_CALLBACK (on_running_state), self);
      update_status (self);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->status), error->message);
  gtk_widget_set_visible (self->status, TRUE);
}

static void
on_hotspot_clicked (McRoomWifi *self)
{
  gtk_widget_set_sensitive (self->hotspot_button, FALSE);
  forget_hotspot (self);   /* asked anew: none known until the answer */
  gtk_label_set_text (GTK_LABEL (self->status), _("Asking NetworkManager for a hotspot…"));
  gtk_widget_set_visible (self->status, TRUE);
  self->cancellable = g_cancellable_new ();
  mc_hotspot_start_async (self->cancellable, hotspot_started_cb, self);
}

static GtkWidget *
labelled (const char *label,
          GtkWidget  *entry)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (text), entry);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), entry);
  return box;
}

static void
mc_room_wifi_dispose (GObject *object)
{
  McRoomWifi *self = MC_ROOM_WIFI (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->room);
  g_clear_object (&self->room);
  forget_hotspot (self);

  G_OBJECT_CLASS (mc_room_wifi_parent_class)->dispose (object);
}

static void
mc_room_wifi_class_init (McRoomWifiClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_room_wifi_dispose;
}

static void
mc_room_wifi_init (McRoomWifi *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *hint = gtk_label_new (_("Start a hotspot here, or in the laptop's Wi-Fi settings "
                                     "and type its name and password below: participants "
                                     "scan this code first, then the room's."));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->expander = gtk_expander_new_with_mnemonic (_("Participants' _Wi-Fi (hotspot)"));
  gtk_box_append (GTK_BOX (self), self->expander);
  gtk_expander_set_child (GTK_EXPANDER (self->expander), content);
  g_object_set (content, "margin-top", 8, NULL);

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 40);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (content), hint);

  self->hotspot_button = gtk_button_new_with_mnemonic (_("Start _Hotspot"));
  gtk_widget_set_tooltip_text (self->hotspot_button,
                               _("A Wi-Fi network from this laptop, through NetworkManager"));
  g_signal_connect_swapped (self->hotspot_button, "clicked", G_CALLBACK (on_hotspot_clicked), self);
  gtk_box_append (GTK_BOX (content), self->hotspot_button);

  self->status = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (self->status), 40);
  gtk_widget_set_visible (self->status, FALSE);
  gtk_box_append (GTK_BOX (content), self->status);

  self->ssid = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (self->ssid), 32);   /* an SSID's bytes, at most */
  g_signal_connect_swapped (self->ssid, "changed", G_CALLBACK (update), self);
  gtk_box_append (GTK_BOX (content), labelled (_("Network _name"), self->ssid));

  self->password = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (self->password), TRUE);
  g_signal_connect_swapped (self->password, "changed", G_CALLBACK (update), self);
  gtk_box_append (GTK_BOX (content), labelled (_("_Password"), self->password));

  self->qr = mc_qr_code_new ();
  gtk_widget_set_size_request (self->qr, QR_SIZE, QR_SIZE);
  gtk_widget_set_halign (self->qr, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("QR code of the Wi-Fi network"), -1);
  gtk_box_append (GTK_BOX (content), self->qr);

  self->caption = gtk_label_new (_("1. Scan to join the Wi-Fi. 2. Scan the room's code."));
  gtk_label_set_wrap (GTK_LABEL (self->caption), TRUE);
  gtk_box_append (GTK_BOX (content), self->caption);
  update (self);
}

GtkWidget *
mc_room_wifi_new (void)
{
  return g_object_new (MC_TYPE_ROOM_WIFI, NULL);
}

void
mc_room_wifi_set_expanded (McRoomWifi *self,
                           gboolean    expanded)
{
  g_return_if_fail (MC_IS_ROOM_WIFI (self));
  gtk_expander_set_expanded (GTK_EXPANDER (self->expander), expanded);
}

void
mc_room_wifi_set_room (McRoomWifi *self,
                       McRoom     *room)
{
  g_return_if_fail (MC_IS_ROOM_WIFI (self));
  g_return_if_fail (room == NULL || MC_IS_ROOM (room));
  g_clear_signal_handler (&self->changed_id, self->room);
  g_set_object (&self->room, room);
  if (room != NULL)
    self->changed_id = g_signal_connect_swapped (room, "changed", G_CALLBACK (update_status), self);
  update_status (self);
}
