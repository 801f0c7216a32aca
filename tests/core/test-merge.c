/* test-merge.c — merging copies of a board: nothing lost, order does not matter */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mc-board.h"
#include "mc-board-io.h"
#include "mc-command.h"
#include "mc-catalog.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-merge.h"
#include "mc-cli-merge.h"
#include "mc-test-board.h"
#include "mc-test-util.h"

#define T0 MC_TEST_T0
#define S(n) MC_TEST_S (n)

#define ID_1 MC_TEST_NOTE_1
#define ID_2 MC_TEST_NOTE_2
#define ID_3 MC_TEST_NOTE_3
#define ID_4 MC_TEST_NOTE_4
#define ID_5 MC_TEST_NOTE_5
#define ID_6 MC_TEST_NOTE_6
#define ID_A1 "00000000-0000-4000-8000-0000000000a1"
#define ID_A2 "00000000-0000-4000-8000-0000000000a2"
#define ID_A3 "00000000-0000-4000-8000-0000000000a3"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static gint
compare_lines_data (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every note and figure as one sorted text, so boards compare as sets.
 * Modification times are left out: an update command stamps the time it
 * ran, so two merges a second apart differ there and nowhere else. */
static char *
canonical (McBoard *board)
{
  GPtrArray *notes = mc_board_get_notes (board);
  GPtrArray *figures = mc_board_get_figures (board);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *n = g_ptr_array_index (notes, i);
      McRect r;

      mc_note_get_rect (n, &r);
      g_ptr_array_add (lines,
                       g_strdup_printf ("note %s text=%s color=%s author=%s at=%s/%s "
                                        "pos=%d %g,%g %gx%g votes=%u conflict=%d "
                                        "created=%" G_GINT64_FORMAT,
                                        mc_note_get_id (n), mc_note_get_text (n),
                                        mc_note_get_color (n), mc_note_get_author (n),
                                        mc_note_get_figure_id (n), mc_note_get_region_id (n),
                                        mc_note_get_has_position (n), r.x, r.y, r.width, r.height,
                                        mc_note_get_votes (n), mc_note_get_conflict (n),
                                        mc_note_get_created (n)));
    }
  for (guint i = 0; i < mc_board_get_clusters (board)->len; i++)
    {
      McCluster *c = g_ptr_array_index (mc_board_get_clusters (board), i);
      g_auto(GStrv) members = g_strdupv ((char **) mc_cluster_get_note_ids (c));
      g_autofree char *joined = NULL;

      g_qsort_with_data (members, g_strv_length (members), sizeof (char *),
                         (GCompareDataFunc) compare_lines_data, NULL);
      joined = g_strjoinv (",", members);
      g_ptr_array_add (lines, g_strdup_printf ("cluster %s label=%s color=%s notes=%s",
                                               mc_cluster_get_id (c), mc_cluster_get_label (c),
                                               mc_cluster_get_color (c), joined));
    }
  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *f = g_ptr_array_index (figures, i);

      g_ptr_array_add (lines,
                       g_strdup_printf ("figure %s kind=%s at=%g,%g scale=%g",
                                        mc_figure_get_id (f), mc_figure_get_kind (f),
                                        mc_figure_get_x (f), mc_figure_get_y (f),
                                        mc_figure_get_scale (f)));
    }

  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static McMergeResult *
merge (McBoard *ours,
       McBoard *theirs,
       McBoard *base)
{
  g_autoptr(GError) error = NULL;
  McMergeResult *summary = NULL;

  g_assert_true (mc_merge_into (ours, theirs, base, &summary, &error));
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* ------------------------------------------------------------------ */
/* Two-way                                                             */

static void
test_two_way_added (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;

  mc_test_board_add_note (ours, ID_A1, "Van ons", 600, 100, T0 + S (10));
  mc_test_board_add_note (theirs, ID_A2, "Van hen", 600, 240, T0 + S (20));
  mc_test_board_delete_note (theirs, ID_3); /* without a base, a deletion cannot be told from an addition */

  summary = merge (ours, theirs, NULL);

  g_assert_false (mc_merge_result_get_three_way (summary));
  g_assert_cmpuint (mc_merge_result_get_n_added (summary), ==, 1);
  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 0);
  g_assert_cmpuint (mc_merge_result_get_n_removed (summary), ==, 0);
  g_assert_cmpuint (mc_board_get_n_notes (ours), ==, 8);
  g_assert_nonnull (mc_board_get_note (ours, ID_A1));
  g_assert_nonnull (mc_board_get_note (ours, ID_A2));
  g_assert_nonnull (mc_board_get_note (ours, ID_3));
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (ours, ID_A2)), ==, "Van hen");
  g_assert_false (mc_note_get_conflict (mc_board_get_note (ours, ID_A2)));
}

