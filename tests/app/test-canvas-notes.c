/* test-canvas-notes.c — writing notes on the canvas: create, type, move
 * and undo, the first key, typing never lost, the view kept while editing,
 * and what a screen reader is told
 *
 * Driven through the canvas's actions and the same input paths as real
 * pointer and key events. Runs under Xvfb (tools/test). G_DEBUG=fatal-warnings
 * is set, so any warning or critical from GTK or from our code fails the
 * test.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mc-test-canvas.h"
#include "mc-command.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

#include "canvas-fixture.h"

/* The canvas has laid the editor out (not the 1×1 out-of-sight spot). */
static gboolean
editor_is_allocated (gpointer data)
{
  GtkWidget *editor = data;
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (editor, gtk_widget_get_parent (editor), &bounds)
         && bounds.size.width > 1 && bounds.origin.x > -1000;
}

/* The scenario: create by double-click, type, move, undo twice. */
static void
test_create_type_move_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  guint start = n_undo (fixture);
  g_autofree char *id = NULL;
  McNote *note;
  double x, y, tx, ty;

  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 0);

  region_point (fixture, "cimo/context", &x, &y);
  mc_canvas_test_double_click (fixture->canvas, x, y);
  mc_test_spin ();
  /* The caret is ready; the note exists once something is typed. */
  g_assert_nonnull (mc_canvas_test_get_editor (fixture->canvas));
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 0);

  type_text (fixture, "Wijkteam");
  note = only_note (fixture);
  id = g_strdup (mc_note_get_id (note));
  g_assert_cmpstr (mc_note_get_text (note), ==, "Wijkteam");
  g_assert_cmpstr (mc_note_get_figure_id (note), ==, "cimo");
  g_assert_cmpstr (mc_note_get_region_id (note), ==, "context");
  g_assert_cmpstr (mc_canvas_get_editing_note (fixture->canvas), ==, id);
  /* Adding and typing: two steps, the typing coalesced. */
  g_assert_cmpuint (n_undo (fixture), ==, start + 2);

  /* The editor lies over the note. */
  {
    GtkWidget *editor = mc_canvas_test_get_editor (fixture->canvas);
    graphene_rect_t bounds;
    double nx, ny;

    mc_test_wait_until (editor_is_allocated, editor, "the editor's allocation");
    note_centre (fixture, id, &nx, &ny);
    g_assert_true (gtk_widget_compute_bounds (editor, GTK_WIDGET (fixture->canvas), &bounds));
    g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (nx, ny)));
  }

  /* Escape commits. */
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  mc_test_spin ();
  g_assert_null (mc_canvas_test_get_editor (fixture->canvas));
  g_assert_cmpstr (mc_note_get_text (only_note (fixture)), ==, "Wijkteam");
  assert_selection (fixture, id, NULL);

  /* Drag it into Outcomes: re-anchored there. */
  note_centre (fixture, id, &x, &y);
  region_point (fixture, "cimo/outcomes", &tx, &ty);
  mc_canvas_test_drag (fixture->canvas, x, y, tx, ty, 0);
  mc_test_spin ();
  note = only_note (fixture);
  g_assert_cmpstr (mc_note_get_region_id (note), ==, "outcomes");
  g_assert_cmpuint (n_undo (fixture), ==, start + 3);

  /* Undo the move, then the typing. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  note = only_note (fixture);
  g_assert_cmpstr (mc_note_get_region_id (note), ==, "context");
  g_assert_cmpstr (mc_note_get_text (note), ==, "Wijkteam");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  note = only_note (fixture);
  g_assert_cmpstr (mc_note_get_region_id (note), ==, "context");
  g_assert_cmpstr (mc_note_get_text (note), ==, "");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 0);
  g_assert_cmpuint (mc_canvas_get_n_selected (fixture->canvas), ==, 0);
}

static void
test_empty_new_note (Fixture       *fixture,
                     gconstpointer  data)
{
  guint start = n_undo (fixture);
  GtkTextBuffer *buffer;
  double x, y;

  /* Opened and left: nothing happened. */
  region_point (fixture, "perspectives/social", &x, &y);
  mc_canvas_test_double_click (fixture->canvas, x, y);
  mc_test_spin ();
  g_assert_nonnull (mc_canvas_test_get_editor (fixture->canvas));
  mc_canvas_test_click (fixture->canvas, 5, 5, 0);
  mc_test_spin ();
  g_assert_null (mc_canvas_test_get_editor (fixture->canvas));
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 0);
  g_assert_cmpuint (n_undo (fixture), ==, start);

  /* Typed and erased again: the note goes with its steps. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.new-note", NULL);
  mc_test_spin ();
  type_text (fixture, "ab");
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (mc_canvas_test_get_editor (fixture->canvas)));
  gtk_text_buffer_set_text (buffer, "", -1);
  mc_test_spin ();
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  mc_test_spin ();
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 0);
  g_assert_cmpuint (n_undo (fixture), ==, start);
}

static void
test_edit_existing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = add_note (fixture, "context/issue", "Eerst");
  guint start = n_undo (fixture);
  GtkTextBuffer *buffer;
  double x, y;

  /* Double-click on a note edits it; Enter (canvas.edit) does too. */
  note_centre (fixture, id, &x, &y);
  mc_canvas_test_double_click (fixture->canvas, x, y);
  mc_test_spin ();
  g_assert_cmpstr (mc_canvas_get_editing_note (fixture->canvas), ==, id);
  type_text (fixture, " en dan");
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (fixture->board, id)), ==, "Eerst en dan");
  g_assert_cmpuint (n_undo (fixture), ==, start + 1);

  /* Undo while editing: the editor follows the board. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (mc_canvas_test_get_editor (fixture->canvas)));
  {
    GtkTextIter s, e;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &s, &e);
    text = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
    g_assert_cmpstr (text, ==, "Eerst");
  }
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  mc_test_spin ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.edit", NULL);
  mc_test_spin ();
  g_assert_cmpstr (mc_canvas_get_editing_note (fixture->canvas), ==, id);
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  g_assert_null (mc_canvas_get_editing_note (fixture->canvas));
}

/* Lost typing: the first key of a note can arrive at the canvas (the
 * double-click did not count as one). It starts a note at the region with
 * that key, and the following keys, repeated letters included, reach the
 * editor: nothing is lost or doubled. */
