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

#include <math.h>

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

/* Layout for the frame ----------------------------------------------------
 *
 * Laid out for a frame (an export at a journal's width) the band reflows:
 * four panels in a row when each gets at least PANEL_MIN_EMS label sizes,
 * else two by two in reading order around the cycle (C I / O M, so every
 * neighbour shares an edge and the return from Outcomes to Context is the
 * left side), else one column with the return line beside it. Every panel
 * is as tall as its texts and notes need; one type scale for all four. */

#define PANEL_MIN_EMS 14.0
/* A journal figure's type: part names a little above the body text, the
 * monogram the size of the theme's labels. */
#define LABEL_SIZE(theme)  ((theme)->body_size * 1.25)
#define LETTER_SIZE(theme) ((theme)->label_size)

typedef struct
{
  McRect rect;
  double content_height;
} FramePanel;

typedef struct
{
  const char *label;
  const char *model;
  const char *definition;
  char       *questions;
  char       *letter;
} PanelTexts;

static void
panel_texts (McFigureBuild *build,
             guint          index,
             PanelTexts    *texts)
{
  const char *id = panel_ids[index];
  const McRegionInfo *region = mc_figure_build_get_region (build, id);
  g_autofree char *model_key = g_strdup_printf ("%s_model", id);

  texts->label = region != NULL ? mc_region_info_get_label (region, build->language) : id;
  texts->model = mc_figure_info_get_string (build->info, model_key, build->language);
  texts->definition = region != NULL && build->options->definitions
                      ? mc_region_info_get_definition (region, build->language) : NULL;
  texts->questions = region != NULL && build->options->questions == MC_QUESTIONS_INLINE
                     ? mc_figure_shapes_join_questions (mc_region_info_get_questions (region,
                                                                                      build->language))
                     : NULL;
  texts->letter = mc_figure_shapes_dup_cimo_letter (build, id);
}

static void
panel_texts_clear (PanelTexts *texts)
{
  g_clear_pointer (&texts->questions, g_free);
  g_clear_pointer (&texts->letter, g_free);
}

/* Sizes shared by the four panels. */
typedef struct
{
  double pad;        /* inside a panel */
  double spacing;    /* between its texts */
  double letter_w;   /* the monogram's column */
} FrameMetrics;

static double
panel_height (McFigureBuild      *build,
              const FrameMetrics *m,
              guint               index,
              double              width)
{
  const McTheme *theme = build->theme;
  PanelTexts texts;
  double inner = width - 2 * m->pad;
  double h, notes;

  panel_texts (build, index, &texts);
  h = MAX (mc_figure_shapes_text_height (build, texts.letter, LETTER_SIZE (theme), PANGO_WEIGHT_SEMIBOLD, -1),
           mc_figure_shapes_text_height (build, texts.label, LABEL_SIZE (theme), PANGO_WEIGHT_SEMIBOLD,
                        inner - m->letter_w));
  h += m->spacing + mc_figure_shapes_text_height (build, texts.model, theme->body_size, PANGO_WEIGHT_SEMIBOLD,
                                 inner) + m->spacing;
  if (texts.definition != NULL)
    h += mc_figure_shapes_text_height (build, texts.definition, theme->small_size, PANGO_WEIGHT_NORMAL, inner) +
         m->spacing;
  if (texts.questions != NULL)
    h += mc_figure_shapes_text_height (build, texts.questions, theme->small_size, PANGO_WEIGHT_NORMAL, inner) +
         m->spacing;
  notes = build->options->notes ? mc_figure_build_notes_height (build, panel_ids[index], inner) : 0;
  /* mc_figure_shapes_place_text() leaves a spacing after each text: the notes follow. */
  h += notes;
  panel_texts_clear (&texts);
  return 2 * m->pad + h;
}

