/* mc-figure-cimo.c — Figuur 3/8: the CIMO logic as a band
 *
 * Four large panels, Context – Interventie – Mechanismen – Outcomes, each
 * exactly above the 1000-unit figure that fills it in on the model board
 * (columns 1120 units apart). Each shows its monogram, its label and the
 * generic model that fills it in. The seed stresses that the chain only
 * looks linear ("wederkerige, logische relaties"): neighbours are joined by
 * pairs of arrows in both directions and a return line runs from Outcomes
 * back to Context under the panels.
 */
#include "config.h"

#include "mc-figure-kinds-private.h"
#include "mc-figure-shapes.h"
#include "mc-view-options.h"

#define N_PANELS 4

/* Figure units of the 4360 × 800 design. */
#define COLUMN_STEP   1120.0
#define PANEL_INSET      8.0
#define PANEL_WIDTH    984.0
#define PANEL_TOP      MC_FIGURE_TITLE_BAND
#define PANEL_HEIGHT   520.0
#define PAD             40.0
#define MONOGRAM       150.0
#define LOOP_Y         668.0

static const char * const panel_ids[N_PANELS] = {
  "context", "intervention", "mechanisms", "outcomes",
};

static double
panel_x (guint index)
{
  return COLUMN_STEP * index + PANEL_INSET;
}

static void
build_panel (McFigureBuild *build,
             guint          index)
{
  const McTheme *theme = build->theme;
  const char *id = panel_ids[index];
  const McRegionInfo *region = mc_figure_build_get_region (build, id);
  g_autoptr(McPath) shape = mc_path_new ();
  g_autofree char *letter = mc_figure_shapes_dup_cimo_letter (build, id);
  g_autofree char *model_key = g_strdup_printf ("%s_model", id);
  const char *model = mc_figure_info_get_string (build->info, model_key, build->language);
  double x = panel_x (index);
  McColor stroke;
  McTextStyle style;
  McRect rect, box, header;
  double gap = mc_figure_shapes_len (build, 10);
  /* The label is in the header; definition and questions go below it,
   * above room for a row of notes. */
  const McShapesRegionText text = {
    .no_label = TRUE,
    .definition_share = 0.35,
    .spacing = 10,
    .min_notes = 2,
  };

  mc_figure_shapes_rect (build, x, PANEL_TOP, PANEL_WIDTH, PANEL_HEIGHT, &rect);
  mc_figure_shapes_append_rounded_rect (shape, &rect,
                                        mc_figure_shapes_len (build, theme->corner_radius * 1.4),
                                        FALSE);
  mc_figure_shapes_begin_region (build, id, shape, NULL, 1, 1.0, MC_LINE_SOLID);
  mc_figure_build_get_region_colors (build, id, 1, NULL, &stroke, NULL);

  /* The monogram in the part's deep shade: the letter that names the part
   * in "CIMO", the same in both languages. */
  mc_figure_shapes_style (build, &style, MONOGRAM * 0.82, PANGO_WEIGHT_SEMIBOLD);
  mc_figure_shapes_rect (build, x + PAD * 0.8, PANEL_TOP + PAD * 0.2, MONOGRAM,
                         MONOGRAM * 1.15, &box);
  mc_figure_build_add_text (build, MC_ROLE_LABEL, letter, &style, &box, &stroke);

  /* Label and generic model beside the monogram. */
  mc_figure_shapes_rect (build, x + PAD + MONOGRAM, PANEL_TOP + PAD * 0.9,
                         PANEL_WIDTH - 2 * PAD - MONOGRAM, MONOGRAM - PAD * 0.6, &header);
  if (region != NULL)
    {
      mc_figure_shapes_style (build, &style, theme->title_size * 1.2, PANGO_WEIGHT_SEMIBOLD);
      mc_figure_shapes_add_text_block (build, MC_ROLE_LABEL,
                                       mc_region_info_get_label (region, build->language),
                                       &style, &theme->ink, &header, header.height * 0.55,
                                       gap * 0.4);
    }
  mc_figure_shapes_style (build, &style, theme->body_size * 1.2, PANGO_WEIGHT_NORMAL);
  mc_figure_shapes_add_text_block (build, MC_ROLE_DEFINITION, model, &style,
                                   &theme->muted_ink, &header, 0, 0);

  mc_figure_shapes_rect (build, x + PAD, PANEL_TOP + PAD * 0.6 + MONOGRAM * 1.1,
                         PANEL_WIDTH - 2 * PAD,
                         PANEL_HEIGHT - PAD * 1.6 - MONOGRAM * 1.1, &box);
  mc_figure_shapes_add_region_text (build, id, &text, &box);

  mc_figure_build_set_note_area (build, id, &box);
  mc_figure_build_end_region (build);
}

