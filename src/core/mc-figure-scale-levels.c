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
#include "mc-layout.h"

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

static void
build_level (McFigureBuild *build,
             guint          index)
{
  const McTheme *theme = build->theme;
  const char *id = levels[index].id;
  const McRegionInfo *region = mc_figure_info_find_region (build->info, id);
  const char *role = region ? mc_region_info_get_role (region) : "scale";
  g_autoptr(McPath) shape = mc_path_new ();
  g_autoptr(McPath) hit = mc_path_new ();
  g_autofree char *label = NULL;
  g_autofree char *questions = NULL;
  McColor fill, stroke;
  McTextStyle style;
  McRect outer, band, text_box, notes;
  double band_height;
  double pad = PAD;

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

  mc_theme_get_role_fill (theme, role, levels[index].shade, &fill);
  mc_theme_get_role_stroke (theme, role, &stroke);

  mc_figure_build_begin_region (build, id, hit);
  mc_scene_add_path (build->scene, MC_ROLE_REGION, shape, &fill, &stroke,
                     levels[index].focus ? mc_figure_shapes_line_width (build)
                                         : mc_figure_shapes_thin_line_width (build) * 1.3,
                     levels[index].focus ? MC_LINE_SOLID : MC_LINE_DASHED);

  /* Label column on the left of the band, notes to its right. */
  mc_figure_shapes_rect (build, band.x + pad, band.y + pad * 0.8,
                         LABEL_COLUMN - pad, band_height - pad * 1.6, &text_box);
  if (region != NULL)
    {
      const char *text = mc_region_info_get_label (region, build->language);

      if (levels[index].focus || text == NULL || g_str_has_prefix (text, "("))
        label = g_strdup (text);
      else
        label = g_strdup_printf ("(%s)", text);

      mc_figure_shapes_style (build, &style, theme->label_size,
                              levels[index].focus ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL);
      mc_figure_shapes_add_text_block (build, MC_ROLE_LABEL, label, &style,
                                       levels[index].focus ? &theme->ink : &theme->muted_ink,
                                       &text_box, text_box.height * 0.5,
                                       mc_figure_shapes_len (build, 4));

      if (build->options->definitions)
        {
          mc_figure_shapes_style (build, &style, theme->small_size, PANGO_WEIGHT_NORMAL);
          mc_figure_shapes_add_text_block (build, MC_ROLE_DEFINITION,
                                           mc_region_info_get_definition (region, build->language),
                                           &style, &theme->muted_ink, &text_box, 0,
                                           mc_figure_shapes_len (build, 4));
        }
      if (build->options->questions == MC_QUESTIONS_INLINE)
        {
          questions = mc_figure_shapes_join_questions (mc_region_info_get_questions (region, build->language));
          mc_figure_shapes_style (build, &style, theme->small_size, PANGO_WEIGHT_NORMAL);
          mc_figure_shapes_add_text_block (build, MC_ROLE_QUESTION, questions,
                                           &style, &theme->muted_ink, &text_box, 0, 0);
        }
    }

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
