/* mc-export-geometry.c — page size, scale and the scene an export draws
 *
 * The physical width decides the scale, the scale the font floor in scene
 * units, the floor the scene's bounds: compute_geometry() and
 * _mc_export_build_scene() settle that loop. Drawing helpers place a scene
 * on a page (exports) or in a box (previews, printing).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "mc-export-private.h"
#include "mc-layout.h"
#include "mc-note.h"
#include "mc-render-cairo.h"
#include "mc-theme.h"

#define PAGE_MARGIN_MM 12.0

static void
page_size_mm (McExportPage  page,
              double       *width,
              double       *height)
{
  switch (page)
    {
    case MC_EXPORT_PAGE_A4_PORTRAIT:
      *width = MC_A4_SHORT_MM, *height = MC_A4_LONG_MM;
      break;
    case MC_EXPORT_PAGE_A4_LANDSCAPE:
      *width = MC_A4_LONG_MM, *height = MC_A4_SHORT_MM;
      break;
    case MC_EXPORT_PAGE_A3_PORTRAIT:
      *width = MC_A3_SHORT_MM, *height = MC_A3_LONG_MM;
      break;
    case MC_EXPORT_PAGE_A3_LANDSCAPE:
      *width = MC_A3_LONG_MM, *height = MC_A3_SHORT_MM;
      break;
    case MC_EXPORT_PAGE_FIT:
    default:
      *width = *height = 0;
      break;
    }
}

/* The physical width the options ask for, in mm, for content this wide
 * (scene units); 0 when a page size decides instead. */
static double
requested_width_mm (const McExportOptions *options,
                    McExportFormat         format,
                    double                 content_width)
{
  if (format == MC_EXPORT_FORMAT_PNG && options->width_px > 0)
    return options->width_px * 25.4 / options->dpi;
  if (options->width_mm > 0)
    return options->width_mm;
  return content_width * MC_EXPORT_NATURAL_MM_PER_UNIT + 2 * options->margin_mm;
}

static void
compute_geometry (const McExportOptions *options,
                  McExportFormat         format,
                  const McRect          *content,
                  McPageGeometry          *geo)
{
  double w = MAX (content->width, 1.0);
  double h = MAX (content->height, 1.0);
  double page_w_mm, page_h_mm;

  geo->content = *content;

  page_size_mm (format == MC_EXPORT_FORMAT_PDF ? options->page : MC_EXPORT_PAGE_FIT,
                &page_w_mm, &page_h_mm);
  if (page_w_mm > 0)
    {
      double margin = MC_MM_TO_PT (MAX (options->margin_mm, PAGE_MARGIN_MM));
      double avail_w = MC_MM_TO_PT (page_w_mm) - 2 * margin;
      double avail_h = MC_MM_TO_PT (page_h_mm) - 2 * margin;

      geo->page_width = MC_MM_TO_PT (page_w_mm);
      geo->page_height = MC_MM_TO_PT (page_h_mm);
      geo->scale = MIN (avail_w / w, avail_h / h);
      geo->offset_x = (geo->page_width - w * geo->scale) / 2;
      geo->offset_y = (geo->page_height - h * geo->scale) / 2;
    }
  else
    {
      double margin = MC_MM_TO_PT (options->margin_mm);
      double width = MC_MM_TO_PT (requested_width_mm (options, format, w));

      geo->page_width = width;
      geo->scale = (width - 2 * margin) / w;
      geo->page_height = h * geo->scale + 2 * margin;
      geo->offset_x = margin;
      geo->offset_y = margin;
    }
}

/* Scenes */

static McLayout *
get_layout (void)
{
  return mc_layout_new (mc_catalog_get_default ());
}

static void
view_options_from_export (McViewOptions         *view,
                          const McExportOptions *options,
                          double                 min_font_size)
{
  mc_view_options_init (view, options->language);
  view->language = options->language;
  view->theme = options->theme;
  view->questions = options->questions;
  view->definitions = options->definitions;
  view->notes = options->notes;
  view->empty_regions = options->empty_regions;
  view->caption = options->caption;
  view->min_font_size = min_font_size;
  view->figure_id = NULL;
  /* Nothing in an export is shrunk on its own or cut with "…". */
  view->strict = TRUE;
}

/* The board rectangle the figures cover, before any layout: the first
 * guess for the export's scale. */
