/* test-canvas-selection.c — working on chosen notes on the canvas:
 * selection, delete and duplicate, the clipboard, tab order, nudging,
 * votes, colours and clusters, arranging, search and a read-only board
 *
 * Runs under Xvfb (tools/test), as test-canvas-notes.c.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mc-test-canvas.h"
#include "mc-cluster.h"
#include "mc-editing.h"
#include "mc-layout.h"
#include "mc-outline-panel.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

#include "canvas-fixture.h"

typedef struct
{
  Fixture *fixture;
  guint    n;
} NotesWait;

static gboolean
has_n_notes (gpointer data)
{
  NotesWait *wait = data;

  return mc_board_get_n_notes (wait->fixture->board) == wait->n;
}

/* Iterates until the board has n notes (an async paste). */
static void
wait_for_notes (Fixture *fixture,
                guint    n)
{
  NotesWait wait = { fixture, n };

  mc_test_wait_until (has_n_notes, &wait, "the pasted notes");
  mc_test_spin ();
}

static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *a = add_note (fixture, "cimo/context", "A");
  g_autofree char *b = add_note (fixture, "cimo/intervention", "B");
  g_autofree char *c = add_note (fixture, "cimo/mechanisms", "C");
  McRect ra, rc;
  double x, y, x0, y0, x1, y1;

  note_centre (fixture, a, &x, &y);
  mc_canvas_test_click (fixture->canvas, x, y, 0);
  assert_selection (fixture, a, NULL);

  note_centre (fixture, b, &x, &y);
  mc_canvas_test_click (fixture->canvas, x, y, GDK_SHIFT_MASK);
  assert_selection (fixture, a, b, NULL);

  note_centre (fixture, a, &x, &y);
  mc_canvas_test_click (fixture->canvas, x, y, GDK_CONTROL_MASK);
  assert_selection (fixture, b, NULL);

  /* A click on empty space clears. */
  region_point (fixture, "cimo/outcomes", &x, &y);
  mc_canvas_test_click (fixture->canvas, x, y, 0);
  assert_selection (fixture, NULL);

  /* Rubber band (Shift + drag on empty space) around A … C. */
  mc_canvas_get_scene (fixture->canvas);
  g_assert_true (mc_layout_get_note_rect (mc_canvas_get_layout (fixture->canvas), a, &ra));
  g_assert_true (mc_layout_get_note_rect (mc_canvas_get_layout (fixture->canvas), c, &rc));
  mc_canvas_board_to_widget (fixture->canvas, MIN (ra.x, rc.x) - 30, MIN (ra.y, rc.y) - 30, &x0, &y0);
  mc_canvas_board_to_widget (fixture->canvas,
                             MAX (ra.x + ra.width, rc.x + rc.width) + 30,
                             MAX (ra.y + ra.height, rc.y + rc.height) + 30, &x1, &y1);
  mc_canvas_test_drag (fixture->canvas, x0, y0, x1, y1, GDK_SHIFT_MASK);
  assert_selection (fixture, a, b, c, NULL);

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.select-none", NULL);
  assert_selection (fixture, NULL);

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.select-all", NULL);
  assert_selection (fixture, a, b, c, NULL);

  /* Select all in the region: only A is in cimo/context. */
  mc_canvas_select_region (fixture->canvas, "cimo/context");
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.select-region", NULL);
  assert_selection (fixture, a, NULL);

  /* Group move: both selected notes move by the same amount. */
  {
    McRect before_a, before_b, after_a, after_b;
    McLayout *layout = mc_canvas_get_layout (fixture->canvas);
    const char *ids[] = { a, b, NULL };
    double ax, ay;

    mc_canvas_select_notes (fixture->canvas, ids);
    mc_layout_get_note_rect (layout, a, &before_a);
    mc_layout_get_note_rect (layout, b, &before_b);
    note_centre (fixture, a, &ax, &ay);
    mc_canvas_test_drag (fixture->canvas, ax, ay, ax + 10, ay + 12, 0);
    mc_canvas_get_scene (fixture->canvas);
    mc_layout_get_note_rect (layout, a, &after_a);
    mc_layout_get_note_rect (layout, b, &after_b);
    g_assert_cmpfloat_with_epsilon (after_a.x - before_a.x, after_b.x - before_b.x, 0.5);
    g_assert_cmpfloat_with_epsilon (after_a.y - before_a.y, after_b.y - before_b.y, 0.5);
    g_assert_cmpfloat (after_a.x - before_a.x, >, 1.0);
    assert_selection (fixture, a, b, NULL);
  }
}

