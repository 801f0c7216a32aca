/* test-canvas.c — note editing on the canvas, driven through its actions
 * and the same input paths as real pointer and key events
 *
 * Runs under Xvfb (tools/test). G_DEBUG=fatal-warnings is set, so any
 * warning or critical from GTK or from our code fails the test.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mc-application.h"
#include "mc-templates.h"
#include "mc-test-canvas.h"
#include "mc-cluster.h"
#include "mc-command.h"
#include "mc-editing.h"
#include "mc-figure.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-outline-panel.h"
#include "mc-presentation.h"
#include "mc-route.h"
#include "mc-test-app.h"
#include "mc-test-util.h"
#include "mc-window.h"

static GtkApplication *app;

typedef struct
{
  McWindow *window;
  McCanvas *canvas;
  McBoard  *board;
} Fixture;

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

static gboolean
canvas_is_laid_out (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) > 400;
}

/* The view is still: no eased zoom under way, no refit waiting. */
static gboolean
view_is_still (gpointer data)
{
  McCanvas *canvas = data;

  return canvas->tick_id == 0 && canvas->refit_id == 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);

  g_assert_no_error (error);
  fixture->window = mc_window_new (app, board);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 820);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mc_test_spin ();

  fixture->canvas = mc_window_get_canvas (fixture->window);
  fixture->board = mc_window_get_board (fixture->window);
  /* A fixed view (no easing), whatever the window manager did. */
  {
    McRect bounds;

    mc_scene_get_bounds (mc_canvas_get_scene (fixture->canvas), &bounds);
    mc_canvas_zoom_to_rect (fixture->canvas, &bounds, FALSE);
  }
  mc_test_wait_until (canvas_is_laid_out, fixture, "the canvas's first allocation");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)), >, 400);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      /* Unsaved test edits must not ask. */
      mc_board_mark_saved (fixture->board);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  mc_test_spin ();
  g_assert_null (fixture->window);
}

/* A widget point inside region "<figure>/<region>" of the scene. */
static void
region_point (Fixture    *fixture,
              const char *group_id,
              double     *x,
              double     *y)
{
  McScene *scene = mc_canvas_get_scene (fixture->canvas);
  int index = mc_scene_find_group (scene, group_id);
  const McSceneItem *item;

  g_assert_cmpint (index, >=, 0);
  item = mc_scene_get_item (scene, index);
  for (int i = 1; i < 8; i++)
    for (int j = 1; j < 8; j++)
      {
        double bx = item->bounds.x + item->bounds.width * j / 8.0;
        double by = item->bounds.y + item->bounds.height * i / 8.0;
        g_autofree char *figure = NULL;
        g_autofree char *region = NULL;
        g_autofree char *note = mc_editing_note_at (scene, bx, by);
        g_autofree char *joined = NULL;

        if (note != NULL || !mc_editing_region_at (scene, bx, by, &figure, &region))
          continue;
        joined = g_strconcat (figure, "/", region, NULL);
        if (g_str_equal (joined, group_id))
          {
            mc_canvas_board_to_widget (fixture->canvas, bx, by, x, y);
            return;
          }
      }
  g_assert_not_reached ();
}

/* The canvas has laid the editor out (not the 1×1 out-of-sight spot). */
static gboolean
editor_is_allocated (gpointer data)
{
  GtkWidget *editor = data;
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (editor, gtk_widget_get_parent (editor), &bounds)
         && bounds.size.width > 1 && bounds.origin.x > -1000;
}

static void
note_centre (Fixture    *fixture,
             const char *id,
             double     *x,
             double     *y)
{
  McRect rect;

  mc_canvas_get_scene (fixture->canvas);
  g_assert_true (mc_layout_get_note_rect (mc_canvas_get_layout (fixture->canvas), id, &rect));
  mc_canvas_board_to_widget (fixture->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, x, y);
}

static guint
n_undo (Fixture *fixture)
{
  return mc_history_get_n_undo (mc_board_get_history (fixture->board));
}

static McNote *
only_note (Fixture *fixture)
{
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 1);
  return g_ptr_array_index (mc_board_get_notes (fixture->board), 0);
}

