/* mc-merge.c — merging two copies of a board: the orchestration
 *
 * The merge works on detached copies: mc-merge-notes.c decides, for every
 * note id on either side, the merged version (or that the note goes);
 * mc-merge-structure.c does the same for figures, clusters and the board's
 * properties. This file turns the difference between ours and that result
 * into one command group and keeps the summary.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mc-merge-private.h"
#include "mc-board-io.h"
#include "mc-command-private.h"
#include "mc-limits.h"

G_DEFINE_QUARK (mc-merge-error-quark, mc_merge_error)

gint
_mc_merge_compare_strings (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
_mc_merge_truncate_utf8 (const char *text,
                         gsize       max_bytes)
{
  const char *end;

  if (text == NULL || strlen (text) <= max_bytes)
    return NULL;
  end = g_utf8_find_prev_char (text, text + max_bytes + 1);
  return g_strndup (text, end != NULL ? (gsize) (end - text) : 0);
}

GPtrArray *
_mc_merge_sequences (GPtrArray      *x,
                     GPtrArray      *y,
                     McMergeKeyFunc  compare,
                     gpointer        data)
{
  g_autoptr(GHashTable) in_x = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) in_y = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) emitted = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *order = g_ptr_array_sized_new (MAX (x->len, y->len));
  guint i = 0, j = 0;

  for (guint k = 0; k < x->len; k++)
    g_hash_table_add (in_x, g_ptr_array_index (x, k));
  for (guint k = 0; k < y->len; k++)
    g_hash_table_add (in_y, g_ptr_array_index (y, k));

  for (;;)
    {
      const char *hx, *hy, *pick;

      while (i < x->len && g_hash_table_contains (emitted, g_ptr_array_index (x, i)))
        i++;
      while (j < y->len && g_hash_table_contains (emitted, g_ptr_array_index (y, j)))
        j++;
      if (i == x->len && j == y->len)
        break;

      hx = i < x->len ? g_ptr_array_index (x, i) : NULL;
      hy = j < y->len ? g_ptr_array_index (y, j) : NULL;
      if (hx == NULL)
        pick = hy;
      else if (hy == NULL || strcmp (hx, hy) == 0)
        pick = hx;
      else
        {
          gboolean x_shared = g_hash_table_contains (in_y, hx);
          gboolean y_shared = g_hash_table_contains (in_x, hy);

          if (x_shared != y_shared)
            pick = x_shared ? hy : hx;
          else
            pick = compare (hx, hy, data) <= 0 ? hx : hy;
        }
      g_hash_table_add (emitted, (gpointer) pick);
      g_ptr_array_add (order, (gpointer) pick);
    }
  return order;
}

static int
compare_names (const char *a,
               const char *b,
               gpointer    data)
{
  return strcmp (a, b);
}

static GPtrArray *
member_names (JsonObject *object)
{
  GPtrArray *names = g_ptr_array_new ();
  JsonObjectIter iter;
  const char *name;

  if (object == NULL)
    return names;
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    g_ptr_array_add (names, (gpointer) name);
  return names;
}

static gboolean
member_equal (JsonNode *a,
              JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static char *
member_text (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : NULL;
}

JsonObject *
_mc_merge_extra (JsonObject *o,
                 JsonObject *t,
                 JsonObject *b,
                 gboolean    three_way)
{
  g_autoptr(GPtrArray) names_o = member_names (o);
  g_autoptr(GPtrArray) names_t = member_names (t);
  g_autoptr(GPtrArray) names = _mc_merge_sequences (names_o, names_t, compare_names, NULL);
  JsonObject *merged = json_object_new ();

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      JsonNode *no = o != NULL ? json_object_get_member (o, name) : NULL;
      JsonNode *nt = t != NULL ? json_object_get_member (t, name) : NULL;
      JsonNode *nb = three_way && b != NULL ? json_object_get_member (b, name) : NULL;
      JsonNode *take;

      if (member_equal (no, nt) || (three_way && member_equal (nt, nb)))
        take = no;
      else if (three_way && member_equal (no, nb))
        take = nt;
      else
        {
          g_autofree char *text_o = member_text (no);
          g_autofree char *text_t = member_text (nt);

          take = g_strcmp0 (text_o, text_t) >= 0 ? no : nt;
        }
      if (take != NULL)
        json_object_set_member (merged, name, json_node_copy (take));
    }

  if (json_object_get_size (merged) == 0)
    g_clear_pointer (&merged, json_object_unref);
  return merged;
}

static int
compare_note_keys (const char *a,
                   const char *b,
                   gpointer    data)
{
  GHashTable *merged = data;
  McNote *na = g_hash_table_lookup (merged, a);
  McNote *nb = g_hash_table_lookup (merged, b);

  if (mc_note_get_created (na) != mc_note_get_created (nb))
    return mc_note_get_created (na) < mc_note_get_created (nb) ? -1 : 1;
  return strcmp (a, b);
}

static GPtrArray *
merged_ids_in_order (McMergeState *state,
                     McBoard      *board)
{
  GPtrArray *notes = mc_board_get_notes (board);
  GPtrArray *ids = g_ptr_array_sized_new (notes->len);

  for (guint i = 0; i < notes->len; i++)
    {
      const char *id = mc_note_get_id (g_ptr_array_index (notes, i));

      if (g_hash_table_contains (state->merged, id))
        g_ptr_array_add (ids, (gpointer) id);
    }
  return ids;
}

/* The stacking order of the merged notes, the same whichever copy is
 * ours: the two copies' orders merged, each new conflict copy right above
 * its original. */
