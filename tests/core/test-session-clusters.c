/* test-session-clusters.c — the session engine's clusters, votes and
 * phases: their commands, the file, the scene and the outline */
#include "config.h"

#include <string.h>

#include "mc-board-io.h"
#include "mc-board.h"
#include "mc-cluster.h"
#include "mc-command.h"
#include "mc-editing.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-layout-clusters-private.h"
#include "mc-outline.h"

#include "session-fixture.h"

static void
assert_same_data (McBoard *a,
                  McBoard *b)
{
  g_autofree char *da = mc_board_to_data (a, NULL);
  g_autofree char *db = mc_board_to_data (b, NULL);

  g_assert_cmpstr (da, ==, db);
}

static McCluster *
cluster_of (McBoard            *board,
            const char         *label,
            const char         *color,
            const char * const *ids)
{
  McCluster *cluster = mc_cluster_new (label, color);

  mc_cluster_set_note_ids (cluster, ids);
  return cluster;
}

typedef struct
{
  McChangeFlags flags;
  guint         count;
} ChangeLog;

static void
on_changed (McBoard       *board,
            McChangeFlags  flags,
            GStrv          ids,
            gpointer       user_data)
{
  ChangeLog *log = user_data;

  log->flags = flags;
  log->count++;
}

/* Clusters */

static void
test_cluster_object (void)
{
  g_autoptr(McCluster) cluster = mc_cluster_new ("Kansen", "blue");
  g_autoptr(McCluster) copy = NULL;
  const char *ids[] = { "a", "b", "a", "", "c", NULL };

  g_assert_true (g_uuid_string_is_valid (mc_cluster_get_id (cluster)));
  g_assert_cmpstr (mc_cluster_get_label (cluster), ==, "Kansen");
  g_assert_cmpstr (mc_cluster_get_color (cluster), ==, "blue");
  g_assert_cmpuint (mc_cluster_get_n_notes (cluster), ==, 0);

  /* Duplicates and empty ids are dropped; order is kept. */
  mc_cluster_set_note_ids (cluster, ids);
  g_assert_cmpuint (mc_cluster_get_n_notes (cluster), ==, 3);
  g_assert_cmpstr (mc_cluster_get_note_ids (cluster)[0], ==, "a");
  g_assert_cmpstr (mc_cluster_get_note_ids (cluster)[2], ==, "c");
  g_assert_null (mc_cluster_get_note_ids (cluster)[3]);

  copy = mc_cluster_dup (cluster);
  g_assert_true (mc_cluster_equal (cluster, copy));
  mc_cluster_remove_note (copy, "b");
  g_assert_false (mc_cluster_has_note (copy, "b"));
  g_assert_false (mc_cluster_equal (cluster, copy));
  mc_cluster_add_note (copy, "b");
  /* Same members, other order: not equal (order is what is drawn/listed). */
  g_assert_false (mc_cluster_equal (cluster, copy));
  mc_cluster_set_note_ids (copy, mc_cluster_get_note_ids (cluster));
  g_assert_true (mc_cluster_equal (cluster, copy));
  mc_cluster_set_label (copy, "Risico's");
  g_assert_false (mc_cluster_equal (cluster, copy));
}

