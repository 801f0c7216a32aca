/* mc-figure-blocks-private.h — what the boundary-crossing, doorwerking,
 * value-creation and potential-value figures share beyond mc-figure-shapes.h:
 * their spacing and a pen that draws one outline mirrored into the others.
 */
#pragma once

#include "mc-figure-shapes.h"

G_BEGIN_DECLS

/* Padding inside every region and the gap between regions, in units of a
 * 1000-unit figure (4 % of the width, visual.md). */
#define MC_FIGURE_BLOCK_PAD 40.0
#define MC_FIGURE_BLOCK_GAP 14.0

/* Draws in figure units into path, optionally mirrored about the vertical
 * line x = axis_x and/or the horizontal line y = axis_y, so one canonical
 * outline serves every mirrored copy with exact curves. */
typedef struct
{
  McFigureBuild *build;
  McPath        *path;
  gboolean       mirror_x;
  double         axis_x;
  gboolean       mirror_y;
  double         axis_y;
} McFigurePen;

void     _mc_figure_pen_move_to        (McFigurePen *pen,
                                        double       fx,
                                        double       fy);
void     _mc_figure_pen_line_to        (McFigurePen *pen,
                                        double       fx,
                                        double       fy);
/* An arc of any sweep (negative: counter-clockwise in y-down units),
 * joined to the current point with a line. */
void     _mc_figure_pen_arc            (McFigurePen *pen,
                                        double       cx,
                                        double       cy,
                                        double       r,
                                        double       angle1,
                                        double       angle2);

G_END_DECLS
