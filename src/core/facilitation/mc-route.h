/* mc-route.h — the facilitator's route through a board
 *
 * A presentation walks the board stop by stop: the overview (the whole
 * board), then for each placed figure a figure stop followed by one stop
 * per region in the catalog's order. The facilitator may reorder stops and
 * skip them; that order is kept in the board's meta under "route" (a compact
 * JSON string, written with mc_route_save_command(), so it is saved with the
 * board and undoable) and read back by mc_route_new(). Stops of figures or
 * regions that are gone are ignored; stops of new figures are appended.
 *
 * The route follows its board: when figures, the language or the "route"
 * meta change (an edit, undo or redo) it rebuilds itself, keeping the
 * current stop where it still exists, and emits ::changed.
 *
 *   void changed (McRoute *route)   the stops (order, skips, texts) changed
 */
#pragma once

#include "mc-board.h"
#include "mc-catalog.h"
#include "mc-layout.h"
#include "mc-scene.h"

G_BEGIN_DECLS

#define MC_META_ROUTE "route"

typedef enum
{
  MC_ROUTE_STOP_OVERVIEW,
  MC_ROUTE_STOP_FIGURE,
  MC_ROUTE_STOP_REGION,
  MC_ROUTE_STOP_JOIN,
} McRouteStopKind;

/* The join stop's key: the room's QR code on the wall. */
#define MC_ROUTE_JOIN_KEY "join"

typedef struct
{
  McRouteStopKind  kind;
  char            *key;        /* "overview", "join", "<figure>" or
                                  "<figure>/<region>" */
  char            *figure_id;  /* NULL for the overview and join stops */
  char            *region_id;  /* region stops only */
  char            *title;      /* board title, figure title or region label */
  char            *prompt;     /* a region's questions, one per line (maybe
                                  empty); the figure's title; the board's case */
  gboolean         skipped;
} McRouteStop;

#define MC_TYPE_ROUTE (mc_route_get_type ())
G_DECLARE_FINAL_TYPE (McRoute, mc_route, MC, ROUTE, GObject)

/* Texts come from the catalog in the board's language. */
McRoute           *mc_route_new             (McBoard     *board,
                                             McCatalog   *catalog);
McBoard           *mc_route_get_board       (McRoute     *self);

/* Every stop, skipped ones included, in route order. */
guint              mc_route_get_n_stops     (McRoute     *self);
const McRouteStop *mc_route_get_stop        (McRoute     *self,
                                             guint        index);
/* Index of the stop with that key, or -1. */
int                mc_route_find_stop       (McRoute     *self,
                                             const char  *key);

/* The join stop (the room's link and QR code, large, for phones to
 * scan) is part of the route while the room is open: right after the
 * overview unless the saved order puts it elsewhere. Its framing rect is
 * the overview's. */
void               mc_route_set_join        (McRoute     *self,
                                             gboolean     join);
gboolean           mc_route_get_join        (McRoute     *self);

/* Editing the route (the small editor). Moving keeps the current stop
 * current; indices are into the full list. */
void               mc_route_move_stop       (McRoute     *self,
                                             guint        from,
                                             guint        to);
void               mc_route_set_skipped     (McRoute     *self,
                                             guint        index,
                                             gboolean     skipped);
/* Back to the built-in order with nothing skipped. */
void               mc_route_reset_order     (McRoute     *self);

/* Navigation: PageDown/space/→ is next, PageUp/backspace/← previous.
 * Skipped stops are passed over; FALSE (and no move) at either end. */
guint              mc_route_get_current     (McRoute     *self);
const McRouteStop *mc_route_get_current_stop (McRoute    *self);
void               mc_route_set_current     (McRoute     *self,
                                             guint        index);
gboolean           mc_route_next            (McRoute     *self);
gboolean           mc_route_previous        (McRoute     *self);
/* "4 / 17": the current stop's number among the stops not skipped (1-based;
 * a skipped current stop counts as the active one before it, or 1), and how
 * many are not skipped. */
guint              mc_route_get_position    (McRoute     *self);
guint              mc_route_get_count       (McRoute     *self);
char              *mc_route_format_position (McRoute     *self);

/* The compact JSON kept in the meta: {"order":[keys…],"skipped":[keys…]}. */
char              *mc_route_to_string       (McRoute     *self);
/* Stores the route in the board's meta ("Edit Board Details" undo step);
 * an empty command when the meta already says so. */
McCommand         *mc_route_save_command    (McRoute     *self);

/* The board rectangle to frame for the current stop, with a margin: the
 * scene's bounds for the overview, the figure's group, the region's group
 * (from scene, the last scene built for this board). FALSE if none found. */
gboolean           mc_route_get_target_rect (McRoute     *self,
                                             McScene     *scene,
                                             McRect      *rect);

/* Quick capture at a region stop: a new note with text in the current
 * stop's region, at the first free place (reading order) in the region's
 * note area that overlaps no other note; below the area when it is full.
 * layout must have built the board (its note rects and areas are used;
 * notes added since are accounted for too). NULL when the current stop is
 * not a region stop or its figure is not on the board. out_id (nullable)
 * receives the new note's id. One undo step. */
McCommand         *mc_route_capture_note_command (McRoute    *self,
                                                  McLayout   *layout,
                                                  const char *text,
                                                  const char *author,
                                                  char      **out_id);

G_END_DECLS
