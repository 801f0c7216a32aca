/* canvas-fixture.c — what canvas-fixture.h declares */
#include "config.h"

#include "mc-editing.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-templates.h"
#include "mc-test-app.h"
#include "mc-test-canvas.h"
#include "mc-test-util.h"

#include "canvas-fixture.h"

GtkApplication *app;

void
canvas_fixture_start (int    *argc,
                      char ***argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  app = mc_test_app_new (argc, argv);
}

static gboolean
canvas_is_laid_out (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) > 400;
}

gboolean
view_is_still (gpointer data)
{
  McCanvas *canvas = data;

  return canvas->tick_id == 0 && canvas->refit_id == 0;
}

void
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

void
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

void
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

void
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

guint
n_undo (Fixture *fixture)
{
  return mc_history_get_n_undo (mc_board_get_history (fixture->board));
}

McNote *
only_note (Fixture *fixture)
{
  g_assert_cmpuint (mc_board_get_n_notes (fixture->board), ==, 1);
  return g_ptr_array_index (mc_board_get_notes (fixture->board), 0);
}

void
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

char *
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

void
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
