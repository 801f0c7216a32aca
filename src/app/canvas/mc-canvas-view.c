/* mc-canvas-view.c — the canvas's view transform: board ↔ widget
 * coordinates, panning, zoom (eased for keys, buttons and fitting) and
 * fitting the board to the widget.
 */
#include "config.h"

#include <math.h>

#include "mc-canvas-edit-private.h"
#include "mc-desktop.h"

/* Keyboard and button zoom steps, and how long the eased zoom takes. */
#define ZOOM_STEP          1.25
#define ANIMATION_USEC     (160 * G_USEC_PER_SEC / 1000)
/* Space kept around the board when fitting, in widget pixels. */
#define FIT_MARGIN         24.0

static double
clamp_zoom (double zoom)
{
  if (!isfinite (zoom))
    return 1.0;
  return CLAMP (zoom, MC_CANVAS_MIN_ZOOM, MC_CANVAS_MAX_ZOOM);
}

/* View transform */

void
mc_canvas_board_to_widget (McCanvas *self,
                           double    board_x,
                           double    board_y,
                           double   *widget_x,
                           double   *widget_y)
{
  g_return_if_fail (MC_IS_CANVAS (self));

  if (widget_x != NULL)
    *widget_x = (board_x - self->origin_x) * self->zoom;
  if (widget_y != NULL)
    *widget_y = (board_y - self->origin_y) * self->zoom;
}

void
mc_canvas_widget_to_board (McCanvas *self,
                           double    widget_x,
                           double    widget_y,
                           double   *board_x,
                           double   *board_y)
{
  g_return_if_fail (MC_IS_CANVAS (self));

  if (board_x != NULL)
    *board_x = widget_x / self->zoom + self->origin_x;
  if (board_y != NULL)
    *board_y = widget_y / self->zoom + self->origin_y;
}

void
mc_canvas_get_visible_rect (McCanvas *self,
                            McRect   *rect)
{
  g_return_if_fail (MC_IS_CANVAS (self));
  g_return_if_fail (rect != NULL);

  rect->x = self->origin_x;
  rect->y = self->origin_y;
  rect->width = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  rect->height = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
}

/* Keeps at least part of the board on screen, so panning can never lose it. */
static void
constrain_origin (McCanvas *self,
                  double   *origin_x,
                  double   *origin_y)
{
  McRect bounds;
  double view_w = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  double view_h = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
  double keep_w, keep_h;

  if (view_w <= 0 || view_h <= 0 || !_mc_canvas_get_board_bounds (self, &bounds))
    return;

  keep_w = MIN (bounds.width, view_w) * 0.25;
  keep_h = MIN (bounds.height, view_h) * 0.25;
  *origin_x = CLAMP (*origin_x, bounds.x + keep_w - view_w, bounds.x + bounds.width - keep_w);
  *origin_y = CLAMP (*origin_y, bounds.y + keep_h - view_h, bounds.y + bounds.height - keep_h);
}

void
_mc_canvas_set_origin (McCanvas *self,
                       double    origin_x,
                       double    origin_y)
{
  constrain_origin (self, &origin_x, &origin_y);

  if (origin_x == self->origin_x && origin_y == self->origin_y)
    return;

  self->origin_x = origin_x;
  self->origin_y = origin_y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _mc_canvas_edit_view_changed (self);
}

static void
apply_zoom (McCanvas *self,
            double    zoom,
            double    origin_x,
            double    origin_y)
{
  gboolean zoom_changed = zoom != self->zoom;

  self->zoom = zoom;
  self->origin_x = origin_x;
  self->origin_y = origin_y;
  constrain_origin (self, &self->origin_x, &self->origin_y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _mc_canvas_edit_view_changed (self);

  if (zoom_changed)
    _mc_canvas_notify_zoom (self);
}

void
_mc_canvas_stop_animation (McCanvas *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static double
ease_out_cubic (double t)
{
  double p = t - 1.0;

  return p * p * p + 1.0;
}

static gboolean
zoom_tick (GtkWidget     *widget,
           GdkFrameClock *frame_clock,
           gpointer       user_data)
{
  McCanvas *self = MC_CANVAS (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double t = (double) (now - self->anim_start) / ANIMATION_USEC;
  double e;

  if (t >= 1.0)
    {
      self->tick_id = 0;
      apply_zoom (self, self->anim_to_zoom, self->anim_to_x, self->anim_to_y);
      return G_SOURCE_REMOVE;
    }

  /* Interpolate the scale geometrically so the speed feels even. */
  e = ease_out_cubic (MAX (t, 0.0));
  apply_zoom (self,
              self->anim_from_zoom * pow (self->anim_to_zoom / self->anim_from_zoom, e),
              self->anim_from_x + (self->anim_to_x - self->anim_from_x) * e,
              self->anim_from_y + (self->anim_to_y - self->anim_from_y) * e);

  return G_SOURCE_CONTINUE;
}

static void
animate_to (McCanvas *self,
            double    zoom,
            double    origin_x,
            double    origin_y,
            gboolean  animate)
{
  _mc_canvas_stop_animation (self);

  if (!animate || !mc_desktop_get_animations (GTK_WIDGET (self))
      || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      apply_zoom (self, zoom, origin_x, origin_y);
      return;
    }

  self->anim_start = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->anim_from_zoom = self->zoom;
  self->anim_from_x = self->origin_x;
  self->anim_from_y = self->origin_y;
  self->anim_to_zoom = zoom;
  self->anim_to_x = origin_x;
  self->anim_to_y = origin_y;
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), zoom_tick, NULL, NULL);
}

double
mc_canvas_get_zoom (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), 1.0);

  /* While easing, report where the zoom is going: labels should not count. */
  return self->tick_id != 0 ? self->anim_to_zoom : self->zoom;
}

