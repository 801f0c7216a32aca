/* mc-figure.h — a figure placed on a board
 *
 * The kind (one of the ids in DESIGN.md: "cimo", "context", "perspectives",
 * "scale-levels", "boundary-crossing", "doorwerking", "value-creation",
 * "coherence", "potential-value") says what is drawn; the placement id is
 * unique on the board ("cimo", "cimo-2", …) and is what notes anchor to.
 * Like notes, a figure in a board changes only through commands.
 */
#pragma once

#include "mc-types.h"

G_BEGIN_DECLS

#define MC_TYPE_FIGURE (mc_figure_get_type ())
G_DECLARE_FINAL_TYPE (McFigure, mc_figure, MC, FIGURE, GObject)

/* TRUE for the kind ids of DESIGN.md's table (the ones a board file may name). */
gboolean     mc_figure_is_valid_kind (const char *kind);

McFigure    *mc_figure_new          (const char *id,
                                     const char *kind);
McFigure    *mc_figure_dup          (McFigure   *self);
gboolean     mc_figure_equal        (McFigure   *a,
                                     McFigure   *b);

const char  *mc_figure_get_id       (McFigure   *self);
const char  *mc_figure_get_kind     (McFigure   *self);
/* Top-left corner in board units. */
double       mc_figure_get_x        (McFigure   *self);
double       mc_figure_get_y        (McFigure   *self);
/* Board units per figure unit; the figure's size on the board is its kind's
 * natural size (mc-figure-kind.h) times the scale. */
double       mc_figure_get_scale    (McFigure   *self);
gboolean     mc_figure_get_in_board (McFigure   *self);

void         mc_figure_set_position (McFigure   *self,
                                     double      x,
                                     double      y);
void         mc_figure_set_scale    (McFigure   *self,
                                     double      scale);

/* The figure kinds a board may place, in catalog order, NULL-terminated. */
const char * const *mc_figure_get_kinds (void);

G_END_DECLS
