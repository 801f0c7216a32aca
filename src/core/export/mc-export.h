/* mc-export.h — figures for publications: PDF, SVG, PNG, Markdown, CSV
 *
 * Everything starts from the layout: McBoard + McCatalog + view options →
 * McScene, drawn by the cairo backend (PDF, PNG) or the SVG writer. Output
 * is atomic: a temporary file in the target directory, renamed on success;
 * on any error no file is left behind.
 *
 * Physical size: a 1000-unit figure is 180 mm wide unless a width is given
 * (journals: 84 mm for one column, 174 mm for two). The font floor (7 pt by
 * default) is kept at that width: the layout gets the matching minimum font
 * size in scene units, so no text in the exported figure is smaller.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include "mc-board.h"
#include "mc-catalog.h"
#include "mc-scene.h"

G_BEGIN_DECLS

#define MC_EXPORT_ERROR (mc_export_error_quark ())
GQuark mc_export_error_quark (void);

typedef enum
{
  MC_EXPORT_ERROR_UNKNOWN_FORMAT,  /* the file name's extension is not one we write */
  MC_EXPORT_ERROR_UNKNOWN_FIGURE,  /* no placed figure with that id */
  MC_EXPORT_ERROR_INVALID_OPTION,  /* a width, DPI or size out of range */
  MC_EXPORT_ERROR_EMPTY,           /* nothing to draw */
  MC_EXPORT_ERROR_WRITE,           /* the file could not be written */
  MC_EXPORT_ERROR_RENDER,          /* cairo failed */
} McExportError;

typedef enum
{
  MC_EXPORT_FORMAT_PDF,
  MC_EXPORT_FORMAT_SVG,
  MC_EXPORT_FORMAT_PNG,
  MC_EXPORT_FORMAT_MARKDOWN,
  MC_EXPORT_FORMAT_CSV,
  MC_EXPORT_FORMAT_CANVAS,        /* JSON Canvas (Obsidian): the whole board */
  MC_N_EXPORT_FORMATS,
} McExportFormat;

typedef enum
{
  MC_EXPORT_SCOPE_BOARD,    /* every figure and the free notes, as on the board */
  MC_EXPORT_SCOPE_FIGURE,   /* figure_id */
  MC_EXPORT_SCOPE_FIGURES,  /* figure_ids: one page each in PDF; together in SVG/PNG */
} McExportScope;

typedef enum
{
  MC_EXPORT_BACKGROUND_PAPER,       /* the theme's paper colour */
  MC_EXPORT_BACKGROUND_WHITE,
  MC_EXPORT_BACKGROUND_TRANSPARENT, /* PNG and SVG; PDF pages stay unpainted */
} McExportBackground;

typedef enum
{
  MC_EXPORT_PAGE_FIT,          /* the figure's bounds plus the margin */
  MC_EXPORT_PAGE_A4_PORTRAIT,
  MC_EXPORT_PAGE_A4_LANDSCAPE,
  MC_EXPORT_PAGE_A3_PORTRAIT,
  MC_EXPORT_PAGE_A3_LANDSCAPE,
} McExportPage;

#define MC_EXPORT_DEFAULT_FONT_FLOOR_PT 7.0
#define MC_EXPORT_DEFAULT_DPI           300
#define MC_EXPORT_DEFAULT_MARGIN_MM     3.0
/* Natural physical size: 0.18 mm per board unit (180 mm for a figure 1000
 * units wide, about the width of a journal's two-column figure). */
#define MC_EXPORT_NATURAL_MM_PER_UNIT   0.18
/* Journal widths: single column (84 or 90 mm), 1.5 columns (140 mm),
 * double column (174 or 190 mm), and an A4 page's width. Exports default
 * to the double column. */
#define MC_EXPORT_SINGLE_COLUMN_MM      84.0
#define MC_EXPORT_SINGLE_COLUMN_WIDE_MM 90.0
#define MC_EXPORT_ONE_AND_HALF_COLUMN_MM 140.0
#define MC_EXPORT_DOUBLE_COLUMN_MM      174.0
#define MC_EXPORT_DOUBLE_COLUMN_WIDE_MM 190.0
#define MC_EXPORT_A4_WIDTH_MM           210.0
#define MC_EXPORT_DEFAULT_WIDTH_MM      MC_EXPORT_DOUBLE_COLUMN_MM
/* PDF viewers refuse pages larger than this (the PDF 1.7 implementation
 * limit), in points: 5080 mm. */
