/* mc-canvas.c — drawing, the view transform and zoom of the board canvas
 *
 * Input (pointer, scroll, keys) lives in mc-canvas-input.c.
 */
#include "config.h"

#include <math.h>

#include "mc-canvas-edit-private.h"
#include "mc-catalog.h"
#include "mc-figure.h"
#include "mc-render-cairo.h"
#include "mc-theme.h"

/* Keyboard and button zoom steps, and how long the eased zoom takes. */
#define ZOOM_STEP          1.25
#define ANIMATION_USEC     (160 * G_USEC_PER_SEC / 1000)
/* Space kept around the board when fitting, in widget pixels. */
#define FIT_MARGIN         24.0

G_DEFINE_FINAL_TYPE (McCanvas, mc_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BOARD,
  PROP_ZOOM,
  PROP_ACTIVE_REGION,
  PROP_SELECTED_REGION,
  PROP_SELECTED_FIGURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
clamp_zoom (double zoom)
{
  if (!isfinite (zoom))
    return 1.0;
  return CLAMP (zoom, MC_CANVAS_MIN_ZOOM, MC_CANVAS_MAX_ZOOM);
}

static void
invalidate_scene (McCanvas *self)
{
  g_clear_pointer (&self->scene, mc_scene_unref);
  if (self->edit != NULL)
    g_clear_object (&self->edit->cache);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_board_changed (McBoard       *board,
                  McChangeFlags  flags,
                  GStrv          note_ids,
                  McCanvas      *self)
{
  /* Undo/redo bookkeeping alone changes nothing on screen. */
  if ((flags & ~MC_CHANGE_HISTORY) == 0)
    return;

  invalidate_scene (self);
  if (self->selected_figure != NULL && mc_board_get_figure (board, self->selected_figure) == NULL)
    mc_canvas_select_figure (self, NULL);
  _mc_canvas_edit_board_changed (self, flags);
}

McScene *
mc_canvas_get_scene (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  if (self->board == NULL)
    return NULL;

  if (self->scene == NULL)
    {
      McViewOptions options = self->options;

      options.language = mc_board_get_language (self->board);
      self->scene = mc_layout_build (self->layout, self->board, &options);
    }

  return self->scene;
}

McLayout *
mc_canvas_get_layout (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return self->layout;
}

const McViewOptions *
mc_canvas_get_view_options (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return &self->options;
}

void
mc_canvas_set_view_options (McCanvas            *self,
                            const McViewOptions *options)
{
  g_return_if_fail (MC_IS_CANVAS (self));
  g_return_if_fail (options != NULL);

  /* figure_id is borrowed in McViewOptions; the canvas always shows every
   * figure of its board. */
  self->options = *options;
  self->options.figure_id = NULL;
  invalidate_scene (self);
}

static gboolean
get_board_bounds (McCanvas *self,
                  McRect   *bounds)
{
  McScene *scene = mc_canvas_get_scene (self);

  if (scene == NULL || mc_scene_get_n_items (scene) == 0)
    return FALSE;

  mc_scene_get_bounds (scene, bounds);
  return bounds->width > 0 && bounds->height > 0;
}

McBoard *
mc_canvas_get_board (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return self->board;
}

void
mc_canvas_set_board (McCanvas *self,
                     McBoard  *board)
{
  g_return_if_fail (MC_IS_CANVAS (self));
  g_return_if_fail (board == NULL || MC_IS_BOARD (board));

  if (self->board == board)
    return;

  if (self->board != NULL)
    g_clear_signal_handler (&self->board_changed_id, self->board);
  g_set_object (&self->board, board);
  if (board != NULL)
    self->board_changed_id = g_signal_connect (board, "changed",
                                               G_CALLBACK (on_board_changed),
                                               self);

  _mc_canvas_set_hover_region (self, NULL);
  mc_canvas_select_region (self, NULL);
  mc_canvas_select_figure (self, NULL);
  _mc_canvas_stop_animation (self);
  invalidate_scene (self);
  /* MC_CHANGE_ALL: a different board, the editing state starts afresh. */
  _mc_canvas_edit_board_changed (self, MC_CHANGE_ALL);

  /* A new board starts out whole on screen. */
  self->fit_pending = TRUE;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    mc_canvas_zoom_to_fit (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
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

  if (view_w <= 0 || view_h <= 0 || !get_board_bounds (self, &bounds))
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
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
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
  gboolean enable_animations = TRUE;

  _mc_canvas_stop_animation (self);

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &enable_animations,
                NULL);

  if (!animate || !enable_animations || !gtk_widget_get_mapped (GTK_WIDGET (self)))
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

void
mc_canvas_zoom_to_rect (McCanvas     *self,
                        const McRect *rect,
                        gboolean      animate)
{
  double width, height, zoom;

  g_return_if_fail (MC_IS_CANVAS (self));
  g_return_if_fail (rect != NULL);

  self->fit_kept = FALSE;
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 2 * FIT_MARGIN || height <= 2 * FIT_MARGIN
      || rect->width <= 0 || rect->height <= 0)
    return;

  zoom = clamp_zoom (MIN ((width - 2 * FIT_MARGIN) / rect->width,
                          (height - 2 * FIT_MARGIN) / rect->height));
  animate_to (self, zoom,
              rect->x + rect->width / 2.0 - width / 2.0 / zoom,
              rect->y + rect->height / 2.0 - height / 2.0 / zoom,
              animate);
}

static void
fit_board (McCanvas *self,
           gboolean  animate)
{
  McRect bounds;

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || !get_board_bounds (self, &bounds))
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

  fit_board (self, gtk_widget_get_mapped (GTK_WIDGET (self)));
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

/* Regions */

const char *
mc_canvas_get_selected_region (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return self->selected_region;
}

const char *
mc_canvas_get_active_region (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return self->selected_region != NULL ? self->selected_region : self->hover_region;
}

void
mc_canvas_select_region (McCanvas   *self,
                         const char *region_id)
{
  const char *was_active;

  g_return_if_fail (MC_IS_CANVAS (self));

  was_active = mc_canvas_get_active_region (self);
  if (g_strcmp0 (self->selected_region, region_id) == 0)
    return;

  {
    g_autofree char *old_active = g_strdup (was_active);

    g_free (self->selected_region);
    self->selected_region = g_strdup (region_id);
    gtk_widget_queue_draw (GTK_WIDGET (self));
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
    if (g_strcmp0 (old_active, mc_canvas_get_active_region (self)) != 0)
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_REGION]);
  }
}

