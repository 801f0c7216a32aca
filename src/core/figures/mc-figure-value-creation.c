/* mc-figure-value-creation.c — the heart of the model (Figuur 2, section
 * 2.1): meervoudige waardecreatie hand in hand with a dynamic learning agenda
 *
 * Value creation is the disc in the middle. The learning agenda holds it
 * from both sides: short-term learning questions (concrete next steps) on
 * the left, longer-term ones (the longer horizon) on the right, read along a
 * time arrow at the bottom. Two arrows circling the disc say that value and
 * learning keep feeding each other. The side regions bite around the disc,
 * so no region overlaps another.
 */
#include "config.h"

#include <math.h>

#include "mc-figure-kinds-private.h"
#include "mc-figure-shapes.h"
#include "mc-figure-value-creation-private.h"
#include "mc-view-options.h"

/* Figure units. */
#define AREA_LEFT     16.0
#define AREA_RIGHT    984.0
#define AREA_BOTTOM   900.0   /* below: the time arrow */
#define CENTRE_X      500.0
#define DISC_RADIUS   230.0
#define BITE_RADIUS   262.0
/* The box of the centre's name, in the disc's upper cap. */
#define VALUE_LABEL_WIDTH  232.0
#define VALUE_LABEL_HEIGHT  80.0

typedef struct
{
  McFigureBuild *build;
  double         top;
  double         cy;
  double         label_size; /* theme size of the three names */
} Frame;

/* The left half of the frame with the bite around the disc; mirrored for
 * the right half. */
static McPath *
side_path (const Frame *frame,
           gboolean     right)
{
  const double gap = MC_FIGURE_GAP / 2;
  const double x0 = AREA_LEFT, x1 = CENTRE_X - gap;
  const double y0 = frame->top, y1 = AREA_BOTTOM;
  const double cy = frame->cy;
  double rc = frame->build->theme->corner_radius;
  double reach = sqrt (BITE_RADIUS * BITE_RADIUS - gap * gap);
  McShapesPen pen = { frame->build, mc_path_new (), right, CENTRE_X, FALSE, 0 };

  mc_figure_shapes_pen_move_to (&pen, x0 + rc, y0);
  mc_figure_shapes_pen_arc (&pen, x1 - rc, y0 + rc, rc, -G_PI / 2, 0);
  /* Around the disc through its left side: a concave bite. */
  mc_figure_shapes_pen_arc (&pen, CENTRE_X, cy, BITE_RADIUS,
                      atan2 (-reach, -gap), atan2 (reach, -gap) - 2 * G_PI);
  mc_figure_shapes_pen_arc (&pen, x1 - rc, y1 - rc, rc, 0, G_PI / 2);
  mc_figure_shapes_pen_arc (&pen, x0 + rc, y1 - rc, rc, G_PI / 2, G_PI);
  mc_figure_shapes_pen_arc (&pen, x0 + rc, y0 + rc, rc, G_PI, 3 * G_PI / 2);
  mc_path_close (pen.path);

  return pen.path;
}

static void
add_side (const Frame *frame,
          const char  *region_id,
          gboolean     right,
          guint        shade)
{
  McFigureBuild *build = frame->build;
  const double pad = MC_FIGURE_PAD;
  const double gap = MC_FIGURE_GAP / 2;
  g_autoptr(McPath) path = side_path (frame, right);
  const McShapesRegionText text = { .label_size = frame->label_size };
  double x0 = right ? CENTRE_X + gap : AREA_LEFT;
  double x1 = right ? AREA_RIGHT : CENTRE_X - gap;
  double text_bottom = frame->cy - BITE_RADIUS - MC_FIGURE_GAP;
  double ty = frame->top + pad * 0.75;
  double used, nx0, nx1;
  McRect box, area;

  mc_figure_shapes_begin_region (build, region_id, path, NULL, shade, 1.0, MC_LINE_SOLID);

  /* Texts above the bite, across the whole half. */
  mc_figure_shapes_rect (build, x0 + pad, ty, x1 - x0 - 2 * pad, text_bottom - ty, &box);
  used = mc_figure_shapes_add_region_text (build, region_id, &text, &box);

  /* Notes in the tall strip beside the disc, along the outer edge. */
  if (right)
    {
      nx0 = CENTRE_X + BITE_RADIUS + MC_FIGURE_GAP;
      nx1 = x1 - pad * 0.75;
    }
  else
    {
      nx0 = x0 + pad * 0.75;
      nx1 = CENTRE_X - BITE_RADIUS - MC_FIGURE_GAP;
    }
  ty += used / build->unit + pad * 0.5;
  mc_figure_shapes_rect (build, nx0, ty, nx1 - nx0, AREA_BOTTOM - pad * 0.75 - ty, &area);
  mc_figure_build_set_note_area (build, region_id, &area);

  mc_figure_build_end_region (build);
}

