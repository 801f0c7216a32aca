/* mc-export.c — PDF, SVG, PNG, Markdown and CSV exports and the session report
 *
 * Every figure export is: choose the page geometry for the physical width →
 * derive the font floor in scene units → build the scene with the layout →
 * draw it (cairo) or write it (SVG writer). Files are produced in memory and
 * replaced atomically, so a failed export never leaves a partial file.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "mc-atomic-write-private.h"
#include "mc-editing.h"
#include "mc-export.h"
#include "mc-png.h"
#include "mc-layout.h"
#include "mc-outline.h"
#include "mc-render-cairo.h"
#include "mc-svg-writer.h"
#include "mc-theme.h"

G_DEFINE_QUARK (mc-export-error-quark, mc_export_error)

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)
#define PT_TO_MM(pt) ((pt) * 25.4 / 72.0)

#define A4_SHORT_MM 210.0
#define A4_LONG_MM  297.0
#define A3_SHORT_MM 297.0
#define A3_LONG_MM  420.0
#define PAGE_MARGIN_MM 12.0

/* Options and formats */

void
mc_export_options_init (McExportOptions *options,
                        McLanguage       language)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->scope = MC_EXPORT_SCOPE_BOARD;
  options->language = language;
  options->theme = MC_THEME_COLOR;
  options->notes = TRUE;
  options->questions = MC_QUESTIONS_OFF;
  options->definitions = FALSE;
  options->empty_regions = TRUE;
  options->caption = FALSE;
  options->font_floor_pt = MC_EXPORT_DEFAULT_FONT_FLOOR_PT;
  options->width_mm = 0;
  options->width_px = 0;
  options->dpi = MC_EXPORT_DEFAULT_DPI;
  options->margin_mm = MC_EXPORT_DEFAULT_MARGIN_MM;
  options->background = MC_EXPORT_BACKGROUND_PAPER;
  options->page = MC_EXPORT_PAGE_FIT;
}

static const char * const format_extensions[MC_N_EXPORT_FORMATS] = {
  [MC_EXPORT_FORMAT_PDF] = "pdf",
  [MC_EXPORT_FORMAT_SVG] = "svg",
  [MC_EXPORT_FORMAT_PNG] = "png",
  [MC_EXPORT_FORMAT_MARKDOWN] = "md",
  [MC_EXPORT_FORMAT_CSV] = "csv",
};

const char *
mc_export_format_get_extension (McExportFormat format)
{
  g_return_val_if_fail ((guint) format < MC_N_EXPORT_FORMATS, NULL);
  return format_extensions[format];
}

gboolean
mc_export_format_from_string (const char     *str,
                              McExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (str, "markdown") == 0)
    {
      *format = MC_EXPORT_FORMAT_MARKDOWN;
      return TRUE;
    }
  for (guint i = 0; i < MC_N_EXPORT_FORMATS; i++)
    {
      if (g_ascii_strcasecmp (str, format_extensions[i]) == 0)
        {
          *format = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
mc_export_format_from_filename (const char     *filename,
                                McExportFormat *format)
{
  const char *dot;
  const char *slash;

  g_return_val_if_fail (format != NULL, FALSE);

  if (filename == NULL)
    return FALSE;
  dot = strrchr (filename, '.');
  slash = strrchr (filename, G_DIR_SEPARATOR);
  if (dot == NULL || (slash != NULL && dot < slash))
    return FALSE;
  return mc_export_format_from_string (dot + 1, format);
}

static gboolean
check_options (const McExportOptions  *options,
               McExportFormat          format,
               GError                **error)
{
  if ((guint) options->language >= MC_N_LANGUAGES ||
      (guint) options->theme >= MC_N_THEMES)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Unknown language or theme"));
      return FALSE;
    }
  if (options->width_mm < 0 || options->width_mm > 5000)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Width %g mm is out of range (10 to 5000 mm)"), options->width_mm);
      return FALSE;
    }
  if (options->width_mm > 0 && options->width_mm < 10)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Width %g mm is out of range (10 to 5000 mm)"), options->width_mm);
      return FALSE;
    }
  if (options->margin_mm < 0 || (options->width_mm > 0 && 2 * options->margin_mm >= options->width_mm / 2))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Margin %g mm does not fit the width"), options->margin_mm);
      return FALSE;
    }
  if (options->font_floor_pt < 0 || options->font_floor_pt > 72)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Minimum font size %g pt is out of range (0 to 72 pt)"), options->font_floor_pt);
      return FALSE;
    }
  if (format == MC_EXPORT_FORMAT_PNG)
    {
      if (options->dpi < 36 || options->dpi > 2400)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                       _("Resolution %d DPI is out of range (36 to 2400)"), options->dpi);
          return FALSE;
        }
      if (options->width_px < 0 || options->width_px > 30000)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                       _("Width %d px is out of range (1 to 30000 px)"), options->width_px);
          return FALSE;
        }
    }
  return TRUE;
}

