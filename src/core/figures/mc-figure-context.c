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
#include "mc-view-options.h"

/* Figure units of the 1000 × 1000 design. */
static const McRect factors_rect = { 16, MC_FIGURE_TITLE_BAND, 968, 984 - MC_FIGURE_TITLE_BAND };
/* The strips beside the issue hold a default note with padding. */
static const McRect issue_rect = { 236, 420, 528, 524 };
#define PAD 36.0

/* Label, definition and the question, which is prominent here: these
 * questions are the figure. The notes keep room for two below them. */
static void
add_region_texts (McFigureBuild *build,
                  const char    *region_id,
                  McRect        *box)
{
  const McTheme *theme = build->theme;
  const McShapesRegionText text = {
    .label_share = 0.3,
    .definition_size = theme->small_size,
    .definition_share = 0.3,
    .questions = MC_SHAPES_QUESTIONS_UNLESS_LIST,
    .questions_size = (theme->label_size + theme->body_size) / 2,
    .questions_color = &theme->ink,
    .min_notes = 2,
  };

  mc_figure_shapes_add_region_text (build, region_id, &text, box);
}

static void
build_factors (McFigureBuild *build)
{
  const McTheme *theme = build->theme;
  g_autoptr(McPath) shape = mc_path_new ();
  g_autoptr(McPath) hit = mc_path_new ();
  McRect outer, inner, box;

  mc_figure_shapes_rect (build, factors_rect.x, factors_rect.y, factors_rect.width,
                         factors_rect.height, &outer);
  mc_figure_shapes_rect (build, issue_rect.x, issue_rect.y, issue_rect.width,
                         issue_rect.height, &inner);
  mc_figure_shapes_append_rounded_rect (shape, &outer,
                                        mc_figure_shapes_len (build, theme->corner_radius * 1.4),
                                        FALSE);
  mc_path_append (hit, shape);
  mc_figure_shapes_append_rounded_rect (hit, &inner,
                                        mc_figure_shapes_len (build, theme->corner_radius), TRUE);
  mc_figure_shapes_begin_region (build, "factors", shape, hit, 0, 1.0, MC_LINE_SOLID);

  /* The band above the issue carries the texts and the notes; the strips
   * beside the issue are wide enough for a column of notes each. */
  mc_figure_shapes_rect (build, factors_rect.x + PAD, factors_rect.y + PAD * 0.8,
                         factors_rect.width - 2 * PAD,
                         issue_rect.y - factors_rect.y - PAD * 0.8 - PAD * 0.6, &box);
  add_region_texts (build, "factors", &box);
  mc_figure_build_set_note_area (build, "factors", &box);
  mc_figure_build_end_region (build);
}

static void
build_issue (McFigureBuild *build)
{
  const McTheme *theme = build->theme;
  g_autoptr(McPath) shape = mc_path_new ();
  McRect rect, box;

  mc_figure_shapes_rect (build, issue_rect.x, issue_rect.y, issue_rect.width,
                         issue_rect.height, &rect);
  mc_figure_shapes_append_rounded_rect (shape, &rect,
                                        mc_figure_shapes_len (build, theme->corner_radius), FALSE);
  /* Two steps darker than the frame: the heart of the figure. */
  mc_figure_shapes_begin_region (build, "issue", shape, NULL, 2, 1.4, MC_LINE_SOLID);

  mc_figure_shapes_rect (build, issue_rect.x + PAD, issue_rect.y + PAD * 0.8,
                         issue_rect.width - 2 * PAD, issue_rect.height - PAD * 1.6, &box);
  add_region_texts (build, "issue", &box);
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
