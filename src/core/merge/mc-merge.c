/* mc-merge.c — merging two copies of a board without losing a note
 *
 * The merge works on detached copies: for every note id on either side it
 * decides the merged version (or that the note goes), then turns the
 * difference between ours and that result into one command group. Every
 * decision is a function of the versions involved, never of which side is
 * "ours", so that merging several copies in any order gives the same notes:
 * a conflict keeps the version with the larger content hash at the original
 * id and gives the other a name-based id derived from its content.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mc-merge.h"
#include "mc-board-io.h"

G_DEFINE_QUARK (mc-merge-error-quark, mc_merge_error)

/* A conflict copy sits this far to the right of the version it was split
 * from (beyond its width), so both texts can be read side by side. */
#define CONFLICT_COPY_GAP 12.0

/* Namespace of the name-based (version 5) UUIDs of conflict copies. */
static const guint8 conflict_namespace[16] = {
  0x6d, 0x63, 0x2d, 0x6d, 0x65, 0x72, 0x67, 0x65,
  0x8a, 0x41, 0x4f, 0x0e, 0x9b, 0x27, 0x3c, 0x51,
};

struct _McMergeResult
{
  McCommand *command;
  gboolean   empty;
  gboolean   three_way;
  guint      n_added;
  guint      n_changed;
  guint      n_removed;
  guint      n_conflicts;
  guint      n_kept_deleted;
  guint      n_figures_added;
  GStrv      conflict_ids;
};

/* What happened to one merged note, for the summary. */
typedef enum
{
  OUTCOME_MERGED,       /* plain: kept, or took the other side's change */
  OUTCOME_CONFLICT,     /* changed on both sides */
  OUTCOME_KEPT_DELETED, /* deleted on one side, changed on the other */
} Outcome;

/* ------------------------------------------------------------------ */
/* Comparing versions                                                  */

static gboolean
content_equal (McNote *a,
               McNote *b)
{
  return g_strcmp0 (mc_note_get_text (a), mc_note_get_text (b)) == 0 &&
         g_strcmp0 (mc_note_get_color (a), mc_note_get_color (b)) == 0 &&
         g_strcmp0 (mc_note_get_author (a), mc_note_get_author (b)) == 0;
}

static gboolean
placement_equal (McNote *a,
                 McNote *b)
{
  McRect ra, rb;

  if (g_strcmp0 (mc_note_get_figure_id (a), mc_note_get_figure_id (b)) != 0 ||
      g_strcmp0 (mc_note_get_region_id (a), mc_note_get_region_id (b)) != 0 ||
      mc_note_get_has_position (a) != mc_note_get_has_position (b))
    return FALSE;

  mc_note_get_rect (a, &ra);
  mc_note_get_rect (b, &rb);

  /* Size counts even for an unplaced note: the user may have resized it. */
  if (ra.width != rb.width || ra.height != rb.height)
    return FALSE;
  if (!mc_note_get_has_position (a))
    return TRUE;
  return ra.x == rb.x && ra.y == rb.y;
}

/* Same note for the purpose of "was it changed": everything but the
 * modification time, which a mere touch moves. */
static gboolean
note_same (McNote *a,
           McNote *b)
{
  return content_equal (a, b) &&
         placement_equal (a, b) &&
         mc_note_get_votes (a) == mc_note_get_votes (b) &&
         mc_note_get_conflict (a) == mc_note_get_conflict (b);
}

static gboolean
note_identical (McNote *a,
                McNote *b)
{
  return note_same (a, b) &&
         mc_note_get_created (a) == mc_note_get_created (b) &&
         mc_note_get_modified (a) == mc_note_get_modified (b);
}

static void
checksum_add_field (GChecksum  *checksum,
                    const char *value)
{
  /* A NULL field hashes differently from an empty one; the separator keeps
   * ("ab", "c") apart from ("a", "bc"). */
  if (value == NULL)
    g_checksum_update (checksum, (const guchar *) "\x01", 1);
  else
    g_checksum_update (checksum, (const guchar *) value, strlen (value));
  g_checksum_update (checksum, (const guchar *) "\0", 1);
}

