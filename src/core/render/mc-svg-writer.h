/* mc-svg-writer.h — writes a McScene as a standalone SVG 1.1 document
 *
 * Shapes become <path> elements, text stays text: one <text> per scene text
 * item with one <tspan> per line that pango computed, at its baseline, so
 * the words can be selected, searched and edited in a vector editor.
 * Regions and notes become <g id="…"> with a <title>. The document has no
 * external references.
 */
#pragma once

#include "mc-scene.h"

G_BEGIN_DECLS

typedef struct
{
  /* The part of the scene to show, in scene units; NULL: the scene's bounds
   * grown by margin on every side. */
  const McRect  *view;
  double         margin;
  /* Physical width of the picture in millimetres; 0: width/height are left
   * in user units (the viewBox size). */
  double         width_mm;
  /* Painted behind everything; NULL: transparent. */
  const McColor *background;
  /* Document <title>; may be NULL. */
  const char    *title;
  /* Text for the document's <metadata> (the board behind the figure);
   * may be NULL. */
  const char    *metadata;
} McSvgOptions;

/* A NUL-terminated UTF-8 SVG document; length (may be NULL) receives its
 * size in bytes. options may be NULL for the defaults. */
char *mc_svg_write_scene  (McScene            *scene,
                           const McSvgOptions *options,
                           gsize              *length);

/* Appends text to string escaped for XML character data and attribute
 * values: &, <, >, " and ' become references, invalid UTF-8 is repaired and
 * characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are left
 * out. */
void  mc_svg_append_escaped (GString    *string,
                             const char *text);
/* A valid XML id (an NCName) for a scene group id: "cimo/context" →
 * "cimo--context", "note:<uuid>" → "note-<uuid>". */
char *mc_svg_sanitize_id  (const char *id);

G_END_DECLS
