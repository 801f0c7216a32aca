/* test-path.c — McPath: ops, bounds, arcs, SVG data, contains-point */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-path.h"

static void
test_ops (void)
{
  g_autoptr(McPath) path = mc_path_new ();
  const double *p;

  g_assert_true (mc_path_is_empty (path));
  mc_path_move_to (path, 1, 2);
  mc_path_line_to (path, 3, 4);
  mc_path_curve_to (path, 5, 6, 7, 8, 9, 10);
  mc_path_close (path);

  g_assert_false (mc_path_is_empty (path));
  g_assert_cmpuint (mc_path_get_n_ops (path), ==, 4);
  g_assert_cmpint (mc_path_get_op (path, 0, &p), ==, MC_PATH_MOVE_TO);
  g_assert_cmpfloat (p[0], ==, 1);
  g_assert_cmpfloat (p[1], ==, 2);
  g_assert_cmpint (mc_path_get_op (path, 1, &p), ==, MC_PATH_LINE_TO);
  g_assert_cmpfloat (p[0], ==, 3);
  g_assert_cmpfloat (p[1], ==, 4);
  g_assert_cmpint (mc_path_get_op (path, 2, &p), ==, MC_PATH_CURVE_TO);
  g_assert_cmpfloat (p[0], ==, 5);
  g_assert_cmpfloat (p[3], ==, 8);
  g_assert_cmpfloat (p[5], ==, 10);
  g_assert_cmpint (mc_path_get_op (path, 3, &p), ==, MC_PATH_CLOSE);
}

static void
test_line_without_move (void)
{
  g_autoptr(McPath) path = mc_path_new ();

  /* As in cairo, a line without a current point starts a subpath. */
  mc_path_line_to (path, 5, 5);
  g_assert_cmpint (mc_path_get_op (path, 0, NULL), ==, MC_PATH_MOVE_TO);
}

static void
test_bounds (void)
{
  g_autoptr(McPath) path = mc_path_new ();
  McRect rect = { 10, 20, 30, 40 };
  McRect bounds;

  mc_path_get_bounds (path, &bounds);
  g_assert_cmpfloat (bounds.width, ==, 0);

  mc_path_rectangle (path, &rect);
  mc_path_move_to (path, -5, 100);
  mc_path_line_to (path, 0, 0);
  mc_path_get_bounds (path, &bounds);
  g_assert_cmpfloat (bounds.x, ==, -5);
  g_assert_cmpfloat (bounds.y, ==, 0);
  g_assert_cmpfloat (bounds.width, ==, 45);
  g_assert_cmpfloat (bounds.height, ==, 100);
}

/* Samples every cubic of the path and checks the distance to the centre. */
static void
assert_on_circle (McPath *path,
                  double  cx,
                  double  cy,
                  double  r)
{
  double x0 = 0, y0 = 0;
  guint n_curves = 0;

  for (guint i = 0; i < mc_path_get_n_ops (path); i++)
    {
      const double *p;
      McPathOp op = mc_path_get_op (path, i, &p);

      if (op == MC_PATH_MOVE_TO || op == MC_PATH_LINE_TO)
        {
          x0 = p[0];
          y0 = p[1];
          continue;
        }
      if (op != MC_PATH_CURVE_TO)
        continue;

      n_curves++;
      for (double t = 0; t <= 1.0; t += 1.0 / 64)
        {
          double u = 1 - t;
          double x = u * u * u * x0 + 3 * u * u * t * p[0] + 3 * u * t * t * p[2] + t * t * t * p[4];
          double y = u * u * u * y0 + 3 * u * u * t * p[1] + 3 * u * t * t * p[3] + t * t * t * p[5];
          double d = hypot (x - cx, y - cy);

          g_assert_cmpfloat (fabs (d - r) / r, <, 0.001);
        }
      x0 = p[4];
      y0 = p[5];
    }

  g_assert_cmpuint (n_curves, >, 0);
}

static void
test_circle (void)
{
  g_autoptr(McPath) path = mc_path_new ();
  const double *p;

  mc_path_circle (path, 50, 60, 40);
  assert_on_circle (path, 50, 60, 40);

  /* Starts at angle 0 and is closed. */
  g_assert_cmpint (mc_path_get_op (path, 0, &p), ==, MC_PATH_MOVE_TO);
  g_assert_cmpfloat_with_epsilon (p[0], 90, 1e-9);
  g_assert_cmpfloat_with_epsilon (p[1], 60, 1e-9);
  g_assert_cmpint (mc_path_get_op (path, mc_path_get_n_ops (path) - 1, NULL), ==, MC_PATH_CLOSE);
}