/* Scope */

/* The placed figures an export covers, in board order; NULL entries never.
 * For the whole board the array is empty and the scene is built at once. */
static GPtrArray *
scope_figure_ids (McBoard                *board,
                  const McExportOptions  *options,
                  GError                **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  switch (options->scope)
    {
    case MC_EXPORT_SCOPE_BOARD:
      if (mc_board_get_figures (board)->len == 0 && mc_board_get_n_notes (board) == 0)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_EMPTY,
                       _("Nothing to export: the board has no figures and no notes"));
          return NULL;
        }
      break;

    case MC_EXPORT_SCOPE_FIGURE:
      if (options->figure_id == NULL || mc_board_get_figure (board, options->figure_id) == NULL)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_UNKNOWN_FIGURE,
                       _("No figure “%s” on this board"),
                       options->figure_id != NULL ? options->figure_id : "");
          return NULL;
        }
      g_ptr_array_add (ids, g_strdup (options->figure_id));
      break;

    case MC_EXPORT_SCOPE_FIGURES:
      for (guint i = 0; options->figure_ids != NULL && options->figure_ids[i] != NULL; i++)
        {
          if (mc_board_get_figure (board, options->figure_ids[i]) == NULL)
            {
              g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_UNKNOWN_FIGURE,
                           _("No figure “%s” on this board"), options->figure_ids[i]);
              return NULL;
            }
          g_ptr_array_add (ids, g_strdup (options->figure_ids[i]));
        }
      if (ids->len == 0)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_EMPTY,
                       _("Nothing to export: no figures chosen"));
          return NULL;
        }
      break;

    default:
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Unknown export scope"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Page geometry */

typedef struct
{
  double page_width;   /* points */
  double page_height;
  double scale;        /* points per scene unit */
  double offset_x;     /* points: where content's top-left lands */
  double offset_y;
  McRect content;      /* scene units */
} PageGeometry;

static void
page_size_mm (McExportPage  page,
              double       *width,
              double       *height)
{
  switch (page)
    {
    case MC_EXPORT_PAGE_A4_PORTRAIT:
      *width = A4_SHORT_MM, *height = A4_LONG_MM;
      break;
    case MC_EXPORT_PAGE_A4_LANDSCAPE:
      *width = A4_LONG_MM, *height = A4_SHORT_MM;
      break;
    case MC_EXPORT_PAGE_A3_PORTRAIT:
      *width = A3_SHORT_MM, *height = A3_LONG_MM;
      break;
    case MC_EXPORT_PAGE_A3_LANDSCAPE:
      *width = A3_LONG_MM, *height = A3_SHORT_MM;
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
                  PageGeometry          *geo)
{
  double w = MAX (content->width, 1.0);
  double h = MAX (content->height, 1.0);
  double page_w_mm, page_h_mm;

  geo->content = *content;

  page_size_mm (format == MC_EXPORT_FORMAT_PDF ? options->page : MC_EXPORT_PAGE_FIT,
                &page_w_mm, &page_h_mm);
  if (page_w_mm > 0)
    {
      double margin = MM_TO_PT (MAX (options->margin_mm, PAGE_MARGIN_MM));
      double avail_w = MM_TO_PT (page_w_mm) - 2 * margin;
      double avail_h = MM_TO_PT (page_h_mm) - 2 * margin;

      geo->page_width = MM_TO_PT (page_w_mm);
      geo->page_height = MM_TO_PT (page_h_mm);
      geo->scale = MIN (avail_w / w, avail_h / h);
      geo->offset_x = (geo->page_width - w * geo->scale) / 2;
      geo->offset_y = (geo->page_height - h * geo->scale) / 2;
    }
  else
    {
      double margin = MM_TO_PT (options->margin_mm);
      double width = MM_TO_PT (requested_width_mm (options, format, w));

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
          view.frame_width = MM_TO_PT (options->width_mm - 2 * options->margin_mm);
          view.min_font_size = options->font_floor_pt > 0 ? options->font_floor_pt
                                                          : MC_EXPORT_DEFAULT_FONT_FLOOR_PT;
        }
      return mc_layout_build (layout, board, &view);
    }

  /* Several figures: each at its board position, in one scene. */
  scene = mc_scene_new ();
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(McScene) part = NULL;

      view.figure_id = ids->pdata[i];
      part = mc_layout_build (layout, board, &view);
      if (part != NULL)
        mc_scene_append (scene, part);
    }
  return scene;
}