static char *
content_hash (McNote *note)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  checksum_add_field (checksum, mc_note_get_text (note));
  checksum_add_field (checksum, mc_note_get_color (note));
  checksum_add_field (checksum, mc_note_get_author (note));
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
placement_key (McNote *note)
{
  McRect r;
  char buf[4][G_ASCII_DTOSTR_BUF_SIZE];

  mc_note_get_rect (note, &r);
  return g_strdup_printf ("%s|%s|%d|%s|%s|%s|%s",
                          mc_note_get_figure_id (note) ? mc_note_get_figure_id (note) : "",
                          mc_note_get_region_id (note) ? mc_note_get_region_id (note) : "",
                          mc_note_get_has_position (note),
                          g_ascii_dtostr (buf[0], sizeof buf[0], r.x),
                          g_ascii_dtostr (buf[1], sizeof buf[1], r.y),
                          g_ascii_dtostr (buf[2], sizeof buf[2], r.width),
                          g_ascii_dtostr (buf[3], sizeof buf[3], r.height));
}

/* Which version stays at the note's id when both sides changed its
 * content: a symmetric choice, so merge order does not matter. */
static gboolean
content_wins (McNote *a,
              McNote *b)
{
  g_autofree char *ha = content_hash (a);
  g_autofree char *hb = content_hash (b);

  return strcmp (ha, hb) >= 0;
}

/* Which placement to keep when both sides moved a note: the later edit,
 * ties broken by the placement itself. A position is not worth a conflict
 * copy; the text is what must never be lost. */
static McNote *
placement_winner (McNote *a,
                  McNote *b)
{
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;

  if (mc_note_get_modified (a) != mc_note_get_modified (b))
    return mc_note_get_modified (a) > mc_note_get_modified (b) ? a : b;

  ka = placement_key (a);
  kb = placement_key (b);
  return strcmp (ka, kb) >= 0 ? a : b;
}

char *
mc_merge_conflict_copy_id (McNote *note)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree char *hash = NULL;
  const char *id;
  guint8 digest[20];
  gsize digest_len = sizeof digest;

  g_return_val_if_fail (MC_IS_NOTE (note), NULL);

  id = mc_note_get_id (note);
  hash = content_hash (note);

  checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (checksum, conflict_namespace, sizeof conflict_namespace);
  g_checksum_update (checksum, (const guchar *) id, strlen (id));
  g_checksum_update (checksum, (const guchar *) "/", 1);
  g_checksum_update (checksum, (const guchar *) hash, strlen (hash));
  g_checksum_get_digest (checksum, digest, &digest_len);

  /* RFC 4122 version 5 (name-based, SHA-1), variant 10xx. */
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3],
                          digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* ------------------------------------------------------------------ */
/* Building merged versions (all detached notes)                       */

static void
copy_content (McNote *dst,
              McNote *src)
{
  mc_note_set_text (dst, mc_note_get_text (src));
  mc_note_set_color (dst, mc_note_get_color (src));
  mc_note_set_author (dst, mc_note_get_author (src));
}

static void
copy_placement (McNote *dst,
                McNote *src)
{
  McRect r;

  mc_note_set_anchor (dst, mc_note_get_figure_id (src), mc_note_get_region_id (src));
  mc_note_get_rect (src, &r);
  mc_note_set_rect (dst, &r);
  if (!mc_note_get_has_position (src))
    mc_note_clear_position (dst);
}

/* Every stored field but the id (and the unknown members, which stay with
 * the note dst was duplicated from). */
static void
assign_version (McNote *dst,
                McNote *src)
{
  copy_content (dst, src);
  copy_placement (dst, src);
  mc_note_set_votes (dst, mc_note_get_votes (src));
  mc_note_set_conflict (dst, mc_note_get_conflict (src));
  mc_note_set_created (dst, mc_note_get_created (src));
  mc_note_set_modified (dst, mc_note_get_modified (src));
}

static McNote *
clone_with_id (McNote     *src,
               const char *id)
{
  McNote *note = mc_note_new_with_id (id);

  assign_version (note, src);
  return note;
}

/* The copy that carries the losing version of a conflict, next to it. */
static McNote *
make_conflict_copy (McNote *loser)
{
  g_autofree char *id = mc_merge_conflict_copy_id (loser);
  McNote *copy = clone_with_id (loser, id);
  gint64 modified = mc_note_get_modified (loser);

  if (mc_note_get_has_position (loser))
    {
      McRect r;

      mc_note_get_rect (loser, &r);
      r.x = MIN (r.x + r.width + CONFLICT_COPY_GAP, MC_BOARD_MAX_COORDINATE);
      mc_note_set_rect (copy, &r);
    }
  /* The votes stay with the original: counting them twice would inflate
   * the tally each time the copies are merged again. */
  mc_note_set_votes (copy, 0);
  mc_note_set_conflict (copy, TRUE);
  mc_note_set_modified (copy, modified);
  return copy;
}

