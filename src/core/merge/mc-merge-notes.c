/* mc-merge-notes.c — the merged version of every note
 *
 * For every note id on either side this decides the merged version (or that
 * the note goes). Each field (text, colour, author, anchor, position,
 * votes, conflict mark, phase, unknown members) takes the side that changed
 * it, so changes to different fields combine. Every decision is a function
 * of the versions involved, never of which side is "ours", so that merging
 * copies in any order gives the same notes: where both sides changed text,
 * colour or author differently, the value with the larger hash stays at the
 * original id, and a conflict copy with the other value gets a name-based
 * id derived from its content. The modification time comes from the
 * inputs, never from the clock.
 */
#include "config.h"

#include <string.h>

#include "mc-merge-private.h"
#include "mc-board-io.h"
#include "mc-note-private.h"

/* A free note's conflict copy sits this far to the right of it (beyond its
 * width), so both texts can be read side by side. */
#define CONFLICT_COPY_GAP 12.0

/* Namespace of the name-based (version 5) UUIDs of conflict copies. */
static const guint8 conflict_namespace[16] = {
  0x6d, 0x63, 0x2d, 0x6d, 0x65, 0x72, 0x67, 0x65,
  0x8a, 0x41, 0x4f, 0x0e, 0x9b, 0x27, 0x3c, 0x51,
};

/* ------------------------------------------------------------------ */
/* Comparing versions, field by field                                  */

static gboolean
text_equal (McNote *a,
            McNote *b)
{
  return g_strcmp0 (mc_note_get_text (a), mc_note_get_text (b)) == 0;
}

static gboolean
color_equal (McNote *a,
             McNote *b)
{
  return g_strcmp0 (mc_note_get_color (a), mc_note_get_color (b)) == 0;
}

static gboolean
author_equal (McNote *a,
              McNote *b)
{
  return g_strcmp0 (mc_note_get_author (a), mc_note_get_author (b)) == 0;
}

static gboolean
content_equal (McNote *a,
               McNote *b)
{
  return text_equal (a, b) && color_equal (a, b) && author_equal (a, b);
}

static gboolean
anchor_equal (McNote *a,
              McNote *b)
{
  return g_strcmp0 (mc_note_get_figure_id (a), mc_note_get_figure_id (b)) == 0 &&
         g_strcmp0 (mc_note_get_region_id (a), mc_note_get_region_id (b)) == 0 &&
         g_strcmp0 (mc_note_get_reach (a), mc_note_get_reach (b)) == 0;
}

static gboolean
position_equal (McNote *a,
                McNote *b)
{
  McRect ra, rb;

  if (mc_note_get_has_position (a) != mc_note_get_has_position (b))
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

static gboolean
placement_equal (McNote *a,
                 McNote *b)
{
  return anchor_equal (a, b) && position_equal (a, b);
}

/* The phase as one comparable number: 0 without one. */
static guint
phase_key (McNote *note)
{
  return mc_note_get_has_phase (note) ? (guint) mc_note_get_phase (note) + 1 : 0;
}

/* Same note for the purpose of "was it changed": everything but the
 * times, which a mere touch moves. */
static gboolean
note_same (McNote *a,
           McNote *b)
{
  return content_equal (a, b) &&
         placement_equal (a, b) &&
         mc_note_get_votes (a) == mc_note_get_votes (b) &&
         mc_note_get_conflict (a) == mc_note_get_conflict (b) &&
         phase_key (a) == phase_key (b);
}

static gboolean
extra_equal (McNote *a,
             McNote *b)
{
  return _mc_extra_equal (_mc_note_get_extra (a), _mc_note_get_extra (b));
}

gboolean
_mc_merge_note_identical (McNote *a,
                          McNote *b)
{
  return note_same (a, b) &&
         extra_equal (a, b) &&
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
  return g_strdup_printf ("%s|%s|%s|%d|%s|%s|%s|%s",
                          mc_note_get_figure_id (note) ? mc_note_get_figure_id (note) : "",
                          mc_note_get_region_id (note) ? mc_note_get_region_id (note) : "",
                          mc_note_get_reach (note) ? mc_note_get_reach (note) : "",
                          mc_note_get_has_position (note),
                          g_ascii_dtostr (buf[0], sizeof buf[0], r.x),
                          g_ascii_dtostr (buf[1], sizeof buf[1], r.y),
                          g_ascii_dtostr (buf[2], sizeof buf[2], r.width),
                          g_ascii_dtostr (buf[3], sizeof buf[3], r.height));
}

static int
compare_field (const char *a,
               const char *b)
{
  g_autofree char *ha = NULL;
  g_autofree char *hb = NULL;

  if (g_strcmp0 (a, b) == 0)
    return 0;
  ha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, a ? a : "\x01", -1);
  hb = g_compute_checksum_for_string (G_CHECKSUM_SHA256, b ? b : "\x01", -1);
  return strcmp (ha, hb) != 0 ? strcmp (ha, hb) : g_strcmp0 (a, b);
}