static void
build_frame_panel (McFigureBuild      *build,
                   const FrameMetrics *m,
                   guint               index,
                   const McRect       *rect)
{
  const McTheme *theme = build->theme;
  const char *id = panel_ids[index];
  g_autoptr(McPath) shape = mc_path_new ();
  PanelTexts texts;
  McColor stroke, ink;
  double inner = rect->width - 2 * m->pad;
  double x = rect->x + m->pad;
  double y = rect->y + m->pad;
  double header, label_y;
  McRect area;

  panel_texts (build, index, &texts);
  mc_figure_shapes_append_rounded_rect (shape, rect, MIN (m->pad * 0.8, 6 * build->font_scale * 2),
                                        FALSE);
  mc_figure_shapes_begin_region (build, id, shape, NULL, 1, 1.0, MC_LINE_SOLID);
  mc_figure_build_get_region_colors (build, id, 1, NULL, &stroke, NULL);
  mc_figure_build_get_region_colors (build, id, 0, NULL, NULL, &ink);

  /* The monogram and, beside it, the part's name. */
  header = MAX (mc_figure_shapes_text_height (build, texts.letter, LETTER_SIZE (theme), PANGO_WEIGHT_SEMIBOLD, -1),
                mc_figure_shapes_text_height (build, texts.label, LABEL_SIZE (theme), PANGO_WEIGHT_SEMIBOLD,
                             inner - m->letter_w));
  label_y = y;
  mc_figure_shapes_place_text (build, MC_ROLE_LABEL, texts.letter, LETTER_SIZE (theme), PANGO_WEIGHT_SEMIBOLD,
              &stroke, x, &label_y, m->letter_w, 0);
  label_y = y + (header - mc_figure_shapes_text_height (build, texts.label, theme->label_size,
                                       PANGO_WEIGHT_SEMIBOLD, inner - m->letter_w)) / 2;
  mc_figure_shapes_place_text (build, MC_ROLE_LABEL, texts.label, LABEL_SIZE (theme), PANGO_WEIGHT_SEMIBOLD,
              &theme->ink, x + m->letter_w, &label_y, inner - m->letter_w, 0);
  y += header + m->spacing;

  mc_figure_shapes_place_text (build, MC_ROLE_DEFINITION, texts.model, theme->body_size, PANGO_WEIGHT_SEMIBOLD,
              &ink, x, &y, inner, m->spacing);
  mc_figure_shapes_place_text (build, MC_ROLE_DEFINITION, texts.definition, theme->small_size, PANGO_WEIGHT_NORMAL,
              &theme->muted_ink, x, &y, inner, m->spacing);
  mc_figure_shapes_place_text (build, MC_ROLE_QUESTION, texts.questions, theme->small_size, PANGO_WEIGHT_NORMAL,
              &theme->muted_ink, x, &y, inner, m->spacing);

  /* The notes below the texts, to the panel's bottom. */
  area = (McRect) { x, y, inner, 0 };
  area.height = MAX (0, rect->y + rect->height - m->pad - area.y);
  mc_figure_build_set_note_area (build, id, &area);
  mc_figure_build_end_region (build);
  panel_texts_clear (&texts);
}

/* A pair of arrows, one each way, across the gap between two panels. */
static void
add_arrow_pair (McFigureBuild *build,
                double         x0,
                double         y0,
                double         x1,
                double         y1,
                double         offset)
{
  const McColor *color = &build->theme->ink;
  gboolean horizontal = fabs (x1 - x0) > fabs (y1 - y0);
  double dx = horizontal ? 0 : offset, dy = horizontal ? offset : 0;

  mc_figure_shapes_add_arrow (build, x0 - dx, y0 - dy, x1 - dx, y1 - dy, MC_ARROW_END, color);
  mc_figure_shapes_add_arrow (build, x1 + dx, y1 + dy, x0 + dx, y0 + dy, MC_ARROW_END, color);
}

