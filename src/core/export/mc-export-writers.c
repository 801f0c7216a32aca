/* mc-export-writers.c — the PDF, SVG, PNG and outline writers
 *
 * Each takes the figure ids an export covers and returns the file's bytes;
 * the geometry (mc-export-geometry.c) decides the page and the scene.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>

#include "mc-export-private.h"
#include "mc-outline.h"
#include "mc-png.h"
#include "mc-svg-writer.h"
#include "mc-figure-fragment.h"

cairo_status_t
_mc_export_append_to_byte_array (void                *closure,
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

gboolean
_mc_export_check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_RENDER,
               _("Drawing failed: %s"), cairo_status_to_string (status));
  return FALSE;
}

void
_mc_export_pdf_set_metadata (cairo_surface_t *surface,
                  const char      *title)
{
  if (title != NULL && title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  PACKAGE_NAME " " PACKAGE_VERSION);
}

/* The preflight of a scene's page (or of the pages bands cut it into),
 * added to the summary (several pages: the largest page, the smallest text
 * and line of all); refuses a page the format cannot hold before anything
 * is drawn. */
static gboolean
measure_pages (const McExportOptions  *options,
               McExportFormat          format,
               McScene                *scene,
               const McPageGeometry   *geo,
               GArray                 *bands,
               McExportSummary        *summary,
               GError                **error)
{
  McExportPreflight page;
  McRect content = { 0, 0, geo->page_width / geo->scale, geo->page_height / geo->scale };
  McExportPreflight *all = &summary->preflight;

  mc_export_preflight_scene (scene, &content, geo->scale, &page);
  /* Cut into pages: the tallest of them is what a viewer must open. */
  if (bands != NULL && bands->len > 1)
    {
      double tallest = 0;

      for (guint i = 0; i < bands->len; i++)
        tallest = MAX (tallest, _mc_export_band_height (geo, bands, i));
      page.height_mm = MC_PT_TO_MM (tallest);
    }
  if (!mc_export_check_page (options, format, &page, error) ||
      !mc_export_check_fit (scene, geo->scale, error))
    return FALSE;

  if (summary->n_pages == 0)
    *all = page;
  else
    {
      all->width_mm = MAX (all->width_mm, page.width_mm);
      all->height_mm = MAX (all->height_mm, page.height_mm);
      if (page.min_text_pt > 0 && (all->min_text_pt == 0 || page.min_text_pt < all->min_text_pt))
        all->min_text_pt = page.min_text_pt;
      if (page.min_line_pt > 0 && (all->min_line_pt == 0 || page.min_line_pt < all->min_line_pt))
        all->min_line_pt = page.min_line_pt;
      all->grayscale_safe = all->grayscale_safe && page.grayscale_safe;
    }
  summary->n_pages += bands != NULL ? bands->len : 1;
  if (options->notes)
    summary->cut_notes += mc_export_count_cut_notes (scene);
  return TRUE;
}

/* The board behind the figure(s), carried in every SVG, PDF and PNG so the
 * exported file reopens as a board (mc-figure-fragment.h). */
static char *
fragment_token (McBoard   *board,
                GPtrArray *ids)
{
  return mc_figure_fragment_encode (board, ids->len == 1 ? ids->pdata[0] : NULL);
}

static GBytes *
export_pdf (McBoard                *board,
            const McExportOptions  *options,
            GPtrArray              *ids,
            McExportSummary        *summary,
            GError                **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  McColor bg;
  gboolean has_bg = _mc_export_background_color (options, &bg);
  gboolean ok = TRUE;
  /* One page per figure when several are chosen; else one page. */
  guint n_pages = options->scope == MC_EXPORT_SCOPE_FIGURES ? ids->len : 1;

  surface = cairo_pdf_surface_create_for_stream (_mc_export_append_to_byte_array, data, 100, 100);
  _mc_export_pdf_set_metadata (surface, document_title (board, options, ids));
  {
    g_autofree char *token = fragment_token (board, ids);

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, token);
  }
  cr = cairo_create (surface);

  for (guint page = 0; page < n_pages && ok; page++)
    {
      g_autoptr(GPtrArray) page_ids = g_ptr_array_new ();
      g_autoptr(McScene) scene = NULL;
      g_autoptr(GArray) bands = NULL;
      g_autoptr(GPtrArray) items = NULL;
      McPageGeometry geo;

      if (options->scope == MC_EXPORT_SCOPE_FIGURES)
        g_ptr_array_add (page_ids, ids->pdata[page]);
      else
        g_ptr_array_extend (page_ids, ids, NULL, NULL);

      scene = _mc_export_build_scene (board, options, MC_EXPORT_FORMAT_PDF, page_ids, &geo, error);
      if (scene == NULL)
        {
          ok = FALSE;
          break;
        }
      /* A figure too tall for one PDF page goes on as many as it needs. */
      bands = _mc_export_page_bands (scene, &geo, MC_EXPORT_MAX_PDF_PAGE_PT);
      if (!measure_pages (options, MC_EXPORT_FORMAT_PDF, scene, &geo, bands, summary, error))
        {
          ok = FALSE;
          break;
        }

      if (bands->len == 1)
        {
          cairo_pdf_surface_set_size (surface, geo.page_width, geo.page_height);
          _mc_export_draw_geometry (cr, scene, &geo, has_bg ? &bg : NULL);
          cairo_show_page (cr);
          continue;
        }
      items = _mc_export_page_items (scene, bands);
      for (guint band = 0; band < bands->len; band++)
        {
          cairo_pdf_surface_set_size (surface, geo.page_width, _mc_export_band_height (&geo, bands, band));
          _mc_export_draw_band (cr, scene, &geo, bands, band, items->pdata[band], has_bg ? &bg : NULL);
          cairo_show_page (cr);
        }
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok)
    ok = _mc_export_check_cairo (cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);

  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static GBytes *