static gboolean
estimate_content (McBoard   *board,
                  GPtrArray *ids,
                  McRect    *content)
{
  gboolean any = FALSE;
  GPtrArray *figures = mc_board_get_figures (board);

  for (guint i = 0; i < figures->len; i++)
    {
      const char *id = mc_figure_get_id (figures->pdata[i]);
      McRect rect;

      if (ids->len > 0 && !g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        continue;
      if (!mc_layout_get_figure_rect (board, id, &rect))
        continue;
      if (any)
        mc_rect_union (content, &rect, content);
      else
        *content = rect;
      any = TRUE;
    }
  return any;
}

static McScene *
build_scene_once (McLayout              *layout,
                  McBoard               *board,
                  const McExportOptions *options,
                  GPtrArray             *ids,
                  double                 min_font_size)
{
  McViewOptions view;
  McScene *scene;

  view_options_from_export (&view, options, min_font_size);
  if (ids->len == 0)
    return mc_layout_build (layout, board, &view);
  if (ids->len == 1)
    {
      view.figure_id = ids->pdata[0];
      /* One figure at a given width: laid out for that frame, in points. */
      if (options->width_mm > 0)
        {
          view.frame_width = MC_MM_TO_PT (options->width_mm - 2 * options->margin_mm);
          view.min_font_size = options->font_floor_pt > 0 ? options->font_floor_pt
                                                          : MC_EXPORT_DEFAULT_FONT_FLOOR_PT;
        }
      return mc_layout_build (layout, board, &view);
    }

  /* Several figures: each at its board position, in one scene. */
  scene = mc_scene_new ();
  for (guint i = 0; i < ids->len; i++)
    {
      McScene *part;

      view.figure_id = ids->pdata[i];
      part = mc_layout_build (layout, board, &view);
      if (part != NULL)
        mc_scene_append_take (scene, part);
    }
  return scene;
}

/* The free notes of the whole board widen the first guess too. */
static void
add_free_notes (McBoard *board,
                McRect  *content,
                gboolean any)
{
  GPtrArray *notes = mc_board_get_notes (board);

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];
      McRect rect;

      if (mc_note_get_figure_id (note) != NULL || !mc_note_get_has_position (note))
        continue;
      mc_note_get_rect (note, &rect);
      if (any)
        mc_rect_union (content, &rect, content);
      else
        *content = rect;
      any = TRUE;
    }
}

/* Text at the floor larger than this many scene units (a figure is about
 * 1000 wide) means the page is far too small for what it must show. */
#define MAX_FLOOR_UNITS 400.0

static gboolean
check_scale (const McExportOptions  *options,
             const McPageGeometry   *geo,
             const McRect           *content,
             GError                **error)
{
  double floor_units = options->font_floor_pt > 0 ? options->font_floor_pt / geo->scale : 0;

  if (isfinite (geo->scale) && geo->scale > 0 && floor_units <= MAX_FLOOR_UNITS)
    return TRUE;
  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
               _("The export spans %.0f × %.0f board units: at %.0f mm wide no text on it would be readable; "
                 "export the figures one by one, or move notes that lie far away closer"),
               content->width, content->height, MC_PT_TO_MM (geo->page_width));
  return FALSE;
}

McScene *
_mc_export_build_scene (McBoard                *board,
                        const McExportOptions  *options,
                        McExportFormat          format,
                        GPtrArray              *ids,
                        McPageGeometry         *geo,
                        GError                **error)
{
  g_autoptr(McLayout) layout = get_layout ();
  g_autoptr(McScene) scene = NULL;
  McRect content = { 0, 0, 1000, 1000 };
  double min_font = 0;
  gboolean any;

  any = estimate_content (board, ids, &content);
  if (ids->len == 0)
    add_free_notes (board, &content, any);
  /* Captions and labels reach a little beyond the figures' rectangles: a
   * slightly wider guess keeps the floor, so one layout is usually enough. */
  content.x -= content.width * 0.02;
  content.width *= 1.04;

  /* The floor depends on the scale, the scale on the scene's bounds, and
   * the bounds (captions, question lists, bigger type) on the floor: start
   * from the guess and lay out again only when the floor would break. */
  for (int round = 0; round < 4; round++)
    {
      McRect bounds;
      double needed;

      compute_geometry (options, format, &content, geo);
      if (!check_scale (options, geo, &content, error))
        return NULL;
      min_font = options->font_floor_pt > 0 ? options->font_floor_pt / geo->scale : 0;

      g_clear_pointer (&scene, mc_scene_unref);
      scene = build_scene_once (layout, board, options, ids, min_font);
      if (scene == NULL)
        break;

      mc_scene_get_bounds (scene, &bounds);
      if (bounds.width <= 0 || bounds.height <= 0)
        break;

      compute_geometry (options, format, &bounds, geo);
      needed = options->font_floor_pt > 0 ? options->font_floor_pt / geo->scale : 0;
      content = bounds;
      if (needed <= min_font * 1.001)
        break;
    }

  if (scene == NULL || content.width <= 0 || content.height <= 0)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_EMPTY,
                   _("Nothing to export: the figure is empty"));
      return NULL;
    }

  compute_geometry (options, format, &content, geo);
  if (!check_scale (options, geo, &content, error))
    return NULL;
  return g_steal_pointer (&scene);
}

