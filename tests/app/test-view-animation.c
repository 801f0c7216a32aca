/* test-view-animation.c — the view transform's arithmetic and the eased
 * animation between two transforms (mc-view-animation.h)
 */
#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "mc-view-animation.h"
#include "mc-test-util.h"

#define EPS 1e-9

static void
test_round_trip (void)
{
  McViewTransform t = { 2.5, -40.0, 17.0 };
  McRect area = { 10, 20, 500, 250 }, rect;
  double wx, wy, bx, by;

  mc_view_transform_to_widget (&t, 100.0, 50.0, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, (100.0 + 40.0) * 2.5, EPS);
  g_assert_cmpfloat_with_epsilon (wy, (50.0 - 17.0) * 2.5, EPS);
  mc_view_transform_to_board (&t, wx, wy, &bx, &by);
  g_assert_cmpfloat_with_epsilon (bx, 100.0, EPS);
  g_assert_cmpfloat_with_epsilon (by, 50.0, EPS);

  mc_view_transform_area_to_board (&t, &area, &rect);
  g_assert_cmpfloat_with_epsilon (rect.x, 10 / 2.5 - 40.0, EPS);
  g_assert_cmpfloat_with_epsilon (rect.y, 20 / 2.5 + 17.0, EPS);
  g_assert_cmpfloat_with_epsilon (rect.width, 200.0, EPS);
  g_assert_cmpfloat_with_epsilon (rect.height, 100.0, EPS);
}

/* The widget rectangle where rect shows under t. */
static void
on_screen (const McViewTransform *t,
           const McRect          *rect,
           McRect                *out)
{
  mc_view_transform_to_widget (t, rect->x, rect->y, &out->x, &out->y);
  out->width = rect->width * t->zoom;
  out->height = rect->height * t->zoom;
}

static void
test_fit (void)
{
  /* A free area below a banner and above a footer, as on a projector. */
  const McRect area = { 0, 300, 1920, 600 };
  const McRect wide = { 1000, 1000, 4000, 500 };
  const McRect tall = { -200, 50, 300, 1200 };
  McViewTransform t = { 1, 0, 0 };
  McRect shown, inner;

  /* Width-bound: fills the width less the margins, centred vertically. */
  g_assert_true (mc_view_transform_fit (&t, &wide, &area, 20, 0.01, 100));
  g_assert_cmpfloat_with_epsilon (t.zoom, (1920 - 40) / 4000.0, EPS);
  on_screen (&t, &wide, &shown);
  g_assert_cmpfloat_with_epsilon (shown.x, 20, 1e-6);
  g_assert_cmpfloat_with_epsilon (shown.x + shown.width, 1900, 1e-6);
  g_assert_cmpfloat_with_epsilon (shown.y + shown.height / 2, 600, 1e-6);

  /* Height-bound: fills the height less the margins, centred across. */
  g_assert_true (mc_view_transform_fit (&t, &tall, &area, 20, 0.01, 100));
  g_assert_cmpfloat_with_epsilon (t.zoom, (600 - 40) / 1200.0, EPS);
  on_screen (&t, &tall, &shown);
  g_assert_cmpfloat_with_epsilon (shown.y, 320, 1e-6);
  g_assert_cmpfloat_with_epsilon (shown.y + shown.height, 880, 1e-6);
  g_assert_cmpfloat_with_epsilon (shown.x + shown.width / 2, 960, 1e-6);
  inner = (McRect) { area.x + 19, area.y + 19, area.width - 38, area.height - 38 };
  g_assert_true (mc_rect_contains_rect (&inner, &shown));

  /* A clamped zoom still centres the rectangle in the area. */
  g_assert_true (mc_view_transform_fit (&t, &wide, &area, 20, 1.0, 2.0));
  g_assert_cmpfloat (t.zoom, ==, 1.0);
  on_screen (&t, &wide, &shown);
  g_assert_cmpfloat_with_epsilon (shown.x + shown.width / 2, 960, 1e-6);
  g_assert_cmpfloat_with_epsilon (shown.y + shown.height / 2, 600, 1e-6);
  g_assert_true (mc_view_transform_fit (&t, &(McRect) { 0, 0, 1, 1 }, &area, 0, 0.1, 8.0));
  g_assert_cmpfloat (t.zoom, ==, 8.0);

  /* Nothing to fit, or no room: untouched. */
  t = (McViewTransform) { 3, 4, 5 };
  g_assert_false (mc_view_transform_fit (&t, &(McRect) { 0, 0, 0, 10 }, &area, 0, 0.1, 8));
  g_assert_false (mc_view_transform_fit (&t, &wide, &(McRect) { 0, 0, 30, 30 }, 20, 0.1, 8));
  g_assert_false (mc_view_transform_fit (&t, &(McRect) { 0, 0, NAN, 10 }, &area, 0, 0.1, 8));
  g_assert_cmpfloat (t.zoom, ==, 3);
  g_assert_cmpfloat (t.origin_x, ==, 4);
  g_assert_cmpfloat (t.origin_y, ==, 5);
}

