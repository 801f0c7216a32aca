/* mc-figure-scale-levels.c — Figuur 10: nested scale levels
 *
 * Five rounded rectangles nested toward the bottom, mega outermost and nano
 * innermost, so that every level keeps a band across its top for its label
 * (left) and its notes (right). Micro, meso and macro are the model's focus:
 * solid outlines, stronger tints, semibold labels. Nano and mega are
 * secondary, as the seed's brackets say: dashed, light, "(nano)".
 * Each level's hit path is its ring (the inner level cut out), so the
 * innermost level under the pointer always wins.
 */
#include "config.h"

#include "mc-figure-kinds-private.h"
#include "mc-figure-shapes.h"
#include "mc-view-options.h"

#define N_LEVELS 5

/* Figure units of the 1000 × 1000 design. */
#define LEVELS_LEFT     16.0
#define LEVELS_RIGHT   984.0
#define LEVELS_BOTTOM  984.0
#define SIDE_STEP       40.0   /* each level is this much narrower per side */
#define BOTTOM_STEP     14.0
#define LABEL_COLUMN   220.0
#define PAD             20.0

/* Outermost first. The band is the height of the level's own strip above
 * the next level; the innermost level takes what is left. Shades darken
 * toward micro, and nano is light again, so every pair of neighbours differs
 * in lightness in colour and in print. */
static const struct
{
  const char *id;
  double      band;
  guint       shade;
  gboolean    focus;
} levels[N_LEVELS] = {
  { "mega",  150, 0, FALSE },
  { "macro", 168, 1, TRUE },
  { "meso",  168, 2, TRUE },
  { "micro", 168, 3, TRUE },
  { "nano",    0, 0, FALSE },
};

static void
level_rect (guint   index,
            McRect *out)
{
  double top = MC_FIGURE_TITLE_BAND;

  for (guint i = 0; i < index; i++)
    top += levels[i].band;

  out->x = LEVELS_LEFT + index * SIDE_STEP;
  out->y = top;
  out->width = LEVELS_RIGHT - LEVELS_LEFT - 2 * index * SIDE_STEP;
  out->height = LEVELS_BOTTOM - index * BOTTOM_STEP - top;
}

static double
level_radius (McFigureBuild *build,
              guint          index)
{
  /* Concentric-looking corners: outer levels round a little more. */
  return mc_figure_shapes_len (build, build->theme->corner_radius + (N_LEVELS - 1 - index) * 6);
}

/* The label as the seed prints it: the focus levels plain, the secondary
 * ones lower case in brackets, "(nano)" and "(mega)". */
static char *
level_label (McFigureBuild *build,
             guint          index)
{
  const McRegionInfo *region = mc_figure_build_get_region (build, levels[index].id);
  const char *text = region != NULL ? mc_region_info_get_label (region, build->language) : NULL;
  g_autofree char *lower = NULL;

  if (text == NULL || levels[index].focus || g_str_has_prefix (text, "("))
    return g_strdup (text);
  lower = g_utf8_strdown (text, -1);
  return g_strdup_printf ("(%s)", lower);
}

static void
build_level (McFigureBuild *build,
             guint          index)
{
  const McTheme *theme = build->theme;
  const char *id = levels[index].id;
  gboolean focus = levels[index].focus;
  g_autoptr(McPath) shape = mc_path_new ();
  g_autoptr(McPath) hit = mc_path_new ();
  g_autofree char *label = level_label (build, index);
  McRect outer, band, text_box, notes;
  double band_height;
  double pad = PAD;
  /* Notes sit beside the texts, not under them. */
  const McShapesRegionText text = {
    .label_text = label,
    .label_weight = focus ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL,
    .label_color = focus ? &theme->ink : &theme->muted_ink,
    .label_share = 0.5,
    .definition_size = theme->small_size,
    .spacing = 4,
  };

  level_rect (index, &band);
  mc_figure_shapes_rect (build, band.x, band.y, band.width, band.height, &outer);
  mc_figure_shapes_append_rounded_rect (shape, &outer, level_radius (build, index), FALSE);
  mc_path_append (hit, shape);
  if (index + 1 < N_LEVELS)
    {
      McRect inner_fu, inner;

      level_rect (index + 1, &inner_fu);
      mc_figure_shapes_rect (build, inner_fu.x, inner_fu.y, inner_fu.width,
                             inner_fu.height, &inner);
      mc_figure_shapes_append_rounded_rect (hit, &inner, level_radius (build, index + 1), TRUE);
      band_height = levels[index].band;
    }
  else
    band_height = band.height;

  mc_figure_shapes_begin_region (build, id, shape, hit, levels[index].shade,
                                 focus ? 1.0 : 1.3 * theme->thin_line_width / theme->line_width,
                                 focus ? MC_LINE_SOLID : MC_LINE_DASHED);

  /* Label column on the left of the band, notes to its right. */
  mc_figure_shapes_rect (build, band.x + pad, band.y + pad * 0.8,
                         LABEL_COLUMN - pad, band_height - pad * 1.6, &text_box);
  mc_figure_shapes_add_region_text (build, id, &text, &text_box);

  mc_figure_shapes_rect (build, band.x + LABEL_COLUMN + pad * 0.5, band.y + pad * 0.8,
                         band.width - LABEL_COLUMN - pad * 1.5, band_height - pad * 1.6,
                         &notes);
  mc_figure_build_set_note_area (build, id, &notes);
  mc_figure_build_end_region (build);
}

static void
build_scale_levels (McFigureBuild *build)
{
  mc_figure_shapes_add_title (build);
  /* Outermost first: inner levels paint over the outer ones. */
  for (guint i = 0; i < N_LEVELS; i++)
    build_level (build, i);
}

const McFigureKindClass mc_figure_kind_scale_levels = {
  .id = "scale-levels",
  .natural_width = 1000,
  .natural_height = 1000,
  .build = build_scale_levels,
};