static GPtrArray *
merged_note_order (McMergeState *state)
{
  g_autoptr(GPtrArray) x = merged_ids_in_order (state, state->ours);
  g_autoptr(GPtrArray) y = merged_ids_in_order (state, state->theirs);
  g_autoptr(GPtrArray) sequence = _mc_merge_sequences (x, y, compare_note_keys, state->merged);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) copies = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                        NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autofree gpointer *rest = NULL;
  GPtrArray *order = g_ptr_array_sized_new (g_hash_table_size (state->merged));
  GHashTableIter iter;
  gpointer key, value;
  guint n_rest = 0;

  for (guint i = 0; i < sequence->len; i++)
    g_hash_table_add (placed, g_ptr_array_index (sequence, i));

  /* Copies this merge made (neither side has them yet), by original. */
  g_hash_table_iter_init (&iter, state->copy_of);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list;

      if (g_hash_table_contains (placed, key) || !g_hash_table_contains (state->merged, key))
        continue;
      list = g_hash_table_lookup (copies, value);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (copies, value, list);
        }
      g_ptr_array_add (list, key);
    }

  for (guint i = 0; i < sequence->len; i++)
    {
      const char *id = g_ptr_array_index (sequence, i);
      GPtrArray *list = g_hash_table_lookup (copies, id);

      g_ptr_array_add (order, (gpointer) id);
      if (list == NULL)
        continue;
      g_qsort_with_data (list->pdata, list->len, sizeof (gpointer),
                         _mc_merge_compare_strings, NULL);
      for (guint k = 0; k < list->len; k++)
        {
          g_ptr_array_add (order, g_ptr_array_index (list, k));
          g_hash_table_add (placed, g_ptr_array_index (list, k));
        }
    }

  /* Anything else (nothing, today) last, by id. */
  rest = g_hash_table_get_keys_as_array (state->merged, &n_rest);
  g_qsort_with_data (rest, n_rest, sizeof (gpointer), _mc_merge_compare_strings, NULL);
  for (guint i = 0; i < n_rest; i++)
    if (!g_hash_table_contains (placed, rest[i]))
      g_ptr_array_add (order, rest[i]);

  return order;
}

static gboolean
note_on_figures (McBoard    *board,
                 const char *note_id,
                 GHashTable *figure_ids)
{
  const char *figure_id = mc_note_get_figure_id (mc_board_get_note (board, note_id));

  return figure_id != NULL && g_hash_table_contains (figure_ids, figure_id);
}