/* Typing, one character at a time as a keyboard does. */
static void
type_text (Fixture    *fixture,
           const char *text)
{
  GtkWidget *editor = mc_canvas_test_get_editor (fixture->canvas);
  GtkTextBuffer *buffer;

  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_has_focus (editor));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), ch);
      gtk_text_buffer_insert_at_cursor (buffer, ch, -1);
      mc_test_spin ();
    }
}

static char *
add_note (Fixture    *fixture,
          const char *region,
          const char *text)
{
  McScene *scene = mc_canvas_get_scene (fixture->canvas);
  char *id = NULL;
  double x, y, bx, by;

  region_point (fixture, region, &x, &y);
  mc_canvas_widget_to_board (fixture->canvas, x, y, &bx, &by);
  mc_board_execute (fixture->board,
                    mc_editing_new_note_command (fixture->board, mc_canvas_get_layout (fixture->canvas),
                                                 scene, bx, by, text, NULL, &id));
  mc_test_spin ();
  return id;
}

static void
assert_selection (Fixture    *fixture,
                  const char *first,
                  ...)
{
  g_auto(GStrv) selection = mc_canvas_dup_selection (fixture->canvas);
  guint n = 0;
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    {
      g_assert_true (g_strv_contains ((const char * const *) selection, id));
      n++;
    }
  va_end (args);
  g_assert_cmpuint (g_strv_length (selection), ==, n);
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

/* A widget point in a figure's title band (outside its regions). */
static void
title_point (Fixture    *fixture,
             const char *figure_id,
             double     *x,
             double     *y)
{
  McFigure *figure = mc_board_get_figure (fixture->board, figure_id);
  McRect rect;
  double bx, by;

  g_assert_nonnull (figure);
  g_assert_true (mc_layout_get_figure_rect (fixture->board, figure_id, &rect));
  bx = rect.x + 40 * mc_figure_get_scale (figure);
  by = rect.y + 20 * mc_figure_get_scale (figure);
  g_assert_false (mc_editing_region_at (mc_canvas_get_scene (fixture->canvas), bx, by, NULL, NULL));
  mc_canvas_board_to_widget (fixture->canvas, bx, by, x, y);
}

/* Dragging a figure by its title band moves it with its notes, as one
 * undo step; a click there selects it for the Figure actions. */
static void
test_figure_move (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = add_note (fixture, "context/issue", "Eenzaamheid");
  McFigure *figure = mc_board_get_figure (fixture->board, "context");
  double fx = mc_figure_get_x (figure), fy = mc_figure_get_y (figure);
  double zoom = mc_canvas_get_zoom (fixture->canvas);
  guint start = n_undo (fixture);
  McRect before, after;
  double x, y;

  mc_canvas_get_scene (fixture->canvas);
  g_assert_true (mc_layout_get_note_rect (mc_canvas_get_layout (fixture->canvas), id, &before));

  title_point (fixture, "context", &x, &y);
  mc_canvas_test_click (fixture->canvas, x, y, 0);
  mc_test_spin ();
  g_assert_cmpstr (mc_canvas_get_selected_figure (fixture->canvas), ==, "context");
  g_assert_cmpuint (mc_canvas_get_n_selected (fixture->canvas), ==, 0);
  /* The window's Figure actions act on it. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "figure-scale-up"));
  g_assert_cmpuint (n_undo (fixture), ==, start);

  mc_canvas_test_drag (fixture->canvas, x, y, x + 60, y + 30, 0);
  mc_test_spin ();
  figure = mc_board_get_figure (fixture->board, "context");
  g_assert_cmpfloat_with_epsilon (mc_figure_get_x (figure), fx + 60 / zoom, 1e-6);
  g_assert_cmpfloat_with_epsilon (mc_figure_get_y (figure), fy + 30 / zoom, 1e-6);
  g_assert_cmpuint (n_undo (fixture), ==, start + 1);

  /* Its note went along, still anchored where it was. */
  mc_canvas_get_scene (fixture->canvas);
  g_assert_true (mc_layout_get_note_rect (mc_canvas_get_layout (fixture->canvas), id, &after));
  g_assert_cmpfloat_with_epsilon (after.x, before.x + 60 / zoom, 1e-6);
  g_assert_cmpfloat_with_epsilon (after.y, before.y + 30 / zoom, 1e-6);
  g_assert_cmpstr (mc_note_get_region_id (mc_board_get_note (fixture->board, id)), ==, "issue");

  /* Arrows move the selected figure; Shift ten times as far. */
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Right, 0));
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Down, GDK_SHIFT_MASK));
  mc_test_spin ();
  figure = mc_board_get_figure (fixture->board, "context");
  g_assert_cmpfloat_with_epsilon (mc_figure_get_x (figure), fx + 60 / zoom + 20, 1e-6);
  g_assert_cmpfloat_with_epsilon (mc_figure_get_y (figure), fy + 30 / zoom + 200, 1e-6);
  g_assert_cmpuint (n_undo (fixture), ==, start + 3);

  for (int i = 0; i < 3; i++)
    g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  figure = mc_board_get_figure (fixture->board, "context");
  g_assert_cmpfloat (mc_figure_get_x (figure), ==, fx);
  g_assert_cmpfloat (mc_figure_get_y (figure), ==, fy);

  /* A press inside a region is still the region's: it pans, and a
   * double-click there writes a note. */
  {
    double rx, ry;

    region_point (fixture, "context/factors", &rx, &ry);
    mc_canvas_test_click (fixture->canvas, rx, ry, 0);
    g_assert_null (mc_canvas_get_selected_figure (fixture->canvas));
    mc_canvas_test_double_click (fixture->canvas, rx, ry);
    mc_test_spin ();
    g_assert_nonnull (mc_canvas_test_get_editor (fixture->canvas));
    g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  }
}