static void
test_two_way_conflict (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  g_autofree char *copy_id = NULL;
  const char * const *conflicts;
  McNote *original, *copy;
  McRect ro, rc;

  mc_test_board_edit_note (ours, ID_1, "Energiearmoede (ons)", NULL, -1, -1, -1, T0 + S (100));
  mc_test_board_edit_note (theirs, ID_1, "Energiearmoede (hen)", NULL, -1, -1, -1, T0 + S (200));

  summary = merge (ours, theirs, NULL);

  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 1);
  g_assert_cmpuint (mc_board_get_n_notes (ours), ==, 7);
  g_assert_cmpuint (mc_test_board_count_text (ours, "Energiearmoede (ons)"), ==, 1);
  g_assert_cmpuint (mc_test_board_count_text (ours, "Energiearmoede (hen)"), ==, 1);

  original = mc_board_get_note (ours, ID_1);
  g_assert_true (mc_note_get_conflict (original));

  /* The copy's id is derived from the version it holds. */
  {
    g_autoptr(McNote) theirs_version = mc_note_dup (mc_board_get_note (theirs, ID_1));
    g_autoptr(McNote) ours_version = mc_test_note_new (ID_1, "Energiearmoede (ons)", 20, 100);
    McNote *loser = g_strcmp0 (mc_note_get_text (original), "Energiearmoede (ons)") == 0
                    ? theirs_version : ours_version;

    copy_id = mc_merge_conflict_copy_id (loser);
  }
  g_assert_true (g_uuid_string_is_valid (copy_id));
  copy = mc_board_get_note (ours, copy_id);
  g_assert_nonnull (copy);
  g_assert_true (mc_note_get_conflict (copy));
  g_assert_cmpstr (mc_note_get_text (copy), !=, mc_note_get_text (original));
  g_assert_cmpstr (mc_note_get_figure_id (copy), ==, "cimo");
  g_assert_cmpstr (mc_note_get_region_id (copy), ==, "context");

  /* In its region, never on the paper edge: the copy has no position of
   * its own, so the layout packs it into the region's note area, clear of
   * the original. */
  g_assert_false (mc_note_get_has_position (copy));
  {
    g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
    g_autoptr(McScene) scene = NULL;
    McViewOptions options;
    McRect area;

    mc_view_options_init (&options, MC_LANGUAGE_NL);
    scene = mc_layout_build (layout, ours, &options);
    g_assert_true (mc_layout_get_note_area (layout, "cimo", "context", &area));
    g_assert_true (mc_layout_get_note_rect (layout, mc_note_get_id (original), &ro));
    g_assert_true (mc_layout_get_note_rect (layout, copy_id, &rc));
    g_assert_cmpfloat (rc.x, >=, area.x);
    g_assert_cmpfloat (rc.y, >=, area.y);
    g_assert_cmpfloat (rc.x + rc.width, <=, area.x + area.width);
    g_assert_cmpfloat (rc.y + rc.height, <=, area.y + area.height);
    g_assert_false (mc_rect_intersects (&rc, &ro));
  }

  conflicts = mc_merge_result_get_conflict_ids (summary);
  g_assert_cmpuint (g_strv_length ((char **) conflicts), ==, 2);
  g_assert_true (g_strv_contains (conflicts, ID_1));
  g_assert_true (g_strv_contains (conflicts, copy_id));
}

static void
test_two_way_votes_and_moves (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  McRect r;

  mc_test_board_edit_note (ours, ID_4, NULL, NULL, 3, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_4, NULL, NULL, 5, -1, -1, T0 + S (20));
  mc_test_board_edit_note (theirs, ID_6, NULL, NULL, -1, 500, 500, T0 + S (30));

  summary = merge (ours, theirs, NULL);

  /* Votes and positions are not worth a conflict copy. */
  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 0);
  g_assert_cmpuint (mc_board_get_n_notes (ours), ==, 6);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (ours, ID_4)), ==, 5);
  mc_note_get_rect (mc_board_get_note (ours, ID_6), &r);
  g_assert_cmpfloat (r.x, ==, 500);
  g_assert_cmpfloat (r.y, ==, 500);
  g_assert_false (mc_note_get_conflict (mc_board_get_note (ours, ID_6)));
}

/* ------------------------------------------------------------------ */
/* Three-way                                                           */