const char *
mc_canvas_get_selected_figure (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return self->selected_figure;
}

void
mc_canvas_select_figure (McCanvas   *self,
                         const char *figure_id)
{
  g_return_if_fail (MC_IS_CANVAS (self));

  if (figure_id != NULL && (self->board == NULL || mc_board_get_figure (self->board, figure_id) == NULL))
    figure_id = NULL;
  if (g_strcmp0 (self->selected_figure, figure_id) == 0)
    return;

  g_free (self->selected_figure);
  self->selected_figure = g_strdup (figure_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_FIGURE]);
}

void
_mc_canvas_set_hover_region (McCanvas   *self,
                             const char *region_id)
{
  g_autofree char *old_active = NULL;

  if (g_strcmp0 (self->hover_region, region_id) == 0)
    return;

  old_active = g_strdup (mc_canvas_get_active_region (self));
  g_free (self->hover_region);
  self->hover_region = g_strdup (region_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (g_strcmp0 (old_active, mc_canvas_get_active_region (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_REGION]);
}

/* Drawing */

static void
append_region_outline (McCanvas   *self,
                       cairo_t    *cr,
                       const char *region_id,
                       double      alpha,
                       double      width_px)
{
  const McTheme *theme = mc_theme_get (self->options.theme);
  const McSceneItem *item;
  int index;

  if (region_id == NULL || self->scene == NULL)
    return;

  index = mc_scene_find_group (self->scene, region_id);
  if (index < 0)
    return;

  item = mc_scene_get_item (self->scene, index);
  if (item->hit_path == NULL)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  mc_path_to_cairo (item->hit_path, cr);
  cairo_set_source_rgba (cr, theme->selection.red, theme->selection.green,
                         theme->selection.blue, alpha);
  /* Constant on screen, whatever the zoom. */
  cairo_set_line_width (cr, width_px / self->zoom);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Renders scene for the current view into a texture. Hover, selection,
 * rubber-band and drag frames then only blit it and draw a few notes on
 * top, which keeps them fast on boards with a thousand notes. */
static GdkTexture *
render_board_texture (McCanvas     *self,
                      McScene      *scene,
                      const McRect *visible,
                      int           width,
                      int           height,
                      int           scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *bytes;
  GdkTexture *texture;
  int stride;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, self->zoom * scale, self->zoom * scale);
  cairo_translate (cr, -self->origin_x, -self->origin_y);
  mc_render_scene (cr, scene, visible);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width * scale, height * scale,
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  g_bytes_unref (bytes);

  return texture;
}

static void
snapshot_board (McCanvas     *self,
                GtkSnapshot  *snapshot,
                McScene      *scene,
                const McRect *visible,
                int           width,
                int           height)
{
  McCanvasEdit *edit = self->edit;
  gboolean moving = _mc_canvas_edit_is_moving (self);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  /* While the view itself moves (pan, zoom easing) every frame differs:
   * draw directly rather than fill a cache that is thrown away. */
  if (!moving && (self->panning || self->tick_id != 0))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      cairo_scale (cr, self->zoom, self->zoom);
      cairo_translate (cr, -self->origin_x, -self->origin_y);
      mc_render_scene (cr, scene, visible);
      cairo_destroy (cr);
      g_clear_object (&edit->cache);
      return;
    }

  if (edit->cache != NULL
      && (edit->cache_zoom != self->zoom || edit->cache_x != self->origin_x
          || edit->cache_y != self->origin_y || edit->cache_width != width
          || edit->cache_height != height || edit->cache_scale != scale))
    g_clear_object (&edit->cache);

  if (edit->cache == NULL)
    {
      edit->cache = render_board_texture (self, moving ? edit->base_scene : scene,
                                          visible, width, height, scale);
      edit->cache_zoom = self->zoom;
      edit->cache_x = self->origin_x;
      edit->cache_y = self->origin_y;
      edit->cache_width = width;
      edit->cache_height = height;
      edit->cache_scale = scale;
    }

  gtk_snapshot_append_texture (snapshot, edit->cache, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (moving && edit->drag_mode == MC_DRAG_FIGURE_SCALE)
    {
      /* The figure and its notes scaled about its top-left corner, as
       * the command will leave them. */
      double fx = edit->figure_start.x, fy = edit->figure_start.y, f = edit->figure_factor;
      McRect clip = { (visible->x - fx) / f + fx, (visible->y - fy) / f + fy,
                      visible->width / f, visible->height / f };
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      cairo_scale (cr, self->zoom, self->zoom);
      cairo_translate (cr, -self->origin_x + fx, -self->origin_y + fy);
      cairo_scale (cr, f, f);
      cairo_translate (cr, -fx, -fy);
      mc_render_scene (cr, edit->drag_scene, &clip);
      cairo_destroy (cr);
    }
  else if (moving)
    {
      /* The moving notes or figure, at their offset: no command until the
       * drop. The node covers only them (a few pixels more for strokes):
       * a full-widget cairo node costs a full-size surface every frame. */
      McRect clip = { visible->x - edit->drag_dx, visible->y - edit->drag_dy,
                      visible->width, visible->height };
      McRect moved;
      double x0, y0, x1, y1;
      cairo_t *cr;

      mc_scene_get_bounds (edit->drag_scene, &moved);
      mc_canvas_board_to_widget (self, moved.x + edit->drag_dx, moved.y + edit->drag_dy, &x0, &y0);
      mc_canvas_board_to_widget (self, moved.x + moved.width + edit->drag_dx,
                                 moved.y + moved.height + edit->drag_dy, &x1, &y1);
      x0 = CLAMP (floor (x0) - 4, 0, width);
      y0 = CLAMP (floor (y0) - 4, 0, height);
      x1 = CLAMP (ceil (x1) + 4, 0, width);
      y1 = CLAMP (ceil (y1) + 4, 0, height);
      if (x1 <= x0 || y1 <= y0)
        return;

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));

      cairo_scale (cr, self->zoom, self->zoom);
      cairo_translate (cr, -self->origin_x + edit->drag_dx, -self->origin_y + edit->drag_dy);
      mc_render_scene (cr, edit->drag_scene, &clip);
      cairo_destroy (cr);
    }
}

