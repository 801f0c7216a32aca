/* mc-command-notes.c — the commands that add, remove and change notes
 *
 * See mc-command.c for how a command holds its changes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mc-board-private.h"
#include "mc-command-change-private.h"

/* What differs between two states of a note, as change flags. A change of
 * times alone is content (details views show them); next to another change
 * it adds nothing. */
McChangeFlags
_mc_command_note_diff (McNote *a,
                       McNote *b)
{
  McChangeFlags flags = MC_CHANGE_NONE;

  if (g_strcmp0 (a->text, b->text) != 0 ||
      a->color != b->color ||
      a->votes != b->votes ||
      a->conflict != b->conflict ||
      a->has_phase != b->has_phase || a->phase != b->phase ||
      g_strcmp0 (a->author, b->author) != 0)
    flags |= MC_CHANGE_CONTENT;

  if (g_strcmp0 (a->figure_id, b->figure_id) != 0 ||
      g_strcmp0 (a->region_id, b->region_id) != 0 ||
      a->reach != b->reach ||
      a->has_position != b->has_position ||
      memcmp (&a->rect, &b->rect, sizeof a->rect) != 0)
    flags |= MC_CHANGE_LAYOUT;

  if (flags == MC_CHANGE_NONE &&
      (a->created != b->created || a->modified != b->modified))
    flags |= MC_CHANGE_CONTENT;

  return flags;
}

/* The edits that count as changing a note, and so move its modified time:
 * text, colour, geometry, anchor and votes. */
static gboolean
note_edited (McNote *before,
             McNote *after)
{
  return g_strcmp0 (before->text, after->text) != 0 ||
         before->color != after->color ||
         before->votes != after->votes ||
         g_strcmp0 (before->figure_id, after->figure_id) != 0 ||
         g_strcmp0 (before->region_id, after->region_id) != 0 ||
         before->reach != after->reach ||
         before->has_position != after->has_position ||
         memcmp (&before->rect, &after->rect, sizeof before->rect) != 0;
}

McCommand *
mc_command_add_note (McNote *note)
{
  McCommand *self;

  g_return_val_if_fail (MC_IS_NOTE (note), NULL);
  g_return_val_if_fail (!note->in_board, NULL);

  self = _mc_command_new (KIND_ADD_NOTES, _("Add Note"));
  _mc_command_add_change (self, CHANGE_NOTE, NULL, note);
  return self;
}

McCommand *
mc_command_add_notes (GPtrArray *notes)
{
  g_autofree McNote **items = NULL;
  McCommand *self;
  gsize n = 0;

  g_return_val_if_fail (notes != NULL, NULL);

  /* Transfer of container and elements, whether or not the caller's array
   * frees its elements: steal them, so the array frees none. */
  items = (McNote **) g_ptr_array_steal (notes, &n);
  g_ptr_array_unref (notes);

  self = _mc_command_new (KIND_ADD_NOTES, ngettext ("Add Note", "Add Notes", n));
  for (gsize i = 0; i < n; i++)
    {
      if (!MC_IS_NOTE (items[i]) || items[i]->in_board)
        {
          g_critical ("%s: element %" G_GSIZE_FORMAT " is not a detached McNote", G_STRFUNC, i);
          if (MC_IS_NOTE (items[i]))
            g_object_unref (items[i]);
          continue;
        }
      _mc_command_add_change (self, CHANGE_NOTE, NULL, items[i]);
    }

  return self;
}

McCommand *
mc_command_remove_notes (McBoard            *board,
                         const char * const *ids)
{
  g_autoptr(GHashTable) wanted = NULL;
  GPtrArray *notes;
  McCommand *self;
  guint n = 0;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  /* Remove back to front in drawing order; unknown ids are skipped, so a
   * note already gone (merge, a second delete) is no error. */
  wanted = _mc_command_id_set (ids);

  notes = mc_board_get_notes (board);
  self = _mc_command_new (KIND_REMOVE_NOTES, NULL);
  /* Out of their clusters first, so undo brings the notes back before the
   * clusters name them again. */
  _mc_command_add_cluster_detach (self, board, wanted, NULL);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (g_hash_table_contains (wanted, note->id))
        {
          _mc_command_add_change (self, CHANGE_NOTE, mc_note_dup (note), NULL);
          n++;
        }
    }

  self->label = g_strdup (ngettext ("Delete Note", "Delete Notes", MAX (n, 1)));
  return self;
}

/* Adds an update of one note to self; returns what kind of edit it was
 * (0 when nothing changed and the update was dropped). */
