/* test-editing.c — the editing engine: hit-testing, create, move and
 * re-anchor, resize, duplicate, delete, colour, votes, arrange, tab order,
 * text fitting; every edit one undo step */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-board.h"
#include "mc-templates.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-editing.h"
#include "mc-export.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-layout.h"
#include "mc-theme.h"

typedef struct
{
  McBoard  *board;
  McLayout *layout;
  McScene  *scene;
} Fixture;

static void
rebuild (Fixture *f)
{
  McViewOptions options;

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  g_clear_pointer (&f->scene, mc_scene_unref);
  f->scene = mc_layout_build (f->layout, f->board, &options);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  mc_core_ensure_resources ();
  f->board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  f->layout = mc_layout_new (mc_catalog_get_default ());
  rebuild (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->scene, mc_scene_unref);
  g_clear_object (&f->layout);
  g_clear_object (&f->board);
}

static void
area_centre (Fixture    *f,
             const char *figure_id,
             const char *region_id,
             double     *x,
             double     *y)
{
  McRect area;

  g_assert_true (mc_layout_get_note_area (f->layout, figure_id, region_id, &area));
  *x = area.x + area.width / 2;
  *y = area.y + area.height / 2;
}

static void
note_rect (Fixture    *f,
           const char *id,
           McRect     *rect)
{
  g_assert_true (mc_layout_get_note_rect (f->layout, id, rect));
}

/* Adds a note anchored to a region with a figure-relative position (or
 * packed when x < 0); returns its id. */
static char *
add_note (Fixture    *f,
          const char *text,
          const char *figure_id,
          const char *region_id,
          double      x,
          double      y)
{
  McNote *note = mc_note_new (text);
  char *id = g_strdup (mc_note_get_id (note));

  if (figure_id != NULL)
    mc_note_set_anchor (note, figure_id, region_id);
  if (x >= 0)
    {
      McRect rect = { x, y, MC_NOTE_DEFAULT_WIDTH, MC_NOTE_DEFAULT_HEIGHT };

      mc_note_set_rect (note, &rect);
    }
  mc_board_execute (f->board, mc_command_add_note (note));
  return id;
}

static gboolean
near (double a,
      double b)
{
  return fabs (a - b) < 1e-6;
}