static void
test_delete_duplicate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *a = add_note (fixture, "cimo/context", "Alpha");
  const char *ids[] = { a, NULL };
  g_auto(GStrv) selection = NULL;

  mc_canvas_select_notes (fixture->canvas, ids);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.duplicate", NULL);
  mc_test_spin ();
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 2);
  selection = mc_canvas_dup_selection (fixture->canvas);
  g_assert_cmpuint (g_strv_length (selection), ==, 1);
  g_assert_cmpstr (selection[0], !=, a);
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (fixture->board, selection[0])), ==, "Alpha");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 1);
  /* The copy is gone, and so is its selection. */
  assert_selection (fixture, NULL);

  mc_canvas_select_notes (fixture->canvas, ids);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL);
  mc_test_spin ();
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  g_assert_nonnull (mc_board_get_note (fixture->board, a));
}

static void
test_clipboard (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *a = add_note (fixture, "cimo/context", "Eén");
  g_autofree char *b = add_note (fixture, "cimo/outcomes", "Twee");
  const char *ids[] = { a, b, NULL };
  g_auto(GStrv) pasted = NULL;
  guint start;

  mc_canvas_select_notes (fixture->canvas, ids);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.copy", NULL);
  mc_test_spin ();
  start = n_undo (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.paste", NULL);
  wait_for_notes (fixture, 4);
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 4);
  g_assert_cmpuint (n_undo (fixture), ==, start + 1);

  /* New ids, same texts and anchors; the pasted notes are selected. */
  pasted = mc_canvas_dup_selection (fixture->canvas);
  g_assert_cmpuint (g_strv_length (pasted), ==, 2);
  for (guint i = 0; pasted[i] != NULL; i++)
    {
      McNote *note = mc_board_get_note (fixture->board, pasted[i]);

      g_assert_false (g_strv_contains (ids, pasted[i]));
      g_assert_nonnull (note);
      g_assert_true (g_str_equal (mc_note_get_text (note), "Eén")
                     || g_str_equal (mc_note_get_text (note), "Twee"));
      g_assert_cmpstr (mc_note_get_figure_id (note), ==, "cimo");
    }

  /* Cut: copied and gone in one step. */
  mc_canvas_select_notes (fixture->canvas, ids);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.cut", NULL);
  mc_test_spin ();
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 2);
  g_assert_null (mc_board_get_note (fixture->board, a));
}

static void
test_paste_text (Fixture       *fixture,
                 gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  guint start = n_undo (fixture);

  mc_canvas_select_region (fixture->canvas, "potential-value/core");
  gdk_clipboard_set_text (clipboard, "- bewoners\n- gemeente\n\n- woningcorporatie\n");
  mc_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.paste", NULL);
  wait_for_notes (fixture, 3);
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 3);
  g_assert_cmpuint (n_undo (fixture), ==, start + 1);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (texts, (gpointer) mc_note_get_text (g_ptr_array_index (mc_board_get_notes (fixture->board), i)));
  g_ptr_array_add (texts, NULL);
  g_assert_true (g_strv_contains ((const char * const *) texts->pdata, "bewoners"));
  g_assert_true (g_strv_contains ((const char * const *) texts->pdata, "gemeente"));
  g_assert_true (g_strv_contains ((const char * const *) texts->pdata, "woningcorporatie"));
  g_assert_cmpuint (mc_canvas_get_n_selected (fixture->canvas), ==, 3);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 0);
}