static void
test_first_key_starts_note (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *editor;
  g_autofree char *text = NULL;

  /* No pointer over the canvas: the selected region is the target. */
  fixture->canvas->pointer_inside = FALSE;
  mc_canvas_select_region (fixture->canvas, "perspectives/social");

  /* Digits, + and − vote only with notes selected: none is. */
  g_assert_null (mc_canvas_test_get_editor (fixture->canvas));

  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_B, GDK_SHIFT_MASK));
  mc_test_spin ();
  editor = mc_canvas_test_get_editor (fixture->canvas);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_has_focus (editor));
  type_text (fixture, "uurt bewoners");
  g_assert_cmpstr (mc_note_get_text (only_note (fixture)), ==, "Buurt bewoners");
  g_assert_cmpstr (mc_note_get_figure_id (only_note (fixture)), ==, "perspectives");
  g_assert_cmpstr (mc_note_get_region_id (only_note (fixture)), ==, "social");
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  mc_test_spin ();

  /* With a note selected, digits vote (their shortcut) and start nothing. */
  g_assert_cmpuint (mc_canvas_get_n_selected (fixture->canvas), ==, 1);
  g_assert_false (_mc_canvas_edit_type (fixture->canvas, GDK_KEY_3));
  g_assert_null (mc_canvas_test_get_editor (fixture->canvas));
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 1);

  /* Read-only boards start nothing. */
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  mc_board_set_read_only (fixture->board, TRUE);
  g_assert_false (mc_canvas_test_key (fixture->canvas, GDK_KEY_x, 0));
  mc_board_set_read_only (fixture->board, FALSE);
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 1);
}

static McNote *
note_with_text (Fixture    *fixture,
                const char *text)
{
  GPtrArray *notes = mc_board_get_notes (fixture->board);

  for (guint i = 0; i < notes->len; i++)
    if (g_strcmp0 (mc_note_get_text (notes->pdata[i]), text) == 0)
      return notes->pdata[i];
  return NULL;
}

/* Issue 13: typing over a region while a note was still selected dropped
 * keys ("Getypt zonder klik" became "der klik": the letters went nowhere,
 * the n to the new-note shortcut). Every key now starts a note, at the
 * pointer's or the selected region, else in the selected note's region. */
