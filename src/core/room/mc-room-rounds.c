/* mc-room-rounds.c — the facilitator's side of a round: the prompt,
 * private mode and reveal, lock, anonymity and voting rounds
 *
 * Held notes and votes (private mode) wait in the room; reveal puts them on
 * the board as commands, one undo step each time.
 */
#include "config.h"

#include "mc-room-private.h"
#include "mc-object-private.h"
#include "mc-command.h"
#include "mc-editing.h"

#include <glib/gi18n-lib.h>

McNote *
_mc_room_note_to_board (McRoomNote *note)
{
  McNote *board_note = mc_note_new_with_id (note->id);

  mc_note_set_text (board_note, note->text);
  mc_note_set_color (board_note, note->color);
  mc_note_set_author (board_note, note->author);
  mc_note_set_anchor (board_note, note->figure_id, note->region_id);
  mc_note_set_created (board_note, note->created);
  mc_note_set_modified (board_note, note->created);
  return board_note;
}

/* Applies the difference between what the sessions gave and what the room
 * put on the board, one undo step. */
void
_mc_room_sync_votes (McRoom *self)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(McCommand) group = mc_command_group_new (_("Room Votes"));
  GHashTableIter iter;
  McRoomSession *session;
  gpointer key, value;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  g_hash_table_iter_init (&iter, self->sessions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &session))
    {
      GHashTableIter votes;

      g_hash_table_iter_init (&votes, session->votes);
      while (g_hash_table_iter_next (&votes, &key, &value))
        {
          guint sum = GPOINTER_TO_UINT (g_hash_table_lookup (wanted, key)) + GPOINTER_TO_UINT (value);

          g_hash_table_insert (wanted, key, GUINT_TO_POINTER (sum));
        }
    }
  /* Every note either side names. */
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_hash_table_iter_init (&iter, self->votes_applied);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (wanted, key))
      g_ptr_array_add (keys, key);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *id = g_ptr_array_index (keys, i);
      int delta = (int) GPOINTER_TO_UINT (g_hash_table_lookup (wanted, id))
                  - (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->votes_applied, id));
      const char *ids[] = { id, NULL };

      if (delta == 0)
        continue;
      if (mc_board_get_note (self->board, id) != NULL)
        mc_command_group_add (group, mc_editing_vote_command (self->board, ids, delta));
    }
  /* Applied now equals wanted. */
  g_hash_table_remove_all (self->votes_applied);
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->votes_applied, g_strdup (key), value);

  if (!mc_command_group_is_empty (group))
    mc_board_execute (self->board, g_steal_pointer (&group));
}

void
_mc_room_apply_held (McRoom   *self,
                     gboolean  reveal)
{
  if (self->held->len > 0)
    {
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < self->held->len; i++)
        {
          McRoomNote *note = g_ptr_array_index (self->held, i);

          note->held = FALSE;
          if (mc_board_get_note (self->board, note->id) == NULL)
            g_ptr_array_add (notes, _mc_room_note_to_board (note));
        }
      g_ptr_array_set_size (self->held, 0);
      if (notes->len > 0)
        mc_board_execute (self->board, mc_command_add_notes (g_steal_pointer (&notes)));
    }
  if (reveal)
    _mc_room_sync_votes (self);
  _mc_room_emit_changed (self);
  _mc_room_queue_broadcast (self);
}

/* Rounds */

void
mc_room_set_prompt (McRoom            *self,
                    const McRouteStop *stop)
{
  gboolean region;

  g_return_if_fail (MC_IS_ROOM (self));

  region = stop != NULL && stop->kind == MC_ROUTE_STOP_REGION;
  _mc_set_str (&self->prompt_figure, region ? stop->figure_id : NULL);
  _mc_set_str (&self->prompt_region, region ? stop->region_id : NULL);
  _mc_set_str (&self->prompt_title, region ? stop->title : NULL);
  _mc_set_str (&self->prompt_text, region && stop->prompt != NULL ? stop->prompt : region ? "" : NULL);
  _mc_room_emit_changed (self);
  _mc_room_queue_broadcast (self);
}

void
mc_room_set_private (McRoom   *self,
                     gboolean  private_mode)
{
  g_return_if_fail (MC_IS_ROOM (self));

  private_mode = !!private_mode;
  if (self->private_mode == private_mode)
    return;
  self->private_mode = private_mode;
  _mc_room_emit_changed (self);
  _mc_room_queue_broadcast (self);
}

gboolean
mc_room_get_private (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), FALSE);
  return self->private_mode;
}

void
mc_room_reveal (McRoom *self)
{
  g_return_if_fail (MC_IS_ROOM (self));
  _mc_room_apply_held (self, TRUE);
}

guint
mc_room_get_n_held (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), 0);
  return self->held->len;
}

void
mc_room_set_locked (McRoom   *self,
                    gboolean  locked)
{
  g_return_if_fail (MC_IS_ROOM (self));

  locked = !!locked;
  if (self->locked == locked)
    return;
  self->locked = locked;
  _mc_room_emit_changed (self);
  _mc_room_queue_broadcast (self);
}

gboolean
mc_room_get_locked (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), FALSE);
  return self->locked;
}

void
mc_room_set_anonymous (McRoom   *self,
                       gboolean  anonymous)
{
  g_return_if_fail (MC_IS_ROOM (self));
  self->anonymous = !!anonymous;
  _mc_room_emit_changed (self);
}

void
mc_room_start_voting (McRoom     *self,
                      guint       votes_per_person,
                      const char *figure_id,
                      const char *region_id)
{
  GHashTableIter iter;
  McRoomSession *session;

  g_return_if_fail (MC_IS_ROOM (self));
  g_return_if_fail (votes_per_person >= 1 && votes_per_person <= MC_ROOM_MAX_VOTES);
  g_return_if_fail (region_id == NULL || figure_id != NULL);

  /* What an earlier round left held goes on the board first. */
  if (self->voting)
    _mc_room_sync_votes (self);
  g_hash_table_iter_init (&iter, self->sessions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &session))
    {
      g_hash_table_remove_all (session->votes);
      session->n_votes = 0;
    }
  g_hash_table_remove_all (self->votes_applied);
  self->voting = TRUE;
  self->vote_budget = votes_per_person;
  _mc_set_str (&self->vote_figure, figure_id);
  _mc_set_str (&self->vote_region, region_id);
  _mc_room_emit_changed (self);
  _mc_room_queue_broadcast (self);
}

void
mc_room_stop_voting (McRoom *self)
{
  g_return_if_fail (MC_IS_ROOM (self));

  if (!self->voting)
    return;
  self->voting = FALSE;
  _mc_room_emit_changed (self);
  _mc_room_queue_broadcast (self);
}

gboolean
mc_room_get_voting (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), FALSE);
  return self->voting;
}