static void
test_interpolate (void)
{
  McViewTransform a = { 0.5, 0, 0 }, b = { 2.0, 300, -100 }, r;
  double ax, ay, bx, by, rx, ry;

  mc_view_transform_interpolate (&a, &b, 0.0, 400, 300, &r);
  g_assert_true (mc_view_transform_equal (&r, &a));
  mc_view_transform_interpolate (&a, &b, 1.0, 400, 300, &r);
  g_assert_true (mc_view_transform_equal (&r, &b));

  /* Halfway: the zoom is the geometric mean, the board point under the
   * anchor halfway between the two. */
  mc_view_transform_interpolate (&a, &b, 0.5, 400, 300, &r);
  g_assert_cmpfloat_with_epsilon (r.zoom, 1.0, EPS);
  mc_view_transform_to_board (&a, 400, 300, &ax, &ay);
  mc_view_transform_to_board (&b, 400, 300, &bx, &by);
  mc_view_transform_to_board (&r, 400, 300, &rx, &ry);
  g_assert_cmpfloat_with_epsilon (rx, (ax + bx) / 2, 1e-6);
  g_assert_cmpfloat_with_epsilon (ry, (ay + by) / 2, 1e-6);

  /* Monotonic zoom along the way. */
  for (double t = 0.05, last = a.zoom; t < 1.0; t += 0.05)
    {
      mc_view_transform_interpolate (&a, &b, t, 400, 300, &r);
      g_assert_cmpfloat (r.zoom, >, last);
      last = r.zoom;
    }
}

typedef struct
{
  GArray *steps;
  guint   n_done;
} Watch;

static void
record_step (const McViewTransform *transform,
             gpointer               user_data)
{
  Watch *watch = user_data;

  g_array_append_vals (watch->steps, transform, 1);
}

static void
count_done (McViewAnimation *animation,
            Watch           *watch)
{
  watch->n_done++;
}

