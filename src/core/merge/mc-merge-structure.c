/* mc-merge-structure.c — merging what holds the notes: figures, clusters
 * and the board's own properties
 *
 * As for notes, every choice between two changed versions is made by value,
 * so the merge order does not matter.
 */
#include "config.h"

#include <string.h>

#include "mc-merge-private.h"
#include "mc-board-private.h"
#include "mc-cluster-private.h"
#include "mc-command-private.h"
#include "mc-figure-private.h"

/* ------------------------------------------------------------------ */
/* Figures                                                             */

static gboolean
placement_same (McFigure *a,
                McFigure *b)
{
  return g_strcmp0 (mc_figure_get_kind (a), mc_figure_get_kind (b)) == 0 &&
         mc_figure_get_x (a) == mc_figure_get_x (b) &&
         mc_figure_get_y (a) == mc_figure_get_y (b) &&
         mc_figure_get_scale (a) == mc_figure_get_scale (b);
}

static gboolean
figure_same (McFigure *a,
             McFigure *b)
{
  return placement_same (a, b) &&
         _mc_extra_equal (_mc_figure_get_extra (a), _mc_figure_get_extra (b));
}

/* Both sides moved or scaled a figure differently: pick one by value, so
 * the choice does not depend on the merge order. */
static McFigure *
figure_winner (McFigure *a,
               McFigure *b)
{
  if (mc_figure_get_y (a) != mc_figure_get_y (b))
    return mc_figure_get_y (a) < mc_figure_get_y (b) ? a : b;
  if (mc_figure_get_x (a) != mc_figure_get_x (b))
    return mc_figure_get_x (a) < mc_figure_get_x (b) ? a : b;
  return mc_figure_get_scale (a) >= mc_figure_get_scale (b) ? a : b;
}

static gboolean
id_taken (McBoard    *ours,
          McBoard    *theirs,
          GHashTable *assigned,
          const char *id)
{
  return mc_board_get_figure (ours, id) != NULL ||
         mc_board_get_figure (theirs, id) != NULL ||
         g_hash_table_contains (assigned, id);
}

void
_mc_merge_remap_figures (McMergeState *state)
{
  GPtrArray *theirs_figures = mc_board_get_figures (state->theirs);

  for (guint i = 0; i < theirs_figures->len; i++)
    {
      McFigure *t = g_ptr_array_index (theirs_figures, i);
      McFigure *o = mc_board_get_figure (state->ours, mc_figure_get_id (t));
      const char *kind = mc_figure_get_kind (t);
      char *new_id = NULL;

      if (o == NULL || g_strcmp0 (mc_figure_get_kind (o), kind) == 0)
        continue;

      /* Both sides placed a different kind under the same id: theirs moves
       * to a fresh id, and its notes with it. */
      for (guint n = 2; new_id == NULL || id_taken (state->ours, state->theirs,
                                                     state->figure_remap, new_id); n++)
        {
          g_free (new_id);
          new_id = g_strdup_printf ("%s-%u", kind, n);
        }
      g_hash_table_insert (state->figure_remap, g_strdup (mc_figure_get_id (t)), new_id);
    }
}



static gboolean
figure_has_merged_notes (McMergeState *state,
                         const char *figure_id)
{
  /* Built once: boards may hold a thousand figures and many notes. */
  if (state->anchored == NULL)
    {
      GHashTableIter iter;
      gpointer value;

      state->anchored = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_iter_init (&iter, state->merged);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (mc_note_get_figure_id (value) != NULL)
          g_hash_table_add (state->anchored, (gpointer) mc_note_get_figure_id (value));
    }
  return g_hash_table_contains (state->anchored, figure_id);
}

/* Figures theirs deleted and we left alone go, unless a merged note still
 * sits on them. Their notes go with them in the same command. */
