/* mc-figure-blocks.c — a pen that draws one outline mirrored, shared by the
 * figures of boundary crossing and value creation */
#include "config.h"

#include <math.h>

#include "mc-figure-blocks-private.h"

static void
pen_point (McFigurePen *pen,
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

void
_mc_figure_pen_move_to (McFigurePen *pen,
                        double       fx,
                        double       fy)
{
  double x, y;

  pen_point (pen, fx, fy, &x, &y);
  mc_path_move_to (pen->path, x, y);
}

void
_mc_figure_pen_line_to (McFigurePen *pen,
                        double       fx,
                        double       fy)
{
  double x, y;

  pen_point (pen, fx, fy, &x, &y);
  mc_path_line_to (pen->path, x, y);
}

void
_mc_figure_pen_arc (McFigurePen *pen,
                    double       cx,
                    double       cy,
                    double       r,
                    double       angle1,
                    double       angle2)
{
  double sweep = angle2 - angle1;
  guint n;

  _mc_figure_pen_line_to (pen, cx + r * cos (angle1), cy + r * sin (angle1));
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