static guint
clamp_votes (gint64 votes)
{
  return (guint) CLAMP (votes, 0, G_MAXUINT);
}

/* Both sides changed the note's content: the winner stays, the loser
 * becomes a conflict copy. */
static McNote *
merge_conflict (McNote  *o,
                McNote  *t,
                guint    votes,
                McNote **copy)
{
  McNote *winner = content_wins (o, t) ? o : t;
  McNote *loser = winner == o ? t : o;
  McNote *merged = mc_note_dup (o);

  assign_version (merged, winner);
  mc_note_set_votes (merged, votes);
  mc_note_set_conflict (merged, TRUE);
  mc_note_set_created (merged, MIN (mc_note_get_created (o), mc_note_get_created (t)));
  mc_note_set_modified (merged, mc_note_get_modified (winner));
  *copy = make_conflict_copy (loser);
  return merged;
}

/* Two versions of one note and no base: whatever differs in content is a
 * conflict; votes take the maximum. */
static McNote *
merge_two (McNote   *o,
           McNote   *t,
           McNote  **copy,
           Outcome  *outcome)
{
  McNote *merged;

  *copy = NULL;
  if (!content_equal (o, t))
    {
      *outcome = OUTCOME_CONFLICT;
      return merge_conflict (o, t, MAX (mc_note_get_votes (o), mc_note_get_votes (t)), copy);
    }

  *outcome = OUTCOME_MERGED;
  merged = mc_note_dup (o);
  if (!placement_equal (o, t))
    copy_placement (merged, placement_winner (o, t));
  mc_note_set_votes (merged, MAX (mc_note_get_votes (o), mc_note_get_votes (t)));
  mc_note_set_conflict (merged, mc_note_get_conflict (o) || mc_note_get_conflict (t));
  mc_note_set_created (merged, MIN (mc_note_get_created (o), mc_note_get_created (t)));
  mc_note_set_modified (merged, MAX (mc_note_get_modified (o), mc_note_get_modified (t)));
  return merged;
}

/* Three versions: each part (content, placement, votes, conflict mark)
 * takes the side that changed it. */
static McNote *
merge_three (McNote   *o,
             McNote   *t,
             McNote   *b,
             McNote  **copy,
             Outcome  *outcome)
{
  McNote *merged;
  McNote *content_from;
  gint64 votes;

  *copy = NULL;
  *outcome = OUTCOME_MERGED;

  /* Changed on one side only: that side's version, times included. */
  if (note_same (t, b))
    return mc_note_dup (o);
  if (note_same (o, b))
    {
      merged = mc_note_dup (o);
      assign_version (merged, t);
      return merged;
    }

  votes = (gint64) mc_note_get_votes (o) + (gint64) mc_note_get_votes (t) -
          (gint64) mc_note_get_votes (b);

  if (content_equal (t, b))
    content_from = o;
  else if (content_equal (o, b) || content_equal (o, t))
    content_from = t;
  else
    {
      *outcome = OUTCOME_CONFLICT;
      return merge_conflict (o, t, clamp_votes (votes), copy);
    }

  *outcome = OUTCOME_MERGED;
  merged = mc_note_dup (o);
  copy_content (merged, content_from);

  if (placement_equal (t, b) || placement_equal (o, t))
    copy_placement (merged, o);
  else if (placement_equal (o, b))
    copy_placement (merged, t);
  else
    copy_placement (merged, placement_winner (o, t));

  mc_note_set_votes (merged, clamp_votes (votes));

  if (mc_note_get_conflict (t) == mc_note_get_conflict (b))
    mc_note_set_conflict (merged, mc_note_get_conflict (o));
  else if (mc_note_get_conflict (o) == mc_note_get_conflict (b))
    mc_note_set_conflict (merged, mc_note_get_conflict (t));
  else
    mc_note_set_conflict (merged, mc_note_get_conflict (o) || mc_note_get_conflict (t));

  mc_note_set_created (merged, MIN (mc_note_get_created (o), mc_note_get_created (t)));
  mc_note_set_modified (merged, MAX (mc_note_get_modified (o), mc_note_get_modified (t)));
  return merged;
}

/* ------------------------------------------------------------------ */
/* Figures                                                             */

