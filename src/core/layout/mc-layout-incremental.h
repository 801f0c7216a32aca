/* mc-layout-incremental.h — the scene after a change to a few notes,
 * made from the last one
 *
 * A command's change set (the note_ids of McBoard::changed) says which
 * notes to lay out again; every other item of the previous scene is
 * reused as it is. A packed note's change packs its figure's rows again
 * (from the sizes the notes have) and lays out the notes that moved. Only
 * where that gives exactly what mc_layout_build() would: notes outside
 * clusters, inside the paper, in figures without reach columns, on a
 * board view (not strict, not laid out for a frame, every figure, empty
 * regions shown). Otherwise the caller builds anew.
 */
#pragma once

#include "mc-layout.h"

G_BEGIN_DECLS

/* The scene of board after the notes note_ids changed, from previous
 * (the last scene self built for board with the same options), or NULL
 * when only a full mc_layout_build() gives it. Updates the note
 * rectangles mc_layout_get_note_rect() returns. */
McScene *mc_layout_update                (McLayout            *self,
                                          McBoard             *board,
                                          const McViewOptions *options,
                                          McScene             *previous,
                                          const char * const  *note_ids);

/* How many notes this McLayout has laid out (placed and drawn), by full
 * builds and updates together: what the scaling test counts. */
guint    mc_layout_get_n_notes_laid_out  (McLayout            *self);

/* Board areas (McRect) the last mc_layout_update() changed: where each
 * note it laid out again was and is now, packed notes that moved
 * included. Empty after a full build or a declined update. */
const GArray *mc_layout_get_update_damage (McLayout            *self);

G_END_DECLS
