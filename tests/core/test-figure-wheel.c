/* test-figure-wheel.c — the design-perspective figure is a true wheel (#12)
 *
 * From the scene, for both languages, the screen and print themes, at a
 * small and a large width and in the strict view of an export: the five sectors are
 * equal (the same area and the same angle), their outer edge is one full
 * circle that nothing clips (every point of the rim belongs to a sector,
 * nothing beyond it does), and every sector's label lies inside the figure
 * and inside its own sector.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-catalog.h"
#include "mc-figure-kind.h"
#include "mc-figure-kinds-private.h"
#include "mc-layout.h"
#include "mc-test-util.h"
#include "mc-theme.h"

#define N_SECTORS 5

static const double widths[] = { 400, 2500 };

typedef struct
{
  McPath *paths[N_SECTORS];
  char   *labels[N_SECTORS];
  McRect  label_rects[N_SECTORS];
  McRect  figure;
} Wheel;

static void
wheel_clear (Wheel *wheel)
{
  for (guint i = 0; i < N_SECTORS; i++)
    {
      g_clear_pointer (&wheel->paths[i], mc_path_unref);
      g_clear_pointer (&wheel->labels[i], g_free);
    }
}

static void
text_rect (const McSceneItem *item,
           McRect            *rect)
{
  PangoRectangle ink;

  pango_layout_get_extents (item->layout, &ink, NULL);
  rect->x = item->x + (double) ink.x / PANGO_SCALE;
  rect->y = item->y + (double) ink.y / PANGO_SCALE;
  rect->width = (double) ink.width / PANGO_SCALE;
  rect->height = (double) ink.height / PANGO_SCALE;
}

/* The five sectors' hit paths and, for each, the label text drawn in its
 * group whose text is the catalog's label. */
static void
find_wheel (McScene            *scene,
            const McFigureInfo *info,
            McLanguage          language,
            Wheel              *wheel)
{
  g_assert_cmpuint (mc_figure_info_get_n_regions (info), ==, N_SECTORS);

  for (guint r = 0; r < N_SECTORS; r++)
    {
      const McRegionInfo *region = mc_figure_info_get_region (info, r);
      g_autofree char *group_id = g_strdup_printf ("perspectives/%s",
                                                   mc_region_info_get_id (region));
      g_autofree char *label = mc_test_squash_text (mc_region_info_get_label (region, language));

      for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
        {
          const McSceneItem *item = mc_scene_get_item (scene, i);
          guint end;

          if (item->kind != MC_ITEM_GROUP_BEGIN || g_strcmp0 (item->id, group_id) != 0)
            continue;
          g_assert_nonnull (item->hit_path);
          wheel->paths[r] = mc_path_ref (item->hit_path);
          end = mc_scene_group_end (scene, i);
          for (guint j = i + 1; j < end; j++)
            {
              const McSceneItem *child = mc_scene_get_item (scene, j);
              g_autofree char *flat = NULL;

              if (child->kind != MC_ITEM_TEXT || child->role != MC_ROLE_LABEL)
                continue;
              flat = mc_test_squash_text (pango_layout_get_text (child->layout));
              if (g_strcmp0 (flat, label) == 0)
                {
                  wheel->labels[r] = g_steal_pointer (&flat);
                  text_rect (child, &wheel->label_rects[r]);
                  break;
                }
            }
          break;
        }
      g_assert_nonnull (wheel->paths[r]);
    }
}

static gboolean
in_any_sector (const Wheel *wheel,
               double       x,
               double       y)
{
  for (guint i = 0; i < N_SECTORS; i++)
    if (mc_path_contains_point (wheel->paths[i], x, y, FALSE))
      return TRUE;
  return FALSE;
}