static void
outline_rect (McCanvas      *self,
              cairo_t       *cr,
              const McRect  *rect,
              double         outset_px,
              double         width_px)
{
  double outset = outset_px / self->zoom;

  cairo_rectangle (cr, rect->x - outset, rect->y - outset,
                   rect->width + 2 * outset, rect->height + 2 * outset);
  cairo_set_line_width (cr, width_px / self->zoom);
  cairo_stroke (cr);
}

/* Selection, hover, keyboard cursor, search matches, resize handle and
 * rubber band, all in constant screen widths. */
static void
draw_note_overlays (McCanvas *self,
                    cairo_t  *cr)
{
  McCanvasEdit *edit = self->edit;
  const McTheme *theme = mc_theme_get (self->options.theme);
  const McColor *sel = &theme->selection;
  gboolean moving = edit->drag_mode == MC_DRAG_MOVE && edit->drag_active;
  GHashTableIter iter;
  gpointer key;
  McRect rect;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Search matches: a warm outline that reads on every note colour. */
  if (g_hash_table_size (edit->matches) > 0)
    {
      McRect visible;

      mc_canvas_get_visible_rect (self, &visible);
      cairo_set_source_rgba (cr, 0.90, 0.38, 0.0, 0.95);
      g_hash_table_iter_init (&iter, edit->matches);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (mc_layout_get_note_rect (self->layout, key, &rect) && mc_rect_intersects (&rect, &visible))
          outline_rect (self, cr, &rect, 4.0, 3.0);
    }

  if (edit->hover_note != NULL && !g_hash_table_contains (edit->selected, edit->hover_note)
      && !moving && mc_layout_get_note_rect (self->layout, edit->hover_note, &rect))
    {
      cairo_set_source_rgba (cr, sel->red, sel->green, sel->blue, 0.45);
      outline_rect (self, cr, &rect, 2.0, 1.5);
    }

  cairo_set_source_rgba (cr, sel->red, sel->green, sel->blue, 1.0);
  for (guint i = 0; i < edit->selection->len; i++)
    {
      const char *id = edit->selection->pdata[i];

      if (!mc_layout_get_note_rect (self->layout, id, &rect))
        continue;
      if (moving)
        {
          rect.x += edit->drag_dx;
          rect.y += edit->drag_dy;
        }
      if (edit->drag_mode == MC_DRAG_RESIZE && edit->drag_active && g_strcmp0 (id, edit->resize_id) == 0)
        rect = edit->resize_rect;
      outline_rect (self, cr, &rect, 3.0, 2.5);
    }

  /* The corner handle of a single selected note. */
  if (edit->selection->len == 1 && !moving && edit->editor == NULL
      && !mc_board_get_read_only (self->board)
      && mc_layout_get_note_rect (self->layout, edit->selection->pdata[0], &rect))
    {
      double size = 10.0 / self->zoom;

      if (edit->drag_mode == MC_DRAG_RESIZE && edit->drag_active)
        rect = edit->resize_rect;
      cairo_rectangle (cr, rect.x + rect.width - size / 2, rect.y + rect.height - size / 2, size, size);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, sel->red, sel->green, sel->blue, 1.0);
      cairo_set_line_width (cr, 1.5 / self->zoom);
      cairo_stroke (cr);
    }

  /* The keyboard's note, when the canvas has the focus. */
  if (edit->cursor != NULL && gtk_widget_has_focus (GTK_WIDGET (self))
      && mc_layout_get_note_rect (self->layout, edit->cursor, &rect))
    {
      double dash = 4.0 / self->zoom;

      cairo_set_source_rgba (cr, theme->ink.red, theme->ink.green, theme->ink.blue, 0.8);
      cairo_set_dash (cr, &dash, 1, 0);
      outline_rect (self, cr, &rect, 7.0, 1.0);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (edit->drag_mode == MC_DRAG_RUBBER && edit->drag_active)
    {
      _mc_canvas_edit_get_rubber_rect (self, &rect);
      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cairo_set_source_rgba (cr, sel->red, sel->green, sel->blue, 0.12);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, sel->red, sel->green, sel->blue, 0.9);
      cairo_set_line_width (cr, 1.0 / self->zoom);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* The selected figure's outline and the corner handle of the selected or
 * hovered figure, where a drag of it has them now. */
static void
draw_figure_overlays (McCanvas *self,
                      cairo_t  *cr)
{
  McCanvasEdit *edit = self->edit;
  const McTheme *theme = mc_theme_get (self->options.theme);
  const McColor *sel = &theme->selection;
  const char *handle_figure;
  McRect rect;

  if (self->board == NULL)
    return;

  cairo_save (cr);

  if (self->selected_figure != NULL && mc_layout_get_figure_rect (self->board, self->selected_figure, &rect))
    {
      if (edit->drag_active && g_strcmp0 (edit->drag_figure, self->selected_figure) == 0)
        {
          if (edit->drag_mode == MC_DRAG_FIGURE)
            {
              rect.x += edit->drag_dx;
              rect.y += edit->drag_dy;
            }
          else if (edit->drag_mode == MC_DRAG_FIGURE_SCALE)
            {
              rect.width = edit->figure_start.width * edit->figure_factor;
              rect.height = edit->figure_start.height * edit->figure_factor;
            }
        }
      cairo_set_source_rgba (cr, sel->red, sel->green, sel->blue, 1.0);
      outline_rect (self, cr, &rect, 4.0, 2.5);
    }

  handle_figure = self->selected_figure != NULL ? self->selected_figure : edit->hover_figure;
  if (handle_figure != NULL && !mc_board_get_read_only (self->board)
      && !(edit->drag_active && (edit->drag_mode == MC_DRAG_MOVE || edit->drag_mode == MC_DRAG_RESIZE))
      && mc_layout_get_figure_rect (self->board, handle_figure, &rect))
    {
      double size = 14.0 / self->zoom;
      double x = rect.x + rect.width, y = rect.y + rect.height;

      if (edit->drag_active && g_strcmp0 (edit->drag_figure, handle_figure) == 0)
        {
          if (edit->drag_mode == MC_DRAG_FIGURE)
            {
              x += edit->drag_dx;
              y += edit->drag_dy;
            }
          else
            {
              x = rect.x + edit->figure_start.width * edit->figure_factor;
              y = rect.y + edit->figure_start.height * edit->figure_factor;
            }
        }
      /* A square with a diagonal: "drag to scale", in screen pixels. */
      cairo_rectangle (cr, x - size / 2, y - size / 2, size, size);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, sel->red, sel->green, sel->blue, 1.0);
      cairo_set_line_width (cr, 1.5 / self->zoom);
      cairo_stroke (cr);
      cairo_move_to (cr, x - size / 4, y + size / 4);
      cairo_line_to (cr, x + size / 4, y - size / 4);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

static void
add_bounds (McRect       *all,
            gboolean     *any,
            const McRect *rect)
{
  if (*any)
    mc_rect_union (all, rect, all);
  else
    *all = *rect;
  *any = TRUE;
}

/* Board rectangle that holds everything the overlays draw, so their cairo
 * node (and with it what GTK repaints) stays small: a full-widget node is
 * a full-size surface and a full repaint on every drag frame. FALSE when
 * there is nothing to draw. Generous: strokes and handles stick out. */
static gboolean
overlay_bounds (McCanvas *self,
                McRect   *all)
{
  McCanvasEdit *edit = self->edit;
  const char *regions[2] = { self->hover_region, self->selected_region };
  const char *figures[2] = { self->selected_figure, edit->hover_figure };
  gboolean any = FALSE;
  GHashTableIter iter;
  gpointer key;
  McRect rect;

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      int index = regions[i] != NULL && self->scene != NULL ? mc_scene_find_group (self->scene, regions[i]) : -1;

      if (index >= 0)
        add_bounds (all, &any, &mc_scene_get_item (self->scene, index)->bounds);
    }

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (figures[i] != NULL && mc_layout_get_figure_rect (self->board, figures[i], &rect))
      {
        add_bounds (all, &any, &rect);
        if (edit->drag_active && g_strcmp0 (figures[i], edit->drag_figure) == 0)
          {
            rect.x += edit->drag_dx;
            rect.y += edit->drag_dy;
            rect.width = MAX (rect.width, edit->figure_start.width * edit->figure_factor);
            rect.height = MAX (rect.height, edit->figure_start.height * edit->figure_factor);
            add_bounds (all, &any, &rect);
          }
      }

  for (guint i = 0; i < edit->selection->len; i++)
    if (mc_layout_get_note_rect (self->layout, edit->selection->pdata[i], &rect))
      {
        add_bounds (all, &any, &rect);
        rect.x += edit->drag_dx;
        rect.y += edit->drag_dy;
        add_bounds (all, &any, &rect);
      }
  if (edit->drag_mode == MC_DRAG_RESIZE && edit->drag_active)
    add_bounds (all, &any, &edit->resize_rect);
  if (edit->drag_mode == MC_DRAG_RUBBER && edit->drag_active)
    {
      _mc_canvas_edit_get_rubber_rect (self, &rect);
      add_bounds (all, &any, &rect);
    }
  if (edit->hover_note != NULL && mc_layout_get_note_rect (self->layout, edit->hover_note, &rect))
    add_bounds (all, &any, &rect);
  if (edit->cursor != NULL && mc_layout_get_note_rect (self->layout, edit->cursor, &rect))
    add_bounds (all, &any, &rect);

  g_hash_table_iter_init (&iter, edit->matches);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (mc_layout_get_note_rect (self->layout, key, &rect))
      add_bounds (all, &any, &rect);

  return any;
}

static void
mc_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  McCanvas *self = MC_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  McScene *scene;
  McRect bounds, visible;
  cairo_t *cr;

  if (self->board == NULL || width <= 0 || height <= 0)
    return;

  scene = mc_canvas_get_scene (self);
  if (scene == NULL)
    return;

  if (get_board_bounds (self, &bounds))
    {
      GskRoundedRect outline;
      double x, y;

      /* The board lies on the canvas like a sheet of paper. */
      mc_canvas_board_to_widget (self, bounds.x, bounds.y, &x, &y);
      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (x, y,
                                                            bounds.width * self->zoom,
                                                            bounds.height * self->zoom),
                                       2);
      gtk_snapshot_append_outset_shadow (snapshot, &outline,
                                         &(GdkRGBA) { 0, 0, 0, 0.16 },
                                         0, 2, 1, 10);
    }

  mc_canvas_get_visible_rect (self, &visible);
  snapshot_board (self, snapshot, scene, &visible, width, height);

  if (overlay_bounds (self, &bounds))
    {
      double x0, y0, x1, y1;

      mc_canvas_board_to_widget (self, bounds.x, bounds.y, &x0, &y0);
      mc_canvas_board_to_widget (self, bounds.x + bounds.width, bounds.y + bounds.height, &x1, &y1);
      x0 = CLAMP (floor (x0) - 16, 0, width);
      y0 = CLAMP (floor (y0) - 16, 0, height);
      x1 = CLAMP (ceil (x1) + 16, 0, width);
      y1 = CLAMP (ceil (y1) + 16, 0, height);
      if (x1 > x0 && y1 > y0)
        {
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
          cairo_scale (cr, self->zoom, self->zoom);
          cairo_translate (cr, -self->origin_x, -self->origin_y);

          if (self->hover_region != NULL && g_strcmp0 (self->hover_region, self->selected_region) != 0)
            append_region_outline (self, cr, self->hover_region, 0.45, 2.0);
          append_region_outline (self, cr, self->selected_region, 0.95, 3.0);
          draw_figure_overlays (self, cr);
          draw_note_overlays (self, cr);

          cairo_destroy (cr);
        }
    }

  if (gtk_widget_has_visible_focus (widget) && self->edit->editor == NULL)
    {
      /* The canvas itself has the keyboard: a ring says so. */
      GskRoundedRect ring;
      const McTheme *theme = mc_theme_get (self->options.theme);
      GdkRGBA color = { theme->selection.red, theme->selection.green, theme->selection.blue, 0.8 };

      gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 0);
      gtk_snapshot_append_border (snapshot, &ring,
                                  (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { color, color, color, color });
    }

  if (self->edit->editor != NULL)
    gtk_widget_snapshot_child (widget, self->edit->editor, snapshot);
}

