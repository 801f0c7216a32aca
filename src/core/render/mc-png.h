/* mc-png.h — fast PNG encoding of cairo image surfaces for exports
 *
 * cairo_surface_write_to_png() lets libpng try every row filter at the
 * highest compression: a 300 dpi figure then takes about a second. Exports
 * use cheap filters and light compression instead, write opaque images as
 * RGB, and record the resolution (pHYs) that journals' upload checks read.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define MC_PNG_ERROR (mc_png_error_quark ())

typedef enum
{
  MC_PNG_ERROR_ENCODE,  /* libpng failed or memory ran out */
} McPngError;

GQuark  mc_png_error_quark (void);


/* surface: CAIRO_FORMAT_ARGB32, flushed. opaque: every pixel has alpha 255
 * (write RGB). dpi: recorded in the file; 0 writes no resolution. */
GBytes *mc_png_encode (cairo_surface_t  *surface,
                       gboolean          opaque,
                       int               dpi,
                       GError          **error);

/* The same with a tEXt chunk "key" = text (Latin-1 printable, as PNG
 * requires: callers pass ASCII); key and text may be NULL. */
GBytes *mc_png_encode_with_text (cairo_surface_t  *surface,
                                 gboolean          opaque,
                                 int               dpi,
                                 const char       *key,
                                 const char       *text,
                                 GError          **error);

G_END_DECLS