static void
build_cimo_for_frame (McFigureBuild *build)
{
  const McTheme *theme = build->theme;
  /* Inside the frame by half an outline, so strokes stay within it. */
  double half_line = mc_figure_shapes_line_width (build) / 2;
  McRect inner_frame = { build->frame.x + half_line, build->frame.y + half_line,
                         build->frame.width - 2 * half_line, build->frame.height };
  const McRect *frame = &inner_frame;
  FrameMetrics m;
  FramePanel panels[N_PANELS];
  double label = mc_figure_build_size (build, LABEL_SIZE (theme));
  double gap = ceil (label * 1.5);
  double loop = 0;
  double width = frame->width;
  double top = frame->y;
  double y;
  guint cols;
  /* Where each panel goes in the grid: row-major cells. */
  static const guint cell_4[N_PANELS] = { 0, 1, 2, 3 };
  static const guint cell_2x2[N_PANELS] = { 0, 1, 3, 2 };   /* C I / O M */
  const guint *cells;

  m.pad = ceil (label * 0.6);
  m.spacing = ceil (mc_figure_build_size (build, theme->small_size) * 0.4);
  m.letter_w = ceil (mc_figure_build_size (build, LETTER_SIZE (theme)) * 0.95);

  if ((width - 3 * gap) / 4 >= PANEL_MIN_EMS * label)
    cols = 4, cells = cell_4;
  else if ((width - gap) / 2 >= PANEL_MIN_EMS * label)
    cols = 2, cells = cell_2x2;
  else
    cols = 1, cells = cell_4;

  /* The title, unless a caption carries it. */
  if (!build->options->caption)
    {
      const char *title = mc_figure_info_get_title (build->info, build->language);

      mc_figure_shapes_place_text (build, MC_ROLE_LABEL, title, theme->label_size, PANGO_WEIGHT_SEMIBOLD,
                  &theme->ink, frame->x, &top, width, m.spacing * 1.5);
    }

  /* A column keeps a lane at the left for the return line, and its
   * panels closer together: height is what a column lacks. */
  if (cols == 1)
    {
      loop = gap;
      gap = ceil (label * 1.1);
    }

  {
    double pw = (width - loop - (cols - 1) * gap) / cols;
    guint rows = (N_PANELS + cols - 1) / cols;

    y = top;
    for (guint row = 0; row < rows; row++)
      {
        double row_h = 0;

        for (guint i = 0; i < N_PANELS; i++)
          if (cells[i] / cols == row)
            row_h = MAX (row_h, panel_height (build, &m, i, pw));
        for (guint i = 0; i < N_PANELS; i++)
          if (cells[i] / cols == row)
            panels[i].rect = (McRect) { frame->x + loop + (cells[i] % cols) * (pw + gap), y,
                                        pw, row_h };
        y += row_h + gap;
      }
    y -= gap;
  }

  for (guint i = 0; i < N_PANELS; i++)
    build_frame_panel (build, &m, i, &panels[i].rect);

  /* Reciprocal relations between neighbours in the cycle. */
  for (guint i = 0; i + 1 < N_PANELS; i++)
    {
      const McRect *a = &panels[i].rect, *b = &panels[i + 1].rect;
      double inset = gap * 0.15, offset = gap * 0.12 + 1;

      if (fabs (a->y - b->y) < 0.5)
        {
          const McRect *l = a->x < b->x ? a : b, *r = a->x < b->x ? b : a;
          double cy = a->y + MIN (a->height, b->height) / 2;

          add_arrow_pair (build, l->x + l->width + inset, cy, r->x - inset, cy, offset);
        }
      else
        {
          const McRect *t = a->y < b->y ? a : b, *u = a->y < b->y ? b : a;
          double cx = t->x + t->width / 2;

          add_arrow_pair (build, cx, t->y + t->height + inset, cx, u->y - inset, offset);
        }
    }

  /* The cycle closes: Outcomes feed back into the context. */
  {
    const McRect *o = &panels[N_PANELS - 1].rect, *c = &panels[0].rect;
    double r = gap * 0.3;

    if (cols == 2)
      {
        double cx = c->x + c->width / 2;

        add_arrow_pair (build, cx, o->y - gap * 0.15, cx, c->y + c->height + gap * 0.15,
                        gap * 0.12 + 1);
      }
    else if (cols == 1)
      {
        double lx = frame->x + loop * 0.45;
        double points[8] = {
          o->x - gap * 0.1, o->y + o->height / 2,
          lx, o->y + o->height / 2,
          lx, c->y + c->height / 2,
          c->x - gap * 0.1, c->y + c->height / 2,
        };

        mc_figure_shapes_add_polyline_arrow (build, points, 4, r, MC_ARROW_END, &theme->ink);
      }
    else
      {
        double below = y + gap * 0.6;
        double points[8] = {
          o->x + o->width / 2, y + gap * 0.1,
          o->x + o->width / 2, below,
          c->x + c->width / 2, below,
          c->x + c->width / 2, y + gap * 0.1,
        };

        mc_figure_shapes_add_polyline_arrow (build, points, 4, r, MC_ARROW_END, &theme->ink);
        y = below;
      }
  }

  /* Under the figure: the relations named, then the reasoning sentence
   * (when definitions show and no caption carries it). */
  {
    const char *reciprocal = mc_figure_info_get_string (build->info, "reciprocal", build->language);
    McTextStyle style;
    McRect box;

    y += m.spacing * 1.2;
    mc_figure_shapes_style (build, &style, theme->body_size, PANGO_WEIGHT_NORMAL);
    style.style = PANGO_STYLE_ITALIC;
    style.alignment = PANGO_ALIGN_CENTER;
    if (reciprocal != NULL)
      {
        box = (McRect) { frame->x, y, width,
                         ceil (mc_figure_shapes_measure_text (reciprocal, &style, width) + 0.5) };
        mc_figure_build_add_text (build, MC_ROLE_LABEL, reciprocal, &style, &box,
                                  &theme->muted_ink);
        y += box.height + m.spacing;
      }
    if (build->options->definitions && !build->options->caption)
      {
        const char *sentence = mc_figure_info_get_string (build->info, "caption", build->language);

        if (sentence != NULL)
          {
            box = (McRect) { frame->x, y, width,
                             ceil (mc_figure_shapes_measure_text (sentence, &style, width) + 0.5) };
            mc_figure_build_add_text (build, MC_ROLE_CAPTION, sentence, &style, &box,
                                      &theme->muted_ink);
            y += box.height;
          }
      }
  }

  build->height_used = y + half_line - build->frame.y;
}

static void
build_cimo (McFigureBuild *build)
{
  if (build->for_frame)
    {
      build_cimo_for_frame (build);
      return;
    }

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
  .lays_out_for_frame = TRUE,
};
