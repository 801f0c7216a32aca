/* mc-room-panel.c — the facilitator's controls of the room */
#include "config.h"

#include "mc-room-panel.h"
#include "mc-qr-code.h"
#include "mc-room-queue.h"
#include "mc-room-wall.h"
#include "mc-room-wifi.h"
#include "mc-app-base.h"

#include <glib/gi18n-lib.h>

#define QR_SIZE 320   /* pixels: a phone reads it from a projector across a room */
#define MAX_HEIGHT 640   /* taller content scrolls (a 768-pixel screen) */

struct _McRoomPanel
{
  GtkBox     parent_instance;

  McRoom    *room;
  gulong     changed_id;

  GtkWidget *qr;
  GtkWidget *url;
  GtkWidget *code;
  GtkWidget *participants;
  GtkWidget *network;
  GtkWidget *open_button;
  GtkWidget *rotate_button;
  GtkWidget *wall_button;
  GtkWidget *private_switch;
  GtkWidget *reveal_button;
  GtkWidget *lock_switch;
  GtkWidget *moderate_switch;
  GtkWidget *wifi;
  GtkWidget *scrolled;
  GtkWidget *queue;
  GtkWidget *waiting;         /* "3 notes wait for approval", above the scrolled part */
  GtkWidget *waiting_label;
  gboolean   had_address;
};

G_DEFINE_FINAL_TYPE (McRoomPanel, mc_room_panel, GTK_TYPE_BOX)

static void
on_private_active (McRoomPanel *self)
{
  mc_room_set_private (self->room, gtk_switch_get_active (GTK_SWITCH (self->private_switch)));
}

static void
on_lock_active (McRoomPanel *self)
{
  mc_room_set_locked (self->room, gtk_switch_get_active (GTK_SWITCH (self->lock_switch)));
}

static void
on_moderate_active (McRoomPanel *self)
{
  mc_room_set_moderated (self->room, gtk_switch_get_active (GTK_SWITCH (self->moderate_switch)));
}

/* Waiting notes are below the fold at 420 × 640: their count stays at the
 * top, whatever is scrolled. */
static void
update_waiting (McRoomPanel *self)
{
  guint n_queued = mc_room_get_n_queued (self->room);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u note waits for approval",
                                                        "%u notes wait for approval", n_queued),
                                           n_queued);

  gtk_label_set_text (GTK_LABEL (self->waiting_label), text);
  gtk_widget_set_visible (self->waiting, n_queued > 0);
}

/* Scrolls the queue to the top of the view and puts the focus on its first
 * Approve, so the keyboard is where the eyes are. */
static void
on_show_waiting_clicked (McRoomPanel *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scrolled));
  graphene_rect_t bounds;

  if (self->queue == NULL || !gtk_widget_compute_bounds (self->queue, content, &bounds))
    return;
  gtk_widget_child_focus (self->queue, GTK_DIR_TAB_FORWARD);
  gtk_adjustment_set_value (adjustment, bounds.origin.y);
}