static void
test_hit_regions (Fixture       *f,
                  gconstpointer  data)
{
  guint n_regions = 0;

  /* The centre of every region's note area hits that region. */
  for (guint i = 0; i < mc_scene_get_n_items (f->scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (f->scene, i);
      g_autofree char *figure = NULL;
      g_autofree char *region = NULL;
      g_autofree char *expected_figure = NULL;
      const char *slash;
      double x, y;

      if (item->kind != MC_ITEM_GROUP_BEGIN || item->role != MC_ROLE_REGION)
        continue;
      slash = strrchr (item->id, '/');
      g_assert_nonnull (slash);
      expected_figure = g_strndup (item->id, slash - item->id);
      area_centre (f, expected_figure, slash + 1, &x, &y);

      g_assert_true (mc_editing_region_at (f->scene, x, y, &figure, &region));
      g_assert_cmpstr (figure, ==, expected_figure);
      g_assert_cmpstr (region, ==, slash + 1);
      n_regions++;
    }
  /* 4 + 2 + 5 + 5 + 4 + 4 + 3 + 4 + 3 regions in the model template. */
  g_assert_cmpuint (n_regions, ==, 34);

  /* Outside every figure there is no region, and no note. */
  g_assert_false (mc_editing_region_at (f->scene, -500, -500, NULL, NULL));
  g_assert_null (mc_editing_note_at (f->scene, -500, -500));
  /* Between two figures of the CIMO row (the 120-unit gap). */
  g_assert_false (mc_editing_region_at (f->scene, 1060, 1400, NULL, NULL));
}

static void
test_hit_notes (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *a = add_note (f, "onder", "context", "issue", 200, 500);
  g_autofree char *b = add_note (f, "boven", "context", "issue", 260, 530);
  g_autofree char *hit = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *region = NULL;
  g_auto(GStrv) band = NULL;
  g_auto(GStrv) whole = NULL;
  g_auto(GStrv) in_region = NULL;
  McRect ra, rb;

  rebuild (f);
  note_rect (f, a, &ra);
  note_rect (f, b, &rb);

  /* The centre of a note gives its id; where two overlap, the later
   * (painted on top) wins. */
  hit = mc_editing_note_at (f->scene, ra.x + 10, ra.y + 10);
  g_assert_cmpstr (hit, ==, a);
  g_clear_pointer (&hit, g_free);
  hit = mc_editing_note_at (f->scene, rb.x + rb.width / 2, rb.y + rb.height / 2);
  g_assert_cmpstr (hit, ==, b);
  g_clear_pointer (&hit, g_free);
  hit = mc_editing_note_at (f->scene, rb.x + 5, rb.y + 5);
  g_assert_cmpstr (hit, ==, b);

  /* Notes do not hide the region under them. */
  g_assert_true (mc_editing_region_at (f->scene, rb.x + 5, rb.y + 5, &figure, &region));
  g_assert_cmpstr (figure, ==, "context");
  g_assert_cmpstr (region, ==, "issue");

  /* Rubber band: touching selects both; "whole" only the enclosed one. */
  band = mc_editing_notes_in_rect (f->scene, &(McRect) { ra.x - 1, ra.y - 1, 30, 30 }, FALSE);
  g_assert_cmpuint (g_strv_length (band), ==, 1);
  g_assert_cmpstr (band[0], ==, a);
  g_clear_pointer (&band, g_strfreev);
  band = mc_editing_notes_in_rect (f->scene, &(McRect) { ra.x + 100, ra.y + 60, 10, 10 }, FALSE);
  g_assert_cmpuint (g_strv_length (band), ==, 2);
  whole = mc_editing_notes_in_rect (f->scene,
                                    &(McRect) { rb.x - 1, rb.y - 1, rb.width + 2, rb.height + 2 },
                                    TRUE);
  g_assert_cmpuint (g_strv_length (whole), ==, 1);
  g_assert_cmpstr (whole[0], ==, b);

  in_region = mc_editing_notes_in_region (f->board, "context", "issue");
  g_assert_cmpuint (g_strv_length (in_region), ==, 2);
  g_assert_cmpstr (in_region[0], ==, a);
  g_assert_cmpstr (in_region[1], ==, b);
}

static void
test_create_move_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(McNote) created = NULL;
  g_autoptr(McNote) in_social = NULL;
  g_auto(GStrv) ids = NULL;
  McHistory *history = mc_board_get_history (f->board);
  McNote *note;
  McRect area, rect;
  double x, y, tx, ty;

  /* Created by coordinates in the issue region: anchored there, centred on
   * the point, inside the note area. */
  area_centre (f, "context", "issue", &x, &y);
  mc_board_execute (f->board, mc_editing_new_note_command (f->board, f->layout, f->scene, x, y,
                                                           "Wachtlijsten jeugdzorg", "Anna",
                                                           &id));
  note = mc_board_get_note (f->board, id);
  g_assert_nonnull (note);
  g_assert_cmpstr (mc_note_get_figure_id (note), ==, "context");
  g_assert_cmpstr (mc_note_get_region_id (note), ==, "issue");
  g_assert_cmpstr (mc_note_get_author (note), ==, "Anna");
  g_assert_true (mc_note_get_has_position (note));
  rebuild (f);
  note_rect (f, id, &rect);
  g_assert_true (near (rect.x + rect.width / 2, x));
  g_assert_true (near (rect.y + rect.height / 2, y));
  g_assert_true (mc_layout_get_note_area (f->layout, "context", "issue", &area));
  g_assert_true (mc_rect_contains_rect (&area, &rect));
  g_assert_cmpuint (mc_history_get_n_undo (history), ==, 1);
  created = mc_note_dup (note);

  /* Clicking on the region's label (above the note area) still puts the
   * note inside the note area. */
  {
    g_autofree char *id2 = NULL;
    g_autoptr(McCommand) command = NULL;

    command = mc_editing_new_note_command (f->board, f->layout, f->scene, x, area.y - 20,
                                           "", NULL, &id2);
    mc_board_execute (f->board, g_steal_pointer (&command));
    rebuild (f);
    note_rect (f, id2, &rect);
    g_assert_cmpfloat (rect.y, >=, area.y - 1e-6);
    g_assert_true (mc_board_undo (f->board));
    rebuild (f);
  }

  /* Dropped on the social perspective: re-anchored, figure-relative. */
  ids = g_strdupv ((char *[]) { id, NULL });
  note_rect (f, id, &rect);
  area_centre (f, "perspectives", "social", &tx, &ty);
  mc_board_execute (f->board,
                    mc_editing_move_notes_command (f->board, f->layout, f->scene,
                                                   (const char * const *) ids,
                                                   tx - (rect.x + rect.width / 2),
                                                   ty - (rect.y + rect.height / 2)));
  note = mc_board_get_note (f->board, id);
  g_assert_cmpstr (mc_note_get_figure_id (note), ==, "perspectives");
  g_assert_cmpstr (mc_note_get_region_id (note), ==, "social");
  mc_note_get_rect (note, &rect);
  g_assert_true (near (rect.x + rect.width / 2, tx - 1120));
  g_assert_true (near (rect.y + rect.height / 2, ty - 920));
  in_social = mc_note_dup (note);
  rebuild (f);

  /* Out of every figure: a free note in board units. */
  note_rect (f, id, &rect);
  mc_board_execute (f->board,
                    mc_editing_move_notes_command (f->board, f->layout, f->scene,
                                                   (const char * const *) ids,
                                                   -600 - rect.x, -400 - rect.y));
  note = mc_board_get_note (f->board, id);
  g_assert_null (mc_note_get_figure_id (note));
  g_assert_null (mc_note_get_region_id (note));
  mc_note_get_rect (note, &rect);
  g_assert_true (near (rect.x, -600));
  g_assert_true (near (rect.y, -400));
  g_assert_cmpuint (mc_history_get_n_undo (history), ==, 3);

  /* Undo twice restores the note exactly, redo brings the moves back. */
  g_assert_true (mc_board_undo (f->board));
  g_assert_true (mc_note_equal (mc_board_get_note (f->board, id), in_social));
  g_assert_true (mc_board_undo (f->board));
  g_assert_true (mc_note_equal (mc_board_get_note (f->board, id), created));
  g_assert_true (mc_board_redo (f->board));
  g_assert_true (mc_note_equal (mc_board_get_note (f->board, id), in_social));
}