static void
test_three_way_rules (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McMergeResult) summary = NULL;
  McNote *note;

  mc_test_board_edit_note (base, ID_4, NULL, NULL, 2, -1, -1, T0 + S (1));
  ours = mc_test_board_clone (base);
  theirs = mc_test_board_clone (base);

  /* One side changes: that change is taken, no conflict. */
  mc_test_board_edit_note (theirs, ID_1, "Energiearmoede, vooral bij huurders", NULL, -1, -1, -1, T0 + S (10));
  mc_test_board_edit_note (ours, ID_2, NULL, "blue", -1, -1, -1, T0 + S (10));
  /* Text on one side, position on the other: both are taken. */
  mc_test_board_edit_note (ours, ID_3, "Gemeente, corporatie, hogeschool, bewoners", NULL, -1, -1, -1, T0 + S (20));
  mc_test_board_edit_note (theirs, ID_3, NULL, NULL, -1, 600, 300, T0 + S (30));
  /* Votes: base + both deltas. */
  mc_test_board_edit_note (ours, ID_4, NULL, NULL, 5, -1, -1, T0 + S (10));  /* +3 */
  mc_test_board_edit_note (theirs, ID_4, NULL, NULL, 3, -1, -1, T0 + S (10)); /* +1 */
  /* Deleted on one side, unchanged on the other: it goes. */
  mc_test_board_delete_note (theirs, ID_5);
  /* Deleted on one side, changed on the other: it stays, marked. */
  mc_test_board_delete_note (ours, ID_6);
  mc_test_board_edit_note (theirs, ID_6, "Minder energieschulden in 2028", NULL, -1, -1, -1, T0 + S (40));

  summary = merge (ours, theirs, base);

  g_assert_true (mc_merge_result_get_three_way (summary));
  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 0);
  g_assert_cmpuint (mc_merge_result_get_n_removed (summary), ==, 1);
  g_assert_cmpuint (mc_merge_result_get_n_kept_deleted (summary), ==, 1);

  note = mc_board_get_note (ours, ID_1);
  g_assert_cmpstr (mc_note_get_text (note), ==, "Energiearmoede, vooral bij huurders");
  g_assert_false (mc_note_get_conflict (note));
  /* The change comes with the time it was made on the other copy. */
  g_assert_cmpint (mc_note_get_modified (note), ==, T0 + S (10));
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (ours, ID_2)), ==, "blue");

  note = mc_board_get_note (ours, ID_3);
  g_assert_cmpstr (mc_note_get_text (note), ==, "Gemeente, corporatie, hogeschool, bewoners");
  {
    McRect r;

    mc_note_get_rect (note, &r);
    g_assert_cmpfloat (r.x, ==, 600);
    g_assert_cmpfloat (r.y, ==, 300);
  }

  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (ours, ID_4)), ==, 6);
  g_assert_null (mc_board_get_note (ours, ID_5));

  note = mc_board_get_note (ours, ID_6);
  g_assert_nonnull (note);
  g_assert_cmpstr (mc_note_get_text (note), ==, "Minder energieschulden in 2028");
  g_assert_true (mc_note_get_conflict (note));
  g_assert_true (g_strv_contains (mc_merge_result_get_conflict_ids (summary), ID_6));

  g_assert_cmpuint (mc_board_get_n_notes (ours), ==, 5);
}

static void
test_three_way_conflict (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;

  mc_test_board_edit_note (ours, ID_2, "Wantrouwen: eerdere projecten stopten", NULL, -1, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_2, "Wantrouwen jegens de gemeente", NULL, -1, -1, -1, T0 + S (20));
  /* Both made the same change: no conflict. */
  mc_test_board_edit_note (ours, ID_3, "Gemeente en corporatie", NULL, -1, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_3, "Gemeente en corporatie", NULL, -1, -1, -1, T0 + S (20));

  summary = merge (ours, theirs, base);

  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 1);
  g_assert_cmpuint (mc_board_get_n_notes (ours), ==, 7);
  g_assert_cmpuint (mc_test_board_count_text (ours, "Wantrouwen: eerdere projecten stopten"), ==, 1);
  g_assert_cmpuint (mc_test_board_count_text (ours, "Wantrouwen jegens de gemeente"), ==, 1);
  g_assert_cmpuint (mc_test_board_count_text (ours, "Gemeente en corporatie"), ==, 1);
  g_assert_false (mc_note_get_conflict (mc_board_get_note (ours, ID_3)));
  g_assert_true (mc_note_get_conflict (mc_board_get_note (ours, ID_2)));
}

/* ------------------------------------------------------------------ */
/* One undo step                                                       */