void
_mc_merge_remove_figures (McMergeState *state,
                          McCommand    *group,
                          GHashTable   *removed)
{
  McBoard *ours = state->ours;
  GPtrArray *ours_figures = mc_board_get_figures (ours);

  for (guint i = 0; state->base != NULL && i < ours_figures->len; i++)
    {
      McFigure *o = g_ptr_array_index (ours_figures, i);
      const char *id = mc_figure_get_id (o);
      McFigure *b = mc_board_get_figure (state->base, id);

      if (b == NULL || mc_board_get_figure (state->theirs, id) != NULL ||
          !figure_same (o, b) || figure_has_merged_notes (state, id))
        continue;
      g_hash_table_add (removed, (gpointer) id);
      mc_command_group_add (group, mc_command_remove_figure (ours, id));
    }
}

/* A figure both sides hold: placement and unknown members each from the
 * side that changed them, or chosen by value. A new detached figure. */
static McFigure *
merge_figure (McFigure *o,
              McFigure *t,
              McFigure *b)
{
  McFigure *take = o;
  McFigure *merged = mc_figure_dup (o);
  g_autoptr(JsonObject) extra = NULL;

  if (!placement_same (o, t) && (b == NULL || !placement_same (t, b)))
    take = b != NULL && placement_same (o, b) ? t : figure_winner (o, t);
  mc_figure_set_position (merged, mc_figure_get_x (take), mc_figure_get_y (take));
  mc_figure_set_scale (merged, mc_figure_get_scale (take));
  extra = _mc_merge_extra (_mc_figure_get_extra (o), _mc_figure_get_extra (t),
                           b ? _mc_figure_get_extra (b) : NULL, b != NULL);
  _mc_figure_set_extra (merged, extra);
  return merged;
}

static int
compare_figure_ids (const char *a,
                    const char *b,
                    gpointer    data)
{
  return strcmp (a, b);
}

/* Figures only theirs has (or theirs changed), before the notes that
 * anchor to them, in one order whichever copy is ours: ours' figures stay
 * as far as their order agrees with the merged one; from there on they
 * are taken out (with their notes, which the caller puts back: their ids
 * go into moved) and every figure is put back in the merged order. */
void
_mc_merge_add_figures (McMergeState *state,
                       McCommand    *group,
                       GHashTable   *removed,
                       GHashTable   *moved)
{
  McBoard *ours = state->ours;
  GPtrArray *ours_figures = mc_board_get_figures (ours);
  GPtrArray *theirs_figures = mc_board_get_figures (state->theirs);
  /* figure id in the merged board → its merged version, when not ours' own */
  g_autoptr(GHashTable) versions = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                          NULL, g_object_unref);
  g_autoptr(GPtrArray) x = g_ptr_array_new ();
  g_autoptr(GPtrArray) y = g_ptr_array_new ();
  g_autoptr(GPtrArray) order = NULL;
  guint prefix = 0;

  for (guint i = 0; i < ours_figures->len; i++)
    {
      const char *id = mc_figure_get_id (g_ptr_array_index (ours_figures, i));

      if (!g_hash_table_contains (removed, id))
        g_ptr_array_add (x, (gpointer) id);
    }

  for (guint i = 0; i < theirs_figures->len; i++)
    {
      McFigure *t = g_ptr_array_index (theirs_figures, i);
      const char *tid = mc_figure_get_id (t);
      const char *remapped = g_hash_table_lookup (state->figure_remap, tid);
      const char *id = remapped ? remapped : tid;
      McFigure *o = mc_board_get_figure (ours, id);
      McFigure *b = state->base ? mc_board_get_figure (state->base, id) : NULL;

      if (o == NULL)
        {
          McFigure *added;

          /* We deleted it and theirs left it alone: it stays deleted unless
           * a merged note needs it. */
          if (b != NULL && figure_same (t, b) && !figure_has_merged_notes (state, id))
            continue;

          added = mc_figure_new (id, mc_figure_get_kind (t));
          mc_figure_set_position (added, mc_figure_get_x (t), mc_figure_get_y (t));
          mc_figure_set_scale (added, mc_figure_get_scale (t));
          _mc_figure_set_extra (added, _mc_figure_get_extra (t));
          g_hash_table_insert (versions, (gpointer) mc_figure_get_id (added), added);
          state->result->n_figures_added++;
        }
      else if (remapped == NULL && !figure_same (o, t))
        {
          McFigure *merged = merge_figure (o, t, b);

          if (!figure_same (o, merged))
            g_hash_table_insert (versions, (gpointer) mc_figure_get_id (merged), merged);
          else
            g_object_unref (merged);
        }
      g_ptr_array_add (y, (gpointer) id);
    }

  order = _mc_merge_sequences (x, y, compare_figure_ids, NULL);
  while (prefix < x->len &&
         strcmp (g_ptr_array_index (x, prefix), g_ptr_array_index (order, prefix)) == 0)
    prefix++;

  for (guint i = prefix; i < x->len; i++)
    {
      g_hash_table_add (moved, g_ptr_array_index (x, i));
      mc_command_group_add (group, mc_command_remove_figure (ours, g_ptr_array_index (x, i)));
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      McFigure *version = g_hash_table_lookup (versions, id);

      if (i >= prefix)
        mc_command_group_add (group,
                              mc_command_add_figure (version != NULL ? g_object_ref (version)
                                                                     : mc_figure_dup (mc_board_get_figure (ours, id))));
      else if (version != NULL)
        mc_command_group_add (group, mc_command_update_figure (ours, g_object_ref (version)));
    }
}

