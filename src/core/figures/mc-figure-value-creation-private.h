/* mc-figure-value-creation-private.h — the whole-model figure's layout for
 * a frame (mc-figure-value-creation-frame.c), called by its kind */
#pragma once

#include "mc-figure-kind.h"

G_BEGIN_DECLS

/* One layout of the model, in board units. */
typedef struct
{
  McFigureBuild *build;
  double         x;        /* left edge of the content, board units */
  double         width;
  double         pad;      /* inside a shape */
  double         gap;      /* between shapes */
  double         spacing;  /* between texts */
  double         name;     /* theme size of every name */
  double         text;     /* theme size of definitions and elements */
  double         extra;    /* height the centre band grows by (on the board) */
  guint          compact;  /* a small board figure: 1: elements run on, no
                              definitions, room for one note; 2: and no
                              lines under the figure */
} McModelFrame;

/* The two CIMO parts first and first + 1 side by side (or one under the
 * other), from *y; *y moves below them and a gap. */
void _mc_model_add_part_row    (McModelFrame *f,
                                guint         first,
                                gboolean      two_columns,
                                double       *y);
/* The scale levels and the coherence of the parts, in lines from *y. */
void _mc_model_add_frame_notes (McModelFrame *f,
                                double       *y);

/* The whole model: laid out for build->frame's width (build->for_frame,
 * setting height_used), or filling the board's square frame. */
void _mc_figure_value_creation_build_whole (McFigureBuild *build);

G_END_DECLS