static void
test_cluster_commands (void)
{
  g_autoptr(McBoard) board = model_board ();
  const char *a = add_note (board, "A", "cimo", "context", -1, -1);
  const char *b = add_note (board, "B", "cimo", "context", -1, -1);
  const char *c = add_note (board, "C", "cimo", "mechanisms", -1, -1);
  const char *ab[] = { a, b, NULL };
  const char *bc[] = { b, c, NULL };
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autoptr(McCluster) edited = NULL;
  McCluster *cluster;
  ChangeLog log = { 0, };

  g_signal_connect (board, "changed", G_CALLBACK (on_changed), &log);

  cluster = cluster_of (board, "Eerste", "pink", ab);
  first_id = g_strdup (mc_cluster_get_id (cluster));
  mc_board_execute (board, mc_command_add_cluster (board, cluster));
  g_assert_true (log.flags & MC_CHANGE_CLUSTERS);
  g_assert_cmpuint (mc_board_get_clusters (board)->len, ==, 1);
  cluster = mc_board_get_cluster (board, first_id);
  g_assert_true (mc_cluster_get_in_board (cluster));
  g_assert_true (mc_board_get_note_cluster (board, a) == cluster);

  /* A note belongs to one cluster: B moves to the second one. */
  cluster = cluster_of (board, "Tweede", "green", bc);
  second_id = g_strdup (mc_cluster_get_id (cluster));
  mc_board_execute (board, mc_command_add_cluster (board, cluster));
  g_assert_cmpuint (mc_cluster_get_n_notes (mc_board_get_cluster (board, first_id)), ==, 1);
  g_assert_true (mc_board_get_note_cluster (board, b) == mc_board_get_cluster (board, second_id));

  /* One undo step puts B back into the first cluster. */
  g_assert_true (mc_board_undo (board));
  g_assert_null (mc_board_get_cluster (board, second_id));
  g_assert_cmpuint (mc_cluster_get_n_notes (mc_board_get_cluster (board, first_id)), ==, 2);
  g_assert_true (mc_board_redo (board));
  g_assert_nonnull (mc_board_get_cluster (board, second_id));

  /* Relabel through a detached copy. */
  edited = mc_cluster_dup (mc_board_get_cluster (board, second_id));
  mc_cluster_set_label (edited, "Hernoemd");
  mc_board_execute (board, mc_command_update_cluster (board, g_steal_pointer (&edited)));
  g_assert_cmpstr (mc_cluster_get_label (mc_board_get_cluster (board, second_id)), ==, "Hernoemd");
  g_assert_true (log.flags & MC_CHANGE_CLUSTERS);
  g_assert_true (mc_board_undo (board));
  g_assert_cmpstr (mc_cluster_get_label (mc_board_get_cluster (board, second_id)), ==, "Tweede");
  g_assert_true (mc_board_redo (board));

  /* Removing a cluster keeps its notes. */
  mc_board_execute (board, mc_command_remove_cluster (board, second_id));
  g_assert_null (mc_board_get_cluster (board, second_id));
  g_assert_nonnull (mc_board_get_note (board, b));
  g_assert_null (mc_board_get_note_cluster (board, c));
  g_assert_true (mc_board_undo (board));
  g_assert_true (mc_board_get_note_cluster (board, c) == mc_board_get_cluster (board, second_id));
}

static void
test_cluster_note_removal (void)
{
  g_autoptr(McBoard) board = model_board ();
  const char *a = add_note (board, "A", "cimo", "context", -1, -1);
  const char *b = add_note (board, "B", "cimo", "context", -1, -1);
  const char *d = add_note (board, "D", "context", "issue", -1, -1);
  const char *ab[] = { a, b, NULL };
  const char *only_a[] = { a, NULL };
  const char *only_d[] = { d, NULL };
  g_autofree char *ab_id = NULL;
  g_autofree char *d_id = NULL;
  g_autofree char *a_id = g_strdup (a);
  g_autofree char *b_id = g_strdup (b);
  McCluster *cluster;

  cluster = cluster_of (board, "AB", "yellow", ab);
  ab_id = g_strdup (mc_cluster_get_id (cluster));
  mc_board_execute (board, mc_command_add_cluster (board, cluster));
  cluster = cluster_of (board, "D", "orange", only_d);
  d_id = g_strdup (mc_cluster_get_id (cluster));
  mc_board_execute (board, mc_command_add_cluster (board, cluster));

  /* Deleting A takes it out of its cluster in the same undo step. */
  mc_board_execute (board, mc_command_remove_notes (board, only_a));
  g_assert_null (mc_board_get_note (board, a_id));
  cluster = mc_board_get_cluster (board, ab_id);
  g_assert_cmpuint (mc_cluster_get_n_notes (cluster), ==, 1);
  g_assert_false (mc_cluster_has_note (cluster, a_id));
  g_assert_true (mc_board_undo (board));
  g_assert_nonnull (mc_board_get_note (board, a_id));
  g_assert_true (mc_cluster_has_note (mc_board_get_cluster (board, ab_id), a_id));
  g_assert_cmpstr (mc_cluster_get_note_ids (mc_board_get_cluster (board, ab_id))[0], ==, a_id);

  /* The editing engine's delete goes the same way. */
  {
    const char *both[] = { a_id, b_id, NULL };

    mc_board_execute (board, mc_editing_delete_notes_command (board, both));
    /* A cluster left without notes goes too. */
    g_assert_null (mc_board_get_cluster (board, ab_id));
    g_assert_true (mc_board_undo (board));
    g_assert_nonnull (mc_board_get_cluster (board, ab_id));
    g_assert_cmpuint (mc_cluster_get_n_notes (mc_board_get_cluster (board, ab_id)), ==, 2);
  }

  /* Removing a figure removes its notes from clusters as well. */
  mc_board_execute (board, mc_command_remove_figure (board, "context"));
  g_assert_null (mc_board_get_cluster (board, d_id));
  g_assert_nonnull (mc_board_get_cluster (board, ab_id));
  g_assert_true (mc_board_undo (board));
  g_assert_nonnull (mc_board_get_cluster (board, d_id));
}

