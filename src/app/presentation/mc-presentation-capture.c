/* mc-presentation-capture.c — presentation mode: quick capture, notes typed at the wall */
#include "config.h"

#include "mc-desktop.h"
#include "mc-layout.h"
#include "mc-presentation-private.h"

/* How long the outline around a new note stays (its CSS animation). */
#define NOTE_POP_MS     600

void
_mc_presentation_end_capture (McPresentation *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->capture_entry), "");
  gtk_revealer_set_reveal_child (self->capture_revealer, FALSE);
  /* Keys go back to the window: space and arrows navigate again. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

/* Adds text to what is being typed (a click elsewhere may have taken the
 * focus away from the entry in between). */
void
_mc_presentation_begin_capture (McPresentation *self,
               const char     *text)
{
  GtkEditable *entry = GTK_EDITABLE (self->capture_entry);
  g_autofree char *joined = g_strconcat (gtk_editable_get_text (entry), text, NULL);

  /* The entry shows at once, without the slide: keys typed while the
   * revealer was still sliding in were dropped under load ("Buurt" became
   * "Burt" with xdotool), since the first key came here and the next ones
   * went to an entry that was not yet fully revealed. */
  if (!gtk_revealer_get_reveal_child (self->capture_revealer))
    {
      guint duration = gtk_revealer_get_transition_duration (self->capture_revealer);

      gtk_revealer_set_transition_duration (self->capture_revealer, 0);
      gtk_revealer_set_reveal_child (self->capture_revealer, TRUE);
      gtk_revealer_set_transition_duration (self->capture_revealer, duration);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->capture_entry));
  gtk_editable_set_text (entry, joined);
  gtk_editable_set_position (entry, -1);
}

gboolean
_mc_presentation_capture_has_focus (McPresentation *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  return gtk_revealer_get_reveal_child (self->capture_revealer)
         && focus != NULL
         && (focus == GTK_WIDGET (self->capture_entry)
             || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->capture_entry)));
}

gboolean
mc_presentation_get_capturing (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), FALSE);

  return gtk_revealer_get_reveal_child (self->capture_revealer);
}

GtkEditable *
mc_presentation_get_capture_entry (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return GTK_EDITABLE (self->capture_entry);
}

static gboolean
remove_pop (gpointer data)
{
  GtkWidget *pop = data;
  GtkWidget *parent = gtk_widget_get_parent (pop);

  if (GTK_IS_OVERLAY (parent))
    gtk_overlay_remove_overlay (GTK_OVERLAY (parent), pop);

  return G_SOURCE_REMOVE;
}

/* A short outline that pops around a new note, so the room sees where it
 * landed; none with reduced motion. */
static void
pop_note (McPresentation *self,
          const char     *note_id)
{
  GtkWidget *pop;
  McRect rect;
  double x, y, zoom = mc_canvas_get_zoom (self->canvas);

  if (!mc_desktop_get_animations (GTK_WIDGET (self->canvas)))
    return;   /* reduced motion: no pops */
  mc_canvas_get_scene (self->canvas);
  if (!mc_layout_get_note_rect (mc_canvas_get_layout (self->canvas), note_id, &rect))
    return;

  mc_canvas_board_to_widget (self->canvas, rect.x, rect.y, &x, &y);
  if (x + rect.width * zoom < 0 || y + rect.height * zoom < 0
      || x > gtk_widget_get_width (GTK_WIDGET (self->canvas))
      || y > gtk_widget_get_height (GTK_WIDGET (self->canvas)))
    return;

  pop = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (pop, "note-pop");
  gtk_widget_set_can_target (pop, FALSE);
  gtk_widget_set_halign (pop, GTK_ALIGN_START);
  gtk_widget_set_valign (pop, GTK_ALIGN_START);
  gtk_widget_set_margin_start (pop, (int) MAX (x, 0));
  gtk_widget_set_margin_top (pop, (int) MAX (y, 0));
  gtk_widget_set_size_request (pop, (int) (rect.width * zoom), (int) (rect.height * zoom));
  gtk_overlay_add_overlay (self->overlay, pop);

  g_timeout_add_full (G_PRIORITY_DEFAULT, NOTE_POP_MS, remove_pop,
                      g_object_ref (pop), g_object_unref);
}

