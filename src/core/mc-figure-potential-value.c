/* mc-figure-potential-value.c — placeholder: no drawing yet (build == NULL) */
#include "config.h"

#include "mc-figure-kinds-private.h"

const McFigureKindClass mc_figure_kind_potential_value = {
  .id = "potential-value",
  .natural_width = 1000,
  .natural_height = 1000,
  .build = NULL,
};
