/* test-figures.c — every registered figure kind, generically
 *
 * For every kind × theme × language at widths from 400 to 4000 px: every
 * catalog region has a region group with a hit path; its label sits inside
 * it; its note area hits it; regions do not overlap (nested designs: the
 * innermost wins); no text leaves its figure or its region or is smaller
 * than the floor; labels are never cut. The print theme must survive
 * grayscale: neighbouring regions differ in lightness and text keeps its
 * contrast.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-catalog.h"
#include "mc-figure-kind.h"
#include "mc-figure-shapes.h"
#include "mc-layout.h"
#include "mc-layout.h"
#include "mc-test-util.h"
#include "mc-theme.h"

static const double widths[] = { 400, 700, 1000, 1600, 2500, 4000 };

/* Kinds whose regions nest by design: rings inside rings. */
static gboolean
is_nested (const char *kind)
{
  return strcmp (kind, "scale-levels") == 0 || strcmp (kind, "potential-value") == 0;
}

/* Reports a failure without stopping, so one run lists the problems of a
 * kind; gives up after a few to keep the log readable. */
typedef struct
{
  const char *kind;
  guint       n_failures;
} Checker;

#define CHECK(checker, cond, ...) \
  G_STMT_START { \
    if (!(cond) && (checker)->n_failures++ < 12) \
      { \
        g_autofree char *msg_ = g_strdup_printf (__VA_ARGS__); \
        g_test_message ("%s: %s", (checker)->kind, msg_); \
        g_test_fail_printf ("%s: %s", (checker)->kind, msg_); \
      } \
  } G_STMT_END

static McScene *
build (McLayout     *layout,
       const char   *kind,
       McThemeKind   theme,
       McLanguage    lang,
       double        width,
       McViewOptions *options)
{
  mc_view_options_init (options, lang);
  options->theme = theme;
  options->questions = MC_QUESTIONS_INLINE;
  options->definitions = TRUE;
  return mc_layout_build_kind (layout, kind, width, options);
}

static void
text_rect (const McSceneItem *item,
           McRect            *rect)
{
  PangoRectangle logical;

  pango_layout_get_extents (item->layout, NULL, &logical);
  rect->x = item->x + (double) logical.x / PANGO_SCALE;
  rect->y = item->y + (double) logical.y / PANGO_SCALE;
  rect->width = (double) logical.width / PANGO_SCALE;
  rect->height = (double) logical.height / PANGO_SCALE;
}

static gboolean
rect_inside (const McRect *outer,
             const McRect *inner,
             double        slack)
{
  return inner->x >= outer->x - slack && inner->y >= outer->y - slack &&
         inner->x + inner->width <= outer->x + outer->width + slack &&
         inner->y + inner->height <= outer->y + outer->height + slack;
}

/* The region group (innermost) that contains item index, or -1. */
static int
enclosing_region (McScene *scene,
                  guint    index)
{
  int found = -1;

  for (guint i = 0; i < index; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_GROUP_BEGIN && item->role == MC_ROLE_REGION &&
          mc_scene_group_end (scene, i) > index)
        found = (int) i;
    }

  return found;
}

static double
frame_height (const char *kind,
              double      width)
{
  const McFigureKindClass *klass = mc_figure_kind_lookup (kind);

  return width * klass->natural_height / klass->natural_width;
}

