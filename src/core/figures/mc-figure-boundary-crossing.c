/* mc-figure-boundary-crossing.c — Figuur 6: the four boundary-crossing
 * mechanisms (Akkerman & Bakker 2011) as quadrants around a central disc
 *
 * Reading order follows the depth of learning at the boundary:
 * identification and coordination on top, perspective making/taking and
 * transformation below. Each quadrant gives up its inner corner to the disc
 * (a concave bite), so the quadrants' hit paths exclude the centre.
 */
#include "config.h"

#include <math.h>

#include "mc-figure-kinds-private.h"
#include "mc-figure-shapes.h"

/* Figure units. */
#define AREA_LEFT    16.0
#define AREA_RIGHT   984.0
#define AREA_BOTTOM  984.0
#define CENTRE_X     500.0
#define DISC_RADIUS  92.0

typedef struct
{
  const char *id;
  gboolean    top;
  gboolean    left;
  guint       shade;
} Quadrant;

/* Shades step along the reading order; neighbours and diagonals all differ
 * in lightness (in print too). */
static const Quadrant quadrants[] = {
  { "identification", TRUE,  TRUE,  0 },
  { "coordination",   TRUE,  FALSE, 1 },
  { "perspective",    FALSE, TRUE,  2 },
  { "transformation", FALSE, FALSE, 3 },
};

typedef struct
{
  McFigureBuild *build;
  double         top;      /* first content line below the title */
  double         cy;       /* centre of the disc */
  double         bite;     /* radius the quadrants leave free */
  double         label_size; /* theme size of the four names */
} Frame;

static void
quadrant_rect (const Frame    *frame,
               const Quadrant *quadrant,
               double         *x0,
               double         *y0,
               double         *x1,
               double         *y1)
{
  const double gap = MC_FIGURE_GAP / 2;

  *x0 = quadrant->left ? AREA_LEFT : CENTRE_X + gap;
  *x1 = quadrant->left ? CENTRE_X - gap : AREA_RIGHT;
  *y0 = quadrant->top ? frame->top : frame->cy + gap;
  *y1 = quadrant->top ? frame->cy - gap : AREA_BOTTOM;
}

/* The top-left quadrant with rounded outer corners and the bite at its
 * bottom-right corner, mirrored about the centre for the others. */
static McPath *
quadrant_path (const Frame    *frame,
               const Quadrant *quadrant)
{
  const double gap = MC_FIGURE_GAP / 2;
  const double cy = frame->cy;
  const double bite = frame->bite;
  double x0 = AREA_LEFT, x1 = CENTRE_X - gap;
  double y0 = frame->top, y1 = cy - gap;
  double rc = frame->build->theme->corner_radius;
  double entry_y = cy - sqrt (bite * bite - gap * gap);
  double exit_x = CENTRE_X - sqrt (bite * bite - gap * gap);
  McShapesPen pen = { frame->build, mc_path_new (),
                      !quadrant->left, CENTRE_X, !quadrant->top, cy };

  mc_figure_shapes_pen_move_to (&pen, x0 + rc, y0);
  mc_figure_shapes_pen_arc (&pen, x1 - rc, y0 + rc, rc, -G_PI / 2, 0);
  mc_figure_shapes_pen_arc (&pen, CENTRE_X, cy, bite,
                      atan2 (entry_y - cy, x1 - CENTRE_X),
                      atan2 (y1 - cy, exit_x - CENTRE_X));
  mc_figure_shapes_pen_arc (&pen, x0 + rc, y1 - rc, rc, G_PI / 2, G_PI);
  mc_figure_shapes_pen_arc (&pen, x0 + rc, y0 + rc, rc, G_PI, 3 * G_PI / 2);
  mc_path_close (pen.path);

  return pen.path;
}

/* The free rectangle under the texts, clear of the disc's corner: whichever
 * of "narrower" or "shorter" leaves more room. Figure units. */
static void
note_area (const Frame    *frame,
           const Quadrant *quadrant,
           double          text_bottom,
           McRect         *area)
{
  const double pad = MC_FIGURE_PAD;
  const double margin = 10;
  double qx0, qy0, qx1, qy1;
  double x0, y0, x1, y1;
  double sx0, sy0, sx1, sy1;

  quadrant_rect (frame, quadrant, &qx0, &qy0, &qx1, &qy1);
  x0 = qx0 + pad * 0.75;
  x1 = qx1 - pad * 0.75;
  y0 = text_bottom + pad * 0.5;
  y1 = qy1 - pad * 0.75;

  sx0 = CENTRE_X - frame->bite - margin;
  sx1 = CENTRE_X + frame->bite + margin;
  sy0 = frame->cy - frame->bite - margin;
  sy1 = frame->cy + frame->bite + margin;

  if (x0 < sx1 && x1 > sx0 && y0 < sy1 && y1 > sy0)
    {
      double ax0 = x0, ax1 = x1, by0 = y0, by1 = y1;

      if (quadrant->left)
        ax1 = sx0;
      else
        ax0 = sx1;
      if (quadrant->top)
        by1 = sy0;
      else
        by0 = sy1;

      if ((ax1 - ax0) * (y1 - y0) >= (x1 - x0) * (by1 - by0))
        {
          x0 = ax0;
          x1 = ax1;
        }
      else
        {
          y0 = by0;
          y1 = by1;
        }
    }

  *area = (McRect) { x0, y0, MAX (x1 - x0, 0), MAX (y1 - y0, 0) };
}