static gboolean
figure_same (McFigure *a,
             McFigure *b)
{
  return g_strcmp0 (mc_figure_get_kind (a), mc_figure_get_kind (b)) == 0 &&
         mc_figure_get_x (a) == mc_figure_get_x (b) &&
         mc_figure_get_y (a) == mc_figure_get_y (b) &&
         mc_figure_get_scale (a) == mc_figure_get_scale (b);
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

/* ------------------------------------------------------------------ */
/* The merge                                                           */

typedef struct
{
  McBoard    *ours;
  McBoard    *theirs;
  McBoard    *base;
  /* theirs' figure id → id in the merged board, when a figure of another
   * kind already holds that id on our side */
  GHashTable *figure_remap;
  /* note id → merged McNote (owned); absent = the note is not in the result */
  GHashTable *merged;
  GHashTable *outcomes;       /* note id → Outcome (only non-plain ones) */
  GHashTable *conflict_ids;   /* set */
  GHashTable *anchored;       /* figure ids merged notes sit on (lazy) */
  McMergeResult *result;
} MergeState;

/* A detached copy of theirs' version with its anchor remapped. */
static McNote *
theirs_version (MergeState *state,
                McNote     *note)
{
  McNote *copy = mc_note_dup (note);
  const char *figure_id = mc_note_get_figure_id (note);
  const char *remapped;

  if (figure_id != NULL &&
      (remapped = g_hash_table_lookup (state->figure_remap, figure_id)) != NULL)
    {
      gint64 modified = mc_note_get_modified (note);

      mc_note_set_anchor (copy, remapped, mc_note_get_region_id (note));
      mc_note_set_modified (copy, modified);
    }
  return copy;
}

static void
put_merged (MergeState *state,
            McNote     *note,
            Outcome     outcome)
{
  const char *id = mc_note_get_id (note);

  g_hash_table_replace (state->merged, g_strdup (id), note);
  if (outcome != OUTCOME_MERGED)
    {
      g_hash_table_replace (state->outcomes, g_strdup (id), GINT_TO_POINTER (outcome));
      g_hash_table_add (state->conflict_ids, g_strdup (id));
    }
}

/* A conflict copy may already exist (an earlier merge made the same one):
 * then both are versions of one note and merge like any other. */
static void
put_copy (MergeState *state,
          McNote     *copy)
{
  McNote *existing = g_hash_table_lookup (state->merged, mc_note_get_id (copy));

  if (existing != NULL)
    {
      g_autoptr(McNote) owned = copy;
      McNote *again = NULL;
      Outcome outcome;
      McNote *merged = merge_two (existing, owned, &again, &outcome);

      /* Same id means same content, so no further copy can arise. */
      g_clear_object (&again);
      g_hash_table_add (state->conflict_ids, g_strdup (mc_note_get_id (merged)));
      g_hash_table_replace (state->merged, g_strdup (mc_note_get_id (merged)), merged);
      return;
    }

  g_hash_table_add (state->conflict_ids, g_strdup (mc_note_get_id (copy)));
  g_hash_table_replace (state->merged, g_strdup (mc_note_get_id (copy)), copy);
}

static void
remap_figures (MergeState *state)
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

static void
merge_notes (MergeState *state)
{
  GPtrArray *ours_notes = mc_board_get_notes (state->ours);
  GPtrArray *theirs_notes = mc_board_get_notes (state->theirs);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ours_notes->len; i++)
    {
      McNote *o = g_ptr_array_index (ours_notes, i);
      const char *id = mc_note_get_id (o);
      McNote *t_in = mc_board_get_note (state->theirs, id);
      McNote *b = state->base ? mc_board_get_note (state->base, id) : NULL;
      McNote *copy = NULL;
      McNote *merged;
      Outcome outcome;

      if (t_in != NULL)
        {
          g_autoptr(McNote) t = theirs_version (state, t_in);

          if (b != NULL)
            merged = merge_three (o, t, b, &copy, &outcome);
          else
            merged = merge_two (o, t, &copy, &outcome);

          if (outcome == OUTCOME_CONFLICT)
            state->result->n_conflicts++;
          put_merged (state, merged, outcome);
          if (copy != NULL)
            g_ptr_array_add (copies, copy);
        }
      else if (b != NULL)
        {
          /* Theirs deleted it. Unchanged here: it goes. Changed here: it
           * stays, marked, so the person decides. */
          if (note_same (o, b))
            continue;

          merged = mc_note_dup (o);
          mc_note_set_conflict (merged, TRUE);
          mc_note_set_modified (merged, mc_note_get_modified (o));
          state->result->n_kept_deleted++;
          put_merged (state, merged, OUTCOME_KEPT_DELETED);
        }
      else
        {
          /* Added on our side (or no base to tell): always kept. */
          put_merged (state, mc_note_dup (o), OUTCOME_MERGED);
        }
    }

  for (guint i = 0; i < theirs_notes->len; i++)
    {
      McNote *t_in = g_ptr_array_index (theirs_notes, i);
      const char *id = mc_note_get_id (t_in);
      McNote *b;

      if (mc_board_get_note (state->ours, id) != NULL)
        continue;

      b = state->base ? mc_board_get_note (state->base, id) : NULL;
      if (b != NULL)
        {
          g_autoptr(McNote) t = NULL;
          McNote *merged;

          /* We deleted it; theirs changed it: it comes back, marked. */
          if (note_same (t_in, b))
            continue;

          t = theirs_version (state, t_in);
          merged = mc_note_dup (t);
          mc_note_set_conflict (merged, TRUE);
          mc_note_set_modified (merged, mc_note_get_modified (t));
          state->result->n_kept_deleted++;
          put_merged (state, merged, OUTCOME_KEPT_DELETED);
        }
      else
        {
          state->result->n_added++;
          put_merged (state, theirs_version (state, t_in), OUTCOME_MERGED);
        }
    }

  for (guint i = 0; i < copies->len; i++)
    put_copy (state, g_object_ref (g_ptr_array_index (copies, i)));
}

