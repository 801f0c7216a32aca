/* mc-figure-kind.h — how a figure kind turns a size into a scene
 *
 * One file per kind (mc-figure-cimo.c, …) defines a McFigureKindClass and
 * builds, for the frame it is given, its region groups (each with a hit
 * path), labels, decorations and the note area of every region. The layout
 * then packs the notes of each region into its note area.
 *
 * Ids of the region groups are "<placement-id>/<region-id>" with region ids
 * from DESIGN.md. Colours come from the theme by the region's catalog role.
 */
#pragma once

#include "mc-types.h"
#include "mc-catalog.h"
#include "mc-scene.h"
#include "mc-theme.h"
#include "mc-text.h"

G_BEGIN_DECLS

typedef struct _McViewOptions McViewOptions;

typedef struct
{
  /* in */
  McScene             *scene;
  const McFigureInfo  *info;
  const McTheme       *theme;
  const McViewOptions *options;
  McLanguage           language;
  const char          *placement_id;
  McRect               frame;      /* where to draw, in board units */
  double               unit;       /* frame.width / natural width: multiply
                                      every figure-unit size by it */
  double               font_scale; /* multiply theme sizes by this (unit,
                                      raised where the font floor demands) */
  double               min_font_size; /* floor for every text, scene units */

  /* Layout for the frame (options->frame_width > 0): the frame's height is
   * a first guess and the kind may use more or less of it; the height
   * (board units, from frame.y) it used goes into height_used. */
  gboolean             for_frame;
  /* The height the notes of a region take when packed width wide (frame
   * layouts: regions grow to hold their notes); NULL when unknown. */
  double             (*notes_height) (gpointer    data,
                                      const char *region_id,
                                      double      width);
  /* The width the widest note of a note area needs at least (its longest
   * word at the floor, with its padding); NULL when unknown. */
  double             (*notes_min_width) (gpointer    data,
                                         const char *area_id);
  gpointer             notes_data;

  /* out: filled by mc_figure_build_set_note_area() */
  GHashTable          *note_areas; /* region id → McRect* (board units) */
  double               height_used;
  /* out, strict views: texts that did not fit where the kind put them, in
   * drawing order; the layout sets them in full in the legend. */
  GPtrArray           *deferred;   /* McDeferredText* */

  /* A pass whose scene is thrown away (only height_used counts): strict
   * texts are measured, not laid out into it. */
  gboolean             measuring;

  /* private */
  const char          *region_id;  /* the region begun, if any */
} McFigureBuild;

/* A text a strict build could not fit at its size. */
typedef struct
{
  char       *region_id;  /* NULL: the figure's own (title, relations) */
  McItemRole  role;
  char       *text;
} McDeferredText;

void    mc_deferred_text_free       (McDeferredText *text);

typedef struct
{
  const char *id;                  /* "cimo", … */
  double      natural_width;       /* figure units; sets the aspect ratio */
  double      natural_height;
  void      (*build) (McFigureBuild *build);
  /* TRUE when build reflows for a frame (build->for_frame): it arranges
   * its regions for the width, grows them to hold their texts and notes
   * and sets height_used. Other kinds keep their design, scaled to the
   * width, and their notes keep the design's scale. */
  gboolean    lays_out_for_frame;
  /* Kinds whose regions are divided into reach columns (doorwerking):
   * the reach (one of mc_note_reaches) of a note centred at x, in figure
   * units of the design drawn with options. They also set a note area
   * "<region>:<reach>" for every column (mc_figure_reach_area_id()).
   * NULL for the other kinds. */
  const char *(*reach_at) (const McViewOptions *options,
                           double               x);
  /* Its share (0 … 1) of a region's width: notes without a stored reach
   * or a position spread over the columns in these proportions. */
  double      (*reach_share) (const char *reach);
} McFigureKindClass;

/* Registry of the kinds compiled in (all of DESIGN.md's table). */
const McFigureKindClass *mc_figure_kind_lookup (const char *id);
const char * const      *mc_figure_kind_list   (void);   /* NULL-terminated */

/* "<region>:<reach>": the note area of one reach column of a region.
 * Free with g_free(). */
char   *mc_figure_reach_area_id (const char *region_id,
                                 const char *reach);

/* Helpers every kind uses, so all figures share spacing and type. */
/* The height a region's notes take packed width wide: 0 without notes or
 * without a notes_height hook. */
double  mc_figure_build_notes_height (McFigureBuild *build,
                                      const char    *region_id,
                                      double         width);
/* The least width a note area must have for its notes: 0 without notes
 * or without a notes_min_width hook. */
double  mc_figure_build_notes_min_width (McFigureBuild *build,
                                         const char    *area_id);
double  mc_figure_build_size        (McFigureBuild *build,
                                     double         theme_size);   /* theme size → scene units */
void    mc_figure_build_begin_region (McFigureBuild *build,
                                      const char    *region_id,
                                      McPath        *hit_path);
void    mc_figure_build_end_region  (McFigureBuild *build);
void    mc_figure_build_set_note_area (McFigureBuild *build,
                                       const char    *region_id,
                                       const McRect  *area);
/* Adds text fitted into box (wrapped, shrunk to the font floor at most);
 * returns the height used. Strict views: the text keeps its size and wraps
 * at words only; when it does not fit the box it is deferred to the legend
 * (build->deferred) and 0 is returned. */
double  mc_figure_build_add_text    (McFigureBuild     *build,
                                     McItemRole         role,
                                     const char        *text,
                                     const McTextStyle *style,
                                     const McRect      *box,
                                     const McColor     *color);

/* Shared furniture, so every kind looks alike. */

/* Padding inside every region: 4 % of the frame's smaller side. */
double  mc_figure_build_padding     (McFigureBuild *build);
/* The catalog title, small and semibold, at the top-left of the frame, the
 * same place in every kind. Returns the y (board units) just below it, where
 * the figure's content may begin. */
double  mc_figure_build_add_title   (McFigureBuild *build);
/* The catalog's region (NULL while the catalog lacks it). */
const McRegionInfo *mc_figure_build_get_region (McFigureBuild *build,
                                                const char    *region_id);
/* Theme colours for a region by its catalog role: fill at shade, outline,
 * and the ink for text on the fill. Any out argument may be NULL. */
void    mc_figure_build_get_region_colors (McFigureBuild *build,
                                           const char    *region_id,
                                           guint          shade,
                                           McColor       *fill,
                                           McColor       *stroke,
                                           McColor       *ink);
/* Stacks the region's label (semibold), its definition (when
 * options->definitions) and its questions (when options->questions is
 * MC_QUESTIONS_INLINE, one per line with a bullet) into box, each fitted;
 * returns the height used from box->y. Call between begin/end_region. */
double  mc_figure_build_add_region_text (McFigureBuild  *build,
                                         const char     *region_id,
                                         const McRect   *box,
                                         PangoAlignment  alignment);

G_END_DECLS
