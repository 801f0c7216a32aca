/* test-merge-order.c — the merge does not depend on which copy receives
 * the other (byte for byte), combines changes field by field, stays within
 * the loader's limits; and on random boards: order, grouping and
 * repetition do not matter, nothing is lost, every result loads
 *
 * The random boards: a few hundred seeded trials of a random base board
 * and three members' copies with random edits (text, colour, author,
 * votes, position, region, deletions, new notes, clusters, figures
 * added or moved, unknown members of notes, figures and clusters), merged
 * three-way (even trials) or two-way (odd ones).
 */
#include "config.h"

#include <string.h>

#include "mc-board.h"
#include "mc-board-io.h"
#include "mc-cluster-private.h"
#include "mc-figure-private.h"
#include "mc-note-private.h"
#include "mc-command.h"
#include "mc-merge.h"
#include "mc-test-board.h"
#include "mc-test-util.h"

#include "merge-fixture.h"

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

#define N_TRIALS 300

/* Both directions as saved bytes (the receiving copy cloned first). */
static void
assert_commutes (McBoard *a,
                 McBoard *b,
                 McBoard *base)
{
  g_autoptr(McBoard) ab = mc_test_board_merged (b, a, base);
  g_autoptr(McBoard) ba = mc_test_board_merged (a, b, base);
  g_autofree char *ab_data = mc_test_board_saved (ab);
  g_autofree char *ba_data = mc_test_board_saved (ba);

  g_assert_cmpstr (ab_data, ==, ba_data);
}

/* Colour on one side, text on the other: one note with both, no copy. */
static void
test_fields_combine (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  McNote *note;

  mc_test_board_edit_note (ours, ID_1, NULL, "green", -1, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_1, "Energiearmoede, vooral bij huurders", NULL, -1, -1, -1, T0 + S (20));
  assert_commutes (ours, theirs, base);

  summary = merge (ours, theirs, base);
  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 0);
  g_assert_cmpuint (mc_board_get_n_notes (ours), ==, 6);
  note = mc_board_get_note (ours, ID_1);
  g_assert_cmpstr (mc_note_get_text (note), ==, "Energiearmoede, vooral bij huurders");
  g_assert_cmpstr (mc_note_get_color (note), ==, "green");
  g_assert_false (mc_note_get_conflict (note));
}

/* A text both changed and a colour one changed: the copy carries the
 * other text and the new colour too. */
static void
test_conflict_copy_combines (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  const char * const *ids;

  mc_test_board_edit_note (ours, ID_2, "Wantrouwen (ons)", "pink", -1, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_2, "Wantrouwen (hen)", NULL, -1, -1, -1, T0 + S (20));
  assert_commutes (ours, theirs, base);

  summary = merge (ours, theirs, base);
  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 1);
  ids = mc_merge_result_get_conflict_ids (summary);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 2);
  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_cmpstr (mc_note_get_color (mc_board_get_note (ours, ids[i])), ==, "pink");
  g_assert_cmpuint (mc_test_board_count_text (ours, "Wantrouwen (ons)"), ==, 1);
  g_assert_cmpuint (mc_test_board_count_text (ours, "Wantrouwen (hen)"), ==, 1);
}

/* The merged note's time comes from the inputs, never the clock: both
 * sides edit at the same second (votes on one, a move on the other). */
static void
test_modified_from_inputs (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  gint64 modified;

  mc_test_board_edit_note (ours, ID_4, NULL, NULL, 3, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_4, NULL, NULL, -1, 500, 500, T0 + S (10));
  assert_commutes (ours, theirs, base);
  assert_commutes (ours, theirs, NULL);

  summary = merge (ours, theirs, base);
  modified = mc_note_get_modified (mc_board_get_note (ours, ID_4));
  g_assert_cmpint (modified, >=, T0 + S (10));
  g_assert_cmpint (modified, <=, T0 + S (12));
}

/* o + t - b beyond what the loader takes is clamped, and the board loads. */
static void
test_votes_within_limits (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McMergeResult) summary = NULL;
  g_autofree char *data = NULL;

  mc_test_board_edit_note (base, ID_4, NULL, NULL, 1, -1, -1, T0 + S (1));
  ours = mc_test_board_clone (base);
  theirs = mc_test_board_clone (base);
  mc_test_board_edit_note (ours, ID_4, NULL, NULL, 9000, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_4, NULL, NULL, 8000, -1, -1, T0 + S (20));

  summary = merge (ours, theirs, base);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (ours, ID_4)), ==, 10000);
  data = mc_test_board_saved (ours);
  g_assert_nonnull (strstr (data, "\"votes\": 10000"));
}