static void
build_commands (McMergeState *state,
                McCommand    *group)
{
  McBoard *ours = state->ours;
  GPtrArray *ours_notes = mc_board_get_notes (ours);
  g_autoptr(GHashTable) removed_figures = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) moved_figures = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) remove_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) move_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) updates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) additions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) order = merged_note_order (state);
  g_autoptr(GPtrArray) kept = merged_ids_in_order (state, ours);
  guint prefix = 0;

  _mc_merge_remove_figures (state, group, removed_figures);

  for (guint i = 0; i < ours_notes->len; i++)
    {
      McNote *o = g_ptr_array_index (ours_notes, i);
      McNote *merged = g_hash_table_lookup (state->merged, mc_note_get_id (o));

      if (merged == NULL)
        {
          const char *figure_id = mc_note_get_figure_id (o);

          state->result->n_removed++;
          if (figure_id == NULL || !g_hash_table_contains (removed_figures, figure_id))
            g_ptr_array_add (remove_ids, (gpointer) mc_note_get_id (o));
        }
    }
  if (remove_ids->len > 0)
    {
      g_ptr_array_add (remove_ids, NULL);
      mc_command_group_add (group,
                            mc_command_remove_notes (ours, (const char * const *) remove_ids->pdata));
    }

  _mc_merge_add_figures (state, group, removed_figures, moved_figures);

  /* Ours' notes stay where they are as far as their order agrees with the
   * merged one (and their figure was not taken out); from there on every
   * note is taken out and put back in the merged order (new notes go on
   * top anyway). */
  while (prefix < kept->len &&
         strcmp (g_ptr_array_index (kept, prefix), g_ptr_array_index (order, prefix)) == 0 &&
         !note_on_figures (ours, g_ptr_array_index (kept, prefix), moved_figures))
    prefix++;
  for (guint i = prefix; i < kept->len; i++)
    if (!note_on_figures (ours, g_ptr_array_index (kept, i), moved_figures))
      g_ptr_array_add (move_ids, g_ptr_array_index (kept, i));

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      McNote *value = g_hash_table_lookup (state->merged, id);
      McNote *o = mc_board_get_note (ours, id);
      gboolean changed = o != NULL && !_mc_merge_note_identical (o, value);

      if (changed && !g_hash_table_contains (state->outcomes, id))
        state->result->n_changed++;
      if (i >= prefix)
        g_ptr_array_add (additions, mc_note_dup (value));
      else if (changed)
        g_ptr_array_add (updates, g_object_ref (value));
    }

  if (move_ids->len > 0)
    {
      g_ptr_array_add (move_ids, NULL);
      mc_command_group_add (group,
                            mc_command_remove_notes (ours, (const char * const *) move_ids->pdata));
    }
  if (updates->len > 0)
    mc_command_group_add (group, mc_command_update_notes (ours, g_steal_pointer (&updates)));
  if (additions->len > 0)
    mc_command_group_add (group, mc_command_add_notes (g_steal_pointer (&additions)));

  _mc_merge_clusters (state, group, move_ids->len > 0 || g_hash_table_size (moved_figures) > 0);
  _mc_merge_meta (state, group);
}

/* Whatever the inputs, the merged board must open again: the merge is
 * tried on ours, checked against the loader's limits and taken back. */
static gboolean
check_merged_limits (McBoard    *ours,
                     McCommand  *group,
                     GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  McChangeSet changes;
  gboolean ok;

  _mc_change_set_init (&changes);
  _mc_command_apply (group, ours, &changes);
  ok = mc_limits_check_board (ours, &local_error);
  _mc_command_revert (group, ours, &changes);
  _mc_change_set_clear (&changes);

  if (!ok)
    /* TRANSLATORS: %s says which limit, e.g. "The board has 1200 figures;
     * a board holds at most 1000" */
    g_set_error (error, MC_MERGE_ERROR, MC_MERGE_ERROR_TOO_LARGE,
                 _("The merge was not made: the merged board would not open again. %s"),
                 local_error->message);
  return ok;
}

