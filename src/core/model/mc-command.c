/* mc-command.c — the undoable edits of a board
 *
 * One mechanism for every kind of edit: a command is a list of changes,
 * each holding detached before/after snapshots of one note, one figure or
 * one board property (before NULL = added, after NULL = removed). Applying
 * installs the "after" side in order; reverting installs the "before" side
 * in reverse order. Where a note or figure sat in its list is recorded when
 * the change is applied, so undo puts it back at exactly that index.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mc-board-private.h"
#include "mc-command-private.h"

typedef enum
{
  KIND_GROUP,
  KIND_ADD_NOTES,
  KIND_REMOVE_NOTES,
  KIND_UPDATE_NOTES,
  KIND_SET_TEXT,
  KIND_RAISE_NOTES,
  KIND_ADD_FIGURE,
  KIND_REMOVE_FIGURE,
  KIND_UPDATE_FIGURE,
  KIND_CLUSTER,
  KIND_BOARD,
} CommandKind;

typedef enum
{
  CHANGE_NOTE,
  CHANGE_FIGURE,
  CHANGE_CLUSTER,
  CHANGE_TITLE,
  CHANGE_LANGUAGE,
  CHANGE_PHASE,
  CHANGE_META,
  CHANGE_EXTRA,   /* the board's unknown members: key "board" or "file" */
  CHANGE_CHILD,
} ChangeType;

typedef struct
{
  ChangeType  type;
  gpointer    before;       /* McNote*, McFigure*, McCluster* or char*; NULL = absent */
  gpointer    after;
  char       *key;          /* CHANGE_META, CHANGE_EXTRA */
  int         before_value; /* CHANGE_LANGUAGE, CHANGE_PHASE */
  int         after_value;
  McCommand  *child;        /* CHANGE_CHILD */
  guint       index;        /* list position, recorded when applied */
  guint       raise : 1;    /* move the note to the front */
  guint       applied : 1;  /* FALSE when the board refused it */
} Change;

struct _McCommand
{
  CommandKind  kind;
  char        *label;
  GPtrArray   *changes;     /* Change* */
};

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

static McCommand *
command_new (CommandKind  kind,
             const char  *label)
{
  McCommand *self = g_new0 (McCommand, 1);

  self->kind = kind;
  self->label = g_strdup (label);
  self->changes = g_ptr_array_new_with_free_func (change_free);
  return self;
}

static Change *
add_change (McCommand  *self,
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

/* Takes the notes in note_ids (id → anything) out of every cluster but
 * except_id: an update per cluster that keeps notes, a removal per
 * cluster left empty. */
static void
add_cluster_detach (McCommand  *self,
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
          add_change (self, CHANGE_CLUSTER, mc_cluster_dup (cluster), NULL);
          continue;
        }
      g_ptr_array_add (kept, NULL);
      after = mc_cluster_dup (cluster);
      mc_cluster_set_note_ids (after, (const char * const *) kept->pdata);
      add_change (self, CHANGE_CLUSTER, mc_cluster_dup (cluster), after);
    }
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

/* What differs between two states of a note, as change flags. A change of
 * times alone is content (details views show them); next to another change
 * it adds nothing. */
static McChangeFlags
note_diff (McNote *a,
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
         before->has_position != after->has_position ||
         memcmp (&before->rect, &after->rect, sizeof before->rect) != 0;
}

