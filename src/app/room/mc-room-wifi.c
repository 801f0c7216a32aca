/* mc-room-wifi.c — the hotspot's Wi-Fi QR code in the room panel */
#include "config.h"

#include "mc-room-wifi.h"
#include "mc-hotspot.h"
#include "mc-qr-code.h"
#include "mc-room.h"

#include <glib/gi18n-lib.h>

#define QR_SIZE 240

/* What the section knows of the hotspot lives on the room, not on the
 * section: the room panel is a new one each time it opens, and the
 * hotspot it started (its name, password, the laptop's address on it,
 * whether NetworkManager stopped it) is still true when it opens again. */
#define HOTSPOT_KEY "mc-room-wifi-hotspot"

typedef struct
{
  McRoom    *room;        /* owns this */
  char      *ssid;        /* what the entries show, typed or started */
  char      *password;
  char      *hotspot;     /* the started hotspot's name, and the laptop's */
  char      *address;     /* address on it (NULL: not given yet) */
  GObject   *running;     /* follows the hotspot once it is up */
  gboolean   stopped;     /* NetworkManager stopped it since */
} Hotspot;

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
  Hotspot   *state;       /* the room's, NULL without a room */
  GObject   *watched;     /* state->running, while this follows it too */
};

G_DEFINE_FINAL_TYPE (McRoomWifi, mc_room_wifi, GTK_TYPE_BOX)

/* Stops following the hotspot and forgets it. */
static void
hotspot_forget (Hotspot *state)
{
  if (state->running != NULL)
    g_signal_handlers_disconnect_by_data (state->running, state);
  mc_hotspot_forget (g_steal_pointer (&state->running));
  g_clear_pointer (&state->hotspot, g_free);
  g_clear_pointer (&state->address, g_free);
  state->stopped = FALSE;
}

static void
hotspot_free (gpointer data)
{
  Hotspot *state = data;

  hotspot_forget (state);
  g_free (state->ssid);
  g_free (state->password);
  g_free (state);
}

/* NetworkManager stopped the hotspot (someone turned it off, the Wi-Fi
 * went away): the room's link goes back to the laptop's other address,
 * also while no panel shows it. */
static void
hotspot_on_state (Hotspot *state)
{
  if (state->stopped || !mc_hotspot_get_stopped (state->running))
    return;
  state->stopped = TRUE;
  if (state->address != NULL)
    mc_room_set_join_address (state->room, NULL);
}

static Hotspot *
hotspot_of (McRoom *room)
{
  Hotspot *state = g_object_get_data (G_OBJECT (room), HOTSPOT_KEY);

  if (state == NULL)
    {
      state = g_new0 (Hotspot, 1);
      state->room = room;
      g_object_set_data_full (G_OBJECT (room), HOTSPOT_KEY, state, hotspot_free);
    }
  return state;
}

static void
update (McRoomWifi *self)
{
  const char *ssid = gtk_editable_get_text (GTK_EDITABLE (self->ssid));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password));
  g_autofree char *text = ssid[0] != '\0' ? mc_room_dup_wifi_qr_text (ssid, password) : NULL;

  if (self->state != NULL)
    {
      g_free (self->state->ssid);
      self->state->ssid = g_strdup (ssid);
      g_free (self->state->password);
      self->state->password = g_strdup (password);
    }
  mc_qr_code_set_text (MC_QR_CODE (self->qr), text);
  gtk_widget_set_visible (self->qr, text != NULL);
  gtk_widget_set_visible (self->caption, text != NULL);
}

/* Once the hotspot is on, what is true now: its name, the room's address
 * on it and who is connected; it follows the room. */
static void
update_status (McRoomWifi *self)
{
  Hotspot *state = self->state;
  g_autofree char *text = NULL;

  if (state == NULL || state->hotspot == NULL)
    return;
  if (state->stopped)
    text = g_strdup_printf (_("Hotspot “%s” has stopped: phones on it cannot reach the room. "
                              "Start it again, or use another network."), state->hotspot);
  else if (state->address == NULL)
    text = g_strdup_printf (_("Hotspot “%s” is on, but NetworkManager has not given the laptop "
                              "an address on it yet: the room's link still uses another network."),
                            state->hotspot);
  else if (!mc_room_get_running (self->room))
    text = g_strdup_printf (_("Hotspot “%s” is on; the laptop is %s on it. The room is closed: "
                              "open it to let phones join."),
                            state->hotspot, state->address);
  else
    {
      guint n_connected = mc_room_get_n_connected (self->room);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Hotspot “%s” is on; the room is at %s on it. "
                                           "%u participant connected.",
                                           "Hotspot “%s” is on; the room is at %s on it. "
                                           "%u participants connected.", n_connected),
                              state->hotspot, state->address, n_connected);
    }
  gtk_label_set_text (GTK_LABEL (self->status), text);
  gtk_widget_set_visible (self->status, TRUE);
}

/* Follows the room's hotspot too, after the room has taken in its stop. */
static void
watch_running (McRoomWifi *self)
{
  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->watched, self);
  g_clear_object (&self->watched);
  if (self->state != NULL && self->state->running != NULL)
    {
      self->watched = g_object_ref (self->state->running);
      g_signal_connect_swapped (self->watched, "notify::state", G_CALLBACK (update_status), self);
    }
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
  Hotspot *state;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the panel is gone */
  self = MC_ROOM_WIFI (data);
  state = self->state;
  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (self->hotspot_button, TRUE);
  if (started && state != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->ssid), ssid);
      gtk_editable_set_text (GTK_EDITABLE (self->password), password);
      /* Phones on the hotspot reach the laptop there: the room's link and
       * QR code use that address from now on. */
      if (address != NULL)
        mc_room_set_join_address (self->room, address);
      state->hotspot = g_steal_pointer (&ssid);
      state->address = g_steal_pointer (&address);
      state->running = g_steal_pointer (&running);
      if (state->running != NULL)
        g_signal_connect_swapped (state->running, "notify::state", G_CALLBACK (hotspot_on_state), state);
      watch_running (self);
      update_status (self);
    }
  else if (!started)
    gtk_label_set_text (GTK_LABEL (self->status), error->message);
  gtk_widget_set_visible (self->status, TRUE);
}

static void
on_hotspot_clicked (McRoomWifi *self)
{
  gtk_widget_set_sensitive (self->hotspot_button, FALSE);
  if (self->state != NULL)
    hotspot_forget (self->state);   /* asked anew: none known until the answer */
  watch_running (self);
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
  self->state = NULL;
  watch_running (self);
  g_clear_object (&self->room);

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
  self->state = NULL;
  if (room != NULL)
    {
      Hotspot *state = hotspot_of (room);

      /* What the section showed when it was last open. */
      gtk_editable_set_text (GTK_EDITABLE (self->ssid), state->ssid != NULL ? state->ssid : "");
      gtk_editable_set_text (GTK_EDITABLE (self->password), state->password != NULL ? state->password : "");
      self->state = state;
      self->changed_id = g_signal_connect_swapped (room, "changed", G_CALLBACK (update_status), self);
    }
  watch_running (self);
  update (self);
  update_status (self);
}
