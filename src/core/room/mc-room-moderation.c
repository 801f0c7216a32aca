/* mc-room-moderation.c — where a participant's note goes, and the
 * moderation queue
 *
 * A new note goes to the queue while the round is moderated, else it is
 * held while the round is private, else it goes straight onto the board.
 * The facilitator approves a queued note (it then goes on as if it had
 * just arrived unmoderated) or rejects it: a rejected note stays in the
 * room, so a resend is still recognised, but never reaches the board.
 */
#include "config.h"

#include "mc-room-private.h"
#include "mc-command.h"

static void
place_unmoderated (McRoom     *self,
                   McRoomNote *note)
{
  if (self->private_mode)
    {
      note->held = TRUE;
      g_ptr_array_add (self->held, note);
      _mc_room_emit_changed (self);
    }
  else if (mc_board_get_note (self->board, note->id) == NULL)
    mc_board_execute (self->board, mc_command_add_note (_mc_room_note_to_board (note)));
}

void
_mc_room_place_note (McRoom     *self,
                     McRoomNote *note)
{
  if (!self->moderated)
    {
      place_unmoderated (self, note);
      return;
    }
  note->queued = TRUE;
  g_ptr_array_add (self->queue, note);
  _mc_room_emit_changed (self);
}

void
_mc_room_forget_note (McRoom     *self,
                      McRoomNote *note)
{
  if (note->queued)
    g_ptr_array_remove (self->queue, note);
  else if (note->held)
    g_ptr_array_remove (self->held, note);
  else
    return;
  note->queued = FALSE;
  note->held = FALSE;
  _mc_room_emit_changed (self);
}

void
mc_room_set_moderated (McRoom   *self,
                       gboolean  moderated)
{
  g_return_if_fail (MC_IS_ROOM (self));

  moderated = !!moderated;
  if (self->moderated == moderated)
    return;
  self->moderated = moderated;
  _mc_room_emit_changed (self);
  _mc_room_queue_broadcast (self);
}

gboolean
mc_room_get_moderated (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), FALSE);
  return self->moderated;
}

guint
mc_room_get_n_queued (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), 0);
  return self->queue->len;
}

GPtrArray *
mc_room_dup_queue (McRoom *self)
{
  GPtrArray *notes;

  g_return_val_if_fail (MC_IS_ROOM (self), NULL);

  notes = g_ptr_array_new_full (self->queue->len, g_object_unref);
  for (guint i = 0; i < self->queue->len; i++)
    g_ptr_array_add (notes, _mc_room_note_to_board (g_ptr_array_index (self->queue, i)));
  return notes;
}

/* Takes the note with this id out of the queue and approves or rejects
 * it; FALSE when it is not in the queue. */
static gboolean
settle (McRoom     *self,
        const char *id,
        gboolean    approve)
{
  McRoomNote *note;

  if (id == NULL)
    return FALSE;
  note = g_hash_table_lookup (self->notes, id);
  if (note == NULL || !note->queued)
    return FALSE;
  g_ptr_array_remove (self->queue, note);
  note->queued = FALSE;
  if (approve)
    place_unmoderated (self, note);
  else
    note->rejected = TRUE;
  _mc_room_emit_changed (self);
  _mc_room_queue_broadcast (self);
  return TRUE;
}

gboolean
mc_room_approve (McRoom     *self,
                 const char *id)
{
  g_return_val_if_fail (MC_IS_ROOM (self), FALSE);
  return settle (self, id, TRUE);
}

gboolean
mc_room_reject (McRoom     *self,
                const char *id)
{
  g_return_val_if_fail (MC_IS_ROOM (self), FALSE);
  return settle (self, id, FALSE);
}
