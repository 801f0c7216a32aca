/* mc-export-report.c — the session report: title page, figures, outline
 *
 * Every page is a scene, as every figure is: the report places text
 * (mc-text layouts), rules and vote dots in page coordinates (points) in
 * the theme's colours, and the cairo backend draws it. Figures are the
 * export's own scenes, fitted under their heading. All pages are A4
 * portrait; no note is ever cut: a figure page whose notes would not fit
 * their text shows the figure without them, and the outline after the
 * figures lists every note in full, its votes drawn as dots.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "mc-catalog.h"
#include "mc-export-private.h"
#include "mc-note.h"
#include "mc-outline.h"
#include "mc-render-cairo.h"
#include "mc-text.h"
#include "mc-theme.h"

#define PAGE_WIDTH   MC_MM_TO_PT (MC_A4_SHORT_MM)
#define PAGE_HEIGHT  MC_MM_TO_PT (MC_A4_LONG_MM)
#define MARGIN       MC_MM_TO_PT (18.0)
#define TEXT_WIDTH   (PAGE_WIDTH - 2 * MARGIN)
#define FOOTER_SPACE 24.0
#define NOTE_INDENT  16.0
#define DOT_RADIUS   2.2
#define DOT_STEP     6.5
/* More votes than this show as dots and a count. */
#define MAX_DOTS     12

typedef struct
{
  cairo_surface_t       *surface;
  cairo_t               *cr;
  const McTheme         *theme;
  const McExportOptions *options;
  McBoard               *board;
  McScene               *page;        /* the open page, NULL between pages */
  double                 y;           /* next line's top */
  guint                  page_number;
  gboolean               keep_next;   /* the last block was a heading */
} Report;

static PangoLayout *
text_layout (Report      *report,
             const char  *text,
             double       size,
             PangoWeight  weight,
             PangoStyle   style,
             double       width)
{
  McTextStyle text_style = {
    .family = report->theme->font_family,
    .size = size,
    .weight = weight,
    .style = style,
    .alignment = PANGO_ALIGN_LEFT,
  };

  return mc_text_layout_new (text, &text_style, width);
}

static void
add_text (Report        *report,
          PangoLayout   *layout,
          double         x,
          double         y,
          const McColor *color)
{
  mc_scene_add_text (report->page, MC_ROLE_NONE, layout, x, y, color);
}

static void
begin_page (Report *report)
{
  g_autoptr(McPath) sheet = mc_path_new ();
  McRect rect = { 0, 0, PAGE_WIDTH, PAGE_HEIGHT };

  report->page = mc_scene_new ();
  report->page_number++;
  mc_path_rectangle (sheet, &rect);
  mc_scene_add_path (report->page, MC_ROLE_BOARD, sheet, &report->theme->paper, NULL, 0, MC_LINE_SOLID);
  report->y = MARGIN;
}

/* A figure page draws its sheet (the page scene's first item) before the
 * figure, which is drawn on the cairo context directly, fitted. */
static void
draw_page_background (Report *report)
{
  g_autoptr(McScene) sheet = mc_scene_new ();

  mc_scene_append_range (sheet, report->page, 0, 1);
  mc_render_scene (report->cr, sheet, NULL);
}

static void
end_page (Report *report)
{
  g_autoptr(McScene) page = NULL;

  if (report->page == NULL)
    return;
  page = g_steal_pointer (&report->page);

  if (report->page_number > 1)
    {
      const char *title = mc_board_get_title (report->board);
      g_autofree char *text = g_strdup_printf ("%s · %u", title != NULL ? title : "", report->page_number);
      g_autoptr(PangoLayout) footer = text_layout (report, text, 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, -1);
      double w, h;

      mc_text_layout_get_size (footer, &w, &h);
      mc_scene_add_text (page, MC_ROLE_NONE, footer, PAGE_WIDTH - MARGIN - w,
                         PAGE_HEIGHT - MARGIN / 2 - h, &report->theme->muted_ink);
    }

  mc_render_scene (report->cr, page, NULL);
  cairo_show_page (report->cr);
}

static double
bottom (void)
{
  return PAGE_HEIGHT - MARGIN - FOOTER_SPACE;
}

static void
new_text_page (Report *report)
{
  end_page (report);
  begin_page (report);
}

/* Places layout's lines from report->y on, continuing on a new page where
 * a line would cross the bottom: a long note is split between lines, never
 * cut. */
