/* test-scene.c — McScene: groups, find/end, hit test, bounds */
#include "config.h"

#include "mc-scene.h"
#include "mc-text.h"

static McPath *
rect_path (double x,
           double y,
           double w,
           double h)
{
  McPath *path = mc_path_new ();
  McRect rect = { x, y, w, h };

  mc_path_rectangle (path, &rect);
  return path;
}

static const McColor black = { 0, 0, 0, 1 };

static void
test_groups (void)
{
  g_autoptr(McScene) scene = mc_scene_new ();
  g_autoptr(McPath) outer = rect_path (0, 0, 100, 100);
  g_autoptr(McPath) inner = rect_path (10, 10, 20, 20);
  g_autoptr(McPath) deco = rect_path (200, 0, 10, 10);
  const McSceneItem *item;
  int fig, region;

  mc_scene_begin_group (scene, MC_ROLE_FIGURE, "cimo", "CIMO", NULL);
  mc_scene_add_path (scene, MC_ROLE_DECORATION, outer, &black, NULL, 0, MC_LINE_SOLID);
  mc_scene_begin_group (scene, MC_ROLE_REGION, "cimo/context", "Context", inner);
  mc_scene_add_path (scene, MC_ROLE_REGION, inner, &black, &black, 2, MC_LINE_SOLID);
  mc_scene_end_group (scene);
  mc_scene_end_group (scene);
  mc_scene_add_path (scene, MC_ROLE_DECORATION, deco, NULL, &black, 1, MC_LINE_DASHED);

  g_assert_cmpuint (mc_scene_get_n_items (scene), ==, 7);

  fig = mc_scene_find_group (scene, "cimo");
  region = mc_scene_find_group (scene, "cimo/context");
  g_assert_cmpint (fig, ==, 0);
  g_assert_cmpint (region, ==, 2);
  g_assert_cmpint (mc_scene_find_group (scene, "nope"), ==, -1);
  g_assert_cmpuint (mc_scene_group_end (scene, fig), ==, 6);
  g_assert_cmpuint (mc_scene_group_end (scene, region), ==, 5);

  item = mc_scene_get_item (scene, region);
  g_assert_cmpint (item->kind, ==, MC_ITEM_GROUP_BEGIN);
  g_assert_cmpint (item->role, ==, MC_ROLE_REGION);
  g_assert_cmpstr (item->id, ==, "cimo/context");
  g_assert_cmpstr (item->title, ==, "Context");
  g_assert_true (item->hit_path == inner);
  g_assert_cmpfloat (item->opacity, ==, 1.0);
  /* The stroke widens the region's bounds. */
  g_assert_cmpfloat (item->bounds.x, <, 10);
  g_assert_cmpfloat (item->bounds.x, >=, 8);

  item = mc_scene_get_item (scene, fig);
  g_assert_cmpfloat (item->bounds.x, ==, 0);
  g_assert_cmpfloat (item->bounds.width, ==, 100);

  item = mc_scene_get_item (scene, 6);
  g_assert_cmpint (item->kind, ==, MC_ITEM_PATH);
  g_assert_cmpint (item->line_style, ==, MC_LINE_DASHED);
  g_assert_false (item->has_fill);
  g_assert_true (item->has_stroke);
}

static void
test_bounds (void)
{
  g_autoptr(McScene) scene = mc_scene_new ();
  g_autoptr(McPath) a = rect_path (-10, 5, 10, 10);
  g_autoptr(McPath) b = rect_path (50, 60, 5, 5);
  g_autoptr(PangoLayout) layout = NULL;
  McTextStyle style = { "Liberation Sans", 20, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                        PANGO_ALIGN_LEFT, 0 };
  McRect bounds;
  double tw, th;

  mc_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.width, ==, 0);

  mc_scene_add_path (scene, MC_ROLE_DECORATION, a, &black, NULL, 0, MC_LINE_SOLID);
  mc_scene_add_path (scene, MC_ROLE_DECORATION, b, &black, NULL, 0, MC_LINE_SOLID);
  mc_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.x, ==, -10);
  g_assert_cmpfloat (bounds.y, ==, 5);
  g_assert_cmpfloat (bounds.width, ==, 65);
  g_assert_cmpfloat (bounds.height, ==, 60);

  layout = mc_text_layout_new ("Hello", &style, -1);
  mc_text_layout_get_size (layout, &tw, &th);
  g_assert_cmpfloat (tw, >, 20);
  mc_scene_add_text (scene, MC_ROLE_LABEL, layout, 100, 100, &black);
  mc_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.x + bounds.width, >=, 100 + tw - 0.01);
  g_assert_cmpfloat (bounds.y + bounds.height, >=, 100 + th - 0.01);
}

