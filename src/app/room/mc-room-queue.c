/* mc-room-queue.c — the room's moderation queue in the room panel
 *
 * Shows the oldest few waiting notes (text and author), each with Approve
 * and Reject, and how many more wait; hidden while nothing waits.
 */
#include "config.h"

#include "mc-room-queue.h"

#include <glib/gi18n-lib.h>

#define MAX_SHOWN 5   /* rows; the rest wait their turn */

struct _McRoomQueue
{
  GtkBox     parent_instance;

  McRoom    *room;
  gulong     changed_id;

  GtkWidget *title;
  GtkWidget *rows;
  GtkWidget *more;
};

G_DEFINE_FINAL_TYPE (McRoomQueue, mc_room_queue, GTK_TYPE_BOX)

static void
on_approve_clicked (GtkButton   *button,
                    McRoomQueue *self)
{
  mc_room_approve (self->room, g_object_get_data (G_OBJECT (button), "mc-note-id"));
}

static void
on_reject_clicked (GtkButton   *button,
                   McRoomQueue *self)
{
  mc_room_reject (self->room, g_object_get_data (G_OBJECT (button), "mc-note-id"));
}

static GtkWidget *
note_button (McRoomQueue *self,
             McNote      *note,
             const char  *label,
             GCallback    callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  g_object_set_data_full (G_OBJECT (button), "mc-note-id",
                          g_strdup (mc_note_get_id (note)), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
note_row (McRoomQueue *self,
          McNote      *note)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text = gtk_label_new (mc_note_get_text (note));
  GtkWidget *author = gtk_label_new (mc_note_get_author (note));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *approve = note_button (self, note, _("Approve"), G_CALLBACK (on_approve_clicked));
  GtkWidget *reject = note_button (self, note, _("Reject"), G_CALLBACK (on_reject_clicked));

  gtk_widget_add_css_class (row, "card");
  g_object_set (row, "margin-bottom", 6, NULL);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  g_object_set (text, "margin-top", 8, "margin-start", 10, "margin-end", 10, NULL);
  gtk_label_set_xalign (GTK_LABEL (author), 0);
  gtk_widget_add_css_class (author, "dim-label");
  gtk_widget_add_css_class (author, "caption");
  g_object_set (author, "margin-start", 10, "margin-end", 10, NULL);
  gtk_widget_add_css_class (approve, "suggested-action");
  gtk_widget_set_hexpand (approve, TRUE);
  gtk_widget_set_hexpand (reject, TRUE);
  g_object_set (buttons, "margin-start", 10, "margin-end", 10, "margin-bottom", 8, NULL);
  gtk_box_append (GTK_BOX (buttons), approve);
  gtk_box_append (GTK_BOX (buttons), reject);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), author);
  gtk_box_append (GTK_BOX (row), buttons);
  return row;
}

static void
update (McRoomQueue *self)
{
  g_autoptr(GPtrArray) queue = mc_room_dup_queue (self->room);
  g_autofree char *title = NULL;
  g_autofree char *more = NULL;
  GtkWidget *child;

  gtk_widget_set_visible (GTK_WIDGET (self), queue->len > 0);
  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);
  if (queue->len == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Note Waits for Approval",
                                        "%u Notes Wait for Approval", queue->len),
                           queue->len);
  gtk_label_set_text (GTK_LABEL (self->title), title);
  for (guint i = 0; i < queue->len && i < MAX_SHOWN; i++)
    gtk_box_append (GTK_BOX (self->rows), note_row (self, g_ptr_array_index (queue, i)));
  if (queue->len > MAX_SHOWN)
    more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more after these",
                                         "%u more after these", queue->len - MAX_SHOWN),
                            queue->len - MAX_SHOWN);
  gtk_label_set_text (GTK_LABEL (self->more), more != NULL ? more : "");
  gtk_widget_set_visible (self->more, more != NULL);
}

static void
mc_room_queue_dispose (GObject *object)
{
  McRoomQueue *self = MC_ROOM_QUEUE (object);

  g_clear_signal_handler (&self->changed_id, self->room);
  g_clear_object (&self->room);

  G_OBJECT_CLASS (mc_room_queue_parent_class)->dispose (object);
}

static void
mc_room_queue_class_init (McRoomQueueClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_room_queue_dispose;
}

static void
mc_room_queue_init (McRoomQueue *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_box_append (GTK_BOX (self), self->title);

  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self), self->rows);

  self->more = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->more, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->more), 0);
  gtk_box_append (GTK_BOX (self), self->more);
}

GtkWidget *
mc_room_queue_new (McRoom *room)
{
  McRoomQueue *self;

  g_return_val_if_fail (MC_IS_ROOM (room), NULL);

  self = g_object_new (MC_TYPE_ROOM_QUEUE, NULL);
  self->room = g_object_ref (room);
  self->changed_id = g_signal_connect_swapped (room, "changed", G_CALLBACK (update), self);
  update (self);
  return GTK_WIDGET (self);
}