static void
update (McRoomPanel *self)
{
  gboolean running = mc_room_get_running (self->room);
  g_autofree char *url = mc_room_dup_join_url (self->room, NULL);
  g_auto(GStrv) addresses = mc_room_dup_lan_addresses (self->room);
  g_autofree char *count = NULL;
  g_autofree char *held = NULL;
  guint n_held = mc_room_get_n_held (self->room);

  mc_qr_code_set_text (MC_QR_CODE (self->qr), url);
  gtk_widget_set_visible (self->qr, running);
  gtk_label_set_text (GTK_LABEL (self->url), running ? url : _("The room is closed."));
  gtk_label_set_text (GTK_LABEL (self->code), running ? mc_room_get_code (self->room) : "");
  gtk_widget_set_visible (self->code, running);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant, %u connected",
                                        "%u participants, %u connected",
                                        mc_room_get_n_participants (self->room)),
                           mc_room_get_n_participants (self->room),
                           mc_room_get_n_connected (self->room));
  gtk_label_set_text (GTK_LABEL (self->participants), count);

  /* No address: the hotspot is the way out, so its section opens (once,
   * not against the facilitator closing it). */
  if (addresses[0] == NULL && self->had_address)
    mc_room_wifi_set_expanded (MC_ROOM_WIFI (self->wifi), TRUE);
  self->had_address = addresses[0] != NULL;
  gtk_label_set_text (GTK_LABEL (self->network),
                      addresses[0] == NULL
                      ? _("This laptop has no network address: phones cannot reach it. "
                          "Connect to a network, or start a hotspot on the laptop and let "
                          "participants join that first.")
                      : _("Phones that cannot open the link are probably on a network that "
                          "keeps devices apart (guest Wi-Fi, eduroam): start a hotspot on the "
                          "laptop and let participants join that first."));

  gtk_button_set_label (GTK_BUTTON (self->open_button),
                        running ? _("_Close the Room") : _("_Open the Room"));
  gtk_widget_set_sensitive (self->rotate_button, running);
  gtk_widget_set_sensitive (self->wall_button, running);

  g_signal_handlers_block_by_func (self->private_switch, on_private_active, self);
  g_signal_handlers_block_by_func (self->lock_switch, on_lock_active, self);
  g_signal_handlers_block_by_func (self->moderate_switch, on_moderate_active, self);
  gtk_switch_set_active (GTK_SWITCH (self->private_switch), mc_room_get_private (self->room));
  gtk_switch_set_active (GTK_SWITCH (self->lock_switch), mc_room_get_locked (self->room));
  gtk_switch_set_active (GTK_SWITCH (self->moderate_switch), mc_room_get_moderated (self->room));
  g_signal_handlers_unblock_by_func (self->private_switch, on_private_active, self);
  g_signal_handlers_unblock_by_func (self->lock_switch, on_lock_active, self);
  g_signal_handlers_unblock_by_func (self->moderate_switch, on_moderate_active, self);

  update_waiting (self);
  held = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Reveal %u Note", "_Reveal %u Notes", n_held),
                          n_held);
  gtk_button_set_label (GTK_BUTTON (self->reveal_button), held);
  gtk_widget_set_sensitive (self->reveal_button, n_held > 0);
}

static void
on_open_clicked (McRoomPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (mc_room_get_running (self->room))
    mc_room_stop (self->room);
  else if (!mc_room_start (self->room, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the room: %s"), error->message);

      mc_app_show_toast (GTK_WIDGET (self), message);
    }
}

static void
on_rotate_clicked (McRoomPanel *self)
{
  mc_room_rotate_token (self->room);
}

static void
on_wall_clicked (McRoomPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  mc_room_wall_show (MC_ROOM_WALL (mc_room_wall_new (self->room)),
                     GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
on_reveal_clicked (McRoomPanel *self)
{
  mc_room_reveal (self->room);
}

static GtkWidget *
switch_row (McRoomPanel *self,
            const char  *label,
            GtkWidget  **out_switch,
            GCallback    callback)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_label_new_with_mnemonic (label);
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (text), toggle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), toggle);
  g_signal_connect_swapped (toggle, "notify::active", callback, self);
  *out_switch = toggle;
  return row;
}

static void
mc_room_panel_dispose (GObject *object)
{
  McRoomPanel *self = MC_ROOM_PANEL (object);

  g_clear_signal_handler (&self->changed_id, self->room);
  g_clear_object (&self->room);

  G_OBJECT_CLASS (mc_room_panel_parent_class)->dispose (object);
}

static void
mc_room_panel_class_init (McRoomPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_room_panel_dispose;
}