static void
test_undo (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  McHistory *history = mc_board_get_history (ours);
  guint n_undo;

  mc_test_board_edit_note (ours, ID_1, "ons", NULL, -1, -1, -1, T0 + S (10));
  mc_test_board_edit_note (theirs, ID_1, "hen", NULL, -1, -1, -1, T0 + S (20));
  mc_test_board_add_note (theirs, ID_A2, "nieuw", 600, 100, T0 + S (30));
  mc_test_board_delete_note (theirs, ID_5);
  mc_test_board_edit_note (theirs, ID_4, NULL, NULL, 4, -1, -1, T0 + S (40));
  {
    /* A cluster of a new note and an existing one, and one of ours that
     * loses a member to it. */
    McCluster *mine = mc_cluster_new ("Ons cluster", NULL);
    McCluster *theirs_cluster = mc_cluster_new_with_id ("00000000-0000-4000-8000-0000000000c1");
    const char *mine_ids[] = { ID_3, ID_6, NULL };
    const char *their_ids[] = { ID_A2, ID_3, NULL };

    mc_cluster_set_note_ids (mine, mine_ids);
    mc_board_execute (ours, mc_command_add_cluster (ours, mine));
    mc_cluster_set_note_ids (theirs_cluster, their_ids);
    mc_board_execute (theirs, mc_command_add_cluster (theirs, theirs_cluster));
  }

  before = canonical (ours);
  n_undo = mc_history_get_n_undo (history);

  summary = merge (ours, theirs, base);
  after = canonical (ours);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpuint (mc_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_true (mc_board_get_modified (ours));

  g_assert_true (mc_board_undo (ours));
  undone = canonical (ours);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (mc_board_redo (ours));
  redone = canonical (ours);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_empty_merge_adds_no_step (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  guint n_undo = mc_history_get_n_undo (mc_board_get_history (ours));

  summary = merge (ours, theirs, NULL);
  g_assert_true (mc_merge_result_is_empty (summary));
  g_assert_cmpuint (mc_history_get_n_undo (mc_board_get_history (ours)), ==, n_undo);
  g_assert_false (mc_board_get_modified (ours));
}

/* ------------------------------------------------------------------ */
/* Three members, every order                                          */

/* The same edits as three members would make on their own copies. */
static McBoard **
make_members (McBoard *base)
{
  McBoard **m = g_new0 (McBoard *, 4);

  for (guint i = 0; i < 3; i++)
    m[i] = mc_test_board_clone (base);

  /* Everyone rewrites note 1: a three-way conflict. */
  mc_test_board_edit_note (m[0], ID_1, "Energiearmoede (Anna)", NULL, -1, -1, -1, T0 + S (11));
  mc_test_board_edit_note (m[1], ID_1, "Energiearmoede (Bram)", NULL, -1, -1, -1, T0 + S (12));
  mc_test_board_edit_note (m[2], ID_1, "Energiearmoede (Chris)", NULL, -1, -1, -1, T0 + S (13));
  /* Everyone votes on note 4. */
  mc_test_board_edit_note (m[0], ID_4, NULL, NULL, 2, -1, -1, T0 + S (21));
  mc_test_board_edit_note (m[1], ID_4, NULL, NULL, 1, -1, -1, T0 + S (22));
  mc_test_board_edit_note (m[2], ID_4, NULL, NULL, 3, -1, -1, T0 + S (23));
  /* Each adds a note. */
  mc_test_board_add_note (m[0], ID_A1, "Van Anna", 600, 100, T0 + S (31));
  mc_test_board_add_note (m[1], ID_A2, "Van Bram", 600, 240, T0 + S (32));
  mc_test_board_add_note (m[2], ID_A3, "Van Chris", 600, 380, T0 + S (33));
  /* Anna deletes note 5, Bram rewrites it. */
  mc_test_board_delete_note (m[0], ID_5);
  mc_test_board_edit_note (m[1], ID_5, "Studenten als brug tussen bewoners en gemeente", NULL, -1, -1, -1, T0 + S (41));
  /* Bram rewrites note 2, Chris deletes it. */
  mc_test_board_edit_note (m[1], ID_2, "Bewoners wantrouwen de gemeente", NULL, -1, -1, -1, T0 + S (42));
  mc_test_board_delete_note (m[2], ID_2);
  /* Clusters: Anna groups 3 and 4, Bram groups 4 and 6 in another. */
  {
    McCluster *c = mc_cluster_new_with_id ("11111111-0000-4000-8000-000000000001");
    const char *anna[] = { ID_3, ID_4, NULL };

    mc_cluster_set_label (c, "Partners");
    mc_cluster_set_note_ids (c, anna);
    mc_board_execute (m[0], mc_command_add_cluster (m[0], c));
  }
  {
    McCluster *c = mc_cluster_new_with_id ("22222222-0000-4000-8000-000000000002");
    const char *bram[] = { ID_4, ID_6, NULL };

    mc_cluster_set_label (c, "Resultaat");
    mc_cluster_set_note_ids (c, bram);
    mc_board_execute (m[1], mc_command_add_cluster (m[1], c));
  }
  /* Anna moves note 6, Chris recolours note 3. */
  mc_test_board_edit_note (m[0], ID_6, NULL, NULL, -1, 420, 520, T0 + S (51));
  mc_test_board_edit_note (m[2], ID_3, NULL, "green", -1, -1, -1, T0 + S (52));

  return m;
}

static void
free_members (McBoard **m)
{
  for (guint i = 0; m[i] != NULL; i++)
    g_object_unref (m[i]);
  g_free (m);
}

static void
check_all_orders (gboolean three_way)
{
  static const guint orders[6][3] = {
    { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 },
  };
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  McBoard **members = make_members (base);
  g_autofree char *first = NULL;

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    {
      g_autoptr(McBoard) result = mc_test_board_clone (members[orders[o][0]]);
      g_autoptr(McMergeResult) s1 = NULL;
      g_autoptr(McMergeResult) s2 = NULL;
      g_autofree char *text = NULL;

      s1 = merge (result, members[orders[o][1]], three_way ? base : NULL);
      s2 = merge (result, members[orders[o][2]], three_way ? base : NULL);
      text = canonical (result);

      if (first == NULL)
        {
          first = g_steal_pointer (&text);
          continue;
        }
      if (g_strcmp0 (first, text) != 0)
        g_test_message ("order %u:\n%s\nfirst order:\n%s", o, text, first);
      g_assert_cmpstr (text, ==, first);
    }

  {
    /* What every order keeps: all three versions of note 1, each member's
     * new note, the disputed notes 2 and 5, every vote. */
    g_autoptr(McBoard) result = mc_test_board_clone (members[0]);
    g_autoptr(McMergeResult) s1 = merge (result, members[1], three_way ? base : NULL);
    g_autoptr(McMergeResult) s2 = merge (result, members[2], three_way ? base : NULL);

    g_assert_cmpuint (mc_test_board_count_text (result, "Energiearmoede (Anna)"), ==, 1);
    g_assert_cmpuint (mc_test_board_count_text (result, "Energiearmoede (Bram)"), ==, 1);
    g_assert_cmpuint (mc_test_board_count_text (result, "Energiearmoede (Chris)"), ==, 1);
    g_assert_nonnull (mc_board_get_note (result, ID_A1));
    g_assert_nonnull (mc_board_get_note (result, ID_A2));
    g_assert_nonnull (mc_board_get_note (result, ID_A3));
    g_assert_cmpuint (mc_test_board_count_text (result, "Bewoners wantrouwen de gemeente"), ==, 1);
    g_assert_cmpuint (mc_test_board_count_text (result, "Studenten als brug tussen bewoners en gemeente"), ==, 1);
    if (three_way)
      g_assert_cmpstr (mc_note_get_color (mc_board_get_note (result, ID_3)), ==, "green");
    else /* without a base the recolouring is a conflict: both colours stay */
      g_assert_cmpuint (mc_test_board_count_text (result, "Gemeente, corporatie, hogeschool"), ==, 2);
    g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (result, ID_4)), ==, three_way ? 6 : 3);
    /* Both clusters survive; note 4, claimed by both, is in one. */
    g_assert_nonnull (mc_board_get_cluster (result, "11111111-0000-4000-8000-000000000001"));
    g_assert_nonnull (mc_board_get_cluster (result, "22222222-0000-4000-8000-000000000002"));
    g_assert_cmpstr (mc_cluster_get_id (mc_board_get_note_cluster (result, ID_4)), ==,
                     "11111111-0000-4000-8000-000000000001");
    g_assert_cmpstr (mc_cluster_get_id (mc_board_get_note_cluster (result, ID_6)), ==,
                     "22222222-0000-4000-8000-000000000002");
    if (three_way)
      {
        g_assert_true (mc_note_get_conflict (mc_board_get_note (result, ID_2)));
        g_assert_true (mc_note_get_conflict (mc_board_get_note (result, ID_5)));
      }
  }

  free_members (members);
}

