/* mc-figure-shapes.c — geometry and placement helpers shared by figure kinds */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-figure-shapes.h"
#include "mc-view-options.h"

/* Figure units ---------------------------------------------------------- */

double
mc_figure_shapes_x (McFigureBuild *build,
                    double         x)
{
  return build->frame.x + x * build->unit;
}

double
mc_figure_shapes_y (McFigureBuild *build,
                    double         y)
{
  return build->frame.y + y * build->unit;
}

double
mc_figure_shapes_len (McFigureBuild *build,
                      double         length)
{
  return length * build->unit;
}

void
mc_figure_shapes_rect (McFigureBuild *build,
                       double         x,
                       double         y,
                       double         width,
                       double         height,
                       McRect        *out)
{
  out->x = mc_figure_shapes_x (build, x);
  out->y = mc_figure_shapes_y (build, y);
  out->width = width * build->unit;
  out->height = height * build->unit;
}

void
mc_figure_shapes_set_note_area (McFigureBuild *build,
                                const char    *region_id,
                                const McRect  *figure_rect)
{
  McRect area;

  mc_figure_shapes_rect (build, figure_rect->x, figure_rect->y, figure_rect->width,
                         figure_rect->height, &area);
  mc_figure_build_set_note_area (build, region_id, &area);
}

/* Lines and arrowheads: laid out for a frame they follow the type, so a
 * figure shrunk to a journal column keeps lines that print. */
static double
stroke_unit (McFigureBuild *build)
{
  return build->for_frame ? MAX (build->unit, build->font_scale) : build->unit;
}

double
mc_figure_shapes_line_width (McFigureBuild *build)
{
  return build->theme->line_width * stroke_unit (build);
}

double
mc_figure_shapes_thin_line_width (McFigureBuild *build)
{
  return build->theme->thin_line_width * stroke_unit (build);
}

/* A mirroring pen -------------------------------------------------------- */

static void
pen_point (McShapesPen *pen,
           double       fx,
           double       fy,
           double      *x,
           double      *y)
{
  if (pen->mirror_x)
    fx = 2 * pen->axis_x - fx;
  if (pen->mirror_y)
    fy = 2 * pen->axis_y - fy;
  *x = mc_figure_shapes_x (pen->build, fx);
  *y = mc_figure_shapes_y (pen->build, fy);
}

static void
pen_to (McShapesPen *pen,
        double       fx,
        double       fy,
        gboolean     move)
{
  double x, y;

  pen_point (pen, fx, fy, &x, &y);
  if (move)
    mc_path_move_to (pen->path, x, y);
  else
    mc_path_line_to (pen->path, x, y);
}

void
mc_figure_shapes_pen_move_to (McShapesPen *pen,
                              double       fx,
                              double       fy)
{
  pen_to (pen, fx, fy, TRUE);
}

void
mc_figure_shapes_pen_line_to (McShapesPen *pen,
                              double       fx,
                              double       fy)
{
  pen_to (pen, fx, fy, FALSE);
}

void
mc_figure_shapes_pen_arc (McShapesPen *pen,
                          double       cx,
                          double       cy,
                          double       r,
                          double       angle1,
                          double       angle2)
{
  double sweep = angle2 - angle1;
  guint n;

  mc_figure_shapes_pen_line_to (pen, cx + r * cos (angle1), cy + r * sin (angle1));
  if (r <= 0 || sweep == 0)
    return;

  /* One cubic per quarter turn at most; the control points are mirrored
   * with the end points, which keeps the curve exact. */
  n = MAX ((guint) ceil (fabs (sweep) / (G_PI / 2) - 1e-9), 1);
  for (guint i = 0; i < n; i++)
    {
      double a = angle1 + sweep * i / n;
      double b = angle1 + sweep * (i + 1) / n;
      double k = 4.0 / 3.0 * tan ((b - a) / 4);
      double x1, y1, x2, y2, x3, y3;

      pen_point (pen, cx + r * (cos (a) - k * sin (a)), cy + r * (sin (a) + k * cos (a)),
                 &x1, &y1);
      pen_point (pen, cx + r * (cos (b) + k * sin (b)), cy + r * (sin (b) - k * cos (b)),
                 &x2, &y2);
      pen_point (pen, cx + r * cos (b), cy + r * sin (b), &x3, &y3);
      mc_path_curve_to (pen->path, x1, y1, x2, y2, x3, y3);
    }
}

