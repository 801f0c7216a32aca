/* mc-text-private.h — what mc-text.c and mc-text-measure.c share
 *
 * mc-text-measure.c shapes a text once, on one line per paragraph, and
 * keeps the widths of the pieces between its break opportunities. With
 * hinting and glyph rounding off (mc_text_get_context()) those widths scale
 * with the font size, so how the text wraps at any size and width can be
 * worked out from them without shaping it again.
 */
#pragma once

#include "mc-text.h"

G_BEGIN_DECLS

typedef struct _McTextMeasure McTextMeasure;

typedef enum
{
  MC_TEXT_PREDICT_NO,
  MC_TEXT_PREDICT_YES,
  MC_TEXT_PREDICT_UNSURE,   /* too close to call: lay it out */
} McTextPrediction;

/* The text as laid out: long words get break opportunities (free with
 * g_free), NULL when it needs none. */
char             *_mc_text_break_long_words  (const char        *text);

/* The measure of text at style (cached for all threads, bounded): a new
 * reference, NULL for an empty text. */
McTextMeasure    *_mc_text_measure_get       (const char        *text,
                                              const McTextStyle *style);
/* The same, or a cached measure of the text at another size (for
 * _mc_text_measure_predict(), which scales it). */
McTextMeasure    *_mc_text_measure_get_any_size (const char        *text,
                                                 const McTextStyle *style);
McTextMeasure    *_mc_text_measure_ref       (McTextMeasure     *measure);
void              _mc_text_measure_unref     (McTextMeasure     *measure);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McTextMeasure, _mc_text_measure_unref)
double            _mc_text_measure_longest_word (const McTextMeasure *measure);
/* Whether the text at size (the style's own size scaled) wraps into
 * width × height without breaking a word, as mc_text_layout_fit() judges
 * it; UNSURE when the measure cannot tell (several fonts, line spacing, a
 * width or height within rounding of the limit). */
McTextPrediction  _mc_text_measure_predict   (const McTextMeasure *measure,
                                              double               size,
                                              double               width,
                                              double               height);

/* How many lines the text at size wraps into in width, as far as the
 * replay is sure of it without a word breaking; 0 otherwise. */
guint             _mc_text_measure_count_lines (const McTextMeasure *measure,
                                                double               size,
                                                double               width);
/* A character of the text: laid out alone at a size, its line is as tall
 * as each of the text's lines (one font); 0 when the text has none or
 * several fonts. */
gunichar          _mc_text_measure_get_probe   (const McTextMeasure *measure);

G_END_DECLS