static McScene *
build_scene (McBoard                *board,
             const McExportOptions  *options,
             McExportFormat          format,
             GPtrArray              *ids,
             PageGeometry           *geo,
             GError                **error)
{
  g_autoptr(McLayout) layout = get_layout ();
  g_autoptr(McScene) scene = NULL;
  McRect content = { 0, 0, 1000, 1000 };
  double min_font = 0;

  estimate_content (board, ids, &content);

  /* The floor depends on the scale, the scale on the scene's bounds, and
   * the bounds (captions, question lists, bigger type) on the floor: start
   * from the figures' rectangles and rebuild until the scale settles. */
  for (int round = 0; round < 4; round++)
    {
      McRect bounds;
      double needed;

      compute_geometry (options, format, &content, geo);
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
  return g_steal_pointer (&scene);
}

McScene *
mc_export_build_scene (McBoard                *board,
                       const McExportOptions  *options,
                       McRect                 *content,
                       double                 *points_per_unit,
                       GError                **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  PageGeometry geo;
  McScene *scene;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_options (options, MC_EXPORT_FORMAT_PDF, error))
    return NULL;
  ids = scope_figure_ids (board, options, error);
  if (ids == NULL)
    return NULL;

  scene = build_scene (board, options, MC_EXPORT_FORMAT_PDF, ids, &geo, error);
  if (scene == NULL)
    return NULL;
  if (content != NULL)
    *content = geo.content;
  if (points_per_unit != NULL)
    *points_per_unit = geo.scale;
  return scene;
}

/* The scene without its board background, for transparent output. */
static McScene *
scene_without_background (McScene *scene)
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

