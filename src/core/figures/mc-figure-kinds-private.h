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

G_END_DECLS