/* Members this build does not know merge by value too. */
static void
test_unknown_members (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autofree char *data = mc_board_to_data (base, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(GString) with_ours = g_string_new (data);
  g_autoptr(GString) with_theirs = g_string_new (data);

  g_string_replace (with_ours, "\"votes\": 0", "\"votes\": 0, \"future\": 1", 1);
  g_string_replace (with_theirs, "\"votes\": 0", "\"votes\": 0, \"future\": 2", 1);
  ours = mc_board_load_from_data (with_ours->str, with_ours->len, "ours",
                                  MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  theirs = mc_board_load_from_data (with_theirs->str, with_theirs->len, "theirs",
                                    MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);

  assert_commutes (ours, theirs, NULL);
  assert_commutes (ours, theirs, base);
}

/* Members this build does not know on the board object and at the file's
 * top level: merged member by member, the same whichever copy receives. */
static void
test_board_unknown_members (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autofree char *data = mc_board_to_data (base, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McBoard) merged = NULL;
  g_autofree char *merged_data = NULL;
  g_autoptr(GString) with_ours = g_string_new (data);
  g_autoptr(GString) with_theirs = g_string_new (data);

  g_assert_cmpuint (g_string_replace (with_ours, "\"board\": {",
                                      "\"x-ours\": 1, \"board\": {\"future\": {\"a\": 1}, \"only-ours\": true, ",
                                      1), ==, 1);
  g_assert_cmpuint (g_string_replace (with_theirs, "\"board\": {",
                                      "\"x-theirs\": 2, \"board\": {\"future\": {\"a\": 2}, \"only-theirs\": [1], ",
                                      1), ==, 1);
  ours = mc_board_load_from_data (with_ours->str, with_ours->len, "ours", MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  theirs = mc_board_load_from_data (with_theirs->str, with_theirs->len, "theirs", MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);

  assert_commutes (ours, theirs, NULL);
  assert_commutes (ours, theirs, base);

  /* Nothing either copy wrote is dropped; the differing member is chosen by value. */
  merged = mc_test_board_merged (ours, theirs, base);
  merged_data = mc_test_board_saved (merged);
  g_assert_nonnull (strstr (merged_data, "\"x-ours\": 1"));
  g_assert_nonnull (strstr (merged_data, "\"x-theirs\": 2"));
  g_assert_nonnull (strstr (merged_data, "\"only-ours\": true"));
  g_assert_nonnull (strstr (merged_data, "\"only-theirs\""));
  g_assert_cmpuint (mc_board_get_n_notes (merged), ==, mc_board_get_n_notes (base));

  /* Taken back in one undo step. */
  g_assert_true (mc_board_undo (merged));
  {
    g_autofree char *undone = mc_test_board_saved (merged);
    g_autofree char *original = mc_test_board_saved (ours);

    g_assert_null (strstr (undone, "only-theirs"));
    g_assert_cmpstr (undone, ==, original);
  }
}

static const char * const regions[] = { "context", "intervention", "mechanisms", "outcomes" };
static const char * const words[] = { "wijk", "bewoners", "energie", "gemeente", "lab", "" };

static char *
random_id (GRand *rand)
{
  return g_strdup_printf ("%08x-0000-4000-8000-%012x",
                          (guint) g_rand_int (rand), (guint) g_rand_int_range (rand, 0, 1 << 30));
}

static char *
random_text (GRand *rand)
{
  return g_strdup_printf ("%s %s %u", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                          words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                          (guint) g_rand_int_range (rand, 0, 4));
}

static McNote *
random_note (GRand *rand)
{
  g_autofree char *id = random_id (rand);
  g_autofree char *text = random_text (rand);
  McNote *note = mc_note_new_with_id (id);
  McRect rect = { g_rand_int_range (rand, 0, 5) * 40.0, g_rand_int_range (rand, 0, 5) * 40.0,
                  MC_NOTE_DEFAULT_WIDTH, MC_NOTE_DEFAULT_HEIGHT };
  gint64 t = T0 + S (g_rand_int_range (rand, 0, 50));

  mc_note_set_text (note, text);
  mc_note_set_rect (note, &rect);
  mc_note_set_anchor (note, "cimo", regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (regions))]);
  if (g_rand_boolean (rand))
    mc_note_clear_position (note);
  mc_note_set_created (note, t);
  mc_note_set_modified (note, t);
  return note;
}

static const char * const kinds[] = { "cimo", "context", "doorwerking" };
static const char * const member_names[] = { "future", "plugin", "aardvark" };

/* The unknown members of an object after a random edit: one member set
 * to a small number or taken out. A new object (they are immutable). */
static JsonObject *
random_extra (JsonObject *old,
              GRand      *rand)
{
  JsonObject *extra = json_object_new ();
  const char *name = member_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (member_names))];

  if (old != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, old);
      while (json_object_iter_next_ordered (&iter, &member, &node))
        json_object_set_member (extra, member, json_node_copy (node));
    }
  if (g_rand_int_range (rand, 0, 3) == 0 && json_object_has_member (extra, name))
    json_object_remove_member (extra, name);
  else
    json_object_set_int_member (extra, name, g_rand_int_range (rand, 0, 3));
  return extra;
}