char *
mc_presentation_capture_note (McPresentation *self,
                              const char     *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *author = NULL;
  char *note_id = NULL;
  McCommand *command;

  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0' || !_mc_presentation_can_capture (self))
    return NULL;

  author = g_settings_get_string (self->settings, "author-name");
  /* The route places the note among the notes the layout last placed. */
  mc_canvas_get_scene (self->canvas);
  command = mc_route_capture_note_command (self->route, mc_canvas_get_layout (self->canvas),
                                           stripped, *author != '\0' ? author : NULL,
                                           &note_id);
  if (command == NULL)
    return NULL;

  self->capturing = TRUE;
  mc_board_execute (self->board, command);
  self->capturing = FALSE;
  /* The stop takes in the new note (it may have gone over the region's
   * edge), then the room sees where it landed. */
  _mc_presentation_frame_stop (self, TRUE);
  pop_note (self, note_id);

  return note_id;
}

/* At most this many pops for notes that arrive together (a burst from
 * the room's phones): the wall stays calm. */
#define MAX_ARRIVED_POPS 5

static gboolean
pop_arrived (gpointer data)
{
  McPresentation *self = data;

  self->arrived_id = 0;
  for (guint i = 0; i < self->arrived->len && i < MAX_ARRIVED_POPS; i++)
    pop_note (self, self->arrived->pdata[i]);
  g_ptr_array_set_size (self->arrived, 0);
  return G_SOURCE_REMOVE;
}

static void
on_board_changed (McBoard        *board,
                  McChangeFlags   flags,
                  GStrv           note_ids,
                  McPresentation *self)
{
  for (guint i = 0; note_ids != NULL && note_ids[i] != NULL; i++)
    {
      if (mc_board_get_note (board, note_ids[i]) == NULL)
        {
          g_hash_table_remove (self->known_notes, note_ids[i]);
          continue;
        }
      if (!g_hash_table_add (self->known_notes, g_strdup (note_ids[i])) || self->capturing)
        continue;
      /* After the wall's canvas has laid the note out. */
      g_ptr_array_add (self->arrived, g_strdup (note_ids[i]));
      if (self->arrived_id == 0)
        self->arrived_id = g_idle_add (pop_arrived, self);
    }
}

void
_mc_presentation_watch_notes (McPresentation *self)
{
  GPtrArray *notes = mc_board_get_notes (self->board);

  self->known_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->arrived = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < notes->len; i++)
    g_hash_table_add (self->known_notes, g_strdup (mc_note_get_id (notes->pdata[i])));
  self->board_changed_id = g_signal_connect (self->board, "changed", G_CALLBACK (on_board_changed), self);
}

void
_mc_presentation_unwatch_notes (McPresentation *self)
{
  if (self->board != NULL)
    g_clear_signal_handler (&self->board_changed_id, self->board);
  g_clear_handle_id (&self->arrived_id, g_source_remove);
  g_clear_pointer (&self->known_notes, g_hash_table_unref);
  g_clear_pointer (&self->arrived, g_ptr_array_unref);
}

static void
commit_capture (McPresentation *self)
{
  g_autofree char *note_id = NULL;

  note_id = mc_presentation_capture_note (self, gtk_editable_get_text (GTK_EDITABLE (self->capture_entry)));
  if (note_id != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->capture_entry), "");
}

static void
on_capture_activate (GtkEntry       *entry,
                     McPresentation *self)
{
  commit_capture (self);
}

void
_mc_presentation_finish_capture (McPresentation *self)
{
  if (!mc_presentation_get_capturing (self))
    return;

  /* A clicker press while typing keeps what was typed. */
  commit_capture (self);
  _mc_presentation_end_capture (self);
}


void
_mc_presentation_init_capture (McPresentation *self)
{
  g_signal_connect (self->capture_entry, "activate", G_CALLBACK (on_capture_activate), self);
}