/* The corner handle scales the selected figure, clamped, in one step. */
static void
test_figure_scale (Fixture       *fixture,
                   gconstpointer  data)
{
  McFigure *figure;
  guint start = n_undo (fixture);
  McRect rect;
  double x, y, hx, hy;

  title_point (fixture, "coherence", &x, &y);
  mc_canvas_test_click (fixture->canvas, x, y, 0);
  g_assert_cmpstr (mc_canvas_get_selected_figure (fixture->canvas), ==, "coherence");

  g_assert_true (mc_layout_get_figure_rect (fixture->board, "coherence", &rect));
  mc_canvas_board_to_widget (fixture->canvas, rect.x + rect.width, rect.y + rect.height, &hx, &hy);
  g_assert_cmpstr (_mc_canvas_edit_figure_handle_at (fixture->canvas, hx - 3, hy + 2), ==, "coherence");

  /* Half the figure's width further right: one and a half times as large. */
  mc_canvas_test_drag (fixture->canvas, hx, hy,
                       hx + rect.width * mc_canvas_get_zoom (fixture->canvas) / 2, hy, 0);
  mc_test_spin ();
  figure = mc_board_get_figure (fixture->board, "coherence");
  g_assert_cmpfloat_with_epsilon (mc_figure_get_scale (figure), 1.5, 1e-6);
  g_assert_cmpfloat (mc_figure_get_x (figure), ==, rect.x);
  g_assert_cmpuint (n_undo (fixture), ==, start + 1);

  /* Far up and left: no smaller than the smallest scale. */
  g_assert_true (mc_layout_get_figure_rect (fixture->board, "coherence", &rect));
  mc_canvas_board_to_widget (fixture->canvas, rect.x + rect.width, rect.y + rect.height, &hx, &hy);
  mc_canvas_test_drag (fixture->canvas, hx, hy, hx - 5000, hy - 5000, 0);
  mc_test_spin ();
  figure = mc_board_get_figure (fixture->board, "coherence");
  g_assert_cmpfloat_with_epsilon (mc_figure_get_scale (figure), 0.25, 1e-6);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  mc_test_spin ();
  g_assert_cmpfloat (mc_figure_get_scale (mc_board_get_figure (fixture->board, "coherence")), ==, 1.0);
}

/* Right-click menus: a note's (its selection), a figure's (the Figure
 * actions then act on that figure). */