/* ------------------------------------------------------------------ */
/* Clusters                                                            */

static gboolean
strv_same_set (const char * const *a,
               const char * const *b)
{
  guint na = a ? g_strv_length ((char **) a) : 0;
  guint nb = b ? g_strv_length ((char **) b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;
  return TRUE;
}

static gboolean
cluster_same (McCluster *a,
              McCluster *b)
{
  return g_strcmp0 (mc_cluster_get_label (a), mc_cluster_get_label (b)) == 0 &&
         g_strcmp0 (mc_cluster_get_color (a), mc_cluster_get_color (b)) == 0 &&
         strv_same_set (mc_cluster_get_note_ids (a), mc_cluster_get_note_ids (b)) &&
         _mc_extra_equal (a->extra, b->extra);
}

/* A string both sides may have changed: the changed side, or (both
 * changed) the larger, so the choice does not depend on the order. */
static const char *
merge_string (const char *o,
              const char *t,
              const char *b,
              gboolean    three_way)
{
  if (g_strcmp0 (o, t) == 0)
    return o;
  if (three_way && g_strcmp0 (t, b) == 0)
    return o;
  if (three_way && g_strcmp0 (o, b) == 0)
    return t;
  return g_strcmp0 (o, t) >= 0 ? o : t;
}

static McCluster *
merge_cluster (McCluster *o,
               McCluster *t,
               McCluster *b)
{
  McCluster *merged = mc_cluster_dup (o);
  const char * const *ids_o = mc_cluster_get_note_ids (o);
  const char * const *ids_t = mc_cluster_get_note_ids (t);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(JsonObject) extra = _mc_merge_extra (o->extra, t->extra, b ? b->extra : NULL, b != NULL);

  _mc_extra_set (&merged->extra, extra);
  mc_cluster_set_label (merged, merge_string (mc_cluster_get_label (o), mc_cluster_get_label (t),
                                              b ? mc_cluster_get_label (b) : NULL, b != NULL));
  mc_cluster_set_color (merged, merge_string (mc_cluster_get_color (o), mc_cluster_get_color (t),
                                              b ? mc_cluster_get_color (b) : NULL, b != NULL));

  /* Members: without a base the union; with one, the base plus what
   * either side added, minus what either side took out. */
  for (guint i = 0; ids_o && ids_o[i]; i++)
    if (b == NULL || g_strv_contains (ids_t, ids_o[i]) || !mc_cluster_has_note (b, ids_o[i]))
      g_ptr_array_add (ids, (gpointer) ids_o[i]);
  for (guint i = 0; ids_t && ids_t[i]; i++)
    if (!g_strv_contains (ids_o, ids_t[i]) && (b == NULL || !mc_cluster_has_note (b, ids_t[i])))
      g_ptr_array_add (ids, (gpointer) ids_t[i]);
  g_ptr_array_add (ids, NULL);
  mc_cluster_set_note_ids (merged, (const char * const *) ids->pdata);
  return merged;
}

static int
compare_ids (const char *a,
             const char *b,
             gpointer    data)
{
  return strcmp (a, b);
}

/* Ids of board's clusters that are among the merged ones, in board order. */
static GPtrArray *
kept_cluster_ids (McBoard    *board,
                  GHashTable *by_id)
{
  GPtrArray *clusters = mc_board_get_clusters (board);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < clusters->len; i++)
    {
      const char *id = mc_cluster_get_id (g_ptr_array_index (clusters, i));

      if (g_hash_table_contains (by_id, id))
        g_ptr_array_add (ids, (gpointer) id);
    }
  return ids;
}