#define MC_EXPORT_MAX_PDF_PAGE_PT       14400.0
/* The largest PNG an export writes, in pixels: 400 Mpx is 1.6 GB of memory. */
#define MC_EXPORT_MAX_PNG_SIDE          32767
#define MC_EXPORT_MAX_PNG_PIXELS        100.0e6

#define MC_EXPORT_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)
#define MC_EXPORT_PT_TO_MM(pt) ((pt) * 25.4 / 72.0)

typedef struct
{
  McExportScope       scope;
  const char         *figure_id;      /* MC_EXPORT_SCOPE_FIGURE */
  const char * const *figure_ids;     /* MC_EXPORT_SCOPE_FIGURES, NULL-terminated */

  McLanguage          language;
  McThemeKind         theme;
  gboolean            notes;
  McQuestionsMode     questions;
  gboolean            definitions;
  gboolean            empty_regions;
  gboolean            caption;

  double              font_floor_pt;  /* 0: no floor beyond the theme's */
  double              width_mm;       /* 0: natural (or from width_px and dpi) */
  int                 width_px;       /* PNG: 0 = width_mm × dpi */
  int                 dpi;            /* PNG: 150, 300 or 600 (any 36…2400 accepted) */
  double              margin_mm;      /* white space around the figure, inside width_mm */
  McExportBackground  background;
  McExportPage        page;           /* PDF; PNG and SVG always fit */

  const char         *title;          /* PDF/SVG document title; NULL: from the board */
  char                csv_separator;  /* CSV: ',' (0 means the same) or ';' for Dutch spreadsheets */
} McExportOptions;

/* Defaults: whole board, notes on, questions off, empty regions shown, no
 * caption, colour theme, 7 pt floor, natural width, 300 DPI, 3 mm margin,
 * paper background, page fitted. The command line and the dialog start
 * from MC_EXPORT_DEFAULT_WIDTH_MM instead (a journal's double column). */
void            mc_export_options_init         (McExportOptions  *options,
                                                McLanguage        language);

/* ".pdf", ".svg", ".png", ".md" (".markdown"), ".csv", any case. */
gboolean        mc_export_format_from_filename (const char       *filename,
                                                McExportFormat   *format);
const char     *mc_export_format_get_extension (McExportFormat    format);   /* "pdf", … */
gboolean        mc_export_format_from_string   (const char       *str,
                                                McExportFormat   *format);   /* "pdf", "md", … */

/* Writes the export in the format named by out's extension. */
gboolean        mc_export_to_file              (McBoard                *board,
                                                const McExportOptions  *options,
                                                GFile                  *out,
                                                GError                **error);
gboolean        mc_export_to_file_with_format  (McBoard                *board,
                                                const McExportOptions  *options,
                                                McExportFormat          format,
                                                GFile                  *out,
                                                GError                **error);
/* Writes bytes to out as every export does: atomically, and only over a
 * regular file (or a new one) that may be written; a FIFO, a device such
 * as /dev/stdout, a link to nothing or a read-only file is refused. */
gboolean        mc_export_write_bytes          (GFile                  *out,
                                                GBytes                 *bytes,
                                                GError                **error);
/* The same, into memory. */
GBytes         *mc_export_to_bytes             (McBoard                *board,
                                                const McExportOptions  *options,
                                                McExportFormat          format,
                                                GError                **error);

/* One multi-page PDF: a title page, one A4 portrait page per figure with
 * its notes, then the outline as text pages. options->scope selects the
 * figures; language, theme, questions and caption apply. */
gboolean        mc_export_session_report       (McBoard                *board,
                                                const McExportOptions  *options,
                                                GFile                  *out,
                                                GError                **error);

/* The scene exactly as an export with these options draws it (one figure,
 * or the figures the scope names), with the font floor applied. content
 * receives the scene's bounds (scene units) and points_per_unit the scale
 * of the export (PDF points per scene unit; 1 mm = 72/25.4 pt). For tests,
 * previews and printing. */
McScene        *mc_export_build_scene          (McBoard                *board,
                                                const McExportOptions  *options,
                                                McRect                 *content,
                                                double                 *points_per_unit,
                                                GError                **error);

