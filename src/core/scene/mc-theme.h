/* mc-theme.h — colours, type and strokes for the three themes
 *
 * color:     screen default; Wong's colour-blind-safe hues as calm tints.
 * print:     journals; Liberation Sans, thin lines, fills that differ in
 *            lightness so neighbouring regions survive grayscale.
 * projector: high contrast, large type.
 * high-contrast, projector-high-contrast: the desktop's high-contrast style
 *            (chosen by the app, mc_theme_kind_for_contrast()): the type,
 *            lines and layout of the colour or projector theme, with a
 *            palette of black text (≥ 7:1 on every fill), dark region
 *            outlines and no thin light lines.
 *
 * Colour roles come from the catalog ("context", "intervention",
 * "mechanisms", "outcomes", "value", "coherence", "scale", "neutral").
 */
#pragma once

#include "mc-types.h"

G_BEGIN_DECLS

struct _McTheme
{
  /* The base theme: a high-contrast variant has the kind of the theme it
   * varies (so it is drawn and laid out as that one) and high_contrast. */
  McThemeKind kind;
  gboolean    high_contrast;
  const char *font_family;   /* a pango family list, e.g. "Inter, Cantarell, sans-serif" */

  /* Type sizes in figure units for a figure 1000 units wide; the figure
   * kinds scale them with the figure and never go below min_font_size. */
  double      title_size;
  double      label_size;
  double      body_size;      /* definitions, questions */
  double      small_size;
  double      note_size;      /* note text before shrink-to-fit */
  double      min_font_size;

  double      line_width;     /* region outlines, in figure units */
  double      thin_line_width;
  double      corner_radius;

  McColor     paper;          /* board / page background */
  McColor     ink;            /* main text and strokes */
  McColor     muted_ink;      /* secondary text (questions, brackets) */
  McColor     rule;           /* light separators */
  McColor     selection;
  double      note_edge_shade; /* a note's outline is its fill × this */
};

const McTheme *mc_theme_get              (McThemeKind    kind);

/* The theme to draw kind in with (high_contrast) or without the desktop's
 * high-contrast style: colour ↔ high-contrast, projector ↔
 * projector-high-contrast; print is grayscale with dark lines and stays. */
McThemeKind    mc_theme_kind_for_contrast (McThemeKind   kind,
                                           gboolean      high_contrast);

/* Region fills: shade 0 is the role's base tint; higher shades step in
 * lightness (for nested rings and neighbours of one role). */
void           mc_theme_get_role_fill    (const McTheme *theme,
                                          const char    *role,
                                          guint          shade,
                                          McColor       *color);
void           mc_theme_get_role_stroke  (const McTheme *theme,
                                          const char    *role,
                                          McColor       *color);
/* Text colour that reads on the role's fill. */
void           mc_theme_get_role_ink     (const McTheme *theme,
                                          const char    *role,
                                          McColor       *color);
/* Note colours by name (mc-note.h); unknown names give the default. */
void           mc_theme_get_note_fill    (const McTheme *theme,
                                          const char    *note_color,
                                          McColor       *color);

G_END_DECLS
