/* mc-note.h — one sticky note
 *
 * A note that belongs to a board is changed only through commands
 * (mc-command.h): take a detached copy with mc_note_dup(), change the copy
 * with the setters, and execute mc_command_update_note(). The setters refuse
 * (g_return_if_fail) a note that is inside a board.
 */
#pragma once

#include "mc-types.h"

G_BEGIN_DECLS

#define MC_TYPE_NOTE (mc_note_get_type ())
G_DECLARE_FINAL_TYPE (McNote, mc_note, MC, NOTE, GObject)

/* Default size of a new note, in board units. */
#define MC_NOTE_DEFAULT_WIDTH  160.0
#define MC_NOTE_DEFAULT_HEIGHT 110.0

/* The six note colours (colour-blind-safe tints, readable with black text).
 * Stored by name in the file; the theme maps names to colours. */
#define MC_NOTE_COLOR_DEFAULT "yellow"
extern const char * const mc_note_colors[]; /* NULL-terminated:
                                               yellow, orange, pink, purple, blue, green */
gboolean     mc_note_color_is_valid (const char *name);

/* How far a doorwerking note reaches, the column of its region it sits in
 * (Figuur 7): part of its anchor, stored by name. */
extern const char * const mc_note_reaches[]; /* NULL-terminated:
                                                individual, collective, society */

McNote      *mc_note_new            (const char *text);     /* fresh UUID; created = modified = now */
McNote      *mc_note_new_with_id    (const char *id);       /* for the loader and merge */
McNote      *mc_note_dup            (McNote     *self);     /* detached deep copy, same id */
gboolean     mc_note_equal          (McNote     *a,
                                     McNote     *b);        /* every stored field, times included */

const char  *mc_note_get_id         (McNote     *self);
const char  *mc_note_get_text       (McNote     *self);
const char  *mc_note_get_color      (McNote     *self);
const char  *mc_note_get_author     (McNote     *self);     /* may be NULL */
/* Anchor: the placed figure's id and the region id, or both NULL for a free note. */
const char  *mc_note_get_figure_id  (McNote     *self);
const char  *mc_note_get_region_id  (McNote     *self);
/* One of mc_note_reaches, or NULL: none stored (the layout derives it from
 * the note's position). Only doorwerking regions have reach columns. */
const char  *mc_note_get_reach      (McNote     *self);
/* Position: for an anchored note relative to its figure's top-left corner in
 * the figure's own (unscaled) units; for a free note in board units. A note
 * without a position (has-position FALSE) is packed into its region by the
 * layout. */
gboolean     mc_note_get_has_position (McNote   *self);
void         mc_note_get_rect       (McNote     *self,
                                     McRect     *rect);
gint64       mc_note_get_created    (McNote     *self);     /* µs since the Unix epoch, UTC */
gint64       mc_note_get_modified   (McNote     *self);
guint        mc_note_get_votes      (McNote     *self);
/* Set by merge when both copies changed the note; cleared when resolved. */
gboolean     mc_note_get_conflict   (McNote     *self);
gboolean     mc_note_get_in_board   (McNote     *self);
/* The session phase the note was written in (set when a board is copied
 * into its next phase, see mc_board_new_session_copy). Without one the note
 * belongs to its board's phase (mc_board_get_note_phase). */
gboolean     mc_note_get_has_phase  (McNote     *self);
McPhase      mc_note_get_phase      (McNote     *self);     /* MC_PHASE_START without one */

void         mc_note_set_text       (McNote     *self,
                                     const char *text);
void         mc_note_set_color      (McNote     *self,
                                     const char *color);
void         mc_note_set_author     (McNote     *self,
                                     const char *author);
void         mc_note_set_anchor     (McNote     *self,
                                     const char *figure_id,
                                     const char *region_id);
void         mc_note_set_reach      (McNote     *self,
                                     const char *reach);    /* NULL or one of mc_note_reaches */
void         mc_note_set_rect       (McNote     *self,
                                     const McRect *rect);   /* sets has-position */
void         mc_note_clear_position (McNote     *self);
void         mc_note_set_votes      (McNote     *self,
                                     guint       votes);
void         mc_note_set_conflict   (McNote     *self,
                                     gboolean    conflict);
void         mc_note_set_phase      (McNote     *self,
                                     McPhase     phase);
void         mc_note_clear_phase    (McNote     *self);
void         mc_note_set_created    (McNote     *self,
                                     gint64      usec);
void         mc_note_set_modified   (McNote     *self,
                                     gint64      usec);
void         mc_note_touch          (McNote     *self);     /* modified = now */

G_END_DECLS