static gboolean
background_color (const McExportOptions *options,
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

static void
draw_geometry (cairo_t            *cr,
               McScene            *scene,
               const PageGeometry *geo,
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

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static const char *
document_title (McBoard               *board,
                const McExportOptions *options,
                GPtrArray             *ids)
{
  if (options->title != NULL)
    return options->title;
  if (ids->len == 1)
    {
      McFigure *figure = mc_board_get_figure (board, ids->pdata[0]);
      const McFigureInfo *info = mc_catalog_get_figure (mc_catalog_get_default (),
                                                        mc_figure_get_kind (figure));

      if (info != NULL && mc_figure_info_get_title (info, options->language) != NULL)
        return mc_figure_info_get_title (info, options->language);
    }
  return mc_board_get_title (board);
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_RENDER,
               _("Drawing failed: %s"), cairo_status_to_string (status));
  return FALSE;
}

static void
pdf_set_metadata (cairo_surface_t *surface,
                  const char      *title)
{
  if (title != NULL && title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  PACKAGE_NAME " " PACKAGE_VERSION);
}

static GBytes *
export_pdf (McBoard                *board,
            const McExportOptions  *options,
            GPtrArray              *ids,
            GError                **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  McColor bg;
  gboolean has_bg = background_color (options, &bg);
  gboolean ok = TRUE;
  /* One page per figure when several are chosen; else one page. */
  guint n_pages = options->scope == MC_EXPORT_SCOPE_FIGURES ? ids->len : 1;

  surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, data, 100, 100);
  pdf_set_metadata (surface, document_title (board, options, ids));
  cr = cairo_create (surface);

  for (guint page = 0; page < n_pages && ok; page++)
    {
      g_autoptr(GPtrArray) page_ids = g_ptr_array_new ();
      g_autoptr(McScene) scene = NULL;
      PageGeometry geo;

      if (options->scope == MC_EXPORT_SCOPE_FIGURES)
        g_ptr_array_add (page_ids, ids->pdata[page]);
      else
        g_ptr_array_extend (page_ids, ids, NULL, NULL);

      scene = build_scene (board, options, MC_EXPORT_FORMAT_PDF, page_ids, &geo, error);
      if (scene == NULL)
        {
          ok = FALSE;
          break;
        }

      cairo_pdf_surface_set_size (surface, geo.page_width, geo.page_height);
      draw_geometry (cr, scene, &geo, has_bg ? &bg : NULL);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_cairo (cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);

  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static GBytes *
export_svg (McBoard                *board,
            const McExportOptions  *options,
            GPtrArray              *ids,
            GError                **error)
{
  g_autoptr(McScene) scene = NULL;
  g_autoptr(McScene) drawn = NULL;
  PageGeometry geo;
  McSvgOptions svg = { 0, };
  McRect view;
  McColor bg;
  double margin_units;
  char *text;
  gsize length;

  scene = build_scene (board, options, MC_EXPORT_FORMAT_SVG, ids, &geo, error);
  if (scene == NULL)
    return NULL;

  /* The same page as the PDF: content plus the margin, width_mm wide. */
  margin_units = geo.offset_x / geo.scale;
  view = geo.content;
  view.x -= margin_units;
  view.y -= margin_units;
  view.width = geo.page_width / geo.scale;
  view.height = geo.page_height / geo.scale;

  svg.view = &view;
  svg.width_mm = PT_TO_MM (geo.page_width);
  svg.title = document_title (board, options, ids);
  if (background_color (options, &bg))
    {
      svg.background = &bg;
      drawn = mc_scene_ref (scene);
    }
  else
    drawn = scene_without_background (scene);

  text = mc_svg_write_scene (drawn, &svg, &length);
  return g_bytes_new_take (text, length);
}

static GBytes *
export_png (McBoard                *board,
            const McExportOptions  *options,
            GPtrArray              *ids,
            GError                **error)
{
  g_autoptr(McScene) scene = NULL;
  g_autoptr(McScene) drawn = NULL;
  GBytes *png = NULL;
  PageGeometry geo;
  cairo_surface_t *surface;
  cairo_t *cr;
  McColor bg;
  gboolean has_bg;
  double px_per_pt;
  int width, height;

  scene = build_scene (board, options, MC_EXPORT_FORMAT_PNG, ids, &geo, error);
  if (scene == NULL)
    return NULL;

  px_per_pt = options->dpi / 72.0;
  if (options->width_px > 0)
    width = options->width_px;
  else
    width = (int) round (geo.page_width * px_per_pt);
  height = (int) round (geo.page_height * px_per_pt);
  if (width < 1 || height < 1 || width > 32767 || height > 32767 ||
      (double) width * height > 400.0e6)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("The image would be %d × %d pixels; choose a smaller width or resolution"),
                   width, height);
      return NULL;
    }

  has_bg = background_color (options, &bg);
  drawn = has_bg ? mc_scene_ref (scene) : scene_without_background (scene);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, width / geo.page_width, width / geo.page_width);
  draw_geometry (cr, drawn, &geo, has_bg ? &bg : NULL);
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  if (check_cairo (cairo_surface_status (surface), error))
    {
      g_autoptr(GError) png_error = NULL;

      png = mc_png_encode (surface, has_bg && bg.alpha >= 1.0, options->dpi, &png_error);
      if (png == NULL)
        g_set_error_literal (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_RENDER, png_error->message);
    }
  cairo_surface_destroy (surface);

  return png;
}

static GBytes *
export_outline (McBoard                *board,
                const McExportOptions  *options,
                McExportFormat          format,
                GPtrArray              *ids)
{
  g_autoptr(GPtrArray) strv = g_ptr_array_new ();
  char *text;

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (strv, ids->pdata[i]);
  g_ptr_array_add (strv, NULL);

  if (format == MC_EXPORT_FORMAT_CSV)
    text = mc_outline_to_csv (board, mc_catalog_get_default (), options->language,
                              ids->len > 0 ? (const char * const *) strv->pdata : NULL);
  else
    text = mc_outline_to_markdown (board, mc_catalog_get_default (), options->language,
                                   ids->len > 0 ? (const char * const *) strv->pdata : NULL);
  return g_bytes_new_take (text, strlen (text));
}