/* Figures added (with an id of their own), moved, or given unknown members. */
static void
random_figure_edits (McBoard *board,
                     GRand   *rand)
{
  GPtrArray *figures = mc_board_get_figures (board);
  guint n_add = g_rand_int_range (rand, 0, 3);

  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *changed;

      if (g_rand_int_range (rand, 0, 3) != 0)
        continue;
      changed = mc_figure_dup (g_ptr_array_index (figures, i));
      if (g_rand_boolean (rand))
        mc_figure_set_position (changed, g_rand_int_range (rand, 0, 4) * 500.0, 0);
      else
        {
          g_autoptr(JsonObject) extra = random_extra (_mc_figure_get_extra (changed), rand);

          _mc_figure_set_extra (changed, extra);
        }
      mc_board_execute (board, mc_command_update_figure (board, changed));
    }

  for (guint i = 0; i < n_add; i++)
    {
      g_autofree char *id = g_strdup_printf ("figure-%u", (guint) g_rand_int_range (rand, 0, 1000));
      McFigure *added;

      if (mc_board_get_figure (board, id) != NULL)
        continue;
      added = mc_figure_new (id, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
      mc_figure_set_position (added, 2000.0 + g_rand_int_range (rand, 0, 4) * 500.0, 0);
      if (g_rand_boolean (rand))
        {
          g_autoptr(JsonObject) extra = random_extra (NULL, rand);

          _mc_figure_set_extra (added, extra);
        }
      mc_board_execute (board, mc_command_add_figure (added));
      if (g_str_equal (mc_figure_get_kind (mc_board_get_figure (board, id)), "cimo"))
        {
          McNote *note = random_note (rand);

          mc_note_set_anchor (note, id, regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (regions))]);
          mc_board_execute (board, mc_command_add_note (note));
        }
    }
}

/* One member's random edits: each note is left, edited field by field,
 * or deleted; a few notes and maybe a cluster are added. */