/* Paths ----------------------------------------------------------------- */

void
mc_figure_shapes_append_rounded_rect (McPath       *path,
                                      const McRect *rect,
                                      double        radius,
                                      gboolean      reverse)
{
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;
  double r = CLAMP (radius, 0, MIN (w, h) / 2);

  if (!reverse)
    {
      mc_path_move_to (path, x + r, y);
      mc_path_line_to (path, x + w - r, y);
      mc_path_arc (path, x + w - r, y + r, r, -G_PI / 2, 0);
      mc_path_line_to (path, x + w, y + h - r);
      mc_path_arc (path, x + w - r, y + h - r, r, 0, G_PI / 2);
      mc_path_line_to (path, x + r, y + h);
      mc_path_arc (path, x + r, y + h - r, r, G_PI / 2, G_PI);
      mc_path_line_to (path, x, y + r);
      mc_path_arc (path, x + r, y + r, r, G_PI, 3 * G_PI / 2);
    }
  else
    {
      mc_path_move_to (path, x + r, y);
      mc_path_arc_negative (path, x + r, y + r, r, 3 * G_PI / 2, G_PI);
      mc_path_line_to (path, x, y + h - r);
      mc_path_arc_negative (path, x + r, y + h - r, r, G_PI, G_PI / 2);
      mc_path_line_to (path, x + w - r, y + h);
      mc_path_arc_negative (path, x + w - r, y + h - r, r, G_PI / 2, 0);
      mc_path_line_to (path, x + w, y + r);
      mc_path_arc_negative (path, x + w - r, y + r, r, 0, -G_PI / 2);
    }
  mc_path_close (path);
}

void
mc_figure_shapes_append_circle (McPath *path,
                                double  cx,
                                double  cy,
                                double  r,
                                gboolean reverse)
{
  mc_path_move_to (path, cx + r, cy);
  if (!reverse)
    mc_path_arc (path, cx, cy, r, 0, 2 * G_PI);
  else
    mc_path_arc_negative (path, cx, cy, r, 0, -2 * G_PI);
  mc_path_close (path);
}

McPath *
mc_figure_shapes_ring_new (double cx,
                           double cy,
                           double r_inner,
                           double r_outer)
{
  McPath *path = mc_path_new ();

  mc_figure_shapes_append_circle (path, cx, cy, r_outer, FALSE);
  if (r_inner > 0)
    mc_figure_shapes_append_circle (path, cx, cy, r_inner, TRUE);
  return path;
}

McPath *
mc_figure_shapes_annular_sector_new (double cx,
                                     double cy,
                                     double r_inner,
                                     double r_outer,
                                     double a0,
                                     double a1)
{
  McPath *path = mc_path_new ();

  mc_path_move_to (path, cx + r_outer * cos (a0), cy + r_outer * sin (a0));
  mc_path_arc (path, cx, cy, r_outer, a0, a1);
  if (r_inner > 0)
    {
      mc_path_line_to (path, cx + r_inner * cos (a1), cy + r_inner * sin (a1));
      mc_path_arc_negative (path, cx, cy, r_inner, a1, a0);
    }
  else
    mc_path_line_to (path, cx, cy);
  mc_path_close (path);
  return path;
}