static void
add_value (const Frame *frame)
{
  McFigureBuild *build = frame->build;
  const McTheme *theme = build->theme;
  const McRegionInfo *region = mc_figure_build_get_region (build, "value");
  g_autoptr(McPath) path = mc_path_new ();
  McColor ink;
  McTextStyle style;
  const char *label, *definition = NULL;
  double cx = mc_figure_shapes_x (build, CENTRE_X);
  double cy = mc_figure_shapes_y (build, frame->cy);
  const double half = 168;       /* half the note area's width */
  const double low = 138;        /* its bottom below the centre */
  double top;
  McRect box, area;

  mc_figure_shapes_append_circle (path, cx, cy, mc_figure_shapes_len (build, DISC_RADIUS), FALSE);
  mc_figure_build_get_region_colors (build, "value", 2, NULL, NULL, &ink);
  mc_figure_shapes_begin_region (build, "value", path, NULL, 2, 1.4, MC_LINE_SOLID);

  /* The label in the disc's upper cap, the definition under it where the
   * chord widens; every box keeps its corners inside the disc. */
  label = region != NULL ? mc_region_info_get_label (region, build->language) : NULL;
  if (region != NULL && build->options != NULL && build->options->definitions)
    definition = mc_region_info_get_definition (region, build->language);

  top = frame->cy - 190;
  mc_figure_shapes_style (build, &style, frame->label_size, PANGO_WEIGHT_SEMIBOLD);
  style.alignment = PANGO_ALIGN_CENTER;
  mc_figure_shapes_rect (build, CENTRE_X - 116, top, VALUE_LABEL_WIDTH, VALUE_LABEL_HEIGHT, &box);
  top += mc_figure_build_add_text (build, MC_ROLE_LABEL, label, &style, &box, &ink) / build->unit;

  if (definition != NULL)
    {
      top += 8;
      mc_figure_shapes_style (build, &style, theme->body_size, PANGO_WEIGHT_NORMAL);
      style.alignment = PANGO_ALIGN_CENTER;
      mc_figure_shapes_rect (build, CENTRE_X - 176, top, 352, frame->cy - 36 - top, &box);
      top += mc_figure_build_add_text (build, MC_ROLE_DEFINITION, definition, &style, &box,
                                       &theme->muted_ink) / build->unit;
    }

  /* Notes under the texts; corners inside the disc: half² + low² < r². */
  top = CLAMP (top + 12, frame->cy - 100, frame->cy + low - 118);
  mc_figure_shapes_rect (build, CENTRE_X - half, top, 2 * half, frame->cy + low - top, &area);
  mc_figure_build_set_note_area (build, "value", &area);

  mc_figure_build_end_region (build);
}

/* Two arrows in the channel around the disc: short → long over the top,
 * long → short underneath — the agenda keeps moving. */
static void
add_cycle (const Frame *frame)
{
  McFigureBuild *build = frame->build;
  const double r = (DISC_RADIUS + BITE_RADIUS) / 2;
  const guint n = 24;
  double points[2 * 25];
  McColor stroke;

  mc_theme_get_role_stroke (build->theme, "value", &stroke);
  for (guint arc = 0; arc < 2; arc++)
    {
      /* Clockwise in y-down units: over the top, then under the bottom. */
      double a0 = arc == 0 ? G_PI * 1.14 : G_PI * 0.14;
      double a1 = arc == 0 ? G_PI * 1.86 : G_PI * 0.86;

      for (guint i = 0; i <= n; i++)
        {
          double a = a0 + (a1 - a0) * i / n;

          points[2 * i] = mc_figure_shapes_x (build, CENTRE_X + r * cos (a));
          points[2 * i + 1] = mc_figure_shapes_y (build, frame->cy + r * sin (a));
        }
      mc_figure_shapes_add_polyline_arrow (build, points, n + 1, 0, MC_ARROW_END, &stroke);
    }
}

