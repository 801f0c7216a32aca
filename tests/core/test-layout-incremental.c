/* test-layout-incremental.c — a change lays out only what it changed
 * (issue 17)
 *
 * mc_layout_update() makes the scene after a command from the previous
 * one. The scaling test counts the notes laid out when one note is added
 * to a 10,000-note board (not a time: the machine is shared); the others
 * check that the scene it gives is the one a full build gives, and that
 * it declines what would move other notes.
 */
#include "config.h"

#include <math.h>

#include "mc-board.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-editing.h"
#include "mc-layout.h"
#include "mc-layout-incremental.h"
#include "mc-text.h"
#include "mc-test-board.h"

typedef struct
{
  McBoard       *board;
  McLayout      *layout;
  McScene       *scene;
  McViewOptions  options;
  GStrv          last_ids;   /* the last change set */
  guint          last_flags;
} Fixture;

static void
on_changed (McBoard       *board,
            McChangeFlags  flags,
            GStrv          note_ids,
            Fixture       *fixture)
{
  g_clear_pointer (&fixture->last_ids, g_strfreev);
  fixture->last_ids = g_strdupv (note_ids);
  fixture->last_flags = flags;
}

static void
fixture_init (Fixture *fixture,
              guint    n_notes)
{
  fixture->board = mc_test_region_board_new (n_notes);
  fixture->layout = mc_layout_new (mc_catalog_get_default ());
  mc_view_options_init (&fixture->options, mc_board_get_language (fixture->board));
  fixture->scene = mc_layout_build (fixture->layout, fixture->board, &fixture->options);
  g_signal_connect (fixture->board, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_pointer (&fixture->scene, mc_scene_unref);
  g_clear_object (&fixture->layout);
  g_clear_object (&fixture->board);
  g_clear_pointer (&fixture->last_ids, g_strfreev);
}

/* Runs command and returns the updated scene (NULL: declined). */
static McScene *
execute_and_update (Fixture   *fixture,
                    McCommand *command)
{
  mc_board_execute (fixture->board, command);
  g_assert_nonnull (fixture->last_ids);
  return mc_layout_update (fixture->layout, fixture->board, &fixture->options,
                           fixture->scene, (const char * const *) fixture->last_ids);
}

static void
region_centre (McScene    *scene,
               const char *region,
               double     *x,
               double     *y)
{
  int index = mc_scene_find_group (scene, region);
  const McSceneItem *item;

  g_assert_cmpint (index, >=, 0);
  item = mc_scene_get_item (scene, index);
  *x = item->bounds.x + item->bounds.width / 2;
  *y = item->bounds.y + item->bounds.height / 2;
}

static gboolean
rects_equal (const McRect *a,
             const McRect *b)
{
  return fabs (a->x - b->x) < 1e-6 && fabs (a->y - b->y) < 1e-6 &&
         fabs (a->width - b->width) < 1e-6 && fabs (a->height - b->height) < 1e-6;
}

/* The same items (kinds, roles, ids, places, texts) in the same order. */
static void
assert_scenes_equal (McScene *a,
                     McScene *b)
{
  McRect ba, bb;

  g_assert_cmpuint (mc_scene_get_n_items (a), ==, mc_scene_get_n_items (b));
  for (guint i = 0; i < mc_scene_get_n_items (a); i++)
    {
      const McSceneItem *x = mc_scene_get_item (a, i);
      const McSceneItem *y = mc_scene_get_item (b, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->role, ==, y->role);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_true (rects_equal (&x->bounds, &y->bounds));
      if (x->kind == MC_ITEM_TEXT)
        g_assert_cmpstr (pango_layout_get_text (x->layout), ==, pango_layout_get_text (y->layout));
    }
  mc_scene_get_bounds (a, &ba);
  mc_scene_get_bounds (b, &bb);
  g_assert_true (rects_equal (&ba, &bb));
}

/* What a full build of the board gives now, with a layout of its own. */
static void
assert_as_full_build (Fixture *fixture,
                      McScene *updated)
{
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) full = mc_layout_build (layout, fixture->board, &fixture->options);
  GPtrArray *notes = mc_board_get_notes (fixture->board);

  assert_scenes_equal (updated, full);
  for (guint i = 0; i < notes->len; i++)
    {
      const char *id = mc_note_get_id (notes->pdata[i]);
      McRect a, b;

      g_assert_true (mc_layout_get_note_rect (fixture->layout, id, &a));
      g_assert_true (mc_layout_get_note_rect (layout, id, &b));
      g_assert_true (rects_equal (&a, &b));
    }
}

static void
take_scene (Fixture *fixture,
            McScene *scene)
{
  g_assert_nonnull (scene);
  mc_scene_unref (fixture->scene);
  fixture->scene = scene;
}