static McChangeFlags
add_note_update (McCommand *self,
                 McBoard   *board,
                 McNote    *changed,
                 gint64     now)
{
  McNote *current;
  McChangeFlags flags;

  if (!MC_IS_NOTE (changed))
    {
      g_critical ("%s: expected a McNote", G_STRFUNC);
      return MC_CHANGE_NONE;
    }
  if (changed->in_board)
    {
      g_critical ("%s: expected a detached copy of note “%s”", G_STRFUNC, changed->id);
      g_object_unref (changed);
      return MC_CHANGE_NONE;
    }

  current = mc_board_get_note (board, changed->id);
  if (current == NULL)
    {
      g_critical ("%s: no note “%s” on the board", G_STRFUNC, changed->id);
      g_object_unref (changed);
      return MC_CHANGE_NONE;
    }

  /* An edit moves the modified time, unless the caller set one itself:
   * merge carries the other copy's times over and must keep them. */
  if (note_edited (current, changed) && changed->modified == current->modified)
    changed->modified = now;

  if (mc_note_equal (current, changed))
    {
      g_object_unref (changed);
      return MC_CHANGE_NONE;
    }

  flags = _mc_command_note_diff (current, changed);
  if (flags == MC_CHANGE_NONE)
    flags = MC_CHANGE_CONTENT;  /* only unknown members changed */

  _mc_command_add_change (self, CHANGE_NOTE, mc_note_dup (current), changed);
  return flags;
}

McCommand *
mc_command_update_note (McBoard *board,
                        McNote  *changed)
{
  McCommand *self;
  McChangeFlags flags;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (MC_IS_NOTE (changed), NULL);
  g_return_val_if_fail (!changed->in_board, NULL);
  g_return_val_if_fail (mc_board_get_note (board, changed->id) != NULL, NULL);

  self = _mc_command_new (KIND_UPDATE_NOTES, NULL);
  flags = add_note_update (self, board, changed, _mc_note_now ());
  self->label = g_strdup (flags == MC_CHANGE_LAYOUT ? _("Move Note") : _("Edit Note"));
  return self;
}

McCommand *
mc_command_update_notes (McBoard   *board,
                         GPtrArray *changed)
{
  g_autofree McNote **items = NULL;
  McCommand *self;
  McChangeFlags flags = MC_CHANGE_NONE;
  gint64 now = _mc_note_now ();
  gsize n = 0;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (changed != NULL, NULL);

  /* As in mc_command_add_notes: the elements are ours either way. */
  items = (McNote **) g_ptr_array_steal (changed, &n);
  g_ptr_array_unref (changed);

  self = _mc_command_new (KIND_UPDATE_NOTES, NULL);
  for (gsize i = 0; i < n; i++)
    flags |= add_note_update (self, board, items[i], now);

  if (flags == MC_CHANGE_LAYOUT)
    self->label = g_strdup (ngettext ("Move Note", "Move Notes", MAX (self->changes->len, 1)));
  else
    self->label = g_strdup (ngettext ("Edit Note", "Edit Notes", MAX (self->changes->len, 1)));
  return self;
}

McCommand *
mc_command_set_note_text (McBoard    *board,
                          const char *note_id,
                          const char *text)
{
  McCommand *self;
  McNote *current;
  McNote *after;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (note_id != NULL, NULL);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), NULL);

  current = mc_board_get_note (board, note_id);
  g_return_val_if_fail (current != NULL, NULL);

  self = _mc_command_new (KIND_SET_TEXT, _("Edit Text"));
  if (strcmp (current->text, text) == 0)
    return self;

  after = mc_note_dup (current);
  _mc_set_str (&after->text, text);
  after->modified = _mc_note_now ();
  _mc_command_add_change (self, CHANGE_NOTE, mc_note_dup (current), after);
  return self;
}

McCommand *
mc_command_raise_notes (McBoard            *board,
                        const char * const *ids)
{
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GPtrArray) raised = NULL;
  GPtrArray *notes;
  McCommand *self;
  gboolean already_in_front = TRUE;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  wanted = _mc_command_id_set (ids);

  /* The raised notes keep their order among themselves. */
  notes = mc_board_get_notes (board);
  raised = g_ptr_array_new ();
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (g_hash_table_contains (wanted, note->id))
        g_ptr_array_add (raised, note);
      else if (raised->len > 0)
        already_in_front = FALSE;
    }

  self = _mc_command_new (KIND_RAISE_NOTES, _("Bring to Front"));
  if (already_in_front)
    return self;

  for (guint i = 0; i < raised->len; i++)
    {
      McNote *note = g_ptr_array_index (raised, i);
      Change *change = _mc_command_add_change (self, CHANGE_NOTE, mc_note_dup (note), mc_note_dup (note));

      change->raise = TRUE;
    }

  return self;
}