static void
test_move_group_and_packed (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *packed = add_note (f, "ingepakt", "cimo", "mechanisms", -1, -1);
  g_autofree char *placed = add_note (f, "geplaatst", "cimo", "mechanisms", 2300, 350);
  g_autofree char *free_note = add_note (f, "los", NULL, NULL, 100, 4000);
  const char *ids[] = { packed, placed, free_note, "no-such-note", NULL };
  McRect before_packed, before_free, stored;
  McNote *note;
  guint n_undo;

  rebuild (f);
  note_rect (f, packed, &before_packed);
  note_rect (f, free_note, &before_free);
  n_undo = mc_history_get_n_undo (mc_board_get_history (f->board));

  /* A nudge of several notes: one step; the packed note gets a position. */
  mc_board_execute (f->board, mc_editing_move_notes_command (f->board, f->layout, f->scene,
                                                             ids, 5, -3));
  g_assert_cmpuint (mc_history_get_n_undo (mc_board_get_history (f->board)), ==, n_undo + 1);

  note = mc_board_get_note (f->board, packed);
  g_assert_true (mc_note_get_has_position (note));
  g_assert_cmpstr (mc_note_get_region_id (note), ==, "mechanisms");
  mc_note_get_rect (note, &stored);
  g_assert_true (near (stored.x, before_packed.x + 5));
  g_assert_true (near (stored.y, before_packed.y - 3));

  note = mc_board_get_note (f->board, placed);
  mc_note_get_rect (note, &stored);
  g_assert_true (near (stored.x, 2305));
  g_assert_true (near (stored.y, 347));

  note = mc_board_get_note (f->board, free_note);
  g_assert_null (mc_note_get_figure_id (note));
  mc_note_get_rect (note, &stored);
  g_assert_true (near (stored.x, before_free.x + 5));

  g_assert_true (mc_board_undo (f->board));
  g_assert_false (mc_note_get_has_position (mc_board_get_note (f->board, packed)));
}