static void
test_commutative_three_way (void)
{
  check_all_orders (TRUE);
}

static void
test_commutative_two_way (void)
{
  check_all_orders (FALSE);
}

/* Merging a copy that is already in the result changes nothing. */
static void
test_idempotent (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  McBoard **members = make_members (base);
  g_autoptr(McBoard) result = mc_test_board_clone (members[0]);

  mc_merge_result_free (merge (result, members[1], NULL));
  mc_merge_result_free (merge (result, members[2], NULL));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(McMergeResult) again = NULL;
      g_autoptr(McMergeResult) with_base = NULL;
      g_autoptr(McBoard) self_copy = mc_test_board_clone (result);
      g_autoptr(McMergeResult) with_self = NULL;

      again = merge (result, members[i], NULL);
      g_assert_true (mc_merge_result_is_empty (again));
      /* Three-way with the copy itself as the base (what the revision
       * marks find when it was merged before). */
      with_base = merge (result, members[i], members[i]);
      g_assert_true (mc_merge_result_is_empty (with_base));
      with_self = merge (result, self_copy, NULL);
      g_assert_true (mc_merge_result_is_empty (with_self));
    }

  free_members (members);
}

/* ------------------------------------------------------------------ */
/* Figures, metadata, revisions                                        */

static void
test_figures (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  McFigure *figure = mc_figure_new ("context", "context");
  McNote *note;

  mc_figure_set_position (figure, 0, 920);
  mc_board_execute (theirs, mc_command_add_figure (figure));
  note = mc_test_note_new (ID_A2, "Op de contextfiguur", 40, 40);
  mc_note_set_anchor (note, "context", "issue");
  mc_board_execute (theirs, mc_command_add_note (note));

  figure = mc_figure_dup (mc_board_get_figure (ours, "cimo"));
  mc_figure_set_scale (figure, 0.5);
  mc_board_execute (ours, mc_command_update_figure (ours, figure));

  summary = merge (ours, theirs, base);

  g_assert_cmpuint (mc_merge_result_get_n_figures_added (summary), ==, 1);
  g_assert_nonnull (mc_board_get_figure (ours, "context"));
  g_assert_cmpfloat (mc_figure_get_y (mc_board_get_figure (ours, "context")), ==, 920);
  g_assert_cmpfloat (mc_figure_get_scale (mc_board_get_figure (ours, "cimo")), ==, 0.5);
  g_assert_cmpstr (mc_note_get_figure_id (mc_board_get_note (ours, ID_A2)), ==, "context");
}

