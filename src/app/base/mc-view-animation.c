/* mc-view-animation.c — one view transform and one eased animation */
#include "config.h"

#include <math.h>

#include "mc-desktop.h"
#include "mc-view-animation.h"

void
mc_view_transform_to_widget (const McViewTransform *transform,
                             double                 board_x,
                             double                 board_y,
                             double                *widget_x,
                             double                *widget_y)
{
  g_return_if_fail (transform != NULL);

  if (widget_x != NULL)
    *widget_x = (board_x - transform->origin_x) * transform->zoom;
  if (widget_y != NULL)
    *widget_y = (board_y - transform->origin_y) * transform->zoom;
}

void
mc_view_transform_to_board (const McViewTransform *transform,
                            double                 widget_x,
                            double                 widget_y,
                            double                *board_x,
                            double                *board_y)
{
  g_return_if_fail (transform != NULL);
  g_return_if_fail (transform->zoom > 0);

  if (board_x != NULL)
    *board_x = widget_x / transform->zoom + transform->origin_x;
  if (board_y != NULL)
    *board_y = widget_y / transform->zoom + transform->origin_y;
}

void
mc_view_transform_area_to_board (const McViewTransform *transform,
                                 const McRect          *area,
                                 McRect                *rect)
{
  g_return_if_fail (transform != NULL && transform->zoom > 0);
  g_return_if_fail (area != NULL && rect != NULL);

  mc_view_transform_to_board (transform, area->x, area->y, &rect->x, &rect->y);
  rect->width = area->width / transform->zoom;
  rect->height = area->height / transform->zoom;
}

gboolean
mc_view_transform_fit (McViewTransform *transform,
                       const McRect    *rect,
                       const McRect    *area,
                       double           margin,
                       double           min_zoom,
                       double           max_zoom)
{
  double width, height, zoom;

  g_return_val_if_fail (transform != NULL, FALSE);
  g_return_val_if_fail (rect != NULL && area != NULL, FALSE);
  g_return_val_if_fail (min_zoom > 0 && min_zoom <= max_zoom, FALSE);

  margin = MAX (margin, 0.0);
  width = area->width - 2 * margin;
  height = area->height - 2 * margin;
  if (!(rect->width > 0) || !(rect->height > 0) || !(width > 0) || !(height > 0))
    return FALSE;

  zoom = CLAMP (MIN (width / rect->width, height / rect->height), min_zoom, max_zoom);
  if (!isfinite (zoom))
    return FALSE;

  /* The rectangle's centre at the area's centre. */
  transform->zoom = zoom;
  transform->origin_x = rect->x + rect->width / 2.0 - (area->x + area->width / 2.0) / zoom;
  transform->origin_y = rect->y + rect->height / 2.0 - (area->y + area->height / 2.0) / zoom;
  return TRUE;
}

void
mc_view_transform_interpolate (const McViewTransform *from,
                               const McViewTransform *to,
                               double                 t,
                               double                 anchor_x,
                               double                 anchor_y,
                               McViewTransform       *result)
{
  double from_x, from_y, to_x, to_y, zoom;

  g_return_if_fail (from != NULL && to != NULL && result != NULL);
  g_return_if_fail (from->zoom > 0 && to->zoom > 0);

  /* Exact at both ends, whatever rounding the formula below does. */
  if (t <= 0)
    {
      *result = *from;
      return;
    }
  if (t >= 1)
    {
      *result = *to;
      return;
    }

  mc_view_transform_to_board (from, anchor_x, anchor_y, &from_x, &from_y);
  mc_view_transform_to_board (to, anchor_x, anchor_y, &to_x, &to_y);
  zoom = from->zoom * pow (to->zoom / from->zoom, t);

  result->zoom = zoom;
  result->origin_x = from_x + (to_x - from_x) * t - anchor_x / zoom;
  result->origin_y = from_y + (to_y - from_y) * t - anchor_y / zoom;
}

gboolean
mc_view_transform_equal (const McViewTransform *a,
                         const McViewTransform *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->zoom == b->zoom && a->origin_x == b->origin_x && a->origin_y == b->origin_y;
}

/* The animation */

struct _McViewAnimation
{
  GObject          parent_instance;

  GtkWidget       *widget;      /* weak */
  McViewApplyFunc  apply;
  gpointer         user_data;
  AdwAnimation    *animation;

  McViewTransform  current;
  McViewTransform  from;
  McViewTransform  to;
  double           anchor_x;
  double           anchor_y;
};

G_DEFINE_FINAL_TYPE (McViewAnimation, mc_view_animation, G_TYPE_OBJECT)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
apply (McViewAnimation       *self,
       const McViewTransform *transform)
{
  self->current = *transform;
  if (self->apply != NULL)
    self->apply (transform, self->user_data);
}

static void
on_value (double   value,
          gpointer user_data)
{
  McViewAnimation *self = user_data;
  McViewTransform step;

  mc_view_transform_interpolate (&self->from, &self->to, value,
                                 self->anchor_x, self->anchor_y, &step);
  apply (self, &step);
}

