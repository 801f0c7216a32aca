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
 *  - a pen that draws one outline mirrored into its copies;
 *  - regions begun and painted in their catalog colours;
 *  - text blocks stacked top-down in a box (label, definition, questions),
 *    each measured and fitted, always leaving room for notes below, and the
 *    figure title placed the same way in every kind.
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
/* Padding inside every region and the gap between regions, in units of a
 * 1000-unit figure (4 % of the width, visual.md). */
#define MC_FIGURE_PAD 40.0
#define MC_FIGURE_GAP 14.0
/* A default note and the layout's gap between packed notes, in figure
 * units of a 1000-unit figure (= board units at scale 1). */
#define MC_FIGURE_NOTE_WIDTH  160.0
#define MC_FIGURE_NOTE_HEIGHT 110.0
#define MC_FIGURE_NOTE_GAP     10.0

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
} McShapesPen;

void     mc_figure_shapes_pen_move_to     (McShapesPen   *pen,
                                           double         fx,
                                           double         fy);
void     mc_figure_shapes_pen_line_to     (McShapesPen   *pen,
                                           double         fx,
                                           double         fy);
/* An arc of any sweep (negative: counter-clockwise in y-down units),
 * joined to the current point with a line. */
void     mc_figure_shapes_pen_arc         (McShapesPen   *pen,
                                           double         cx,
                                           double         cy,
                                           double         r,
                                           double         angle1,
                                           double         angle2);

/* Sets the region's note area from a rectangle in figure units. */
void     mc_figure_shapes_set_note_area   (McFigureBuild *build,
                                           const char    *region_id,
                                           const McRect  *figure_rect);
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

/* Begins the region's group (hit path hit, or shape when hit is NULL) and
 * paints shape in the region's catalog colours: fill at shade, outline
 * line_factor × the theme's line width. End with
 * mc_figure_build_end_region(). */
void     mc_figure_shapes_begin_region    (McFigureBuild *build,
                                           const char    *region_id,
                                           McPath        *shape,
                                           McPath        *hit,
                                           guint          shade,
                                           double         line_factor,
                                           McLineStyle    line_style);

/* The height (board units) n_notes default notes need in a note area
 * width wide: as many side by side as fit, the rest in rows below. */
double   mc_figure_shapes_notes_height    (McFigureBuild *build,
                                           double         width,
                                           guint          n_notes);

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

/* When a region's questions show. */
typedef enum
{
  MC_SHAPES_QUESTIONS_INLINE,       /* when the options ask for them inline */
  MC_SHAPES_QUESTIONS_UNLESS_LIST,  /* unless they are listed beside the figure */
  MC_SHAPES_QUESTIONS_ALWAYS,       /* they are the region's face */
} McShapesQuestions;

/* How a region's texts are stacked; zero means the usual (see each field). */
typedef struct
{
  PangoAlignment     alignment;
  gboolean           no_label;         /* the kind draws the label itself */
  const char        *label_text;       /* NULL: the catalog's label */
  double             label_size;       /* theme size; 0: label_size */
  PangoWeight        label_weight;     /* 0: semibold */
  const McColor     *label_color;      /* NULL: the region's ink */
  double             label_share;      /* most of the box the label takes; 0: 0.3 */
  double             definition_size;  /* 0: body_size */
  double             definition_share; /* when first: most of what is left; 0: 0.45 */
  double             questions_size;   /* 0: small_size */
  PangoWeight        questions_weight; /* 0: normal */
  const McColor     *questions_color;  /* NULL: muted ink */
  double             questions_share;  /* when first: most of what is left; 0: 0.55 */
  McShapesQuestions  questions;
  gboolean           questions_first;  /* before the definition */
  double             spacing;          /* figure units between blocks; 0: 8 */
  guint              min_notes;        /* room kept free below, in default notes */
} McShapesRegionText;

/* Stacks the region's label, definition (when the options show them) and
 * questions at the top of *box, keeping room for spec->min_notes default
 * notes at the bottom: secondary texts shrink a little, then lose lines
 * (ending in an ellipsis) or drop out rather than take that room. On return
 * *box is what is left below the texts, the region's natural note area.
 * Returns the height used. */
double   mc_figure_shapes_add_region_text (McFigureBuild            *build,
                                           const char               *region_id,
                                           const McShapesRegionText *spec,
                                           McRect                   *box);

/* One label size for the regions of a figure (theme size, at most
 * theme_size): in strict views the largest down to the font floor at which
 * every region's label, set widths[i] wide, wraps at words only and (with
 * heights) is at most heights[i] tall. Other views: theme_size. */
double   mc_figure_shapes_label_size_for (McFigureBuild      *build,
                                          const char * const *region_ids,
                                          const double       *widths,
                                          const double       *heights,
                                          guint               n,
                                          double              theme_size);

/* The letter of a CIMO part ("context" → "C"), from the catalog's
 * "<part>_letter" string (the figure's own, else the cimo figure's). */
char    *mc_figure_shapes_dup_cimo_letter (McFigureBuild *build,
                                           const char    *part);

/* The catalog title, top-left in the title band, the same in every kind. */
void     mc_figure_shapes_add_title       (McFigureBuild *build);

/* Styles from the theme, sized for this build. */
void     mc_figure_shapes_style           (McFigureBuild *build,
                                           McTextStyle   *style,
                                           double         theme_size,
                                           PangoWeight    weight);

/* Layouts for the frame: the height text needs at a theme size wrapped to
 * width (0 for no text), and the text placed at (x, *y) that tall, *y
 * moved below it by spacing. */
double   mc_figure_shapes_text_height     (McFigureBuild *build,
                                           const char    *text,
                                           double         theme_size,
                                           PangoWeight    weight,
                                           double         width);
void     mc_figure_shapes_place_text      (McFigureBuild *build,
                                           McItemRole     role,
                                           const char    *text,
                                           double         theme_size,
                                           PangoWeight    weight,
                                           const McColor *color,
                                           double         x,
                                           double        *y,
                                           double         width,
                                           double         spacing);

G_END_DECLS