static void
check_regions (Checker       *c,
               McLayout      *layout,
               McScene       *scene,
               const char    *kind,
               double         width,
               McLanguage     lang,
               gboolean       sample_overlap)
{
  const McFigureInfo *info = mc_catalog_get_figure (mc_catalog_get_default (), kind);
  guint n_regions;
  McRect frame = { 0, 0, width, frame_height (kind, width) };
  const guint grid = 36;

  CHECK (c, info != NULL, "no catalog entry");
  if (info == NULL)
    return;

  n_regions = mc_figure_info_get_n_regions (info);
  CHECK (c, n_regions > 0, "no regions in the catalog");

  for (guint r = 0; r < n_regions; r++)
    {
      const McRegionInfo *region = mc_figure_info_get_region (info, r);
      const char *region_id = mc_region_info_get_id (region);
      const char *label = mc_region_info_get_label (region, lang);
      g_autofree char *group_id = g_strdup_printf ("%s/%s", kind, region_id);
      int index = mc_scene_find_group (scene, group_id);
      const McSceneItem *group;
      const McSceneItem *label_item = NULL;
      const McSceneItem *hit;
      McRect area;
      guint end;

      CHECK (c, index >= 0, "no region group %s at %.0f px", group_id, width);
      if (index < 0)
        continue;

      group = mc_scene_get_item (scene, index);
      CHECK (c, group->role == MC_ROLE_REGION, "%s: role is not REGION", group_id);
      CHECK (c, group->hit_path != NULL && !mc_path_is_empty (group->hit_path),
             "%s has no hit path", group_id);
      if (group->hit_path == NULL || mc_path_is_empty (group->hit_path))
        continue;

      /* The label: a LABEL text in the group, or anywhere with its text. */
      end = mc_scene_group_end (scene, index);
      for (guint i = index + 1; i < end && label_item == NULL; i++)
        {
          const McSceneItem *item = mc_scene_get_item (scene, i);

          if (item->kind == MC_ITEM_TEXT && item->role == MC_ROLE_LABEL)
            label_item = item;
        }
      for (guint i = 0; i < mc_scene_get_n_items (scene) && label_item == NULL; i++)
        {
          const McSceneItem *item = mc_scene_get_item (scene, i);

          if (item->kind == MC_ITEM_TEXT && item->role == MC_ROLE_LABEL && label != NULL &&
              g_str_equal (pango_layout_get_text (item->layout), label))
            label_item = item;
        }
      CHECK (c, label_item != NULL, "%s: no label text at %.0f px", group_id, width);
      if (label_item != NULL)
        {
          McRect rect;
          double cx, cy;

          text_rect (label_item, &rect);
          cx = rect.x + rect.width / 2;
          cy = rect.y + rect.height / 2;
          CHECK (c, mc_path_contains_point (group->hit_path, cx, cy, TRUE),
                 "%s: label centre (%.1f, %.1f) outside its region at %.0f px",
                 group_id, cx, cy, width);

          /* Nested rings: the label sits on its own ring, where the
           * innermost-wins hit test finds that ring and no other. */
          if (is_nested (kind))
            {
              hit = mc_scene_hit_test (scene, cx, cy, 1u << MC_ROLE_REGION);
              CHECK (c, hit != NULL && g_strcmp0 (hit->id, group_id) == 0,
                     "%s: label centre (%.1f, %.1f) hits %s at %.0f px", group_id, cx, cy,
                     hit != NULL ? hit->id : "nothing", width);
            }
        }

      CHECK (c, mc_layout_get_note_area (layout, kind, region_id, &area),
             "%s: no note area", group_id);
      if (area.width > 0 && area.height > 0)
        {
          double cx = area.x + area.width / 2;
          double cy = area.y + area.height / 2;

          hit = mc_scene_hit_test (scene, cx, cy, 1u << MC_ROLE_REGION);
          CHECK (c, hit != NULL && g_strcmp0 (hit->id, group_id) == 0,
                 "%s: note area centre (%.1f, %.1f) hits %s at %.0f px", group_id, cx, cy,
                 hit != NULL ? hit->id : "nothing", width);
          CHECK (c, rect_inside (&frame, &area, 0.5),
                 "%s: note area outside the frame at %.0f px", group_id, width);
        }
    }

  if (!sample_overlap || is_nested (kind))
    return;

  /* At most one region under any point. */
  for (guint gx = 0; gx < grid; gx++)
    for (guint gy = 0; gy < grid; gy++)
      {
        double x = frame.x + (gx + 0.5) * frame.width / grid;
        double y = frame.y + (gy + 0.5) * frame.height / grid;
        g_autoptr(GString) hits = g_string_new (NULL);
        guint n_hits = 0;

        for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
          {
            const McSceneItem *item = mc_scene_get_item (scene, i);

            if (item->kind == MC_ITEM_GROUP_BEGIN && item->role == MC_ROLE_REGION &&
                item->hit_path != NULL && mc_path_contains_point (item->hit_path, x, y, TRUE))
              {
                n_hits++;
                g_string_append_printf (hits, " %s", item->id);
              }
          }
        CHECK (c, n_hits <= 1, "regions overlap at (%.1f, %.1f), %.0f px:%s", x, y, width,
               hits->str);
      }
}

