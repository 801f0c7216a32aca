/* mc-view-options.c — the default view */
#include "config.h"

#include "mc-view-options.h"

void
mc_view_options_init (McViewOptions *options,
                      McLanguage     language)
{
  g_return_if_fail (options != NULL);

  *options = (McViewOptions) {
    .language = language,
    .theme = MC_THEME_COLOR,
    .questions = MC_QUESTIONS_INLINE,
    .definitions = TRUE,
    .notes = TRUE,
    .empty_regions = TRUE,
    .caption = FALSE,
    .min_font_size = 0,
    .figure_id = NULL,
    .frame_width = 0,
    .strict = FALSE,
    .legend_below = FALSE,
  };
}
