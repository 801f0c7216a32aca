/* mc-placement.h — where figures go on a board, and the commands that put
 * them there
 *
 * "Add figure" needs a spot that overlaps nothing already on the board
 * (placed figures, positioned notes) and keeps the board compact: holes in
 * the grid of figures are filled first, else the figure goes beside or below
 * what is there, whichever keeps the board closest to a landscape screen.
 * The choice is deterministic: the same board always gives the same spot.
 *
 * Moving a figure needs no helper: mc_figure_dup(), mc_figure_set_position()
 * and mc_command_update_figure().
 */
#pragma once

#include "mc-types.h"
#include "mc-board.h"

G_BEGIN_DECLS

/* The scale range a figure may have on a board. */
#define MC_PLACEMENT_MIN_SCALE 0.25
#define MC_PLACEMENT_MAX_SCALE 4.0
/* Space between figures, in figure units (as in the model template). */
#define MC_PLACEMENT_GAP 120.0

/* The board rectangle everything on the board covers (figures and notes
 * with a position); FALSE, and rect zeroed, for an empty board. */
gboolean    mc_placement_get_content_rect      (McBoard     *board,
                                                McRect      *rect);

/* A free spot for a width × height rectangle that keeps at least gap to
 * everything on the board. (0, 0) on an empty board. */
void        mc_placement_find_free_rect        (McBoard     *board,
                                                double       width,
                                                double       height,
                                                double       gap,
                                                McRect      *result);

/* Adds a figure of kind (a valid kind id) under a new placement id, at a
 * free spot (see above), at the scale of the figure placed last (1 on an
 * empty board). out_id (may be NULL) receives the new placement id. */
McCommand  *mc_placement_add_figure_command    (McBoard     *board,
                                                const char  *kind,
                                                char       **out_id);

/* Rescales a figure, clamped to MIN_SCALE … MAX_SCALE, keeping its
 * top-left corner where it is; its anchored notes scale with it. NULL when
 * the figure is absent; at a limit the command changes nothing and the
 * board drops it. */
McCommand  *mc_placement_scale_figure_command  (McBoard     *board,
                                                const char  *figure_id,
                                                double       scale);

G_END_DECLS
