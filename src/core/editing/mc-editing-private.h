/* mc-editing-private.h — geometry shared by the editing files
 *
 * mc-editing.c (hit-testing, creating, moving, other edits) and
 * mc-editing-arrange.c (reading order, arranging, keyboard, text fitting).
 */
#pragma once

#include "mc-board.h"
#include "mc-command.h"
#include "mc-layout.h"

G_BEGIN_DECLS

#define NOTE_GROUP_PREFIX "note:"
/* Gap between arranged notes, in figure units (the layout packs with the same). */
#define ARRANGE_GAP 10.0
/* Inner padding of a note and the strip its vote dots take, in note units;
 * the layout draws notes with these (mc-layout.c, draw_note). */
#define NOTE_PADDING     10.0
#define NOTE_VOTES_STRIP 14.0

/* The frame and scale of a placed figure; FALSE (free-note space: no
 * offset, scale 1) when figure_id is NULL or not on the board. */
gboolean   _mc_editing_container_frame (McBoard    *board,
                                        const char *figure_id,
                                        McRect     *frame,
                                        double     *scale);
/* The note's stored size, with the defaults the layout uses. */
void       _mc_editing_note_size       (McNote     *note,
                                        double     *width,
                                        double     *height);
/* Where the note is drawn, in board units: the layout's answer when it has
 * one (it resolves packed notes), else computed from the stored position. */
gboolean   _mc_editing_note_board_rect (McBoard    *board,
                                        McLayout   *layout,
                                        McNote     *note,
                                        McRect     *rect);
/* command as the one step of a group named label (transfer full). */
McCommand *_mc_editing_wrap_in_group   (const char *label,
                                        McCommand  *command);

G_END_DECLS
