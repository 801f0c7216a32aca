/* mc-figure-kinds-private.h — the figure kinds compiled in; each is defined
 * in its own mc-figure-<kind>.c and listed by the registry in mc-figure-kind.c. */
#pragma once

#include "mc-figure-kind.h"

G_BEGIN_DECLS

extern const McFigureKindClass mc_figure_kind_cimo;
extern const McFigureKindClass mc_figure_kind_context;
extern const McFigureKindClass mc_figure_kind_perspectives;
extern const McFigureKindClass mc_figure_kind_scale_levels;
extern const McFigureKindClass mc_figure_kind_boundary_crossing;
extern const McFigureKindClass mc_figure_kind_doorwerking;
extern const McFigureKindClass mc_figure_kind_value_creation;
extern const McFigureKindClass mc_figure_kind_coherence;
extern const McFigureKindClass mc_figure_kind_potential_value;

/* Draws a kind whose build is still NULL: one labelled rounded rectangle
 * per catalog region. */
void _mc_figure_build_placeholder (McFigureBuild *build);

/* The perspectives wheel's note rectangles (figure units, five sectors):
 * as the kind uses them, and as its search finds them afresh (tests). */
void _mc_figure_perspectives_get_content_rects    (McRect rects[]);
void _mc_figure_perspectives_search_content_rects (McRect rects[]);

G_END_DECLS