GBytes *
mc_export_to_bytes (McBoard                *board,
                    const McExportOptions  *options,
                    McExportFormat          format,
                    GError                **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((guint) format >= MC_N_EXPORT_FORMATS)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown export format"));
      return NULL;
    }
  if (!check_options (options, format, error))
    return NULL;

  if (format == MC_EXPORT_FORMAT_MARKDOWN || format == MC_EXPORT_FORMAT_CSV)
    {
      /* An outline of an empty board is still a valid (empty) document. */
      if (options->scope == MC_EXPORT_SCOPE_BOARD)
        ids = g_ptr_array_new_with_free_func (g_free);
      else
        ids = scope_figure_ids (board, options, error);
      if (ids == NULL)
        return NULL;
      return export_outline (board, options, format, ids);
    }

  ids = scope_figure_ids (board, options, error);
  if (ids == NULL)
    return NULL;

  switch (format)
    {
    case MC_EXPORT_FORMAT_PDF:
      return export_pdf (board, options, ids, error);
    case MC_EXPORT_FORMAT_SVG:
      return export_svg (board, options, ids, error);
    case MC_EXPORT_FORMAT_PNG:
      return export_png (board, options, ids, error);
    case MC_EXPORT_FORMAT_MARKDOWN:
    case MC_EXPORT_FORMAT_CSV:
    case MC_N_EXPORT_FORMATS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static gboolean
write_bytes_atomically (GFile   *out,
                        GBytes  *bytes,
                        GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (out);
  g_autofree char *path = g_file_get_path (out);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *step = NULL;

  if (data == NULL)
    data = "";

  /* Local files as boards are saved; other places (GVFS) through GIO,
   * which also writes a temporary file and renames it into place. */
  if (path != NULL)
    {
      if (!_mc_write_file_atomically (path, data, length, MC_ATOMIC_WRITE_NONE, &step))
        {
          g_autofree char *reason = g_strdup_printf ("%s: %s", step, g_strerror (errno));

          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
                       _("Could not write “%s”: %s"), name, reason);
          return FALSE;
        }
      return TRUE;
    }

  if (!g_file_replace_contents (out, data, length, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_export_to_file_with_format (McBoard                *board,
                               const McExportOptions  *options,
                               McExportFormat          format,
                               GFile                  *out,
                               GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = mc_export_to_bytes (board, options, format, error);
  if (bytes == NULL)
    return FALSE;
  return write_bytes_atomically (out, bytes, error);
}

gboolean
mc_export_to_file (McBoard                *board,
                   const McExportOptions  *options,
                   GFile                  *out,
                   GError                **error)
{
  g_autofree char *basename = NULL;
  McExportFormat format;

  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  basename = g_file_get_basename (out);
  if (!mc_export_format_from_filename (basename, &format))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown file type “%s”: use .pdf, .svg, .png, .md or .csv"),
                   basename != NULL ? basename : "");
      return FALSE;
    }
  return mc_export_to_file_with_format (board, options, format, out, error);
}

/* Session report */

#define REPORT_MARGIN MM_TO_PT (16.0)

typedef struct
{
  cairo_surface_t       *surface;
  cairo_t               *cr;
  const McTheme         *theme;
  const McExportOptions *options;
  McBoard               *board;
  double                 page_width;
  double                 page_height;
  double                 y;          /* text pages: next line's top */
  guint                  page_number;
  gboolean               page_open;
  /* outline state */
  gboolean               keep_next;  /* the last block was a heading */
} Report;

static PangoLayout *
report_layout (Report      *report,
               const char  *text,
               double       size,
               PangoWeight  weight,
               PangoStyle   style,
               double       width)
{
  PangoLayout *layout = pango_cairo_create_layout (report->cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (report->theme->font_family);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Like mc-text: no hinting, so line breaks do not depend on the output. */
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), font_options);
  cairo_font_options_destroy (font_options);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static void
report_set_color (Report        *report,
                  const McColor *color)
{
  cairo_set_source_rgba (report->cr, color->red, color->green, color->blue, color->alpha);
}

static void
report_footer (Report *report)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;
  int pw, ph;
  const char *title = mc_board_get_title (report->board);

  text = g_strdup_printf ("%s · %u", title != NULL ? title : "", report->page_number);
  layout = report_layout (report, text, 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, -1);
  pango_layout_get_size (layout, &pw, &ph);
  w = pw / (double) PANGO_SCALE;
  h = ph / (double) PANGO_SCALE;
  report_set_color (report, &report->theme->muted_ink);
  cairo_move_to (report->cr, report->page_width - REPORT_MARGIN - w,
                 report->page_height - REPORT_MARGIN / 2 - h);
  pango_cairo_show_layout (report->cr, layout);
}

