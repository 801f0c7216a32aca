/* mc-export-private.h — what the export's files share; not for the app
 *
 * mc-export.c         options, formats, scope, the public entry points, writing files
 * mc-export-geometry.c page size, scale, the export scene, drawing it
 * mc-export-writers.c  PDF, SVG, PNG and outline bytes
 * mc-export-pages.c    a page too tall for PDF, cut into pages
 * mc-export-report.c   the session report
 */
#pragma once

#include <cairo.h>
#include "mc-export.h"

G_BEGIN_DECLS

#define MC_MM_TO_PT(mm) MC_EXPORT_MM_TO_PT (mm)
#define MC_PT_TO_MM(pt) MC_EXPORT_PT_TO_MM (pt)

#define MC_A4_SHORT_MM 210.0
#define MC_A4_LONG_MM  297.0
#define MC_A3_SHORT_MM 297.0
#define MC_A3_LONG_MM  420.0

typedef struct
{
  double page_width;   /* points */
  double page_height;
  double scale;        /* points per scene unit */
  double offset_x;     /* points: where content's top-left lands */
  double offset_y;
  McRect content;      /* scene units */
} McPageGeometry;

/* mc-export.c */
gboolean   _mc_export_check_options      (const McExportOptions  *options,
                                          McExportFormat          format,
                                          GError                **error);
GPtrArray *_mc_export_scope_figure_ids   (McBoard                *board,
                                          const McExportOptions  *options,
                                          GError                **error);

/* mc-export-geometry.c */
McScene   *_mc_export_build_scene        (McBoard                *board,
                                          const McExportOptions  *options,
                                          McExportFormat          format,
                                          GPtrArray              *ids,
                                          McPageGeometry         *geo,
                                          GError                **error);
McScene   *_mc_export_scene_without_background (McScene         *scene);
gboolean   _mc_export_background_color   (const McExportOptions  *options,
                                          McColor                *color);
void       _mc_export_draw_geometry      (cairo_t                *cr,
                                          McScene                *scene,
                                          const McPageGeometry   *geo,
                                          const McColor          *background);

/* mc-export-pages.c: a page taller than max_page_pt (points) as bands of
 * the content (scene units, top and bottom as two doubles each), cut
 * between notes and lines; one band when it fits. */
GArray    *_mc_export_page_bands         (McScene                *scene,
                                          const McPageGeometry   *geo,
                                          double                  max_page_pt);
/* Per band, the top-level item ranges (begin, end pairs) reaching into it. */
GPtrArray *_mc_export_page_items         (McScene                *scene,
                                          GArray                 *bands);
double     _mc_export_band_height        (const McPageGeometry   *geo,
                                          GArray                 *bands,
                                          guint                   band);
void       _mc_export_draw_band          (cairo_t                *cr,
                                          McScene                *scene,
                                          const McPageGeometry   *geo,
                                          GArray                 *bands,
                                          guint                   band,
                                          GArray                 *items,
                                          const McColor          *background);

/* mc-export-writers.c */
cairo_status_t _mc_export_append_to_byte_array (void                *closure,
                                                const unsigned char *data,
                                                unsigned int         length);
gboolean   _mc_export_check_cairo        (cairo_status_t          status,
                                          GError                **error);
void       _mc_export_pdf_set_metadata   (cairo_surface_t        *surface,
                                          const char             *title);
GBytes    *_mc_export_write_figures      (McBoard                *board,
                                          const McExportOptions  *options,
                                          McExportFormat          format,
                                          GPtrArray              *ids,
                                          McExportSummary        *summary,
                                          GError                **error);
GBytes    *_mc_export_write_outline      (McBoard                *board,
                                          const McExportOptions  *options,
                                          McExportFormat          format,
                                          GPtrArray              *ids);

G_END_DECLS
