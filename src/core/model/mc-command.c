/* mc-command.c — the undoable edits of a board
 *
 * One mechanism for every kind of edit: a command is a list of changes,
 * each holding detached before/after snapshots of one note, one figure or
 * one board property (before NULL = added, after NULL = removed). Applying
 * installs the "after" side in order; reverting installs the "before" side
 * in reverse order. Where a note or figure sat in its list is recorded when
 * the change is applied, so undo puts it back at exactly that index.
 *
 * Here: building and freeing the change list, groups, applying, reverting
 * and merging typing runs. The commands themselves are built in
 * mc-command-notes.c and mc-command-board.c.
 */
#include "config.h"

#include <string.h>

#include "mc-board-private.h"
#include "mc-command-change-private.h"
#include "mc-command-private.h"

/* Change sets */

void
_mc_change_set_init (McChangeSet *set)
{
  set->flags = MC_CHANGE_NONE;
  set->note_ids = g_ptr_array_new_with_free_func (g_free);
  set->seen = g_hash_table_new (g_str_hash, g_str_equal);
}

void
_mc_change_set_clear (McChangeSet *set)
{
  g_clear_pointer (&set->seen, g_hash_table_unref);
  g_clear_pointer (&set->note_ids, g_ptr_array_unref);
}

void
_mc_change_set_add_note (McChangeSet *set,
                         const char  *note_id)
{
  char *copy;

  if (g_hash_table_contains (set->seen, note_id))
    return;

  copy = g_strdup (note_id);
  g_ptr_array_add (set->note_ids, copy);
  g_hash_table_add (set->seen, copy);
}

GStrv
_mc_change_set_dup_ids (McChangeSet *set)
{
  GStrv ids = g_new (char *, set->note_ids->len + 1);

  for (guint i = 0; i < set->note_ids->len; i++)
    ids[i] = g_strdup (g_ptr_array_index (set->note_ids, i));
  ids[set->note_ids->len] = NULL;

  return ids;
}

/* Construction */

static void
change_free (gpointer data)
{
  Change *change = data;

  switch (change->type)
    {
    case CHANGE_NOTE:
    case CHANGE_FIGURE:
    case CHANGE_CLUSTER:
      g_clear_object (&change->before);
      g_clear_object (&change->after);
      break;
    case CHANGE_TITLE:
    case CHANGE_META:
      g_clear_pointer (&change->before, g_free);
      g_clear_pointer (&change->after, g_free);
      break;
    case CHANGE_EXTRA:
      g_clear_pointer (&change->before, json_object_unref);
      g_clear_pointer (&change->after, json_object_unref);
      break;
    case CHANGE_LANGUAGE:
    case CHANGE_PHASE:
      break;
    case CHANGE_CHILD:
      g_clear_pointer (&change->child, mc_command_free);
      break;
    default:
      g_assert_not_reached ();
    }

  g_free (change->key);
  g_free (change);
}

McCommand *
_mc_command_new (CommandKind  kind,
                 const char  *label)
{
  McCommand *self = g_new0 (McCommand, 1);

  self->kind = kind;
  self->label = g_strdup (label);
  self->changes = g_ptr_array_new_with_free_func (change_free);
  return self;
}

Change *
_mc_command_add_change (McCommand  *self,
                        ChangeType  type,
                        gpointer    before,
                        gpointer    after)
{
  Change *change = g_new0 (Change, 1);

  change->type = type;
  change->before = before;
  change->after = after;
  g_ptr_array_add (self->changes, change);
  return change;
}

void
_mc_command_add_cluster_detach (McCommand  *self,
                                McBoard    *board,
                                GHashTable *note_ids,
                                const char *except_id)
{
  GPtrArray *clusters = mc_board_get_clusters (board);

  for (guint i = 0; i < clusters->len; i++)
    {
      McCluster *cluster = g_ptr_array_index (clusters, i);
      const char * const *ids = mc_cluster_get_note_ids (cluster);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();
      McCluster *after;

      if (g_strcmp0 (cluster->id, except_id) == 0)
        continue;
      for (guint k = 0; ids[k] != NULL; k++)
        if (!g_hash_table_contains (note_ids, ids[k]))
          g_ptr_array_add (kept, (gpointer) ids[k]);
      if (kept->len == g_strv_length ((char **) ids))
        continue;

      if (kept->len == 0)
        {
          _mc_command_add_change (self, CHANGE_CLUSTER, mc_cluster_dup (cluster), NULL);
          continue;
        }
      g_ptr_array_add (kept, NULL);
      after = mc_cluster_dup (cluster);
      mc_cluster_set_note_ids (after, (const char * const *) kept->pdata);
      _mc_command_add_change (self, CHANGE_CLUSTER, mc_cluster_dup (cluster), after);
    }
}

