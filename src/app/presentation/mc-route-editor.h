/* mc-route-editor.h — the small editor of a presentation's route
 *
 * One row per stop (overview, figures, regions indented under their
 * figure): a check to show or skip it and buttons to move it up or down.
 * Every change is stored in the board's meta at once (one undo step each,
 * mc_route_save_command), so the route is saved with the board.
 */
#pragma once

#include <adwaita.h>
#include "mc-route.h"

G_BEGIN_DECLS

#define MC_TYPE_ROUTE_EDITOR (mc_route_editor_get_type ())
G_DECLARE_FINAL_TYPE (McRouteEditor, mc_route_editor, MC, ROUTE_EDITOR, AdwWindow)

McRouteEditor *mc_route_editor_new          (McRoute       *route);
/* A new editor, transient for parent (may be NULL), presented. */
McRouteEditor *mc_route_editor_present      (GtkWindow     *parent,
                                             McRoute       *route);
McRoute       *mc_route_editor_get_route    (McRouteEditor *self);

/* What the rows do, for tests and keyboard users. */
void           mc_route_editor_set_skipped  (McRouteEditor *self,
                                             guint          index,
                                             gboolean       skipped);
void           mc_route_editor_move         (McRouteEditor *self,
                                             guint          index,
                                             int            delta);
/* The row widgets, in route order. */
GtkListBox    *mc_route_editor_get_list     (McRouteEditor *self);

G_END_DECLS
