/* mc-test-canvas.h — driving the canvas in tests: the same code paths as
 * the gestures and keys, without real pointer events (tests only) */
#pragma once

#include "mc-canvas-edit-private.h"

G_BEGIN_DECLS

void       mc_canvas_test_click        (McCanvas        *self,
                                        double           x,
                                        double           y,
                                        GdkModifierType  state);
void       mc_canvas_test_double_click (McCanvas        *self,
                                        double           x,
                                        double           y);
void       mc_canvas_test_drag         (McCanvas        *self,
                                        double           x,
                                        double           y,
                                        double           to_x,
                                        double           to_y,
                                        GdkModifierType  state);
/* The canvas's own key handling (arrows, space, Escape), as for a key
 * press; TRUE when handled. */
gboolean   mc_canvas_test_key          (McCanvas        *self,
                                        guint            keyval,
                                        GdkModifierType  state);
/* The in-place editor's text view, or NULL when not editing. */
GtkWidget *mc_canvas_test_get_editor   (McCanvas        *self);
/* Opens the right-click menu at (x, y) and returns it (a GtkPopoverMenu),
 * or NULL when nothing there has one. */
GtkWidget *mc_canvas_test_context_menu (McCanvas        *self,
                                        double           x,
                                        double           y);

/* The accessible object standing for a figure, region
 * ("<figure>/<region>") or note id, found among the canvas's child
 * widgets after bringing them up to date; NULL if none. */
GtkWidget  *mc_canvas_test_get_accessible         (McCanvas   *self,
                                                   const char *id);
/* The name and description a screen reader gets from such an object. */
const char *mc_canvas_test_accessible_name        (GtkWidget  *node);
const char *mc_canvas_test_accessible_description (GtkWidget  *node);

G_END_DECLS