GHashTable *
_mc_command_id_set (const char * const *ids)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) ids[i]);
  return set;
}

void
mc_command_free (McCommand *command)
{
  if (command == NULL)
    return;

  g_ptr_array_unref (command->changes);
  g_free (command->label);
  g_free (command);
}

const char *
mc_command_get_label (McCommand *command)
{
  g_return_val_if_fail (command != NULL, NULL);
  return command->label;
}

McCommand *
mc_command_group_new (const char *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return _mc_command_new (KIND_GROUP, label);
}

void
mc_command_group_add (McCommand *group,
                      McCommand *command)
{
  Change *change;

  g_return_if_fail (group != NULL && group->kind == KIND_GROUP);
  g_return_if_fail (command != NULL && command != group);

  change = _mc_command_add_change (group, CHANGE_CHILD, NULL, NULL);
  change->child = command;
}

gboolean
mc_command_group_is_empty (McCommand *group)
{
  g_return_val_if_fail (group != NULL, TRUE);

  return _mc_command_is_empty (group);
}

/* Applying and reverting */

/* Notes, figures and clusters are changed the same way: a snapshot
 * before and after, either of them absent for an addition or a removal.
 * What differs between the three is only which board functions to call. */

typedef gpointer      (*LookupFunc)  (McBoard *board, const char *id);
typedef guint         (*InsertFunc)  (McBoard *board, gpointer object, guint index);
typedef gpointer      (*StealFunc)   (McBoard *board, const char *id, guint *index);
typedef gpointer      (*DupFunc)     (gpointer object);
typedef void          (*AssignFunc)  (gpointer dst, gpointer src);
typedef const char   *(*GetIdFunc)   (gpointer object);
typedef McChangeFlags (*DiffFunc)    (gpointer current, gpointer to);

typedef struct
{
  const char    *name;    /* for messages */
  GetIdFunc      get_id;
  LookupFunc     lookup;
  InsertFunc     insert;
  StealFunc      steal;
  DupFunc        dup;
  AssignFunc     assign;
  DiffFunc       diff;    /* NULL: any update changes flags */
  McChangeFlags  flags;   /* what adding or removing one changes */
} SnapshotType;

static const SnapshotType snapshot_types[] = {
  [CHANGE_NOTE] = {
    "note", (GetIdFunc) mc_note_get_id, (LookupFunc) mc_board_get_note,
    (InsertFunc) _mc_board_insert_note, (StealFunc) _mc_board_steal_note,
    (DupFunc) mc_note_dup, (AssignFunc) _mc_note_assign, (DiffFunc) _mc_command_note_diff,
    MC_CHANGE_LAYOUT | MC_CHANGE_CONTENT
  },
  [CHANGE_FIGURE] = {
    "figure", (GetIdFunc) mc_figure_get_id, (LookupFunc) mc_board_get_figure,
    (InsertFunc) _mc_board_insert_figure, (StealFunc) _mc_board_steal_figure,
    (DupFunc) mc_figure_dup, (AssignFunc) _mc_figure_assign, NULL,
    MC_CHANGE_FIGURES
  },
  [CHANGE_CLUSTER] = {
    "cluster", (GetIdFunc) mc_cluster_get_id, (LookupFunc) mc_board_get_cluster,
    (InsertFunc) _mc_board_insert_cluster, (StealFunc) _mc_board_steal_cluster,
    (DupFunc) mc_cluster_dup, (AssignFunc) _mc_cluster_assign, NULL,
    MC_CHANGE_CLUSTERS
  },
};

