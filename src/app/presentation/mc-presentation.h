/* mc-presentation.h — presentation mode: the board on a projector
 *
 * A fullscreen window showing the board in the projector theme. It walks
 * the board's route (mc-route.h) stop by stop, easing the view to each
 * stop; a region stop shows the region's questions in a large banner at
 * the top. Typing at a region stop starts a note in that region ("quick
 * capture"): Enter adds it and starts the next, Escape ends capturing.
 * A countdown timer and the stop number ("4 / 17") sit at the bottom.
 * While the room is open, a join stop shows its QR code for the phones.
 *
 * Keys (what presentation clickers send): PageDown, →, ↓, space next;
 * PageUp, ←, ↑, backspace previous; Home/End first/last; Escape leaves.
 *
 * Window actions:
 *   presentation.next, presentation.previous, presentation.leave
 *   presentation.presenter-view   the laptop's view (current and next prompt,
 *                                 timer, note entry) in a window of its own
 *   presentation.edit-route       the route editor
 *   presentation.timer-toggle, presentation.timer-add-minute
 */
#pragma once

#include <adwaita.h>
#include "mc-board.h"
#include "mc-canvas.h"
#include "mc-room.h"
#include "mc-route.h"
#include "mc-timer.h"
#include "mc-view-animation.h"

G_BEGIN_DECLS

#define MC_TYPE_PRESENTATION (mc_presentation_get_type ())
G_DECLARE_FINAL_TYPE (McPresentation, mc_presentation, MC, PRESENTATION, AdwWindow)

/* How long the view takes to ease to the next stop. */
#define MC_PRESENTATION_ANIMATION_MS 300

McPresentation *mc_presentation_new            (GtkApplication *application,
                                                McBoard        *board);
/* Shows the presentation fullscreen. With two or more monitors it goes to
 * a monitor other than from's (the projector) and the presenter view opens
 * on from's monitor. from may be NULL. */
void            mc_presentation_start          (McPresentation *self,
                                                GtkWindow      *from);
/* Closes the presentation (and its presenter view); from comes back. */
void            mc_presentation_leave          (McPresentation *self);

McBoard        *mc_presentation_get_board      (McPresentation *self);
/* Shows another board (property "board"): at the same stop where it has
 * one; a note being typed stays in the entry for the new board. The
 * presentation follows the "board" of the window it was started from. */
void            mc_presentation_set_board      (McPresentation *self,
                                                McBoard        *board);
/* From now on the wall shows from's board and follows it; leaving the
 * presentation brings from up (a board recovered during a presentation). */
void            mc_presentation_follow_window  (McPresentation *self,
                                                GtkWindow      *from);
McRoute        *mc_presentation_get_route      (McPresentation *self);
McTimer        *mc_presentation_get_timer      (McPresentation *self);
McCanvas       *mc_presentation_get_canvas     (McPresentation *self);

gboolean        mc_presentation_next           (McPresentation *self);
gboolean        mc_presentation_previous       (McPresentation *self);
void            mc_presentation_go_to          (McPresentation *self,
                                                guint           index);
/* The part of the canvas nothing covers (below the banner, above the
 * timer and the stop number), in the canvas's widget pixels; each stop is
 * framed in it. FALSE before the canvas has a size. */
gboolean        mc_presentation_get_free_area  (McPresentation *self,
                                                McRect         *area);
/* The board rectangle the current stop frames. */
gboolean        mc_presentation_get_stop_target (McPresentation *self,
                                                 McRect         *target);
/* What eases the view from stop to stop (its ::done tells when it got
 * there). */
McViewAnimation *mc_presentation_get_view_animation (McPresentation *self);
/* TRUE while the view eases towards the current stop. */
gboolean        mc_presentation_get_animating  (McPresentation *self);

/* What the banner and the stop indicator show. */
const char     *mc_presentation_get_prompt_title (McPresentation *self);
const char     *mc_presentation_get_prompt_text  (McPresentation *self);
const char     *mc_presentation_get_position_text (McPresentation *self);
/* The page of questions the banner shows (from 0), and how many there are
 * (1 when they all fit). */
guint           mc_presentation_get_prompt_page (McPresentation *self,
                                                 guint          *n_pages);

/* What a key press does (the window's key controller calls this first, in
 * the capture phase); TRUE when the key was used. */
gboolean        mc_presentation_handle_key     (McPresentation  *self,
                                                guint            keyval,
                                                GdkModifierType  state);

/* Quick capture. */
gboolean        mc_presentation_get_capturing  (McPresentation *self);
GtkEditable    *mc_presentation_get_capture_entry (McPresentation *self);
/* Adds a note with text to the current region stop (one undo step) and
 * returns its id, or NULL when the current stop is not a region or the
 * board is read-only. */
char           *mc_presentation_capture_note   (McPresentation *self,
                                                const char     *text);

/* The room (NULL for none): while it is open, the route has a join stop
 * (after the overview, unless the route editor moved it) that shows the
 * room's QR code, address and code, large, in the free area. */
void            mc_presentation_set_room       (McPresentation *self,
                                                McRoom         *room);
McRoom         *mc_presentation_get_room       (McPresentation *self);
/* The card the join stop shows (hidden at other stops); NULL without a
 * room. */
GtkWidget      *mc_presentation_get_join_card  (McPresentation *self);

/* The presenter view window, opened if needed. */
GtkWindow      *mc_presentation_show_presenter_view (McPresentation *self);
GtkWindow      *mc_presentation_get_presenter_view  (McPresentation *self);

G_END_DECLS