static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *a = add_note (fixture, "cimo/context", "A");
  g_autofree char *b = add_note (fixture, "cimo/intervention", "B");
  g_autofree char *c = add_note (fixture, "context/issue", "C");
  McLayout *layout = mc_canvas_get_layout (fixture->canvas);
  const char *first = mc_editing_next_note (fixture->board, layout, NULL, FALSE);
  const char *second = mc_editing_next_note (fixture->board, layout, first, FALSE);
  g_autofree char *first_copy = g_strdup (first);
  g_autofree char *second_copy = g_strdup (second);

  g_assert_cmpstr (first, ==, a);
  g_assert_cmpstr (second, ==, b);

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.next-note", NULL);
  assert_selection (fixture, first_copy, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.next-note", NULL);
  assert_selection (fixture, second_copy, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.next-note", NULL);
  assert_selection (fixture, c, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.previous-note", NULL);
  assert_selection (fixture, second_copy, NULL);
}

static void
test_nudge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *a = add_note (fixture, "cimo/intervention", "A");
  McLayout *layout = mc_canvas_get_layout (fixture->canvas);
  const char *ids[] = { a, NULL };
  McRect before, after;
  double origin_x, origin_y, x2, y2;

  mc_canvas_get_scene (fixture->canvas);
  g_assert_true (mc_layout_get_note_rect (layout, a, &before));

  /* Without a selection the arrows pan. */
  mc_canvas_board_to_widget (fixture->canvas, 0, 0, &origin_x, &origin_y);
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Right, 0));
  mc_canvas_board_to_widget (fixture->canvas, 0, 0, &x2, &y2);
  g_assert_cmpfloat (x2, <, origin_x);

  mc_canvas_select_notes (fixture->canvas, ids);
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Right, 0));
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Down, GDK_SHIFT_MASK));
  mc_canvas_get_scene (fixture->canvas);
  g_assert_true (mc_layout_get_note_rect (layout, a, &after));
  g_assert_cmpfloat_with_epsilon (after.x - before.x, 4.0, 0.01);
  g_assert_cmpfloat_with_epsilon (after.y - before.y, 40.0, 0.01);
  /* The view stayed put while nudging. */
  mc_canvas_board_to_widget (fixture->canvas, 0, 0, &origin_x, &origin_y);
  g_assert_cmpfloat_with_epsilon (origin_x, x2, 0.01);
}

static void
test_votes_colors_clusters (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *a = add_note (fixture, "cimo/context", "A");
  g_autofree char *b = add_note (fixture, "cimo/context", "B");
  const char *ids[] = { a, b, NULL };
  GtkWidget *popover, *entry;
  McCluster *cluster;

  mc_canvas_select_notes (fixture->canvas, ids);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.vote-add", "i", 3);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.vote-remove", NULL);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (fixture->board, a)), ==, 2);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (fixture->board, b)), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.color", "s", "blue");
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (fixture->board, b)), ==, "blue");

  /* Cluster: the label prompt, then the cluster with both notes. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.cluster", NULL);
  mc_test_spin ();
  popover = fixture->canvas->edit->cluster_popover;
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  entry = g_object_get_data (G_OBJECT (popover), "mc-entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Cluster");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Partners");
  g_signal_emit_by_name (entry, "activate");
  mc_test_spin ();
  cluster = mc_board_get_note_cluster (fixture->board, a);
  g_assert_nonnull (cluster);
  g_assert_cmpstr (mc_cluster_get_label (cluster), ==, "Partners");
  g_assert_true (mc_cluster_has_note (cluster, b));

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.uncluster", NULL);
  g_assert_null (mc_board_get_note_cluster (fixture->board, a));
  g_assert_cmpuint (mc_board_get_clusters (fixture->board)->len, ==, 0);
}

static void
test_arrange (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *a = add_note (fixture, "scale-levels/meso", "A");
  g_autofree char *b = add_note (fixture, "scale-levels/meso", "B");
  g_autofree char *c = add_note (fixture, "scale-levels/meso", "C");
  const char *ids[] = { c, NULL };
  McLayout *layout = mc_canvas_get_layout (fixture->canvas);
  const char *all[] = { a, b, c };
  guint start;

  mc_canvas_select_notes (fixture->canvas, ids);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.vote-add", "i", 5);
  mc_canvas_select_region (fixture->canvas, "scale-levels/meso");
  start = n_undo (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.sort-votes", NULL);
  g_assert_cmpuint (n_undo (fixture), ==, start + 1);

  /* No two notes overlap after arranging; the voted one comes first. */
  mc_canvas_get_scene (fixture->canvas);
  for (guint i = 0; i < 3; i++)
    for (guint j = i + 1; j < 3; j++)
      {
        McRect ri, rj;

        g_assert_true (mc_layout_get_note_rect (layout, all[i], &ri));
        g_assert_true (mc_layout_get_note_rect (layout, all[j], &rj));
        g_assert_false (mc_rect_intersects (&ri, &rj));
      }
  g_assert_cmpstr (mc_editing_next_note (fixture->board, layout, NULL, FALSE), ==, c);
}