static void
test_move_scaled (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(McFigure) half = mc_figure_dup (mc_board_get_figure (f->board, "coherence"));
  g_autofree char *id = add_note (f, "los", NULL, NULL, 100, 4000);
  const char *ids[] = { id, NULL };
  McRect area, rect, stored;
  McNote *note;
  double tx, ty;

  /* Half-size coherence figure: a note dropped in keeps its own size in
   * the figure's units (so it looks half as large), centred on the drop. */
  mc_figure_set_scale (half, 0.5);
  mc_board_execute (f->board, mc_command_update_figure (f->board, g_steal_pointer (&half)));
  rebuild (f);
  g_assert_true (mc_layout_get_note_area (f->layout, "coherence", "fit", &area));
  tx = area.x + area.width / 2;
  ty = area.y + area.height / 2;
  note_rect (f, id, &rect);
  mc_board_execute (f->board, mc_editing_move_notes_command (f->board, f->layout, f->scene, ids,
                                                             tx - (rect.x + 80),
                                                             ty - (rect.y + 55)));
  note = mc_board_get_note (f->board, id);
  g_assert_cmpstr (mc_note_get_figure_id (note), ==, "coherence");
  g_assert_cmpstr (mc_note_get_region_id (note), ==, "fit");
  mc_note_get_rect (note, &stored);
  g_assert_true (near (stored.width, MC_NOTE_DEFAULT_WIDTH));
  g_assert_true (near (stored.height, MC_NOTE_DEFAULT_HEIGHT));
  rebuild (f);
  note_rect (f, id, &rect);
  g_assert_true (near (rect.width, MC_NOTE_DEFAULT_WIDTH / 2));
  g_assert_true (near (rect.x + rect.width / 2, tx));
  g_assert_true (near (rect.y + rect.height / 2, ty));
}

static void
test_resize (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = add_note (f, "groter", "cimo", "context", 100, 400);
  g_autoptr(McNote) before = mc_note_dup (mc_board_get_note (f->board, id));
  McRect stored;

  rebuild (f);
  mc_board_execute (f->board, mc_editing_resize_note_command (f->board, f->layout, id,
                                                              &(McRect) { 100, 400, 300, 20 }));
  mc_note_get_rect (mc_board_get_note (f->board, id), &stored);
  g_assert_true (near (stored.width, 300));
  g_assert_true (near (stored.height, MC_EDITING_MIN_NOTE_HEIGHT));
  g_assert_cmpstr (mc_note_get_region_id (mc_board_get_note (f->board, id)), ==, "context");
  g_assert_true (mc_board_undo (f->board));
  g_assert_true (mc_note_equal (mc_board_get_note (f->board, id), before));
}

static void
assert_no_overlap (Fixture            *f,
                   const char * const *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    for (guint j = i + 1; ids[j] != NULL; j++)
      {
        McRect a, b;

        note_rect (f, ids[i], &a);
        note_rect (f, ids[j], &b);
        g_assert_false (a.x < b.x + b.width - 1e-6 && b.x < a.x + a.width - 1e-6 &&
                        a.y < b.y + b.height - 1e-6 && b.y < a.y + a.height - 1e-6);
      }
}

static void
assert_inside (const McRect *outer,
               const McRect *inner)
{
  g_assert_cmpfloat (inner->x, >=, outer->x - 1e-6);
  g_assert_cmpfloat (inner->y, >=, outer->y - 1e-6);
  g_assert_cmpfloat (inner->x + inner->width, <=, outer->x + outer->width + 1e-6);
  g_assert_cmpfloat (inner->y + inner->height, <=, outer->y + outer->height + 1e-6);
}