void
_mc_merge_clusters (McMergeState *state,
                    McCommand    *group,
                    gboolean      rebuild)
{
  McBoard *ours = state->ours, *theirs = state->theirs, *base = state->base;
  GPtrArray *ours_clusters = mc_board_get_clusters (ours);
  GPtrArray *theirs_clusters = mc_board_get_clusters (theirs);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  /* note id (owned: member lists are replaced below) → cluster id */
  g_autoptr(GHashTable) owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kept_ours = NULL;
  g_autoptr(GPtrArray) kept_theirs = NULL;
  g_autoptr(GPtrArray) order = NULL;

  for (guint i = 0; i < ours_clusters->len + theirs_clusters->len; i++)
    {
      gboolean from_ours = i < ours_clusters->len;
      McCluster *c = from_ours ? g_ptr_array_index (ours_clusters, i)
                               : g_ptr_array_index (theirs_clusters, i - ours_clusters->len);
      const char *id = mc_cluster_get_id (c);
      McCluster *o = mc_board_get_cluster (ours, id);
      McCluster *t = mc_board_get_cluster (theirs, id);
      McCluster *b = base ? mc_board_get_cluster (base, id) : NULL;
      McCluster *merged = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();
      const char * const *ids;

      if (!from_ours && o != NULL)
        continue; /* done with ours */

      if (o != NULL && t != NULL)
        merged = merge_cluster (o, t, b);
      else if (b != NULL && cluster_same (o ? o : t, b))
        continue; /* deleted on one side, untouched on the other */
      else
        merged = mc_cluster_dup (o ? o : t);

      /* A label the loader accepts, whatever the inputs held. */
      label = _mc_merge_truncate_utf8 (mc_cluster_get_label (merged), MC_CLUSTER_MAX_LABEL_LENGTH);
      if (label != NULL)
        mc_cluster_set_label (merged, label);

      /* Only notes that are on the merged board. */
      ids = mc_cluster_get_note_ids (merged);
      for (guint k = 0; ids && ids[k]; k++)
        if (g_hash_table_contains (state->merged, ids[k]))
          g_ptr_array_add (kept, (gpointer) ids[k]);
      g_ptr_array_add (kept, NULL);
      {
        g_auto(GStrv) copy = g_strdupv ((char **) kept->pdata);

        mc_cluster_set_note_ids (merged, (const char * const *) copy);
      }
      g_ptr_array_add (results, merged);
    }

  /* A note belongs to one cluster: when the sides put it in different
   * ones, the cluster with the smaller id keeps it (any order, same result). */
  for (guint i = 0; i < results->len; i++)
    {
      McCluster *c = g_ptr_array_index (results, i);
      const char * const *ids = mc_cluster_get_note_ids (c);

      for (guint k = 0; ids && ids[k]; k++)
        {
          const char *current = g_hash_table_lookup (owner, ids[k]);

          if (current == NULL || strcmp (mc_cluster_get_id (c), current) < 0)
            g_hash_table_insert (owner, g_strdup (ids[k]), (gpointer) mc_cluster_get_id (c));
        }
    }
  for (guint i = 0; i < results->len; i++)
    {
      McCluster *c = g_ptr_array_index (results, i);
      const char * const *ids = mc_cluster_get_note_ids (c);
      g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);

      for (guint k = 0; ids && ids[k]; k++)
        if (g_strcmp0 (g_hash_table_lookup (owner, ids[k]), mc_cluster_get_id (c)) == 0)
          g_ptr_array_add (own, g_strdup (ids[k]));
      g_ptr_array_add (own, NULL);
      mc_cluster_set_note_ids (c, (const char * const *) own->pdata);
    }

  /* The merged clusters (those left with notes) in one order, the same
   * whichever copy is ours. */
  for (guint i = 0; i < results->len; i++)
    {
      McCluster *c = g_ptr_array_index (results, i);

      if (mc_cluster_get_n_notes (c) > 0)
        g_hash_table_insert (by_id, (gpointer) mc_cluster_get_id (c), c);
    }
  kept_ours = kept_cluster_ids (ours, by_id);
  kept_theirs = kept_cluster_ids (theirs, by_id);
  order = _mc_merge_sequences (kept_ours, kept_theirs, compare_ids, NULL);
  for (guint i = 0; i < kept_ours->len && !rebuild; i++)
    rebuild = strcmp (g_ptr_array_index (kept_ours, i), g_ptr_array_index (order, i)) != 0;

  if (rebuild)
    {
      /* Every cluster out, the merged ones back in order. Clusters the
       * steps before already emptied are simply not there any more. */
      for (guint i = 0; i < ours_clusters->len; i++)
        mc_command_group_add (group,
                              mc_command_remove_cluster (ours,
                                                         mc_cluster_get_id (g_ptr_array_index (ours_clusters, i))));
      for (guint i = 0; i < order->len; i++)
        mc_command_group_add (group,
                              mc_command_add_cluster (ours,
                                                      g_object_ref (g_hash_table_lookup (by_id, g_ptr_array_index (order, i)))));
      return;
    }

  /* Ours' clusters that go (deleted by theirs, or left without notes). */
  for (guint i = 0; i < ours_clusters->len; i++)
    {
      McCluster *o = g_ptr_array_index (ours_clusters, i);

      if (!g_hash_table_contains (by_id, mc_cluster_get_id (o)))
        mc_command_group_add (group, mc_command_remove_cluster (ours, mc_cluster_get_id (o)));
    }

  for (guint i = 0; i < order->len; i++)
    {
      McCluster *c = g_hash_table_lookup (by_id, g_ptr_array_index (order, i));
      McCluster *o = mc_board_get_cluster (ours, mc_cluster_get_id (c));

      if (o == NULL)
        mc_command_group_add (group, mc_command_add_cluster (ours, g_object_ref (c)));
      else if (!cluster_same (o, c))
        mc_command_group_add (group, mc_command_update_cluster (ours, g_object_ref (c)));
    }
}