/* Which version's content stays at the note's id when both sides changed
 * it: the first field that differs (text, then colour, then author)
 * decides, by a hash of its value, so the choice is symmetric and does not
 * depend on fields the two agree on after combining. */
static gboolean
content_wins (McNote *a,
              McNote *b)
{
  int cmp = compare_field (mc_note_get_text (a), mc_note_get_text (b));

  if (cmp == 0)
    cmp = compare_field (mc_note_get_color (a), mc_note_get_color (b));
  if (cmp == 0)
    cmp = compare_field (mc_note_get_author (a), mc_note_get_author (b));
  return cmp >= 0;
}

/* The anchor of src (figure, region and reach) on dst. */
static void
copy_anchor (McNote *dst,
             McNote *src)
{
  mc_note_set_anchor (dst, mc_note_get_figure_id (src), mc_note_get_region_id (src));
  mc_note_set_reach (dst, mc_note_get_reach (src));
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
copy_position (McNote *dst,
               McNote *src)
{
  McRect r;

  mc_note_get_rect (src, &r);
  mc_note_set_rect (dst, &r);
  if (!mc_note_get_has_position (src))
    mc_note_clear_position (dst);
}

static void
copy_placement (McNote *dst,
                McNote *src)
{
  copy_anchor (dst, src);
  copy_position (dst, src);
}

static void
copy_phase (McNote *dst,
            McNote *src)
{
  if (mc_note_get_has_phase (src))
    mc_note_set_phase (dst, mc_note_get_phase (src));
  else
    mc_note_clear_phase (dst);
}

/* Every stored field but the id (and the unknown members, which stay with
 * the note dst was duplicated from). */
static void
assign_version (McNote *dst,
                McNote *src)
{
  copy_content (dst, src);
  copy_placement (dst, src);
  copy_phase (dst, src);
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

/* The copy that keeps the losing side of a conflict: the merged note with
 * the loser's values of the conflicting fields, so that merging three
 * copies in any grouping makes the same copies. An anchored copy has no
 * position: the layout packs it into its region, so it never lands outside
 * its figure. A free note's copy sits beside it. */
static McNote *
make_conflict_copy (McNote   *merged,
                    McNote   *loser,
                    gboolean  text,
                    gboolean  color,
                    gboolean  author)
{
  g_autoptr(McNote) version = mc_note_dup (merged);
  g_autofree char *id = NULL;
  McNote *copy;

  if (text)
    mc_note_set_text (version, mc_note_get_text (loser));
  if (color)
    mc_note_set_color (version, mc_note_get_color (loser));
  if (author)
    mc_note_set_author (version, mc_note_get_author (loser));

  /* The loser's times: the copy is that version, merged again it is the
   * same note with the same times. */
  mc_note_set_created (version, mc_note_get_created (loser));
  mc_note_set_modified (version, mc_note_get_modified (loser));
  id = mc_merge_conflict_copy_id (version);
  copy = clone_with_id (version, id);
  if (mc_note_get_figure_id (copy) != NULL)
    {
      mc_note_clear_position (copy);
    }
  else if (mc_note_get_has_position (copy))
    {
      McRect r;

      mc_note_get_rect (copy, &r);
      r.x = MIN (r.x + r.width + CONFLICT_COPY_GAP, MC_BOARD_MAX_COORDINATE);
      mc_note_set_rect (copy, &r);
    }
  /* The votes stay with the original: counting them twice would inflate
   * the tally each time the copies are merged again. */
  mc_note_set_votes (copy, 0);
  mc_note_set_conflict (copy, TRUE);
  return copy;
}

/* Votes as the loader accepts them. */
static guint
clamp_votes (gint64 votes)
{
  return (guint) CLAMP (votes, 0, MC_MERGE_MAX_VOTES);
}

/* The members this build does not know, member by member. */
static void
merge_extra (McNote *merged,
             McNote *o,
             McNote *t,
             McNote *b)
{
  g_autoptr(JsonObject) extra = _mc_merge_extra (_mc_note_get_extra (o), _mc_note_get_extra (t),
                                                 b ? _mc_note_get_extra (b) : NULL, b != NULL);

  _mc_note_set_extra (merged, extra);
}

/* Whatever the inputs held (a window may have let a longer text through),
 * the merged note is one the loader accepts. */
static void
fit_limits (McNote *note)
{
  g_autofree char *text = _mc_merge_truncate_utf8 (mc_note_get_text (note),
                                                  MC_BOARD_MAX_TEXT_LENGTH);
  g_autofree char *author = _mc_merge_truncate_utf8 (mc_note_get_author (note),
                                                    MC_BOARD_MAX_TEXT_LENGTH);

  if (text != NULL)
    mc_note_set_text (note, text);
  if (author != NULL)
    mc_note_set_author (note, author);
  mc_note_set_votes (note, clamp_votes (mc_note_get_votes (note)));
}

/* The merged note must differ from both inputs in its modification time
 * whenever it differs from them in content: an update carrying the time a
 * note already has is stamped with the clock (mc_command_update_notes),
 * and the clock differs from run to run and from side to side. Stepping a
 * second past a clash keeps the time a function of the inputs alone. */
static void
settle_modified (McNote *merged,
                 McNote *o,
                 McNote *t)
{
  gint64 modified = mc_note_get_modified (merged);
  gboolean clash = TRUE;

  while (clash)
    {
      clash = (o != NULL && mc_note_get_modified (o) == modified && !note_same (o, merged)) ||
              (t != NULL && mc_note_get_modified (t) == modified && !note_same (t, merged));
      if (clash)
        modified += G_USEC_PER_SEC;
    }
  mc_note_set_modified (merged, modified);
}

/* Both sides changed the note's content: the winner's version stays at
 * the id (the caller combines what the sides changed apart and makes the
 * loser's conflict copy). */
static McNote *
merge_conflict (McNote  *o,
                McNote  *t,
                guint    votes,
                McNote **loser)
{
  McNote *winner = content_wins (o, t) ? o : t;
  McNote *merged = mc_note_dup (o);

  *loser = winner == o ? t : o;
  assign_version (merged, winner);
  mc_note_set_votes (merged, votes);
  mc_note_set_conflict (merged, TRUE);
  mc_note_set_created (merged, MIN (mc_note_get_created (o), mc_note_get_created (t)));
  mc_note_set_modified (merged, MAX (mc_note_get_modified (o), mc_note_get_modified (t)));
  return merged;
}

/* Two versions of one note and no base: whatever differs in content is a
 * conflict; votes take the maximum. */
static McNote *
merge_two (McNote          *o,
           McNote          *t,
           McNote         **copy,
           McMergeOutcome  *outcome)
{
  McNote *merged;
  McNote *loser = NULL;

  *copy = NULL;
  *outcome = MC_MERGE_OUTCOME_MERGED;
  if (!content_equal (o, t))
    {
      *outcome = MC_MERGE_OUTCOME_CONFLICT;
      merged = merge_conflict (o, t, MAX (mc_note_get_votes (o), mc_note_get_votes (t)), &loser);
    }
  else
    {
      merged = mc_note_dup (o);
      mc_note_set_votes (merged, MAX (mc_note_get_votes (o), mc_note_get_votes (t)));
      mc_note_set_conflict (merged, mc_note_get_conflict (o) || mc_note_get_conflict (t));
      mc_note_set_created (merged, MIN (mc_note_get_created (o), mc_note_get_created (t)));
      mc_note_set_modified (merged, MAX (mc_note_get_modified (o), mc_note_get_modified (t)));
    }
  if (!placement_equal (o, t))
    copy_placement (merged, placement_winner (o, t));
  copy_phase (merged, phase_key (o) >= phase_key (t) ? o : t);
  merge_extra (merged, o, t, NULL);
  settle_modified (merged, o, t);

  if (loser != NULL)
    *copy = make_conflict_copy (merged, loser, !text_equal (o, t), !color_equal (o, t),
                                !author_equal (o, t));
  return merged;
}

/* One field three-way: the side that changed it, or NULL when both changed
 * it differently (a real conflict). */
typedef gboolean (*FieldEqualFunc) (McNote *a, McNote *b);

static McNote *
field_from (FieldEqualFunc  equal,
            McNote         *o,
            McNote         *t,
            McNote         *b)
{
  if (equal (t, b) || equal (o, t))
    return o;
  if (equal (o, b))
    return t;
  return NULL;
}

static gboolean
conflict_equal (McNote *a,
                McNote *b)
{
  return mc_note_get_conflict (a) == mc_note_get_conflict (b);
}

static gboolean
phase_equal (McNote *a,
             McNote *b)
{
  return phase_key (a) == phase_key (b);
}

/* Three versions: every field takes the side that changed it, so a colour
 * changed on one side and a text on the other make one note with both.
 * Only text, colour or author changed differently on both sides is a
 * conflict; a placement both sides changed goes to the later edit. */
static McNote *
merge_three (McNote          *o,
             McNote          *t,
             McNote          *b,
             McNote         **copy,
             McMergeOutcome  *outcome)
{
  McNote *merged;
  McNote *text_from = field_from (text_equal, o, t, b);
  McNote *color_from = field_from (color_equal, o, t, b);
  McNote *author_from = field_from (author_equal, o, t, b);
  McNote *anchor_from = field_from (anchor_equal, o, t, b);
  McNote *position_from = field_from (position_equal, o, t, b);
  McNote *conflict_from = field_from (conflict_equal, o, t, b);
  McNote *phase_from = field_from (phase_equal, o, t, b);
  McNote *loser = NULL;
  guint votes;

  *copy = NULL;
  *outcome = MC_MERGE_OUTCOME_MERGED;

  /* Only touched (times moved, nothing else): the later time. */
  if (note_same (t, b) && note_same (o, b))
    {
      merged = mc_note_dup (o);
      mc_note_set_created (merged, MIN (mc_note_get_created (o), mc_note_get_created (t)));
      mc_note_set_modified (merged, MAX (mc_note_get_modified (o), mc_note_get_modified (t)));
      merge_extra (merged, o, t, b);
      return merged;
    }
  /* Changed on one side only: that side's version, times included. */
  if (note_same (t, b) || note_same (o, b))
    {
      merged = mc_note_dup (o);
      if (note_same (o, b))
        assign_version (merged, t);
      merge_extra (merged, o, t, b);
      settle_modified (merged, o, t);
      return merged;
    }

  votes = clamp_votes ((gint64) mc_note_get_votes (o) + (gint64) mc_note_get_votes (t) -
                       (gint64) mc_note_get_votes (b));

  if (text_from == NULL || color_from == NULL || author_from == NULL)
    {
      /* The original takes the winner's side of what conflicts and
       * whatever the sides changed apart; the copy the loser's side. */
      McNote *winner = content_wins (o, t) ? o : t;

      *outcome = MC_MERGE_OUTCOME_CONFLICT;
      merged = merge_conflict (o, t, votes, &loser);
      mc_note_set_text (merged, mc_note_get_text (text_from ? text_from : winner));
      mc_note_set_color (merged, mc_note_get_color (color_from ? color_from : winner));
      mc_note_set_author (merged, mc_note_get_author (author_from ? author_from : winner));
    }
  else
    {
      merged = mc_note_dup (o);
      mc_note_set_text (merged, mc_note_get_text (text_from));
      mc_note_set_color (merged, mc_note_get_color (color_from));
      mc_note_set_author (merged, mc_note_get_author (author_from));
      mc_note_set_votes (merged, votes);
      if (conflict_from != NULL)
        mc_note_set_conflict (merged, mc_note_get_conflict (conflict_from));
      else
        mc_note_set_conflict (merged, mc_note_get_conflict (o) || mc_note_get_conflict (t));
      mc_note_set_created (merged, MIN (mc_note_get_created (o), mc_note_get_created (t)));
      mc_note_set_modified (merged, MAX (mc_note_get_modified (o), mc_note_get_modified (t)));
    }

  if (anchor_from == NULL)
    {
      copy_placement (merged, placement_winner (o, t));
    }
  else
    {
      copy_anchor (merged, anchor_from);
      copy_position (merged, position_from ? position_from : placement_winner (o, t));
    }
  copy_phase (merged, phase_from ? phase_from : (phase_key (o) >= phase_key (t) ? o : t));
  merge_extra (merged, o, t, b);
  settle_modified (merged, o, t);

  if (loser != NULL)
    *copy = make_conflict_copy (merged, loser, text_from == NULL, color_from == NULL,
                                author_from == NULL);
  return merged;
}


/* A detached copy of theirs' version with its anchor remapped. */
static McNote *
theirs_version (McMergeState *state,
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
put_merged (McMergeState *state,
            McNote     *note,
            McMergeOutcome     outcome)
{
  const char *id = mc_note_get_id (note);

  fit_limits (note);
  g_hash_table_replace (state->merged, g_strdup (id), note);
  if (outcome != MC_MERGE_OUTCOME_MERGED)
    {
      g_hash_table_replace (state->outcomes, g_strdup (id), GINT_TO_POINTER (outcome));
      g_hash_table_add (state->conflict_ids, g_strdup (id));
    }
}

/* A conflict copy may already exist (an earlier merge made the same one):
 * then both are versions of one note and merge like any other. */
static void
put_copy (McMergeState *state,
          McNote     *copy)
{
  McNote *existing = g_hash_table_lookup (state->merged, mc_note_get_id (copy));

  if (existing != NULL)
    {
      g_autoptr(McNote) owned = copy;
      McNote *again = NULL;
      McMergeOutcome outcome;
      McNote *merged = merge_two (existing, owned, &again, &outcome);

      /* Same id means same content, so no further copy can arise. */
      g_clear_object (&again);
      g_hash_table_add (state->conflict_ids, g_strdup (mc_note_get_id (merged)));
      g_hash_table_replace (state->merged, g_strdup (mc_note_get_id (merged)), merged);
      return;
    }

  fit_limits (copy);
  g_hash_table_add (state->conflict_ids, g_strdup (mc_note_get_id (copy)));
  g_hash_table_replace (state->merged, g_strdup (mc_note_get_id (copy)), copy);
}

void
_mc_merge_notes (McMergeState *state)
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
      McMergeOutcome outcome;

      if (t_in != NULL)
        {
          g_autoptr(McNote) t = theirs_version (state, t_in);

          if (b != NULL)
            merged = merge_three (o, t, b, &copy, &outcome);
          else
            merged = merge_two (o, t, &copy, &outcome);

          if (outcome == MC_MERGE_OUTCOME_CONFLICT)
            state->result->n_conflicts++;
          put_merged (state, merged, outcome);
          if (copy != NULL)
            {
              g_hash_table_replace (state->copy_of, g_strdup (mc_note_get_id (copy)),
                                    g_strdup (id));
              g_ptr_array_add (copies, copy);
            }
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
          settle_modified (merged, o, NULL);
          state->result->n_kept_deleted++;
          put_merged (state, merged, MC_MERGE_OUTCOME_KEPT_DELETED);
        }
      else
        {
          /* Added on our side (or no base to tell): always kept. */
          put_merged (state, mc_note_dup (o), MC_MERGE_OUTCOME_MERGED);
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
          settle_modified (merged, t, NULL);
          state->result->n_kept_deleted++;
          put_merged (state, merged, MC_MERGE_OUTCOME_KEPT_DELETED);
        }
      else
        {
          state->result->n_added++;
          put_merged (state, theirs_version (state, t_in), MC_MERGE_OUTCOME_MERGED);
        }
    }

  for (guint i = 0; i < copies->len; i++)
    put_copy (state, g_object_ref (g_ptr_array_index (copies, i)));
}