/* How many notes of an export scene (mc_export_build_scene) show their
 * text cut off with an ellipsis: at a small physical width the font floor
 * makes note text too large for its note. The command line and the dialog
 * warn about it; the cure is a wider figure or leaving the notes out. */
guint           mc_export_count_cut_notes      (McScene                *scene);

/* How many pages a PDF export of scene (mc_export_build_scene(), content
 * and points_per_unit as it returned them) takes: a fitted page taller
 * than MC_EXPORT_MAX_PDF_PAGE_PT is cut into pages between notes. The
 * tallest page's height goes to tallest_mm (may be NULL). */
guint           mc_export_count_pdf_pages      (McScene                *scene,
                                                const McExportOptions  *options,
                                                const McRect           *content,
                                                double                  points_per_unit,
                                                double                 *tallest_mm);

/* Draws scene centred in a width × height area of cr's user space, scaled
 * to fit (never larger than max_scale; 0: no limit). For printing and
 * previews. Returns the scale used. */
double          mc_export_draw_fitted          (cairo_t                *cr,
                                                McScene                *scene,
                                                const McRect           *content,
                                                double                  width,
                                                double                  height,
                                                double                  max_scale);

/* The nominal size of the smallest font a text layout uses, in its layout
 * units (scene units). 0 for an empty layout. */
double          mc_export_layout_min_font_size (PangoLayout            *layout);

/* A width as people name it: millimetres ("84", "120.5") or a preset:
 * "single" (84), "single-wide" (90), "1.5" (140), "double" (174),
 * "double-wide" (190), "a4" (210), "natural" (0: the design size). */
gboolean        mc_export_width_from_string    (const char             *str,
                                                double                 *width_mm);

/* What a journal's submission rules ask about a figure. */
typedef struct
{
  double   width_mm;        /* the final size, margin included */
  double   height_mm;
  double   min_text_pt;     /* the smallest text at final size; 0: no text */
  double   min_line_pt;     /* the thinnest stroked line; 0: no lines */
  gboolean grayscale_safe;  /* neighbouring fills differ in lightness, not only hue */
} McExportPreflight;

/* What an export wrote, measured in the same pass (one layout). */
typedef struct
{
  McExportPreflight preflight;  /* figure formats; the largest page of several */
  guint             cut_notes;  /* notes whose text is cut off (mc_export_count_cut_notes) */
  guint             n_pages;    /* 0 for the outline formats */
} McExportSummary;

/* mc_export_to_file_with_format(), also filling summary (may be NULL). */
gboolean        mc_export_to_file_full         (McBoard                *board,
                                                const McExportOptions  *options,
                                                McExportFormat          format,
                                                GFile                  *out,
                                                McExportSummary        *summary,
                                                GError                **error);
GBytes         *mc_export_to_bytes_full        (McBoard                *board,
                                                const McExportOptions  *options,
                                                McExportFormat          format,
                                                McExportSummary        *summary,
                                                GError                **error);

/* Measures scene as drawn at points_per_unit, content being the page (scene
 * units, margin included). */
void            mc_export_preflight_scene      (McScene                *scene,
                                                const McRect           *content,
                                                double                  points_per_unit,
                                                McExportPreflight      *preflight);
/* "174 × 98 mm · smallest text 7.0 pt · thinnest line 0.35 pt · grayscale: ok" */
char           *mc_export_preflight_to_string  (const McExportPreflight *preflight);
/* FALSE when any text of an export scene is cut off (a note whose text
 * cannot show at the font floor, any text ellipsized), with one line in
 * MC_LAYOUT_ERROR_DOES_NOT_FIT naming the figure (or the board), what did
 * not fit and the cure. Every figure export calls it before writing and
 * leaves no file when it fails; the Export window shows the same line. */
gboolean        mc_export_check_fit            (McScene                *scene,
                                                double                  points_per_unit,
                                                GError                **error);
/* Whether a page of this size can be written in format: PDF pages within
 * MC_EXPORT_MAX_PDF_PAGE_PT, PNG images within the pixel limits. The error
 * names the size and the cure. */
gboolean        mc_export_check_page           (const McExportOptions  *options,
                                                McExportFormat          format,
                                                const McExportPreflight *preflight,
                                                GError                **error);

G_END_DECLS