/* Two-way, a side that has a value wins over one that has none. */
static const char *
merge_string_two_way (const char *o,
                      const char *t)
{
  if (o == NULL || *o == '\0')
    return t;
  if (t == NULL || *t == '\0')
    return o;
  return merge_string (o, t, NULL, FALSE);
}

static int
merge_enum (int      o,
            int      t,
            int      b,
            gboolean three_way)
{
  if (three_way && t == b)
    return o;
  if (three_way && o == b)
    return t;
  return MAX (o, t);
}

/* The unknown members of the board object (file_level: of the file's top
 * level), member by member as for notes and figures. */
static void
merge_board_extra (McMergeState *state,
                   McCommand    *group,
                   gboolean      file_level)
{
  JsonObject *(*get) (McBoard *) = file_level ? _mc_board_get_file_extra : _mc_board_get_extra;
  McBoard *b = state->base;
  g_autoptr(JsonObject) extra = _mc_merge_extra (get (state->ours), get (state->theirs),
                                                 b != NULL ? get (b) : NULL, b != NULL);

  if (!_mc_extra_equal (get (state->ours), extra))
    mc_command_group_add (group, _mc_command_set_board_extra (state->ours, file_level, extra));
}

/* Title, language, phase and meta keys: the side that changed a value, or
 * when both did (or without a base) a choice by value, never by side. */