static void
flow (Report        *report,
      PangoLayout   *layout,
      double         x,
      const McColor *color)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int width = pango_layout_get_width (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autoptr(PangoLayout) piece = NULL;
      g_autofree char *line_text = NULL;
      int y0, y1;
      double height;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      height = (y1 - y0) / (double) PANGO_SCALE;
      if (report->page == NULL || report->y + height > bottom ())
        new_text_page (report);

      /* One layout per line, with the line's own attributes (the font). */
      line_text = g_strndup (text + line->start_index, line->length);
      piece = pango_layout_copy (layout);
      pango_layout_set_width (piece, width);
      pango_layout_set_text (piece, line_text, -1);
      add_text (report, piece, x, report->y, color);
      report->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
title_page (Report *report)
{
  McBoard *board = report->board;
  McLanguage lang = report->options->language;
  const char *title = mc_board_get_title (board);
  const char *keys[] = { MC_META_CASE, NULL, MC_META_DATE, MC_META_FACILITATOR };
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) brand = NULL;
  double h;

  begin_page (report);
  report->y = PAGE_HEIGHT * 0.28;
  heading = text_layout (report, title != NULL && title[0] != '\0' ? title : "Missiecanvas",
                         28, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, TEXT_WIDTH);
  add_text (report, heading, MARGIN, report->y, &report->theme->ink);
  mc_text_layout_get_size (heading, NULL, &h);
  report->y += h + 18;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *value = keys[i] != NULL ? mc_board_get_meta (board, keys[i])
                                          : mc_outline_phase_label (mc_board_get_phase (board), lang);
      g_autoptr(PangoLayout) line = NULL;

      if (value == NULL || value[0] == '\0')
        continue;
      line = text_layout (report, value, 14, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, TEXT_WIDTH);
      add_text (report, line, MARGIN, report->y, &report->theme->muted_ink);
      mc_text_layout_get_size (line, NULL, &h);
      report->y += h + 4;
    }

  brand = text_layout (report, "Missiecanvas · Hogeschool Utrecht, Missiegedreven omgevingen",
                       9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, TEXT_WIDTH);
  add_text (report, brand, MARGIN, PAGE_HEIGHT - MARGIN - 12, &report->theme->muted_ink);
  end_page (report);
}

static gboolean
figure_page (Report      *report,
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
  double top, h;

  options.scope = MC_EXPORT_SCOPE_FIGURE;
  options.figure_id = figure_id;
  options.notes = TRUE;
  options.page = MC_EXPORT_PAGE_A4_PORTRAIT;
  g_ptr_array_add (ids, (gpointer) figure_id);

  /* Never a note with its text cut, nor a figure too long for its page
   * to read (hundreds of notes): then the figure without notes, and the
   * notes in full in the outline. */
  scene = _mc_export_build_scene (report->board, &options, MC_EXPORT_FORMAT_PDF, ids, &geo, NULL);
  if (scene == NULL || mc_export_count_cut_notes (scene) > 0)
    {
      options.notes = FALSE;
      g_clear_pointer (&scene, mc_scene_unref);
      scene = _mc_export_build_scene (report->board, &options, MC_EXPORT_FORMAT_PDF, ids, &geo, error);
      if (scene == NULL)
        return FALSE;
    }

  begin_page (report);
  draw_page_background (report);
  heading = text_layout (report, title != NULL ? title : figure_id, 14, PANGO_WEIGHT_BOLD,
                         PANGO_STYLE_NORMAL, TEXT_WIDTH);
  add_text (report, heading, MARGIN, MARGIN, &report->theme->ink);
  mc_text_layout_get_size (heading, NULL, &h);
  top = MARGIN + h + 8;

  if (!options.notes)
    {
      g_autoptr(PangoLayout) hint = text_layout (report, _("The notes of this figure are listed in full after the figures."),
                                                 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, TEXT_WIDTH);

      add_text (report, hint, MARGIN, top, &report->theme->muted_ink);
      mc_text_layout_get_size (hint, NULL, &h);
      top += h + 6;
    }

  /* The figure fills the rest of the page, under the heading and above
   * the footer. */
  cairo_save (report->cr);
  cairo_translate (report->cr, MARGIN, top);
  mc_export_draw_fitted (report->cr, scene, &geo.content, TEXT_WIDTH, bottom () - top, 0);
  cairo_restore (report->cr);

  /* The sheet is already drawn: leave only the texts for end_page(). */
  {
    g_autoptr(McScene) texts = mc_scene_new ();

    mc_scene_append_range (texts, report->page, 1, mc_scene_get_n_items (report->page));
    mc_scene_unref (report->page);
    report->page = g_steal_pointer (&texts);
  }
  end_page (report);
  return TRUE;
}

/* Votes as dots, as on the board: up to MAX_DOTS, then the count. */
static void
add_vote_dots (Report *report,
               guint   votes,
               double  x,
               double  baseline)
{
  g_autoptr(McPath) dots = mc_path_new ();
  guint n = MIN (votes, MAX_DOTS);

  for (guint i = 0; i < n; i++)
    mc_path_circle (dots, x + DOT_RADIUS + i * DOT_STEP, baseline - 3.5, DOT_RADIUS);
  mc_scene_add_path (report->page, MC_ROLE_VOTES, dots, &report->theme->ink, NULL, 0, MC_LINE_SOLID);
  if (votes > MAX_DOTS)
    {
      g_autofree char *count = g_strdup_printf ("%u", votes);
      g_autoptr(PangoLayout) layout = text_layout (report, count, 8, PANGO_WEIGHT_BOLD,
                                                   PANGO_STYLE_NORMAL, -1);

      add_text (report, layout, x + n * DOT_STEP + 2, baseline - 9, &report->theme->ink);
    }
}