static void
mc_room_panel_init (McRoomPanel *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  GtkWidget *title = gtk_label_new (_("Room"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *show_waiting = gtk_button_new_with_mnemonic (_("_Show"));

  /* Scrolls: on a 768-pixel screen the queue would push the window off it. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "room-panel");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), MAX_HEIGHT);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (box));
  self->scrolled = scrolled;

  self->waiting = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->waiting, "card");
  g_object_set (self->waiting, "margin-top", 12, "margin-start", 12, "margin-end", 12, NULL);
  self->waiting_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->waiting_label, "heading");
  gtk_label_set_wrap (GTK_LABEL (self->waiting_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->waiting_label), 0);
  gtk_widget_set_hexpand (self->waiting_label, TRUE);
  g_object_set (self->waiting_label, "margin-start", 12, "margin-top", 10, "margin-bottom", 10, NULL);
  gtk_widget_set_tooltip_text (show_waiting, _("Scroll to the notes that wait"));
  gtk_widget_add_css_class (show_waiting, "suggested-action");
  gtk_widget_set_valign (show_waiting, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (show_waiting, 10);
  g_signal_connect_swapped (show_waiting, "clicked", G_CALLBACK (on_show_waiting_clicked), self);
  gtk_box_append (GTK_BOX (self->waiting), self->waiting_label);
  gtk_box_append (GTK_BOX (self->waiting), show_waiting);
  gtk_widget_set_visible (self->waiting, FALSE);
  gtk_box_append (GTK_BOX (self), self->waiting);
  gtk_box_append (GTK_BOX (self), scrolled);
  g_object_set (box, "margin-top", 18, "margin-bottom", 18,
                "margin-start", 18, "margin-end", 18, NULL);

  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (box, title);

  self->qr = mc_qr_code_new ();
  gtk_widget_set_size_request (self->qr, QR_SIZE, QR_SIZE);
  gtk_widget_set_halign (self->qr, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("QR code of the room's link"), -1);
  gtk_box_append (box, self->qr);

  self->url = gtk_label_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (self->url), TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->url), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->url), PANGO_WRAP_CHAR);
  gtk_widget_add_css_class (self->url, "monospace");
  gtk_box_append (box, self->url);

  self->code = gtk_label_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (self->code), TRUE);
  gtk_widget_add_css_class (self->code, "title-1");
  gtk_widget_set_tooltip_text (self->code, _("Room code, for typing the address by hand"));
  gtk_box_append (box, self->code);

  self->participants = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->participants, "dim-label");
  gtk_box_append (box, self->participants);

  self->open_button = gtk_button_new_with_mnemonic (_("_Open the Room"));
  gtk_widget_add_css_class (self->open_button, "suggested-action");
  gtk_widget_set_hexpand (self->open_button, TRUE);
  g_signal_connect_swapped (self->open_button, "clicked", G_CALLBACK (on_open_clicked), self);
  self->rotate_button = gtk_button_new_with_mnemonic (_("_New Link"));
  gtk_widget_set_tooltip_text (self->rotate_button, _("Make a new link and code; the old ones stop working"));
  g_signal_connect_swapped (self->rotate_button, "clicked", G_CALLBACK (on_rotate_clicked), self);
  gtk_box_append (GTK_BOX (buttons), self->open_button);
  gtk_box_append (GTK_BOX (buttons), self->rotate_button);
  gtk_box_append (box, buttons);

  self->wall_button = gtk_button_new_with_mnemonic (_("Show QR on the _Wall"));
  gtk_widget_set_tooltip_text (self->wall_button, _("The QR code full screen, for the projector; Esc closes it"));
  g_signal_connect_swapped (self->wall_button, "clicked", G_CALLBACK (on_wall_clicked), self);
  gtk_box_append (box, self->wall_button);

  gtk_box_append (box, switch_row (self, _("_Private (notes hidden until revealed)"),
                                   &self->private_switch, G_CALLBACK (on_private_active)));
  self->reveal_button = gtk_button_new_with_mnemonic ("");
  g_signal_connect_swapped (self->reveal_button, "clicked", G_CALLBACK (on_reveal_clicked), self);
  gtk_box_append (box, self->reveal_button);
  gtk_box_append (box, switch_row (self, _("_Lock (no new notes)"),
                                   &self->lock_switch, G_CALLBACK (on_lock_active)));
  gtk_box_append (box, switch_row (self, _("_Moderate (approve notes before they reach the board)"),
                                   &self->moderate_switch, G_CALLBACK (on_moderate_active)));

  self->network = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->network), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->network), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (self->network), 40);
  gtk_widget_add_css_class (self->network, "dim-label");
  gtk_box_append (box, self->network);

  self->wifi = mc_room_wifi_new ();
  self->had_address = TRUE;
  gtk_box_append (box, self->wifi);
}

GtkWidget *
mc_room_panel_new (McRoom *room)
{
  McRoomPanel *self;

  g_return_val_if_fail (MC_IS_ROOM (room), NULL);

  self = g_object_new (MC_TYPE_ROOM_PANEL, NULL);
  self->room = g_object_ref (room);
  mc_room_wifi_set_room (MC_ROOM_WIFI (self->wifi), room);
  self->changed_id = g_signal_connect_swapped (room, "changed", G_CALLBACK (update), self);
  update (self);
  /* Before the network hint: waiting notes are what needs the facilitator. */
  self->queue = mc_room_queue_new (room);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (gtk_widget_get_parent (self->moderate_switch))),
                              self->queue, gtk_widget_get_parent (self->moderate_switch));
  return GTK_WIDGET (self);
}

McRoom *
mc_room_panel_get_room (McRoomPanel *self)
{
  g_return_val_if_fail (MC_IS_ROOM_PANEL (self), NULL);
  return self->room;
}