static void
check_wheel (const char   *where,
             const Wheel  *wheel,
             McLanguage    language)
{
  McRect all = { 0, };
  double cx, cy, radius, cell;
  double areas[N_SECTORS] = { 0, };
  guint n_rim = 720;

  /* The union of the sectors' bounds is the wheel's bounding square. */
  for (guint i = 0; i < N_SECTORS; i++)
    {
      McRect b;

      mc_path_get_bounds (wheel->paths[i], &b);
      if (i == 0)
        all = b;
      else
        {
          double x1 = MAX (all.x + all.width, b.x + b.width);
          double y1 = MAX (all.y + all.height, b.y + b.height);

          all.x = MIN (all.x, b.x);
          all.y = MIN (all.y, b.y);
          all.width = x1 - all.x;
          all.height = y1 - all.y;
        }
    }
  /* The bounds above hold the curves' control points; the shape itself
   * is found on a grid, which also counts each sector's area. */
  {
    double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE, y_min = G_MAXDOUBLE, y_max = -G_MAXDOUBLE;

    cell = all.width / 300;
    for (double y = all.y; y < all.y + all.height; y += cell)
      for (double x = all.x; x < all.x + all.width; x += cell)
        for (guint i = 0; i < N_SECTORS; i++)
          if (mc_path_contains_point (wheel->paths[i], x, y, FALSE))
            {
              areas[i] += cell * cell;
              x_min = MIN (x_min, x);
              x_max = MAX (x_max, x);
              y_min = MIN (y_min, y);
              y_max = MAX (y_max, y);
            }
    /* A full circle is as tall as it is wide; one clipped flat by its
     * frame is not, or (clipped on all four sides) leaves the corners
     * that the rim test below finds. */
    if (fabs ((x_max - x_min) - (y_max - y_min)) > 3 * cell)
      g_error ("%s: the wheel is %.0f wide and %.0f tall", where, x_max - x_min, y_max - y_min);
    cx = (x_min + x_max) / 2;
    cy = (y_min + y_max) / 2;
    radius = (x_max - x_min + cell) / 2;
  }

  /* The rim: just inside it every angle belongs to a sector, just outside
   * none does. */
  for (guint k = 0; k < n_rim; k++)
    {
      double a = 2 * G_PI * k / n_rim;
      double inside = radius * 0.985, outside = radius * 1.015;

      if (!in_any_sector (wheel, cx + inside * cos (a), cy + inside * sin (a)))
        g_error ("%s: the rim is clipped at %.1f°", where, a * 180 / G_PI);
      if (in_any_sector (wheel, cx + outside * cos (a), cy + outside * sin (a)))
        g_error ("%s: a sector reaches beyond the circle at %.1f°", where, a * 180 / G_PI);
    }

  /* Five equal sectors: the same area … */
  for (guint i = 1; i < N_SECTORS; i++)
    if (fabs (areas[i] - areas[0]) > areas[0] * 0.01)
      g_error ("%s: sector %u has area %.0f, sector 0 %.0f", where, i, areas[i], areas[0]);

  /* … and the same angle: along a circle halfway out each sector covers
   * a fifth of the turn. */
  for (guint i = 0; i < N_SECTORS; i++)
    {
      guint n = 0;

      for (guint k = 0; k < n_rim; k++)
        {
          double a = 2 * G_PI * (k + 0.5) / n_rim;
          double r = radius * 0.7;

          if (mc_path_contains_point (wheel->paths[i], cx + r * cos (a), cy + r * sin (a), FALSE))
            n++;
        }
      if (abs ((int) n - (int) (n_rim / N_SECTORS)) > 2)
        g_error ("%s: sector %u spans %u of %u steps", where, i, n, n_rim);
    }

  /* Every label inside the figure and inside its own sector. */
  for (guint i = 0; i < N_SECTORS; i++)
    {
      const McRect *l = &wheel->label_rects[i];

      if (wheel->labels[i] == NULL)
        g_error ("%s: sector %u has no label on the figure", where, i);
      if (l->x < wheel->figure.x - 0.5 || l->y < wheel->figure.y - 0.5 ||
          l->x + l->width > wheel->figure.x + wheel->figure.width + 0.5 ||
          l->y + l->height > wheel->figure.y + wheel->figure.height + 0.5)
        g_error ("%s: label “%s” leaves the figure", where, wheel->labels[i]);
      for (guint c = 0; c < 4; c++)
        {
          double x = l->x + (c & 1 ? l->width : 0);
          double y = l->y + (c & 2 ? l->height : 0);

          if (!mc_path_contains_point (wheel->paths[i], x, y, FALSE))
            g_error ("%s: label “%s” leaves its sector at (%.0f, %.0f)", where,
                     wheel->labels[i], x, y);
        }
    }
  (void) language;
}

static void
test_wheel (void)
{
  McCatalog *catalog = mc_catalog_get_default ();
  const McFigureInfo *info = mc_catalog_get_figure (catalog, "perspectives");
  const McFigureKindClass *klass = mc_figure_kind_lookup ("perspectives");
  g_autoptr(McLayout) layout = mc_layout_new (catalog);
  static const McThemeKind themes[] = { MC_THEME_COLOR, MC_THEME_PRINT };

  g_assert_nonnull (info);
  g_assert_nonnull (klass);

  for (guint l = 0; l < 2; l++)
    for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        for (guint s = 0; s < 2; s++)
          {
            McLanguage language = l == 0 ? MC_LANGUAGE_NL : MC_LANGUAGE_EN;
            g_autoptr(McScene) scene = NULL;
            g_autofree char *where = NULL;
            McViewOptions options;
            Wheel wheel = { 0, };

            mc_view_options_init (&options, language);
            options.theme = themes[t];
            options.questions = MC_QUESTIONS_INLINE;
            options.definitions = TRUE;
            options.strict = s == 1;
            scene = mc_layout_build_kind (layout, "perspectives", widths[w], &options);
            where = g_strdup_printf ("%s theme %u, %.0f px%s", l == 0 ? "nl" : "en",
                                     (guint) themes[t], widths[w], s ? ", strict" : "");
            wheel.figure = (McRect) { 0, 0, widths[w],
                                      widths[w] * klass->natural_height / klass->natural_width };
            find_wheel (scene, info, language, &wheel);
            check_wheel (where, &wheel, language);
            wheel_clear (&wheel);
          }
}

/* The note rectangles the wheel uses are written down in the kind; they
 * must be what its search finds for the design's constants. */
static void
test_content_rects (void)
{
  McRect used[5], searched[5];

  _mc_figure_perspectives_get_content_rects (used);
  _mc_figure_perspectives_search_content_rects (searched);
  for (guint i = 0; i < G_N_ELEMENTS (used); i++)
    {
      if (memcmp (&used[i], &searched[i], sizeof used[i]) != 0)
        g_error ("sector %u: the table says { %g, %g, %g, %g }, the search finds { %g, %g, %g, %g }",
                 i, used[i].x, used[i].y, used[i].width, used[i].height,
                 searched[i].x, searched[i].y, searched[i].width, searched[i].height);
      g_assert_cmpfloat (used[i].width, >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();

  g_test_add_func ("/mc/figure-wheel/true-wheel", test_wheel);
  g_test_add_func ("/mc/figure-wheel/content-rects", test_content_rects);

  return g_test_run ();
}