static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *a = add_note (fixture, "cimo/context", "Eerste");
  g_autofree char *b = add_note (fixture, "cimo/context", "Tweede");
  GtkWidget *menu;
  double x, y;

  mc_canvas_select_notes (fixture->canvas, (const char *[]) { a, NULL });
  note_centre (fixture, b, &x, &y);
  menu = mc_canvas_test_context_menu (fixture->canvas, x, y);
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  assert_selection (fixture, b, NULL);
  g_assert_nonnull (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu))), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.color", "s", "blue");
  gtk_popover_popdown (GTK_POPOVER (menu));
  mc_test_spin ();
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (fixture->board, b)), ==, "blue");
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (fixture->board, a)), !=, "blue");

  title_point (fixture, "value-creation", &x, &y);
  menu = mc_canvas_test_context_menu (fixture->canvas, x, y);
  g_assert_nonnull (menu);
  g_assert_cmpstr (mc_canvas_get_selected_figure (fixture->canvas), ==, "value-creation");
  g_assert_cmpuint (mc_canvas_get_n_selected (fixture->canvas), ==, 0);
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "figure-scale-up", NULL);
  mc_test_spin ();
  g_assert_cmpfloat_with_epsilon (mc_figure_get_scale (mc_board_get_figure (fixture->board, "value-creation")),
                                  1.25, 1e-6);
  g_assert_cmpfloat (mc_figure_get_scale (mc_board_get_figure (fixture->board, "cimo")), ==, 1.0);

  /* Empty board space has no menu. */
  {
    McRect bounds;

    mc_scene_get_bounds (mc_canvas_get_scene (fixture->canvas), &bounds);
    mc_canvas_board_to_widget (fixture->canvas, bounds.x + bounds.width + 50, bounds.y, &x, &y);
    mc_canvas_select_figure (fixture->canvas, NULL);
    g_assert_null (mc_canvas_test_context_menu (fixture->canvas, x, y));
  }
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

/* Issue 13: a dragged note left the highlight on its old region and showed
 * no drop target; a deselected note kept its dashed keyboard frame. */
static void
test_drop_target_and_frames (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *id = NULL;
  double x, y, tx, ty;

  region_point (fixture, "cimo/context", &x, &y);
  mc_canvas_test_double_click (fixture->canvas, x, y);
  type_text (fixture, "Verhuist");
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  mc_test_spin ();
  id = g_strdup (mc_note_get_id (only_note (fixture)));
  /* As a click on the note leaves it: the note's region picked. */
  mc_canvas_select_region (fixture->canvas, "cimo/context");

  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  g_assert_cmpstr (_mc_canvas_edit_get_cursor_frame (fixture->canvas), ==, id);

  note_centre (fixture, id, &x, &y);
  region_point (fixture, "cimo/outcomes", &tx, &ty);
  g_assert_cmpint (_mc_canvas_edit_press (fixture->canvas, x, y, 0), ==, MC_DRAG_MOVE);
  _mc_canvas_edit_drag_update (fixture->canvas, (tx - x) / 2, (ty - y) / 2);
  _mc_canvas_edit_drag_update (fixture->canvas, tx - x, ty - y);
  g_assert_cmpstr (_mc_canvas_edit_get_drop_region (fixture->canvas), ==, "cimo/outcomes");
  _mc_canvas_edit_drag_end (fixture->canvas, tx - x, ty - y, TRUE);

  g_assert_cmpstr (mc_note_get_region_id (only_note (fixture)), ==, "outcomes");
  g_assert_null (_mc_canvas_edit_get_drop_region (fixture->canvas));
  g_assert_cmpstr (mc_canvas_get_selected_region (fixture->canvas), ==, "cimo/outcomes");
  g_assert_cmpstr (mc_canvas_get_active_region (fixture->canvas), ==, "cimo/outcomes");

  /* Deselected: no frame stays behind. */
  g_assert_true (mc_canvas_is_note_selected (fixture->canvas, id));
  g_assert_true (mc_canvas_test_key (fixture->canvas, GDK_KEY_Escape, 0));
  g_assert_cmpuint (mc_canvas_get_n_selected (fixture->canvas), ==, 0);
  g_assert_null (_mc_canvas_edit_get_cursor_frame (fixture->canvas));
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

/* The same hand-over in presentation mode: the first key reaches the
 * window, which shows the note entry and gives it the focus. The entry must
 * be fully shown at once: keys that came while it was still sliding in were
 * dropped under load ("Buurt" became "Burt"). */
static gboolean
canvas_is_wide (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 1300;
}

static gboolean
canvas_is_narrow (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) < 1300;
}