/* A figure both sides added under one id but as different kinds: theirs
 * moves to a free id and its notes follow it. */
static void
test_figure_kind_clash (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McMergeResult) summary = NULL;
  McNote *note;

  mc_board_execute (ours, mc_command_add_figure (mc_figure_new ("extra", "coherence")));
  mc_board_execute (theirs, mc_command_add_figure (mc_figure_new ("extra", "context")));
  note = mc_test_note_new (ID_A2, "Op hun figuur", 40, 40);
  mc_note_set_anchor (note, "extra", "issue");
  mc_board_execute (theirs, mc_command_add_note (note));

  summary = merge (ours, theirs, NULL);

  g_assert_cmpstr (mc_figure_get_kind (mc_board_get_figure (ours, "extra")), ==, "coherence");
  g_assert_nonnull (mc_board_get_figure (ours, "context-2"));
  g_assert_cmpstr (mc_figure_get_kind (mc_board_get_figure (ours, "context-2")), ==, "context");
  g_assert_cmpstr (mc_note_get_figure_id (mc_board_get_note (ours, ID_A2)), ==, "context-2");
}

static void
test_meta (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McMergeResult) summary = NULL;

  mc_board_execute (base, mc_command_set_meta (base, MC_META_CASE, "Overvecht"));
  ours = mc_test_board_clone (base);
  theirs = mc_test_board_clone (base);
  mc_board_execute (theirs, mc_command_set_title (theirs, "Wijkleerlab Overvecht"));
  mc_board_execute (theirs, mc_command_set_meta (theirs, MC_META_FACILITATOR, "Anna"));
  mc_board_execute (theirs, mc_command_set_meta (theirs, MC_META_CASE, "Overvecht-Noord"));
  mc_board_execute (ours, mc_command_set_meta (ours, MC_META_DATE, "2026-11-22"));

  summary = merge (ours, theirs, base);

  g_assert_cmpstr (mc_board_get_title (ours), ==, "Wijkleerlab Overvecht");
  g_assert_cmpstr (mc_board_get_meta (ours, MC_META_FACILITATOR), ==, "Anna");
  g_assert_cmpstr (mc_board_get_meta (ours, MC_META_CASE), ==, "Overvecht-Noord");
  g_assert_cmpstr (mc_board_get_meta (ours, MC_META_DATE), ==, "2026-11-22");
}

/* When theirs says it started from our saved revision, ours is the base:
 * their deletions apply. */
static void
test_implicit_base (void)
{
  g_autoptr(McBoard) ours = mc_test_merge_base_new ();
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McBoard) plain = NULL;
  g_autoptr(McMergeResult) summary = NULL;
  g_autoptr(McMergeResult) plain_summary = NULL;
  const char *rev = "6f1d1c7e-2b7a-4c55-9a57-2f6f0c1e9b11";

  mc_board_execute (ours, mc_command_set_meta (ours, MC_META_REVISION, rev));
  mc_board_mark_saved (ours);
  theirs = mc_test_board_clone (ours);
  plain = mc_test_board_clone (ours);
  mc_board_execute (theirs, mc_command_set_meta (theirs, MC_META_BASE_REVISION, rev));
  mc_board_execute (theirs, mc_command_set_meta (theirs, MC_META_REVISION,
                                                 "0b7e6a43-8a55-4a43-b0a1-0b1d2e3f4a5b"));
  mc_test_board_delete_note (theirs, ID_5);

  summary = merge (ours, theirs, NULL);
  g_assert_true (mc_merge_result_get_three_way (summary));
  g_assert_null (mc_board_get_note (ours, ID_5));
  /* The revision marks themselves are not merged. */
  g_assert_cmpstr (mc_board_get_meta (ours, MC_META_REVISION), ==, rev);

  /* Without the marks nothing is deleted. */
  mc_board_execute (plain, mc_command_set_meta (plain, MC_META_REVISION, NULL));
  {
    g_autoptr(McBoard) theirs2 = mc_test_board_clone (plain);

    mc_test_board_delete_note (theirs2, ID_5);
    plain_summary = merge (plain, theirs2, NULL);
    g_assert_false (mc_merge_result_get_three_way (plain_summary));
    g_assert_nonnull (mc_board_get_note (plain, ID_5));
  }
}

static void
test_errors (void)
{
  g_autoptr(McBoard) board = mc_test_merge_base_new ();
  g_autoptr(McBoard) other = mc_test_board_clone (board);
  g_autoptr(GError) error = NULL;
  McMergeResult *result;

  result = mc_merge_boards (board, board, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, MC_MERGE_ERROR, MC_MERGE_ERROR_SAME);
  g_clear_error (&error);

  mc_board_set_read_only (board, TRUE);
  result = mc_merge_boards (board, other, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, MC_MERGE_ERROR, MC_MERGE_ERROR_READ_ONLY);
}

