/* mc-figure-value-creation-private.h — the whole-model figure's layout for
 * a frame (mc-figure-value-creation-frame.c), called by its kind */
#pragma once

#include "mc-figure-kind.h"

G_BEGIN_DECLS

/* The whole model laid out for build->frame's width; sets height_used. */
void _mc_figure_value_creation_build_for_frame (McFigureBuild *build);

G_END_DECLS