static void
arrange_n (Fixture *f,
           guint    n,
           gboolean expect_inside,
           gboolean expect_default_size)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  McRect area, rect;

  /* Scattered by hand, overlapping each other. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, add_note (f, "notitie", "boundary-crossing", "identification",
                                    40 + (i * 37) % 200, 200 + (i * 23) % 150));
  g_ptr_array_add (ids, NULL);
  rebuild (f);
  g_assert_true (mc_layout_get_note_area (f->layout, "boundary-crossing", "identification",
                                           &area));

  mc_board_execute (f->board, mc_editing_arrange_region_command (f->board, f->layout,
                                                                 "boundary-crossing",
                                                                 "identification"));
  rebuild (f);
  assert_no_overlap (f, (const char * const *) ids->pdata);
  for (guint i = 0; i < n; i++)
    {
      note_rect (f, g_ptr_array_index (ids, i), &rect);
      if (expect_inside)
        assert_inside (&area, &rect);
      if (expect_default_size)
        g_assert_true (near (rect.width, MC_NOTE_DEFAULT_WIDTH));
      else
        {
          g_assert_cmpfloat (rect.width, <, MC_NOTE_DEFAULT_WIDTH);
          g_assert_cmpfloat (rect.width, >=, MC_EDITING_ARRANGE_MIN_WIDTH - 1e-6);
          g_assert_cmpfloat (rect.height, >=, MC_EDITING_ARRANGE_MIN_HEIGHT - 1e-6);
          g_assert_true (near (rect.width / rect.height,
                               MC_NOTE_DEFAULT_WIDTH / MC_NOTE_DEFAULT_HEIGHT));
        }
    }

  /* One step: undo puts every note back where it was. */
  g_assert_true (mc_board_undo (f->board));
  for (guint i = 0; i < n; i++)
    {
      mc_note_get_rect (mc_board_get_note (f->board, g_ptr_array_index (ids, i)), &rect);
      g_assert_true (near (rect.x, 40 + (i * 37) % 200));
    }
}

static void
test_arrange_fits (Fixture       *f,
                   gconstpointer  data)
{
  /* The identification area holds two default notes side by side. */
  arrange_n (f, 2, TRUE, TRUE);
}

static void
test_arrange_shrinks (Fixture       *f,
                      gconstpointer  data)
{
  arrange_n (f, 5, TRUE, FALSE);
}

static void
test_arrange_spills (Fixture       *f,
                     gconstpointer  data)
{
  /* Too many even at the minimum size: they go on below, never overlap. */
  arrange_n (f, 11, FALSE, FALSE);
}

static void
test_sort_by_votes (Fixture       *f,
                    gconstpointer  data)
{
  const guint votes[] = { 1, 3, 0, 3, 2, 0 };
  char *ids[G_N_ELEMENTS (votes)];
  const char *expected[G_N_ELEMENTS (votes)];
  const char *current = NULL;

  /* Placed in reading order a0 … a5 (two rows of three). */
  for (guint i = 0; i < G_N_ELEMENTS (votes); i++)
    {
      g_autoptr(McNote) voted = NULL;

      ids[i] = add_note (f, "stem", "context", "issue", 180 + (i % 3) * 170, 550 + (i / 3) * 120);
      voted = mc_note_dup (mc_board_get_note (f->board, ids[i]));
      mc_note_set_votes (voted, votes[i]);
      mc_board_execute (f->board, mc_command_update_note (f->board, g_steal_pointer (&voted)));
    }
  rebuild (f);

  mc_board_execute (f->board, mc_editing_sort_region_by_votes_command (f->board, f->layout,
                                                                       "context", "issue"));
  rebuild (f);

  /* Most votes first; ties keep their reading order. */
  expected[0] = ids[1];
  expected[1] = ids[3];
  expected[2] = ids[4];
  expected[3] = ids[0];
  expected[4] = ids[2];
  expected[5] = ids[5];
  for (guint i = 0; i < G_N_ELEMENTS (votes); i++)
    {
      current = mc_editing_next_note (f->board, f->layout, current, FALSE);
      g_assert_cmpstr (current, ==, expected[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (votes); i++)
    g_free (ids[i]);
}

static void
test_duplicate_delete (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = add_note (f, "eerste", "cimo", "outcomes", 100, 380);
  g_autofree char *b = add_note (f, "tweede", NULL, NULL, -1, -1);
  const char *ids[] = { a, b, NULL };
  g_auto(GStrv) copies = NULL;
  McRect ra, rc;
  McNote *copy;

  rebuild (f);
  mc_board_execute (f->board, mc_editing_duplicate_notes_command (f->board, f->layout, ids,
                                                                  &copies));
  g_assert_cmpuint (g_strv_length (copies), ==, 2);
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 4);
  g_assert_cmpstr (copies[0], !=, a);
  copy = mc_board_get_note (f->board, copies[0]);
  g_assert_cmpstr (mc_note_get_text (copy), ==, "eerste");
  g_assert_cmpstr (mc_note_get_figure_id (copy), ==, "cimo");
  g_assert_cmpstr (mc_note_get_region_id (copy), ==, "outcomes");
  mc_note_get_rect (mc_board_get_note (f->board, a), &ra);
  mc_note_get_rect (copy, &rc);
  g_assert_true (near (rc.x, ra.x + MC_EDITING_DUPLICATE_OFFSET));
  g_assert_true (near (rc.y, ra.y + MC_EDITING_DUPLICATE_OFFSET));

  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 2);
  g_assert_true (mc_board_redo (f->board));
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 4);

  mc_board_execute (f->board, mc_editing_delete_notes_command (f->board,
                                                               (const char * const *) copies));
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 2);
  g_assert_null (mc_board_get_note (f->board, copies[1]));
  g_assert_true (mc_board_undo (f->board));
  g_assert_nonnull (mc_board_get_note (f->board, copies[1]));

  /* Bring to front: a goes last in drawing order. */
  mc_board_execute (f->board, mc_editing_raise_notes_command (f->board,
                                                              (const char * const[]) { a, NULL }));
  g_assert_cmpstr (mc_note_get_id (g_ptr_array_index (mc_board_get_notes (f->board), 3)), ==, a);
}

