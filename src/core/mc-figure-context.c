/* mc-figure-context.c — placeholder: no drawing yet (build == NULL) */
#include "config.h"

#include "mc-figure-kinds-private.h"

const McFigureKindClass mc_figure_kind_context = {
  .id = "context",
  .natural_width = 1000,
  .natural_height = 1000,
  .build = NULL,
};