static void
random_edits (McBoard *board,
              GRand   *rand)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *notes = mc_board_get_notes (board);
  guint n_add = g_rand_int_range (rand, 0, 3);

  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (ids, g_strdup (mc_note_get_id (g_ptr_array_index (notes, i))));

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      McNote *changed;
      guint what = g_rand_int_range (rand, 0, 10);

      if (what < 4)
        continue;
      if (what == 4)
        {
          const char *one[] = { id, NULL };

          mc_board_execute (board, mc_command_remove_notes (board, one));
          continue;
        }
      changed = mc_note_dup (mc_board_get_note (board, id));
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          g_autofree char *text = random_text (rand);

          mc_note_set_text (changed, text);
        }
      if (g_rand_int_range (rand, 0, 3) == 0)
        mc_note_set_color (changed, mc_note_colors[g_rand_int_range (rand, 0, 3)]);
      if (g_rand_int_range (rand, 0, 4) == 0)
        mc_note_set_author (changed, g_rand_boolean (rand) ? "Anna" : "Bram");
      if (g_rand_int_range (rand, 0, 3) == 0)
        mc_note_set_votes (changed, g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 5) : 9999);
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          McRect r = { g_rand_int_range (rand, 0, 5) * 40.0, g_rand_int_range (rand, 0, 5) * 40.0,
                       MC_NOTE_DEFAULT_WIDTH, MC_NOTE_DEFAULT_HEIGHT };

          mc_note_set_rect (changed, &r);
        }
      if (g_rand_int_range (rand, 0, 4) == 0)
        mc_note_set_anchor (changed, "cimo", regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (regions))]);
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_autoptr(JsonObject) extra = random_extra (_mc_note_get_extra (changed), rand);

          _mc_note_set_extra (changed, extra);
        }
      mc_note_set_modified (changed, T0 + S (g_rand_int_range (rand, 50, 60)));
      mc_board_execute (board, mc_command_update_note (board, changed));
    }

  for (guint i = 0; i < n_add; i++)
    mc_board_execute (board, mc_command_add_note (random_note (rand)));

  if (notes->len >= 2 && g_rand_int_range (rand, 0, 3) == 0)
    {
      g_autofree char *cluster_id = random_id (rand);
      McCluster *c = mc_cluster_new_with_id (cluster_id);
      const char *members[] = {
        mc_note_get_id (g_ptr_array_index (notes, g_rand_int_range (rand, 0, notes->len))),
        mc_note_get_id (g_ptr_array_index (notes, g_rand_int_range (rand, 0, notes->len))),
        NULL,
      };

      if (g_str_equal (members[0], members[1]))
        members[1] = NULL;
      mc_cluster_set_label (c, g_rand_boolean (rand) ? "Partners" : "Resultaat");
      mc_cluster_set_note_ids (c, members);
      if (g_rand_boolean (rand))
        {
          g_autoptr(JsonObject) extra = random_extra (NULL, rand);

          _mc_extra_set (&c->extra, extra);
        }
      mc_board_execute (board, mc_command_add_cluster (board, c));
    }

  for (guint i = 0; i < mc_board_get_clusters (board)->len; i++)
    {
      McCluster *changed;
      g_autoptr(JsonObject) extra = NULL;

      if (g_rand_int_range (rand, 0, 3) != 0)
        continue;
      changed = mc_cluster_dup (g_ptr_array_index (mc_board_get_clusters (board), i));
      extra = random_extra (changed->extra, rand);
      _mc_extra_set (&changed->extra, extra);
      mc_board_execute (board, mc_command_update_cluster (board, changed));
    }

  random_figure_edits (board, rand);
}

static McBoard *
random_base (GRand *rand)
{
  McBoard *board = mc_board_new ();
  guint n = g_rand_int_range (rand, 2, 9);

  mc_board_execute (board, mc_command_add_figure (mc_figure_new ("cimo", "cimo")));
  for (guint i = 0; i < n; i++)
    mc_board_execute (board, mc_command_add_note (random_note (rand)));
  return board;
}

/* Every note's id and content, or only the texts there are, sorted.
 * Two-way merges of three copies keep the same notes in any grouping.
 * Three-way ones keep every text a copy wrote in any grouping, but not
 * always the same conflict copies: when three copies changed different
 * fields of one note differently, which fields conflict depends on which
 * pair met first (A and B agreeing on an author C changed otherwise is one
 * conflict; A against B-merged-with-C another, with C's new text). */
static char *
note_contents (McBoard  *board,
               gboolean  texts_only)
{
  GPtrArray *notes = mc_board_get_notes (board);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *n = g_ptr_array_index (notes, i);

      if (texts_only)
        g_ptr_array_add (lines, g_strdup (mc_note_get_text (n)));
      else
        g_ptr_array_add (lines, g_strdup_printf ("%s %s|%s|%s", mc_note_get_id (n),
                                                 mc_note_get_text (n), mc_note_get_color (n),
                                                 mc_note_get_author (n)));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    if (i == 0 || strcmp (g_ptr_array_index (lines, i), g_ptr_array_index (lines, i - 1)) != 0)
      g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Each text side wrote (added or changed since base) is a line of both
 * left and right (note_contents with texts only). */
static void
assert_texts_kept (McBoard    *side,
                   McBoard    *base,
                   const char *left,
                   const char *right)
{
  GPtrArray *notes = mc_board_get_notes (side);

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      McNote *before = mc_board_get_note (base, mc_note_get_id (note));
      g_autofree char *line = NULL;

      if (before != NULL && g_strcmp0 (mc_note_get_text (before), mc_note_get_text (note)) == 0)
        continue;
      line = g_strdup_printf ("\n%s\n", mc_note_get_text (note));
      g_assert_true (g_str_has_prefix (left, line + 1) || strstr (left, line) != NULL);
      g_assert_true (g_str_has_prefix (right, line + 1) || strstr (right, line) != NULL);
    }
}