/* The deterministic id: same version, same id; another text, another id. */
static void
test_copy_id (void)
{
  g_autoptr(McNote) a = mc_test_note_new (ID_1, "tekst", 0, 0);
  g_autoptr(McNote) b = mc_test_note_new (ID_1, "tekst", 300, 300);
  g_autoptr(McNote) c = mc_test_note_new (ID_1, "andere tekst", 0, 0);
  g_autoptr(McNote) d = mc_test_note_new (ID_2, "tekst", 0, 0);
  g_autofree char *ia = mc_merge_conflict_copy_id (a);
  g_autofree char *ib = mc_merge_conflict_copy_id (b);
  g_autofree char *ic = mc_merge_conflict_copy_id (c);
  g_autofree char *id = mc_merge_conflict_copy_id (d);

  g_assert_true (g_uuid_string_is_valid (ia));
  g_assert_cmpint (ia[14], ==, '5'); /* version 5 */
  g_assert_cmpstr (ia, ==, ib);
  g_assert_cmpstr (ia, !=, ic);
  g_assert_cmpstr (ia, !=, id);
  g_assert_cmpstr (ia, !=, ID_1);
}

/* A board with n figures of its own (ids PREFIX-0 …), one note on the first. */
static McBoard *
board_with_figures (const char *prefix,
                    guint       n)
{
  McBoard *board = mc_board_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, i);

      mc_board_execute (board, mc_command_add_figure (mc_figure_new (id, "cimo")));
    }
  mc_test_board_add_note (board, prefix[0] == 'a' ? ID_A1 : ID_A2, prefix, 10, 10, T0 + S (1));
  return board;
}

/* Two copies that together hold more figures than a board may: the merge
 * is refused with the limit named, ours is left as it was, and the command
 * line writes nothing. */