double
mc_figure_shapes_sector_outer_radius (const McShapeSector *sector,
                                      double               angle)
{
  double dx = cos (angle), dy = sin (angle);
  double r = sector->r_outer;
  const McRect *clip = &sector->clip;

  if (clip->width <= 0)
    return r;

  /* The centre lies inside the clip: the ray leaves it through the edge it
   * meets first. */
  if (dx > 1e-12)
    r = MIN (r, (clip->x + clip->width - sector->cx) / dx);
  else if (dx < -1e-12)
    r = MIN (r, (clip->x - sector->cx) / dx);
  if (dy > 1e-12)
    r = MIN (r, (clip->y + clip->height - sector->cy) / dy);
  else if (dy < -1e-12)
    r = MIN (r, (clip->y - sector->cy) / dy);
  return MAX (r, 0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static void
add_angle_if_inside (GArray *angles,
                     double  angle,
                     double  a0,
                     double  a1)
{
  /* Bring angle into [a0, a0 + 2π). */
  while (angle < a0)
    angle += 2 * G_PI;
  while (angle >= a0 + 2 * G_PI)
    angle -= 2 * G_PI;
  if (angle > a0 && angle < a1)
    g_array_append_val (angles, angle);
}

/* The angles where the clipped outer edge has a kink: the clip's corners
 * and where the circle crosses the clip's edges. Sampling must hit them
 * exactly or a corner is cut off. */
static void
add_outer_kinks (const McShapeSector *sector,
                 GArray              *angles)
{
  const McRect *c = &sector->clip;
  double xs[2] = { c->x - sector->cx, c->x + c->width - sector->cx };
  double ys[2] = { c->y - sector->cy, c->y + c->height - sector->cy };
  double r = sector->r_outer;

  if (c->width <= 0)
    return;

  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      add_angle_if_inside (angles, atan2 (ys[j], xs[i]), sector->a0, sector->a1);

  for (guint i = 0; i < 2; i++)
    {
      if (fabs (xs[i]) < r)
        {
          double h = sqrt (r * r - xs[i] * xs[i]);
          add_angle_if_inside (angles, atan2 (h, xs[i]), sector->a0, sector->a1);
          add_angle_if_inside (angles, atan2 (-h, xs[i]), sector->a0, sector->a1);
        }
      if (fabs (ys[i]) < r)
        {
          double h = sqrt (r * r - ys[i] * ys[i]);
          add_angle_if_inside (angles, atan2 (ys[i], h), sector->a0, sector->a1);
          add_angle_if_inside (angles, atan2 (ys[i], -h), sector->a0, sector->a1);
        }
    }
}

McPath *
mc_figure_shapes_sector_new (const McShapeSector *sector)
{
  McPath *path;
  g_autoptr(GArray) angles = NULL;
  double span = sector->a1 - sector->a0;
  guint n_steps;

  if (sector->clip.width <= 0)
    return mc_figure_shapes_annular_sector_new (sector->cx, sector->cy,
                                                sector->r_inner, sector->r_outer,
                                                sector->a0, sector->a1);

  /* The outer edge is sampled finely enough that the chords of its arcs
   * stay far below a pixel at any zoom the canvas offers. */
  angles = g_array_new (FALSE, FALSE, sizeof (double));
  n_steps = MAX (2, (guint) ceil (span / (G_PI / 720)));
  for (guint i = 0; i <= n_steps; i++)
    {
      double a = sector->a0 + span * i / n_steps;
      g_array_append_val (angles, a);
    }
  add_outer_kinks (sector, angles);
  g_array_sort (angles, compare_doubles);

  path = mc_path_new ();
  for (guint i = 0; i < angles->len; i++)
    {
      double a = g_array_index (angles, double, i);
      double r = mc_figure_shapes_sector_outer_radius (sector, a);
      double x = sector->cx + r * cos (a), y = sector->cy + r * sin (a);

      if (i == 0)
        mc_path_move_to (path, x, y);
      else
        mc_path_line_to (path, x, y);
    }
  if (sector->r_inner > 0)
    {
      mc_path_line_to (path,
                       sector->cx + sector->r_inner * cos (sector->a1),
                       sector->cy + sector->r_inner * sin (sector->a1));
      mc_path_arc_negative (path, sector->cx, sector->cy, sector->r_inner,
                            sector->a1, sector->a0);
    }
  else
    mc_path_line_to (path, sector->cx, sector->cy);
  mc_path_close (path);
  return path;
}

gboolean
mc_figure_shapes_sector_contains (const McShapeSector *sector,
                                  double               x,
                                  double               y)
{
  double dx = x - sector->cx, dy = y - sector->cy;
  double d = hypot (dx, dy);
  double a = atan2 (dy, dx);

  while (a < sector->a0)
    a += 2 * G_PI;
  while (a >= sector->a0 + 2 * G_PI)
    a -= 2 * G_PI;
  if (a > sector->a1)
    return FALSE;
  return d >= sector->r_inner && d <= mc_figure_shapes_sector_outer_radius (sector, a);
}

/* Largest rectangle ------------------------------------------------------ */

/* The sector with its trigonometry done once: the search below tests
 * millions of points. */
typedef struct
{
  const McShapeSector *s;
  double               inset;
  double               cos0, sin0, cos1, sin1;
  double               r_max;
  double               r_min;
  gboolean             clipped;
  double               x_min, x_max, y_min, y_max;
} PreparedSector;

static void
prepare_sector (PreparedSector      *p,
                const McShapeSector *s,
                double               inset)
{
  p->s = s;
  p->inset = inset;
  p->cos0 = cos (s->a0);
  p->sin0 = sin (s->a0);
  p->cos1 = cos (s->a1);
  p->sin1 = sin (s->a1);
  p->r_max = s->r_outer - inset;
  p->r_min = s->r_inner + inset;
  p->clipped = s->clip.width > 0;
  p->x_min = s->clip.x + inset;
  p->x_max = s->clip.x + s->clip.width - inset;
  p->y_min = s->clip.y + inset;
  p->y_max = s->clip.y + s->clip.height - inset;
}

static gboolean
sector_point_ok (const PreparedSector *p,
                 double                x,
                 double                y)
{
  double dx = x - p->s->cx, dy = y - p->s->cy;

  /* Inside both half-planes of the wedge, inset away from their lines. */
  if (p->cos0 * dy - p->sin0 * dx < p->inset)
    return FALSE;
  if (p->sin1 * dx - p->cos1 * dy < p->inset)
    return FALSE;
  if (dx * dx + dy * dy > p->r_max * p->r_max)
    return FALSE;
  if (p->clipped
      && (x < p->x_min || x > p->x_max || y < p->y_min || y > p->y_max))
    return FALSE;
  return TRUE;
}

/* Every part of the sector is convex except the hole, so a rectangle fits
 * when its corners do and it keeps its distance from the inner circle. */
static gboolean
sector_rect_ok (const PreparedSector *p,
                double                x0,
                double                y0,
                double                x1,
                double                y1)
{
  double nx, ny;

  if (!sector_point_ok (p, x0, y0) || !sector_point_ok (p, x1, y0)
      || !sector_point_ok (p, x0, y1) || !sector_point_ok (p, x1, y1))
    return FALSE;

  nx = CLAMP (p->s->cx, x0, x1) - p->s->cx;
  ny = CLAMP (p->s->cy, y0, y1) - p->s->cy;
  return nx * nx + ny * ny >= p->r_min * p->r_min;
}

/* The tallest rectangle of that width centred at (x, y), or 0. */
static double
sector_max_height (const PreparedSector *p,
                   double                x,
                   double                y,
                   double                width,
                   double                limit)
{
  double lo = 0, hi = limit;

  if (!sector_rect_ok (p, x - width / 2, y - 1e-6, x + width / 2, y + 1e-6))
    return 0;
  for (guint i = 0; i < 16; i++)
    {
      double mid = (lo + hi) / 2;

      if (sector_rect_ok (p, x - width / 2, y - mid / 2, x + width / 2, y + mid / 2))
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static double
rect_score (double width,
            double height,
            double note_width,
            double note_height,
            double gap,
            double reserved_height)
{
  double columns = floor ((width + gap) / (note_width + gap));
  double rows = floor ((height - reserved_height + gap) / (note_height + gap));

  /* What counts is how many notes fit below the reserved text; among
   * rectangles that hold as many, the larger one wins. */
  return MAX (columns, 0) * MAX (rows, 0) * 1e9 + width * height;
}

gboolean
mc_figure_shapes_sector_largest_rect (const McShapeSector *sector,
                                      double               inset,
                                      double               note_width,
                                      double               note_height,
                                      double               gap,
                                      double               reserved_height,
                                      McRect              *out)
{
  double limit = 2 * sector->r_outer;
  double best_score = 0, best_x = 0, best_y = 0, best_w = 0, best_h = 0;
  double step_x, step_y, step_w;
  const guint n_r = 14, n_a = 14, n_w = 16;
  PreparedSector prepared;

  g_return_val_if_fail (sector != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  prepare_sector (&prepared, sector, inset);
  if (sector->clip.width > 0)
    limit = MIN (limit, MAX (sector->clip.width, sector->clip.height));

  /* Coarse search over centres (polar grid) and widths… */
  for (guint i = 0; i < n_r; i++)
    for (guint j = 0; j < n_a; j++)
      {
        double a = sector->a0 + (sector->a1 - sector->a0) * (j + 0.5) / n_a;
        double r_out = mc_figure_shapes_sector_outer_radius (sector, a);
        double r = sector->r_inner + (r_out - sector->r_inner) * (i + 0.5) / n_r;
        double x = sector->cx + r * cos (a), y = sector->cy + r * sin (a);

        for (guint k = 1; k <= n_w; k++)
          {
            double w = limit * k / n_w;
            double h = sector_max_height (&prepared, x, y, w, limit);
            double score = rect_score (w, h, note_width, note_height, gap, reserved_height);

            if (h > 0 && score > best_score)
              {
                best_score = score;
                best_x = x;
                best_y = y;
                best_w = w;
                best_h = h;
              }
          }
      }

  if (best_score <= 0)
    return FALSE;

  /* …then a pattern search around the best candidate, halving the steps. */
  step_x = step_y = (sector->r_outer - sector->r_inner) / n_r;
  step_w = limit / n_w;
  for (guint round = 0; round < 8; round++)
    {
      gboolean improved = TRUE;

      while (improved)
        {
          improved = FALSE;
          for (int di = -1; di <= 1; di++)
            for (int dj = -1; dj <= 1; dj++)
              for (int dk = -1; dk <= 1; dk++)
                {
                  double x = best_x + di * step_x;
                  double y = best_y + dj * step_y;
                  double w = best_w + dk * step_w;
                  double h, score;

                  if ((di == 0 && dj == 0 && dk == 0) || w <= 0)
                    continue;
                  h = sector_max_height (&prepared, x, y, w, limit);
                  score = rect_score (w, h, note_width, note_height, gap, reserved_height);
                  if (h > 0 && score > best_score * (1 + 1e-9))
                    {
                      best_score = score;
                      best_x = x;
                      best_y = y;
                      best_w = w;
                      best_h = h;
                      improved = TRUE;
                    }
                }
        }
      step_x /= 2;
      step_y /= 2;
      step_w /= 2;
    }

  out->x = best_x - best_w / 2;
  out->y = best_y - best_h / 2;
  out->width = best_w;
  out->height = best_h;
  return TRUE;
}

/* Regions --------------------------------------------------------------- */

void
mc_figure_shapes_begin_region (McFigureBuild *build,
                               const char    *region_id,
                               McPath        *shape,
                               McPath        *hit,
                               guint          shade,
                               double         line_factor,
                               McLineStyle    line_style)
{
  McColor fill, stroke;

  g_return_if_fail (build != NULL);
  g_return_if_fail (shape != NULL);

  mc_figure_build_get_region_colors (build, region_id, shade, &fill, &stroke, NULL);
  mc_figure_build_begin_region (build, region_id, hit != NULL ? hit : shape);
  mc_scene_add_path (build->scene, MC_ROLE_REGION, shape, &fill, &stroke,
                     mc_figure_shapes_line_width (build) * line_factor, line_style);
}

double
mc_figure_shapes_notes_height (McFigureBuild *build,
                               double         width,
                               guint          n_notes)
{
  double note_w = mc_figure_shapes_len (build, MC_FIGURE_NOTE_WIDTH);
  double note_h = mc_figure_shapes_len (build, MC_FIGURE_NOTE_HEIGHT);
  double gap = mc_figure_shapes_len (build, MC_FIGURE_NOTE_GAP);
  guint columns, rows;

  if (n_notes == 0)
    return 0;

  columns = (guint) CLAMP (floor ((width + gap) / (note_w + gap)), 1, n_notes);
  rows = (n_notes + columns - 1) / columns;
  /* A hair over, so rounding in the packer never drops the last row. */
  return rows * note_h + (rows - 1) * gap + mc_figure_shapes_len (build, 1);
}

/* Arrows ---------------------------------------------------------------- */

static void
add_arrowhead (McFigureBuild *build,
               double         tip_x,
               double         tip_y,
               double         dir_x,
               double         dir_y,
               const McColor *color)
{
  g_autoptr(McPath) head = mc_path_new ();
  double length = 15 * stroke_unit (build);
  double half = 5.5 * stroke_unit (build);
  double nx = -dir_y, ny = dir_x;
  double back_x = tip_x - dir_x * length, back_y = tip_y - dir_y * length;
  double notch = length * 0.78;

  /* A slim head with a slight notch reads as drawn, not as a stock glyph. */
  mc_path_move_to (head, tip_x, tip_y);
  mc_path_line_to (head, back_x + nx * half, back_y + ny * half);
  mc_path_line_to (head, tip_x - dir_x * notch, tip_y - dir_y * notch);
  mc_path_line_to (head, back_x - nx * half, back_y - ny * half);
  mc_path_close (head);
  mc_scene_add_path (build->scene, MC_ROLE_DECORATION, head, color, NULL, 0,
                     MC_LINE_SOLID);
}

static gboolean
unit_vector (double  x0,
             double  y0,
             double  x1,
             double  y1,
             double *ux,
             double *uy,
             double *length)
{
  double dx = x1 - x0, dy = y1 - y0;
  double d = hypot (dx, dy);

  if (length)
    *length = d;
  if (d < 1e-9)
    return FALSE;
  *ux = dx / d;
  *uy = dy / d;
  return TRUE;
}

void
mc_figure_shapes_add_arrow (McFigureBuild *build,
                            double         x0,
                            double         y0,
                            double         x1,
                            double         y1,
                            McArrowHeads   heads,
                            const McColor *color)
{
  double points[4] = { x0, y0, x1, y1 };

  mc_figure_shapes_add_polyline_arrow (build, points, 2, 0, heads, color);
}

void
mc_figure_shapes_add_polyline_arrow (McFigureBuild *build,
                                     const double  *points,
                                     guint          n_points,
                                     double         corner_radius,
                                     McArrowHeads   heads,
                                     const McColor *color)
{
  g_autoptr(McPath) shaft = NULL;
  g_autofree double *p = NULL;
  double pull_back = mc_figure_shapes_len (build, 15) * 0.7;
  double ux, uy, d;
  guint last;

  g_return_if_fail (build != NULL);
  g_return_if_fail (points != NULL && n_points >= 2);

  p = g_memdup2 (points, sizeof (double) * 2 * n_points);
  last = 2 * (n_points - 1);

  /* The shaft stops inside the head so the thin line never pokes out of
   * its tip. */
  if ((heads & MC_ARROW_START)
      && unit_vector (p[2], p[3], p[0], p[1], &ux, &uy, &d))
    {
      add_arrowhead (build, p[0], p[1], ux, uy, color);
      p[0] -= ux * MIN (pull_back, d / 2);
      p[1] -= uy * MIN (pull_back, d / 2);
    }
  if ((heads & MC_ARROW_END)
      && unit_vector (p[last - 2], p[last - 1], p[last], p[last + 1], &ux, &uy, &d))
    {
      add_arrowhead (build, p[last], p[last + 1], ux, uy, color);
      p[last] -= ux * MIN (pull_back, d / 2);
      p[last + 1] -= uy * MIN (pull_back, d / 2);
    }

  shaft = mc_path_new ();
  mc_path_move_to (shaft, p[0], p[1]);
  for (guint i = 1; i + 1 < n_points; i++)
    {
      double in_x, in_y, out_x, out_y, d_in, d_out, r;
      double cx = p[2 * i], cy = p[2 * i + 1];

      if (!unit_vector (p[2 * i - 2], p[2 * i - 1], cx, cy, &in_x, &in_y, &d_in)
          || !unit_vector (cx, cy, p[2 * i + 2], p[2 * i + 3], &out_x, &out_y, &d_out))
        {
          mc_path_line_to (shaft, cx, cy);
          continue;
        }
      r = MIN (corner_radius, MIN (d_in, d_out) / 2);
      mc_path_line_to (shaft, cx - in_x * r, cy - in_y * r);
      /* A cubic with both handles 0.55 r toward the corner approximates a
       * quarter circle for right angles and stays smooth for others. */
      mc_path_curve_to (shaft,
                        cx - in_x * r * 0.45, cy - in_y * r * 0.45,
                        cx + out_x * r * 0.45, cy + out_y * r * 0.45,
                        cx + out_x * r, cy + out_y * r);
    }
  mc_path_line_to (shaft, p[last], p[last + 1]);
  mc_scene_add_path (build->scene, MC_ROLE_DECORATION, shaft, NULL, color,
                     mc_figure_shapes_thin_line_width (build), MC_LINE_SOLID);
}