static void
test_hit_test (void)
{
  g_autoptr(McScene) scene = mc_scene_new ();
  g_autoptr(McPath) big = rect_path (0, 0, 100, 100);
  g_autoptr(McPath) nested = rect_path (20, 20, 30, 30);
  g_autoptr(McPath) later = rect_path (40, 40, 40, 40);
  g_autoptr(McPath) note = rect_path (45, 45, 10, 10);
  g_autoptr(McPath) ring = mc_path_new ();
  const McSceneItem *hit;
  guint regions = 1u << MC_ROLE_REGION;
  guint notes = 1u << MC_ROLE_NOTE;

  mc_path_circle (ring, 300, 300, 100);
  mc_path_circle (ring, 300, 300, 50);

  mc_scene_begin_group (scene, MC_ROLE_FIGURE, "fig", NULL, big);
  mc_scene_begin_group (scene, MC_ROLE_REGION, "fig/big", NULL, big);
  mc_scene_begin_group (scene, MC_ROLE_REGION, "fig/nested", NULL, nested);
  mc_scene_end_group (scene);
  mc_scene_end_group (scene);
  mc_scene_begin_group (scene, MC_ROLE_REGION, "fig/later", NULL, later);
  mc_scene_end_group (scene);
  mc_scene_begin_group (scene, MC_ROLE_REGION, "fig/ring", NULL, ring);
  mc_scene_end_group (scene);
  mc_scene_end_group (scene);
  mc_scene_begin_group (scene, MC_ROLE_NOTE, "note:1", "a note", note);
  mc_scene_end_group (scene);

  /* Innermost wins. */
  hit = mc_scene_hit_test (scene, 25, 25, regions);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->id, ==, "fig/nested");
  hit = mc_scene_hit_test (scene, 5, 5, regions);
  g_assert_cmpstr (hit->id, ==, "fig/big");

  /* Topmost wins where siblings overlap. */
  hit = mc_scene_hit_test (scene, 45, 42, regions);
  g_assert_cmpstr (hit->id, ==, "fig/later");

  /* Role masks: notes over regions only when asked for. */
  hit = mc_scene_hit_test (scene, 50, 50, regions | notes);
  g_assert_cmpstr (hit->id, ==, "note:1");
  hit = mc_scene_hit_test (scene, 50, 50, regions);
  g_assert_cmpstr (hit->id, ==, "fig/later");
  hit = mc_scene_hit_test (scene, 5, 5, 1u << MC_ROLE_FIGURE);
  g_assert_cmpstr (hit->id, ==, "fig");
  g_assert_null (mc_scene_hit_test (scene, 5, 5, notes));

  /* A ring has a hole (even-odd). */
  hit = mc_scene_hit_test (scene, 300, 225, regions);
  g_assert_cmpstr (hit->id, ==, "fig/ring");
  g_assert_null (mc_scene_hit_test (scene, 300, 300, regions));
  g_assert_null (mc_scene_hit_test (scene, 500, 500, regions | notes));
}

static void
test_append (void)
{
  g_autoptr(McScene) scene = mc_scene_new ();
  g_autoptr(McScene) part = mc_scene_new ();
  g_autoptr(McPath) a = rect_path (0, 0, 10, 10);
  g_autoptr(McPath) b = rect_path (100, 100, 10, 10);
  McRect bounds;
  const McSceneItem *item;

  mc_scene_begin_group (part, MC_ROLE_NOTE, "note:x", "x", b);
  mc_scene_add_path (part, MC_ROLE_NOTE, b, &black, NULL, 0, MC_LINE_SOLID);
  mc_scene_end_group (part);

  mc_scene_begin_group (scene, MC_ROLE_FIGURE, "fig", NULL, NULL);
  mc_scene_add_path (scene, MC_ROLE_DECORATION, a, &black, NULL, 0, MC_LINE_SOLID);
  mc_scene_append (scene, part);
  mc_scene_end_group (scene);

  g_assert_cmpuint (mc_scene_get_n_items (scene), ==, 6);
  g_assert_cmpint (mc_scene_find_group (scene, "note:x"), ==, 2);
  item = mc_scene_get_item (scene, 0);
  g_assert_cmpfloat (item->bounds.width, ==, 110);
  mc_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.height, ==, 110);
  g_assert_cmpstr (mc_scene_hit_test (scene, 105, 105, 1u << MC_ROLE_NOTE)->id, ==, "note:x");

  /* The copy holds its own references. */
  g_clear_pointer (&part, mc_scene_unref);
  g_assert_cmpuint (mc_path_get_n_ops (mc_scene_get_item (scene, 2)->hit_path), ==, 5);
}

/* Taking over a scene held once moves its items (the same strings and
 * paths, no copies); a shared one is copied and stays whole. */