static void
test_search_and_outline (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *a = add_note (fixture, "cimo/context", "Bewoners van de wijk");
  g_autofree char *b = add_note (fixture, "cimo/outcomes", "Gemeente");
  McOutlinePanel *panel;

  mc_canvas_set_search (fixture->canvas, "WIJK");
  g_assert_cmpuint (mc_canvas_get_n_matches (fixture->canvas), ==, 1);
  g_assert_true (mc_canvas_note_matches (fixture->canvas, a));
  g_assert_false (mc_canvas_note_matches (fixture->canvas, b));
  mc_canvas_set_search (fixture->canvas, NULL);
  g_assert_cmpuint (mc_canvas_get_n_matches (fixture->canvas), ==, 0);

  /* The outline: every figure, region and note; filtered by the search. */
  panel = MC_OUTLINE_PANEL (mc_outline_panel_new ());
  g_object_ref_sink (panel);
  mc_outline_panel_set_canvas (panel, fixture->canvas);
  mc_test_spin ();
  g_assert_cmpuint (mc_outline_panel_count (panel, MC_OUTLINE_ROW_FIGURE), ==, 9);
  g_assert_cmpuint (mc_outline_panel_count (panel, MC_OUTLINE_ROW_NOTE), ==, 2);
  g_assert_cmpuint (mc_outline_panel_count (panel, MC_OUTLINE_ROW_REGION), >=, 30);

  mc_outline_panel_set_search (panel, "gemeente");
  mc_test_spin ();
  g_assert_cmpuint (mc_outline_panel_count (panel, MC_OUTLINE_ROW_NOTE), ==, 1);
  g_assert_cmpuint (mc_canvas_get_n_matches (fixture->canvas), ==, 1);
  g_assert_true (mc_canvas_note_matches (fixture->canvas, b));

  /* Activating the note's row selects it on the canvas. */
  g_assert_true (mc_outline_panel_activate_note (panel, b));
  assert_selection (fixture, b, NULL);

  /* Follows the board. */
  mc_outline_panel_set_search (panel, NULL);
  g_free (add_note (fixture, "coherence/fit", "Derde"));
  mc_test_spin ();
  g_assert_cmpuint (mc_outline_panel_count (panel, MC_OUTLINE_ROW_NOTE), ==, 3);

  mc_outline_panel_set_canvas (panel, NULL);
  g_object_unref (panel);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  double x, y;

  mc_board_set_read_only (fixture->board, TRUE);
  region_point (fixture, "cimo/context", &x, &y);
  mc_canvas_test_double_click (fixture->canvas, x, y);
  mc_test_spin ();
  g_assert_null (mc_canvas_test_get_editor (fixture->canvas));
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 0);
  mc_board_set_read_only (fixture->board, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  canvas_fixture_start (&argc, &argv);

  ADD ("selection", test_selection);
  ADD ("delete-duplicate", test_delete_duplicate);
  ADD ("clipboard", test_clipboard);
  ADD ("paste-text", test_paste_text);
  ADD ("tab-order", test_tab_order);
  ADD ("nudge", test_nudge);
  ADD ("votes-colors-clusters", test_votes_colors_clusters);
  ADD ("arrange", test_arrange);
  ADD ("search-and-outline", test_search_and_outline);
  ADD ("read-only", test_read_only);

  return mc_test_app_run (app);
}
