/* mc-text.h — text layout shared by every backend
 *
 * One pango font map with hinting and metric hinting off, so the same text
 * breaks the same way on screen, in PDF, in SVG and in golden images.
 */
#pragma once

#include <pango/pango.h>
#include "mc-types.h"

G_BEGIN_DECLS

typedef struct
{
  const char     *family;     /* NULL: the theme's */
  double          size;       /* in scene units (px at 100 %) */
  PangoWeight     weight;
  PangoStyle      style;
  PangoAlignment  alignment;
  double          line_spacing; /* factor, 0 = pango default */
} McTextStyle;

PangoContext *mc_text_get_context     (void);   /* one per thread; do not unref */

/* width < 0: no wrapping. Text wraps at word boundaries; a word wider than
 * the line breaks between characters, without an inserted hyphen, and a
 * very long word (a URL, base64) gets a break opportunity every few
 * characters, so layout time stays linear in the text's length. */
PangoLayout  *mc_text_layout_new      (const char        *text,
                                       const McTextStyle *style,
                                       double             width);
/* Logical size of a layout in scene units. */
void          mc_text_layout_get_size (PangoLayout       *layout,
                                       double            *width,
                                       double            *height);

/* TRUE when some line of layout starts inside a word (a word wider than
 * the line had to break). */
gboolean      mc_text_layout_breaks_inside_word (PangoLayout *layout);

/* The width (scene units) of the widest piece of text between two line
 * break opportunities, trailing spaces left out, at style: what a line
 * must hold for the text to wrap without breaking a word. Words longer
 * than break_long_words()'s limit count by their chunks. */
double        mc_text_longest_word_width (const char        *text,
                                          const McTextStyle *style);

/* How many layouts mc_text_layout_new() has made, on every thread: what
 * the tests count to see that a text is shaped once, not once per size. */
guint         mc_text_get_n_layouts   (void);

/* Lays text out to fit width × height: the size starts at style->size and
 * shrinks (in small steps) down to min_size, judged from the text's
 * widths measured once (mc-text-measure.c) and laid out once at the size
 * found. Returns the layout; *fits says
 * whether the text fit at that size (FALSE: it is clipped to max lines with
 * an ellipsis at min_size). */
PangoLayout  *mc_text_layout_fit      (const char        *text,
                                       const McTextStyle *style,
                                       double             width,
                                       double             height,
                                       double             min_size,
                                       gboolean          *fits);

/* One text to fit, for mc_text_layout_fit_many(). */
typedef struct
{
  const char  *text;
  McTextStyle  style;
  double       width;
  double       height;
  double       min_size;
  PangoLayout *layout;     /* out: as mc_text_layout_fit() returns it */
  gboolean     fits;       /* out */
} McTextFitJob;

/* mc_text_layout_fit() on every job, spread over the machine's cores when
 * there are many (the layouts are the same as one by one). Blocks until
 * all are done; the caller owns the layouts. */
void          mc_text_layout_fit_many (McTextFitJob      *jobs,
                                       guint              n_jobs);
/* Measures (and caches) every job's text at its style, as
 * mc_text_longest_word_width() and mc_text_layout_fit() will ask for it,
 * spread over the cores the same way; only text and style are read. */
void          mc_text_measure_many    (McTextFitJob      *jobs,
                                       guint              n_jobs);

/* The size mc_text_layout_fit() sets the text at (as the layout keeps
 * it), judged from the text's measure alone, without shaping it at the
 * sizes tried: what a caller that only compares sizes needs (a region's
 * notes share their smallest). -1 when only laying the text out can tell
 * (a size too close to call, a text cut at min_size): then call
 * mc_text_layout_fit(). */
double        mc_text_fit_size        (const char        *text,
                                       const McTextStyle *style,
                                       double             width,
                                       double             height,
                                       double             min_size);

G_END_DECLS