static void
build_relations (McFigureBuild *build)
{
  const McTheme *theme = build->theme;
  const char *reciprocal = mc_figure_info_get_string (build->info, "reciprocal", build->language);
  double mid = PANEL_TOP + PANEL_HEIGHT / 2;
  double offset = 26;
  McColor color = theme->ink;
  McTextStyle style;
  McRect box;

  /* A pair of arrows between neighbours: forward above, back below. */
  for (guint i = 0; i + 1 < N_PANELS; i++)
    {
      double left = panel_x (i) + PANEL_WIDTH + 18;
      double right = panel_x (i + 1) - 18;

      mc_figure_shapes_add_arrow (build,
                                  mc_figure_shapes_x (build, left),
                                  mc_figure_shapes_y (build, mid - offset),
                                  mc_figure_shapes_x (build, right),
                                  mc_figure_shapes_y (build, mid - offset),
                                  MC_ARROW_END, &color);
      mc_figure_shapes_add_arrow (build,
                                  mc_figure_shapes_x (build, right),
                                  mc_figure_shapes_y (build, mid + offset),
                                  mc_figure_shapes_x (build, left),
                                  mc_figure_shapes_y (build, mid + offset),
                                  MC_ARROW_END, &color);
    }

  /* The loop closes under the band: Outcomes feed back into the context. */
  {
    double from_x = panel_x (N_PANELS - 1) + PANEL_WIDTH / 2;
    double to_x = panel_x (0) + PANEL_WIDTH / 2;
    double bottom = PANEL_TOP + PANEL_HEIGHT;
    double points[8] = {
      mc_figure_shapes_x (build, from_x), mc_figure_shapes_y (build, bottom + 14),
      mc_figure_shapes_x (build, from_x), mc_figure_shapes_y (build, LOOP_Y),
      mc_figure_shapes_x (build, to_x), mc_figure_shapes_y (build, LOOP_Y),
      mc_figure_shapes_x (build, to_x), mc_figure_shapes_y (build, bottom + 14),
    };

    mc_figure_shapes_add_polyline_arrow (build, points, 4, mc_figure_shapes_len (build, 36),
                                         MC_ARROW_END, &color);
  }

  if (reciprocal != NULL)
    {
      mc_figure_shapes_style (build, &style, theme->body_size, PANGO_WEIGHT_NORMAL);
      style.style = PANGO_STYLE_ITALIC;
      style.alignment = PANGO_ALIGN_CENTER;
      mc_figure_shapes_rect (build, COLUMN_STEP, LOOP_Y + 10, 2 * COLUMN_STEP - 120, 44, &box);
      mc_figure_build_add_text (build, MC_ROLE_LABEL, reciprocal, &style, &box,
                                &theme->muted_ink);
    }

  /* The reasoning sentence, in small italics, when definitions are shown
   * (the layout's caption carries it otherwise). */
  if (build->options->definitions)
    {
      const char *caption = mc_figure_info_get_string (build->info, "caption", build->language);

      mc_figure_shapes_style (build, &style, theme->body_size, PANGO_WEIGHT_NORMAL);
      style.style = PANGO_STYLE_ITALIC;
      style.alignment = PANGO_ALIGN_CENTER;
      mc_figure_shapes_rect (build, 200, LOOP_Y + 62, 4360 - 400, 800 - LOOP_Y - 70, &box);
      mc_figure_build_add_text (build, MC_ROLE_CAPTION, caption, &style, &box,
                                &theme->muted_ink);
    }
}

static void
build_cimo (McFigureBuild *build)
{
  mc_figure_shapes_add_title (build);
  build_relations (build);
  for (guint i = 0; i < N_PANELS; i++)
    build_panel (build, i);
}

const McFigureKindClass mc_figure_kind_cimo = {
  .id = "cimo",
  .natural_width = 4360,
  .natural_height = 800,
  .build = build_cimo,
};