static gboolean
changed_since (McBoard    *board,
               McBoard    *base,
               const char *id)
{
  McNote *note = mc_board_get_note (board, id);
  McNote *before = mc_board_get_note (base, id);

  McRect r1, r2;

  if (note == NULL)
    return FALSE;
  if (before == NULL)
    return TRUE;
  /* A mere touch (only the time moved) is no change. */
  mc_note_get_rect (note, &r1);
  mc_note_get_rect (before, &r2);
  return g_strcmp0 (mc_note_get_text (note), mc_note_get_text (before)) != 0 ||
         g_strcmp0 (mc_note_get_color (note), mc_note_get_color (before)) != 0 ||
         g_strcmp0 (mc_note_get_author (note), mc_note_get_author (before)) != 0 ||
         g_strcmp0 (mc_note_get_region_id (note), mc_note_get_region_id (before)) != 0 ||
         mc_note_get_has_position (note) != mc_note_get_has_position (before) ||
         memcmp (&r1, &r2, sizeof r1) != 0 ||
         mc_note_get_votes (note) != mc_note_get_votes (before);
}

/* Every note some side added or changed survives the merge. */
static void
assert_nothing_lost (McBoard *merged,
                     McBoard *side,
                     McBoard *base)
{
  GPtrArray *notes = mc_board_get_notes (side);

  for (guint i = 0; i < notes->len; i++)
    {
      const char *id = mc_note_get_id (g_ptr_array_index (notes, i));

      if (base == NULL || changed_since (side, base, id))
        g_assert_nonnull (mc_board_get_note (merged, id));
    }
}

static void
test_random_boards (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);

  for (guint trial = 0; trial < N_TRIALS; trial++)
    {
      g_autoptr(McBoard) base = random_base (rand);
      g_autoptr(McBoard) a = mc_test_board_clone (base);
      g_autoptr(McBoard) b = mc_test_board_clone (base);
      g_autoptr(McBoard) c = mc_test_board_clone (base);
      gboolean three_way = trial % 2 == 0;
      McBoard *with = three_way ? base : NULL;

      random_edits (a, rand);
      random_edits (b, rand);
      random_edits (c, rand);

      {
        /* Commutative, byte for byte; nothing lost; it saves and loads. */
        g_autoptr(McBoard) ab = mc_test_board_merged (a, b, with);
        g_autoptr(McBoard) ba = mc_test_board_merged (b, a, with);
        g_autofree char *ab_data = mc_test_board_saved (ab);
        g_autofree char *ba_data = mc_test_board_saved (ba);

        if (g_strcmp0 (ab_data, ba_data) != 0)
          g_test_message ("trial %u: A+B\n%s\nB+A\n%s", trial, ab_data, ba_data);
        g_assert_cmpstr (ab_data, ==, ba_data);
        assert_nothing_lost (ab, a, with);
        assert_nothing_lost (ab, b, with);

        /* One undo step takes the whole merge back, byte for byte. */
        {
          g_autoptr(McBoard) undone = mc_test_board_clone (a);
          g_autofree char *before = mc_test_board_saved (undone);
          g_autoptr(McMergeResult) summary = merge (undone, b, with);
          g_autofree char *after = NULL;

          if (!mc_merge_result_is_empty (summary))
            g_assert_true (mc_board_undo (undone));
          after = mc_test_board_saved (undone);
          g_assert_cmpstr (before, ==, after);
        }

        /* Idempotent: merging either copy again changes nothing (three-way
         * with the copy as its own base, as the revision marks find it:
         * two-way would bring back what the first merge deleted). */
        {
          g_autoptr(McMergeResult) again_a = merge (ab, a, three_way ? a : NULL);
          g_autoptr(McMergeResult) again_b = merge (ab, b, three_way ? b : NULL);

          g_assert_true (mc_merge_result_is_empty (again_a));
          g_assert_true (mc_merge_result_is_empty (again_b));
        }
      }

      {
        /* Associative over three copies (see note_contents). */
        g_autoptr(McBoard) ab = mc_test_board_merged (a, b, with);
        g_autoptr(McBoard) bc = mc_test_board_merged (b, c, with);
        g_autoptr(McBoard) ab_c = mc_test_board_merged (ab, c, with);
        g_autoptr(McBoard) a_bc = mc_test_board_merged (a, bc, with);
        g_autofree char *left = note_contents (ab_c, three_way);
        g_autofree char *right = note_contents (a_bc, three_way);

        if (three_way)
          {
            McBoard *copies[] = { a, b, c };

            /* Every text a copy wrote is in both groupings. */
            for (guint k = 0; k < G_N_ELEMENTS (copies); k++)
              assert_texts_kept (copies[k], base, left, right);
          }
        else
          {
            if (g_strcmp0 (left, right) != 0)
              g_test_message ("trial %u: (A+B)+C\n%s\nA+(B+C)\n%s", trial, left, right);
            g_assert_cmpstr (left, ==, right);
          }
        g_free (mc_test_board_saved (ab_c));
      }
    }
}

