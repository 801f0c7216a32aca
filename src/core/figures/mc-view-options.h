/* mc-view-options.h — what a figure shows: language, theme, questions,
 * definitions, notes, caption and the font floor */
#pragma once

#include "mc-types.h"

G_BEGIN_DECLS

struct _McViewOptions
{
  McLanguage      language;
  McThemeKind     theme;
  McQuestionsMode questions;
  gboolean        definitions;
  gboolean        notes;            /* draw the notes */
  gboolean        empty_regions;    /* FALSE: hide regions without notes */
  gboolean        caption;          /* APA-style caption under the figure */
  double          min_font_size;    /* scene units; 0: the theme's floor */
  const char     *figure_id;        /* only this placed figure; NULL: all */
  /* Layout for the frame (exports, prints): > 0 lays the one figure of
   * figure_id out for a frame this wide at (0, 0), in points at final size,
   * instead of scaling its board drawing. Its notes are packed into their
   * regions; the questions legend goes below it. */
  double          frame_width;
  /* Never shrink a text on its own or cut it with "…": a text that does
   * not fit its place moves to the legend below the figure in full, a note
   * grows to hold its text, and what still cannot fit is reported
   * (mc_layout_get_misfits()). Exports and prints set it. */
  gboolean        strict;
  /* MC_QUESTIONS_LIST: the numbered legend below the figure rather than
   * beside it (always below when frame_width is set). */
  gboolean        legend_below;
};

typedef struct _McViewOptions McViewOptions;

/* Defaults: colour theme, questions inline, definitions, notes and empty
 * regions shown, no caption, the theme's font floor, every figure, laid
 * out as placed on the board, not strict, a legend beside the figure. */
void        mc_view_options_init       (McViewOptions *options,
                                        McLanguage     language);

G_END_DECLS