static void
on_done (AdwAnimation    *animation,
         McViewAnimation *self)
{
  g_signal_emit (self, signals[SIGNAL_DONE], 0);
}

/* Stops the easing where it got to, without applying anything. */
static void
halt (McViewAnimation *self)
{
  if (adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING)
    adw_animation_pause (self->animation);
}

void
mc_view_animation_animate_to (McViewAnimation       *self,
                              const McViewTransform *transform)
{
  g_return_if_fail (MC_IS_VIEW_ANIMATION (self));
  g_return_if_fail (transform != NULL && transform->zoom > 0);

  halt (self);

  if (self->widget == NULL || !gtk_widget_get_mapped (self->widget)
      || !mc_desktop_get_animations (self->widget)
      || mc_view_transform_equal (&self->current, transform))
    {
      mc_view_animation_jump_to (self, transform);
      return;
    }

  self->from = self->current;
  self->to = *transform;
  self->anchor_x = gtk_widget_get_width (self->widget) / 2.0;
  self->anchor_y = gtk_widget_get_height (self->widget) / 2.0;
  adw_animation_play (self->animation);
}

void
mc_view_animation_jump_to (McViewAnimation       *self,
                           const McViewTransform *transform)
{
  g_return_if_fail (MC_IS_VIEW_ANIMATION (self));
  g_return_if_fail (transform != NULL && transform->zoom > 0);

  halt (self);
  self->from = self->to = *transform;
  apply (self, transform);
  g_signal_emit (self, signals[SIGNAL_DONE], 0);
}

void
mc_view_animation_set_current (McViewAnimation       *self,
                               const McViewTransform *transform)
{
  g_return_if_fail (MC_IS_VIEW_ANIMATION (self));
  g_return_if_fail (transform != NULL && transform->zoom > 0);

  halt (self);
  self->current = self->from = self->to = *transform;
}

void
mc_view_animation_get_current (McViewAnimation *self,
                               McViewTransform *transform)
{
  g_return_if_fail (MC_IS_VIEW_ANIMATION (self));
  g_return_if_fail (transform != NULL);

  *transform = self->current;
}

void
mc_view_animation_get_target (McViewAnimation *self,
                              McViewTransform *transform)
{
  g_return_if_fail (MC_IS_VIEW_ANIMATION (self));
  g_return_if_fail (transform != NULL);

  *transform = mc_view_animation_get_running (self) ? self->to : self->current;
}

gboolean
mc_view_animation_get_running (McViewAnimation *self)
{
  g_return_val_if_fail (MC_IS_VIEW_ANIMATION (self), FALSE);

  return adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING;
}

void
mc_view_animation_skip (McViewAnimation *self)
{
  g_return_if_fail (MC_IS_VIEW_ANIMATION (self));

  if (mc_view_animation_get_running (self))
    adw_animation_skip (self->animation);
}

void
mc_view_animation_set_duration (McViewAnimation *self,
                                guint            duration_ms)
{
  g_return_if_fail (MC_IS_VIEW_ANIMATION (self));

  adw_timed_animation_set_duration (ADW_TIMED_ANIMATION (self->animation), duration_ms);
}

guint
mc_view_animation_get_duration (McViewAnimation *self)
{
  g_return_val_if_fail (MC_IS_VIEW_ANIMATION (self), 0);

  return adw_timed_animation_get_duration (ADW_TIMED_ANIMATION (self->animation));
}

static void
mc_view_animation_dispose (GObject *object)
{
  McViewAnimation *self = MC_VIEW_ANIMATION (object);

  if (self->animation != NULL)
    {
      halt (self);
      g_signal_handlers_disconnect_by_data (self->animation, self);
      g_clear_object (&self->animation);
    }
  if (self->widget != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
      self->widget = NULL;
    }

  G_OBJECT_CLASS (mc_view_animation_parent_class)->dispose (object);
}

static void
mc_view_animation_class_init (McViewAnimationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_view_animation_dispose;

  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_view_animation_init (McViewAnimation *self)
{
  self->current = self->from = self->to = (McViewTransform) { 1.0, 0.0, 0.0 };
}

McViewAnimation *
mc_view_animation_new (GtkWidget       *widget,
                       McViewApplyFunc  apply_func,
                       gpointer         user_data)
{
  McViewAnimation *self;
  AdwAnimationTarget *target;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (MC_TYPE_VIEW_ANIMATION, NULL);
  self->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->widget);
  self->apply = apply_func;
  self->user_data = user_data;

  target = adw_callback_animation_target_new (on_value, self, NULL);
  self->animation = adw_timed_animation_new (widget, 0.0, 1.0,
                                             MC_VIEW_ANIMATION_DEFAULT_MS, target);
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);
  g_signal_connect (self->animation, "done", G_CALLBACK (on_done), self);

  return self;
}