static void
test_color_votes (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = add_note (f, "een", "cimo", "outcomes", 100, 380);
  g_autofree char *b = add_note (f, "twee", "cimo", "outcomes", 300, 380);
  const char *ids[] = { a, b, NULL };
  McHistory *history = mc_board_get_history (f->board);
  guint n_undo = mc_history_get_n_undo (history);

  mc_board_execute (f->board, mc_editing_set_color_command (f->board, ids, "blue"));
  g_assert_cmpuint (mc_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (f->board, a)), ==, "blue");
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (f->board, b)), ==, "blue");
  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (f->board, a)), ==, "yellow");
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (f->board, b)), ==, "yellow");
  g_assert_true (mc_board_redo (f->board));
  g_assert_cmpstr (mc_note_get_color (mc_board_get_note (f->board, b)), ==, "blue");

  mc_board_execute (f->board, mc_editing_vote_command (f->board, ids, +1));
  mc_board_execute (f->board, mc_editing_vote_command (f->board, (const char * const[]) { a, NULL },
                                                       +1));
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, a)), ==, 2);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, b)), ==, 1);
  mc_board_execute (f->board, mc_editing_vote_command (f->board, ids, -1));
  mc_board_execute (f->board, mc_editing_vote_command (f->board, ids, -1));
  /* Never below zero; the second −1 changed only a. */
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, a)), ==, 0);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, b)), ==, 0);
  n_undo = mc_history_get_n_undo (history);
  mc_board_execute (f->board, mc_editing_vote_command (f->board, ids, -1));
  g_assert_cmpuint (mc_history_get_n_undo (history), ==, n_undo);
  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, a)), ==, 1);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, b)), ==, 0);
}

static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  /* Added in a scrambled order; reading order is figure, region, rows. */
  g_autofree char *free_note = add_note (f, "los", NULL, NULL, -400, 100);
  g_autofree char *social = add_note (f, "sociaal", "perspectives", "social", 750, 540);
  g_autofree char *intervention = add_note (f, "interventie", "cimo", "intervention", 1200, 360);
  g_autofree char *context_low = add_note (f, "links onder", "cimo", "context", 60, 450);
  g_autofree char *context_right = add_note (f, "rechts", "cimo", "context", 400, 370);
  g_autofree char *context_left = add_note (f, "links", "cimo", "context", 200, 375);
  const char *expected[] = { context_left, context_right, context_low, intervention,
                             social, free_note };
  const char *current = NULL;

  rebuild (f);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      current = mc_editing_next_note (f->board, f->layout, current, FALSE);
      g_assert_cmpstr (current, ==, expected[i]);
    }
  /* Wraps around, both ways. */
  g_assert_cmpstr (mc_editing_next_note (f->board, f->layout, current, FALSE), ==, context_left);
  g_assert_cmpstr (mc_editing_next_note (f->board, f->layout, context_left, TRUE), ==, free_note);
  g_assert_cmpstr (mc_editing_next_note (f->board, f->layout, NULL, TRUE), ==, free_note);
  g_assert_cmpstr (mc_editing_next_note (f->board, f->layout, social, TRUE), ==, intervention);
}

