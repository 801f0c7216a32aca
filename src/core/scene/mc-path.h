/* mc-path.h — a backend-neutral vector path
 *
 * Move/line/cubic/close only (arcs are converted to cubics), so every
 * backend — cairo, the SVG writer, hit-testing — reads the same data.
 * Reference counted; immutable once added to a scene.
 */
#pragma once

#include <cairo.h>
#include "mc-types.h"

G_BEGIN_DECLS

typedef enum
{
  MC_PATH_MOVE_TO,  /* 1 point */
  MC_PATH_LINE_TO,  /* 1 point */
  MC_PATH_CURVE_TO, /* 3 points: two control points, end */
  MC_PATH_CLOSE,    /* 0 points */
} McPathOp;

#define MC_TYPE_PATH (mc_path_get_type ())
GType     mc_path_get_type        (void) G_GNUC_CONST;

McPath   *mc_path_new             (void);
McPath   *mc_path_ref             (McPath       *path);
void      mc_path_unref           (McPath       *path);

void      mc_path_move_to         (McPath *path, double x, double y);
void      mc_path_line_to         (McPath *path, double x, double y);
void      mc_path_curve_to        (McPath *path,
                                   double x1, double y1,
                                   double x2, double y2,
                                   double x3, double y3);
void      mc_path_close           (McPath *path);
/* Arc of a circle, angles in radians, clockwise in y-down coordinates as in
 * cairo_arc(); joins the current point with a line like cairo does. */
void      mc_path_arc             (McPath *path, double cx, double cy, double r,
                                   double angle1, double angle2);
void      mc_path_arc_negative    (McPath *path, double cx, double cy, double r,
                                   double angle1, double angle2);
void      mc_path_rectangle       (McPath *path, const McRect *rect);
void      mc_path_rounded_rectangle (McPath *path, const McRect *rect, double radius);
void      mc_path_circle          (McPath *path, double cx, double cy, double r);
void      mc_path_append          (McPath *path, const McPath *other);

/* Reading: n_ops ops, each followed by its points in the point array. */
guint     mc_path_get_n_ops       (const McPath *path);
McPathOp  mc_path_get_op          (const McPath *path,
                                   guint         index,
                                   const double **points);   /* x0,y0,x1,y1,… */
gboolean  mc_path_is_empty        (const McPath *path);
void      mc_path_get_bounds      (const McPath *path,
                                   McRect       *bounds);     /* control-point hull */

void      mc_path_to_cairo        (const McPath *path,
                                   cairo_t      *cr);
/* SVG path data ("M10 20L…Z"), coordinates with at most 3 decimals. */
char     *mc_path_to_svg_data     (const McPath *path);
/* Even-odd fill rule when even_odd, non-zero otherwise. */
gboolean  mc_path_contains_point  (const McPath *path,
                                   double        x,
                                   double        y,
                                   gboolean      even_odd);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McPath, mc_path_unref)

G_END_DECLS