McCommand *
mc_command_add_note (McNote *note)
{
  McCommand *self;

  g_return_val_if_fail (MC_IS_NOTE (note), NULL);
  g_return_val_if_fail (!note->in_board, NULL);

  self = command_new (KIND_ADD_NOTES, _("Add Note"));
  add_change (self, CHANGE_NOTE, NULL, note);
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

  self = command_new (KIND_ADD_NOTES, ngettext ("Add Note", "Add Notes", n));
  for (gsize i = 0; i < n; i++)
    {
      if (!MC_IS_NOTE (items[i]) || items[i]->in_board)
        {
          g_critical ("%s: element %" G_GSIZE_FORMAT " is not a detached McNote", G_STRFUNC, i);
          if (MC_IS_NOTE (items[i]))
            g_object_unref (items[i]);
          continue;
        }
      add_change (self, CHANGE_NOTE, NULL, items[i]);
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
  wanted = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (wanted, (gpointer) ids[i]);

  notes = mc_board_get_notes (board);
  self = command_new (KIND_REMOVE_NOTES, NULL);
  /* Out of their clusters first, so undo brings the notes back before the
   * clusters name them again. */
  add_cluster_detach (self, board, wanted, NULL);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (g_hash_table_contains (wanted, note->id))
        {
          add_change (self, CHANGE_NOTE, mc_note_dup (note), NULL);
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

  flags = note_diff (current, changed);
  if (flags == MC_CHANGE_NONE)
    flags = MC_CHANGE_CONTENT;  /* only unknown members changed */

  add_change (self, CHANGE_NOTE, mc_note_dup (current), changed);
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

  self = command_new (KIND_UPDATE_NOTES, NULL);
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

  self = command_new (KIND_UPDATE_NOTES, NULL);
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

  self = command_new (KIND_SET_TEXT, _("Edit Text"));
  if (strcmp (current->text, text) == 0)
    return self;

  after = mc_note_dup (current);
  _mc_set_str (&after->text, text);
  after->modified = _mc_note_now ();
  add_change (self, CHANGE_NOTE, mc_note_dup (current), after);
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

  wanted = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (wanted, (gpointer) ids[i]);

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

  self = command_new (KIND_RAISE_NOTES, _("Bring to Front"));
  if (already_in_front)
    return self;

  for (guint i = 0; i < raised->len; i++)
    {
      McNote *note = g_ptr_array_index (raised, i);
      Change *change = add_change (self, CHANGE_NOTE, mc_note_dup (note), mc_note_dup (note));

      change->raise = TRUE;
    }

  return self;
}

McCommand *
mc_command_add_figure (McFigure *figure)
{
  McCommand *self;

  g_return_val_if_fail (MC_IS_FIGURE (figure), NULL);
  g_return_val_if_fail (!figure->in_board, NULL);

  self = command_new (KIND_ADD_FIGURE, _("Add Figure"));
  add_change (self, CHANGE_FIGURE, NULL, figure);
  return self;
}

McCommand *
mc_command_remove_figure (McBoard    *board,
                          const char *figure_id)
{
  g_autoptr(GHashTable) on_figure = NULL;
  McCommand *self;
  McFigure *figure;
  GPtrArray *notes;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (figure_id != NULL, NULL);

  self = command_new (KIND_REMOVE_FIGURE, _("Remove Figure"));
  figure = mc_board_get_figure (board, figure_id);
  if (figure == NULL)
    return self;

  /* Its notes go first, so undo brings the figure back before them; and
   * before them their places in clusters. */
  notes = mc_board_get_notes (board);
  on_figure = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (note->figure_id, figure_id) == 0)
        g_hash_table_add (on_figure, note->id);
    }
  add_cluster_detach (self, board, on_figure, NULL);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (note->figure_id, figure_id) == 0)
        add_change (self, CHANGE_NOTE, mc_note_dup (note), NULL);
    }
  add_change (self, CHANGE_FIGURE, mc_figure_dup (figure), NULL);

  return self;
}

McCommand *
mc_command_update_figure (McBoard  *board,
                          McFigure *changed)
{
  McCommand *self;
  McFigure *current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (MC_IS_FIGURE (changed), NULL);
  g_return_val_if_fail (!changed->in_board, NULL);

  current = mc_board_get_figure (board, changed->id);
  g_return_val_if_fail (current != NULL, NULL);

  if (current->scale != changed->scale)
    self = command_new (KIND_UPDATE_FIGURE, _("Resize Figure"));
  else
    self = command_new (KIND_UPDATE_FIGURE, _("Move Figure"));

  if (mc_figure_equal (current, changed))
    g_object_unref (changed);
  else
    add_change (self, CHANGE_FIGURE, mc_figure_dup (current), changed);

  return self;
}

static GHashTable *
cluster_note_set (McCluster *cluster)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *ids = mc_cluster_get_note_ids (cluster);

  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) ids[i]);
  return set;
}

McCommand *
mc_command_add_cluster (McBoard   *board,
                        McCluster *cluster)
{
  g_autoptr(GHashTable) members = NULL;
  McCommand *self;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (MC_IS_CLUSTER (cluster), NULL);
  g_return_val_if_fail (!cluster->in_board, NULL);

  self = command_new (KIND_CLUSTER, _("Cluster Notes"));
  members = cluster_note_set (cluster);
  add_cluster_detach (self, board, members, cluster->id);
  add_change (self, CHANGE_CLUSTER, NULL, cluster);
  return self;
}

