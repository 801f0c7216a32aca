/* mc-figure-value-creation.c — the whole model (Figuur 2, compact form
 * Figuur 12): meervoudige waardecreatie hand in hand with a dynamic
 * learning agenda at the centre, the CIMO parts around it
 *
 * Value creation is the disc in the middle. The learning agenda holds it
 * from both sides: short-term learning questions (concrete next steps) on
 * the left, longer-term ones (the longer horizon) on the right, read along a
 * time arrow below them. Above and below the centre stand the four CIMO
 * parts with the elements of the generic models that fill them in; the
 * scale levels and the coherence of the parts close the figure. The three
 * regions of the centre hold the notes. mc-figure-value-creation-frame.c
 * lays it out, for a journal's frame or in the board's square.
 */
#include "config.h"

#include "mc-figure-kinds-private.h"
#include "mc-figure-value-creation-private.h"

const McFigureKindClass mc_figure_kind_value_creation = {
  .id = "value-creation",
  .natural_width = 1000,
  .natural_height = 1000,
  .build = _mc_figure_value_creation_build_whole,
  .lays_out_for_frame = TRUE,
};