static gboolean
figure_has_merged_notes (MergeState *state,
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
         strv_same_set (mc_cluster_get_note_ids (a), mc_cluster_get_note_ids (b));
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

static void
merge_clusters (MergeState *state,
                McCommand  *group)
{
  McBoard *ours = state->ours, *theirs = state->theirs, *base = state->base;
  GPtrArray *ours_clusters = mc_board_get_clusters (ours);
  GPtrArray *theirs_clusters = mc_board_get_clusters (theirs);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  /* note id (owned: member lists are replaced below) → cluster id */
  g_autoptr(GHashTable) owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

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

  /* Ours' clusters that go (deleted by theirs, or left without notes). */
  for (guint i = 0; i < ours_clusters->len; i++)
    {
      McCluster *o = g_ptr_array_index (ours_clusters, i);
      gboolean keep = FALSE;

      for (guint k = 0; k < results->len && !keep; k++)
        {
          McCluster *c = g_ptr_array_index (results, k);

          keep = g_str_equal (mc_cluster_get_id (c), mc_cluster_get_id (o)) &&
                 mc_cluster_get_n_notes (c) > 0;
        }
      if (!keep)
        mc_command_group_add (group, mc_command_remove_cluster (ours, mc_cluster_get_id (o)));
    }

  for (guint i = 0; i < results->len; i++)
    {
      McCluster *c = g_ptr_array_index (results, i);
      McCluster *o = mc_board_get_cluster (ours, mc_cluster_get_id (c));

      if (mc_cluster_get_n_notes (c) == 0)
        continue;
      if (o == NULL)
        mc_command_group_add (group, mc_command_add_cluster (ours, g_object_ref (c)));
      else if (!cluster_same (o, c))
        mc_command_group_add (group, mc_command_update_cluster (ours, g_object_ref (c)));
    }
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gint
compare_notes_stable (gconstpointer a,
                      gconstpointer b)
{
  McNote *na = *(McNote **) a;
  McNote *nb = *(McNote **) b;

  if (mc_note_get_created (na) != mc_note_get_created (nb))
    return mc_note_get_created (na) < mc_note_get_created (nb) ? -1 : 1;
  return strcmp (mc_note_get_id (na), mc_note_get_id (nb));
}

static void
merge_meta (MergeState *state,
            McCommand  *group)
{
  McBoard *o = state->ours, *t = state->theirs, *b = state->base;
  const char *title_o = mc_board_get_title (o);
  const char *title_t = mc_board_get_title (t);
  g_auto(GStrv) keys_o = mc_board_dup_meta_keys (o);
  g_auto(GStrv) keys_t = mc_board_dup_meta_keys (t);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *sorted = NULL;
  guint n_keys = 0;

  if (b != NULL)
    {
      if (g_strcmp0 (title_o, mc_board_get_title (b)) == 0 &&
          g_strcmp0 (title_t, mc_board_get_title (b)) != 0)
        mc_command_group_add (group, mc_command_set_title (o, title_t));
      if (mc_board_get_language (o) == mc_board_get_language (b) &&
          mc_board_get_language (t) != mc_board_get_language (b))
        mc_command_group_add (group, mc_command_set_language (o, mc_board_get_language (t)));
      if (mc_board_get_phase (o) == mc_board_get_phase (b) &&
          mc_board_get_phase (t) != mc_board_get_phase (b))
        mc_command_group_add (group, mc_command_set_phase (o, mc_board_get_phase (t)));
    }
  else if ((title_o == NULL || *title_o == '\0') && title_t != NULL && *title_t != '\0')
    {
      mc_command_group_add (group, mc_command_set_title (o, title_t));
    }

  for (guint i = 0; keys_o && keys_o[i]; i++)
    g_hash_table_add (keys, keys_o[i]);
  for (guint i = 0; keys_t && keys_t[i]; i++)
    g_hash_table_add (keys, keys_t[i]);

  sorted = g_hash_table_get_keys_as_array (keys, &n_keys);
  g_qsort_with_data (sorted, n_keys, sizeof (gpointer),
                     compare_strings, NULL);
  for (guint i = 0; i < n_keys; i++)
    {
      const char *key = sorted[i];
      const char *vo = mc_board_get_meta (o, key);
      const char *vt = mc_board_get_meta (t, key);

      /* The revision keys describe each file's own history, not content. */
      if (g_str_equal (key, MC_META_REVISION) || g_str_equal (key, MC_META_BASE_REVISION))
        continue;
      if (g_strcmp0 (vo, vt) == 0)
        continue;

      if (b != NULL)
        {
          const char *vb = mc_board_get_meta (b, key);

          if (g_strcmp0 (vo, vb) == 0)
            mc_command_group_add (group, mc_command_set_meta (o, key, vt));
        }
      else if (vo == NULL)
        {
          mc_command_group_add (group, mc_command_set_meta (o, key, vt));
        }
    }
}

/* If one copy says it started from the other's saved state, that state is
 * the common base. */
static McBoard *
implicit_base (McBoard *ours,
               McBoard *theirs)
{
  const char *rev_o = mc_board_get_meta (ours, MC_META_REVISION);
  const char *rev_t = mc_board_get_meta (theirs, MC_META_REVISION);
  const char *base_o = mc_board_get_meta (ours, MC_META_BASE_REVISION);
  const char *base_t = mc_board_get_meta (theirs, MC_META_BASE_REVISION);

  if (rev_o != NULL && g_strcmp0 (base_t, rev_o) == 0 && !mc_board_get_modified (ours))
    return ours;
  if (rev_t != NULL && g_strcmp0 (base_o, rev_t) == 0 && !mc_board_get_modified (theirs))
    return theirs;
  return NULL;
}

static void
build_commands (MergeState *state,
                McCommand  *group)
{
  McBoard *ours = state->ours;
  GPtrArray *ours_notes = mc_board_get_notes (ours);
  GPtrArray *ours_figures = mc_board_get_figures (ours);
  GPtrArray *theirs_figures = mc_board_get_figures (state->theirs);
  g_autoptr(GHashTable) removed_figures = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) remove_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) updates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) additions = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  /* Figures theirs deleted and we left alone go, unless a merged note
   * still sits on them. Their notes go with them in the same command. */
  for (guint i = 0; state->base != NULL && i < ours_figures->len; i++)
    {
      McFigure *o = g_ptr_array_index (ours_figures, i);
      const char *id = mc_figure_get_id (o);
      McFigure *b = mc_board_get_figure (state->base, id);

      if (b == NULL || mc_board_get_figure (state->theirs, id) != NULL ||
          !figure_same (o, b) || figure_has_merged_notes (state, id))
        continue;
      g_hash_table_add (removed_figures, (gpointer) id);
      mc_command_group_add (group, mc_command_remove_figure (ours, id));
    }

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

  /* Figures only theirs has (or theirs changed), before the notes that
   * anchor to them. */
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
          mc_command_group_add (group, mc_command_add_figure (added));
          state->result->n_figures_added++;
        }
      else if (remapped == NULL && !figure_same (o, t))
        {
          McFigure *take;
          g_autoptr(McFigure) changed = NULL;

          if (b != NULL && figure_same (t, b))
            continue;
          if (b != NULL && figure_same (o, b))
            take = t;
          else
            take = figure_winner (o, t);
          if (take == o)
            continue;

          changed = mc_figure_dup (o);
          mc_figure_set_position (changed, mc_figure_get_x (take), mc_figure_get_y (take));
          mc_figure_set_scale (changed, mc_figure_get_scale (take));
          mc_command_group_add (group, mc_command_update_figure (ours, g_steal_pointer (&changed)));
        }
    }

  g_hash_table_iter_init (&iter, state->merged);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      McNote *o = mc_board_get_note (ours, key);

      if (o == NULL)
        g_ptr_array_add (additions, g_object_ref (value));
      else if (!note_identical (o, value))
        {
          g_ptr_array_add (updates, g_object_ref (value));
          if (!g_hash_table_contains (state->outcomes, key))
            state->result->n_changed++;
        }
    }

  if (updates->len > 0)
    {
      g_ptr_array_sort (updates, compare_notes_stable);
      mc_command_group_add (group, mc_command_update_notes (ours, g_steal_pointer (&updates)));
    }
  if (additions->len > 0)
    {
      /* New notes go on top in a stable order, whichever side they came from. */
      g_ptr_array_sort (additions, compare_notes_stable);
      mc_command_group_add (group, mc_command_add_notes (g_steal_pointer (&additions)));
    }

  merge_clusters (state, group);
  merge_meta (state, group);
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
  g_autoptr(McCommand) group = NULL;
  g_autofree gpointer *ids = NULL;
  guint n_ids = 0;
  MergeState state;

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
    base = implicit_base (ours, theirs);

  result = g_new0 (McMergeResult, 1);
  result->three_way = base != NULL;
  figure_remap = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  conflict_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  state = (MergeState) {
    .ours = ours,
    .theirs = theirs,
    .base = base,
    .figure_remap = figure_remap,
    .merged = merged,
    .outcomes = outcomes,
    .conflict_ids = conflict_ids,
    .result = result,
  };

  remap_figures (&state);
  merge_notes (&state);

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

  result->empty = mc_command_group_is_empty (group);
  result->command = g_steal_pointer (&group);

  ids = g_hash_table_get_keys_as_array (conflict_ids, &n_ids);
  g_qsort_with_data (ids, n_ids, sizeof (gpointer),
                     compare_strings, NULL);
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

