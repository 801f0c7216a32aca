/* test-contrast.c — every note colour reads in every theme (issue 16)
 *
 * Note text is drawn in the theme's ink on the note's fill; WCAG 2's
 * minimum for body text is a contrast ratio of 4.5:1, (L1 + 0.05) /
 * (L2 + 0.05) with the relative luminances of the lighter and the darker
 * colour. Note text is held to WCAG's enhanced rule, 7:1, in every theme,
 * and so are region labels on screen and on the projector (the
 * high-contrast theme; 4.5:1 on the darkest print gray). The themes'
 * muted ink (questions) on the paper is held to 4.5:1.
 *
 * The desktop's high-contrast variants (every bullet of issue 16's "the
 * high-contrast style keeps every figure readable") are held to 7:1 for
 * all text, including questions; their lines (region outlines, rules,
 * note edges, selection) to 4.5:1 against the paper and every fill, so no
 * thin light line remains, and no line is thinner than the region outline.
 */
#include "config.h"

#include "mc-note.h"
#include "mc-theme.h"

#define MIN_CONTRAST 4.5
#define MIN_CONTRAST_ENHANCED 7.0

static const char * const roles[] = {
  "context", "intervention", "mechanisms", "outcomes",
  "value", "coherence", "scale", "neutral", "no such role",
};

#define N_SHADES 8

static double
contrast (const McColor *a,
          const McColor *b)
{
  double la = mc_color_luminance (a);
  double lb = mc_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The formula itself, on the pairs WCAG's own examples give. */
static void
test_formula (void)
{
  McColor black, white, gray;

  g_assert_true (mc_color_parse (&black, "#000000"));
  g_assert_true (mc_color_parse (&white, "#ffffff"));
  g_assert_true (mc_color_parse (&gray, "#767676"));
  g_assert_cmpfloat_with_epsilon (contrast (&black, &white), 21.0, 0.01);
  g_assert_cmpfloat_with_epsilon (contrast (&white, &white), 1.0, 0.001);
  /* #767676 is the lightest gray that passes 4.5:1 on white. */
  g_assert_cmpfloat (contrast (&gray, &white), >=, MIN_CONTRAST);
}

static void
test_note_colors (void)
{
  for (int kind = 0; kind < MC_N_THEMES; kind++)
    {
      const McTheme *theme = mc_theme_get (kind);
      double lowest = G_MAXDOUBLE;

      for (guint i = 0; mc_note_colors[i] != NULL; i++)
        {
          McColor fill;
          double ratio;

          mc_theme_get_note_fill (theme, mc_note_colors[i], &fill);
          ratio = contrast (&theme->ink, &fill);
          lowest = MIN (lowest, ratio);
          if (ratio < MIN_CONTRAST_ENHANCED)
            g_test_fail_printf ("%s note in the %s theme: %.2f:1 < %.1f:1",
                                mc_note_colors[i], mc_theme_kind_to_string (kind),
                                ratio, MIN_CONTRAST_ENHANCED);
        }
      g_test_message ("%s theme: note text at %.2f:1 at the least",
                      mc_theme_kind_to_string (kind), lowest);
    }
}

static void
test_muted_ink (void)
{
  for (int kind = 0; kind < MC_N_THEMES; kind++)
    {
      const McTheme *theme = mc_theme_get (kind);
      double min = theme->high_contrast ? MIN_CONTRAST_ENHANCED : MIN_CONTRAST;
      double ratio = contrast (&theme->muted_ink, &theme->paper);

      if (ratio < min)
        g_test_fail_printf ("muted ink in the %s theme: %.2f:1 < %.1f:1",
                            mc_theme_kind_to_string (kind), ratio, min);
    }
}

/* A line of colour line against the paper and every region fill. */
static void
check_line (const McTheme *theme,
            McThemeKind    kind,
            const char    *what,
            const McColor *line,
            double        *lowest)
{
  double ratio = contrast (line, &theme->paper);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    for (guint shade = 0; shade < N_SHADES; shade++)
      {
        McColor fill;

        mc_theme_get_role_fill (theme, roles[i], shade, &fill);
        ratio = MIN (ratio, contrast (line, &fill));
      }
  *lowest = MIN (*lowest, ratio);
  if (ratio < MIN_CONTRAST)
    g_test_fail_printf ("%s in the %s theme: %.2f:1 < %.1f:1", what,
                        mc_theme_kind_to_string (kind), ratio, MIN_CONTRAST);
}

static void
test_high_contrast_lines (void)
{
  static const McThemeKind variants[] = { MC_THEME_HIGH_CONTRAST, MC_THEME_PROJECTOR_HIGH_CONTRAST };

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      const McTheme *theme = mc_theme_get (variants[v]);
      double lowest = G_MAXDOUBLE;

      g_assert_true (theme->high_contrast);
      g_assert_cmpfloat (theme->thin_line_width, >=, theme->line_width);
      check_line (theme, variants[v], "the rule", &theme->rule, &lowest);
      check_line (theme, variants[v], "the selection", &theme->selection, &lowest);
      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        {
          McColor stroke;

          mc_theme_get_role_stroke (theme, roles[i], &stroke);
          check_line (theme, variants[v], roles[i], &stroke, &lowest);
        }
      /* Note edges against the paper (the note lies on a fill or on the
       * paper; the fills are at least as light as the paper's 97 L*). */
      for (guint i = 0; mc_note_colors[i] != NULL; i++)
        {
          McColor fill, edge;
          double ratio;

          mc_theme_get_note_fill (theme, mc_note_colors[i], &fill);
          edge = (McColor) { fill.red * theme->note_edge_shade, fill.green * theme->note_edge_shade,
                             fill.blue * theme->note_edge_shade, 1 };
          ratio = contrast (&edge, &theme->paper);
          lowest = MIN (lowest, ratio);
          if (ratio < 3.0)
            g_test_fail_printf ("%s note edge in the %s theme: %.2f:1 < 3:1", mc_note_colors[i],
                                mc_theme_kind_to_string (variants[v]), ratio);
        }
      g_test_message ("%s theme: lines at %.2f:1 at the least",
                      mc_theme_kind_to_string (variants[v]), lowest);
    }
}