/* Copies that only add (figures, notes, unknown members of their own):
 * any grouping of three saves to the same bytes. */
static void
test_additions_associate (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);

  for (guint trial = 0; trial < 50; trial++)
    {
      g_autoptr(McBoard) base = random_base (rand);
      McBoard *copies[3];
      g_autofree char *left = NULL;
      g_autofree char *right = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (copies); k++)
        {
          McBoard *copy = copies[k] = mc_test_board_clone (base);
          GPtrArray *notes = mc_board_get_notes (copy);
          McNote *note = mc_note_dup (g_ptr_array_index (notes, k % notes->len));
          g_autofree char *figure_id = g_strdup_printf ("figure-%u-%u", k,
                                                        (guint) g_rand_int_range (rand, 0, 100));
          McFigure *figure = mc_figure_new (figure_id, "cimo");
          g_autoptr(JsonObject) extra = json_object_new ();
          g_autofree char *name = g_strdup_printf ("copy%u", k);
          McNote *added = random_note (rand);

          json_object_set_int_member (extra, name, g_rand_int_range (rand, 0, 3));
          _mc_note_set_extra (note, extra);
          mc_board_execute (copy, mc_command_update_note (copy, note));
          mc_board_execute (copy, mc_command_add_figure (figure));
          mc_note_set_anchor (added, figure_id, "context");
          mc_board_execute (copy, mc_command_add_note (added));
        }

      {
        g_autoptr(McBoard) ab = mc_test_board_merged (copies[0], copies[1], base);
        g_autoptr(McBoard) bc = mc_test_board_merged (copies[1], copies[2], base);
        g_autoptr(McBoard) ab_c = mc_test_board_merged (ab, copies[2], base);
        g_autoptr(McBoard) a_bc = mc_test_board_merged (copies[0], bc, base);

        left = mc_test_board_saved (ab_c);
        right = mc_test_board_saved (a_bc);
      }
      if (g_strcmp0 (left, right) != 0)
        g_test_message ("trial %u: (A+B)+C\n%s\nA+(B+C)\n%s", trial, left, right);
      g_assert_cmpstr (left, ==, right);
      for (guint k = 0; k < G_N_ELEMENTS (copies); k++)
        g_object_unref (copies[k]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/merge-order/fields-combine", test_fields_combine);
  g_test_add_func ("/mc/merge-order/conflict-copy-combines", test_conflict_copy_combines);
  g_test_add_func ("/mc/merge-order/modified-from-inputs", test_modified_from_inputs);
  g_test_add_func ("/mc/merge-order/votes-within-limits", test_votes_within_limits);
  g_test_add_func ("/mc/merge-order/unknown-members", test_unknown_members);
  g_test_add_func ("/mc/merge-order/board-unknown-members", test_board_unknown_members);
  g_test_add_func ("/mc/merge-order/random-boards", test_random_boards);
  g_test_add_func ("/mc/merge-order/additions-associate", test_additions_associate);

  return g_test_run ();
}