static void
note_entry (Report               *report,
            const McOutlineEntry *entry)
{
  guint votes = mc_note_get_votes (entry->note);
  const char *author = mc_note_get_author (entry->note);
  double dots_width = votes > 0 ? MIN (votes, MAX_DOTS) * DOT_STEP + (votes > MAX_DOTS ? 18 : 4) : 0;
  g_autoptr(PangoLayout) layout = text_layout (report, entry->text, 10, PANGO_WEIGHT_NORMAL,
                                               PANGO_STYLE_NORMAL, TEXT_WIDTH - NOTE_INDENT);
  g_autoptr(McPath) bullet = mc_path_new ();
  PangoLayoutIter *iter;
  double baseline;

  report->y += report->keep_next ? 5 : 3;
  if (report->page == NULL || report->y + 14 > bottom ())
    new_text_page (report);

  iter = pango_layout_get_iter (layout);
  baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
  pango_layout_iter_free (iter);
  mc_path_circle (bullet, MARGIN + 4, report->y + baseline - 3.5, 1.8);
  mc_scene_add_path (report->page, MC_ROLE_DECORATION, bullet, &report->theme->muted_ink, NULL, 0,
                     MC_LINE_SOLID);

  flow (report, layout, MARGIN + NOTE_INDENT, &report->theme->ink);

  /* Under the text: the votes as dots, then the author. */
  if (votes > 0 || (author != NULL && author[0] != '\0'))
    {
      double x = MARGIN + NOTE_INDENT;

      if (report->y + 11 > bottom ())
        new_text_page (report);
      if (votes > 0)
        add_vote_dots (report, votes, x, report->y + 9);
      if (author != NULL && author[0] != '\0')
        {
          g_autoptr(PangoLayout) meta = text_layout (report, author, 8, PANGO_WEIGHT_NORMAL,
                                                     PANGO_STYLE_NORMAL, TEXT_WIDTH - NOTE_INDENT - dots_width);

          add_text (report, meta, x + dots_width, report->y, &report->theme->muted_ink);
        }
      report->y += 11;
    }
  report->keep_next = FALSE;
}

static void
outline_entry (const McOutlineEntry *entry,
               gpointer              user_data)
{
  Report *report = user_data;
  g_autoptr(PangoLayout) layout = NULL;
  const McColor *color = &report->theme->ink;
  double space_before = 0;
  double keep = 0;

  switch (entry->kind)
    {
    case MC_OUTLINE_FIGURE:
      layout = text_layout (report, entry->text, 15, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, TEXT_WIDTH);
      space_before = report->page != NULL && report->y > MARGIN + 1 ? 18 : 0;
      keep = 90;
      break;
    case MC_OUTLINE_REGION:
      layout = text_layout (report, entry->text, 11.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, TEXT_WIDTH);
      space_before = report->keep_next ? 4 : 10;
      keep = 60;
      break;
    case MC_OUTLINE_QUESTION:
      layout = text_layout (report, entry->text, 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, TEXT_WIDTH);
      color = &report->theme->muted_ink;
      space_before = 1;
      break;
    case MC_OUTLINE_NOTE:
      note_entry (report, entry);
      return;
    default:
      return;
    }

  if (report->page == NULL)
    begin_page (report);
  report->y += space_before;
  /* A heading never ends a page: move it on when the room left is small. */
  if (keep > 0 && report->y + keep > bottom ())
    new_text_page (report);

  flow (report, layout, MARGIN, color);
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
                                                        PAGE_WIDTH, PAGE_HEIGHT);
  _mc_export_pdf_set_metadata (report.surface, options->title != NULL ? options->title
                                                                      : mc_board_get_title (board));
  report.cr = cairo_create (report.surface);
  report.theme = mc_theme_get (options->theme);
  report.options = options;
  report.board = board;

  title_page (&report);

  for (guint i = 0; i < ids->len && ok; i++)
    ok = figure_page (&report, ids->pdata[i], error);

  if (ok)
    {
      for (guint i = 0; i < ids->len; i++)
        g_ptr_array_add (strv, ids->pdata[i]);
      g_ptr_array_add (strv, NULL);

      mc_outline_foreach (board, mc_catalog_get_default (), options->language,
                          options->scope == MC_EXPORT_SCOPE_BOARD ? NULL
                                                                  : (const char * const *) strv->pdata,
                          outline_entry, &report);
      end_page (&report);
    }
  g_clear_pointer (&report.page, mc_scene_unref);

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