static void
test_over_limits (void)
{
  guint half = MC_BOARD_MAX_FIGURES / 2 + 10;
  g_autoptr(McBoard) ours = board_with_figures ("a", half);
  g_autoptr(McBoard) theirs = board_with_figures ("b", half);
  g_autoptr(McMergeResult) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = mc_board_to_data (ours, NULL);
  g_autofree char *after = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-merge-XXXXXX", &error);
  g_autofree char *p_ours = g_build_filename (dir, "ons.missiecanvas", NULL);
  g_autofree char *p_theirs = g_build_filename (dir, "hen.missiecanvas", NULL);
  g_autofree char *p_out = g_build_filename (dir, "samen.missiecanvas", NULL);
  g_autoptr(GFile) f_ours = g_file_new_for_path (p_ours);
  g_autoptr(GFile) f_theirs = g_file_new_for_path (p_theirs);

  g_assert_no_error (error);
  g_assert_false (mc_merge_into (ours, theirs, NULL, &summary, &error));
  g_assert_error (error, MC_MERGE_ERROR, MC_MERGE_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "figures"));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (summary);
  g_clear_error (&error);
  after = mc_board_to_data (ours, NULL);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (mc_board_save_to_file (ours, f_ours, &error));
  g_assert_true (mc_board_save_to_file (theirs, f_theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_cli_merge (p_ours, p_theirs, NULL, p_out), ==, 1);
  g_assert_false (g_file_test (p_out, G_FILE_TEST_EXISTS));

  mc_test_remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Command line                                                        */

static GString *printed;

static void
collect_print (const char *text)
{
  g_string_append (printed, text);
}

static void
test_cli (void)
{
  g_autoptr(McBoard) base = mc_test_merge_base_new ();
  g_autoptr(McBoard) ours = mc_test_board_clone (base);
  g_autoptr(McBoard) theirs = mc_test_board_clone (base);
  g_autoptr(McBoard) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-merge-XXXXXX", &error);
  g_autofree char *p_ours = NULL, *p_theirs = NULL, *p_base = NULL, *p_out = NULL;
  g_autoptr(GFile) f_ours = NULL, f_theirs = NULL, f_base = NULL, f_out = NULL;
  g_autofree char *ours_before = NULL;
  g_autofree char *ours_after = NULL;

  g_assert_no_error (error);
  printed = g_string_new (NULL);
  p_ours = g_build_filename (dir, "ons.missiecanvas", NULL);
  p_theirs = g_build_filename (dir, "hen.missiecanvas", NULL);
  p_base = g_build_filename (dir, "basis.missiecanvas", NULL);
  p_out = g_build_filename (dir, "samen.missiecanvas", NULL);
  f_ours = g_file_new_for_path (p_ours);
  f_theirs = g_file_new_for_path (p_theirs);
  f_base = g_file_new_for_path (p_base);
  f_out = g_file_new_for_path (p_out);

  mc_test_board_add_note (theirs, ID_A2, "Van hen", 600, 100, T0 + S (30));
  mc_test_board_delete_note (theirs, ID_5);
  g_assert_true (mc_board_save_to_file (ours, f_ours, &error));
  g_assert_true (mc_board_save_to_file (theirs, f_theirs, &error));
  g_assert_true (mc_board_save_to_file (base, f_base, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (p_ours, &ours_before, NULL, NULL));

  /* The summary goes to stdout, which is the TAP stream here: catch it. */
  {
    GPrintFunc old_handler = g_set_print_handler (collect_print);

    g_assert_cmpint (mc_cli_merge (p_ours, p_theirs, p_base, p_out), ==, 0);
    g_set_print_handler (old_handler);
  }
  g_assert_nonnull (strstr (printed->str, "1 note added"));
  g_assert_nonnull (strstr (printed->str, "1 removed"));

  merged = mc_board_load_from_file (f_out, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mc_board_get_note (merged, ID_A2));
  g_assert_null (mc_board_get_note (merged, ID_5));
  g_assert_cmpuint (mc_board_get_n_notes (merged), ==, 6);

  /* The user's own file is untouched when OUTPUT is elsewhere. */
  g_assert_true (g_file_get_contents (p_ours, &ours_after, NULL, NULL));
  g_assert_cmpstr (ours_before, ==, ours_after);

  /* A missing file is a clean failure. */
  g_assert_cmpint (mc_cli_merge (p_ours, "/nonexistent/x.missiecanvas", NULL, p_out), ==, 1);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (dir);
  g_string_free (g_steal_pointer (&printed), TRUE);
}

/* Saves record revision marks, so a member's copy merged back into the
 * unchanged original is three-way without naming a base: its deletion
 * goes through instead of the note coming back. */
static void
test_revision_marks (void)
{
  g_autofree char *dir = mc_test_make_tmp_dir ("mc-merge-XXXXXX");
  g_autofree char *original_path = g_build_filename (dir, "bord.missiecanvas", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "kopie-anna.missiecanvas", NULL);
  g_autoptr(GFile) original_file = g_file_new_for_path (original_path);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(McBoard) facilitator = mc_test_merge_base_new ();
  g_autoptr(McBoard) anna = NULL;
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McMergeResult) summary = NULL;
  g_autoptr(GError) error = NULL;
  const char *revision;

  g_assert_true (mc_board_save_to_file (facilitator, original_file, &error));
  g_assert_no_error (error);
  revision = mc_board_get_meta (facilitator, MC_META_REVISION);
  g_assert_true (g_uuid_string_is_valid (revision));
  g_assert_null (mc_board_get_meta (facilitator, MC_META_BASE_REVISION));
  g_assert_false (mc_board_get_modified (facilitator));

  /* Anna works on her copy and saves it under her own name. */
  anna = mc_board_load_from_file (original_file, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  mc_test_board_delete_note (anna, ID_5);
  mc_test_board_edit_note (anna, ID_1, "Energiearmoede, vooral bij huurders", NULL, -1, -1, -1, T0 + S (10));
  g_assert_true (mc_board_save_to_file (anna, copy_file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mc_board_get_meta (anna, MC_META_BASE_REVISION), ==, revision);
  g_assert_cmpstr (mc_board_get_meta (anna, MC_META_REVISION), !=, revision);

  ours = mc_board_load_from_file (original_file, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  theirs = mc_board_load_from_file (copy_file, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  summary = merge (ours, theirs, NULL);

  g_assert_true (mc_merge_result_get_three_way (summary));
  g_assert_null (mc_board_get_note (ours, ID_5));
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (ours, ID_1)), ==,
                   "Energiearmoede, vooral bij huurders");
  g_assert_cmpuint (mc_merge_result_get_n_conflicts (summary), ==, 0);

  mc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/merge/copy-id", test_copy_id);
  g_test_add_func ("/mc/merge/two-way/added", test_two_way_added);
  g_test_add_func ("/mc/merge/two-way/conflict", test_two_way_conflict);
  g_test_add_func ("/mc/merge/two-way/votes-and-moves", test_two_way_votes_and_moves);
  g_test_add_func ("/mc/merge/three-way/rules", test_three_way_rules);
  g_test_add_func ("/mc/merge/three-way/conflict", test_three_way_conflict);
  g_test_add_func ("/mc/merge/undo", test_undo);
  g_test_add_func ("/mc/merge/empty", test_empty_merge_adds_no_step);
  g_test_add_func ("/mc/merge/commutative/three-way", test_commutative_three_way);
  g_test_add_func ("/mc/merge/commutative/two-way", test_commutative_two_way);
  g_test_add_func ("/mc/merge/idempotent", test_idempotent);
  g_test_add_func ("/mc/merge/figures", test_figures);
  g_test_add_func ("/mc/merge/figure-kind-clash", test_figure_kind_clash);
  g_test_add_func ("/mc/merge/meta", test_meta);
  g_test_add_func ("/mc/merge/implicit-base", test_implicit_base);
  g_test_add_func ("/mc/merge/revision-marks", test_revision_marks);
  g_test_add_func ("/mc/merge/errors", test_errors);
  g_test_add_func ("/mc/merge/over-limits", test_over_limits);
  g_test_add_func ("/mc/merge/cli", test_cli);

  return g_test_run ();
}