/* The scene without its board background, for transparent output. */
McScene *
_mc_export_scene_without_background (McScene *scene)
{
  McScene *copy = mc_scene_new ();
  guint n = mc_scene_get_n_items (scene);

  for (guint i = 0; i < n; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->role == MC_ROLE_BOARD)
        {
          if (item->kind == MC_ITEM_GROUP_BEGIN)
            i = mc_scene_group_end (scene, i) - 1;
          continue;
        }

      switch (item->kind)
        {
        case MC_ITEM_GROUP_BEGIN:
          mc_scene_begin_group (copy, item->role, item->id, item->title, item->hit_path);
          if (item->opacity < 1.0)
            mc_scene_set_group_opacity (copy, item->opacity);
          break;
        case MC_ITEM_GROUP_END:
          mc_scene_end_group (copy);
          break;
        case MC_ITEM_PATH:
          mc_scene_add_path (copy, item->role, item->path,
                             item->has_fill ? &item->fill : NULL,
                             item->has_stroke ? &item->stroke : NULL,
                             item->line_width, item->line_style);
          break;
        case MC_ITEM_TEXT:
          mc_scene_add_text (copy, item->role, item->layout, item->x, item->y, &item->color);
          break;
        default:
          break;
        }
    }
  return copy;
}

gboolean
_mc_export_background_color (const McExportOptions *options,
                  McColor               *color)
{
  switch (options->background)
    {
    case MC_EXPORT_BACKGROUND_TRANSPARENT:
      return FALSE;
    case MC_EXPORT_BACKGROUND_WHITE:
      *color = (McColor) { 1, 1, 1, 1 };
      return TRUE;
    case MC_EXPORT_BACKGROUND_PAPER:
    default:
      *color = mc_theme_get (options->theme)->paper;
      return TRUE;
    }
}

void
_mc_export_draw_geometry (cairo_t            *cr,
               McScene            *scene,
               const McPageGeometry *geo,
               const McColor      *background)
{
  if (background != NULL)
    {
      cairo_save (cr);
      cairo_set_source_rgba (cr, background->red, background->green,
                             background->blue, background->alpha);
      cairo_rectangle (cr, 0, 0, geo->page_width, geo->page_height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, geo->offset_x, geo->offset_y);
  cairo_scale (cr, geo->scale, geo->scale);
  cairo_translate (cr, -geo->content.x, -geo->content.y);
  mc_render_scene (cr, scene, NULL);
  cairo_restore (cr);
}

double
mc_export_draw_fitted (cairo_t      *cr,
                       McScene      *scene,
                       const McRect *content,
                       double        width,
                       double        height,
                       double        max_scale)
{
  McRect bounds;
  double scale;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (scene != NULL, 0);

  if (content != NULL)
    bounds = *content;
  else
    mc_scene_get_bounds (scene, &bounds);
  if (bounds.width <= 0 || bounds.height <= 0 || width <= 0 || height <= 0)
    return 0;

  scale = MIN (width / bounds.width, height / bounds.height);
  if (max_scale > 0)
    scale = MIN (scale, max_scale);

  cairo_save (cr);
  cairo_translate (cr, (width - bounds.width * scale) / 2, (height - bounds.height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -bounds.x, -bounds.y);
  mc_render_scene (cr, scene, NULL);
  cairo_restore (cr);

  return scale;
}

double
mc_export_layout_min_font_size (PangoLayout *layout)
{
  PangoLayoutIter *iter;
  double min_size = 0;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      g_autoptr(PangoFontDescription) desc = NULL;
      double size;

      if (run == NULL || run->item->analysis.font == NULL)
        continue;
      desc = pango_font_describe_with_absolute_size (run->item->analysis.font);
      size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;
      if (size > 0 && (min_size == 0 || size < min_size))
        min_size = size;
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  return min_size;
}

/* Writers */
