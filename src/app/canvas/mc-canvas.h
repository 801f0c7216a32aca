/* mc-canvas.h — the widget that shows a board and lets people move around it
 *
 * Draws the board's scene (McLayout → McScene → mc_render_scene) and keeps
 * it between frames: the scene is rebuilt only when the board emits
 * ::changed with flags that affect drawing, or the view options change.
 *
 * Coordinates: board units (1 unit = 1 px at zoom 1.0) and widget pixels.
 *   widget = (board - origin) × zoom
 * where origin is the board point at the widget's top-left corner.
 */
#pragma once

#include <gtk/gtk.h>
#include "mc-board.h"
#include "mc-layout.h"

G_BEGIN_DECLS

#define MC_CANVAS_MIN_ZOOM 0.1
#define MC_CANVAS_MAX_ZOOM 8.0

#define MC_TYPE_CANVAS (mc_canvas_get_type ())
G_DECLARE_FINAL_TYPE (McCanvas, mc_canvas, MC, CANVAS, GtkWidget)

GtkWidget     *mc_canvas_new                (void);

McBoard       *mc_canvas_get_board          (McCanvas      *self);
void           mc_canvas_set_board          (McCanvas      *self,
                                             McBoard       *board);

/* The options the scene is built with; the language always follows the
 * board's. Setting them rebuilds the scene. */
const McViewOptions *mc_canvas_get_view_options (McCanvas  *self);
void           mc_canvas_set_view_options   (McCanvas            *self,
                                             const McViewOptions *options);
/* Figures that neither move nor scale, and show no frame or handle (the
 * wall); notes stay editable. */
void           mc_canvas_set_figures_locked (McCanvas      *self,
                                             gboolean       locked);

/* The layout and the current scene (built now if it is out of date).
 * Borrowed; the scene stays valid until the next ::changed of the board. */
McLayout      *mc_canvas_get_layout         (McCanvas      *self);
McScene       *mc_canvas_get_scene          (McCanvas      *self);
/* A scene built elsewhere (in a worker thread that has ended) by layout
 * for board with options: the next mc_canvas_set_board() of board takes
 * them as its own when options are what the canvas would build with, so
 * its first frame only renders (issue 17); otherwise it builds as usual. */
void           mc_canvas_offer_scene        (McCanvas            *self,
                                             McBoard             *board,
                                             McLayout            *layout,
                                             McScene             *scene,
                                             const McViewOptions *options);

/* View transform. */
double         mc_canvas_get_zoom           (McCanvas      *self);
void           mc_canvas_set_zoom           (McCanvas      *self,
                                             double         zoom);   /* about the centre */
/* Zooms so that the board point under (widget_x, widget_y) stays put;
 * animate eases towards the new zoom over a few frames. */
void           mc_canvas_zoom_at            (McCanvas      *self,
                                             double         zoom,
                                             double         widget_x,
                                             double         widget_y,
                                             gboolean       animate);
void           mc_canvas_zoom_in            (McCanvas      *self);
void           mc_canvas_zoom_out           (McCanvas      *self);
void           mc_canvas_zoom_reset         (McCanvas      *self);   /* 100 % */
void           mc_canvas_zoom_to_fit        (McCanvas      *self);   /* whole board */
/* Shows the given board rectangle as large as fits. */
void           mc_canvas_zoom_to_rect       (McCanvas      *self,
                                             const McRect  *rect,
                                             gboolean       animate);
void           mc_canvas_scroll_by          (McCanvas      *self,
                                             double         dx,
                                             double         dy);     /* widget pixels */
void           mc_canvas_board_to_widget    (McCanvas      *self,
                                             double         board_x,
                                             double         board_y,
                                             double        *widget_x,
                                             double        *widget_y);
void           mc_canvas_widget_to_board    (McCanvas      *self,
                                             double         widget_x,
                                             double         widget_y,
                                             double        *board_x,
                                             double        *board_y);
/* The board rectangle currently visible. */
void           mc_canvas_get_visible_rect   (McCanvas      *self,
                                             McRect        *rect);

/* The region ("<placement-id>/<region-id>") the panel should describe: the
 * selected one, or else the one under the pointer; NULL for none. */
const char    *mc_canvas_get_active_region  (McCanvas      *self);
const char    *mc_canvas_get_selected_region (McCanvas     *self);
void           mc_canvas_select_region      (McCanvas      *self,
                                             const char    *region_id);  /* NULL clears */

/* The placed figure selected by a click on its frame or title band (or a
 * right-click on it), or NULL: the Figure actions act on it, arrows move
 * it, its corner handle scales it. Property "selected-figure". */
const char    *mc_canvas_get_selected_figure (McCanvas     *self);
void           mc_canvas_select_figure      (McCanvas      *self,
                                             const char    *figure_id);  /* NULL clears */

/* Notes: selection, editing and search highlights (mc-canvas-selection.c,
 * mc-canvas-edit.c, mc-canvas-actions.c).
 * ::selection-changed (no arguments) is emitted when the selected notes
 * change. The canvas.* actions (new-note, edit, delete, duplicate, raise,
 * color, vote-add, vote-remove, select-all, select-region, select-none,
 * arrange, sort-votes, next-note, previous-note, fit-figure, copy, cut,
 * paste, cluster, uncluster, author) act on this selection. */
GStrv          mc_canvas_dup_selection      (McCanvas      *self);   /* selection order */
guint          mc_canvas_get_n_selected     (McCanvas      *self);
gboolean       mc_canvas_is_note_selected   (McCanvas      *self,
                                             const char    *note_id);
/* Replaces the selection; ids not on the board are skipped. */
void           mc_canvas_select_notes       (McCanvas      *self,
                                             const char * const *ids);
/* The note whose text is being edited in place, or NULL. */
const char    *mc_canvas_get_editing_note   (McCanvas      *self);
/* Scrolls (keeping the zoom) until the note is in view. */
void           mc_canvas_reveal_note        (McCanvas      *self,
                                             const char    *note_id);
/* Highlights the notes whose text contains text (case-insensitive);
 * NULL or "" clears. */
void           mc_canvas_set_search         (McCanvas      *self,
                                             const char    *text);
guint          mc_canvas_get_n_matches      (McCanvas      *self);
gboolean       mc_canvas_note_matches       (McCanvas      *self,
                                             const char    *note_id);

G_END_DECLS