/* Adding one note to 10,000 lays out that note, not the board. */
static void
test_add_note_is_constant (void)
{
  Fixture fixture = { 0, };
  guint before;
  double x, y;
  McScene *scene;

  fixture_init (&fixture, 10000);
  region_centre (fixture.scene, "cimo/context", &x, &y);
  before = mc_layout_get_n_notes_laid_out (fixture.layout);
  g_assert_cmpuint (before, >=, 10000);

  scene = execute_and_update (&fixture,
                              mc_editing_new_note_command (fixture.board, fixture.layout, fixture.scene,
                                                           x, y, "Een nieuwe notitie", "Test", NULL));
  g_assert_nonnull (scene);
  /* The new note and a constant, never the region's notes or the board's. */
  g_assert_cmpuint (mc_layout_get_n_notes_laid_out (fixture.layout) - before, <=, 4);
  take_scene (&fixture, scene);
  fixture_clear (&fixture);
}

/* Add, type, move and delete placed notes: each update is the full build. */
static void
test_update_matches_full_build (void)
{
  Fixture fixture = { 0, };
  g_autofree char *id = NULL;
  g_autofree char *second = NULL;
  const char *ids[2] = { NULL, NULL };
  double x, y;

  fixture_init (&fixture, 300);
  region_centre (fixture.scene, "cimo/context", &x, &y);

  take_scene (&fixture, execute_and_update (&fixture,
                                            mc_editing_new_note_command (fixture.board, fixture.layout,
                                                                         fixture.scene, x, y, "Eerste",
                                                                         "Test", &id)));
  assert_as_full_build (&fixture, fixture.scene);

  region_centre (fixture.scene, "cimo/mechanisms", &x, &y);
  take_scene (&fixture, execute_and_update (&fixture,
                                            mc_editing_new_note_command (fixture.board, fixture.layout,
                                                                         fixture.scene, x, y, "Tweede",
                                                                         "Test", &second)));
  assert_as_full_build (&fixture, fixture.scene);

  /* Typing into the first (not the last) note: replaced in place. */
  take_scene (&fixture, execute_and_update (&fixture,
                                            mc_command_set_note_text (fixture.board, id,
                                                                      "Eerste, nu met meer woorden erin")));
  assert_as_full_build (&fixture, fixture.scene);

  ids[0] = id;
  take_scene (&fixture, execute_and_update (&fixture,
                                            mc_editing_move_notes_command (fixture.board, fixture.layout,
                                                                           fixture.scene,
                                                                           (const char * const *) ids,
                                                                           15, 10)));
  assert_as_full_build (&fixture, fixture.scene);

  take_scene (&fixture, execute_and_update (&fixture,
                                            mc_command_remove_notes (fixture.board, ids)));
  assert_as_full_build (&fixture, fixture.scene);
  fixture_clear (&fixture);
}

/* The packed notes of board in the figure of note (its rows), and of
 * those in its region. */
static guint
count_packed (McBoard *board,
              McNote  *note,
              guint   *in_region)
{
  GPtrArray *notes = mc_board_get_notes (board);
  guint n = 0;

  *in_region = 0;
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *other = notes->pdata[i];

      if (mc_note_get_has_position (other) ||
          g_strcmp0 (mc_note_get_figure_id (other), mc_note_get_figure_id (note)) != 0)
        continue;
      n++;
      if (g_strcmp0 (mc_note_get_region_id (other), mc_note_get_region_id (note)) == 0)
        (*in_region)++;
    }
  return n;
}

/* Drops packed note index by dx, dy, as the canvas does after a drag. */
static McScene *
drop_note (Fixture *fixture,
           guint    index,
           double   dx,
           double   dy)
{
  McNote *note = g_ptr_array_index (mc_board_get_notes (fixture->board), index);
  const char *ids[2] = { mc_note_get_id (note), NULL };

  g_assert_false (mc_note_get_has_position (note));
  return execute_and_update (fixture,
                             mc_editing_move_notes_command (fixture->board, fixture->layout, fixture->scene,
                                                            ids, dx, dy));
}

/* A packed note dropped on a 10,000-note board: it leaves its region's
 * rows, whose later notes move up (and, where a full region's rows run on
 * below its area, the notes of its figure that they pushed aside); only
 * those are laid out again, never the board, and the damage covers where
 * they were and are. */
