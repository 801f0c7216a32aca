/* mc-render-cairo.c — draws a McScene with cairo (screen, PDF, PNG, print) */
#include "config.h"

#include <pango/pangocairo.h>

#include "mc-render-cairo.h"

static void
set_color (cairo_t       *cr,
           const McColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
draw_path (cairo_t           *cr,
           const McSceneItem *item)
{
  cairo_new_path (cr);
  mc_path_to_cairo (item->path, cr);

  if (item->has_fill)
    {
      set_color (cr, &item->fill);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      if (item->has_stroke)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }

  if (item->has_stroke)
    {
      double w = item->line_width;

      set_color (cr, &item->stroke);
      cairo_set_line_width (cr, w);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      switch (item->line_style)
        {
        case MC_LINE_DASHED:
          {
            double dashes[2] = { 4 * w, 3 * w };

            cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
            cairo_set_dash (cr, dashes, 2, 0);
          }
          break;
        case MC_LINE_DOTTED:
          {
            /* Round caps on zero-length dashes draw dots. */
            double dashes[2] = { 0, 2.5 * w };

            cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
            cairo_set_dash (cr, dashes, 2, 0);
          }
          break;
        case MC_LINE_SOLID:
        default:
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  cairo_new_path (cr);
}

static void
draw_text (cairo_t           *cr,
           const McSceneItem *item)
{
  cairo_save (cr);
  set_color (cr, &item->color);
  cairo_move_to (cr, item->x, item->y);
  /* The layout belongs to the shared context (hinting off, metrics off), so
   * it looks the same at every zoom and in every backend. */
  pango_cairo_show_layout (cr, item->layout);
  cairo_restore (cr);
}

void
mc_render_scene (cairo_t      *cr,
                 McScene      *scene,
                 const McRect *clip)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);

  mc_render_scene_range (cr, scene, 0, mc_scene_get_n_items (scene), clip);
}

void
mc_render_scene_range (cairo_t      *cr,
                       McScene      *scene,
                       guint         begin,
                       guint         end,
                       const McRect *clip)
{
  guint n;
  guint i = begin;
  /* Per open group: whether a cairo group was pushed for its opacity. */
  g_autoptr(GArray) pushed = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);

  n = MIN (end, mc_scene_get_n_items (scene));
  cairo_save (cr);

  while (i < n)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (clip != NULL && item->kind != MC_ITEM_GROUP_END &&
          !mc_rect_intersects (&item->bounds, clip))
        {
          /* Skip the whole group, not only its begin. */
          i = item->kind == MC_ITEM_GROUP_BEGIN ? mc_scene_group_end (scene, i) : i + 1;
          continue;
        }

      switch (item->kind)
        {
        case MC_ITEM_PATH:
          draw_path (cr, item);
          break;

        case MC_ITEM_TEXT:
          draw_text (cr, item);
          break;

        case MC_ITEM_GROUP_BEGIN:
          {
            double opacity = item->opacity;

            if (opacity <= 0.0)
              {
                i = mc_scene_group_end (scene, i);
                continue;
              }
            if (opacity < 1.0)
              cairo_push_group (cr);
            g_array_append_val (pushed, opacity);
          }
          break;

        case MC_ITEM_GROUP_END:
          if (pushed->len > 0)
            {
              double opacity = g_array_index (pushed, double, pushed->len - 1);

              g_array_set_size (pushed, pushed->len - 1);
              if (opacity < 1.0)
                {
                  cairo_pop_group_to_source (cr);
                  cairo_paint_with_alpha (cr, opacity);
                }
            }
          break;

        default:
          break;
        }

      i++;
    }

  /* An unbalanced scene (should not happen) must not leave groups pushed. */
  while (pushed->len > 0)
    {
      double opacity = g_array_index (pushed, double, pushed->len - 1);

      g_array_set_size (pushed, pushed->len - 1);
      if (opacity < 1.0)
        {
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, opacity);
        }
    }

  cairo_restore (cr);
}
