/* mc-view-animation.h — one view transform and one eased animation between
 * two of them, for every widget that shows the board (canvas, presentation)
 *
 * A view transform maps board units to widget pixels:
 *   widget = (board - origin) × zoom
 * where origin is the board point at the widget's top-left corner.
 *
 * McViewAnimation eases a widget's view from where it is to a target
 * (AdwTimedAnimation, ease-out cubic): the zoom changes geometrically (so
 * the speed feels even) and the board point at the widget's centre moves
 * in a straight line. It does not own the view: it calls apply for every
 * step and the widget stores the transform. With animations turned off
 * (gtk-enable-animations, "reduce motion") or an unmapped widget it jumps.
 */
#pragma once

#include <adwaita.h>
#include "mc-types.h"

G_BEGIN_DECLS

typedef struct
{
  double zoom;
  double origin_x;
  double origin_y;
} McViewTransform;

/* Transforms between board units and widget pixels. */
void     mc_view_transform_to_widget   (const McViewTransform *transform,
                                        double                 board_x,
                                        double                 board_y,
                                        double                *widget_x,
                                        double                *widget_y);
void     mc_view_transform_to_board    (const McViewTransform *transform,
                                        double                 widget_x,
                                        double                 widget_y,
                                        double                *board_x,
                                        double                *board_y);
/* The board rectangle that shows in the widget area (widget pixels). */
void     mc_view_transform_area_to_board (const McViewTransform *transform,
                                          const McRect          *area,
                                          McRect                *rect);

/* The transform that shows the board rectangle rect as large as fits in
 * area (widget pixels) less margin on every side, centred there; the zoom
 * is clamped to [min_zoom, max_zoom] (a clamped zoom still centres rect).
 * FALSE (transform untouched) when rect or the area is empty. */
gboolean mc_view_transform_fit       (McViewTransform       *transform,
                                      const McRect          *rect,
                                      const McRect          *area,
                                      double                 margin,
                                      double                 min_zoom,
                                      double                 max_zoom);

/* The transform at progress t (0 → from, 1 → to): zoom geometric, the board
 * point under the widget point (anchor_x, anchor_y) linear. */
void     mc_view_transform_interpolate (const McViewTransform *from,
                                        const McViewTransform *to,
                                        double                 t,
                                        double                 anchor_x,
                                        double                 anchor_y,
                                        McViewTransform       *result);

gboolean mc_view_transform_equal     (const McViewTransform *a,
                                      const McViewTransform *b);

/* The animation. */

/* Called with every step; the widget stores transform and redraws. */
typedef void (*McViewApplyFunc) (const McViewTransform *transform,
                                 gpointer               user_data);

#define MC_VIEW_ANIMATION_DEFAULT_MS 300

#define MC_TYPE_VIEW_ANIMATION (mc_view_animation_get_type ())
G_DECLARE_FINAL_TYPE (McViewAnimation, mc_view_animation, MC, VIEW_ANIMATION, GObject)

/* widget is the one whose frame clock times the steps (not referenced). */
McViewAnimation *mc_view_animation_new        (GtkWidget             *widget,
                                               McViewApplyFunc        apply,
                                               gpointer               user_data);
void             mc_view_animation_set_duration (McViewAnimation     *self,
                                                 guint                duration_ms);
guint            mc_view_animation_get_duration (McViewAnimation     *self);

/* Eases from the current transform to transform (a running animation is
 * replaced, starting from where it got to). Jumps when animations are off
 * or the widget is not mapped. */
void             mc_view_animation_animate_to (McViewAnimation       *self,
                                               const McViewTransform *transform);
/* Stops any animation and applies transform at once. */
void             mc_view_animation_jump_to    (McViewAnimation       *self,
                                               const McViewTransform *transform);
/* Tells the animation where the view is after the widget moved it itself
 * (panning, a resize); stops a running animation without applying. */
void             mc_view_animation_set_current (McViewAnimation      *self,
                                                const McViewTransform *transform);
/* The transform last applied, and where the view is heading (the current
 * one when idle). */
void             mc_view_animation_get_current (McViewAnimation      *self,
                                                McViewTransform      *transform);
void             mc_view_animation_get_target  (McViewAnimation      *self,
                                                McViewTransform      *transform);
/* TRUE while easing. ::done (no arguments) is emitted when an animation
 * ends, also when it jumped, so tests and callers can wait for it. */
gboolean         mc_view_animation_get_running (McViewAnimation      *self);
/* Ends a running animation at its target. */
void             mc_view_animation_skip        (McViewAnimation      *self);

G_END_DECLS
