/* test-types.c — enum strings and the small value types */
#include <gio/gio.h>
#include <math.h>

#include "mc-types.h"

static void
test_enum_strings (void)
{
  McPhase phase;
  McLanguage language;
  McThemeKind theme;

  for (guint i = MC_PHASE_START; i <= MC_PHASE_EVALUATE; i++)
    {
      g_assert_true (mc_phase_from_string (mc_phase_to_string (i), &phase));
      g_assert_cmpint (phase, ==, i);
    }
  for (guint i = 0; i < MC_N_LANGUAGES; i++)
    {
      g_assert_true (mc_language_from_string (mc_language_to_string (i), &language));
      g_assert_cmpint (language, ==, i);
    }
  for (guint i = 0; i < MC_N_THEMES; i++)
    {
      g_assert_true (mc_theme_kind_from_string (mc_theme_kind_to_string (i), &theme));
      g_assert_cmpint (theme, ==, i);
    }

  g_assert_cmpstr (mc_phase_to_string (MC_PHASE_MONITOR), ==, "monitor");
  g_assert_cmpstr (mc_language_to_string (MC_LANGUAGE_EN), ==, "en");
  g_assert_cmpstr (mc_theme_kind_to_string (MC_THEME_PRINT), ==, "print");

  language = MC_LANGUAGE_EN;
  g_assert_false (mc_language_from_string ("de", &language));
  g_assert_false (mc_language_from_string ("NL", &language));
  g_assert_false (mc_language_from_string ("", &language));
  g_assert_false (mc_language_from_string (NULL, &language));
  g_assert_cmpint (language, ==, MC_LANGUAGE_EN);
  g_assert_false (mc_phase_from_string ("later", &phase));
  g_assert_false (mc_theme_kind_from_string ("dark", &theme));
}

static void
test_rect (void)
{
  McRect a = { 0, 0, 100, 50 };
  McRect b = { 90, 40, 20, 20 };
  McRect c = { 100, 0, 10, 10 };
  McRect inner = { 10, 10, 20, 20 };
  McRect u;
  g_autoptr(McRect) copy = mc_rect_copy (&a);

  g_assert_cmpfloat (copy->width, ==, 100);
  g_assert_true (mc_rect_contains_point (&a, 0, 0));
  g_assert_true (mc_rect_contains_point (&a, 100, 50));
  g_assert_false (mc_rect_contains_point (&a, 100.5, 10));
  g_assert_true (mc_rect_intersects (&a, &b));
  /* Touching edges do not intersect. */
  g_assert_false (mc_rect_intersects (&a, &c));
  g_assert_true (mc_rect_contains_rect (&a, &inner));
  g_assert_false (mc_rect_contains_rect (&a, &b));

  mc_rect_union (&a, &b, &u);
  g_assert_cmpfloat (u.x, ==, 0);
  g_assert_cmpfloat (u.y, ==, 0);
  g_assert_cmpfloat (u.width, ==, 110);
  g_assert_cmpfloat (u.height, ==, 60);
}

/* A span that fits is moved in as little as needed; one that does not is
 * centred, sticking out evenly. */
static void
test_span_keep_inside (void)
{
  double pos;

  pos = 50;
  mc_span_keep_inside (&pos, 20, 0, 100);
  g_assert_cmpfloat (pos, ==, 50);

  pos = -30;
  mc_span_keep_inside (&pos, 20, 0, 100);
  g_assert_cmpfloat (pos, ==, 0);

  pos = 95;
  mc_span_keep_inside (&pos, 20, 10, 100);
  g_assert_cmpfloat (pos, ==, 90);

  pos = 400;
  mc_span_keep_inside (&pos, 140, 10, 100);
  g_assert_cmpfloat (pos, ==, -10);
}

static void
test_color (void)
{
  McColor c;
  g_autofree char *s = NULL;
  g_autofree char *t = NULL;

  g_assert_true (mc_color_parse (&c, "#ff8000"));
  g_assert_cmpfloat_with_epsilon (c.red, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.green, 128 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.blue, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.alpha, 1.0, 1e-9);
  s = mc_color_to_string (&c);
  g_assert_cmpstr (s, ==, "#ff8000");

  g_assert_true (mc_color_parse (&c, "#0072B280"));
  t = mc_color_to_string (&c);
  g_assert_cmpstr (t, ==, "#0072b280");

  g_assert_false (mc_color_parse (&c, "ff8000"));
  g_assert_false (mc_color_parse (&c, "#ff80"));
  g_assert_false (mc_color_parse (&c, "#gg8000"));
  g_assert_false (mc_color_parse (&c, NULL));

  /* WCAG relative luminance: white 1, black 0, mid-gray ≈ 0.216. */
  mc_color_parse (&c, "#ffffff");
  g_assert_cmpfloat_with_epsilon (mc_color_luminance (&c), 1.0, 1e-6);
  mc_color_parse (&c, "#000000");
  g_assert_cmpfloat_with_epsilon (mc_color_luminance (&c), 0.0, 1e-6);
  mc_color_parse (&c, "#808080");
  g_assert_cmpfloat_with_epsilon (mc_color_luminance (&c), 0.2158, 1e-3);
}

static void
test_resources (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  mc_core_ensure_resources ();
  bytes = g_resources_lookup_data ("/io/github/missiecanvas/Missiecanvas/model/cimo.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/types/enum-strings", test_enum_strings);
  g_test_add_func ("/mc/types/rect", test_rect);
  g_test_add_func ("/mc/types/span-keep-inside", test_span_keep_inside);
  g_test_add_func ("/mc/types/color", test_color);
  g_test_add_func ("/mc/types/resources", test_resources);

  return g_test_run ();
}
