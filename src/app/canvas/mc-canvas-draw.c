/* mc-canvas-draw.c — drawing the board canvas
 *
 * The board is rendered once per view into a texture; hover, selection,
 * drag and search frames blit it and draw their overlays in a small cairo
 * node on top (constant screen widths, whatever the zoom).
 */
#include "config.h"

#include <math.h>

#include "mc-canvas-edit-private.h"
#include "mc-render-cairo.h"
#include "mc-theme.h"

/* Sets the path of a region's shape and the selection colour; FALSE
 * (nothing set) when the scene has no such region. */
static gboolean
region_path (McCanvas   *self,
             cairo_t    *cr,
             const char *region_id,
             double      alpha)
{
  const McTheme *theme = mc_theme_get (self->options.theme);
  const McSceneItem *item;
  int index;

  if (region_id == NULL || self->scene == NULL)
    return FALSE;

  index = mc_scene_find_group (self->scene, region_id);
  if (index < 0)
    return FALSE;

  item = mc_scene_get_item (self->scene, index);
  if (item->hit_path == NULL)
    return FALSE;

  cairo_new_path (cr);
  mc_path_to_cairo (item->hit_path, cr);
  cairo_set_source_rgba (cr, theme->selection.red, theme->selection.green,
                         theme->selection.blue, alpha);
  return TRUE;
}

static void
append_region_outline (McCanvas   *self,
                       cairo_t    *cr,
                       const char *region_id,
                       double      alpha,
                       double      width_px)
{
  cairo_save (cr);
  if (region_path (self, cr, region_id, alpha))
    {
      /* Constant on screen, whatever the zoom. */
      cairo_set_line_width (cr, width_px / self->zoom);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* A tint over a region: where moving notes would drop. */
static void
append_region_fill (McCanvas   *self,
                    cairo_t    *cr,
                    const char *region_id,
                    double      alpha)
{
  cairo_save (cr);
  if (region_path (self, cr, region_id, alpha))
    cairo_fill (cr);
  cairo_restore (cr);
}

/* A texture of surface (taken). */
static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  GBytes *bytes;
  GdkTexture *texture;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  g_bytes_unref (bytes);

  return texture;
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

  self->n_full_renders++;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, self->zoom * scale, self->zoom * scale);
  cairo_translate (cr, -self->origin_x, -self->origin_y);
  mc_render_scene (cr, scene, visible);
  cairo_destroy (cr);

  return texture_from_surface (surface);
}

void
_mc_canvas_add_damage (McCanvas     *self,
                       const McRect *rect)
{
  /* Shadows and conflict outlines reach a little past a note. */
  double margin = 0.1 * MAX (rect->width, rect->height) + 2.0 / self->zoom;
  McRect grown = { rect->x - margin, rect->y - margin,
                   rect->width + 2 * margin, rect->height + 2 * margin };

  if (self->damaged)
    mc_rect_union (&self->damage, &grown, &self->damage);
  else
    self->damage = grown;
  self->damaged = TRUE;
}

/* A copy of the board texture old with only the damage rendered again
 * (issue 17: a change costs its area, not the board). The clip is on
 * whole pixels, so every pixel is either kept or drawn as a full render
 * would draw it. */
static GdkTexture *
patch_board_texture (McCanvas   *self,
                     GdkTexture *old,
                     McScene    *scene,
                     int         scale)
{
  int width = gdk_texture_get_width (old);
  int height = gdk_texture_get_height (old);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double x0 = self->damage.x, y0 = self->damage.y;
  double x1 = self->damage.x + self->damage.width, y1 = self->damage.y + self->damage.height;
  McRect area;
  cairo_t *cr;

  gdk_texture_download (old, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  cr = cairo_create (surface);
  cairo_scale (cr, self->zoom * scale, self->zoom * scale);
  cairo_translate (cr, -self->origin_x, -self->origin_y);
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  x0 = CLAMP (floor (x0), 0, width);
  y0 = CLAMP (floor (y0), 0, height);
  x1 = CLAMP (ceil (x1), 0, width);
  y1 = CLAMP (ceil (y1), 0, height);

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_restore (cr);
  cairo_clip (cr);
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_restore (cr);

  /* What the whole pixels cover, in board units. */
  cairo_device_to_user (cr, &x0, &y0);
  cairo_device_to_user (cr, &x1, &y1);
  area = (McRect) { x0, y0, x1 - x0, y1 - y0 };
  mc_render_scene (cr, scene, &area);
  cairo_destroy (cr);

  return texture_from_surface (surface);
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

  if (edit->cache != NULL && self->damaged && moving)
    g_clear_object (&edit->cache);   /* drawn from the drag's base scene */
  else if (edit->cache != NULL && self->damaged)
    {
      GdkTexture *patched = patch_board_texture (self, edit->cache, scene, scale);

      g_object_unref (edit->cache);
      edit->cache = patched;
    }
  self->damaged = FALSE;

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
  if (_mc_canvas_edit_get_cursor_frame (self) != NULL
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

  if (self->board == NULL || edit->figures_locked)
    return;

  cairo_save (cr);

  if (self->selected_figure != NULL && _mc_canvas_get_figure_rect (self, self->selected_figure, &rect))
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
      && _mc_canvas_get_figure_rect (self, handle_figure, &rect))
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
  const char *regions[3] = { self->hover_region, self->selected_region, edit->drop_region };
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
    if (figures[i] != NULL && _mc_canvas_get_figure_rect (self, figures[i], &rect))
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

void
_mc_canvas_snapshot (GtkWidget   *widget,
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
  /* A new board is drawn once, already fitted (issue 17). */
  _mc_canvas_fit_before_drawing (self);

  if (_mc_canvas_get_board_bounds (self, &bounds))
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

          if (_mc_canvas_edit_get_drop_region (self) != NULL)
            {
              /* Moving notes: only where they would land is marked. */
              append_region_fill (self, cr, self->edit->drop_region, 0.10);
              append_region_outline (self, cr, self->edit->drop_region, 0.95, 3.0);
            }
          else if (!(self->edit->drag_mode == MC_DRAG_MOVE && self->edit->drag_active))
            {
              if (self->hover_region != NULL && g_strcmp0 (self->hover_region, self->selected_region) != 0)
                append_region_outline (self, cr, self->hover_region, 0.45, 2.0);
              append_region_outline (self, cr, self->selected_region, 0.95, 3.0);
            }
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