static void
test_cluster_persist (void)
{
  g_autoptr(McBoard) board = model_board ();
  g_autoptr(McBoard) loaded = NULL;
  g_autoptr(McBoard) again = NULL;
  g_autoptr(McBoard) plain = model_board ();
  g_autoptr(GError) error = NULL;
  g_autofree char *plain_data = NULL;
  g_autofree char *data = NULL;
  const char *a = add_note (board, "A", "cimo", "context", 40, 120);
  const char *b = add_note (board, "B", "cimo", "outcomes", -1, -1);
  const char *ab[] = { a, b, NULL };
  g_autofree char *cluster_id = NULL;
  McCluster *cluster = cluster_of (board, "Samen \"sterk\"", "purple", ab);
  McCluster *read;

  cluster_id = g_strdup (mc_cluster_get_id (cluster));
  mc_board_execute (board, mc_command_add_cluster (board, cluster));

  loaded = reload (board);
  read = mc_board_get_cluster (loaded, cluster_id);
  g_assert_nonnull (read);
  g_assert_true (mc_cluster_equal (read, mc_board_get_cluster (board, cluster_id)));
  g_assert_cmpstr (mc_cluster_get_label (read), ==, "Samen \"sterk\"");
  g_assert_cmpstr (mc_cluster_get_color (read), ==, "purple");
  g_assert_null (mc_board_get_load_warnings (loaded)[0]);
  again = reload (loaded);
  assert_same_data (loaded, again);

  /* A board without clusters writes no "clusters" member at all. */
  plain_data = mc_board_to_data (plain, NULL);
  g_assert_null (strstr (plain_data, "\"clusters\""));

  /* Unknown note ids are dropped with a warning; unknown members kept. */
  data = g_strdup_printf ("{\"format\": \"missiecanvas\", \"format_version\": 1, \"board\": {"
                          "\"notes\": [{\"id\": \"n1\", \"text\": \"x\"}],"
                          "\"clusters\": [{\"id\": \"c1\", \"label\": \"L\", \"color\": \"green\","
                          " \"notes\": [\"n1\", \"gone\"], \"shape\": \"hull\"},"
                          " {\"id\": \"c2\", \"label\": \"Leeg\", \"notes\": [\"gone\", \"n1\"]}]}}");
  g_clear_object (&loaded);
  loaded = mc_board_load_from_data (data, strlen (data), "t", MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_board_get_clusters (loaded)->len, ==, 1);
  read = mc_board_get_cluster (loaded, "c1");
  g_assert_cmpuint (mc_cluster_get_n_notes (read), ==, 1);
  g_assert_nonnull (mc_board_get_load_warnings (loaded)[0]);
  g_assert_nonnull (mc_board_get_load_warnings (loaded)[1]);
  g_free (data);
  data = mc_board_to_data (loaded, NULL);
  g_assert_nonnull (strstr (data, "\"shape\": \"hull\""));

  /* Duplicate ids and overlong labels are refused. */
  g_free (data);
  data = g_strdup ("{\"format\": \"missiecanvas\", \"format_version\": 1, \"board\": {"
                   "\"clusters\": [{\"id\": \"c\"}, {\"id\": \"c\"}]}}");
  g_clear_object (&loaded);
  loaded = mc_board_load_from_data (data, strlen (data), "t", MC_BOARD_LOAD_NONE, &error);
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_DUPLICATE_ID);
  g_assert_null (loaded);
  g_clear_error (&error);
  {
    g_autofree char *label = g_strnfill (MC_CLUSTER_MAX_LABEL_LENGTH + 1, 'x');

    g_free (data);
    data = g_strdup_printf ("{\"format\": \"missiecanvas\", \"format_version\": 1, \"board\": {"
                            "\"clusters\": [{\"id\": \"c\", \"label\": \"%s\"}]}}", label);
    loaded = mc_board_load_from_data (data, strlen (data), "t", MC_BOARD_LOAD_NONE, &error);
    g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (error->message, "board.clusters[0].label"));
  }
}