static void
check_texts (Checker       *c,
             McScene       *scene,
             const char    *kind,
             double         width,
             const McTheme *theme,
             McThemeKind    theme_kind)
{
  McRect frame = { 0, 0, width, frame_height (kind, width) };

  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      const PangoFontDescription *desc;
      const char *text;
      double size;
      McRect rect;
      int region;

      if (item->kind != MC_ITEM_TEXT)
        continue;

      text = pango_layout_get_text (item->layout);
      text_rect (item, &rect);
      CHECK (c, rect_inside (&frame, &rect, 0.5),
             "%s: text “%.40s” leaves the frame at %.0f px (%.1f,%.1f %.1f×%.1f)",
             mc_theme_kind_to_string (theme_kind), text, width,
             rect.x, rect.y, rect.width, rect.height);

      region = enclosing_region (scene, i);
      if (region >= 0)
        {
          const McSceneItem *group = mc_scene_get_item (scene, region);
          McRect shape;

          if (group->hit_path != NULL)
            {
              mc_path_get_bounds (group->hit_path, &shape);
              CHECK (c, rect_inside (&shape, &rect, 1.0),
                     "%s: text “%.40s” overflows region %s at %.0f px",
                     mc_theme_kind_to_string (theme_kind), text, group->id, width);
            }
        }

      desc = pango_layout_get_font_description (item->layout);
      size = desc != NULL ? (double) pango_font_description_get_size (desc) / PANGO_SCALE : 0;
      CHECK (c, size >= theme->min_font_size - 0.01,
             "%s: text “%.40s” is %.2f px, below the floor %.1f at %.0f px",
             mc_theme_kind_to_string (theme_kind), text, size, theme->min_font_size, width);

      if (item->role == MC_ROLE_LABEL)
        CHECK (c, !pango_layout_is_ellipsized (item->layout),
               "%s: label “%.40s” is cut at %.0f px", mc_theme_kind_to_string (theme_kind),
               text, width);
    }
}

/* Scenes built for the region checks, kept for the text checks of the same
 * kind so each is laid out once (the sanitizer build is slow). */
static GHashTable *scene_cache;

static char *
cache_key (const char  *kind,
           McThemeKind  theme,
           McLanguage   lang,
           double       width)
{
  return g_strdup_printf ("%s|%d|%d|%.0f", kind, theme, lang, width);
}

static void
test_geometry (gconstpointer data)
{
  const char *kind = data;
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  Checker checker = { kind, 0 };

  for (McThemeKind theme = 0; theme < MC_N_THEMES; theme++)
    for (McLanguage lang = 0; lang < MC_N_LANGUAGES; lang++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          McViewOptions options;
          g_autoptr(McScene) scene = build (layout, kind, theme, lang, widths[w], &options);

          /* Geometry hardly depends on theme and language: sample the
           * overlap grid once per width. */
          check_regions (&checker, layout, scene, kind, widths[w], lang,
                         theme == MC_THEME_COLOR && lang == MC_LANGUAGE_NL);
          g_hash_table_insert (scene_cache, cache_key (kind, theme, lang, widths[w]),
                               mc_scene_ref (scene));
        }
}

static void
test_text_fit (gconstpointer data)
{
  const char *kind = data;
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  Checker checker = { kind, 0 };

  for (McThemeKind theme = 0; theme < MC_N_THEMES; theme++)
    for (McLanguage lang = 0; lang < MC_N_LANGUAGES; lang++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          McViewOptions options;
          g_autofree char *key = cache_key (kind, theme, lang, widths[w]);
          g_autofree char *stored_key = NULL;
          g_autoptr(McScene) scene = NULL;

          if (!g_hash_table_steal_extended (scene_cache, key, (gpointer *) &stored_key,
                                            (gpointer *) &scene))
            scene = build (layout, kind, theme, lang, widths[w], &options);

          check_texts (&checker, scene, kind, widths[w], mc_theme_get (theme), theme);
        }
}

static double
lightness (const McColor *color)
{
  double y = mc_color_luminance (color);

  /* CIE L* from relative luminance. */
  return y > 216.0 / 24389.0 ? 116 * cbrt (y) - 16 : y * 24389.0 / 27.0;
}