/* The span of a quadrant's texts (figure units): at the top; below the
 * centre line they make way for the disc. */
static void
text_span (const Frame    *frame,
           const Quadrant *quadrant,
           double         *tx0,
           double         *tx1)
{
  double qx0, qy0, qx1, qy1;

  quadrant_rect (frame, quadrant, &qx0, &qy0, &qx1, &qy1);
  *tx0 = qx0 + MC_FIGURE_PAD;
  *tx1 = qx1 - MC_FIGURE_PAD;
  if (!quadrant->top)
    {
      if (quadrant->left)
        *tx1 = MIN (*tx1, CENTRE_X - frame->bite - MC_FIGURE_GAP);
      else
        *tx0 = MAX (*tx0, CENTRE_X + frame->bite + MC_FIGURE_GAP);
    }
}

static void
add_quadrant (const Frame    *frame,
              const Quadrant *quadrant)
{
  McFigureBuild *build = frame->build;
  g_autoptr(McPath) path = NULL;
  double qx0, qy0, qx1, qy1;
  double tx0, tx1, ty;
  McRect box, area;
  double used;
  const McShapesRegionText text = { .label_size = frame->label_size };

  quadrant_rect (frame, quadrant, &qx0, &qy0, &qx1, &qy1);
  path = quadrant_path (frame, quadrant);
  mc_figure_shapes_begin_region (build, quadrant->id, path, NULL, quadrant->shade, 1.0,
                                 MC_LINE_SOLID);

  text_span (frame, quadrant, &tx0, &tx1);
  ty = qy0 + MC_FIGURE_PAD * 0.75;
  mc_figure_shapes_rect (build, tx0, ty, tx1 - tx0, (qy1 - qy0) * 0.55, &box);
  used = mc_figure_shapes_add_region_text (build, quadrant->id, &text, &box);

  note_area (frame, quadrant, ty + used / build->unit, &area);
  mc_figure_shapes_set_note_area (build, quadrant->id, &area);

  mc_figure_build_end_region (build);
}

/* The disc is where the practices meet: paper-white, ringed in the
 * mechanisms' colour, with the name of the concept. */
static void
add_centre (const Frame *frame)
{
  McFigureBuild *build = frame->build;
  const McTheme *theme = build->theme;
  g_autoptr(McPath) disc = mc_path_new ();
  const char *text;
  McColor stroke;
  McTextStyle style;
  double r = DISC_RADIUS * build->unit;
  double cx = mc_figure_shapes_x (build, CENTRE_X);
  double cy = mc_figure_shapes_y (build, frame->cy);
  double side = r * 1.45;
  McRect box;

  mc_theme_get_role_stroke (theme, "mechanisms", &stroke);
  mc_path_circle (disc, cx, cy, r);
  mc_scene_add_path (build->scene, MC_ROLE_DECORATION, disc, &theme->paper, &stroke,
                     mc_figure_shapes_line_width (build) * 1.5, MC_LINE_SOLID);

  text = mc_figure_info_get_string (build->info, "centre", build->language);
  if (text == NULL)
    return;

  box = (McRect) { cx - side / 2, cy - side / 2, side, side };
  mc_figure_shapes_style (build, &style, theme->body_size * 1.15, PANGO_WEIGHT_SEMIBOLD);
  style.alignment = PANGO_ALIGN_CENTER;
  mc_figure_shapes_add_text_centered (build, MC_ROLE_LABEL, text, &style, &theme->ink, &box);
}

static void
build_boundary_crossing (McFigureBuild *build)
{
  Frame frame = { build, 0, 0, DISC_RADIUS + MC_FIGURE_GAP, 0 };

  frame.top = MC_FIGURE_TITLE_BAND;
  mc_figure_shapes_add_title (build);
  frame.cy = (frame.top + AREA_BOTTOM) / 2;

  /* One size for the four names, smaller at a narrow width so that each
   * stays in its quadrant. */
  {
    const char *ids[G_N_ELEMENTS (quadrants)];
    double widths[G_N_ELEMENTS (quadrants)];

    for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
      {
        double tx0, tx1;

        text_span (&frame, &quadrants[i], &tx0, &tx1);
        ids[i] = quadrants[i].id;
        widths[i] = mc_figure_shapes_len (build, tx1 - tx0);
      }
    frame.label_size = mc_figure_shapes_label_size_for (build, ids, widths, NULL,
                                                        G_N_ELEMENTS (quadrants),
                                                        build->theme->label_size);
  }

  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    add_quadrant (&frame, &quadrants[i]);
  add_centre (&frame);
}

const McFigureKindClass mc_figure_kind_boundary_crossing = {
  .id = "boundary-crossing",
  .natural_width = 1000,
  .natural_height = 1000,
  .build = build_boundary_crossing,
};