static gboolean
is_done (gpointer data)
{
  return ((Watch *) data)->n_done > 0;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

static void
test_animation (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *area = gtk_drawing_area_new ();
  Watch watch = { g_array_new (FALSE, FALSE, sizeof (McViewTransform)), 0 };
  g_autoptr(McViewAnimation) animation = NULL;
  McViewTransform start = { 1.0, 0, 0 }, target = { 4.0, 250, 120 }, now;
  gboolean between = FALSE;

  set_animations (TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_set_child (GTK_WINDOW (window), area);
  gtk_window_present (GTK_WINDOW (window));
  mc_test_wait_until (is_mapped, area, "the widget to be mapped");

  animation = mc_view_animation_new (area, record_step, &watch);
  g_assert_cmpuint (mc_view_animation_get_duration (animation), ==, MC_VIEW_ANIMATION_DEFAULT_MS);
  /* Long enough that one slow frame on a loaded machine cannot skip the
   * whole easing: the steps in between are what is tested. */
  mc_view_animation_set_duration (animation, 3000);
  g_signal_connect (animation, "done", G_CALLBACK (count_done), &watch);
  mc_view_animation_jump_to (animation, &start);
  g_assert_cmpuint (watch.n_done, ==, 1);
  watch.n_done = 0;
  g_array_set_size (watch.steps, 0);

  /* Eases through the zooms in between, and ends exactly at the target. */
  mc_view_animation_animate_to (animation, &target);
  g_assert_true (mc_view_animation_get_running (animation));
  mc_view_animation_get_target (animation, &now);
  g_assert_true (mc_view_transform_equal (&now, &target));
  mc_test_wait_until (is_done, &watch, "the view animation to end");
  g_assert_false (mc_view_animation_get_running (animation));
  mc_view_animation_get_current (animation, &now);
  g_assert_true (mc_view_transform_equal (&now, &target));
  g_assert_true (mc_view_transform_equal (&g_array_index (watch.steps, McViewTransform,
                                                          watch.steps->len - 1), &target));
  for (guint i = 0; i < watch.steps->len; i++)
    {
      double z = g_array_index (watch.steps, McViewTransform, i).zoom;

      g_assert_cmpfloat (z, >=, start.zoom);
      g_assert_cmpfloat (z, <=, target.zoom);
      between |= z > 1.01 && z < 3.99;
    }
  g_assert_true (between);

  /* A new target while easing starts from where the view got to. */
  watch.n_done = 0;
  mc_view_animation_animate_to (animation, &start);
  mc_view_animation_get_current (animation, &now);
  mc_view_animation_animate_to (animation, &(McViewTransform) { 2.0, 10, 10 });
  g_array_set_size (watch.steps, 0);
  mc_test_wait_until (is_done, &watch, "the second view animation to end");
  g_assert_cmpuint (watch.n_done, ==, 1);
  g_assert_cmpfloat (g_array_index (watch.steps, McViewTransform, 0).zoom, <=, now.zoom);

  /* Reduced motion: it jumps at once, and says it is done. */
  set_animations (FALSE);
  watch.n_done = 0;
  g_array_set_size (watch.steps, 0);
  mc_view_animation_animate_to (animation, &target);
  g_assert_false (mc_view_animation_get_running (animation));
  g_assert_cmpuint (watch.n_done, ==, 1);
  g_assert_cmpuint (watch.steps->len, ==, 1);
  g_assert_true (mc_view_transform_equal (&g_array_index (watch.steps, McViewTransform, 0),
                                          &target));
  set_animations (TRUE);

  /* Skip ends a running animation at its target. */
  watch.n_done = 0;
  mc_view_animation_animate_to (animation, &start);
  g_assert_true (mc_view_animation_get_running (animation));
  mc_view_animation_skip (animation);
  g_assert_false (mc_view_animation_get_running (animation));
  g_assert_cmpuint (watch.n_done, ==, 1);
  mc_view_animation_get_current (animation, &now);
  g_assert_true (mc_view_transform_equal (&now, &start));

  /* Unmapped: a jump. */
  gtk_widget_set_visible (area, FALSE);
  watch.n_done = 0;
  mc_view_animation_animate_to (animation, &target);
  g_assert_false (mc_view_animation_get_running (animation));
  mc_view_animation_get_current (animation, &now);
  g_assert_true (mc_view_transform_equal (&now, &target));

  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_spin ();
  /* The widget is gone: still safe to use. */
  mc_view_animation_animate_to (animation, &start);
  g_array_unref (watch.steps);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/mc/view-animation/round-trip", test_round_trip);
  g_test_add_func ("/mc/view-animation/fit", test_fit);
  g_test_add_func ("/mc/view-animation/interpolate", test_interpolate);
  g_test_add_func ("/mc/view-animation/animation", test_animation);

  return g_test_run ();
}