/* While the whole board is on view, the view follows the window's size;
 * once the user zooms, a resize leaves the zoom alone. */
static void
test_fit_follows_resize (Fixture       *fixture,
                         gconstpointer  data)
{
  double fitted, user;

  mc_canvas_zoom_to_fit (fixture->canvas);
  mc_test_wait_until (view_is_still, fixture->canvas, "the fit");
  fitted = mc_canvas_get_zoom (fixture->canvas);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1800, 1000);
  mc_test_wait_until (canvas_is_wide, fixture->canvas, "the wider window");
  mc_test_wait_until (view_is_still, fixture->canvas, "the refit");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)), >, 1300);
  g_assert_cmpfloat (mc_canvas_get_zoom (fixture->canvas), >, fitted * 1.05);

  mc_canvas_set_zoom (fixture->canvas, 0.5);
  mc_test_wait_until (view_is_still, fixture->canvas, "the zoom");
  user = mc_canvas_get_zoom (fixture->canvas);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 820);
  mc_test_wait_until (canvas_is_narrow, fixture->canvas, "the narrower window");
  mc_test_wait_until (view_is_still, fixture->canvas, "the view after the resize");
  g_assert_cmpfloat_with_epsilon (mc_canvas_get_zoom (fixture->canvas), user, 1e-9);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
presentation_is_still (gpointer data)
{
  return !mc_presentation_get_animating (data);
}

static void
test_presentation_first_key (Fixture       *fixture,
                             gconstpointer  data)
{
  McPresentation *presentation = mc_presentation_new (app, fixture->board);
  GtkEditable *entry = mc_presentation_get_capture_entry (presentation);
  GtkWidget *revealer = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_REVEALER);
  int stop;
  int position;

  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  mc_presentation_start (presentation, GTK_WINDOW (fixture->window));
  mc_test_wait_until (widget_is_mapped, presentation, "the presentation window");
  stop = mc_route_find_stop (mc_presentation_get_route (presentation), "cimo/context");
  g_assert_cmpint (stop, >=, 0);
  mc_presentation_go_to (presentation, stop);
  mc_test_wait_until (presentation_is_still, presentation, "the move to the stop");

  g_assert_nonnull (revealer);
  g_assert_false (gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)));
  g_assert_true (mc_presentation_handle_key (presentation, GDK_KEY_B, GDK_SHIFT_MASK));
  /* No main loop iteration in between: the very next key finds it ready. */
  g_assert_true (gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entry)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "B");
  g_assert_false (mc_presentation_handle_key (presentation, GDK_KEY_u, 0));
  position = gtk_editable_get_position (entry);
  gtk_editable_insert_text (entry, "uurt", -1, &position);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Buurt");

  g_assert_true (mc_presentation_handle_key (presentation, GDK_KEY_Escape, 0));
  mc_presentation_leave (presentation);
  mc_test_spin ();
  if (presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (presentation));
  mc_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's recording accessibility backend (tests/meson.build turns it off
   * for speed): accessible-name reads what the canvas tells it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  app = mc_test_app_new (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/mc/canvas/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-type-move-undo", test_create_type_move_undo);
  ADD ("fit-follows-resize", test_fit_follows_resize);
  ADD ("empty-new-note", test_empty_new_note);
  ADD ("edit-existing", test_edit_existing);
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
  ADD ("figure-move", test_figure_move);
  ADD ("figure-scale", test_figure_scale);
  ADD ("context-menu", test_context_menu);
  ADD ("first-key-starts-note", test_first_key_starts_note);
  ADD ("typing-never-lost", test_typing_never_lost);
  ADD ("editing-keeps-view", test_editing_keeps_view);
  ADD ("drop-target-and-frames", test_drop_target_and_frames);
  ADD ("accessible-name", test_accessible_name);
  ADD ("presentation-first-key", test_presentation_first_key);
#undef ADD

  return mc_test_app_run (app);
}
