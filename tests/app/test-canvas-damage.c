/* test-canvas-damage.c — a change to a note redraws only its area, and
 * a new board is rendered once, already fitted (issue 17)
 *
 * Runs under Xvfb (tools/test). After a note is added the canvas makes its
 * scene with mc_layout_update() and patches the board texture where the
 * note is, instead of rendering the board again; the patched texture is
 * the one a full render gives. With MC_SCREENSHOTS=<dir> the window with
 * the new note is saved there as a PNG.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mc-canvas-edit-private.h"
#include "mc-canvas-a11y-node.h"
#include "mc-editing.h"
#include "mc-test-app.h"
#include "mc-test-board.h"
#include "mc-test-util.h"

static GtkApplication *app;

static gboolean
texture_ready (gpointer data)
{
  McCanvas *canvas = data;

  return canvas->scene != NULL && canvas->changed_ids == NULL && !canvas->damaged &&
         canvas->edit->cache != NULL && !canvas->fit_pending && canvas->refit_id == 0;
}

static guchar *
download (GdkTexture *texture,
          gsize      *stride)
{
  guchar *data;

  *stride = gdk_texture_get_width (texture) * 4;
  data = g_malloc (*stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, data, *stride);
  return data;
}

/* Runs command on the board the window shows (made by make from the
 * board and the canvas) and checks the canvas patches its texture where
 * it changed, with the pixels a full render gives. */
typedef McCommand *(*MakeCommand) (McBoard *board, McCanvas *canvas);

static void
assert_patched_as_full (guint        n_notes,
                        MakeCommand  make,
                        const char  *screenshot)
{
  g_autoptr(McBoard) board = mc_test_region_board_new (n_notes);
  McWindow *window = NULL;
  McCanvas *canvas;
  McBoard *shown;
  g_autofree guchar *patched = NULL;
  g_autofree guchar *full = NULL;
  GdkTexture *before;
  gsize stride;
  guint renders, differing = 0, height;

  mc_test_present_window (app, board, &window);
  canvas = mc_window_get_canvas (window);
  shown = mc_canvas_get_board (canvas);
  mc_test_wait_until (texture_ready, canvas, "the board texture");

  renders = canvas->n_full_renders;
  before = canvas->edit->cache;
  mc_board_execute (shown, make (shown, canvas));
  g_assert_null (canvas->scene);
  g_assert_nonnull (canvas->previous_scene);
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  mc_test_wait_until (texture_ready, canvas, "the patched texture");

  /* Patched, not rendered whole. */
  g_assert_cmpuint (canvas->n_full_renders, ==, renders);
  g_assert_true (canvas->edit->cache != before);
  patched = download (canvas->edit->cache, &stride);
  /* MC_SCREENSHOTS=<dir>: the window after the change, for a look. */
  mc_test_screenshot (GTK_WIDGET (window), g_getenv ("MC_SCREENSHOTS"), screenshot);
  height = gdk_texture_get_height (canvas->edit->cache);

  /* The same pixels as a full render. */
  g_clear_object (&canvas->edit->cache);
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  mc_test_wait_until (texture_ready, canvas, "the full texture");
  g_assert_cmpuint (canvas->n_full_renders, ==, renders + 1);
  full = download (canvas->edit->cache, &stride);
  for (gsize i = 0; i < stride * height; i++)
    if (ABS ((int) patched[i] - (int) full[i]) > 2)
      differing++;
  g_assert_cmpuint (differing, ==, 0);

  mc_test_close_windows (app);
}

static McCommand *
new_note_in_context (McBoard  *board,
                     McCanvas *canvas)
{
  int index = mc_scene_find_group (canvas->scene, "cimo/context");
  const McSceneItem *region;

  g_assert_cmpint (index, >=, 0);
  region = mc_scene_get_item (canvas->scene, index);
  return mc_editing_new_note_command (board, mc_canvas_get_layout (canvas), canvas->scene,
                                      region->bounds.x + region->bounds.width / 2,
                                      region->bounds.y + region->bounds.height / 2,
                                      "Een nieuwe notitie", "Test", NULL);
}

static void
test_add_note_patches_texture (void)
{
  assert_patched_as_full (300, new_note_in_context, "canvas-damage.png");
}

/* The sixth note, packed in its region's rows, dragged a little and
 * dropped: the notes packed after it move up, and the canvas redraws where
 * each of them was and is (issue 17). */