void
mc_canvas_zoom_at (McCanvas *self,
                   double    zoom,
                   double    widget_x,
                   double    widget_y,
                   gboolean  animate)
{
  double board_x, board_y;
  double base_zoom, base_x, base_y;

  g_return_if_fail (MC_IS_CANVAS (self));

  zoom = clamp_zoom (zoom);
  self->fit_pending = FALSE;
  self->fit_kept = FALSE;

  /* Compose with a running animation from where it is heading. */
  base_zoom = self->tick_id != 0 ? self->anim_to_zoom : self->zoom;
  base_x = self->tick_id != 0 ? self->anim_to_x : self->origin_x;
  base_y = self->tick_id != 0 ? self->anim_to_y : self->origin_y;

  board_x = widget_x / base_zoom + base_x;
  board_y = widget_y / base_zoom + base_y;

  animate_to (self, zoom, board_x - widget_x / zoom, board_y - widget_y / zoom, animate);
}

void
mc_canvas_set_zoom (McCanvas *self,
                    double    zoom)
{
  g_return_if_fail (MC_IS_CANVAS (self));

  mc_canvas_zoom_at (self, zoom,
                     gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0,
                     FALSE);
}

static void
zoom_about_centre (McCanvas *self,
                   double    zoom)
{
  mc_canvas_zoom_at (self, zoom,
                     gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0,
                     TRUE);
}

void
mc_canvas_zoom_in (McCanvas *self)
{
  g_return_if_fail (MC_IS_CANVAS (self));

  zoom_about_centre (self, mc_canvas_get_zoom (self) * ZOOM_STEP);
}

void
mc_canvas_zoom_out (McCanvas *self)
{
  g_return_if_fail (MC_IS_CANVAS (self));

  zoom_about_centre (self, mc_canvas_get_zoom (self) / ZOOM_STEP);
}

void
mc_canvas_zoom_reset (McCanvas *self)
{
  g_return_if_fail (MC_IS_CANVAS (self));

  zoom_about_centre (self, 1.0);
}

/* The zoom and origin that show rect whole, centred, with a margin;
 * FALSE when the widget or rect is too small to say. */
static gboolean
fitted_view (McCanvas     *self,
             const McRect *rect,
             double       *zoom,
             double       *origin_x,
             double       *origin_y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 2 * FIT_MARGIN || height <= 2 * FIT_MARGIN
      || rect->width <= 0 || rect->height <= 0)
    return FALSE;

  *zoom = clamp_zoom (MIN ((width - 2 * FIT_MARGIN) / rect->width,
                           (height - 2 * FIT_MARGIN) / rect->height));
  *origin_x = rect->x + rect->width / 2.0 - width / 2.0 / *zoom;
  *origin_y = rect->y + rect->height / 2.0 - height / 2.0 / *zoom;
  return TRUE;
}

void
mc_canvas_zoom_to_rect (McCanvas     *self,
                        const McRect *rect,
                        gboolean      animate)
{
  double zoom, origin_x, origin_y;

  g_return_if_fail (MC_IS_CANVAS (self));
  g_return_if_fail (rect != NULL);

  self->fit_kept = FALSE;
  if (!fitted_view (self, rect, &zoom, &origin_x, &origin_y))
    return;

  animate_to (self, zoom, origin_x, origin_y, animate);
}

void
_mc_canvas_fit_before_drawing (McCanvas *self)
{
  McRect bounds;

  if (!self->fit_pending || self->tick_id != 0 || !_mc_canvas_get_board_bounds (self, &bounds))
    return;
  if (fitted_view (self, &bounds, &self->zoom, &self->origin_x, &self->origin_y))
    constrain_origin (self, &self->origin_x, &self->origin_y);
}

void
_mc_canvas_fit_board (McCanvas *self,
                      gboolean  animate)
{
  McRect bounds;

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || !_mc_canvas_get_board_bounds (self, &bounds))
    {
      self->fit_pending = TRUE;
      return;
    }

  self->fit_pending = FALSE;
  mc_canvas_zoom_to_rect (self, &bounds, animate);
  self->fit_kept = TRUE;
}

void
mc_canvas_zoom_to_fit (McCanvas *self)
{
  g_return_if_fail (MC_IS_CANVAS (self));

  _mc_canvas_fit_board (self, gtk_widget_get_mapped (GTK_WIDGET (self)));
}

void
mc_canvas_scroll_by (McCanvas *self,
                     double    dx,
                     double    dy)
{
  g_return_if_fail (MC_IS_CANVAS (self));

  _mc_canvas_stop_animation (self);
  self->fit_pending = FALSE;
  self->fit_kept = FALSE;
  _mc_canvas_set_origin (self,
                         self->origin_x + dx / self->zoom,
                         self->origin_y + dy / self->zoom);
}

