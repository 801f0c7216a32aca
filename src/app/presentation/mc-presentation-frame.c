/* mc-presentation-frame.c — presentation mode: framing each stop in the
 * free area and easing there
 *
 * The free area is the canvas less what lies over it: the prompt banner at
 * the top and the footer (timer, stop number) at the bottom, with a margin
 * at the sides. Every stop is fitted into it with mc_view_transform_fit(),
 * so nothing that covers the board ever covers the stop.
 */
#include "config.h"

#include "mc-figure.h"
#include "mc-presentation-private.h"
#include "mc-theme.h"

/* Note text on a projector: at least 24 px on a 1920×1080 output, with a
 * little to spare. */
#define READABLE_NOTE_PX 25.0

/* The height a widget over the canvas takes at the canvas's width, 0 when
 * it does not show. */
static double
overlay_height (GtkWidget *widget,
                double     width)
{
  int minimum = 0, natural = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, (int) width,
                      &minimum, &natural, NULL, NULL);
  return natural;
}

/* The rectangles of the canvas nothing covers: the whole width between
 * the banner and the footer, and the whole height below the banner between
 * the timer and the stop number in the bottom corners. Returns how many. */
static guint
get_free_areas (McPresentation *self,
                McRect          areas[2])
{
  GtkWidget *canvas = GTK_WIDGET (self->canvas);
  double width = gtk_widget_get_width (canvas);
  double height = gtk_widget_get_height (canvas);
  graphene_rect_t footer, timer, position;
  double top, bottom, left, right;

  if (width <= 0 || height <= 0)
    return 0;

  top = gtk_revealer_get_reveal_child (self->banner_revealer)
        ? overlay_height (self->banner, width) : 0;
  /* The footer without the note entry, which shows only while typing. */
  bottom = overlay_height (self->footer, width);
  areas[0] = (McRect) { 0, top, width, MAX (height - top - bottom, 1.0) };

  /* The pills keep their distance from the canvas's sides; during a resize
   * they still have the old size's places (the footer's margins are the
   * same at both sides), and the frame after it frames again. */
  if (!gtk_widget_get_mapped (self->footer)
      || !gtk_widget_compute_bounds (self->footer, canvas, &footer)
      || !gtk_widget_compute_bounds (self->timer_widget, canvas, &timer)
      || !gtk_widget_compute_bounds (GTK_WIDGET (self->position_label), canvas, &position))
    return 1;

  left = timer.origin.x + timer.size.width;
  right = width - (2 * footer.origin.x + footer.size.width - position.origin.x);
  if (right <= left)
    return 1;

  areas[1] = (McRect) { left, top, right - left, MAX (height - top, 1.0) };
  return 2;
}

static double fit_zoom (const McRect *rect,
                        const McRect *area);

/* Of the free areas, the one that shows rect the largest. Stops of the
 * board take the area above the footer's band (the timer and the stop
 * number never sit over the board); the join card, with the board dimmed
 * behind it, may also reach down between the pills. */
static gboolean
pick_area (McPresentation *self,
           const McRect   *rect,
           McRect         *area)
{
  const McRouteStop *stop = _mc_presentation_current_stop (self);
  McRect areas[2];
  guint n = get_free_areas (self, areas);

  if (n == 0)
    return FALSE;
  if (stop == NULL || stop->kind != MC_ROUTE_STOP_JOIN)
    n = 1;

  *area = areas[0];
  for (guint i = 1; i < n; i++)
    if (fit_zoom (rect, &areas[i]) > fit_zoom (rect, area))
      *area = areas[i];
  return TRUE;
}

/* The join card is square at heart: the area that holds the largest
 * square. */
gboolean
_mc_presentation_get_join_area (McPresentation *self,
                                McRect         *area)
{
  static const McRect square = { 0, 0, 1, 1 };

  return pick_area (self, &square, area);
}