McCommand *
mc_command_remove_cluster (McBoard    *board,
                           const char *cluster_id)
{
  McCommand *self;
  McCluster *cluster;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (cluster_id != NULL, NULL);

  /* The notes stay; only the grouping goes. */
  self = command_new (KIND_CLUSTER, _("Remove Cluster"));
  cluster = mc_board_get_cluster (board, cluster_id);
  if (cluster != NULL)
    add_change (self, CHANGE_CLUSTER, mc_cluster_dup (cluster), NULL);
  return self;
}

McCommand *
mc_command_update_cluster (McBoard   *board,
                           McCluster *changed)
{
  g_autoptr(GHashTable) members = NULL;
  McCommand *self;
  McCluster *current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (MC_IS_CLUSTER (changed), NULL);
  g_return_val_if_fail (!changed->in_board, NULL);

  current = mc_board_get_cluster (board, changed->id);
  g_return_val_if_fail (current != NULL, NULL);

  self = command_new (KIND_CLUSTER, _("Edit Cluster"));
  if (mc_cluster_equal (current, changed))
    {
      g_object_unref (changed);
      return self;
    }

  members = cluster_note_set (changed);
  add_cluster_detach (self, board, members, changed->id);
  add_change (self, CHANGE_CLUSTER, mc_cluster_dup (current), changed);
  return self;
}

McCommand *
mc_command_set_title (McBoard    *board,
                      const char *title)
{
  McCommand *self;
  const char *current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  if (title == NULL)
    title = "";
  current = mc_board_get_title (board);

  self = command_new (KIND_BOARD, _("Rename Board"));
  if (strcmp (current, title) != 0)
    add_change (self, CHANGE_TITLE, g_strdup (current), g_strdup (title));
  return self;
}

McCommand *
mc_command_set_language (McBoard    *board,
                         McLanguage  language)
{
  McCommand *self;
  McLanguage current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (language < MC_N_LANGUAGES, NULL);

  current = mc_board_get_language (board);
  self = command_new (KIND_BOARD, _("Change Language"));
  if (current != language)
    {
      Change *change = add_change (self, CHANGE_LANGUAGE, NULL, NULL);

      change->before_value = current;
      change->after_value = language;
    }
  return self;
}

McCommand *
mc_command_set_phase (McBoard *board,
                      McPhase  phase)
{
  McCommand *self;
  McPhase current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (phase <= MC_PHASE_EVALUATE, NULL);

  current = mc_board_get_phase (board);
  self = command_new (KIND_BOARD, _("Change Phase"));
  if (current != phase)
    {
      Change *change = add_change (self, CHANGE_PHASE, NULL, NULL);

      change->before_value = current;
      change->after_value = phase;
    }
  return self;
}

McCommand *
mc_command_set_meta (McBoard    *board,
                     const char *key,
                     const char *value)
{
  McCommand *self;
  const char *current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (key != NULL && key[0] != '\0', NULL);

  current = mc_board_get_meta (board, key);
  self = command_new (KIND_BOARD, _("Edit Board Details"));
  if (g_strcmp0 (current, value) != 0)
    {
      Change *change = add_change (self, CHANGE_META, g_strdup (current), g_strdup (value));

      change->key = g_strdup (key);
    }
  return self;
}

McCommand *
_mc_command_set_board_extra (McBoard    *board,
                             gboolean    file_level,
                             JsonObject *extra)
{
  McCommand *self;
  JsonObject *current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  current = file_level ? _mc_board_get_file_extra (board) : _mc_board_get_extra (board);
  self = command_new (KIND_BOARD, _("Edit Board Details"));
  if (!_mc_extra_equal (current, extra))
    {
      Change *change = add_change (self, CHANGE_EXTRA,
                                   current ? json_object_ref (current) : NULL,
                                   extra ? json_object_ref (extra) : NULL);

      change->key = g_strdup (file_level ? "file" : "board");
    }
  return self;
}

McCommand *
mc_command_group_new (const char *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return command_new (KIND_GROUP, label);
}

void
mc_command_group_add (McCommand *group,
                      McCommand *command)
{
  Change *change;

  g_return_if_fail (group != NULL && group->kind == KIND_GROUP);
  g_return_if_fail (command != NULL && command != group);

  change = add_change (group, CHANGE_CHILD, NULL, NULL);
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
    (DupFunc) mc_note_dup, (AssignFunc) _mc_note_assign, (DiffFunc) note_diff,
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