void
_mc_merge_meta (McMergeState *state,
                McCommand    *group)
{
  McBoard *o = state->ours, *t = state->theirs, *b = state->base;
  gboolean three_way = b != NULL;
  const char *title_o = mc_board_get_title (o);
  const char *title_t = mc_board_get_title (t);
  const char *title;
  McLanguage language;
  McPhase phase;
  g_auto(GStrv) keys_o = mc_board_dup_meta_keys (o);
  g_auto(GStrv) keys_t = mc_board_dup_meta_keys (t);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *sorted = NULL;
  guint n_keys = 0;

  if (three_way)
    title = merge_string (title_o, title_t, mc_board_get_title (b), TRUE);
  else
    title = merge_string_two_way (title_o, title_t);
  if (g_strcmp0 (title, title_o) != 0)
    mc_command_group_add (group, mc_command_set_title (o, title));

  language = merge_enum (mc_board_get_language (o), mc_board_get_language (t),
                         three_way ? mc_board_get_language (b) : 0, three_way);
  if (language != mc_board_get_language (o))
    mc_command_group_add (group, mc_command_set_language (o, language));

  phase = merge_enum (mc_board_get_phase (o), mc_board_get_phase (t),
                      three_way ? mc_board_get_phase (b) : 0, three_way);
  if (phase != mc_board_get_phase (o))
    mc_command_group_add (group, mc_command_set_phase (o, phase));

  for (guint i = 0; keys_o && keys_o[i]; i++)
    g_hash_table_add (keys, keys_o[i]);
  for (guint i = 0; keys_t && keys_t[i]; i++)
    g_hash_table_add (keys, keys_t[i]);

  sorted = g_hash_table_get_keys_as_array (keys, &n_keys);
  g_qsort_with_data (sorted, n_keys, sizeof (gpointer),
                     _mc_merge_compare_strings, NULL);
  for (guint i = 0; i < n_keys; i++)
    {
      const char *key = sorted[i];
      const char *vo = mc_board_get_meta (o, key);
      const char *vt = mc_board_get_meta (t, key);
      const char *value;

      /* The revision keys describe each file's own history, not content. */
      if (g_str_equal (key, MC_META_REVISION) || g_str_equal (key, MC_META_BASE_REVISION))
        continue;

      if (three_way)
        value = merge_string (vo, vt, mc_board_get_meta (b, key), TRUE);
      else
        value = merge_string_two_way (vo, vt);
      if (g_strcmp0 (value, vo) != 0)
        mc_command_group_add (group, mc_command_set_meta (o, key, value));
    }

  merge_board_extra (state, group, FALSE);
  merge_board_extra (state, group, TRUE);
}

/* If one copy says it started from the other's saved state, that state is
 * the common base. */
McBoard *
_mc_merge_implicit_base (McBoard *ours,
                         McBoard *theirs)
{
  const char *rev_o = mc_board_get_meta (ours, MC_META_REVISION);
  const char *rev_t = mc_board_get_meta (theirs, MC_META_REVISION);
  const char *base_o = mc_board_get_meta (ours, MC_META_BASE_REVISION);
  const char *base_t = mc_board_get_meta (theirs, MC_META_BASE_REVISION);

  gboolean ours_is_base = rev_o != NULL && g_strcmp0 (base_t, rev_o) == 0 &&
                          !mc_board_get_modified (ours);
  gboolean theirs_is_base = rev_t != NULL && g_strcmp0 (base_o, rev_t) == 0 &&
                            !mc_board_get_modified (theirs);

  /* Each naming the other is no history at all: no base either way. */
  if (ours_is_base == theirs_is_base)
    return NULL;
  return ours_is_base ? ours : theirs;
}