static gboolean
layout_note_rect (gpointer    user_data,
                  const char *note_id,
                  McRect     *rect)
{
  return mc_layout_get_note_rect (user_data, note_id, rect);
}

static void
test_cluster_scene (void)
{
  g_autoptr(McBoard) board = model_board ();
  g_autoptr(McLayout) layout = mc_layout_new (catalog ());
  g_autoptr(McScene) scene = NULL;
  g_autoptr(McScene) clusters = mc_scene_new ();
  const char *a = add_note (board, "A", "cimo", "context", 60, 300);
  const char *b = add_note (board, "B", "cimo", "context", 300, 420);
  const char *ab[] = { a, b, NULL };
  g_autofree char *group_id = NULL;
  g_autofree char *note_group = g_strdup_printf ("note:%s", a);
  McCluster *cluster = cluster_of (board, "Samen", "blue", ab);
  McViewOptions options;
  McRect ra, rb;
  const McSceneItem *item;
  int index, note_index;
  McColor ink;

  group_id = g_strdup_printf ("cluster:%s", mc_cluster_get_id (cluster));
  mc_board_execute (board, mc_command_add_cluster (board, cluster));
  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  g_assert_true (mc_layout_get_note_rect (layout, a, &ra));
  g_assert_true (mc_layout_get_note_rect (layout, b, &rb));

  _mc_layout_add_clusters (clusters, board, mc_theme_get (MC_THEME_COLOR), layout_note_rect, layout);
  index = mc_scene_find_group (clusters, group_id);
  g_assert_cmpint (index, >=, 0);
  item = mc_scene_get_item (clusters, (guint) index);
  g_assert_cmpint (item->role, ==, MC_ROLE_CLUSTER);
  g_assert_cmpstr (item->title, ==, "Samen");
  /* The outline keeps its padding around both notes; the label sits above. */
  g_assert_nonnull (item->hit_path);
  g_assert_cmpfloat (item->bounds.x, <=, MIN (ra.x, rb.x) - MC_CLUSTER_PADDING + 0.01);
  g_assert_cmpfloat (item->bounds.x + item->bounds.width, >=,
                     MAX (ra.x + ra.width, rb.x + rb.width) + MC_CLUSTER_PADDING - 0.01);
  g_assert_cmpfloat (item->bounds.y, <, MIN (ra.y, rb.y) - MC_CLUSTER_PADDING);
  g_assert_cmpfloat (item->bounds.y + item->bounds.height, >=,
                     MAX (ra.y + ra.height, rb.y + rb.height) + MC_CLUSTER_PADDING - 0.01);

  /* The label's deep tone reads on paper. */
  _mc_layout_cluster_ink (mc_theme_get (MC_THEME_COLOR), "yellow", &ink);
  g_assert_cmpfloat ((1.0 + 0.05) / (mc_color_luminance (&ink) + 0.05), >=, 4.5);

  /* The layout draws it too, before the notes. */
  index = mc_scene_find_group (scene, group_id);
  note_index = mc_scene_find_group (scene, note_group);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (index, <, note_index);
}