static void
test_drop_packed_is_figure_sized (void)
{
  Fixture fixture = { 0, };
  McNote *note;
  guint before, in_figure, in_region, laid_out;
  const GArray *damage;

  fixture_init (&fixture, 10000);
  note = g_ptr_array_index (mc_board_get_notes (fixture.board), 97);
  in_figure = count_packed (fixture.board, note, &in_region);
  before = mc_layout_get_n_notes_laid_out (fixture.layout);

  take_scene (&fixture, drop_note (&fixture, 97, 15, 10));
  laid_out = mc_layout_get_n_notes_laid_out (fixture.layout) - before;
  g_test_message ("dropped a packed note: %u laid out (its region packs %u, its figure %u, the board 10000)",
                  laid_out, in_region, in_figure);
  g_assert_cmpuint (laid_out, >, 1);
  g_assert_cmpuint (laid_out, <=, in_figure);
  g_assert_cmpuint (laid_out, <, 10000 / 5);
  damage = mc_layout_get_update_damage (fixture.layout);
  g_assert_cmpuint (damage->len, >, 2);
  /* Here the region's rows run on below its area and push aside notes of
   * other regions: still exactly the full build. */
  g_assert_cmpuint (laid_out, >, in_region);
  assert_as_full_build (&fixture, fixture.scene);
  fixture_clear (&fixture);
}

/* Packed notes dropped (into their own region and into another) and
 * removed: the region's rows are packed again, exactly as a full build
 * packs them. */
static void
test_packed_update_matches_full_build (void)
{
  Fixture fixture = { 0, };
  GPtrArray *notes;
  const char *ids[2] = { NULL, NULL };
  double x, y, cx, cy;
  McRect rect;

  fixture_init (&fixture, 300);
  notes = mc_board_get_notes (fixture.board);

  {
    guint in_region, before = mc_layout_get_n_notes_laid_out (fixture.layout);

    count_packed (fixture.board, notes->pdata[5], &in_region);
    take_scene (&fixture, drop_note (&fixture, 5, 12, 8));
    g_test_message ("dropped a packed note: %u laid out, its region packs %u",
                    mc_layout_get_n_notes_laid_out (fixture.layout) - before, in_region);
  }
  assert_as_full_build (&fixture, fixture.scene);

  /* Across the board into another region. */
  g_assert_true (mc_layout_get_note_rect (fixture.layout, mc_note_get_id (notes->pdata[7]), &rect));
  region_centre (fixture.scene, "cimo/mechanisms", &x, &y);
  cx = rect.x + rect.width / 2;
  cy = rect.y + rect.height / 2;
  take_scene (&fixture, drop_note (&fixture, 7, x - cx, y - cy));
  assert_as_full_build (&fixture, fixture.scene);

  ids[0] = mc_note_get_id (notes->pdata[11]);
  g_assert_false (mc_note_get_has_position (notes->pdata[11]));
  take_scene (&fixture, execute_and_update (&fixture, mc_command_remove_notes (fixture.board, ids)));
  assert_as_full_build (&fixture, fixture.scene);
  fixture_clear (&fixture);
}

/* Raising reorders the notes (and their packing): left to a full build. */
static void
test_declines_what_moves_others (void)
{
  Fixture fixture = { 0, };
  GPtrArray *notes;
  const char *ids[2] = { NULL, NULL };
  McScene *scene;

  fixture_init (&fixture, 300);
  notes = mc_board_get_notes (fixture.board);
  ids[0] = mc_note_get_id (notes->pdata[5]);
  scene = execute_and_update (&fixture, mc_command_raise_notes (fixture.board, ids));
  g_assert_null (scene);
  fixture_clear (&fixture);
}

/* One text size per region: a note whose text needs a smaller size than
 * its region's sets all of them smaller, so the update declines; one that
 * leaves the region's size as it was is drawn at it. */
static void
test_region_text_size (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GString) text = g_string_new (NULL);
  McScene *scene;
  double x, y;

  fixture_init (&fixture, 300);
  region_centre (fixture.scene, "cimo/context", &x, &y);
  scene = execute_and_update (&fixture,
                              mc_editing_new_note_command (fixture.board, fixture.layout, fixture.scene,
                                                           x, y, "Kort", "Test", NULL));
  take_scene (&fixture, scene);
  assert_as_full_build (&fixture, fixture.scene);

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "gezondheidsverschillen in de wijk ");
  region_centre (fixture.scene, "cimo/context", &x, &y);
  scene = execute_and_update (&fixture,
                              mc_editing_new_note_command (fixture.board, fixture.layout, fixture.scene,
                                                           x + 30, y + 30, text->str, "Test", NULL));
  g_assert_null (scene);
  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();

  g_test_add_func ("/layout-incremental/add-note-is-constant", test_add_note_is_constant);
  g_test_add_func ("/layout-incremental/update-matches-full-build", test_update_matches_full_build);
  g_test_add_func ("/layout-incremental/drop-packed-is-figure-sized", test_drop_packed_is_figure_sized);
  g_test_add_func ("/layout-incremental/packed-update-matches-full-build", test_packed_update_matches_full_build);
  g_test_add_func ("/layout-incremental/declines-what-moves-others", test_declines_what_moves_others);
  g_test_add_func ("/layout-incremental/region-text-size", test_region_text_size);
  return g_test_run ();
}
