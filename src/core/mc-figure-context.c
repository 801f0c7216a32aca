/* mc-figure-context.c — Figuur 4: context, vraagstuk en contextfactoren
 *
 * The issue (vraagstuk) sits at the heart as a panel set into a frame of
 * context factors; the frame's hit path has the issue cut out. The seed
 * selects no generic model for the C: its two questions are the figure, so
 * each region shows its question prominently under its label (unless the
 * questions are listed beside the figure).
 */
#include "config.h"

#include "mc-figure-kinds-private.h"
#include "mc-figure-shapes.h"
#include "mc-layout.h"

/* Figure units of the 1000 × 1000 design. */
static const McRect factors_rect = { 16, MC_FIGURE_TITLE_BAND, 968, 984 - MC_FIGURE_TITLE_BAND };
static const McRect issue_rect = { 136, 420, 728, 524 };
#define PAD 36.0

/* Label, definition and question stacked at the top of box; what is left
 * of box is returned in it. */
static void
add_region_texts (McFigureBuild      *build,
                  const McRegionInfo *region,
                  McRect             *box,
                  double              text_height)
{
  const McTheme *theme = build->theme;
  McTextStyle style;
  McRect text = *box;
  double gap = mc_figure_shapes_len (build, 8);
  double bottom;

  text.height = mc_figure_shapes_len (build, text_height);

  mc_figure_shapes_style (build, &style, theme->label_size, PANGO_WEIGHT_SEMIBOLD);
  mc_figure_shapes_add_text_block (build, MC_ROLE_LABEL,
                                   mc_region_info_get_label (region, build->language),
                                   &style, &theme->ink, &text, text.height * 0.45, gap * 0.5);

  if (build->options->definitions)
    {
      mc_figure_shapes_style (build, &style, theme->small_size, PANGO_WEIGHT_NORMAL);
      mc_figure_shapes_add_text_block (build, MC_ROLE_DEFINITION,
                                       mc_region_info_get_definition (region, build->language),
                                       &style, &theme->muted_ink, &text, text.height * 0.4, gap * 0.5);
    }

  if (build->options->questions != MC_QUESTIONS_LIST)
    {
      g_autofree char *questions =
        mc_figure_shapes_join_questions (mc_region_info_get_questions (region, build->language));

      /* Larger than the usual small print: these questions are the figure. */
      mc_figure_shapes_style (build, &style, (theme->label_size + theme->body_size) / 2,
                              PANGO_WEIGHT_NORMAL);
      mc_figure_shapes_add_text_block (build, MC_ROLE_QUESTION, questions, &style,
                                       &theme->ink, &text, 0, gap);
    }

  /* The notes start right under the texts. */
  bottom = box->y + box->height;
  box->y = MIN (text.y, box->y + mc_figure_shapes_len (build, text_height) + gap);
  box->height = bottom - box->y;
}

static void
build_factors (McFigureBuild *build)
{
  const McTheme *theme = build->theme;
  const McRegionInfo *region = mc_figure_info_find_region (build->info, "factors");
  const char *role = region ? mc_region_info_get_role (region) : "context";
  g_autoptr(McPath) shape = mc_path_new ();
  g_autoptr(McPath) hit = mc_path_new ();
  double radius = mc_figure_shapes_len (build, theme->corner_radius * 1.4);
  McColor fill, stroke;
  McRect outer, inner, box;

  mc_figure_shapes_rect (build, factors_rect.x, factors_rect.y, factors_rect.width,
                         factors_rect.height, &outer);
  mc_figure_shapes_rect (build, issue_rect.x, issue_rect.y, issue_rect.width,
                         issue_rect.height, &inner);
  mc_figure_shapes_append_rounded_rect (shape, &outer, radius, FALSE);
  mc_path_append (hit, shape);
  mc_figure_shapes_append_rounded_rect (hit, &inner,
                                        mc_figure_shapes_len (build, theme->corner_radius), TRUE);

  mc_theme_get_role_fill (theme, role, 0, &fill);
  mc_theme_get_role_stroke (theme, role, &stroke);

  mc_figure_build_begin_region (build, "factors", hit);
  mc_scene_add_path (build->scene, MC_ROLE_REGION, shape, &fill, &stroke,
                     mc_figure_shapes_line_width (build), MC_LINE_SOLID);

  /* The band above the issue carries the texts and the notes. */
  mc_figure_shapes_rect (build, factors_rect.x + PAD, factors_rect.y + PAD * 0.8,
                         factors_rect.width - 2 * PAD,
                         issue_rect.y - factors_rect.y - PAD * 0.8 - PAD * 0.6, &box);
  if (region != NULL)
    add_region_texts (build, region, &box, 150);
  mc_figure_build_set_note_area (build, "factors", &box);
  mc_figure_build_end_region (build);
}

static void
build_issue (McFigureBuild *build)
{
  const McTheme *theme = build->theme;
  const McRegionInfo *region = mc_figure_info_find_region (build->info, "issue");
  const char *role = region ? mc_region_info_get_role (region) : "context";
  g_autoptr(McPath) shape = mc_path_new ();
  McColor fill, stroke;
  McRect rect, box;

  mc_figure_shapes_rect (build, issue_rect.x, issue_rect.y, issue_rect.width,
                         issue_rect.height, &rect);
  mc_figure_shapes_append_rounded_rect (shape, &rect,
                                        mc_figure_shapes_len (build, theme->corner_radius), FALSE);

  /* Two steps darker than the frame: the heart of the figure. */
  mc_theme_get_role_fill (theme, role, 2, &fill);
  mc_theme_get_role_stroke (theme, role, &stroke);

  mc_figure_build_begin_region (build, "issue", shape);
  mc_scene_add_path (build->scene, MC_ROLE_REGION, shape, &fill, &stroke,
                     mc_figure_shapes_line_width (build) * 1.4, MC_LINE_SOLID);

  mc_figure_shapes_rect (build, issue_rect.x + PAD, issue_rect.y + PAD * 0.8,
                         issue_rect.width - 2 * PAD, issue_rect.height - PAD * 1.6, &box);
  if (region != NULL)
    add_region_texts (build, region, &box, 150);
  mc_figure_build_set_note_area (build, "issue", &box);
  mc_figure_build_end_region (build);
}

static void
build_context (McFigureBuild *build)
{
  mc_figure_shapes_add_title (build);
  build_factors (build);
  build_issue (build);
}

const McFigureKindClass mc_figure_kind_context = {
  .id = "context",
  .natural_width = 1000,
  .natural_height = 1000,
  .build = build_context,
};