static void
test_cluster_outline (void)
{
  g_autoptr(McBoard) board = model_board ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *markdown = NULL;
  const char *a = add_note (board, "Geclusterd", "cimo", "context", -1, -1);
  const char *b = add_note (board, "Los", "cimo", "context", -1, -1);
  const char *only_a[] = { a, NULL };
  McCluster *cluster = cluster_of (board, "Kansen, \"groot\"", "orange", only_a);

  mc_board_execute (board, mc_command_add_cluster (board, cluster));

  csv = mc_outline_to_csv (board, catalog (), MC_LANGUAGE_NL, NULL);
  rows = mc_outline_parse_csv (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((char **) rows->pdata[0])[8], ==, "cluster");
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = rows->pdata[r];

      g_assert_cmpuint (g_strv_length (row), ==, 9);
      if (strcmp (row[7], a) == 0)
        g_assert_cmpstr (row[8], ==, "Kansen, \"groot\"");
      else
        {
          g_assert_cmpstr (row[7], ==, b);
          g_assert_cmpstr (row[8], ==, "");
        }
    }

  markdown = mc_outline_to_markdown (board, catalog (), MC_LANGUAGE_NL, NULL);
  g_assert_nonnull (strstr (markdown, "- Geclusterd *(cluster: Kansen, \"groot\")*\n"));
  g_assert_nonnull (strstr (markdown, "- Los\n"));
}

/* Votes */

static void
test_votes_persist (void)
{
  g_autoptr(McBoard) board = model_board ();
  g_autoptr(McBoard) loaded = NULL;
  g_autofree char *id = g_strdup (add_note (board, "Stem", "cimo", "outcomes", -1, -1));
  const char *ids[] = { id, NULL };

  for (int i = 0; i < 3; i++)
    mc_board_execute (board, mc_editing_vote_command (board, ids, +1));
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (board, id)), ==, 3);

  loaded = reload (board);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (loaded, id)), ==, 3);

  /* Undo in the loaded board's own history is empty; in the original, each
   * vote is one step. */
  g_assert_false (mc_board_undo (loaded));
  g_assert_true (mc_board_undo (board));
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (board, id)), ==, 2);
  g_assert_true (mc_board_redo (board));
  mc_board_execute (board, mc_editing_vote_command (board, ids, -5));
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (board, id)), ==, 0);
  g_assert_true (mc_board_undo (board));
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (board, id)), ==, 3);
}

/* Phases */

