/* mc-export-report.c — the session report: title page, figures, outline */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "mc-export-private.h"
#include "mc-outline.h"
#include "mc-theme.h"


/* Session report */

#define REPORT_MARGIN MC_MM_TO_PT (16.0)

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
          report_begin_page (report, MC_MM_TO_PT (MC_A4_SHORT_MM), MC_MM_TO_PT (MC_A4_LONG_MM));
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
  double width = MC_MM_TO_PT (MC_A4_LONG_MM) - 2 * REPORT_MARGIN;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  int h;

  report_begin_page (report, MC_MM_TO_PT (MC_A4_LONG_MM), MC_MM_TO_PT (MC_A4_SHORT_MM));

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
  McPageGeometry geo;
  double top;
  int h;

  options.scope = MC_EXPORT_SCOPE_FIGURE;
  options.figure_id = figure_id;
  options.notes = TRUE;
  options.page = MC_EXPORT_PAGE_A4_LANDSCAPE;
  g_ptr_array_add (ids, (gpointer) figure_id);

  scene = _mc_export_build_scene (report->board, &options, MC_EXPORT_FORMAT_PDF, ids, &geo, error);
  if (scene == NULL)
    return FALSE;

  report_begin_page (report, MC_MM_TO_PT (MC_A4_LONG_MM), MC_MM_TO_PT (MC_A4_SHORT_MM));

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
  double width = MC_MM_TO_PT (MC_A4_SHORT_MM) - 2 * REPORT_MARGIN;
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
          report_begin_page (report, MC_MM_TO_PT (MC_A4_SHORT_MM), MC_MM_TO_PT (MC_A4_LONG_MM));
        report->y += space_before;
        space_before = 0;
        if (report->y + 14 > report->page_height - REPORT_MARGIN)
          {
            report_end_page (report);
            report_begin_page (report, MC_MM_TO_PT (MC_A4_SHORT_MM), MC_MM_TO_PT (MC_A4_LONG_MM));
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
    report_begin_page (report, MC_MM_TO_PT (MC_A4_SHORT_MM), MC_MM_TO_PT (MC_A4_LONG_MM));
  report->y += space_before;
  /* A heading never ends a page: move it on when the room left is small. */
  if (keep > 0 && report->y + keep > report->page_height - REPORT_MARGIN)
    {
      report_end_page (report);
      report_begin_page (report, MC_MM_TO_PT (MC_A4_SHORT_MM), MC_MM_TO_PT (MC_A4_LONG_MM));
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

  if (!_mc_export_check_options (options, MC_EXPORT_FORMAT_PDF, error))
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
      ids = _mc_export_scope_figure_ids (board, options, error);
      if (ids == NULL)
        return FALSE;
    }

  report.surface = cairo_pdf_surface_create_for_stream (_mc_export_append_to_byte_array, data,
                                                        MC_MM_TO_PT (MC_A4_LONG_MM), MC_MM_TO_PT (MC_A4_SHORT_MM));
  _mc_export_pdf_set_metadata (report.surface, options->title != NULL ? options->title : mc_board_get_title (board));
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
    ok = _mc_export_check_cairo (cairo_surface_status (report.surface), error);
  cairo_surface_destroy (report.surface);
  if (!ok)
    return FALSE;

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return mc_export_write_bytes (out, bytes, error);
}