int
mc_merge_cli (const char *board,
              const char *other,
              const char *base,
              const char *output)
{
  g_autoptr(GFile) board_file = NULL;
  g_autoptr(GFile) other_file = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McBoard) base_board = NULL;
  g_autoptr(McMergeResult) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (board != NULL, 1);
  g_return_val_if_fail (other != NULL, 1);

  board_file = g_file_new_for_commandline_arg (board);
  other_file = g_file_new_for_commandline_arg (other);
  output_file = g_file_new_for_commandline_arg (output ? output : board);

  if ((ours = mc_board_load_from_file (board_file, MC_BOARD_LOAD_NONE, &error)) == NULL ||
      (theirs = mc_board_load_from_file (other_file, MC_BOARD_LOAD_ALLOW_NEWER, &error)) == NULL)
    {
      g_printerr ("missiecanvas: %s\n", error->message);
      return 1;
    }
  if (base != NULL)
    {
      g_autoptr(GFile) base_file = g_file_new_for_commandline_arg (base);

      base_board = mc_board_load_from_file (base_file, MC_BOARD_LOAD_ALLOW_NEWER, &error);
      if (base_board == NULL)
        {
          g_printerr ("missiecanvas: %s\n", error->message);
          return 1;
        }
    }

  if (!mc_merge_into (ours, theirs, base_board, &summary, &error) ||
      !mc_board_save_to_file (ours, output_file, &error))
    {
      g_printerr ("missiecanvas: %s\n", error->message);
      return 1;
    }

  /* TRANSLATORS: the summary of a merge on the command line */
  g_print (_("Merged %s: %u added, %u changed, %u removed, %u conflicts, %u kept despite deletion\n"),
           other, summary->n_added, summary->n_changed, summary->n_removed,
           summary->n_conflicts, summary->n_kept_deleted);
  for (guint i = 0; summary->conflict_ids[i] != NULL; i++)
    g_print ("  %s %s\n", _("conflict:"), summary->conflict_ids[i]);
  return 0;
}
