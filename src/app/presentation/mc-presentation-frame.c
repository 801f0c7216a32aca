/* mc-presentation-frame.c — presentation mode: framing each stop and easing there */
#include "config.h"

#include "mc-figure.h"
#include "mc-presentation-private.h"
#include "mc-theme.h"

/* Space kept free around a stop, in widget pixels: at the sides, and at the
 * bottom for the timer, the stop number and the note entry. */
#define SIDE_INSET       32.0
#define BOTTOM_INSET    150.0
#define BANNER_GAP       12.0
/* Note text on a projector: at least 24 px on a 1920×1080 output, with a
 * little to spare. */
#define READABLE_NOTE_PX 25.0

static double
banner_height (McPresentation *self,
               double          width)
{
  int minimum = 0, natural = 0;

  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return 0;

  gtk_widget_measure (self->banner, GTK_ORIENTATION_VERTICAL, (int) width,
                      &minimum, &natural, NULL, NULL);
  return natural;
}

/* Where along one axis to centre a view of half-length half: near want,
 * keeping [start, start + length] in view; its beginning when it does not
 * fit (notes are packed in reading order). */
static double
fit_axis (double want,
          double start,
          double length,
          double half)
{
  double low = start + length - half;
  double high = start + half;

  if (low > high)
    return high;
  return CLAMP (want, low, high);
}

/* Where a region's notes are and new ones go: its note area and its notes. */
static gboolean
get_region_focus (McPresentation    *self,
                  const McRouteStop *stop,
                  McRect            *focus)
{
  McLayout *layout = mc_canvas_get_layout (self->canvas);
  GPtrArray *notes = mc_board_get_notes (self->board);
  gboolean found = mc_layout_get_note_area (layout, stop->figure_id, stop->region_id, focus);

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      McRect rect;

      if (g_strcmp0 (mc_note_get_figure_id (note), stop->figure_id) != 0
          || g_strcmp0 (mc_note_get_region_id (note), stop->region_id) != 0
          || !mc_layout_get_note_rect (layout, mc_note_get_id (note), &rect))
        continue;

      if (found)
        mc_rect_union (focus, &rect, focus);
      else
        *focus = rect;
      found = TRUE;
    }

  return found;
}

/* The zoom at which the notes of a figure read well on the projector. */
static double
readable_zoom (McPresentation    *self,
               const McRouteStop *stop)
{
  const McTheme *theme = mc_theme_get (MC_THEME_PROJECTOR);
  McFigure *figure = mc_board_get_figure (self->board, stop->figure_id);
  double scale = figure != NULL ? mc_figure_get_scale (figure) : 1.0;

  return READABLE_NOTE_PX / (theme->note_size * MAX (scale, 0.01));
}

/* The zoom and the board point at the canvas's centre that show the
 * current stop below the banner and above the footer. */
static gboolean
compute_view (McPresentation *self,
              double         *zoom,
              double         *centre_x,
              double         *centre_y)
{
  McScene *scene = mc_canvas_get_scene (self->canvas);
  double width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (self->canvas));
  double top, avail_w, avail_h, z;
  McRect target;

  if (scene == NULL || width <= 2 * SIDE_INSET || height <= 0
      || !mc_route_get_target_rect (self->route, scene, &target))
    return FALSE;

  top = banner_height (self, width);
  top = top > 0 ? top + BANNER_GAP : SIDE_INSET;
  avail_w = width - 2 * SIDE_INSET;
  /* A tall banner on a small window still leaves a third for the board. */
  avail_h = MAX (height - top - BOTTOM_INSET, height / 3.0);
  if (top + avail_h > height)
    top = height - avail_h;

  z = CLAMP (MIN (avail_w / target.width, avail_h / target.height),
             MC_CANVAS_MIN_ZOOM, MC_CANVAS_MAX_ZOOM);

  *centre_x = target.x + target.width / 2.0;
  *centre_y = target.y + target.height / 2.0;

  /* A large region (an outer ring) would show its notes too small to read:
   * come closer, keeping where its notes are (and new ones go) in view. */
  {
    const McRouteStop *stop = _mc_presentation_current_stop (self);
    McRect focus;

    if (stop != NULL && stop->kind == MC_ROUTE_STOP_REGION
        && z < readable_zoom (self, stop))
      {
        z = MIN (readable_zoom (self, stop), MC_CANVAS_MAX_ZOOM);
        if (get_region_focus (self, stop, &focus))
          {
            *centre_x = fit_axis (*centre_x, focus.x, focus.width, avail_w / 2.0 / z);
            *centre_y = fit_axis (*centre_y, focus.y, focus.height, avail_h / 2.0 / z);
          }
      }
  }

  *zoom = z;
  *centre_y += (height / 2.0 - top - avail_h / 2.0) / z;
  return TRUE;
}

/* The canvas's view as a transform, and back. */
static void
get_canvas_transform (McCanvas        *canvas,
                      McViewTransform *transform)
{
  transform->zoom = mc_canvas_get_zoom (canvas);
  mc_canvas_widget_to_board (canvas, 0, 0, &transform->origin_x, &transform->origin_y);
}

static void
apply_transform (const McViewTransform *transform,
                 gpointer               user_data)
{
  McPresentation *self = user_data;
  McViewTransform now;

  mc_canvas_zoom_at (self->canvas, transform->zoom, 0, 0, FALSE);
  get_canvas_transform (self->canvas, &now);
  mc_canvas_scroll_by (self->canvas,
                       (transform->origin_x - now.origin_x) * now.zoom,
                       (transform->origin_y - now.origin_y) * now.zoom);
}

void
_mc_presentation_frame_stop (McPresentation *self,
            gboolean        animate)
{
  McViewTransform now, target;
  double zoom, cx, cy;
  double width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (self->canvas));

  if (!compute_view (self, &zoom, &cx, &cy))
    return;

  target = (McViewTransform) { zoom, cx - width / 2.0 / zoom, cy - height / 2.0 / zoom };
  /* Start from where the canvas is (a resize or a pan may have moved it). */
  get_canvas_transform (self->canvas, &now);
  mc_view_animation_set_current (self->animation, &now);
  if (animate)
    mc_view_animation_animate_to (self->animation, &target);
  else
    mc_view_animation_jump_to (self->animation, &target);
}

static void
on_size_probe_resize (GtkDrawingArea *area,
                      int             width,
                      int             height,
                      McPresentation *self)
{
  _mc_presentation_frame_stop (self, FALSE);
}

gboolean
mc_presentation_get_animating (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), FALSE);

  return mc_view_animation_get_running (self->animation);
}


void
_mc_presentation_init_framing (McPresentation *self)
{
  self->animation = mc_view_animation_new (GTK_WIDGET (self->canvas), apply_transform, self);
  mc_view_animation_set_duration (self->animation, MC_PRESENTATION_ANIMATION_MS);
  g_signal_connect (self->size_probe, "resize", G_CALLBACK (on_size_probe_resize), self);
}