static gboolean
refit_idle (gpointer data)
{
  McCanvas *self = data;

  self->refit_id = 0;
  if (self->fit_pending || self->fit_kept)
    fit_board (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
mc_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  McCanvas *self = MC_CANVAS (widget);

  /* Follow the window while the whole board is on view. Not from inside
   * the allocation: the new zoom updates other widgets (the zoom label). */
  if ((self->fit_pending || self->fit_kept) && width > 0 && height > 0 &&
      self->refit_id == 0)
    self->refit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, refit_idle, self, NULL);
  _mc_canvas_edit_allocate (self);
}

static void
mc_canvas_map (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (mc_canvas_parent_class)->map (widget);

  /* The board is what a window is for: keys (Ctrl+2, N, arrows) reach the
   * canvas from the start, rather than the first header bar button that
   * GTK would otherwise focus. */
  root = gtk_widget_get_root (widget);
  if (root != NULL && gtk_root_get_focus (root) == NULL)
    gtk_widget_grab_focus (widget);
}

static void
mc_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  /* Any size works; ask for a comfortable one. */
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 600;
}

static void
mc_canvas_dispose (GObject *object)
{
  McCanvas *self = MC_CANVAS (object);

  _mc_canvas_stop_animation (self);
  g_clear_handle_id (&self->refit_id, g_source_remove);
  _mc_canvas_edit_dispose (self);
  if (self->board != NULL)
    g_clear_signal_handler (&self->board_changed_id, self->board);
  g_clear_object (&self->board);
  g_clear_pointer (&self->scene, mc_scene_unref);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->hover_region, g_free);
  g_clear_pointer (&self->selected_region, g_free);
  g_clear_pointer (&self->selected_figure, g_free);

  G_OBJECT_CLASS (mc_canvas_parent_class)->dispose (object);
}