/* The high-contrast variants lay out as their base theme (same type and
 * outlines), and the app's choice maps both ways. */
static void
test_high_contrast_variants (void)
{
  static const struct { McThemeKind base, high; } pairs[] = {
    { MC_THEME_COLOR, MC_THEME_HIGH_CONTRAST },
    { MC_THEME_PROJECTOR, MC_THEME_PROJECTOR_HIGH_CONTRAST },
    { MC_THEME_PRINT, MC_THEME_PRINT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const McTheme *base = mc_theme_get (pairs[i].base);
      const McTheme *high = mc_theme_get (pairs[i].high);

      g_assert_cmpint (mc_theme_kind_for_contrast (pairs[i].base, TRUE), ==, pairs[i].high);
      g_assert_cmpint (mc_theme_kind_for_contrast (pairs[i].high, TRUE), ==, pairs[i].high);
      g_assert_cmpint (mc_theme_kind_for_contrast (pairs[i].high, FALSE), ==, pairs[i].base);
      g_assert_cmpint (mc_theme_kind_for_contrast (pairs[i].base, FALSE), ==, pairs[i].base);
      g_assert_cmpint (high->kind, ==, pairs[i].base);
      g_assert_cmpfloat (high->note_size, ==, base->note_size);
      g_assert_cmpfloat (high->label_size, ==, base->label_size);
      g_assert_cmpfloat (high->line_width, ==, base->line_width);
      g_assert_cmpstr (high->font_family, ==, base->font_family);
    }
  g_assert_false (mc_theme_get (MC_THEME_COLOR)->high_contrast);
}

/* Every role's label on every shade of its fill. */
static void
test_region_labels (void)
{
  for (int kind = 0; kind < MC_N_THEMES; kind++)
    {
      const McTheme *theme = mc_theme_get (kind);
      double min = kind == MC_THEME_PRINT ? MIN_CONTRAST : MIN_CONTRAST_ENHANCED;
      double lowest = G_MAXDOUBLE;

      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        for (guint shade = 0; shade < N_SHADES; shade++)
          {
            McColor fill, ink;
            double ratio;

            mc_theme_get_role_fill (theme, roles[i], shade, &fill);
            mc_theme_get_role_ink (theme, roles[i], &ink);
            ratio = contrast (&ink, &fill);
            lowest = MIN (lowest, ratio);
            if (ratio < min)
              g_test_fail_printf ("%s label on shade %u in the %s theme: %.2f:1 < %.1f:1",
                                  roles[i], shade, mc_theme_kind_to_string (kind),
                                  ratio, min);
          }
      g_test_message ("%s theme: region labels at %.2f:1 at the least",
                      mc_theme_kind_to_string (kind), lowest);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/contrast/formula", test_formula);
  g_test_add_func ("/mc/contrast/note-colors", test_note_colors);
  g_test_add_func ("/mc/contrast/muted-ink", test_muted_ink);
  g_test_add_func ("/mc/contrast/region-labels", test_region_labels);
  g_test_add_func ("/mc/contrast/high-contrast-lines", test_high_contrast_lines);
  g_test_add_func ("/mc/contrast/high-contrast-variants", test_high_contrast_variants);

  return g_test_run ();
}
