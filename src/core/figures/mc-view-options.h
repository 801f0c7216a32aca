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
};

typedef struct _McViewOptions McViewOptions;

/* Defaults: colour theme, questions inline, definitions, notes and empty
 * regions shown, no caption, the theme's font floor, every figure. */
void        mc_view_options_init       (McViewOptions *options,
                                        McLanguage     language);

G_END_DECLS
