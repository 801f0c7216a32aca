/* mc-editing.h — what a user does to notes on the canvas, without GTK
 *
 * Every gesture of the canvas (click, drag, drop, resize handle, keys,
 * context menu) ends in one of these functions: a query on the scene the
 * canvas draws, or a McCommand for mc_board_execute(), always one undo step.
 *
 * The functions that take a McLayout read note positions and note areas "as
 * of the last mc_layout_build": pass the layout that built the scene the
 * user is looking at. Coordinates are board units unless said otherwise.
 */
#pragma once

#include "mc-types.h"
#include "mc-board.h"
#include "mc-layout.h"
#include "mc-scene.h"

G_BEGIN_DECLS

/* Smallest note a resize leaves (in the note's own units: figure units for
 * an anchored note, board units for a free one). */
#define MC_EDITING_MIN_NOTE_WIDTH   80.0
#define MC_EDITING_MIN_NOTE_HEIGHT  60.0
/* Arrange shrinks notes uniformly down to this size before it spills. */
#define MC_EDITING_ARRANGE_MIN_WIDTH  100.0
#define MC_EDITING_ARRANGE_MIN_HEIGHT 70.0
/* Offset of duplicated and pasted notes from their originals. */
#define MC_EDITING_DUPLICATE_OFFSET 24.0
/* "Grow to fit" never makes a note taller than this (note units). */
#define MC_EDITING_MAX_GROW_HEIGHT  600.0

/* Hit-testing on a built scene */

/* The id (UUID, without "note:") of the topmost note under (x, y), or NULL. */
char       *mc_editing_note_at                 (McScene            *scene,
                                                double              x,
                                                double              y);
/* The innermost region under (x, y): TRUE and its placement id and region
 * id (either out argument may be NULL), or FALSE. Notes are ignored. */
gboolean    mc_editing_region_at               (McScene            *scene,
                                                double              x,
                                                double              y,
                                                char              **figure_id,
                                                char              **region_id);
/* Rubber band: the ids of the notes whose rectangle meets rect (or, with
 * whole, lies entirely inside it), back to front. Never NULL. */
GStrv       mc_editing_notes_in_rect           (McScene            *scene,
                                                const McRect       *rect,
                                                gboolean            whole);
/* "Select all in the region": the notes anchored to it, back to front. */
GStrv       mc_editing_notes_in_region         (McBoard            *board,
                                                const char         *figure_id,
                                                const char         *region_id);

/* Creating */

/* A new note of the default size centred on (x, y): anchored to the region
 * there (kept inside the region's note area where it fits), or a free note
 * when there is no region. out_id (nullable) receives the new note's id. */
McCommand  *mc_editing_new_note_command        (McBoard            *board,
                                                McLayout           *layout,
                                                McScene            *scene,
                                                double              x,
                                                double              y,
                                                const char         *text,
                                                const char         *author,
                                                char              **out_id);

/* Moving */

/* Moves the notes by (dx, dy) board units, one undo step. A note whose
 * centre lands in another region is anchored there; one that lands outside
 * every figure becomes free; packed notes get a position. Also the arrow
 * keys' nudge. Unknown ids are skipped. */
McCommand  *mc_editing_move_notes_command      (McBoard            *board,
                                                McLayout           *layout,
                                                McScene            *scene,
                                                const char * const *ids,
                                                double              dx,
                                                double              dy);
/* The note's new rectangle in board units (from a resize handle); its
 * anchor stays. Never smaller than MC_EDITING_MIN_NOTE_WIDTH × _HEIGHT. */
McCommand  *mc_editing_resize_note_command     (McBoard            *board,
                                                McLayout           *layout,
                                                const char         *note_id,
                                                const McRect       *rect);

/* Other edits, each one undo step */

/* Copies with new ids, same anchor, offset by MC_EDITING_DUPLICATE_OFFSET;
 * votes and conflict start afresh. out_ids (nullable) receives the new ids
 * in the order of ids. */
McCommand  *mc_editing_duplicate_notes_command (McBoard            *board,
                                                McLayout           *layout,
                                                const char * const *ids,
                                                GStrv              *out_ids);
McCommand  *mc_editing_delete_notes_command    (McBoard            *board,
                                                const char * const *ids);
McCommand  *mc_editing_raise_notes_command     (McBoard            *board,
                                                const char * const *ids);
/* color is one of mc_note_colors. */
McCommand  *mc_editing_set_color_command       (McBoard            *board,
                                                const char * const *ids,
                                                const char         *color);
/* delta +1 or −1 (any amount); votes never go below 0. */
McCommand  *mc_editing_vote_command            (McBoard            *board,
                                                const char * const *ids,
                                                int                 delta);

/* Arranging a region */

/* Packs the region's notes in a grid inside its note area, in reading
 * order, without overlap; shrinks them uniformly (down to
 * MC_EDITING_ARRANGE_MIN_WIDTH × _HEIGHT) when they do not fit, and goes on
 * below the area rather than overlapping. */
McCommand  *mc_editing_arrange_region_command  (McBoard            *board,
                                                McLayout           *layout,
                                                const char         *figure_id,
                                                const char         *region_id);
/* The same, ordered by votes (most first); ties keep reading order. */
McCommand  *mc_editing_sort_region_by_votes_command (McBoard       *board,
                                                     McLayout      *layout,
                                                     const char    *figure_id,
                                                     const char    *region_id);

/* Keyboard */

/* The note after (or before) current in reading order: figures in board
 * order, regions in the catalog's order, then top to bottom, left to
 * right; free notes last. Wraps around. current NULL gives the first (or
 * last). Borrowed from the board; NULL when the board has no notes. */
const char *mc_editing_next_note               (McBoard            *board,
                                                McLayout           *layout,
                                                const char         *current,
                                                gboolean            backwards);

/* Text fitting */

/* FALSE when the scene shows the note's text cut off (too long even at the
 * smallest size): the UI marks such notes and grows them on edit. */
gboolean    mc_editing_note_text_fits          (McScene            *scene,
                                                const char         *note_id);
/* The note's height becomes the smallest one (not below the current) that
 * shows its text at the theme's normal note size, at most
 * MC_EDITING_MAX_GROW_HEIGHT. Empty when it already fits. */
McCommand  *mc_editing_grow_to_fit_command     (McBoard            *board,
                                                const char         *note_id,
                                                McThemeKind         theme);

G_END_DECLS