static void
test_arc (void)
{
  g_autoptr(McPath) path = mc_path_new ();
  g_autoptr(McPath) negative = mc_path_new ();
  const double *p;
  guint last;

  /* Clockwise in y-down coordinates: from 0 to π/2 ends at the bottom. */
  mc_path_arc (path, 0, 0, 100, 0, G_PI / 2);
  assert_on_circle (path, 0, 0, 100);
  last = mc_path_get_n_ops (path) - 1;
  g_assert_cmpint (mc_path_get_op (path, last, &p), ==, MC_PATH_CURVE_TO);
  g_assert_cmpfloat_with_epsilon (p[4], 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (p[5], 100, 1e-9);

  /* Wide arcs of odd angles stay on the circle too. */
  mc_path_arc (path, 0, 0, 100, 0.3, 5.9);
  assert_on_circle (path, 0, 0, 100);

  mc_path_arc_negative (negative, 10, 10, 1000, 0, -G_PI / 2);
  assert_on_circle (negative, 10, 10, 1000);
  last = mc_path_get_n_ops (negative) - 1;
  mc_path_get_op (negative, last, &p);
  g_assert_cmpfloat_with_epsilon (p[4], 10, 1e-6);
  g_assert_cmpfloat_with_epsilon (p[5], 10 - 1000, 1e-6);

  /* A second arc joins the current point with a line, like cairo. */
  mc_path_arc (negative, 10, 10, 500, 0, 1);
  g_assert_cmpint (mc_path_get_op (negative, last + 1, &p), ==, MC_PATH_LINE_TO);
  g_assert_cmpfloat_with_epsilon (p[0], 510, 1e-9);
}

static void
test_rounded_rectangle (void)
{
  g_autoptr(McPath) path = mc_path_new ();
  McRect rect = { 0, 0, 200, 100 };
  McRect bounds;

  mc_path_rounded_rectangle (path, &rect, 20);
  mc_path_get_bounds (path, &bounds);
  g_assert_cmpfloat_with_epsilon (bounds.x, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.width, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.height, 100, 1e-9);

  /* The corner is cut away, the edge midpoints are inside. */
  g_assert_false (mc_path_contains_point (path, 1, 1, FALSE));
  g_assert_true (mc_path_contains_point (path, 100, 1, FALSE));
  g_assert_true (mc_path_contains_point (path, 1, 50, FALSE));
}

static void
test_svg_data (void)
{
  g_autoptr(McPath) path = mc_path_new ();
  g_autofree char *data = NULL;

  mc_path_move_to (path, 10, 20);
  mc_path_line_to (path, 30.5, -4.25);
  mc_path_curve_to (path, 1.0 / 3.0, 2, 3, 4, 5, 6);
  mc_path_close (path);

  data = mc_path_to_svg_data (path);
  g_assert_cmpstr (data, ==, "M10 20L30.5 -4.25C0.333 2 3 4 5 6Z");
}

static void
test_contains (void)
{
  g_autoptr(McPath) rect_path = mc_path_new ();
  g_autoptr(McPath) circle = mc_path_new ();
  g_autoptr(McPath) ring = mc_path_new ();
  McRect rect = { 0, 0, 100, 50 };

  mc_path_rectangle (rect_path, &rect);
  g_assert_true (mc_path_contains_point (rect_path, 50, 25, FALSE));
  g_assert_true (mc_path_contains_point (rect_path, 99, 49, TRUE));
  g_assert_false (mc_path_contains_point (rect_path, 101, 25, FALSE));
  g_assert_false (mc_path_contains_point (rect_path, 50, -1, TRUE));

  mc_path_circle (circle, 0, 0, 100);
  g_assert_true (mc_path_contains_point (circle, 0, 0, FALSE));
  g_assert_true (mc_path_contains_point (circle, 70, 70, FALSE));
  g_assert_false (mc_path_contains_point (circle, 72, 72, FALSE));   /* outside r=100 */
  g_assert_false (mc_path_contains_point (circle, 100, 100, FALSE)); /* bounds corner */

  /* Two circles in the same direction: a hole with even-odd only. */
  mc_path_circle (ring, 0, 0, 100);
  mc_path_circle (ring, 0, 0, 50);
  g_assert_false (mc_path_contains_point (ring, 0, 0, TRUE));
  g_assert_false (mc_path_contains_point (ring, 30, 30, TRUE));
  g_assert_true (mc_path_contains_point (ring, 0, 75, TRUE));
  g_assert_true (mc_path_contains_point (ring, -53, -53, TRUE));
  g_assert_true (mc_path_contains_point (ring, 0, 0, FALSE));
  g_assert_false (mc_path_contains_point (ring, 0, 101, TRUE));
}

static void
test_append (void)
{
  g_autoptr(McPath) a = mc_path_new ();
  g_autoptr(McPath) b = mc_path_new ();
  g_autofree char *data = NULL;

  mc_path_move_to (a, 0, 0);
  mc_path_line_to (a, 1, 1);
  mc_path_move_to (b, 5, 5);
  mc_path_line_to (b, 6, 6);
  mc_path_close (b);
  mc_path_append (a, b);

  data = mc_path_to_svg_data (a);
  g_assert_cmpstr (data, ==, "M0 0L1 1M5 5L6 6Z");
}

static void
test_refcount (void)
{
  McPath *path = mc_path_new ();
  GValue value = G_VALUE_INIT;

  g_assert_true (G_TYPE_IS_BOXED (MC_TYPE_PATH));
  g_value_init (&value, MC_TYPE_PATH);
  g_value_set_boxed (&value, path);
  g_assert_true (g_value_get_boxed (&value) == path);
  mc_path_unref (path);
  /* Still alive: the GValue holds a reference. */
  mc_path_move_to (g_value_get_boxed (&value), 1, 1);
  g_assert_cmpuint (mc_path_get_n_ops (g_value_get_boxed (&value)), ==, 1);
  g_value_unset (&value);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/path/ops", test_ops);
  g_test_add_func ("/mc/path/line-without-move", test_line_without_move);
  g_test_add_func ("/mc/path/bounds", test_bounds);
  g_test_add_func ("/mc/path/circle", test_circle);
  g_test_add_func ("/mc/path/arc", test_arc);
  g_test_add_func ("/mc/path/rounded-rectangle", test_rounded_rectangle);
  g_test_add_func ("/mc/path/svg-data", test_svg_data);
  g_test_add_func ("/mc/path/contains", test_contains);
  g_test_add_func ("/mc/path/append", test_append);
  g_test_add_func ("/mc/path/refcount", test_refcount);

  return g_test_run ();
}
