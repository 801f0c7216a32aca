/* mc-figure-value-creation-private.h — the whole-model figure's layout for
 * a frame (mc-figure-value-creation-frame.c), called by its kind */
#pragma once

#include "mc-figure-kind.h"

G_BEGIN_DECLS

/* The whole model: laid out for build->frame's width (build->for_frame,
 * setting height_used), or filling the board's square frame. */
void _mc_figure_value_creation_build_whole (McFigureBuild *build);

G_END_DECLS