static void
apply_snapshot (Change      *change,
                McBoard     *board,
                McChangeSet *changes,
                gboolean     forward)
{
  const SnapshotType *type = &snapshot_types[change->type];
  gpointer from = forward ? change->before : change->after;
  gpointer to = forward ? change->after : change->before;
  const char *id = type->get_id (from != NULL ? from : to);

  if (from == NULL)
    {
      /* Added (or a removal undone): the object must not be there yet. */
      if (type->lookup (board, id) != NULL)
        {
          g_critical ("Cannot add %s “%s”: the board already has a %s with that id",
                      type->name, id, type->name);
          change->applied = FALSE;
          return;
        }
      change->index = type->insert (board, type->dup (to),
                                    forward ? G_MAXUINT : change->index);
      changes->flags |= type->flags;
    }
  else if (to == NULL)
    {
      g_autoptr(GObject) stolen = type->steal (board, id, &change->index);

      if (stolen == NULL)
        {
          change->applied = FALSE;
          return;
        }
      changes->flags |= type->flags;
    }
  else
    {
      gpointer current = type->lookup (board, id);

      if (current == NULL)
        {
          change->applied = FALSE;
          return;
        }
      changes->flags |= type->diff != NULL ? type->diff (current, to) : type->flags;
      type->assign (current, to);
      if (change->raise)
        {
          if (forward)
            change->index = _mc_board_move_note (board, id, G_MAXUINT);
          else
            _mc_board_move_note (board, id, change->index);
          changes->flags |= MC_CHANGE_LAYOUT;
        }
    }

  change->applied = TRUE;
  if (change->type == CHANGE_NOTE)
    _mc_change_set_add_note (changes, id);
}

static void
apply_change (Change      *change,
              McBoard     *board,
              McChangeSet *changes,
              gboolean     forward)
{
  /* Undo only what was done. */
  if (!forward && !change->applied)
    return;

  switch (change->type)
    {
    case CHANGE_NOTE:
    case CHANGE_FIGURE:
    case CHANGE_CLUSTER:
      apply_snapshot (change, board, changes, forward);
      return;
    case CHANGE_TITLE:
      _mc_board_update_title (board, forward ? change->after : change->before);
      break;
    case CHANGE_LANGUAGE:
      _mc_board_update_language (board, forward ? change->after_value : change->before_value);
      break;
    case CHANGE_PHASE:
      _mc_board_update_phase (board, forward ? change->after_value : change->before_value);
      break;
    case CHANGE_META:
      _mc_board_update_meta (board, change->key, forward ? change->after : change->before);
      break;
    case CHANGE_EXTRA:
      if (g_str_equal (change->key, "file"))
        _mc_board_set_file_extra (board, forward ? change->after : change->before);
      else
        _mc_board_set_extra (board, forward ? change->after : change->before);
      break;
    case CHANGE_CHILD:
      if (forward)
        _mc_command_apply (change->child, board, changes);
      else
        _mc_command_revert (change->child, board, changes);
      change->applied = TRUE;
      return;
    default:
      g_assert_not_reached ();
    }

  change->applied = TRUE;
  changes->flags |= MC_CHANGE_META;
}

void
_mc_command_apply (McCommand   *command,
                   McBoard     *board,
                   McChangeSet *changes)
{
  for (guint i = 0; i < command->changes->len; i++)
    apply_change (g_ptr_array_index (command->changes, i), board, changes, TRUE);
}

void
_mc_command_revert (McCommand   *command,
                    McBoard     *board,
                    McChangeSet *changes)
{
  for (guint i = command->changes->len; i > 0; i--)
    apply_change (g_ptr_array_index (command->changes, i - 1), board, changes, FALSE);
}

gboolean
_mc_command_is_empty (McCommand *command)
{
  for (guint i = 0; i < command->changes->len; i++)
    {
      Change *change = g_ptr_array_index (command->changes, i);

      if (change->type != CHANGE_CHILD || !_mc_command_is_empty (change->child))
        return FALSE;
    }

  return TRUE;
}

gboolean
_mc_command_is_text_edit (McCommand *command)
{
  return command->kind == KIND_SET_TEXT;
}

gboolean
_mc_command_merge (McCommand *top,
                   McCommand *next)
{
  Change *top_change;
  Change *next_change;

  if (top->kind != KIND_SET_TEXT || next->kind != KIND_SET_TEXT ||
      top->changes->len != 1 || next->changes->len != 1)
    return FALSE;

  top_change = g_ptr_array_index (top->changes, 0);
  next_change = g_ptr_array_index (next->changes, 0);
  if (strcmp (((McNote *) top_change->after)->id, ((McNote *) next_change->after)->id) != 0)
    return FALSE;

  /* One step from the state before the first keystroke to the last. */
  g_clear_object (&top_change->after);
  top_change->after = g_steal_pointer (&next_change->after);
  return TRUE;
}