static McCommand *
drop_packed_note (McBoard  *board,
                  McCanvas *canvas)
{
  McNote *note = g_ptr_array_index (mc_board_get_notes (board), 5);
  const char *ids[2] = { mc_note_get_id (note), NULL };

  g_assert_false (mc_note_get_has_position (note));
  return mc_editing_move_notes_command (board, mc_canvas_get_layout (canvas), canvas->scene,
                                        ids, 40, 25);
}

static void
test_drop_packed_patches_texture (void)
{
  assert_patched_as_full (300, drop_packed_note, "canvas-damage-drop.png");
}

static guint nodes_at_first_paint = G_MAXUINT;

static void
on_after_paint (GdkFrameClock *clock,
                McCanvas      *canvas)
{
  McBoard *board = mc_canvas_get_board (canvas);
  GPtrArray *notes = board != NULL ? mc_board_get_notes (board) : NULL;

  /* The first frame with the new board: has its last note an object? */
  if (nodes_at_first_paint == G_MAXUINT && canvas->scene != NULL && notes != NULL && notes->len > 0)
    nodes_at_first_paint = g_hash_table_lookup (canvas->a11y->nodes,
                                                mc_note_get_id (notes->pdata[notes->len - 1])) != NULL;
}

static gboolean
has_a11y_nodes (gpointer data)
{
  McCanvas *canvas = data;
  GPtrArray *notes = mc_board_get_notes (mc_canvas_get_board (canvas));

  return g_hash_table_lookup (canvas->a11y->nodes, mc_note_get_id (notes->pdata[notes->len - 1])) != NULL;
}

/* A board opened in a window gets its screen-reader objects after the
 * frame that first shows it, not before (issue 17: making thousands of
 * them held up that frame); then every note has one. */
static void
test_a11y_after_first_frame (void)
{
  g_autoptr(McBoard) first = mc_test_region_board_new (20);
  g_autoptr(McBoard) board = mc_test_region_board_new (300);
  McWindow *window = NULL;
  McCanvas *canvas;
  GdkFrameClock *clock;
  gulong id;

  mc_test_present_window (app, first, &window);
  canvas = mc_window_get_canvas (window);
  mc_test_wait_until (texture_ready, canvas, "the first board");
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (canvas));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), canvas);

  mc_canvas_set_board (canvas, board);
  mc_test_wait_until (texture_ready, canvas, "the board shown");
  mc_test_wait_until (has_a11y_nodes, canvas, "the screen-reader objects");
  g_signal_handler_disconnect (clock, id);

  g_assert_cmpuint (nodes_at_first_paint, ==, 0);
  for (guint i = 0; i < mc_board_get_n_notes (board); i++)
    g_assert_nonnull (g_hash_table_lookup (canvas->a11y->nodes,
                                           mc_note_get_id (g_ptr_array_index (mc_board_get_notes (board), i))));
  mc_test_close_windows (app);
}

/* A new board is fitted before its first frame: rendered once, at the
 * fitted zoom (before, it was rendered at 100 % and again fitted). 120
 * notes: a board the window shows whole above its smallest zoom. */
static void
test_open_renders_once (void)
{
  g_autoptr(McBoard) board = mc_test_region_board_new (120);
  McWindow *window = NULL;
  McCanvas *canvas;
  McRect bounds, visible;

  mc_test_present_window (app, board, &window);
  canvas = mc_window_get_canvas (window);
  mc_test_wait_until (texture_ready, canvas, "the board texture");
  /* Anything left to do after the first frame (a late fit) would run
   * within the next frames. */
  mc_test_wait_frames (GTK_WIDGET (canvas), 3);
  g_assert_true (texture_ready (canvas));

  g_assert_cmpuint (canvas->n_full_renders, ==, 1);
  /* And that one render shows the whole board. */
  mc_scene_get_bounds (canvas->scene, &bounds);
  mc_canvas_get_visible_rect (canvas, &visible);
  g_assert_cmpfloat (visible.x, <=, bounds.x);
  g_assert_cmpfloat (visible.y, <=, bounds.y);
  g_assert_cmpfloat (visible.x + visible.width, >=, bounds.x + bounds.width);
  g_assert_cmpfloat (visible.y + visible.height, >=, bounds.y + bounds.height);

  mc_test_close_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = mc_test_app_new (&argc, &argv);
  g_test_add_func ("/canvas-damage/add-note-patches-texture", test_add_note_patches_texture);
  g_test_add_func ("/canvas-damage/drop-packed-patches-texture", test_drop_packed_patches_texture);
  g_test_add_func ("/canvas-damage/open-renders-once", test_open_renders_once);
  g_test_add_func ("/canvas-damage/a11y-after-first-frame", test_a11y_after_first_frame);
  status = mc_test_app_run (app);
  return status;
}