static void
report_begin_page (Report *report,
                   double  width,
                   double  height)
{
  McColor white = { 1, 1, 1, 1 };

  report->page_width = width;
  report->page_height = height;
  report->page_number++;
  cairo_pdf_surface_set_size (report->surface, width, height);
  report_set_color (report, &white);
  cairo_paint (report->cr);
  report->y = REPORT_MARGIN;
  report->page_open = TRUE;
}

static void
report_end_page (Report *report)
{
  if (!report->page_open)
    return;
  if (report->page_number > 1)
    report_footer (report);
  cairo_show_page (report->cr);
  report->page_open = FALSE;
}

/* Places layout's lines from report->y on, starting new text pages where a
 * line would cross the bottom margin. */
static void
report_flow (Report        *report,
             PangoLayout   *layout,
             double         x,
             const McColor *color)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double bottom;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int y0, y1, baseline;
      double height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      baseline = pango_layout_iter_get_baseline (iter);
      height = (y1 - y0) / (double) PANGO_SCALE;

      bottom = report->page_height - REPORT_MARGIN;
      if (!report->page_open || report->y + height > bottom)
        {
          report_end_page (report);
          report_begin_page (report, MM_TO_PT (A4_SHORT_MM), MM_TO_PT (A4_LONG_MM));
        }

      report_set_color (report, color);
      cairo_move_to (report->cr, x + logical.x / (double) PANGO_SCALE,
                     report->y + (baseline - y0) / (double) PANGO_SCALE);
      pango_cairo_show_layout_line (report->cr, line);
      report->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
