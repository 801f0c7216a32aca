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

  /* out: filled by mc_figure_build_set_note_area() */
  GHashTable          *note_areas; /* region id → McRect* (board units) */
} McFigureBuild;

typedef struct
{
  const char *id;                  /* "cimo", … */
  double      natural_width;       /* figure units; sets the aspect ratio */
  double      natural_height;
  void      (*build) (McFigureBuild *build);
} McFigureKindClass;

/* Registry of the kinds compiled in (all of DESIGN.md's table). */
const McFigureKindClass *mc_figure_kind_lookup (const char *id);
const char * const      *mc_figure_kind_list   (void);   /* NULL-terminated */

/* Helpers every kind uses, so all figures share spacing and type. */
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
 * returns the height used. */
double  mc_figure_build_add_text    (McFigureBuild     *build,
                                     McItemRole         role,
                                     const char        *text,
                                     const McTextStyle *style,
                                     const McRect      *box,
                                     const McColor     *color);

G_END_DECLS