static void
test_typing_never_lost (Fixture       *fixture,
                        gconstpointer  data)
{
  McNote *note;

  fixture->canvas->pointer_inside = FALSE;
  mc_canvas_select_region (fixture->canvas, "cimo/context");
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_W, GDK_SHIFT_MASK));
  type_text (fixture, "at is goed");
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  mc_test_spin ();
  g_assert_nonnull (note_with_text (fixture, "Wat is goed"));
  g_assert_cmpuint (mc_canvas_get_n_selected (fixture->canvas), ==, 1);

  /* The note is still selected, no region is: the note's region. */
  mc_canvas_select_region (fixture->canvas, NULL);
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_G, GDK_SHIFT_MASK));
  type_text (fixture, "etypt zonder klik");
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  mc_test_spin ();
  note = note_with_text (fixture, "Getypt zonder klik");
  g_assert_nonnull (note);
  g_assert_cmpstr (mc_note_get_figure_id (note), ==, "cimo");
  g_assert_cmpstr (mc_note_get_region_id (note), ==, "context");

  /* N as the first key is a letter, not the empty-note shortcut. */
  g_assert_cmpuint (mc_canvas_get_n_selected (fixture->canvas), ==, 1);
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_n, 0));
  type_text (fixture, "og een");
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  mc_test_spin ();
  g_assert_nonnull (note_with_text (fixture, "nog een"));
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 3);
}

/* Issue 13: with the whole board on view, writing the first note
 * reallocated the canvas, which refitted, which reallocated... frame after
 * frame, moving the view under the pointer. Refits follow resizes only. */
static void
test_editing_keeps_view (Fixture       *fixture,
                         gconstpointer  data)
{
  double zoom, ox, oy, x, y;

  mc_canvas_zoom_to_fit (fixture->canvas);
  mc_test_wait_until (view_is_still, fixture->canvas, "the fit");
  zoom = mc_canvas_get_zoom (fixture->canvas);
  ox = fixture->canvas->origin_x;
  oy = fixture->canvas->origin_y;

  region_point (fixture, "cimo/context", &x, &y);
  mc_canvas_test_double_click (fixture->canvas, x, y);
  type_text (fixture, "Eerste notitie");
  mc_test_wait_until (editor_is_allocated, mc_canvas_test_get_editor (fixture->canvas),
                      "the editor's allocation");
  mc_test_wait_until (view_is_still, fixture->canvas, "a still view while editing");
  g_assert_cmpfloat (mc_canvas_get_zoom (fixture->canvas), ==, zoom);
  g_assert_cmpfloat (fixture->canvas->origin_x, ==, ox);
  g_assert_cmpfloat (fixture->canvas->origin_y, ==, oy);

  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  mc_test_wait_until (view_is_still, fixture->canvas, "a still view after editing");
  g_assert_cmpfloat (mc_canvas_get_zoom (fixture->canvas), ==, zoom);
  g_assert_cmpfloat (fixture->canvas->origin_x, ==, ox);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)), ==,
                   gtk_widget_get_width (gtk_widget_get_parent (GTK_WIDGET (fixture->canvas))));
}

/* Issue 16 (first part): a screen reader finds the board, not a picture:
 * the canvas is a group named after the board, and follows its title. */
static void
test_accessible_name (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkAccessible *canvas = GTK_ACCESSIBLE (fixture->canvas);
  g_autofree char *expected = NULL;

  g_assert_true (gtk_test_accessible_has_role (canvas, GTK_ACCESSIBLE_ROLE_GROUP));
  expected = *mc_board_get_title (fixture->board) != '\0'
             ? g_strdup_printf ("Board: %s", mc_board_get_title (fixture->board))
             : g_strdup ("Board");
  gtk_test_accessible_assert_property (canvas, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  mc_board_execute (fixture->board, mc_command_set_title (fixture->board, "Wijkleerlab Gezond Overvecht"));
  gtk_test_accessible_assert_property (canvas, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Board: Wijkleerlab Gezond Overvecht");
}

int
main (int   argc,
      char *argv[])
{
  canvas_fixture_start (&argc, &argv);

  ADD ("create-type-move-undo", test_create_type_move_undo);
  ADD ("empty-new-note", test_empty_new_note);
  ADD ("edit-existing", test_edit_existing);
  ADD ("first-key-starts-note", test_first_key_starts_note);
  ADD ("typing-never-lost", test_typing_never_lost);
  ADD ("editing-keeps-view", test_editing_keeps_view);
  ADD ("accessible-name", test_accessible_name);

  return mc_test_app_run (app);
}
