/* mc-presentation-private.h — what the parts of presentation mode share
 *
 * McPresentation is one widget in five files, one per concern:
 *   mc-presentation.c          the window: start, leave, monitors, actions
 *   mc-presentation-frame.c    framing a stop in the free area, easing there
 *   mc-presentation-banner.c   the prompt banner and the stop number
 *   mc-presentation-capture.c  quick capture: typing notes at the wall
 *   mc-presentation-steps.c    stepping along the route, and the keys
 *   mc-presentation-join.c     the room's join stop: its QR code card
 */
#pragma once

#include "mc-presentation.h"
#include "mc-view-animation.h"

G_BEGIN_DECLS

/* Air between the stop and the screen's edges, the banner and the footer,
 * in widget pixels. */
#define FRAME_MARGIN 24.0

struct _McPresentation
{
  AdwWindow       parent_instance;

  /* Template children */
  GtkOverlay     *overlay;
  McCanvas       *canvas;
  GtkWidget      *size_probe;
  GtkRevealer    *banner_revealer;
  GtkWidget      *banner;
  GtkLabel       *banner_context;
  GtkLabel       *banner_title;
  GtkLabel       *banner_prompt;
  GtkLabel       *banner_page;
  GtkWidget      *footer;
  GtkWidget      *timer_widget;
  GtkRevealer    *capture_revealer;
  GtkEntry       *capture_entry;
  GtkLabel       *position_label;

  McBoard        *board;
  McRoute        *route;
  McTimer        *timer;
  GSettings      *settings;
  gulong          route_changed_id;
  gulong          route_current_id;

  GtkWindow      *from;            /* weak */
  GtkWindow      *presenter_view;  /* weak */

  McViewAnimation *animation;
  guint           reframe_id;

  /* Questions that do not fit the banner at its smallest type are shown
   * a page at a time (mc-presentation-banner.c): the current stop's
   * questions, the first question of each page and of the page after the
   * last (page_starts[n_pages] == number of questions). */
  GStrv           questions;
  guint          *page_starts;
  guint           n_pages;
  guint           page;
  /* Stepping back onto a stop shows its last page. */
  gboolean        to_last_page;

  /* The room (mc-presentation-join.c): while it is open the route has a
   * join stop, which shows join_card in the free area. */
  McRoom         *room;
  gulong          room_changed_id;
  GtkWidget      *join_card;

  /* Notes that arrive from elsewhere (the room's phones) pop like a note
   * typed at the wall (mc-presentation-capture.c). */
  GHashTable     *known_notes;
  GPtrArray      *arrived;          /* note ids waiting for their pop */
  guint           arrived_id;
  gulong          board_changed_id;
  gboolean        capturing;        /* the wall's own note is being added */
};

/* mc-presentation-capture.c */
void               _mc_presentation_watch_notes    (McPresentation *self);
void               _mc_presentation_unwatch_notes  (McPresentation *self);

/* mc-presentation.c */
const McRouteStop *_mc_presentation_current_stop   (McPresentation *self);
gboolean           _mc_presentation_can_capture    (McPresentation *self);

/* mc-presentation-frame.c */
void               _mc_presentation_init_framing   (McPresentation *self);
void               _mc_presentation_frame_stop     (McPresentation *self,
                                                    gboolean        animate);

/* mc-presentation-join.c */
/* The route has a join stop while the room is open. */
void               _mc_presentation_sync_join      (McPresentation *self);
/* Shows the join card in the free area at the join stop, else hides it. */
void               _mc_presentation_place_join     (McPresentation *self);
void               _mc_presentation_release_room   (McPresentation *self);

/* mc-presentation-frame.c: the free area that holds the largest square */
gboolean           _mc_presentation_get_join_area  (McPresentation *self,
                                                    McRect         *area);

/* mc-presentation-banner.c */
void               _mc_presentation_update_banner  (McPresentation *self);
/* Fits the banner's type and pages to the canvas's size. */
void               _mc_presentation_fit_banner     (McPresentation *self);
/* Shows the next (delta 1) or previous (-1) page of questions; FALSE when
 * there is none, so the route moves on instead. */
gboolean           _mc_presentation_turn_page      (McPresentation *self,
                                                    int             delta);
void               _mc_presentation_clear_pages    (McPresentation *self);

/* mc-presentation-capture.c */
void               _mc_presentation_init_capture   (McPresentation *self);
void               _mc_presentation_begin_capture  (McPresentation *self,
                                                    const char     *text);
void               _mc_presentation_end_capture    (McPresentation *self);
gboolean           _mc_presentation_capture_has_focus (McPresentation *self);
/* Keeps what was typed (a note) and closes the entry. */
void               _mc_presentation_finish_capture (McPresentation *self);

/* mc-presentation-steps.c */
void               _mc_presentation_init_steps     (McPresentation *self);
void               _mc_presentation_connect_route  (McPresentation *self);

G_END_DECLS