gboolean
mc_presentation_get_free_area (McPresentation *self,
                               McRect         *area)
{
  const McRouteStop *stop;
  McRect target, areas[2];

  g_return_val_if_fail (MC_IS_PRESENTATION (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  stop = _mc_presentation_current_stop (self);
  if (stop != NULL && stop->kind == MC_ROUTE_STOP_JOIN)
    return _mc_presentation_get_join_area (self, area);
  if (mc_presentation_get_stop_target (self, &target))
    return pick_area (self, &target, area);
  if (get_free_areas (self, areas) == 0)
    return FALSE;
  *area = areas[0];
  return TRUE;
}

/* Where a region's notes are and new ones go: its note area and its notes
 * (all of the figure's notes when region_id is NULL). */
static gboolean
get_notes_focus (McPresentation *self,
                 const char     *figure_id,
                 const char     *region_id,
                 McRect         *focus)
{
  McLayout *layout = mc_canvas_get_layout (self->canvas);
  GPtrArray *notes = mc_board_get_notes (self->board);
  gboolean found = region_id != NULL
                   && mc_layout_get_note_area (layout, figure_id, region_id, focus);

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      McRect rect;

      if (g_strcmp0 (mc_note_get_figure_id (note), figure_id) != 0
          || (region_id != NULL && g_strcmp0 (mc_note_get_region_id (note), region_id) != 0)
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

/* The size the text of the stop's notes is drawn at, in board units: the
 * smallest among the region's notes (a region's notes share one size), or
 * the note size of the figure's scale when it has none yet. */
static double
stop_note_text_size (McPresentation    *self,
                     const McRouteStop *stop)
{
  const McTheme *theme = mc_theme_get (MC_THEME_PROJECTOR);
  McFigure *figure = mc_board_get_figure (self->board, stop->figure_id);
  McScene *scene = mc_canvas_get_scene (self->canvas);
  GPtrArray *notes = mc_board_get_notes (self->board);
  double size = theme->note_size * MAX (figure != NULL ? mc_figure_get_scale (figure) : 1.0, 0.01);
  double smallest = G_MAXDOUBLE;

  for (guint i = 0; scene != NULL && stop->region_id != NULL && i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      g_autofree char *key = NULL;
      int begin;

      if (g_strcmp0 (mc_note_get_figure_id (note), stop->figure_id) != 0
          || g_strcmp0 (mc_note_get_region_id (note), stop->region_id) != 0)
        continue;
      key = g_strconcat ("note:", mc_note_get_id (note), NULL);
      begin = mc_scene_find_group (scene, key);
      for (guint j = (guint) MAX (begin, 0), end = begin >= 0 ? mc_scene_group_end (scene, (guint) begin) : 0;
           j < end; j++)
        {
          const McSceneItem *item = mc_scene_get_item (scene, j);
          const PangoFontDescription *font;

          if (item->kind != MC_ITEM_TEXT || item->role != MC_ROLE_NOTE_TEXT || item->layout == NULL
              || (font = pango_layout_get_font_description (item->layout)) == NULL)
            continue;
          smallest = MIN (smallest, pango_font_description_get_size (font) / (double) PANGO_SCALE);
        }
    }

  return smallest < G_MAXDOUBLE && smallest > 0 ? smallest : size;
}

/* The zoom at which the notes of a stop read well on the projector:
 * READABLE_NOTE_PX on 1080 lines, as large a part of a smaller screen. */
static double
readable_zoom (McPresentation    *self,
               const McRouteStop *stop)
{
  double lines = gtk_widget_get_height (GTK_WIDGET (self->canvas));

  return READABLE_NOTE_PX * MIN (lines / 1080.0, 1.0) / stop_note_text_size (self, stop);
}

/* Adds the labels (the region's name) of the scene group key to rect. */
static void
add_labels (McScene    *scene,
            const char *key,
            McRect     *rect)
{
  int begin = mc_scene_find_group (scene, key);

  if (begin < 0)
    return;

  for (guint i = (guint) begin, end = mc_scene_group_end (scene, (guint) begin); i < end; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->role == MC_ROLE_LABEL)
        mc_rect_union (rect, &item->bounds, rect);
    }
}

static void
inflate (McRect *rect,
         double  by)
{
  *rect = (McRect) { rect->x - by, rect->y - by, rect->width + 2 * by, rect->height + 2 * by };
}

static double
fit_zoom (const McRect *rect,
          const McRect *area)
{
  return MIN ((area->width - 2 * FRAME_MARGIN) / rect->width,
              (area->height - 2 * FRAME_MARGIN) / rect->height);
}

/* Grows rect, within bounds where it can, to what the area shows at
 * zoom: a region's notes and name framed at a readable zoom show as
 * much of the region around them as fits, rather than a close-up of an
 * empty note area with the neighbours' names cut at the edges. */
static void
widen_within (McRect       *rect,
              const McRect *bounds,
              const McRect *area,
              double        zoom)
{
  double width, height, x, y;

  if (zoom <= 0 || fit_zoom (rect, area) <= zoom)
    return;

  width = MAX (MIN ((area->width - 2 * FRAME_MARGIN) / zoom, bounds->width), rect->width);
  height = MAX (MIN ((area->height - 2 * FRAME_MARGIN) / zoom, bounds->height), rect->height);
  /* Centred on rect, moved inside bounds, and never losing rect. */
  x = CLAMP (rect->x + (rect->width - width) / 2, bounds->x, bounds->x + bounds->width - width);
  y = CLAMP (rect->y + (rect->height - height) / 2, bounds->y, bounds->y + bounds->height - height);
  x = CLAMP (x, rect->x + rect->width - width, rect->x);
  y = CLAMP (y, rect->y + rect->height - height, rect->y);
  *rect = (McRect) { x, y, width, height };
}

gboolean
mc_presentation_get_stop_target (McPresentation *self,
                                 McRect         *target)
{
  const McRouteStop *stop;
  McScene *scene;
  McRect areas[2], focus;

  g_return_val_if_fail (MC_IS_PRESENTATION (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  stop = _mc_presentation_current_stop (self);
  scene = mc_canvas_get_scene (self->canvas);
  if (stop == NULL || scene == NULL
      || !mc_route_get_target_rect (self->route, scene, target))
    return FALSE;

  switch (stop->kind)
    {
    case MC_ROUTE_STOP_FIGURE:
      /* Notes that stick out of the figure belong to it too. */
      if (get_notes_focus (self, stop->figure_id, NULL, &focus))
        {
          inflate (&focus, FRAME_MARGIN);
          mc_rect_union (target, &focus, target);
        }
      break;

    case MC_ROUTE_STOP_REGION:
      /* A large region (an outer ring) would show its notes too small to
       * read: frame where its notes are and new ones go, and its name.
       * The name always: a stop whose title hid under the banner (issue
       * 13) left the room guessing; when name and notes do not fit at a
       * readable zoom, the view zooms out rather than lose either. */
      if (get_free_areas (self, areas) > 0
          && fit_zoom (target, &areas[0]) < readable_zoom (self, stop)
          && get_notes_focus (self, stop->figure_id, stop->region_id, &focus))
        {
          McRect region = *target;

          inflate (&focus, FRAME_MARGIN);
          add_labels (scene, stop->key, &focus);
          widen_within (&focus, &region, &areas[0], readable_zoom (self, stop));
          *target = focus;
        }
      else if (get_notes_focus (self, stop->figure_id, stop->region_id, &focus))
        {
          /* Notes packed over the region's edge are in view too. */
          inflate (&focus, FRAME_MARGIN);
          mc_rect_union (target, &focus, target);
        }
      add_labels (scene, stop->key, target);
      break;

    case MC_ROUTE_STOP_OVERVIEW:
    default:
      break;
    }

  return target->width > 0 && target->height > 0;
}

/* The canvas's view as a transform, and back. */
static void
get_canvas_transform (McCanvas        *canvas,
                      McViewTransform *transform)
{
  transform->zoom = mc_canvas_get_zoom (canvas);
  mc_canvas_widget_to_board (canvas, 0, 0, &transform->origin_x, &transform->origin_y);
}

/* Neighbouring figures are dimmed at a figure's and its regions' stops, so
 * the room looks at the one being discussed; the whole board at the join
 * stop. Below the board, the footer's band: the timer and the stop number
 * sit on it, never over the board's text. Drawn over the canvas, under
 * the banner and the footer. */
#define DIM_ALPHA 0.6

/* The prompt banner's colour (style.css, .prompt-banner). */
static const GdkRGBA band_color = { 12 / 255.0, 14 / 255.0, 17 / 255.0, 1.0 };

static void
draw_footer_band (McPresentation *self,
                  cairo_t        *cr,
                  int             width,
                  int             height)
{
  double band = overlay_height (self->footer, width);

  if (band <= 0)
    return;
  gdk_cairo_set_source_rgba (cr, &band_color);
  cairo_rectangle (cr, 0, height - band, width, band);
  cairo_fill (cr);
}

/* What lies half under the banner or the footer (a neighbour's title)
 * fades into them instead of showing as a cut line of text. Within the
 * frame's margin, so never over the stop. */
#define FADE_PX (FRAME_MARGIN * 0.75)

static void
draw_fade (cairo_t *cr,
           double   width,
           double   edge,
           double   direction)
{
  cairo_pattern_t *fade = cairo_pattern_create_linear (0, edge, 0, edge + direction * FADE_PX);

  cairo_pattern_add_color_stop_rgba (fade, 0, band_color.red, band_color.green, band_color.blue, 1);
  cairo_pattern_add_color_stop_rgba (fade, 1, band_color.red, band_color.green, band_color.blue, 0);
  cairo_set_source (cr, fade);
  cairo_rectangle (cr, 0, MIN (edge, edge + direction * FADE_PX), width, FADE_PX);
  cairo_fill (cr);
  cairo_pattern_destroy (fade);
}

static void
draw_fades (McPresentation *self,
            cairo_t        *cr,
            int             width)
{
  McRect areas[2];

  if (get_free_areas (self, areas) == 0)
    return;
  if (areas[0].y > 0)
    draw_fade (cr, width, areas[0].y, 1);
  draw_fade (cr, width, areas[0].y + areas[0].height, -1);
}

static void
draw_spotlight (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  McPresentation *self = user_data;
  const McRouteStop *stop = _mc_presentation_current_stop (self);
  McRect figure;
  double x0, y0, x1, y1;

  /* At the join stop the board steps back behind the room's code. */
  if (stop != NULL && stop->kind == MC_ROUTE_STOP_JOIN)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, DIM_ALPHA);
      cairo_paint (cr);
      return;
    }
  if (stop == NULL || stop->kind == MC_ROUTE_STOP_OVERVIEW || stop->figure_id == NULL
      || !mc_layout_get_figure_rect (self->board, stop->figure_id, &figure))
    {
      draw_footer_band (self, cr, width, height);
      draw_fades (self, cr, width);
      return;
    }

  inflate (&figure, FRAME_MARGIN / 2);
  mc_canvas_board_to_widget (self->canvas, figure.x, figure.y, &x0, &y0);
  mc_canvas_board_to_widget (self->canvas, figure.x + figure.width,
                             figure.y + figure.height, &x1, &y1);

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_set_source_rgba (cr, 0, 0, 0, DIM_ALPHA);
  cairo_fill (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  draw_footer_band (self, cr, width, height);
  draw_fades (self, cr, width);
}

static void
apply_transform (const McViewTransform *transform,
                 gpointer               user_data)
{
  McPresentation *self = user_data;
  McViewTransform now;

  gtk_widget_queue_draw (self->size_probe);

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
  McRect area, rect;

  _mc_presentation_place_join (self);
  if (!mc_presentation_get_stop_target (self, &rect)
      || !pick_area (self, &rect, &area))
    return;

  target = (McViewTransform) { 1.0, 0, 0 };
  if (!mc_view_transform_fit (&target, &rect, &area, FRAME_MARGIN,
                              MC_CANVAS_MIN_ZOOM, MC_CANVAS_MAX_ZOOM))
    return;

  /* Start from where the canvas is (a resize or a pan may have moved it). */
  get_canvas_transform (self->canvas, &now);
  mc_view_animation_set_current (self->animation, &now);
  if (animate)
    mc_view_animation_animate_to (self->animation, &target);
  else
    mc_view_animation_jump_to (self->animation, &target);
}

/* The frame after a resize: the banner and the footer now have their
 * places at the new size, which the free areas are measured from. */
static gboolean
reframe_tick (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  McPresentation *self = user_data;

  self->reframe_id = 0;
  if (!mc_view_animation_get_running (self->animation))
    _mc_presentation_frame_stop (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_size_probe_resize (GtkDrawingArea *area,
                      int             width,
                      int             height,
                      McPresentation *self)
{
  _mc_presentation_fit_banner (self);
  _mc_presentation_frame_stop (self, FALSE);
  if (self->reframe_id == 0)
    self->reframe_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->canvas), reframe_tick,
                                                     self, NULL);
}

McViewAnimation *
mc_presentation_get_view_animation (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return self->animation;
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
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->size_probe), draw_spotlight, self, NULL);
}