report_title_page (Report *report)
{
  McBoard *board = report->board;
  McLanguage lang = report->options->language;
  const char *title = mc_board_get_title (board);
  const char *value;
  double width = MM_TO_PT (A4_LONG_MM) - 2 * REPORT_MARGIN;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  int h;

  report_begin_page (report, MM_TO_PT (A4_LONG_MM), MM_TO_PT (A4_SHORT_MM));

  report->y = report->page_height * 0.28;
  layout = report_layout (report, title != NULL && title[0] != '\0' ? title : "Missiecanvas",
                          30, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, width);
  report_set_color (report, &report->theme->ink);
  cairo_move_to (report->cr, REPORT_MARGIN, report->y);
  pango_cairo_show_layout (report->cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  report->y += h / (double) PANGO_SCALE + 18;

  value = mc_board_get_meta (board, MC_META_CASE);
  if (value != NULL && value[0] != '\0')
    g_string_append_printf (details, "%s\n", value);
  g_string_append_printf (details, "%s\n", mc_outline_phase_label (mc_board_get_phase (board), lang));
  value = mc_board_get_meta (board, MC_META_DATE);
  if (value != NULL && value[0] != '\0')
    g_string_append_printf (details, "%s\n", value);
  value = mc_board_get_meta (board, MC_META_FACILITATOR);
  if (value != NULL && value[0] != '\0')
    g_string_append_printf (details, "%s\n", value);
  if (details->len > 0)
    g_string_truncate (details, details->len - 1);

  g_clear_object (&layout);
  layout = report_layout (report, details->str, 14, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, width);
  pango_layout_set_spacing (layout, 4 * PANGO_SCALE);
  report_set_color (report, &report->theme->muted_ink);
  cairo_move_to (report->cr, REPORT_MARGIN, report->y);
  pango_cairo_show_layout (report->cr, layout);

  g_clear_object (&layout);
  layout = report_layout (report, "Missiecanvas · Hogeschool Utrecht, Missiegedreven omgevingen",
                          9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, width);
  report_set_color (report, &report->theme->muted_ink);
  cairo_move_to (report->cr, REPORT_MARGIN, report->page_height - REPORT_MARGIN - 12);
  pango_cairo_show_layout (report->cr, layout);

  report_end_page (report);
}

static gboolean
report_figure_page (Report      *report,
                    const char  *figure_id,
                    GError     **error)
{
  McExportOptions options = *report->options;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(McScene) scene = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  McFigure *figure = mc_board_get_figure (report->board, figure_id);
  const McFigureInfo *info = mc_catalog_get_figure (mc_catalog_get_default (),
                                                    mc_figure_get_kind (figure));
  const char *title = info != NULL ? mc_figure_info_get_title (info, options.language) : NULL;
  PageGeometry geo;
  double top;
  int h;

  options.scope = MC_EXPORT_SCOPE_FIGURE;
  options.figure_id = figure_id;
  options.notes = TRUE;
  options.page = MC_EXPORT_PAGE_A4_LANDSCAPE;
  g_ptr_array_add (ids, (gpointer) figure_id);

  scene = build_scene (report->board, &options, MC_EXPORT_FORMAT_PDF, ids, &geo, error);
  if (scene == NULL)
    return FALSE;

  report_begin_page (report, MM_TO_PT (A4_LONG_MM), MM_TO_PT (A4_SHORT_MM));

  heading = report_layout (report, title != NULL ? title : figure_id, 14, PANGO_WEIGHT_BOLD,
                           PANGO_STYLE_NORMAL, report->page_width - 2 * REPORT_MARGIN);
  report_set_color (report, &report->theme->ink);
  cairo_move_to (report->cr, REPORT_MARGIN, REPORT_MARGIN);
  pango_cairo_show_layout (report->cr, heading);
  pango_layout_get_size (heading, NULL, &h);
  top = REPORT_MARGIN + h / (double) PANGO_SCALE + 8;

  /* The figure fills the rest of the page, under the heading and above
   * the footer. */
  cairo_save (report->cr);
  cairo_translate (report->cr, REPORT_MARGIN, top);
  mc_export_draw_fitted (report->cr, scene, &geo.content,
                         report->page_width - 2 * REPORT_MARGIN,
                         report->page_height - top - REPORT_MARGIN, 0);
  cairo_restore (report->cr);

  report_end_page (report);
  return TRUE;
}

static void
report_outline_entry (const McOutlineEntry *entry,
                      gpointer              user_data)
{
  Report *report = user_data;
  McLanguage lang = report->options->language;
  double width = MM_TO_PT (A4_SHORT_MM) - 2 * REPORT_MARGIN;
  g_autoptr(PangoLayout) layout = NULL;
  double x = REPORT_MARGIN;
  double space_before = 0;
  double keep = 0;
  const McColor *color = &report->theme->ink;

  switch (entry->kind)
    {
    case MC_OUTLINE_FIGURE:
      layout = report_layout (report, entry->text, 15, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, width);
      space_before = report->y > REPORT_MARGIN + 1 ? 18 : 0;
      keep = 90;
      break;
    case MC_OUTLINE_REGION:
      layout = report_layout (report, entry->text, 11.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, width);
      space_before = report->keep_next ? 4 : 10;
      keep = 60;
      break;
    case MC_OUTLINE_QUESTION:
      layout = report_layout (report, entry->text, 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, width);
      color = &report->theme->muted_ink;
      space_before = 1;
      break;
    case MC_OUTLINE_NOTE:
      {
        guint votes = mc_note_get_votes (entry->note);
        const char *author = mc_note_get_author (entry->note);
        g_autoptr(GString) meta = g_string_new (NULL);
        g_autofree char *markup_text = NULL;
        g_autofree char *markup = NULL;

        if (votes > 0)
          g_string_append_printf (meta, "%u %s", votes,
                                  lang == MC_LANGUAGE_EN ? (votes == 1 ? "vote" : "votes")
                                                         : (votes == 1 ? "stem" : "stemmen"));
        if (author != NULL && author[0] != '\0')
          g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", author);

        layout = report_layout (report, NULL, 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                width - 14);
        markup_text = g_markup_escape_text (entry->text, -1);
        if (meta->len > 0)
          {
            g_autofree char *meta_text = g_markup_escape_text (meta->str, -1);
            markup = g_strdup_printf ("%s  <span size=\"85%%\" foreground=\"#666666\">(%s)</span>",
                                      markup_text, meta_text);
          }
        else
          markup = g_strdup (markup_text);
        pango_layout_set_markup (layout, markup, -1);
        x = REPORT_MARGIN + 14;
        space_before = report->keep_next ? 5 : 3;

        if (!report->page_open)
          report_begin_page (report, MM_TO_PT (A4_SHORT_MM), MM_TO_PT (A4_LONG_MM));
        report->y += space_before;
        space_before = 0;
        if (report->y + 14 > report->page_height - REPORT_MARGIN)
          {
            report_end_page (report);
            report_begin_page (report, MM_TO_PT (A4_SHORT_MM), MM_TO_PT (A4_LONG_MM));
          }
        /* The bullet sits on the first line's baseline. */
        {
          PangoLayoutIter *iter = pango_layout_get_iter (layout);
          double baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;

          pango_layout_iter_free (iter);
          report_set_color (report, &report->theme->ink);
          cairo_arc (report->cr, REPORT_MARGIN + 4, report->y + baseline - 3.5, 1.8, 0, 2 * G_PI);
          cairo_fill (report->cr);
        }
      }
      break;
    default:
      return;
    }

  if (!report->page_open)
    report_begin_page (report, MM_TO_PT (A4_SHORT_MM), MM_TO_PT (A4_LONG_MM));
  report->y += space_before;
  /* A heading never ends a page: move it on when the room left is small. */
  if (keep > 0 && report->y + keep > report->page_height - REPORT_MARGIN)
    {
      report_end_page (report);
      report_begin_page (report, MM_TO_PT (A4_SHORT_MM), MM_TO_PT (A4_LONG_MM));
    }

  report_flow (report, layout, x, color);
  report->keep_next = keep > 0;
}

gboolean
mc_export_session_report (McBoard                *board,
                          const McExportOptions  *options,
                          GFile                  *out,
                          GError                **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) strv = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  Report report = { 0, };
  gboolean ok = TRUE;

  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_options (options, MC_EXPORT_FORMAT_PDF, error))
    return FALSE;
  if (options->scope == MC_EXPORT_SCOPE_BOARD)
    {
      GPtrArray *figures = mc_board_get_figures (board);

      ids = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < figures->len; i++)
        g_ptr_array_add (ids, g_strdup (mc_figure_get_id (figures->pdata[i])));
    }
  else
    {
      ids = scope_figure_ids (board, options, error);
      if (ids == NULL)
        return FALSE;
    }

  report.surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, data,
                                                        MM_TO_PT (A4_LONG_MM), MM_TO_PT (A4_SHORT_MM));
  pdf_set_metadata (report.surface, options->title != NULL ? options->title : mc_board_get_title (board));
  report.cr = cairo_create (report.surface);
  report.theme = mc_theme_get (options->theme);
  report.options = options;
  report.board = board;

  report_title_page (&report);

  for (guint i = 0; i < ids->len && ok; i++)
    ok = report_figure_page (&report, ids->pdata[i], error);

  if (ok)
    {
      for (guint i = 0; i < ids->len; i++)
        g_ptr_array_add (strv, ids->pdata[i]);
      g_ptr_array_add (strv, NULL);

      mc_outline_foreach (board, mc_catalog_get_default (), options->language,
                          options->scope == MC_EXPORT_SCOPE_BOARD ? NULL
                                                                  : (const char * const *) strv->pdata,
                          report_outline_entry, &report);
      report_end_page (&report);
    }

  cairo_destroy (report.cr);
  cairo_surface_finish (report.surface);
  if (ok)
    ok = check_cairo (cairo_surface_status (report.surface), error);
  cairo_surface_destroy (report.surface);
  if (!ok)
    return FALSE;

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return write_bytes_atomically (out, bytes, error);
}

guint
mc_export_count_cut_notes (McScene *scene)
{
  guint cut = 0;

  g_return_val_if_fail (scene != NULL, 0);

  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_GROUP_BEGIN && item->role == MC_ROLE_NOTE &&
          item->id != NULL && g_str_has_prefix (item->id, "note:") &&
          !mc_editing_note_text_fits (scene, item->id + strlen ("note:")))
        cut++;
    }

  return cut;
}