static void
test_text_fit (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *id = NULL;
  const McTheme *theme = mc_theme_get (MC_THEME_COLOR);
  McRect before, after;
  int begin;

  for (guint i = 0; i < 12; i++)
    g_string_append (text, "Bewoners, professionals en studenten leren samen in de wijk. ");
  id = add_note (f, text->str, "context", "issue", 200, 500);
  rebuild (f);
  g_assert_false (mc_editing_note_text_fits (f->scene, id));
  mc_note_get_rect (mc_board_get_note (f->board, id), &before);

  mc_board_execute (f->board, mc_editing_grow_to_fit_command (f->board, id, MC_THEME_COLOR));
  mc_note_get_rect (mc_board_get_note (f->board, id), &after);
  g_assert_true (near (after.width, before.width));
  g_assert_cmpfloat (after.height, >, before.height);
  g_assert_cmpfloat (after.height, <=, MC_EDITING_MAX_GROW_HEIGHT);
  rebuild (f);
  g_assert_true (mc_editing_note_text_fits (f->scene, id));

  /* A short text is shown at the normal size after growing. */
  {
    g_autofree char *short_id = add_note (f, "Een wat langere notitie die net niet in het "
                                          "kleine briefje past zonder te krimpen", "cimo",
                                          "context", 100, 380);
    g_autofree char *group = g_strconcat ("note:", short_id, NULL);
    g_autoptr(McCommand) again = NULL;
    guint end;

    mc_board_execute (f->board, mc_editing_resize_note_command (f->board, f->layout, short_id,
                                                                &(McRect) { 100, 380, 160, 60 }));
    mc_board_execute (f->board, mc_editing_grow_to_fit_command (f->board, short_id,
                                                                MC_THEME_COLOR));
    rebuild (f);
    begin = mc_scene_find_group (f->scene, group);
    g_assert_cmpint (begin, >=, 0);
    end = mc_scene_group_end (f->scene, begin);
    for (guint i = begin; i < end; i++)
      {
        const McSceneItem *item = mc_scene_get_item (f->scene, i);

        if (item->kind == MC_ITEM_TEXT && item->role == MC_ROLE_NOTE_TEXT)
          g_assert_cmpfloat (fabs (mc_export_layout_min_font_size (item->layout) -
                                   theme->note_size), <, 0.01);
      }

    /* Growing again changes nothing. */
    again = mc_editing_grow_to_fit_command (f->board, short_id, MC_THEME_COLOR);
    g_assert_true (mc_command_group_is_empty (again));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/mc/editing/hit-regions", test_hit_regions);
  ADD ("/mc/editing/hit-notes", test_hit_notes);
  ADD ("/mc/editing/create-move-undo", test_create_move_undo);
  ADD ("/mc/editing/move-group-and-packed", test_move_group_and_packed);
  ADD ("/mc/editing/move-scaled", test_move_scaled);
  ADD ("/mc/editing/resize", test_resize);
  ADD ("/mc/editing/arrange-fits", test_arrange_fits);
  ADD ("/mc/editing/arrange-shrinks", test_arrange_shrinks);
  ADD ("/mc/editing/arrange-spills", test_arrange_spills);
  ADD ("/mc/editing/sort-by-votes", test_sort_by_votes);
  ADD ("/mc/editing/duplicate-delete", test_duplicate_delete);
  ADD ("/mc/editing/color-votes", test_color_votes);
  ADD ("/mc/editing/tab-order", test_tab_order);
  ADD ("/mc/editing/text-fit", test_text_fit);

#undef ADD

  return g_test_run ();
}
