/* test-merge-members.c — three members merging their copies: the order
 * does not matter, and merging again changes nothing */
#include "config.h"

#include "mc-board.h"
#include "mc-command.h"
#include "mc-merge.h"
#include "mc-test-board.h"
#include "mc-test-util.h"

#include "merge-fixture.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/merge/commutative/three-way", test_commutative_three_way);
  g_test_add_func ("/mc/merge/commutative/two-way", test_commutative_two_way);
  g_test_add_func ("/mc/merge/idempotent", test_idempotent);

  return g_test_run ();
}