/* The horizon: a time arrow from the short to the longer term. */
static void
add_time_axis (const Frame *frame)
{
  McFigureBuild *build = frame->build;
  const McTheme *theme = build->theme;
  const double pad = MC_FIGURE_PAD;
  const double line_y = AREA_BOTTOM + 24;
  const double text_y = line_y + 10;
  const double width = 300;
  McColor stroke;
  McTextStyle style;
  const struct
  {
    const char     *key;
    double          x;
    PangoAlignment  alignment;
  } words[] = {
    { "short_term",      AREA_LEFT + pad,                  PANGO_ALIGN_LEFT },
    { "learning_agenda", CENTRE_X - width / 2,             PANGO_ALIGN_CENTER },
    { "horizon",         AREA_RIGHT - pad - width,         PANGO_ALIGN_RIGHT },
  };

  mc_theme_get_role_stroke (theme, "value", &stroke);
  mc_figure_shapes_add_arrow (build,
                              mc_figure_shapes_x (build, AREA_LEFT + pad),
                              mc_figure_shapes_y (build, line_y),
                              mc_figure_shapes_x (build, AREA_RIGHT - pad),
                              mc_figure_shapes_y (build, line_y),
                              MC_ARROW_END, &stroke);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *text = mc_figure_info_get_string (build->info, words[i].key, build->language);
      McRect box;

      if (text == NULL)
        continue;
      mc_figure_shapes_style (build, &style, theme->small_size,
                              i == 1 ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL);
      style.alignment = words[i].alignment;
      mc_figure_shapes_rect (build, words[i].x, text_y, width, 1000 - 6 - text_y, &box);
      mc_figure_build_add_text (build, MC_ROLE_LABEL, text, &style, &box,
                                i == 1 ? &theme->ink : &theme->muted_ink);
    }
}

static void
build_value_creation (McFigureBuild *build)
{
  Frame frame = { build, MC_FIGURE_TITLE_BAND, 0, 0 };

  if (build->for_frame)
    {
      _mc_figure_value_creation_build_for_frame (build);
      return;
    }

  mc_figure_shapes_add_title (build);
  frame.cy = (frame.top + AREA_BOTTOM) / 2;

  /* One size for the three names, smaller at a narrow width so that each
   * stays in its region: the sides' text boxes above the bite, the box in
   * the disc's cap. */
  {
    const char *ids[] = { "learning-short", "learning-long", "value" };
    double side_w = CENTRE_X - MC_FIGURE_GAP / 2 - AREA_LEFT - 2 * MC_FIGURE_PAD;
    double side_h = frame.cy - BITE_RADIUS - MC_FIGURE_GAP - frame.top - MC_FIGURE_PAD * 0.75;
    double widths[] = {
      mc_figure_shapes_len (build, side_w), mc_figure_shapes_len (build, side_w),
      mc_figure_shapes_len (build, VALUE_LABEL_WIDTH),
    };
    double heights[] = {
      mc_figure_shapes_len (build, side_h), mc_figure_shapes_len (build, side_h),
      mc_figure_shapes_len (build, VALUE_LABEL_HEIGHT),
    };

    frame.label_size = mc_figure_shapes_label_size_for (build, ids, widths, heights,
                                                        G_N_ELEMENTS (ids),
                                                        build->theme->label_size);
  }

  /* Lightness steps toward the centre: value strongest, the far horizon
   * palest. */
  add_side (&frame, "learning-short", FALSE, 1);
  add_side (&frame, "learning-long", TRUE, 0);
  add_value (&frame);
  add_cycle (&frame);
  add_time_axis (&frame);
}

const McFigureKindClass mc_figure_kind_value_creation = {
  .id = "value-creation",
  .natural_width = 1000,
  .natural_height = 1000,
  .build = build_value_creation,
  .lays_out_for_frame = TRUE,
};
