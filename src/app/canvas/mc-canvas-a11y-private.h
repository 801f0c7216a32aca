/* mc-canvas-a11y-private.h — the canvas's accessible objects
 * (mc-canvas-a11y.c, -node.c, -keys.c), for the canvas's own files only. */
#pragma once

#include "mc-canvas-private.h"

G_BEGIN_DECLS

void      _mc_canvas_a11y_init          (McCanvas            *self);
void      _mc_canvas_a11y_dispose       (McCanvas            *self);
/* The board changed: the named notes (all, for NULL or a structural
 * change) are brought up to date before the next frame. */
void      _mc_canvas_a11y_board_changed (McCanvas            *self,
                                         McChangeFlags        flags,
                                         const char * const  *note_ids);
/* Brings the accessible objects up to date now. */
void      _mc_canvas_a11y_sync          (McCanvas            *self);
/* From the canvas's size_allocate: places every object over its item. */
void      _mc_canvas_a11y_allocate      (McCanvas            *self);
/* The view moved: the objects follow once the frame is drawn (never
 * from inside a frame: a view change can come from a snapshot). */
void      _mc_canvas_a11y_view_changed  (McCanvas            *self);
/* The keyboard is on the canvas or on one of its notes (not the editor). */
gboolean  _mc_canvas_a11y_has_focus     (McCanvas            *self);

/* Alt+arrows select the next or previous region (board order) and
 * Shift+Alt+arrows move the selected notes there. TRUE when handled. */
gboolean  _mc_canvas_a11y_key           (McCanvas            *self,
                                         guint                keyval,
                                         GdkModifierType      state);

/* Runs the canvas's own edit, whose result is then announced ("Note
 * moved to Mechanismen"). */
void      _mc_canvas_a11y_execute       (McCanvas            *self,
                                         McCommand           *command);
/* Tells a screen reader text: for a moment it is the description of
 * what has the keyboard on the canvas (see mc-canvas-a11y-announce.c). */
void      _mc_canvas_a11y_announce      (McCanvas            *self,
                                         const char          *text);
/* Notes from elsewhere are told once a burst has been quiet for quiet_ms,
 * or max_ms after its first note; clock (microseconds, NULL for
 * g_get_monotonic_time) lets tests move time. */
void      _mc_canvas_a11y_set_burst_timing (McCanvas         *self,
                                            guint             quiet_ms,
                                            guint             max_ms,
                                            gint64          (*clock) (void));

G_END_DECLS
