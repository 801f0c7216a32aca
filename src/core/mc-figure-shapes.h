/* mc-figure-shapes.h — geometry and placement helpers shared by figure kinds
 *
 * Everything a figure kind draws is designed in figure units (a 1000-unit
 * figure, or the cimo band's 4360 × 800) and converted to board units with
 * the build's frame and unit. These helpers do that conversion once, so the
 * kinds read as designs rather than arithmetic:
 *
 *  - paths: rounded rectangles and circles in either winding (a reversed
 *    inner contour cuts a hole under both fill rules), rings, annular
 *    sectors and "polar sectors" whose outer edge is a circle clipped by a
 *    rectangle;
 *  - the largest axis-aligned rectangle inside such a sector (computed, so
 *    note areas of wheel-shaped figures are as big as the shape allows);
 *  - arrows with small, clean arrowheads (straight or along a polyline with
 *    rounded corners), drawn with the theme's secondary line width;
 *  - text blocks stacked top-down in a box (label, definition, questions),
 *    each measured and fitted, and the figure title placed the same way in
 *    every kind.
 */
#pragma once

#include "mc-figure-kind.h"

G_BEGIN_DECLS

typedef enum
{
  MC_ARROW_NONE  = 0,
  MC_ARROW_END   = 1 << 0,
  MC_ARROW_START = 1 << 1,
  MC_ARROW_BOTH  = MC_ARROW_END | MC_ARROW_START,
} McArrowHeads;

/* Height of the title band at the top of every figure, in figure units;
 * the figure's own drawing starts below it. */
#define MC_FIGURE_TITLE_BAND 92.0

/* A wedge between angles a0 and a1 (radians, clockwise in y-down
 * coordinates, a1 > a0, a1 - a0 <= π) around (cx, cy), between r_inner and
 * an outer edge that is the circle r_outer, clipped by clip when clip has a
 * positive width. Figure units or board units, as long as all agree. */
typedef struct
{
  double cx;
  double cy;
  double r_inner;
  double r_outer;
  double a0;
  double a1;
  McRect clip;
} McShapeSector;

/* Figure units → board units. */
double   mc_figure_shapes_x               (McFigureBuild *build,
                                           double         x);
double   mc_figure_shapes_y               (McFigureBuild *build,
                                           double         y);
double   mc_figure_shapes_len             (McFigureBuild *build,
                                           double         length);
void     mc_figure_shapes_rect            (McFigureBuild *build,
                                           double         x,
                                           double         y,
                                           double         width,
                                           double         height,
                                           McRect        *out);
/* Theme line widths (figure units) in board units. */
double   mc_figure_shapes_line_width      (McFigureBuild *build);
double   mc_figure_shapes_thin_line_width (McFigureBuild *build);

/* Paths. reverse: counter-clockwise, to cut holes. */
void     mc_figure_shapes_append_rounded_rect (McPath       *path,
                                               const McRect *rect,
                                               double        radius,
                                               gboolean      reverse);
void     mc_figure_shapes_append_circle   (McPath        *path,
                                           double         cx,
                                           double         cy,
                                           double         r,
                                           gboolean       reverse);
/* The area between two circles (a hole under both fill rules). */
McPath  *mc_figure_shapes_ring_new        (double         cx,
                                           double         cy,
                                           double         r_inner,
                                           double         r_outer);
McPath  *mc_figure_shapes_annular_sector_new (double      cx,
                                              double      cy,
                                              double      r_inner,
                                              double      r_outer,
                                              double      a0,
                                              double      a1);
/* The sector's shape, outer edge clipped as described above. */
McPath  *mc_figure_shapes_sector_new      (const McShapeSector *sector);
/* Distance from the centre to the sector's outer edge along angle. */
double   mc_figure_shapes_sector_outer_radius (const McShapeSector *sector,
                                               double               angle);
gboolean mc_figure_shapes_sector_contains (const McShapeSector *sector,
                                           double               x,
                                           double               y);
/* The axis-aligned rectangle that keeps inset away from every edge of the
 * sector and holds the most notes (note_width × note_height, gap apart)
 * below reserved_height of text; among equals the largest.
 * FALSE if not even a sliver fits. */
gboolean mc_figure_shapes_sector_largest_rect (const McShapeSector *sector,
                                               double               inset,
                                               double               note_width,
                                               double               note_height,
                                               double               gap,
                                               double               reserved_height,
                                               McRect              *out);

/* Arrows, board units, thin line width, filled heads. */
void     mc_figure_shapes_add_arrow       (McFigureBuild *build,
                                           double         x0,
                                           double         y0,
                                           double         x1,
                                           double         y1,
                                           McArrowHeads   heads,
                                           const McColor *color);
/* points: n_points (x, y) pairs; corners are rounded with corner_radius. */
void     mc_figure_shapes_add_polyline_arrow (McFigureBuild *build,
                                              const double  *points,
                                              guint          n_points,
                                              double         corner_radius,
                                              McArrowHeads   heads,
                                              const McColor *color);

/* The height text needs at style's size when wrapped to width. */
double   mc_figure_shapes_measure_text    (const char        *text,
                                           const McTextStyle *style,
                                           double             width);
/* Places text at the top of *box (at most max_height tall when
 * max_height > 0, else as tall as *box; fitted), then
 * moves the top of *box below it by the height used plus spacing.
 * Returns the height used (0 for NULL or empty text). */
double   mc_figure_shapes_add_text_block  (McFigureBuild     *build,
                                           McItemRole         role,
                                           const char        *text,
                                           const McTextStyle *style,
                                           const McColor     *color,
                                           McRect            *box,
                                           double             max_height,
                                           double             spacing);
/* Text centred vertically in box (fitted). */
void     mc_figure_shapes_add_text_centered (McFigureBuild     *build,
                                             McItemRole         role,
                                             const char        *text,
                                             const McTextStyle *style,
                                             const McColor     *color,
                                             const McRect      *box);
/* The questions as one block of text: short questions run on as in the
 * seed ("Welke opdracht? Welke taken?"), longer ones one per line with a
 * thin bullet. NULL when there are none. */
char    *mc_figure_shapes_join_questions  (const char * const *questions);

/* The catalog title, top-left in the title band, the same in every kind. */
void     mc_figure_shapes_add_title       (McFigureBuild *build);

/* Styles from the theme, sized for this build. */
void     mc_figure_shapes_style           (McFigureBuild *build,
                                           McTextStyle   *style,
                                           double         theme_size,
                                           PangoWeight    weight);

G_END_DECLS