McMergeResult *
mc_merge_boards (McBoard  *ours,
                 McBoard  *theirs,
                 McBoard  *base,
                 GError  **error)
{
  g_autoptr(McMergeResult) result = NULL;
  g_autoptr(GHashTable) figure_remap = NULL;
  g_autoptr(GHashTable) merged = NULL;
  g_autoptr(GHashTable) outcomes = NULL;
  g_autoptr(GHashTable) conflict_ids = NULL;
  g_autoptr(GHashTable) copy_of = NULL;
  g_autoptr(McCommand) group = NULL;
  g_autofree gpointer *ids = NULL;
  guint n_ids = 0;
  McMergeState state;

  g_return_val_if_fail (MC_IS_BOARD (ours), NULL);
  g_return_val_if_fail (MC_IS_BOARD (theirs), NULL);
  g_return_val_if_fail (base == NULL || MC_IS_BOARD (base), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (ours == theirs)
    {
      g_set_error (error, MC_MERGE_ERROR, MC_MERGE_ERROR_SAME,
                   _("Cannot merge a board with itself"));
      return NULL;
    }
  if (mc_board_get_read_only (ours))
    {
      g_set_error (error, MC_MERGE_ERROR, MC_MERGE_ERROR_READ_ONLY,
                   _("The board is read-only; save it under a new name first"));
      return NULL;
    }

  if (base == NULL)
    base = _mc_merge_implicit_base (ours, theirs);

  result = g_new0 (McMergeResult, 1);
  result->three_way = base != NULL;
  figure_remap = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  conflict_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  copy_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  state = (McMergeState) {
    .ours = ours,
    .theirs = theirs,
    .base = base,
    .figure_remap = figure_remap,
    .merged = merged,
    .outcomes = outcomes,
    .conflict_ids = conflict_ids,
    .copy_of = copy_of,
    .result = result,
  };

  _mc_merge_remap_figures (&state);
  _mc_merge_notes (&state);

  if (g_hash_table_size (merged) > MC_BOARD_MAX_NOTES)
    {
      g_set_error (error, MC_MERGE_ERROR, MC_MERGE_ERROR_TOO_LARGE,
                   _("The merged board would have %u notes; at most %u are allowed"),
                   g_hash_table_size (merged), (guint) MC_BOARD_MAX_NOTES);
      return NULL;
    }

  group = mc_command_group_new (_("Merge"));
  build_commands (&state, group);
  g_clear_pointer (&state.anchored, g_hash_table_unref);
  if (!check_merged_limits (ours, group, error))
    return NULL;

  result->empty = mc_command_group_is_empty (group);
  result->command = g_steal_pointer (&group);

  ids = g_hash_table_get_keys_as_array (conflict_ids, &n_ids);
  g_qsort_with_data (ids, n_ids, sizeof (gpointer),
                     _mc_merge_compare_strings, NULL);
  result->conflict_ids = g_new0 (char *, n_ids + 1);
  for (guint i = 0; i < n_ids; i++)
    result->conflict_ids[i] = g_strdup (ids[i]);

  return g_steal_pointer (&result);
}

McCommand *
mc_merge_result_steal_command (McMergeResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return g_steal_pointer (&result->command);
}

gboolean
mc_merge_result_is_empty (McMergeResult *result)
{
  g_return_val_if_fail (result != NULL, TRUE);
  return result->empty;
}

gboolean
mc_merge_result_get_three_way (McMergeResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);
  return result->three_way;
}

guint
mc_merge_result_get_n_added (McMergeResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_added;
}

guint
mc_merge_result_get_n_changed (McMergeResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_changed;
}

guint
mc_merge_result_get_n_removed (McMergeResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_removed;
}

guint
mc_merge_result_get_n_conflicts (McMergeResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_conflicts;
}

guint
mc_merge_result_get_n_kept_deleted (McMergeResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_kept_deleted;
}

guint
mc_merge_result_get_n_figures_added (McMergeResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_figures_added;
}

const char * const *
mc_merge_result_get_conflict_ids (McMergeResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return (const char * const *) result->conflict_ids;
}

void
mc_merge_result_free (McMergeResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->command, mc_command_free);
  g_strfreev (result->conflict_ids);
  g_free (result);
}

gboolean
mc_merge_into (McBoard        *ours,
               McBoard        *theirs,
               McBoard        *base,
               McMergeResult **summary,
               GError        **error)
{
  g_autoptr(McMergeResult) result = NULL;
  McCommand *command;

  g_return_val_if_fail (MC_IS_BOARD (ours), FALSE);
  g_return_val_if_fail (MC_IS_BOARD (theirs), FALSE);

  result = mc_merge_boards (ours, theirs, base, error);
  if (result == NULL)
    return FALSE;

  /* An empty merge leaves no undo step behind. */
  command = mc_merge_result_steal_command (result);
  if (result->empty)
    mc_command_free (command);
  else
    mc_board_execute (ours, command);

  if (summary != NULL)
    *summary = g_steal_pointer (&result);
  return TRUE;
}