static double
contrast (const McColor *a,
          const McColor *b)
{
  double la = mc_color_luminance (a) + 0.05;
  double lb = mc_color_luminance (b) + 0.05;

  return MAX (la, lb) / MIN (la, lb);
}

/* The region's own fill: the first filled path of its group. */
static gboolean
region_fill (McScene *scene,
             int      index,
             McColor *fill)
{
  guint end = mc_scene_group_end (scene, index);

  for (guint i = index + 1; i < end; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_PATH && item->has_fill && item->fill.alpha > 0.5)
        {
          *fill = item->fill;
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_print_grayscale (gconstpointer data)
{
  const char *kind = data;
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  Checker checker = { kind, 0 };
  const double width = 1000;
  const guint grid = 48;
  McViewOptions options;
  g_autoptr(McScene) scene = build (layout, kind, MC_THEME_PRINT, MC_LANGUAGE_NL, width, &options);
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double height = frame_height (kind, width);
  double step = width / grid;
  guint n_pairs = 0;

  /* Neighbours: points a little apart that hit different regions. */
  for (guint gx = 0; gx < grid; gx++)
    for (guint gy = 0; gy < grid; gy++)
      {
        double x = (gx + 0.5) * step;
        double y = (gy + 0.5) * height / grid;
        const McSceneItem *a = mc_scene_hit_test (scene, x, y, 1u << MC_ROLE_REGION);
        const double offsets[2][2] = { { step, 0 }, { 0, height / grid } };

        if (a == NULL)
          continue;

        for (guint o = 0; o < 2; o++)
          {
            const McSceneItem *b = NULL;
            g_autofree char *key = NULL;
            McColor fa, fb;
            double la, lb;

            /* Across a gutter of up to three steps (≈ 6 % of the width):
             * boxes side by side with a little paper between still
             * neighbour each other on the page. */
            for (guint k = 1; k <= 3 && b == NULL; k++)
              {
                const McSceneItem *probe = mc_scene_hit_test (scene, x + k * offsets[o][0],
                                                              y + k * offsets[o][1],
                                                              1u << MC_ROLE_REGION);

                if (probe == a)
                  break;
                b = probe;
              }

            if (b == NULL || g_strcmp0 (a->id, b->id) == 0)
              continue;
            key = g_strcmp0 (a->id, b->id) < 0 ? g_strdup_printf ("%s|%s", a->id, b->id)
                                                : g_strdup_printf ("%s|%s", b->id, a->id);
            if (g_hash_table_contains (checked, key))
              continue;
            g_hash_table_add (checked, g_steal_pointer (&key));
            n_pairs++;

            CHECK (&checker, region_fill (scene, mc_scene_find_group (scene, a->id), &fa) &&
                             region_fill (scene, mc_scene_find_group (scene, b->id), &fb),
                   "print: %s or %s has no fill", a->id, b->id);
            if (!region_fill (scene, mc_scene_find_group (scene, a->id), &fa) ||
                !region_fill (scene, mc_scene_find_group (scene, b->id), &fb))
              continue;
            la = lightness (&fa);
            lb = lightness (&fb);
            CHECK (&checker, fabs (la - lb) >= 11.5,
                   "print: neighbours %s (L* %.1f) and %s (L* %.1f) differ by less than 12 L*",
                   a->id, la, b->id, lb);
          }
      }

  /* Text on a region's fill keeps 4.5:1 in print. */
  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      int region;
      McColor fill;

      if (item->kind != MC_ITEM_TEXT)
        continue;
      region = enclosing_region (scene, i);
      if (region < 0 || !region_fill (scene, region, &fill))
        continue;
      CHECK (&checker, contrast (&item->color, &fill) >= 4.5,
             "print: text “%.30s” has contrast %.2f:1 on %s",
             pango_layout_get_text (item->layout), contrast (&item->color, &fill),
             mc_scene_get_item (scene, region)->id);
    }

  g_test_message ("%s: %u neighbouring pairs checked", kind, n_pairs);
}

/* A label measured again at the same style and width is not shaped
 * again (the figures ask for the same heights many times per layout),
 * and the height remembered is the one a fresh layout has. */
static void
test_measure_remembered (void)
{
  const char *text = "Mechanismen die de uitkomsten verklaren, nog eens gemeten";
  McTextStyle style = { NULL, 18, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };
  g_autoptr(PangoLayout) fresh = mc_text_layout_new (text, &style, 120);
  guint before = mc_text_get_n_layouts ();
  double height, narrow, expected;

  mc_text_layout_get_size (fresh, NULL, &expected);
  height = mc_figure_shapes_measure_text (text, &style, 120);
  g_assert_cmpfloat (height, ==, expected);
  g_assert_cmpuint (mc_text_get_n_layouts () - before, ==, 1);
  g_assert_cmpfloat (mc_figure_shapes_measure_text (text, &style, 120), ==, height);
  g_assert_cmpuint (mc_text_get_n_layouts () - before, ==, 1);

  /* Another width or weight is another measure. */
  narrow = mc_figure_shapes_measure_text (text, &style, 60);
  g_assert_cmpfloat (narrow, >, height);
  style.weight = PANGO_WEIGHT_NORMAL;
  mc_figure_shapes_measure_text (text, &style, 120);
  g_assert_cmpuint (mc_text_get_n_layouts () - before, ==, 3);
}

/* A pass that only measures (value-creation trying its type sizes)
 * draws no text but uses the same heights, and defers the same texts, as
 * the pass that draws. */
static void
test_measuring_pass (void)
{
  const McFigureKindClass *kind = mc_figure_kind_lookup ("value-creation");
  const McFigureInfo *info = mc_catalog_get_figure (mc_catalog_get_default (), "value-creation");
  const double scales[] = { 1.0, 0.12 };
  McViewOptions options;

  g_assert_nonnull (kind);
  mc_view_options_init (&options, MC_LANGUAGE_NL);
  options.strict = TRUE;
  options.definitions = TRUE;
  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      double height[2];
      guint n_texts[2] = { 0, 0 };
      guint n_deferred[2];

      for (guint pass = 0; pass < 2; pass++)
        {
          g_autoptr(McScene) scene = mc_scene_new ();
          McFigureBuild b = { 0, };

          b.scene = scene;
          b.info = info;
          b.theme = mc_theme_get (options.theme);
          b.options = &options;
          b.language = MC_LANGUAGE_NL;
          b.placement_id = "value-creation";
          b.frame = (McRect) { 0, 0, kind->natural_width * scales[s], kind->natural_height * scales[s] };
          b.unit = scales[s];
          b.font_scale = 1;
          b.min_font_size = 7;
          b.for_frame = TRUE;
          b.measuring = pass == 1;
          kind->build (&b);

          height[pass] = b.height_used;
          for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
            n_texts[pass] += mc_scene_get_item (scene, i)->kind == MC_ITEM_TEXT;
          n_deferred[pass] = b.deferred != NULL ? b.deferred->len : 0;
          g_clear_pointer (&b.deferred, g_ptr_array_unref);
          g_clear_pointer (&b.note_areas, g_hash_table_unref);
        }
      g_test_message ("scale %.2f: %u texts drawn, %u deferred, height %.1f",
                      scales[s], n_texts[0], n_deferred[0], height[0]);
      g_assert_cmpuint (n_texts[0], >, 0);
      g_assert_cmpuint (n_texts[1], ==, 0);
      g_assert_cmpfloat (height[1], ==, height[0]);
      g_assert_cmpuint (n_deferred[1], ==, n_deferred[0]);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char * const *kinds;
  int status;

  mc_test_init_keep_going (&argc, &argv);
  mc_core_ensure_resources ();
  scene_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) mc_scene_unref);

  kinds = mc_figure_kind_list ();
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autofree char *geometry = g_strdup_printf ("/mc/figures/%s/regions", kinds[i]);
      g_autofree char *text = g_strdup_printf ("/mc/figures/%s/text-fit", kinds[i]);
      g_autofree char *print = g_strdup_printf ("/mc/figures/%s/print-grayscale", kinds[i]);

      g_test_add_data_func (geometry, kinds[i], test_geometry);
      g_test_add_data_func (text, kinds[i], test_text_fit);
      g_test_add_data_func (print, kinds[i], test_print_grayscale);
    }

  g_test_add_func ("/mc/figures/measure-remembered", test_measure_remembered);
  g_test_add_func ("/mc/figures/measuring-pass", test_measuring_pass);

  status = g_test_run ();
  g_hash_table_unref (scene_cache);
  return status;
}