static void
test_phase_copy (void)
{
  g_autoptr(McBoard) board = model_board ();
  g_autoptr(McBoard) monitor = NULL;
  g_autoptr(McBoard) evaluate = NULL;
  g_autoptr(McBoard) none = NULL;
  g_autoptr(McBoard) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_strdup (add_note (board, "Start", "cimo", "context", -1, -1));
  g_autofree char *later = NULL;
  const char *only_a[] = { a, NULL };
  McCluster *cluster = cluster_of (board, "K", "green", only_a);
  g_autofree char *cluster_id = g_strdup (mc_cluster_get_id (cluster));

  mc_board_execute (board, mc_command_set_title (board, "Wijkleerlab"));
  mc_board_execute (board, mc_command_set_meta (board, MC_META_DATE, "2026-11-22"));
  mc_board_execute (board, mc_command_add_cluster (board, cluster));
  g_assert_false (mc_note_get_has_phase (mc_board_get_note (board, a)));
  g_assert_cmpint (mc_board_get_note_phase (board, mc_board_get_note (board, a)), ==,
                   MC_PHASE_START);

  monitor = mc_board_new_session_copy (board, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_board_get_phase (monitor), ==, MC_PHASE_MONITOR);
  g_assert_cmpstr (mc_board_get_meta (monitor, MC_META_PREVIOUS_SESSION), ==,
                   "Wijkleerlab (start, 2026-11-22)");
  g_assert_nonnull (mc_board_get_meta (monitor, MC_META_DATE));
  g_assert_false (mc_history_get_can_undo (mc_board_get_history (monitor)));
  g_assert_false (mc_board_get_modified (monitor));
  g_assert_null (mc_board_get_file (monitor));
  /* Same ids, with the phase they were written in. */
  g_assert_cmpuint (mc_board_get_n_notes (monitor), ==, 1);
  g_assert_true (mc_note_get_has_phase (mc_board_get_note (monitor, a)));
  g_assert_cmpint (mc_note_get_phase (mc_board_get_note (monitor, a)), ==, MC_PHASE_START);
  g_assert_nonnull (mc_board_get_cluster (monitor, cluster_id));
  /* The original is untouched. */
  g_assert_false (mc_note_get_has_phase (mc_board_get_note (board, a)));
  g_assert_cmpint (mc_board_get_phase (board), ==, MC_PHASE_START);

  /* Earlier answers are dimmed, new ones are not. */
  later = g_strdup (add_note (monitor, "Nu", "cimo", "context", -1, -1));
  g_assert_cmpfloat (_mc_layout_note_opacity (monitor, mc_board_get_note (monitor, a)), <, 1.0);
  g_assert_cmpfloat (_mc_layout_note_opacity (monitor, mc_board_get_note (monitor, later)), ==, 1.0);
  g_assert_cmpfloat (_mc_layout_note_opacity (board, mc_board_get_note (board, a)), ==, 1.0);
  {
    g_autoptr(McLayout) layout = mc_layout_new (catalog ());
    g_autoptr(McScene) scene = NULL;
    g_autofree char *group_a = g_strdup_printf ("note:%s", a);
    g_autofree char *group_later = g_strdup_printf ("note:%s", later);
    McViewOptions options;
    int ia, il;

    mc_view_options_init (&options, MC_LANGUAGE_NL);
    scene = mc_layout_build (layout, monitor, &options);
    ia = mc_scene_find_group (scene, group_a);
    il = mc_scene_find_group (scene, group_later);
    g_assert_cmpint (ia, >=, 0);
    g_assert_cmpint (il, >=, 0);
    g_assert_cmpfloat (mc_scene_get_item (scene, (guint) ia)->opacity, <, 1.0);
    g_assert_cmpfloat (mc_scene_get_item (scene, (guint) il)->opacity, ==, 1.0);
  }

  /* The phase survives the file; notes without one write none. */
  loaded = reload (monitor);
  g_assert_cmpint (mc_note_get_phase (mc_board_get_note (loaded, a)), ==, MC_PHASE_START);
  g_assert_false (mc_note_get_has_phase (mc_board_get_note (loaded, later)));

  /* monitor → evaluate: the start note stays start, the monitor note
   * becomes monitor; then there is no next phase. */
  evaluate = mc_board_new_session_copy (monitor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_board_get_phase (evaluate), ==, MC_PHASE_EVALUATE);
  g_assert_cmpint (mc_note_get_phase (mc_board_get_note (evaluate, a)), ==, MC_PHASE_START);
  g_assert_cmpint (mc_note_get_phase (mc_board_get_note (evaluate, later)), ==, MC_PHASE_MONITOR);
  none = mc_board_new_session_copy (evaluate, &error);
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/session/cluster/object", test_cluster_object);
  g_test_add_func ("/mc/session/cluster/commands", test_cluster_commands);
  g_test_add_func ("/mc/session/cluster/note-removal", test_cluster_note_removal);
  g_test_add_func ("/mc/session/cluster/persist", test_cluster_persist);
  g_test_add_func ("/mc/session/cluster/scene", test_cluster_scene);
  g_test_add_func ("/mc/session/cluster/outline", test_cluster_outline);
  g_test_add_func ("/mc/session/votes/persist", test_votes_persist);
  g_test_add_func ("/mc/session/phase/copy", test_phase_copy);

  return g_test_run ();
}