static void
mc_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  McCanvas *self = MC_CANVAS (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, mc_canvas_get_zoom (self));
      break;

    case PROP_ACTIVE_REGION:
      g_value_set_string (value, mc_canvas_get_active_region (self));
      break;

    case PROP_SELECTED_REGION:
      g_value_set_string (value, self->selected_region);
      break;

    case PROP_SELECTED_FIGURE:
      g_value_set_string (value, self->selected_figure);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  McCanvas *self = MC_CANVAS (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      mc_canvas_set_board (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      mc_canvas_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SELECTED_REGION:
      mc_canvas_select_region (self, g_value_get_string (value));
      break;

    case PROP_SELECTED_FIGURE:
      mc_canvas_select_figure (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_canvas_class_init (McCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_canvas_dispose;
  object_class->get_property = mc_canvas_get_property;
  object_class->set_property = mc_canvas_set_property;

  widget_class->snapshot = mc_canvas_snapshot;
  widget_class->size_allocate = mc_canvas_size_allocate;
  widget_class->measure = mc_canvas_measure;
  widget_class->map = mc_canvas_map;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         MC_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         MC_CANVAS_MIN_ZOOM, MC_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTIVE_REGION] =
    g_param_spec_string ("active-region", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_REGION] =
    g_param_spec_string ("selected-region", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_FIGURE] =
    g_param_spec_string ("selected-figure", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "mccanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  _mc_canvas_edit_class_init (widget_class);

}

static void
mc_canvas_init (McCanvas *self)
{
  self->zoom = 1.0;
  self->fit_pending = TRUE;
  self->layout = mc_layout_new (mc_catalog_get_default ());
  mc_view_options_init (&self->options, MC_LANGUAGE_NL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  _mc_canvas_edit_init (self);
  _mc_canvas_install_input (self);
}

GtkWidget *
mc_canvas_new (void)
{
  return g_object_new (MC_TYPE_CANVAS, NULL);
}