export_svg (McBoard                *board,
            const McExportOptions  *options,
            GPtrArray              *ids,
            McExportSummary        *summary,
            GError                **error)
{
  g_autoptr(McScene) scene = NULL;
  g_autoptr(McScene) drawn = NULL;
  McPageGeometry geo;
  McSvgOptions svg = { 0, };
  g_autofree char *token = NULL;
  McRect view;
  McColor bg;
  double margin_units;
  char *text;
  gsize length;

  scene = _mc_export_build_scene (board, options, MC_EXPORT_FORMAT_SVG, ids, &geo, error);
  if (scene == NULL || !measure_pages (options, MC_EXPORT_FORMAT_SVG, scene, &geo, NULL, summary, error))
    return NULL;

  /* The same page as the PDF: content plus the margin, width_mm wide. */
  margin_units = geo.offset_x / geo.scale;
  view = geo.content;
  view.x -= margin_units;
  view.y -= margin_units;
  view.width = geo.page_width / geo.scale;
  view.height = geo.page_height / geo.scale;

  svg.view = &view;
  svg.width_mm = MC_PT_TO_MM (geo.page_width);
  svg.title = document_title (board, options, ids);
  svg.metadata = token = fragment_token (board, ids);
  if (_mc_export_background_color (options, &bg))
    {
      svg.background = &bg;
      drawn = mc_scene_ref (scene);
    }
  else
    drawn = _mc_export_scene_without_background (scene);

  text = mc_svg_write_scene (drawn, &svg, &length);
  return g_bytes_new_take (text, length);
}

static GBytes *
export_png (McBoard                *board,
            const McExportOptions  *options,
            GPtrArray              *ids,
            McExportSummary        *summary,
            GError                **error)
{
  g_autoptr(McScene) scene = NULL;
  g_autoptr(McScene) drawn = NULL;
  GBytes *png = NULL;
  McPageGeometry geo;
  cairo_surface_t *surface;
  cairo_t *cr;
  McColor bg;
  gboolean has_bg;
  double px_per_pt;
  int width, height;

  scene = _mc_export_build_scene (board, options, MC_EXPORT_FORMAT_PNG, ids, &geo, error);
  if (scene == NULL || !measure_pages (options, MC_EXPORT_FORMAT_PNG, scene, &geo, NULL, summary, error))
    return NULL;

  px_per_pt = options->dpi / 72.0;
  if (options->width_px > 0)
    width = options->width_px;
  else
    width = (int) round (geo.page_width * px_per_pt);
  height = (int) round (geo.page_height * px_per_pt);
  /* measure_pages() has checked the size; this only guards rounding. */
  width = CLAMP (width, 1, MC_EXPORT_MAX_PNG_SIDE);
  height = CLAMP (height, 1, MC_EXPORT_MAX_PNG_SIDE);

  has_bg = _mc_export_background_color (options, &bg);
  drawn = has_bg ? mc_scene_ref (scene) : _mc_export_scene_without_background (scene);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, width / geo.page_width, width / geo.page_width);
  _mc_export_draw_geometry (cr, drawn, &geo, has_bg ? &bg : NULL);
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  if (_mc_export_check_cairo (cairo_surface_status (surface), error))
    {
      g_autoptr(GError) png_error = NULL;

      g_autofree char *token = fragment_token (board, ids);

      png = mc_png_encode_with_text (surface, has_bg && bg.alpha >= 1.0, options->dpi,
                                     "Missiecanvas", token, &png_error);
      if (png == NULL)
        g_set_error_literal (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_RENDER, png_error->message);
    }
  cairo_surface_destroy (surface);

  return png;
}

GBytes *
_mc_export_write_outline (McBoard                *board,
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
    text = mc_outline_to_csv_full (board, mc_catalog_get_default (), options->language,
                                   ids->len > 0 ? (const char * const *) strv->pdata : NULL,
                                   options->csv_separator != 0 ? options->csv_separator : ',');
  else
    text = mc_outline_to_markdown (board, mc_catalog_get_default (), options->language,
                                   ids->len > 0 ? (const char * const *) strv->pdata : NULL);
  return g_bytes_new_take (text, strlen (text));
}


GBytes *
_mc_export_write_figures (McBoard                *board,
                          const McExportOptions  *options,
                          McExportFormat          format,
                          GPtrArray              *ids,
                          McExportSummary        *summary,
                          GError                **error)
{
  switch (format)
    {
    case MC_EXPORT_FORMAT_PDF:
      return export_pdf (board, options, ids, summary, error);
    case MC_EXPORT_FORMAT_SVG:
      return export_svg (board, options, ids, summary, error);
    case MC_EXPORT_FORMAT_PNG:
      return export_png (board, options, ids, summary, error);
    case MC_EXPORT_FORMAT_MARKDOWN:
    case MC_EXPORT_FORMAT_CSV:
    case MC_EXPORT_FORMAT_CANVAS:
    case MC_N_EXPORT_FORMATS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}