static void
test_append_take (void)
{
  g_autoptr(McScene) scene = mc_scene_new ();
  g_autoptr(McScene) shared = mc_scene_new ();
  g_autoptr(McPath) a = rect_path (0, 0, 10, 10);
  McScene *part = mc_scene_new ();
  const char *moved_id;
  McRect bounds;

  mc_scene_begin_group (part, MC_ROLE_NOTE, "note:x", "x", a);
  mc_scene_add_path (part, MC_ROLE_NOTE, a, &black, NULL, 0, MC_LINE_SOLID);
  mc_scene_end_group (part);
  moved_id = mc_scene_get_item (part, 0)->id;

  mc_scene_begin_group (scene, MC_ROLE_FIGURE, "fig", NULL, NULL);
  mc_scene_append_take (scene, part);
  g_assert_cmpuint (mc_scene_get_n_items (scene), ==, 4);
  g_assert_true (mc_scene_get_item (scene, 1)->id == moved_id);
  g_assert_true (mc_scene_get_item (scene, 2)->path == a);

  mc_scene_begin_group (shared, MC_ROLE_NOTE, "note:y", "y", NULL);
  mc_scene_add_path (shared, MC_ROLE_NOTE, a, &black, NULL, 0, MC_LINE_SOLID);
  mc_scene_end_group (shared);
  mc_scene_append_take (scene, mc_scene_ref (shared));
  mc_scene_end_group (scene);

  g_assert_cmpuint (mc_scene_get_n_items (shared), ==, 3);
  g_assert_cmpstr (mc_scene_get_item (shared, 0)->id, ==, "note:y");
  g_assert_true (mc_scene_get_item (scene, 4)->id != mc_scene_get_item (shared, 0)->id);
  g_assert_cmpstr (mc_scene_get_item (scene, 4)->id, ==, "note:y");
  g_assert_cmpuint (mc_scene_get_n_items (scene), ==, 8);
  mc_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.width, ==, 10);
  g_assert_cmpfloat (mc_scene_get_item (scene, 0)->bounds.height, ==, 10);
}

static void
test_append_range (void)
{
  g_autoptr(McScene) source = mc_scene_new ();
  g_autoptr(McScene) scene = mc_scene_new ();
  g_autoptr(McPath) a = rect_path (0, 0, 10, 10);
  g_autoptr(McPath) b = rect_path (20, 0, 10, 10);
  int skipped;

  mc_scene_begin_group (source, MC_ROLE_FIGURE, "fig", NULL, NULL);
  mc_scene_begin_group (source, MC_ROLE_REGION, "fig/a", NULL, a);
  mc_scene_end_group (source);
  mc_scene_begin_group (source, MC_ROLE_REGION, "fig/b", NULL, b);
  mc_scene_end_group (source);
  mc_scene_end_group (source);

  /* Leave out fig/a by appending around it; the result balances. */
  skipped = mc_scene_find_group (source, "fig/a");
  mc_scene_append_range (scene, source, 0, skipped);
  mc_scene_append_range (scene, source, mc_scene_group_end (source, skipped),
                         mc_scene_get_n_items (source));

  g_assert_cmpuint (mc_scene_get_n_items (scene), ==, 4);
  g_assert_cmpint (mc_scene_find_group (scene, "fig/a"), ==, -1);
  g_assert_cmpint (mc_scene_find_group (scene, "fig/b"), ==, 1);
  g_assert_cmpuint (mc_scene_group_end (scene, 0), ==, 4);
  g_assert_null (mc_scene_hit_test (scene, 5, 5, 1u << MC_ROLE_REGION));
  g_assert_cmpstr (mc_scene_hit_test (scene, 25, 5, 1u << MC_ROLE_REGION)->id, ==, "fig/b");
}

static void
test_opacity (void)
{
  g_autoptr(McScene) scene = mc_scene_new ();

  mc_scene_begin_group (scene, MC_ROLE_FIGURE, "fig", NULL, NULL);
  mc_scene_set_group_opacity (scene, 0.4);
  mc_scene_end_group (scene);
  g_assert_cmpfloat (mc_scene_get_item (scene, 0)->opacity, ==, 0.4);
  g_assert_cmpint (mc_scene_get_item (scene, 1)->kind, ==, MC_ITEM_GROUP_END);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/scene/groups", test_groups);
  g_test_add_func ("/mc/scene/bounds", test_bounds);
  g_test_add_func ("/mc/scene/hit-test", test_hit_test);
  g_test_add_func ("/mc/scene/append", test_append);
  g_test_add_func ("/mc/scene/append-take", test_append_take);
  g_test_add_func ("/mc/scene/append-range", test_append_range);
  g_test_add_func ("/mc/scene/opacity", test_opacity);

  return g_test_run ();
}
